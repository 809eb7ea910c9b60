#!/bin/bash
# Apply the migrations, retrying until the database answers, then serve.
while true; do
    flask db upgrade
    if [[ "$?" == "0" ]]; then
        break
    fi
    echo "database not ready, retrying in 5 s"
    sleep 5
done
exec gunicorn -b :8000 app:app
