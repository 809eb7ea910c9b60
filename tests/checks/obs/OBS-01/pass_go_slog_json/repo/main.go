package main

import (
	"log/slog"
	"net/http"
	"os"
)

func main() {
	logger := slog.New(
		slog.NewJSONHandler(os.Stdout, &slog.HandlerOptions{Level: slog.LevelInfo}))
	slog.SetDefault(logger)
	http.HandleFunc("/items", func(w http.ResponseWriter, r *http.Request) {
		slog.Info("items listed", "count", 3)
		w.Write([]byte("[]"))
	})
	http.ListenAndServe(":8080", nil)
}
