package main

import (
	"encoding/json"
	"net/http"
)

type Note struct {
	Title string `json:"title" validate:"required"`
}

var notes []Note

func createNote(w http.ResponseWriter, r *http.Request) {
	var n Note
	if err := json.NewDecoder(r.Body).Decode(&n); err != nil {
		http.Error(w, "bad json", http.StatusBadRequest)
		return
	}
	notes = append(notes, n)
	w.WriteHeader(http.StatusCreated)
}

func main() {
	http.HandleFunc("POST /notes", createNote)
	http.ListenAndServe(":8080", nil)
}
