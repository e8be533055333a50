"""Officeholders from a saved Wikidata query result, as a data package (`python -m dashboard
import-wikidata`), optionally compared with a second list of the same office.

Pure functions up to `write_package`: `read_import` turns a result file (core/wikidata.py) into
`Holding`s, `compare` sets a second list (`read_list`) beside them, and `tables` makes the rows of
every table, each row cited: a Wikidata row by its statement id (locator) and the statement's values
(quote), a list row by its line number and the line itself. `write_package` writes the package into
a temporary folder, checks it, and only then moves it into place: never half a package.

How the two lists meet (docs/import.md, "Comparing with a second list"):
- a tenure of the same person (the list's `id` is the Wikidata item) is paired with the one whose
  start (or end) is nearest; a date they give differently becomes two claims (`start`, `end`), the
  preferred one also written into tenures.csv;
- a tenure only one list has is kept, so the timeline shows it; two claims on its `person_id` say
  who held it according to the list that has it and "" according to the other, citing the entries
  of the other on either side of where it would be;
- successions come from both (`replaces` / `replaced_by`); where the two name a different
  predecessor (or successor) for the same person, the preferred one's relation is written and two
  claims on its `a` (or `b`) give both.
"""
from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import tempfile
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from . import dates
from .schema import STRUCTURED, TABLES, descriptor
from .wikidata import ResultError, Statement, Time, item_id, quote, read_rows, records, statements, time_value

WIKIDATA_SOURCE = "wikidata"
SOURCES_DIR = "sources"  # inside the package: copies of the files the rows cite, for verify-quotes
LIST_COLUMNS = ("id", "name", "start_date", "end_date", "replaces", "replaced_by")
PREFER = ("list", "wikidata")

# The variables of a result (docs/import.md) and the other spellings accepted for them.
PERSON = ("person", "holder", "item")
POSITION = ("position", "office")
ORDINAL = ("ordinal", "seriesOrdinal")
EXTRAS = {"cabinet": "leadership body", "party": "party"}  # variable -> group kind


def _label(st: Statement, var: str) -> str:
    return st.one(f"{var}Label", f"{var}.label")


def _time_of(st: Statement, var: str, as_entered: bool) -> Time:
    values = st.get(var)
    if len(values) > 1:
        raise ResultError("", st.where, f"statement {st.sid} has {len(values)} {var} values ({', '.join(values)})",
                          "keep one value per statement (correct the statement in Wikidata, or the saved result)")
    return time_value(values[0] if values else "", st.one(f"{var}Precision", f"{var}.precision"),
                      st.one(f"{var}Calendar", f"{var}.calendar", f"{var}.calendarmodel", f"{var}.calendarModel"),
                      file="", where=st.where, name=var, as_entered=as_entered)


def _resolved(t: Time) -> dates.Resolved:
    return dates.resolve(t.ns, t.os)


@dataclass
class Holding:
    """One tenure as a source gives it: a Wikidata statement (or several saying the same), or a list row."""

    person: str  # Wikidata item, Q…
    name: str
    position: str  # Wikidata item of the office, or the office label when the file has no ?position
    office: str  # label
    start: Time
    end: Time
    source: str  # "wikidata" or the list's source id
    locator: str
    quote: str
    statements: list[Statement] = field(default_factory=list)
    line: int = 0  # the list's line
    ordinal: str = ""
    notes: list[str] = field(default_factory=list)
    replaces: list[tuple[str, str]] = field(default_factory=list)  # (item, label)
    replaced_by: list[tuple[str, str]] = field(default_factory=list)
    extras: list[tuple[str, str, str, Statement]] = field(default_factory=list)  # (var, item, label, statement)

    @property
    def first_day(self) -> int | None:
        r = _resolved(self.start)
        if r.lo is None:
            r = _resolved(self.end)
        return r.lo


@dataclass
class Imported:
    holdings: list[Holding]
    skipped: list[str]  # statements left out, with why
    statements: int


def read_import(path: Path, office_label: str = "", as_entered: bool = False) -> Imported:
    """The holdings of a result file: one per statement, statements that say the same merged."""
    file = path.name
    try:
        sts = statements(read_rows(path), file)
        return _holdings(sts, file, office_label, as_entered)
    except ResultError as e:
        if not e.file:
            raise ResultError(file, e.where, e.message, e.hint or "fix the statement or leave it out of the query") \
                from None
        raise


def _item(st: Statement, names: tuple[str, ...], file: str, what: str) -> str:
    name = st.key_of(*names)
    if name is None:
        return ""
    value = st.values[name][0]
    qid = item_id(value)
    if qid is None:
        raise ResultError(file, st.where, f"{what} is not a Wikidata item ({value[:60]})",
                          f"select the item itself (?{names[0]}), not its label; labels go in ?{names[0]}Label")
    return qid


def _holdings(sts: list[Statement], file: str, office_label: str, as_entered: bool) -> Imported:
    out: dict[tuple, Holding] = {}
    skipped = []
    if not sts:
        raise ResultError(file, "line 1", "no statements in the result",
                          "run the query again: it found nobody (check the position's item)")
    for st in sts:
        person = _item(st, PERSON, file, "the person")
        if not person:
            raise ResultError(file, st.where, "no person (variable ?person)",
                              "select the holder as ?person (see docs/import.md)")
        position = _item(st, POSITION, file, "the position")
        office = _label(st, "position") or _label(st, "office") or office_label or position
        if not office:
            raise ResultError(file, st.where, "no position: the result has no ?position",
                              "add ?position and ?positionLabel to the query, or give --office-label")
        start, end = _time_of(st, "start", as_entered), _time_of(st, "end", as_entered)
        if not start.given and not end.given:
            skipped.append(f"{st.sid} ({_label(st, 'person') or person}): no start or end")
            continue
        key = (person, position or office, start, end)
        h = out.get(key)
        if h is None:
            h = out[key] = Holding(person, _label(st, "person") or person, position or office, office, start, end,
                                   WIKIDATA_SOURCE, st.sid, quote(st), ordinal=st.one(*ORDINAL))
            h.notes += [t.note for t in (start, end) if t.note]
        else:
            h.locator += f";{st.sid}"
            h.notes.append(f"statement {st.sid} says the same")
        h.statements.append(st)
        for var, target in (("replaces", h.replaces), ("replacedBy", h.replaced_by)):
            for value in st.get(var):
                qid = item_id(value)
                if qid is None:
                    raise ResultError(file, st.where, f"{var} is not a Wikidata item ({value[:60]})",
                                      f"select the item (?{var}) and its label (?{var}Label)")
                pair = (qid, _label(st, var) if len(st.get(var)) == 1 else qid)
                if pair not in target:
                    target.append(pair)
        for var in EXTRAS:
            for value in st.get(var):
                qid = item_id(value)
                label = _label(st, var) if len(st.get(var)) == 1 else ""
                h.extras.append((var, qid or value, label or value, st))
    return Imported(list(out.values()), skipped, len(sts))


# --- the second list ------------------------------------------------------------------------------------

@dataclass
class ListFile:
    source_id: str
    path: Path
    lines: list[str]  # the file's lines as written (for quotes)
    rows: list[Holding]


def _edtf(value: str, file: str, line: int, column: int, name: str) -> Time:
    value = value.strip()
    if not value:
        return Time()
    try:
        r = dates.resolve(value)
    except dates.DateError as e:
        raise ResultError(file, f"line {line}", f"column {column} ({name}): {e}",
                          "write an EDTF date (New Style) such as 1917-11-07, 1917-11 or 1917") from None
    if r.precision == "open" and name == "start_date":
        raise ResultError(file, f"line {line}", f"column {column} (start_date) cannot be open ('..')",
                          "leave it empty when unknown")
    return Time(ns=value)


def read_list(path: Path, office: str, position: str, source_id: str = "list") -> ListFile:
    """A second list of the office: columns id,name,start_date,end_date,replaces,replaced_by; more are notes."""
    file = path.name
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise ResultError(file, "line 1", f"cannot read it as UTF-8 text ({e})", "save the list as UTF-8 CSV") from None
    lines = text.splitlines()
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        raise ResultError(file, "line 1", "empty file", "write the header: " + ",".join(LIST_COLUMNS)) from None
    missing = [c for c in LIST_COLUMNS if c not in header]
    if missing:
        raise ResultError(file, "line 1", f"missing column{'s' if len(missing) > 1 else ''} ({', '.join(missing)})",
                          "the header must have " + ",".join(LIST_COLUMNS) + " (more columns are kept as notes)")
    rows = []
    for line, record in records(reader, len(header), file, "CSV",
                                "check for a missing or extra comma, or an unquoted comma inside a cell",
                                "check the quoting"):
        cells = dict(zip(header, (c.strip() for c in record)))
        qid = item_id(cells["id"])
        if qid is None:
            raise ResultError(file, f"line {line}", f"column {header.index('id') + 1} (id) is not a Wikidata "
                              f"item ({cells['id'][:40]})", "give the person's item, e.g. Q42")
        start = _edtf(cells["start_date"], file, line, header.index("start_date") + 1, "start_date")
        end = _edtf(cells["end_date"], file, line, header.index("end_date") + 1, "end_date")
        if not start.given and not end.given:
            raise ResultError(file, f"line {line}", "no start_date and no end_date",
                              "give at least one of them: a tenure needs a date")
        raw = "\n".join(lines[line - 1: reader.line_num])
        h = Holding(qid, cells["name"] or qid, position, office, start, end, source_id, str(line), raw,
                    line=line)
        h.notes = [f"{k}: {v}" for k, v in cells.items() if k not in LIST_COLUMNS and v]
        for col, target in (("replaces", h.replaces), ("replaced_by", h.replaced_by)):
            for part in (p.strip() for p in cells[col].split(";") if p.strip()):
                pid = item_id(part)
                if pid is None:
                    raise ResultError(file, f"line {line}", f"column {header.index(col) + 1} ({col}) is not "
                                      f"a Wikidata item ({part[:40]})", "give the item, e.g. Q42; several "
                                      "separated by ';'")
                target.append((pid, pid))
        rows.append(h)
    if not rows:
        raise ResultError(file, "line 2", "no rows", "the list has a header and no entries")
    return ListFile(source_id, path, lines, rows)


# --- the package's rows ---------------------------------------------------------------------------------

def slug(text: str, limit: int = 48) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    s = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return s[:limit].rstrip("-")


class _Ids:
    """Readable, unique ids."""

    def __init__(self):
        self.used: set[str] = set()

    def new(self, *candidates: str) -> str:
        for c in candidates:
            if c and c not in self.used:
                self.used.add(c)
                return c
        base = next((c for c in candidates if c), "row")
        n = 2
        while f"{base}-{n}" in self.used:
            n += 1
        self.used.add(f"{base}-{n}")
        return f"{base}-{n}"


def _row(table: str, **cells) -> dict[str, str]:
    columns = TABLES[table].columns
    unknown = set(cells) - set(columns)
    assert not unknown, unknown
    return {c: str(cells.get(c, "") or "") for c in columns}


def _dates(t: Time, prefix: str) -> dict[str, str]:
    return {prefix: t.ns, f"{prefix}_os": t.os}


def _claim_value(t: Time) -> str:
    return t.ns or t.os


def _same(a: Time, b: Time) -> bool:
    ra, rb = _resolved(a), _resolved(b)
    return (ra.lo, ra.hi, ra.precision) == (rb.lo, rb.hi, rb.precision)


def _distance(a: Holding, b: Holding) -> int:
    da, db = a.first_day, b.first_day
    return abs(da - db) if da is not None and db is not None else 10**9


@dataclass
class Compared:
    holding: Holding  # the preferred version (or the only one)
    wikidata: Holding | None
    listed: Holding | None


def compare(wd: list[Holding], lst: list[Holding]) -> list[Compared]:
    """Pairs of a Wikidata holding and a list row of the same person (nearest first date), and the rest."""
    pairs = sorted(((_distance(w, x), i, j) for i, w in enumerate(wd) for j, x in enumerate(lst)
                    if w.person == x.person), key=lambda t: t[0])
    used_w, used_l, out = set(), set(), []
    for _, i, j in pairs:
        if i not in used_w and j not in used_l:
            used_w.add(i)
            used_l.add(j)
            out.append(Compared(wd[i], wd[i], lst[j]))
    out += [Compared(w, w, None) for i, w in enumerate(wd) if i not in used_w]
    out += [Compared(x, None, x) for j, x in enumerate(lst) if j not in used_l]
    return out


@dataclass
class Options:
    title: str = ""
    office_kind: str = "other"
    prefer: str = "list"
    retrieved: str = ""  # the day the result was saved (ISO)
    query_file: str = ""  # name of the query's copy in sources/
    description: str = ""
    result_file: str = ""
    list_title: str = ""


def _neighbours(items: list[Holding], day: int | None) -> list[Holding]:
    """The entries of a list just before and just after `day` (where a missing tenure would be)."""
    dated = sorted((h for h in items if h.first_day is not None), key=lambda h: h.first_day)
    if day is None or not dated:
        return dated[:1]
    before = [h for h in dated if h.first_day <= day]
    after = [h for h in dated if h.first_day > day]
    return ([before[-1]] if before else []) + ([after[0]] if after else [])


def _cite(items: list[Holding], list_file: ListFile | None) -> tuple[str, str, str]:
    """(source_id, locator, quote) citing several entries of one source together."""
    if items[0].source == WIKIDATA_SOURCE:
        sts = list({st.sid: st for h in items for st in h.statements}.values())
        return WIKIDATA_SOURCE, ";".join(st.sid for st in sts), " | ".join(quote(st) for st in sts)
    return _cite_lines(items[0].source, {h.line for h in items}, list_file)


def _cite_lines(source: str, lines, list_file: ListFile) -> tuple[str, str, str]:
    """A list's lines, in order (a quote's pieces must come in the order of the text)."""
    lines = sorted(lines)
    return source, ";".join(map(str, lines)), " ... ".join(list_file.lines[n - 1] for n in lines)


def tables(imported: Imported, opts: Options, list_file: ListFile | None = None) -> dict[str, list[dict]]:
    """Every table's rows."""
    out: dict[str, list[dict]] = {name: [] for name in TABLES}
    wd = imported.holdings
    compared = compare(wd, list_file.rows if list_file else []) if list_file else [Compared(h, h, None) for h in wd]
    if list_file:
        for c in compared:
            if c.wikidata and c.listed and opts.prefer == "list":
                c.holding = c.listed
    # Offices, in order of first appearance.
    office_ids, ids = {}, _Ids()
    for h in wd + (list_file.rows if list_file else []):
        if h.position not in office_ids:
            office_ids[h.position] = ids.new(slug(h.office) or slug(h.position), slug(h.position))
            out["offices"].append(_row("offices", office_id=office_ids[h.position], title=h.office,
                                       kind=opts.office_kind, rank=len(office_ids)))
    scope = "party" if opts.office_kind == "party" else "state"
    # People: everyone holding, succeeding or succeeded.
    person_ids: dict[str, str] = {}
    names: dict[str, str] = {}
    for h in wd + (list_file.rows if list_file else []):
        if h.name and h.name != h.person:
            names.setdefault(h.person, h.name)
        for qid, label in h.replaces + h.replaced_by:
            if label and label != qid:
                names.setdefault(qid, label)

    def person(qid: str, cite: tuple[str, str, str]) -> str:
        if qid not in person_ids:
            name = names.get(qid, qid)
            s = slug(name) if name != qid else ""
            person_ids[qid] = ids.new(*([s, f"{s}-{qid.lower()}"] if s else [qid.lower()]))
            out["people"].append(_row("people", person_id=person_ids[qid], name=name, kind="person", wikidata=qid,
                                      source_id=cite[0], locator=cite[1], quote=cite[2]))
        return person_ids[qid]

    def person_cite(h: Holding, var: str = "person") -> tuple[str, str, str]:
        if h.source == WIKIDATA_SOURCE:
            st = h.statements[0]
            return WIKIDATA_SOURCE, st.sid, quote(st, [k for k in st.values if k.startswith(var)])
        return h.source, h.locator, h.quote

    # Tenures, by office and start.
    compared.sort(key=lambda c: (c.holding.position, c.holding.first_day if c.holding.first_day is not None else 0))
    held: dict[tuple[str, str], int] = defaultdict(int)
    for c in compared:
        held[(c.holding.person, c.holding.position)] += 1
    counter: dict[tuple[str, str], int] = defaultdict(int)
    claims = out["claims"]

    def claim(target: str, fld: str, value: str, h: Holding | list[Holding], preferred: bool, note: str) -> None:
        items = h if isinstance(h, list) else [h]
        sid, loc, quo = _cite(items, list_file)
        claims.append(_row("claims", claim_id=ids.new(slug(f"{target.split(':')[1]}-{fld}-{sid}", 100)), target=target,
                           field=fld, value=value, preferred="true" if preferred else "false", note=note,
                           source_id=sid, locator=loc, quote=quo))

    list_name = opts.list_title or (list_file.path.name if list_file else "")
    why = {"list": f"Preferred: the list ({list_name}), as import-wikidata does unless --prefer wikidata.",
           "wikidata": "Preferred: Wikidata (import-wikidata --prefer wikidata)."}[opts.prefer]
    for c in compared:
        h = c.holding
        pid = person(h.person, person_cite(h))
        key = (h.person, h.position)
        counter[key] += 1
        base = f"{pid}-{office_ids[h.position]}"
        tid = ids.new(base if held[key] == 1 else f"{base}-{counter[key]}")
        notes = list(h.notes)
        if h.ordinal:
            notes.insert(0, f"ordinal {h.ordinal} in Wikidata")
        start, end = h.start, h.end
        if c.wikidata and c.listed:
            w, x = c.wikidata, c.listed
            for fld in ("start", "end"):
                wt, xt = getattr(w, fld), getattr(x, fld)
                if _same(wt, xt):
                    # The list says the same: keep Wikidata's cells (with its Old Style date, if any).
                    if h is x and (wt.os or wt.ns != xt.ns):
                        if fld == "start":
                            start = wt
                        else:
                            end = wt
                        notes.append(f"{fld}: Wikidata ({w.locator}) gives the same ({wt.ns or ''}"
                                     f"{' = ' if wt.ns and wt.os else ''}{wt.os + ' O.S.' if wt.os else ''})")
                    continue
                pref_w = opts.prefer == "wikidata"
                said = (f" Wikidata gives it in the Julian calendar: {wt.os} O.S." if wt.os else "") + \
                    ("" if wt.given else f" Wikidata gives no {fld}.")
                claim(f"tenures:{tid}", fld, _claim_value(wt), w, pref_w,
                      ((why if pref_w else "Wikidata's version.") + said).strip())
                claim(f"tenures:{tid}", fld, _claim_value(xt), x, not pref_w,
                      ((why if not pref_w else "The list's version.") + ("" if xt.given else f" The list gives no {fld}."))
                      .strip())
            if h is x:
                notes.append(f"Wikidata: {w.locator}")
        elif list_file:
            # In one list only: say who held it according to each (the other has nobody there).
            mine, others = (c.wikidata, list_file.rows) if c.wikidata else (c.listed, wd)
            has_it = "Wikidata" if c.wikidata else "the list"
            lacks_it = "the list" if c.wikidata else "Wikidata"
            near = _neighbours([o for o in others if o.position == h.position], h.first_day) or others[:1]
            prefer_mine = (opts.prefer == "wikidata") == bool(c.wikidata)
            claim(f"tenures:{tid}", "person_id", pid, mine, prefer_mine,
                  f"{why if prefer_mine else ''} Only {has_it} has this tenure.".strip())
            claim(f"tenures:{tid}", "person_id", "", near, not prefer_mine,
                  (f"{why if not prefer_mine else ''} {lacks_it.capitalize()} goes from the entry before to the one "
                   "after without it.").strip())
            notes.append(f"only in {has_it}; {lacks_it} does not have it (see the claims)")
        out["tenures"].append(_row("tenures", tenure_id=tid, person_id=pid, office_id=office_ids[h.position],
                                   **_dates(start, "start"), **_dates(end, "end"), note="; ".join(notes),
                                   source_id=h.source, locator=h.locator, quote=h.quote))
        if c.wikidata:
            _extras(out, ids, c.wikidata, pid, start, end, h.office)

    _successions(out, ids, compared, list_file, opts, scope, person, claim, why)
    _source_rows(out, opts, list_file)
    return out


def _extras(out, ids: _Ids, h: Holding, pid: str, start: Time, end: Time, office: str) -> None:
    """A cabinet (a qualifier of the statement) is a membership as long as the tenure; a party (a property of
    the person, without dates) an undated one."""
    groups = {g["group_id"]: g for g in out["groups"]}
    for var, qid, label, st in h.extras:
        keys = [k for k in st.values if k.startswith(var)]
        cite = {"source_id": WIKIDATA_SOURCE, "locator": st.sid, "quote": quote(st, keys)}
        gid = next((g for g, row in groups.items() if row["description"].endswith(f"({qid})")), None)
        if gid is None:
            gid = ids.new(slug(label) or slug(qid), slug(f"{label}-{qid}"))
            groups[gid] = _row("groups", group_id=gid, name=label, kind=EXTRAS[var],
                               description=f"{var} in Wikidata ({qid})", **cite)
            out["groups"].append(groups[gid])
        if any(m["person_id"] == pid and m["group_id"] == gid and (var == "party" or m["start"] == start.ns)
               for m in out["memberships"]):
            continue
        dated = {**_dates(start, "start"), **_dates(end, "end"), "role": office} if var == "cabinet" else {}
        out["memberships"].append(_row("memberships", membership_id=ids.new(f"{pid}-{gid}"), person_id=pid,
                                       group_id=gid, **dated, **cite))


def _successions(out, ids, compared, list_file, opts, scope, person, claim, why) -> None:
    """Relations of kind `succession` (predecessor -> successor), from each tenure's replaces / replaced by.

    Where both sources speak of a tenure's predecessor (or successor) the preferred one's is written, and
    if they differ, two claims on that relation's `a` (or `b`) give both; where only one does, its word is
    taken. A pair named from both ends (A replaced by B, B replaces A) is one relation."""
    everyone = [v for c in compared for v in (c.wikidata, c.listed) if v is not None]

    def successor_tenure(h: Holding, q: str) -> Holding | None:
        """q's tenure that followed h's, in the same source."""
        later = sorted((v for v in everyone if v.source == h.source and v.person == q and v.position == h.position
                        and (h.first_day is None or v.first_day is None or v.first_day >= h.first_day)),
                       key=lambda v: v.first_day if v.first_day is not None else 0)
        return later[0] if later else None

    pairs: dict[tuple[str, str], dict] = {}  # (predecessor, successor) -> naming holdings, successor's tenure

    def add(p: str, s: str, h: Holding, succ: Holding | None) -> tuple[str, str]:
        entry = pairs.setdefault((p, s), {"by": [], "succ": None})
        if not entry["by"] or entry["by"][0].source == h.source:
            entry["by"].append(h)
            entry["succ"] = entry["succ"] or succ
        return (p, s)

    disputes = []  # (side, pair kept, wikidata's holding, list's holding)
    for c in compared:
        pref = c.holding
        other = c.listed if pref is c.wikidata else c.wikidata
        for side, attr in (("predecessor", "replaces"), ("successor", "replaced_by")):
            mine = [q for q, _ in getattr(pref, attr)]
            theirs = [q for q, _ in getattr(other, attr)] if other is not None else []
            source = pref if mine else other
            kept = []
            for q in (mine or theirs):
                if side == "predecessor":
                    kept.append(add(q, source.person, source, source))
                else:
                    kept.append(add(source.person, q, source, successor_tenure(source, q)))
            if mine and theirs and set(mine) != set(theirs):
                disputes.append((side, kept[0], c.wikidata, c.listed))
    rel_id: dict[tuple[str, str], str] = {}
    for (p, s), entry in pairs.items():
        by, succ = entry["by"], entry["succ"]
        src = by[0].source
        dates_, cited = {}, list(by)
        if succ is not None and succ.source == src:
            # In force while the successor holds what he took: dated like his tenure, cited with it.
            dates_ = {**_dates(succ.start, "start"), **_dates(succ.end, "end")}
            cited.append(succ)
        if src == WIKIDATA_SOURCE:
            cite = _cite(cited, list_file)
        else:
            cite = _cite_lines(src, {h.line for h in cited}, list_file)
        a, b = person(p, cite), person(s, cite)
        if a == b:
            continue
        rid = rel_id[(p, s)] = ids.new(f"{a}-{b}-succession")
        out["relations"].append(_row("relations", relation_id=rid, a=a, b=b, kind="succession", directed="true",
                                     **dates_, note=f"{names_of(out, b)} succeeded {names_of(out, a)} as "
                                     f"{by[0].office}", source_id=cite[0], locator=cite[1], quote=cite[2],
                                     scope=scope))
    pref_w = opts.prefer == "wikidata"
    for side, kept, w, x in disputes:
        if kept not in rel_id:
            continue
        attr, field_ = ("replaces", "a") if side == "predecessor" else ("replaced_by", "b")
        for h, preferred, whose in ((w, pref_w, "Wikidata"), (x, not pref_w, "the list")):
            value = ";".join(person(q, _cite([h], list_file)) for q, _ in getattr(h, attr))
            claim(f"relations:{rel_id[kept]}", field_, value, h, preferred,
                  why if preferred else f"The {side} according to {whose}.")


def names_of(out, pid: str) -> str:
    return next((p["name"] for p in out["people"] if p["person_id"] == pid), pid)


def _source_rows(out, opts: Options, list_file: ListFile | None) -> None:
    origin = "Wikidata Query Service (https://query.wikidata.org/)"
    if opts.retrieved:
        origin += f", retrieved {opts.retrieved}"
    if opts.query_file:
        origin += f"; query: {SOURCES_DIR}/{opts.query_file}"
    out["sources"].append(_row("sources", source_id=WIKIDATA_SOURCE, title=f"Wikidata query result {opts.result_file}",
                               kind=STRUCTURED, origin=origin, licence="CC0-1.0", file=opts.result_file))
    if list_file:
        out["sources"].append(_row("sources", source_id=list_file.source_id,
                                   title=opts.list_title or f"List {list_file.path.name}", kind="list",
                                   origin=list_file.path.name, file=list_file.path.name,
                                   lines=f"1-{len(list_file.lines)}"))


# --- writing --------------------------------------------------------------------------------------------

class ImportRefused(Exception):
    """Nothing was written; the message says why and what to do."""


def _csv(rows: list[dict], columns: list[str]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    return buf.getvalue()


def write_package(out: Path, rows: dict[str, list[dict]], opts: Options, files: list[Path]) -> None:
    """Write the package to a temporary folder beside `out`, check it, then move it to `out`."""
    from .validate import check

    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise ImportRefused(f"{out} exists and is not empty: nothing written. Choose another --out, or remove "
                            "the folder first")
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}-import-", dir=out.parent))
    try:
        title = opts.title or f"Holders of {', '.join(r['title'] for r in rows['offices'])}"
        desc = descriptor(slug(out.name) or "imported", title, opts.description,
                          [{"name": "CC0-1.0", "title": "Wikidata: CC0 1.0"}],
                          [{"title": r["title"], "path": f"{SOURCES_DIR}/{r['file']}"} for r in rows["sources"]])
        (tmp / "datapackage.json").write_text(json.dumps(desc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        for name, table in TABLES.items():
            (tmp / f"{name}.csv").write_text(_csv(rows[name], table.columns), encoding="utf-8")
        (tmp / SOURCES_DIR).mkdir()
        for f in files:
            shutil.copyfile(f, tmp / SOURCES_DIR / f.name)
        pkg = check(tmp)
        if pkg.errors:
            shown = "\n".join(str(p) for p in pkg.errors[:20])
            raise ImportRefused(f"the package made from this result does not pass check, so nothing was written:\n"
                                f"{shown}")
        if out.exists():
            out.rmdir()
        os.replace(tmp, out)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
