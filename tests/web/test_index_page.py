"""The page's HTML is built once per process (web/index_page.py) and served as Dash would serve it."""
import gzip
import re
import zlib
from pathlib import Path

import pytest
from dash import Dash, Input, Output, html

from dashboard.web import index_page
from dashboard.web.factory import create_app

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
# The per-load token Dash signs into its config (for background callbacks, which the app has none of).
TOKEN = re.compile(rb'"end_id":\s*"[^"]*"')


@pytest.fixture(scope="module")
def app():
    return create_app(FIXTURES / "mini", FIXTURES)


def test_every_path_gets_the_same_bytes_as_dash_builds_them(app):
    client = app.server.test_client()
    first, again, scene = (client.get(p).data for p in ("/", "/?date=1920-01-01", "/scene/2"))
    # Dash signs a fresh token into every page it builds: identical bytes mean the page was kept.
    assert first == again == scene
    with app.server.test_request_context("/"):
        fresh = app.index().encode("utf-8")
    assert fresh != first
    assert TOKEN.sub(b"", fresh) == TOKEN.sub(b"", first)
    assert b"/assets/dashboard.js?m=" in first and b'<html lang="en">' in first


@pytest.mark.parametrize("accept, encoding", [("gzip, deflate, br, zstd", "gzip"), ("gzip", "gzip"), ("", None),
                                              ("identity", None), ("*", "gzip"),
                                              # gzip refused: flask-compress encodes the page as asked
                                              ("gzip;q=0, deflate", "deflate")])
def test_gzip_only_when_the_browser_takes_it(app, accept, encoding):
    r = app.server.test_client().get("/", headers={"Accept-Encoding": accept})
    assert r.status_code == 200 and r.mimetype == "text/html"
    assert r.headers.get("Content-Encoding") == encoding
    assert r.headers["Vary"] == "Accept-Encoding"
    body = {"gzip": gzip.decompress, "deflate": zlib.decompress, None: bytes}[encoding](r.data)
    assert body.startswith(b"<!DOCTYPE html>")
    # The security headers are still added to the kept page (web/security.py).
    assert "script-src 'self' 'sha256-" in r.headers["Content-Security-Policy"]
    assert r.headers["X-Content-Type-Options"] == "nosniff"


def test_debug_mode_builds_the_page_each_time(app):
    client = app.server.test_client()
    app.server.debug = True
    try:
        a, b = client.get("/").data, client.get("/").data
    finally:
        app.server.debug = False
    assert a != b and TOKEN.sub(b"", a) == TOKEN.sub(b"", b)


def test_a_background_callback_forbids_keeping_the_page():
    dash_app = Dash(__name__)
    dash_app.layout = html.Div([html.Button(id="b"), html.Div(id="o")])
    dash_app.callback(Output("o", "children"), Input("b", "n_clicks"))(lambda n: n)
    index_page.cache(dash_app)  # a plain callback: fine
    other = Dash(__name__)
    other.layout = dash_app.layout
    other.callback(Output("o", "children"), Input("b", "n_clicks"))(lambda n: n)
    next(iter(other.callback_map.values()))["background"] = {"interval": 1000}
    with pytest.raises(ValueError, match="background"):
        index_page.cache(other)
