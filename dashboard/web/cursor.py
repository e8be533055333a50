"""Clientside callbacks: the date cursor, play, presets and the URL. They run
in the browser (assets/dashboard.js), so moving the cursor costs no server
round trip."""
from __future__ import annotations

from dash import ALL, Input, Output, State

from .callbacks import Callbacks

callbacks = Callbacks("history")

# The network's elements and the cursor's intervals: fetched once, after the page; the table view's
# rows when the table is first opened.
callbacks.client("loadData", Output("payload", "data"), Input("data-url", "data"))
callbacks.client("loadTable", Output("table-data", "data"), Input("table-open", "data"),
                 State("table-url", "data"), State("table-data", "data"))

# The elements go to cytoscape directly (assets/dashboard.js, `drawNetwork`); `network-drawn` counts the times,
# for what must wait for them (the scene's framing, the ego view).
callbacks.client("showNetwork", Output("network-drawn", "data"), Input("payload", "data"),
                 Input("net-filter", "data"), State("cursor", "value"), State("layers", "value"),
                 State("everyone", "value"))

# Everything a cursor move changes, in one callback: each extra callback costs a dispatch.
callbacks.client(
    "moveCursor",
    Output("network", "stylesheet"), Output("cursor-label", "children"), Output("date-input", "value"),
    Output("table-offices", "children"), Output("table-relations", "children"), Output("table-memberships", "children"),
    Output("table-events", "children"),
    Output("table-caption", "children"),
    Input("cursor", "value"), Input("selection", "data"), Input("layers", "value"), Input("everyone", "value"),
    Input("net-style", "data"),
    Input("table-open", "data"), Input("table-data", "data"), Input("focus", "data"), Input("present", "data"), Input("payload", "data"),
    State("date-input", "value"),
)

callbacks.client(
    "redrawTimeline",
    Output("timeline", "className"),
    Input("timeline", "figure"), Input("selection", "data"), Input("focus", "data"), State("cursor", "value"),
)


callbacks.client(
    "togglePlay",
    Output("player", "disabled"), Output("play", "children"),
    Input("play", "n_clicks"), State("player", "disabled"),
    prevent_initial_call=True,
)

callbacks.client(
    "step",
    Output("cursor", "value", allow_duplicate=True), Output("player", "disabled", allow_duplicate=True),
    Output("play", "children", allow_duplicate=True),
    Input("player", "n_intervals"), State("cursor", "value"), State("cursor", "max"), State("speed", "value"),
    State("play-steps", "data"),
    prevent_initial_call=True,
)

callbacks.client(
    "preset",
    Output("url-written", "data", allow_duplicate=True),
    Input({"type": "preset", "index": ALL}, "n_clicks"),
    prevent_initial_call=True,
)

callbacks.client(
    "writeUrl",
    Output("url-written", "data"),
    Input("selection", "data"), Input("lanes", "value"), Input("colour", "value"),
    Input("orgs", "value"), Input("kinds", "value"), Input("groups", "value"), Input("rels", "value"),
    Input("layers", "value"), Input("everyone", "value"), Input("timeline", "relayoutData"), Input("lane-page", "value"),
    Input("ego", "value"), Input("path-to", "value"),
    State("cursor", "value"), State("view-meta", "data"),
    prevent_initial_call=True,
)

callbacks.client(
    "switchDataset",
    Output("url-written", "data", allow_duplicate=True),
    Input("dataset", "value"), State("view-meta", "data"),
    prevent_initial_call=True,
)

callbacks.client(
    "toggleTable",
    Output("table-open", "data"), Output("table-body", "hidden"), Output("table-toggle", "children"),
    Input("table-toggle", "n_clicks"), State("table-open", "data"),
    prevent_initial_call=True,
)

# The detail drawer: focus into it when it shows something new; the x button closes it (Esc too:
# assets/dashboard.js).
callbacks.client("detailShown", Output("detail", "tabIndex"), Input("detail-body", "children"),
                 prevent_initial_call=True)
callbacks.client("detailClosed", Output("detail", "className", allow_duplicate=True),
                 Input("detail-close", "n_clicks"), prevent_initial_call=True)

# The cursor over the whole record instead of the story's period: the page is rendered again for it.
callbacks.client("wholeRecord", Output("url-written", "data", allow_duplicate=True),
                 Input("whole", "value"), prevent_initial_call=True)

# What changed between the cursor's last two stops, marked in both views for a moment (web/changes.py).
callbacks.client("flashChanges", Output("changes", "title"), Input("changed", "data"), prevent_initial_call=True)
