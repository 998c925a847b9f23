#!/usr/bin/env python3
"""The write path over HTTP: N project leaders, each on their own agreement in concept, save the
targets grid (6 results x 7 years) as the browser does, for SECONDS.

    write.py BASE_URL ACCOUNTS_FILE N SECONDS

ACCOUNTS_FILE has lines `email password agreement-id` (plusikc bench-write prepare). Each client
logs in (the log-in form's CSRF cookie and token, then the session cookie), loads
/agreements/ID/targets once for the form's CSRF token, lock_version and the 42 cells, and then
POSTs the whole form again and again, every open cell changed (two grids in turn; the readonly
cells of closed years as they are), with the lock_version the previous save moved to
(optimistic locking: a save that did not land would make the next one a 409 conflict). Only
the POSTs are timed; each must answer 303. They go over a bare keep-alive socket with the
request bytes made once per grid, so that the figures are the server's, not http.client's.
The N clients are threads of one process (Python's GIL: they take turns, as browsers would not).
Prints: `http N clients: R saves/s p50 P ms p99 Q ms ok K failed F` and, on stderr, failures;
writes `agreement saves` lines to ACCOUNTS_FILE.saves-N for the check after the run.
"""
import html
import http.client
import re
import socket
import sys
import threading
import time
from urllib.parse import urlencode, urlsplit

base, accounts_file, clients, seconds = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
url = urlsplit(base)
accounts = [line.split() for line in open(accounts_file) if line.strip()][:clients]
if len(accounts) < clients:
    sys.exit(f"only {len(accounts)} accounts in {accounts_file}")


def cookies_from(response, jar):
    for name, value in response.getheaders():
        if name.lower() == "set-cookie":
            pair = value.split(";", 1)[0]
            key, _, val = pair.partition("=")
            jar[key.strip()] = val.strip()


def request(conn, method, path, jar, body=None):
    headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in jar.items())}
    if body is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    conn.request(method, path, body=body, headers=headers)
    response = conn.getresponse()
    data = response.read()
    cookies_from(response, jar)
    return response.status, data.decode("utf-8", "replace")


def field(page, name):
    match = re.search(r'name="%s"[^>]*value="([^"]*)"' % re.escape(name), page)
    return html.unescape(match.group(1)) if match else None


class Client(threading.Thread):
    def __init__(self, email, password, agreement):
        super().__init__()
        self.email, self.password, self.agreement = email, password, agreement
        self.timings, self.failures, self.saves = [], [], 0
        self.ready = False

    def setup(self):
        self.conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
        self.jar = {}
        status, page = request(self.conn, "GET", "/login", self.jar)
        body = urlencode({"email": self.email, "password": self.password, "csrf": field(page, "csrf") or ""})
        status, _ = request(self.conn, "POST", "/login", self.jar, body)
        status, page = request(self.conn, "GET", f"/agreements/{self.agreement}/targets", self.jar)
        if status != 200:
            raise SystemExit(f"{self.email}: GET targets answered {status}")
        self.csrf = field(page, "csrf")
        self.lock = int(field(page, "lock_version"))
        cells = re.findall(r'<input[^>]*name="(t_\d+_\d+)"[^>]*value="([^"]*)"([^>]*)>', page)
        if len(cells) != 42:
            raise SystemExit(f"{self.email}: the targets form has {len(cells)} cells, expected 42")
        # The form shows nl-NL numbers (decimal comma); grid 1 changes every open cell by one,
        # down where it can (1 or more) and up from under 1, so that it stays a valid target
        # (not negative, a percentage not over 100, yes/no 0 or 1) however often a run ends on
        # grid 1 and the next starts from it. The cells of closed years (an approved
        # verantwoording) are readonly and go back unchanged.
        numbers = [(name, float(value.replace(".", "").replace(",", ".")), "readonly" in rest) for name, value, rest in cells]
        self.grids = [[(n, v) for n, v, _ in numbers],
                      [(n, v if closed else (v - 1 if v >= 1 else v + 1)) for n, v, closed in numbers]]
        self.ready = True

    def connect(self):
        sock = socket.create_connection((url.hostname, url.port), timeout=30)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return sock

    def post(self, sock, head, body):
        """One POST on the keep-alive socket: the status and the body (Content-Length framed; the
        server answers every request of this loop with one). A bare socket, not http.client, so
        that the client's own work (its header parsing) is not what the figures measure."""
        sock.sendall(head + body)
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = sock.recv(65536)
            if not chunk:
                raise OSError("connection closed")
            data += chunk
        head_bytes, _, rest = data.partition(b"\r\n\r\n")
        lines = head_bytes.split(b"\r\n")
        status = int(lines[0].split()[1])
        length = 0
        for line in lines[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        while len(rest) < length:
            chunk = sock.recv(65536)
            if not chunk:
                raise OSError("connection closed")
            rest += chunk
        return status, rest.decode("utf-8", "replace")

    def run(self):
        # The request bytes are made once per grid; only lock_version changes between saves.
        cookie = "; ".join(f"{k}={v}" for k, v in self.jar.items())
        path = f"/agreements/{self.agreement}/targets"
        cells = [urlencode([(n, f"{v:.1f}".replace(".", ",")) for n, v in grid]) for grid in self.grids]
        prefix = urlencode([("csrf", self.csrf)]) + "&lock_version="
        sock = self.connect()
        turn = 1
        while time.perf_counter() < self.deadline:
            body = f"{prefix}{self.lock}&{cells[turn]}".encode()
            head = (f"POST {path} HTTP/1.1\r\nHost: {url.hostname}:{url.port}\r\nCookie: {cookie}\r\n"
                    f"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {len(body)}\r\n\r\n").encode()
            t0 = time.perf_counter()
            try:
                status, page = self.post(sock, head, body)
            except (OSError, ValueError, IndexError) as error:
                self.failures.append(str(error))
                sock.close()
                sock = self.connect()
                continue
            self.timings.append((time.perf_counter() - t0) * 1000)
            if status == 303:
                self.saves += 1
                self.lock += 1
                turn = 1 - turn
            else:
                text = re.sub(r"<[^>]+>|\s+", " ", page)[:200]
                self.failures.append(f"{status}: {text}")
                break
        sock.close()


threads = [Client(*account) for account in accounts]
for client in threads:
    client.setup()
start = time.perf_counter()
for client in threads:
    client.deadline = start + seconds
    client.start()
for client in threads:
    client.join()
elapsed = time.perf_counter() - start
timings = sorted(t for c in threads for t in c.timings)
saves = sum(c.saves for c in threads)
failed = sum(len(c.failures) for c in threads)
for c in threads:
    for failure in c.failures[:3]:
        print(f"{c.email} agreement {c.agreement}: {failure}", file=sys.stderr)
p = lambda q: timings[min(len(timings) - 1, int(len(timings) * q))] if timings else float("nan")
print(f"http {clients} clients: {saves / elapsed:.0f} saves/s p50 {p(0.5):.2f} ms p99 {p(0.99):.2f} ms ok {saves} failed {failed}")
with open(f"{accounts_file}.saves-{clients}", "w") as out:
    for c in threads:
        out.write(f"{c.agreement} {c.saves}\n")
