"""Values from the browser, taken at face value nowhere: each callback coerces what it reads,
so a hand-made request with the wrong types gets the defaults, not a 500."""
from __future__ import annotations

import re

from ..core import days


def text(value, default: str = "") -> str:
    return value if isinstance(value, str) else default


def strings(value) -> list[str] | None:
    """A list of strings (a checklist's value), or None when there is none."""
    if not isinstance(value, list):
        return None
    items = [v for v in value if isinstance(v, str)]
    return items or None


def integer(value, default: int | None = 0) -> int | None:
    if isinstance(value, bool):
        return default
    if isinstance(value, (int, float)) and abs(value) < 10**7:
        return int(value)
    return default


def mapping(value) -> dict:
    return value if isinstance(value, dict) else {}


def choice(value, allowed: tuple[str, ...]) -> str:
    return value if value in allowed else allowed[0]


_AXIS_DAY = re.compile(r"^\s*(-?\d{1,5})-(\d{2})-(\d{2})")


def axis_day(value) -> int | None:
    """A day number from a plotly date-axis value: `1927-11-15 06:00:00.5` or milliseconds since 1970."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and abs(value) < 10**15:
        return int(value // 86_400_000)
    m = _AXIS_DAY.match(value) if isinstance(value, str) else None
    if not m:
        return None
    try:
        return days.from_gregorian(int(m[1]), int(m[2]), int(m[3]))
    except (ValueError, OverflowError):
        return None


def axis_window(relayout: dict) -> tuple[int, int] | None:
    """The timeline window a zoom or pan left in plotly's relayoutData, as first and last day."""
    a, b = axis_day(relayout.get("xaxis.range[0]")), axis_day(relayout.get("xaxis.range[1]"))
    return (a, b) if a is not None and b is not None and a <= b else None
