"""People search that ignores case, accents and script: `trotskii`, `Троцкий`
and `bronstein` all find Trotsky when the data holds those forms."""
from __future__ import annotations

import unicodedata

from ..core.validate import split_list

# Russian Cyrillic -> Latin, close to the common English transliteration.
_CYRILLIC = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f",
     "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"],
))


def fold(text: str) -> str:
    """Lower-case ASCII-ish form: accents (and Cyrillic stress marks) removed, Cyrillic transliterated."""
    text = unicodedata.normalize("NFKD", str(text)).casefold()
    text = "".join(c for c in text if not unicodedata.combining(c))
    return "".join(_CYRILLIC.get(c, c) for c in text)


def _variants(text: str) -> set[str]:
    f = fold(text)
    # Spelling families the texts mix: -sky/-skii/-ski, y/i.
    return {f, f.replace("y", "i"), f.replace("ii", "y"), f.replace("iy", "y")}


def index(people) -> list[tuple[str, str, set[str]]]:
    out = []
    for pid, name, native, aliases in zip(people["person_id"], people["name"], people["name_native"], people["aliases"]):
        forms = set()
        for form in [name, native, pid, *split_list(aliases)]:
            if form:
                forms |= _variants(form)
        out.append((pid, name, forms))
    return out


def find(people, query: str, limit: int = 12) -> list[tuple[str, str]]:
    """(person_id, name) of people matching the query, best first."""
    query = (query or "").strip()
    if not query:
        return []
    qs = _variants(query)
    hits = []
    for pid, name, forms in index(people):
        score = None
        for q in qs:
            for form in forms:
                if form == q:
                    score = 0
                elif score != 0 and (form.startswith(q) or any(w.startswith(q) for w in form.split())):
                    score = min(score or 1, 1)
                elif score is None and q in form:
                    score = 2
        if score is not None:
            hits.append((score, name, pid))
    return [(pid, name) for _, name, pid in sorted(hits)[:limit]]
