"""Warnings about the state the rows describe, found with the validity model
(core/validity.py): rows that run past a death, duplicates and contradictions
the sources leave open, memberships outside their group, deaths that only an
event records. Each says file:line:column and what to do, like `validate.py`."""
from __future__ import annotations

from collections import defaultdict

import pandas as pd

from .frames import typed
from .package import LINE, Package
from .schema import TABLES
from .validate import _col, split_list
from .validity import NEGATIVE, POSITIVE, with_validity

DEATH_EVENTS = ("death", "execution")


def _lines(pkg: Package, table: str) -> list[int]:
    return pkg.tables[table][LINE].tolist()


def _after_death(pkg: Package, frames: dict) -> None:
    """A recorded end (or an open one) after the death of someone the row involves."""
    people = frames["people"].set_index("person_id")
    for table, who in (("tenures", ("person_id",)), ("memberships", ("person_id",)), ("relations", ("a", "b"))):
        lines = _lines(pkg, table)
        for i, row in enumerate(frames[table].itertuples(index=False)):
            for col in who:
                pid = getattr(row, col)
                died_hi = people.at[pid, "died_hi"] if pid in people.index else pd.NA
                if pd.isna(died_hi):
                    continue
                line = lines[i]
                label = people.at[pid, "died_label"]
                if row.end_precision == "open":
                    pkg.warn(f"{table}.csv", line, _col(pkg, TABLES[table], "end"),
                             f"open end ('..') although {pid} died ({label})",
                             "give the end the sources give, or leave it empty: nothing is in force after a death")
                elif pd.notna(row.end_lo) and row.end_lo > died_hi:
                    pkg.warn(f"{table}.csv", line, _col(pkg, TABLES[table], "end"),
                             f"ends ({row.end_label}) after {pid} died ({label})",
                             "check the date or the person: the dashboard ends it at the death")
                elif table == "relations" and pd.notna(row.start_lo) and row.start_lo > died_hi:
                    pkg.warn(f"{table}.csv", line, _col(pkg, TABLES[table], "start"),
                             f"starts ({row.start_label}) after {pid} died ({label})",
                             "check the date or the person: nothing about a person is in force after their death")


def _relation_overlaps(pkg: Package, frames: dict) -> None:
    """The same pair and kind twice at once; an alliance cut by a rivalry when neither has an end."""
    rel = frames["relations"]
    lines = _lines(pkg, "relations")
    col = _col(pkg, TABLES["relations"], "start")
    seen: dict[tuple, list[tuple[int, int, str, int]]] = defaultdict(list)
    for i, r in enumerate(rel.itertuples(index=False)):
        if r.end_rule == "undated":
            continue
        key = (frozenset((r.a, r.b)), r.kind)
        for start, end, other, other_line in seen[key]:
            if max(start, r.v_start) <= min(end, r.v_end):
                pkg.warn("relations.csv", lines[i], col,
                         f"{r.relation_id} overlaps {other} (line {other_line}): the same people and kind at once",
                         "merge them, keeping both citations (locators joined by ';', quotes by ' ... '), "
                         "or give the first its end")
        seen[key].append((r.v_start, r.v_end, r.relation_id, lines[i]))
    ends = dict(zip(rel["relation_id"], rel["end_precision"]))
    for i, r in enumerate(rel.itertuples(index=False)):
        if r.end_rule == "superseded" and ends.get(r.end_by) == "unknown" and r.kind in POSITIVE | NEGATIVE:
            pkg.warn("relations.csv", lines[i], _col(pkg, TABLES["relations"], "end"),
                     f"{r.relation_id} ({r.kind}) has no end recorded and overlaps {r.end_by}, which has none either",
                     "give the end the sources give (the dashboard ends it where the other begins), "
                     "or explain it in the dataset's README")


def _memberships_outside_groups(pkg: Package, frames: dict) -> None:
    groups = frames["groups"].set_index("group_id")
    lines = _lines(pkg, "memberships")
    for i, m in enumerate(frames["memberships"].itertuples(index=False)):
        if m.group_id not in groups.index:
            continue
        g = groups.loc[m.group_id]
        if pd.notna(m.start_hi) and pd.notna(g.start_lo) and m.start_hi < g.start_lo:
            pkg.warn("memberships.csv", lines[i], _col(pkg, TABLES["memberships"], "start"),
                     f"starts ({m.start_label}) before {m.group_id} began ({g.start_label})",
                     "check the dates of the membership and of the group")
        if pd.notna(m.end_lo) and pd.notna(g.end_hi) and m.end_lo > g.end_hi:
            pkg.warn("memberships.csv", lines[i], _col(pkg, TABLES["memberships"], "end"),
                     f"ends ({m.end_label}) after {m.group_id} ended ({g.end_label})",
                     "check the dates of the membership and of the group")


def _deaths_only_in_events(pkg: Package, frames: dict) -> None:
    """A death or execution event none of whose people died then: the death is missing from people.csv.
    (Such an event may also name others, a murderer or mourners: one matching death is enough.)"""
    people = frames["people"].set_index("person_id")
    lines = _lines(pkg, "events")
    col = _col(pkg, TABLES["events"], "people")
    for i, e in enumerate(frames["events"].itertuples(index=False)):
        named = [p for p in split_list(e.people) if p in people.index and people.at[p, "kind"] == "person"]
        if e.kind not in DEATH_EVENTS or not named:
            continue
        lo, hi = e.date_lo, e.end_hi if pd.notna(e.end_hi) else e.date_hi
        deaths = [(people.at[p, "died_lo"], people.at[p, "died_hi"]) for p in named]
        if not any(pd.notna(d_lo) and d_lo <= hi and lo <= d_hi for d_lo, d_hi in deaths):
            missing = ", ".join(p for p in named if pd.isna(people.at[p, "died_lo"])) or ", ".join(named)
            article = "an" if e.kind[0] in "aeiou" else "a"
            pkg.warn("events.csv", lines[i], col,
                     f"{e.event_id} records {article} {e.kind} ({e.date_label}), but people.csv gives none of its people "
                     f"({missing}) a death then",
                     "fill died (or died_os) of the one who died, from the event's source")


def warn(pkg: Package) -> None:
    """Add the warnings to a package that has no errors."""
    frames = with_validity(typed(pkg))
    _after_death(pkg, frames)
    _relation_overlaps(pkg, frames)
    _memberships_outside_groups(pkg, frames)
    _deaths_only_in_events(pkg, frames)
