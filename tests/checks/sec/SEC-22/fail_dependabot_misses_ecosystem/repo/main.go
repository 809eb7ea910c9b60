package main

import "github.com/go-chi/chi/v5"

func main() { _ = chi.NewRouter() }
