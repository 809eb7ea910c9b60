package main

import (
	"database/sql"
	"encoding/json"
	"net/http"
)

var db *sql.DB

type Member struct {
	Email     string `json:"email"`
	FirstName string `json:"first_name"`
}

func memberID(r *http.Request) string { return r.Header.Get("X-Member") }

func deleteMe(w http.ResponseWriter, r *http.Request) {
	db.Exec("DELETE FROM members WHERE id = $1", memberID(r))
	w.WriteHeader(http.StatusNoContent)
}

func exportMe(w http.ResponseWriter, r *http.Request) {
	var m Member
	db.QueryRow("SELECT email, first_name FROM members WHERE id = $1", memberID(r)).Scan(&m.Email, &m.FirstName)
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(m)
}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("DELETE /me", deleteMe)
	mux.HandleFunc("GET /me/export", exportMe)
	http.ListenAndServe(":8080", mux)
}
