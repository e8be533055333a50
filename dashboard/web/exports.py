"""The export routes, for the data in view (the URL's dataset and window):
- /export/data.zip: the tables as a ZIP of CSV files with their citations (`excel=1`: UTF-8 with a
  byte-order mark, for Excel);
- /export/network.gexf, /export/network.graphml: the network for Gephi (views/gephi.py);
- /export/network.svg: the network at the view's date as a picture (views/picture.py);
- /export/film.mp4, /export/film.webm, /export/film.gif: Play over the window as a film of both views
  (views/film.py), `speed` month|quarter|year a step, each frame shown `ms` milliseconds.
File names say the dataset, the window and the day of the export."""
from __future__ import annotations

import datetime as dt
from urllib.parse import parse_qsl, urlencode

import flask
from dash import Input, Output, State, html
from dash.exceptions import PreventUpdate

from ..core import days
from ..core.dates import resolve
from ..views import film as films
from ..views import film_draw, gephi, picture
from ..views.export import view_tables, zip_bytes
from . import payload
from .callbacks import Callbacks
from .datasets import registry
from .inputs import mapping, text
from .state import parse

callbacks = Callbacks()

# The links beside "Data in view (ZIP of CSV)": (id, text, path, extra query).
LINKS = (
    ("export-network-svg", "Network SVG", "/export/network.svg", {}),
    ("export-data-excel", "Data in view for Excel (ZIP, UTF-8 with BOM)", "/export/data.zip", {"excel": "1"}),
    ("export-gexf", "Network for Gephi (GEXF)", "/export/network.gexf", {}),
    ("export-graphml", "Network (GraphML)", "/export/network.graphml", {}),
)


# The film links: (id, text, format). Their `speed` follows the Play speed chosen on the page.
FILM_LINKS = (
    ("export-film-mp4", "Film of Play (MP4)", "mp4"),
    ("export-film-webm", "Film (WebM)", "webm"),
    ("export-film-gif", "Film (animated GIF)", "gif"),
)


def href(path: str, query: str, extra: dict) -> str:
    pairs = [(k, v) for k, v in parse_qsl(query.lstrip("?"), keep_blank_values=False) if k not in extra]
    q = urlencode(pairs + list(extra.items()))
    return f"{path}?{q}" if q else path


def links(query: str) -> list[html.A]:
    """The export links for a view's query string (kept up to date by `follow_url`)."""
    return [html.A(text, id=id_, className="btn small", download="", href=href(path, query, extra))
            for id_, text, path, extra in LINKS]


def film_links(query: str, speed: str = "month") -> list[html.A]:
    return [html.A(text, id=id_, className="btn small", download="", href=film_href(fmt, query, speed),
                   title="Play over the window in view, one frame per step at the Play speed, "
                         f"{films.PLAY_MS / 1000:g} s each, with the date and the legend (made in a few seconds)")
            for id_, text, fmt in FILM_LINKS]


def film_href(fmt: str, query: str, speed: str) -> str:
    return href(f"/export/film.{fmt}", query, {"speed": speed if speed in films.STEP_MONTHS else "month"})


@callbacks.server(*[Output(id_, "href") for id_, *_ in FILM_LINKS], Input("url-written", "data"),
                  Input("speed", "value"), State("view-meta", "data"), prevent_initial_call=True)
def follow_speed(url, speed, meta):
    """The film links record Play over the window in view (the URL last written, else the page's), at the
    Play speed chosen."""
    written = text(url)
    query = written.split("?", 1)[1] if "?" in written else text(mapping(meta).get("query"))
    return [film_href(fmt, query, text(speed)) for _, _, fmt in FILM_LINKS]


@callbacks.server(*[Output(id_, "href") for id_, *_ in LINKS], Input("url-written", "data"), prevent_initial_call=True)
def follow_url(url):
    """The view's URL changed (a filter, a zoom): the links export what is in view now."""
    if not isinstance(url, str):
        raise PreventUpdate
    query = url.split("?", 1)[1] if "?" in url else ""
    return [href(path, query, extra) for _, _, path, extra in LINKS]


def _request_state():
    """(entry, view state) for the request's query, or None when its dataset cannot be shown."""
    reg = registry()
    entry = reg.get(flask.request.args.get("dataset", ""))
    if not entry.ok:
        return None
    state, _ = parse(flask.request.args.to_dict(), reg.names)
    return entry, state


def _view():
    """(entry, state, tables in view, window label) for the request's query, or None (a 503)."""
    found = _request_state()
    if found is None:
        return None
    entry, state = found
    start = resolve(state.start).lo if state.start else None
    end = resolve(state.end).hi if state.end else None
    window = f"{state.start}_to_{state.end}" if state.start or state.end else "all"
    return entry, state, view_tables(entry.dataset, start, end), window


def _attachment(body: bytes, mimetype: str, name: str) -> flask.Response:
    return flask.Response(body, mimetype=mimetype, headers={"Content-Disposition": f'attachment; filename="{name}"'})


def register(server: flask.Flask) -> None:
    @server.route("/export/data.zip")
    def export_data():
        view = _view()
        if view is None:
            return {"error": "dataset unavailable"}, 503
        entry, state, tables, window = view
        ds, today = entry.dataset, dt.date.today().isoformat()
        excel = flask.request.args.get("excel", "") == "1"
        readme = (f"{ds.title}\nExported {today} from {flask.request.url}\n"
                  f"Window: {state.start or 'all'} to {state.end or 'all'}\n"
                  "Every row carries source_id, locator (line numbers) and a verbatim quote; sources.csv "
                  "lists the sources and their licences. Cells that a spreadsheet would read as a formula "
                  "start with a ' (OWASP CSV injection).\n"
                  + ("The CSV files are UTF-8 with a byte-order mark, as Excel reads them.\n" if excel else ""))
        prefix = f"{entry.name}_{today}_"
        body = zip_bytes(tables, readme, excel=excel, prefix=prefix)
        name = f"{entry.name}_{window}_{today}{'_excel' if excel else ''}.zip"
        return _attachment(body, "application/zip", name)

    @server.route("/export/network.<fmt>")
    def export_network(fmt: str):
        if fmt not in ("gexf", "graphml", "svg"):
            return {"error": "unknown format: use network.svg, network.gexf or network.graphml"}, 404
        if fmt == "svg":
            return network_picture()
        view = _view()
        if view is None:
            return {"error": "dataset unavailable"}, 503
        entry, _, tables, window = view
        body = gephi.gexf(entry.dataset, tables) if fmt == "gexf" else gephi.graphml(entry.dataset, tables)
        mimetype = "application/gexf+xml" if fmt == "gexf" else "application/graphml+xml"
        return _attachment(body, mimetype, f"{entry.name}_{window}_{dt.date.today().isoformat()}.{fmt}")

    def network_picture():
        """The network at the URL's date, with its layers and filters, as SVG (views/picture.py)."""
        found = _request_state()
        if found is None:
            return {"error": "dataset unavailable"}, 503
        entry, state = found
        ds = entry.dataset
        day = resolve(state.date or payload.default_date(ds)).lo
        body = picture.network_svg(ds, day, state.layers, state.groups, state.rels).encode()
        return _attachment(body, "image/svg+xml", f"{entry.name}_network_{days.iso(day)}.svg")

    @server.route("/export/film.<fmt>")
    def export_film(fmt: str):
        if fmt not in film_draw.FORMATS:
            return {"error": "unknown format: use film.mp4, film.webm or film.gif"}, 404
        found = _request_state()
        if found is None:
            return {"error": "dataset unavailable"}, 503
        entry, state = found
        ds = entry.dataset
        ms = flask.request.args.get("ms", str(films.PLAY_MS))
        if not (ms.isascii() and ms.isdigit() and len(ms) <= 5):
            return {"error": f"ms must be a whole number of milliseconds (100 to 5000), not {ms[:20]!r}"}, 400
        window = payload.window(ds, state.start, state.end) or payload.span(ds, state.whole)
        try:
            made = films.film(ds, window, flask.request.args.get("speed", "month"), int(ms), state.layers, state.lanes,
                              state.colour, state.orgs, state.kinds, state.groups, state.rels)
        except films.FilmError as e:
            return {"error": str(e)}, 400
        name = f"{entry.name}_{days.iso(window[0])}_to_{days.iso(window[1])}_{made.speed}.{fmt}"
        return _attachment(film_draw.encode(made, fmt), film_draw.FORMATS[fmt], name)
