"""Script injection through the data: a copy of the mini fixture whose every free-text cell is a payload.

Names, aliases, office titles, group names, event titles and descriptions, notes, quotes, source titles
and scene titles and captions carry HTML, SVG, `javascript:` URLs, a Markdown link and a spreadsheet
formula (ids stay as they are, so the CSV stays valid; the quotes no longer verify, which the app does
not check). The page is driven through every place those strings show up (timeline bar, network node,
search, detail panel, table view, scene caption) and must show each payload as literal text: no alert,
no `window.__pwned`, no element with an event-handler attribute, no `javascript:` link, and no
Content-Security-Policy violation in the console (the CSP would stop an injected handler, so a report
of one means the escaping failed).
"""
from __future__ import annotations

import csv
import shutil

import pytest
from pages import until, wait_for_day
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import FIXTURES
from dashboard.web.factory import create_app

pytestmark = pytest.mark.browser

SCRIPT = "<script>window.__pwned=1</script>"
IMG = '<img src=x onerror="window.__pwned=1">'
SVG = '"><svg onload=window.__pwned=1>'
JS_URL = "javascript:window.__pwned=1"
MD_LINK = "[x](javascript:window.__pwned=1)"
FORMULA = '=HYPERLINK("http://x")'
ALERT = "<img src=y onerror=alert(1)>"

NAMES = {  # person_id -> a name that is a payload (and still findable by its last word)
    "lenin": f"{SCRIPT} Lenin",
    "stalin": f"{IMG} Stalin",
    "trotsky": f"{SVG} Trotsky",
    "zinoviev": f"{JS_URL} Zinoviev",
    "bolshevik-party": f"{FORMULA} Party",
}

# table -> column -> payload (every row); the person names above come on top.
CELLS = {
    "people": {"name_native": ALERT, "aliases": f"{SVG};{JS_URL}", "note": f"Note {IMG}", "quote": f"Quote {SCRIPT}"},
    "offices": {"title": f"Office {IMG}"},
    "groups": {"name": f"Group {SVG}", "description": f"Group description {ALERT}", "quote": f"Quote {IMG}"},
    "events": {"title": f"Event {SCRIPT}", "description": f"Event description {IMG}", "quote": f"Quote {SVG}"},
    "tenures": {"note": f"Tenure note {IMG}", "quote": f"Tenure quote {SVG}"},
    "relations": {"note": f"Relation note {SCRIPT}", "quote": f"Relation quote {IMG}"},
    "memberships": {"role": FORMULA, "quote": f"Membership quote {IMG}"},
    "claims": {"note": f"Claim note {SVG}", "quote": f"Claim quote {IMG}"},
    "sources": {"title": f"Source {IMG} {FORMULA}"},
    "scenes": {"title": f"Scene {SVG}", "caption": f"Caption {MD_LINK} and <b onmouseover=alert(1)>{IMG}</b>"},
}


def _rewrite(path, edit) -> None:
    with path.open(newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        fields, rows = reader.fieldnames, list(reader)
    for row in rows:
        edit(row)
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def hostile_dataset(dest):
    """A copy of tests/fixtures/mini with payloads in every free-text column."""
    shutil.copytree(FIXTURES / "mini", dest, ignore=shutil.ignore_patterns("processed", ".*"))
    for table, cells in CELLS.items():
        path = dest / f"{table}.csv"
        if not path.exists():
            continue

        def edit(row, table=table, cells=cells):
            for col, value in cells.items():
                if col in row:
                    row[col] = value
            if table == "people":
                row["name"] = NAMES.get(row["person_id"], row["name"])

        _rewrite(path, edit)
    return dest


@pytest.fixture
def hostile(tmp_path):
    return hostile_dataset(tmp_path / "hostile")


def test_the_hostile_dataset_loads(hostile):
    from dashboard.web.datasets import Registry

    entry = Registry(hostile).get()
    assert entry.ok and not entry.stale, entry.problems[:5]
    assert entry.dataset["people"].set_index("person_id")["name"]["stalin"] == NAMES["stalin"]


def _assert_not_pwned(dash_duo, where: str) -> None:
    driver = dash_duo.driver
    try:
        alert = driver.switch_to.alert
        text = alert.text
        alert.dismiss()
        pytest.fail(f"an alert opened ({text!r}) after {where}")
    except NoAlertPresentException:
        pass
    assert driver.execute_script("return typeof window.__pwned") == "undefined", where
    # Injected markup would be stopped by the CSP, so look for it in the DOM and in the console too.
    handlers = driver.execute_script("""
        return Array.from(document.querySelectorAll('#react-entry-point *'))
          .filter(e => Array.from(e.attributes).some(a => /^on/i.test(a.name)))
          .map(e => e.outerHTML.slice(0, 120));""")
    assert handlers == [], f"elements with event-handler attributes after {where}: {handlers}"
    links = driver.execute_script("""
        return Array.from(document.querySelectorAll('a[href], [*|href]'))
          .map(e => e.getAttribute('href') || e.getAttribute('xlink:href') || '')
          .filter(h => /^\\s*javascript:/i.test(h) && !/^javascript:void\\(0\\);?$/.test(h));""")
    # react-markdown defuses a javascript: link to javascript:void(0), which is fine.
    assert links == [], f"javascript: links after {where}: {links}"
    scripts = driver.execute_script("return document.querySelectorAll('#react-entry-point script').length")
    assert scripts == 0, where
    logs = [e for e in dash_duo.get_logs() or [] if "Content Security Policy" in e.get("message", "")
            or "pwned" in e.get("message", "")]
    assert logs == [], f"CSP violations after {where}: {logs}"


def _text(dash_duo, selector: str) -> str:
    return dash_duo.driver.execute_script(
        "var e = document.querySelector(arguments[0]); return e ? e.textContent : '';", selector)


def _open(dash_duo, dataset, query=""):
    dash_duo.start_server(create_app(dataset, dataset.parent))
    if query:
        dash_duo.driver.get(dash_duo.server_url + "/?" + query)
    dash_duo.wait_for_element("#timeline .js-plotly-plot .bars", timeout=20)
    dash_duo.wait_for_element("#network canvas", timeout=20)
    wait_for_day(dash_duo)
    _assert_not_pwned(dash_duo, "loading the page")


def test_payloads_render_as_text(dash_duo, hostile):
    _open(dash_duo, hostile, "date=1924-06-01")

    # Everything the page shows at load: filters, legend, footer.
    page = _text(dash_duo, "#react-entry-point")
    for payload in (CELLS["groups"]["name"], CELLS["sources"]["title"]):
        assert payload in page

    # A timeline bar: the detail panel shows the tenure, its person, office, note and quote as text.
    bars = dash_duo.driver.find_elements(By.CSS_SELECTOR, "#timeline .bars .point path")
    assert bars
    ActionChains(dash_duo.driver).move_to_element(bars[0]).pause(0.3).click().perform()
    dash_duo.wait_for_contains_text("#detail", "Tenure quote", timeout=10)
    detail = _text(dash_duo, "#detail")
    for payload in (CELLS["tenures"]["quote"], CELLS["tenures"]["note"], CELLS["offices"]["title"],
                    CELLS["sources"]["title"]):
        assert payload in detail, (payload, detail)
    assert "<img src=x onerror=" in detail
    assert any(name in detail for name in NAMES.values())
    _assert_not_pwned(dash_duo, "clicking a bar")

    # A network node (Stalin is drawn on 1 June 1924: his alliance with Zinoviev).
    dash_duo.driver.execute_script(
        "var cy = document.getElementById('network')._cyreg.cy;"
        "cy.nodes().filter(n => n.id() === 'stalin').emit('tap');")
    until(lambda: CELLS["people"]["note"] in _text(dash_duo, "#detail"), message="Stalin's detail did not open")
    detail = _text(dash_duo, "#detail")
    for payload in (NAMES["stalin"], CELLS["people"]["note"], CELLS["people"]["quote"], SVG, JS_URL, ALERT):
        assert payload in detail, (payload, detail)
    _assert_not_pwned(dash_duo, "tapping a node")

    # Search for a payload: the hit list and the detail panel show it as text.
    box = dash_duo.find_element("#search-box")
    box.send_keys("<img src=x onerror=")
    dash_duo.wait_for_contains_text("#search-hits", "Stalin", timeout=10)
    assert NAMES["stalin"] in _text(dash_duo, "#search-hits")
    _assert_not_pwned(dash_duo, "searching")
    dash_duo.find_element("#search-hits button").click()
    dash_duo.wait_for_contains_text("#detail", "Stalin", timeout=10)
    assert NAMES["stalin"] in _text(dash_duo, "#detail")
    # (WebElement.clear() leaves React's value in place: the search would be for the two payloads joined.)
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys(Keys.BACKSPACE, SCRIPT)
    # Lenin's name starts with the script tag: the server has answered the search.
    dash_duo.wait_for_contains_text("#search-hits", "Lenin", timeout=10)
    _assert_not_pwned(dash_duo, "searching for a script tag")

    # Hover over a bar: plotly's hover label shows the names and titles.
    ActionChains(dash_duo.driver).move_to_element(bars[0]).perform()
    dash_duo.wait_for_element("#timeline .hoverlayer .hovertext", timeout=10)
    _assert_not_pwned(dash_duo, "hovering a bar")

    # The scene caption (lecture mode), where present: Markdown, but no HTML and no javascript: link.
    captions = dash_duo.driver.find_elements(By.CSS_SELECTOR, "#scene-caption")
    if not captions:
        pytest.skip("no scene caption on this page (lecture mode not built yet)")
    dash_duo.driver.get(dash_duo.server_url + "/scene/1")
    dash_duo.wait_for_contains_text("#scene-caption", "Caption", timeout=10)
    caption = _text(dash_duo, "#scene-caption")
    assert IMG in caption, caption
    assert CELLS["scenes"]["title"] in _text(dash_duo, "#scene-title")
    _assert_not_pwned(dash_duo, "showing the scene caption")
    # Click what is left of the links (a defused javascript:void(0) would only log a CSP refusal).
    for link in dash_duo.driver.find_elements(By.CSS_SELECTOR, "#scene-caption a"):
        if not (link.get_attribute("href") or "").startswith("javascript:"):
            link.click()
            until(lambda: dash_duo.driver.execute_script("return document.readyState") == "complete")
    _assert_not_pwned(dash_duo, "clicking the scene caption's links")


def test_table_view_shows_payloads_as_text(dash_duo, hostile):
    _open(dash_duo, hostile, "date=1925-01-01")
    dash_duo.find_element("#table-toggle").click()
    dash_duo.wait_for_contains_text("#table-offices", "Office", timeout=10)
    table = _text(dash_duo, "#state-table")
    assert CELLS["offices"]["title"] in table
    assert NAMES["stalin"] in table
    _assert_not_pwned(dash_duo, "opening the table view")
