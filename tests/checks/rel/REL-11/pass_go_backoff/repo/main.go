package main

import "net/http"

func main() {
	http.HandleFunc("/alert", func(w http.ResponseWriter, r *http.Request) { sendAlert("ops@example.com", []byte("x")) })
	http.ListenAndServe(":8080", nil)
}
