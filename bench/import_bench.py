"""Benchmark: `import-wikidata` of the saved result fixtures, each format with `--compare`, in one run.

Usage: python bench/import_bench.py   (prints a table; best of 3 per format)
"""
from __future__ import annotations

import contextlib
import io
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from dashboard.cli import main as cli  # noqa: E402

WD = ROOT / "tests" / "fixtures" / "wikidata"
FORMATS = ["prime-ministers.json", "prime-ministers.csv", "prime-ministers.tsv", "prime-ministers-simplified.json"]


def main() -> None:
    root = Path(tempfile.mkdtemp(prefix="bench-import-"))
    try:
        print(f"{'format':<34} {'best s':>7}")
        for name in FORMATS:
            extra = ["--julian-values", "as-entered"] if "simplified" in name else []
            best = float("inf")
            for i in range(3):
                out = root / f"{name}-{i}"
                start = time.perf_counter()
                with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                    rc = cli(["import-wikidata", str(WD / name), "--out", str(out), *extra,
                              "--compare", str(WD / "other-list.csv")])
                best = min(best, time.perf_counter() - start)
                assert rc == 0, name
            print(f"{name:<34} {best:>7.2f}")
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
