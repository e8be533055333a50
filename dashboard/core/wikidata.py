"""Saved Wikidata query results: read them, one statement at a time.

A result is read from a file in any of three formats:

- W3C SPARQL 1.1 Query Results JSON (`{"head": {"vars": …}, "results": {"bindings": …}}`), as the query
  service downloads it;
- the same as CSV (plain values) or TSV (SPARQL terms: `<uri>`, `"text"@en`, `"…"^^<type>`);
- the simplified JSON array of command-line clients: one object a row, a value being a plain string, a
  list of them, or an object such as `{"value": …, "label": …}` / `{"value": …, "precision": …}`.

Every row becomes a flat mapping of variable names to text: an object value `start: {"value": v,
"precision": 11}` gives `start` and `start.precision`. The rows of one statement (a query with several
`replaces` or parties answers one row per combination) are merged into one `Statement` whose values
are lists, in file order. These flat values are what a citation quotes (`quote()`) and what
`verify-quotes` looks up (`quoted_pairs()`, `read_statements()`).

Dates (`time_value()`): precision 11 is a day, 10 a month, 9 a year (8 a decade, 7 a century); the
calendar model Q1985786 is Julian, Q1985727 (or none) Gregorian. The query service gives a Julian date
of day precision already converted to Gregorian (its `wikibase:timeValue`), and month or year values as
entered; a client that reads the items themselves writes every value as entered (`as_entered=True`).
"""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from . import days
from .dates import LAST_OLD_STYLE
from .schema import STATEMENT_ID

ENTITY = "http://www.wikidata.org/entity/"
JULIAN = ENTITY + "Q1985786"
GREGORIAN = ENTITY + "Q1985727"
PRECISIONS = {11: "day", 10: "month", 9: "year", 8: "decade", 7: "century"}
QUOTE_SEP = " | "

_ITEM = re.compile(r"^(?:https?://www\.wikidata\.org/(?:entity|wiki)/)?(Q[0-9]+)$")
_STATEMENT = re.compile(r"^(?:https?://www\.wikidata\.org/entity/statement/|wds:)?([QPL][0-9]+)[$-]"
                        r"([0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12})$")
_TIME = re.compile(r"^([+-]?)([0-9]{1,16})(?:-([0-9]{2})(?:-([0-9]{2}))?)?(T[0-9:.]+Z?)?$")
_UNKNOWN = re.compile(r"^(?:https?://www\.wikidata\.org/\.well-known/genid/|_:)")
_TSV_TERM = re.compile(r'^"((?:[^"\\]|\\.)*)"(?:@[A-Za-z0-9-]+|\^\^(?:<[^>]*>|\S+))?$')


class ResultError(ValueError):
    """Bad input, said as file:where: what — how to fix (`where` is a line or a JSON path)."""

    def __init__(self, file: str, where: str, message: str, hint: str):
        self.file, self.where, self.message, self.hint = file, where, message, hint
        super().__init__(f"{file}:{where}: {message} — {hint}")


@dataclass
class Row:
    where: str  # "line 5" or a JSON path such as "results.bindings[3]"
    values: dict[str, list[str]]


@dataclass
class Statement:
    sid: str  # canonical id, Q42$F078E5B3-…
    where: str  # the first row that gives it
    values: dict[str, list[str]] = field(default_factory=dict)
    rows: int = 0

    def get(self, *names: str) -> list[str]:
        """The values of the first of `names` the statement has (a variable and its spellings)."""
        for n in names:
            if self.values.get(n):
                return self.values[n]
        return []

    def one(self, *names: str) -> str:
        got = self.get(*names)
        return got[0] if got else ""

    def key_of(self, *names: str) -> str | None:
        return next((n for n in names if self.values.get(n)), None)


# --- reading the three formats ------------------------------------------------------------------------

def _add(values: dict[str, list[str]], name: str, value) -> None:
    if value is None:
        return
    text = value if isinstance(value, str) else json.dumps(value) if isinstance(value, (dict, list)) else str(value)
    text = text.strip()
    if text == "":
        return
    bucket = values.setdefault(name, [])
    if text not in bucket:
        bucket.append(text)


def _sparql_json(data: dict, file: str) -> list[Row]:
    results = data.get("results")
    bindings = results.get("bindings") if isinstance(results, dict) else None
    if not isinstance(bindings, list):
        raise ResultError(file, "results.bindings", "no list of bindings",
                          "save the query service's answer as 'JSON' (SPARQL 1.1 Query Results JSON)")
    rows = []
    for i, binding in enumerate(bindings):
        where = f"results.bindings[{i}]"
        if not isinstance(binding, dict):
            raise ResultError(file, where, "a binding is not an object", "each binding maps variables to terms")
        values: dict[str, list[str]] = {}
        for name, term in binding.items():
            if not isinstance(term, dict) or "value" not in term:
                raise ResultError(file, f"{where}.{name}", "not a SPARQL term (no 'value')",
                                  'write it like {"type": "literal", "value": "…"}')
            _add(values, name, term["value"])
        rows.append(Row(where, values))
    return rows


def _simplified(data: list, file: str) -> list[Row]:
    rows = []
    for i, obj in enumerate(data):
        where = f"[{i}]"
        if not isinstance(obj, dict):
            raise ResultError(file, where, "an entry of the array is not an object",
                              "write one object a statement, e.g. {\"person\": \"Q1\", \"statement\": \"Q1$…\"}")
        values: dict[str, list[str]] = {}
        for name, value in obj.items():
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, dict):
                    if "value" not in item:
                        raise ResultError(file, f"{where}.{name}", "an object value has no 'value'",
                                          'write it like {"value": "Q1", "label": "…"}')
                    _add(values, name, item["value"])
                    for sub, v in item.items():
                        if sub != "value":
                            _add(values, f"{name}.{sub}", v)
                else:
                    _add(values, name, item)
        rows.append(Row(where, values))
    return rows


def _tsv_term(text: str) -> str:
    text = text.strip()
    if text.startswith("<") and text.endswith(">"):
        return text[1:-1]
    m = _TSV_TERM.match(text)
    if m:
        return re.sub(r"\\(.)", lambda c: {"t": "\t", "n": "\n", "r": "\r"}.get(c[1], c[1]), m[1])
    return text


def records(reader, width: int, file: str, kind: str, row_hint: str, quoting_hint: str):
    """(line, cells) of each non-blank record a csv reader gives after its header of `width` cells. A row of
    another width, or quoting the reader cannot read, is a ResultError that names the line."""
    line = reader.line_num + 1
    try:
        for record in reader:
            if record and record != [""]:
                if len(record) != width:
                    raise ResultError(file, f"line {line}", f"row has {len(record)} cells, header has {width}",
                                      row_hint)
                yield line, record
            line = reader.line_num + 1
    except csv.Error as e:
        raise ResultError(file, f"line {line}", f"unreadable {kind} ({e})", quoting_hint) from None


def _delimited(text: str, file: str, tsv: bool) -> list[Row]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter="\t" if tsv else ",",
                        quoting=csv.QUOTE_NONE if tsv else csv.QUOTE_MINIMAL)
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        raise ResultError(file, "line 1", "no header row", "save the result with its header (the variable names)") \
            from None
    header = [h.strip().lstrip("?") for h in header]
    rows = []
    for line, record in records(reader, len(header), file, "TSV" if tsv else "CSV",
                                "save the file again from the query service, or check for a stray "
                                + ("tab" if tsv else "comma or quote"),
                                "check the quoting: a quote inside a cell is written twice"):
        values: dict[str, list[str]] = {}
        for name, cell in zip(header, record):
            _add(values, name, _tsv_term(cell) if tsv else cell)
        rows.append(Row(f"line {line}", values))
    return rows


def read_rows(path: Path) -> list[Row]:
    """The rows of a saved result, whatever its format (told by its first character and its header)."""
    file = path.name
    try:
        data = path.read_bytes()
    except OSError as e:
        raise ResultError(file, "line 1", f"cannot read the file ({e.strerror})", "check the path") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        raise ResultError(file, f"line {line}", f"not UTF-8 (byte 0x{data[e.start]:02x})",
                          "save the result as UTF-8, as the query service does") from None
    head = text.lstrip()[:1]
    if head in ("{", "["):
        try:
            parsed = json.loads(text)
        except json.JSONDecodeError as e:
            raise ResultError(file, f"line {e.lineno}", f"not valid JSON ({e.msg}, column {e.colno})",
                              "save the result again; the file may be cut short") from None
        if isinstance(parsed, dict) and "head" in parsed and "results" in parsed:
            return _sparql_json(parsed, file)
        if isinstance(parsed, list):
            return _simplified(parsed, file)
        raise ResultError(file, "line 1", "JSON that is neither SPARQL results nor an array of statements",
                          'save SPARQL 1.1 Query Results JSON ({"head": …, "results": …}) or a JSON array')
    if not text.strip():
        raise ResultError(file, "line 1", "empty file", "save the query result into it (docs/import.md)")
    first = text.split("\n", 1)[0]
    tsv = "\t" in first or path.suffix.lower() == ".tsv"
    return _delimited(text, file, tsv)


def item_id(value: str) -> str | None:
    """`Q42` from `Q42` or `http://www.wikidata.org/entity/Q42`; None for anything else."""
    m = _ITEM.match(value.strip())
    return m[1] if m else None


def statement_id(value: str) -> str | None:
    """The canonical statement id (`Q42$F078…`) from the API's form or the query service's URI."""
    m = _STATEMENT.match(value.strip())
    if not m:
        return None
    sid = f"{m[1]}${m[2]}"
    return sid if re.fullmatch(STATEMENT_ID, sid) else None


STATEMENT_VARS = ("statement", "stmt", "st")


def statements(rows: list[Row], file: str) -> list[Statement]:
    """Rows merged by statement id, in file order; a row without a readable id is an error."""
    out: dict[str, Statement] = {}
    for row in rows:
        name = next((n for n in STATEMENT_VARS if row.values.get(n)), None)
        if name is None:
            raise ResultError(file, row.where, "no statement id (variable ?statement)",
                              "select the statement node in the query (?statement, see docs/import.md)")
        raw = row.values[name][0]
        sid = statement_id(raw)
        if sid is None:
            raise ResultError(file, f"{row.where}.{name}" if not row.where.startswith("line") else row.where,
                              f"not a statement id ({raw[:80]})",
                              "give it as the query service does (http://www.wikidata.org/entity/statement/Q42-…) "
                              "or as Q42$F078E5B3-F9A8-480E-B7AC-D97778CBBEF9")
        st = out.setdefault(sid, Statement(sid, row.where))
        st.rows += 1
        for k, vs in row.values.items():
            if k == name:
                continue
            for v in vs:
                _add(st.values, k, v)
    return list(out.values())


@lru_cache(maxsize=8)
def _cached(path: Path, mtime: float) -> dict[str, Statement]:
    return {s.sid: s for s in statements(read_rows(path), path.name)}


def read_statements(path: Path) -> dict[str, Statement]:
    """Statement id -> statement of a result file (cached while the file is unchanged)."""
    return _cached(path, path.stat().st_mtime)


# --- citations -------------------------------------------------------------------------------------------

def quote(st: Statement, names: list[str] | None = None) -> str:
    """A statement's values as the file gives them, `name=value` joined by ' | ' (all of them, or `names`)."""
    keys = [k for k in st.values if names is None or k in names]
    return QUOTE_SEP.join(f"{k}={v}" for k in keys for v in st.values[k])


def quoted_pairs(text: str) -> list[tuple[str, str]] | None:
    """The (name, value) pairs of a quote written by `quote()`; None when it is not of that form."""
    pairs = []
    for part in text.split(QUOTE_SEP):
        name, eq, value = part.partition("=")
        if not eq or not name.strip():
            return None
        pairs.append((name.strip(), value.strip()))
    return pairs or None


# --- dates -----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Time:
    """A date column's two cells, as the data package writes them."""

    ns: str = ""  # EDTF, New Style
    os: str = ""  # EDTF, Old Style (Julian)
    note: str = ""  # what the conversion had to say

    @property
    def given(self) -> bool:
        return bool(self.ns or self.os)


def _precision_of(value: str, precision: str, file: str, where: str, name: str) -> int:
    if precision:
        try:
            return int(float(precision))
        except ValueError:
            raise ResultError(file, where, f"{name} precision is not a number ({precision})",
                              "give wikibase:timePrecision: 9 year, 10 month, 11 day") from None
    m = _TIME.match(value)
    if m and not m[5]:
        return 11 if m[4] else 10 if m[3] else 9  # written at its precision: 1917, 1917-11, 1917-11-07
    raise ResultError(file, where, f"{name} ({value}) has no precision",
                      f"add ?{name}Precision (wikibase:timePrecision) to the query, see docs/import.md: "
                      "without it a year would read as 1 January")


def _calendar(value: str, file: str, where: str, name: str) -> str:
    v = value.strip()
    if v in ("", GREGORIAN, "Q1985727", "gregorian"):
        return "gregorian"
    if v in (JULIAN, "Q1985786", "julian"):
        return "julian"
    raise ResultError(file, where, f"{name} calendar model is neither Gregorian nor Julian ({v})",
                      f"the import knows {GREGORIAN} and {JULIAN}")


def time_value(value: str, precision: str, calendar: str, *, file: str, where: str, name: str,
               as_entered: bool = False) -> Time:
    """The EDTF cells of one Wikidata time value. A Julian date goes to the Old Style cell (as the source
    wrote it), with the New Style one beside it for a day; a Julian date after Russia's switch (31 Jan
    1918 O.S.), which the Old Style column cannot hold, is written in New Style with a note."""
    value = value.strip()
    if not value or _UNKNOWN.match(value):
        return Time(note=f"{name}: unknown value in Wikidata" if value else "")
    m = _TIME.match(value)
    if not m:
        raise ResultError(file, where, f"{name} is not a time value ({value[:40]})",
                          "give it as the query service does, e.g. 1917-11-07T00:00:00Z")
    sign, year = m[1], int(m[2])
    month, day = int(m[3] or 0), int(m[4] or 0)
    if sign == "-" or not 1 <= year <= 9999:
        raise ResultError(file, where, f"{name} ({value}) is outside years 1 to 9999",
                          "the dashboard's dates run from year 1 to 9999")
    p = _precision_of(value, precision, file, where, name)
    if p < 7:
        raise ResultError(file, where, f"{name} precision {p} is coarser than a century",
                          "leave such statements out of the query: a tenure needs at least a century")
    cal = _calendar(calendar, file, where, name)
    p = min(p, 11)
    # The query service gives a Julian day already in Gregorian; as entered it is a Julian day.
    given_cal = "julian" if cal == "julian" and as_entered else "gregorian"
    if p >= 10 and not 1 <= month <= 12 or p == 11 and not 1 <= day <= days.month_length(year, month, given_cal):
        raise ResultError(file, where, f"{name} ({value}) is not a date of precision {p}",
                          "check the value and its precision")
    if p == 8:
        text = f"{year // 10:03d}X"
    elif p == 7:
        text = f"{(year - 1) // 100:02d}XX"
    else:
        text = f"{year:04d}" + (f"-{month:02d}" if p >= 10 else "") + (f"-{day:02d}" if p == 11 else "")
    if cal == "gregorian":
        return Time(ns=text)
    if p == 11:
        n = days.from_julian(year, month, day) if as_entered else days.from_gregorian(year, month, day)
        jy, jm, jd = days.to_julian(n)
        os_text = f"{jy:04d}-{jm:02d}-{jd:02d}"
        if (jy, jm, jd) > LAST_OLD_STYLE:
            return Time(ns=days.iso(n), note=f"{name}: Julian calendar in Wikidata (O.S. {os_text}), after "
                                             "31 Jan 1918: written in New Style")
        return Time(ns=days.iso(n), os=os_text)
    if p in (9, 10):
        last = (year, month or 12, days.month_length(year, month or 12, "julian"))
        if last <= LAST_OLD_STYLE:
            return Time(os=text)
    return Time(ns=text, note=f"{name}: Julian calendar in Wikidata ({text}), kept as given")
