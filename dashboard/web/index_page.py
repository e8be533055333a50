"""The page's HTML, built once per process instead of on every request.

Dash builds its index page on each GET: it stats every script and stylesheet for the fingerprint in its
URL and gzips the result, about two thirds of a page request's time. The page is the same for every URL
(the layout and the state come from later requests), and its fingerprints change only when a file in
assets/ changes, which needs a restart outside debug mode. So the HTML and its gzip are kept, and served
with the same headers as before (talisman's, flask-compress's Vary). Under `--debug` (hot reload) nothing
is kept.

Dash also signs a per-load token into the page (`end_id`) for background callbacks; the app has none, and
`cache` refuses to keep the page if one is ever registered.
"""
from __future__ import annotations

import gzip

from dash import Dash
from flask import Response, request

# Dash's Flask endpoints that answer with the index page: the root, and every other path (`/scene/3`).
ENDPOINTS = ("/", "/<path:path>")


class IndexPage:
    """The page's HTML and its gzip, made on first use (two threads may both make it: the same bytes, and
    the assignment is atomic)."""

    def __init__(self, app: Dash):
        self.app = app
        self._body: tuple[bytes, bytes] | None = None

    def body(self) -> tuple[bytes, bytes]:
        if self._body is None:
            html = self.app.index().encode("utf-8")
            self._body = (html, gzip.compress(html, 6))
        return self._body

    def response(self) -> Response:
        html, packed = self.body()
        if request.accept_encodings.quality("gzip") > 0:
            out = Response(packed, mimetype="text/html")
            out.headers["Content-Encoding"] = "gzip"  # flask-compress leaves an encoded response alone
        else:
            out = Response(html, mimetype="text/html")
        out.headers["Vary"] = "Accept-Encoding"
        return out


def _has_background_callbacks(app: Dash) -> bool:
    return any(cb.get("background") for cb in app.callback_map.values())


def cache(app: Dash) -> IndexPage:
    """Serve the index page from memory (after the callbacks are registered)."""
    if _has_background_callbacks(app):
        raise ValueError("the index page carries a per-load token for background callbacks: do not cache it")
    page = IndexPage(app)
    server = app.server
    for endpoint in ENDPOINTS:
        dash_view = server.view_functions[endpoint]

        def view(*args, _dash_view=dash_view, **kwargs):
            return _dash_view(*args, **kwargs) if server.debug else page.response()

        server.view_functions[endpoint] = view
    return page
