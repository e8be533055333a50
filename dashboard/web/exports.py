"""The data-export route: the tables in view as a ZIP of CSV files with their citations."""
from __future__ import annotations

import datetime as dt

import flask

from ..core.dates import resolve
from ..views.export import view_tables, zip_bytes
from .datasets import registry
from .state import parse


def register(server: flask.Flask) -> None:
    @server.route("/export/data.zip")
    def export_data():
        reg = registry()
        entry = reg.get(flask.request.args.get("dataset", ""))
        if not entry.ok:
            return {"error": "dataset unavailable"}, 503
        ds = entry.dataset
        state, _ = parse(flask.request.args.to_dict(), reg.names)
        start = resolve(state.start).lo if state.start else None
        end = resolve(state.end).hi if state.end else None
        readme = (f"{ds.title}\nExported {dt.date.today().isoformat()} from {flask.request.url}\n"
                  f"Window: {state.start or 'all'} to {state.end or 'all'}\n"
                  "Every row carries source_id, locator (line numbers) and a verbatim quote; sources.csv "
                  "lists the sources and their licences. Cells that a spreadsheet would read as a formula "
                  "start with a ' (OWASP CSV injection).\n")
        body = zip_bytes(view_tables(ds, start, end), readme)
        name = f"{entry.name}-{state.start or 'all'}-{state.end or 'all'}.zip"
        return flask.Response(body, mimetype="application/zip",
                              headers={"Content-Disposition": f'attachment; filename="{name}"'})
