"""The large, static part of a view, as one JSON file per dataset build: the
network's elements and the intervals the browser moves the cursor with.

It is fetched by the page after it renders (assets/dashboard.js, `loadData`)
instead of riding in a Dash callback: the callbacks stay small (under 1 MB on
a 10,000-tenure dataset), and the file has the build's digest in its URL, so
the browser caches it and a reload does not fetch it again.
"""
from __future__ import annotations

import json

import flask

from ..views import network
from . import payload
from .datasets import Entry, registry

_cache: dict[tuple[str, str], bytes] = {}  # (dataset, digest) -> JSON: one per dataset and build


def url(entry: Entry) -> str:
    return f"/view-data/{entry.name}/{entry.digest or 'current'}.json"


def body(entry: Entry) -> bytes:
    key = (entry.name, entry.digest)
    if key not in _cache:
        ds = entry.dataset
        data = {**payload.build(ds), "elements": network.elements(ds)}
        for old in [k for k in _cache if k[0] == entry.name]:
            del _cache[old]
        _cache[key] = json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode()
    return _cache[key]


def register(server: flask.Flask) -> None:
    @server.route("/view-data/<name>/<digest>.json")
    def view_data(name: str, digest: str):
        reg = registry()
        if name not in reg.names:
            return {"error": "no such dataset"}, 404
        entry = reg.get(name)
        if not entry.ok:
            return {"error": "dataset unavailable"}, 503
        response = flask.Response(body(entry), mimetype="application/json")
        # The digest names the build: that URL's content never changes. An old digest (the data was rebuilt
        # since the page was rendered) gets today's data, not to be kept.
        response.headers["Cache-Control"] = ("public, max-age=31536000, immutable" if digest == entry.digest
                                             else "no-store")
        return response
