"""The timeline's x axis, for any year.

Plotly's date axis (x in milliseconds since 1970) labels years 1 to 9999 well; before year 1 it
counts astronomically ("-0499", a year zero) and its ticks cannot say "500 BCE". A record that
reaches before year 1 therefore gets a numeric axis of day numbers (`core/days.py`) with ticks
computed here: years ("500 BCE", "1 CE", no year zero), months ("Mar 44 BCE") or days ("15 Mar 44
BCE"), as many as fit, chosen for the window in view. A zoom asks for new ones
(`web/dayaxis.py`). Everything else (the bars, the events, the cursor) is built in milliseconds by
`timeline.py` and converted once here, so a trace added there needs nothing special.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..core import days
from ..core.days import MONTHS

DAY_MS = 86_400_000
FIRST_DATE_DAY = days.from_gregorian(1, 1, 1)  # plotly's date axis from here on
NEVER = 10**7  # beyond any date (validity's bound of what runs on past the record)
YEAR_STEPS = (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000)
MONTH_STEPS = (1, 2, 3, 6)
DAY_STEPS = (1, 2, 5, 7, 14)
TICKS = 6  # labels on the axis at most ("250 BCE" is 60 px at 14 px type; the plot is ~500 px at 1280x720)
SLIDE_TICKS = 3


@dataclass(frozen=True)
class XAxis:
    """The x axis of the timeline: `settings` are plotly xaxis keys that differ from the date axis (none on
    the date axis), `per_day` the x units of one day (DAY_MS on the date axis, 1 on the day axis)."""

    settings: dict
    per_day: int

    @property
    def in_days(self) -> bool:
        return self.per_day == 1

    def x(self, day) -> float:
        return day * self.per_day

    def range(self, window: tuple[int, int] | None) -> list[float] | None:
        """First and last day as an x range (the last day drawn to its end)."""
        return [self.x(window[0]), self.x(window[1] + 1)] if window else None


def record_span(ds) -> tuple[int, int] | None:
    """First and last day the timeline can draw: every tenure's validity, every event."""
    values = []
    tenures, events = ds["tenures"], ds["events"]
    drawn = tenures[tenures["v_lo"] <= tenures["v_hi"]]
    for col, frame in (("v_lo", drawn), ("v_hi", drawn), ("date_lo", events), ("date_hi", events),
                       ("end_hi", events)):
        s = pd.to_numeric(frame[col], errors="coerce").dropna()
        s = s[s.abs() < NEVER]
        if not s.empty:
            values += [int(s.min()), int(s.max())]
    return (min(values), max(values)) if values else None


def needs_days(ds) -> bool:
    span = record_span(ds)
    return span is not None and span[0] < FIRST_DATE_DAY


def x_axis(ds, window: tuple[int, int] | None = None, slide: bool = False) -> XAxis:
    """Plotly's date axis for a record within years 1 to 9999; else day numbers with ticks for the window
    (the whole record when there is none)."""
    if not needs_days(ds):
        return XAxis({}, DAY_MS)
    lo, hi = window or record_span(ds)
    vals, text = ticks(lo, hi + 1, SLIDE_TICKS if slide else TICKS)
    return XAxis({"type": "linear", "tickmode": "array", "tickvals": vals, "ticktext": text, "dtick": None,
                  "tickformat": None, "nticks": None, "range": [lo, hi + 1] if window else None}, 1)


def era(year: int) -> str:
    """An astronomical year on an axis that reaches before year 1: "500 BCE", "1 CE" (there is no year zero)."""
    return days.year_label(year) if year < 1 else f"{year} CE"


def _years(lo: int, hi: int, step: int, most: int) -> list[int] | None:
    """Year starts within [lo, hi] that are multiples of `step` as people count (500 BCE, 400 BCE, ... 1 CE,
    100 CE); None when more than `most` would be needed."""
    first, last = days.to_gregorian(lo)[0], days.to_gregorian(hi)[0]
    out: list[int] = []
    # BCE: astronomical year a is (1 - a) BCE; the ones whose BCE number is a multiple of the step.
    if first < 1:
        top = 1 - first  # the earliest BCE year in view
        bottom = 1 - min(last, 0)
        h = top - top % step
        while h >= max(bottom, 1):
            out.append(1 - h)
            h -= step
            if len(out) > most + 2:
                return None
    if last >= 1:
        if step >= 5 and first <= 1:
            out.append(1)  # the first year of the era, in place of a year zero
        y = max(first, 1)
        y = y if y % step == 0 else y + step - y % step
        while y <= last:
            out.append(y)
            y += step
            if len(out) > most + 2:
                return None
    starts = [days.year_start(a) for a in out]
    kept = [a for a, d in zip(out, starts) if lo <= d <= hi]
    return kept if len(kept) <= most else None


def ticks(lo: int, hi: int, most: int = TICKS) -> tuple[list[int], list[str]]:
    """Tick days and labels for a day-number axis from `lo` to `hi`: years, months or days, the coarsest
    unit of which three to `most` fit (two when no unit gives three)."""
    options: list[tuple[str, list[int]]] = []
    for step in YEAR_STEPS:
        years = _years(lo, hi, step, most)
        if years is not None:
            options.append(("year", [days.year_start(a) for a in years]))
            break
    for step in MONTH_STEPS:
        months = _months(lo, hi, step, most)
        if months is not None:
            options.append(("month", months))
            break
    for step in DAY_STEPS:
        picked = [d for d in range(lo, min(hi, lo + 400) + 1) if d % step == 0]
        if len(picked) <= most:
            options.append(("day", picked))
            break
    for need in (3, 2):
        for kind, option in options:
            if need <= len(option) <= most:
                return option, [_label(d, kind) for d in option]
    return [lo], [_label(lo, "day")]


def _label(d: int, kind: str) -> str:
    y, m, day = days.to_gregorian(d)
    if kind == "year":
        return era(y)
    if kind == "month":
        return f"{MONTHS[m - 1]} {era(y)}"
    return f"{day} {MONTHS[m - 1]} {era(y)}"


def _months(lo: int, hi: int, step: int, most: int) -> list[int] | None:
    """First days of months within [lo, hi] whose number is a multiple of `step`; None past `most`."""
    y, m, _ = days.to_gregorian(lo)
    n, out = y * 12 + m - 1, []
    while (d := days.from_gregorian(n // 12, n % 12 + 1, 1)) <= hi:
        if d >= lo and n % step == 0:
            out.append(d)
            if len(out) > most:
                return None
        n += 1
    return out


def to_day_numbers(fig) -> None:
    """Convert a figure built in plotly's date units (milliseconds) to day numbers: every trace's x, bar
    bases and widths, error bars, and the shapes drawn on the x axis."""
    def scale(values):
        return None if values is None else [v / DAY_MS if isinstance(v, (int, float)) else v for v in values]

    for trace in fig.data:
        if getattr(trace, "x", None) is not None:
            trace.x = scale(trace.x)
        if trace.type == "bar" and trace.base is not None:
            trace.base = scale(trace.base)
        error = getattr(trace, "error_x", None)
        if error is not None and error.array is not None:
            error.array = scale(error.array)
    for shape in fig.layout.shapes:
        if shape.xref == "x":
            shape.x0, shape.x1 = shape.x0 / DAY_MS, shape.x1 / DAY_MS
