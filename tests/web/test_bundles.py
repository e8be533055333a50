"""What the page loads: the partial plotly.js bundle vendored in assets/vendor (scripts/vendor_plotly.sh)
instead of Dash's full one, at the plotly.js version of the installed plotly package, holding every trace
type the views draw; and dash-cytoscape's own bundle, not the one with its extra layouts and SVG (the
network's SVG comes from the server)."""
import re

import pytest
from plotly.offline import get_plotlyjs_version

from conftest import ROOT
from dashboard.core import days
from dashboard.core.build import load
from dashboard.views import metrics, timeline
from dashboard.web.factory import create_app

VENDOR = ROOT / "assets" / "vendor"
BASIC_TRACES = {"scatter", "bar", "pie"}  # what plotly.js's "basic" bundle registers


def test_the_vendored_bundle_is_the_installed_plotly_js_version():
    bundles = sorted(VENDOR.glob("plotly-basic-*.min.js"))
    assert [b.name for b in bundles] == [f"plotly-basic-{get_plotlyjs_version()}.min.js"]
    head = bundles[0].read_text(encoding="utf-8")[:300]
    assert re.search(r"plotly\.js \(basic - minified\) v" + re.escape(get_plotlyjs_version()), head)
    assert "MIT" in (VENDOR / "plotly.js-LICENSE.txt").read_text(encoding="utf-8")
    body = bundles[0].read_text(encoding="utf-8")
    assert "cdn.plot.ly" not in body and "cloud.plotly.com" not in body  # offline: no other server named


def test_every_figure_uses_only_trace_types_of_the_bundle():
    ds = load(ROOT / "data" / "soviet")
    window = (days.from_gregorian(1922, 1, 1), days.from_gregorian(1930, 12, 31))
    figures = [timeline.figure(ds), timeline.figure(ds, "person", "faction", window=window, cursor=window[0]),
               timeline.axis_figure(window, ds=ds), metrics.strip_figure(ds, "stalin", window)]
    used = {trace.type for fig in figures for trace in fig.data}
    assert used and used <= BASIC_TRACES, used - BASIC_TRACES


@pytest.mark.browser
def test_the_page_loads_the_partial_bundle_and_not_the_full_one(dash_duo):
    dash_duo.start_server(create_app(ROOT / "data" / "soviet", ROOT / "data"))
    dash_duo.wait_for_element("#timeline .js-plotly-plot .bars", timeout=30)
    urls = dash_duo.driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert any(f"plotly-basic-{get_plotlyjs_version()}.min.js" in u for u in urls)
    assert not any("plotly.min.js" in u for u in urls)
    assert any("dash_cytoscape.v" in u for u in urls) and not any("dash_cytoscape_extra" in u for u in urls)
    assert dash_duo.driver.execute_script("return Plotly.version") == get_plotlyjs_version()


@pytest.mark.browser
def test_a_scene_shows_its_caption_without_a_markdown_renderer(dash_duo):
    dash_duo.start_server(create_app(ROOT / "data" / "soviet", ROOT / "data"))
    dash_duo.driver.get(dash_duo.server_url + "/scene/1")
    dash_duo.wait_for_element("#scene-caption strong", timeout=30)  # the caption's **25 October 1917**
    assert "25 October 1917" in dash_duo.find_element("#scene-caption strong").text
    urls = dash_duo.driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert not any("async-markdown" in u or "async-highlight" in u for u in urls), urls
