package main

import (
	"context"
	"database/sql"
)

func createBooking(ctx context.Context, db *sql.DB, slot, user int64) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `UPDATE slots SET booked = booked + 1 WHERE id = $1`, slot); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO bookings (slot_id, user_id) VALUES ($1, $2)`, slot, user); err != nil {
		return err
	}
	return tx.Commit()
}
