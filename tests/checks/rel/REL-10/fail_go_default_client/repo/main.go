package main

import (
	"io"
	"net/http"
)

func main() {
	http.HandleFunc("/geo", func(w http.ResponseWriter, r *http.Request) {
		resp, err := http.Get("https://geo.example.com/lookup?ip=" + r.RemoteAddr)
		if err != nil {
			http.Error(w, "upstream", http.StatusBadGateway)
			return
		}
		defer resp.Body.Close()
		io.Copy(w, resp.Body)
	})
	http.ListenAndServe(":8080", nil)
}
