module example.com/svc

go 1.22
require github.com/rs/cors v1.11.0

