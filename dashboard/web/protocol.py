"""Reject malformed callback requests with a 400 before Dash sees them.

Dash trusts the shape of `/_dash-update-component` bodies (a hand-made request with a
missing key or a wrong type raises inside Dash); the browser never sends such bodies,
so anything else is answered 400 here.
"""
from __future__ import annotations

import logging

import flask
from dash import Dash
from dash.exceptions import DependencyException

log = logging.getLogger(__name__)
MAX_BODY = 2 * 1024 * 1024  # the largest callback body the page sends is a few kB


def _prop(item) -> bool:
    return isinstance(item, dict) and isinstance(item.get("property"), str) and isinstance(item.get("id"), (str, dict))


def _props(items) -> bool:
    # Pattern-matching (ALL) inputs arrive as a list of such dicts.
    return isinstance(items, list) and all(_prop(i) or (isinstance(i, list) and all(_prop(j) for j in i)) for i in items)


def _declared_outputs(key: str) -> list[str]:
    """`a.b` or `..a.b...c.d..` (each maybe with an `@hash` of allow_duplicate) -> ["a.b", "c.d"]."""
    parts = key[2:-2].split("...") if key.startswith("..") else [key]
    return [p.split("@", 1)[0] for p in parts]


def _sent_outputs(outputs) -> list[str]:
    items = outputs if isinstance(outputs, list) else [outputs]
    return [f"{o['id']}.{o['property'].split('@', 1)[0]}" if isinstance(o, dict) and isinstance(o["id"], str) else "?"
            for o in items]


def problem(app: Dash, body) -> str | None:
    """What is wrong with a callback request body, or None when it has the shape Dash expects."""
    if not isinstance(body, dict):
        return "the body must be a JSON object"
    output = body.get("output")
    if not isinstance(output, str) or output not in app.callback_map:
        return "unknown output"
    outputs = body.get("outputs")
    if not (_prop(outputs) or (isinstance(outputs, list) and _props(outputs))):
        return "malformed outputs"
    if _declared_outputs(output) != _sent_outputs(outputs):
        return "outputs do not match the callback"
    spec = app.callback_map[output]
    for key in ("inputs", "state"):
        items = body.get(key, [])
        if not _props(items) or len(items) != len(spec.get(key, [])):
            return f"malformed {key}"
    changed = body.get("changedPropIds", [])
    if not isinstance(changed, list) or not all(isinstance(c, str) for c in changed):
        return "malformed changedPropIds"
    return None


def guard(app: Dash) -> None:
    server = app.server
    server.config["MAX_CONTENT_LENGTH"] = MAX_BODY

    @server.before_request
    def check_callback_request():
        if flask.request.method == "POST" and flask.request.path.endswith("/_dash-update-component"):
            try:
                body = flask.request.get_json(silent=True)
            except RecursionError:
                body = None
            reason = problem(app, body)
            if reason:
                log.info("rejected a callback request: %s", reason)
                return {"error": f"bad callback request: {reason}"}, 400
        return None

    @server.errorhandler(DependencyException)
    def missing_file(_error):
        return {"error": "not found"}, 404

    @server.errorhandler(RecursionError)
    def too_deep(_error):
        return {"error": "bad request: nested too deeply"}, 400
