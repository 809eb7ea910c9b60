module example.com/auth

go 1.22

require (
	github.com/golang-jwt/jwt/v5 v1.0.0
)
