module github.com/acme/routerkit/v2

go 1.22
