"""Server callbacks: rebuild the figure or the elements when the view options
change, search people, and open the detail panel for a clicked item."""
from __future__ import annotations

import pandas as pd
from dash import ALL, Input, Output, html, State, callback, ctx, no_update

from ..views import detail, network, search, timeline
from .datasets import registry
from .page import PRESENT_FIGURE


def _dataset(meta):
    return registry().get((meta or {}).get("dataset", "")).dataset


@callback(
    Output("timeline", "figure"),
    Input("lanes", "value"), Input("colour", "value"), Input("orgs", "value"), Input("kinds", "value"),
    State("cursor", "value"), State("timeline", "relayoutData"), State("view-meta", "data"),
    prevent_initial_call=True,
)
def rebuild_timeline(lanes, colour, orgs, kinds, cursor, relayout, meta):
    ds = _dataset(meta)
    lanes = lanes if lanes in ("office", "person") else "office"
    colour = colour if colour in ("organisation", "faction") else "organisation"
    window = None
    if isinstance(relayout, dict) and "xaxis.range[0]" in relayout:
        window = (relayout["xaxis.range[0]"], relayout["xaxis.range[1]"])
    when = pd.Timestamp("1970-01-01") + pd.Timedelta(days=int(cursor or 0))
    return timeline.figure(ds, lanes, colour, orgs or None, kinds or None, window, when)


@callback(
    Output("timeline", "figure", allow_duplicate=True),
    Input("scene-index", "data"), State("scenes", "data"), State("lanes", "value"), State("colour", "value"),
    State("view-meta", "data"),
    prevent_initial_call=True,
)
def scene_timeline(n, scenes, lanes, colour, meta):
    """A scene shows only the lanes of its window, in projector type (the page for /scene/N does too)."""
    if not n or not scenes or not 1 <= n <= len(scenes):
        return no_update
    scene = scenes[n - 1]
    window = (scene["start"], scene["end"]) if scene["start"] and scene["end"] else None
    when = pd.Timestamp("1970-01-01") + pd.Timedelta(days=int(scene["day"]))
    return timeline.figure(_dataset(meta), lanes if lanes in ("office", "person") else "office",
                           colour if colour in ("organisation", "faction") else "organisation",
                           window=window, cursor=when, **PRESENT_FIGURE)


@callback(
    Output("network", "elements"),
    Input("groups", "value"), Input("rels", "value"), State("view-meta", "data"),
    prevent_initial_call=True,
)
def rebuild_network(groups, rels, meta):
    return network.elements(_dataset(meta), groups or None, rels or None)


@callback(
    Output("network", "layout"),
    Input("relayout", "n_clicks"),
    prevent_initial_call=True,
)
def live_layout(_):
    # `cose` costs O(n^2): fine on demand, never on load.
    return {"name": "cose", "animate": False, "randomize": False, "fit": True, "padding": 30}


@callback(
    Output("search-hits", "children"),
    Input("search-box", "value"), State("view-meta", "data"),
    prevent_initial_call=True,
)
def search_people(query, meta):
    hits = search.find(_dataset(meta)["people"], query or "")
    if query and not hits:
        return [html.Li(f"No one called '{query}' in this dataset.", className="no-hit")]
    return [html.Li(html.Button(name, id={"type": "hit", "index": pid}, className="hit", n_clicks=0))
            for pid, name in hits]


@callback(
    Output("detail", "children"), Output("selection", "data"),
    Input("timeline", "clickData"), Input("network", "tapNodeData"), Input("network", "tapEdgeData"),
    Input({"type": "hit", "index": ALL}, "n_clicks"), Input("search-box", "n_submit"),
    State("search-box", "value"), State("view-meta", "data"),
    prevent_initial_call=True,
)
def show_detail(click, node, edge, _hits, _submit, query, meta):
    ds = _dataset(meta)
    trigger = ctx.triggered_id
    kind, rid, person = "", "", no_update
    if trigger == "timeline":
        hit = detail.resolve_click(click)
        if hit:
            kind, rid = hit
            if kind == "tenure":
                row = ds["tenures"].set_index("tenure_id")
                person = row["person_id"].get(rid, "")
    elif trigger == "network" and ctx.triggered[0]["prop_id"].endswith("tapNodeData") and node:
        kind, rid = "person", str(node.get("id", ""))
        person = rid
    elif trigger == "network" and edge:
        kind, rid = "relation", str(edge.get("relation_id", ""))
    elif isinstance(trigger, dict) and trigger.get("type") == "hit":
        if not ctx.triggered[0]["value"]:
            return no_update, no_update  # the hit list was just drawn, nothing clicked
        kind, rid = "person", str(trigger["index"])
        person = rid
    elif trigger == "search-box":
        hits = search.find(ds["people"], query or "")
        if not hits:
            return no_update, no_update
        kind, rid = "person", hits[0][0]
        person = rid
    return detail.panel(ds, kind, rid), person
