"""The floor: an empty Dash page with the same component libraries (plotly graph, cytoscape)."""
import dash_cytoscape as cyto
from dash import Dash, dcc, html

app = Dash(__name__, serve_locally=True)
app.layout = html.Div([
    dcc.Graph(id="timeline", figure={"data": [], "layout": {}}),
    cyto.Cytoscape(id="network", elements=[], layout={"name": "preset"}, style={"height": "400px"}),
])
server = app.server
