"""EDTF dates, Old Style conversion and human labels.

The `edtf` library is the reference grammar. The forms datasets use almost
always (YYYY, YYYY-MM, YYYY-MM-DD, with ~ ? % and unspecified digits) take a
fast path, because `edtf.parse_edtf` costs ~5 ms a call and a large package has
tens of thousands of date cells; a property test checks that both agree.
Julian <-> Gregorian conversion is `convertdate`'s. Resolved bounds are day
numbers (`days.py`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import edtf

from . import days
from .days import MONTHS

# Russia's last Old Style day: 31 January 1918 (O.S.) was followed by 14 February 1918 (N.S.).
LAST_OLD_STYLE = (1918, 1, 31)

PRECISIONS = ("day", "month", "year", "decade", "century", "season", "unknown", "open")
EXAMPLES = "an EDTF date such as 1917-11-07, 1917-11, 1917, 1926~ or 192X"

_SIMPLE = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?([~?%])?$")
_UNSPECIFIED = re.compile(r"^([0-9]{2,3})(X{1,2})([~?%])?$")


class DateError(ValueError):
    """A date cell that cannot be read; the message says what to write instead.

    `cell` is "ns" or "os": which of the two cells of a date column is at fault.
    """

    def __init__(self, message: str, cell: str = "ns"):
        super().__init__(message)
        self.cell = cell


def _out_of_range(text: str) -> DateError:
    return DateError(f"date {text!r} is out of the supported range (years 1 to 9999)")


@dataclass(frozen=True)
class Parsed:
    """One EDTF cell, bounds as (year, month, day) in the cell's own calendar."""

    lo: tuple[int, int, int] | None
    hi: tuple[int, int, int] | None
    precision: str
    approx: bool = False
    uncertain: bool = False


@dataclass(frozen=True)
class Resolved:
    """A date column's value after combining the N.S. and O.S. cells: earliest and latest possible
    day (Gregorian day numbers, `days.py`), or None when unknown or open."""

    lo: int | None
    hi: int | None
    precision: str
    approx: bool
    label: str


_month_length = days.month_length


def _check_day(y: int, m: int, d: int, cal: str, text: str) -> None:
    if not 1 <= m <= 12:
        raise DateError(f"impossible month {m:02d} in {text!r}")
    if not 1 <= d <= _month_length(y, m, cal):
        cal_name = "Julian (Old Style)" if cal == "julian" else "Gregorian"
        raise DateError(f"impossible date {text!r}: {MONTHS[m - 1]} {y} has no day {d} in the {cal_name} calendar")


@lru_cache(maxsize=65536)
def parse(text: str, cal: str = "gregorian") -> Parsed:
    """Parse one EDTF cell. Empty is unknown, `..` is an open end."""
    text = text.strip()
    if text == "":
        return Parsed(None, None, "unknown")
    if text == "..":
        return Parsed(None, None, "open")
    m = _SIMPLE.match(text)
    if m:
        y, mo, d, q = int(m[1]), m[2], m[3], m[4]
        if y < 1:
            raise _out_of_range(text)
        approx, uncertain = q in ("~", "%"), q in ("?", "%")
        if d is not None:
            _check_day(y, int(mo), int(d), cal, text)
            day = (y, int(mo), int(d))
            return Parsed(day, day, "day", approx, uncertain)
        if mo is not None:
            month = int(mo)
            if not 1 <= month <= 12:
                if cal == "gregorian" and 21 <= month <= 41:
                    return _parse_with_edtf(text)  # EDTF seasons (1970-21 = spring 1970)
                raise DateError(f"impossible month {month:02d} in {text!r}")
            return Parsed((y, month, 1), (y, month, _month_length(y, month, cal)), "month", approx, uncertain)
        return Parsed((y, 1, 1), (y, 12, 31), "year", approx, uncertain)
    m = _UNSPECIFIED.match(text)
    if m:
        digits, xs, q = m[1], m[2], m[3]
        if len(digits) + len(xs) != 4:
            raise DateError(f"cannot read date {text!r}: write {EXAMPLES}")
        lo_year, hi_year = int(digits + "0" * len(xs)), int(digits + "9" * len(xs))
        if lo_year < 1:
            raise _out_of_range(text)
        return Parsed((lo_year, 1, 1), (hi_year, 12, 31), "decade" if len(xs) == 1 else "century",
                      q in ("~", "%"), q in ("?", "%"))
    if cal == "julian":
        raise DateError(f"cannot read Old Style date {text!r}: write a day, month or year such as 1917-10-25")
    return _parse_with_edtf(text)


def _parse_with_edtf(text: str) -> Parsed:
    try:
        value = edtf.parse_edtf(text)
    except Exception:  # edtf raises several exception types for bad input
        raise DateError(f"cannot read date {text!r}: write {EXAMPLES}") from None
    try:
        lo, hi = value.lower_strict(), value.upper_strict()
    except Exception:
        raise DateError(f"cannot read date {text!r}: write {EXAMPLES}") from None
    if not hasattr(lo, "tm_year") or not hasattr(hi, "tm_year"):  # an open or unknown end: edtf gives infinity
        raise DateError(f"cannot read date {text!r} here: an interval with an open or unknown end is not a "
                        "single date; put its start and end in their own columns (an open end is '..')")
    if lo.tm_year < 1 or hi.tm_year > 9999:
        raise _out_of_range(text)
    precision = "season" if type(value).__name__ == "Season" else (getattr(value, "precision", None) or "year")
    return Parsed((lo.tm_year, lo.tm_mon, lo.tm_mday), (hi.tm_year, hi.tm_mon, hi.tm_mday),
                  precision if precision in PRECISIONS else "year",
                  "~" in text or "%" in text, "?" in text or "%" in text)


def _pad(lo: int, hi: int, precision: str) -> tuple[int, int]:
    """Widen an approximate date by one unit of its precision (a week for days)."""
    if precision == "day":
        return lo - 7, hi + 7
    if precision == "month":
        y, m, _ = days.to_gregorian(lo)
        before = days.add_months(days.from_gregorian(y, m, 1), -1)
        y, m, _ = days.to_gregorian(days.add_months(hi, 1))
        return before, days.from_gregorian(y, m, _month_length(y, m))
    years = {"year": 1, "decade": 5, "century": 25}.get(precision, 1)
    return days.year_start(days.to_gregorian(lo)[0] - years), days.year_end(days.to_gregorian(hi)[0] + years)


def _text_label(p: Parsed, cal_lo: tuple[int, int, int], text: str) -> str:
    y, m, d = cal_lo
    if p.precision == "day":
        body = f"{d} {MONTHS[m - 1]} {y}"
    elif p.precision == "month":
        body = f"{MONTHS[m - 1]} {y}"
    elif p.precision == "year":
        body = f"{y}"
    elif p.precision == "decade":
        body = f"{y}s"
    elif p.precision == "century":
        body = f"{y}s"
    else:
        body = text.rstrip("~?%")
    if p.approx:
        body = f"c. {body}"
    if p.uncertain:
        body = f"{body}?"
    return body


def label(text: str, cal: str = "gregorian") -> str:
    p = parse(text, cal)
    if p.precision in ("unknown", "open"):
        return p.precision
    return _text_label(p, p.lo, text)


def resolve(ns: str = "", os: str = "") -> Resolved:
    """Combine a New Style cell and its Old Style companion into one date.

    Raises DateError when either cell is unreadable, the O.S. date falls after
    Russia's switch, or the two cells disagree.
    """
    ns, os = (ns or "").strip(), (os or "").strip()
    pn = parse(ns)
    try:
        po = parse(os, "julian") if os else None
    except DateError as e:
        raise DateError(str(e), "os") from None
    return _resolve(ns, os, pn, po)


def _resolve(ns: str, os: str, pn: Parsed, po: Parsed | None) -> Resolved:
    if po is None:
        if pn.precision in ("unknown", "open"):
            return Resolved(None, None, pn.precision, False, "open" if pn.precision == "open" else "unknown")
        lo, hi = days.from_gregorian(*pn.lo), days.from_gregorian(*pn.hi)
        if pn.approx:
            lo, hi = _pad(lo, hi, pn.precision)
        return Resolved(lo, hi, pn.precision, pn.approx or pn.uncertain, _text_label(pn, pn.lo, ns))

    if po.precision == "open" or po.precision == "unknown":
        raise DateError(f"Old Style date {os!r} must be a day, month or year", "os")
    if po.hi > LAST_OLD_STYLE:
        raise DateError(
            f"Old Style date {os!r} is after 31 January 1918, Russia's last Old Style day: "
            "put it in the New Style column", "os"
        )
    lo, hi = days.from_julian(*po.lo), days.from_julian(*po.hi)
    os_label = _text_label(po, po.lo, os)
    if pn.precision == "open":
        raise DateError(f"open end '..' cannot have an Old Style date ({os!r})", "os")
    if pn.precision != "unknown":
        ns_lo, ns_hi = days.from_gregorian(*pn.lo), days.from_gregorian(*pn.hi)
        if ns_hi < lo or ns_lo > hi:
            expected = days.label(lo) if po.precision == "day" else f"{days.iso(lo)} to {days.iso(hi)}"
            raise DateError(
                f"New Style {ns!r} and Old Style {os!r} disagree: O.S. {os} is N.S. {expected}", "os"
            )
        # The N.S. cell may be more precise than the converted O.S. range.
        lo, hi = max(lo, ns_lo), min(hi, ns_hi)
        precision = pn.precision if PRECISIONS.index(pn.precision) < PRECISIONS.index(po.precision) else po.precision
    else:
        precision = po.precision
    approx = po.approx or po.uncertain or pn.approx or pn.uncertain
    if po.approx or pn.approx:
        lo, hi = _pad(lo, hi, precision)
    if precision == "day":
        # The label names the day the cells give, not the widened bound of an approximate one.
        day = days.from_julian(*po.lo)
        same_year = po.lo[0] == days.to_gregorian(day)[0]
        os_short = f"{po.lo[2]} {MONTHS[po.lo[1] - 1]}" + ("" if same_year else f" {po.lo[0]}")
        base = days.label(day)
        if po.approx or pn.approx:
            base = f"c. {base}"
        if po.uncertain or pn.uncertain:
            base = f"{base}?"
        return Resolved(lo, hi, precision, approx, f"{base} ({os_short} O.S.)")
    ns_label = _text_label(pn, pn.lo, ns) if pn.precision != "unknown" else ""
    text = f"{ns_label} ({os_label} O.S.)" if ns_label else f"{os_label} O.S."
    return Resolved(lo, hi, precision, approx, text)
