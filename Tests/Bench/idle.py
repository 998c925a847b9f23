#!/usr/bin/env python3
"""Holds N idle keep-alive connections to the server: each sends one GET /health (so it is a
real keep-alive HTTP connection, not just an accepted socket) and then stays open, silent,
until this process is killed. Prints "ready N" once all are open."""
import socket
import sys
import time

host, port, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
held = []
for _ in range(count):
    s = socket.create_connection((host, port))
    s.sendall(b"GET /health HTTP/1.1\r\nHost: bench\r\n\r\n")
    data = b""
    while b"\r\n\r\nok" not in data:
        chunk = s.recv(4096)
        if not chunk:
            break
        data += chunk
    held.append(s)
print("ready", len(held), flush=True)
# The server's keep-alive idle timeout is 60 s: the measurement below runs well inside it.
time.sleep(55)
