"""Lecture mode in headless Chromium: a whole lecture driven by key presses, black-out, full screen,
Esc, scene URLs, exports, and the offline guarantee. Runs on the fixture and on both datasets."""
import datetime as dt
import struct
import xml.etree.ElementTree as ET

import pytest
from pages import set_size, until, wait_for_day
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from conftest import FIXTURES, ROOT
from dashboard.core import days
from dashboard.core.build import load
from dashboard.views import lecture
from dashboard.web.factory import create_app

pytestmark = pytest.mark.browser
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
DATASETS = {"mini": FIXTURES / "mini", "finnish": ROOT / "data" / "finnish-university-reform",
            "soviet": ROOT / "data" / "soviet"}


def _label(day: int) -> str:
    d = dt.date(1970, 1, 1) + dt.timedelta(days=day)
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def _wait(dash_duo, script, timeout=10):
    return until(lambda: dash_duo.driver.execute_script(script), timeout, f"timed out waiting for: {script}")


def _press(dash_duo, key):
    ActionChains(dash_duo.driver).send_keys(key).perform()


def _start(dash_duo, path, url_path):
    app = create_app(path, path.parent)
    dash_duo.start_server(app)
    dash_duo.driver.get(dash_duo.server_url + url_path)
    dash_duo.wait_for_element("#timeline .js-plotly-plot .bars", timeout=30)
    dash_duo.wait_for_element("#network canvas", timeout=30)
    wait_for_day(dash_duo)


@pytest.mark.parametrize("name", list(DATASETS))
def test_whole_lecture_by_keys(dash_duo, name):
    path = DATASETS[name]
    scenes = lecture.scenes(load(path))
    if not scenes:
        pytest.skip("no scenes")
    _start(dash_duo, path, "/scene/1")
    assert "present" in dash_duo.find_element("#page").get_attribute("class")
    for i, scene in enumerate(scenes, start=1):
        if i > 1:
            _press(dash_duo, Keys.PAGE_DOWN)
        dash_duo.wait_for_text_to_equal("#scene-progress", f"{i} / {len(scenes)}", timeout=10)
        assert dash_duo.find_element("#scene-title").text == scene["title"]
        caption = dash_duo.find_element("#scene-caption").text
        assert caption and "**" not in caption  # Markdown rendered, not shown raw
        dash_duo.wait_for_text_to_equal("#cursor-label", _label(scene["day"]), timeout=10)
        if scene["start"]:
            # The window's first day, whether plotly holds it as a date string or as milliseconds.
            start = _wait(dash_duo, "const gd = document.querySelector('#timeline .js-plotly-plot');"
                                    "const r = gd && gd.layout.xaxis.range;"
                                    "return r && String(Math.floor(new Date(r[0]).getTime() / 864e5));")
            assert abs(int(start) - scene["start"]) <= 1
        assert dash_duo.driver.current_url.split("?")[0].endswith(f"/scene/{i}")
    # Past the last scene nothing moves; Home goes back to the first, a number key jumps.
    _press(dash_duo, Keys.PAGE_DOWN)
    dash_duo.wait_for_text_to_equal("#scene-progress", f"{len(scenes)} / {len(scenes)}")
    _press(dash_duo, Keys.HOME)
    dash_duo.wait_for_text_to_equal("#scene-progress", f"1 / {len(scenes)}")
    _press(dash_duo, "2")
    dash_duo.wait_for_text_to_equal("#scene-progress", f"2 / {len(scenes)}")
    _press(dash_duo, Keys.LEFT)
    dash_duo.wait_for_text_to_equal("#scene-progress", f"1 / {len(scenes)}")
    _press(dash_duo, Keys.END)
    dash_duo.wait_for_text_to_equal("#scene-progress", f"{len(scenes)} / {len(scenes)}")
    assert [e for e in dash_duo.get_logs() or [] if e["level"] == "SEVERE"] == []


# The lanes' names on a slide as drawn: their boxes (top to bottom), the note of lanes left out, and the
# count of all the lanes the slide could show (its fewest-lanes step counts all but one).
SLIDE_LANES = r"""
const gd = document.querySelector('#timeline .js-plotly-plot');
const boxes = Array.from(gd.querySelectorAll('.ytick text')).map(t => t.getBoundingClientRect())
  .filter(b => b.height > 0).map(b => ({top: b.top, bottom: b.bottom})).sort((a, b) => a.top - b.top);
const steps = window.dayNumbers.layoutMeta(gd.layout).slide, last = steps[steps.length - 1].relayout['xaxis.title.text'];
const note = gd.layout.xaxis.title && gd.layout.xaxis.title.text;
return {boxes, more: note ? +note.match(/\d+/)[0] : 0, all: +last.match(/\d+/)[0] + 1};
"""


# Viewports: a 1024x768 and a 1280x720 projector with the browser's bars (not full screen), and a full-HD one.
@pytest.mark.parametrize("size", [(1024, 640), (1280, 580), (1920, 1080)])
def test_a_slide_shows_only_the_lanes_whose_names_fit_and_counts_the_rest(dash_duo, size):
    """Scene 3 of the Soviet lecture has two-line office names: in a 1024x768 projector's browser window four
    lanes of them overlapped. The slide keeps as many as its panel can name (views/timeline.py, `slide_fit`)."""
    dash_duo.start_server(create_app(DATASETS["soviet"], ROOT / "data"))
    set_size(dash_duo, *size)
    dash_duo.driver.get(dash_duo.server_url + "/scene/3?present=1")
    dash_duo.wait_for_element("#timeline .js-plotly-plot .bars", timeout=30)

    def apart():
        lanes = dash_duo.driver.execute_script(SLIDE_LANES)
        b = lanes["boxes"]
        return lanes if len(b) >= 2 and all(x["bottom"] <= y["top"] for x, y in zip(b, b[1:])) else None
    lanes = until(apart, 15, lambda: f"lane names overlap at {size}: {dash_duo.driver.execute_script(SLIDE_LANES)}")
    # The events lane and at least one office, and every lane not drawn is counted in the note.
    assert len(lanes["boxes"]) - 1 + lanes["more"] == lanes["all"], lanes
    if size == (1920, 1080):
        assert len(lanes["boxes"]) == 5, lanes  # room for all four offices


# Where a node is on screen once the scene's frame has settled (the day shown, no animation, the same
# view on three polls in a row), and the panel's size.
SETTLED_AT = r"""
const [id, done] = [arguments[0], arguments[arguments.length - 1]];
let last = '', still = 0;
(function poll() {
  const el = document.getElementById('network'), cy = el && el._cyreg && el._cyreg.cy;
  const now = cy && el.dataset.day && !cy.animated() ? JSON.stringify([cy.zoom(), cy.pan()]) : '';
  still = now && now === last ? still + 1 : 0;
  last = now;
  if (still < 3) { setTimeout(poll, 150); return; }
  const n = cy.getElementById(id);
  done(n.length ? {x: n.renderedPosition().x, y: n.renderedPosition().y, w: cy.width(), h: cy.height()} : null);
})();
"""


def test_a_scene_frames_the_people_drawn_by_their_faction_every_time_it_is_framed(dash_duo):
    """Scene 3 (3 Mar 1918): Sverdlov is drawn through his faction's membership, not a tie. The frame when the
    network arrived counted him; the frame again when the panel settled (its size changes) did not (it had
    no memberships), so he was cut off at the top on every load but the first (lecture.js, zoomTo)."""
    dash_duo.start_server(create_app(DATASETS["soviet"], ROOT / "data"))
    set_size(dash_duo, 1024, 768)
    for _ in range(2):  # the first load and one with the browser's cache
        dash_duo.driver.get(dash_duo.server_url + "/scene/3?present=1")
        dash_duo.wait_for_element("#network canvas", timeout=30)
        dash_duo.driver.set_script_timeout(30)
        at = dash_duo.driver.execute_async_script(SETTLED_AT, "sverdlov")
        assert at and 0 < at["x"] < at["w"] and 0 < at["y"] < at["h"], at


def test_scene_url_back_blackout_fullscreen_escape(dash_duo):
    _start(dash_duo, FIXTURES / "mini", "/scene/2")
    dash_duo.wait_for_text_to_equal("#scene-progress", "2 / 2")
    assert dash_duo.find_element("#scene-title").text == "Succession"
    _press(dash_duo, Keys.PAGE_UP)
    dash_duo.wait_for_text_to_equal("#scene-progress", "1 / 2")
    dash_duo.driver.execute_script("document.getElementById('page').__before = true")
    dash_duo.driver.back()
    # Back renders the page again from the URL (dcc.Location): wait for the new page and its scene, or a key
    # pressed on the old one would be lost with it.
    _wait(dash_duo, "const p = document.getElementById('page'); return !!p && !p.__before", 15)
    dash_duo.wait_for_text_to_equal("#scene-progress", "2 / 2", timeout=15)
    wait_for_day(dash_duo, days.iso(lecture.scenes(load(FIXTURES / "mini"))[1]["day"]))
    _press(dash_duo, "b")
    assert dash_duo.find_element("#blackout").is_displayed()
    _press(dash_duo, "b")
    assert not dash_duo.find_element("#blackout").is_displayed()
    _press(dash_duo, "f")
    _wait(dash_duo, "return !!document.fullscreenElement")
    _press(dash_duo, Keys.ESCAPE)
    _wait(dash_duo, "return !document.getElementById('page').classList.contains('present')")
    assert dash_duo.find_element("#lanes").is_displayed()  # controls are back


def test_keys_do_not_fire_while_typing(dash_duo):
    _start(dash_duo, FIXTURES / "mini", "/")
    box = dash_duo.find_element("#search-box")
    box.send_keys("p")
    # The server has answered the search for "p", so the key press has long been handled.
    until(lambda: dash_duo.find_element("#search-hits").text)
    assert "present" not in dash_duo.find_element("#page").get_attribute("class")
    dash_duo.find_element("#title").click()
    _press(dash_duo, "p")
    _wait(dash_duo, "return document.getElementById('page').classList.contains('present')")


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def _downloaded(folder, suffix, timeout=15):
    """The bytes of the file with that suffix, once Chromium has finished writing it (it writes to a
    .crdownload file, renamed when complete) and its size has stopped changing."""
    sizes = []

    def done():
        hits = [p for p in folder.iterdir() if p.is_file() and p.name.endswith(suffix)]
        busy = any(p.suffix == ".crdownload" for p in folder.iterdir())
        sizes.append(hits[0].stat().st_size if hits and not busy else 0)
        return hits[0] if sizes[-1] > 0 and sizes[-2:] == [sizes[-1]] * 2 else None

    return until(done, timeout, f"no {suffix} downloaded").read_bytes()


def test_exports(dash_duo, tmp_path):
    _start(dash_duo, FIXTURES / "mini", "/?date=1924-06-01")
    dash_duo.driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(tmp_path)})
    dash_duo.find_element(".export summary").click()
    width, height = dash_duo.driver.execute_script(
        "const gd = document.querySelector('#timeline .js-plotly-plot');"
        "return [gd._fullLayout.width, gd._fullLayout.height];")
    dash_duo.find_element("#export-timeline-png").click()
    w, h = _png_size(_downloaded(tmp_path, ".png"))
    assert abs(w - 2 * width) <= 2 and abs(h - 2 * height) <= 2  # scale 2
    dash_duo.find_element("#export-timeline-svg").click()
    raw = _downloaded(tmp_path, ".svg")
    svg = ET.fromstring(raw)
    assert svg.tag.endswith("svg") and float(svg.get("width")) > 300 and float(svg.get("height")) > 300
    assert b"General Secretary" in raw and b"bars" in raw  # the timeline itself, as vectors
    for p in tmp_path.iterdir():
        if p.is_file():
            p.unlink()
    dash_duo.find_element("#export-network-png").click()
    w, h = _png_size(_downloaded(tmp_path, ".png"))
    assert w > 100 and h > 100
    dash_duo.find_element("#export-network-svg").click()
    raw = _downloaded(tmp_path, "_network_1924-06-01.svg")  # the network at the view's date, from the server
    assert ET.fromstring(raw).tag.endswith("svg") and b"Who stood with whom, 1 Jun 1924" in raw
    dash_duo.find_element("#cite").click()
    text = _wait(dash_duo, "return document.getElementById('citation').value")
    assert "Mini test dataset, as of 1 June 1924." in text and "date=1924-06-01" in text
    assert "Sources: Test chronicle (tests/fixtures/texts)." in text


def test_everything_is_served_by_the_app(dash_duo):
    """Offline: every request the page makes goes to the app's own origin."""
    _start(dash_duo, FIXTURES / "mini", "/scene/1")
    _press(dash_duo, Keys.PAGE_DOWN)
    dash_duo.wait_for_text_to_equal("#scene-progress", "2 / 2", timeout=10)
    wait_for_day(dash_duo, days.iso(lecture.scenes(load(FIXTURES / "mini"))[1]["day"]))
    # Resource Timing lists every request the page made: scripts, styles, fonts, images, XHR.
    urls = dash_duo.driver.execute_script(
        "return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))"
        ".map(e => e.name)")
    assert len(urls) > 5 and any("_dash-update-component" in u for u in urls)
    outside = [u for u in urls if not u.startswith(dash_duo.server_url) and not u.startswith(("data:", "blob:"))]
    assert outside == []


