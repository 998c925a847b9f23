#!/usr/bin/env python3
"""Servers side by side on the same endpoints, in alternating rounds, with the spread printed.

    compare.py --rounds 3 --duration 4 \
        --server nginx URL PID /health,/static/site.css \
        --server ours URL PID /health,/static/site.css,/ikcs --cookie ours 'plusikc_session=…' \
        --cell /health 64 --cell /health 256 ...

Every round runs every cell once for every server that serves its endpoint, the servers of a
cell back to back and their order flipped each round, so a slow spell of the machine falls on
all of them alike. Before each cell it waits (up to --quiet-wait, 10 s) until no compiler (swift-frontend)
runs and the machine's other CPU use is low, and it notes how busy the rest of the machine was
during the cell. The table shows per server the median req/s over the rounds with its spread
(half of max - min, in % of the median), the median p99, and the ratio of each server to the
first one (the median of the per-round ratios, and their range).
Also prints the most resident memory seen after a cell of 256 connections, per server.
"""
import argparse
import os
import re
import resource
import statistics
import subprocess
import time

HZ = os.sysconf("SC_CLK_TCK")


def machine_ticks():
    with open("/proc/stat") as f:
        user, nice, system, _idle, _iowait, irq, softirq = (int(x) for x in f.readline().split()[1:8])
    return user + nice + system + irq + softirq


def process_ticks(pid):
    """utime + stime of pid (all threads) and of its direct children (nginx's workers)."""
    total = 0
    pids = [pid]
    try:
        pids += [int(x) for x in subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()]
    except OSError:
        pass
    for p in pids:
        try:
            with open(f"/proc/{p}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        except (OSError, IndexError, ValueError):
            pass
    return total


def rss_mb(pid):
    """VmRSS of pid and its direct children, MB."""
    total = 0
    pids = [pid] + [int(x) for x in subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()]
    for p in pids:
        try:
            with open(f"/proc/{p}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def compiler_running():
    return subprocess.run(["pgrep", "-f", "swift-frontend"], capture_output=True).returncode == 0


def wait_quiet(limit):
    """Up to `limit` s: until no swift-frontend runs and others use < 15 % of one core for 1 s."""
    for _ in range(limit):
        if not compiler_running():
            before = machine_ticks()
            time.sleep(1)
            if (machine_ticks() - before) * 100 / HZ < 15:
                return True
        else:
            time.sleep(1)
    return False


def to_ms(text):
    m = re.match(r"([\d.]+)(us|ms|s)$", text)
    if not m:
        return float("nan")
    value, unit = float(m.group(1)), m.group(2)
    return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value


def run_wrk(url, connections, duration, cookie, pid):
    threads = 1 if connections == 1 else 2
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--latency", url]
    if cookie:
        command[1:1] = ["-H", f"Cookie: {cookie}"]
    machine0, server0 = machine_ticks(), process_ticks(pid) if pid else 0
    children0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    compiler = compiler_running()
    out = subprocess.run(command, capture_output=True, text=True).stdout
    compiler = compiler or compiler_running()
    children1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    machine = machine_ticks() - machine0
    server = (process_ticks(pid) - server0) if pid else 0
    client = (children1.ru_utime + children1.ru_stime - children0.ru_utime - children0.ru_stime) * HZ
    seconds = float(duration)
    other = max(0.0, (machine - server - client) * 100 / HZ / seconds)
    rate = re.search(r"Requests/sec:\s+([\d.]+)", out)
    p99 = re.search(r"^\s+99%\s+(\S+)", out, re.M)
    errors = re.search(r"Socket errors: (.*)", out)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rate": float(rate.group(1)) if rate else 0.0,
        "p99": to_ms(p99.group(1)) if p99 else float("nan"),
        "other": other, "compiler": compiler,
        "server_cpu": server * 100 / HZ / seconds if pid else None,
        "errors": (errors.group(1) if errors else "") + (f" non-2xx {non2xx.group(1)}" if non2xx else ""),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--duration", default="4")
    parser.add_argument("--quiet-wait", type=int, default=10, help="most seconds to wait for a quiet machine before a cell")
    parser.add_argument("--server", nargs=4, action="append", metavar=("NAME", "URL", "PID", "ENDPOINTS"), default=[])
    parser.add_argument("--cookie", nargs=2, action="append", metavar=("NAME", "COOKIE"), default=[])
    parser.add_argument("--cell", nargs=2, action="append", metavar=("ENDPOINT", "CONNS"), default=[])
    args = parser.parse_args()
    servers = [(name, url.rstrip("/"), int(pid) if pid not in ("", "-") else 0, endpoints.split(","))
               for name, url, pid, endpoints in args.server]
    cookies = dict(args.cookie)
    cells = [(endpoint, int(conns)) for endpoint, conns in args.cell]
    results = {}  # (endpoint, conns, server) -> [runs]
    rss = {}
    disturbed = 0
    total = 0
    for round_index in range(args.rounds):
        for endpoint, conns in cells:
            order = [s for s in servers if endpoint in s[3]]
            if round_index % 2:
                order.reverse()
            for name, url, pid, _ in order:
                wait_quiet(args.quiet_wait)
                run = run_wrk(url + endpoint, conns, args.duration, cookies.get(name), pid)
                total += 1
                if run["compiler"] or run["other"] > 15:
                    disturbed += 1
                results.setdefault((endpoint, conns, name), []).append(run)
                if conns == 256 and pid:
                    rss[name] = max(rss.get(name, 0), rss_mb(pid))
            print(f"round {round_index + 1}/{args.rounds} {endpoint} c{conns}: " + ", ".join(
                f"{n} {results[(endpoint, conns, n)][-1]['rate']:,.0f}" for n, _, _, e in servers if endpoint in e), flush=True)

    first = servers[0][0]
    names = [s[0] for s in servers]
    print()
    print(f"{args.rounds} alternating rounds of {args.duration} s per cell; req/s is the median over the rounds, "
          "± half the spread (max - min) in % of it; p99 the median p99 (ms); ratios to "
          f"{first} the median of the per-round ratios [lowest–highest].")
    header = f"{'endpoint':<22} {'conns':>5}"
    for name in names:
        header += f" | {name + ' req/s':>18} {'p99':>6}"
        if name != first:
            header += f" {'x ' + first:>17}"
    print(header)
    for endpoint, conns in cells:
        line = f"{endpoint:<22} {conns:>5}"
        base = results.get((endpoint, conns, first))
        for name in names:
            runs = results.get((endpoint, conns, name))
            if not runs:
                line += f" | {'—':>18} {'':>6}" + (f" {'':>17}" if name != first else "")
                continue
            rates = [r["rate"] for r in runs]
            median = statistics.median(rates)
            spread = (max(rates) - min(rates)) / 2 / median * 100 if median else 0
            p99 = statistics.median(r["p99"] for r in runs)
            line += f" | {median:>10,.0f} ±{spread:>4.1f}% {p99:>6.2f}"
            if name != first:
                if base:
                    ratios = [r["rate"] / b["rate"] for r, b in zip(runs, base) if b["rate"]]
                    line += f" {statistics.median(ratios):>5.2f} [{min(ratios):.2f}–{max(ratios):.2f}]"
                else:
                    line += f" {'':>17}"
        errors = {n: r["errors"] for (e, c, n), rs in results.items() if e == endpoint and c == conns for r in rs if r["errors"]}
        if errors:
            line += "  errors: " + "; ".join(f"{n}: {v}" for n, v in errors.items())
        print(line)
    others = [r["other"] for rs in results.values() for r in rs]
    print(f"Machine: other processes used {statistics.median(others):.0f} % of one core (median over {total} cells, "
          f"max {max(others):.0f} %); {disturbed} of {total} cells ran beside a compiler or > 15 % other CPU.")
    cpu = {name: statistics.median(r["server_cpu"] for (e, c, n), rs in results.items() if n == name and c != 1 for r in rs)
           for name, _, pid, _ in servers if pid}
    print("Server CPU at 64/256 connections (median, % of one core of 200): "
          + ", ".join(f"{n} {v:.0f}" for n, v in cpu.items()))
    if rss:
        print("Resident memory after 256 connections: " + ", ".join(f"{n} {v:.1f} MB" for n, v in rss.items()))


if __name__ == "__main__":
    main()
