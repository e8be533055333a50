"""Derived tables computed once at build time: when each person is active in
the record, and one stable network layout over the whole period (so nodes
never jump when the date cursor moves)."""
from __future__ import annotations

import math

import networkx as nx
import pandas as pd

from .validate import split_list

SEED = 1917
EDGE_WEIGHT = {"alliance": 2.0, "family": 2.0, "patronage": 1.5, "rivalry": 0.5, "repression": 0.5, "other": 1.0}


def with_activity(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """people + active_lo/active_hi: first dated appearance in the record, and death."""
    people = frames["people"].copy()
    firsts: list[pd.DataFrame] = []
    lasts: list[pd.DataFrame] = []
    for name, who in (("tenures", ["person_id"]), ("memberships", ["person_id"]), ("relations", ["a", "b"])):
        f = frames[name]
        for col in who:
            firsts.append(pd.DataFrame({"pid": f[col], "d": f["start_lo"].fillna(f["end_lo"])}))
            lasts.append(pd.DataFrame({"pid": f[col], "d": f["end_hi"].fillna(f["start_hi"])}))
    ev = frames["events"]
    exploded = pd.DataFrame({"pid": ev["people"].map(split_list), "d": ev["date_lo"], "e": ev["end_hi"].fillna(ev["date_hi"])}
                            ).explode("pid").dropna(subset=["pid"])
    firsts.append(exploded[["pid", "d"]])
    lasts.append(exploded[["pid", "e"]].rename(columns={"e": "d"}))
    first = pd.concat(firsts).dropna().groupby("pid")["d"].min()
    last = pd.concat(lasts).dropna().groupby("pid")["d"].max()
    people["active_lo"] = people["person_id"].map(first).fillna(people["born_lo"]).astype("datetime64[ns]")
    # Dead people leave the picture; the living stay until their last dated appearance or beyond.
    people["active_hi"] = people["died_hi"].astype("datetime64[ns]")
    people["last_seen"] = people["person_id"].map(last).astype("datetime64[ns]")
    return people


def positions(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Deterministic spring layout of everyone, pulled together by relations and shared groups."""
    people = frames["people"]
    g = nx.Graph()
    g.add_nodes_from(sorted(people["person_id"]))
    rel = frames["relations"].sort_values("relation_id")
    for a, b, kind in zip(rel["a"], rel["b"], rel["kind"]):
        if a != b:
            w = EDGE_WEIGHT.get(kind, 1.0)
            g.add_edge(a, b, weight=g.get_edge_data(a, b, {}).get("weight", 0) + w)
    mem = frames["memberships"].sort_values("membership_id")
    for gid, members in mem.groupby("group_id", sort=True)["person_id"]:
        hub = f"group::{gid}"
        for pid in sorted(set(members)):
            g.add_edge(hub, pid, weight=0.7)
    n = max(1, people.shape[0])
    pos = nx.spring_layout(g, seed=SEED, iterations=100, weight="weight", k=1.6 / math.sqrt(max(1, g.number_of_nodes())))
    scale = 420 * math.sqrt(n / 40) if n > 40 else 420
    ids = sorted(people["person_id"])
    return pd.DataFrame({
        "person_id": ids,
        "x": [round(float(pos[i][0]) * scale, 1) for i in ids],
        "y": [round(float(pos[i][1]) * scale, 1) for i in ids],
    })
