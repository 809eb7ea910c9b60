module example.com/svc

go 1.22
require (
	github.com/gorilla/csrf v1.7.2
	github.com/gorilla/mux v1.8.1
	github.com/gorilla/sessions v1.2.2
)

