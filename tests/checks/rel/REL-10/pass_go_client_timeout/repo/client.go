package main

import (
	"net/http"
	"time"
)

var httpClient = &http.Client{Timeout: 10 * time.Second}

func rates() (*http.Response, error) {
	return httpClient.Get("https://fx.example.com/rates")
}
