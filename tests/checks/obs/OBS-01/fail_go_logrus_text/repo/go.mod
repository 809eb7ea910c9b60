module example.com/payments

go 1.22

require (
	github.com/sirupsen/logrus v1.9.3
)
