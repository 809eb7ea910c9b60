module example.com/catalog

go 1.22

require gorm.io/gorm v1.25.10
