package main

import (
	"encoding/json"
	"net/http"
)

// Admin tooling lives in a separate back-office; this service only takes bookings.
func createBooking(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(map[string]string{"status": "created"})
}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /bookings", createBooking)
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(200) })
	http.ListenAndServe(":8080", mux)
}
