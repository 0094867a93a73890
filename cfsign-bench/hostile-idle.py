#!/usr/bin/env python3
"""Holds idle and trickling connections against the edge for cfsign-bench/edge-hostile, and times their closing.

    hostile-idle.py HOST PORT IDLE TRICKLE MAX_SECONDS

IDLE sockets connect and send nothing. TRICKLE sockets send the start of a request head
("GET /private/object.txt HTTP/1.1", Host, "X-Slow: ") and then one more header byte every second, so they are
never idle: only a header timeout can close them. Prints "ready" once all are open, then waits until the server
has closed every socket or MAX_SECONDS have passed, and prints one summary line per group:

    idle opened=N failed=F closed=C open=O min=S median=S max=S
(seconds from opening to the server's close). Exit code 0 whatever happened; the caller judges the figures.
"""
import errno
import selectors
import socket
import statistics
import sys
import time

HEAD = b"GET /private/object.txt HTTP/1.1\r\nHost: edge\r\nX-Slow: "


def main():
    host, port, n_idle, n_trickle, max_seconds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5])
    sel = selectors.DefaultSelector()
    groups = {"idle": {"opened": 0, "failed": 0, "closed": []}, "trickle": {"opened": 0, "failed": 0, "closed": []}}
    live = {}  # socket -> (group, opened_at)
    for group, count in (("idle", n_idle), ("trickle", n_trickle)):
        for _ in range(count):
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            s.settimeout(10)
            try:
                s.connect((host, port))
                if group == "trickle":
                    s.sendall(HEAD)
            except OSError:
                groups[group]["failed"] += 1
                s.close()
                continue
            s.setblocking(False)
            live[s] = (group, time.monotonic())
            groups[group]["opened"] += 1
            sel.register(s, selectors.EVENT_READ)
    print("ready", flush=True)

    def closed(s, now):
        group, opened = live.pop(s)
        groups[group]["closed"].append(now - opened)
        sel.unregister(s)
        s.close()

    start = time.monotonic()
    next_trickle = start + 1.0
    while live and time.monotonic() - start < max_seconds:
        for key, _ in sel.select(timeout=0.2):
            s = key.fileobj
            try:
                data = s.recv(4096)
            except OSError:
                data = b""
            if s in live and not data:
                closed(s, time.monotonic())
            # Any bytes (an error page) are read and ignored; the close that follows is what is timed.
        now = time.monotonic()
        if now >= next_trickle:
            next_trickle = now + 1.0
            for s, (group, _) in list(live.items()):
                if group == "trickle":
                    try:
                        s.send(b"a")
                    except OSError as e:
                        if e.errno in (errno.EAGAIN, errno.EWOULDBLOCK):
                            continue
                        closed(s, now)

    for group, g in groups.items():
        t = sorted(g["closed"])
        still = sum(1 for grp, _ in live.values() if grp == group)
        fmt = lambda x: "%.1f" % x
        print("%s opened=%d failed=%d closed=%d open=%d min=%s median=%s max=%s" % (
            group, g["opened"], g["failed"], len(t), still,
            fmt(t[0]) if t else "-", fmt(statistics.median(t)) if t else "-", fmt(t[-1]) if t else "-"), flush=True)
    for s in list(live):
        s.close()


if __name__ == "__main__":
    main()
