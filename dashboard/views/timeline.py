"""Timeline figure: one lane per office (or person), one bar trace per colour.

Vague ends are drawn as separate hatched, faded segments between a date's
earliest and latest possible day; open ends run to the record's horizon with a
marker; events sit on their own lane. The date cursor is shape 0, so the
browser can move it without asking the server.
"""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ..core.validate import split_list
from .style import FONT, NONE_COLOUR, colour_map, esc

EVENTS_LANE = "Events"
PAGED_EVENTS = "Events of these lanes' people"
DAY_MS = 86_400_000
FACTION_KINDS = ("faction", "opposition", "bloc", "party")
PRESENT_LANES = 4  # lanes on a projected slide: 22 px labels on two lines still fit at 1280x720
MAX_LANES = 60  # lanes drawn at once; more are paged (a 40 px lane: 60 lanes fill two screens)


def lane_pages(n_lanes: int) -> int:
    return max(1, -(-n_lanes // MAX_LANES))


def span_label(start_label: str, end_label: str, end_precision: str) -> str:
    start = start_label if start_label not in ("", "unknown") else "?"
    end = {"open": "open", "unknown": "?"}.get(end_precision, end_label)
    return f"{start} – {end}"


def wrap(label: str, width: int = 26) -> str:
    """Long lane names on two lines (then cut), so the plot keeps its width."""
    if len(label) <= width:
        return label
    cut = label.rfind(" ", 0, width)
    cut = cut if cut > 0 else width
    rest = label[cut:].strip()
    return label[:cut] + "<br>" + (rest if len(rest) <= width else rest[: width - 1] + "…")


def horizon(ds) -> pd.Timestamp:
    """The last date the record speaks of: where open spans are drawn to."""
    candidates = [ds["tenures"][c].max() for c in ("start_hi", "end_hi")]
    candidates += [ds["events"]["date_hi"].max(), ds["events"]["end_hi"].max()]
    valid = [c for c in candidates if pd.notna(c)]
    return max(valid) if valid else pd.Timestamp("2000-01-01")


def faction_at(ds, person_ids: pd.Series, when: pd.Series) -> pd.Series:
    """The (smallest) faction-like group each person belonged to at each date."""
    groups = ds["groups"].set_index("group_id")
    mem = ds["memberships"]
    mem = mem[mem["group_id"].map(groups["kind"]).isin(FACTION_KINDS)]
    out = []
    for pid, t in zip(person_ids, when):
        rows = mem[mem["person_id"] == pid]
        if pd.isna(t) or rows.empty:
            out.append("")
            continue
        lo = rows["start_lo"].fillna(pd.Timestamp.min)
        hi = rows["end_hi"].fillna(pd.Timestamp.max)
        hit = rows[(lo <= t) & (hi >= t)]
        if hit.empty:
            out.append("")
        else:
            widths = (hit["end_hi"].fillna(pd.Timestamp.max) - hit["start_lo"].fillna(pd.Timestamp.min))
            out.append(hit.loc[widths.idxmin(), "group_id"])
    return pd.Series(out, index=person_ids.index)


def tenure_bars(ds, lanes: str = "office", colour: str = "organisation",
                organisations=None, office_kinds=None) -> pd.DataFrame:
    """One row per tenure with its lane, colour key, solid core and vague ends."""
    t = ds["tenures"].merge(ds["offices"], on="office_id", how="left", suffixes=("", "_office"))
    t = t.merge(ds["people"][["person_id", "name"]], on="person_id", how="left")
    if organisations:
        t = t[t["organisation"].isin(organisations)]
    if office_kinds:
        t = t[t["kind"].isin(office_kinds)]
    end_of_record = horizon(ds)
    t = t.copy()
    t["open"] = t["end_precision"] == "open"
    t["start_missing"] = t["start_lo"].isna()
    t["end_missing"] = t["end_hi"].isna() & ~t["open"]
    # Bounds used for drawing: a missing side collapses onto the known one and gets a marker.
    t["s_lo"] = t["start_lo"].fillna(t["end_lo"])
    t["s_hi"] = t["start_hi"].fillna(t["end_lo"])
    t["e_lo"] = t["end_lo"].where(~t["open"], end_of_record).fillna(t["s_hi"])
    t["e_hi"] = t["end_hi"].where(~t["open"], end_of_record).fillna(t["s_hi"])
    solid = t["s_hi"] < t["e_lo"]
    t["core_lo"] = t["s_hi"].where(solid, t["s_lo"])
    t["core_hi"] = t["e_lo"].where(solid, t["e_hi"])
    t["vague_start"] = solid & (t["s_lo"] < t["s_hi"])
    t["vague_end"] = solid & (t["e_lo"] < t["e_hi"])
    t["all_vague"] = ~solid
    if lanes == "person":
        t["lane"] = t["name"]
        t["lane_group"] = ""
    else:
        t["lane"] = t["title"]
        t["lane_group"] = t["organisation"].fillna("")
    if colour == "faction":
        t["colour_key"] = faction_at(ds, t["person_id"], t["s_hi"].fillna(t["e_lo"]))
        names = ds["groups"].set_index("group_id")["name"]
        t["colour_label"] = t["colour_key"].map(names).fillna("no faction recorded")
    else:
        t["colour_key"] = t["organisation"].fillna("")
        t["colour_label"] = t["colour_key"].replace("", "other")
    t["span"] = [span_label(a, b, p) for a, b, p in zip(t["start_label"], t["end_label"], t["end_precision"])]
    return t.reset_index(drop=True)


def lane_order(bars: pd.DataFrame, lanes: str, ds) -> list[str]:
    if lanes == "person":
        first = bars.groupby("lane")["s_lo"].min().sort_values(kind="stable")
        return list(first.index)
    rank = bars.groupby("lane").agg(group=("lane_group", "first"), rank=("rank", "min"), start=("s_lo", "min"))
    group_rank = rank.groupby("group")["rank"].min()
    rank["group_rank"] = rank["group"].map(group_rank)
    rank = rank.sort_values(["group_rank", "group", "rank", "start"], na_position="last", kind="stable")
    return list(rank.index)


def _ms(delta: pd.Series) -> list[int]:
    return [int(d / pd.Timedelta(milliseconds=1)) for d in delta]


def _iso(s: pd.Series) -> list[str]:
    return [d.strftime("%Y-%m-%d") for d in s]


def _bar_trace(rows: pd.DataFrame, lo: str, hi: str, name: str, colour: str, vague: bool, show_legend: bool):
    lo_s, hi_s = rows[lo], rows[hi] + pd.Timedelta(days=1)  # a day-precise end includes its whole day
    hover = [
        f"<b>{esc(n)}</b><br>{esc(title)} · {esc(org)}<br>{esc(span)}" + ("<br><i>date range uncertain</i>" if vague else "")
        for n, title, org, span in zip(rows["name"], rows["title"], rows["organisation"], rows["span"])
    ]
    return go.Bar(
        orientation="h", y=list(rows["lane"]), base=_iso(lo_s), x=_ms(hi_s - lo_s),
        name=esc(name), legendgroup=name, showlegend=show_legend,
        marker={"color": colour, "opacity": 0.45 if vague else 1.0,
                "pattern": {"shape": "/", "fgcolor": "#ffffff", "fgopacity": 0.6, "size": 6} if vague else {},
                "line": {"width": 0}},
        customdata=[[tid, pid, "tenure"] for tid, pid in zip(rows["tenure_id"], rows["person_id"])],
        hovertext=hover, hovertemplate="%{hovertext}<extra></extra>",
        meta={"role": "vague" if vague else "tenure"},
    )


def _event_trace(ds, people: set[str] | None = None):
    """Events on their own lane; with `people`, only the events that name one of them."""
    ev = ds["events"].dropna(subset=["date_lo"])
    if people is not None:
        ev = ev[[bool(people.intersection(split_list(ps))) for ps in ev["people"]]]
    if ev.empty:
        return None
    lo = ev["date_lo"]
    hi = ev["end_hi"].fillna(ev["date_hi"])
    mid = lo + (hi - lo) / 2
    names = ds["people"].set_index("person_id")["name"]
    who = [", ".join(names.get(p, p) for p in split_list(ps)) for ps in ev["people"]]
    span = [a if not b or b == "unknown" else f"{a} – {b}" for a, b in zip(ev["date_label"], ev["end_label"])]
    hover = [f"<b>{esc(title)}</b><br>{esc(s)}" + (f"<br>{esc(w)}" if w else "")
             for title, s, w in zip(ev["title"], span, who)]
    half = (hi - lo) / 2
    return go.Scatter(
        x=_iso(mid), y=[EVENTS_LANE] * len(ev), mode="markers", name="Events", showlegend=True,
        marker={"symbol": "diamond", "size": 11, "color": "#333333", "line": {"width": 1, "color": "#ffffff"}},
        error_x={"type": "data", "array": _ms(half), "visible": True, "thickness": 1.5, "width": 0, "color": "#777777"},
        customdata=[[eid, "", "event"] for eid in ev["event_id"]],
        hovertext=hover, hovertemplate="%{hovertext}<extra></extra>", meta={"role": "events"},
    )


def _marker_trace(rows: pd.DataFrame, column: str, symbol: str, name: str, text: str):
    if rows.empty:
        return None
    return go.Scatter(
        x=_iso(rows[column]), y=list(rows["lane"]), mode="markers", name=name, showlegend=True,
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
           window: tuple | None = None, cursor: str | None = None, overview: bool | None = None,
           font_size: int = 15, legend: bool = False, fill: bool = False, lane_page: int = 1,
           focus: list[str] | None = None) -> go.Figure:
    """The timeline (its legend is HTML beside it: see `legend`).

    `fill` (presentation mode: a projected slide cannot scroll): fit the container's height and keep
    only PRESENT_LANES lanes with a bar in the window, those of the `focus` people first. Past MAX_LANES lanes, only page `lane_page`
    of them is drawn: thousands of SVG bars take seconds to draw and cannot be read anyway."""
    bars = tenure_bars(ds, lanes, colour, organisations, office_kinds)
    # Colours are fixed per dataset, so a filtered or scene view keeps the same colour for the same thing.
    colours = colours_for(ds, colour)
    if fill and window:
        start, end = pd.Timestamp(window[0]), pd.Timestamp(window[1])
        bars = bars[(bars["s_lo"] <= end) & (bars["e_hi"] >= start)].reset_index(drop=True)
    left_out = 0
    if fill:
        order = lane_order(bars, lanes, ds)
        focused = set(bars.loc[bars["person_id"].isin(focus or []), "lane"])
        keep = ([lane for lane in order if lane in focused] + [lane for lane in order if lane not in focused])
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
            traces.append(_bar_trace(core, "core_lo", "core_hi", label, colours[key], False, True))
        vague_parts = [rows[rows["all_vague"]].assign(v_lo=lambda r: r["s_lo"], v_hi=lambda r: r["e_hi"]),
                       rows[rows["vague_start"]].assign(v_lo=lambda r: r["s_lo"], v_hi=lambda r: r["s_hi"]),
                       rows[rows["vague_end"]].assign(v_lo=lambda r: r["e_lo"], v_hi=lambda r: r["e_hi"])]
        vague = pd.concat(vague_parts)
        if not vague.empty:
            traces.append(_bar_trace(vague, "v_lo", "v_hi", label, colours[key], True, core.empty))
    opened = _marker_trace(bars[bars["open"]], "e_hi", "triangle-right", "Open: continues past the record",
                           "continues past the end of the record")
    missing = _marker_trace(pd.concat([bars[bars["end_missing"]].assign(at=lambda r: r["s_hi"]),
                                       bars[bars["start_missing"]].assign(at=lambda r: r["e_lo"])]),
                            "at", "line-ns-open", "Start or end not given", "start or end not given in the sources")
    # Paged: the events of the people in these lanes (all of them would be a solid black band).
    events = _event_trace(ds, set(bars["person_id"]) if pages > 1 else None)
    traces += [t for t in (opened, missing, events) if t is not None]

    categories = ([EVENTS_LANE] if events is not None else []) + order
    fig = go.Figure(traces)
    cursor = pd.Timestamp(cursor).strftime("%Y-%m-%d") if cursor is not None else None
    # The browser draws the live cursor as an overlay; this shape holds it for static exports.
    shapes = [{"type": "line", "xref": "x", "yref": "paper", "x0": cursor or "1900-01-01",
               "x1": cursor or "1900-01-01", "y0": 0, "y1": 1, "line": {"color": "#C00000", "width": 3},
               "visible": False, "name": "cursor"}]
    if lanes == "office":
        shapes += _organisation_bands(bars, order, offset=len(categories) - len(order))
    n = len(categories)
    # Lanes fill the plot exactly (autorange pads markers by two lanes above and below).
    # The overview (range slider) triples render time: on by default for small timelines only.
    show_overview = bool(len(bars) < 400 if overview is None else overview)
    fig.update_layout(
        # A fixed height per lane (two-line labels fit); the width follows the page.
        barmode="overlay", bargap=0.25, showlegend=legend, height=None if fill else max(380, 40 * n + 200),
        autosize=True,
        margin={"l": 10, "r": 10, "t": 10, "b": 40},
        font={"family": FONT, "size": font_size, "color": "#1a1a1a"},
        plot_bgcolor="#ffffff", paper_bgcolor="#ffffff",
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.01, "x": 0, "font": {"size": font_size - 1}},
        hoverlabel={"font": {"size": font_size}},
        shapes=shapes, uirevision="timeline", dragmode="zoom", clickmode="event",
        meta={"lanes": total_lanes, "lane_page": lane_page, "lane_pages": pages},
        xaxis={"type": "date", "showgrid": True, "gridcolor": "#E3E3E3", "range": list(window) if window else None,
               "rangeslider": {"visible": show_overview, "thickness": 0.06},
               "title": {"text": f"+{left_out} more {'offices' if lanes == 'office' else 'people'}" if left_out else None,
                         "font": {"size": font_size - 4, "color": "#444444"}, "standoff": 4},
               "automargin": True},
        yaxis={"type": "category", "categoryorder": "array", "categoryarray": categories[::-1],
               "tickvals": categories,
               "ticktext": [wrap(esc(PAGED_EVENTS if c == EVENTS_LANE and pages > 1 else c), 22 if fill else 30)
                            for c in categories],
               "range": [-0.6, n - 0.4], "autorange": False, "automargin": True, "fixedrange": True, "tickfont": {"size": font_size}},
    )
    return fig
