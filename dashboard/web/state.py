"""View state <-> URL query string. The URL is the one source of truth: the page
is rendered from it, and every change is written back to it. Bad parameters
fall back to their defaults with a notice; they never raise."""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, fields
from urllib.parse import urlencode

from ..core.dates import DateError, resolve
from ..core.schema import OFFICE_KINDS, RELATION_KINDS
from ..views.network import DEFAULT_LAYERS, LAYERS

_DIGITS = re.compile(r"[0-9]{1,6}")
LANES = ("office", "person")
COLOURS = ("organisation", "faction")
EGO_DEPTHS = ("1", "2")
MAX_PARAM = 200


@dataclass
class ViewState:
    dataset: str = ""
    date: str = ""  # EDTF, as typed; "" = the dataset's default
    start: str = ""  # timeline window
    end: str = ""
    sel: str = ""  # selected person id
    lanes: str = "office"
    colour: str = "organisation"
    orgs: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)
    rels: list[str] = field(default_factory=list)
    layers: list[str] = field(default_factory=list)  # network layers shown; empty: the default (political)
    everyone: bool = False  # also draw, faded, the people with nothing in force at the date
    present: bool = False
    whole: bool = False  # the date cursor covers the whole record, not only the dataset's period
    lp: int = 1  # page of timeline lanes, when there are more than fit (timeline.MAX_LANES)
    ego: str = ""  # "1" or "2": the network narrowed to the selected person and those that many ties away
    to: str = ""  # a second person: the shortest path from the selected one to them is drawn

    def query(self) -> str:
        """The query string of this state, defaults left out."""
        default = ViewState()
        out = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value == getattr(default, f.name):
                continue
            out[f.name] = ",".join(value) if isinstance(value, list) else ("1" if value is True else value)
        return urlencode(out)

    def to_dict(self) -> dict:
        return asdict(self)


def url_defaults() -> dict:
    """The controls' values the URL leaves out, for the browser that writes it (assets/url_state.js); the
    layers control shows the default layers where the state holds none."""
    return {"lanes": ViewState.lanes, "colour": ViewState.colour, "layers": list(DEFAULT_LAYERS)}


def first_value(args, key: str) -> str:
    value = args.get(key, "")
    if isinstance(value, list):
        value = value[0] if value else ""
    return str(value)


def parse(args, datasets: list[str], known: dict[str, set[str]] | None = None) -> tuple[ViewState, list[str]]:
    """ViewState from query args (a dict-like), with notices for everything ignored.

    `known` holds the valid ids of the chosen dataset: people, organisations, groups.
    """
    known = known or {}
    state, notices = ViewState(), []

    def take(key: str) -> str:
        value = first_value(args, key).strip()
        if len(value) > MAX_PARAM:
            notices.append(f"Ignored '{key}': the value is too long.")
            return ""
        return value

    dataset = take("dataset")
    if dataset and dataset in datasets:
        state.dataset = dataset
    elif dataset:
        notices.append(f"Unknown dataset '{dataset}': showing the default one.")
    for key in ("date", "start", "end"):
        value = take(key)
        if not value:
            continue
        try:
            value_of = resolve(value)
        except DateError:
            notices.append(f"Ignored '{key}={value}': not a date (write it like 1927-11-15, 1927-11 or 1927).")
            continue
        if value_of.lo is None or value_of.precision in ("interval", "set"):
            notices.append(f"Ignored '{key}={value}': not one date (write it like 1927-11-15, 1927-11 or 1927).")
        else:
            setattr(state, key, value)
    if state.start and state.end and resolve(state.end).hi < resolve(state.start).lo:
        notices.append("Ignored the timeline window: it ends before it starts.")
        state.start = state.end = ""
    for key, allowed in (("lanes", LANES), ("colour", COLOURS), ("ego", EGO_DEPTHS)):
        value = take(key)
        if value and value in allowed:
            setattr(state, key, value)
        elif value:
            notices.append(f"Ignored '{key}={value}': use one of {', '.join(allowed)}.")
    for key, unknown in (("sel", "Unknown person '{}': nothing selected."),
                         ("to", "Unknown person 'to={}': no path drawn.")):
        value = take(key)
        if value and value in known.get("people", {value}):
            setattr(state, key, value)
        elif value:
            notices.append(unknown.format(value))
    for key, allowed in (("orgs", known.get("organisations")), ("kinds", set(OFFICE_KINDS)),
                         ("groups", known.get("groups")), ("rels", set(RELATION_KINDS)), ("layers", set(LAYERS))):
        value = take(key)
        if not value:
            continue
        items = [v for v in value.split(",") if v]
        good = [v for v in items if allowed is None or v in allowed]
        if len(good) < len(items):
            bad = ", ".join(sorted(set(items) - set(good)))
            notices.append(f"Ignored unknown {key}: {bad}.")
        setattr(state, key, good)
    state.present = take("present") in ("1", "true")
    state.everyone = take("everyone") in ("1", "true")
    state.whole = take("whole") in ("1", "true")
    lp = take("lp")
    if _DIGITS.fullmatch(lp) and 1 <= int(lp) <= 10_000:  # ASCII digits only: "²".isdigit() is true
        state.lp = int(lp)
    elif lp:
        notices.append(f"Ignored 'lp={lp}': the page of lanes is a number from 1.")
    return state, notices
