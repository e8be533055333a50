"""The change panel: what began and what ended between the cursor's last two stops (two scenes, two typed
dates, the end of two drags), or between two dates the user picks (typed, or the window in view), listed
with a button to each item's detail, and marked in both views for a moment (assets/dashboard.js, `flash`).
The list is views/changes.py's, the same as GET /api/changes."""
from __future__ import annotations

from dash import Input, Output, State, ctx, dcc, html, no_update

from ..core import days
from ..views import changes
from . import payload
from .callbacks import Callbacks
from .datasets import registry
from .inputs import integer, mapping, read_date, strings, text, url_window

callbacks = Callbacks()
SHOWN = 8  # items per list; the table view and the API have them all


def panel() -> html.Details:
    # One line (the dates and the counts); the lists open over the views, so they never push them down.
    return html.Details(id="changes", className="changes", hidden=True, children=[
        html.Summary(id="changes-title", className="changes-title"),
        html.Div(id="changes-body", className="changes-body", role="region", **{"aria-label": "What changed"},
                 children=[_range(), html.Div(id="changes-lists", className="changes-lists")]),
    ])


def _range() -> html.Div:
    """Two other dates to compare, typed, or the first and last day of the window in view."""
    field = lambda id_, label, which, hint: html.Label(className="changes-date", children=[  # noqa: E731
        label, html.Span(f" ({which} date to compare)", className="sr-only"),
        dcc.Input(id=id_, type="text", debounce=True, className="date-input", placeholder=hint)])
    return html.Div(className="changes-range", children=[
        field("changes-from", "Between", "first", "1924-01"),
        field("changes-to", "and", "second", "1928"),
        html.Button("Compare", id="changes-compare", className="btn small", n_clicks=0),
        html.Button("Across the window in view", id="changes-window", className="btn small", n_clicks=0),
        html.Span(id="changes-range-error", className="date-error", role="alert"),
    ])


def _list(title: str, sign: str, items: list[dict]) -> html.Div:
    shown = [html.Li(className="change", children=[
        html.Span(sign, className="change-sign", **{"aria-hidden": "true"}),
        html.Span([html.Button(i["description"], className="row-pick", **{"data-pick": i["pick"]}),
                   html.Span(f" {i['held']}", className="change-when")]),
    ]) for i in items[:SHOWN]]
    more = [html.Li(f"and {len(items) - SHOWN} more", className="change-more")] if len(items) > SHOWN else []
    return html.Div(className="change-list", children=[html.H3(f"{title} ({len(items)})"),
                                                       html.Ul(shown + more)])


@callbacks.server(
    Output("cursor-stops", "data", allow_duplicate=True), Output("changes-range-error", "children"),
    Input("changes-compare", "n_clicks"), Input("changes-from", "n_submit"), Input("changes-to", "n_submit"),
    Input("changes-window", "n_clicks"),
    State("changes-from", "value"), State("changes-to", "value"), State("url-written", "data"), State("view-meta", "data"),
    prevent_initial_call=True,
)
def pick_range(_compare, _submit_from, _submit_to, _window, first, last, written, meta):
    """The two dates the panel compares, as if the cursor had stopped at each (`show_changes` lists them)."""
    meta = mapping(meta)
    if ctx.triggered_id == "changes-window":
        window = url_window(text(written) or "?" + text(meta.get("query")))
        entry = registry().get(text(meta.get("dataset")))
        if window is None and entry.ok:
            window = payload.window(entry.dataset) or payload.span(entry.dataset)
        return ({"from": window[0], "to": window[1]}, "") if window else (no_update, "")
    (start, why_start), (stop, why_stop) = read_date(first), read_date(last)
    if why_start or why_stop:
        return no_update, f"{'First' if why_start else 'Second'} date: {why_start or why_stop}"
    if start is None or stop is None:
        return no_update, "Write both dates, like 1924-01 and 1928."
    # From the first day of the first to the last day of the second: "1924 and 1928" covers all of 1928.
    if start.lo > stop.lo:
        start, stop = stop, start
    return {"from": start.lo, "to": stop.hi}, ""


@callbacks.server(
    Output("changes-title", "children"), Output("changes-lists", "children"), Output("changes", "hidden"),
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
