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
