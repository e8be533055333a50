"""Hostile URLs in a real browser: every key the page reads from its URL (web/state.py, ViewState) and the
paths it routes (`/scene/N`, anything else), with values that are scripts, traversals, NULs, Unicode digits,
formulas, over-long or malformed. Each page must draw the dashboard within 10 s, never stay on "Loading",
answer no request with a 5xx, and say what it ignored (the keys that take a bad value quietly, the on/off
switches, must still draw). One browser session for all of them; tests/web/test_hostile.py fuzzes the same
keys without a browser."""
import dataclasses
import urllib.parse

import pytest
from pages import until

from conftest import FIXTURES
from dashboard.web.factory import create_app
from dashboard.web.state import MAX_PARAM, ViewState

pytestmark = pytest.mark.browser

KEYS = [f.name for f in dataclasses.fields(ViewState)]
VALUES = ["<script>alert(1)</script>", "../../etc/passwd", "\x00", "²", "Троцкий", "javascript:alert(1)",
          "{{7*7}}", "\u202e1927", "' OR 1=1 --", "=HYPERLINK(\"http://x\")", "-1", "1e309"]
# What the page says about a bad value of each key ({v}: the value); None: an on/off switch, which is off
# unless it is 1 or true, and says nothing.
NOTICE = {
    "dataset": "Unknown dataset '{v}'", "date": "Ignored 'date={v}'", "start": "Ignored 'start={v}'",
    "end": "Ignored 'end={v}'", "sel": "Unknown person '{v}'", "to": "Unknown person 'to={v}'",
    "lanes": "Ignored 'lanes={v}'", "colour": "Ignored 'colour={v}'", "ego": "Ignored 'ego={v}'",
    "orgs": "Ignored unknown orgs", "kinds": "Ignored unknown kinds", "groups": "Ignored unknown groups",
    "rels": "Ignored unknown rels", "layers": "Ignored unknown layers", "lp": "Ignored 'lp={v}'",
    "present": None, "everyone": None, "whole": None,
}
NO_PAGE = "There is no such page here"
# Every request the page made that reached the app, with its HTTP status (Chromium's resource timing).
STATUSES = "return performance.getEntriesByType('resource').map(e => [e.name, e.responseStatus])"
DRAWN = "#timeline .js-plotly-plot .bars"


def _cases() -> list[tuple[str, list[str]]]:
    """(path and query, notices that must show)."""
    out = []
    for i, key in enumerate(KEYS):
        # A second value for the keys the page parses (dates, numbers, ids); one for the others.
        twice = key in ("dataset", "date", "start", "end", "sel", "to", "lp")
        for value in (VALUES[i % len(VALUES)], VALUES[(i + 5) % len(VALUES)])[:2 if twice else 1]:
            expected = NOTICE[key]
            out.append((f"/?{urllib.parse.urlencode({key: value})}",
                        [expected.format(v=value.strip())] if expected else []))
    long = "9" * (MAX_PARAM + 1)
    out.append(("/?" + "&".join(f"{k}={long}" for k in KEYS), [f"Ignored '{k}': the value is too long." for k in KEYS]))
    out.append(("/?" + urllib.parse.urlencode({k: VALUES[0] for k in KEYS}), ["Ignored 'date=<script>"]))
    out += [
        ("/?date=%", []), ("/?date=%zz&lp=%ff%fe", []), ("/?%00=1&date", []), ("/?&&&=&=&date==", []),
        ("/?date=1924-06-01&date=<script>", []), ("/?sel=stalin&to=stalin&ego=2", []),
        ("/?start=1929&end=1917", ["Ignored the timeline window: it ends before it starts."]),
        ("/scene/0", []), ("/scene/99999999999999999999", [NO_PAGE]), ("/scene/%C2%B2", [NO_PAGE]),
        ("/scene/x", [NO_PAGE]), ("/scene/1/2", [NO_PAGE]), ("/zz%3Cscript%3E", [NO_PAGE]),
        ("/..%2f..%2fetc%2fpasswd", [NO_PAGE]), ("/scene/2?date=<script>&present=0", []),
    ]
    return out


CASES = _cases()


def test_the_cases_cover_every_url_key():
    assert set(NOTICE) == set(KEYS), "a new ViewState key needs its notice here"
    assert len(CASES) >= 40
    covered = {k for url, _ in CASES for k in urllib.parse.parse_qs(urllib.parse.urlsplit(url).query)}
    assert set(KEYS) <= covered


def test_hostile_urls_draw_the_dashboard_or_say_why(dash_duo):
    dash_duo.start_server(create_app(FIXTURES / "mini", FIXTURES))
    driver = dash_duo.driver
    for url, notices in CASES:
        driver.get(dash_duo.server_url + url)
        until(lambda: driver.find_elements("css selector", f"{DRAWN}, .error-page"), 10,
              lambda u=url: f"not drawn in 10 s: {u} shows {dash_duo.find_element('#content').text[:120]!r}")
        content = dash_duo.find_element("#content").text
        assert "Loading the dashboard" not in content, url
        assert driver.find_elements("css selector", DRAWN), (url, content[:200])
        shown = dash_duo.find_element("#notices").text
        for notice in notices:
            assert notice in shown, (url, notice, shown)
        bad = [(u, s) for u, s in driver.execute_script(STATUSES) if s >= 500]
        assert bad == [], (url, bad)
    assert [e for e in dash_duo.get_logs() or [] if e["level"] == "SEVERE"] == []
