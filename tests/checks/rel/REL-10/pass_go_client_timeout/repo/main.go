package main

import "net/http"

func main() {
	http.HandleFunc("/fx", func(w http.ResponseWriter, r *http.Request) { rates() })
	http.ListenAndServe(":8080", nil)
}
