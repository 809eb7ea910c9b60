package main

import (
	"log/slog"
	"net/http"
)

func main() {
	http.HandleFunc("/reset", func(w http.ResponseWriter, r *http.Request) {
		email := r.FormValue("email")
		sendReset(email)
		slog.Info("password reset requested", "email", email)
	})
	http.ListenAndServe(":8080", nil)
}

func sendReset(string) {}
