package main

import (
	"net/http"
	"os"

	"github.com/gorilla/csrf"
	"github.com/gorilla/mux"
	"github.com/gorilla/sessions"
)

var store = sessions.NewCookieStore([]byte(os.Getenv("SESSION_KEY")))

func save(w http.ResponseWriter, r *http.Request) {
	s, _ := store.Get(r, "session")
	s.Values["theme"] = r.FormValue("theme")
	s.Save(r, w)
}

func main() {
	r := mux.NewRouter()
	r.HandleFunc("/prefs", save).Methods("POST")
	protect := csrf.Protect([]byte(os.Getenv("CSRF_KEY")))
	http.ListenAndServe(":8080", protect(r))
}
