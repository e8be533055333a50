"""The table view and the JSON API agree: at five dates of each bundled dataset the table lists
the same offices and relations, with the same status, as GET /api/state."""
import json
import urllib.request

import pytest
from selenium.webdriver.common.keys import Keys

from conftest import ROOT
from dashboard.web.factory import create_app

pytestmark = [pytest.mark.browser, pytest.mark.dataset]
DATES = {
    "soviet": ["1917-11-20", "1922-06-01", "1927-11-15", "1937-01-01", "1953-06-01"],
    "finnish-university-reform": ["1968-11-30", "1969-06-01", "1970-02-11", "1972-12-31", "1977-06-01"],
}
# Every row of both tables with its status (rows listed apart, "possibly still in force", are uncertain).
READ = """
const rows = sel => [...document.querySelectorAll(sel + ' tr:not(.apart)')].map(tr => {
  const c = [...tr.children].map(td => td.textContent);
  return [c[0], c[1], c[2], tr.classList.contains('uncertain') ? 'uncertain' : 'in force'];
});
return JSON.stringify({offices: rows('#table-offices'), relations: rows('#table-relations')});
"""


def _api(base: str, name: str, date: str) -> dict:
    with urllib.request.urlopen(f"{base}/api/state?dataset={name}&date={date}") as r:
        state = json.load(r)
    return {"offices": sorted([o["title"], o["name"], o["status"]] for o in state["offices"]),
            # The table names a relation in its row's button: "A — B: kind".
            "relations": sorted([f"{r['a_name']} — {r['b_name']}: {r['kind']}", r["status"]]
                                for r in state["relations"])}


@pytest.mark.parametrize("name", list(DATES))
def test_table_view_and_api_agree(dash_duo, name):
    dash_duo.start_server(create_app(ROOT / "data" / "soviet", ROOT / "data"))
    dash_duo.driver.get(f"{dash_duo.server_url}/?dataset={name}&date={DATES[name][0]}")
    dash_duo.wait_for_element("#network canvas", timeout=30)
    dash_duo.find_element("#table-toggle").click()
    for date in DATES[name]:
        box = dash_duo.find_element("#date-input")
        box.send_keys(Keys.CONTROL, "a")
        box.send_keys(date, Keys.ENTER)
        label = dash_duo.driver.execute_script(
            "return new Date(arguments[0]).toLocaleDateString('en-GB', "
            "{day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC'})", date)
        dash_duo.wait_for_contains_text("#table-caption", label.replace("Sept", "Sep"), timeout=10)
        seen = json.loads(dash_duo.driver.execute_script(READ))
        table = {"offices": sorted([t, n, s] for t, n, _, s in seen["offices"]),
                 "relations": sorted([r, s] for r, _, _, s in seen["relations"])}
        api = _api(dash_duo.server_url, name, date)
        assert table == api, date
        assert api["offices"] or api["relations"], date  # a date with nothing in force would prove nothing
