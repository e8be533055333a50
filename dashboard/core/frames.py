"""Typed frames from a validated package: what every later stage reads.

Dates become day numbers (`days.py`): each date column `X` keeps its text and
gains `X_lo`, `X_hi` (earliest and latest possible day, nullable integers),
`X_precision`, `X_approx` and `X_label`. Then the derived tables are added: the
validity of every row (`validity.py`) and the network layout (`derived.py`).
"""
from __future__ import annotations

import pandas as pd

from . import derived, validity
from .package import LINE, Package
from .schema import DATE_COLUMNS, TABLES


def _date_columns(pkg: Package, name: str, frame: pd.DataFrame) -> pd.DataFrame:
    for col in DATE_COLUMNS[name]:
        values = pkg.resolved[(name, col)]
        frame[f"{col}_lo"] = pd.array([v.lo if v else None for v in values], dtype="Int64")
        frame[f"{col}_hi"] = pd.array([v.hi if v else None for v in values], dtype="Int64")
        frame[f"{col}_precision"] = [v.precision if v else "unknown" for v in values]
        frame[f"{col}_approx"] = [bool(v and v.approx) for v in values]
        frame[f"{col}_label"] = [v.label if v else "" for v in values]
    return frame


def typed(pkg: Package) -> dict[str, pd.DataFrame]:
    """The package's tables with typed cells and dates as day numbers, rows in file order."""
    out: dict[str, pd.DataFrame] = {}
    for name, raw in pkg.tables.items():
        table = TABLES[name]
        frame = raw.drop(columns=[LINE]).reset_index(drop=True)
        for f in table.fields:
            if f.type == "integer":
                frame[f.name] = pd.to_numeric(frame[f.name].replace("", None)).astype("Int64")
            elif f.type == "boolean" and f.name != "directed":
                frame[f.name] = frame[f.name] == "true"
        out[name] = _date_columns(pkg, name, frame)
    people = out["people"]
    people["kind"] = people["kind"].replace("", "person")
    rel = out["relations"]
    rel["directed"] = [d == "true" if d else k in ("patronage", "repression") for d, k in zip(rel["directed"], rel["kind"])]
    rel["scope"] = [s or ("personal" if k == "family" else "party") for s, k in zip(rel["scope"], rel["kind"])]
    return out


def normalise(pkg: Package) -> dict[str, pd.DataFrame]:
    """Typed frames from a validated package (all checks passed), with validity and layout."""
    out = validity.with_validity(typed(pkg))
    out["scenes"] = out["scenes"].sort_values(["order", "scene_id"], kind="stable").reset_index(drop=True)
    out["positions"] = derived.positions(out)
    return out
