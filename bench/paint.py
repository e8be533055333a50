"""Benchmark in headless Chromium: time to both views painted, against the floor (an empty Dash
page with the same component libraries), and cursor repaint latency, measured in one run.

Usage: python bench/paint.py [DATASET_DIR] [--runs 5] [--moves 60]
Starts both servers itself on 127.0.0.1 (free ports) and stops them by PID.
"""
from __future__ import annotations

import argparse
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from selenium import webdriver

ROOT = Path(__file__).resolve().parent.parent

READY_APP = """
const done = arguments[arguments.length - 1];
(function poll() {
  const gd = document.querySelector('#timeline .js-plotly-plot');
  const el = document.getElementById('network');
  const cy = el && el._cyreg && el._cyreg.cy;
  // The network has drawn the day: cytoscape holds only who is drawn then, which may be no one.
  const net = window.networkElements;
  const drawn = cy && net && net.all().length && el.dataset.day && (!cy.nodes().length || cy.nodes()[0].renderedPosition().x);
  if (gd && gd.querySelector('.bars .point') && drawn) {
    requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now())));
  } else { setTimeout(poll, 5); }
})();
"""
READY_FLOOR = """
const done = arguments[arguments.length - 1];
(function poll() {
  const gd = document.querySelector('#timeline .js-plotly-plot');
  const el = document.getElementById('network');
  if (gd && gd._fullLayout && el && el._cyreg && el._cyreg.cy) {
    requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now())));
  } else { setTimeout(poll, 5); }
})();
"""
# One cursor move: set the slider value through Dash, wait until the timeline's cursor line and the
# network (its elements' classes: data-day on the container) both show the new day, then two frames.
MOVE = """
const [day, done] = [arguments[0], arguments[arguments.length - 1]];
const iso = new Date(day * 86400000).toISOString().slice(0, 10);
const gd = document.querySelector('#timeline .js-plotly-plot');
const net = document.getElementById('network');
const t0 = performance.now();
window.dash_clientside.set_props('cursor', {value: day});
(function poll() {
  const styled = net.dataset.day === String(day);
  const line = gd.querySelector('.cursor-line');
  if (line && line.dataset.date === iso && styled) {
    requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - t0)));
  } else { requestAnimationFrame(poll); }
})();
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(module: str, env: dict) -> tuple[subprocess.Popen, str]:
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", f"{module}:server", "--bind", f"127.0.0.1:{port}", "--workers", "1",
         "--threads", "4", "--no-control-socket", "--log-level", "warning"],
        cwd=ROOT, env={**os.environ, **env}, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            urllib.request.urlopen(url + "/", timeout=1)
            return proc, url
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError(f"{module} did not start")


def browser() -> webdriver.Chrome:
    opts = webdriver.ChromeOptions()
    opts.binary_location = "/usr/bin/chromium"
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--window-size=1280,900", "--disable-application-cache", "--disk-cache-size=1",
                 f"--user-data-dir={tempfile.mkdtemp(prefix='bench-')}"):
        opts.add_argument(flag)
    d = webdriver.Chrome(options=opts)
    d.set_script_timeout(60)
    return d


def paint_times(d, url: str, script: str, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        d.get("about:blank")
        d.execute_cdp_cmd("Network.clearBrowserCache", {})
        d.get(url)
        out.append(d.execute_async_script(script) / 1000)
    return out


def pct(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(round(q * (len(s) - 1))))]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("dataset", nargs="?", default=str(ROOT / "data" / "soviet"))
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--moves", type=int, default=60)
    args = ap.parse_args()
    procs = []
    d = browser()
    try:
        floor, floor_url = serve("bench.floor_app", {})
        procs.append(floor)
        app, app_url = serve("dashboard.app", {"DASHBOARD_DATA": str(Path(args.dataset).resolve())})
        procs.append(app)
        d.execute_cdp_cmd("Network.enable", {})
        f = paint_times(d, floor_url, READY_FLOOR, args.runs)
        a = paint_times(d, app_url, READY_APP, args.runs)
        # Sweep the cursor across the years the network's relations span.
        first, last = d.execute_script("""
            const n = window.networkElements.all().filter(e => e.data.source).map(e => e.data.lo)
              .filter(v => v > -1000000);
            return [Math.min(...n), Math.max(...n)];""")
        step = max(1, (last - first) // args.moves)
        moves = [d.execute_async_script(MOVE, first + i * step) for i in range(args.moves)]
        fm, am = statistics.median(f), statistics.median(a)
        print(f"dataset: {args.dataset}")
        print(f"{'measure':<38} {'median':>8} {'p95':>8}")
        print(f"{'floor: empty page, same libraries (s)':<38} {fm:>8.2f} {pct(f, .95):>8.2f}")
        print(f"{'app: both views painted (s)':<38} {am:>8.2f} {pct(a, .95):>8.2f}")
        print(f"{'app minus floor (s)':<38} {am - fm:>8.2f}")
        print(f"{'cursor move, both repainted (ms)':<38} {statistics.median(moves):>8.1f} {pct(moves, .95):>8.1f}")
        print(f"(runs: {args.runs} page loads each, {len(moves)} cursor moves)")
    finally:
        d.quit()
        for p in procs:
            os.killpg(p.pid, signal.SIGTERM)
            p.wait(timeout=30)


if __name__ == "__main__":
    main()
