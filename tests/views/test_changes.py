"""What changed between two days (views/changes.py), on the medium fixture, whose answers are known:
Vera breaks with Boris in September 1925 (the alliance is superseded by the rivalry), Gleb takes the chair
the day after Boris leaves it, Boris dies on 15 March 1937."""
import pytest

from conftest import FIXTURES
from dashboard.core.build import load
from dashboard.core.dates import resolve
from dashboard.views import changes


@pytest.fixture(scope="module")
def medium():
    return load(FIXTURES / "medium")


def _ids(found, side):
    return [(i["table"], i["id"], i["end_rule"]) for i in found[side]]


def _between(ds, a, b):
    return changes.between(ds, resolve(a).lo, resolve(b).lo)


def test_a_rivalry_supersedes_an_alliance(medium):
    found = _between(medium, "1925-06-01", "1925-12-31")
    assert ("relations", "boris-vera-rivalry", "source") in _ids(found, "began")
    assert ("relations", "boris-vera-alliance", "superseded") in _ids(found, "ended")
    ended = next(i for i in found["ended"] if i["id"] == "boris-vera-alliance")
    assert "superseded by the rivalry from Sep 1925" in ended["how"]


def test_a_successor_takes_the_office(medium):
    found = _between(medium, "1930-01-01", "1930-12-31")
    assert ("offices", "gleb-chair", "last attested") in _ids(found, "began")
    assert ("offices", "boris-chair", "source") in _ids(found, "ended")
    assert [i["date"] for i in found["ended"] if i["id"] == "boris-chair"] == ["1930-02-01"]
    assert found["from"] == "1930-01-01" and found["to"] == "1930-12-31"


def test_a_death_and_what_it_ends(medium):
    found = _between(medium, "1937-01-01", "1937-12-31")
    assert ("people", "boris", "death") in _ids(found, "ended")
    death = next(i for i in found["ended"] if i["table"] == "people")
    assert death["description"] == "Death of Boris Belov" and death["date"] == "1937-03-15"
    # Nothing begins that the sources do not date.
    assert all(i["table"] != "people" for i in found["began"])


def test_a_row_nobody_ends_goes_when_the_views_stop_drawing_it(medium):
    # The repression has no end: last attested November 1936, gone two years later, not on its first day.
    soon = _between(medium, "1936-11-01", "1936-12-31")
    assert [i["id"] for i in soon["began"]] == ["gleb-boris-repression"]
    assert "gleb-boris-repression" not in [i["id"] for i in soon["ended"]]


def test_going_back_swaps_the_two_lists(medium):
    forward = _between(medium, "1925-06-01", "1925-12-31")
    back = _between(medium, "1925-12-31", "1925-06-01")
    assert back["began"] == forward["ended"] and back["ended"] == forward["began"]
    assert _between(medium, "1925-06-01", "1925-06-01")["began"] == []


def test_each_item_says_what_when_and_whom(medium):
    found = _between(medium, "1918-06-01", "1921-01-01")
    left = next(i for i in found["ended"] if i["id"] == "dina-right")
    assert left == {"table": "memberships", "id": "dina-right", "date": "1920-12-30", "day": resolve("1920-12-30").lo,
                    "description": "Dina Dorina in Right faction", "held": "1918 – ?", "end_rule": "last attested",
                    "how": "No end recorded: last attested 31 Dec 1918; uncertain until 30 Dec 1920, then not shown.",
                    "pick": "group:right", "people": ["dina"]}
    death = next(i for i in found["ended"] if i["table"] == "people")
    assert death == {"table": "people", "id": "arkady", "date": "1920-05-10", "day": resolve("1920-05-10").lo,
                     "description": "Death of Arkady Antonov", "held": "10 May 1920", "end_rule": "death", "how": "",
                     "pick": "person:arkady", "people": ["arkady"]}
    # A source ends Dina's Left membership on 1 Jan 1918: on that day, not when its uncertain margin would run out.
    assert [i["date"] for i in _between(medium, "1917-06-01", "1919-06-01")["ended"] if i["id"] == "dina-left"] == [
        "1918-01-01"]


def test_a_change_on_the_first_or_last_day_counts_on_one_side_only(medium):
    # Boris leaves the chair on 1 Feb 1930 (his last day), Gleb takes it on 2 Feb, Arkady died on 10 May 1920.
    left, taken, died = resolve("1930-02-01").lo, resolve("1930-02-02").lo, resolve("1920-05-10").lo
    assert "boris-chair" in [i["id"] for i in changes.between(medium, left, left + 10)["ended"]]
    assert "boris-chair" not in [i["id"] for i in changes.between(medium, left - 10, left)["ended"]]
    assert "gleb-chair" not in [i["id"] for i in changes.between(medium, taken, taken + 10)["began"]]
    assert "gleb-chair" in [i["id"] for i in changes.between(medium, taken - 10, taken)["began"]]
    assert "arkady" in [i["id"] for i in changes.between(medium, died, died + 1)["ended"]]
    assert "arkady" not in [i["id"] for i in changes.between(medium, died - 1, died)["ended"]]


def test_the_lists_are_in_date_order(medium):
    found = _between(medium, "1900-01-01", "1940-01-01")
    for side in ("began", "ended"):
        assert len(found[side]) > 5
        assert [i["day"] for i in found[side]] == sorted(i["day"] for i in found[side])
