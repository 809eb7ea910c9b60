package main

import (
	"database/sql"
	"net/http"
)

var db *sql.DB

const ordersByEmail = "SELECT id, total FROM orders WHERE email = $1"

func orders(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	email := r.URL.Query().Get("email")
	q := "SELECT id FROM orders WHERE status = $1"
	q += " AND email = $2"
	rows, err := db.QueryContext(ctx, q, "paid", email)
	if err != nil {
		return
	}
	defer rows.Close()
	db.QueryRowContext(ctx, ordersByEmail, email)
}

func main() {
	http.HandleFunc("/orders", orders)
	http.ListenAndServe(":8080", nil)
}
