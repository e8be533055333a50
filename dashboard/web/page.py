"""The page, rendered from the URL on every load (the URL is the view state)."""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qs

from dash import Input, Output, dcc, html

from ..core import days, periods
from ..core.dates import resolve
from ..core.schema import OFFICE_KINDS, RELATION_KINDS
from ..views import detail, lecture, network, timeline
from ..views import state as state_rows
from ..views.play import play_steps
from ..views.timeline import MAX_LANES
from . import exports, markup, payload, viewdata
from .callbacks import Callbacks
from .changes import panel as changes_panel
from .datasets import registry
from .inputs import text
from .metrics import strip as metrics_strip
from .paths import controls as ego_controls
from .state import ViewState, first_value, parse, url_defaults

callbacks = Callbacks()

# Projector settings: big type; no legend or overview, which would not read from the back of a room.
PRESENT_FIGURE = {"font_size": 22, "overview": False, "fill": True}


def _known(ds) -> dict[str, set[str]]:
    return {"people": set(ds["people"]["person_id"]), "organisations": set(ds["offices"]["organisation"]),
            "groups": set(ds["groups"]["group_id"])}


def language(ds) -> str:
    """The dataset's language (`"language"` in datapackage.json, a BCP 47 tag such as "fi"), else English."""
    tag = ds.descriptor.get("language")
    return tag if isinstance(tag, str) and tag.replace("-", "").isalnum() and tag.isascii() else "en"


def error_page(entry) -> html.Div:
    items = [html.Li(str(p)) for p in entry.problems[:200]]
    return html.Main(className="error-page", children=[
        html.H1("This dataset cannot be shown yet"),
        html.P(f"The data in {entry.path.name} has problems. Fix them and reload; "
               f"`python -m dashboard check {entry.path}` lists them too."),
        html.Ul(items, className="problems"),
    ])


def lane_pages(fig: dict) -> tuple[list[dict], int, bool]:
    """Options, value and `hidden` of the lane pager, from the figure's paging (timeline.MAX_LANES)."""
    meta = timeline.layout_meta(fig)
    total, pages = meta.get("lanes", 0), meta.get("lane_pages", 1)
    options = [{"label": f"Lanes {k * MAX_LANES + 1}–{min(total, (k + 1) * MAX_LANES)} of {total}", "value": k + 1}
               for k in range(pages)]
    return options, meta.get("lane_page", 1), pages < 2


def lane_pager(fig) -> html.Div:
    options, value, hidden = lane_pages(fig)
    return html.Div(id="lane-pager", className="lane-pager", hidden=hidden, children=html.Label([
        html.Span("Too many lanes to draw at once: showing ", className="lane-pager-text"),
        dcc.Dropdown(id="lane-page", options=options, value=value, clearable=False, searchable=False,
                     className="lane-page"),
    ]))


def _checklist(id_: str, options, value, label: str) -> html.Fieldset:
    return html.Fieldset(className="filter", children=[
        html.Legend(label),
        dcc.Checklist(id=id_, options=options, value=value, inputClassName="check", labelClassName="check-label"),
    ])


def layout() -> html.Div:
    """The shell: the content is rendered from the URL by `render` (also on Back and Forward)."""
    return html.Div([dcc.Location(id="url", refresh=False), html.Div(id="content", children=html.P(
        "Loading the dashboard…", className="loading"))])


@callbacks.server(Output("content", "children"), Input("url", "search"), Input("url", "pathname"))
def render_url(search, pathname):
    return render(parse_qs(text(search).lstrip("?")), text(pathname) or None)


@dataclass
class PageModel:
    """What the page shows, from the URL: the view state and everything derived from it once."""

    entry: object
    state: ViewState
    notices: list[str]
    scenes: list[dict]
    scene: int | None
    focus: dict
    focus_events: list[str]
    date: str
    cursor: int
    lo: int
    hi: int
    window: tuple[int, int] | None
    figure: object

    @property
    def ds(self):
        return self.entry.dataset


def warm() -> None:
    """Build the default dataset's opening view once, before the first visitor asks for it (the server's
    entry points call this; with gunicorn's --preload the workers inherit it: views/timeline.py's cache)."""
    reg = registry()
    if reg.get().ok:
        model({}, "/", reg)


def model(args: dict, pathname: str | None, reg) -> PageModel | None:
    """The page's model from the query and path, or None when the dataset cannot be shown."""
    entry = reg.get(first_value(args, "dataset"))
    if not entry.ok:
        return None
    ds = entry.dataset
    state, notices = parse(args, reg.names, _known(ds))
    state.dataset = entry.name if entry.name != reg.names[0] else ""
    if entry.stale:
        notices.insert(0, "The data files have errors; showing the last good build. Run `python -m dashboard "
                          "check` for details.")
    scenes = lecture.scenes(ds)
    scene = lecture.scene_number(pathname, len(scenes))
    focus, focus_events = {"people": [], "relations": []}, []
    if scene:  # /scene/N: presentation mode on that scene
        current = scenes[scene - 1]
        state.present = True
        state.date = days.iso(current["day"])
        state.start = days.iso(current["start"]) if current["start"] is not None else ""
        state.end = days.iso(current["end"]) if current["end"] is not None else ""
        focus = {"people": current["people"], "relations": current["relations"]}
        focus_events = current["events"]
    elif pathname not in (None, "", "/"):
        notices.append("There is no such page here: showing the dashboard.")
    date = state.date or payload.default_date(ds)
    day = resolve(date).lo
    lo, hi = payload.span(ds, state.whole)
    if not lo <= day <= hi:  # a date outside the story's period: the cursor covers the whole record
        state.whole = True
        lo, hi = payload.span(ds, True)
    cursor = min(max(day, lo), hi)
    window = payload.window(ds, state.start, state.end)
    fig = timeline.cached_figure(ds, lanes=state.lanes, colour=state.colour, organisations=state.orgs or None,
                                 office_kinds=state.kinds or None, window=window, cursor=cursor, lane_page=state.lp,
                                 focus=focus["people"], focus_events=focus_events,
                                 **(PRESENT_FIGURE if state.present else {}))
    return PageModel(entry, state, notices, scenes, scene, focus, focus_events, date, cursor, lo, hi, window, fig)


def render(args: dict, pathname: str | None = None):
    reg = registry()
    m = model(args, pathname, reg)
    if m is None:
        return error_page(reg.get(first_value(args, "dataset")))
    return html.Div(id="page", className="present" if m.state.present else "", lang=language(m.ds), children=[
        html.A("Skip to the views", href="#views", className="skip-link"),
        # The keys list: "?" anywhere, this button (shown when focused, like the skip link) or the one in the
        # view options; the first screen has no room for another button at 1280x720.
        html.Button("Keyboard shortcuts (?)", className="skip-link keys-open", **{"aria-haspopup": "dialog"}),
        *_stores(m),
        html.Div(id="blackout", className="blackout", **{"aria-hidden": "true"}),
        # The first screen: both views fit it at 1280x720 and 1024x768; the options and exports follow below.
        html.Div(className="screen", children=[
            _topbar(m, reg),
            html.Div(id="notices", role="status", className="notices" if m.notices else "notices empty",
                     children=[html.P(n) for n in m.notices]),
            _cursor_bar(m),
            _scene_panel(m),
            changes_panel(),
            html.Main(id="views", className="views", tabIndex="-1",
                      children=[_timeline_panel(m), _network_panel(m), _detail(m)]),
        ]),
        _controls(m),
        _export(m),
        _table(),
        _keys(),
        html.Footer(className="footer", children=[
            html.P(m.ds.description),
            html.P(["Sources: ", *[html.Span(t + ("; " if i < len(m.ds["sources"]) - 1 else ""))
                                   for i, t in enumerate(m.ds["sources"]["title"])]]),
        ]),
    ])


def _view_meta(state: ViewState) -> dict:
    """What the callbacks need to know of the page: its dataset and query, and for the browser (assets/) the
    values the URL leaves out and the timeline's type off and on a slide (the Present toggle)."""
    return {"dataset": state.dataset, "date": state.date, "query": state.query(), "defaults": url_defaults(),
            "font_size": {"page": timeline.FONT_SIZE, "present": PRESENT_FIGURE["font_size"]}}


def _stores(m: PageModel) -> list:
    ds, state = m.ds, m.state
    return [
        # The network's elements and the cursor's bounds come as a cached file after the page (viewdata.py).
        dcc.Store(id="data-url", data=viewdata.url(m.entry)),
        dcc.Store(id="payload"),
        dcc.Store(id="network-drawn"),  # how many times the elements were drawn (web/cursor.py)
        dcc.Store(id="table-url", data=viewdata.url(m.entry, "table")),
        dcc.Store(id="table-data"),
        dcc.Store(id="net-filter", data=network.visible(ds, state.groups, state.rels)),
        dcc.Store(id="net-style", data=network.styles()),
        dcc.Store(id="selection", data=state.sel),
        dcc.Store(id="url-written"),
        dcc.Store(id="view-meta", data=_view_meta(state)),
        # Captions arrive as elements (views/lecture.captions), so the page needs no Markdown renderer.
        dcc.Store(id="scenes", data=[{**s, "caption": markup.component(c)}
                                     for s, c in zip(m.scenes, lecture.captions(m.ds))]),
        dcc.Store(id="scene-index", data=m.scene or 0),
        dcc.Store(id="focus", data=m.focus),
        dcc.Store(id="present", data=state.present),
        # The cursor's last two stops (assets/dashboard.js), and what changed between them (web/changes.py).
        dcc.Store(id="cursor-stops"),
        dcc.Store(id="changed"),
        dcc.Store(id="ego-view"),  # the neighbourhood and the path drawn (web/paths.py)
        dcc.Interval(id="player", interval=400, disabled=True),
    ]


def _topbar(m: PageModel, reg) -> html.Header:
    return html.Header(className="topbar", children=[
        html.H1(m.ds.title, id="title"),
        html.Button("Present", id="present-toggle", className="btn present-toggle", n_clicks=0,
                    title="Presentation mode (P); arrows or a clicker step through the scenes"),
        html.Div(className="topbar-controls", children=[
            html.Div(className="search", role="search", children=[
                html.Label([html.Span("Find a person", className="sr-only"),
                            dcc.Input(id="search-box", type="search", debounce=False, autoComplete="off",
                                      placeholder="Find a person (any spelling)…", className="search-box")]),
                html.Ul(id="search-hits", className="search-hits", **{"aria-live": "polite"}),
            ]),
            # Dropdowns are named by a label the browser links to them (assets/aria.js: `data-label-for`).
            html.Span("Dataset", className="sr-only", **{"data-label-for": "dataset"}),
            dcc.Dropdown(id="dataset", options=[{"label": reg.title(n), "value": n} for n in reg.names],
                         value=m.entry.name, clearable=False, className="dataset-switch"),
        ]),
    ])


def _cursor_bar(m: PageModel) -> html.Section:
    return html.Section(className="cursor-bar", **{"aria-label": "Date cursor"}, children=[
        html.Button("▶ Play", id="play", className="btn", n_clicks=0, title="Play through time"),
        dcc.Store(id="play-steps", data=play_steps(m.lo, m.hi)),
        html.Span("Play speed", className="sr-only", **{"data-label-for": "speed"}),
        dcc.Dropdown(id="speed", className="speed", clearable=False, value="month", searchable=False,
                     options=[{"label": "1 month / step", "value": "month"},
                              {"label": "3 months / step", "value": "quarter"},
                              {"label": "1 year / step", "value": "year"}]),
        html.Div(className="slider-wrap", **{"data-slider-label": "Date"}, children=[
            dcc.Slider(id="cursor", min=m.lo, max=m.hi, step=1, value=m.cursor, marks=payload.slider_marks(m.lo, m.hi),
                       updatemode="drag", included=False, allow_direct_input=False),
        ]),
        html.Label([html.Span("Date", className="sr-only"),
                    dcc.Input(id="date-input", type="text", value=m.date, debounce=True, className="date-input",
                              placeholder="1927-11-15")]),
        html.Span(id="date-error", className="date-error", role="alert"),
        html.Output(id="cursor-label", className="cursor-label", **{"aria-live": "polite"}),
        _whole_toggle(m),
    ])


def _whole_toggle(m: PageModel):
    """Widen the cursor from the dataset's period to the whole record (shown only when they differ)."""
    record, declared = payload.bounds(m.ds), periods.period(m.ds.descriptor)
    first, last = (days.year_label(days.to_gregorian(d)[0]) for d in record)
    return dcc.Checklist(id="whole", value=["1"] if m.state.whole else [], className="whole",
                         options=[{"label": f"whole record ({first}–{last})", "value": "1"}],
                         inputClassName="check", labelClassName="check-label",
                         style={"display": "none"} if declared is None or declared == record else None)


def _scene_panel(m: PageModel):
    # Always in the layout (the scene callbacks write to it), hidden for a dataset without scenes.
    return html.Section(id="scene-panel", className="scene-panel", hidden=not m.scenes, **{"aria-live": "polite"},
                        children=[
        html.Button("◀", id="scene-prev", className="btn scene-nav", title="Previous scene (Left, PageUp)",
                    n_clicks=0, **{"aria-label": "Previous scene"}),
        html.Div(className="scene-text", children=[
            html.Div(className="scene-head", children=[
                html.Span(id="scene-progress", className="scene-progress"),
                html.H2(id="scene-title", className="scene-title"),
            ]),
            html.Div(id="scene-caption", className="scene-caption"),
        ]),
        html.Button("▶", id="scene-next", className="btn scene-nav", title="Next scene (Right, PageDown, Space)",
                    n_clicks=0, **{"aria-label": "Next scene"}),
    ])


def _timeline_panel(m: PageModel) -> html.Section:
    ds, state = m.ds, m.state
    return html.Section(className="panel timeline-panel", **{"aria-label": "Timeline of offices"}, children=[
        html.Div(className="panel-head", children=[
            html.H2("Who held which office"),
            html.Div(className="presets", children=[
                html.Button(p["label"], id={"type": "preset", "index": i}, className="btn small",
                            **{"data-start": p["start"], "data-end": p["end"]})
                for i, p in enumerate(periods.presets(ds.descriptor, payload.bounds(ds)))
            ] + [html.Button("All", id={"type": "preset", "index": "all"}, className="btn small")]),
        ]),
        lane_pager(m.figure),
        html.Details(className="legend timeline-key", children=[
            html.Summary("Key"),
            html.Div(id="timeline-legend", children=payload.timeline_legend(timeline.legend(ds, state.colour))),
        ]),
        # The date axis stays in view while the lanes scroll under it.
        dcc.Graph(id="timeline-axis", figure=timeline.axis_figure(m.window, ds=m.ds), className="timeline-axis",
                  config={"staticPlot": True, "displayModeBar": False}),
        # Focusable, so the keyboard can scroll the lanes too.
        html.Div(className="timeline-scroll", tabIndex="0", role="group", **{"aria-label": "Timeline lanes"},
                 children=[
            # "auto": the graph follows its container unless the figure fixes a height (lanes do).
            dcc.Graph(id="timeline", figure=m.figure, className="timeline", responsive="auto",
                      # No mode bar: it covers the legend; drag to zoom, scroll to zoom, "All" resets.
                      config={"scrollZoom": True, "displaylogo": False, "displayModeBar": False}),
        ]),
        metrics_strip(ds, state.sel, m.window),
    ])


def _network_panel(m: PageModel) -> html.Section:
    ds, state = m.ds, m.state
    return html.Section(className="panel network-panel", **{"aria-label": "Network of alliances"}, children=[
        html.Div(className="panel-head", children=[
            html.H2("Who stood with or against whom"),
            html.Button("Re-run layout", id="relayout", className="btn small", n_clicks=0),
        ]),
        payload.network_component([]),
        html.P("No one is drawn at this date: no relation or faction of the layers shown is in force. "
               "Tick “everyone in the record” below to see the others.", id="network-empty",
               className="network-empty", hidden=True),
        html.Div(className="network-options", children=[
            html.Fieldset(className="filter layers", children=[
                html.Legend("Relations shown"),
                dcc.Checklist(id="layers", value=state.layers or list(network.DEFAULT_LAYERS), inline=True,
                              options=[{"label": lay["label"], "value": lay["layer"]}
                                       for lay in network.legend(ds)["layers"]],
                              inputClassName="check", labelClassName="check-label"),
            ]),
            dcc.Checklist(id="everyone", value=["1"] if state.everyone else [], className="everyone",
                          options=[{"label": "everyone in the record (faded)", "value": "1"}],
                          inputClassName="check", labelClassName="check-label"),
            ego_controls(ds, state),
        ]),
        html.Details(className="legend network-key", children=[
            html.Summary("Key"),
            html.Div(id="network-legend", children=payload.legend(network.legend(ds))),
        ]),
    ])


def _detail(m: PageModel) -> html.Aside:
    """The detail drawer: beside the views on a desk, a sheet at the bottom of a phone; open while
    something is selected, closed with its button or Esc (assets/dashboard.js)."""
    sel = m.state.sel
    return html.Aside(id="detail", className="panel detail open" if sel else "panel detail",
                      tabIndex="-1", **{"aria-label": "Details"}, children=[
        html.Button("×", id="detail-close", className="btn small detail-close", n_clicks=0,
                    **{"aria-label": "Close the details (Esc)"}),
        html.Div(id="detail-body", **{"aria-live": "polite"},
                 children=markup.component(detail.panel(m.ds, "person", sel) if sel else detail.panel(m.ds, "", ""))),
    ])


def _controls(m: PageModel) -> html.Section:
    ds, state = m.ds, m.state
    orgs = sorted(o for o in ds["offices"]["organisation"].unique() if o)
    groups = ds["groups"].sort_values("name")
    return html.Section(className="controls", **{"aria-label": "View options"}, children=[
        html.Button("Keyboard shortcuts (?)", id="keys-open", className="btn small keys-open",
                    **{"aria-haspopup": "dialog"}),
        html.Fieldset(className="filter", children=[
            html.Legend("Timeline lanes"),
            dcc.RadioItems(id="lanes", value=state.lanes, inline=True,
                           options=[{"label": "per office", "value": "office"},
                                    {"label": "per person", "value": "person"}]),
        ]),
        html.Fieldset(className="filter", children=[
            html.Legend("Colour bars by"),
            dcc.RadioItems(id="colour", value=state.colour, inline=True,
                           options=[{"label": "organisation", "value": "organisation"},
                                    {"label": "faction at the time", "value": "faction"}]),
        ]),
        html.Details(className="filters", open=bool(state.orgs or state.kinds or state.groups or state.rels),
                     children=[
            html.Summary("Filters"),
            _checklist("orgs", [{"label": o, "value": o} for o in orgs], state.orgs, "Organisations"),
            _checklist("kinds", [{"label": k, "value": k} for k in OFFICE_KINDS], state.kinds, "Office kinds"),
            _checklist("groups", [{"label": n, "value": g} for g, n in zip(groups["group_id"], groups["name"])],
                       state.groups, "Network: members of"),
            _checklist("rels", [{"label": k, "value": k} for k in RELATION_KINDS], state.rels, "Relation kinds"),
        ]),
    ])


def _export(m: PageModel) -> html.Details:
    return html.Details(className="export", children=[
        html.Summary("Export and cite"),
        html.Div(className="export-buttons", children=[
            html.Button("Timeline PNG", id="export-timeline-png", className="btn small", n_clicks=0),
            html.Button("Timeline SVG", id="export-timeline-svg", className="btn small", n_clicks=0),
            html.Button("Network PNG", id="export-network-png", className="btn small", n_clicks=0),
            *exports.links(m.state.query())[:1],  # Network SVG, beside the PNG
            html.A("Data in view (ZIP of CSV)", id="export-data", className="btn small", download="",
                   href="/export/data.zip?" + m.state.query()),
            *exports.links(m.state.query())[1:],
            *exports.film_links(m.state.query()),
            html.Button("Cite this view", id="cite", className="btn small", n_clicks=0),
        ]),
        html.Label([html.Span("Citation of this view", className="sr-only"),
                    dcc.Textarea(id="citation", className="citation-text", readOnly=True, value="")]),
    ])


# What the keys do (assets/lecture.js and keys.js act on them). Character keys can be turned off.
KEYS = [
    ("?", "this list of keys"),
    ("P", "presentation mode on or off"),
    ("→, Page Down, Space", "next scene (in presentation mode; a presenter's clicker sends these)"),
    ("←, Page Up", "previous scene"),
    ("Home, End", "first scene, last scene"),
    ("1 … 9, 0", "scene 1 … 9, scene 10"),
    ("B or .", "black screen, and back"),
    ("F", "full screen"),
    ("Esc", "close the details or this list; then leave presentation mode"),
    ("↓, ↑, Enter, Esc", "in the search: move through the people found, open one, close the list"),
]


def _keys() -> html.Div:
    """The keys overlay (assets/keys.js): what each key does, and the setting that turns character keys off."""
    return html.Div(id="keys-dialog", className="keys-dialog", role="dialog", hidden=True, tabIndex="-1",
                    **{"aria-modal": "true", "aria-labelledby": "keys-title"}, children=[
        html.H2("Keyboard shortcuts", id="keys-title"),
        html.Table(className="table keys-table", children=[
            _head("Key", "What it does"),
            html.Tbody([html.Tr([html.Th(k, scope="row"), html.Td(what)]) for k, what in KEYS]),
        ]),
        dcc.Checklist(id="single-keys", className="keys-setting", value=["on"], inputClassName="check",
                      labelClassName="check-label", options=[{"value": "on", "label": (
                          "Single-key shortcuts (P, B, F, ., the digits and ?). Turn them off if they get in your "
                          "way, for example with speech input; this browser remembers it.")}]),
        html.Button("Close", id="keys-close", className="btn"),
    ])


def _head(*names: str) -> html.Thead:
    return html.Thead(html.Tr([html.Th(n, scope="col") for n in names]))


def _table() -> html.Section:
    """The table view, the views' text alternative: the state at the cursor date, row by row; the first
    cell of each row is a button that opens its detail (rows built in assets/dashboard.js, `tables`)."""
    # A button rather than <details>: Dash does not hear a <details> element open.
    return html.Section(id="state-table", className="state-table", **{"aria-label": "Table view"}, children=[
        dcc.Store(id="table-open", data=False),
        dcc.Store(id="table-pick"),
        html.Button("Show the table view: the state at the cursor date", id="table-toggle", n_clicks=0,
                    className="btn table-toggle", **{"aria-expanded": "false", "aria-controls": "table-body"}),
        html.Div(id="table-body", hidden=True, children=[
            html.H2(id="table-caption", className="table-heading"),
            html.P("The first cell of each row opens its source in the details; Esc comes back to the row.",
                   className="table-hint"),
            html.Table(className="table", children=[
                html.Caption("Offices held"), _head("Office", "Holder", "Held", "How it ended"),
                html.Tbody(id="table-offices"),
            ]),
            html.Table(className="table", children=[
                html.Caption("Relations in force"), _head("Relation", "When", "How it ended"),
                html.Tbody(id="table-relations"),
            ]),
            html.Table(className="table", children=[
                html.Caption("Memberships in force"), _head("Group", "Member", "When", "How it ended"),
                html.Tbody(id="table-memberships"),
            ]),
            html.Table(className="table", children=[
                html.Caption(f"Events up to {state_rows.EVENT_WINDOW_DAYS} days before or after the date"),
                _head("Event", "When", "People"),
                html.Tbody(id="table-events"),
            ]),
        ]),
    ])
