import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import FIXTURES
from dashboard.web import page
from dashboard.web.factory import create_app
from dashboard.web.state import ViewState, parse, url_defaults

KNOWN = {"people": {"stalin", "trotsky"}, "organisations": {"Party"}, "groups": {"left-opposition"}}


def test_round_trip():
    state = ViewState(date="1927-11-15", start="1924", end="1929", sel="trotsky", lanes="person",
                      colour="faction", orgs=["Party"], rels=["alliance", "rivalry"], layers=["political", "personal"],
                      everyone=True, lp=3)
    parsed, notices = parse(dict(p.split("=") for p in state.query().replace("%2C", ",").split("&")), [], KNOWN)
    assert parsed == state and notices == []


def test_defaults_leave_an_empty_query():
    assert ViewState().query() == ""


def test_bad_values_fall_back_with_notices():
    state, notices = parse({"date": "1927-13-45", "lanes": "sideways", "sel": "napoleon", "rels": "alliance,love",
                            "dataset": "nope", "start": "1930", "end": "1920", "lp": "0"}, ["soviet"], KNOWN)
    assert state == ViewState(rels=["alliance"])
    assert notices == [
        "Unknown dataset 'nope': showing the default one.",
        "Ignored 'date=1927-13-45': not a date (write it like 1927-11-15, 1927-11 or 1927).",
        "Ignored the timeline window: it ends before it starts.",
        "Ignored 'lanes=sideways': use one of office, person.",
        "Unknown person 'napoleon': nothing selected.",
        "Ignored unknown rels: love.",
        "Ignored 'lp=0': the page of lanes is a number from 1.",
    ]


@settings(max_examples=300)
@given(st.dictionaries(st.sampled_from(["date", "start", "end", "sel", "lanes", "colour", "orgs", "kinds", "groups",
                                        "rels", "layers", "everyone", "present", "dataset", "lp", "junk"]),
                       st.text(max_size=300)))
def test_any_query_parses_without_raising(args):
    state, notices = parse(args, ["soviet"], KNOWN)
    assert isinstance(state, ViewState) and all(isinstance(n, str) for n in notices)


@pytest.mark.parametrize("args, notice", [
    ({"lp": "²"}, "Ignored 'lp=²': the page of lanes is a number from 1."),  # "²".isdigit() is true
    ({"lp": "١٩"}, "Ignored 'lp=١٩': the page of lanes is a number from 1."),  # int() would read it as 19
    ({"date": "١٩٢٧"}, "Ignored 'date=١٩٢٧': not a date (write it like 1927-11-15, 1927-11 or 1927)."),
    ({"date": "../1985-04-12"}, "Ignored 'date=../1985-04-12': not a date (write it like 1927-11-15, 1927-11 or 1927)."),
    ({"start": "1985-04/.."}, "Ignored 'start=1985-04/..': not a date (write it like 1927-11-15, 1927-11 or 1927)."),
    ({"date": "Y-170000002"}, "Ignored 'date=Y-170000002': not a date (write it like 1927-11-15, 1927-11 or 1927)."),
    ({"date": "1964/2008"}, "Ignored 'date=1964/2008': not one date (write it like 1927-11-15, 1927-11 or 1927)."),
    ({"end": "[1667,1668]"}, "Ignored 'end=[1667,1668]': not one date (write it like 1927-11-15, 1927-11 or 1927)."),
])
def test_hostile_dates_and_digits_fall_back_with_a_notice(args, notice):
    state, notices = parse(args, [], KNOWN)
    assert notices == [notice] and state == ViewState()


@pytest.mark.parametrize("value", ["-0043-03-15", "0000", "-9999", "9999-12-31", "2001-21", "192X"])
def test_any_year_is_a_date_in_the_url(value):
    state, notices = parse({"date": value, "start": value, "end": value}, [], KNOWN)
    assert notices == [] and state.date == state.start == state.end == value


def test_url_defaults_are_what_a_page_shows_for_an_empty_query():
    # The browser leaves these values out of the URL it writes (assets/url_state.js).
    create_app(FIXTURES / "mini", FIXTURES)
    shown = {c.id: c.value for c in page.render({})._traverse() if getattr(c, "id", None) in ("lanes", "colour", "layers")}
    assert shown == url_defaults()
