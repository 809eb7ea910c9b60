package main

import (
	"context"
	"database/sql"
)

func createBooking(ctx context.Context, db *sql.DB, slot, user int64) error {
	if _, err := db.ExecContext(ctx, `UPDATE slots SET booked = booked + 1 WHERE id = $1`, slot); err != nil {
		return err
	}
	_, err := db.ExecContext(ctx, `INSERT INTO bookings (slot_id, user_id) VALUES ($1, $2)`, slot, user)
	return err
}
