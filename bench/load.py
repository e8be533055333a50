"""Load benchmark: the Procfile's `web` command under concurrent clients, with one worker killed midway.

Usage: python bench/load.py [--clients 20] [--seconds 60] [--workers 2] [--no-kill] [--dataset data/soviet]

The server is started exactly as the platform starts it (`sh -c "exec <Procfile web command>"`) with
PORT set to a free port; it binds 0.0.0.0 but the clients connect only to 127.0.0.1. Each client thread
sends one request at a time, each on a new connection, picking from a fixed mix:

  page    GET /                        (the HTML shell)
  layout  GET /_dash-layout            (the layout JSON)
  search  POST /_dash-update-component (the people search, as typed in the search box)
  render  POST /_dash-update-component (the page render from the URL: content.children)
  data    GET /view-data/<dataset>/<digest>.json (network elements and cursor data, fetched by each page)

Halfway through, one gunicorn worker (a child of the master PID) gets SIGKILL. Requests in flight on
that worker can fail (each client has at most one request outstanding, so at most --clients of them);
the master forks a new worker and the rest must succeed. The report gives requests, errors and
p50/p95/p99 latency per kind, the errors around the kill and the restart time. The server is stopped by
its own PID (SIGTERM, then wait). Only the standard library and psutil (from dash[testing]) are used.

Numbers depend on the machine and on what else runs on it: clients and server share the same cores.
"""
from __future__ import annotations

import argparse
import functools
import http.client
import json
import os
import random
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"

SEARCHES = ["bronstein", "stalin", "lenin", "zinov", "kamenev", "molotov", "nobody-by-this-name", "a"]
RENDERS = [("", "/"), ("?date=1924-01-21", "/"), ("", "/scene/1"), ("?lanes=office", "/")]
# Relative weights of the request kinds. A render is ~100x the CPU of a search (it builds the whole
# page: figure, network, payload), so it is the rarer callback, as in real use (once per page load or
# navigation, while the search runs on every keystroke).
MIX = {"page": 10, "layout": 10, "search": 66, "render": 8, "data": 6}


def search_body(query: str) -> dict:
    return {
        "output": "search-hits.children", "outputs": {"id": "search-hits", "property": "children"},
        "inputs": [{"id": "search-box", "property": "value", "value": query}],
        "changedPropIds": ["search-box.value"],
        "state": [{"id": "view-meta", "property": "data", "value": {"dataset": ""}}],
    }


def render_body(search: str, pathname: str) -> dict:
    return {
        "output": "content.children", "outputs": {"id": "content", "property": "children"},
        "inputs": [{"id": "url", "property": "search", "value": search},
                   {"id": "url", "property": "pathname", "value": pathname}],
        "changedPropIds": ["url.pathname", "url.search"],
    }


# --- the server --------------------------------------------------------------------------------------

def procfile_command() -> str:
    line = next(li for li in (ROOT / "Procfile").read_text().splitlines() if li.startswith("web:"))
    return line.split(":", 1)[1].strip()


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


class Server:
    """The Procfile's web command in its own session; `pid` is gunicorn's master (the shell execs it)."""

    def __init__(self, dataset: str | Path = ROOT / "data" / "soviet", workers: int | None = None,
                 log_path: str | Path | None = None):
        self.port = free_port()
        self.url = f"http://{HOST}:{self.port}"
        env = {**os.environ, "PORT": str(self.port), "DASHBOARD_DATA": str(dataset)}
        env.pop("WEB_CONCURRENCY", None)  # the Procfile's default (2) unless asked otherwise
        if workers is not None:
            env["WEB_CONCURRENCY"] = str(workers)
        self.workers_wanted = workers or 2
        if log_path is None:
            fd, log_path = tempfile.mkstemp(prefix="bench-server-", suffix=".log")
            os.close(fd)
        self.log_path = Path(log_path)
        self.log = open(self.log_path, "w+")
        self.proc = subprocess.Popen(["sh", "-c", "exec " + procfile_command()], cwd=ROOT, env=env,
                                     stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)
        self.pid = self.proc.pid

    def wait_ready(self, timeout: float = 120) -> float:
        """Seconds until /healthz answers 200 and all workers are up."""
        t0 = time.monotonic()
        while time.monotonic() - t0 < timeout:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited with {self.proc.returncode}: {self.log_text()[-2000:]}")
            try:
                if request("GET", self.url, "/healthz")[0] == 200 and len(self.workers()) >= self.workers_wanted:
                    return time.monotonic() - t0
            except OSError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"server not ready after {timeout} s: {self.log_text()[-2000:]}")

    def workers(self) -> list[int]:
        """PIDs of the gunicorn workers: the master's children."""
        try:
            return [c.pid for c in psutil.Process(self.pid).children() if c.is_running()
                    and c.status() != psutil.STATUS_ZOMBIE]
        except psutil.NoSuchProcess:
            return []

    def kill_worker(self) -> int:
        pid = self.workers()[0]
        os.kill(pid, signal.SIGKILL)
        return pid

    def wait_workers(self, gone: int, timeout: float = 30) -> float:
        """Seconds until the master has replaced worker `gone` (the full count is back)."""
        t0 = time.monotonic()
        while time.monotonic() - t0 < timeout:
            pids = self.workers()
            if gone not in pids and len(pids) >= self.workers_wanted:
                return time.monotonic() - t0
            time.sleep(0.02)
        raise RuntimeError(f"worker {gone} not replaced after {timeout} s")

    def rss(self, pid: int) -> int:
        return psutil.Process(pid).memory_info().rss

    def stop(self, timeout: float = 30) -> int:
        """SIGTERM to the master's PID, then wait; SIGKILL to the group only if it hangs."""
        if self.proc.poll() is None:
            os.kill(self.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                os.killpg(self.pid, signal.SIGKILL)
                self.proc.wait()
        self.log.close()
        return self.proc.returncode

    def log_text(self) -> str:
        self.log.flush()
        return self.log_path.read_text(errors="replace")

    def __enter__(self) -> Server:
        try:
            self.wait_ready()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *_exc) -> None:
        self.stop()


# --- the clients -------------------------------------------------------------------------------------

def request(method: str, base: str, path: str, body: dict | None = None, timeout: float = 60) -> tuple[int, bytes]:
    """One request on a new connection (as a browser's separate fetches may be); returns status and body."""
    host, port = base.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=timeout)
    try:
        data = json.dumps(body).encode() if body is not None else None
        headers = {"Content-Type": "application/json", "Connection": "close"} if data else {"Connection": "close"}
        conn.request(method, path, body=data, headers=headers)
        r = conn.getresponse()
        return r.status, r.read()
    finally:
        conn.close()


@functools.cache
def data_path(base: str) -> str:
    """The view-data URL a page render names (it carries the build's digest)."""
    _, body = request("POST", base, "/_dash-update-component", render_body("", "/"))
    found = re.search(rb'"id":\s*"data-url",\s*"data":\s*("[^"]+")', body)  # Dash writes / as \u002f
    return json.loads(found.group(1)) if found else "/view-data/unknown/current.json"


def one(kind: str, base: str, rng: random.Random) -> tuple[int, bytes]:
    if kind == "page":
        return request("GET", base, "/")
    if kind == "layout":
        return request("GET", base, "/_dash-layout")
    if kind == "search":
        return request("POST", base, "/_dash-update-component", search_body(rng.choice(SEARCHES)))
    if kind == "data":
        return request("GET", base, data_path(base))
    return request("POST", base, "/_dash-update-component", render_body(*rng.choice(RENDERS)))


def ok(kind: str, status: int, body: bytes) -> bool:
    if status != 200:
        return False
    if kind == "page":
        return b"_dash-config" in body
    if kind == "layout":
        return b'"Location"' in body
    if kind == "search":
        return b'"search-hits"' in body
    if kind == "data":
        return b'"elements"' in body
    return b'"content"' in body and b'"timeline"' in body


@dataclass
class Record:
    kind: str
    start: float
    end: float
    error: str = ""  # empty when the request succeeded


@dataclass
class Run:
    records: list[Record] = field(default_factory=list)
    kill_at: float | None = None
    killed_pid: int | None = None
    restart_s: float | None = None
    started: float = 0.0
    stopped: float = 0.0


def run_load(server: Server, clients: int, seconds: float, kill: bool = True, mix: dict[str, int] = MIX,
             seed: int = 1) -> Run:
    """`clients` threads send requests for `seconds`; with `kill`, one worker gets SIGKILL halfway."""
    run = Run()
    lock = threading.Lock()
    stop = threading.Event()
    kinds, weights = list(mix), list(mix.values())

    def client(n: int) -> None:
        rng = random.Random(seed * 1000 + n)
        mine = []
        while not stop.is_set():
            kind = rng.choices(kinds, weights)[0]
            t = time.monotonic()
            try:
                status, body = one(kind, server.url, rng)
                error = "" if ok(kind, status, body) else f"HTTP {status}"
            except (OSError, http.client.HTTPException) as e:
                error = type(e).__name__
            mine.append(Record(kind, t, time.monotonic(), error))
        with lock:
            run.records.extend(mine)

    threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(clients)]
    run.started = time.monotonic()
    for t in threads:
        t.start()
    if kill:
        time.sleep(seconds / 2)
        run.killed_pid = server.kill_worker()
        # The moment the worker is gone, not before looking it up: a request started in between could still
        # be accepted by the doomed worker, and it is in flight at the kill, not after it.
        run.kill_at = time.monotonic()
        run.restart_s = server.wait_workers(run.killed_pid)
    time.sleep(max(0.0, run.started + seconds - time.monotonic()))
    stop.set()
    for t in threads:
        t.join(timeout=120)
    run.stopped = time.monotonic()
    return run


# --- the report --------------------------------------------------------------------------------------

def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, int(round(p / 100 * len(ordered) + 0.5)) - 1))]


def summary(run: Run) -> dict:
    out = {"kinds": {}, "duration_s": run.stopped - run.started}
    for kind in [*MIX, "all"]:
        recs = [r for r in run.records if kind in ("all", r.kind)]
        lat = [(r.end - r.start) * 1000 for r in recs if not r.error]
        out["kinds"][kind] = {"requests": len(recs), "errors": sum(1 for r in recs if r.error),
                              "p50_ms": percentile(lat, 50), "p95_ms": percentile(lat, 95),
                              "p99_ms": percentile(lat, 99)}
    out["rps"] = len(run.records) / out["duration_s"] if out["duration_s"] else 0.0
    errors = [r for r in run.records if r.error]
    out["errors"] = len(errors)
    out["error_types"] = sorted({r.error for r in errors})
    if run.kill_at is not None:
        # "In flight on the killed worker": started before the kill and ended (failed) after it.
        out["in_flight_at_kill"] = sum(1 for r in run.records if r.start <= run.kill_at <= r.end)
        out["errors_in_flight_at_kill"] = sum(1 for r in errors if r.start <= run.kill_at <= r.end)
        out["errors_other"] = out["errors"] - out["errors_in_flight_at_kill"]
        out["ok_after_kill"] = sum(1 for r in run.records if r.start > run.kill_at and not r.error)
        out["errors_after_kill"] = sum(1 for r in errors if r.start > run.kill_at)
        out["restart_s"] = run.restart_s
        out["killed_pid"] = run.killed_pid
    return out


def print_report(s: dict, clients: int) -> None:
    print(f"{clients} clients, {s['duration_s']:.1f} s, {s['rps']:.1f} requests/s")
    print(f"{'kind':>7} {'requests':>9} {'errors':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
    for kind, k in s["kinds"].items():
        print(f"{kind:>7} {k['requests']:>9} {k['errors']:>7} {k['p50_ms']:>8.0f} {k['p95_ms']:>8.0f} {k['p99_ms']:>8.0f}")
    if "killed_pid" in s:
        print(f"worker {s['killed_pid']} killed (SIGKILL) halfway: replaced in {s['restart_s']:.2f} s; "
              f"{s['in_flight_at_kill']} requests were in flight, {s['errors_in_flight_at_kill']} of them failed; "
              f"{s['errors_other']} other errors; {s['ok_after_kill']} requests succeeded after the kill "
              f"({s['errors_after_kill']} started after it failed)")
    if s["error_types"]:
        print("error types:", ", ".join(s["error_types"]))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--workers", type=int, default=None, help="WEB_CONCURRENCY (default: the Procfile's, 2)")
    ap.add_argument("--dataset", default=str(ROOT / "data" / "soviet"))
    ap.add_argument("--no-kill", action="store_true", help="do not kill a worker halfway")
    ap.add_argument("--json", action="store_true", help="print the summary as JSON too")
    args = ap.parse_args(argv)
    with Server(args.dataset, args.workers) as server:
        print(f"server {server.url} (master PID {server.pid}, workers {server.workers()}, "
              f"log {server.log_path})", flush=True)
        run = run_load(server, args.clients, args.seconds, kill=not args.no_kill)
        alive = request("GET", server.url, "/healthz")[0] == 200
    code = server.proc.returncode
    s = summary(run)
    print_report(s, args.clients)
    print(f"server answered /healthz after the run: {alive}; exit status after SIGTERM: {code}")
    if args.json:
        print(json.dumps(s, indent=1))
    bad = not alive or code != 0 or s.get("errors_other", s["errors"]) > 0 or s["errors"] > args.clients
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
