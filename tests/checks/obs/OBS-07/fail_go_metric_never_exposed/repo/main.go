package main

import (
	"net/http"

	"github.com/prometheus/client_golang/prometheus"
)

var requests = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "http_requests_total"}, []string{"code"})

func main() {
	prometheus.MustRegister(requests)
	http.HandleFunc("/entries", func(w http.ResponseWriter, r *http.Request) {
		requests.WithLabelValues("200").Inc()
	})
	http.ListenAndServe(":8080", nil)
}
