"""Lecture mode: presentation toggle, scenes, keys and exports. All clientside
(assets/lecture.js): a presenter's clicker must not wait for the server."""
from __future__ import annotations

from dash import Input, Output, State

from .callbacks import Callbacks

callbacks = Callbacks("lecture")

callbacks.client(
    "present",
    Output("page", "className"),
    Input("present", "data"), State("view-meta", "data"),
)

callbacks.client(
    "toggle",
    Output("present", "data", allow_duplicate=True),
    Input("present-toggle", "n_clicks"), State("present", "data"),
    prevent_initial_call=True,
)

callbacks.client(
    "showScene",
    Output("scene-title", "children"), Output("scene-caption", "children"), Output("scene-progress", "children"),
    Output("focus", "data"),
    Input("scene-index", "data"), State("scenes", "data"), State("cursor", "value"), State("layers", "value"),
)

callbacks.client(
    "frameScene",
    Output("url-written", "data", allow_duplicate=True),
    Input("network-drawn", "data"), State("scene-index", "data"), State("scenes", "data"), State("cursor", "value"),
    State("layers", "value"),
    prevent_initial_call=True,
)

callbacks.client(
    "step",
    Output("scene-index", "data", allow_duplicate=True),
    Input("scene-prev", "n_clicks"), Input("scene-next", "n_clicks"), State("scene-index", "data"),
    State("scenes", "data"),
    prevent_initial_call=True,
)

callbacks.client(
    "exportTimeline",
    Output("export-timeline-png", "title"),
    Input("export-timeline-png", "n_clicks"), Input("export-timeline-svg", "n_clicks"), State("cursor", "value"),
    prevent_initial_call=True,
)

callbacks.client(
    "exportNetwork",
    Output("network", "generateImage"),
    Input("export-network-png", "n_clicks"),
    prevent_initial_call=True,
)
