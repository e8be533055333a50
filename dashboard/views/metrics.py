"""Who was central when: at every day the political network changes (a relation surely in force begins or
ends, by core/validity.py's bounds), each person's degree (how many people they are tied to) and betweenness
(how much of the shortest paths between others run through them, 0 to 1), and the number of factions
(groups of two or more people linked by alliances). What the numbers mean, and what they do not:
docs/metrics.md.

Computed with igraph on the relations in force (not the uncertain ones), once per dataset build; past
MAX_DAYS change days an even sample of them is used (`sampled`), which a strip a few hundred pixels wide
cannot tell apart.
"""
from __future__ import annotations

import igraph
import pandas as pd

from ..core import days
from .network import layer_of

MAX_DAYS = 1500


def _change_days(rel: pd.DataFrame) -> tuple[list[int], bool]:
    """The days a relation begins or ends (the day after its last), or an even sample of MAX_DAYS of them."""
    out = sorted(set(rel["v_start"].astype(int)) | set(rel["v_end"].astype(int) + 1))
    if len(out) <= MAX_DAYS:
        return out, False
    step = (len(out) - 1) / (MAX_DAYS - 1)
    return sorted({out[round(i * step)] for i in range(MAX_DAYS)}), True


def compute(rel: pd.DataFrame) -> dict:
    """From relations with `a`, `b`, `kind`, `v_start` and `v_end` (political ones): per change day the
    number of factions, and per person the days their degree or betweenness changed."""
    rel = rel[rel["v_start"] <= rel["v_end"]]
    if rel.empty:
        return {"days": [], "factions": [], "people": {}, "sampled": False}
    ids = sorted(set(rel["a"]) | set(rel["b"]))
    index = {p: i for i, p in enumerate(ids)}
    a, b = rel["a"].map(index).to_numpy(), rel["b"].map(index).to_numpy()
    start, end = rel["v_start"].to_numpy(), rel["v_end"].to_numpy()
    ally = (rel["kind"] == "alliance").to_numpy()
    change, sampled = _change_days(rel)
    factions, people = [], {p: [] for p in ids}
    last = {p: None for p in ids}
    for day in change:
        on = (start <= day) & (day <= end)
        pairs = {(min(x, y), max(x, y)) for x, y in zip(a[on], b[on]) if x != y}
        graph = igraph.Graph(n=len(ids), edges=sorted(pairs))
        degree = graph.degree()
        tied = sum(1 for d in degree if d)
        between = graph.betweenness(directed=False)
        scale = (tied - 1) * (tied - 2) / 2 if tied > 2 else 0
        allies = igraph.Graph(n=len(ids), edges=sorted({(min(x, y), max(x, y))
                                                        for x, y in zip(a[on & ally], b[on & ally]) if x != y}))
        factions.append(sum(1 for c in allies.connected_components() if len(c) >= 2))
        for p, i in index.items():
            value = (degree[i], round(between[i] / scale, 4) if scale else 0.0)
            if value != last[p]:
                people[p].append({"day": day, "degree": value[0], "betweenness": value[1]})
                last[p] = value
    return {"days": change, "factions": factions, "people": people, "sampled": sampled}


def metrics(ds) -> dict:
    """`compute` on the dataset's political relations, cached per build. Successions (who took an office
    from whom) are not ties between people, so they do not count."""
    if "metrics" not in ds.cache:
        rel = ds["relations"]
        political = rel[[layer_of(k, s) == "political" and k != "succession" for k, s in zip(rel["kind"], rel["scope"])]]
        ds.cache["metrics"] = compute(political)
    return ds.cache["metrics"]


def person(ds, person_id: str) -> list[dict]:
    """One person's curve as the API gives it: the days their degree or betweenness changed."""
    return [{"date": days.iso(p["day"]), **p} for p in metrics(ds)["people"].get(person_id, [])]
