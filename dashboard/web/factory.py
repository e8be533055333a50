"""The Dash app: page, callbacks and routes, with everything served locally."""
from __future__ import annotations

import logging
from pathlib import Path

from dash import Dash

from .. import settings
from . import api, changes, cursor, datasets, dayaxis, exports, lecture, metrics, page, paths, protocol, viewdata, views
from .index_page import cache as cache_index_page
from .security import secure

ASSETS = settings.ROOT / "assets"
# Dash's default page, with the interface's language, and without its <footer> around the scripts (the page
# has one footer landmark of its own). The dataset's language goes on the page as it renders (page.py).
INDEX = """<!DOCTYPE html>
<html lang="en">
<head>{%metas%}<title>{%title%}</title>{%favicon%}{%css%}</head>
<body>{%app_entry%}{%config%}{%scripts%}{%renderer%}</body>
</html>"""
# The feature modules whose callbacks every app registers (web/callbacks.py).
FEATURES = (page, views, cursor, lecture, dayaxis, exports, changes, metrics, paths)

def create_app(dataset: str | Path | None = None, datasets_dir: str | Path | None = None) -> Dash:
    logging.basicConfig(level=settings.log_level(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    default = Path(dataset) if dataset else settings.dataset_path()
    more = Path(datasets_dir) if datasets_dir else (settings.datasets_dir() if not dataset else default.parent)
    datasets.configure(default, more)
    app = Dash(
        __name__, assets_folder=str(ASSETS), title="History timelines and networks", update_title=None,
        serve_locally=True, suppress_callback_exceptions=True, compress=True,
    )
    app.index_string = INDEX
    app.layout = page.layout
    for feature in FEATURES:
        feature.callbacks.register(app)
    entry = datasets.registry().get()
    if entry.ok:
        app.title = entry.dataset.title

    exports.register(app.server)
    api.register(app.server)
    viewdata.register(app.server)
    protocol.guard(app)

    @app.server.route("/healthz")
    def health():
        ok = datasets.registry().get().ok
        return ({"status": "ok" if ok else "dataset-error"}, 200 if ok else 503)

    @app.server.errorhandler(Exception)
    def no_traceback(error):
        # Whatever fails, the browser gets a plain message; the traceback goes to the log.
        code = getattr(error, "code", 500)
        if not isinstance(code, int) or code >= 500:
            logging.getLogger(__name__).exception("request failed")
            return {"error": "internal error"}, 500
        return {"error": getattr(error, "description", "bad request")}, code

    secure(app)
    cache_index_page(app)
    # Dash registers the callbacks on a process's first request and marks that done before it is, so
    # a fresh worker's concurrent first requests could find none (400). Do it now, before gunicorn forks.
    app.server.test_client().get("/healthz")
    if entry.ok:
        # Serialise the default dataset's view-data file now too: with --preload the workers share it,
        # instead of each building it on its first page load.
        viewdata.body(entry)
    return app



