"""Timeline figure: one lane per office (or person), one bar trace per colour.

Each bar is a tenure's validity (core/validity.py): solid while it is surely in
force, hatched and faded while it may be (a vague date, or no end recorded
after the day it was last attested); open ends run to the end of the record
with a marker; events sit on their own lane. The x axis is in milliseconds
since 1970 (plotly's date axis), from day numbers, or in day numbers for a
record that reaches before year 1 (`day_axis.py`). The date cursor is shape 0,
so the browser can move it without asking the server.
"""
from __future__ import annotations

import copy
import hashlib
import json
import threading
from collections import OrderedDict

import pandas as pd
import plotly.graph_objects as go

from ..core.validate import split_list
from . import day_axis, ending
from .style import FONT, NONE_COLOUR, colour_map, esc

EVENTS_LANE = "Events"
PAGED_EVENTS = "Events of these lanes' people"
DAY_MS = 86_400_000
FACTION_KINDS = ("faction", "opposition", "bloc", "party")
FONT_SIZE = 15  # the timeline's type, off a slide
PRESENT_LANES = 4  # lanes on a projected slide at most; fewer where its panel is too short to name them (`slide_fit`)
SCENE_EVENT_LABELS = 2  # a scene's events that fit as text on a slide
# The lane names' column, fixed so that the sticky date axis above the lanes (`axis_figure`) lines up with
# them: 28 characters a line at 15 px.
LANE_LABEL_PX = 250
# On a phone (the page's layout below NARROW_PX, assets/style.css) that column left 100 px for the bars and
# the decades' labels ran together: there the lane names get NARROW_LABEL_PX, wrapped at NARROW_WRAP.
NARROW_PX, NARROW_LABEL_PX, NARROW_WRAP = 600, 124, 13
AXIS_HEIGHT = 34
MAX_LANES = 60  # lanes drawn at once; more are paged (a 40 px lane: 60 lanes fill two screens)


def fit(wide: dict, narrow: dict) -> dict:
    """The two layouts of a figure whose lane names' column depends on the screen's width, as relayouts the
    browser applies (assets/timeline_cursor.js, `fitWidth`); each sets `margin.l`."""
    return {"below": NARROW_PX, "wide": wide, "narrow": narrow}


def slide_fit(ticktext: list[str], font_size: int, more: int, noun: str) -> list[dict]:
    """How a slide's lanes shrink to fit a short panel (a 1024x768 projector): for each count of lanes, from
    all down to the events lane and one more, the px a lane needs for its names (the most lines among those
    shown) and the relayout that shows only the top ones and counts the rest. The browser takes the first
    that fits (assets/timeline_cursor.js, `fitSlide`)."""
    n, steps = len(ticktext), []
    for k in range(n, min(n, 2) - 1, -1):
        lines = max(t.count("<br>") + 1 for t in ticktext[:k])
        hidden = more + n - k
        steps.append({"lanes": k, "need": round(lines * font_size * 1.25 + 4),
                      "relayout": {"yaxis.range": [n - k - 0.6, n - 0.4],
                                   "xaxis.title.text": f"+{hidden} more {noun}" if hidden else None}})
    return steps


def lane_pages(n_lanes: int) -> int:
    return max(1, -(-n_lanes // MAX_LANES))


def wrap(label: str, width: int = 26) -> str:
    """Long lane names on two lines (then cut), so the plot keeps its width."""
    if len(label) <= width:
        return label
    cut = label.rfind(" ", 0, width)
    cut = cut if cut > 0 else width
    rest = label[cut:].strip()
    return label[:cut] + "<br>" + (rest if len(rest) <= width else rest[: width - 1] + "…")


def faction_at(ds, person_ids: pd.Series, when: pd.Series) -> pd.Series:
    """The (narrowest) faction-like group each person belonged to at each day (validity.py's bounds)."""
    groups = ds["groups"].set_index("group_id")
    mem = ds["memberships"]
    mem = mem[mem["group_id"].map(groups["kind"]).isin(FACTION_KINDS)]
    out = []
    for pid, t in zip(person_ids, when):
        rows = mem[mem["person_id"] == pid]
        hit = rows[(rows["v_lo"] <= t) & (t <= rows["v_hi"])] if pd.notna(t) else rows.iloc[0:0]
        out.append("" if hit.empty else hit.loc[(hit["v_hi"] - hit["v_lo"]).idxmin(), "group_id"])
    return pd.Series(out, index=person_ids.index)


def tenure_bars(ds, lanes: str = "office", colour: str = "organisation",
                organisations=None, office_kinds=None) -> pd.DataFrame:
    """One row per tenure with its lane, colour key, solid core (in force) and faded parts (uncertain)."""
    t = ds["tenures"].merge(ds["offices"], on="office_id", how="left", suffixes=("", "_office"))
    t = t.merge(ds["people"][["person_id", "name"]], on="person_id", how="left")
    if organisations:
        t = t[t["organisation"].isin(organisations)]
    if office_kinds:
        t = t[t["kind"].isin(office_kinds)]
    t = t[t["v_lo"] <= t["v_hi"]].copy()  # a tenure cut by a death before it began is never drawn
    t["open"] = t["end_rule"] == "open"
    t["start_missing"] = t["start_lo"].isna()
    t["end_missing"] = t["end_rule"] == "last attested"
    solid = t["v_start"] <= t["v_end"]
    t["all_vague"] = ~solid
    t["vague_start"] = solid & (t["v_lo"] < t["v_start"])
    t["vague_end"] = solid & (t["v_end"] < t["v_hi"])
    if lanes == "person":
        t["lane"] = t["name"]
        t["lane_group"] = ""
    else:
        t["lane"] = t["title"]
        t["lane_group"] = t["organisation"].fillna("")
    if colour == "faction":
        t["colour_key"] = faction_at(ds, t["person_id"], t["v_start"].where(solid, t["v_lo"]))
        names = ds["groups"].set_index("group_id")["name"]
        t["colour_label"] = t["colour_key"].map(names).fillna("no faction recorded")
    else:
        t["colour_key"] = t["organisation"].fillna("")
        t["colour_label"] = t["colour_key"].replace("", "other")
    t["span"] = [ending.span(r) for r in t.itertuples(index=False)]
    return t.reset_index(drop=True)


def lane_order(bars: pd.DataFrame, lanes: str, ds) -> list[str]:
    if lanes == "person":
        first = bars.groupby("lane")["v_lo"].min().sort_values(kind="stable")
        return list(first.index)
    rank = bars.groupby("lane").agg(group=("lane_group", "first"), rank=("rank", "min"), start=("v_lo", "min"))
    group_rank = rank.groupby("group")["rank"].min()
    rank["group_rank"] = rank["group"].map(group_rank)
    rank = rank.sort_values(["group_rank", "group", "rank", "start"], na_position="last", kind="stable")
    return list(rank.index)


# Tick spacings for a slide: (months, plotly dtick, tick format).
TICK_STEPS = [(1, "M1", "%b %Y"), (3, "M3", "%b %Y"), (6, "M6", "%b %Y"), (12, "M12", "%Y"), (24, "M24", "%Y"),
              (60, "M60", "%Y"), (120, "M120", "%Y"), (240, "M240", "%Y"), (600, "M600", "%Y")]


def slide_ticks(window: tuple[int, int] | None) -> dict:
    """A few horizontal date ticks across a window: a narrow projected plot has room for three years
    ("1926") or two months ("Jul 1926")."""
    if not window:
        return {"nticks": 3}
    months = (window[1] - window[0]) / 30.44
    for step, dtick, fmt in TICK_STEPS:
        if months / step <= (3 if fmt == "%Y" else 2):
            return {"dtick": dtick, "tickformat": fmt}
    return {"nticks": 3}


def ms(day) -> int:
    """A day number as plotly's date axis counts: milliseconds since 1970-01-01."""
    return int(day) * DAY_MS


def _bar_trace(rows: pd.DataFrame, lo: str, hi: str, name: str, colour: str, vague: bool, show_legend: bool):
    hover = [
        f"<b>{esc(n)}</b><br>{esc(title)} · {esc(org)}<br>{esc(span)}" + ("<br><i>date range uncertain</i>" if vague else "")
        for n, title, org, span in zip(rows["name"], rows["title"], rows["organisation"], rows["span"])
    ]
    return go.Bar(
        # A bar covers its last day too: from the start of `lo` to the end of `hi`.
        orientation="h", y=list(rows["lane"]), base=[ms(d) for d in rows[lo]],
        x=[ms(b - a + 1) for a, b in zip(rows[lo], rows[hi])],
        name=esc(name), legendgroup=name, showlegend=show_legend,
        marker={"color": colour, "opacity": 0.45 if vague else 1.0,
                "pattern": {"shape": "/", "fgcolor": "#ffffff", "fgopacity": 0.6, "size": 6, "solidity": 0.2,
                            "fillmode": "overlay"} if vague else {},
                "line": {"width": 0}},
        customdata=[[tid, pid, "tenure"] for tid, pid in zip(rows["tenure_id"], rows["person_id"])],
        hovertext=hover, hovertemplate="%{hovertext}<extra></extra>",
        meta={"role": "vague" if vague else "tenure"},
    )


def _label_side(mid_ms: int, window: tuple[int, int] | None) -> str:
    """Where a scene event's title goes beside its mark: towards the middle of the window when the mark is
    in its first or last third, so the title is not cut at the plot's edge."""
    if window is None:
        return "center"
    lo, hi = ms(window[0]), ms(window[1] + 1)
    share = (mid_ms - lo) / max(hi - lo, 1)
    return "right" if share < 1 / 3 else "left" if share > 2 / 3 else "center"


def _event_trace(ds, people: set[str] | None = None, ids: set[str] | None = None, scene: bool = False,
                 window: tuple[int, int] | None = None):
    """Events on their own lane; with `people`, only the events that name one of them; with `ids`, only
    those events. A scene's own events (`scene`) are drawn larger and labelled, the others small; `window`
    keeps their titles inside it."""
    ev = ds["events"].dropna(subset=["date_lo"])
    if people is not None:
        ev = ev[[bool(people.intersection(split_list(ps))) for ps in ev["people"]]]
    if ids is not None:
        ev = ev[ev["event_id"].isin(ids)]
    if ev.empty:
        return None
    lo = [ms(d) for d in ev["date_lo"]]
    hi = [ms(d + 1) for d in ev["end_hi"].fillna(ev["date_hi"])]  # to the end of the last day
    names = ds["people"].set_index("person_id")["name"]
    who = [", ".join(names.get(p, p) for p in split_list(ps)) for ps in ev["people"]]
    span = [a if not b or b == "unknown" else f"{a} – {b}" for a, b in zip(ev["date_label"], ev["end_label"])]
    hover = [f"<b>{esc(title)}</b><br>{esc(s)}" + (f"<br>{esc(w)}" if w else "")
             for title, s, w in zip(ev["title"], span, who)]
    # A scene's events carry their titles, one above and one below the lane; more would collide on a
    # narrow slide, so then they are only drawn large, in the accent colour, with the title on hover.
    mid = [(a + b) // 2 for a, b in zip(lo, hi)]
    labelled = {"mode": "markers+text", "text": [wrap(esc(t), 18) for t in ev["title"]],
                "textposition": [("top " if i % 2 == 0 else "bottom ") + _label_side(m, window)
                                 for i, m in enumerate(mid)],
                "textfont": {"size": 16}} if scene and len(ev) <= SCENE_EVENT_LABELS else {"mode": "markers"}
    return go.Scatter(
        x=mid, y=[EVENTS_LANE] * len(ev), name="Events", showlegend=True,
        **labelled, cliponaxis=False,
        marker={"symbol": "diamond", "size": 18 if scene else (7 if ids is not None else 11),
                "color": "#C00000" if scene else "#333333", "line": {"width": 1, "color": "#ffffff"}},
        error_x={"type": "data", "array": [(b - a) // 2 for a, b in zip(lo, hi)], "visible": True, "thickness": 1.5, "width": 0, "color": "#777777"},
        customdata=[[eid, "", "event"] for eid in ev["event_id"]],
        hovertext=hover, hovertemplate="%{hovertext}<extra></extra>", meta={"role": "scene events" if scene else "events"},
    )


THIN = 0.015  # a bar shorter than this share of the span in view is hard to hit


def _hit_trace(bars: pd.DataFrame, window: tuple[int, int] | None):
    """Invisible markers over the middle of thin bars (a few days in a decade draw a pixel or two), so a
    click there opens the tenure, not the neighbour."""
    if bars.empty:
        return None
    lo, hi = window if window else (int(bars["v_lo"].min()), int(bars["v_hi"].max()))
    thin = bars[(bars["v_hi"] - bars["v_lo"] + 1) < THIN * max(1, hi - lo)]
    if thin.empty:
        return None
    return go.Scatter(
        x=[ms((a + b) // 2) for a, b in zip(thin["v_lo"], thin["v_hi"])], y=list(thin["lane"]), mode="markers",
        showlegend=False, marker={"size": 16, "color": "rgba(0,0,0,0)"},
        customdata=[[tid, pid, "tenure"] for tid, pid in zip(thin["tenure_id"], thin["person_id"])],
        hovertext=[f"<b>{esc(n)}</b><br>{esc(t)}<br>{esc(sp)}" for n, t, sp in zip(thin["name"], thin["title"], thin["span"])],
        hovertemplate="%{hovertext}<extra></extra>", meta={"role": "hit"},
    )


def _changes_within(bars: pd.DataFrame, window: tuple[int, int]) -> pd.Series:
    """Tenures taken or lost inside the window (their sure start or end falls in it)."""
    a, b = window
    return ((bars["v_start"] >= a) & (bars["v_start"] <= b)) | ((bars["v_end"] >= a) & (bars["v_end"] <= b))


def _marker_trace(rows: pd.DataFrame, column: str, symbol: str, name: str, text: str):
    if rows.empty:
        return None
    return go.Scatter(
        x=[ms(d) for d in rows[column]], y=list(rows["lane"]), mode="markers", name=name, showlegend=True,
        marker={"symbol": symbol, "size": 12, "color": "#222222"},
        customdata=[[tid, pid, "tenure"] for tid, pid in zip(rows["tenure_id"], rows["person_id"])],
        hovertext=[f"<b>{esc(n)}</b><br>{esc(title)}<br>{text}" for n, title in zip(rows["name"], rows["title"])],
        hovertemplate="%{hovertext}<extra></extra>", meta={"role": "marker"},
    )


def _organisation_bands(bars: pd.DataFrame, order: list[str], offset: int) -> list[dict]:
    n = len(order) + offset
    """Shade every other organisation's block of lanes, so the grouping reads at a glance."""
    group_of = bars.drop_duplicates("lane").set_index("lane")["lane_group"]
    blocks: list[list[int]] = []
    for i, lane in enumerate(order):
        if blocks and group_of[order[blocks[-1][0]]] == group_of[lane]:
            blocks[-1].append(i)
        else:
            blocks.append([i])
    return [{"type": "rect", "xref": "paper", "yref": "y", "x0": 0, "x1": 1, "layer": "below",
             # categories are listed bottom-up, so lane i sits at position n - 1 - i
             "y0": n - 1 - (block[-1] + offset) - 0.5, "y1": n - 1 - (block[0] + offset) + 0.5,
             "fillcolor": "#EEF1F5", "line": {"width": 0}}
            for k, block in enumerate(blocks) if k % 2 == 1]


def colours_for(ds, colour: str) -> dict[str, str]:
    """Colour per key (organisation or faction group), fixed for the whole dataset."""
    if colour == "faction":
        keys = sorted(ds["groups"].loc[ds["groups"]["kind"].isin(FACTION_KINDS), "group_id"])
    else:
        keys = sorted(o for o in ds["offices"]["organisation"].dropna().unique() if o)
    colours = colour_map(keys)
    colours[""] = NONE_COLOUR
    return colours


def legend(ds, colour: str = "organisation") -> list[tuple[str, str]]:
    """(label, colour) pairs for the timeline's legend, in colour order."""
    names = ds["groups"].set_index("group_id")["name"] if colour == "faction" else None
    items = []
    for key, c in colours_for(ds, colour).items():
        if key == "":
            items.append(("no faction recorded" if colour == "faction" else "other", c))
        else:
            items.append((str(names[key]) if names is not None else key, c))
    return items


def figure(ds, lanes: str = "office", colour: str = "organisation", organisations=None, office_kinds=None,
           window: tuple[int, int] | None = None, cursor: int | None = None, overview: bool | None = None,
           font_size: int = FONT_SIZE, legend: bool = False, fill: bool = False, lane_page: int = 1,
           focus: list[str] | None = None, focus_events: list[str] | None = None) -> go.Figure:
    """The timeline (its legend is HTML beside it: see `legend`).

    `fill` (presentation mode: a projected slide cannot scroll): fit the container's height and keep
    only PRESENT_LANES lanes with a bar in the window, those of the `focus` people first. Past MAX_LANES lanes, only page `lane_page`
    of them is drawn: thousands of SVG bars take seconds to draw and cannot be read anyway.
    `window` (first and last day) and `cursor` are day numbers. A scene's lanes come first: the offices its
    people gained or lost in the window, then their other offices; its `focus_events` are drawn large and
    labelled."""
    bars = tenure_bars(ds, lanes, colour, organisations, office_kinds)
    # Colours are fixed per dataset, so a filtered or scene view keeps the same colour for the same thing.
    colours = colours_for(ds, colour)
    if fill and window:
        bars = bars[(bars["v_lo"] <= window[1]) & (bars["v_hi"] >= window[0])].reset_index(drop=True)
    left_out = 0
    if fill:
        order = lane_order(bars, lanes, ds)
        mine = bars[bars["person_id"].isin(focus or [])]
        changed = set(mine.loc[_changes_within(mine, window), "lane"]) if window else set()
        focused = set(mine["lane"])
        keep = ([lane for lane in order if lane in changed] + [lane for lane in order if lane in focused - changed]
                + [lane for lane in order if lane not in focused])
        left_out = max(0, len(keep) - PRESENT_LANES)
        bars = bars[bars["lane"].isin(keep[:PRESENT_LANES])].reset_index(drop=True)
    order = lane_order(bars, lanes, ds)
    total_lanes, pages = len(order), lane_pages(len(order))
    lane_page = min(max(1, lane_page), pages)
    if pages > 1:
        order = order[(lane_page - 1) * MAX_LANES: lane_page * MAX_LANES]
        bars = bars[bars["lane"].isin(order)].reset_index(drop=True)
    traces = []
    for key in sorted(colours, key=lambda k: (k == "", k)):
        rows = bars[bars["colour_key"] == key]
        if rows.empty:
            continue
        label = rows["colour_label"].iloc[0]
        core = rows[~rows["all_vague"]]
        if not core.empty:
            traces.append(_bar_trace(core, "v_start", "v_end", label, colours[key], False, True))
        vague_parts = [rows[rows["all_vague"]].assign(a=lambda r: r["v_lo"], b=lambda r: r["v_hi"]),
                       rows[rows["vague_start"]].assign(a=lambda r: r["v_lo"], b=lambda r: r["v_start"] - 1),
                       rows[rows["vague_end"]].assign(a=lambda r: r["v_end"] + 1, b=lambda r: r["v_hi"])]
        vague = pd.concat(vague_parts)
        if not vague.empty:
            traces.append(_bar_trace(vague, "a", "b", label, colours[key], True, core.empty))
    hits = _hit_trace(bars, window)
    if hits is not None:
        traces.append(hits)
    opened = _marker_trace(bars[bars["open"]].assign(at=lambda r: r["v_end"] + 1), "at", "triangle-right",
                           "Open: continues past the record", "continues past the end of the record")
    missing = _marker_trace(pd.concat([bars[bars["end_missing"]].assign(at=lambda r: r["v_end"] + 1),
                                       bars[bars["start_missing"]].assign(at=lambda r: r["v_start"])]),
                            "at", "line-ns-open", "Start or end not given", "start or end not given in the sources")
    # Paged: the events of the people in these lanes (all of them would be a solid black band).
    if focus_events:
        others = set(ds["events"]["event_id"]) - set(focus_events)
        events = _event_trace(ds, ids=others)
        highlighted = _event_trace(ds, ids=set(focus_events), scene=True, window=window)
        traces += [t for t in (opened, missing, events, highlighted) if t is not None]
        events = events or highlighted
    else:
        events = _event_trace(ds, set(bars["person_id"]) if pages > 1 else None)
        traces += [t for t in (opened, missing, events) if t is not None]

    categories = ([EVENTS_LANE] if events is not None else []) + order
    fig = go.Figure(traces)
    # The browser draws the live cursor as an overlay; this shape holds it for static exports.
    at = ms(cursor) if cursor is not None else 0
    shapes = [{"type": "line", "xref": "x", "yref": "paper", "x0": at, "x1": at, "y0": 0, "y1": 1,
               "line": {"color": "#C00000", "width": 3}, "visible": False, "name": "cursor"}]
    if lanes == "office":
        shapes += _organisation_bands(bars, order, offset=len(categories) - len(order))
    n = len(categories)

    def lane_text(width: int) -> list[str]:
        return [wrap(esc(PAGED_EVENTS if c == EVENTS_LANE and pages > 1 else c), width) for c in categories]

    noun = "offices" if lanes == "office" else "people"
    # Lanes fill the plot exactly (autorange pads markers by two lanes above and below).
    # The overview (range slider) triples render time and sits below all the lanes: off unless asked for.
    show_overview = bool(overview)
    fig.update_layout(
        # A fixed height per lane (two-line labels fit), scrolled inside its panel under the sticky date axis
        # (`axis_figure`); the width follows the page. A slide (`fill`) fits its panel and keeps its own axis.
        barmode="overlay", bargap=0.25, showlegend=legend, height=None if fill else 40 * n + 16,
        autosize=True,
        # Room above the plot for the titles of a scene's events (the events lane is the top one).
        margin={"l": 10, "r": 10, "t": 48 if focus_events and len(focus_events) <= SCENE_EVENT_LABELS else 10,
                "b": 40} if fill else {"l": LANE_LABEL_PX, "r": 10, "t": 8, "b": 8},
        font={"family": FONT, "size": font_size, "color": "#1a1a1a"},
        plot_bgcolor="#ffffff", paper_bgcolor="#ffffff",
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.01, "x": 0, "font": {"size": font_size - 1}},
        hoverlabel={"font": {"size": font_size}, "align": "left"},
        shapes=shapes, uirevision="timeline", dragmode="zoom", clickmode="event",
        meta={"lanes": total_lanes, "lane_page": lane_page, "lane_pages": pages,
              **({"slide": slide_fit(lane_text(22), font_size, left_out, noun)} if fill else {"fit": fit({"margin.l": LANE_LABEL_PX, "yaxis.ticktext": lane_text(28)},
                                             {"margin.l": NARROW_LABEL_PX, "yaxis.ticktext": lane_text(NARROW_WRAP)})})},
        # Date ticks stay horizontal: a slide has room for a few, read across the room.
        xaxis={"type": "date", "showgrid": True, "gridcolor": "#E3E3E3", "tickangle": 0,
               "showticklabels": bool(fill), **(slide_ticks(window) if fill else {}),
               "range": [ms(window[0]), ms(window[1] + 1)] if window else None,
               "rangeslider": {"visible": show_overview, "thickness": 0.06},
               "title": {"text": f"+{left_out} more {noun}" if left_out else None,
                         "font": {"size": font_size - 4, "color": "#444444"}, "standoff": 4},
               "automargin": True},
        yaxis={"type": "category", "categoryorder": "array", "categoryarray": categories[::-1],
               "tickvals": categories,
               "ticktext": lane_text(22 if fill else 28),
               "range": [-0.6, n - 0.4], "autorange": False, "automargin": bool(fill), "fixedrange": True,
               "tickfont": {"size": font_size}},
    )
    axis = day_axis.x_axis(ds, window, slide=fill)
    if axis.in_days:  # built in milliseconds above: the record reaches before year 1
        day_axis.to_day_numbers(fig)
        fig.update_xaxes(axis.settings)
        fig.layout.meta = {**fig.layout.meta, "x_per_day": 1}  # x units of a day (none: plotly's milliseconds)
    return fig


CACHED_FIGURES = 32  # per dataset build: the views a page opens on (the default, the scenes) and a few more
_cache_lock = threading.Lock()


def cached_figure(ds, **kwargs) -> dict:
    """`figure(ds, **kwargs)` as the dict the browser gets, built once per build and arguments: most pages
    open on the same few views (the default one, the scenes), and building one takes 0.3-0.5 s. The caller
    gets its own copy."""
    key = tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in kwargs.items()))
    with _cache_lock:
        figures = ds.cache.setdefault("figures", OrderedDict())
        found = figures.get(key)
        if found is not None:
            figures.move_to_end(key)
    if found is None:
        found = for_browser(figure(ds, **kwargs).to_plotly_json())
        with _cache_lock:
            figures[key] = found
            while len(figures) > CACHED_FIGURES:
                figures.popitem(last=False)
    return copy.deepcopy(found)


def for_browser(fig: dict) -> dict:
    """The figure as the page gets it, drawn once per change of content. Dash's Graph copies the layout deeply
    whenever it draws, and draws again after every zoom or pan (to keep its `figure` in step with the view);
    plotly.js takes a copied `template` or `meta` (values of any shape, compared by identity) and every copied
    array for a change, and redraws all the bars: 200-360 ms a zoom at x100. So the layout has no template (it
    sets the look it needs itself), `meta` is JSON text (compared by value; the page reads it with
    `dayNumbers.layoutMeta`) and `datarevision` is a digest of the content: plotly compares arrays by it."""
    layout = fig["layout"]
    layout.pop("template", None)
    layout["meta"] = json.dumps(layout.get("meta") or {}, sort_keys=True)
    layout["datarevision"] = revision(fig)
    return fig


def revision(content) -> str:
    """A figure's `datarevision` for `content` (JSON-like): another content, another revision. A change to a
    figure's arrays made after `for_browser` (a patch of its ticks) gives it a new one, or plotly keeps the old."""
    return hashlib.sha1(json.dumps(content, sort_keys=True, default=str).encode()).hexdigest()[:16]


def layout_meta(fig: dict) -> dict:
    """The `meta` of a figure from `cached_figure` (JSON text, `for_browser`)."""
    return json.loads(fig["layout"].get("meta") or "{}")


def axis_figure(window: tuple[int, int] | None = None, font_size: int = FONT_SIZE, ds=None) -> go.Figure:
    """The timeline's date axis on its own, kept in view above the scrolling lanes; the page keeps its range
    equal to the lanes' (assets/dashboard.js, `syncAxis`). With the dataset `ds`, the axis it needs (day
    numbers for a record before year 1, `day_axis.py`)."""
    fig = go.Figure()
    fig.update_layout(
        height=AXIS_HEIGHT, autosize=True, margin={"l": LANE_LABEL_PX, "r": 10, "t": AXIS_HEIGHT - 4, "b": 0},
        font={"family": FONT, "size": font_size - 1, "color": "#1a1a1a"},
        plot_bgcolor="#ffffff", paper_bgcolor="#ffffff", showlegend=False,
        meta={"fit": fit({"margin.l": LANE_LABEL_PX}, {"margin.l": NARROW_LABEL_PX})},
        xaxis={"type": "date", "side": "top", "showgrid": False, "tickangle": 0, "fixedrange": True,
               "range": [ms(window[0]), ms(window[1] + 1)] if window else None, "ticks": "outside"},
        yaxis={"visible": False, "fixedrange": True},
    )
    axis = day_axis.x_axis(ds, window) if ds is not None else None
    if axis is not None and axis.in_days:
        fig.update_xaxes(axis.settings)
        fig.update_layout(uirevision="axis")  # new ticks (web/dayaxis.py) keep the range the page gave it
    return fig
