import io
import zipfile

import pandas as pd
import pytest

from conftest import FIXTURES
from dashboard.core.build import load
from dashboard.core.days import from_gregorian as D
from dashboard.views import export, lecture


@pytest.fixture(scope="module")
def ds():
    return load(FIXTURES / "mini")


@pytest.mark.parametrize("cell, expected", [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"), ("+1", "'+1"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"), ("\rx", "'\rx"), ("Stalin", "Stalin"), ("", ""), (3, 3),
])
def test_neutralise(cell, expected):
    assert export.neutralise(cell) == expected


def test_view_tables_keep_rows_meeting_the_window(ds):
    tables = export.view_tables(ds, D(1917, 1, 1), D(1918, 12, 31))
    assert set(tables["tenures"]["tenure_id"]) == {"lenin-sovnarkom-chair", "trotsky-foreign-affairs"}
    assert set(tables["events"]["event_id"]) == {"october-revolution-1917"}
    assert set(tables["people"]["person_id"]) == {"lenin", "trotsky"}
    assert list(tables["sources"]["source_id"]) == ["chron"]


def test_zip_is_neutralised_and_cited(ds):
    frames = dict(ds.frames)
    people = frames["people"].copy()
    people.loc[people["person_id"] == "lenin", "name"] = "=cmd|' /C calc'!A0"
    ds2 = type(ds)(ds.path, ds.title, ds.description, ds.descriptor, {**frames, "people": people})
    body = export.zip_bytes(export.view_tables(ds2), "readme")
    with zipfile.ZipFile(io.BytesIO(body)) as z:
        assert {"README.txt", "people.csv", "tenures.csv", "sources.csv", "claims.csv"} <= set(z.namelist())
        people_csv = pd.read_csv(io.BytesIO(z.read("people.csv")), dtype=str, keep_default_na=False)
        tenures_csv = pd.read_csv(io.BytesIO(z.read("tenures.csv")), dtype=str, keep_default_na=False)
    assert "'=cmd|' /C calc'!A0" in set(people_csv["name"])
    assert {"source_id", "locator", "quote", "start_label"} <= set(tenures_csv.columns)
    assert not any(c.endswith(("_lo", "_hi")) for c in tenures_csv.columns)


def test_scenes_expand_focus(ds):
    scenes = lecture.scenes(ds)
    assert [s["n"] for s in scenes] == [1, 2]
    first, second = scenes
    assert first["day"] == D(1917, 11, 7) and first["start"] == D(1917, 1, 1) and first["end"] == D(1919, 12, 31)
    assert first["people"] == ["lenin", "trotsky"]
    # A relation brings its two ends; a group brings its members at the scene's date.
    assert second["relations"] == ["stalin-zinoviev-alliance"]
    assert second["people"] == ["stalin", "trotsky", "zinoviev"]
    assert second["caption"] == "Lenin dies; the *alliance* turns on Trotsky."


@pytest.mark.parametrize("path, n", [("/scene/1", 1), ("/scene/2", 2), ("/scene/9", 2), ("/scene/0", 1),
                                     ("/scene/x", None), ("/", None), ("/scene/1/2", None), (None, None),
                                     ("/scene/²", None), ("/scene/١", None), ("/scene/" + "9" * 30, None)])
def test_scene_number(path, n):
    assert lecture.scene_number(path, 2) == n


@pytest.fixture(scope="module")
def medium():
    return load(FIXTURES / "medium")


def test_a_scene_group_brings_its_members_at_the_scene_date(medium):
    """Medium: "The split" (Oct 1925) focuses the Left faction, whose members then are Boris only (Dina left
    it in 1918), and the Vera-Boris rivalry; "The purge" (Mar 1937) focuses the Right faction, none of whose
    members is surely or possibly in it then, so all of its members are brought (Dina, Gleb)."""
    by_id = {s["id"]: s for s in lecture.scenes(medium)}
    assert by_id["split"]["people"] == ["boris", "vera"]
    assert by_id["split"]["relations"] == ["boris-vera-rivalry"]
    assert by_id["purge"]["people"] == ["boris", "dina", "gleb"] and by_id["purge"]["events"] == ["boris-execution-1937"]
    assert by_id["founding"]["people"] == ["arkady", "boris"]


def test_the_zip_carries_the_claims_about_the_rows_in_view(medium):
    """Medium: Boris's chairmanship (from June 1920) has two claims about its start; a window in 1920 exports
    both, a window of 1900-1905 (before it) none."""
    tables = export.view_tables(medium, D(1920, 1, 1), D(1920, 12, 31))
    assert set(tables["claims"]["claim_id"]) == {"boris-chair-june", "boris-chair-july"}
    assert export.view_tables(medium, D(1900, 1, 1), D(1905, 12, 31))["claims"].empty
    with zipfile.ZipFile(io.BytesIO(export.zip_bytes(tables, "readme"))) as z:
        claims = pd.read_csv(io.BytesIO(z.read("claims.csv")), dtype=str, keep_default_na=False)
    assert set(claims["claim_id"]) == {"boris-chair-june", "boris-chair-july"}
    assert set(claims["value"]) == {"1920-06-01", "1920-07"} and set(claims["target"]) == {"tenures:boris-chair"}
    assert "A later memoir gives July." in set(claims["note"])
