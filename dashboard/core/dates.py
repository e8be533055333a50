"""EDTF dates, Old Style conversion and human labels.

One parser reads every form of the Library of Congress EDTF specification (2019) that a date cell
can hold: level 0 and level 1 entirely, and of level 2 the unspecified digits anywhere, the
qualification of parts, seasons and quarters 21-41, sets and intervals. Years run from -9999 to
9999 (astronomical: `0000` is 1 BCE, `-0499` is 500 BCE); the `Y` forms for longer years are
refused with a message. The `edtf` library is the reference grammar: the tests check that both
accept the same strings (tests/core/test_dates.py lists the few places where they differ, each a
bug of the library or a form the dashboard cannot show). It is not called here: it costs ~5 ms a
call, prints to stdout and raises on some valid values, and its bounds are wrong for negative years
and unspecified digits. The plain forms (`1917`, `1917-11`, `1917-11-07`, with `~ ? %`) take a
regex fast path into the same evaluation.

A value's bounds are the earliest and latest day it allows, as day numbers (`days.py`), computed
in the calendar the cell is written in (Gregorian for New Style, Julian for Old Style); its label
says what the value says and no more ("1560s", "Apr 1985, day unknown", "one of 1667, 1668,
1670–1672"). Simplifications kept are documented in docs/data-format.md (Dates).
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

from . import days
from .days import MONTH_NAMES, MONTHS

# Russia's last Old Style day: 31 January 1918 (O.S.) was followed by 14 February 1918 (N.S.).
LAST_OLD_STYLE = (1918, 1, 31)

# Finest first: a value combined from two cells takes the finer precision of the two.
PRECISIONS = ("day", "month", "season", "year", "decade", "century", "millennium", "interval", "set",
              "unknown", "open")
EXAMPLES = "an EDTF date such as 1917-11-07, 1917-11, 1917, 1926~ or 192X"
MAX_CHARS = 300  # a longer cell is no date (a set of a dozen days fits)

_Q = r"[~?%]"
# The plain forms, most cells: a year, month or day with an optional qualifier for the whole.
_PLAIN = re.compile(r"^(-?[0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?([~?%])?$")
# One date with everything a part may carry: qualifiers before or after a component, X digits,
# significant digits, a season as the month, a time.
_PART = re.compile(
    rf"^(?P<yb>{_Q})?(?P<year>-?[0-9X]{{4}})(?:S(?P<sig>[0-9]{{1,2}}))?(?P<ya>{_Q})?"
    rf"(?:-(?P<mb>{_Q})?(?P<month>[0-9X]{{2}})(?P<ma>{_Q})?"
    rf"(?:-(?P<db>{_Q})?(?P<day>[0-9X]{{2}})(?P<da>{_Q})?)?)?"
    r"(?:T(?P<time>[0-9]{2}:[0-9]{2}:[0-9]{2})(?P<zone>Z|[+-][0-9]{2}(?::[0-9]{2})?)?)?$"
)
_NON_ASCII = re.compile(r"[^\x00-\x7f]")

# Seasons and parts of a year (EDTF level 2, 21-41): name, first month, last month (13, 14: January and
# February of the next year). 21-24 are read as the northern hemisphere's, like 25-28.
SEASONS = {
    21: ("spring {y}", 3, 5), 22: ("summer {y}", 6, 8), 23: ("autumn {y}", 9, 11), 24: ("winter {y}", 12, 14),
    25: ("spring {y} (northern hemisphere)", 3, 5), 26: ("summer {y} (northern hemisphere)", 6, 8),
    27: ("autumn {y} (northern hemisphere)", 9, 11), 28: ("winter {y} (northern hemisphere)", 12, 14),
    29: ("spring {y} (southern hemisphere)", 9, 11), 30: ("summer {y} (southern hemisphere)", 12, 14),
    31: ("autumn {y} (southern hemisphere)", 3, 5), 32: ("winter {y} (southern hemisphere)", 6, 8),
    33: ("Q1 {y}", 1, 3), 34: ("Q2 {y}", 4, 6), 35: ("Q3 {y}", 7, 9), 36: ("Q4 {y}", 10, 12),
    37: ("Jan–Apr {y}", 1, 4), 38: ("May–Aug {y}", 5, 8), 39: ("Sep–Dec {y}", 9, 12),
    40: ("first half of {y}", 1, 6), 41: ("second half of {y}", 7, 12),
}
# The margin of an approximate (`~`, `%`) value: one unit of the finest part qualified.
_MARGIN = {"day": ("days", 7), "month": ("months", 1), "season": ("months", 1), "year": ("years", 1),
           "decade": ("years", 5), "century": ("years", 25), "millennium": ("years", 250)}


class DateError(ValueError):
    """A date cell that cannot be read; the message says what is wrong, `hint` what to write instead.

    `cell` is "ns" or "os": which of the two cells of a date column is at fault.
    """

    def __init__(self, message: str, cell: str = "ns", hint: str = ""):
        super().__init__(message)
        self.cell = cell
        self.hint = hint


@dataclass(frozen=True)
class Parsed:
    """One EDTF cell in its own calendar: bounds as day numbers (None: an open or unknown end)."""

    lo: int | None
    hi: int | None
    precision: str
    approx: bool = False  # `~` or `%` somewhere
    uncertain: bool = False  # `?` or `%` somewhere
    label: str = ""
    # The one day the value names, as written in its calendar, when it names one (for O.S. labels).
    named: tuple[int, int, int] | None = None
    # What an interval's ends are: "date", "open" (`..`) or "unknown" (empty); None for other values.
    ends: tuple[str, str] | None = None
    # The bounds before the margin of an approximate value (what the cell says; the calendar switch is
    # checked against these).
    strict: tuple[int | None, int | None] = (None, None)


@dataclass(frozen=True)
class Resolved:
    """A date column's value after combining the N.S. and O.S. cells: earliest and latest possible
    day (Gregorian day numbers, `days.py`), or None when unknown or open."""

    lo: int | None
    hi: int | None
    precision: str
    approx: bool
    label: str


@dataclass(frozen=True)
class Switch:
    """Where a dataset's sources stop using the Julian calendar: the last day they date in Old Style,
    as written in Old Style (datapackage.json `calendar.julian_until`; Russia's by default)."""

    last_os: tuple[int, int, int] = LAST_OLD_STYLE
    declared: bool = False

    @property
    def last_day(self) -> int:
        return days.from_julian(*self.last_os)

    def after(self, os_text: str) -> str:
        y, m, d = self.last_os
        when = f"{d} {MONTH_NAMES[m - 1]} {days.year_label(y)}"
        if not self.declared:
            return f"Old Style date {os_text!r} is after {when}, Russia's last Old Style day"
        return (f"Old Style date {os_text!r} is after {when}, the last Old Style day of this dataset's sources "
                "(calendar.julian_until in datapackage.json)")


RUSSIA = Switch()


def switch_of(descriptor: dict) -> tuple[Switch, str | None]:
    """The dataset's calendar switch, and a problem with how it is declared (None when fine)."""
    cal = descriptor.get("calendar") if isinstance(descriptor, dict) else None
    if cal is None:
        return RUSSIA, None
    text = cal.get("julian_until") if isinstance(cal, dict) else None
    if not isinstance(text, str):
        return RUSSIA, "calendar must be an object with julian_until, the last Old Style day, as an EDTF day"
    try:
        p = parse(text, "julian")
    except DateError as e:
        return RUSSIA, f"calendar.julian_until ({text!r}) is not a date: {e}"
    if p.named is None or p.approx or p.uncertain:
        return RUSSIA, f"calendar.julian_until ({text!r}) must be one day, such as 1752-09-02"
    return Switch(p.named, True), None


# ---------------------------------------------------------------------------------------------------------------
# One date (a part): year, month or season, day, qualifiers


@dataclass(frozen=True)
class _Part:
    year: str  # as written: "1985", "-0499", "156X"
    month: str | None = None  # "04", "XX", "1X"
    day: str | None = None
    season: int | None = None
    sig: int | None = None  # significant digits of the year (`1950S2`)
    quals: tuple[tuple[str, str], ...] = ()  # (component, qualifier) for year, month, day, season
    time: str | None = None
    zone: str | None = None
    partial: bool = False  # qualified part by part (level 2), even if every part is qualified alike


def _bad(text: str, cell: str = "ns") -> DateError:
    hint = suggest(text)
    if hint:
        return DateError(f"cannot read date {text!r}: {hint}", cell)
    return DateError(f"cannot read date {text!r}: write {EXAMPLES}", cell)


def _ok_year(year: str) -> bool:
    """Whether a year's X digits are where EDTF allows them."""
    body = year.lstrip("-")
    if "X" not in body:
        return True
    # Level 1: a signed year may end in X (`-1XXX`, `-1X5X`); level 2: X anywhere, unsigned.
    return not year.startswith("-") or (body[0] != "X" and body[-1] == "X")


def _ok_x(value: str, what: str) -> bool:
    if "X" not in value:
        return True
    if what == "month":
        return value in ("0X", "1X") or value[0] == "X"
    return True  # a day: X anywhere (`1X`, `X1`, `XX`)


def _part(text: str, where: str = "top") -> _Part:
    """Read one date. `where` is the context, which decides what the grammar allows: "top" (a cell),
    "side1" (a level 1 interval's end), "side2" (a level 2 interval's end), "member" (a set's)."""
    m = _PART.match(text)
    if not m:
        raise _bad(text)
    g = m.groupdict()
    year, month, day, sig = g["year"], g["month"], g["day"], g["sig"]
    if year == "-0000":
        raise _bad(text)  # EDTF has no negative zero: 1 BCE is 0000
    has_x = "X" in text.split("T")[0]
    season = None
    if month is not None and "X" not in month and int(month) > 12:
        if day is not None:
            raise DateError(f"impossible month {month} in {text!r}")
        if not 21 <= int(month) <= 41:
            raise DateError(f"impossible month {month} in {text!r}",
                            hint="a month is 01 to 12; a season or part of a year 21 to 41")
        season, month = int(month), None
        if where in ("side1", "side2") and season > 24:
            raise DateError(f"cannot read date {text!r}: an interval's end may be a season 21-24, not {season}")
        if where == "member" or has_x:
            raise _bad(text)
    if month is not None and "X" not in month and not 1 <= int(month) <= 12:
        raise DateError(f"impossible month {month} in {text!r}")
    if day is not None and "X" not in day and not 1 <= int(day) <= 31:
        raise DateError(f"impossible day {day} in {text!r}")
    # The qualifier after the last component qualifies the whole date (level 1).
    last = "da" if day is not None else "ma" if g["month"] is not None else "ya"
    whole = g[last]
    before = {"year": g["yb"], "month": g["mb"], "day": g["db"]}
    after = {"year": g["ya"], "month": g["ma"], "day": g["da"]}
    after[{"da": "day", "ma": "month", "ya": "year"}[last]] = None
    partial = any(before.values()) or any(after.values())
    if g["time"] and (has_x or whole or partial or day is None or sig or where != "top"):
        raise _bad(text)
    if partial:
        # Level 2 qualification of parts: a qualifier before a component is that component's; after the
        # year, the year's; after the month (a day following), the year's and the month's.
        if whole or has_x or sig or season or where == "side1":
            raise _bad(text)
        if before["year"] and after["year"] or after["day"] or (after["month"] and (any(before.values())
                                                                                   or after["year"])):
            raise _bad(text)
        quals = []
        for comp in ("year", "month", "day"):
            qs = [q for q in (before[comp], after[comp]) if q]
            if comp in ("year", "month") and after["month"]:
                qs.append(after["month"])
            if qs and (comp == "year" or (comp == "month" and month) or (comp == "day" and day)):
                quals.append((comp, _combine(qs)))
        return _Part(year, month, day, None, None, tuple(quals), partial=True)
    if has_x:
        level1 = bool(re.fullmatch(r"-?[0-9][0-9X]{2}X", year)) and month is None or (
            "X" not in year and (month == "XX" and day in (None, "XX") or (month and "X" not in month
                                                                             and day == "XX")))
        if whole and not level1 or where == "side1" or sig and "X" in year:
            raise _bad(text)
        if not _ok_year(year) or (month and not _ok_x(month, "month")) or (day and not _ok_x(day, "day")):
            raise _bad(text)
    if year.startswith("-") and "X" in year and (month is not None or where == "side2"):
        raise _bad(text)  # a signed year with X is level 1 (`-1XXX`), alone
    if whole and (where == "side2" or (season and where != "side1")):
        raise _bad(text)
    comps = ("year",) + (("season",) if season else ()) + (("month",) if month else ()) + (("day",) if day else ())
    quals = tuple((c, whole) for c in comps) if whole else ()
    return _Part(year, month, day, season, int(sig) if sig else None, quals, g["time"], g["zone"])


def _combine(qs: list[str]) -> str:
    approx = any(q in "~%" for q in qs)
    unsure = any(q in "?%" for q in qs)
    return "%" if approx and unsure else "~" if approx else "?"


def _digits(pattern: str, ascending: bool):
    """Every number a digit pattern with X can be, in order."""
    choices = ["0123456789" if c == "X" else c for c in pattern]
    if not ascending:
        choices = [c[::-1] for c in choices]
    for combo in itertools.product(*choices):
        yield int("".join(combo))


def _years(p: _Part, ascending: bool):
    """The astronomical years a part's year can be, in order."""
    negative = p.year.startswith("-")
    pattern = p.year.lstrip("-")
    if p.sig is not None and p.sig < len(pattern):
        pattern = pattern[: p.sig] + "X" * (len(pattern) - p.sig)
    # A negative year's magnitude runs the other way.
    for n in _digits(pattern, ascending != negative):
        yield -n if negative else n


@lru_cache(maxsize=512)
def _matching(pattern: str | None, top: int) -> tuple[int, ...]:
    """The months (top 12) or days (top 31) a two-digit pattern with X can be."""
    if pattern is None:
        return tuple(range(1, top + 1))
    return tuple(n for n in range(1, top + 1) if all(a in ("X", b) for a, b in zip(pattern, f"{n:02d}")))


def _first(p: _Part, cal: str, ascending: bool) -> tuple[int, int, int]:
    """The earliest (or latest) (year, month, day) a part allows."""
    months = _matching(p.month, 12)
    days_ = _matching(p.day, 31)
    if not ascending:
        months, days_ = months[::-1], days_[::-1]
    for y in itertools.islice(_years(p, ascending), 10_001):
        if p.season:
            _, first, last = SEASONS[p.season]
            if ascending:
                return (y, first, 1)
            y2, m2 = (y + 1, last - 12) if last > 12 else (y, last)
            return (y2, m2, days.month_length(y2, m2, cal))
        for m in months:
            length = days.month_length(y, m, cal)
            if p.day is None:
                return (y, m, 1 if ascending else length)
            for d in days_:
                if d <= length:
                    return (y, m, d)
    raise DateError("no such day")


def _shift(ymd: tuple[int, int, int], unit: str, n: int, cal: str) -> int:
    """The day n units (years, months or days) from a date, in its calendar; a month's last day stays last."""
    y, m, d = ymd
    if unit == "days":
        return days.from_calendar(ymd, cal) + n
    last = d == days.month_length(y, m, cal)
    total = y * 12 + m - 1 + (n * 12 if unit == "years" else n)
    y, m = total // 12, total % 12 + 1
    length = days.month_length(y, m, cal)
    return days.from_calendar((y, m, length if last else min(d, length)), cal)


def _year_precision(p: _Part) -> str | None:
    body = p.year.lstrip("-")
    if "X" in body:
        width = len(body) - body.index("X")
    elif p.sig is not None and p.sig < len(body):
        width = len(body) - p.sig
    else:
        return None
    return {1: "decade", 2: "century"}.get(width, "millennium")


def _precision(p: _Part) -> str:
    coarse = _year_precision(p)
    if coarse:
        return coarse
    if p.season:
        return "season"
    if p.month is None or "X" in p.month:
        return "year"
    if p.day is None or "X" in p.day:
        return "month"
    return "day"


def _unit(p: _Part, comp: str) -> str:
    """The precision a qualifier on one component stands for (its margin)."""
    if comp == "year":
        return _year_precision(p) or "year"
    if comp == "season":
        return "season"
    if comp == "month":
        return "month" if "X" not in (p.month or "X") else "year"
    return "day" if "X" not in (p.day or "X") else "month"


def _span_label(a: str, b: str) -> str:
    return f"{a}–{b}" if " " not in a + b else f"{a} – {b}"


def _year_text(p: _Part, lo_year: int, hi_year: int) -> tuple[str, bool]:
    """The year as words, and whether it is one plain year (then "Dec 1985", else "Dec, year 1560s")."""
    body = p.year.lstrip("-")
    if p.sig is not None and p.sig < len(body):
        return f"{_years_between(lo_year, hi_year)} (estimated {days.year_label(int(p.year))})", False
    if "X" not in body:
        return days.year_label(int(p.year)), True
    if body == "XXXX":
        return "unknown", False
    trailing = body.rstrip("X")
    if "X" not in trailing and lo_year >= 1:
        if len(body) - len(trailing) == 1:
            return f"{lo_year}s", False  # 156X: the 1560s, exactly
        return _years_between(lo_year, hi_year), False  # 20XX: 2000-2099 (not "the 2000s", nor a century)
    if "X" not in trailing:
        return _years_between(lo_year, hi_year), False
    return f"a year {p.year} ({_years_between(lo_year, hi_year)})", False


def _years_between(a: int, b: int) -> str:
    if a < 1 and b < 1:
        return f"{1 - a}–{1 - b} BCE"
    return f"{days.year_label(a)}–{days.year_label(b)}" + (" CE" if a < 1 else "")


def _choices(values: tuple[int, ...], every: int, names=None) -> str | None:
    """A month's or day's possible values as words: None when it can be any of them."""
    if len(values) == every:
        return None
    words = [names[v - 1] if names else str(v) for v in values]
    if len(values) > 2 and values == tuple(range(values[0], values[-1] + 1)):
        return f"{words[0]}–{words[-1]}"
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def _label(p: _Part, lo: tuple[int, int, int], hi: tuple[int, int, int]) -> str:
    year, plain = _year_text(p, lo[0], hi[0])
    tail: list[str] = []
    if p.season:
        body = SEASONS[p.season][0].format(y=year)
    elif p.month is None:
        body = "year unknown" if year == "unknown" else year
    else:
        month = _choices(_matching(p.month, 12), 12, MONTHS)
        day = None if p.day is None else _choices(_matching(p.day, 31), 31)
        day_unknown = p.day is not None and day is None
        if month is None and p.day is not None and not day_unknown:
            body = f"day {day} of a month, " + (year if plain else f"year {year}")
        elif month is None:
            body = "year unknown" if year == "unknown" else year
            tail.append("month and day unknown" if day_unknown else "month unknown")
        else:
            core = month if p.day is None or day_unknown else f"{day} {month}"
            body = f"{core} {year}" if plain else f"{core}, year {year}"
            if day_unknown:
                tail.append("day unknown")
    if p.time:
        zone = {"Z": "UTC", None: "local time"}.get(p.zone, f"UTC{p.zone}")
        tail.append(f"{p.time} {zone}")
    note = ""
    quals = dict(p.quals)
    if quals and len(set(quals.values())) == 1 and len(quals) == len(_components(p)):
        q = next(iter(quals.values()))  # the whole date: c. 1926, 1926?, c. 1926?
        body = ("c. " if q in "~%" else "") + body + ("?" if q in "?%" else "")
    elif quals:
        words = {"?": "uncertain", "~": "approximate", "%": "uncertain and approximate"}
        notes = [f"{_and([c for c, x in p.quals if x == q])} {w}" for q, w in words.items() if q in quals.values()]
        note = " (" + ", ".join(notes) + ")"
    return ", ".join([body] + tail) + note


def _components(p: _Part) -> tuple[str, ...]:
    return ("year",) + (("season",) if p.season else ()) + (("month",) if p.month else ()) + (
        ("day",) if p.day else ())


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _evaluate(p: _Part, cal: str, text: str) -> Parsed:
    try:
        lo_ymd, hi_ymd = _first(p, cal, True), _first(p, cal, False)
    except DateError:
        cal_name = "Julian (Old Style)" if cal == "julian" else "Gregorian"
        if p.day is not None and "X" not in p.day + (p.month or "X") + p.year:
            y, mo, d = int(p.year), int(p.month), int(p.day)
            raise DateError(f"impossible date {text!r}: {MONTHS[mo - 1]} {y} has no day {d} in the {cal_name} "
                            "calendar") from None
        raise DateError(f"impossible date {text!r}: no day in the {cal_name} calendar matches it") from None
    lo, hi = days.from_calendar(lo_ymd, cal), days.from_calendar(hi_ymd, cal)
    strict = (lo, hi)
    approx = any(q in "~%" for _, q in p.quals)
    uncertain = any(q in "?%" for _, q in p.quals)
    if approx:
        finest = min((_unit(p, c) for c, q in p.quals if q in "~%"), key=PRECISIONS.index)
        unit, n = _MARGIN[finest]
        lo, hi = _shift(lo_ymd, unit, -n, cal), _shift(hi_ymd, unit, n, cal)
    precision = _precision(p)
    named = lo_ymd if precision == "day" and len(set(q for _, q in p.quals)) <= 1 and (
        not p.quals or len(p.quals) == 3) else None
    return Parsed(lo, hi, precision, approx, uncertain, _label(p, lo_ymd, hi_ymd), named, None, strict)


def _plain(y: int, mo: int | None, d: int | None, q: str, cal: str, text: str) -> Parsed:
    """The fast path: a year, month or day, with a qualifier for the whole or none (most cells). The same
    value as `_evaluate(_part(text))`, which a test checks."""
    yl = days.year_label(y)
    if d is not None:
        length = days.month_length(y, mo, cal)
        if d > length:
            cal_name = "Julian (Old Style)" if cal == "julian" else "Gregorian"
            raise DateError(f"impossible date {text!r}: {MONTHS[mo - 1]} {y} has no day {d} in the {cal_name} "
                            "calendar")
        lo_ymd = hi_ymd = (y, mo, d)
        precision, body = "day", f"{d} {MONTHS[mo - 1]} {yl}"
    elif mo is not None:
        lo_ymd, hi_ymd = (y, mo, 1), (y, mo, days.month_length(y, mo, cal))
        precision, body = "month", f"{MONTHS[mo - 1]} {yl}"
    else:
        lo_ymd, hi_ymd = (y, 1, 1), (y, 12, 31)
        precision, body = "year", yl
    approx, uncertain = q in ("~", "%"), q in ("?", "%")
    if approx:
        unit, n = _MARGIN[precision]
        lo, hi = _shift(lo_ymd, unit, -n, cal), _shift(hi_ymd, unit, n, cal)
    else:
        lo = days.from_calendar(lo_ymd, cal)
        hi = lo if d is not None else days.from_calendar(hi_ymd, cal)
    label = ("c. " if approx else "") + body + ("?" if uncertain else "")
    strict = (lo, hi) if not approx else (days.from_calendar(lo_ymd, cal), days.from_calendar(hi_ymd, cal))
    return Parsed(lo, hi, precision, approx, uncertain, label, lo_ymd if d is not None else None, None, strict)


# ---------------------------------------------------------------------------------------------------------------
# Intervals and sets


def _interval(text: str, cal: str) -> Parsed:
    if text.count("/") != 1:
        raise _bad(text)
    a, b = (s.strip() for s in text.split("/"))
    if a in ("", "..") and b in ("", ".."):
        raise DateError(f"cannot read date {text!r}: an interval needs a date at one end at least",
                        hint="write its start, its end or both, e.g. 1964/2008 or 1985-04/..")
    # Level 1: ends are dates or seasons with a qualifier for the whole; level 2: at least one end with
    # unspecified digits or qualified parts, and neither end open or unknown.
    sides = []
    for s in (a, b):
        if s in ("", ".."):
            sides.append(None)
            continue
        try:
            sides.append(_part(s, "side1"))
        except DateError:
            sides.append(_part(s, "side2"))
    if any(s is None for s in sides) and any(s is not None and _level2(s) for s in sides):
        raise _bad(text)
    if all(s is not None for s in sides) and any(_level2(s) for s in sides) and any(
            s.quals and not _partial(s) for s in sides):
        raise _bad(text)
    ends = tuple("open" if s == ".." else "unknown" if s == "" else "date" for s in (a, b))
    lower = _evaluate(sides[0], cal, a) if sides[0] else None
    upper = _evaluate(sides[1], cal, b) if sides[1] else None
    if lower and upper and upper.hi < lower.lo:
        raise DateError(f"interval {text!r} ends before it starts", hint="swap its two dates")
    if lower and upper:
        label = _span_label(lower.label, upper.label)
    elif lower:
        label = f"from {lower.label}" + (", end unknown" if ends[1] == "unknown" else "")
    else:
        label = f"until {upper.label}" + (", start unknown" if ends[0] == "unknown" else "")
    parts = [x for x in (lower, upper) if x]
    return Parsed(lower.lo if lower else None, upper.hi if upper else None, "interval",
                  any(x.approx for x in parts), any(x.uncertain for x in parts), label, None, ends,
                  (lower.strict[0] if lower else None, upper.strict[1] if upper else None))


def _level2(p: _Part) -> bool:
    return _partial(p) or "X" in p.year + (p.month or "") + (p.day or "")


def _partial(p: _Part) -> bool:
    return p.partial


_RANGE = re.compile(r"^(.*?)\s*\.\.\s*(.*)$")


def _set(text: str, cal: str) -> Parsed:
    close = {"[": "]", "{": "}"}[text[0]]
    if not text.endswith(close):
        raise _bad(text)
    items = [s.strip() for s in text[1:-1].split(",")]
    labels: list[str] = []
    los: list[int | None] = []
    his: list[int | None] = []
    strict_his: list[int | None] = []
    approx = uncertain = False
    for i, item in enumerate(items):
        m = _RANGE.match(item)
        if m:
            a, b = m[1], m[2]
            if a == "" and b == "":
                raise _bad(text)
            if a == "" or b == "":
                # `..1760-12-03` (or earlier) only first; `1760-12..` (or later) only last; plain dates.
                if (a == "" and i != 0) or (b == "" and i != len(items) - 1):
                    raise _bad(text)
                v = _evaluate(_plain_part(a or b, text), cal, a or b)
                los.append(None if a == "" else v.lo)
                his.append(None if b == "" else v.hi)
                strict_his.append(his[-1])
                word = "or" if text[0] == "[" else "and"
                labels.append(f"{v.label} {word} earlier" if a == "" else f"{v.label} {word} later")
                continue
            pa, pb = _plain_part(a, text), _plain_part(b, text)
            if (pa.month is None) != (pb.month is None) or (pa.day is None) != (pb.day is None) or pa.sig or pb.sig:
                raise _bad(text)
            va, vb = _evaluate(pa, cal, a), _evaluate(pb, cal, b)
            if vb.hi < va.lo:
                raise DateError(f"range {item!r} in {text!r} ends before it starts", hint="swap its two dates")
            los.append(va.lo)
            his.append(vb.hi)
            strict_his.append(vb.hi)
            labels.append(_span_label(va.label, vb.label))
            continue
        v = _evaluate(_part(item, "member"), cal, item)
        approx, uncertain = approx or v.approx, uncertain or v.uncertain
        los.append(v.lo)
        his.append(v.hi)
        strict_his.append(v.strict[1])
        labels.append(v.label)
    if len(items) < 2 and not (_RANGE.match(items[0])):
        raise DateError(f"cannot read date {text!r}: a set lists two dates or more, or a range",
                        hint=f"write the date alone: {items[0]}" if items[0] else "")
    lo = None if None in los else min(los)
    hi = None if None in his else max(his)
    one_bound = len(items) == 1 and "" in _RANGE.match(items[0]).groups()
    prefix = "" if one_bound and text[0] == "[" else ("one of " if text[0] == "[" else "all of ")
    strict_hi = None if None in strict_his else max(strict_his)
    return Parsed(lo, hi, "set", approx, uncertain, prefix + ", ".join(labels), None, None, (lo, strict_hi))


def _plain_part(s: str, text: str) -> _Part:
    """A set's range end or earlier/later bound: a plain date (EDTF level 0)."""
    p = _part(s, "member")
    if p.quals or "X" in s:
        raise _bad(text)
    return p


# ---------------------------------------------------------------------------------------------------------------
# Entry points


@lru_cache(maxsize=65536)
def parse(text: str, cal: str = "gregorian") -> Parsed:
    """Parse one EDTF cell in its calendar ("gregorian" or "julian"). Empty is unknown, `..` an open end.
    Raises DateError (only) for anything else it cannot read."""
    if not isinstance(text, str):
        raise DateError(f"cannot read date {text!r}: write {EXAMPLES}")
    text = text.strip()
    if text == "":
        return Parsed(None, None, "unknown", label="unknown")
    if text == "..":
        return Parsed(None, None, "open", label="open")
    if len(text) > MAX_CHARS:
        raise DateError(f"date is {len(text)} characters long: not a date", hint=f"write {EXAMPLES}")
    if _NON_ASCII.search(text):
        raise _bad(text)
    m = _PLAIN.match(text)
    if m:
        year, month, day, q = m[1], m[2], m[3], m[4]
        if year == "-0000":
            raise _bad(text)
        if month is not None and not 1 <= int(month) <= 12:
            return _evaluate(_part(text), cal, text)  # a season (21-41), or an impossible month
        return _plain(int(year), int(month) if month else None, int(day) if day else None, q or "", cal, text)
    if text[0] in "[{":
        return _set(text, cal)
    if "/" in text:
        return _interval(text, cal)
    if text[0] == "Y":
        raise _long_year(text)
    return _evaluate(_part(text), cal, text)


def _long_year(text: str) -> DateError:
    m = re.fullmatch(r"Y(-?)([1-9][0-9]*)(?:E([1-9][0-9]*))?(?:S[0-9]+)?", text)
    # At most four digits in all is at most 9999, counted without computing a power as long as the cell.
    if m and len(m[2]) + int(m[3] or 0) <= 4:
        year = int(m[2]) * 10 ** int(m[3] or 0)
        return DateError(f"cannot read date {text!r} as written", hint=f"write the year with four digits: "
                                                                         f"{m[1]}{year:04d}")
    return DateError(f"date {text!r} is out of the supported range (years -9999 to 9999)",
                     hint="the dashboard shows years -9999 to 9999; give the nearest date it can show, "
                          "and the exact one in a note")


def label(text: str, cal: str = "gregorian") -> str:
    return parse(text, cal).label


def single(text: str, cal: str = "gregorian") -> Parsed:
    """A cell's value as one span: refuses, with what to write instead, a value with an open or unknown
    bound (`1985-04/..`, `../1985`, `[..1760-12-03]`), which no single span can hold."""
    p = parse(text, cal)
    if p.precision in ("unknown", "open") or (p.lo is not None and p.hi is not None):
        return p
    text = text.strip()
    if p.ends:
        a, b = (s.strip() for s in text.split("/"))
        if p.ends[1] == "open":
            hint = f"give its start ({a}) in the start column and '..' in the end column"
            what = "an open end"
        elif p.ends[1] == "unknown":
            hint = f"give its start ({a}) in the start column and leave the end column empty"
            what = "an unknown end"
        else:
            hint = f"give its end ({b}) in the end column and its start, if known, in the start column"
            what = "an open start" if p.ends[0] == "open" else "an unknown start"
        raise DateError(f"{text!r} is an interval with {what}, not a single date", hint=hint)
    raise DateError(f"{text!r} has no {'earliest' if p.lo is None else 'latest'} day, so it is not a single span",
                    hint="list the dates of the set, or give the one bound in a start or end column")


def resolve(ns: str = "", os: str = "", switch: Switch = RUSSIA) -> Resolved:
    """Combine a New Style cell and its Old Style companion into one date.

    Raises DateError when either cell is unreadable or not a single span, the O.S. date falls after the
    dataset's switch to the Gregorian calendar (`switch`, Russia's by default), or the two cells disagree.
    """
    ns, os = (ns or "").strip(), (os or "").strip()
    pn = single(ns)
    try:
        po = single(os, "julian") if os else None
    except DateError as e:
        raise DateError(str(e), "os", e.hint) from None
    return _resolve(ns, os, pn, po, switch)


def _resolve(ns: str, os: str, pn: Parsed, po: Parsed | None, switch: Switch) -> Resolved:
    if po is None:
        if pn.precision in ("unknown", "open"):
            return Resolved(None, None, pn.precision, False, pn.precision)
        return Resolved(pn.lo, pn.hi, pn.precision, pn.approx or pn.uncertain, pn.label)

    if po.precision in ("open", "unknown"):
        raise DateError(f"Old Style date {os!r} must be a date", "os", "leave the Old Style cell empty")
    if po.strict[1] > switch.last_day:
        raise DateError(switch.after(os) + ": put it in the New Style column", "os")
    if pn.precision == "open":
        raise DateError(f"open end '..' cannot have an Old Style date ({os!r})", "os")
    lo, hi = po.lo, po.hi
    precision = po.precision
    if pn.precision != "unknown":
        if pn.hi < lo or pn.lo > hi:
            exact = days.from_julian(*po.named) if po.named else None
            expected = days.label(exact) if exact is not None else f"{days.iso(lo)} to {days.iso(hi)}"
            raise DateError(f"New Style {ns!r} and Old Style {os!r} disagree: O.S. {os} is N.S. {expected}", "os")
        # The N.S. cell may be more precise than the converted O.S. range.
        lo, hi = max(lo, pn.lo), min(hi, pn.hi)
        precision = min(pn.precision, po.precision, key=PRECISIONS.index)
    approx = po.approx or po.uncertain or pn.approx or pn.uncertain
    if po.named:
        # The label names the day the cells give (not a widened bound of an approximate one), in N.S.
        y, m, d = po.named
        day = days.from_julian(y, m, d)
        same_year = y == days.to_gregorian(day)[0]
        os_short = f"{d} {MONTHS[m - 1]}" + ("" if same_year else f" {days.year_label(y)}")
        base = days.label(day)
        if po.approx or pn.approx:
            base = f"c. {base}"
        if po.uncertain or pn.uncertain:
            base = f"{base}?"
        return Resolved(lo, hi, precision, approx, f"{base} ({os_short} O.S.)")
    ns_label = pn.label if pn.precision != "unknown" else ""
    text = f"{ns_label} ({po.label} O.S.)" if ns_label else f"{po.label} O.S."
    return Resolved(lo, hi, precision, approx, text)


# ---------------------------------------------------------------------------------------------------------------
# What to write instead


_MONTH_WORDS = {name.lower(): i + 1 for i, name in enumerate(MONTH_NAMES)}
_MONTH_WORDS.update({name.lower(): i + 1 for i, name in enumerate(MONTHS)})
_MONTH_WORDS["sept"] = 9


def suggest(text: str) -> str:
    """What to write instead of a date EDTF cannot read, when the mistake is a common one ("" otherwise)."""
    t = text.strip()
    low = t.lower().rstrip(".")
    if _NON_ASCII.search(t) and any(c.isdigit() for c in t):
        return "write the digits as ASCII 0-9 (this has other digits, such as ² or ١)"
    if m := re.fullmatch(r"([0-9]{4})\s*[-–—]\s*([0-9]{4})", t):
        return f"write {m[1]}/{m[2]} (an interval: EDTF separates its ends with /)"
    if m := re.fullmatch(r"([0-9]{4})[/.]([0-9]{1,2})[/.]([0-9]{1,2})", t):
        return f"write {m[1]}-{int(m[2]):02d}-{int(m[3]):02d} (year-month-day, with hyphens)"
    if m := re.fullmatch(r"([0-9]{1,2})[/.]([0-9]{1,2})[/.]([0-9]{4})", t):
        return (f"write year-month-day, e.g. {m[3]}-{int(m[2]):02d}-{int(m[1]):02d} if {m[1]} is the day "
                f"(EDTF is {m[3]}-MM-DD)")
    if m := re.fullmatch(r"([0-9]{4})-([0-9]{1,2})(?:-([0-9]{1,2}))?", t):
        padded = f"{m[1]}-{int(m[2]):02d}" + (f"-{int(m[3]):02d}" if m[3] else "")
        if padded != t:  # already two digits each (a season where none may be): nothing to suggest
            return f"write {padded} (two digits each)"
    if m := re.fullmatch(r"(?:c|ca|circa|about|approx)\.?\s*([0-9]{4}(?:-[0-9]{2}){0,2})", low):
        return f"write {m[1]}~ (~ marks an approximate date)"
    if m := re.fullmatch(r"([0-9]{3})0\s*'?s", low):
        return f"write {m[1]}X (some year of the {m[1]}0s)"
    if m := re.fullmatch(r"([0-9]{1,4})\s*(bc|bce|b\.c\.|b\.c\.e\.)", low):
        n = int(m[1])
        return (f"write -{n - 1:04d} (EDTF counts years astronomically: 1 BCE is 0000, {n} BCE is -{n - 1:04d})"
                if n >= 1 else "there is no year 0 BCE: 1 BCE is 0000")
    if m := re.fullmatch(r"(?:ad|ce)?\s*([0-9]{1,3})\s*(?:ad|ce)?", low):
        return f"write {int(m[1]):04d} (four digits)"
    if re.fullmatch(r"-?[0-9]{5,}", t):
        return "years run from -9999 to 9999 here"
    if m := re.fullmatch(r"([0-9]{1,2})\s+([a-z]+)\.?,?\s+([0-9]{4})", low):
        if m[2] in _MONTH_WORDS:
            return f"write {m[3]}-{_MONTH_WORDS[m[2]]:02d}-{int(m[1]):02d}"
    if m := re.fullmatch(r"([a-z]+)\.?\s+([0-9]{1,2}),?\s+([0-9]{4})", low):
        if m[1] in _MONTH_WORDS:
            return f"write {m[3]}-{_MONTH_WORDS[m[1]]:02d}-{int(m[2]):02d}"
    if m := re.fullmatch(r"([a-z]+)\.?,?\s+([0-9]{4})", low):
        if m[1] in _MONTH_WORDS:
            return f"write {m[2]}-{_MONTH_WORDS[m[1]]:02d}"
    return ""
