"""The score of a bench/mutation run, per module and in all, and the survivors with their diffs.

Usage (bench/mutation runs it): mutation-venv/bin/python bench/mutation_report.py OUT MODULE...
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from mutmut.__main__ import SourceFileMutationData, get_diff_for_mutant, status_by_exit_code


def main(out: str, modules: list[str]) -> None:
    total: Counter = Counter()
    survivors = []
    print(f"{'module':32} {'killed':>7} {'survived':>8} {'timeout':>7} {'other':>5} {'score':>6}")
    for module in modules:
        path = Path(*module.split(".")).with_suffix(".py")
        data = SourceFileMutationData(path=path)
        data.load()
        counts = Counter(status_by_exit_code[code] for code in data.exit_code_by_key.values())
        total += counts
        survivors += [(name, path) for name, code in sorted(data.exit_code_by_key.items())
                      if status_by_exit_code[code] == "survived"]
        print(line(module, counts))
    print(line("all", total))
    other = {k: v for k, v in total.items() if k not in ("killed", "survived", "timeout")}
    print("other:", ", ".join(f"{k} {v}" for k, v in sorted(other.items())) or "none")
    with open(out, "w", encoding="utf-8") as fh:
        for name, path in survivors:
            fh.write(f"# {name}\n{get_diff_for_mutant(name, path=path)}\n")
    print(f"{len(survivors)} survivors with their diffs: {out}")


def line(label: str, counts: Counter) -> str:
    killed, survived, timeout = counts["killed"], counts["survived"], counts["timeout"]
    other = sum(counts.values()) - killed - survived - timeout
    # A timeout is a kill (the mutant made the tests hang); what was not run is not counted.
    tried = killed + survived + timeout
    score = f"{100 * (killed + timeout) / tried:.1f}%" if tried else "-"
    return f"{label:32} {killed:7} {survived:8} {timeout:7} {other:5} {score:>6}"


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
