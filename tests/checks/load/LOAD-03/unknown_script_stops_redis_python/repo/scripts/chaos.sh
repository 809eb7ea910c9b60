#!/bin/sh
set -e
docker compose stop redis
curl -fsS http://localhost:8000/health || echo "degraded as expected"
docker compose start redis
