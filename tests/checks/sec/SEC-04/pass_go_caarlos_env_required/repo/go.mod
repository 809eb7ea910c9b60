module example.com/api

go 1.22

require github.com/caarlos0/env/v11 v11.1.0
