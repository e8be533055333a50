"""How fast the page answers a person, in headless Chromium on a real dataset (the Soviet one by default):

  click on a bar, an event, a node or an edge -> its detail shown      target p95 <= 150 ms
  a keystroke in the search box -> the results shown                    target p95 <= 100 ms
  a scene change (the clicker's PageDown) -> the scene settled          target <= 1.0 s, animations included

Usage: python bench/interact.py [DATASET_DIR] [--repeat 12]
It starts the dashboard under gunicorn on a free 127.0.0.1 port and stops it by its PID. Each time is taken
in the page: from the input event (captured on the document, before the app sees it) to the change on
screen, then two animation frames. A script, never a test: these machines are shared and noisy.
"""
from __future__ import annotations

import argparse
import os
import signal
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from selenium.webdriver.common.actions.action_builder import ActionBuilder  # noqa: E402

from bench.paint import READY_APP, browser, pct, serve  # noqa: E402
from dashboard.core.build import load  # noqa: E402
from dashboard.views import lecture  # noqa: E402

# From the input event to a change of `target` (a CSS selector), then two frames: `window.__took`.
WATCH = """
const [events, target] = arguments;
window.__took = null;
const el = document.querySelector(target);
let t0 = null;
const start = e => { if (t0 === null) t0 = e.timeStamp; };
events.forEach(name => document.addEventListener(name, start, {capture: true, once: true}));
new MutationObserver((_, obs) => {
  if (t0 === null) return;
  obs.disconnect();
  requestAnimationFrame(() => requestAnimationFrame(() => { window.__took = performance.now() - t0; }));
}).observe(el, {childList: true, subtree: true, characterData: true, attributes: true});
"""
# A scene has settled when the cursor shows its day, the network has stopped moving and the timeline
# shows its window.
SCENE = """
const [day, done] = [arguments[0], arguments[arguments.length - 1]];
let t0 = null, last = '', still = 0;
document.addEventListener('keydown', e => { t0 = e.timeStamp; }, {capture: true, once: true});
(function poll() {
  const el = document.getElementById('network'), cy = el && el._cyreg && el._cyreg.cy;
  const now = cy && el.dataset.day === String(day) && !cy.animated() ? JSON.stringify([cy.zoom(), cy.pan()]) : '';
  still = now && now === last ? still + 1 : 0;
  last = now;
  // Settled: the same view on two frames in a row, counted from the first of them.
  if (t0 !== null && still >= 2) done(performance.now() - t0 - 2 * 16.7);
  else requestAnimationFrame(poll);
})();
"""


def took(d, timeout: float = 10.0) -> float | None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = d.execute_script("return window.__took")
        if value is not None:
            return value
        time.sleep(0.02)
    return None


def click_at(d, x: float, y: float) -> None:
    """Move there, let the page see the pointer (plotly finds the bar under it on hover), then click."""
    action = ActionBuilder(d)
    action.pointer_action.move_to_location(int(x), int(y)).pause(0.3).click()
    action.perform()


def clicks(d, base: str, repeat: int) -> dict[str, list[float]]:
    """Detail after a click on each kind of thing, `repeat` times, each on a fresh target."""
    out: dict[str, list[float]] = {"bar": [], "event": [], "node": [], "edge": []}
    d.get(base + "/?date=1927-11-15")
    d.execute_async_script(READY_APP)
    time.sleep(1.0)  # the view-data file and the first classes
    targets = d.execute_script("""
        const gd = document.querySelector('#timeline .js-plotly-plot');
        const box = el => { const r = el.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; };
        const visible = ([x, y]) => x > 0 && y > 0 && x < innerWidth && y < innerHeight;
        const bars = [...gd.querySelectorAll('.bars .point path')].map(box).filter(visible);
        const events = [...gd.querySelectorAll('.scatterlayer .trace .points path')].map(box).filter(visible);
        const net = document.getElementById('network').getBoundingClientRect();
        const cy = document.getElementById('network')._cyreg.cy;
        const inside = p => p.x > 20 && p.y > 20 && p.x < cy.width() - 20 && p.y < cy.height() - 20;
        const nodes = cy.nodes(':visible').map(n => n.renderedPosition()).filter(inside)
          .map(p => [net.left + p.x, net.top + p.y]);
        const edges = cy.edges(':visible').map(e => e.renderedMidpoint()).filter(inside)
          .map(p => [net.left + p.x, net.top + p.y]);
        return {bar: bars, event: events, node: nodes, edge: edges};""")
    for kind, points in targets.items():
        for x, y in points[:repeat]:
            d.execute_script("document.getElementById('detail-body').textContent = '';")  # a change to wait for
            d.execute_script(WATCH, ["pointerdown", "mousedown"], "#detail-body")
            click_at(d, x, y)
            value = took(d)
            if value is not None:
                out[kind].append(value)
            d.execute_script("document.getElementById('detail').className = 'panel detail';")
    return out


def keystrokes(d, base: str, repeat: int) -> list[float]:
    """Results after each keystroke of a few names typed into the search box."""
    out = []
    d.get(base + "/?date=1927-11-15")
    d.execute_async_script(READY_APP)
    box = d.find_element("css selector", "#search-box")
    for word in ("trotsky", "zinoviev", "bukharin", "kamenev", "molotov")[: max(1, repeat // 3)]:
        box.clear()
        time.sleep(0.4)
        for ch in word[:4]:
            d.execute_script(WATCH, ["keydown"], "#search-hits")
            box.send_keys(ch)
            value = took(d)
            if value is not None:
                out.append(value)
    return out


def scenes(d, base: str, dataset: Path, repeat: int) -> list[float]:
    out = []
    steps = lecture.scenes(load(dataset))
    d.get(base + "/scene/1")
    d.execute_async_script(READY_APP)
    time.sleep(1.5)
    body = d.find_element("css selector", "body")
    for scene in steps[1: 1 + repeat]:
        d.execute_script("document.getElementById('title').focus()")
        d.set_script_timeout(30)
        # The SCENE script listens for the key, then the key is sent: two calls, the first returns at once.
        d.execute_script("window.__scene = null;")
        d.execute_script("""
            const day = arguments[0];
            const run = new Function('day', 'done', arguments[1]);
            run(day, v => { window.__scene = v; });""", scene["day"], SCENE.replace(
            "const [day, done] = [arguments[0], arguments[arguments.length - 1]];", ""))
        body.send_keys("\ue00f")  # PageDown: what a presenter's clicker sends
        end = time.monotonic() + 15
        while d.execute_script("return window.__scene") is None and time.monotonic() < end:
            time.sleep(0.05)
        value = d.execute_script("return window.__scene")
        if value is not None:
            out.append(value)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("dataset", nargs="?", default=str(ROOT / "data" / "soviet"))
    ap.add_argument("--repeat", type=int, default=12)
    args = ap.parse_args()
    dataset = Path(args.dataset).resolve()
    proc, base = serve("dashboard.app", {"DASHBOARD_DATA": str(dataset), "LOG_LEVEL": "WARNING"})
    d = browser()
    d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                      {"width": 1280, "height": 720, "deviceScaleFactor": 1, "mobile": False})
    try:
        click = clicks(d, base, args.repeat)
        keys = keystrokes(d, base, args.repeat)
        scene = scenes(d, base, dataset, args.repeat)
    finally:
        d.quit()
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
    all_clicks = [v for vs in click.values() for v in vs]
    rows = [(f"click on a {k} -> detail (ms)", vs, None) for k, vs in click.items() if vs]
    rows += [("click, any -> detail (ms)", all_clicks, 150), ("search keystroke -> results (ms)", keys, 100),
             ("scene change -> settled (ms)", scene, 1000)]
    print(f"dataset: {dataset.name}")
    print("| measure | n | p50 | p95 | target | met |\n|---|---:|---:|---:|---:|---|")
    met = total = 0
    for name, values, target in rows:
        p50, p95 = pct(values, 0.5), pct(values, 0.95)
        worst = max(values) if name.startswith("scene") else p95  # a scene change: every one within the target
        ok = "" if target is None else ("yes" if worst <= target else "no")
        if target is not None:
            total += 1
            met += ok == "yes"
        print(f"| {name} | {len(values)} | {p50:.0f} | {p95:.0f} | {'' if target is None else target} | {ok} |")
    print(f"targets: {met}/{total} met")


if __name__ == "__main__":
    main()
