package main

import (
	"encoding/json"
	"net/http"
)

type Event struct {
	Type string `json:"type"`
}

func webhook(w http.ResponseWriter, r *http.Request) {
	var ev Event
	if err := json.NewDecoder(r.Body).Decode(&ev); err != nil {
		http.Error(w, "bad", http.StatusBadRequest)
		return
	}
	if ev.Type == "invoice.paid" {
		// grant the subscription
	}
	w.WriteHeader(http.StatusOK)
}

func main() {
	http.HandleFunc("/webhook", webhook)
	http.ListenAndServe(":8080", nil)
}
