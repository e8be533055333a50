"""Benchmark: `check` and `build` of synthetic packages (x1, x10, x100), in one run.

Usage: python bench/build_bench.py   (prints a table; the x100 package has ~10,000 tenures)
The issue's target: build of a 10,000-tenure package in under 5 s on a 2-core machine.
"""
from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.synth import generate  # noqa: E402
from dashboard.core.build import PROCESSED, build  # noqa: E402
from dashboard.core.validate import check  # noqa: E402


def timed(fn, *args, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn(*args)
        best = min(best, time.perf_counter() - t)
    return best


def main() -> None:
    root = Path(tempfile.mkdtemp(prefix="bench-build-"))
    try:
        print(f"{'scale':>6} {'tenures':>8} {'check s':>8} {'build s':>8} {'MB out':>7}  (best of 3)")
        base = None
        for scale in (1, 10, 100):
            folder = root / f"x{scale}"
            counts = generate(folder, scale)
            c = timed(check, folder)
            b = timed(build, folder)
            pkg = check(folder)
            assert not pkg.errors, pkg.errors[:3]
            size = sum(p.stat().st_size for p in (folder / PROCESSED).iterdir()) / 1e6
            base = base or b
            print(f"{'x' + str(scale):>6} {counts['tenures']:>8} {c:>8.2f} {b:>8.2f} {size:>7.2f}  "
                  f"build/x1 = {b / base:.1f}")
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
