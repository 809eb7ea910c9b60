package main

import "github.com/caarlos0/env/v11"

type Config struct {
	DatabaseURL string `env:"DATABASE_URL,required"`
	Port        int    `env:"PORT" envDefault:"8080"`
}

func loadConfig() (Config, error) {
	var cfg Config
	// fails listing every missing required variable
	err := env.Parse(&cfg)
	return cfg, err
}
