"""Who was central when: at every day the political network changes (a relation surely in force begins or
ends, by core/validity.py's bounds), each person's degree (how many people they are tied to) and betweenness
(how much of the shortest paths between others run through them, 0 to 1), the number of factions
(groups of two or more people linked by alliances), and which faction each person is in, factions being
followed from day to day by their overlap (`match`). What the numbers mean, and what they do not:
docs/metrics.md.

Computed with igraph on the relations in force (not the uncertain ones), once per dataset build; past
MAX_DAYS change days an even sample of them is used (`sampled`), which a strip a few hundred pixels wide
cannot tell apart.
"""
from __future__ import annotations

import igraph
import pandas as pd
import plotly.graph_objects as go

from ..core import days
from . import day_axis
from .network import layer_of
from .style import FONT, PALETTE
from .timeline import LANE_LABEL_PX, NARROW_LABEL_PX, fit, ms

MAX_DAYS = 1500
# A faction on one day is the same faction as one on the day before when they share at least this share of
# their members (Jaccard index), the threshold Greene, Doyle and Cunningham (2010) use to follow communities.
SAME_FACTION = 0.3


def match(before: dict[str, frozenset], now: list[frozenset], next_id) -> dict[str, frozenset]:
    """Today's factions (`now`, sets of people) named after yesterday's (`before`: id -> members): each takes
    the id of the one it overlaps most, best pairs first, if they share at least SAME_FACTION of their
    members; the others get a new id from `next_id()`. A split keeps the id in its larger part, a merger
    the id of the part it shares most with."""
    was = {p: fid for fid, old in before.items() for p in old}  # only factions sharing someone can match
    pairs = [(len(c & before[fid]) / len(c | before[fid]), fid, c) for c in now for fid in {was[p] for p in c if p in was}]
    # Best overlap first; on a tie the older id (f2 before f10), then the part whose members sort first.
    pairs.sort(key=lambda t: (-t[0], len(t[1]), t[1], sorted(t[2])))
    out: dict[str, frozenset] = {}
    named: set[frozenset] = set()
    for share, fid, c in pairs:
        if share >= SAME_FACTION and fid not in out and c not in named:
            out[fid] = c
            named.add(c)
    for c in sorted(now, key=sorted):
        if c not in named:
            out[next_id()] = c
    return out


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
        return {"days": [], "factions": [], "people": {}, "communities": [], "sampled": False}
    ids = sorted(set(rel["a"]) | set(rel["b"]))
    index = {p: i for i, p in enumerate(ids)}
    a, b = rel["a"].map(index).to_numpy(), rel["b"].map(index).to_numpy()
    start, end = rel["v_start"].to_numpy(), rel["v_end"].to_numpy()
    ally = (rel["kind"] == "alliance").to_numpy()
    change, sampled = _change_days(rel)
    factions, people = [], {p: [] for p in ids}
    last = {p: None for p in ids}
    current: dict[str, frozenset] = {}
    communities: dict[str, dict] = {}
    counter = iter(range(1, 10**9))
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
        # Everyone with an alliance is in a faction of two or more: only they are looked up.
        component = allies.connected_components().membership
        members: dict[int, list[str]] = {}
        for i in set(a[on & ally]) | set(b[on & ally]):
            members.setdefault(component[i], []).append(ids[i])
        groups = [frozenset(m) for m in members.values() if len(m) >= 2]
        factions.append(len(groups))
        before, current = current, match(current, groups, lambda: f"f{next(counter)}")
        for fid in before.keys() - current.keys():
            communities[fid]["last"] = day - 1  # gone today: it lasted until the day before
        member = {p: fid for fid, c in current.items() for p in c}
        for fid, c in current.items():
            seen = communities.setdefault(fid, {"id": fid, "first": day, "last": None, "days": {}})
            for p in c:
                seen["days"][p] = seen["days"].get(p, 0) + 1
        for p, i in index.items():
            value = (degree[i], round(between[i] / scale, 4) if scale else 0.0, member.get(p))
            if value != last[p]:
                people[p].append({"day": day, "degree": value[0], "betweenness": value[1], "faction": value[2]})
                last[p] = value
    # Each faction's span (`last` None: still there on the last change day) and members, those present on
    # the most change days first.
    found = [{"id": c["id"], "first": c["first"], "last": c["last"],
              "members": sorted(c["days"], key=lambda p: (-c["days"][p], p))} for c in communities.values()]
    return {"days": change, "factions": factions, "people": people, "communities": found, "sampled": sampled}


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


STRIP_HEIGHT = 120


def strip_figure(ds, person_id: str, window: tuple[int, int] | None = None) -> go.Figure:
    """The strip under the timeline: a person's degree (left axis) and betweenness (right, 0 to 1) as steps
    against the timeline's own date axis; the page keeps its range equal to the lanes' and draws the
    cursor on it (assets/dashboard.js)."""
    points = metrics(ds)["people"].get(person_id, [])
    name = ds["people"].set_index("person_id")["name"].get(person_id, person_id)
    lo, hi = day_axis.record_span(ds) or (0, 1)
    x = [ms(p["day"]) for p in points] + ([ms(hi + 1)] if points else [])
    step = {"shape": "hv", "width": 2.5}
    fig = go.Figure([
        go.Scatter(x=x, y=[p["degree"] for p in points] + ([points[-1]["degree"]] if points else []),
                   name="ties", mode="lines", line={**step, "color": PALETTE[0]},
                   hovertemplate="%{y} ties<extra></extra>"),
        go.Scatter(x=x, y=[p["betweenness"] for p in points] + ([points[-1]["betweenness"]] if points else []),
                   name="betweenness", mode="lines", yaxis="y2", line={**step, "color": PALETTE[1], "dash": "dash"},
                   hovertemplate="betweenness %{y:.2f}<extra></extra>"),
    ])
    fig.update_layout(
        height=STRIP_HEIGHT, autosize=True, margin={"l": LANE_LABEL_PX, "r": 40, "t": 24, "b": 20},
        font={"family": FONT, "size": 13, "color": "#1a1a1a"}, plot_bgcolor="#ffffff", paper_bgcolor="#ffffff",
        title={"text": f"{name}: ties (solid, left) and betweenness (dashed, right)", "x": 0, "xanchor": "left",
               "font": {"size": 13}},
        showlegend=False, hovermode="x unified",
        meta={"fit": fit({"margin.l": LANE_LABEL_PX}, {"margin.l": NARROW_LABEL_PX})},
        xaxis={"type": "date", "showgrid": True, "gridcolor": "#eeeeee", "fixedrange": True,
               "range": [ms(window[0]), ms(window[1] + 1)] if window else None},
        yaxis={"rangemode": "tozero", "fixedrange": True, "nticks": 3, "title": None},
        yaxis2={"overlaying": "y", "side": "right", "range": [0, 1.05], "fixedrange": True,
                "tickvals": [0, 0.5, 1], "showgrid": False},
    )
    axis = day_axis.x_axis(ds, window)
    if axis.in_days:
        day_axis.to_day_numbers(fig)
        fig.update_xaxes(axis.settings)
    return fig
