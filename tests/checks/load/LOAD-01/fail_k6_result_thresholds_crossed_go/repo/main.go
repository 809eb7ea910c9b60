package main

import (
	"net/http"
)

func main() {
	http.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(200) })
	http.HandleFunc("/items", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("[]")) })
	http.ListenAndServe(":8080", nil)
}
