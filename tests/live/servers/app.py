#!/usr/bin/env python3
"""A small web service for gonogo's live tests, written for them (standard
library only). `--profile good` behaves as a production-ready service should;
`--profile bad` makes the mistakes the live probes look for;
`--require-header "Name: value"` answers 401 to requests without that header.
It listens on
127.0.0.1 on a free port, prints the port and its process id on the first
line of stdout, and
stops by itself after --lifetime seconds."""
import argparse
import gzip
import os
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

START = time.time()
HITS = {"count": 0, "window": time.time()}
LOCK = threading.Lock()

GOOD_HEADERS = [
    ("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
                                "object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'"),
    ("X-Content-Type-Options", "nosniff"),
    ("X-Frame-Options", "DENY"),
    ("Referrer-Policy", "strict-origin-when-cross-origin"),
    ("Cross-Origin-Resource-Policy", "same-origin"),
]

HOME = """<!DOCTYPE html><html><head><title>Tidewater</title><script src="/static/app.js"></script>
<link rel="stylesheet" href="/static/site.css"></head><body><h1>Book a table</h1>
<p>{pad}</p><footer><a href="/privacy">Privacy policy</a> <a href="/terms">Terms of service</a></footer></body></html>"""

BAD_HOME = """<!DOCTYPE html><html><head><title>Tidewater</title>
<script src="http://cdn.example.com/jquery.js"></script></head><body><h1>Book a table</h1><p>{pad}</p></body></html>"""

METRICS = """# HELP http_requests_total Requests served.
# TYPE http_requests_total counter
http_requests_total{method="GET",status="200"} 41
http_requests_total{method="GET",status="500"} 2
# HELP http_request_duration_seconds Request latency.
# TYPE http_request_duration_seconds histogram
http_request_duration_seconds_bucket{le="0.1"} 40
http_request_duration_seconds_bucket{le="+Inf"} 43
http_request_duration_seconds_sum 1.2
http_request_duration_seconds_count 43
"""

TRACEBACK = """Traceback (most recent call last):
  File "/srv/app/views.py", line 42, in handler
    row = db.execute(query)
psycopg2.errors.SyntaxError: syntax error at or near "'"
"""


class Handler(BaseHTTPRequestHandler):
    server_version = "app"
    sys_version = ""
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):  # quiet
        pass

    def version_string(self):
        return "Express/4.18.2" if self.server.profile == "bad" else "app"

    def send(self, status, body, ctype="text/html; charset=utf-8", headers=(), cache=None):
        good = self.server.profile == "good"
        data = body.encode()
        gz = good and len(data) > 1024 and "gzip" in self.headers.get("Accept-Encoding", "")
        if gz:
            data = gzip.compress(data)
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        if gz:
            self.send_header("Content-Encoding", "gzip")
        if good:
            for k, v in GOOD_HEADERS:
                self.send_header(k, v)
            rid = self.headers.get("X-Request-ID")
            self.send_header("X-Request-ID", rid if rid else "req-%d" % int(time.time() * 1000))
            self.send_header("Cache-Control", cache or "no-cache")
        else:
            self.send_header("X-Powered-By", "Express")
            origin = self.headers.get("Origin")
            if origin:
                self.send_header("Access-Control-Allow-Origin", origin)
                self.send_header("Access-Control-Allow-Credentials", "true")
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def rate_limited(self):
        if self.server.profile != "good":
            return False
        with LOCK:
            now = time.time()
            if now - HITS["window"] > 10:
                HITS["count"], HITS["window"] = 0, now
            HITS["count"] += 1
            return HITS["count"] > 20

    def refused(self):
        """--require-header: a service behind authentication answers 401 without that header."""
        need = self.server.require_header
        if not need:
            return False
        name, _, value = need.partition(":")
        if self.headers.get(name.strip()) == value.strip():
            return False
        self.send(401, '{"error":"authentication required"}', "application/json")
        return True

    def do_GET(self):
        if self.refused():
            return None
        good = self.server.profile == "good"
        path = self.path.split("?")[0]
        if path == "/":
            cookie = ("sessionid=abc123; Path=/; HttpOnly; Secure; SameSite=Lax" if good else "sessionid=abc123; Path=/")
            page = (HOME if good else BAD_HOME).format(pad="Fresh oysters tonight. " * 80)
            return self.send(200, page, headers=[("Set-Cookie", cookie)])
        if path == "/health":
            if good and self.rate_limited():
                return self.send(429, '{"error":"slow down"}', "application/json",
                                 headers=[("Retry-After", "10"), ("RateLimit-Limit", "20")])
            if good:
                body = json.dumps({"status": "ok", "timestamp": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                                   "uptime": round(time.time() - START, 1), "checks": {"database": "ok", "cache": "ok"}})
                return self.send(200, body, "application/json", cache="no-store")
            return self.send(200, "OK", "text/plain")
        if good and path == "/metrics":
            return self.send(200, METRICS, "text/plain; version=0.0.4")
        if good and path in ("/privacy", "/terms"):
            return self.send(200, "<html><body><h1>%s</h1></body></html>" % path[1:])
        if good and path.startswith("/static/"):
            return self.send(200, "/* asset */", "text/css" if path.endswith(".css") else "application/javascript",
                             cache="public, max-age=31536000, immutable")
        if good:
            return self.send(404, "Not found", "text/plain")
        return self.send(500, TRACEBACK, "text/plain")

    def do_HEAD(self):
        self.do_GET()

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0") or 0)
        raw = self.rfile.read(min(length, 65536))
        try:
            json.loads(raw or b"{}")
            return self.send(200, '{"ok":true}', "application/json")
        except ValueError:
            if self.server.profile == "good":
                return self.send(400, '{"error":"invalid JSON"}', "application/json")
            return self.send(500, TRACEBACK, "text/plain")

    def do_OPTIONS(self):
        self.send(204, "")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--profile", choices=["good", "bad"], default="good")
    ap.add_argument("--lifetime", type=float, default=60)
    ap.add_argument("--require-header", default="", help='e.g. "Authorization: Bearer t0ken": 401 without it')
    a = ap.parse_args()
    srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    srv.profile = a.profile
    srv.require_header = a.require_header
    srv.daemon_threads = True
    print(srv.server_address[1], os.getpid(), flush=True)
    threading.Timer(a.lifetime, srv.shutdown).start()
    srv.serve_forever()


if __name__ == "__main__":
    sys.exit(main())
