"""When each row is in force: the one validity model every view reads.

For every person, tenure, relation, group and membership, four day numbers
(`days.py`) and the rule that ended it:

    v_lo     the first day it may be in force
    v_start  the first day it is surely in force
    v_end    the last day it is surely in force
    v_hi     the last day it may be in force
    end_rule how it ended (below); end_by: the row or person that ended it

At day d a row is *in force* when v_start <= d <= v_end, *uncertain* when
v_lo <= d <= v_hi otherwise, and gone (not listed) outside [v_lo, v_hi]. A row
that is never in force (it would begin after a death) has v_lo > v_hi.
The timeline, the network, the table view, the exports and the API compare
days with these bounds and decide nothing else.

When the sources give no end (docs/data-format.md, "When a row ends"):
- nothing about a person is in force after their death (`death`): a death
  cuts a row, it never makes one last longer;
- a tenure ends when the next holder of the same office takes it, unless the
  office is `concurrent` (`successor`);
- a relation ends when a later relation of the opposing kind begins between
  the same two people (`superseded`);
- a membership ends no later than its group (`group`); a group without an
  end lasts while it has members (`members`);
- otherwise the row is in force up to the last day a source places it (its
  start, an event whose `about` lists it, a claim about it) and uncertain for
  MARGIN days after that (`last attested`); then it is gone. A row known only
  by its end is in force from the first day a source places it, uncertain for
  MARGIN days before.
A recorded end is `source`; `..` is `open` (it runs to the end of the record);
a row with no date at all is `undated`: uncertain while its people are (and,
for a membership, while its group is).

A person's span covers their rows' (`_cover`): no view lists a row without its
people. A birth bounds their rows instead.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import pandas as pd

from . import dates
from .days import NEVER
from .validate import split_list

MARGIN = 730  # days (two years) a row without a recorded end stays uncertain after it was last attested
POSITIVE = frozenset({"alliance", "patronage", "agreement"})
NEGATIVE = frozenset({"rivalry", "repression"})
IN_FORCE, UNCERTAIN = "in force", "uncertain"
BOUNDS = ("v_lo", "v_start", "v_end", "v_hi")
KEYS = {"tenures": "tenure_id", "relations": "relation_id", "memberships": "membership_id", "groups": "group_id",
        "people": "person_id"}


@dataclass
class Span:
    lo: int
    start: int
    end: int
    hi: int
    rule: str = "source"
    by: str = ""

    def cap(self, end: int | None, hi: int | None, rule: str, by: str) -> None:
        """Nothing after (end, hi): a death or a group's end. It cuts and never extends; the rule changes only
        if the sure part is cut. A row that would begin after the cut is never in force."""
        if end is None:
            return
        hi = end if hi is None else hi
        if end < self.end:
            self.end, self.rule, self.by = end, rule, by
        self.hi = min(self.hi, hi)
        self.end = min(self.end, self.hi)
        if self.hi < self.lo:
            self.lo, self.start, self.end, self.hi = NEVER, NEVER, -NEVER, -NEVER


def _val(x) -> int | None:
    return None if pd.isna(x) else int(x)


def horizon(frames: dict[str, pd.DataFrame]) -> int:
    """The last day the record speaks of: where spans that go on past the record (`..`) are drawn to."""
    cols = {"tenures": ("start_hi", "end_hi"), "relations": ("start_hi", "end_hi"), "memberships": ("start_hi", "end_hi"),
            "groups": ("start_hi", "end_hi"), "events": ("date_hi", "end_hi"), "people": ("died_hi",)}
    found = [frames[t][c].max() for t, cs in cols.items() for c in cs if t in frames]
    found = [int(v) for v in found if pd.notna(v)]
    return max(found) if found else 0


def attestations(frames: dict[str, pd.DataFrame]) -> dict[tuple[str, str], tuple[int, int]]:
    """(table, id) -> the first and last day a source places the row: events that list it in `about`,
    claims about it."""
    out: dict[tuple[str, str], tuple[int, int]] = {}

    def see(table: str, rid: str, d) -> None:
        if d is not None and not pd.isna(d):
            first, last = out.get((table, rid), (int(d), int(d)))
            out[(table, rid)] = (min(first, int(d)), max(last, int(d)))

    ev = frames["events"]
    # An event with a span (date to end) shows the rows in force until its end (surely at least its start).
    shown_until = pd.concat([ev["date_lo"], ev["end_lo"]], axis=1).max(axis=1)
    for about, lo in zip(ev["about"], shown_until):
        for item in split_list(about):
            table, _, rid = item.partition(":")
            see(table, rid, lo)
    for target, value in zip(frames["claims"]["target"], frames["claims"]["value"]):
        table, _, rid = target.partition(":")
        try:
            said = dates.resolve(value)
        except dates.DateError:
            continue  # a claim about a name or a list, not a date
        see(table, rid, said.lo)
    return out


def _open_span(row, attested: tuple[int, int] | None) -> Span:
    """A span from the row's own dates and attestations, before any rule that looks at other rows."""
    s_lo, s_hi = _val(row.start_lo), _val(row.start_hi)
    e_lo, e_hi = _val(row.end_lo), _val(row.end_hi)
    if row.end_precision == "open" and s_lo is not None:
        return Span(s_lo, s_hi, NEVER, NEVER, "open")
    if e_lo is not None and e_hi is not None:
        if s_lo is None:
            # Known only by its end: surely in force from the first day a source places it (its end, or an
            # earlier event), maybe for MARGIN days before that.
            first = min(e_lo, attested[0]) if attested else e_lo
            return Span(first - MARGIN, first, e_lo, e_hi, "source")
        return Span(s_lo, s_hi, e_lo, e_hi, "source")
    if s_lo is None:
        return Span(-NEVER, NEVER, -NEVER, NEVER, "undated")
    last = max(s_hi, attested[1]) if attested else s_hi
    return Span(s_lo, s_hi, last, last + MARGIN, "last attested")


def _finish(span: Span, end_of_record: int) -> Span:
    """An open end, not cut by any rule, runs to the end of the record."""
    if span.end == NEVER:
        span.end = max(end_of_record, span.start)
    if span.hi == NEVER:
        span.hi = max(end_of_record, span.end)
    return span


def _people(frames) -> dict[str, Span]:
    """A person is in the record from birth (else first appearance) to death (else last appearance + MARGIN)."""
    firsts: dict[str, list[int]] = defaultdict(list)
    lasts: dict[str, list[int]] = defaultdict(list)

    def seen(pid: str, first, last) -> None:
        if pd.notna(first):
            firsts[pid].append(int(first))
        if pd.notna(last):
            lasts[pid].append(int(last))

    for name, who in (("tenures", ("person_id",)), ("memberships", ("person_id",)), ("relations", ("a", "b"))):
        f = frames[name]
        first = f["start_lo"].fillna(f["end_lo"])
        last = f["end_hi"].fillna(f["start_hi"])
        for col in who:
            for pid, a, b in zip(f[col], first, last):
                seen(pid, a, b)
    ev = frames["events"]
    for ps, lo, hi in zip(ev["people"], ev["date_lo"], ev["end_hi"].fillna(ev["date_hi"])):
        for pid in split_list(ps):
            seen(pid, lo, hi)
    out = {}
    for row in frames["people"].itertuples(index=False):
        pid = row.person_id
        first = min(firsts[pid]) if firsts[pid] else None
        last = max(lasts[pid]) if lasts[pid] else None
        b_lo, b_hi = _val(row.born_lo), _val(row.born_hi)
        lo = b_lo if b_lo is not None else first
        start = b_hi if b_hi is not None else first
        d_lo, d_hi = _val(row.died_lo), _val(row.died_hi)
        if d_lo is not None:
            span = Span(lo if lo is not None else d_lo, start if start is not None else d_lo, d_lo, d_hi, "death", pid)
        elif lo is not None:
            last = max(last if last is not None else start, start)
            span = Span(lo, start, last, last + MARGIN, "last attested")
        else:
            span = Span(-NEVER, NEVER, -NEVER, NEVER, "undated")
        out[pid] = span
    return out


def _cap_death(span: Span, pids, died: dict[str, tuple]) -> None:
    for pid in pids:
        d = died.get(pid)
        if d:
            span.cap(d[0], d[1], "death", pid)


def _undated_within(span: Span, pids, people: dict[str, Span]) -> None:
    """An undated row is uncertain while all of its people are in the record."""
    if span.rule != "undated":
        return
    known = [people[p] for p in pids if p in people and people[p].rule != "undated"]
    if known:
        span.lo, span.hi = max(s.lo for s in known), min(s.hi for s in known)


def _tenures(frames, attested, people, died, end_of_record) -> list[Span]:
    t = frames["tenures"]
    concurrent = dict(zip(frames["offices"]["office_id"], frames["offices"]["concurrent"]))
    spans = [_open_span(row, attested.get(("tenures", row.tenure_id))) for row in t.itertuples(index=False)]
    # The holders of each office in order of taking it: (earliest start, latest start, sure start, id, known).
    # A tenure known only by its end took the office at some unknown day before its sure start.
    by_office: dict[str, list[tuple[int, int, int, str, bool]]] = defaultdict(list)
    for row, span in zip(t.itertuples(index=False), spans):
        if pd.notna(row.start_lo):
            by_office[row.office_id].append((int(row.start_lo), int(row.start_hi), span.start, row.tenure_id, True))
        elif span.rule == "source":
            by_office[row.office_id].append((span.start, span.start, span.start, row.tenure_id, False))
    for rows in by_office.values():
        rows.sort()
    for row, span in zip(t.itertuples(index=False), spans):
        if span.rule == "last attested" and not concurrent.get(row.office_id, False):
            following = [x for x in by_office[row.office_id] if x[0] > row.start_lo and x[3] != row.tenure_id]
            if following:
                lo, hi, sure, tid, known = following[0]
                if known:
                    span.end, span.hi, span.rule, span.by = lo - 1, hi - 1, "successor", tid
                else:  # the next holder's start is unknown: it bounds this tenure but does not date its end
                    span.cap(sure - 1, sure - 1, "successor", tid)
        _undated_within(span, [row.person_id], people)
        _cap_death(span, [row.person_id], died)
        _finish(span, end_of_record)
    return spans


def _relations(frames, attested, people, died, end_of_record) -> list[Span]:
    r = frames["relations"]
    by_pair: dict[frozenset, list[tuple[int, int, str, str]]] = defaultdict(list)
    for rid, a, b, kind, lo, hi in zip(r["relation_id"], r["a"], r["b"], r["kind"], r["start_lo"], r["start_hi"]):
        if pd.notna(lo):
            by_pair[frozenset((a, b))].append((int(lo), int(hi), rid, kind))
    for rows in by_pair.values():
        rows.sort()
    out = []
    for row in r.itertuples(index=False):
        span = _open_span(row, attested.get(("relations", row.relation_id)))
        opposing = NEGATIVE if row.kind in POSITIVE else POSITIVE if row.kind in NEGATIVE else frozenset()
        if span.rule in ("last attested", "open") and opposing and pd.notna(row.start_lo):
            later = [x for x in by_pair[frozenset((row.a, row.b))] if x[0] > int(row.start_lo) and x[3] in opposing]
            if later:
                lo, hi, rid, _ = later[0]
                if lo - 1 < span.end or span.rule == "last attested":
                    span.end, span.hi, span.rule, span.by = lo - 1, hi - 1, "superseded", rid
        _undated_within(span, [row.a, row.b], people)
        _cap_death(span, [row.a, row.b], died)
        out.append(_finish(span, end_of_record))
    return out


def _memberships(frames, attested, people, died) -> list[Span]:
    out = []
    for row in frames["memberships"].itertuples(index=False):
        span = _open_span(row, attested.get(("memberships", row.membership_id)))
        _undated_within(span, [row.person_id], people)
        _cap_death(span, [row.person_id], died)
        out.append(span)
    return out


def _groups(frames, attested, members: dict[str, list[Span]], end_of_record) -> list[Span]:
    out = []
    for row in frames["groups"].itertuples(index=False):
        span = _open_span(row, attested.get(("groups", row.group_id)))
        own = [m for m in members.get(row.group_id, []) if m.rule != "undated" and m.lo <= m.hi]
        if span.rule in ("last attested", "undated") and own:
            # No recorded end: the group lasts while it has members.
            if span.rule == "undated":  # no days of its own: its members' are all it has
                span.lo, span.start, span.hi = min(m.lo for m in own), min(m.start for m in own), -NEVER
            end, hi = max(m.end for m in own), max(m.hi for m in own)
            if end >= span.end:
                span.end, span.hi, span.rule = end, max(hi, span.hi), "members"
        out.append(_finish(span, end_of_record))
    return out


def _cover(people: dict[str, Span], born: set[str], rows) -> None:
    """A person is in the record whenever something about them may be in force: their span grows to cover
    their rows' (a row known only by its end is uncertain for MARGIN days before it; an open tenure runs to
    the end of the record), so that every view lists the person whenever it lists one of their rows. A birth
    bounds the rows instead; a death already cut them. `rows`: (person ids, span) pairs."""
    for pids, span in rows:
        if span.rule == "undated" or span.lo > span.hi:
            continue
        for pid in pids:
            person = people.get(pid)
            if person is None or person.rule == "undated":
                continue
            if pid in born:
                span.lo = max(span.lo, person.lo)
            else:
                person.lo = min(person.lo, span.lo)
            if person.rule != "death" and span.end > person.end:
                person.end, person.rule, person.by = span.end, span.rule, span.by
            if person.rule != "death":
                person.hi = max(person.hi, span.hi)


def _apply(frame: pd.DataFrame, spans: list[Span]) -> pd.DataFrame:
    frame = frame.copy()
    for col, attr in zip(BOUNDS, ("lo", "start", "end", "hi")):
        frame[col] = pd.array([getattr(s, attr) for s in spans], dtype="int64")
    frame["end_rule"] = [s.rule for s in spans]
    frame["end_by"] = [s.by for s in spans]
    return frame


def with_validity(frames: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The frames with v_lo, v_start, v_end, v_hi, end_rule and end_by on people, tenures, relations,
    memberships and groups."""
    frames = dict(frames)
    attested = attestations(frames)
    end_of_record = horizon(frames)
    people = _people(frames)
    died = {pid: (_val(lo), _val(hi)) for pid, lo, hi in
            zip(frames["people"]["person_id"], frames["people"]["died_lo"], frames["people"]["died_hi"]) if pd.notna(lo)}
    tenures = _tenures(frames, attested, people, died, end_of_record)
    relations = _relations(frames, attested, people, died, end_of_record)
    members = _memberships(frames, attested, people, died)
    by_group: dict[str, list[Span]] = defaultdict(list)
    for gid, span in zip(frames["memberships"]["group_id"], members):
        by_group[gid].append(span)
    groups = _groups(frames, attested, by_group, end_of_record)
    group_span = dict(zip(frames["groups"]["group_id"], groups))
    for gid, span in zip(frames["memberships"]["group_id"], members):
        g = group_span.get(gid)
        # A cut, never an extension: members come and go while a body lasts (a Politburo seat does not
        # last as long as the Politburo).
        if g is not None and g.rule in ("source", "open"):
            span.cap(g.end, g.hi, "group", gid)
        if g is not None and span.rule == "undated" and g.lo <= g.hi:  # an undated seat: while the body exists
            span.lo, span.hi = max(span.lo, g.lo), min(span.hi, g.hi)
            if span.hi < span.lo:
                span.lo, span.start, span.end, span.hi = NEVER, NEVER, -NEVER, -NEVER
        _finish(span, end_of_record)
    born = set(frames["people"].loc[frames["people"]["born_lo"].notna(), "person_id"])
    _cover(people, born, [*(([p], s) for p, s in zip(frames["tenures"]["person_id"], tenures)),
                          *(([a, b], s) for a, b, s in zip(frames["relations"]["a"], frames["relations"]["b"], relations)),
                          *(([p], s) for p, s in zip(frames["memberships"]["person_id"], members))])
    frames["people"] = _apply(frames["people"], [_finish(people[p], end_of_record) for p in frames["people"]["person_id"]])
    frames["tenures"] = _apply(frames["tenures"], tenures)
    frames["relations"] = _apply(frames["relations"], relations)
    frames["memberships"] = _apply(frames["memberships"], members)
    frames["groups"] = _apply(frames["groups"], groups)
    return frames


def status(bounds, day: int) -> str | None:
    """"in force", "uncertain" or None: a row's bounds (a mapping with lo, start, end, hi) at `day`.
    The browser's networkState.status (assets/network_state.js) is the same comparison."""
    if bounds["start"] <= day <= bounds["end"]:
        return IN_FORCE
    if bounds["lo"] <= day <= bounds["hi"]:
        return UNCERTAIN
    return None
