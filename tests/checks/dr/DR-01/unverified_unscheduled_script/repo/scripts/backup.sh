#!/bin/sh
pg_dump "$DATABASE_URL" --format=custom --file="backup-$(date +%F).dump"
