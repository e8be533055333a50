"""Network elements for dash-cytoscape, laid out once at build time (`preset`).

Every node and edge carries the day numbers (days since 1970-01-01) between
which it is valid; the browser shows or hides them for the cursor date by
rewriting the stylesheet, so a cursor move costs no server round trip and no
re-layout.
"""
from __future__ import annotations

import pandas as pd

from ..core.validate import split_list
from .style import NONE_COLOUR, RELATION_STYLE, colour_map
from .timeline import FACTION_KINDS

NEVER = 10**7  # beyond any date: an open or unknown bound
EPOCH = pd.Timestamp("1970-01-01")


def day(ts) -> int | None:
    return None if pd.isna(ts) else int((pd.Timestamp(ts) - EPOCH).days)


def _bound(ts, default: int) -> int:
    d = day(ts)
    return default if d is None else d


def group_colours(ds) -> dict[str, str]:
    groups = ds["groups"]
    factions = groups[groups["kind"].isin(FACTION_KINDS)].sort_values("group_id")
    return colour_map(factions["group_id"])


def short_label(name: str, kind: str, aliases: str) -> str:
    """What a node shows: a person's surname; an organisation's acronym when it has one."""
    if kind == "organisation":
        acronyms = [a for a in split_list(aliases) if a.isupper() and 2 <= len(a) <= 8]
        return min(acronyms, key=len) if acronyms else name
    parts = name.split()
    return parts[-1] if len(parts) > 1 and not parts[-1].startswith("(") else name


def elements(ds, groups: list[str] | None = None, relation_kinds: list[str] | None = None) -> list[dict]:
    """Nodes (people, organisations) and edges (relations) with validity intervals."""
    people = ds["people"].merge(ds["positions"], on="person_id", how="left")
    rel = ds["relations"]
    if relation_kinds:
        rel = rel[rel["kind"].isin(relation_kinds)]
    if groups:
        members = set(ds["memberships"].loc[ds["memberships"]["group_id"].isin(groups), "person_id"])
        people = people[people["person_id"].isin(members)]
        rel = rel[rel["a"].isin(members) & rel["b"].isin(members)]
    died = ds["people"].set_index("person_id")["died_hi"]
    nodes = [
        {
            "data": {"id": pid, "label": short_label(name, kind, aliases), "name": name, "kind": kind,
                     "alo": _bound(lo, -NEVER), "ahi": _bound(hi, NEVER)},
            "position": {"x": float(x) if pd.notna(x) else 0.0, "y": float(y) if pd.notna(y) else 0.0},
            "classes": kind,
        }
        for pid, name, kind, aliases, lo, hi, x, y in zip(
            people["person_id"], people["name"], people["kind"], people["aliases"],
            people["active_lo"], people["active_hi"], people["x"], people["y"])
    ]
    edges = []
    for r in rel.itertuples(index=False):
        # An end the sources do not give is taken as the death of either party: the last known bound.
        end = r.end_hi
        if pd.isna(end) and r.end_precision != "open":
            deaths = [d for d in (died.get(r.a), died.get(r.b)) if pd.notna(d)]
            end = min(deaths) if deaths else pd.NaT
        edges.append({
            "data": {"id": f"rel::{r.relation_id}", "relation_id": r.relation_id, "source": r.a, "target": r.b,
                     "kind": r.kind, "lo": _bound(r.start_lo if pd.notna(r.start_lo) else r.end_lo, -NEVER),
                     "hi": _bound(end, NEVER)},
            "classes": f"{r.kind}{' directed' if r.directed else ''}",
        })
    return nodes + edges


def visible(ds, groups: list[str] | None = None, relation_kinds: list[str] | None = None) -> list[str] | None:
    """Ids of the elements the filters keep (None: no filter, all of them)."""
    if not groups and not relation_kinds:
        return None
    return [e["data"]["id"] for e in elements(ds, groups, relation_kinds)]


def memberships(ds) -> list[list]:
    """[person, group, lo, hi, colour] for faction-like groups: the browser colours nodes by these."""
    colours = group_colours(ds)
    mem = ds["memberships"]
    mem = mem[mem["group_id"].isin(colours)]
    died = ds["people"].set_index("person_id")["died_hi"]
    out = []
    for pid, gid, lo, hi, elo in zip(mem["person_id"], mem["group_id"], mem["start_lo"], mem["end_hi"], mem["end_lo"]):
        end = hi if pd.notna(hi) else died.get(pid)
        out.append([pid, gid, _bound(lo if pd.notna(lo) else elo, -NEVER), _bound(end, NEVER), colours[gid]])
    # Narrow groups win: they are applied last.
    out.sort(key=lambda m: -(m[3] - m[2]))
    return out


def stylesheet(font_size: int = 20) -> list[dict]:
    base = [
        {"selector": "node", "style": {
            "label": "data(label)", "font-size": font_size, "font-family": "system-ui, sans-serif",
            "text-valign": "bottom", "text-margin-y": 4, "color": "#111111", "min-zoomed-font-size": 7,
            "text-wrap": "wrap", "text-max-width": 150,
            "text-outline-color": "#ffffff", "text-outline-width": 3,
            "background-color": NONE_COLOUR, "width": 26, "height": 26,
            "border-width": 2, "border-color": "#ffffff"}},
        # An organisation without an acronym has a long name: one line, cut with "…" (the panel has it whole).
        {"selector": "node.organisation", "style": {"shape": "round-rectangle", "width": 34, "height": 22,
                                                    "background-color": "#5C5C5C", "text-wrap": "ellipsis",
                                                    "text-max-width": 190}},
        {"selector": "edge", "style": {"width": 3, "curve-style": "bezier", "opacity": 0.85}},
        {"selector": "node.focus, node:selected", "style": {"border-width": 6, "border-color": "#C00000",
                                                            "width": 38, "height": 38, "font-weight": "bold",
                                                            "z-index": 10}},
        {"selector": "edge.focus, edge:selected", "style": {"width": 7, "opacity": 1, "z-index": 10}},
    ]
    for kind, (colour, line, arrow) in RELATION_STYLE.items():
        style = {"line-color": colour, "line-style": line, "target-arrow-color": colour}
        if arrow:
            style["target-arrow-shape"] = "triangle"
            style["arrow-scale"] = 1.4
        if kind == "repression":
            style["width"] = 4
        base.append({"selector": f"edge.{kind}", "style": style})
    return base


def legend(ds) -> dict:
    """What the network legend shows: relation kinds present, faction colours."""
    kinds = [k for k in RELATION_STYLE if k in set(ds["relations"]["kind"])]
    names = ds["groups"].set_index("group_id")["name"]
    return {
        "relations": [{"kind": k, "colour": RELATION_STYLE[k][0], "line": RELATION_STYLE[k][1],
                       "arrow": RELATION_STYLE[k][2]} for k in kinds],
        "groups": [{"id": g, "name": names[g], "colour": c} for g, c in group_colours(ds).items()],
    }
