"""Reading a data package folder: the descriptor and the CSV tables, as text.

Nothing here interprets values; it only reads cells with their line numbers
and reports what makes a file unreadable. Rules live in `validate.py`.
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .schema import TABLES

MAX_TABLE_BYTES = 25 * 1024 * 1024  # a table larger than this is refused, keeping a worker's memory bounded
MAX_CELL_CHARS = 5000
LINE = "_line"  # the column holding each row's line number in its CSV


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    column: int
    message: str
    hint: str = ""
    severity: str = "error"

    def __str__(self) -> str:
        kind = "" if self.severity == "error" else f"{self.severity}: "
        hint = f" — {self.hint}" if self.hint else ""
        return f"{self.file}:{self.line}:{self.column}: {kind}{self.message}{hint}"


@dataclass
class Package:
    path: Path
    descriptor: dict = field(default_factory=dict)
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)  # all cells as str, plus LINE
    problems: list[Problem] = field(default_factory=list)
    # (table, date column) -> one dates.Resolved (or None when unreadable) per row, filled by validate
    resolved: dict = field(default_factory=dict)
    headers: dict[str, list[str]] = field(default_factory=dict)  # each CSV's columns as written

    def error(self, file: str, line: int, column: int, message: str, hint: str = "") -> None:
        self.problems.append(Problem(file, line, column, message, hint))

    def warn(self, file: str, line: int, column: int, message: str, hint: str = "") -> None:
        self.problems.append(Problem(file, line, column, message, hint, "warning"))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def title(self) -> str:
        return str(self.descriptor.get("title") or self.path.name)


def _short(value: str, limit: int = 60) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"


def read_descriptor(pkg: Package) -> None:
    file = "datapackage.json"
    path = pkg.path / file
    if not path.is_file():
        pkg.error(file, 1, 1, "missing", f"run `python -m dashboard init {pkg.path}` to write one")
        return
    try:
        pkg.descriptor = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        pkg.error(file, 1, 1, "not UTF-8 text", "save it as UTF-8")
        return
    except json.JSONDecodeError as e:
        pkg.error(file, e.lineno, e.colno, f"not valid JSON ({e.msg})", "fix the JSON syntax at this position")
        return
    if not isinstance(pkg.descriptor, dict):
        pkg.error(file, 1, 1, "not a JSON object", "a data package descriptor is an object with a `resources` list")
        pkg.descriptor = {}
        return
    resources = pkg.descriptor.get("resources")
    declared = {r.get("name"): r for r in resources if isinstance(r, dict)} if isinstance(resources, list) else {}
    for name, table in TABLES.items():
        res = declared.get(name)
        if res is None:
            pkg.error(file, 1, 1, f"no resource named {name!r}",
                      f"run `python -m dashboard init {pkg.path}` to regenerate the descriptor")
            continue
        if res.get("path") != f"{name}.csv":
            pkg.error(file, 1, 1, f"resource {name!r} has path {res.get('path')!r}", f"set it to '{name}.csv'")
        schema = res.get("schema")
        if not isinstance(schema, dict) or not isinstance(schema.get("fields"), list):
            pkg.error(file, 1, 1, f"resource {name!r} schema must be an object with a fields list "
                      "(a schema file path is not supported)",
                      f"run `python -m dashboard init {pkg.path}` to regenerate the descriptor")
            continue
        fields = [f.get("name") for f in schema["fields"] if isinstance(f, dict)]
        if sorted(fields) != sorted(table.columns):
            missing = [c for c in table.columns if c not in fields]
            extra = [c for c in fields if c not in table.columns]
            pkg.error(file, 1, 1,
                      f"resource {name!r} schema does not match the format (missing {missing}, extra {extra})",
                      f"run `python -m dashboard init {pkg.path}` to regenerate the descriptor")


def _decode(pkg: Package, file: str, data: bytes) -> str | None:
    if data.startswith(b"\xef\xbb\xbf"):
        pkg.error(file, 1, 1, "file starts with a byte-order mark (BOM)",
                  "save it as UTF-8 without BOM (in LibreOffice: Text CSV, UTF-8; in Excel: CSV UTF-8 then remove the BOM)")
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        line_start = data.rfind(b"\n", 0, e.start) + 1
        column = len(data[line_start:e.start].decode("utf-8", errors="replace")) + 1
        pkg.error(file, line, column, f"not UTF-8 (byte 0x{data[e.start]:02x})",
                  "save the file as UTF-8 (it looks like Latin-1 or Windows-1252)")
        return None


def read_table(pkg: Package, name: str) -> pd.DataFrame | None:
    """Read `<name>.csv` as strings; None when it cannot be read at all."""
    table = TABLES[name]
    file = f"{name}.csv"
    path = pkg.path / file
    header_hint = "header: " + ",".join(table.columns)
    if not path.is_file():
        pkg.error(file, 1, 1, "file missing", f"create it with the {header_hint}")
        return None
    size = path.stat().st_size
    if size > MAX_TABLE_BYTES:
        pkg.error(file, 1, 1, f"file is {size / 1e6:.1f} MB, over the {MAX_TABLE_BYTES // (1024 * 1024)} MB limit",
                  "split the dataset or remove unused rows")
        return None
    text = _decode(pkg, file, path.read_bytes())
    if text is None:
        return None
    if not text.strip():
        pkg.error(file, 1, 1, "empty file", f"write the {header_hint}")
        return None
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except csv.Error as e:
        pkg.error(file, 1, 1, f"unreadable header ({e})", f"write the {header_hint}")
        return None
    header = [h.strip() for h in header]
    ok = True
    for col, h in enumerate(header, 1):
        if h not in table.columns:
            pkg.error(file, 1, col, f"unknown column ({_short(h)})", f"remove it or rename it; {header_hint}")
            ok = False
        elif header.index(h) != col - 1:
            pkg.error(file, 1, col, f"duplicate column ({h})", "keep one of the two")
            ok = False
    missing = [c for c in table.columns if c not in header]
    if missing:
        pkg.error(file, 1, len(header) + 1, f"missing column{'s' if len(missing) > 1 else ''} ({', '.join(missing)})",
                  f"add {'them' if len(missing) > 1 else 'it'} (cells may be empty); {header_hint}")
        ok = False
    if not ok:
        return None
    pkg.headers[name] = header
    rows: list[list[str]] = []
    lines: list[int] = []
    start = reader.line_num + 1
    try:
        for record in reader:
            if not record or (len(record) == 1 and record[0] == ""):
                start = reader.line_num + 1
                continue  # blank line
            if len(record) != len(header):
                col = min(len(record), len(header)) + 1
                pkg.error(file, start, col, f"row has {len(record)} cells, header has {len(header)}",
                          "check for a missing or extra comma, or an unquoted comma inside a cell")
            else:
                for col, cell in enumerate(record, 1):
                    if len(cell) > MAX_CELL_CHARS:
                        pkg.error(file, start, col, f"cell is {len(cell)} characters long, over {MAX_CELL_CHARS}",
                                  "shorten it: quotes should be short excerpts")
                rows.append(record)
                lines.append(start)
            start = reader.line_num + 1
    except csv.Error as e:
        pkg.error(file, start, 1, f"unreadable CSV ({e})", "check the quoting: a quote inside a cell is written twice (\"\")")
        return None
    frame = pd.DataFrame(rows, columns=header, dtype=str)[table.columns] if rows else pd.DataFrame(
        {c: pd.Series(dtype=str) for c in table.columns})
    frame = frame.apply(lambda s: s.str.strip()) if rows else frame
    frame[LINE] = pd.Series(lines, dtype="int64")
    return frame


def read_package(path: str | Path) -> Package:
    pkg = Package(Path(path))
    if not pkg.path.is_dir():
        pkg.error(str(pkg.path), 1, 1, "not a folder", "give the path of a dataset folder such as data/soviet")
        return pkg
    read_descriptor(pkg)
    for name in TABLES:
        frame = read_table(pkg, name)
        if frame is not None:
            pkg.tables[name] = frame
    return pkg
