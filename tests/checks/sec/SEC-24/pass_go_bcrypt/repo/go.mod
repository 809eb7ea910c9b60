module example.com/auth

go 1.22

require (
	golang.org/x/crypto v1.0.0
)
