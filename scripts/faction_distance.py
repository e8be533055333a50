"""How well the network's layout keeps factions together: for every scene date, the mean distance
between members of the same faction divided by the mean distance between members of different
factions (lower is better; 1.0 means the layout ignores factions). Members are those whose membership
of a faction-like group (faction, opposition, bloc) is in force or uncertain at the date, among the
people drawn then.

Usage: python scripts/faction_distance.py [data/soviet ...]   (prints a Markdown table)
"""
from __future__ import annotations

import itertools
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from dashboard.core.build import load  # noqa: E402
from dashboard.core.derived import FACTION_GROUPS  # noqa: E402


def ratio(ds, day: int) -> tuple[float, int] | None:
    """(same-faction mean distance / different-faction mean distance, people counted) at `day`."""
    groups = ds["groups"].set_index("group_id")
    mem = ds["memberships"]
    mem = mem[mem["group_id"].map(groups["kind"]).isin(FACTION_GROUPS) & (mem["v_lo"] <= day) & (day <= mem["v_hi"])]
    pos = ds["positions"].set_index("person_id")
    members = {}
    for pid, gid in zip(mem["person_id"], mem["group_id"]):
        members.setdefault(pid, set()).add(gid)
    same, other = [], []
    for a, b in itertools.combinations(sorted(members), 2):
        d = float(np.hypot(pos.at[a, "x"] - pos.at[b, "x"], pos.at[a, "y"] - pos.at[b, "y"]))
        (same if members[a] & members[b] else other).append(d)
    if not same or not other:
        return None
    return float(np.mean(same) / np.mean(other)), len(members)


def main(paths: list[str]) -> None:
    print("| dataset | scene | date | people in factions | same / different |")
    print("|---|---|---|---:|---:|")
    for path in paths:
        ds = load(path)
        values = []
        for row in ds["scenes"].itertuples(index=False):
            r = ratio(ds, int(row.date_lo))
            if r:
                values.append(r[0])
            shown = f"{r[0]:.2f}" if r else "–"
            print(f"| {Path(path).name} | {row.title} | {row.date_label} | {r[1] if r else 0} | {shown} |")
        if values:
            print(f"| {Path(path).name} | **mean over scenes** | | | **{np.mean(values):.2f}** |")


if __name__ == "__main__":
    main(sys.argv[1:] or ["data/soviet", "data/finnish-university-reform"])
