"""The change panel (issue: change over time): the next scene shows what began and ended since the last
one, the same items as views/changes.py (and GET /api/changes), marked in the network for a moment; an
item opens its detail."""
import io
import urllib.request

import av
import pytest
from pages import open_page, until
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import ROOT
from dashboard.core.build import load
from dashboard.core.dates import resolve
from dashboard.views import changes, lecture
from dashboard.web.factory import create_app

pytestmark = pytest.mark.browser


def test_the_next_scene_lists_what_changed_and_marks_it(dash_duo):
    ds = load(ROOT / "data" / "soviet")
    scenes = lecture.scenes(ds)
    expected = changes.between(ds, scenes[3]["day"], scenes[4]["day"])
    dash_duo.start_server(create_app(ROOT / "data" / "soviet", ROOT / "data"))
    dash_duo.driver.get(dash_duo.server_url + "/scene/4")
    dash_duo.wait_for_element("#network canvas", timeout=30)
    dash_duo.wait_for_contains_text("#scene-progress", "4 /", timeout=10)
    ActionChains(dash_duo.driver).send_keys(Keys.PAGE_DOWN).perform()
    counts = f"{len(expected['began'])} began, {len(expected['ended'])} ended"
    dash_duo.wait_for_contains_text("#changes-title", counts, timeout=15)
    # The network marks the people and relations that changed.
    marked = dash_duo.driver.execute_script(
        "return document.getElementById('network')._cyreg.cy.elements('.changed').map(e => e.id()).sort()")
    want = changes.marks(expected)
    assert marked and set(marked) <= set(want["nodes"] + want["edges"])
    # The lists: the items views/changes.py found, each a button to its detail.
    dash_duo.find_element("#changes-title").click()
    picks = dash_duo.driver.execute_script(
        "return [...document.querySelectorAll('#changes-body [data-pick]')].map(b => b.dataset.pick)")
    assert picks and set(picks) <= {i["pick"] for i in expected["began"] + expected["ended"]}
    dash_duo.find_element("#changes-body [data-pick]").click()
    dash_duo.wait_for_element("#detail.open .quote", timeout=10)


def test_the_metrics_strip_follows_the_selection_and_the_cursor(dash_duo):
    dash_duo.start_server(create_app(ROOT / "data" / "soviet", ROOT / "data"))
    dash_duo.driver.get(dash_duo.server_url + "/?date=1927-11-15")
    dash_duo.wait_for_element("#network canvas", timeout=30)
    assert not dash_duo.find_element("#metrics-wrap").is_displayed()  # nobody selected
    dash_duo.find_element("#search-box").send_keys("trotsky")
    dash_duo.wait_for_contains_text("#search-hits", "Leon Trotsky", timeout=10)
    dash_duo.find_element("#search-hits button").click()
    dash_duo.wait_for_element("#metrics-wrap:not([hidden]) #metrics-strip .cursor-line", timeout=15)
    dash_duo.wait_for_contains_text("#metrics-strip .gtitle", "Leon Trotsky", timeout=10)
    line = "#metrics-strip .cursor-line"
    assert dash_duo.find_element(line).get_attribute("data-date") == "1927-11-15"
    box = dash_duo.find_element("#date-input")
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys("1937-01-01", Keys.ENTER)
    dash_duo.wait_for_element(f"{line}[data-date='1937-01-01']", timeout=10)


def test_ego_and_path_follow_the_cursor(dash_duo):
    """Trotsky one tie away, and the path from Trotsky to Molotov through Stalin, at 15 Nov 1927; at another
    date the network in force there decides (views/paths.py computes both)."""
    from dashboard.core.dates import resolve
    from dashboard.views import paths
    ds = load(ROOT / "data" / "soviet")
    dash_duo.start_server(create_app(ROOT / "data" / "soviet", ROOT / "data"))
    dash_duo.driver.get(dash_duo.server_url + "/?date=1927-11-15&sel=trotsky&ego=1&to=molotov")
    dash_duo.wait_for_element("#network canvas", timeout=30)
    dash_duo.wait_for_contains_text("#path-text", "Leon Trotsky → Joseph Stalin → Vyacheslav Molotov", timeout=15)
    shown = ("return document.getElementById('network')._cyreg.cy.nodes(':visible').filter(n => !n.hasClass('outside'))"
             ".map(n => n.id()).sort()")
    expected = paths.ego(ds, "trotsky", resolve("1927-11-15").lo, 1)["nodes"]
    on_path = paths.path(ds, "trotsky", "molotov", resolve("1927-11-15").lo)["nodes"]
    assert set(dash_duo.driver.execute_script(shown)) == set(expected) | set(on_path)
    box = dash_duo.find_element("#date-input")
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys("1937-01-01", Keys.ENTER)
    dash_duo.wait_for_contains_text("#path-text", "1 Jan 1937", timeout=15)
    later = paths.path(ds, "trotsky", "molotov", resolve("1937-01-01").lo)["nodes"]
    assert ("no chain of ties" in dash_duo.find_element("#path-text").text) == (not later)


def test_save_as_film_records_play_over_the_window_at_the_chosen_speed(dash_duo):
    """The film links follow the Play speed; the file one downloads holds one frame per Play step."""
    open_page(dash_duo, create_app(ROOT / "data" / "soviet", ROOT / "data"), "/?start=1922-01-01&end=1930-12-31")
    dash_duo.find_element("details.export summary").click()
    link = dash_duo.find_element("#export-film-mp4")
    assert "speed=month" in link.get_attribute("href") and "start=1922-01-01" in link.get_attribute("href")
    dash_duo.find_element("#speed").click()
    dash_duo.driver.find_element(By.XPATH, "//*[@role='option'][contains(., '1 year / step')]").click()
    until(lambda: "speed=year" in link.get_attribute("href"))
    with urllib.request.urlopen(link.get_attribute("href"), timeout=60) as r:
        assert r.headers["Content-Type"] == "video/mp4"
        body = r.read()
    with av.open(io.BytesIO(body)) as container:
        frames = sum(1 for _ in container.decode(container.streams.video[0]))
        seconds = container.duration / 1e6
    assert frames == 9 and seconds == pytest.approx(9 * 0.4, abs=0.01)  # 1 Jan 1922 ... 1 Jan 1930


def test_the_change_panel_compares_two_dates_the_user_picks(dash_duo):
    """Typed dates (a year as the second date runs to its end) and the window in view, with the same counts as
    views/changes.py; a bad date says why."""
    ds = load(ROOT / "data" / "soviet")
    day = lambda text: resolve(text)  # noqa: E731
    open_page(dash_duo, create_app(ROOT / "data" / "soviet", ROOT / "data"),
              "/?date=1925-01-01&start=1926-01-01&end=1929-12-31")
    box = dash_duo.find_element("#date-input")
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys("1926-06-01", Keys.ENTER)  # a cursor stop shows the panel
    dash_duo.wait_for_contains_text("#changes-title", "What changed", timeout=15)
    dash_duo.find_element("#changes-title").click()

    def counts(found):
        return f"{len(found['began'])} began, {len(found['ended'])} ended"

    dash_duo.find_element("#changes-from").send_keys("1924")
    dash_duo.find_element("#changes-to").send_keys("1928")
    dash_duo.find_element("#changes-compare").click()
    typed = changes.between(ds, day("1924").lo, day("1928").hi)
    dash_duo.wait_for_contains_text("#changes-title", f"1 Jan 1924 → 31 Dec 1928: {counts(typed)}", timeout=15)
    dash_duo.find_element("#changes-window").click()
    window = changes.between(ds, day("1926-01-01").lo, day("1929-12-31").hi)
    dash_duo.wait_for_contains_text("#changes-title", f"1 Jan 1926 → 31 Dec 1929: {counts(window)}", timeout=15)
    picks = dash_duo.driver.execute_script(
        "return [...document.querySelectorAll('#changes-lists [data-pick]')].map(b => b.dataset.pick)")
    assert picks and set(picks) <= {i["pick"] for i in window["began"] + window["ended"]}
    field = dash_duo.find_element("#changes-to")
    field.send_keys(Keys.CONTROL, "a")
    field.send_keys("1928-13", Keys.ENTER)
    dash_duo.wait_for_contains_text("#changes-range-error", "Second date: Not a date", timeout=10)
    assert "1 Jan 1926 → 31 Dec 1929" in dash_duo.find_element("#changes-title").text  # the last good pair stays
