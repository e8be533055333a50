"""The page as people use it (issue: the page at every size): the detail opens in view, nothing scrolls
sideways on a tablet or a phone, the cursor spans the story's period, history steps through exactly the
states visited, a preset window survives a reload and a lane switch, a bad typed date says why, the
search list closes after a pick and works by keyboard."""
import json
import urllib.parse

import pytest
from pages import open_page, until
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import FIXTURES, ROOT
from dashboard.core import days
from dashboard.views import timeline
from dashboard.web.factory import create_app

pytestmark = pytest.mark.browser


def _open(dash_duo, app, query="", size=(1280, 720)):
    open_page(dash_duo, app, "/" + (f"?{query}" if query else ""), size)


def _wait_still(dash_duo):
    """The timeline has stopped redrawing (the callbacks after the first paint have landed)."""
    dash_duo.driver.set_script_timeout(30)
    dash_duo.driver.execute_async_script("""
        const done = arguments[0];
        let last = '', still = 0;
        const tick = () => {
          const g = document.querySelector('#timeline .js-plotly-plot');
          const bars = document.querySelectorAll('#timeline .bars .point path');
          const now = g && g._fullLayout && bars.length ?
            JSON.stringify([bars.length, g._fullLayout.xaxis.range, bars[0].getAttribute('d')]) : '';
          still = now && now === last ? still + 1 : 0;
          last = now;
          if (still >= 6) done(true); else setTimeout(tick, 100);
        };
        tick();""")


def _query(dash_duo) -> dict:
    return dict(urllib.parse.parse_qsl(urllib.parse.urlparse(dash_duo.driver.current_url).query))


@pytest.fixture
def soviet():
    return create_app(ROOT / "data" / "soviet", ROOT / "data")


@pytest.mark.parametrize("size", [(1280, 720), (1024, 768)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_bar_click_opens_the_detail_inside_the_viewport(dash_duo, soviet, size):
    _open(dash_duo, soviet, "date=1927-11-15", size)
    _wait_still(dash_duo)
    bar = dash_duo.driver.find_elements(By.CSS_SELECTOR, "#timeline .bars .point path")[0]
    dash_duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", bar)
    ActionChains(dash_duo.driver).move_to_element(bar).pause(0.3).click().perform()
    dash_duo.wait_for_element("#detail.open .quote", timeout=10)
    box = dash_duo.driver.execute_script(
        "const r = document.getElementById('detail').getBoundingClientRect();"
        "return [r.left, r.top, r.right, r.bottom, innerWidth, innerHeight];")
    left, top, right, bottom, width, height = box
    assert 0 <= left < right <= width and 0 <= top < bottom <= height, box
    # Focus went into it; Esc closes it and gives focus back.
    assert dash_duo.driver.execute_script("return document.getElementById('detail').contains(document.activeElement)")
    ActionChains(dash_duo.driver).send_keys(Keys.ESCAPE).perform()
    dash_duo.wait_for_no_elements("#detail.open", timeout=5)


@pytest.mark.parametrize("size", [(390, 844), (768, 1024)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_no_sideways_scroll_on_phones_and_tablets(dash_duo, soviet, size):
    _open(dash_duo, soviet, "date=1927-11-15&sel=trotsky", size)
    dash_duo.wait_for_element("#detail.open", timeout=10)
    width = dash_duo.driver.execute_script("return [document.documentElement.scrollWidth, innerWidth]")
    assert width[0] <= width[1], width
    # Every control can be reached: the search, the date field, Play, the views.
    for css in ("#search-box", "#date-input", "#play", "#present-toggle"):
        r = dash_duo.driver.execute_script(f"const r = document.querySelector('{css}').getBoundingClientRect();"
                                           "return [r.left, r.right, r.width];")
        assert r[0] >= 0 and r[1] <= width[1] and r[2] > 0, (css, r)


# The date labels of the sticky axis above the lanes, and the lanes' and the axis's left margins.
AXIS_LABELS = """
const boxes = [...document.querySelectorAll('#timeline-axis .xtick text')].map(t => t.getBoundingClientRect())
  .filter(b => b.width > 0).map(b => [b.left, b.right]).sort((a, b) => a[0] - b[0]);
const margin = id => document.querySelector(id + ' .js-plotly-plot')._fullLayout.margin.l;
return {boxes, lanes: margin('#timeline'), axis: margin('#timeline-axis')};
"""


@pytest.mark.parametrize("size, column", [((390, 844), timeline.NARROW_LABEL_PX), ((768, 1024), timeline.LANE_LABEL_PX),
                                          ((1280, 720), timeline.LANE_LABEL_PX)], ids=lambda s: str(s))
def test_a_phone_gets_a_narrower_column_of_lane_names_and_dates_that_do_not_touch(dash_duo, soviet, size, column):
    _open(dash_duo, soviet, "date=1927-11-15", size)
    seen = until(lambda: (lambda r: r if r["lanes"] == r["axis"] == column and len(r["boxes"]) >= 3 else None)(
        dash_duo.driver.execute_script(AXIS_LABELS)), timeout=15, message=f"lane column {column} px")
    gaps = [b[0] - a[1] for a, b in zip(seen["boxes"], seen["boxes"][1:])]
    assert min(gaps) >= 8, (size, seen["boxes"])  # the decades' labels stand apart


# The labels of the view options below the panels that something else is drawn over.
COVERED = """
document.querySelector('.controls').scrollIntoView({block: 'center'});
return [...document.querySelectorAll('.controls label, .controls legend')].filter(l => {
  const r = l.getBoundingClientRect(), hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  const inView = r.width > 0 && r.top >= 0 && r.bottom <= innerHeight && !l.closest('details:not([open])');
  return inView && !(hit && hit.closest('.controls'));
}).map(l => {
  const r = l.getBoundingClientRect(), hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return l.textContent + ' under ' + (hit ? hit.tagName + '.' + hit.className : 'nothing');
});
"""


@pytest.mark.parametrize("size", [(1280, 720), (1024, 768), (768, 1024)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_open_keys_never_run_over_the_options_below(dash_duo, soviet, size):
    _open(dash_duo, soviet, "date=1926-10-23", size)
    dash_duo.wait_for_element("#network-legend li", timeout=10)
    for summary in dash_duo.driver.find_elements(By.CSS_SELECTOR, "details.legend > summary"):
        dash_duo.driver.execute_script("arguments[0].click()", summary)
    until(lambda: len(dash_duo.driver.find_elements(By.CSS_SELECTOR, "details.legend[open]")) == 2)
    covered = dash_duo.driver.execute_script(COVERED)
    assert covered == [], covered


def test_the_slider_spans_the_period_and_the_toggle_the_record(dash_duo, soviet):
    _open(dash_duo, soviet, "date=1927-11-15")
    slider = dash_duo.driver.execute_script(
        "const s = document.querySelector('#cursor [role=slider]');"
        "return [s.getAttribute('aria-valuemin'), s.getAttribute('aria-valuemax')];")
    assert [int(v) for v in slider] == [days.year_start(1917), days.year_end(1953)]
    dash_duo.find_element("#whole input").click()
    dash_duo.wait_for_element("#whole input:checked", timeout=15)
    # The page is loaded again for the whole record: wait for its slider.
    lowest = ("const s = document.querySelector('#cursor [role=slider]');"
              "return s ? Number(s.getAttribute('aria-valuemin')) : null;")
    until(lambda: (dash_duo.driver.execute_script(lowest) or 0) < days.year_start(1917), timeout=30)
    assert _query(dash_duo).get("whole") == "1"


def _pick(dash_duo, text):
    box = dash_duo.find_element("#search-box")
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys(text)
    dash_duo.wait_for_element("#search-hits button.hit", timeout=10)
    dash_duo.find_element("#search-hits button.hit").click()


def test_five_selections_five_backs_five_forwards(dash_duo):
    app = create_app(ROOT / "data" / "soviet", ROOT / "data")
    _open(dash_duo, app, "date=1927-11-15")
    visited = [_query(dash_duo).get("sel")]
    for name in ("Trotsky", "Zinoviev", "Kamenev", "Bukharin", "Rykov"):
        _pick(dash_duo, name)
        dash_duo.wait_for_contains_text("#detail", name, timeout=10)
        dash_duo.wait_for_element("#search-hits:empty", timeout=5)  # the list closes after a pick
        visited.append(_query(dash_duo).get("sel"))
    assert len(set(visited)) == 6
    for expected in reversed(visited[:-1]):
        dash_duo.driver.back()
        dash_duo.wait_for_element("#timeline .js-plotly-plot .bars", timeout=30)
        assert _query(dash_duo).get("sel") == expected
    for expected in visited[1:]:
        dash_duo.driver.forward()
        dash_duo.wait_for_element("#timeline .js-plotly-plot .bars", timeout=30)
        assert _query(dash_duo).get("sel") == expected


def test_a_preset_window_survives_a_reload_and_a_lane_switch(dash_duo, soviet):
    _open(dash_duo, soviet, "date=1927-11-15")
    dash_duo.find_element("button[id*='preset'][id*='\"index\":1']").click()  # 1924-1929
    window = lambda: (_query(dash_duo).get("start"), _query(dash_duo).get("end"))  # noqa: E731
    until(lambda: window() == ("1924-01-01", "1929-12-31"), timeout=20)
    dash_duo.driver.refresh()
    dash_duo.wait_for_element("#timeline .js-plotly-plot .bars", timeout=30)
    shown = dash_duo.driver.execute_script(
        "return document.querySelector('#timeline .js-plotly-plot').layout.xaxis.range.map(v => "
        "new Date(v).toISOString().slice(0, 10))")
    assert shown[0] == "1924-01-01" and shown[1] >= "1929-12-31"
    dash_duo.find_element("#lanes input[value='person']").click()
    until(lambda: _query(dash_duo).get("lanes") == "person", timeout=10)
    assert window() == ("1924-01-01", "1929-12-31")
    shown = dash_duo.driver.execute_script(
        "return document.querySelector('#timeline .js-plotly-plot').layout.xaxis.range.map(v => "
        "new Date(v).toISOString().slice(0, 10))")
    assert shown[0] == "1924-01-01"


# Zoom the lanes, then count what is written to the bars (a redraw rewrites every bar, a restyle its style) from
# the zoom drawn until Dash has given the graph its figure back (it does after every zoom: a new layout object)
# and nothing more has been written for ten frames.
ZOOM_WRITES = r"""
const done = arguments[arguments.length - 1];
const gd = document.querySelector('#timeline .js-plotly-plot');
Plotly.relayout(gd, {'xaxis.range': ['1924-01-01', '1929-12-31']}).then(() => {
  const drawn = gd.layout;
  let writes = 0, still = 0, seen = -1;
  new MutationObserver(records => { writes += records.length; })
    .observe(gd.querySelector('.barlayer'), {attributes: true, subtree: true});
  (function wait() {
    still = writes === seen ? still + 1 : 0;
    seen = writes;
    if (gd.layout !== drawn && still >= 10) done(writes); else requestAnimationFrame(wait);
  })();
});
"""


def test_a_zoom_draws_the_bars_once(dash_duo, soviet):
    """Dash's Graph copies the figure back after a zoom and draws it again: that must find nothing changed
    (timeline.for_browser), and the outlines nothing to restyle (timelineCursor.barOutlines)."""
    _open(dash_duo, soviet, "date=1927-11-15")
    _wait_still(dash_duo)
    dash_duo.driver.set_script_timeout(30)
    assert dash_duo.driver.execute_async_script(ZOOM_WRITES) == 0
    # With a person selected the outline stays through the zoom, written once, not again.
    dash_duo.driver.get(dash_duo.server_url + "/?date=1927-11-15&sel=stalin")
    dash_duo.wait_for_element("#timeline .js-plotly-plot .bars", timeout=30)
    _wait_still(dash_duo)
    outlined = "return document.querySelectorAll('#timeline .bars .point path[style*=\"stroke-width: 4\"]').length"
    assert until(lambda: dash_duo.driver.execute_script(outlined), 10, "Stalin's bars are not outlined")
    assert dash_duo.driver.execute_async_script(ZOOM_WRITES) == 0
    assert dash_duo.driver.execute_script(outlined)


@pytest.mark.parametrize("typed, message", [("1927-13-45", "Not a date"), ("7 Nov 1917", "Not a date"),
                                            ("1850", "outside")])
def test_a_bad_typed_date_says_why_and_keeps_the_cursor(dash_duo, soviet, typed, message):
    _open(dash_duo, soviet, "date=1927-11-15")
    box = dash_duo.find_element("#date-input")
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys(typed, Keys.ENTER)
    dash_duo.wait_for_contains_text("#date-error", message, timeout=10)
    if message == "Not a date":
        assert dash_duo.find_element("#cursor-label").text == "15 Nov 1927"


def test_search_by_keyboard(dash_duo):
    _open(dash_duo, create_app(FIXTURES / "mini", FIXTURES))
    box = dash_duo.find_element("#search-box")
    box.send_keys("st")
    dash_duo.wait_for_element("#search-hits button.hit", timeout=10)
    box.send_keys(Keys.ARROW_DOWN)
    assert dash_duo.driver.execute_script("return document.activeElement.classList.contains('hit')")
    ActionChains(dash_duo.driver).send_keys(Keys.ESCAPE).perform()
    dash_duo.wait_for_element("#search-hits:empty", timeout=5)
    assert dash_duo.driver.execute_script("return document.activeElement.id") == "search-box"
    box.send_keys("a")
    dash_duo.wait_for_element("#search-hits button.hit", timeout=10)
    box.send_keys(Keys.ARROW_DOWN)
    ActionChains(dash_duo.driver).send_keys(Keys.ENTER).perform()
    dash_duo.wait_for_element("#detail.open", timeout=10)
    assert json.loads(json.dumps(_query(dash_duo))).get("sel")
