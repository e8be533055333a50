"""The state at a day: who held which office, who stood with whom, who belonged
to what, who was in the record. One set of rows, with the validity bounds of
core/validity.py, feeds the table view (shipped to the browser, which compares
the cursor's day with `lo`/`start`/`end`/`hi`) and the JSON API (`at`), so the
two cannot disagree. Every row of the table view names what its button opens
(`pick`: "tenure:<id>", "relation:<id>", "group:<id>", "event:<id>"), the same
detail a click in the views opens.
"""
from __future__ import annotations

import pandas as pd

from ..core import days
from ..core.validate import split_list
from ..core.validity import status
from .ending import endings, span

# The table view lists the events within this many days of the cursor, either side.
EVENT_WINDOW_DAYS = 365

# What the API lists per row; the table view gets these plus the bounds and display text.
API_FIELDS = {
    "offices": ("tenure_id", "office_id", "title", "person_id", "name", "status", "end_rule"),
    "relations": ("relation_id", "kind", "scope", "a", "a_name", "b", "b_name", "status", "end_rule"),
    "memberships": ("membership_id", "person_id", "name", "group_id", "group", "group_kind", "status"),
    "people": ("person_id", "name", "status"),
}


def _bounds(row) -> dict:
    # `dated`: the sources give its start (a row known only from its end did not begin at its first sure day).
    dated = getattr(row, "start_precision", "") not in ("unknown", "open")
    return {"lo": int(row.v_lo), "start": int(row.v_start), "end": int(row.v_end), "hi": int(row.v_hi),
            "dated": dated}


def rows(ds) -> dict[str, list[dict]]:
    """Every office held, relation, membership and person with its bounds, in reading order (cached per build)."""
    if "state_rows" in ds.cache:
        return ds.cache["state_rows"]
    names = ds["people"].set_index("person_id")["name"].to_dict()
    say = endings(ds)
    t = ds["tenures"].merge(ds["offices"][["office_id", "title", "rank"]], on="office_id", how="left")
    t = t.sort_values(["rank", "title", "v_lo", "tenure_id"], na_position="last", kind="stable")
    offices = [{"pick": f"tenure:{r.tenure_id}", "tenure_id": r.tenure_id, "office_id": r.office_id, "title": r.title, "person_id": r.person_id,
                "name": names.get(r.person_id, r.person_id), "end_rule": r.end_rule, "held": span(r),
                "ended": say.sentence("tenures", r._asdict()), **_bounds(r)}
               for r in t.itertuples(index=False)]
    rel = ds["relations"].sort_values(["v_lo", "relation_id"], kind="stable")
    relations = [{"pick": f"relation:{r.relation_id}", "relation_id": r.relation_id, "kind": r.kind, "scope": r.scope, "a": r.a,
                  "a_name": names.get(r.a, r.a), "b": r.b, "b_name": names.get(r.b, r.b),
                  "label": f"{names.get(r.a, r.a)} — {names.get(r.b, r.b)}: {r.kind}", "end_rule": r.end_rule,
                  "held": span(r), "ended": say.sentence("relations", r._asdict()), **_bounds(r)}
                 for r in rel.itertuples(index=False)]
    groups = ds["groups"].set_index("group_id")
    mem = ds["memberships"].sort_values(["group_id", "v_lo", "membership_id"], kind="stable")
    memberships = [{"pick": f"group:{r.group_id}", "membership_id": r.membership_id, "person_id": r.person_id, "name": names.get(r.person_id),
                    "group_id": r.group_id, "group": groups.at[r.group_id, "name"],
                    "group_kind": groups.at[r.group_id, "kind"], "end_rule": r.end_rule, "held": span(r),
                    "ended": say.sentence("memberships", r._asdict()), **_bounds(r)}
                   for r in mem.itertuples(index=False)]
    people = [{"person_id": r.person_id, "name": r.name, "died": r.died_label, "end_rule": r.end_rule, **_bounds(r)}
              for r in ds["people"].sort_values("name", kind="stable").itertuples(index=False)]
    ev = ds["events"].dropna(subset=["date_lo"]).sort_values(["date_lo", "event_id"], kind="stable")
    events = [{"pick": f"event:{r.event_id}", "event_id": r.event_id, "title": r.title, "when": r.date_label,
               "people": ", ".join(names.get(p, p) for p in split_list(r.people)), "lo": int(r.date_lo),
               "hi": int(r.end_hi if pd.notna(r.end_hi) else r.date_hi)}
              for r in ev.itertuples(index=False)]
    out = {"offices": offices, "relations": relations, "memberships": memberships, "people": people,
           "events": events, "event_window": EVENT_WINDOW_DAYS}
    ds.cache["state_rows"] = out
    return out


def at(ds, day: int) -> dict:
    """The API's `state`: the rows in force or uncertain at `day`, each with its `status`."""
    out: dict = {"dataset": "", "date": days.iso(day), "day": day}
    everything = rows(ds)
    for table in API_FIELDS:
        listed = []
        for row in everything[table]:
            s = status(row, day)
            if s:
                listed.append({k: (s if k == "status" else row[k]) for k in API_FIELDS[table]})
        out[table] = listed
    return out
