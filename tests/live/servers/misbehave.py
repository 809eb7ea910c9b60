#!/usr/bin/env python3
"""A server that misbehaves, for gonogo's robustness tests (standard library
only): `hang` accepts and never answers, `reset` closes the connection with a
TCP reset, `garbage` answers bytes that are not HTTP, `huge` promises 1 GB
and streams it, `loop` redirects /a -> /b -> /a. Listens on 127.0.0.1, prints
the port and its process id, and stops by itself after --lifetime seconds; every connection is
closed within that time too."""
import argparse
import os
import socket
import struct
import threading
import time


def serve(conn, mode, deadline):
    conn.settimeout(max(0.1, deadline - time.time()))
    try:
        data = b""
        while b"\r\n\r\n" not in data and len(data) < 65536:
            chunk = conn.recv(4096)
            if not chunk:
                return
            data += chunk
        path = data.split(b" ")[1] if data.count(b" ") >= 2 else b"/"
        if mode == "hang":
            while time.time() < deadline:
                time.sleep(0.2)
        elif mode == "reset":
            conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        elif mode == "garbage":
            conn.sendall(b"\x00\x01SSH-2.0-not-http\r\n\xff\xfe garbage garbage\r\n\r\n")
        elif mode == "huge":
            conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 1073741824\r\n\r\n")
            block = b"<p>" + b"x" * 65530 + b"</p>"
            while time.time() < deadline:
                conn.sendall(block)
        elif mode == "loop":
            target = b"/b" if path != b"/b" else b"/a"
            conn.sendall(b"HTTP/1.1 302 Found\r\nLocation: " + target + b"\r\nContent-Length: 0\r\n\r\n")
    except OSError:
        pass
    finally:
        conn.close()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mode", choices=["hang", "reset", "garbage", "huge", "loop"], required=True)
    ap.add_argument("--lifetime", type=float, default=30)
    a = ap.parse_args()
    deadline = time.time() + a.lifetime
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    s.listen(64)
    s.settimeout(0.2)
    print(s.getsockname()[1], os.getpid(), flush=True)
    while time.time() < deadline:
        try:
            conn, _ = s.accept()
        except socket.timeout:
            continue
        threading.Thread(target=serve, args=(conn, a.mode, deadline), daemon=True).start()
    s.close()


if __name__ == "__main__":
    main()
