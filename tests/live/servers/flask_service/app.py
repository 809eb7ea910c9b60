"""Tidewater's API, a Flask service used by gonogo's end-to-end test of
`audit PATH --url URL`: this folder is the audited repository and this file
is the service the test runs. It listens on 127.0.0.1 on a free port, prints
the port and its process id, and stops by itself after a minute."""
import os
import sys
import threading
import time

from flask import Flask, jsonify
from werkzeug.serving import make_server

app = Flask(__name__)
STARTED = time.time()


@app.get("/")
def home():
    return "<html><body><h1>Tidewater</h1></body></html>"


@app.get("/health")
def health():
    return jsonify(status="ok", uptime=round(time.time() - STARTED, 1))


def main():
    lifetime = float(sys.argv[1]) if len(sys.argv) > 1 else 60
    srv = make_server("127.0.0.1", 0, app)
    print(srv.server_port, os.getpid(), flush=True)
    threading.Timer(lifetime, srv.shutdown).start()
    srv.serve_forever()


if __name__ == "__main__":
    main()
