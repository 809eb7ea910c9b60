package main

import (
	"net/http"

	"github.com/sirupsen/logrus"
)

func main() {
	log := logrus.New()
	log.SetLevel(logrus.InfoLevel)
	http.HandleFunc("/pay", func(w http.ResponseWriter, r *http.Request) {
		log.WithField("route", "/pay").Info("payment")
	})
	http.ListenAndServe(":8080", nil)
}
