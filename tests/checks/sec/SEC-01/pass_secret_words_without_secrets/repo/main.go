package main

const (
	tokenHeader    = "X-Auth-Token-Signature"
	secretKeyRef   = "payments-secret-key-ref"
	passwordPrompt = "Enter your password: "
)

func main() {}
