"""Facts pinned against the processed Soviet tables: dates of tenures and events, Old Style
conversions and recorded conflicts. If one of these changes, the dataset changed meaning."""
import pandas as pd
import pytest

from dashboard.core.build import load
from dashboard.core.days import from_gregorian as D
from conftest import ROOT

pytestmark = pytest.mark.dataset


@pytest.fixture(scope="module")
def ds():
    return load(ROOT / "data" / "soviet")


def _row(ds, table, rid):
    frame = ds[table]
    return frame[frame[frame.columns[0]] == rid].iloc[0]


TENURES = [
    ("stalin-gen-sec", "3 Apr 1922", "16 Oct 1952"),
    ("stalin-sovnarkom-chair", "6 May 1941", "15 Mar 1946"),
    ("stalin-council-ministers-chair", "15 Mar 1946", "5 Mar 1953"),
    ("stalin-defense-commissar", "19 Jul 1941", "25 Feb 1946"),
    ("stalin-defense-minister", "15 Mar 1946", "3 Mar 1947"),
    ("stalin-nationalities-commissar", "8 Nov 1917", "7 Jul 1923"),
    ("stalin-rabkrin-chair", "Feb 1920", "1922"),
    ("stalin-southwestern-front-commissar", "26 May 1920", "1 Sep 1920"),
    ("lenin-sovnarkom-chair", "8 Nov 1917 (26 Oct O.S.)", "Jan 1924"),
    ("trotsky-military-naval-commissar", "14 Mar 1918", "12 Jan 1925"),
    ("trotsky-foreign-commissar", "8 Nov 1917", "13 Mar 1918"),
    ("trotsky-constituent-assembly-member", "25 Nov 1917", "20 Jan 1918"),
    ("trotsky-petrograd-soviet-chair", "8 Oct 1917 (25 Sep O.S.)", "26 Dec 1917"),
    ("molotov-sovnarkom-chair", "19 Dec 1930", "6 May 1941"),
    ("bulganin-defense-minister", "3 Mar 1947", "unknown"),
    ("frunze-military-naval-commissar", "12 Jan 1925", "unknown"),
]


@pytest.mark.parametrize("tid, start, end", TENURES)
def test_tenure_dates(ds, tid, start, end):
    row = _row(ds, "tenures", tid)
    assert (row["start_label"], row["end_label"]) == (start, end)


def test_predecessor_fields_imply_tenures(ds):
    # "Preceded by Semyon Timoshenko": his tenure ends the day Stalin's starts.
    assert _row(ds, "tenures", "timoshenko-defense-commissar")["end"] == _row(ds, "tenures", "stalin-defense-commissar")["start"]
    assert _row(ds, "tenures", "podvoisky-military-naval-commissar")["end_label"] == "14 Mar 1918"


@pytest.mark.parametrize("pid, born, died", [
    ("stalin", "18 Dec 1878 (6 Dec O.S.)", "5 Mar 1953"),
    ("trotsky", "7 Nov 1879 (26 Oct O.S.)", "21 Aug 1940"),
])
def test_people_dates_with_old_style(ds, pid, born, died):
    row = _row(ds, "people", pid)
    assert (row["born_label"], row["died_label"]) == (born, died)


@pytest.mark.parametrize("eid, label", [
    ("rsdlp-first-congress-1898", "13 Mar 1898 (1 Mar O.S.)"),
    ("bloody-sunday-1905", "22 Jan 1905 (9 Jan O.S.)"),
    ("kirov-birth-1886", "27 Mar 1886 (15 Mar O.S.)"),
])
def test_event_old_style_conversions(ds, eid, label):
    assert _row(ds, "events", eid)["date_label"] == label


def test_october_revolution_is_old_style_25_october(ds):
    ev = ds["events"]
    hit = ev[ev["date_os"] == "1917-10-25"]
    assert not hit.empty
    assert (hit["date_lo"] == D(1917, 11, 7)).all()


@pytest.mark.parametrize("target, field, preferred, other", [
    ("people:stalin", "born", "1878-12-18", "1879-12-21"),
    ("tenures:stalin-gen-sec", "end", "1952-10-16", "1953"),
    ("tenures:stalin-nationalities-commissar", "end", "1923-07-07", "1922"),
    ("tenures:trotsky-military-naval-commissar", "start", "1918-03-14", "1918-03-13"),
    ("tenures:trotsky-military-naval-commissar", "end", "1925-01-12", "1925-01-06"),
    ("tenures:trotsky-petrograd-soviet-chair", "start", "1917-10-08", "1917-09-20"),
])
def test_recorded_conflicts(ds, target, field, preferred, other):
    c = ds["claims"]
    c = c[(c["target"] == target) & (c["field"] == field)]
    assert list(c.loc[c["preferred"], "value"]) == [preferred]
    assert other in set(c.loc[~c["preferred"], "value"])
    assert c["quote"].str.len().gt(0).all()
