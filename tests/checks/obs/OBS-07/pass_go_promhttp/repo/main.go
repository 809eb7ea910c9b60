package main

import (
	"net/http"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

var httpDuration = promauto.NewHistogramVec(prometheus.HistogramOpts{
	Name: "http_request_duration_seconds",
	Help: "HTTP request duration.",
}, []string{"code", "method"})

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/stock", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("{}")) })
	mux.Handle("/metrics", promhttp.Handler())
	http.ListenAndServe(":8080", promhttp.InstrumentHandlerDuration(httpDuration, mux))
}
