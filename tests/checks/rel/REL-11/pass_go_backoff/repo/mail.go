package main

import (
	"net/smtp"

	"github.com/cenkalti/backoff/v4"
)

func sendAlert(to string, body []byte) error {
	op := func() error {
		return smtp.SendMail("smtp.example.com:587", nil, "alerts@example.com", []string{to}, body)
	}
	return backoff.Retry(op, backoff.WithMaxRetries(backoff.NewExponentialBackOff(), 5))
}
