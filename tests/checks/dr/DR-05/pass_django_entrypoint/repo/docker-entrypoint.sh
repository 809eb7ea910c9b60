#!/bin/sh
set -e
python manage.py migrate --noinput
exec gunicorn shop.wsgi:application --bind 0.0.0.0:8000
