"""The validity model on the medium fixture, whose answers are known by construction
(tests/fixtures/make_medium.py tells the story), plus properties on every dataset."""
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import FIXTURES, ROOT
from dashboard.core import validity
from dashboard.core.build import load
from dashboard.core.days import NEVER
from dashboard.core.days import from_gregorian as D
from dashboard.core.validity import MARGIN
from dashboard.views import state

DATASETS = [FIXTURES / "mini", FIXTURES / "medium", FIXTURES / "ancient", ROOT / "data" / "soviet",
            ROOT / "data" / "finnish-university-reform"]


@pytest.fixture(scope="module")
def ds():
    return load(FIXTURES / "medium")


def span(ds, table, rid):
    f = ds[table].set_index(validity.KEYS[table])
    r = f.loc[rid]
    return (int(r.v_lo), int(r.v_start), int(r.v_end), int(r.v_hi)), r.end_rule, r.end_by


def test_the_committed_medium_fixture_is_what_the_script_writes(tmp_path):
    from fixtures.make_medium import build
    build(tmp_path / "medium", tmp_path)
    for p in sorted((tmp_path / "medium").iterdir()):
        assert p.read_text(encoding="utf-8") == (FIXTURES / "medium" / p.name).read_text(encoding="utf-8"), p.name


def test_death_ends_what_has_no_end(ds):
    # Chairman from 28 Dec 1904 O.S. (10 Jan 1905 N.S.), no end recorded; died 10 May 1920.
    assert span(ds, "tenures", "arkady-chair") == ((D(1905, 1, 10),) * 2 + (D(1920, 5, 10),) * 2, "death", "arkady")
    # A death cuts, it never extends: the repression (Nov 1936, no end) is surely in force to its last
    # attested day, then uncertain until the victim's death, not for the whole margin.
    (lo, start, end, hi), rule, _ = span(ds, "relations", "gleb-boris-repression")
    assert (end, hi, rule) == (D(1936, 11, 30), D(1937, 3, 15), "last attested")


def test_successor_ends_the_tenure_before(ds):
    # Vera's secretaryship (1910, no end) ends when Dina takes it in March 1915: surely by the end of
    # February, maybe up to the day before the last day of March.
    assert span(ds, "tenures", "vera-secretary") == ((D(1910, 1, 1), D(1910, 12, 31), D(1915, 2, 28), D(1915, 3, 30)),
                                                     "successor", "dina-secretary")


def test_a_concurrent_office_has_no_successor(ds):
    # Arkady and Boris sit on the council at once: Boris's seat (1902) does not end Arkady's (1900).
    (lo, start, end, hi), rule, _ = span(ds, "tenures", "arkady-council")
    assert rule == "last attested" and end == D(1900, 12, 31) and hi == end + MARGIN


def test_opposing_relation_supersedes(ds):
    assert span(ds, "relations", "boris-vera-alliance") == (
        (D(1910, 1, 1), D(1910, 12, 31), D(1925, 8, 31), D(1925, 9, 29)), "superseded", "boris-vera-rivalry")
    # The rivalry has its own end, so nothing supersedes it.
    assert span(ds, "relations", "boris-vera-rivalry")[1] == "source"


def test_membership_ends_no_later_than_its_group(ds):
    # No end recorded, last attested May 1925: uncertain after that, but not past the Left faction's end
    # (December 1926).
    assert span(ds, "memberships", "boris-left") == (
        (D(1908, 1, 1), D(1908, 12, 31), D(1925, 5, 1), D(1926, 12, 31)), "last attested", "")
    # A group without an end lasts while it has members.
    assert span(ds, "groups", "right")[1] == "members"
    assert span(ds, "groups", "right")[0][2] == span(ds, "memberships", "gleb-right")[0][2]


def test_last_attested_by_an_event_then_uncertain_for_the_margin(ds):
    # Gleb's chairmanship (from 2 Feb 1930, no end) is attested by the June 1934 congress.
    (lo, start, end, hi), rule, _ = span(ds, "tenures", "gleb-chair")
    assert (start, end, hi, rule) == (D(1930, 2, 2), D(1934, 6, 1), D(1934, 6, 1) + MARGIN, "last attested")
    assert validity.status(_bounds(ds, "tenures", "gleb-chair"), D(1935, 1, 1)) == "uncertain"
    assert validity.status(_bounds(ds, "tenures", "gleb-chair"), D(1937, 1, 1)) is None


def test_undated_row_is_uncertain_while_its_people_are(ds):
    (lo, start, end, hi), rule, _ = span(ds, "relations", "dina-gleb-family")
    assert rule == "undated" and start == NEVER and end == -NEVER  # never surely in force
    dina, gleb = span(ds, "people", "dina")[0], span(ds, "people", "gleb")[0]
    assert (lo, hi) == (max(dina[0], gleb[0]), min(dina[3], gleb[3]))


def test_people_from_birth_or_first_appearance_to_death_or_last_appearance(ds):
    assert span(ds, "people", "arkady") == ((D(1900, 1, 1), D(1900, 1, 1), D(1920, 5, 10), D(1920, 5, 10)),
                                            "death", "arkady")
    assert span(ds, "people", "dina")[0][:2] == (D(1890, 1, 1), D(1890, 12, 31))  # born 1890
    vera = span(ds, "people", "vera")
    assert vera[1] == "last attested" and vera[0][3] == vera[0][2] + MARGIN


def _bounds(ds, table, rid) -> dict:
    (lo, start, end, hi), _, _ = span(ds, table, rid)
    return {"lo": lo, "start": start, "end": end, "hi": hi}


def test_status_at_a_day(ds):
    vera = _bounds(ds, "tenures", "vera-secretary")
    assert validity.status(vera, D(1915, 3, 15)) == "uncertain"  # Dina may have taken over
    assert validity.status(vera, D(1914, 1, 1)) == "in force"
    assert validity.status(vera, D(1916, 1, 1)) is None
    listed = state.at(ds, D(1925, 1, 1))["offices"]
    assert [(o["tenure_id"], o["status"]) for o in listed] == [("boris-chair", "in force")]


def test_a_row_beginning_after_a_death_is_never_in_force(ds):
    frames = dict(ds.frames)
    rel = frames["relations"].copy()
    rel.loc[rel["relation_id"] == "arkady-boris-alliance", ["start_lo", "start_hi"]] = [D(1925, 1, 1), D(1925, 12, 31)]
    out = validity.with_validity({**frames, "relations": rel})["relations"].set_index("relation_id")
    row = out.loc["arkady-boris-alliance"]
    assert row.v_lo > row.v_hi and row.end_rule == "death"  # Arkady died in 1920
    bounds = {"lo": row.v_lo, "start": row.v_start, "end": row.v_end, "hi": row.v_hi}
    assert all(validity.status(bounds, d) is None for d in (D(1919, 1, 1), D(1925, 6, 1), D(1930, 1, 1)))


def _people_of(table: str, row) -> list[str]:
    return [row.a, row.b] if table == "relations" else [row.person_id]


@pytest.mark.parametrize("path", DATASETS, ids=lambda p: p.name)
def test_nothing_is_in_force_after_a_death(path):
    ds = load(path)
    died = ds["people"].set_index("person_id")["died_hi"]
    for table in ("tenures", "relations", "memberships"):
        for row in ds[table].itertuples(index=False):
            for pid in _people_of(table, row):
                if pd.notna(died.get(pid)):
                    assert row.v_hi <= died[pid], (table, row[0], pid)


@pytest.mark.parametrize("path", DATASETS, ids=lambda p: p.name)
def test_bounds_are_ordered(path):
    ds = load(path)
    for table in ("people", "tenures", "relations", "memberships", "groups"):
        f = ds[table]
        never = f["v_lo"] > f["v_hi"]  # cut by a death before it began: exactly the empty span
        assert (f.loc[never, validity.BOUNDS] == [NEVER, NEVER, -NEVER, -NEVER]).all().all(), table
        f = f[~never]
        sure = f["v_start"] <= f["v_end"]
        assert (f.loc[sure, "v_lo"] <= f.loc[sure, "v_start"]).all() and (f.loc[sure, "v_end"] <= f.loc[sure, "v_hi"]).all()


@settings(max_examples=60, deadline=None, derandomize=True)
@given(dead=st.lists(st.tuples(st.integers(0, 4), st.integers(1900, 1950)), min_size=1, max_size=5))
def test_property_no_row_in_force_after_any_death(dead):
    """Give random people of the medium fixture a random death: no row of theirs outlives it."""
    ds = load(FIXTURES / "medium")
    frames = {k: v.drop(columns=[c for c in v.columns if c.startswith("v_") or c in ("end_rule", "end_by")],
                        errors="ignore") for k, v in ds.frames.items()}
    people = frames["people"].copy()
    for index, year in dead:
        people.loc[index, ["died_lo", "died_hi"]] = [D(year, 1, 1), D(year, 12, 31)]
    frames["people"] = people
    out = validity.with_validity(frames)
    died = out["people"].set_index("person_id")["died_hi"]
    for table in ("tenures", "relations", "memberships"):
        for row in out[table].itertuples(index=False):
            for pid in _people_of(table, row):
                if pd.notna(died.get(pid)):
                    assert row.v_hi <= died[pid] and row.v_end <= died[pid], (table, row[0], pid)


def test_a_holder_known_only_by_their_end_bounds_the_one_before(ds):
    """Vera is secretary from 1910 (no end); suppose the next record is someone who left in 1913 (start
    unknown), before Dina's 1915 start: Vera's secretaryship cannot outlast that holder's first sure day."""
    frames = {k: v.drop(columns=[c for c in v.columns if c.startswith("v_") or c in ("end_rule", "end_by")],
                        errors="ignore") for k, v in ds.frames.items()}
    t = frames["tenures"]
    between = t[t["tenure_id"] == "dina-secretary"].assign(
        tenure_id="gleb-secretary", person_id="gleb", start_lo=pd.NA, start_hi=pd.NA, start_precision="unknown",
        end_lo=D(1913, 1, 1), end_hi=D(1913, 12, 31), end_precision="year")
    frames["tenures"] = pd.concat([t, between], ignore_index=True)
    events = frames["events"].copy()
    events.loc[events["event_id"] == "left-congress-1925", ["date_lo", "about"]] = [D(1911, 6, 1),
                                                                                   "tenures:vera-secretary"]
    frames["events"] = events
    out = validity.with_validity(frames)["tenures"].set_index("tenure_id")
    vera = out.loc["vera-secretary"]
    # Last attested June 1911; uncertain after, but only until the day before Gleb surely held it.
    assert (vera.v_end, vera.v_hi, vera.end_rule) == (D(1911, 6, 1), D(1912, 12, 31), "last attested")
    assert out.loc["gleb-secretary", "v_start"] == D(1913, 1, 1)


def test_status_includes_each_bound_day():
    bounds = {"lo": D(1920, 1, 1), "start": D(1921, 1, 1), "end": D(1922, 1, 1), "hi": D(1923, 1, 1)}
    assert [validity.status(bounds, d) for d in (bounds["lo"] - 1, bounds["lo"], bounds["start"], bounds["end"],
                                                 bounds["end"] + 1, bounds["hi"], bounds["hi"] + 1)] == [
        None, "uncertain", "in force", "in force", "uncertain", "uncertain", None]


def test_a_cut_never_extends_and_names_its_rule_only_when_it_cuts_the_sure_part():
    span = validity.Span(0, 10, 100, 200, "last attested")
    span.cap(None, None, "death", "x")  # nothing to cut
    assert span == validity.Span(0, 10, 100, 200, "last attested")
    span.cap(100, 150, "death", "x")  # ends on the last sure day: only the uncertain tail is cut
    assert span == validity.Span(0, 10, 100, 150, "last attested")
    span.cap(50, None, "death", "x")  # a death with one day: the sure part ends there, and all of it
    assert span == validity.Span(0, 10, 50, 50, "death", "x")
    span.cap(400, 500, "group", "g")  # a later end never extends
    assert span == validity.Span(0, 10, 50, 50, "death", "x")
    first_day = validity.Span(100, 100, 100, 300)
    first_day.cap(100, 100, "death", "x")  # a death on the first day: in force that one day
    assert first_day == validity.Span(100, 100, 100, 100)
    never = validity.Span(100, 100, 100, 300)
    never.cap(99, 99, "death", "x")  # before it began: never in force
    assert (never.lo, never.start, never.end, never.hi) == (NEVER, NEVER, -NEVER, -NEVER)


def _frames(**days) -> dict[str, pd.DataFrame]:
    """One row per table, every day column empty but those given as TABLE__COLUMN=day."""
    cols = {"tenures": ("start_hi", "end_hi"), "relations": ("start_hi", "end_hi"),
            "memberships": ("start_hi", "end_hi"), "groups": ("start_hi", "end_hi"), "events": ("date_hi", "end_hi"),
            "people": ("died_hi",)}
    return {t: pd.DataFrame({c: pd.array([days.get(f"{t}__{c}")], dtype="Int64") for c in cs}) for t, cs in cols.items()}


def test_the_horizon_is_the_last_day_any_table_speaks_of():
    assert validity.horizon(_frames()) == 0  # nothing dated at all
    for key in ("tenures__start_hi", "tenures__end_hi", "relations__start_hi", "relations__end_hi",
                "memberships__start_hi", "memberships__end_hi", "groups__start_hi", "groups__end_hi",
                "events__date_hi", "events__end_hi", "people__died_hi"):
        assert validity.horizon(_frames(**{key: 5000, "people__died_hi": 10} if key != "people__died_hi"
                                        else {key: 5000})) == 5000, key
    frames = _frames(tenures__end_hi=300)
    del frames["events"], frames["groups"]  # a table the dataset lacks is skipped
    assert validity.horizon(frames) == 300


def test_attestations_span_every_dated_mention_of_a_row():
    events = pd.DataFrame({"date_lo": pd.array([D(1911, 6, 1), D(1913, 1, 1), None, D(1912, 1, 1)], dtype="Int64"),
                           "end_lo": pd.array([None, None, None, D(1914, 3, 1)], dtype="Int64"),
                           "about": ["tenures:vera-secretary", "tenures:vera-secretary;groups:left",
                                     "tenures:vera-secretary", "relations:a-b"]})
    claims = pd.DataFrame({"target": ["tenures:vera-secretary", "groups:left"], "value": ["1909-05-01", "Left"]})
    out = validity.attestations({"events": events, "claims": claims})
    assert out == {("tenures", "vera-secretary"): (D(1909, 5, 1), D(1913, 1, 1)),
                   ("groups", "left"): (D(1913, 1, 1), D(1913, 1, 1)),
                   ("relations", "a-b"): (D(1914, 3, 1), D(1914, 3, 1))}  # an event's span: shown until its end
