import hashlib

import numpy as np

from conftest import ROOT
from dashboard.cli import main
from dashboard.core import build as build_mod
from dashboard.core.build import PROCESSED, build, is_fresh, load
from dashboard.core.days import from_gregorian as D
from dashboard.core.derived import LABEL_ASPECT, MIN_GAP, positions


def _digests(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_build_writes_every_table(mini):
    assert main(["build", str(mini)]) == 0
    names = {p.stem for p in (mini / PROCESSED).glob("*.parquet")}
    assert names == {"sources", "people", "offices", "tenures", "groups", "memberships", "relations", "events",
                     "claims", "scenes", "positions"}


def test_build_is_idempotent(mini):
    build(mini)
    first = _digests(mini / PROCESSED)
    build(mini)
    assert _digests(mini / PROCESSED) == first


def test_dates_are_expanded(mini):
    ds = load(mini)
    t = ds["tenures"].set_index("tenure_id")
    lenin = t.loc["lenin-sovnarkom-chair"]
    assert lenin["start"] == "" and lenin["start_os"] == "1917-10-25"  # the cells as written
    assert lenin["start_lo"] == lenin["start_hi"] == D(1917, 11, 7)  # day numbers
    assert lenin["start_label"] == "7 Nov 1917 (25 Oct O.S.)"
    assert (lenin["end_lo"], lenin["end_hi"], lenin["end_precision"]) == (D(1924, 1, 1), D(1924, 1, 31), "month")
    assert t.loc["stalin-gen-sec", "end_precision"] == "open"
    g = ds["groups"].set_index("group_id").loc["left-opposition"]
    assert g["end_label"] == "c. 1927" and g["end_approx"]


def test_types_and_defaults(mini):
    ds = load(mini)
    rel = ds["relations"].set_index("relation_id")
    # An empty `directed` cell defaults by kind: repression acts on its target.
    assert rel.loc["stalin-trotsky-repression", "directed"]
    assert not rel.loc["stalin-zinoviev-alliance", "directed"]
    assert ds["offices"]["rank"].dtype == "Int64"
    assert ds["claims"]["preferred"].dtype == bool
    assert list(ds["scenes"]["scene_id"]) == ["revolution", "succession"]
    people = ds["people"].set_index("person_id")
    assert people.loc["stalin", "kind"] == "person" and people.loc["bolshevik-party", "kind"] == "organisation"
    assert set(ds["positions"]["person_id"]) == set(people.index)


def test_people_are_in_the_record_from_first_appearance_to_death(mini):
    people = load(mini)["people"].set_index("person_id")
    assert people.loc["trotsky", "v_lo"] == D(1917, 11, 7)  # first dated appearance
    assert people.loc["lenin", "v_end"] == D(1924, 1, 1) and people.loc["lenin", "v_hi"] == D(1924, 1, 31)  # death
    assert people.loc["lenin", "end_rule"] == "death"


def test_load_rebuilds_when_raw_tables_change(mini):
    load(mini)
    assert is_fresh(mini)
    with open(mini / "events.csv", "a", encoding="utf-8") as fh:
        fh.write("exile-1929,1929,,,,Trotsky exiled,exile,trotsky,,chron,13,Stalin had Trotsky exiled in 1929.,\n")
    assert not is_fresh(mini)
    assert "exile-1929" in set(load(mini)["events"]["event_id"])


def test_failed_build_keeps_last_good_build(mini):
    build(mini)
    before = _digests(mini / PROCESSED)
    (mini / "people.csv").write_text("person_id,name\n", encoding="utf-8")
    pkg = build(mini)
    assert pkg.errors
    assert _digests(mini / PROCESSED) == before
    assert not [p for p in mini.iterdir() if p.name.startswith(".processed-")]


def test_load_raises_dataset_error_with_problems(mini):
    (mini / "people.csv").write_text("person_id,name\n", encoding="utf-8")
    try:
        load(mini)
    except build_mod.DatasetError as e:
        assert any("missing columns" in p.message for p in e.problems)
    else:
        raise AssertionError("load() accepted a broken dataset")


def test_layout_leaves_room_for_names_and_is_the_same_every_build():
    ds = load(ROOT / "data" / "soviet")
    frames = {k: ds[k] for k in ("people", "relations", "memberships", "groups")}
    first, again = positions(frames), positions(frames)
    assert first.equals(again)
    x, y = first["x"].to_numpy() / LABEL_ASPECT, first["y"].to_numpy()
    gaps = np.hypot(np.subtract.outer(x, x), np.subtract.outer(y, y)) + np.eye(len(x)) * 1e9
    assert gaps.min() >= MIN_GAP * 0.95  # the dense core of 1920s Moscow is spread out
