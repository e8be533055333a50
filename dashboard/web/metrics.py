"""The metrics strip under the timeline: the selected person's ties and betweenness through time
(views/metrics.py), on the timeline's date axis, with the cursor on it (assets/dashboard.js)."""
from __future__ import annotations

from dash import Input, Output, State, dcc, html, no_update

from ..views import metrics
from .callbacks import Callbacks
from .datasets import registry
from .inputs import mapping, text, url_window

callbacks = Callbacks("history")


def strip(ds, person: str, window) -> html.Div:
    """Shown while a person is selected (not on a slide: style.css)."""
    known = bool(person) and person in set(ds["people"]["person_id"])
    return html.Div(id="metrics-wrap", className="metrics-wrap", hidden=not known, children=dcc.Graph(
        id="metrics-strip", className="metrics-strip", config={"displayModeBar": False},
        figure=metrics.strip_figure(ds, person, window) if known else {}))


@callbacks.server(
    Output("metrics-strip", "figure"), Output("metrics-wrap", "hidden"),
    Input("selection", "data"), State("url-written", "data"), State("view-meta", "data"),
    prevent_initial_call=True,
)
def follow_selection(person, written, meta):
    entry = registry().get(text(mapping(meta).get("dataset")))
    person = text(person)
    if not entry.ok:
        return no_update, no_update
    if not person or person not in set(entry.dataset["people"]["person_id"]):
        return no_update, True
    window = url_window(text(written) or "?" + text(mapping(meta).get("query")))
    return metrics.strip_figure(entry.dataset, person, window), False


callbacks.client("stripDrawn", Output("metrics-strip", "className"), Input("metrics-strip", "figure"),
                 State("cursor", "value"))
