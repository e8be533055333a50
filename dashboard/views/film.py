"""A film of Play over a window: one frame per Play step (views/play.py), each the picture at that day as
the two views show it — the timeline's lanes with the cursor, the network's people and ties with their
status and faction colour — with the date, what changed since the step before (views/changes.py) and the
legend. Plain data; views/film_draw.py draws and encodes it.

What is drawn at a day is the network view's rule (assets/network_state.js, `classesAt`), on the same
bounds: a tie of a shown layer in force or uncertain; a person in the record with such a tie or a faction.
tests/views/test_film.py runs both on the same elements and days.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..core import days
from ..core.validity import status
from . import changes, network, timeline
from .play import STEP_MONTHS, steps

MAX_FRAMES = 300  # two minutes at Play's pace, drawn in about 10 s: past this, a longer step or a shorter window
MAX_LANES = 14  # lanes a frame has room for; the rest are counted
PLAY_MS = 400  # Play's pace (the page's `player` interval): the film's default
SPEED_WORDS = {"month": "one month", "quarter": "three months", "year": "one year"}


class FilmError(ValueError):
    """A film that cannot be made as asked; the message says what to change."""


@dataclass(frozen=True)
class Film:
    title: str
    window: tuple[int, int]
    speed: str
    ms: int  # how long each frame shows
    days: list[int]
    lanes: list[dict]  # {"lane", "bars": [{"id", "lo", "start", "end", "hi", "colour"}]}, top to bottom
    more_lanes: int  # lanes in the window left out for room
    nodes: list[dict]  # {"id", "label", "kind", "weight", "x", "y", "lo", "start", "end", "hi"}
    edges: list[dict]  # {"id", "source", "target", "kind", "lo", "start", "end", "hi"}
    frames: list[dict]  # per day: network_at(...) plus "date" and "changes"
    legend: dict  # {"timeline": [(label, colour)], "relations": [{kind, colour, line}], "groups": [{name, colour}]}

    @property
    def seconds(self) -> float:
        return len(self.days) * self.ms / 1000


def network_parts(ds, groups=None, rels=None) -> tuple[list[dict], list[dict]]:
    """The network's nodes (with their layout position) and edges as plain dicts, with the view's filters."""
    elements = network.elements(ds, groups or None, rels or None)
    nodes = [{**e["data"], **e["position"]} for e in elements if "source" not in e["data"]]
    return nodes, [dict(e["data"]) for e in elements if "source" in e["data"]]


def network_at(nodes: list[dict], edges: list[dict], memberships: list[dict], day: int, layers) -> dict:
    """What the network draws at `day`: {"nodes": {id: {"status", "colour"}}, "edges": {id: status}}, only
    the drawn ones. `colour`: the narrowest faction's (memberships come widest first), or None."""
    shown = set(layers)
    drawn_edges, linked = {}, set()
    for e in edges:
        s = status(e, day) if e["layer"] in shown else None
        if s:
            drawn_edges[e["id"]] = s
            linked |= {e["source"], e["target"]}
    colour = {m["person"]: m["colour"] for m in memberships if m["lo"] <= day <= m["hi"]}
    drawn_nodes = {}
    for n in nodes:
        s = status(n, day)
        if s and (n["id"] in linked or n["id"] in colour):
            drawn_nodes[n["id"]] = {"status": s, "colour": colour.get(n["id"])}
    # A tie to someone not drawn (no longer in the record) is not drawn either, as cytoscape hides the
    # edges of a hidden node.
    ends = {e["id"]: (e["source"], e["target"]) for e in edges}
    drawn_edges = {i: s for i, s in drawn_edges.items() if ends[i][0] in drawn_nodes and ends[i][1] in drawn_nodes}
    return {"nodes": drawn_nodes, "edges": drawn_edges}


def _change_words(found: dict) -> list[str]:
    return ([f"+ {item['description']}" for item in found["began"]]
            + [f"\u2212 {item['description']}" for item in found["ended"]])


def _lanes(ds, window, lanes, colour, orgs, kinds) -> tuple[list[dict], int, set[str]]:
    bars = timeline.tenure_bars(ds, lanes, colour, orgs or None, kinds or None)
    bars = bars[(bars["v_lo"] <= window[1]) & (bars["v_hi"] >= window[0])]
    colours = timeline.colours_for(ds, colour)
    order = timeline.lane_order(bars, lanes, ds) if len(bars) else []
    out = []
    for lane in order[:MAX_LANES]:
        rows = bars[bars["lane"] == lane].sort_values("v_lo", kind="stable")
        out.append({"lane": str(lane), "bars": [
            {"id": r.tenure_id, "lo": int(r.v_lo), "start": int(r.v_start), "end": int(r.v_end), "hi": int(r.v_hi),
             "colour": colours.get(r.colour_key, colours[""])} for r in rows.itertuples(index=False)]})
    used = {b["colour"] for lane in out for b in lane["bars"]}
    return out, max(0, len(order) - MAX_LANES), used


def film(ds, window: tuple[int, int], speed: str = "month", ms: int = PLAY_MS, layers=None, lanes: str = "office",
         colour: str = "organisation", orgs=None, kinds=None, groups=None, rels=None) -> Film:
    """The film of Play over `window` (first and last day) at `speed`, each frame shown `ms` milliseconds,
    with the view's filters (the URL's layers, lanes, colour, orgs, kinds, groups, rels)."""
    if speed not in STEP_MONTHS:
        raise FilmError(f"Unknown speed {speed!r}: use one of {', '.join(STEP_MONTHS)}.")
    if not 100 <= ms <= 5000:
        raise FilmError(f"Each frame shows for {ms} ms: use 100 to 5000 ms.")
    when = steps(window[0], window[1], speed, MAX_FRAMES)
    if when is None:
        raise FilmError(f"The window {days.label(window[0])} to {days.label(window[1])} has more than {MAX_FRAMES} "
                        f"steps of {SPEED_WORDS[speed]}: choose a longer step or a shorter window.")
    if not when:
        raise FilmError(f"The window {days.label(window[0])} to {days.label(window[1])} holds no step of "
                        f"{SPEED_WORDS[speed]}: choose a shorter step or a longer window.")
    layers = list(layers or network.DEFAULT_LAYERS)
    nodes, edges = network_parts(ds, groups, rels)
    memberships = network.memberships(ds)
    frames, before = [], None
    for day in when:
        frame = network_at(nodes, edges, memberships, day, layers)
        frame["date"] = days.label(day)
        frame["changes"] = _change_words(changes.between(ds, before, day)) if before is not None else []
        frames.append(frame)
        before = day
    drawn = {n for f in frames for n in f["nodes"]}
    drawn_edges = {e for f in frames for e in f["edges"]}
    lane_rows, more, used = _lanes(ds, window, lanes, colour, orgs, kinds)
    net_legend = network.legend(ds)
    kinds_drawn = {e["kind"] for e in edges if e["id"] in drawn_edges}
    colours_drawn = {f["nodes"][n]["colour"] for f in frames for n in f["nodes"]}
    legend = {
        "timeline": [(name, c) for name, c in timeline.legend(ds, colour) if c in used],
        "relations": [r for r in net_legend["relations"] if r["kind"] in kinds_drawn],
        "groups": [g for g in net_legend["groups"] if g["colour"] in colours_drawn],
    }
    return Film(title=ds.title, window=window, speed=speed, ms=ms, days=when, lanes=lane_rows, more_lanes=more,
                nodes=[n for n in nodes if n["id"] in drawn], edges=[e for e in edges if e["id"] in drawn_edges],
                frames=frames, legend=legend)
