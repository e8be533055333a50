"""The end of docs/import.md in a browser: a package imported from a saved Wikidata result opens in the
dashboard and its timeline draws every tenure."""
import csv

import pytest

from conftest import FIXTURES
from dashboard.cli import main
from dashboard.web.factory import create_app

pytestmark = pytest.mark.browser

BARS = """
const gd = document.querySelector('#timeline .js-plotly-plot');
return gd.data.filter(t => t.type === 'bar').flatMap(t => t.customdata.map(c => c[0]));
"""


def test_imported_tenures_are_on_the_timeline(dash_duo, tmp_path, capsys):
    out = tmp_path / "datasets" / "ruritania"
    assert main(["import-wikidata", str(FIXTURES / "wikidata" / "prime-ministers.json"), "--out", str(out),
                 "--title", "Prime ministers of Ruritania", "--compare",
                 str(FIXTURES / "wikidata" / "other-list.csv")]) == 0
    capsys.readouterr()
    with open(out / "tenures.csv", newline="", encoding="utf-8") as fh:
        tenures = {r["tenure_id"] for r in csv.DictReader(fh)}
    dash_duo.start_server(create_app(out, out.parent))
    dash_duo.wait_for_element("#timeline .js-plotly-plot .bars", timeout=30)
    assert dash_duo.find_element("#title").text == "Prime ministers of Ruritania"
    assert set(dash_duo.driver.execute_script(BARS)) == tenures
    assert "Prime Minister of Ruritania" in dash_duo.find_element("#timeline").text
    dash_duo.wait_for_element("#network canvas", timeout=20)
    kinds = dash_duo.driver.execute_script(
        "return document.getElementById('network')._cyreg.cy.edges().map(e => e.data('kind'))")
    assert kinds and set(kinds) == {"succession"}
