"""The state at a date, checked against the sources: tests/data/state_facts.csv holds facts read
from the texts (not from the dataset), each with its line and verbatim quote, asserted against
GET /api/state. `expect` is `yes` (listed as in force), `maybe` (listed, in force or uncertain: the
texts place it only before that date, so the dashboard may not claim more) or `no` (not listed at
all: a dead person, a lost office, a broken alliance)."""
import csv
from pathlib import Path

import pytest

from conftest import ROOT, SEEDS
from dashboard.core.quotes import find_in_order, load_source, parse_locator
from dashboard.web.factory import create_app

FACTS = Path(__file__).with_name("state_facts.csv")
ROWS = list(csv.DictReader(FACTS.open(encoding="utf-8")))


@pytest.fixture(scope="module")
def client():
    return create_app(ROOT / "data" / "soviet", ROOT / "data").server.test_client()


def _listed(state: dict, fact: dict) -> list[dict]:
    a, b = fact["a"], fact["b"]
    if fact["fact"] == "office":
        return [o for o in state["offices"] if o["person_id"] == a and o["office_id"] == b]
    if fact["fact"] == "member":
        return [m for m in state["memberships"] if m["person_id"] == a and m["group_id"] == b]
    if fact["fact"] == "relation":
        return [r for r in state["relations"] if {r["a"], r["b"]} == {a, b} and r["kind"] == fact["kind"]]
    if fact["fact"] == "gone":  # nothing about the dead person at all
        return ([o for o in state["offices"] if o["person_id"] == a]
                + [r for r in state["relations"] if a in (r["a"], r["b"])]
                + [m for m in state["memberships"] if m["person_id"] == a]
                + [p for p in state["people"] if p["person_id"] == a])
    raise AssertionError(f"unknown fact kind {fact['fact']!r}")


def test_the_table_is_large_and_spread_over_the_period():
    soviet = [f for f in ROWS if f["dataset"] == "soviet"]
    finnish = [f for f in ROWS if f["dataset"] == "finnish-university-reform"]
    assert len(soviet) >= 40 and len(finnish) >= 10
    years = {int(f["date"][:4]) for f in soviet}
    assert all(any(y <= year < y + 3 for year in years) for y in range(1917, 1953, 3))


@pytest.mark.dataset
@pytest.mark.parametrize("fact", ROWS, ids=lambda f: f"{f['dataset'][:7]}-{f['date']}-{f['fact']}-{f['a']}-{f['b']}")
def test_fact_holds_in_the_api(client, fact):
    r = client.get(f"/api/state?dataset={fact['dataset']}&date={fact['date']}")
    assert r.status_code == 200
    listed = _listed(r.get_json(), fact)
    if fact["fact"] == "gone" or fact["expect"] == "no":
        assert listed == [], fact["note"]
    elif fact["expect"] == "maybe":
        assert listed, fact["note"]
    else:
        assert fact["expect"] == "yes"
        assert [x for x in listed if x["status"] == "in force"], fact["note"]


@pytest.mark.dataset
@pytest.mark.parametrize("fact", ROWS, ids=lambda f: f"{f['dataset'][:7]}-{f['date']}-{f['fact']}-{f['a']}-{f['b']}")
def test_fact_quote_is_in_its_source(fact):
    text = load_source(SEEDS / fact["source_file"])
    spans = parse_locator(fact["locator"])
    assert any(find_in_order(text.window(a, b), fact["quote"]) for a, b in spans) or \
        find_in_order(text.window(spans[0][0], spans[-1][1]), fact["quote"])
