"""The canonical data package schema: tables, their fields and their links.

One source of truth for `check`, `build`, `init` and the docs: a dataset's
datapackage.json must declare these fields (the app relies on them), and
`python -m dashboard init` writes them out as Frictionless Table Schemas.
"""
from __future__ import annotations

from dataclasses import dataclass, field

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"

OFFICE_KINDS = ("party", "state", "military", "security", "legislature", "other")
GROUP_KINDS = ("faction", "opposition", "bloc", "leadership body", "party", "organisation", "other")
# `succession`: b took an office from a (Wikidata's replaces / replaced by, P1365 / P1366).
RELATION_KINDS = ("alliance", "rivalry", "patronage", "repression", "agreement", "family", "succession", "other")
# What part of life a relation belongs to: the network shows party and state relations by default.
RELATION_SCOPES = ("party", "state", "foreign", "personal")
PERSON_KINDS = ("person", "organisation")
# A source that is a query result rather than a text (core/wikidata.py): rows citing it give a statement id as
# locator, and `verify-quotes` looks the quoted values up in the result file.
STRUCTURED = "structured"
# A Wikidata statement id as the API writes it (the query service writes `-` for the `$`).
STATEMENT_ID = r"[QPL][0-9]+\$[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}"
EVENT_KINDS = (
    "congress", "conference", "plenum", "election", "appointment", "expulsion", "exile",
    "arrest", "trial", "execution", "death", "birth", "treaty", "war", "battle",
    "revolution", "decree", "publication", "other",
)


@dataclass(frozen=True)
class Field:
    name: str
    # string | id | ids (;-list of ids) | strings (;-list) | integer | boolean | edtf | locator | target
    # (table:id) | targets (;-list of table:id)
    type: str = "string"
    required: bool = False
    enum: tuple[str, ...] = ()
    description: str = ""


@dataclass(frozen=True)
class Table:
    name: str
    fields: tuple[Field, ...]
    key: str
    # column -> (table, column); `ids` columns check every list item
    foreign: dict[str, tuple[str, str]] = field(default_factory=dict)
    cited: bool = False
    # date columns that come with an `_os` companion
    dates: tuple[str, ...] = ()
    # (start, end) pairs that must be in order
    spans: tuple[tuple[str, str], ...] = ()
    # one of these date columns must be given (with or without `_os`)
    needs_one_of: tuple[str, ...] = ()

    @property
    def columns(self) -> list[str]:
        return [f.name for f in self.fields]

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)


def _dated(*names: str) -> tuple[Field, ...]:
    out: list[Field] = []
    for n in names:
        out.append(Field(n, "edtf", description=f"{n}: EDTF date (New Style)"))
        out.append(Field(f"{n}_os", "edtf", description=f"{n} as the source wrote it in Old Style (Julian)"))
    return tuple(out)


CITATION = (
    Field("source_id", "id", True, description="the source this row comes from"),
    Field("locator", "locator", True, description="line numbers in the source's file: 3400 or 3400-3404 (for a "
                                                 "structured source: statement ids)"),
    Field("quote", "string", True, description="a short verbatim excerpt that supports the row"),
)

TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        Table(
            "sources",
            (
                Field("source_id", "id", True),
                Field("title", "string", True),
                Field("kind", "string", description="what the source is; `structured` for a query result"),
                Field("origin", "string", description="URL or bibliographic citation"),
                Field("licence", "string"),
                Field("file", "string", description="name of the text file the source came from"),
                Field("lines", "locator", description="the document's span in that file"),
            ),
            key="source_id",
        ),
        Table(
            "people",
            (
                Field("person_id", "id", True),
                Field("name", "string", True),
                Field("name_native", "string"),
                Field("aliases", "strings"),
                *_dated("born", "died"),
                Field("kind", "string", enum=PERSON_KINDS, description="person (default) or organisation"),
                Field("wikidata", "string"),
                Field("note", "string"),
                *CITATION,
            ),
            key="person_id",
            foreign={"source_id": ("sources", "source_id")},
            cited=True,
            dates=("born", "died"),
            spans=(("born", "died"),),
        ),
        Table(
            "offices",
            (
                Field("office_id", "id", True),
                Field("title", "string", True),
                Field("organisation", "string"),
                Field("kind", "string", True, enum=OFFICE_KINDS),
                Field("rank", "integer"),
                Field("concurrent", "boolean",
                      description="true when several people hold the office at once: a new holder does not end "
                                  "the tenure of the one before"),
            ),
            key="office_id",
        ),
        Table(
            "tenures",
            (
                Field("tenure_id", "id", True),
                Field("person_id", "id", True),
                Field("office_id", "id", True),
                *_dated("start", "end"),
                Field("note", "string"),
                *CITATION,
            ),
            key="tenure_id",
            foreign={
                "person_id": ("people", "person_id"),
                "office_id": ("offices", "office_id"),
                "source_id": ("sources", "source_id"),
            },
            cited=True,
            dates=("start", "end"),
            spans=(("start", "end"),),
            needs_one_of=("start", "end"),
        ),
        Table(
            "groups",
            (
                Field("group_id", "id", True),
                Field("name", "string", True),
                Field("kind", "string", True, enum=GROUP_KINDS),
                *_dated("start", "end"),
                Field("description", "string"),
                *CITATION,
            ),
            key="group_id",
            foreign={"source_id": ("sources", "source_id")},
            cited=True,
            dates=("start", "end"),
            spans=(("start", "end"),),
        ),
        Table(
            "memberships",
            (
                Field("membership_id", "id", True),
                Field("person_id", "id", True),
                Field("group_id", "id", True),
                *_dated("start", "end"),
                Field("role", "string"),
                *CITATION,
            ),
            key="membership_id",
            foreign={
                "person_id": ("people", "person_id"),
                "group_id": ("groups", "group_id"),
                "source_id": ("sources", "source_id"),
            },
            cited=True,
            dates=("start", "end"),
            spans=(("start", "end"),),
        ),
        Table(
            "relations",
            (
                Field("relation_id", "id", True),
                Field("a", "id", True),
                Field("b", "id", True),
                Field("kind", "string", True, enum=RELATION_KINDS),
                Field("directed", "boolean"),
                *_dated("start", "end"),
                Field("note", "string"),
                *CITATION,
                Field("scope", "string", enum=RELATION_SCOPES,
                      description="party, state, foreign or personal; empty: personal for family ties, else party"),
            ),
            key="relation_id",
            foreign={
                "a": ("people", "person_id"),
                "b": ("people", "person_id"),
                "source_id": ("sources", "source_id"),
            },
            cited=True,
            dates=("start", "end"),
            spans=(("start", "end"),),
        ),
        Table(
            "events",
            (
                Field("event_id", "id", True),
                *_dated("date", "end"),
                Field("title", "string", True),
                Field("kind", "string", True, enum=EVENT_KINDS),
                Field("people", "ids"),
                Field("description", "string"),
                *CITATION,
                Field("about", "targets",
                      description="rows this event shows still in force at its date (table:id, ';'-separated): "
                                  "it extends their last attested day"),
            ),
            key="event_id",
            foreign={"people": ("people", "person_id"), "source_id": ("sources", "source_id")},
            cited=True,
            dates=("date", "end"),
            spans=(("date", "end"),),
            needs_one_of=("date",),
        ),
        Table(
            "claims",
            (
                Field("claim_id", "id", True),
                Field("target", "target", True, description="table:row_id, e.g. tenures:stalin-gen-sec"),
                Field("field", "string", True),
                Field("value", "string"),
                Field("preferred", "boolean", True),
                Field("note", "string"),
                *CITATION,
            ),
            key="claim_id",
            foreign={"source_id": ("sources", "source_id")},
            cited=True,
        ),
        Table(
            "scenes",
            (
                Field("scene_id", "id", True),
                Field("order", "integer", True),
                Field("title", "string", True),
                Field("date", "edtf", True),
                Field("window_start", "edtf"),
                Field("window_end", "edtf"),
                Field("focus", "ids"),
                Field("caption", "string", description="Markdown; raw HTML is not rendered"),
            ),
            key="scene_id",
        ),
    )
}

# Date columns of each table, including scenes' plain (no `_os`) dates.
DATE_COLUMNS: dict[str, tuple[str, ...]] = {
    name: (t.dates if t.dates else tuple(f.name for f in t.fields if f.type == "edtf"))
    for name, t in TABLES.items()
}

# Tables whose ids may appear in a scene's focus list.
FOCUS_TABLES = ("people", "groups", "relations", "events", "tenures")
# Tables whose rows an event may attest (`events.about`): the rows with a validity interval.
ATTESTED_TABLES = ("tenures", "memberships", "relations", "groups")


def table_schema(table: Table) -> dict:
    """The Frictionless Table Schema for one table."""
    types = {"integer": "integer", "boolean": "boolean"}
    fields = []
    for f in table.fields:
        spec: dict = {"name": f.name, "type": types.get(f.type, "string")}
        if f.type in ("edtf",):
            spec["format"] = "edtf"
        if f.description:
            spec["description"] = f.description
        constraints: dict = {}
        if f.required:
            constraints["required"] = True
        if f.enum:
            constraints["enum"] = list(f.enum)
        if f.type == "id":
            constraints["pattern"] = ID_PATTERN
        if constraints:
            spec["constraints"] = constraints
        fields.append(spec)
    schema: dict = {"fields": fields, "primaryKey": [table.key], "missingValues": [""]}
    fks = [
        {"fields": [col], "reference": {"resource": ref_table, "fields": [ref_col]}}
        for col, (ref_table, ref_col) in table.foreign.items()
        if table.field(col).type == "id"
    ]
    if fks:
        schema["foreignKeys"] = fks
    if any(f.type == "boolean" for f in table.fields):
        schema["trueValues"], schema["falseValues"] = ["true"], ["false"]
    return schema


def descriptor(name: str, title: str, description: str = "", licenses: list | None = None,
               sources: list | None = None) -> dict:
    """A complete datapackage.json descriptor for a dataset folder."""
    return {
        "name": name,
        "title": title,
        "description": description,
        "licenses": licenses or [],
        "sources": sources or [],
        "resources": [
            {
                "name": t.name,
                "path": f"{t.name}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": table_schema(t),
            }
            for t in TABLES.values()
        ],
    }
