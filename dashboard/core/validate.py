"""Validation rules: every problem in a data package, each with file, line,
column, what is wrong and how to fix it. `check()` never raises on bad data."""
from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from . import dates, periods
from .days import NEVER
from .package import LINE, Package, _short, read_package
from .schema import ATTESTED_TABLES, FOCUS_TABLES, ID_PATTERN, STATEMENT_ID, STRUCTURED, TABLES, Table

_ID = re.compile(ID_PATTERN)
_LOCATOR = re.compile(r"^[0-9]+(-[0-9]+)?(\s*;\s*[0-9]+(-[0-9]+)?)*$")
# Rows citing a structured source (a query result) are located by statement ids, not lines.
_STATEMENTS = re.compile(rf"^{STATEMENT_ID}(\s*;\s*{STATEMENT_ID})*$")
LIST_SEP = ";"


def split_list(cell: str) -> list[str]:
    return [x.strip() for x in cell.split(LIST_SEP) if x.strip()]


def _col(pkg: Package, table: Table, name: str) -> int:
    """The 1-based position of a column in the CSV as written (columns may come in any order)."""
    header = pkg.headers.get(table.name, table.columns)
    return header.index(name) + 1 if name in header else table.columns.index(name) + 1


def structured_sources(pkg: Package) -> set[str]:
    """Ids of the sources that are query results (kind `structured`)."""
    sources = pkg.tables.get("sources")
    return set() if sources is None else set(sources.loc[sources["kind"] == STRUCTURED, "source_id"])


def _check_cells(pkg: Package, table: Table, frame) -> None:
    file = f"{table.name}.csv"
    structured = structured_sources(pkg) if table.cited else set()
    for f in table.fields:
        col = _col(pkg, table, f.name)
        values = frame[f.name].tolist()
        lines = frame[LINE].tolist()
        cites = frame["source_id"].tolist() if f.type == "locator" and table.cited else [""] * len(frame)
        for value, line, sid in zip(values, lines, cites):
            if value == "":
                # A date column with an `_os` companion may be given by either cell: checked with the dates.
                if f.required and f"{f.name}_os" not in table.columns:
                    pkg.error(file, line, col, f"{f.name} is required", f"fill in {f.name}")
                continue
            if f.type == "id" and not _ID.match(value):
                pkg.error(file, line, col, f"{f.name} is not a valid id ({_short(value)})",
                          "use lower-case ascii letters, digits and single hyphens, e.g. stalin or gen-sec")
            elif f.type == "ids":
                for item in split_list(value):
                    if not _ID.match(item):
                        pkg.error(file, line, col, f"{f.name} has an invalid id ({_short(item)})",
                                  "separate ids with ';' and write them as lower-case slugs")
            elif f.type == "integer" and not re.fullmatch(r"-?[0-9]+", value):
                pkg.error(file, line, col, f"{f.name} is not a whole number ({_short(value)})", "write digits only, e.g. 3")
            elif f.type == "boolean" and value not in ("true", "false"):
                pkg.error(file, line, col, f"{f.name} is not true or false ({_short(value)})", "write true or false")
            elif f.type == "locator" and sid in structured:
                if not _STATEMENTS.match(value):
                    pkg.error(file, line, col, f"{f.name} is not a statement id ({_short(value)})",
                              f"{sid} is a structured source: write the statement id, like "
                              "Q42$F078E5B3-F9A8-480E-B7AC-D97778CBBEF9, several joined by ';'")
            elif f.type == "locator" and not _LOCATOR.match(value):
                pkg.error(file, line, col, f"{f.name} is not a line locator ({_short(value)})",
                          "write line numbers like 3400 or 3400-3404, several joined by ';'")
            elif f.type == "target":
                t, _, rid = value.partition(":")
                if t not in TABLES or not _ID.match(rid):
                    pkg.error(file, line, col, f"{f.name} is not table:id ({_short(value)})",
                              "write it like tenures:stalin-gen-sec")
            elif f.type == "targets":
                for item in split_list(value):
                    t, _, rid = item.partition(":")
                    if t not in ATTESTED_TABLES or not _ID.match(rid):
                        pkg.error(file, line, col, f"{f.name} has an item that is not table:id ({_short(item)})",
                                  f"write items like relations:stalin-bukharin-alliance, separated by ';'; "
                                  f"the table is one of {', '.join(ATTESTED_TABLES)}")
            elif f.enum and value not in f.enum:
                pkg.error(file, line, col, f"{f.name} is not one of the allowed values ({_short(value)})",
                          "use one of: " + ", ".join(f.enum))


DATE_HINT = "fix the date (see docs/data-format.md, Dates)"


def _switch(pkg: Package) -> dates.Switch:
    """Where the dataset's sources leave the Julian calendar (datapackage.json `calendar`; Russia's by default)."""
    switch, problem = dates.switch_of(pkg.descriptor)
    if problem:
        pkg.error("datapackage.json", periods._line_of(pkg, "calendar"), 1, problem,
                  'write it like "calendar": {"julian_until": "1752-09-02"}: the last day the sources date in '
                  "Old Style, written in Old Style")
    return switch


def _check_dates(pkg: Package, table: Table, frame, switch: dates.Switch = dates.RUSSIA) -> None:
    file = f"{table.name}.csv"
    lines = frame[LINE].tolist()
    date_cols = table.dates or tuple(f.name for f in table.fields if f.type == "edtf")
    has_os = bool(table.dates)
    for name in date_cols:
        ns_values = frame[name].tolist()
        os_values = frame[f"{name}_os"].tolist() if has_os else [""] * len(frame)
        out = []
        for ns, os, line in zip(ns_values, os_values, lines):
            try:
                value = dates.resolve(ns, os, switch)
            except dates.DateError as e:
                column = _col(pkg, table, f"{name}_os" if e.cell == "os" else name)
                pkg.error(file, line, column, str(e), e.hint or DATE_HINT)
                value = None
            if value is not None and value.precision == "open" and not name.endswith("end"):
                pkg.error(file, line, _col(pkg, table, name), f"{name} cannot be open ('..'): only end columns may be",
                          "leave it empty when unknown")
                value = None
            out.append(value)
        pkg.resolved[(table.name, name)] = out
    if table.needs_one_of:
        columns = [pkg.resolved[(table.name, c)] for c in table.needs_one_of]
        for i, line in enumerate(lines):
            if all(c[i] is not None and c[i].precision == "unknown" for c in columns):
                names = " or ".join(table.needs_one_of)
                pkg.error(file, line, _col(pkg, table, table.needs_one_of[0]), f"no date: {names} is required",
                          f"give {names} (or its _os column) as the source states it")
    for start, end in table.spans:
        s_values, e_values = pkg.resolved[(table.name, start)], pkg.resolved[(table.name, end)]
        for s, e, line in zip(s_values, e_values, lines):
            if s and e and s.lo is not None and e.hi is not None and e.hi < s.lo:
                pkg.error(file, line, _col(pkg, table, end), f"{end} ({e.label}) is before {start} ({s.label})",
                          "swap the dates or correct the one that is wrong")


def _check_keys(pkg: Package) -> dict[str, set[str]]:
    ids: dict[str, set[str]] = {}
    for name, frame in pkg.tables.items():
        table = TABLES[name]
        seen: dict[str, int] = {}
        for value, line in zip(frame[table.key].tolist(), frame[LINE].tolist()):
            if value in seen:
                pkg.error(f"{name}.csv", line, 1, f"duplicate {table.key} ({_short(value)}), first on line {seen[value]}",
                          "give each row its own id")
            elif value:
                seen[value] = line
        ids[name] = set(seen)
    return ids


def _check_references(pkg: Package, ids: dict[str, set[str]]) -> None:
    for name, frame in pkg.tables.items():
        table = TABLES[name]
        file = f"{name}.csv"
        for column, (ref_table, _) in table.foreign.items():
            if ref_table not in ids:
                continue
            known = ids[ref_table]
            col = _col(pkg, table, column)
            many = table.field(column).type == "ids"
            for value, line in zip(frame[column].tolist(), frame[LINE].tolist()):
                for item in (split_list(value) if many else [value] if value else []):
                    if item not in known:
                        pkg.error(file, line, col, f"{column} refers to an unknown {ref_table} row ({_short(item)})",
                                  f"add {item!r} to {ref_table}.csv or fix the spelling")


def _check_targets(pkg: Package, ids: dict[str, set[str]]) -> None:
    """Every `table:id` an event attests names a row that exists."""
    for name, table in TABLES.items():
        frame = pkg.tables.get(name)
        for f in table.fields:
            if f.type != "targets" or frame is None:
                continue
            col = _col(pkg, table, f.name)
            for value, line in zip(frame[f.name].tolist(), frame[LINE].tolist()):
                for item in split_list(value):
                    t, _, rid = item.partition(":")
                    if t in ids and _ID.match(rid) and rid not in ids[t]:
                        pkg.error(f"{name}.csv", line, col, f"{f.name} refers to an unknown {t} row ({_short(rid)})",
                                  f"use an id that exists in {t}.csv")


def _check_claims(pkg: Package, ids: dict[str, set[str]]) -> None:
    frame = pkg.tables.get("claims")
    if frame is None:
        return
    table = TABLES["claims"]
    groups: dict[tuple[str, str], list[tuple[int, str]]] = defaultdict(list)
    for target, fld, pref, line in zip(frame["target"], frame["field"], frame["preferred"], frame[LINE]):
        t, _, rid = target.partition(":")
        if t in TABLES and t in ids and rid and rid not in ids[t]:
            pkg.error("claims.csv", line, _col(pkg, table, "target"), f"target refers to an unknown {t} row ({_short(rid)})",
                      f"use an id that exists in {t}.csv")
        if t in TABLES and fld and fld not in TABLES[t].columns:
            pkg.error("claims.csv", line, _col(pkg, table, "field"), f"{t} has no column {_short(fld)!r}",
                      "use one of: " + ", ".join(TABLES[t].columns))
        groups[(target, fld)].append((line, pref))
    _warn_preferred_differs(pkg, frame, ids)
    for (target, fld), rows in groups.items():
        preferred = sum(1 for _, p in rows if p == "true")
        if preferred != 1:
            pkg.error("claims.csv", rows[0][0], _col(pkg, table, "preferred"),
                      f"{target} {fld} has {preferred} preferred claims",
                      "mark exactly one claim per target and field preferred=true and say why in its note")


def _warn_preferred_differs(pkg: Package, claims, ids: dict[str, set[str]]) -> None:
    """The preferred claim should say what the table says (dates compared as dates, lists as sets)."""
    for target, fld, value, pref, line in zip(claims["target"], claims["field"], claims["value"], claims["preferred"],
                                              claims[LINE]):
        t, _, rid = target.partition(":")
        if pref != "true" or t not in pkg.tables or rid not in ids.get(t, ()) or fld not in TABLES[t].columns:
            continue
        table, frame = TABLES[t], pkg.tables[t]
        index = frame.index[frame[table.key] == rid][0]
        kind = table.field(fld).type
        if kind == "edtf" and (t, fld) in pkg.resolved:
            have = pkg.resolved[(t, fld)][frame.index.get_loc(index)]
            try:
                said = dates.resolve(value)
            except dates.DateError:
                said = None
            same = bool(have and said and have.lo is not None and said.lo is not None
                        and said.lo <= have.hi and have.lo <= said.hi) or bool(
                have and said and have.precision == said.precision == "unknown")  # both say nothing
        elif kind == "ids":
            same = set(split_list(value)) == set(split_list(frame.at[index, fld]))
        else:
            continue  # free text: a paraphrase is fine
        if not same:
            pkg.warn("claims.csv", line, _col(pkg, TABLES["claims"], "value"),
                     f"the preferred value ({_short(value)}) differs from {t}.csv ({_short(frame.at[index, fld])})",
                     "make the table say what the preferred claim says, or prefer another claim")


def _check_focus(pkg: Package, ids: dict[str, set[str]]) -> None:
    frame = pkg.tables.get("scenes")
    if frame is None:
        return
    known = set().union(*(ids.get(t, set()) for t in FOCUS_TABLES))
    col = _col(pkg, TABLES["scenes"], "focus")
    for value, line in zip(frame["focus"], frame[LINE]):
        for item in split_list(value):
            if item not in known:
                pkg.error("scenes.csv", line, col, f"focus refers to an unknown id ({_short(item)})",
                          "use a person, group, relation, event or tenure id")


def _warn_lifetimes(pkg: Package) -> None:
    people = pkg.tables.get("people")
    if people is None:
        return
    born = dict(zip(people["person_id"], pkg.resolved.get(("people", "born"), [])))
    died = dict(zip(people["person_id"], pkg.resolved.get(("people", "died"), [])))
    for name in ("tenures", "memberships"):
        frame = pkg.tables.get(name)
        if frame is None:
            continue
        starts, ends = pkg.resolved[(name, "start")], pkg.resolved[(name, "end")]
        for pid, s, e, line in zip(frame["person_id"], starts, ends, frame[LINE]):
            d, b = died.get(pid), born.get(pid)
            if s and s.lo is not None and d and d.hi is not None and s.lo > d.hi:
                pkg.warn(f"{name}.csv", line, _col(pkg, TABLES[name], "start"),
                         f"starts ({s.label}) after {pid} died ({d.label})", "check the date or the person")
            if e and e.hi is not None and b and b.lo is not None and e.hi < b.lo:
                pkg.warn(f"{name}.csv", line, _col(pkg, TABLES[name], "end"),
                         f"ends ({e.label}) before {pid} was born ({b.label})", "check the date or the person")


def _warn_overlaps(pkg: Package) -> None:
    frame = pkg.tables.get("tenures")
    if frame is None:
        return
    starts, ends = pkg.resolved[("tenures", "start")], pkg.resolved[("tenures", "end")]
    offices = pkg.tables.get("offices")
    # Several people hold a concurrent office at once: no overlap to report.
    concurrent = set(offices.loc[offices["concurrent"] == "true", "office_id"]) if offices is not None else set()
    by_office: dict[str, list] = defaultdict(list)
    for office, pid, s, e, line in zip(frame["office_id"], frame["person_id"], starts, ends, frame[LINE]):
        if not (s and s.hi is not None and e) or office in concurrent:
            continue
        # An open end runs on past the record; an end not given claims nothing.
        end = NEVER if e.precision == "open" else e.lo
        if end is not None:
            by_office[office].append((s.hi, end, pid, line, s.label))
    for office, spans in by_office.items():
        spans.sort()
        holder = None  # the tenure reaching furthest so far
        for span in spans:
            if holder and span[0] < holder[1] and span[2] != holder[2]:
                pkg.warn("tenures.csv", span[3], _col(pkg, TABLES["tenures"], "start"),
                         f"{span[2]} holds {office} from {span[4]}, while {holder[2]} (line {holder[3]}) still holds it",
                         "check the dates; if both are right, explain in a note")
            if holder is None or span[1] > holder[1]:
                holder = span


GAP_DAYS = 31  # a shorter vacancy (an election, a cabinet being formed) is normal and not reported


def _warn_gaps(pkg: Package) -> None:
    """Consecutive holders of one office: the next one takes it more than GAP_DAYS after the one before
    surely left it. A tenure known only by its end may have begun any time before: it covers the gap."""
    frame = pkg.tables.get("tenures")
    if frame is None:
        return
    starts, ends = pkg.resolved[("tenures", "start")], pkg.resolved[("tenures", "end")]
    offices = pkg.tables.get("offices")
    concurrent = set(offices.loc[offices["concurrent"] == "true", "office_id"]) if offices is not None else set()
    by_office: dict[str, list] = defaultdict(list)
    for office, pid, s, e, line in zip(frame["office_id"], frame["person_id"], starts, ends, frame[LINE]):
        if not (s and e) or office in concurrent:
            continue
        # An end not given or open leaves no gap: the validity model ends it at the next holder.
        reach = e.hi if e.hi is not None else NEVER
        if s.lo is not None:
            by_office[office].append((s.lo, 1, reach, pid, line, s.label, e.label))
        elif e.lo is not None:
            by_office[office].append((e.lo, 0, reach, pid, line, s.label, e.label))
    col = _col(pkg, TABLES["tenures"], "start")
    for office, spans in by_office.items():
        spans.sort()
        holder = None  # the tenure reaching furthest so far
        for span in spans:
            if holder and span[1] and span[0] > holder[2] + GAP_DAYS + 1:
                pkg.warn("tenures.csv", span[4], col,
                         f"{span[3]} holds {office} from {span[5]}, but {holder[3]} (line {holder[4]}) ends "
                         f"{holder[6]}: nobody holds it in between",
                         "check the dates; if the office was vacant, explain in a note")
            if holder is None or span[2] > holder[2]:
                holder = span


def check(path: str | Path) -> Package:
    """Read and validate a package; `pkg.problems` holds everything found."""
    pkg = read_package(path)
    periods.check(pkg)
    switch = _switch(pkg)
    for name, frame in pkg.tables.items():
        table = TABLES[name]
        _check_cells(pkg, table, frame)
        _check_dates(pkg, table, frame, switch)
    if len(pkg.tables) == len(TABLES):
        ids = _check_keys(pkg)
        _check_references(pkg, ids)
        _check_claims(pkg, ids)
        _check_targets(pkg, ids)
        _check_focus(pkg, ids)
        _warn_lifetimes(pkg)
        _warn_overlaps(pkg)
        _warn_gaps(pkg)
        if not pkg.errors:
            from .consistency import warn  # it reads the typed frames, which only a package without errors has
            warn(pkg)
    else:
        _check_keys(pkg)
    pkg.problems.sort(key=lambda p: (p.file, p.line, p.column, p.message))
    return pkg
