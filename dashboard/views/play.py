"""The days Play steps through, per speed: the first of each month, quarter or year. The page's Play
button and the film (views/film.py) use the same steps, so a film shows what Play shows."""
from __future__ import annotations

from ..core import days

STEP_MONTHS = {"month": 1, "quarter": 3, "year": 12}
MAX_STEPS = 5000  # past this many steps in the record a unit is too fine to play through


def steps(lo: int, hi: int, speed: str, most: int = MAX_STEPS) -> list[int] | None:
    """The first day of each month, quarter or year (`speed`) in [lo, hi], or None past `most` steps.
    Quarters and years start in January, so a step never drifts."""
    months = STEP_MONTHS[speed]
    y, m, _ = days.to_gregorian(lo)
    day = days.from_gregorian(y, ((m - 1) // months) * months + 1, 1)
    out = []
    while day <= hi:
        if day >= lo:
            if len(out) == most:
                return None
            out.append(day)
        day = days.add_months(day, months)
    return out


def play_steps(lo: int, hi: int) -> dict[str, list[int]]:
    """Every speed's steps over [lo, hi] for the page's Play (an empty list where there are too many)."""
    return {speed: steps(lo, hi, speed) or [] for speed in STEP_MONTHS}
