"""The floor: an empty Dash page with the same component libraries (plotly graph, cytoscape).

FLOOR_BUNDLES=ours: with the bundles the dashboard loads instead of the stock ones, the partial plotly.js
in assets/vendor (Dash's documented way: a Plotly already defined is the one dcc.Graph uses)."""
import os
from pathlib import Path

import dash_cytoscape as cyto
from dash import Dash, dcc, html

VENDOR = Path(__file__).resolve().parent.parent / "assets" / "vendor"
ours = os.environ.get("FLOOR_BUNDLES") == "ours"
app = Dash(__name__, serve_locally=True, assets_folder=str(VENDOR) if ours else "no-assets")
app.layout = html.Div([
    dcc.Graph(id="timeline", figure={"data": [], "layout": {}}),
    cyto.Cytoscape(id="network", elements=[], layout={"name": "preset"}, style={"height": "400px"}),
])
server = app.server
