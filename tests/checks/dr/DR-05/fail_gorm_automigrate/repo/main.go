package main

import (
	"os"

	"gorm.io/driver/postgres"
	"gorm.io/gorm"
)

type Order struct {
	ID    uint
	Total int
}

func main() {
	db, err := gorm.Open(postgres.Open(os.Getenv("DATABASE_URL")), &gorm.Config{})
	if err != nil {
		panic(err)
	}
	db.AutoMigrate(&Order{})
}
