"""A contact sheet of every scene of every dataset, in presentation mode at 1024x768: one screenshot per
scene in docs/scenes/ and a page (docs/scenes/README.md) that shows them all, to look at.

Usage: python scripts/contact_sheet.py [--out docs/scenes] [--size 1024x768]
It starts the dashboard itself (on a free 127.0.0.1 port) and stops it by its own PID.
"""
from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from dashboard.core.build import load  # noqa: E402
from dashboard.views import lecture  # noqa: E402
from scripts.screenshot import driver  # noqa: E402

SETTLED = """
const [day, done] = arguments;
let last = '', still = 0;
const tick = () => {
  const el = document.getElementById('network'), cy = el && el._cyreg && el._cyreg.cy;
  const now = cy && el.dataset.day === String(day) ? JSON.stringify([cy.zoom(), cy.pan(), cy.nodes('.nolabel').length]) : '';
  still = now && now === last ? still + 1 : 0;
  last = now;
  if (still >= 6) done(true); else setTimeout(tick, 100);
};
tick();
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=str(ROOT / "docs" / "scenes"))
    ap.add_argument("--size", default="1024x768")
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    w, h = (int(x) for x in args.size.split("x"))
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "dashboard", "data/soviet", "--port", str(port)], cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    d = None
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=2)
                break
            except OSError:
                time.sleep(0.5)
        d = driver(w, h)
        d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": w, "height": h, "deviceScaleFactor": 1,
                                                                  "mobile": False})
        d.set_script_timeout(30)
        lines = ["# Every scene, in presentation mode", "",
                 f"Written by `python scripts/contact_sheet.py` ({w}x{h}, headless Chromium). Look at them after "
                 "changing the layout, the labels or the data.", ""]
        for folder in sorted((ROOT / "data").iterdir()):
            if not (folder / "datapackage.json").is_file():
                continue
            ds = load(folder)
            lines += [f"## {ds.title}", "", "| | |", "|---|---|"]
            cells = []
            for scene in lecture.scenes(ds):
                d.get(f"{base}/scene/{scene['n']}?dataset={folder.name}")
                d.execute_async_script(SETTLED, scene["day"])
                name = f"{folder.name}-{scene['n']:02d}.png"
                d.save_screenshot(str(out / name))
                cells.append(f"![{scene['n']}. {scene['title']}]({name})<br>{scene['n']}. {scene['title']}")
            for i in range(0, len(cells), 2):
                lines.append("| " + " | ".join(cells[i:i + 2] + [""] * (2 - len(cells[i:i + 2]))) + " |")
            lines.append("")
        (out / "README.md").write_text("\n".join(lines), encoding="utf-8")
        print(f"wrote {out}")
    finally:
        if d:
            d.quit()
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
