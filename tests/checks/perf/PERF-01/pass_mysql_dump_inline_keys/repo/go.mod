module example.com/articles

go 1.22

require github.com/go-sql-driver/mysql v1.7.1
