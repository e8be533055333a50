"""Dates in the browser: a record before year 1 gets readable ticks that follow the zoom, and hostile dates in
the URL never leave the page on "Loading" nor answer 5xx."""
import time
import urllib.parse

import pytest
from pages import until

from conftest import FIXTURES
from dashboard.core.days import from_gregorian as D
from dashboard.web.factory import create_app

pytestmark = pytest.mark.browser

TICKS = "return Array.from(document.querySelectorAll('{} .xtick text')).map(t => t.textContent)"
LANES = "document.querySelector('#timeline .js-plotly-plot')"
# Every request the page made, with its HTTP status (Chromium's resource timing).
STATUSES = ("return performance.getEntriesByType('resource').filter(e => e.name.indexOf('/_dash-') >= 0 || "
            "e.name.indexOf('/api/') >= 0).map(e => [e.name, e.responseStatus])")


@pytest.fixture
def ancient():
    return create_app(FIXTURES / "ancient", FIXTURES)


def _ticks(dash_duo, where: str) -> list[str]:
    return dash_duo.driver.execute_script(TICKS.format(where))


def _wait_for_ticks(dash_duo, where: str, check, timeout: float = 10) -> list[str]:
    def why() -> str:
        state = dash_duo.driver.execute_script(
            f"return [{LANES}.layout.xaxis.range, document.querySelector('#timeline-axis .js-plotly-plot').layout.xaxis,"
            " location.search]")
        return f"{where} ticks: {_ticks(dash_duo, where)}; {state}"

    return until(lambda: (lambda ticks: ticks if ticks and check(ticks) else None)(_ticks(dash_duo, where)),
                 timeout, why)


def _settle(dash_duo, quiet: float = 1.0, timeout: float = 10) -> None:
    """Wait until the page has sent no callback for `quiet` seconds (the first draw's autosize included: a zoom
    before it is overtaken by it)."""
    count = "return performance.getEntriesByType('resource').filter(e => e.name.indexOf('_dash-update') >= 0).length"
    seen = {"n": -1, "since": time.monotonic()}

    def quiet_for() -> bool:
        n = dash_duo.driver.execute_script(count)
        if n != seen["n"]:
            seen.update(n=n, since=time.monotonic())
        return time.monotonic() - seen["since"] >= quiet

    until(quiet_for, timeout, f"callbacks still being sent after {timeout} s")


def test_a_record_before_year_1_has_readable_ticks_that_follow_the_zoom(dash_duo, ancient):
    dash_duo.start_server(ancient)
    dash_duo.driver.get(dash_duo.server_url + "/?start=-0050&end=-0040")
    dash_duo.wait_for_element("#timeline .js-plotly-plot .bars", timeout=20)
    # The sticky axis above the lanes reads as historians count: no year zero, no 1970, no "-0049".
    expected = ["50 BCE", "48 BCE", "46 BCE", "44 BCE", "42 BCE", "40 BCE"]
    assert _wait_for_ticks(dash_duo, "#timeline-axis", lambda t: t == expected) == expected
    assert dash_duo.driver.execute_script(f"return {LANES}.layout.xaxis.type") == "linear"
    _settle(dash_duo)
    # Zoom into the spring of 44 BCE (the lanes count day numbers): months, then days.
    dash_duo.driver.execute_script(f"Plotly.relayout({LANES}, {{'xaxis.range[0]': {D(-43, 3, 1)}, "
                                   f"'xaxis.range[1]': {D(-43, 5, 20)}}})")
    months = _wait_for_ticks(dash_duo, "#timeline-axis", lambda t: t[0].startswith("Mar"))
    assert months == ["Mar 44 BCE", "Apr 44 BCE", "May 44 BCE"]
    dash_duo.driver.execute_script(f"Plotly.relayout({LANES}, {{'xaxis.range[0]': {D(-43, 3, 10)}, "
                                   f"'xaxis.range[1]': {D(-43, 3, 20)}}})")
    days = _wait_for_ticks(dash_duo, "#timeline-axis", lambda t: "Mar 44 BCE" in t[0] and t[0][0].isdigit())
    assert "15 Mar 44 BCE" in days
    # The lanes carry the same ticks (shown on a slide), and nothing failed on the way.
    assert set(days) <= set(dash_duo.driver.execute_script(f"return {LANES}.layout.xaxis.ticktext"))
    assert all(status < 500 for _, status in dash_duo.driver.execute_script(STATUSES))
    assert [e for e in dash_duo.get_logs() or [] if e["level"] == "SEVERE"] == []


def test_a_scene_before_year_1_is_drawn_on_the_day_axis(dash_duo, ancient):
    dash_duo.start_server(ancient)
    dash_duo.driver.get(dash_duo.server_url + "/scene/1")
    dash_duo.wait_for_element("#timeline .js-plotly-plot .bars", timeout=20)
    ticks = _wait_for_ticks(dash_duo, "#timeline", lambda t: len(t) >= 2)
    assert all(t.endswith(("BCE", "CE")) for t in ticks), ticks


HOSTILE = [
    "date=../1985-04-12", "date=1985-04/..", "date=1985-04-12/", "start=../1920&end=1925", "date=99999",
    "date=Y-170000002", "date=-99999-01-01", "date=%C2%B2", "date=%D9%A1%D9%A9%D9%A2%D9%A7", "date=1927-%D9%A1%D9%A1",
    "lp=%C2%B2", "date=&start=&end=", "date=--", "date=1927--15", "start=1927&end=", "date=1964/2008",
    "date=[..1760-12-03]", "date=%00", "dataset=ancient&date=-0043-03-15&start=-9999&end=9999",
]


def test_hostile_dates_in_the_url_fall_back_with_a_notice(dash_duo):
    dash_duo.start_server(create_app(FIXTURES / "mini", FIXTURES))
    for query in HOSTILE:
        dash_duo.driver.get(dash_duo.server_url + "/?" + query)
        until(lambda: dash_duo.driver.find_elements("css selector", "#timeline .js-plotly-plot, #notices p"), 10,
              lambda q=query: f"stuck on {dash_duo.find_element('#content').text[:80]!r} for {q}")
        assert "Loading the dashboard" not in dash_duo.find_element("#content").text, query
        bad = [(url, s) for url, s in dash_duo.driver.execute_script(STATUSES) if s >= 500]
        assert bad == [], (query, bad)
        value = urllib.parse.parse_qs(query).get("date", [""])[0]
        if value and value not in ("-0043-03-15",):
            notices = dash_duo.find_element("#notices").text
            assert f"Ignored 'date={value}'" in notices or "too long" in notices, (query, notices)
    # The API answers the same dates with a 400 and what to write instead.
    for query in HOSTILE[:10]:
        status, body = dash_duo.driver.execute_async_script(
            "const done = arguments[1]; fetch('/api/state?' + arguments[0]).then(r => r.json().then(j => "
            "done([r.status, j])));", query)
        assert status == 400 and "write it as an EDTF day, month or year" in body["error"], (query, body)
