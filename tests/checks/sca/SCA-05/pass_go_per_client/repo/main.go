package main

import (
	"net"
	"net/http"
	"sync"

	"golang.org/x/time/rate"
)

var (
	mu       sync.Mutex
	limiters = map[string]*rate.Limiter{}
)

func limiterFor(ip string) *rate.Limiter {
	mu.Lock()
	defer mu.Unlock()
	l, ok := limiters[ip]
	if !ok {
		l = rate.NewLimiter(10, 20)
		limiters[ip] = l
	}
	return l
}

func limit(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ip, _, _ := net.SplitHostPort(r.RemoteAddr)
		if !limiterFor(ip).Allow() {
			http.Error(w, "too many requests", http.StatusTooManyRequests)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/api/quote", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("{}")) })
	http.ListenAndServe(":8080", limit(mux))
}
