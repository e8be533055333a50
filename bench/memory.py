"""Memory benchmark: a worker's RSS after the first 1,000 callbacks and after 10,000 (target: within 10%).

Usage: python bench/memory.py [--first 1000] [--total 10000] [--clients 4] [--render-every 10]

The Procfile's web command runs with one worker (WEB_CONCURRENCY=1, so every callback lands on the
measured process). The callbacks are the load benchmark's mix (bench/load.py): people searches, with
every tenth one a page render (content.children from the URL), sent by --clients threads (the worker
has 4 threads). RSS is the worker's resident set (psutil); USS (its private pages) is printed too.
The worker PID must not change during the run, or the figures would compare two processes.
"""
from __future__ import annotations

import argparse
import sys
import threading
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.load import RENDERS, ROOT, SEARCHES, Server, ok, render_body, request, search_body  # noqa: E402


def send_callbacks(server: Server, count: int, clients: int = 4, render_every: int = 10, offset: int = 0) -> int:
    """Send `count` callbacks (callback number i is a render when i % render_every == render_every - 1);
    returns the number that failed."""
    lock = threading.Lock()
    state = {"next": offset, "errors": 0}
    end = offset + count

    def client() -> None:
        while True:
            with lock:
                i = state["next"]
                if i >= end:
                    return
                state["next"] += 1
            if render_every and i % render_every == render_every - 1:
                kind, body = "render", render_body(*RENDERS[(i // render_every) % len(RENDERS)])
            else:
                kind, body = "search", search_body(SEARCHES[i % len(SEARCHES)])
            try:
                status, data = request("POST", server.url, "/_dash-update-component", body)
                failed = not ok(kind, status, data)
            except OSError:
                failed = True
            if failed:
                with lock:
                    state["errors"] += 1

    threads = [threading.Thread(target=client, daemon=True) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return state["errors"]


def memory(pid: int) -> tuple[int, int]:
    info = psutil.Process(pid).memory_full_info()
    return info.rss, info.uss


def measure(server: Server, first: int, total: int, clients: int = 4, render_every: int = 10) -> dict:
    (worker,) = server.workers()
    start = memory(worker)
    errors = send_callbacks(server, first, clients, render_every)
    after_first = memory(worker)
    errors += send_callbacks(server, total - first, clients, render_every, offset=first)
    after_total = memory(worker)
    if server.workers() != [worker]:
        raise RuntimeError(f"worker {worker} was replaced during the run: {server.workers()}")
    return {"worker": worker, "errors": errors, "first": first, "total": total,
            "rss_start": start[0], "rss_first": after_first[0], "rss_total": after_total[0],
            "uss_start": start[1], "uss_first": after_first[1], "uss_total": after_total[1],
            "ratio": after_total[0] / after_first[0]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--first", type=int, default=1000)
    ap.add_argument("--total", type=int, default=10000)
    ap.add_argument("--clients", type=int, default=4)
    ap.add_argument("--render-every", type=int, default=10, help="every Nth callback is a page render (0: none)")
    ap.add_argument("--dataset", default=str(ROOT / "data" / "soviet"))
    ap.add_argument("--target", type=float, default=0.10, help="allowed growth from --first to --total")
    args = ap.parse_args(argv)
    import time
    t0 = time.monotonic()
    with Server(args.dataset, workers=1) as server:
        m = measure(server, args.first, args.total, args.clients, args.render_every)
        alive = request("GET", server.url, "/healthz")[0] == 200
    mb = 1024 * 1024
    print(f"1 worker (PID {m['worker']}), {args.clients} client threads, every {args.render_every}th callback "
          f"a page render; {m['errors']} errors; {time.monotonic() - t0:.0f} s")
    print(f"{'':>26} {'RSS MB':>8} {'USS MB':>8}")
    for label, key in (("at start", "start"), (f"after {m['first']:,} callbacks", "first"),
                       (f"after {m['total']:,} callbacks", "total")):
        print(f"{label:>26} {m['rss_' + key] / mb:>8.1f} {m['uss_' + key] / mb:>8.1f}")
    growth = m["ratio"] - 1
    print(f"RSS after {m['total']:,} / after {m['first']:,}: {m['ratio']:.3f} ({growth:+.1%}; target within "
          f"{args.target:.0%}: {'met' if abs(growth) <= args.target else 'NOT met'})")
    return 0 if alive and not m["errors"] and abs(growth) <= args.target else 1


if __name__ == "__main__":
    sys.exit(main())
