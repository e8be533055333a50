"""Days as numbers: the one representation of a date after the text cells.

A day is an integer, the number of days since 1970-01-01 in the proleptic
Gregorian calendar (negative before it). Every year from -9999 to 9999 fits,
unlike pandas' `datetime64[ns]` (1677-2262) or Python's `date` (1-9999), and
the browser compares plain numbers. Years are astronomical (year 0 is 1 BCE).
Calendar arithmetic is `convertdate`'s.
"""
from __future__ import annotations

from convertdate import gregorian, julian

# Julian Day Number of 1970-01-01, so that day 0 is the Unix epoch (what JavaScript's Date counts from).
_EPOCH_JDN = 2440588
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December")
# Beyond any date a dataset can hold: the bound of a span that runs on past the record.
NEVER = 10**7


def from_gregorian(year: int, month: int, day: int) -> int:
    return int(gregorian.to_jd(year, month, day) + 0.5) - _EPOCH_JDN


def from_julian(year: int, month: int, day: int) -> int:
    return int(julian.to_jd(year, month, day) + 0.5) - _EPOCH_JDN


def from_calendar(ymd: tuple[int, int, int], cal: str = "gregorian") -> int:
    return from_julian(*ymd) if cal == "julian" else from_gregorian(*ymd)


def to_gregorian(day: int) -> tuple[int, int, int]:
    return gregorian.from_jd(day + _EPOCH_JDN - 0.5)


def to_julian(day: int) -> tuple[int, int, int]:
    return julian.from_jd(day + _EPOCH_JDN - 0.5)


def month_length(year: int, month: int, cal: str = "gregorian") -> int:
    return julian.month_length(year, month) if cal == "julian" else gregorian.month_length(year, month)


def year_label(year: int) -> str:
    """1927 -> "1927"; astronomical 0 -> "1 BCE", -499 -> "500 BCE" (there is no year zero)."""
    return str(year) if year >= 1 else f"{1 - year} BCE"


def iso(day: int) -> str:
    """ISO 8601 (`1927-11-15`; expanded with a sign outside years 0-9999, as EDTF writes them)."""
    y, m, d = to_gregorian(day)
    year = f"{y:04d}" if 0 <= y <= 9999 else f"{'-' if y < 0 else '+'}{abs(y):04d}"
    return f"{year}-{m:02d}-{d:02d}"


def label(day: int) -> str:
    """As people read a day: `15 Nov 1927`."""
    y, m, d = to_gregorian(day)
    return f"{d} {MONTHS[m - 1]} {year_label(y)}"


def long_label(day: int) -> str:
    """`15 November 1927`, for citations."""
    y, m, d = to_gregorian(day)
    return f"{d} {MONTH_NAMES[m - 1]} {year_label(y)}"


def add_months(day: int, months: int) -> int:
    """The same day of the month `months` later (clamped to the month's end): calendar steps without drift."""
    y, m, d = to_gregorian(day)
    total = y * 12 + (m - 1) + months
    y, m = total // 12, total % 12 + 1
    return from_gregorian(y, m, min(d, month_length(y, m)))


def year_start(year: int) -> int:
    return from_gregorian(year, 1, 1)


def year_end(year: int) -> int:
    return from_gregorian(year, 12, 31)
