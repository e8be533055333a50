"""Benchmark: who was central when (views/metrics.py) on synthetic packages x1, x10, x100, in one run.

Usage: python bench/metrics_bench.py   (prints a table; target: x100 under 10 s on this 2-core machine)
"""
from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.synth import generate  # noqa: E402
from dashboard.core.build import load  # noqa: E402
from dashboard.views import metrics  # noqa: E402


def main() -> None:
    root = Path(tempfile.mkdtemp(prefix="bench-metrics-"))
    try:
        print(f"{'scale':>6} {'relations':>9} {'people':>7} {'days':>6} {'sampled':>8} {'s':>7}")
        for scale in (1, 10, 100):
            folder = root / f"x{scale}"
            generate(folder, scale)
            ds = load(folder)
            start = time.perf_counter()
            found = metrics.metrics(ds)
            took = time.perf_counter() - start
            print(f"{'x' + str(scale):>6} {len(ds['relations']):>9} {len(found['people']):>7} "
                  f"{len(found['days']):>6} {str(found['sampled']):>8} {took:>7.2f}")
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
