"""The Dash app: page, callbacks and routes, with everything served locally."""
from __future__ import annotations

import logging
from pathlib import Path


from dash import Dash

from .. import settings
from . import datasets, page

ASSETS = settings.ROOT / "assets"


def create_app(dataset: str | Path | None = None, datasets_dir: str | Path | None = None) -> Dash:
    logging.basicConfig(level=settings.log_level(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    default = Path(dataset) if dataset else settings.dataset_path()
    more = Path(datasets_dir) if datasets_dir else (settings.datasets_dir() if not dataset else default.parent)
    datasets.configure(default, more)
    # Feature modules register their callbacks with dash.callback on import.
    from . import cursor, views  # noqa: F401

    app = Dash(
        __name__, assets_folder=str(ASSETS), title="History timelines and networks", update_title=None,
        serve_locally=True, suppress_callback_exceptions=True, compress=False,
    )
    app.layout = page.layout
    entry = datasets.registry().get()
    if entry.ok:
        app.title = entry.dataset.title

    @app.server.route("/healthz")
    def health():
        ok = datasets.registry().get().ok
        return ({"status": "ok" if ok else "dataset-error"}, 200 if ok else 503)

    return app



