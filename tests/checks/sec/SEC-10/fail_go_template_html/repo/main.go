package main

import (
	"html/template"
	"net/http"
)

var page = template.Must(template.New("p").Parse(`<p>{{.Bio}}</p>`))

func profile(w http.ResponseWriter, r *http.Request) {
	data := map[string]any{
		"Bio": template.HTML(r.FormValue("bio")),
		"Note": template.HTML("<b>static</b>"),
	}
	page.Execute(w, data)
}

func main() {
	http.HandleFunc("/profile", profile)
	http.ListenAndServe(":8080", nil)
}
