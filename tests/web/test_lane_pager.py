"""A dataset with more lanes than are drawn at once: the pager shows the next lanes and the URL keeps them."""
import pytest
from pages import until

from bench.synth import generate
from dashboard.core.build import build
from dashboard.views.timeline import MAX_LANES
from dashboard.web.factory import create_app

pytestmark = pytest.mark.browser


def _lanes(dash_duo) -> list[str]:
    return dash_duo.driver.execute_script(
        "return document.querySelector('#timeline .js-plotly-plot').layout.yaxis.categoryarray")


def test_lane_pager_pages_the_timeline_and_the_url(dash_duo, tmp_path):
    folder = tmp_path / "big"
    generate(folder, 10)  # 80 offices: two pages of lanes
    assert not build(folder).errors
    dash_duo.start_server(create_app(folder))
    dash_duo.wait_for_element("#timeline .js-plotly-plot .bars .point", timeout=30)
    first = _lanes(dash_duo)
    assert 1 < len(first) <= MAX_LANES + 1  # + the events lane
    dash_duo.wait_for_contains_text("#lane-pager", f"Lanes 1–{MAX_LANES} of 80", timeout=10)
    dash_duo.select_dcc_dropdown("#lane-page", index=1)
    dash_duo.wait_for_contains_text("#lane-pager", f"Lanes {MAX_LANES + 1}–80 of 80", timeout=10)
    second = until(lambda: (lambda lanes: lanes if lanes != first else None)(_lanes(dash_duo)), 15,
                   "the lanes did not change")
    assert second != first and not set(second) & set(first) - {"Events"}
    assert "lp=2" in dash_duo.driver.current_url
    # The URL restores the page.
    dash_duo.driver.get(dash_duo.driver.current_url)
    dash_duo.wait_for_element("#timeline .js-plotly-plot .bars .point", timeout=30)
    dash_duo.wait_for_contains_text("#lane-pager", f"Lanes {MAX_LANES + 1}–80 of 80", timeout=10)
    assert [e for e in dash_duo.get_logs() or [] if e["level"] == "SEVERE"] == []
