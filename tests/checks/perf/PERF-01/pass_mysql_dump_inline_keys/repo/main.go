package main

import (
	"database/sql"
	"net/http"

	_ "github.com/go-sql-driver/mysql"
)

func main() {
	db, _ := sql.Open("mysql", "app@tcp(db:3306)/app")
	db.SetMaxOpenConns(10)
	http.HandleFunc("/articles", func(w http.ResponseWriter, r *http.Request) {
		rows, _ := db.QueryContext(r.Context(), "SELECT id, title FROM article WHERE author_id = ?", r.URL.Query().Get("author"))
		defer rows.Close()
	})
	http.ListenAndServe(":8080", nil)
}
