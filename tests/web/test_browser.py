"""One focused browser test per behaviour, on the mini fixture and on the bundled datasets."""
import urllib.parse

import pytest
from pages import until, wait_for_day
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import FIXTURES
from dashboard.web.factory import create_app

pytestmark = pytest.mark.browser

CY = "return document.getElementById('network')._cyreg.cy"
# Whether a person or a tie is drawn: cytoscape holds only what is drawn at the day (assets/dashboard.js).
DRAWN = CY + ".getElementById('{}'); "
DRAWN = "const e = " + DRAWN[len("return "):] + "return e.length > 0 && e.visible();"


@pytest.fixture
def app():
    return create_app(FIXTURES / "mini", FIXTURES)


def _open(dash_duo, app, query=""):
    dash_duo.start_server(app)
    if query:
        dash_duo.driver.get(dash_duo.server_url + "/?" + query)
    dash_duo.wait_for_element("#timeline .js-plotly-plot .bars", timeout=20)
    dash_duo.wait_for_element("#network canvas", timeout=20)
    dash_duo.wait_for_text_to_equal("#cursor-label", dash_duo.find_element("#cursor-label").text or "x", timeout=5)
    wait_for_day(dash_duo)


def _visible_edges(dash_duo) -> list[str]:
    return dash_duo.driver.execute_script(CY + ".edges(':visible').map(e => e.id())")


def _cursor_x(dash_duo) -> str:
    return dash_duo.find_element("#timeline .cursor-line").get_attribute("data-date")


def _type_date(dash_duo, text):
    box = dash_duo.find_element("#date-input")
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys(text, Keys.ENTER)


def test_page_loads_without_console_errors(dash_duo, app):
    """Under the Content-Security-Policy: a violation would be logged as a console error."""
    _open(dash_duo, app)
    assert dash_duo.find_element("#title").text == "Mini test dataset"
    csp = dash_duo.driver.execute_async_script(
        "const done = arguments[0]; fetch('/').then(r => done(r.headers.get('content-security-policy')));")
    assert "script-src 'self' 'sha256-" in csp
    assert [e for e in dash_duo.get_logs() or [] if e["level"] == "SEVERE"] == []


def test_cursor_moves_network_and_timeline(dash_duo, app):
    _open(dash_duo, app, "date=1924-06-01")
    before = _visible_edges(dash_duo)
    assert before == ["rel::stalin-zinoviev-alliance"]
    assert _cursor_x(dash_duo) == "1924-06-01"
    assert dash_duo.find_element("#timeline .cursor-line").is_displayed()
    _type_date(dash_duo, "1929-06-01")
    dash_duo.wait_for_text_to_equal("#cursor-label", "1 Jun 1929", timeout=5)
    wait_for_day(dash_duo, "1929-06-01")
    # The alliance (c. 1923, no end recorded) is gone two years after its last attested day.
    assert _visible_edges(dash_duo) == ["rel::stalin-trotsky-repression"]
    assert _cursor_x(dash_duo) == "1929-06-01"
    assert "date=1929-06-01" in dash_duo.driver.current_url


def test_cursor_colours_factions_and_hides_people_not_in_the_record(dash_duo, app):
    _open(dash_duo, app, "date=1922-06-01")
    node = CY + ".getElementById('{}')"
    # Trotsky has no tie and no faction in the record yet: not drawn.
    assert dash_duo.driver.execute_script(DRAWN.format("trotsky")) is False
    _type_date(dash_duo, "1925-06-01")  # Trotsky in the Left Opposition (from 1923), Lenin dead (Jan 1924)
    dash_duo.wait_for_text_to_equal("#cursor-label", "1 Jun 1925", timeout=5)
    wait_for_day(dash_duo, "1925-06-01")
    colour = node + ".style('background-color')"
    left, stalin = (dash_duo.driver.execute_script(colour.format(p)) for p in ("trotsky", "stalin"))
    assert left and stalin and left != stalin  # Stalin is in no faction of the mini dataset
    assert dash_duo.driver.execute_script(DRAWN.format("lenin")) is False
    assert dash_duo.driver.execute_script(DRAWN.format("stalin")) is True
    _type_date(dash_duo, "1922-06-01")  # and back: the classes follow the date both ways
    dash_duo.wait_for_text_to_equal("#cursor-label", "1 Jun 1922", timeout=5)
    wait_for_day(dash_duo, "1922-06-01")
    assert dash_duo.driver.execute_script(DRAWN.format("trotsky")) is False
    # Lenin is alive in 1922 but has no tie in the record then: not drawn either (network_state.js tells
    # "alone" from "gone"; the network holds neither).
    assert dash_duo.driver.execute_script(DRAWN.format("lenin")) is False
    assert dash_duo.driver.execute_script(DRAWN.format("stalin")) is True


def test_everyone_shows_the_others_faded_and_layers_show_private_ties(dash_duo):
    """Medium fixture, 1 June 1916: Dina and Gleb are cousins (a personal tie, off by default); Arkady
    (council seat last attested 1900) has no tie then, so he is drawn only when everyone is asked for."""
    dash_duo.start_server(create_app(FIXTURES / "medium", FIXTURES))
    for query, cousins, everyone in (("", False, False), ("&layers=political,personal", True, False),
                                     ("&everyone=1", False, True)):
        dash_duo.driver.get(dash_duo.server_url + "/?date=1916-06-01" + query)
        dash_duo.wait_for_element("#network canvas", timeout=20)
        dash_duo.wait_for_text_to_equal("#cursor-label", "1 Jun 1916", timeout=10)
        wait_for_day(dash_duo, "1916-06-01")
        assert dash_duo.driver.execute_script(DRAWN.format("rel::dina-gleb-family")) is cousins, query
        assert dash_duo.driver.execute_script(DRAWN.format("vera")) is True  # allied with Boris then
        assert dash_duo.driver.execute_script(DRAWN.format("dina")) is True  # in the Left faction in 1916
        assert dash_duo.driver.execute_script(DRAWN.format("arkady")) is everyone, query
        alone = dash_duo.driver.execute_script(CY + ".nodes('.alone').map(n => n.visible())")
        assert (len(alone) > 0 and all(alone)) if everyone else alone == [], query
        if everyone:  # hollow rings without names (full opacity: a faded colour would lose its contrast)
            ring = dash_duo.driver.execute_script(
                "const n = " + CY[len("return "):] + ".nodes('.alone')[0];"
                "return ['background-color', 'label', 'border-color', 'opacity'].map(k => n.style(k));")
            assert ring == ["rgb(255,255,255)", "", "rgb(118,118,118)", "1"], ring
    # The layer toggle writes the URL.
    dash_duo.find_element("#layers input[value='personal']").click()
    until(lambda: "layers=political%2Cpersonal" in dash_duo.driver.current_url or
          "layers=political,personal" in dash_duo.driver.current_url,
          message=lambda: f"the layer toggle did not write the URL: {dash_duo.driver.current_url}")


def test_clicking_a_bar_shows_its_quote(dash_duo, app):
    _open(dash_duo, app)
    bars = dash_duo.driver.find_elements(By.CSS_SELECTOR, "#timeline .bars .point path")
    assert bars
    # The Party trace comes first: its only bar is Stalin's General Secretary tenure.
    # Plotly listens on its drag layer above the bars: move there, then click.
    ActionChains(dash_duo.driver).move_to_element(bars[0]).pause(0.3).click().perform()
    dash_duo.wait_for_contains_text("#detail", "Stalin was appointed General Secretary on 3 April 1922.", timeout=10)
    assert "Test chronicle" in dash_duo.find_element("#detail").text


def test_url_restores_state(dash_duo, app):
    query = urllib.parse.urlencode({"date": "1927-11-15", "lanes": "person", "sel": "trotsky", "rels": "repression"})
    _open(dash_duo, app, query)
    assert dash_duo.find_element("#date-input").get_attribute("value") == "1927-11-15"
    assert dash_duo.find_element("#lanes input[value='person']").is_selected()
    dash_duo.wait_for_contains_text("#detail", "Leon Trotsky", timeout=5)
    lanes = dash_duo.driver.execute_script(
        "return document.querySelector('#timeline .js-plotly-plot').layout.yaxis.categoryarray")
    assert "Leon Trotsky" in lanes
    # The relation filter: the page's elements (drawn at the day or not) keep only the repression.
    kinds = "return window.networkElements.all().filter(e => e.data.source).map(e => e.data.kind)"
    assert dash_duo.driver.execute_script(kinds) == ["repression"]


def test_bad_url_falls_back_with_notice(dash_duo, app):
    _open(dash_duo, app, "date=not-a-date&lanes=%3Cscript%3E")
    text = dash_duo.find_element("#notices").text
    assert "Ignored 'date=not-a-date'" in text and "Ignored 'lanes=<script>'" in text


def test_search_finds_variant_spelling(dash_duo, app):
    _open(dash_duo, app)
    box = dash_duo.find_element("#search-box")
    box.send_keys("bronstein")
    dash_duo.wait_for_contains_text("#search-hits", "Leon Trotsky", timeout=10)
    dash_duo.find_element("#search-hits button").click()
    dash_duo.wait_for_contains_text("#detail", "Bronstein", timeout=10)


def test_table_view_lists_the_state_at_the_cursor(dash_duo, app):
    _open(dash_duo, app, "date=1923-05-01")
    assert not dash_duo.find_element("#table-body").is_displayed()
    dash_duo.find_element("#table-toggle").click()
    dash_duo.wait_for_contains_text("#table-offices", "General Secretary", timeout=5)
    rows = dash_duo.find_element("#table-offices").text
    assert "Joseph Stalin" in rows and "Vladimir Lenin" in rows and "Leon Trotsky" not in rows
    assert dash_duo.find_element("#table-caption").text == "The state on 1 May 1923"
    _type_date(dash_duo, "1917-12-01")
    dash_duo.wait_for_contains_text("#table-offices", "Leon Trotsky", timeout=5)
    assert dash_duo.find_element("#table-toggle").get_attribute("aria-expanded") == "true"
