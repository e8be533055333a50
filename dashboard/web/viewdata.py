"""The large, static part of a view, as JSON files per dataset build: the
network's elements and the bounds the browser moves the cursor with, and the
table view's rows.

It is fetched by the page after it renders (assets/dashboard.js, `loadData`)
instead of riding in a Dash callback: the callbacks stay small (under 1 MB on
a 10,000-tenure dataset), and the file has the build's digest in its URL, so
the browser caches it and a reload does not fetch it again.
"""
from __future__ import annotations

import json

import flask

from ..views import network, state
from . import payload
from .datasets import Entry, registry

# The parts of a view's data: the network and the cursor's bounds (fetched after the page), and the
# table view's rows (fetched when the table is first opened: at x100 they are as large as the rest).
PARTS = {
    "network": lambda ds: {**payload.build(ds), "elements": network.elements(ds)},
    "table": state.rows,
}
_cache: dict[tuple[str, str, str], bytes] = {}  # (dataset, digest, part) -> JSON: one per dataset, build and part


def url(entry: Entry, part: str = "network") -> str:
    suffix = "" if part == "network" else f".{part}"
    return f"/view-data/{entry.name}/{entry.digest or 'current'}{suffix}.json"


def body(entry: Entry, part: str = "network") -> bytes:
    key = (entry.name, entry.digest, part)
    if key not in _cache:
        data = PARTS[part](entry.dataset)
        for old in [k for k in _cache if k[0] == entry.name and k[2] == part]:
            del _cache[old]
        _cache[key] = json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode()
    return _cache[key]


def register(server: flask.Flask) -> None:
    @server.route("/view-data/<name>/<digest>.json")
    def view_data(name: str, digest: str):
        digest, _, part = digest.partition(".")
        part = part or "network"
        reg = registry()
        if name not in reg.names or part not in PARTS:
            return {"error": "no such dataset"}, 404
        entry = reg.get(name)
        if not entry.ok:
            return {"error": "dataset unavailable"}, 503
        response = flask.Response(body(entry, part), mimetype="application/json")
        # The digest names the build: that URL's content never changes. An old digest (the data was rebuilt
        # since the page was rendered) gets today's data, not to be kept.
        response.headers["Cache-Control"] = ("public, max-age=31536000, immutable" if digest == entry.digest
                                             else "no-store")
        return response
