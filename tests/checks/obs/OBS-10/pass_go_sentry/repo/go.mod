module example.com/gateway

go 1.22

require (
	github.com/getsentry/sentry-go v0.27.0
)
