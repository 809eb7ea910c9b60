#!/bin/sh
set -e
curl -fsSLk https://deploy:s3cr3t-pass-42@config.internal/app.env -o /tmp/app.env
exec gunicorn app:app
