package main

import "gorm.io/gorm"

// Product is a catalogue entry; the service stores no customer data.
type Product struct {
	gorm.Model
	Name  string `gorm:"size:200"`
	Price int64
}

func main() {
	var db *gorm.DB
	db.AutoMigrate(&Product{})
}
