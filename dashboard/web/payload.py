"""What the browser needs besides the elements to move the cursor by itself:
faction memberships with their bounds and the record's span, shipped once after
the page (viewdata.py); plus the network component, the slider and legends."""
from __future__ import annotations

import dash_cytoscape as cyto
import pandas as pd
from dash import html

from ..core import days, periods
from ..core.dates import resolve
from ..views import day_axis, network


def span(ds, whole: bool = False) -> tuple[int, int]:
    """What the date cursor covers: the dataset's declared period, or the whole record (`whole`, or no
    period declared)."""
    declared = periods.period(ds.descriptor)
    return bounds(ds) if whole or declared is None else declared


def default_date(ds) -> str:
    """The cursor's date when the URL gives none: the first scene's, else the first tenure's start."""
    scenes = ds["scenes"]
    if not scenes.empty and scenes["date"].iloc[0]:
        return scenes["date"].iloc[0]
    lo = ds["tenures"]["start_lo"].min()
    return days.iso(int(lo)) if pd.notna(lo) else "1900"


def window(ds, start: str = "", end: str = "") -> tuple[int, int] | None:
    """The timeline's window: the URL's `start` and `end` (EDTF), else the dataset's period, else the span of
    its preset periods: first and last day (None: the whole record)."""
    if start and end:
        return resolve(start).lo, resolve(end).hi
    declared = periods.period(ds.descriptor)
    if declared:
        return declared
    spans = periods.presets(ds.descriptor, bounds(ds)) if ds.descriptor.get("periods") else []
    return (min(p["start"] for p in spans), max(p["end"] for p in spans)) if spans else None


def bounds(ds) -> tuple[int, int]:
    """First and last day of the record: whole years, so the cursor can reach the end of the last one."""
    candidates = []
    for name, cols in (("tenures", ("start_lo", "end_hi")), ("events", ("date_lo", "end_hi")),
                       ("relations", ("start_lo", "end_hi")), ("memberships", ("start_lo", "end_hi"))):
        for c in cols:
            candidates += [ds[name][c].min(), ds[name][c].max()]
    found = [int(c) for c in candidates if pd.notna(c)]
    if not found:
        return 0, 365
    return days.year_start(days.to_gregorian(min(found))[0]), days.year_end(days.to_gregorian(max(found))[0])


def slider_marks(lo: int, hi: int) -> dict:
    if lo < day_axis.FIRST_DATE_DAY:
        # A record before year 1: years as the timeline's day axis counts them (500 BCE, 1 CE: no year zero).
        vals, text = day_axis.ticks(lo, hi, most=5)
        return {v: {"label": t} for v, t in zip(vals, text)}
    first, last = days.to_gregorian(lo)[0], days.to_gregorian(hi)[0]
    span = last - first
    # At most about five labels, so that they never run together, even beside the other controls at 1024 px.
    step = next(s for s in (1, 2, 5, 10, 20, 25, 50, 100, 250, 500, 1000, 2500, 5000) if span / s <= 5)
    marks = {}
    for y in range((first // step + 1) * step, last + 1, step):
        d = days.year_start(y)
        if lo <= d <= hi:
            marks[d] = {"label": days.year_label(y)}
    return marks


def build(ds) -> dict:
    """The view data the browser keeps besides the elements: faction memberships, the record's span."""
    lo, hi = bounds(ds)
    sources = [f"{t} ({o})" if o else t for t, o in zip(ds["sources"]["title"], ds["sources"]["origin"])]
    return {"lo": lo, "hi": hi, "memberships": network.memberships(ds), "title": ds.title, "sources": sources}


def network_component(elements: list[dict]) -> cyto.Cytoscape:
    return cyto.Cytoscape(
        id="network", elements=elements, layout={"name": "preset", "fit": True, "padding": 30},
        stylesheet=network.stylesheet(), className="network", minZoom=0.2, maxZoom=4,
        boxSelectionEnabled=False, autoungrabify=False,
        style={"width": "100%", "height": "var(--network-height, 460px)"},
    )


# The network's line ends as the key draws them (views/style.py, RELATION_STYLE).
END_MARKS = {"arrow": ("", "▶"), "tee": ("", "┤"), "circles": ("●", "●"), "squares": ("■", "■"), "": ("", "")}


# Legend items are one element each where they can be (their marks drawn by style.css from the data- and
# style attributes): the page's every component costs on every update, and the two keys held 100 of 341.
def legend(spec: dict) -> list:
    items = []
    for r in spec["relations"]:
        before, after = END_MARKS[r["ends"]]
        items.append(html.Li(className="legend-item", children=[
            html.Span(className="swatch-ends", style={"color": r["colour"]},
                      **{"aria-hidden": "true", "data-before": before, "data-after": after},
                      children=html.Span(className=f"swatch line {r['line']}", style={"borderTopColor": r["colour"]})),
            r["kind"],
        ]))
    for g in spec["groups"]:
        items.append(html.Li(g["name"], className="legend-item dot", style={"--swatch": g["colour"]}))
    return [html.Ul(items, className="legend-list")]


def timeline_legend(items: list[tuple[str, str]]) -> list:
    """The timeline's key: colours, then what the marks mean."""
    entries = [html.Li(label, className="legend-item box", style={"--swatch": c}) for label, c in items]
    entries += [
        html.Li("date uncertain (earliest to latest possible day)", className="legend-item box hatched"),
        *(html.Li(words, className="legend-item mark", **{"data-mark": mark})
          for mark, words in (("▶", "goes on past the record"), ("|", "start or end not given"), ("◆", "event"))),
    ]
    return [html.Ul(entries, className="legend-list")]
