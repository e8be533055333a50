"""The views on both bundled datasets: the page loads clean, the cursor changes the network,
a bar opens its quote, a search finds a variant spelling, and the exports produce files."""
import pytest
from pages import until, wait_for_day
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import ROOT
from dashboard.web.factory import create_app

pytestmark = [pytest.mark.browser, pytest.mark.dataset]
CY = "return document.getElementById('network')._cyreg.cy"
CASES = {
    # dataset: (two dates with different networks, a variant spelling, the person it finds)
    "soviet": (("1923-06-01", "1937-06-01"), "bronshtein", "Leon Trotsky"),
    "finnish-university-reform": (("1968-11-15", "1975-06-01"), "kekkonen", "Urho Kekkonen"),
}


@pytest.mark.parametrize("name", list(CASES))
def test_views_on_dataset(dash_duo, name, tmp_path):
    (first, second), query, person = CASES[name]
    dash_duo.start_server(create_app(ROOT / "data" / name, ROOT / "data"))
    dash_duo.driver.get(f"{dash_duo.server_url}/?date={first}")
    dash_duo.wait_for_element("#timeline .js-plotly-plot .bars .point", timeout=30)
    dash_duo.wait_for_element("#network canvas", timeout=30)
    wait_for_day(dash_duo, first, timeout=20)
    visible = dash_duo.driver.execute_script(CY + ".edges(':visible').map(e => e.id()).sort()")
    box = dash_duo.find_element("#date-input")
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys(second, Keys.ENTER)
    wait_for_day(dash_duo, second, timeout=20)
    assert dash_duo.find_element("#timeline .cursor-line").get_attribute("data-date") == second
    assert dash_duo.driver.execute_script(CY + ".edges(':visible').map(e => e.id()).sort()") != visible

    bar = dash_duo.driver.find_elements(By.CSS_SELECTOR, "#timeline .bars .point path")[0]
    ActionChains(dash_duo.driver).move_to_element(bar).pause(0.3).click().perform()
    dash_duo.wait_for_element("#detail .quote", timeout=10)
    assert dash_duo.find_element("#detail .quote").text.strip()
    assert "lines" in dash_duo.find_element("#detail .source-line").text

    dash_duo.find_element("#search-box").send_keys(query)
    dash_duo.wait_for_contains_text("#search-hits", person, timeout=10)

    dash_duo.driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(tmp_path)})
    dash_duo.find_element(".export summary").click()
    dash_duo.find_element("#export-timeline-png").click()
    dash_duo.find_element("#export-network-png").click()
    until(lambda: len([p for p in tmp_path.iterdir() if p.suffix == ".png"]) >= 2, 20, "two PNGs not downloaded")
    pngs = [p for p in tmp_path.iterdir() if p.suffix == ".png"]
    assert len(pngs) == 2 and all(p.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" for p in pngs)
    assert [e for e in dash_duo.get_logs() or [] if e["level"] == "SEVERE"] == []
