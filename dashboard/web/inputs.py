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
