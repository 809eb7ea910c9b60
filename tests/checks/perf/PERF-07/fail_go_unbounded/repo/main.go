package main

import (
	"database/sql"
	"net/http"
	"os"

	_ "github.com/lib/pq"
)

func main() {
	db, err := sql.Open("postgres", os.Getenv("DATABASE_URL"))
	if err != nil {
		panic(err)
	}
	http.HandleFunc("/orders", func(w http.ResponseWriter, r *http.Request) {
		_ = db.PingContext(r.Context())
	})
	http.ListenAndServe(":8080", nil)
}
