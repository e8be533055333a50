"""Screenshots of a running dashboard with headless Chromium, at projector sizes.

Usage: python scripts/screenshot.py URL OUT.png [WIDTHxHEIGHT] [--wait SECONDS] [--full] [--click CSS]...
"""
from __future__ import annotations

import argparse
import tempfile
import time

from selenium import webdriver


def driver(width: int, height: int) -> webdriver.Chrome:
    opts = webdriver.ChromeOptions()
    opts.binary_location = "/usr/bin/chromium"
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--hide-scrollbars", f"--window-size={width},{height}",
                 f"--user-data-dir={tempfile.mkdtemp(prefix='chromium-')}"):
        opts.add_argument(flag)
    return webdriver.Chrome(options=opts)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("url")
    ap.add_argument("out")
    ap.add_argument("size", nargs="?", default="1280x720")
    ap.add_argument("--wait", type=float, default=4.0)
    ap.add_argument("--full", action="store_true", help="capture the whole page height")
    ap.add_argument("--click", action="append", default=[], help="click this element first (e.g. #table-toggle)")
    args = ap.parse_args()
    w, h = (int(x) for x in args.size.split("x"))
    d = driver(w, h)
    try:
        # --window-size is the outer window in headless Chromium (the page got 143 px less height):
        # set the viewport itself, as a projector in full screen (F) shows it.
        d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                          {"width": w, "height": h, "deviceScaleFactor": 1, "mobile": False})
        d.get(args.url)
        time.sleep(args.wait)
        for selector in args.click:
            d.find_element("css selector", selector).click()
            time.sleep(1.0)
        if args.full:
            height = d.execute_script("return document.body.scrollHeight")
            d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                              {"width": w, "height": max(h, height), "deviceScaleFactor": 1, "mobile": False})
            time.sleep(0.5)
        d.save_screenshot(args.out)
        logs = d.get_log("browser")
        for entry in logs:
            print(entry["level"], entry["message"][:300])
    finally:
        d.quit()


if __name__ == "__main__":
    main()
