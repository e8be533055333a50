"""Export: the data in view as a ZIP of CSV tables with their citations, safe for spreadsheets."""
from __future__ import annotations

import io
import zipfile

import pandas as pd

from ..core.days import NEVER
from ..core.validate import split_list

# OWASP CSV injection: a cell starting with one of these is read as a formula by spreadsheets.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """Prefix formula-looking text with a single quote, so a spreadsheet shows it as text."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _meets(lo: pd.Series, hi: pd.Series, start: int, end: int) -> pd.Series:
    return (lo.fillna(start) <= end) & (hi.fillna(end) >= start)


def view_tables(ds, start: int | None = None, end: int | None = None) -> dict[str, pd.DataFrame]:
    """Rows in force or uncertain at some day of the window [start, end] (day numbers; None: the whole
    record), the people they involve, and the sources they cite."""
    start = -NEVER if start is None else start
    end = NEVER if end is None else end

    def live(name: str) -> pd.DataFrame:
        f = ds[name]
        return f[_meets(f["v_lo"], f["v_hi"], start, end)]

    tenures, memberships, relations = live("tenures"), live("memberships"), live("relations")
    ev = ds["events"]
    events = ev[_meets(ev["date_lo"], ev["end_hi"].fillna(ev["date_hi"]), start, end)]
    involved = set(tenures["person_id"]) | set(memberships["person_id"]) | set(relations["a"]) | set(relations["b"])
    for ps in events["people"]:
        involved |= set(split_list(ps))
    people = ds["people"][ds["people"]["person_id"].isin(involved)]
    targets = {f"{name}:{rid}" for name, frame in (("tenures", tenures), ("relations", relations),
                                                  ("events", events), ("people", people),
                                                  ("memberships", memberships))
               for rid in frame.iloc[:, 0]}
    claims = ds["claims"][ds["claims"]["target"].isin(targets)]
    tables = {"people": people, "tenures": tenures, "memberships": memberships, "relations": relations,
              "events": events, "claims": claims}
    cited = set().union(*(set(f["source_id"]) for f in tables.values()))
    tables["sources"] = ds["sources"][ds["sources"]["source_id"].isin(cited)]
    tables["offices"] = ds["offices"][ds["offices"]["office_id"].isin(set(tenures["office_id"]))]
    tables["groups"] = ds["groups"][ds["groups"]["group_id"].isin(set(memberships["group_id"]))]
    return tables


def _readable(frame: pd.DataFrame) -> pd.DataFrame:
    """Keep what a reader needs: raw columns, human date labels, citations, how a row ended; drop day
    numbers (`end_rule`/`end_by` say in words and ids what v_end is)."""
    drop = [c for c in frame.columns if c.endswith(("_lo", "_hi", "_approx", "_precision"))
            or c in ("v_start", "v_end")]
    return frame.drop(columns=drop)


def zip_bytes(tables: dict[str, pd.DataFrame], readme: str, excel: bool = False, prefix: str = "") -> bytes:
    """The tables as `{prefix}{table}.csv` in a ZIP. `excel`: UTF-8 with a byte-order mark and CRLF line
    ends, which Excel needs to read UTF-8 (Cyrillic, accents) instead of guessing a code page."""
    buf = io.BytesIO()
    encoding, end = ("utf-8-sig", "\r\n") if excel else ("utf-8", "\n")
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(f"{prefix}README.txt", readme.replace("\n", end).encode(encoding))
        for name, frame in tables.items():
            safe = _readable(frame).map(neutralise)
            z.writestr(f"{prefix}{name}.csv", safe.to_csv(index=False, lineterminator=end).encode(encoding))
    return buf.getvalue()
