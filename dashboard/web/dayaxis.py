"""Ticks for a timeline in day numbers (a record that reaches before year 1, `views/day_axis.py`).

Plotly chooses a date axis's ticks itself as the user zooms; a day-number axis has the ticks Python
gave it, for the window it was drawn for. So when the lanes are zoomed or panned, or the page is
drawn, this asks `day_axis` for the ticks of the new window and patches them into the lanes and
into the sticky axis above them (whose range assets/dashboard.js keeps equal to the lanes'). For a
dataset on plotly's date axis it does nothing.
"""
from __future__ import annotations

from urllib.parse import parse_qs

from dash import Input, Output, Patch, State, ctx, no_update

from ..views import day_axis, timeline
from . import page
from .callbacks import Callbacks
from .datasets import registry
from .inputs import mapping, text

callbacks = Callbacks()

_NUMBER = (int, float)


def _window(relayout: dict) -> tuple[int, int] | None | str:
    """The day window a zoom or pan left (day numbers, as the day axis counts), None for the whole record
    ("All", a double click), "" when the change is not one of the x axis."""
    if relayout.get("xaxis.autorange"):
        return None
    a, b = relayout.get("xaxis.range[0]"), relayout.get("xaxis.range[1]")
    if a is None and isinstance(relayout.get("xaxis.range"), list) and len(relayout["xaxis.range"]) == 2:
        a, b = relayout["xaxis.range"]
    if not (isinstance(a, _NUMBER) and isinstance(b, _NUMBER)) or isinstance(a, bool) or isinstance(b, bool):
        return ""
    if not (abs(a) < day_axis.NEVER and abs(b) < day_axis.NEVER and a < b):
        return ""
    return int(a // 1), int(b // 1)


@callbacks.server(
    Output("timeline", "figure", allow_duplicate=True), Output("timeline-axis", "figure", allow_duplicate=True),
    Input("view-meta", "data"), Input("timeline", "relayoutData"), State("timeline-axis", "relayoutData"),
    State("url", "search"), State("url", "pathname"), State("present", "data"),
    prevent_initial_call="initial_duplicate",
)
def day_ticks(meta, relayout, synced, search, pathname, present):
    ds = registry().get(text(mapping(meta).get("dataset"))).dataset
    if ds is None or not day_axis.needs_days(ds):
        return no_update, no_update
    if ctx.triggered_id != "timeline":
        # The page was drawn: the sticky axis above the lanes gets the lanes' axis (the page builds it as a
        # date axis without the dataset).
        m = page.model(parse_qs(text(search).lstrip("?")), text(pathname) or None, registry())
        if m is None:
            return no_update, no_update
        return no_update, timeline.axis_figure(m.window, ds=ds)
    window = _window(mapping(relayout))
    if window == "":
        # Not a change of the x axis (a late "autosize", say): it may have overtaken the zoom before it, whose
        # answer Dash then drops. The page copies the lanes' range to the sticky axis: take it from there.
        window = _window(mapping(synced))
    if window == "":
        return no_update, no_update
    axis = day_axis.x_axis(ds, window, slide=present is True)
    lanes, sticky = Patch(), Patch()
    for patch in (lanes, sticky):
        patch["layout"]["xaxis"]["tickvals"] = axis.settings["tickvals"]
        patch["layout"]["xaxis"]["ticktext"] = axis.settings["ticktext"]
    # The lanes' plotly compares arrays by their revision (timeline.for_browser): new ticks, a new one.
    lanes["layout"]["datarevision"] = timeline.revision([axis.settings["tickvals"], axis.settings["ticktext"]])
    if window:
        # The page copies the lanes' range to the sticky axis as they move; say it here too, so that these
        # ticks never arrive with an older range.
        sticky["layout"]["xaxis"]["range"] = list(window)
    return lanes, sticky
