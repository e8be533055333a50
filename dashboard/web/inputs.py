"""Values from the browser, taken at face value nowhere: each callback coerces what it reads,
so a hand-made request with the wrong types gets the defaults, not a 500."""
from __future__ import annotations


def text(value, default: str = "") -> str:
    return value if isinstance(value, str) else default


def strings(value) -> list[str] | None:
    """A list of strings (a checklist's value), or None when there is none."""
    if not isinstance(value, list):
        return None
    items = [v for v in value if isinstance(v, str)]
    return items or None


def integer(value, default: int = 0) -> int:
    if isinstance(value, bool):
        return default
    if isinstance(value, (int, float)) and abs(value) < 10**7:
        return int(value)
    return default


def mapping(value) -> dict:
    return value if isinstance(value, dict) else {}


def choice(value, allowed: tuple[str, ...]) -> str:
    return value if value in allowed else allowed[0]
