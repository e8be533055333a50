"""The state at a day (views/state.py): the rows of the table view and the API's `at`, on the medium fixture
(tests/fixtures/make_medium.py tells its story, so every bound and sentence is known)."""
import pytest

from conftest import FIXTURES, ROOT
from dashboard.core.build import load
from dashboard.core.days import from_gregorian as D
from dashboard.views import state

CHRONICLE = "A chronicle of Ruritania (test text)"


@pytest.fixture(scope="module")
def ds():
    return load(FIXTURES / "medium")


def by(rows, key, value):
    [row] = [r for r in rows if r[key] == value]
    return row


def test_each_row_says_what_it_opens_when_it_holds_and_how_it_ended(ds):
    rows = state.rows(ds)
    assert by(rows["offices"], "tenure_id", "vera-secretary") == {
        "pick": "tenure:vera-secretary", "tenure_id": "vera-secretary", "office_id": "secretary",
        "title": "Party secretary", "person_id": "vera", "name": "Vera Volkova", "end_rule": "successor",
        "held": "1910 – ?",
        "ended": f"No end recorded: ended when Dina Dorina took the office (Mar 1915; {CHRONICLE}, lines 11).",
        "lo": D(1910, 1, 1), "start": D(1910, 12, 31), "end": D(1915, 2, 28), "hi": D(1915, 3, 30), "dated": True}
    assert by(rows["relations"], "relation_id", "boris-vera-alliance") == {
        "pick": "relation:boris-vera-alliance", "relation_id": "boris-vera-alliance", "kind": "alliance",
        "scope": "party", "a": "boris", "a_name": "Boris Belov", "b": "vera", "b_name": "Vera Volkova",
        "label": "Boris Belov — Vera Volkova: alliance", "end_rule": "superseded", "held": "1910 – ?",
        "ended": f"No end recorded: superseded by the rivalry from Sep 1925 ({CHRONICLE}, lines 22).",
        "lo": D(1910, 1, 1), "start": D(1910, 12, 31), "end": D(1925, 8, 31), "hi": D(1925, 9, 29), "dated": True}
    assert by(rows["memberships"], "membership_id", "dina-right") == {
        "pick": "group:right", "membership_id": "dina-right", "person_id": "dina", "name": "Dina Dorina",
        "group_id": "right", "group": "Right faction", "group_kind": "faction", "end_rule": "last attested",
        "held": "1918 – ?",
        "ended": "No end recorded: last attested 31 Dec 1918; uncertain until 30 Dec 1920, then not shown.",
        "lo": D(1918, 1, 1), "start": D(1918, 12, 31), "end": D(1918, 12, 31), "hi": D(1920, 12, 30), "dated": True}
    assert by(rows["people"], "person_id", "boris") == {
        "person_id": "boris", "name": "Boris Belov", "died": "15 Mar 1937", "end_rule": "death",
        "lo": D(1902, 1, 1), "start": D(1902, 1, 1), "end": D(1937, 3, 15), "hi": D(1937, 3, 15), "dated": True}
    assert by(rows["events"], "event_id", "left-congress-1925") == {
        "pick": "event:left-congress-1925", "event_id": "left-congress-1925", "title": "Left faction congress",
        "when": "May 1925", "people": "Boris Belov", "lo": D(1925, 5, 1), "hi": D(1925, 5, 31)}
    assert rows["event_window"] == state.EVENT_WINDOW_DAYS == 365


def test_a_row_without_a_start_is_not_dated(ds):
    # Dina and Gleb are cousins, with no dates: uncertain while both are in the record, from Gleb's first
    # appearance (1915) to Dina's last day in it (two years after 1918).
    cousins = by(state.rows(ds)["relations"], "relation_id", "dina-gleb-family")
    assert (cousins["dated"], cousins["held"], cousins["end_rule"]) == (False, "? – ?", "undated")
    assert (cousins["lo"], cousins["hi"]) == (D(1915, 1, 1), D(1920, 12, 30))
    assert cousins["ended"] == "No dates recorded: shown as uncertain while its people are in the record."
    assert all(r["dated"] for t in ("offices", "memberships", "people") for r in state.rows(ds)[t])


def test_rows_come_in_reading_order(ds):
    rows = state.rows(ds)
    # By the office's rank, then who took it first.
    assert [r["tenure_id"] for r in rows["offices"]] == [
        "arkady-chair", "boris-chair", "gleb-chair", "vera-secretary", "dina-secretary", "arkady-council",
        "boris-council"]
    assert [r["relation_id"] for r in rows["relations"]] == [
        "arkady-boris-alliance", "boris-vera-alliance", "dina-gleb-family", "boris-vera-rivalry",
        "gleb-boris-repression"]
    assert [r["membership_id"] for r in rows["memberships"]] == ["boris-left", "dina-left", "gleb-right", "dina-right"]
    assert [r["name"] for r in rows["people"]] == [
        "Arkady Antonov", "Boris Belov", "Dina Dorina", "Gleb Gromov", "Vera Volkova"]
    assert [r["event_id"] for r in rows["events"]] == [
        "arkady-death-1920", "left-congress-1925", "right-congress-1934", "boris-execution-1937"]


def test_rows_are_made_once_per_build(ds):
    assert state.rows(ds) is state.rows(ds)


def test_an_event_with_an_end_is_listed_until_its_end():
    finnish = load(ROOT / "data" / "finnish-university-reform")
    ev = finnish["events"]
    spanned = ev[ev["end_hi"].notna()].iloc[0]
    row = by(state.rows(finnish)["events"], "event_id", spanned["event_id"])
    assert (row["lo"], row["hi"]) == (int(spanned["date_lo"]), int(spanned["end_hi"]))
    assert row["hi"] > int(spanned["date_hi"])


def test_the_state_at_a_day_lists_what_is_in_force_then(ds):
    assert state.at(ds, D(1925, 1, 1)) == {
        "dataset": "", "date": "1925-01-01", "day": D(1925, 1, 1),
        "offices": [{"tenure_id": "boris-chair", "office_id": "chair", "title": "Party chairman",
                     "person_id": "boris", "name": "Boris Belov", "status": "in force", "end_rule": "source"}],
        "relations": [{"relation_id": "boris-vera-alliance", "kind": "alliance", "scope": "party", "a": "boris",
                       "a_name": "Boris Belov", "b": "vera", "b_name": "Vera Volkova", "status": "in force",
                       "end_rule": "superseded"}],
        "memberships": [
            {"membership_id": "boris-left", "person_id": "boris", "name": "Boris Belov", "group_id": "left",
             "group": "Left faction", "group_kind": "faction", "status": "in force"},
            {"membership_id": "gleb-right", "person_id": "gleb", "name": "Gleb Gromov", "group_id": "right",
             "group": "Right faction", "group_kind": "faction", "status": "in force"}],
        "people": [{"person_id": p, "name": n, "status": "in force"}
                   for p, n in (("boris", "Boris Belov"), ("gleb", "Gleb Gromov"), ("vera", "Vera Volkova"))]}


def test_a_row_past_its_last_sure_day_is_uncertain_then_gone(ds):
    # Gleb's chair is last attested in June 1934 (the Right's congress): uncertain for two years, then gone.
    def chair(day):
        return [(r["tenure_id"], r["status"]) for r in state.at(ds, day)["offices"]]
    assert chair(D(1934, 6, 1)) == [("gleb-chair", "in force")]
    assert chair(D(1936, 1, 1)) == [("gleb-chair", "uncertain")]
    assert chair(D(1936, 5, 31)) == [("gleb-chair", "uncertain")]
    assert chair(D(1936, 6, 1)) == []


def test_an_event_names_all_its_people():
    mini = load(FIXTURES / "mini")
    row = by(state.rows(mini)["events"], "event_id", "october-revolution-1917")
    assert (row["people"], row["when"]) == ("Vladimir Lenin, Leon Trotsky", "7 Nov 1917 (25 Oct O.S.)")
