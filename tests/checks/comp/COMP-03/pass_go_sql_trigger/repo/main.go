package main

import (
	"database/sql"
	"net/http"

	"github.com/gin-gonic/gin"
)

var db *sql.DB

func deleteUser(c *gin.Context) {
	db.Exec("DELETE FROM users WHERE id = $1", c.Param("id"))
	c.Status(http.StatusNoContent)
}

func main() {
	r := gin.Default()
	admin := r.Group("/admin")
	admin.DELETE("/users/:id", deleteUser)
	r.Run(":8080")
}
