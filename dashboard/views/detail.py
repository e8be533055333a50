"""The detail panel: who, what, when, and the sentence it comes from.

It is plain data (views/markup.py), which web/ turns into components: data strings
are always children, rendered as text (React escapes them), never as HTML.
"""
from __future__ import annotations

from ..core.validate import split_list
from .ending import endings
from .markup import el

KIND_TABLE = {"tenure": "tenures", "person": "people", "relation": "relations", "event": "events",
              "group": "groups"}



# Past this many spellings the list folds away, so that the row's quote stays in view after a click.
SHOWN_ALIASES = 4


def _aliases(names: list[str]):
    if not names:
        return None
    if len(names) <= SHOWN_ALIASES:
        return el("p", "Also written: " + ", ".join(names))
    return el("details", el("summary", f"Also written ({len(names)} spellings)"), el("p", ", ".join(names)),
              className="aliases")


def _row(ds, table: str, rid: str):
    frame = ds[table]
    key = frame.columns[0]
    hit = frame[frame[key] == rid]
    return None if hit.empty else hit.iloc[0]


def _when(row, start: str, end: str | None = None) -> str:
    a = row.get(f"{start}_label") or "date not given"
    if end is None:
        return a
    b = row.get(f"{end}_precision")
    b = {"open": "open (goes on past the record)", "unknown": "end not given"}.get(b, row.get(f"{end}_label"))
    if row.get(f"{start}_precision") == "unknown":
        a = "start not given"
    return f"{a} – {b}"


def _precision_note(row, cols: tuple[str, ...]) -> str:
    parts = []
    for c in cols:
        p = row.get(f"{c}_precision")
        if p and p not in ("unknown", "open"):
            approx = " (approximate)" if row.get(f"{c}_approx") else ""
            os = f"; Old Style as written: {row.get(f'{c}_os')}" if row.get(f"{c}_os") else ""
            parts.append(f"{c}: {p} precision{approx}{os}")
    return "; ".join(parts)


def citation(ds, row) -> dict:
    """The quote and where it stands: the source by its title (a link when its origin is a web address),
    and the lines (or, for a query result, the statement)."""
    src = _row(ds, "sources", row["source_id"])
    title = src["title"] if src is not None else row["source_id"]
    origin = str(src["origin"]) if src is not None else ""
    named = el("a", el("cite", title), href=origin) if origin.startswith(("https://", "http://")) else el("cite", title)
    where = f"lines {row['locator']}" if str(row["locator"])[:1].isdigit() else f"statement {row['locator']}"
    return el("div", el("blockquote", row["quote"], className="quote"),
              el("div", el("span", "Source: "), named, el("span", f", {where}"), className="source-line"),
              className="citation")


def claims(ds, table: str, rid: str) -> list:
    c = ds["claims"]
    c = c[c["target"] == f"{table}:{rid}"]
    if c.empty:
        return []
    items = []
    disputed = False
    for (_, fld), group in c.groupby(["target", "field"], sort=False):
        disputed = disputed or len(group) > 1
        for _, claim in group.sort_values("preferred", ascending=False).iterrows():
            version = " — preferred" if claim["preferred"] and len(group) > 1 else \
                " — other version" if not claim["preferred"] else " — from a second source"
            items.append(el("li", el("div", el("strong", f"{fld}: {claim['value'] or '(no value)'}"), el("span", version)),
                            el("div", claim["note"], className="claim-note") if claim["note"] else None,
                            citation(ds, claim), className="claim preferred" if claim["preferred"] else "claim"))
    # One claim alone cites a value from another source; two or more versions are a disagreement.
    return [el("h4", "Sources disagree" if disputed else "Also cited"), el("ul", *items, className="claims")]


def _names(ds, ids) -> str:
    names = ds["people"].set_index("person_id")["name"]
    return ", ".join(str(names.get(i, i)) for i in ids)


def panel(ds, kind: str, rid: str) -> list:
    """Children of the detail panel for one clicked item; a short message when it is unknown."""
    table = KIND_TABLE.get(kind)
    row = _row(ds, table, rid) if table else None
    if row is None:
        return [el("p", "Nothing selected. Click a bar, an event, a person or a relation to read its source.")]
    if kind == "tenure":
        office = _row(ds, "offices", row["office_id"])
        head = [el("h3", _names(ds, [row["person_id"]])),
                el("p", f"{office['title']}" + (f" · {office['organisation']}" if office['organisation'] else "")),
                el("p", _when(row, "start", "end"), className="when")]
        cols = ("start", "end")
    elif kind == "person":
        head = [el("h3", row["name"]),
                el("p", row["name_native"], lang="ru") if row["name_native"] else None,
                _aliases(split_list(row["aliases"])),
                el("p", f"Born {row['born_label'] or 'date not given'}; died {row['died_label'] or 'date not given'}"
                       if row["kind"] == "person" else "Organisation", className="when")]
        cols = ("born", "died")
    elif kind == "relation":
        head = [el("h3", f"{_names(ds, [row['a']])} → {_names(ds, [row['b']])}" if row["directed"]
                        else f"{_names(ds, [row['a']])} — {_names(ds, [row['b']])}"),
                el("p", row["kind"].capitalize(), className="relation-kind"),
                el("p", _when(row, "start", "end"), className="when")]
        cols = ("start", "end")
    elif kind == "event":
        end = row.get("end_label")
        when = row["date_label"] + (f" – {end}" if end and end not in ("unknown",) else "")
        head = [el("h3", row["title"]), el("p", when, className="when"),
                el("p", row["description"]) if row["description"] else None,
                el("p", "People: " + _names(ds, split_list(row["people"]))) if row["people"] else None]
        cols = ("date", "end")
    else:  # group
        head = [el("h3", row["name"]), el("p", row["kind"]), el("p", _when(row, "start", "end"), className="when"),
                el("p", row["description"]) if row["description"] else None]
        cols = ("start", "end")
    note = row.get("note")
    precision = _precision_note(row, cols)
    ended = endings(ds).sentence(table, row) if "end_rule" in row else ""
    parts = [*head,
             el("p", ended, className="ended") if ended else None,
             el("p", precision, className="precision") if precision else None,
             el("p", note, className="note") if isinstance(note, str) and note else None,
             citation(ds, row), *claims(ds, table, rid)]
    return [p for p in parts if p is not None]


def resolve_pick(pick) -> tuple[str, str] | None:
    """(kind, id) of a table row's button: "tenure:<id>" (views/state.py names them)."""
    kind, _, rid = pick.partition(":") if isinstance(pick, str) else ("", "", "")
    return (kind, rid) if kind in KIND_TABLE and rid else None


def resolve_click(point: dict | None) -> tuple[str, str] | None:
    """(kind, id) of a plotly click point whose customdata is [id, person, kind, ...]."""
    try:
        data = point["points"][0]["customdata"]
        return str(data[2]), str(data[0])
    except (TypeError, KeyError, IndexError, AttributeError):
        return None
