"""What changed between two days: the offices taken and lost, relations begun and ended, memberships begun
and ended, and deaths. One list, from the state rows (views/state.py, with core/validity.py's bounds), for
the change panel and `GET /api/changes`, so the two cannot disagree.

A row *began* in (from, to] when the first day it is surely in force falls there and the sources give its
start (a row known only from its end did not begin then). It *ended* in [from, to) when its last sure day
falls there; a row that nothing ends (no end recorded, last attested) ends when its uncertain margin does
and the views stop drawing it. Each item says which (`end_rule`, and `how` in words). Going back (to <
from), what began is what ended and the other way round, as the views show it when the cursor goes back.
"""
from __future__ import annotations

from ..core import days
from .state import rows

TABLES = {"offices": "tenure_id", "relations": "relation_id", "memberships": "membership_id"}


def _describe(table: str, row: dict) -> str:
    if table == "offices":
        return f"{row['name']}: {row['title']}"
    if table == "relations":
        return row["label"]
    return f"{row['name']} in {row['group']}"


# What the page needs besides what the API gives: the row's button (`pick`) and who it involves.
PAGE_ONLY = ("pick", "people")


def _people(table: str, row: dict) -> list[str]:
    return [row["a"], row["b"]] if table == "relations" else [row["person_id"]]


def _item(table: str, row: dict, day: int) -> dict:
    return {"table": table, "id": row[TABLES[table]], "date": days.iso(day), "day": day,
            "description": _describe(table, row), "held": row["held"], "end_rule": row["end_rule"],
            "how": row["ended"], "pick": row["pick"], "people": _people(table, row)}


def _end(row: dict) -> int | None:
    """The day a row ends: its last sure day when something ends it (a source, a death, a successor, an
    opposing relation, its group); the day the views stop drawing it when nothing does (last attested); None
    when it goes on past the record."""
    if row["end_rule"] == "open":
        return None
    return row["hi"] if row["end_rule"] in ("last attested", "members", "undated") else row["end"]


def between(ds, start: int, stop: int) -> dict:
    """`{"from", "to", "began", "ended"}` between two days, each list in date order."""
    lo, hi = min(start, stop), max(start, stop)
    began, ended = [], []
    everything = rows(ds)
    for table in TABLES:
        for row in everything[table]:
            if row["start"] > row["end"]:  # never surely in force (no dates at all): it neither begins nor ends
                continue
            if row["dated"] and lo < row["start"] <= hi:
                began.append(_item(table, row, row["start"]))
            end = _end(row)
            if end is not None and lo <= end < hi:
                ended.append(_item(table, row, end))
    for person in everything["people"]:
        if person["end_rule"] == "death" and lo <= person["end"] < hi:
            ended.append({"table": "people", "id": person["person_id"], "date": days.iso(person["end"]),
                          "day": person["end"], "description": f"Death of {person['name']}", "held": person["died"],
                          "end_rule": "death", "how": "", "pick": f"person:{person['person_id']}",
                          "people": [person["person_id"]]})
    order = lambda item: (item["day"], item["table"], item["id"])  # noqa: E731
    began.sort(key=order)
    ended.sort(key=order)
    if stop < start:  # going back: what began going forward is undone, and what ended comes back
        began, ended = ended, began
    return {"from": days.iso(start), "to": days.iso(stop), "began": began, "ended": ended}


def marks(found: dict) -> dict[str, list[str]]:
    """What the views mark for a moment: the network's nodes and edges, the timeline's tenure bars."""
    items = found["began"] + found["ended"]
    return {"nodes": sorted({p for i in items for p in i["people"]}),
            "edges": sorted({f"rel::{i['id']}" for i in items if i["table"] == "relations"}),
            "tenures": sorted({i["id"] for i in items if i["table"] == "offices"})}
