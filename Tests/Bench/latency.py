#!/usr/bin/env python3
"""p50 (and p90) of N sequential GET requests over one keep-alive connection.

    latency.py BASE_URL COOKIE N PATH...   prints one line per path: path p50_ms p90_ms status bytes
A path that does not answer 200 prints its status and no timings.
"""
import http.client
import sys
import time
from urllib.parse import urlsplit

base, cookie, count, paths = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
url = urlsplit(base)
connection = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
headers = {"Cookie": cookie} if cookie else {}


def get(path):
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    body = response.read()
    return response.status, len(body)


for path in paths:
    status, size = get(path)  # warm-up, and the check that it answers 200
    if status != 200:
        print(path, "-", "-", status, size)
        continue
    for _ in range(min(10, count)):
        get(path)
    timings = []
    for _ in range(count):
        start = time.perf_counter()
        get(path)
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    print(path, f"{timings[len(timings) // 2]:.2f}", f"{timings[len(timings) * 9 // 10]:.2f}", status, size)
