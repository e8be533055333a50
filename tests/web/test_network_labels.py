"""Network labels can be read: in presentation mode at 1024x768 and 1280x720 for every scene of both
datasets, and in the normal view at 1280x720 at five dates, no two drawn labels overlap and none
crosses the panel's edge (and off a slide none is under 12 px on screen); the scene's focus people keep theirs (one at most left to hover in a
crowded scene), at 18 px or more on a 1024x768 slide.
Clicking an edge that crosses another selects the one under the pointer."""
import json

import pytest
from selenium.webdriver.common.actions.action_builder import ActionBuilder

from conftest import ROOT
from dashboard.core.build import load
from dashboard.views import lecture, network
from dashboard.web.factory import create_app

pytestmark = [pytest.mark.browser, pytest.mark.dataset]
DATASETS = {"soviet": ROOT / "data" / "soviet", "finnish-university-reform": ROOT / "data" / "finnish-university-reform"}
NORMAL_DATES = {"soviet": ["1918-06-01", "1923-06-01", "1926-10-23", "1937-01-01", "1950-06-01"],
                "finnish-university-reform": ["1968-11-30", "1969-06-01", "1970-02-11", "1972-12-31", "1977-06-01"]}

# The drawn labels on screen: node id, box, font size, and whether the panel's box holds it.
LABELS = """
const cy = document.getElementById('network')._cyreg.cy;
const only = {includeNodes: false, includeEdges: false, includeLabels: true, includeMainLabels: true,
              includeSourceLabels: false, includeTargetLabels: false, includeOverlays: false, includeUnderlays: false};
const out = [];
cy.nodes(':visible').forEach(n => {
  if (!n.style('label')) return;
  const b = n.renderedBoundingBox(only);
  if (!(b.w > 0)) return;
  out.push({id: n.id(), x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2,
            px: parseFloat(n.style('font-size')) * cy.zoom()});
});
return JSON.stringify({labels: out, w: cy.width(), h: cy.height()});
"""


def _wait_settled(dash_duo, day: int):
    """The network shows `day`, and its zoom and labels have stopped changing."""
    dash_duo.wait_for_element("#network canvas", timeout=30)
    dash_duo.driver.set_script_timeout(30)
    dash_duo.driver.execute_async_script("""
        const [day, done] = arguments;
        let last = '', still = 0;
        const tick = () => {
          const el = document.getElementById('network'), cy = el && el._cyreg && el._cyreg.cy;
          const now = cy && el.dataset.day === String(day) ?
            JSON.stringify([cy.zoom(), cy.pan(), cy.nodes('.nolabel, .lbl-top, .lbl-left, .lbl-right').map(n => n.id() + n.classes())]) : '';
          still = now && now === last ? still + 1 : 0;
          last = now;
          if (still >= 6) done(true); else setTimeout(tick, 100);
        };
        tick();""", day)


def _assert_readable(dash_duo, where: str) -> list[dict]:
    seen = json.loads(dash_duo.driver.execute_script(LABELS))
    labels, w, h = seen["labels"], seen["w"], seen["h"]
    assert labels, where
    slack = 1.0  # sub-pixel rounding
    for i, a in enumerate(labels):
        assert a["x1"] >= -slack and a["y1"] >= -slack and a["x2"] <= w + slack and a["y2"] <= h + slack, (where, a)
        for b in labels[i + 1:]:
            apart = a["x2"] <= b["x1"] + slack or b["x2"] <= a["x1"] + slack or \
                a["y2"] <= b["y1"] + slack or b["y2"] <= a["y1"] + slack
            assert apart, (where, a["id"], b["id"])
    return labels


@pytest.mark.parametrize("size", [(1024, 768), (1280, 720)], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("name", list(DATASETS))
def test_scene_labels_never_overlap(dash_duo, name, size):
    scenes = lecture.scenes(load(DATASETS[name]))
    dash_duo.start_server(create_app(DATASETS[name], ROOT / "data"))
    dash_duo.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                    {"width": size[0], "height": size[1], "deviceScaleFactor": 1, "mobile": False})
    for scene in scenes:
        dash_duo.driver.get(f"{dash_duo.server_url}/scene/{scene['n']}")
        _wait_settled(dash_duo, scene["day"])
        labels = _assert_readable(dash_duo, f"scene {scene['n']}")
        shown = {lab["id"]: lab for lab in labels}
        drawn = set(dash_duo.driver.execute_script(
            "return document.getElementById('network')._cyreg.cy.nodes(':visible').map(n => n.id())"))
        focus = [pid for pid in scene["people"] if pid in drawn]
        # The focus keeps its labels; in the most crowded scene one name may be left to hover.
        assert len([pid for pid in focus if pid not in shown]) <= 1, (scene["n"], focus, sorted(shown))
        if size == (1024, 768):
            for pid in focus:
                if pid in shown:
                    assert shown[pid]["px"] >= 18, (scene["n"], pid, shown[pid]["px"])


@pytest.mark.parametrize("name", list(DATASETS))
def test_normal_view_labels_never_overlap(dash_duo, name):
    dash_duo.start_server(create_app(DATASETS[name], ROOT / "data"))
    dash_duo.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                    {"width": 1280, "height": 720, "deviceScaleFactor": 1, "mobile": False})
    from dashboard.core.dates import resolve
    for date in NORMAL_DATES[name]:
        dash_duo.driver.get(f"{dash_duo.server_url}/?date={date}")
        _wait_settled(dash_duo, resolve(date).lo)
        labels = _assert_readable(dash_duo, date)
        # Framed whole in a laptop's panel the network is zoomed out to a third: names keep 12 px on screen.
        assert min(lb["px"] for lb in labels) >= network.NAMES_MIN_PX - 0.01, date


# Move the cursor to a day and, as soon as the network shows it (before the labels are placed again), the
# names' sizes of the people held before and of those who came with the move.
SIZES_ON_ARRIVAL = """
const [day, done] = [arguments[0], arguments[arguments.length - 1]];
const el = document.getElementById('network'), cy = el._cyreg.cy;
const before = new Set(cy.nodes().map(n => n.id()));
new MutationObserver((_, obs) => {
  if (el.dataset.day !== String(day)) return;
  obs.disconnect();
  const size = n => n.style('font-size');
  done({before: cy.nodes().filter(n => before.has(n.id())).map(size),
        newcomers: cy.nodes().filter(n => !before.has(n.id())).map(size)});
}).observe(el, {attributes: true, attributeFilter: ['data-day']});
window.dash_clientside.set_props('cursor', {value: day});
"""


def test_names_of_people_who_appear_as_the_cursor_moves_have_the_others_size(dash_duo):
    """The newcomers of a cursor move take the names' size the others have at once (assets/dashboard.js,
    showDay), not only when the labels are next placed."""
    from dashboard.core.dates import resolve
    dash_duo.start_server(create_app(DATASETS["soviet"], ROOT / "data"))
    dash_duo.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                    {"width": 1280, "height": 720, "deviceScaleFactor": 1, "mobile": False})
    dash_duo.driver.get(f"{dash_duo.server_url}/?date=1918-06-01")
    _wait_settled(dash_duo, resolve("1918-06-01").lo)
    dash_duo.driver.set_script_timeout(30)
    seen = dash_duo.driver.execute_async_script(SIZES_ON_ARRIVAL, resolve("1937-01-01").lo)
    assert seen["newcomers"] and seen["before"]
    assert set(seen["newcomers"]) == set(seen["before"]) and len(set(seen["before"])) == 1, seen


# Two drawn edges between four different people, moved into an X across the middle of the panel (the
# layout crosses few edges): returns a point on each edge 30 px from the crossing.
CROSS_TWO = """
const cy = document.getElementById('network')._cyreg.cy;
const edges = cy.edges(':visible');
let pair = null;
for (let i = 0; i < edges.length && !pair; i++) for (let j = i + 1; j < edges.length && !pair; j++) {
  const ends = new Set([edges[i].source().id(), edges[i].target().id(), edges[j].source().id(), edges[j].target().id()]);
  if (ends.size === 4 && edges[i].parallelEdges().length === 1 && edges[j].parallelEdges().length === 1)
    pair = [edges[i], edges[j]];
}
if (!pair) return 'null';
const w = cy.width(), h = cy.height(), r = Math.min(w, h) / 3;
const to = (n, x, y) => n.renderedPosition({x: w / 2 + x, y: h / 2 + y});
to(pair[0].source(), -r, -r); to(pair[0].target(), r, r); to(pair[1].source(), r, -r); to(pair[1].target(), -r, r);
// Only the two crossing edges stay drawn, so a click near the crossing can only mean one of them.
cy.edges().not(pair[0]).not(pair[1]).style('display', 'none');
const d = 30 / Math.SQRT2;
return JSON.stringify([{id: pair[0].id(), x: w / 2 + d, y: h / 2 + d}, {id: pair[1].id(), x: w / 2 + d, y: h / 2 - d}]);
"""


def test_click_on_a_crossing_edge_selects_the_edge_under_the_pointer(dash_duo):
    """Two drawn edges that cross: a click on each, 30 px from the crossing, selects that edge and opens
    its detail."""
    dash_duo.start_server(create_app(DATASETS["soviet"], ROOT / "data"))
    dash_duo.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                    {"width": 1280, "height": 720, "deviceScaleFactor": 1, "mobile": False})
    from dashboard.core.dates import resolve
    dash_duo.driver.get(f"{dash_duo.server_url}/?date=1926-10-23")
    _wait_settled(dash_duo, resolve("1926-10-23").lo)
    pair = json.loads(dash_duo.driver.execute_script(CROSS_TWO))
    assert pair, "no two edges between four people"
    left, top = dash_duo.driver.execute_script(
        "const r = document.getElementById('network').getBoundingClientRect(); return [r.left, r.top];")
    for edge in pair:
        action = ActionBuilder(dash_duo.driver)
        action.pointer_action.move_to_location(int(left + edge["x"]), int(top + edge["y"])).click()
        action.perform()
        dash_duo.wait_for_contains_text("#detail", "Source", timeout=10)
        selected = dash_duo.driver.execute_script(
            "return document.getElementById('network')._cyreg.cy.edges(':selected').map(e => e.id())")
        assert selected == [edge["id"]], edge
        # The detail drawer lies over the network's right side: close it (Esc) before the next click.
        dash_duo.driver.execute_script("document.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape'}))")
        dash_duo.wait_for_no_elements("#detail.open", timeout=5)
