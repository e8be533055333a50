"""The read-only JSON API: the same state the page shows, for scripts, notebooks
and tests (docs/api.md). Built by the same functions as the table view
(views/state.py); a bad parameter answers 400 with what to write instead."""
from __future__ import annotations

import json
from functools import lru_cache

import flask

from ..core import days
from ..core.dates import DateError, resolve
from ..views import changes, metrics, state
from . import payload
from .datasets import registry

MAX_PARAM = 200
DATES = ("date", "from", "to")  # the parameters that take a date
DATE_HINT = "write it as an EDTF day, month or year, e.g. 1927-11-15, 1927-11 or 1927"


class BadRequest(Exception):
    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status


def _arg(name: str, required: bool = True) -> str:
    value = flask.request.args.get(name, "").strip()
    if len(value) > MAX_PARAM:
        raise BadRequest(f"'{name}' is too long: {DATE_HINT}" if name in DATES else f"'{name}' is too long")
    if required and not value:
        names = ", ".join(registry().names)
        hint = DATE_HINT if name in DATES else f"one of: {names}"
        raise BadRequest(f"'{name}' is required: {hint}")
    return value


def _entry():
    reg = registry()
    name = _arg("dataset", required=False) or reg.names[0]
    if name not in reg.names:
        raise BadRequest(f"no dataset called {name!r}: use one of {', '.join(reg.names)} (GET /api/datasets)", 404)
    entry = reg.get(name)
    if not entry.ok:
        raise BadRequest(f"dataset {name!r} has errors: run `python -m dashboard check` on it", 503)
    return entry


def day_of(text: str, name: str = "date") -> int:
    """The first day an EDTF day, month or year names (what the page's date cursor does too)."""
    try:
        value = resolve(text)
    except DateError as e:
        raise BadRequest(f"'{name}={text}' is not a date ({e}): {DATE_HINT}") from None
    if value.lo is None or value.precision not in ("day", "month", "year"):
        raise BadRequest(f"'{name}={text}' is not a day, month or year: {DATE_HINT}")
    return value.lo


@lru_cache(maxsize=2048)
def _state_body(name: str, digest: str, day: int) -> bytes:
    """One answer per dataset build and day (the digest names the build: a rebuild is a new key)."""
    entry = registry().get(name)
    body = {**state.at(entry.dataset, day), "dataset": name}
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()


@lru_cache(maxsize=2048)
def _changes_body(name: str, digest: str, start: int, stop: int) -> bytes:
    entry = registry().get(name)
    body = {"dataset": name, **changes.between(entry.dataset, start, stop)}
    for side in ("began", "ended"):
        body[side] = [{k: v for k, v in item.items() if k not in changes.PAGE_ONLY} for item in body[side]]
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()


def _json(body: bytes, etag: str) -> flask.Response:
    response = flask.Response(body, mimetype="application/json")
    response.set_etag(etag)
    response.headers["Cache-Control"] = "public, max-age=300"
    return response.make_conditional(flask.request)


def register(server: flask.Flask) -> None:
    @server.errorhandler(BadRequest)
    def bad_request(error: BadRequest):
        return {"error": str(error)}, error.status

    @server.route("/api/datasets")
    def api_datasets():
        reg = registry()
        out = []
        for name in reg.names:
            entry = reg.get(name)
            item = {"name": name, "title": entry.dataset.title if entry.ok else name, "ok": entry.ok,
                    "default": name == reg.names[0]}
            if entry.ok:
                lo, hi = payload.bounds(entry.dataset)
                item["period"] = {"start": days.iso(lo), "end": days.iso(hi)}
            out.append(item)
        return {"datasets": out}

    @server.route("/api/state")
    def api_state():
        entry = _entry()
        when = day_of(_arg("date"))
        return _json(_state_body(entry.name, entry.digest, when), f"{entry.digest}-{when}")

    @server.route("/api/changes")
    def api_changes():
        entry = _entry()
        start, stop = day_of(_arg("from"), "from"), day_of(_arg("to"), "to")
        return _json(_changes_body(entry.name, entry.digest, start, stop), f"{entry.digest}-{start}-{stop}")

    @server.route("/api/metrics")
    def api_metrics():
        entry = _entry()
        pid = _arg("person")
        names = entry.dataset["people"].set_index("person_id")["name"]
        if pid not in names.index:
            raise BadRequest(f"no person {pid!r} in {entry.name}: use a person_id (GET /api/state lists them)", 404)
        found = metrics.metrics(entry.dataset)
        body = {"dataset": entry.name, "person": pid, "name": names[pid], "sampled": found["sampled"],
                "points": metrics.person(entry.dataset, pid),
                "factions": [{"date": days.iso(d), "day": d, "factions": n}
                             for d, n in zip(found["days"], found["factions"])],
                "communities": [{"id": c["id"], "from": days.iso(c["first"]),
                                 "to": days.iso(c["last"]) if c["last"] is not None else None,
                                 "members": [{"person_id": p, "name": names.get(p, p)} for p in c["members"]]}
                                for c in found["communities"]]}
        return _json(json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode(), f"{entry.digest}-{pid}")
