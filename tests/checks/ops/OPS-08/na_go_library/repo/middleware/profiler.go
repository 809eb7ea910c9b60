// Package middleware gives users of routerkit a router to mount; routerkit itself serves nothing.
package middleware

import (
	"net/http"
	"net/http/pprof"
)

// Profiler returns a handler with the pprof endpoints, for the caller to mount.
func Profiler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	return mux
}
