"""Around the selected person, and the path to a second one: the network narrowed to the selected person's
neighbourhood at the cursor's date (`ego`, 1 or 2 ties), and the shortest chain of ties to another person
(`to`), both from views/paths.py, recomputed when the cursor comes to rest. The browser applies the ids."""
from __future__ import annotations

from dash import Input, Output, State, dcc, html

from ..core import days
from ..views import paths
from .callbacks import Callbacks
from .datasets import registry
from .inputs import choice, integer, mapping, strings, text
from .state import EGO_DEPTHS

callbacks = Callbacks("history")


def controls(ds, state) -> html.Div:
    people = ds["people"].sort_values("name")
    return html.Div(className="ego-controls", children=[
        html.Fieldset(className="filter ego", children=[
            html.Legend("Around the selected person"),
            dcc.RadioItems(id="ego", value=state.ego, inline=True,
                           options=[{"label": "everyone", "value": ""}, {"label": "1 tie away", "value": "1"},
                                    {"label": "2 ties away", "value": "2"}]),
        ]),
        html.Span("Path from the selected person to", className="sr-only", **{"data-label-for": "path-to"}),
        dcc.Dropdown(id="path-to", className="path-to", value=state.to or None, placeholder="Path to…",
                     options=[{"label": n, "value": p} for p, n in zip(people["person_id"], people["name"])]),
        html.P(id="path-text", className="path-text", **{"aria-live": "polite"}),
    ])


@callbacks.server(
    Output("ego-view", "data"), Output("path-text", "children"),
    Input("selection", "data"), Input("ego", "value"), Input("path-to", "value"), Input("cursor-stops", "data"),
    Input("layers", "value"), State("cursor", "value"), State("view-meta", "data"),
)
def narrow(person, depth, target, _stops, layers, cursor, meta):
    entry = registry().get(text(mapping(meta).get("dataset")))
    if not entry.ok:
        return None, ""
    ds = entry.dataset
    known = set(ds["people"]["person_id"])
    person, target, depth = text(person), text(target), choice(text(depth), ("", *EGO_DEPTHS))
    day = integer(cursor)  # where the cursor rests (a stop), or where it was when the choice changed
    layers = strings(layers) or ["political"]
    if person not in known:
        return None, "Select a person to draw the path from." if target else ""
    wants_path = target in known and target != person
    if not depth and not wants_path:
        return None, ""  # the whole network: nothing to compute
    out: dict = {}
    graph = paths.graph_at(ds, day, layers)  # once, for both
    if depth:
        out["keep"] = paths.ego(ds, person, day, int(depth), layers, graph)
    said = ""
    if wants_path:
        names = ds["people"].set_index("person_id")["name"]
        found = paths.path(ds, person, target, day, layers, graph)
        out["path"] = found
        if found["nodes"]:
            steps = len(found["nodes"]) - 1
            said = (f"On {days.label(day)}: " + " → ".join(names[p] for p in found["nodes"]) +
                    f" ({steps} tie{'s' if steps > 1 else ''}).")
        else:
            said = f"On {days.label(day)} no chain of ties in the relations shown links {names[person]} and {names[target]}."
    return out or None, said


callbacks.client("applyEgo", Output("path-text", "title"), Input("ego-view", "data"), Input("network-drawn", "data"))
