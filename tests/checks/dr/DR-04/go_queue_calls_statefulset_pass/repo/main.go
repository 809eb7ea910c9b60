package main

import (
	"context"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/redis/go-redis/v9"
)

func main() {
	rdb := redis.NewClient(&redis.Options{Addr: "redis:6379"})
	r := gin.Default()
	r.POST("/notify", func(c *gin.Context) {
		rdb.LPush(context.Background(), "notifications", c.Query("msg"))
		c.Status(http.StatusAccepted)
	})
	r.Run(":8080")
}
