"""Malformed-dataset corpus: each case breaks a copy of tests/fixtures/mini in one
small way and asserts the exact problem line `python -m dashboard check` prints,
that check exits 1, and that `build` refuses to write anything.

A case is (id, mutation, expected line). Expected lines were written from the
rules in dashboard/core (package.py, validate.py, dates.py); `{dir}` stands for
the dataset folder.

Row lines in the fixture (header is line 1, files use CRLF):
  tenures  2 lenin-sovnarkom-chair  3 trotsky-foreign-affairs  4 stalin-gen-sec
  people   2 lenin  3 stalin  4 trotsky  5 zinoviev  6 bolshevik-party
  offices  2 sovnarkom-chair  3 gen-sec  4 foreign-affairs
  events   2 october-revolution-1917  3 trotsky-expelled-1927  4 lenin-death-1924
  relations 2 stalin-zinoviev-alliance  3 stalin-trotsky-repression
  claims   2 stalin-born-1878 (preferred)  3 stalin-born-1879
  scenes   2 revolution  3 succession;  groups, memberships, sources: one row on line 2
"""
from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from dashboard.cli import main
from dashboard.core import package

DATE_HINT = "fix the date (see docs/data-format.md, Dates)"
ROW_HINT = "check for a missing or extra comma, or an unquoted comma inside a cell"
INIT_HINT = "run `python -m dashboard init {dir}` to regenerate the descriptor"
TENURES_HEADER = "header: tenure_id,person_id,office_id,start,start_os,end,end_os,note,source_id,locator,quote"




# --- mutations: each returns a function (folder, monkeypatch) -> None ---------------------

def _read_rows(path: Path) -> list[list[str]]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.reader(fh))


def _write_rows(path: Path, rows: list[list[str]]) -> None:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh, lineterminator="\r\n").writerows(rows)


def cell(table: str, row_id: str, column: str, value: str):
    """Set one cell of the row whose first cell is `row_id`."""
    def mutate(folder, _mp):
        path = folder / f"{table}.csv"
        rows = _read_rows(path)
        row = next(r for r in rows[1:] if r[0] == row_id)
        row[rows[0].index(column)] = value
        _write_rows(path, rows)
    return mutate


def edit(file: str, old: str, new: str):
    """Replace the raw text `old` (which must occur) by `new`, keeping line endings."""
    def mutate(folder, _mp):
        path = folder / file
        text = path.read_bytes().decode("utf-8")
        assert old in text, f"{old!r} not in {file}"
        path.write_bytes(text.replace(old, new).encode("utf-8"))
    return mutate


def add_row(table: str, line: str):
    """Append one raw CSV line."""
    def mutate(folder, _mp):
        with open(folder / f"{table}.csv", "ab") as fh:
            fh.write(line.encode("utf-8") + b"\r\n")
    return mutate


def drop_column(table: str, column: str):
    def mutate(folder, _mp):
        path = folder / f"{table}.csv"
        rows = _read_rows(path)
        i = rows[0].index(column)
        _write_rows(path, [r[:i] + r[i + 1:] for r in rows])
    return mutate


def add_column(table: str, column: str, value: str = ""):
    def mutate(folder, _mp):
        path = folder / f"{table}.csv"
        rows = _read_rows(path)
        _write_rows(path, [rows[0] + [column]] + [r + [value] for r in rows[1:]])
    return mutate


def move_column_last(table: str, column: str):
    """Reorder the columns (allowed by the format): `column` becomes the last one."""
    def mutate(folder, _mp):
        path = folder / f"{table}.csv"
        rows = _read_rows(path)
        i = rows[0].index(column)
        _write_rows(path, [r[:i] + r[i + 1:] + [r[i]] for r in rows])
    return mutate


def raw_bytes(file: str, old: bytes, new: bytes):
    """Replace bytes (for encodings and line endings); b"" as `old` prepends `new`."""
    def mutate(folder, _mp):
        path = folder / file
        data = path.read_bytes()
        path.write_bytes(new + data if old == b"" else data.replace(old, new))
    return mutate


def write(file: str, text: str):
    def mutate(folder, _mp):
        (folder / file).write_bytes(text.encode("utf-8"))
    return mutate


def remove(file: str):
    def mutate(folder, _mp):
        (folder / file).unlink()
    return mutate


def resource_schema(table: str, change):
    """Apply `change(schema) -> new schema` to one resource of datapackage.json."""
    def mutate(folder, _mp):
        path = folder / "datapackage.json"
        desc = json.loads(path.read_text(encoding="utf-8"))
        res = next(r for r in desc["resources"] if r["name"] == table)
        res["schema"] = change(res["schema"])
        path.write_text(json.dumps(desc, indent=2), encoding="utf-8")
    return mutate


def without_field(name: str):
    return lambda schema: {**schema, "fields": [f for f in schema["fields"] if f["name"] != name]}


def size_limit(table: str, limit: int, padding: int):
    """Lower the table size limit and pad `table` (with blank lines) past it."""
    def mutate(folder, mp):
        mp.setattr(package, "MAX_TABLE_BYTES", limit)
        with open(folder / f"{table}.csv", "ab") as fh:
            fh.write(b"\r\n" * (padding // 2))
    return mutate


def calendar(value):
    """Declare the dataset's calendar switch (`calendar` in datapackage.json), first among its keys."""
    def mutate(folder, _mp):
        path = folder / "datapackage.json"
        desc = json.loads(path.read_text(encoding="utf-8"))
        path.write_text(json.dumps({"calendar": value, **desc}, indent=2), encoding="utf-8")
    return mutate


def both(*mutations):
    def mutate(folder, mp):
        for m in mutations:
            m(folder, mp)
    return mutate


# --- the corpus --------------------------------------------------------------------------

def case(case_id, mutation, expected):
    return pytest.param(mutation, expected, id=case_id)


ERROR_CASES = [
    # encodings and line endings
    case("utf8-bom", raw_bytes("sources.csv", b"", b"\xef\xbb\xbf"),
         "sources.csv:1:1: file starts with a byte-order mark (BOM) — save it as UTF-8 without BOM "
         "(in LibreOffice: Text CSV, UTF-8; in Excel: CSV UTF-8 then remove the BOM)"),
    case("latin1-byte", both(cell("tenures", "stalin-gen-sec", "note", "Cafe"),
                             raw_bytes("tenures.csv", b"Cafe", b"Caf\xe9")),
         "tenures.csv:4:50: not UTF-8 (byte 0xe9) — save the file as UTF-8 (it looks like Latin-1 or Windows-1252)"),
    case("latin1-byte-after-cyrillic", raw_bytes("people.csv", b"person,,,chron,8", b"person,,Caf\xe9,chron,8"),
         "people.csv:2:67: not UTF-8 (byte 0xe9) — save the file as UTF-8 (it looks like Latin-1 or Windows-1252)"),
    # mixed CRLF / LF / CR line endings are accepted: check that line numbers still hold
    case("mixed-line-endings", both(raw_bytes("tenures.csv", b"Commissars.\r\n", b"Commissars.\n"),
                                    raw_bytes("tenures.csv", b"1918-03-13\r\n", b"1918-03-13\r"),
                                    cell("tenures", "stalin-gen-sec", "start", "1922-02-30")),
         "tenures.csv:4:4: impossible date '1922-02-30': Feb 1922 has no day 30 in the Gregorian calendar — "
         + DATE_HINT),
    case("cr-only-line-endings", both(cell("tenures", "stalin-gen-sec", "start", "1922-02-30"),
                                      raw_bytes("tenures.csv", b"\r\n", b"\r")),
         "tenures.csv:4:4: impossible date '1922-02-30': Feb 1922 has no day 30 in the Gregorian calendar — "
         + DATE_HINT),
    case("multiline-cell-keeps-line-numbers", both(cell("tenures", "lenin-sovnarkom-chair", "note", "two\nlines"),
                                                   cell("tenures", "stalin-gen-sec", "start", "1922-02-30")),
         "tenures.csv:5:4: impossible date '1922-02-30': Feb 1922 has no day 30 in the Gregorian calendar — "
         + DATE_HINT),
    # header and row shape
    case("missing-column", drop_column("tenures", "note"),
         "tenures.csv:1:11: missing column (note) — add it (cells may be empty); " + TENURES_HEADER),
    case("extra-column", add_column("tenures", "comment"),
         "tenures.csv:1:12: unknown column (comment) — remove it or rename it; " + TENURES_HEADER),
    case("duplicate-column", add_column("tenures", "note"),
         "tenures.csv:1:12: duplicate column (note) — keep one of the two"),
    case("row-too-many-cells", edit("tenures.csv", "13 March 1918\r\n", "13 March 1918,extra\r\n"),
         f"tenures.csv:3:12: row has 12 cells, header has 11 — {ROW_HINT}"),
    case("row-too-few-cells", edit("tenures.csv", ",chron,4-5,from 8 November 1917 / to 13 March 1918",
                                   ",chron,4-5"),
         f"tenures.csv:3:11: row has 10 cells, header has 11 — {ROW_HINT}"),
    case("unterminated-quote", edit("tenures.csv", "1918-03-13,,,", '1918-03-13,,"oops,'),
         'tenures.csv:3:1: unreadable CSV (unexpected end of data) — '
         'check the quoting: a quote inside a cell is written twice ("")'),
    case("columns-in-another-order", both(move_column_last("tenures", "start"),
                                          cell("tenures", "stalin-gen-sec", "start", "1922-02-30")),
         "tenures.csv:4:11: impossible date '1922-02-30': Feb 1922 has no day 30 in the Gregorian calendar — "
         + DATE_HINT),
    # ids and references
    case("duplicate-id", add_row("offices", "gen-sec,Second Secretary,Party,party,4,"),
         "offices.csv:5:1: duplicate office_id (gen-sec), first on line 3 — give each row its own id"),
    case("invalid-id-slug", cell("tenures", "stalin-gen-sec", "tenure_id", "Stalin_GenSec"),
         "tenures.csv:4:1: tenure_id is not a valid id (Stalin_GenSec) — "
         "use lower-case ascii letters, digits and single hyphens, e.g. stalin or gen-sec"),
    case("dangling-person", cell("tenures", "stalin-gen-sec", "person_id", "koba"),
         "tenures.csv:4:2: person_id refers to an unknown people row (koba) — "
         "add 'koba' to people.csv or fix the spelling"),
    case("dangling-office", cell("tenures", "stalin-gen-sec", "office_id", "gen-secretary"),
         "tenures.csv:4:3: office_id refers to an unknown offices row (gen-secretary) — "
         "add 'gen-secretary' to offices.csv or fix the spelling"),
    case("dangling-group", cell("memberships", "trotsky-left-opposition", "group_id", "right-opposition"),
         "memberships.csv:2:3: group_id refers to an unknown groups row (right-opposition) — "
         "add 'right-opposition' to groups.csv or fix the spelling"),
    case("dangling-source", cell("events", "trotsky-expelled-1927", "source_id", "pravda"),
         "events.csv:3:10: source_id refers to an unknown sources row (pravda) — "
         "add 'pravda' to sources.csv or fix the spelling"),
    case("dangling-event-people", cell("events", "october-revolution-1917", "people", "lenin; trotsky;kamenev"),
         "events.csv:2:8: people refers to an unknown people row (kamenev) — "
         "add 'kamenev' to people.csv or fix the spelling"),
    case("dangling-relation-a", cell("relations", "stalin-zinoviev-alliance", "a", "molotov"),
         "relations.csv:2:2: a refers to an unknown people row (molotov) — "
         "add 'molotov' to people.csv or fix the spelling"),
    case("dangling-relation-b", cell("relations", "stalin-trotsky-repression", "b", "bukharin"),
         "relations.csv:3:3: b refers to an unknown people row (bukharin) — "
         "add 'bukharin' to people.csv or fix the spelling"),
    case("dangling-claim-target", cell("claims", "stalin-born-1879", "target", "people:koba"),
         "claims.csv:3:2: target refers to an unknown people row (koba) — use an id that exists in people.csv"),
    case("claim-target-unknown-table", cell("claims", "stalin-born-1879", "target", "persons:stalin"),
         "claims.csv:3:2: target is not table:id (persons:stalin) — write it like tenures:stalin-gen-sec"),
    case("dangling-scene-focus", cell("scenes", "succession", "focus", "stalin;left-opposition;kamenev"),
         "scenes.csv:3:7: focus refers to an unknown id (kamenev) — "
         "use a person, group, relation, event or tenure id"),
    # cell values
    case("unknown-office-kind", cell("offices", "gen-sec", "kind", "government"),
         "offices.csv:3:4: kind is not one of the allowed values (government) — "
         "use one of: party, state, military, security, legislature, other"),
    case("unknown-relation-kind", cell("relations", "stalin-zinoviev-alliance", "kind", "friendship"),
         "relations.csv:2:4: kind is not one of the allowed values (friendship) — "
         "use one of: alliance, rivalry, patronage, repression, agreement, family, succession, other"),
    case("unknown-event-kind", cell("events", "october-revolution-1917", "kind", "coup"),
         "events.csv:2:7: kind is not one of the allowed values (coup) — use one of: congress, conference, plenum, "
         "election, appointment, expulsion, exile, arrest, trial, execution, death, birth, treaty, war, battle, "
         "revolution, decree, publication, other"),
    case("non-boolean", cell("relations", "stalin-zinoviev-alliance", "directed", "yes"),
         "relations.csv:2:5: directed is not true or false (yes) — write true or false"),
    case("non-integer-rank", cell("offices", "gen-sec", "rank", "2nd"),
         "offices.csv:3:5: rank is not a whole number (2nd) — write digits only, e.g. 3"),
    case("non-ascii-digit-rank", cell("offices", "gen-sec", "rank", "\u0662"),
         "offices.csv:3:5: rank is not a whole number (\u0662) — write digits only, e.g. 3"),
    case("missing-required-field", cell("people", "trotsky", "name", ""),
         "people.csv:4:2: name is required — fill in name"),
    case("missing-source-id", cell("tenures", "stalin-gen-sec", "source_id", ""),
         "tenures.csv:4:9: source_id is required — fill in source_id"),
    case("missing-locator", cell("groups", "left-opposition", "locator", ""),
         "groups.csv:2:10: locator is required — fill in locator"),
    case("missing-quote", cell("events", "trotsky-expelled-1927", "quote", ""),
         "events.csv:3:12: quote is required — fill in quote"),
    case("malformed-locator", cell("tenures", "stalin-gen-sec", "locator", "p. 6"),
         "tenures.csv:4:10: locator is not a line locator (p. 6) — "
         "write line numbers like 3400 or 3400-3404, several joined by ';'"),
    case("statement-id-citing-a-text", cell("tenures", "stalin-gen-sec", "locator",
                                            "Q42$F078E5B3-F9A8-480E-B7AC-D97778CBBEF9"),
         "tenures.csv:4:10: locator is not a line locator (Q42$F078E5B3-F9A8-480E-B7AC-D97778CBBEF9) — "
         "write line numbers like 3400 or 3400-3404, several joined by ';'"),
    case("line-numbers-citing-a-structured-source", cell("sources", "chron", "kind", "structured"),
         "tenures.csv:4:10: locator is not a statement id (6) — chron is a structured source: write the statement "
         "id, like Q42$F078E5B3-F9A8-480E-B7AC-D97778CBBEF9, several joined by ';'"),
    case("very-long-cell", cell("tenures", "stalin-gen-sec", "note", "x" * 5001),
         "tenures.csv:4:8: cell is 5001 characters long, over 5000 — shorten it: quotes should be short excerpts"),
    # dates
    case("unparseable-date", cell("tenures", "stalin-gen-sec", "start", "3rd of April"),
         f"tenures.csv:4:4: cannot read date '3rd of April': write an EDTF date such as 1917-11-07, 1917-11, 1917, "
         f"1926~ or 192X — {DATE_HINT}"),
    case("month-in-words", cell("tenures", "stalin-gen-sec", "start", "April 1922"),
         f"tenures.csv:4:4: cannot read date 'April 1922': write 1922-04 — {DATE_HINT}"),
    case("range-with-a-hyphen", cell("tenures", "stalin-gen-sec", "start", "1926-1927"),
         "tenures.csv:4:4: cannot read date '1926-1927': write 1926/1927 (an interval: EDTF separates its ends "
         f"with /) — {DATE_HINT}"),
    case("unicode-digits", cell("tenures", "stalin-gen-sec", "start", "١٩٢٢"),
         "tenures.csv:4:4: cannot read date '١٩٢٢': write the digits as ASCII 0-9 (this has other digits, such as "
         f"² or ١) — {DATE_HINT}"),
    case("open-interval-in-a-cell", cell("tenures", "stalin-gen-sec", "end", "1985-04/.."),
         "tenures.csv:4:6: '1985-04/..' is an interval with an open end, not a single date — "
         "give its start (1985-04) in the start column and '..' in the end column"),
    case("open-start-interval-in-a-cell", cell("tenures", "stalin-gen-sec", "start", "../1922"),
         "tenures.csv:4:4: '../1922' is an interval with an open start, not a single date — "
         "give its end (1922) in the end column and its start, if known, in the start column"),
    case("impossible-date", cell("tenures", "stalin-gen-sec", "start", "1922-02-30"),
         "tenures.csv:4:4: impossible date '1922-02-30': Feb 1922 has no day 30 in the Gregorian calendar — "
         + DATE_HINT),
    case("impossible-julian-date", cell("tenures", "lenin-sovnarkom-chair", "start_os", "1917-09-31"),
         "tenures.csv:2:5: impossible date '1917-09-31': Sep 1917 has no day 31 in the Julian (Old Style) calendar — "
         + DATE_HINT),
    case("impossible-os-month-beside-ns", both(cell("tenures", "lenin-sovnarkom-chair", "start", "1917-11-07"),
                                               cell("tenures", "lenin-sovnarkom-chair", "start_os", "1917-13-25")),
         f"tenures.csv:2:5: impossible month 13 in '1917-13-25' — {DATE_HINT}"),
    case("year-out-of-range", cell("tenures", "stalin-gen-sec", "start", "10000"),
         f"tenures.csv:4:4: cannot read date '10000': years run from -9999 to 9999 here — {DATE_HINT}"),
    case("long-year", cell("tenures", "stalin-gen-sec", "start", "Y-170000002"),
         "tenures.csv:4:4: date 'Y-170000002' is out of the supported range (years -9999 to 9999) — the dashboard "
         "shows years -9999 to 9999; give the nearest date it can show, and the exact one in a note"),
    case("end-before-start", cell("tenures", "stalin-gen-sec", "end", "1921"),
         "tenures.csv:4:6: end (1921) is before start (3 Apr 1922) — "
         "swap the dates or correct the one that is wrong"),
    case("os-ns-disagree", cell("tenures", "lenin-sovnarkom-chair", "start", "1917-11-08"),
         "tenures.csv:2:5: New Style '1917-11-08' and Old Style '1917-10-25' disagree: "
         f"O.S. 1917-10-25 is N.S. 7 Nov 1917 — {DATE_HINT}"),
    case("os-after-switch", cell("tenures", "trotsky-foreign-affairs", "end_os", "1918-02-28"),
         "tenures.csv:3:7: Old Style date '1918-02-28' is after 31 January 1918, Russia's last Old Style day: "
         f"put it in the New Style column — {DATE_HINT}"),
    case("os-after-the-datasets-switch", calendar({"julian_until": "1752-09-02"}),
         "tenures.csv:2:5: Old Style date '1917-10-25' is after 2 September 1752, the last Old Style day of this "
         f"dataset's sources (calendar.julian_until in datapackage.json): put it in the New Style column — {DATE_HINT}"),
    case("calendar-not-a-day", calendar({"julian_until": "1752-02-30"}),
         "datapackage.json:2:1: calendar.julian_until ('1752-02-30') is not a date: impossible date '1752-02-30': "
         "Feb 1752 has no day 30 in the Julian (Old Style) calendar — write it like \"calendar\": {{\"julian_until\": "
         "\"1752-09-02\"}}: the last day the sources date in Old Style, written in Old Style"),
    case("calendar-not-an-object", calendar("Britain"),
         "datapackage.json:2:1: calendar must be an object with julian_until, the last Old Style day, as an EDTF day"
         " — write it like \"calendar\": {{\"julian_until\": \"1752-09-02\"}}: the last day the sources date in "
         "Old Style, written in Old Style"),
    case("open-start", cell("tenures", "stalin-gen-sec", "start", ".."),
         "tenures.csv:4:4: start cannot be open ('..'): only end columns may be — leave it empty when unknown"),
    case("tenure-without-date", both(cell("tenures", "trotsky-foreign-affairs", "start", ""),
                                     cell("tenures", "trotsky-foreign-affairs", "end", "")),
         "tenures.csv:3:4: no date: start or end is required — "
         "give start or end (or its _os column) as the source states it"),
    case("event-without-date", cell("events", "trotsky-expelled-1927", "date", ""),
         "events.csv:3:2: no date: date is required — give date (or its _os column) as the source states it"),
    case("scene-without-date", cell("scenes", "revolution", "date", ""),
         "scenes.csv:2:4: date is required — fill in date"),
    # claims
    case("claim-zero-preferred", cell("claims", "stalin-born-1878", "preferred", "false"),
         "claims.csv:2:5: people:stalin born has 0 preferred claims — "
         "mark exactly one claim per target and field preferred=true and say why in its note"),
    case("claim-two-preferred", cell("claims", "stalin-born-1879", "preferred", "true"),
         "claims.csv:2:5: people:stalin born has 2 preferred claims — "
         "mark exactly one claim per target and field preferred=true and say why in its note"),
    case("claim-field-not-a-column", edit("claims.csv", ",born,", ",birthday,"),
         "claims.csv:2:3: people has no column 'birthday' — use one of: person_id, name, name_native, aliases, born, "
         "born_os, died, died_os, kind, wikidata, note, source_id, locator, quote"),
    # files and descriptor
    case("empty-file", write("offices.csv", ""),
         "offices.csv:1:1: empty file — write the header: office_id,title,organisation,kind,rank,concurrent"),
    case("missing-table-file", remove("scenes.csv"),
         "scenes.csv:1:1: file missing — create it with the header: "
         "scene_id,order,title,date,window_start,window_end,focus,caption"),
    case("table-over-size-limit", size_limit("people", 1024 * 1024, 1_100_000),
         "people.csv:1:1: file is 1.1 MB, over the 1 MB limit — split the dataset or remove unused rows"),
    case("missing-datapackage-json", remove("datapackage.json"),
         "datapackage.json:1:1: missing — run `python -m dashboard init {dir}` to write one"),
    case("invalid-json", edit("datapackage.json", '"Mini test dataset",', '"Mini test dataset"'),
         "datapackage.json:4:3: not valid JSON (Expecting ',' delimiter) — fix the JSON syntax at this position"),
    case("descriptor-schema-missing-field", resource_schema("tenures", without_field("note")),
         "datapackage.json:1:1: resource 'tenures' schema does not match the format (missing ['note'], extra []) — "
         + INIT_HINT),
    case("descriptor-schema-is-a-path", resource_schema("tenures", lambda _: "tenures.schema.json"),
         "datapackage.json:1:1: resource 'tenures' schema must be an object with a fields list "
         "(a schema file path is not supported) — " + INIT_HINT),
]

TENURE_TAIL = ",,,chron,4,x"  # end_os, note, source_id, locator, quote (check does not verify quotes)

WARNING_CASES = [
    case("overlapping-tenures", add_row("tenures", "zinoviev-foreign-affairs,zinoviev,foreign-affairs,1918-01,,1918-06"
                                        + TENURE_TAIL),
         "tenures.csv:5:4: warning: zinoviev holds foreign-affairs from Jan 1918, while trotsky (line 3) still holds it"
         " — check the dates; if both are right, explain in a note"),
    case("tenure-after-death", add_row("tenures", "lenin-gen-sec,lenin,gen-sec,1925,," + TENURE_TAIL),
         "tenures.csv:5:4: warning: starts (1925) after lenin died (Jan 1924) — check the date or the person"),
    case("overlap-with-non-adjacent-tenure",
         both(add_row("tenures", "zinoviev-fa,zinoviev,foreign-affairs,1917-12-01,,1917-12-05" + TENURE_TAIL),
              add_row("tenures", "lenin-fa,lenin,foreign-affairs,1918-01-10,,1918-01-20" + TENURE_TAIL)),
         "tenures.csv:6:4: warning: lenin holds foreign-affairs from 10 Jan 1918, while trotsky (line 3) still holds it"
         " — check the dates; if both are right, explain in a note"),
    case("overlap-with-open-ended-tenure", add_row("tenures", "zinoviev-gen-sec,zinoviev,gen-sec,1923,,1925"
                                                   + TENURE_TAIL),
         "tenures.csv:5:4: warning: zinoviev holds gen-sec from 1923, while stalin (line 4) still holds it"
         " — check the dates; if both are right, explain in a note"),
    case("gap-between-holders", add_row("tenures", "zinoviev-foreign-affairs,zinoviev,foreign-affairs,1918-05-30,,1920"
                                        + TENURE_TAIL),
         "tenures.csv:5:4: warning: zinoviev holds foreign-affairs from 30 May 1918, but trotsky (line 3) ends "
         "13 Mar 1918: nobody holds it in between — check the dates; if the office was vacant, explain in a note"),
    # The state the rows describe (core/consistency.py, with the validity model).
    case("end-after-death", cell("tenures", "lenin-sovnarkom-chair", "end", "1925"),
         "tenures.csv:2:6: warning: ends (1925) after lenin died (Jan 1924) — "
         "check the date or the person: the dashboard ends it at the death"),
    case("open-end-after-death", cell("tenures", "lenin-sovnarkom-chair", "end", ".."),
         "tenures.csv:2:6: warning: open end ('..') although lenin died (Jan 1924) — give the end the sources give, "
         "or leave it empty: nothing is in force after a death"),
    case("relation-after-death", add_row("relations", "lenin-trotsky-alliance,lenin,trotsky,alliance,false,1925,,,,,"
                                         "chron,4,x,"),
         "relations.csv:4:6: warning: starts (1925) after lenin died (Jan 1924) — "
         "check the date or the person: nothing about a person is in force after their death"),
    case("duplicate-relation", add_row("relations", "zinoviev-stalin-alliance,zinoviev,stalin,alliance,false,1924,,,,,"
                                       "chron,9,x,"),
         "relations.csv:4:6: warning: zinoviev-stalin-alliance overlaps stalin-zinoviev-alliance (line 2): the same "
         "people and kind at once — merge them, keeping both citations (locators joined by ';', quotes by ' ... '), "
         "or give the first its end"),
    case("alliance-and-rivalry-without-ends",
         add_row("relations", "stalin-zinoviev-rivalry,stalin,zinoviev,rivalry,false,1926,,,,,chron,9,x,"),
         "relations.csv:2:8: warning: stalin-zinoviev-alliance (alliance) has no end recorded and overlaps "
         "stalin-zinoviev-rivalry, which has none either — give the end the sources give (the dashboard ends it "
         "where the other begins), or explain it in the dataset's README"),
    case("membership-before-its-group", cell("memberships", "trotsky-left-opposition", "start", "1921"),
         "memberships.csv:2:4: warning: starts (1921) before left-opposition began (1923) — "
         "check the dates of the membership and of the group"),
    case("membership-after-its-group", cell("memberships", "trotsky-left-opposition", "end", "1930"),
         "memberships.csv:2:6: warning: ends (1930) after left-opposition ended (c. 1927) — "
         "check the dates of the membership and of the group"),
    case("death-only-in-an-event", cell("people", "lenin", "died", ""),
         "events.csv:4:8: warning: lenin-death-1924 records a death (Jan 1924), but people.csv gives none of its "
         "people (lenin) a death then — fill died (or died_os) of the one who died, from the event's source"),
]


def _built(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name == "processed" or p.name.startswith(".processed-")]


@pytest.mark.parametrize("mutate, expected", ERROR_CASES)
def test_error_is_reported_and_nothing_built(mini, monkeypatch, capsys, mutate, expected):
    mutate(mini, monkeypatch)
    status = main(["check", str(mini)])
    out = capsys.readouterr().out.splitlines()
    assert expected.format(dir=mini) in out
    assert status == 1
    assert main(["build", str(mini)]) == 1
    assert _built(mini) == []


@pytest.mark.parametrize("mutate, expected", WARNING_CASES)
def test_warning_is_reported_and_passes(mini, monkeypatch, capsys, mutate, expected):
    mutate(mini, monkeypatch)
    status = main(["check", str(mini)])
    out = capsys.readouterr().out.splitlines()
    assert expected.format(dir=mini) in out
    assert out[-1].startswith("0 error(s), ")
    assert status == 0


def test_long_quote_is_reported_once(mini, monkeypatch, capsys):
    cell("tenures", "stalin-gen-sec", "quote", "x" * 5001)(mini, monkeypatch)
    assert main(["check", str(mini)]) == 1
    out = capsys.readouterr().out.splitlines()
    long_cell = ("tenures.csv:4:11: cell is 5001 characters long, over 5000 — "
                 "shorten it: quotes should be short excerpts")
    assert long_cell in out
    assert "tenures.csv:4:11: quote is required — fill in quote" not in out


@pytest.mark.parametrize("period, expected", [
    ({"start": "1929", "end": "1917"}, "period is not a span of two dates"),
    ({"start": "1917-13"}, "period is not a span of two dates"),
    ("1917-1953", "period is not a span of two dates"),
    ({"end": "1953"}, "period is not a span of two dates"),  # no start: not from the beginning of time
    ({"start": "1917"}, "period is not a span of two dates"),
])
def test_a_period_that_cannot_be_read_is_an_error(mini, capsys, period, expected):
    path = mini / "datapackage.json"
    desc = json.loads(path.read_text(encoding="utf-8"))
    desc = {"period": period, **desc}
    path.write_text(json.dumps(desc, indent=2), encoding="utf-8")
    assert main(["check", str(mini)]) == 1
    out = capsys.readouterr().out
    assert (f'datapackage.json:2:1: {expected} — write it like {{"start": "1917", "end": "1953"}}: EDTF dates, '
            "the start not after the end") in out


def _write_descriptor(folder, desc, before=""):
    (folder / "datapackage.json").write_text(before + json.dumps(desc, indent=2), encoding="utf-8")


def test_a_readable_period_and_periods_pass(mini, capsys):
    desc = json.loads((mini / "datapackage.json").read_text(encoding="utf-8"))
    _write_descriptor(mini, {"period": {"start": "1917", "end": "1953"}, **desc,
                             "periods": [{"label": "Revolution", "start": "1917", "end": "1924"}]})
    assert main(["check", str(mini)]) == 0
    assert "period" not in capsys.readouterr().out


def test_a_period_problem_is_reported_on_the_line_of_its_key(mini, capsys):
    """Not on a later line where the word is a value (a preset labelled "period"), and counting a blank first
    line."""
    desc = json.loads((mini / "datapackage.json").read_text(encoding="utf-8"))
    desc = {"period": {"start": "1929", "end": "1917"}, **desc,
            "periods": [{"label": "period", "start": "1917", "end": "1920"}]}
    _write_descriptor(mini, desc)
    assert main(["check", str(mini)]) == 1
    assert "datapackage.json:2:1: period is not a span of two dates" in capsys.readouterr().out
    _write_descriptor(mini, desc, before="\n")
    assert main(["check", str(mini)]) == 1
    assert "datapackage.json:3:1: period is not a span of two dates" in capsys.readouterr().out


def test_periods_items_are_checked(mini, capsys):
    path = mini / "datapackage.json"
    desc = json.loads(path.read_text(encoding="utf-8"))
    desc["periods"] = [{"label": "ok", "start": "1917", "end": "1920"}, {"start": "1921", "end": "1925"}]
    path.write_text(json.dumps(desc, indent=2), encoding="utf-8")
    assert main(["check", str(mini)]) == 1
    assert "periods item 2 is not a labelled span of two dates" in capsys.readouterr().out


def test_each_unreadable_periods_item_is_reported_on_the_line_of_periods(mini, capsys):
    desc = json.loads((mini / "datapackage.json").read_text(encoding="utf-8"))
    _write_descriptor(mini, {"periods": [{"label": "ok", "start": "1917", "end": "1920"}, "1921-1925",
                                         {"label": "", "start": "1921", "end": "1925"},
                                         {"label": "late", "start": "1930", "end": "1925"}], **desc})
    assert main(["check", str(mini)]) == 1
    out = capsys.readouterr().out.splitlines()
    hint = 'write it like {"label": "1917-1924", "start": "1917", "end": "1924"}'
    assert [line for line in out if "periods" in line] == [
        f"datapackage.json:2:1: periods item {i} is not a labelled span of two dates — {hint}" for i in (2, 3, 4)]


def test_periods_that_are_not_a_list_are_one_error(mini, capsys):
    desc = json.loads((mini / "datapackage.json").read_text(encoding="utf-8"))
    _write_descriptor(mini, {"periods": {"label": "1917-1924", "start": "1917", "end": "1924"}, **desc})
    assert main(["check", str(mini)]) == 1
    out = [line for line in capsys.readouterr().out.splitlines() if "periods" in line]
    assert out == ['datapackage.json:2:1: periods is not a list — write a list of '
                   '{"label": "...", "start": "...", "end": "..."}']


def test_a_vacancy_of_a_month_is_not_a_gap(mini, monkeypatch, capsys):
    """Trotsky leaves on 13 March 1918: a successor from 13 April (30 days without a holder) is normal,
    one from 15 April is reported."""
    add_row("tenures", "zinoviev-foreign-affairs,zinoviev,foreign-affairs,1918-04-13,,1920" + TENURE_TAIL)(mini, monkeypatch)
    assert main(["check", str(mini)]) == 0
    assert "nobody holds it" not in capsys.readouterr().out
    cell("tenures", "zinoviev-foreign-affairs", "start", "1918-04-15")(mini, monkeypatch)
    assert main(["check", str(mini)]) == 0
    assert "from 15 Apr 1918, but trotsky (line 3) ends 13 Mar 1918: nobody holds it" in capsys.readouterr().out


# --- the warnings of core/consistency.py: exactly the right ones, and none on a boundary -------------------

@pytest.mark.parametrize("mutate, expected", [c for c in WARNING_CASES if c.id != "overlap-with-non-adjacent-tenure"])
def test_each_warning_case_warns_of_that_alone(mini, monkeypatch, capsys, mutate, expected):
    """The mini dataset itself has no warning: a case's line is the only one (a rule that fires on the
    other rows too, a death event that is not one, an alliance counted as unended, would add lines)."""
    mutate(mini, monkeypatch)
    assert main(["check", str(mini)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert [line for line in out if ": warning: " in line] == [expected]
    assert out[-1].startswith("0 error(s), 1 warning(s)")


def _relation(rid, a, b, kind, start, end=""):
    return add_row("relations", f"{rid},{a},{b},{kind},false,{start},,{end},,,chron,4,x,")


def _check_warnings(mini, capsys, *mutations):
    for m in mutations:
        m(mini, None)
    assert main(["check", str(mini)]) == 0
    return [line.split(" — ")[0] for line in capsys.readouterr().out.splitlines() if ": warning: " in line]


def test_a_row_ending_or_starting_on_the_day_of_a_death_is_not_after_it(mini, capsys):
    """Lenin died in January 1924: to its last day is not after his death. Either end of a relation counts."""
    assert _check_warnings(mini, capsys, cell("tenures", "lenin-sovnarkom-chair", "end", "1924-01-31"),
                           _relation("lenin-trotsky-alliance", "lenin", "trotsky", "alliance", "1924-01-31"),
                           _relation("lenin-zinoviev-alliance", "lenin", "zinoviev", "alliance", "1917"),
                           _relation("stalin-lenin-agreement", "stalin", "lenin", "agreement", "1917", "1925")) == [
        "relations.csv:6:8: warning: ends (1925) after lenin died (Jan 1924)"]


def test_a_membership_within_its_groups_days_or_of_an_undated_group_is_not_outside_it(mini, capsys):
    boundary = (cell("groups", "left-opposition", "end", "1927"),
                cell("memberships", "trotsky-left-opposition", "start", "1923-01-01"),
                cell("memberships", "trotsky-left-opposition", "end", "1927-12-31"))
    assert _check_warnings(mini, capsys, *boundary) == []
    assert _check_warnings(mini, capsys, cell("groups", "left-opposition", "start", ""),
                           cell("groups", "left-opposition", "end", "")) == []


def test_an_alliance_cut_by_a_rivalry_with_an_end_is_not_warned_of(mini, capsys):
    assert _check_warnings(mini, capsys, _relation("stalin-zinoviev-rivalry", "stalin", "zinoviev", "rivalry",
                                                   "1926", "1927")) == []


def test_an_undated_relation_overlaps_nothing_and_the_rows_after_it_are_checked(mini, capsys):
    assert _check_warnings(mini, capsys, _relation("stalin-zinoviev-alliance-2", "stalin", "zinoviev", "alliance", ""),
                           _relation("zinoviev-stalin-alliance", "zinoviev", "stalin", "alliance", "1924")) == [
        "relations.csv:5:6: warning: zinoviev-stalin-alliance overlaps stalin-zinoviev-alliance (line 2): the same "
        "people and kind at once"]


def _event(kind, date, people, end=""):
    return add_row("events", f"x-{kind},{date},,{end},,X,{kind},{people},,chron,8,x,")


@pytest.mark.parametrize("mutations, expected", [
    # the people without a death are named, organisations never; "an" before a vowel
    ((_event("execution", "1940", "lenin;trotsky;zinoviev;bolshevik-party"),),
     "events.csv:5:8: warning: x-execution records an execution (1940), but people.csv gives none of its people "
     "(trotsky, zinoviev) a death then"),
    # all of them when each died, at another time
    ((cell("people", "zinoviev", "died", "1936-08-25"), _event("death", "1940", "lenin;zinoviev")),
     "events.csv:5:8: warning: x-death records a death (1940), but people.csv gives none of its people "
     "(lenin, zinoviev) a death then"),
])
def test_a_death_event_names_the_people_it_misses_a_death_for(mini, capsys, mutations, expected):
    assert _check_warnings(mini, capsys, *mutations) == [expected]


@pytest.mark.parametrize("date, end", [("1924-01-01", ""), ("1924-01-31", ""), ("1923-12", "1924-01")])
def test_a_death_event_that_meets_the_death_on_one_day_is_not_warned_of(mini, capsys, date, end):
    """Lenin died in January 1924: an event on its first or last day, or one that ends in it, records it."""
    assert _check_warnings(mini, capsys, _event("death", date, "lenin", end)) == []
