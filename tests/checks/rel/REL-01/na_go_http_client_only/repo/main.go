package main

import (
	"fmt"
	"net/http"
)

// A batch job: it calls an API but serves nothing.
func main() {
	resp, err := http.Get("https://api.example.com/health")
	if err != nil {
		panic(err)
	}
	fmt.Println(resp.Status)
}
