package main

import (
	"database/sql"
	"fmt"
	"net/http"

	_ "github.com/lib/pq"
)

var db *sql.DB

func orders(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	email := r.URL.Query().Get("email")
	// Built with Sprintf: the email ends up inside the SQL text.
	query := fmt.Sprintf("SELECT id, total FROM orders WHERE email = '%s'", email)
	rows, err := db.QueryContext(ctx, query)
	if err != nil {
		http.Error(w, "error", 500)
		return
	}
	defer rows.Close()
}

func main() {
	http.HandleFunc("/orders", orders)
	http.ListenAndServe(":8080", nil)
}
