"""Quote verification: every cited quote must appear in its source text at or
near its locator, after normalising the noise a PDF-to-text export adds. A row
citing a structured source (a saved query result, kind `structured`) is checked
against the result instead: its statement ids must be in the file, and every
`name=value` it quotes must be a value of those statements (core/wikidata.py)."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .package import LINE, Package, Problem, _short, read_package
from .schema import STRUCTURED, TABLES

NEAR = 3  # lines of slack either side of the locator
_FOOTNOTE = re.compile(r"\[\s*(?:\d{1,4}|[a-z]{1,2}|note \d+|citation needed|nb \d+)\s*\]")
_HYPHEN = re.compile(r"[-\u00ad\u2010\u2011]\s*")
_SPACE = re.compile(r"\s+")
_GAP = re.compile(r"\s*(?:\.\.\.|…)\s*")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2032": "'", "\u00a0": " "})


def normalise(text: str) -> str:
    """White space collapsed, `/` line-break markers, hyphenation and footnote markers removed."""
    text = text.translate(_QUOTES)
    text = _FOOTNOTE.sub("", text)
    text = text.replace(" / ", " ")
    text = _HYPHEN.sub("", text)
    return _SPACE.sub(" ", text).strip()


def parse_locator(locator: str) -> list[tuple[int, int]]:
    spans = []
    for part in locator.split(";"):
        a, _, b = part.strip().partition("-")
        spans.append((int(a), int(b or a)))
    return spans


@dataclass
class SourceText:
    lines: list[str]
    flat: str  # every line normalised on its own, joined by spaces: for "found elsewhere" hints
    starts: list[int]  # offset in `flat` of each line

    def window(self, first: int, last: int) -> str:
        lo, hi = max(1, first - NEAR), min(len(self.lines), last + NEAR)
        return normalise("\n".join(self.lines[lo - 1: hi]))

    def line_of(self, fragment: str) -> int | None:
        pos = self.flat.find(fragment)
        return None if pos < 0 else bisect.bisect_right(self.starts, pos)


@lru_cache(maxsize=16)
def load_source(path: Path) -> SourceText:
    lines = path.read_text(encoding="utf-8", errors="replace").split("\n")
    parts, starts, offset = [], [], 0
    for line in lines:
        n = normalise(line)
        starts.append(offset)
        parts.append(n)
        offset += len(n) + 1
    return SourceText(lines, " ".join(parts), starts)


def find_in_order(haystack: str, quote: str) -> bool:
    pos = 0
    for fragment in _GAP.split(normalise(quote)):
        fragment = fragment.strip()
        if not fragment:
            continue
        found = haystack.find(fragment, pos)
        if found < 0:
            return False
        pos = found + len(fragment)
    return True


def verify(pkg: Package, sources_dir: Path) -> list[Problem]:
    """Check the quotes of every cited table present in the package."""
    problems: list[Problem] = []
    sources = pkg.tables.get("sources")
    files = dict(zip(sources["source_id"], sources["file"])) if sources is not None else {}
    structured = set(sources.loc[sources["kind"] == STRUCTURED, "source_id"]) if sources is not None else set()
    for name, frame in pkg.tables.items():
        table = TABLES[name]
        if not table.cited:
            continue
        file = f"{name}.csv"
        header = pkg.headers.get(name, table.columns)
        col = header.index("quote") + 1
        source_col = header.index("source_id") + 1
        for sid, locator, quote, line in zip(frame["source_id"], frame["locator"], frame["quote"], frame[LINE]):
            if not quote or not sid or not locator:
                continue  # `check` reports missing citation cells
            if sid not in files:
                problems.append(Problem(file, line, source_col, f"unknown source_id ({_short(sid)})",
                                        "add it to sources.csv with its text file"))
                continue
            if not files[sid]:
                continue  # a source without a text file cannot be checked
            path = sources_dir / files[sid]
            if not path.is_file():
                problems.append(Problem(file, line, source_col, f"source text {files[sid]} not found in {sources_dir}",
                                        "pass the folder holding the source texts with --sources"))
                continue
            if sid in structured:
                problem = _verify_structured(path, locator, quote)
                if problem:
                    problems.append(Problem(file, line, col, *problem))
                continue
            text = load_source(path)
            try:
                spans = parse_locator(locator)
            except ValueError:
                continue  # `check` reports malformed locators
            if any(find_in_order(text.window(a, b), quote) for a, b in spans) or \
                    find_in_order(text.window(min(a for a, _ in spans), max(b for _, b in spans)), quote):
                continue
            first = _GAP.split(normalise(quote))[0]
            elsewhere = text.line_of(first[:80]) if first else None
            hint = (f"the first words are on line {elsewhere}: fix the locator" if elsewhere
                    else "copy the words exactly as they stand in the source")
            problems.append(Problem(file, line, col, f"quote not found at {files[sid]} lines {locator} "
                                    f"(\"{_short(quote, 50)}\")", hint))
    return sorted(problems)


def _verify_structured(path: Path, locator: str, quote: str) -> tuple[str, str] | None:
    """(message, hint) when the quoted values are not those of the located statements in the result file."""
    from . import wikidata

    try:
        found = wikidata.read_statements(path)
    except wikidata.ResultError as e:
        return f"cannot read {path.name} ({e.where}: {e.message})", e.hint
    ids = [x.strip() for x in locator.split(";") if x.strip()]
    missing = [x for x in ids if x not in found]
    if missing:
        return (f"statement {_short(missing[0], 60)} not in {path.name}",
                "copy the statement id from the result file (Q42$…), or save the result again")
    pairs = wikidata.quoted_pairs(quote)
    if pairs is None:
        return (f"quote is not name=value pairs (\"{_short(quote, 50)}\")",
                "quote the statement's values as the result gives them: name=value, joined by ' | '")
    for name, value in pairs:
        if not any(value in found[x].values.get(name, []) for x in ids):
            have = [v for x in ids for v in found[x].values.get(name, [])]
            said = f"it gives {name}={_short(have[0], 40)}" if have else f"they have no {name}"
            return (f"{name}={_short(value, 40)} is not a value of statement {_short(ids[0], 60)}"
                    f"{' (and the others)' if len(ids) > 1 else ''} in {path.name}",
                    f"{said}: quote the values as the result file gives them")
    return None


def verify_path(path: str | Path, sources_dir: str | Path) -> tuple[Package, list[Problem]]:
    pkg = read_package(path)
    return pkg, verify(pkg, Path(sources_dir))
