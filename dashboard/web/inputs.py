"""Values from the browser, taken at face value nowhere: each callback coerces what it reads,
so a hand-made request with the wrong types gets the defaults, not a 500."""
from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from ..core.dates import DateError, resolve


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


def url_window(url: str) -> tuple[int, int] | None:
    """The timeline window (`start`, `end`) of a page URL or query string, as first and last day."""
    query = parse_qs(urlsplit(url).query if "?" in url else url.lstrip("?"))
    start, end = (query.get(k, [""])[0] for k in ("start", "end"))
    try:
        a, b = resolve(start).lo, resolve(end).hi
    except DateError:
        return None
    return (a, b) if a is not None and b is not None and a <= b else None


def read_date(value):
    """A date typed in a field as (its span, ""), or (None, why not): a day, a month or a year (the span's
    `lo`, `hi` and `label`), read by the one parser for every date (core/dates.py). Empty: (None, "")."""
    value = text(value).strip()
    if not value:
        return None, ""
    try:
        parsed = resolve(value)
    except DateError as e:
        return None, f"Not a date: {e}. Write it like 1927-11-15, 1927-11 or 1927."
    if parsed.lo is None or parsed.precision not in ("day", "month", "year"):
        return None, "Write a day, a month or a year, like 1927-11-15, 1927-11 or 1927."
    return parsed, ""
