package main

import "net/http"

func login(w http.ResponseWriter, r *http.Request) {
	sid := newSessionID()
	saveSession(sid, r.FormValue("user"))
	http.SetCookie(w, &http.Cookie{
		Name:     "__Host-session",
		Value:    sid,
		Path:     "/",
		HttpOnly: true,
		Secure:   true,
		SameSite: http.SameSiteLaxMode,
	})
}

func main() {
	http.HandleFunc("/login", login)
	http.ListenAndServe(":8080", nil)
}
