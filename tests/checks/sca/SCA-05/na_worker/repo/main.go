package main

import (
	"log"
	"time"
)

// A queue consumer with no HTTP server; its "limiter" throttles outgoing calls only.
func main() {
	for range time.Tick(time.Second) {
		log.Println("drain queue")
	}
}
