"""Network elements for dash-cytoscape, laid out once at build time (`preset`).

Every node and edge carries its validity (core/validity.py) as named day
numbers `lo`, `start`, `end`, `hi`; the browser compares the cursor's day with
them and sets classes (in force, uncertain, gone), so a cursor move costs no
server round trip and no re-layout.
"""
from __future__ import annotations

import pandas as pd

from ..core.validate import split_list
from .style import (
    BACKGROUND,
    FADED_COLOUR,
    FOCUS_COLOUR,
    LABEL_COLOUR,
    NONE_COLOUR,
    ORGANISATION_COLOUR,
    RELATION_STYLE,
    SELECTED_COLOUR,
    colour_map,
)
from .timeline import FACTION_KINDS

# Layers of the network: the leadership struggle by default, private life and foreign policy on demand.
LAYERS = ("political", "personal", "foreign")
DEFAULT_LAYERS = ("political",)
LAYER_LABELS = {"political": "political", "personal": "personal (family, other)", "foreign": "foreign"}


def layer_of(kind: str, scope: str) -> str:
    """A `succession` (who took an office from whom) is political: the chain of an office is part of the
    struggle for it, and an imported list of officeholders (core/wikidata.py) shows it by default."""
    if scope == "foreign":
        return "foreign"
    if scope == "personal" or kind in ("family", "other"):
        return "personal"
    return "political"


def bounds(row) -> dict[str, int]:
    return {"lo": int(row.v_lo), "start": int(row.v_start), "end": int(row.v_end), "hi": int(row.v_hi)}


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


def degree(ds) -> dict[str, int]:
    """How many political relations each person has over the whole record."""
    rel = ds["relations"]
    political = rel[[layer_of(k, s) == "political" for k, s in zip(rel["kind"], rel["scope"])]]
    return pd.concat([political["a"], political["b"]]).value_counts().to_dict()


def node_labels(people) -> dict[str, str]:
    """Each node's label: the short label, or, where two people share it, initial and surname
    ("J. Stalin", "V. Stalin"), else the full name. Decided for the whole dataset, so no two people
    drawn at once ever read the same."""
    short = {pid: short_label(name, kind, aliases)
             for pid, name, kind, aliases in zip(people["person_id"], people["name"], people["kind"], people["aliases"])}
    names = dict(zip(people["person_id"], people["name"]))
    kinds = dict(zip(people["person_id"], people["kind"]))
    out = dict(short)
    for step in ("initial", "full"):
        seen: dict[str, list[str]] = {}
        for pid, label in out.items():
            seen.setdefault(label, []).append(pid)
        for same in (pids for pids in seen.values() if len(pids) > 1):
            for pid in same:
                parts = names[pid].split()
                if step == "initial" and kinds[pid] == "person" and len(parts) > 1:
                    out[pid] = f"{parts[0][0]}. {short[pid]}"
                else:
                    out[pid] = names[pid]
    return out


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
    labels = node_labels(ds["people"])
    weight = degree(ds)
    nodes = [
        {
            # `weight` (political relations over the whole record) decides whose label stays when
            # labels would overlap: the most connected first, after the scene's focus.
            "data": {"id": r.person_id, "label": labels[r.person_id], "name": r.name,
                     "kind": r.kind, "weight": weight.get(r.person_id, 0), **bounds(r)},
            "position": {"x": float(r.x) if pd.notna(r.x) else 0.0, "y": float(r.y) if pd.notna(r.y) else 0.0},
            "classes": r.kind,
        }
        for r in people.itertuples(index=False)
    ]
    edges = [
        {
            "data": {"id": f"rel::{r.relation_id}", "relation_id": r.relation_id, "source": r.a, "target": r.b,
                     "kind": r.kind, "scope": r.scope, "layer": layer_of(r.kind, r.scope), **bounds(r)},
            "classes": f"{r.kind}{' directed' if r.directed else ''}",
        }
        for r in rel.itertuples(index=False)
    ]
    return nodes + edges


def visible(ds, groups: list[str] | None = None, relation_kinds: list[str] | None = None) -> list[str] | None:
    """Ids of the elements the filters keep (None: no filter, all of them)."""
    if not groups and not relation_kinds:
        return None
    return [e["data"]["id"] for e in elements(ds, groups, relation_kinds)]


def memberships(ds) -> list[dict]:
    """Faction-like memberships with their bounds and colour: the browser colours nodes by these."""
    colours = group_colours(ds)
    mem = ds["memberships"]
    mem = mem[mem["group_id"].isin(colours)]
    out = [{"person": r.person_id, "group": r.group_id, "lo": int(r.v_lo), "hi": int(r.v_hi),
            "colour": colours[r.group_id]} for r in mem.itertuples(index=False)]
    # Narrow groups win: they are applied last.
    out.sort(key=lambda m: -(m["hi"] - m["lo"]))
    return out


# Cytoscape's arrow shapes for RELATION_STYLE's ends.
_ENDS = {"arrow": ("triangle", ""), "tee": ("tee", ""), "circles": ("circle", "circle"),
         "squares": ("square", "square")}
NAMES = {"font-size": 20, "text-max-width": 150}  # the stylesheet's own (`stylesheet`)
NAMES_MIN_PX = 12  # off a slide: the whole network framed in a laptop's panel drew names at 7 px


# Where a label goes when the browser moves it off its node (assets/dashboard.js, `declutter`).
_LABEL_PLACES = {"top": ("top", "center"), "right": ("center", "right"), "left": ("center", "left"),
                 "bottom-right": ("bottom", "right"), "bottom-left": ("bottom", "left"),
                 "top-right": ("top", "right"), "top-left": ("top", "left")}


def stylesheet(font_size: int = NAMES["font-size"]) -> list[dict]:
    """The network's styles: people and organisations, relation kinds, and the classes the browser sets
    for the cursor's day (uncertain, gone, alone, off) and for label places."""
    base = [
        {"selector": "node", "style": {
            "label": "data(label)", "font-size": font_size, "font-family": "system-ui, sans-serif",
            "text-valign": "bottom", "text-margin-y": 4, "color": LABEL_COLOUR, "min-zoomed-font-size": 7,
            "text-wrap": "wrap", "text-max-width": NAMES["text-max-width"],
            "text-outline-color": BACKGROUND, "text-outline-width": 3,
            "background-color": NONE_COLOUR, "width": 26, "height": 26,
            "border-width": 2, "border-color": BACKGROUND}},
        # An organisation without an acronym has a long name: one line, cut with "…" (the panel has it whole).
        {"selector": "node.organisation", "style": {"shape": "round-rectangle", "width": 34, "height": 22,
                                                    "background-color": ORGANISATION_COLOUR,
                                                    "text-wrap": "ellipsis", "text-max-width": 190}},
        # Edges at full opacity: faded, the lighter colours would fall under 3:1 against the panel.
        {"selector": "edge", "style": {"width": 3, "curve-style": "bezier", "opacity": 1, "arrow-scale": 1.4}},
        {"selector": "node.focus, node:selected", "style": {"border-width": 6, "border-color": SELECTED_COLOUR,
                                                            "width": 38, "height": 38, "font-weight": "bold",
                                                            "z-index": 10}},
        {"selector": "edge.focus, edge:selected", "style": {"width": 7, "z-index": 10}},
    ]
    for kind, (colour, line, ends) in RELATION_STYLE.items():
        style = {"line-color": colour, "line-style": line, "target-arrow-color": colour,
                 "source-arrow-color": colour}
        target, source = _ENDS.get(ends, ("", ""))
        if target:
            style["target-arrow-shape"] = target
        if source:
            style["source-arrow-shape"] = source
        if kind == "repression":
            style["width"] = 4
        base.append({"selector": f"edge.{kind}", "style": style})
    base += [
        {"selector": "edge.off", "style": {"display": "none"}},
        # Uncertain at the day (a vague date, or no end recorded since last attested): thinner lines, and
        # people with a faint fill in a dashed ring; the colours keep their contrast.
        {"selector": "edge.uncertain", "style": {"width": 1.5}},
        {"selector": "node.uncertain", "style": {"background-opacity": 0.35, "border-color": FADED_COLOUR,
                                                 "border-width": 3, "border-style": "dashed"}},
        # Not in the record at the day, or with no tie then: drawn only on request (`EVERYONE`).
        {"selector": "node.gone, node.alone", "style": {"display": "none"}},
        {"selector": "node.lbl-top", "style": {"text-valign": "top", "text-margin-y": -2}},
    ]
    for place, (valign, halign) in _LABEL_PLACES.items():
        if place != "top":
            margin_x = {"right": 2, "left": -2}.get(place, 0)
            base.append({"selector": f"node.lbl-{place}", "style": {"text-valign": valign, "text-halign": halign,
                                                                     "text-margin-x": margin_x, "text-margin-y": 0}})
    base += [
        # Just began or ended (the change panel, for a moment).
        {"selector": "node.changed", "style": {"border-width": 6, "border-style": "double",
                                               "border-color": FOCUS_COLOUR, "z-index": 20}},
        {"selector": "edge.changed", "style": {"width": 7, "z-index": 20}},
        # Around the selected person only (`ego`), and the path to a second one (web/paths.py).
        {"selector": "node.outside, edge.outside", "style": {"display": "none"}},
        {"selector": "node.onpath", "style": {"border-width": 6, "border-color": SELECTED_COLOUR, "z-index": 15}},
        {"selector": "edge.onpath", "style": {"width": 8, "z-index": 15}},
        {"selector": "node.nolabel", "style": {"label": ""}},
        {"selector": "node.hover", "style": {"label": "data(label)", "z-index": 99,
                                             "text-background-color": BACKGROUND, "text-background-opacity": 0.9,
                                             "text-background-padding": 2}},
    ]
    return base


# The styles the browser adds to `stylesheet()`: everyone in the record (the toggle), as hollow rings
# without names; the scene's people; the selected person and their ties; names on a slide.
EVERYONE = [{"selector": "node.gone, node.alone", "style": {
    "display": "element", "label": "", "background-color": BACKGROUND, "border-color": FADED_COLOUR,
    "border-width": 2}}]
FOCUS = {"border-width": 6, "border-color": FOCUS_COLOUR, "width": 38, "height": 38, "font-weight": "bold",
         "z-index": 9}
FOCUS_EDGE = {"width": 8, "z-index": 9}
SELECTED = {"border-width": 6, "border-color": SELECTED_COLOUR, "width": 40, "height": 40, "font-weight": "bold",
            "z-index": 10}
SELECTED_EDGE = {"width": 6}
PRESENT = {"font-size": 26, "text-max-width": 220}
PRESENT_MIN_PX = 18  # on a slide no name is smaller on screen, whatever the zoom that frames the scene


def styles() -> dict:
    """What the page ships for the browser to style the network with (assets/dashboard.js, `networkStyle`)."""
    return {"base": stylesheet(), "everyone": EVERYONE, "focus": FOCUS, "focus_edge": FOCUS_EDGE,
            "selected": SELECTED, "selected_edge": SELECTED_EDGE, "present": PRESENT, "present_min_px": PRESENT_MIN_PX,
            "names": NAMES, "names_min_px": NAMES_MIN_PX}


def legend(ds) -> dict:
    """What the network legend shows: relation kinds present, faction colours."""
    kinds = [k for k in RELATION_STYLE if k in set(ds["relations"]["kind"])]
    names = ds["groups"].set_index("group_id")["name"]
    rel = ds["relations"]
    present = {layer_of(k, s) for k, s in zip(rel["kind"], rel["scope"])}
    return {
        "layers": [{"layer": lay, "label": LAYER_LABELS[lay]} for lay in LAYERS if lay in present],
        "relations": [{"kind": k, "colour": RELATION_STYLE[k][0], "line": RELATION_STYLE[k][1],
                       "ends": RELATION_STYLE[k][2]} for k in kinds],
        "groups": [{"id": g, "name": names[g], "colour": c} for g, c in group_colours(ds).items()],
    }
