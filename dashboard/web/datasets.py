"""The datasets this server offers, loaded once per worker.

A dataset that fails to build is not fatal: if an earlier good build exists
it is served with a warning, otherwise the page shows the problems.
"""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .. import settings
from ..core.build import PROCESSED, Dataset, DatasetError, is_fresh, load, load_processed, raw_digest

log = logging.getLogger(__name__)


@dataclass
class Entry:
    name: str
    path: Path
    dataset: Dataset | None = None
    problems: list = field(default_factory=list)
    stale: bool = False  # serving the last good build after a failed rebuild
    digest: str = ""  # the raw files this entry was loaded from

    @property
    def ok(self) -> bool:
        return self.dataset is not None


class Registry:
    def __init__(self, default: Path, more: Path | None = None):
        self.default = default.resolve()
        paths = {self.default.name: self.default}
        if more and more.is_dir():
            for p in sorted(more.iterdir()):
                if (p / "datapackage.json").is_file() and p.name not in paths:
                    paths[p.name] = p.resolve()
        self.paths = paths
        self.entries: dict[str, Entry] = {}

    @property
    def names(self) -> list[str]:
        return list(self.paths)

    def title(self, name: str) -> str:
        """A dataset's title from its datapackage.json (without loading it), else its folder name."""
        try:
            title = json.loads((self.paths[name] / "datapackage.json").read_text(encoding="utf-8")).get("title")
        except (OSError, ValueError, AttributeError):
            title = None
        return str(title) if title else name

    def get(self, name: str = "") -> Entry:
        name = name if name in self.paths else self.default.name
        entry = self.entries.get(name)
        # A dataset shown with errors is read again once its files change: "fix and reload" works.
        if entry is None or ((not entry.ok or entry.stale) and not is_fresh(entry.path)
                             and raw_digest(entry.path) != entry.digest):
            entry = self.entries[name] = self._load(name, self.paths[name])
        return entry

    def _load(self, name: str, path: Path) -> Entry:
        digest = raw_digest(path)
        try:
            return Entry(name, path, load(path), digest=digest)
        except DatasetError as e:
            log.error("dataset %s has %d problem(s); first: %s", path, len(e.problems), e)
            if (path / PROCESSED / "manifest.json").is_file():
                return Entry(name, path, load_processed(path), e.problems, stale=True, digest=digest)
            return Entry(name, path, None, e.problems, digest=digest)
        except (OSError, ValueError, pd.errors.ParserError) as e:  # unreadable processed files
            log.exception("dataset %s could not be loaded", path)
            return Entry(name, path, None, [str(e)])


_registry: Registry | None = None


def registry() -> Registry:
    global _registry
    if _registry is None:
        _registry = Registry(settings.dataset_path(), settings.datasets_dir())
    return _registry


def configure(default: Path, more: Path | None = None) -> Registry:
    global _registry
    _registry = Registry(default, more)
    return _registry
