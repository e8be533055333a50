"""Build: validated text tables -> typed, normalised Parquet tables.

`build()` writes `DIR/processed/` atomically (a temporary folder, then a
rename, under a file lock so several workers can start at once) and only when
`check` finds no errors. `load()` reads the processed tables, rebuilding them
first when they are missing or were built from other raw files.
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .frames import normalise
from .package import Package, Problem
from .schema import TABLES
from .validate import check

PROCESSED = "processed"
FORMAT_VERSION = 2  # bump when the processed layout changes, so old builds are rebuilt


class DatasetError(Exception):
    """A dataset that cannot be built; `problems` says why."""

    def __init__(self, path: Path, problems: list[Problem]):
        self.path, self.problems = path, problems
        errors = [p for p in problems if p.severity == "error"]
        super().__init__(f"{path}: {len(errors)} error(s); first: {errors[0] if errors else '?'}")


@dataclass
class Dataset:
    path: Path
    title: str
    description: str
    descriptor: dict
    frames: dict[str, pd.DataFrame] = field(default_factory=dict)
    # What views derive once per loaded build (state rows, sentences): dropped with the dataset.
    cache: dict = field(default_factory=dict, repr=False, compare=False)

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.frames[name]


CORE = Path(__file__).resolve().parent


def raw_digest(path: Path) -> str:
    """A fingerprint of everything the build reads, and of the code that builds it."""
    h = hashlib.sha256(f"format {FORMAT_VERSION}\n".encode())
    for source in sorted(CORE.glob("*.py")):
        h.update(source.read_bytes())
    for name in ["datapackage.json"] + [f"{t}.csv" for t in TABLES]:
        p = path / name
        h.update(name.encode() + b"\0")
        h.update(p.read_bytes() if p.is_file() else b"<missing>")
    return h.hexdigest()


def _write(frames: dict[str, pd.DataFrame], folder: Path, digest: str) -> None:
    for name, frame in frames.items():
        table = pa.Table.from_pandas(frame, preserve_index=False)
        pq.write_table(table, folder / f"{name}.parquet", compression="zstd")
    (folder / "manifest.json").write_text(json.dumps({"format": FORMAT_VERSION, "raw": digest}, indent=1) + "\n")


@contextmanager
def _lock(path: Path, mode: int = fcntl.LOCK_EX):
    """Builders hold it exclusively, readers shared: a reader never sees a half-swapped folder."""
    with open(path / ".build.lock", "a") as fh:
        fcntl.flock(fh, mode)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def build(path: str | Path) -> Package:
    """Validate and, when there are no errors, write DIR/processed atomically."""
    path = Path(path)
    pkg = check(path)
    if pkg.errors:
        return pkg
    digest = raw_digest(path)
    frames = normalise(pkg)
    with _lock(path):
        tmp = Path(tempfile.mkdtemp(prefix=".processed-", dir=path))
        try:
            _write(frames, tmp, digest)
            target = path / PROCESSED
            old = None
            if target.exists():
                old = path / f".processed-old-{os.getpid()}"
                os.replace(target, old)
            os.replace(tmp, target)
            if old:
                shutil.rmtree(old, ignore_errors=True)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    return pkg


def is_fresh(path: Path) -> bool:
    manifest = path / PROCESSED / "manifest.json"
    try:
        return json.loads(manifest.read_text()).get("raw") == raw_digest(path)
    except (OSError, ValueError):
        return False


def load(path: str | Path) -> Dataset:
    """Processed tables of a dataset, built first when missing or stale."""
    path = Path(path)
    if not is_fresh(path):
        pkg = build(path)
        if pkg.errors:
            raise DatasetError(path, pkg.problems)
    return load_processed(path)


def load_processed(path: Path) -> Dataset:
    """The processed tables as they are on disk, fresh or not."""
    descriptor = json.loads((path / "datapackage.json").read_text(encoding="utf-8"))
    with _lock(path, fcntl.LOCK_SH):
        frames = {p.stem: pd.read_parquet(p) for p in sorted((path / PROCESSED).glob("*.parquet"))}
    return Dataset(path, str(descriptor.get("title") or path.name), str(descriptor.get("description") or ""),
                   descriptor, frames)
