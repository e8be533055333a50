"""Export: the data in view as a ZIP of CSV tables with their citations, safe for spreadsheets."""
from __future__ import annotations

import io
import zipfile

import pandas as pd

from ..core.validate import split_list

# OWASP CSV injection: a cell starting with one of these is read as a formula by spreadsheets.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """Prefix formula-looking text with a single quote, so a spreadsheet shows it as text."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _overlaps(frame: pd.DataFrame, lo: str, hi: str, start: pd.Timestamp, end: pd.Timestamp) -> pd.Series:
    a = frame[lo].fillna(pd.Timestamp.min)
    b = frame[hi].fillna(pd.Timestamp.max)
    return (a <= end) & (b >= start)


def view_tables(ds, start: pd.Timestamp | None = None, end: pd.Timestamp | None = None) -> dict[str, pd.DataFrame]:
    """Rows whose span meets the window, the people they involve, and the sources they cite."""
    start = start if start is not None else pd.Timestamp.min
    end = end if end is not None else pd.Timestamp.max
    t = ds["tenures"]
    tenures = t[_overlaps(t.assign(e=t["end_hi"].where(t["end_precision"] != "open", pd.Timestamp.max)),
                          "start_lo", "e", start, end)]
    memberships = ds["memberships"][_overlaps(ds["memberships"], "start_lo", "end_hi", start, end)]
    relations = ds["relations"][_overlaps(ds["relations"], "start_lo", "end_hi", start, end)]
    ev = ds["events"]
    events = ev[_overlaps(ev.assign(e=ev["end_hi"].fillna(ev["date_hi"])), "date_lo", "e", start, end)]
    involved = set(tenures["person_id"]) | set(memberships["person_id"]) | set(relations["a"]) | set(relations["b"])
    for ps in events["people"]:
        involved |= set(split_list(ps))
    people = ds["people"][ds["people"]["person_id"].isin(involved)]
    targets = {f"{name}:{rid}" for name, frame in (("tenures", tenures), ("relations", relations),
                                                  ("events", events), ("people", people))
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
    """Keep what a reader needs: raw columns, human date labels, citations; drop derived bounds."""
    drop = [c for c in frame.columns if c.endswith(("_lo", "_hi", "_approx", "_precision"))
            or c in ("active_lo", "active_hi", "last_seen")]
    out = frame.drop(columns=drop)
    for col in [c for c in out.columns if pd.api.types.is_datetime64_any_dtype(out[c])]:
        out = out.drop(columns=[col])
    return out


def zip_bytes(tables: dict[str, pd.DataFrame], readme: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("README.txt", readme)
        for name, frame in tables.items():
            safe = _readable(frame).map(neutralise)
            z.writestr(f"{name}.csv", safe.to_csv(index=False))
    return buf.getvalue()
