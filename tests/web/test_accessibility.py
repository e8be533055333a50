"""Keyboard and screen-reader users (issue: accessible to keyboard and screen-reader users): axe-core finds
nothing on the four pages people use most, every detail opens from the table view by keyboard alone and
focus comes back to its row, single-key shortcuts can be turned off, and focus is never left on the page's
body after a mode or dataset change."""
import json

import pytest
from pages import open_page, until
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from conftest import ROOT
from dashboard.web.factory import create_app

pytestmark = pytest.mark.browser
# Installed by scripts/test from package-lock.json (npm ci).
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


@pytest.fixture
def soviet():
    return create_app(ROOT / "data" / "soviet", ROOT / "data")


def _axe(dash_duo) -> list[dict]:
    dash_duo.driver.execute_script(AXE.read_text(encoding="utf-8"))
    dash_duo.driver.set_script_timeout(60)
    found = dash_duo.driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})
          .then(r => done(JSON.stringify(r.violations.map(v => ({
              id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))})))))
          .catch(e => done(JSON.stringify([{id: 'axe failed', impact: String(e), nodes: []}])));""", RULES)
    return json.loads(found)


@pytest.mark.parametrize("path,open_table", [
    ("/?date=1927-11-15", False),
    ("/?date=1927-11-15&sel=stalin", True),  # the table view and a detail open
    ("/scene/1", False),
    ("/?dataset=finnish-university-reform", False),
], ids=["page", "table-and-detail", "scene", "finnish"])
def test_axe_finds_nothing(dash_duo, soviet, path, open_table):
    open_page(dash_duo, soviet, path)
    if open_table:
        dash_duo.find_element("#table-toggle").click()
        dash_duo.wait_for_element("#table-offices .row-pick", timeout=10)
        dash_duo.wait_for_element("#detail.open .quote", timeout=10)
        # Factions in words, not only as the network's colours.
        dash_duo.wait_for_contains_text("#table-memberships", "United Opposition", timeout=10)
    assert _axe(dash_duo) == []


def _active(dash_duo) -> dict:
    return dash_duo.driver.execute_script(
        "const e = document.activeElement;"
        "return {id: e.id, cls: String(e.className), text: e.textContent.slice(0, 200),"
        "        table: e.closest('tbody') ? e.closest('tbody').id : ''};")


def _tab_to(dash_duo, wanted, most=400) -> dict:
    """Press Tab until the focused element is the one `wanted` accepts (and never more than `most` times)."""
    for _ in range(most):
        ActionChains(dash_duo.driver).send_keys(Keys.TAB).perform()
        now = _active(dash_duo)
        if wanted(now):
            return now
    raise AssertionError("Tab never reached it")


def _open_row_and_come_back(dash_duo, row: dict, heading: str):
    ActionChains(dash_duo.driver).send_keys(Keys.ENTER).perform()
    dash_duo.wait_for_contains_text("#detail-body h3", heading, timeout=10)
    quote = dash_duo.find_element("#detail.open .quote").text
    assert len(quote) > 20  # the sentence the row comes from
    assert dash_duo.driver.execute_script("return document.getElementById('detail').contains(document.activeElement)")
    ActionChains(dash_duo.driver).send_keys(Keys.ESCAPE).perform()
    dash_duo.wait_for_no_elements("#detail.open", timeout=5)
    assert _active(dash_duo) == row


def test_keyboard_alone_reaches_every_detail_from_the_table(dash_duo, soviet):
    open_page(dash_duo, soviet, "/")
    # The skip link comes first.
    assert _tab_to(dash_duo, lambda e: True, most=1)["cls"] == "skip-link"
    _tab_to(dash_duo, lambda e: e["id"] == "date-input")
    field = dash_duo.driver.switch_to.active_element
    field.send_keys(Keys.CONTROL, "a")
    field.send_keys("1927-11-15", Keys.ENTER)
    dash_duo.wait_for_text_to_equal("#cursor-label", "15 Nov 1927", timeout=10)
    # The slider says the date, not a day number.
    assert dash_duo.driver.execute_script(
        "return document.querySelector('#cursor [role=slider]').getAttribute('aria-valuetext')") == "15 Nov 1927"
    _tab_to(dash_duo, lambda e: e["id"] == "table-toggle")
    ActionChains(dash_duo.driver).send_keys(Keys.ENTER).perform()
    dash_duo.wait_for_element("#table-offices .row-pick", timeout=10)
    row = _tab_to(dash_duo, lambda e: e["table"] == "table-offices" and "General Secretary" in e["text"])
    _open_row_and_come_back(dash_duo, row, "Joseph Stalin")
    row = _tab_to(dash_duo, lambda e: e["table"] == "table-relations" and "rivalry" in e["text"])
    _open_row_and_come_back(dash_duo, row, row["text"].split(":")[0].split(" — ")[0])
    row = _tab_to(dash_duo, lambda e: e["table"] == "table-events")
    ActionChains(dash_duo.driver).send_keys(Keys.ENTER).perform()
    dash_duo.wait_for_contains_text("#detail-body h3", row["text"], timeout=10)


def _presenting(dash_duo) -> bool:
    return dash_duo.driver.execute_script("return document.getElementById('page').classList.contains('present')")


def test_single_key_shortcuts_can_be_turned_off_and_stay_off(dash_duo, soviet):
    open_page(dash_duo, soviet, "/?date=1927-11-15")
    body = dash_duo.find_element("body")
    body.send_keys("?")
    dash_duo.wait_for_element("#keys-dialog:not([hidden])", timeout=5)
    assert dash_duo.driver.execute_script(
        "return document.getElementById('keys-dialog').contains(document.activeElement)")
    _tab_to(dash_duo, lambda e: "check" in e["cls"].split(), most=5)
    ActionChains(dash_duo.driver).send_keys(Keys.SPACE).perform()  # the checkbox: off
    ActionChains(dash_duo.driver).send_keys(Keys.ESCAPE).perform()
    dash_duo.wait_for_element("#keys-dialog[hidden]", timeout=5)
    assert _active(dash_duo)["id"] != ""  # focus came back to something, not the body
    ActionChains(dash_duo.driver).send_keys("p").perform()
    assert not _presenting(dash_duo)
    # Remembered: after a reload P still does nothing, the Keys button still opens the list.
    dash_duo.driver.refresh()
    dash_duo.wait_for_element("#network canvas", timeout=30)
    dash_duo.find_element("body").send_keys("p")
    assert not _presenting(dash_duo)
    dash_duo.find_element("#keys-open").click()
    dash_duo.wait_for_element("#keys-dialog:not([hidden])", timeout=5)
    _tab_to(dash_duo, lambda e: "check" in e["cls"].split(), most=5)
    ActionChains(dash_duo.driver).send_keys(Keys.SPACE, Keys.ESCAPE).perform()
    dash_duo.find_element("body").send_keys("p")
    dash_duo.wait_for_element("#page.present", timeout=5)


def test_shortcuts_never_fire_while_typing(dash_duo, soviet):
    open_page(dash_duo, soviet, "/?date=1927-11-15")
    box = dash_duo.find_element("#search-box")
    box.send_keys("p?b")
    assert not _presenting(dash_duo)
    assert dash_duo.driver.execute_script("return document.getElementById('keys-dialog').hidden")


def test_focus_stays_on_a_control_through_modes_and_datasets(dash_duo, soviet):
    open_page(dash_duo, soviet, "/scene/1")
    dash_duo.wait_for_element("#page.present", timeout=10)
    dash_duo.wait_for_contains_text("#scene-progress", "1 /", timeout=10)
    until(lambda: _active(dash_duo)["id"] == "scene-next")
    ActionChains(dash_duo.driver).send_keys(Keys.ARROW_RIGHT).perform()
    dash_duo.wait_for_contains_text("#scene-progress", "2 /", timeout=10)
    until(lambda: _active(dash_duo)["id"] == "scene-next")
    ActionChains(dash_duo.driver).send_keys(Keys.ESCAPE).perform()
    dash_duo.wait_for_no_elements("#page.present", timeout=10)
    assert _active(dash_duo)["id"] in ("scene-next", "present-toggle")
    # The dataset switch: the new dataset's page keeps the focus on it.
    _tab_to(dash_duo, lambda e: e["id"] == "dataset")
    ActionChains(dash_duo.driver).send_keys(Keys.ENTER).perform()
    dash_duo.wait_for_element("[role=option]", timeout=5)
    options = dash_duo.driver.find_elements("css selector", "[role=option]")
    [o for o in options if "Finnish" in o.text or "university" in o.text.lower()][0].click()
    until(lambda: "finnish" in dash_duo.driver.current_url, 30)
    dash_duo.wait_for_element("#network canvas", timeout=30)
    until(lambda: _active(dash_duo)["id"] == "dataset")
