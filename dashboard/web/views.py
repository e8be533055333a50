"""Server callbacks: rebuild the figure or the elements when the view options
change, search people, and open the detail panel for a clicked item."""
from __future__ import annotations

import datetime as dt

import flask
from dash import ALL, Input, Output, State, ctx, html, no_update

from ..core import days
from ..views import detail, network, search, timeline
from . import markup, payload
from .callbacks import Callbacks
from .datasets import registry
from .inputs import choice, integer, mapping, read_date, strings, text, url_window
from .page import PRESENT_FIGURE, lane_pages
from .state import COLOURS, LANES

callbacks = Callbacks()


def _dataset(meta):
    return registry().get(text(mapping(meta).get("dataset"))).dataset


@callbacks.server(
    Output("timeline", "figure"), Output("timeline-legend", "children"),
    Output("lane-page", "options"), Output("lane-page", "value"), Output("lane-pager", "hidden"),
    Input("lanes", "value"), Input("colour", "value"), Input("orgs", "value"), Input("kinds", "value"),
    Input("lane-page", "value"),
    State("cursor", "value"), State("url-written", "data"), State("view-meta", "data"),
    prevent_initial_call=True,
)
def rebuild_timeline(lanes, colour, orgs, kinds, lane_page, cursor, written, meta):
    ds = _dataset(meta)
    # The window is the URL's (the view's state): the last one written, else the one the page was rendered from.
    url = text(written) or "?" + text(mapping(meta).get("query"))
    window = url_window(url)
    when = integer(cursor)
    colour = choice(colour, COLOURS)
    # Other lanes or filters: back to the first page of lanes.
    page = integer(lane_page) if ctx.triggered_id == "lane-page" else 1
    fig = timeline.cached_figure(ds, lanes=choice(lanes, LANES), colour=colour, organisations=strings(orgs),
                                 office_kinds=strings(kinds), window=window, cursor=when,
                                 lane_page=page)  # the figure clamps it to the pages there are
    return (fig, payload.timeline_legend(timeline.legend(ds, colour)), *lane_pages(fig))


@callbacks.server(
    Output("timeline", "figure", allow_duplicate=True),
    Input("scene-index", "data"), State("scenes", "data"), State("lanes", "value"), State("colour", "value"),
    State("view-meta", "data"),
    prevent_initial_call=True,
)
def scene_timeline(n, scenes, lanes, colour, meta):
    """A scene shows only the lanes of its window, in projector type (the page for /scene/N does too)."""
    n, scenes = integer(n), scenes if isinstance(scenes, list) else []
    if not 1 <= n <= len(scenes) or not isinstance(scenes[n - 1], dict):
        return no_update
    scene = scenes[n - 1]
    start, end = integer(scene.get("start"), None), integer(scene.get("end"), None)
    window = (start, end) if start is not None and end is not None else None
    when = integer(scene.get("day"))
    return timeline.cached_figure(_dataset(meta), lanes=choice(lanes, LANES), colour=choice(colour, COLOURS),
                                  window=window, cursor=when, focus=strings(scene.get("people")),
                                  focus_events=strings(scene.get("events")), **PRESENT_FIGURE)


@callbacks.server(
    Output("net-filter", "data"),
    Input("groups", "value"), Input("rels", "value"), State("view-meta", "data"),
    prevent_initial_call=True,
)
def filter_network(groups, rels, meta):
    # Ids only: the elements themselves are in the browser already (viewdata.py).
    return network.visible(_dataset(meta), strings(groups), strings(rels))


@callbacks.server(
    Output("network", "layout"),
    Input("relayout", "n_clicks"),
    prevent_initial_call=True,
)
def live_layout(_):
    # `cose` costs O(n^2): fine on demand, never on load.
    return {"name": "cose", "animate": False, "randomize": False, "fit": True, "padding": 30}


@callbacks.server(
    Output("cursor", "value", allow_duplicate=True), Output("date-error", "children"),
    Input("date-input", "n_submit"), Input("date-input", "n_blur"), State("date-input", "value"),
    State("cursor", "value"), State("cursor", "min"), State("cursor", "max"),
    prevent_initial_call=True,
)
def typed_date(_submit, _blur, value, current, lo, hi):
    """A date typed in the field: the cursor goes there, or the field says why it cannot (and the cursor
    keeps its last good date). One parser for every date: core/dates.py."""
    parsed, why = read_date(value)
    lo, hi = integer(lo), integer(hi)
    if parsed is None or parsed.lo == integer(current):
        return no_update, why
    day = parsed.lo
    if not lo <= day <= hi:
        edge = lo if day < lo else hi
        return edge, f"{parsed.label} is outside {days.label(lo)} – {days.label(hi)}: showing {days.label(edge)}."
    return day, ""


@callbacks.server(
    Output("search-hits", "children"),
    Input("search-box", "value"), State("view-meta", "data"),
    prevent_initial_call=True,
)
def search_people(query, meta):
    query = text(query)
    hits = search.find(_dataset(meta)["people"], query)
    if query and not hits:
        return [html.Li(f"No one called '{query}' in this dataset.", className="no-hit")]
    return [html.Li(html.Button(name, id={"type": "hit", "index": pid}, className="hit", n_clicks=0))
            for pid, name in hits]


@callbacks.server(
    Output("detail-body", "children"), Output("selection", "data"), Output("detail", "className"),
    Output("search-hits", "children", allow_duplicate=True),
    Input("timeline", "clickData"), Input("network", "tapNodeData"), Input("network", "tapEdgeData"),
    Input({"type": "hit", "index": ALL}, "n_clicks"), Input("search-box", "n_submit"), Input("table-pick", "data"),
    State("search-box", "value"), State("view-meta", "data"),
    prevent_initial_call=True,
)
def show_detail(click, node, edge, _hits, _submit, pick, query, meta):
    ds = _dataset(meta)
    trigger = ctx.triggered_id
    kind, rid, person = "", "", no_update
    if trigger in ("timeline", "table-pick"):
        # A bar or event in the timeline, or a row's button in the table view.
        hit = detail.resolve_click(click) if trigger == "timeline" else detail.resolve_pick(mapping(pick).get("pick"))
        if hit:
            kind, rid = hit
            if kind == "tenure":
                row = ds["tenures"].set_index("tenure_id")
                person = row["person_id"].get(rid, "")
    elif trigger == "network" and ctx.triggered[0]["prop_id"].endswith("tapNodeData") and isinstance(node, dict):
        kind, rid = "person", str(node.get("id", ""))
        person = rid
    elif trigger == "network" and isinstance(edge, dict):
        kind, rid = "relation", str(edge.get("relation_id", ""))
    elif isinstance(trigger, dict) and trigger.get("type") == "hit":
        if not ctx.triggered[0]["value"]:
            return no_update, no_update, no_update, no_update  # the hit list was just drawn, nothing clicked
        kind, rid = "person", str(trigger["index"])
        person = rid
    elif trigger == "search-box":
        hits = search.find(ds["people"], text(query))
        if not hits:
            return no_update, no_update, no_update, no_update
        kind, rid = "person", hits[0][0]
        person = rid
    # A pick from the search closes its list.
    picked = isinstance(trigger, dict) or trigger == "search-box"
    return markup.component(detail.panel(ds, kind, rid)), person, "panel detail open", [] if picked else no_update


@callbacks.server(
    Output("citation", "value"),
    Input("cite", "n_clicks"), State("cursor", "value"), State("url-written", "data"), State("view-meta", "data"),
    prevent_initial_call=True,
)
def cite_view(_n, cursor, written, meta):
    """A citation of the view to paste into slides: the dataset, the day, the link, when it was viewed and
    the sources."""
    ds = _dataset(meta)
    link = flask.request.host_url.rstrip("/") + (text(written) or "/?" + text(mapping(meta).get("query")))
    sources = [f"{t} ({o})" if o else t for t, o in zip(ds["sources"]["title"], ds["sources"]["origin"])]
    return (f"{ds.title}, as of {days.long_label(integer(cursor))}. {link} (viewed {dt.date.today().isoformat()}).\n"
            f"Sources: {'; '.join(sources)}.")
