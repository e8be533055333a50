"""Every date `check` accepts builds and displays: each form of the specification, in a real package."""
import csv

import pytest

from dashboard.cli import main
from dashboard.core.build import load
from dashboard.core.dates import parse
from dashboard.views import detail, state, timeline

# One of each kind a cell can hold: plain, qualified, qualified parts, X digits, seasons, intervals, sets, BCE.
NEW_STYLE = ["1927-11-15", "1927-11~", "1927?", "192X", "19XX", "1927-XX", "1927-11-XX", "192X-11-15", "1X27",
             "2004?-06-11", "?2004-06-~11", "1950S2", "1927-21", "1927-24", "1927-34", "1927-41",
             "1924/1927", "1924-06~/1927?", "[1925,1926,1928..1930]", "{1925,1927-11}", "1927-11-15T10:00:00Z",
             "-0043-03-13", "0000", "-0499~", "-1XXX"]
OLD_STYLE = ["1917-11-02", "1917-10", "1917~", "1917-10-25~", "-0043-03-15", "1066-10-14", "[1905,1906]", "1917-21"]


def _set_event_date(folder, date: str, date_os: str = "") -> None:
    path = folder / "events.csv"
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    i, j = rows[0].index("date"), rows[0].index("date_os")
    row = next(r for r in rows[1:] if r[0] == "trotsky-expelled-1927")
    row[i], row[j] = date, date_os
    with open(path, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh, lineterminator="\r\n").writerows(rows)


@pytest.mark.parametrize("ns, os", [(v, "") for v in NEW_STYLE] + [("", v) for v in OLD_STYLE])
def test_every_accepted_date_builds_and_displays(mini, capsys, ns, os):
    _set_event_date(mini, ns, os)
    assert main(["check", str(mini)]) == 0, capsys.readouterr().out
    assert main(["build", str(mini)]) == 0
    ds = load(mini)
    ev = ds["events"].set_index("event_id").loc["trotsky-expelled-1927"]
    assert ev["date_lo"] <= ev["date_hi"] and ev["date_label"]
    if ns:
        assert ev["date_label"] == parse(ns).label
    fig = timeline.figure(ds)
    events = next(t for t in fig.data if (t.meta or {}).get("role") == "events")
    assert len(events.x) == len(ds["events"])
    assert fig.layout.xaxis.type == ("linear" if ev["date_lo"] < -719162 else "date")
    assert state.at(ds, int(ev["date_lo"]))["day"] == int(ev["date_lo"])
    assert detail.panel(ds, "event", "trotsky-expelled-1927")
