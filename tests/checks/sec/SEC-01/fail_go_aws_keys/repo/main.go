package main

import (
	"log"
	"net/http"
)

const (
	region             = "eu-west-1"
	awsAccessKeyID     = "AKIA2GONOGOFIXTURE7Q"
	awsSecretAccessKey = "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"
)

func main() {
	log.Fatal(http.ListenAndServe(":8080", nil))
}
