"""The bundled datasets: valid, every quote found in ../shared/seeds, and the counts the issues ask for."""
import pytest

from dashboard.cli import main
from dashboard.core.build import load
from dashboard.core.validate import check
from conftest import ROOT, SEEDS

pytestmark = pytest.mark.dataset
DATASETS = ["soviet", "finnish-university-reform"]


@pytest.mark.parametrize("name", DATASETS)
def test_check_has_no_errors(name):
    pkg = check(ROOT / "data" / name)
    assert [str(p) for p in pkg.errors] == []


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not beside the checkout")
@pytest.mark.parametrize("name", DATASETS)
def test_every_quote_is_in_its_source(name, capsys):
    assert main(["verify-quotes", str(ROOT / "data" / name), "--sources", str(SEEDS)]) == 0, capsys.readouterr().out


def test_soviet_counts():
    ds = load(ROOT / "data" / "soviet")
    assert len(ds["people"]) >= 45
    t = ds["tenures"]
    assert len(t) >= 60
    assert ((t["start_precision"] == "day") | (t["end_precision"] == "day")).sum() >= 25
    assert len(ds["groups"]) >= 15 and len(ds["memberships"]) >= 50
    rel = ds["relations"]
    assert len(rel) >= 80 and rel["kind"].nunique() >= 5
    # At least 80 relations carry a dated span; undated ones (mostly family ties the texts do not
    # date) are kept and shown for the lifetimes of both people.
    assert rel["start_precision"].ne("unknown").sum() >= 80
    assert len(ds["events"]) >= 150
    claims = ds["claims"]
    groups = claims.groupby(["target", "field"])
    assert (groups["preferred"].sum() == 1).all()
    # A value with two or more versions is a dispute; a single claim cites a value from a second source.
    assert (groups.size() >= 2).sum() >= 20
    assert len(ds["scenes"]) >= 12
    assert len(ds["sources"]) == 4  # one row per document, not per file


def test_no_duplicate_copy_is_cited():
    # The second copies of the Stalin and Trotsky articles (lines 10994-15878) are never cited.
    ds = load(ROOT / "data" / "soviet")
    for name in ("people", "tenures", "groups", "memberships", "relations", "events", "claims"):
        frame = ds[name]
        on_002 = frame[frame["source_id"].str.startswith("wp-")]
        for locator in on_002["locator"]:
            first = int(locator.split(";")[0].split("-")[0])
            assert first < 10994, f"{name}: {locator} cites a duplicate copy"


def test_finnish_counts_and_vagueness():
    ds = load(ROOT / "data" / "finnish-university-reform")
    people = ds["people"]
    assert (people["kind"] == "organisation").sum() >= 10 and (people["kind"] == "person").sum() >= 10
    assert len(ds["relations"]) >= 40 and len(ds["events"]) >= 40 and len(ds["scenes"]) >= 6
    # Vague dates stay vague: approximate or year/decade precision, never padded to a day.
    precisions = set(ds["events"]["date_precision"])
    assert {"year", "month"} <= precisions
    assert ds["tenures"]["start_approx"].any() or (ds["tenures"]["start_precision"] == "decade").any()
