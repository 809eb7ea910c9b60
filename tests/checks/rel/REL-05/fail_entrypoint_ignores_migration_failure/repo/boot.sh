#!/bin/bash
# The server starts whether or not the migration reached the database.
flask db upgrade
exec gunicorn -b :8000 app:app
