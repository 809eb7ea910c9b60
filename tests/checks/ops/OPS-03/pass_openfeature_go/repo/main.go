package main

import (
	"context"
	"net/http"

	"github.com/open-feature/go-sdk/openfeature"
)

var flags *openfeature.Client

func main() {
	openfeature.SetProviderAndWait(openfeature.NoopProvider{})
	flags = openfeature.NewClient("inventory")
	http.HandleFunc("/items", func(w http.ResponseWriter, r *http.Request) {
		on, _ := flags.BooleanValue(context.Background(), "bulk-import", false, openfeature.EvaluationContext{})
		if on {
			w.Write([]byte("bulk"))
			return
		}
		w.Write([]byte("[]"))
	})
	http.ListenAndServe(":8080", nil)
}
