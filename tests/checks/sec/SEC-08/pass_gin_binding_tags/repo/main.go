package main

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

type CreateBooking struct {
	SlotID string `json:"slotId" binding:"required"`
	Guests int    `json:"guests" binding:"required,min=1,max=20"`
}

func createBooking(c *gin.Context) {
	var in CreateBooking
	if err := c.ShouldBindJSON(&in); err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()})
		return
	}
	c.JSON(http.StatusCreated, in)
}

func main() {
	r := gin.Default()
	r.POST("/bookings", createBooking)
	r.Run()
}
