"""The baseline: the obvious plain-Dash implementation of the same two views, for bench/run.

Same processed tables as the dashboard (dashboard.core.build.load of DASHBOARD_DATA), same element
ids (`timeline`, `network`, `cursor`), none of the dashboard's tricks:

- timeline: `px.timeline`, one bar per tenure, y = office title, colour = organisation, with a
  range slider; the cursor is a `add_vline` shape, so moving it means a new figure;
- network: dash-cytoscape with the `cose` layout run in the browser (people as nodes, relations as
  edges), re-run whenever the elements change (dash-cytoscape's default `autoRefreshLayout`);
- cursor: a `dcc.Slider` of day numbers wired to a SERVER-SIDE callback that rebuilds the network
  elements (relations valid at that date) and returns a new timeline figure with the vline moved.

The figure is built once at start-up and deep-copied per callback (kinder to the baseline than
calling `px.timeline` in every callback). The layout is static and carries the initial figure and
elements, so the callback does not fire on page load (`prevent_initial_call`).

BASELINE=tuned: what a skilled Dash user would write instead, with the same tables:
- the network's positions precomputed (the dashboard's own, `positions`) and drawn with `preset`;
- `px.timeline` without the range slider;
- the cursor in a CLIENTSIDE callback: it filters the relations in force from all of them, shipped once in
  a dcc.Store, and moves the vline with Plotly.relayout; no server round trip.

Run: DASHBOARD_DATA=data/soviet [BASELINE=tuned] gunicorn bench.baseline_app:server --no-control-socket
"""
from __future__ import annotations

import copy
import os
import sys
from pathlib import Path

import dash_cytoscape as cyto
import pandas as pd
import plotly.express as px
import plotly.graph_objects as go
from dash import Dash, Input, Output, State, dcc, html

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from dashboard.core.build import load  # noqa: E402

EPOCH = pd.Timestamp("1970-01-01")
ds = load(os.environ.get("DASHBOARD_DATA", "data/soviet"))
TUNED = os.environ.get("BASELINE") == "tuned"


def to_day(ts: pd.Timestamp) -> int:
    return int((ts - EPOCH).days)


def as_dates(frame: pd.DataFrame) -> pd.DataFrame:
    """The processed tables hold day numbers; a plain Dash user's tables hold datetimes."""
    frame = frame.copy()
    for c in [c for c in frame.columns if c.endswith(("_lo", "_hi"))]:
        frame[c] = pd.to_datetime(frame[c].astype("float64"), unit="D")
    return frame


# --- the tables, as a pandas user would prepare them -------------------------------------------
tenures = as_dates(ds["tenures"]).merge(ds["offices"], on="office_id", how="left").merge(
    ds["people"][["person_id", "name"]], on="person_id", how="left")
tenures["Start"] = tenures["start_lo"].fillna(tenures["end_lo"])
horizon = tenures[["start_hi", "end_hi"]].max().max()
tenures["Finish"] = tenures["end_hi"].fillna(tenures["start_hi"]).where(tenures["end_precision"] != "open", horizon)
tenures = tenures.dropna(subset=["Start", "Finish"])

relations = as_dates(ds["relations"])
relations["from"] = relations["start_lo"].fillna(relations["end_lo"]).fillna(pd.Timestamp.min)
relations["to"] = relations["end_hi"].fillna(pd.Timestamp.max)

FIRST = min(tenures["Start"].min(), relations["start_lo"].min())
LAST = max(tenures["Finish"].max(), relations["end_hi"].max())
LO, HI = to_day(FIRST), to_day(LAST)
START = to_day(tenures["Start"].min())

# --- the timeline: built once ------------------------------------------------------------------
TIMELINE = px.timeline(tenures, x_start="Start", x_end="Finish", y="title", color="organisation",
                       hover_name="name", hover_data={"start_label": True, "end_label": True})
TIMELINE.update_yaxes(autorange="reversed", title=None)
TIMELINE.update_xaxes(rangeslider_visible=not TUNED)
TIMELINE.update_layout(margin={"l": 10, "r": 10, "t": 30, "b": 30})
# Kept as a dict and deep-copied per callback: go.Figure(TIMELINE) from several gunicorn threads at
# once is not thread-safe (plotly pops 'type' from the shared traces' props while copying).
TIMELINE_DICT = TIMELINE.to_dict()

NODES = [{"data": {"id": pid, "label": name}} for pid, name in zip(ds["people"]["person_id"], ds["people"]["name"])]
if TUNED:
    where = ds["positions"].set_index("person_id")
    for n in NODES:
        pid = n["data"]["id"]
        n["position"] = {"x": float(where.at[pid, "x"]), "y": float(where.at[pid, "y"])} \
            if pid in where.index else {"x": 0.0, "y": 0.0}


def elements_at(when: pd.Timestamp) -> list[dict]:
    valid = relations[(relations["from"] <= when) & (relations["to"] >= when)]
    edges = [{"data": {"id": rid, "source": a, "target": b, "kind": k}}
             for rid, a, b, k in zip(valid["relation_id"], valid["a"], valid["b"], valid["kind"])]
    return NODES + edges


def figure_at(when: pd.Timestamp) -> go.Figure:
    fig = go.Figure(copy.deepcopy(TIMELINE_DICT))
    fig.add_vline(x=when.strftime("%Y-%m-%d"), line_color="#C00000", line_width=3)
    return fig


app = Dash(__name__, serve_locally=True, title="Tuned baseline" if TUNED else "Baseline")
start = EPOCH + pd.Timedelta(days=START)
step = 10 if (LAST.year - FIRST.year) > 60 else 5
marks = {to_day(pd.Timestamp(year=y, month=1, day=1)): str(y)
         for y in range((FIRST.year // step + 1) * step, LAST.year + 1, step)}
app.layout = html.Div([
    html.H1("Tuned baseline: offices and alliances" if TUNED else "Baseline: offices and alliances"),
    dcc.Slider(id="cursor", min=LO, max=HI, step=1, value=START, marks=marks),
    dcc.Graph(id="timeline", figure=figure_at(start)),
    cyto.Cytoscape(id="network", elements=elements_at(start), layout={"name": "preset" if TUNED else "cose"},
                   style={"width": "100%", "height": "460px"},
                   stylesheet=[{"selector": "node", "style": {"label": "data(label)"}}]),
    *([dcc.Store(id="nodes", data=NODES), dcc.Store(id="edges", data=[
        {"data": {"id": rid, "source": a, "target": b, "kind": k}, "from": to_day(f) if f > pd.Timestamp.min else LO,
         "to": to_day(t) if t < pd.Timestamp.max else HI}
        for rid, a, b, k, f, t in zip(relations["relation_id"], relations["a"], relations["b"], relations["kind"],
                                      relations["from"], relations["to"])])] if TUNED else []),
])

if TUNED:
    app.clientside_callback(
        """function (day, nodes, edges) {
            var iso = new Date(day * 86400000).toISOString().slice(0, 10);
            var gd = document.querySelector('#timeline .js-plotly-plot');
            if (gd) Plotly.relayout(gd, {'shapes[0].x0': iso, 'shapes[0].x1': iso});
            var shown = edges.filter(function (e) { return e.from <= day && day <= e.to; })
                             .map(function (e) { return {data: e.data}; });
            window.__tuned = {day: day, edges: shown.length};  // for bench/run: what the network will show
            return nodes.concat(shown);
        }""",
        Output("network", "elements"), Input("cursor", "value"), State("nodes", "data"), State("edges", "data"),
        prevent_initial_call=True,
    )
else:
    @app.callback(Output("network", "elements"), Output("timeline", "figure"), Input("cursor", "value"),
                  prevent_initial_call=True)
    def move_cursor(day):
        when = EPOCH + pd.Timedelta(days=int(day))
        return elements_at(when), figure_at(when)


server = app.server
