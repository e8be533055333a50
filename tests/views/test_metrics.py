"""Who was central when (views/metrics.py), on networks whose answers are known: a chain, a star, and a
group that splits into two factions."""
import pandas as pd
import pytest

from conftest import ROOT
from dashboard.core import days
from dashboard.core.build import load
from dashboard.views import metrics


def _rel(*rows):
    """Relations (a, b, kind, first day in force, last day in force)."""
    return pd.DataFrame(rows, columns=["a", "b", "kind", "v_start", "v_end"])


def _at(found, person, day):
    """A person's degree and betweenness at `day`: their last change on or before it."""
    points = [p for p in found["people"][person] if p["day"] <= day]
    return (points[-1]["degree"], points[-1]["betweenness"]) if points else (0, 0.0)


def test_a_chain_runs_through_its_middle():
    found = metrics.compute(_rel(("a", "b", "alliance", 0, 100), ("b", "c", "rivalry", 0, 100)))
    assert _at(found, "b", 50) == (2, 1.0)  # the one path between a and c runs through b
    assert _at(found, "a", 50) == (1, 0.0) and _at(found, "c", 50) == (1, 0.0)
    assert _at(found, "b", 101) == (0, 0.0)  # both ties ended on day 100


def test_a_star_has_everything_through_its_centre():
    found = metrics.compute(_rel(*[("hub", leaf, "patronage", 10, 20) for leaf in "pqrs"]))
    assert _at(found, "hub", 15) == (4, 1.0)
    assert all(_at(found, leaf, 15) == (1, 0.0) for leaf in "pqrs")
    assert found["days"] == [10, 21]


def test_a_split_makes_two_factions():
    found = metrics.compute(_rel(("a", "b", "alliance", 0, 200), ("b", "c", "alliance", 0, 99),
                                 ("c", "d", "alliance", 0, 200), ("b", "c", "rivalry", 100, 200)))
    factions = dict(zip(found["days"], found["factions"]))
    assert factions[0] == 1 and factions[100] == 2
    # A rivalry is a tie too: b and c stay connected, so b keeps its place between a and c.
    assert _at(found, "b", 150)[0] == 2


def _faction(found, person, day):
    points = [p for p in found["people"][person] if p["day"] <= day]
    return points[-1]["faction"] if points else None


def test_a_faction_keeps_its_name_through_a_split_and_a_newcomer():
    """a-b-c-d allied from day 0; on day 100 b breaks with c, and one of the two halves goes on as the old
    faction; on day 150 e joins c and d; on day 300 a new pair x-y is a new faction."""
    found = metrics.compute(_rel(("a", "b", "alliance", 0, 200), ("b", "c", "alliance", 0, 99),
                                 ("c", "d", "alliance", 0, 200), ("d", "e", "alliance", 150, 200),
                                 ("x", "y", "alliance", 300, 400)))
    first = _faction(found, "a", 0)
    assert {_faction(found, p, 0) for p in "abcd"} == {first}
    after = {p: _faction(found, p, 100) for p in "abcd"}
    assert after["a"] == after["b"] and after["c"] == after["d"] and after["a"] != after["c"]
    assert first in after.values()  # one part goes on as the old faction, the other is new
    assert _faction(found, "e", 150) == after["c"] == _faction(found, "c", 150)  # joined, not a new faction
    assert _faction(found, "x", 300) not in {first, after["a"], after["c"]}
    spans = {c["id"]: (c["first"], c["last"]) for c in found["communities"]}
    assert spans[first] == (0, 200) and spans[_faction(found, "x", 300)] == (300, 400)
    assert _faction(found, "a", 250) is None  # the alliances ended on day 200


def test_factions_that_share_too_little_are_different():
    old = {"f1": frozenset("abcdefghij")}
    assert metrics.match(old, [frozenset("abc")], lambda: "new") == {"f1": frozenset("abc")}  # 3/10
    assert metrics.match(old, [frozenset("ab")], lambda: "new") == {"new": frozenset("ab")}  # 2/10
    merged = metrics.match({"f1": frozenset("ab"), "f2": frozenset("cd")}, [frozenset("abcd")], lambda: "new")
    assert merged == {"f1": frozenset("abcd")}  # a merger keeps the first name; the other faction ends


def test_a_repeated_tie_counts_once_and_nothing_left_is_empty():
    found = metrics.compute(_rel(("a", "b", "alliance", 0, 10), ("b", "a", "rivalry", 0, 10)))
    assert _at(found, "a", 5) == (1, 0.0)
    assert metrics.compute(_rel(("a", "b", "alliance", 5, 4)))["days"] == []  # never surely in force


def test_past_the_limit_the_days_are_sampled(monkeypatch):
    monkeypatch.setattr(metrics, "MAX_DAYS", 3)
    found = metrics.compute(_rel(*[("a", f"p{i}", "alliance", i * 10, i * 10 + 5) for i in range(10)]))
    assert found["sampled"] and len(found["days"]) == 3


@pytest.fixture(scope="module")
def soviet():
    return load(ROOT / "data" / "soviet")


def test_the_soviet_record_stalin_at_the_centre_in_1937(soviet):
    """In 1937 Stalin is tied to more people than anyone, and the curve for someone unknown is empty."""
    found = metrics.metrics(soviet)
    day = next(d for d in found["days"] if d >= days.from_gregorian(1937, 1, 1))
    degrees = {p: _at(found, p, day)[0] for p in found["people"]}
    assert max(degrees, key=degrees.get) == "stalin"
    assert metrics.person(soviet, "nobody") == []
    assert metrics.person(soviet, "stalin")[0]["date"] <= "1917-12-31"


# The neighbourhood and the path (views/paths.py) live beside the metrics: the same network in force.
def test_ego_and_path_in_the_network_drawn_at_a_day():
    from dashboard.core.dates import resolve
    from dashboard.views import paths
    medium = load(ROOT / "tests" / "fixtures" / "medium")
    day = resolve("1926-06-01").lo  # Vera broke with Boris in Sept 1925; Arkady died in 1920
    assert paths.ego(medium, "boris", day, 1) == {"nodes": ["boris", "vera"], "edges": ["rel::boris-vera-rivalry"]}
    assert paths.path(medium, "vera", "boris", day) == {"nodes": ["vera", "boris"],
                                                        "edges": ["rel::boris-vera-rivalry"]}
    assert paths.path(medium, "arkady", "vera", day) == {"nodes": [], "edges": []}  # dead: no ties
    assert paths.ego(medium, "arkady", day, 2) == {"nodes": ["arkady"], "edges": []}


def test_a_path_through_stalin_in_1927(soviet):
    from dashboard.core.dates import resolve
    from dashboard.views import paths
    day = resolve("1927-11-15").lo
    found = paths.path(soviet, "trotsky", "molotov", day)
    assert found["nodes"] == ["trotsky", "stalin", "molotov"] and len(found["edges"]) == 2
    near, far = paths.ego(soviet, "trotsky", day, 1), paths.ego(soviet, "trotsky", day, 2)
    assert "stalin" in near["nodes"] and set(near["nodes"]) < set(far["nodes"])


def test_the_layers_shown_decide_the_ties_and_every_relation_of_a_pair_is_kept(soviet):
    from dashboard.core.dates import resolve
    from dashboard.views import paths
    war = resolve("1942-01-01").lo  # Stalin and Hitler: a foreign rivalry, no political tie
    assert paths.path(soviet, "stalin", "hitler", war) == {"nodes": [], "edges": []}
    assert paths.path(soviet, "stalin", "hitler", war, ["political", "foreign"]) == {
        "nodes": ["stalin", "hitler"], "edges": ["rel::stalin-hitler-rivalry"]}
    # In 1940 the foreign ties are two pairs (Stalin-Hitler, Molotov-Ribbentrop): both people drawn, no path.
    pact = resolve("1940-06-01").lo
    assert paths.path(soviet, "stalin", "ribbentrop", pact, ["foreign"]) == {"nodes": [], "edges": []}
    assert paths.path(soviet, "molotov", "ribbentrop", pact, ["foreign"])["nodes"] == ["molotov", "ribbentrop"]
    # Kamenev and Trotsky in 1910: two personal relations (family, other) and no political one.
    day = resolve("1910-05-01").lo
    assert paths.ego(soviet, "kamenev", day, 1) == {"nodes": ["kamenev"], "edges": []}
    assert paths.ego(soviet, "kamenev", day, 1, ["personal"]) == {
        "nodes": ["kamenev", "trotsky"], "edges": ["rel::kamenev-trotsky-family", "rel::kamenev-trotsky-other"]}


def test_a_neighbourhood_keeps_only_the_ties_among_its_people(soviet):
    from dashboard.core.dates import resolve
    from dashboard.views import paths
    from dashboard.views.state import rows
    ends = {f"rel::{r['relation_id']}": {r["a"], r["b"]} for r in rows(soviet)["relations"]}
    near = paths.ego(soviet, "trotsky", resolve("1927-11-15").lo, 1)
    assert near["edges"] and all(ends[e] <= set(near["nodes"]) for e in near["edges"])
