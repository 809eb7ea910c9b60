package main

import (
	"database/sql"
	"net/http"
	"os"
)

func main() {
	db, _ := sql.Open("postgres", os.Getenv("DATABASE_URL"))
	defer db.Close()
	_ = http.ListenAndServe(":8080", nil)
}
