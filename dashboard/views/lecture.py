"""Lecture scenes: each sets the cursor date, the timeline window and the focus."""
from __future__ import annotations

import copy
import re

import pandas as pd

from ..core.validate import split_list
from .markup import markdown


def scenes(ds) -> list[dict]:
    """What the browser needs to step through the dataset's scenes without asking the server (worked out
    once per build; every page render asks for it, and each caller gets its own copy)."""
    if "scenes" not in ds.cache:
        ds.cache["scenes"] = _scenes(ds)
    return copy.deepcopy(ds.cache["scenes"])


def captions(ds) -> list[list]:
    """Each scene's caption as elements (markup.markdown), in scene order, worked out once per build."""
    if "captions" not in ds.cache:
        ds.cache["captions"] = [markdown(s["caption"]) for s in scenes(ds)]
    return ds.cache["captions"]


def _scenes(ds) -> list[dict]:
    sc = ds["scenes"]
    groups, relations = set(ds["groups"]["group_id"]), ds["relations"].set_index("relation_id")
    events = ds["events"].set_index("event_id")
    tenures = ds["tenures"].set_index("tenure_id")
    people = set(ds["people"]["person_id"])
    mem = ds["memberships"]
    out = []
    for n, row in enumerate(sc.itertuples(index=False), start=1):
        focus = split_list(row.focus)
        when = int(row.date_lo)
        focus_people, focus_relations, focus_events = set(), set(), set()
        for fid in focus:
            if fid in people:
                focus_people.add(fid)
            elif fid in groups:
                m = mem[mem["group_id"] == fid]
                live = m[(m["v_lo"] <= when) & (when <= m["v_hi"])]  # members at the scene's date
                focus_people |= set(live["person_id"] if not live.empty else m["person_id"])
            elif fid in relations.index:
                focus_relations.add(fid)
                focus_people |= {relations.at[fid, "a"], relations.at[fid, "b"]}
            elif fid in events.index:
                focus_events.add(fid)
                focus_people |= set(split_list(events.at[fid, "people"]))
            elif fid in tenures.index:
                focus_people.add(tenures.at[fid, "person_id"])
        out.append({
            "n": n, "id": row.scene_id, "title": row.title, "caption": row.caption,
            "day": when, "label": row.date_label,
            # The timeline window, first and last day (None: the default window).
            "start": int(row.window_start_lo) if pd.notna(row.window_start_lo) else None,
            "end": int(row.window_end_hi) if pd.notna(row.window_end_hi) else None,
            "people": sorted(focus_people), "relations": sorted(focus_relations), "events": sorted(focus_events),
        })
    return out


def scene_number(pathname: str | None, count: int) -> int | None:
    """`/scene/3` -> 3 (1-based), clamped to the scenes there are; None for other paths."""
    parts = [p for p in (pathname or "").split("/") if p]
    # ASCII digits only: "²".isdigit() is true, and int() refuses it.
    if len(parts) != 2 or parts[0] != "scene" or not re.fullmatch(r"[0-9]{1,9}", parts[1]) or count == 0:
        return None
    return min(max(int(parts[1]), 1), count)
