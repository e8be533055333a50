"""What the browser needs to move the cursor by itself: intervals as day
numbers, shipped once with the page; plus the network component and legends."""
from __future__ import annotations

import dash_cytoscape as cyto
import pandas as pd
from dash import html

from ..views import network
from ..views.network import NEVER, day
from ..views.timeline import span_label

# SVG export of the network needs the bundle with cytoscape-svg (the "extra layouts" bundle).
cyto.load_extra_layouts()


def bounds(ds) -> tuple[int, int]:
    """First and last day of the record, for the cursor slider."""
    candidates = []
    for name, cols in (("tenures", ("start_lo", "end_hi")), ("events", ("date_lo", "end_hi")),
                       ("relations", ("start_lo", "end_hi")), ("memberships", ("start_lo", "end_hi"))):
        for c in cols:
            candidates += [ds[name][c].min(), ds[name][c].max()]
    days = [day(c) for c in candidates if pd.notna(c)]
    if not days:
        return 0, 365
    epoch = pd.Timestamp("1970-01-01")
    first = (epoch + pd.Timedelta(days=min(days))).year
    last = (epoch + pd.Timedelta(days=max(days))).year
    # Whole years: the cursor can reach the end of the record's last year.
    return day(pd.Timestamp(year=first, month=1, day=1)), day(pd.Timestamp(year=last, month=12, day=31))


def slider_marks(lo: int, hi: int) -> dict:
    epoch = pd.Timestamp("1970-01-01")
    first, last = (epoch + pd.Timedelta(days=lo)).year, (epoch + pd.Timedelta(days=hi)).year
    span = last - first
    step = 1 if span <= 12 else 2 if span <= 24 else 5 if span <= 60 else 10 if span <= 150 else 25
    marks = {}
    for y in range((first // step + 1) * step, last + 1, step):
        d = day(pd.Timestamp(year=y, month=1, day=1))
        if lo <= d <= hi:
            marks[d] = {"label": str(y)}
    return marks


def build(ds) -> dict:
    lo, hi = bounds(ds)
    people = ds["people"].set_index("person_id")["name"]
    t = ds["tenures"].merge(ds["offices"][["office_id", "title", "rank"]], on="office_id", how="left")
    t = t.sort_values(["rank", "title", "start_lo"], na_position="last")
    tenures = [
        [network._bound(a if pd.notna(a) else b, -NEVER),
         NEVER if p == "open" else network._bound(e, NEVER), str(title), str(people.get(pid, pid)),
         span_label(sl, el, p), pid]
        for a, b, e, p, title, pid, sl, el in zip(t["start_lo"], t["end_lo"], t["end_hi"], t["end_precision"], t["title"],
                                                 t["person_id"], t["start_label"], t["end_label"])
    ]
    rel = ds["relations"]
    relations = [
        [network._bound(a if pd.notna(a) else b, -NEVER), NEVER if p == "open" else network._bound(e, NEVER),
         str(people.get(x, x)), k, str(people.get(y, y)), span_label(sl, el, p)]
        for a, b, e, p, x, k, y, sl, el in zip(rel["start_lo"], rel["end_lo"], rel["end_hi"], rel["end_precision"],
                                              rel["a"], rel["kind"], rel["b"], rel["start_label"], rel["end_label"])
    ]
    sources = [f"{t} ({o})" if o else t for t, o in zip(ds["sources"]["title"], ds["sources"]["origin"])]
    return {"lo": lo, "hi": hi, "memberships": network.memberships(ds), "tenures": tenures, "relations": relations,
            "never": NEVER, "title": ds.title, "sources": sources}


def network_component(elements: list[dict]) -> cyto.Cytoscape:
    return cyto.Cytoscape(
        id="network", elements=elements, layout={"name": "preset", "fit": True, "padding": 30},
        stylesheet=network.stylesheet(), className="network", minZoom=0.2, maxZoom=4,
        boxSelectionEnabled=False, autoungrabify=False,
        style={"width": "100%", "height": "var(--network-height, 460px)"},
    )


def legend(spec: dict) -> list:
    items = []
    for r in spec["relations"]:
        items.append(html.Li(className="legend-item", children=[
            html.Span(className=f"swatch line {r['line']}", style={"borderTopColor": r["colour"]}),
            html.Span(r["kind"] + (" →" if r["arrow"] else "")),
        ]))
    for g in spec["groups"]:
        items.append(html.Li(className="legend-item", children=[
            html.Span(className="swatch dot", style={"backgroundColor": g["colour"]}),
            html.Span(g["name"]),
        ]))
    return [html.Ul(items, className="legend-list")]




def timeline_legend(items: list[tuple[str, str]]) -> list:
    """The timeline's key: colours, then what the marks mean."""
    entries = [html.Li(className="legend-item", children=[
        html.Span(className="swatch box", style={"backgroundColor": c}), html.Span(label)]) for label, c in items]
    entries += [
        html.Li(className="legend-item", children=[html.Span(className="swatch box hatched"),
                                                   html.Span("date uncertain (earliest to latest possible day)")]),
        html.Li(className="legend-item", children=[html.Span("▶", className="mark"), html.Span("goes on past the record")]),
        html.Li(className="legend-item", children=[html.Span("|", className="mark"), html.Span("start or end not given")]),
        html.Li(className="legend-item", children=[html.Span("◆", className="mark"), html.Span("event")]),
    ]
    return [html.Ul(entries, className="legend-list")]
