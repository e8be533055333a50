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


def _raw(ds) -> dict[str, pd.DataFrame]:
    """The medium fixture's frames before the validity model (to change a row and run it again)."""
    return {k: v.drop(columns=[c for c in v.columns if c.startswith("v_") or c in ("end_rule", "end_by")],
                      errors="ignore") for k, v in ds.frames.items()}


def _gleb_known_by_his_end(ds, vera_attested: int) -> dict[str, pd.DataFrame]:
    """The raw frames with Gleb as a party secretary known only by his end (1913, start unknown), and Vera's
    secretaryship (1910, no end) last attested at `vera_attested`."""
    frames = _raw(ds)
    t = frames["tenures"]
    gleb = t[t["tenure_id"] == "dina-secretary"].assign(
        tenure_id="gleb-secretary", person_id="gleb", start_lo=pd.NA, start_hi=pd.NA, start_precision="unknown",
        end_lo=D(1913, 1, 1), end_hi=D(1913, 12, 31), end_precision="year")
    frames["tenures"] = pd.concat([t, gleb], ignore_index=True)
    events = frames["events"].copy()
    events.loc[events["event_id"] == "left-congress-1925", ["date_lo", "about"]] = [vera_attested,
                                                                                   "tenures:vera-secretary"]
    frames["events"] = events
    return frames


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


@pytest.mark.parametrize("path", DATASETS, ids=lambda p: p.name)
def test_a_row_is_never_listed_without_its_people(path):
    """Every row's span lies inside its people's, so a view that lists a row lists its people (the network
    draws no tie without its two nodes). At 7 Nov 1917 Joffe's patronage by Trotsky (known only by its end,
    22 Dec 1917) is uncertain, and so is Joffe: the margin before the end covers him too."""
    ds = load(path)
    people = ds["people"].set_index("person_id")
    for table in ("tenures", "relations", "memberships"):
        f = ds[table]
        for row in f[(f["v_lo"] <= f["v_hi"]) & (f["end_rule"] != "undated")].itertuples(index=False):
            for pid in _people_of(table, row):
                p = people.loc[pid]
                assert p.v_lo <= row.v_lo and row.v_hi <= p.v_hi, (table, row[0], pid)
                assert row.v_start > row.v_end or (p.v_start <= row.v_end and row.v_end <= p.v_end), (table, row[0], pid)
    if path.name == "soviet":
        listed = state.at(ds, D(1917, 11, 7))
        assert ("trotsky-joffe-patronage", "uncertain") in {(r["relation_id"], r["status"]) for r in listed["relations"]}
        assert {p["person_id"]: p["status"] for p in listed["people"]}["joffe"] == "uncertain"


def test_a_birth_bounds_the_margin_before_a_row_known_by_its_end(ds):
    frames = _raw(ds)
    people = frames["people"].copy()
    vera = people["person_id"] == "vera"
    born = D(1909, 6, 1)
    people.loc[vera, ["born_lo", "born_hi"]] = [born, born]
    tenures = frames["tenures"].copy()
    mine = tenures["tenure_id"] == "vera-secretary"
    # Known only by its end (1911): surely from 1911, maybe for MARGIN days before, but not before her birth.
    tenures.loc[mine, ["start_lo", "start_hi", "start_precision"]] = [None, None, ""]
    tenures.loc[mine, ["end_lo", "end_hi", "end_precision"]] = [D(1911, 1, 1), D(1911, 1, 1), "day"]
    out = validity.with_validity({**frames, "people": people, "tenures": tenures})
    row = out["tenures"].set_index("tenure_id").loc["vera-secretary"]
    assert (row.v_lo, row.v_start) == (born, D(1911, 1, 1))
    assert out["people"].set_index("person_id").loc["vera", "v_lo"] == born


@settings(max_examples=60, deadline=None, derandomize=True)
@given(dead=st.lists(st.tuples(st.integers(0, 4), st.integers(1900, 1950)), min_size=1, max_size=5))
def test_property_no_row_in_force_after_any_death(dead):
    """Give random people of the medium fixture a random death: no row of theirs outlives it."""
    ds = load(FIXTURES / "medium")
    frames = _raw(ds)
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
    out = validity.with_validity(_gleb_known_by_his_end(ds, D(1911, 6, 1)))["tenures"].set_index("tenure_id")
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


def test_an_open_end_runs_to_the_end_of_the_record():
    # Mini: Stalin is General Secretary from 3 April 1922 to '..', and nobody's death ends it; the record's last
    # day is 31 December 1929.
    mini = load(FIXTURES / "mini")
    assert span(mini, "tenures", "stalin-gen-sec") == (
        (D(1922, 4, 3), D(1922, 4, 3), D(1929, 12, 31), D(1929, 12, 31)), "open", "")
    assert span(mini, "relations", "stalin-trotsky-repression")[:2] == (
        (D(1929, 1, 1), D(1929, 12, 31), D(1929, 12, 31), D(1929, 12, 31)), "open")


def test_a_row_known_only_by_its_end_is_in_force_from_its_first_mention(ds):
    """A tenure with only an end (1913) that events mention in June 1911 and in 1912: surely in force from the
    first mention, uncertain for MARGIN days before it."""
    frames = _raw(ds)
    t = frames["tenures"]
    ended = t[t["tenure_id"] == "dina-secretary"].assign(
        tenure_id="gleb-secretary", person_id="gleb", office_id="council", start_lo=pd.NA, start_hi=pd.NA,
        start_precision="unknown", end_lo=D(1913, 1, 1), end_hi=D(1913, 12, 31), end_precision="year")
    frames["tenures"] = pd.concat([t, ended], ignore_index=True)
    events = frames["events"].copy()
    for event_id, day in (("left-congress-1925", D(1912, 3, 1)), ("right-congress-1934", D(1911, 6, 1))):
        events.loc[events["event_id"] == event_id, ["date_lo", "about"]] = [day, "tenures:gleb-secretary"]
    frames["events"] = events
    gleb = validity.with_validity(frames)["tenures"].set_index("tenure_id").loc["gleb-secretary"]
    assert (gleb.v_lo, gleb.v_start, gleb.v_end, gleb.v_hi, gleb.end_rule) == (
        D(1911, 6, 1) - MARGIN, D(1911, 6, 1), D(1913, 1, 1), D(1913, 12, 31), "source")


def _with_secretary(ds, **row) -> pd.DataFrame:
    """The tenures with Gleb as one more party secretary (`row`: his dates), after the validity model."""
    frames = _raw(ds)
    t = frames["tenures"]
    extra = t[t["tenure_id"] == "dina-secretary"].assign(tenure_id="gleb-secretary", person_id="gleb", **row)
    frames["tenures"] = pd.concat([t, extra], ignore_index=True)
    return validity.with_validity(frames)["tenures"].set_index("tenure_id")


def test_a_holder_is_followed_only_by_one_who_surely_took_the_office_later(ds):
    # Vera took the office in 1910 (some day of the year), Gleb in June 1910: Gleb follows Vera, never the other
    # way round (Vera may have started after 1 June, but she did not surely start after Gleb), and Dina follows
    # Gleb.
    out = _with_secretary(ds, start_lo=D(1910, 6, 1), start_hi=D(1910, 6, 30))
    assert (out.loc["vera-secretary", "end_rule"], out.loc["vera-secretary", "end_by"]) == ("successor", "gleb-secretary")
    assert (out.loc["gleb-secretary", "v_end"], out.loc["gleb-secretary", "end_rule"],
            out.loc["gleb-secretary", "end_by"]) == (D(1915, 2, 28), "successor", "dina-secretary")


def test_two_holders_who_took_an_office_on_the_same_day_do_not_end_each_other(ds):
    out = _with_secretary(ds)  # Gleb's dates are Dina's: March 1915
    assert out.loc["dina-secretary", "end_rule"] == out.loc["gleb-secretary", "end_rule"] == "last attested"
    assert out.loc["vera-secretary", "end_rule"] == "successor"


def test_a_successor_known_only_by_their_end_cuts_the_last_attested_days(ds):
    """Vera's secretaryship (1910, no end) is attested in 1914; Gleb held the office until 1913 (start
    unknown), so he surely held it from 1 January 1913: Vera's ends the day before, by his succession."""
    vera = validity.with_validity(_gleb_known_by_his_end(ds, D(1914, 6, 1)))["tenures"].set_index("tenure_id").loc["vera-secretary"]
    assert (vera.v_end, vera.v_hi, vera.end_rule, vera.end_by) == (
        D(1912, 12, 31), D(1912, 12, 31), "successor", "gleb-secretary")


def test_an_undated_tenure_is_uncertain_while_its_holder_is_in_the_record(ds):
    frames = _raw(ds)
    t = frames["tenures"]
    extra = t[t["tenure_id"] == "boris-council"].assign(
        tenure_id="gleb-council", person_id="gleb", start_lo=pd.NA, start_hi=pd.NA, start_precision="unknown")
    frames["tenures"] = pd.concat([t, extra], ignore_index=True)
    out = validity.with_validity(frames)
    gleb = out["people"].set_index("person_id").loc["gleb"]
    seat = out["tenures"].set_index("tenure_id").loc["gleb-council"]
    assert (seat.v_lo, seat.v_start, seat.v_end, seat.v_hi, seat.end_rule) == (
        gleb.v_lo, NEVER, -NEVER, gleb.v_hi, "undated")


def _year(y: int) -> dict:
    return {"start_lo": D(y, 1, 1), "start_hi": D(y, 12, 31), "start_precision": "year"}


def _vera_and_gleb(ds, *ties, events=()) -> pd.DataFrame:
    """The relations with ties between Vera and Gleb (who have none in the fixture and never die) added:
    (id, kind, start, end) with start and end dicts of columns (end None: no end recorded); `events`: (event id
    of the fixture, day, about) to move an event. After the validity model."""
    frames = _raw(ds)
    r = frames["relations"]
    base = r[r["relation_id"] == "boris-vera-alliance"]
    no_end = {"end_lo": pd.NA, "end_hi": pd.NA, "end_precision": "unknown"}
    extra = [base.assign(relation_id=rid, a="vera", b="gleb", kind=kind, **start, **(end or no_end))
             for rid, kind, start, end in ties]
    frames["relations"] = pd.concat([r, *extra], ignore_index=True)
    ev = frames["events"].copy()
    for event_id, day, about in events:
        ev.loc[ev["event_id"] == event_id, ["date_lo", "about"]] = [day, about]
    frames["events"] = ev
    return validity.with_validity(frames)["relations"].set_index("relation_id")


def _rule(out, rid):
    return out.loc[rid, "end_rule"], out.loc[rid, "end_by"]


def test_a_negative_tie_is_superseded_by_a_later_positive_one_and_a_family_tie_never(ds):
    out = _vera_and_gleb(ds, ("rivalry", "rivalry", _year(1920), None), ("family", "family", _year(1920), None),
                         ("alliance", "alliance", _year(1925), None))
    assert _rule(out, "rivalry") == ("superseded", "alliance")
    assert (out.loc["rivalry", "v_end"], out.loc["rivalry", "v_hi"]) == (D(1924, 12, 31), D(1925, 12, 30))
    assert _rule(out, "family") == ("last attested", "")


def test_an_open_tie_is_superseded_and_a_recorded_end_is_kept(ds):
    opened = {"end_lo": pd.NA, "end_hi": pd.NA, "end_precision": "open"}
    ended = {"end_lo": D(1930, 1, 1), "end_hi": D(1930, 12, 31), "end_precision": "year"}
    out = _vera_and_gleb(ds, ("open", "alliance", _year(1920), opened), ("ended", "agreement", _year(1920), ended),
                         ("rivalry", "rivalry", _year(1925), None))
    assert _rule(out, "open") == ("superseded", "rivalry") and out.loc["open", "v_end"] == D(1924, 12, 31)
    assert _rule(out, "ended") == ("source", "") and out.loc["ended", "v_end"] == D(1930, 1, 1)


def test_only_a_later_tie_of_the_opposing_kind_supersedes(ds):
    ended = {"end_lo": D(1915, 1, 1), "end_hi": D(1915, 12, 31), "end_precision": "year"}
    out = _vera_and_gleb(ds, ("rivalry", "rivalry", _year(1910), ended), ("first", "alliance", _year(1920), None),
                         ("second", "alliance", _year(1925), None))
    assert _rule(out, "first") == ("last attested", "")  # neither the earlier rivalry nor a second alliance


def test_a_tie_is_superseded_only_by_one_that_surely_began_later(ds):
    june = {"start_lo": D(1920, 6, 1), "start_hi": D(1920, 6, 30), "start_precision": "month"}
    out = _vera_and_gleb(ds, ("alliance", "alliance", _year(1920), None), ("rivalry", "rivalry", june, None))
    assert _rule(out, "alliance") == ("superseded", "rivalry") and out.loc["alliance", "v_end"] == D(1920, 5, 31)
    assert _rule(out, "rivalry") == ("last attested", "")
    same = _vera_and_gleb(ds, ("alliance", "alliance", june, None), ("rivalry", "rivalry", june, None))
    assert _rule(same, "alliance") == _rule(same, "rivalry") == ("last attested", "")


def test_a_tie_is_in_force_until_it_was_last_attested(ds):
    out = _vera_and_gleb(ds, ("alliance", "alliance", _year(1920), None),
                         events=[("left-congress-1925", D(1927, 6, 1), "relations:alliance")])
    assert (out.loc["alliance", "v_end"], out.loc["alliance", "v_hi"]) == (D(1927, 6, 1), D(1927, 6, 1) + MARGIN)


def test_a_death_known_to_the_year_ends_a_row_surely_at_the_years_start(ds):
    frames = _raw(ds)
    people = frames["people"].copy()
    people.loc[people["person_id"] == "arkady", ["died_lo", "died_hi"]] = [D(1920, 1, 1), D(1920, 12, 31)]
    frames["people"] = people
    chair = validity.with_validity(frames)["tenures"].set_index("tenure_id").loc["arkady-chair"]
    # Surely to the first day he may have died; maybe until the day before Boris took the chair (1 June 1920).
    assert (chair.v_end, chair.v_hi, chair.end_rule, chair.end_by) == (D(1920, 1, 1), D(1920, 5, 31), "death",
                                                                       "arkady")


def _groups_with(ds, memberships=(), groups=(), events=()) -> dict[str, pd.DataFrame]:
    """Medium with more memberships (id, person, group, columns), groups (id, columns) and moved events."""
    frames = _raw(ds)
    m, g = frames["memberships"], frames["groups"]
    base_m, base_g = m[m["membership_id"] == "dina-left"], g[g["group_id"] == "right"]
    frames["memberships"] = pd.concat([m, *[base_m.assign(membership_id=mid, person_id=p, group_id=gid, **cols)
                                            for mid, p, gid, cols in memberships]], ignore_index=True)
    frames["groups"] = pd.concat([g, *[base_g.assign(group_id=gid, **cols) for gid, cols in groups]],
                                 ignore_index=True)
    ev = frames["events"].copy()
    for event_id, day, about in events:
        ev.loc[ev["event_id"] == event_id, ["date_lo", "about"]] = [day, about]
    frames["events"] = ev
    out = validity.with_validity(frames)
    return {t: out[t].set_index(validity.KEYS[t]) for t in ("groups", "memberships")}


def test_a_group_last_attested_after_its_members_keeps_its_own_end(ds):
    right = _groups_with(ds, events=[("left-congress-1925", D(1938, 6, 1), "groups:right")])["groups"].loc["right"]
    assert (right.v_end, right.end_rule) == (D(1938, 6, 1), "last attested")
    # Attested on the day its last member is: the members decide (and the uncertain days after them).
    right = _groups_with(ds, events=[("left-congress-1925", D(1934, 6, 1), "groups:right")])["groups"].loc["right"]
    assert (right.v_end, right.v_hi, right.end_rule) == (D(1934, 6, 1), D(1936, 5, 31), "members")


def test_a_group_lasts_while_its_dated_members_do(ds):
    undated = {"start_lo": pd.NA, "start_hi": pd.NA, "start_precision": "unknown", "end_lo": pd.NA, "end_hi": pd.NA,
               "end_precision": "unknown"}
    # An undated seat of Boris (who lives to 1937) does not keep the Right (last member: Gleb, to May 1936).
    out = _groups_with(ds, [("boris-right", "boris", "right", undated)])
    assert out["groups"].loc["right", "v_hi"] == D(1936, 5, 31)
    # A member of one day counts.
    day = {"start_lo": D(1940, 1, 1), "start_hi": D(1940, 1, 1), "start_precision": "day", "end_lo": D(1940, 1, 1),
           "end_hi": D(1940, 1, 1), "end_precision": "day"}
    out = _groups_with(ds, [("dina-right-1940", "dina", "right", day)])
    assert (out["groups"].loc["right", "v_end"], out["groups"].loc["right", "end_rule"]) == (D(1940, 1, 1), "members")


def test_an_undated_group_lasts_from_its_first_member_to_its_last(ds):
    """A group with no dates of its own (the Centre), whose one member (Dina) is in it from 1920 to 1925: it
    is there from her first day to her last, and uncertain no longer than she is (not to the record's end)."""
    undated = {"start_lo": pd.NA, "start_hi": pd.NA, "start_precision": "unknown", "end_lo": pd.NA, "end_hi": pd.NA,
               "end_precision": "unknown"}
    seat = {**_year(1920), "end_lo": D(1925, 1, 1), "end_hi": D(1925, 12, 31), "end_precision": "year"}
    out = _groups_with(ds, [("dina-centre", "dina", "centre", seat)], [("centre", undated)])
    centre = out["groups"].loc["centre"]
    assert (centre.v_lo, centre.v_start, centre.v_end, centre.v_hi, centre.end_rule) == (
        D(1920, 1, 1), D(1920, 12, 31), D(1925, 1, 1), D(1925, 12, 31), "members")
