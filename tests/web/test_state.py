from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.web.state import ViewState, parse

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
