"""The story's span and its preset windows, as a dataset declares them in datapackage.json:

    "period": {"start": "1917", "end": "1953"},
    "periods": [{"label": "1917-1924", "start": "1917", "end": "1924"}, ...]

`period` is what the date cursor, the "All" preset and the default window cover (the whole record is
one toggle away); `periods` are the preset windows. Both are EDTF; `check` validates them here.
"""
from __future__ import annotations

from . import days
from .dates import DateError, resolve
from .package import Package

FILE = "datapackage.json"


def _span(item) -> tuple[int, int] | None:
    """First and last day of a {"start", "end"} object, or None when it cannot be read."""
    if not isinstance(item, dict):
        return None
    try:
        lo, hi = resolve(str(item.get("start", ""))).lo, resolve(str(item.get("end", ""))).hi
    except DateError:
        return None
    return (lo, hi) if lo is not None and hi is not None and lo <= hi else None


def period(descriptor: dict) -> tuple[int, int] | None:
    """The declared period as first and last day, or None."""
    return _span(descriptor.get("period"))


def presets(descriptor: dict, record: tuple[int, int]) -> list[dict]:
    """Preset windows (label, first and last day): the declared `periods`, else one per decade of the period
    (or of the record, `record`, when no period is declared)."""
    declared = descriptor.get("periods")
    out = []
    if isinstance(declared, list):
        for item in declared:
            span = _span(item)
            if span and item.get("label"):
                out.append({"label": str(item["label"]), "start": span[0], "end": span[1]})
    if out:
        return out
    lo, hi = period(descriptor) or record
    first, last = days.to_gregorian(lo)[0] // 10 * 10, days.to_gregorian(hi)[0]
    return [{"label": f"{days.year_label(y)}s", "start": days.year_start(y), "end": days.year_end(y + 9)}
            for y in range(first, last + 1, 10)]


def _line_of(pkg: Package, key: str) -> int:
    """The line of `"key"` in datapackage.json, for messages (1 when it cannot be found)."""
    try:
        text = (pkg.path / FILE).read_text(encoding="utf-8")
    except OSError:
        return 1
    at = text.find(f'"{key}"')
    return text.count("\n", 0, at) + 1 if at >= 0 else 1


def check(pkg: Package) -> None:
    """Errors for a `period` or `periods` that cannot be read."""
    desc = pkg.descriptor
    hint = 'write it like {"start": "1917", "end": "1953"}: EDTF dates, the start not after the end'
    if "period" in desc and _span(desc["period"]) is None:
        pkg.error(FILE, _line_of(pkg, "period"), 1, "period is not a span of two dates", hint)
    if "periods" in desc:
        items = desc["periods"]
        if not isinstance(items, list):
            pkg.error(FILE, _line_of(pkg, "periods"), 1, "periods is not a list",
                      'write a list of {"label": "...", "start": "...", "end": "..."}')
            return
        for i, item in enumerate(items, 1):
            if _span(item) is None or not (isinstance(item, dict) and item.get("label")):
                pkg.error(FILE, _line_of(pkg, "periods"), 1, f"periods item {i} is not a labelled span of two dates",
                          'write it like {"label": "1917-1924", "start": "1917", "end": "1924"}')
