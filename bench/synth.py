"""Deterministic synthetic data packages at a scale factor of the default dataset.

x1 is about the size of data/soviet (100 tenures, 20 people...); x100 has about 10,000 tenures,
2,000 people, 6,000 relations, 5,000 events and 50 groups. The packages are valid under `check`.

Usage: python bench/synth.py OUT_DIR --scale 100
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from dashboard.core.schema import EVENT_KINDS, OFFICE_KINDS, RELATION_KINDS, TABLES, descriptor  # noqa: E402

BASE = {"people": 20, "offices": 8, "tenures": 100, "groups": 1, "memberships": 40, "relations": 60,
        "events": 50, "claims": 4, "scenes": 12}
FIRST_YEAR, YEARS = 1900, 60
TEXT = "synthetic.txt"


def _date(rng: random.Random, year: int) -> str:
    """Mostly days, some months, years and approximate years, like real data."""
    r = rng.random()
    if r < 0.6:
        return f"{year:04d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    if r < 0.8:
        return f"{year:04d}-{rng.randint(1, 12):02d}"
    return f"{year:04d}" + ("~" if r > 0.9 else "")


def generate(out: Path, scale: int, seed: int = 1917) -> dict[str, int]:
    rng = random.Random(seed)
    n = {k: max(1, round(v * scale)) for k, v in BASE.items()}
    n["groups"] = max(3, min(50, round(0.5 * scale)))
    n["scenes"] = 12
    out.mkdir(parents=True, exist_ok=True)
    cite = {"source_id": "synth", "locator": "1", "quote": "A synthetic record."}
    people = [f"p{i:05d}" for i in range(n["people"])]
    born = {p: FIRST_YEAR - rng.randint(20, 50) for p in people}
    rows: dict[str, list[dict]] = {t: [] for t in TABLES}
    rows["sources"].append({"source_id": "synth", "title": "Synthetic record", "kind": "benchmark",
                            "origin": "bench/synth.py", "licence": "CC0-1.0", "file": TEXT, "lines": "1"})
    for p in people:
        rows["people"].append({"person_id": p, "name": f"Person {p[1:]}", "aliases": f"P{p[1:]};Persona {p[1:]}",
                               "born": str(born[p]), "died": str(born[p] + rng.randint(70, 95)), "kind": "person",
                               **cite})
    offices = [f"o{i:04d}" for i in range(n["offices"])]
    for i, o in enumerate(offices):
        rows["offices"].append({"office_id": o, "title": f"Office {i}", "organisation": f"Organisation {i % 12}",
                                "kind": OFFICE_KINDS[i % len(OFFICE_KINDS)], "rank": str(i)})
    for i in range(n["tenures"]):
        start = FIRST_YEAR + rng.randrange(YEARS - 3)
        end = start + rng.randint(1, 3)
        rows["tenures"].append({"tenure_id": f"t{i:06d}", "person_id": rng.choice(people),
                                "office_id": rng.choice(offices), "start": _date(rng, start),
                                "end": ".." if rng.random() < 0.02 else _date(rng, end), **cite})
    groups = [f"g{i:03d}" for i in range(n["groups"])]
    for i, g in enumerate(groups):
        rows["groups"].append({"group_id": g, "name": f"Group {i}", "kind": ("faction", "opposition", "bloc")[i % 3],
                               "start": str(FIRST_YEAR), "end": str(FIRST_YEAR + YEARS), **cite})
    for i in range(n["memberships"]):
        start = FIRST_YEAR + rng.randrange(YEARS - 5)
        rows["memberships"].append({"membership_id": f"m{i:06d}", "person_id": rng.choice(people),
                                    "group_id": rng.choice(groups), "start": str(start),
                                    "end": str(start + rng.randint(1, 5)), "role": "member", **cite})
    for i in range(n["relations"]):
        a, b = rng.sample(people, 2)
        start = FIRST_YEAR + rng.randrange(YEARS - 5)
        kind = RELATION_KINDS[i % len(RELATION_KINDS)]
        rows["relations"].append({"relation_id": f"r{i:06d}", "a": a, "b": b, "kind": kind,
                                  "directed": "true" if kind in ("patronage", "repression") else "false",
                                  "start": _date(rng, start), "end": _date(rng, start + rng.randint(1, 5)), **cite})
    kinds = [k for k in EVENT_KINDS if k != "birth"]
    for i in range(n["events"]):
        rows["events"].append({"event_id": f"e{i:06d}", "date": _date(rng, FIRST_YEAR + rng.randrange(YEARS)),
                               "title": f"Event {i}", "kind": kinds[i % len(kinds)],
                               "people": ";".join(rng.sample(people, 2)), **cite})
    for i in range(n["claims"]):
        t = rows["tenures"][i]
        for j, value in enumerate((t["start"], str(FIRST_YEAR))):
            rows["claims"].append({"claim_id": f"c{i:05d}-{j}", "target": f"tenures:{t['tenure_id']}",
                                   "field": "start", "value": value, "preferred": "true" if j == 0 else "false",
                                   **cite})
    for i in range(n["scenes"]):
        year = FIRST_YEAR + i * YEARS // n["scenes"]
        rows["scenes"].append({"scene_id": f"s{i:02d}", "order": str(i + 1), "title": f"Scene {i + 1}",
                               "date": str(year), "window_start": str(year), "window_end": str(year + 5),
                               "focus": people[i % len(people)], "caption": f"Scene **{i + 1}**."})
    for name, table in TABLES.items():
        with open(out / f"{name}.csv", "w", newline="", encoding="utf-8") as fh:
            w = csv.DictWriter(fh, table.columns)
            w.writeheader()
            for r in rows[name]:
                w.writerow({c: r.get(c, "") for c in table.columns})
    (out / "datapackage.json").write_text(json.dumps(descriptor(out.name, f"Synthetic x{scale}"), indent=1))
    (out / TEXT).write_text("A synthetic record.\n")
    return {k: len(v) for k, v in rows.items()}


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("out", type=Path)
    ap.add_argument("--scale", type=float, default=1)
    args = ap.parse_args()
    print(generate(args.out, args.scale))
