"""The change panel: what began and what ended between the cursor's last two stops (two scenes, two typed
dates, the end of two drags), listed with a button to each item's detail, and marked in both views for a
moment (assets/dashboard.js, `flash`). The list is views/changes.py's, the same as GET /api/changes."""
from __future__ import annotations

from dash import Input, Output, State, html, no_update

from ..core import days
from ..views import changes
from .callbacks import Callbacks
from .datasets import registry
from .inputs import integer, mapping, strings, text

callbacks = Callbacks()
SHOWN = 8  # items per list; the table view and the API have them all


def panel() -> html.Details:
    # One line (the dates and the counts); the lists open over the views, so they never push them down.
    return html.Details(id="changes", className="changes", hidden=True, children=[
        html.Summary(id="changes-title", className="changes-title"),
        html.Div(id="changes-body", className="changes-body", role="region", **{"aria-label": "What changed"}),
    ])


def _list(title: str, sign: str, items: list[dict]) -> html.Div:
    shown = [html.Li(className="change", children=[
        html.Span(sign, className="change-sign", **{"aria-hidden": "true"}),
        html.Button(i["description"], className="row-pick", **{"data-pick": i["pick"]}),
        html.Span(f" {i['held']}", className="change-when"),
    ]) for i in items[:SHOWN]]
    more = [html.Li(f"and {len(items) - SHOWN} more", className="change-more")] if len(items) > SHOWN else []
    return html.Div(className="change-list", children=[html.H3(f"{title} ({len(items)})"),
                                                       html.Ul(shown + more)])


@callbacks.server(
    Output("changes-title", "children"), Output("changes-body", "children"), Output("changes", "hidden"),
    Output("changed", "data"),
    Input("cursor-stops", "data"), State("focus", "data"), State("selection", "data"), State("view-meta", "data"),
    prevent_initial_call=True,
)
def show_changes(stops, focus, selected, meta):
    stops = mapping(stops)
    start, stop = integer(stops.get("from"), None), integer(stops.get("to"), None)
    entry = registry().get(text(mapping(meta).get("dataset")))
    if start is None or stop is None or start == stop or not entry.ok:
        return no_update, no_update, no_update, no_update
    found = changes.between(entry.dataset, start, stop)
    # The scene's people and the selected person first: what the room is looking at.
    first = set(strings(mapping(focus).get("people")) or []) | ({text(selected)} if text(selected) else set())
    for side in ("began", "ended"):
        found[side].sort(key=lambda item: not first.intersection(item["people"]))  # stable: dates stay in order
    title = (f"What changed, {days.label(start)} → {days.label(stop)}: "
             f"{len(found['began'])} began, {len(found['ended'])} ended")
    if not found["began"] and not found["ended"]:
        return title, html.P("Nothing began or ended in between."), False, changes.marks(found)
    body = [_list("Began", "+", found["began"]), _list("Ended", "−", found["ended"])]
    return title, body, False, changes.marks(found)
