"""Settings from environment variables, with safe defaults for production."""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"


def dataset_path() -> Path:
    return Path(os.environ.get("DASHBOARD_DATA", DATA / "soviet"))


def datasets_dir() -> Path:
    """Where the dataset switcher looks for more datasets."""
    return Path(os.environ.get("DASHBOARD_DATASETS", DATA))


def debug() -> bool:
    return os.environ.get("DASHBOARD_DEBUG", "").lower() in ("1", "true", "yes")


def log_level() -> str:
    return os.environ.get("LOG_LEVEL", "INFO").upper()


def frame_ancestors() -> list[str]:
    """Origins allowed to embed the dashboard in a frame (e.g. a learning platform)."""
    value = os.environ.get("DASHBOARD_FRAME_ANCESTORS", "'self'")
    return value.split()


def force_https() -> bool:
    """Redirect to HTTPS and send HSTS; off by default because PaaS routers terminate TLS themselves."""
    return os.environ.get("DASHBOARD_FORCE_HTTPS", "").lower() in ("1", "true", "yes")
