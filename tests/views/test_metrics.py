"""Who was central when (views/metrics.py), on networks whose answers are known: a chain, a star, and a
group that splits into two factions."""
import itertools
import numbers

import pandas as pd
import pytest

from conftest import FIXTURES, ROOT
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
    assert found["days"] == [10, 21] and not found["sampled"]


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


def test_a_split_keeps_the_name_in_its_larger_part_and_new_names_go_in_member_order():
    old = {"f1": frozenset("abcde")}
    assert metrics.match(old, [frozenset("de"), frozenset("abc")], lambda: "new") == {
        "f1": frozenset("abc"), "new": frozenset("de")}  # 3/5 and 2/5 of the old faction
    counter = itertools.count(1)
    assert metrics.match({}, [frozenset("cd"), frozenset("ab")], lambda: f"f{next(counter)}") == {
        "f1": frozenset("ab"), "f2": frozenset("cd")}  # whatever order the components come in


def test_factions_that_share_too_little_are_different():
    old = {"f1": frozenset("abcdefghij")}
    assert metrics.match(old, [frozenset("abc")], lambda: "new") == {"f1": frozenset("abc")}  # 3/10
    assert metrics.match(old, [frozenset("ab")], lambda: "new") == {"new": frozenset("ab")}  # 2/10
    merged = metrics.match({"f1": frozenset("ab"), "f2": frozenset("cd")}, [frozenset("abcd")], lambda: "new")
    assert merged == {"f1": frozenset("abcd")}  # a merger keeps the first name; the other faction ends


def test_a_repeated_tie_counts_once_and_nothing_left_is_empty():
    found = metrics.compute(_rel(("a", "b", "alliance", 0, 10), ("b", "a", "rivalry", 0, 10)))
    assert _at(found, "a", 5) == (1, 0.0)
    assert metrics.compute(_rel(("a", "b", "alliance", 5, 4))) == {  # never surely in force
        "days": [], "factions": [], "people": {}, "communities": [], "sampled": False}


def test_past_the_limit_the_days_are_sampled(monkeypatch):
    monkeypatch.setattr(metrics, "MAX_DAYS", 3)
    found = metrics.compute(_rel(*[("a", f"p{i}", "alliance", i * 10, i * 10 + 5) for i in range(10)]))
    # 20 change days (0, 6, 10, 16, ..., 90, 96): an even sample keeps the first, the middle and the last
    assert found["sampled"] and found["days"] == [0, 50, 96]
    exactly = metrics.compute(_rel(("a", "b", "alliance", 0, 5), ("a", "c", "alliance", 6, 10)))
    assert exactly["days"] == [0, 6, 11] and not exactly["sampled"]  # three days: all of them, not a sample


def test_a_tie_counts_from_its_first_to_its_last_day_even_if_they_are_one():
    """b is tied to a up to day 100 and to c from day 100: on that day b is between them; c and d's rivalry
    lasts one day."""
    found = metrics.compute(_rel(("a", "b", "alliance", 0, 100), ("b", "c", "alliance", 100, 200),
                                 ("c", "d", "rivalry", 150, 150)))
    assert _at(found, "b", 100) == (2, 1.0) and _at(found, "b", 101) == (1, 0.0)
    assert "d" in found["people"] and _at(found, "d", 150) == (1, 0.0) and _at(found, "d", 151) == (0, 0.0)


def test_a_curve_has_a_point_only_where_its_numbers_change():
    """The change days are 0, 51 (c and d part) and 101 (a and b part): a's numbers change on 0 and 101
    only. Days are whole numbers, as the API gives them."""
    found = metrics.compute(_rel(("a", "b", "alliance", 0, 100), ("c", "d", "alliance", 0, 50)))
    assert found["days"] == [0, 51, 101] and all(isinstance(d, numbers.Integral) for d in found["days"])
    assert [p["day"] for p in found["people"]["a"]] == [0, 101]
    assert [p["day"] for p in found["people"]["c"]] == [0, 51]


def test_betweenness_is_the_share_of_the_other_pairs_paths_through_a_person():
    """A chain a-b-c-d: of the three pairs b is not in, two (a-c, a-d) go through b."""
    found = metrics.compute(_rel(("a", "b", "alliance", 0, 10), ("b", "c", "alliance", 0, 10),
                                 ("c", "d", "alliance", 0, 10)))
    assert _at(found, "b", 5)[1] == pytest.approx(2 / 3, abs=1e-4) == _at(found, "c", 5)[1]
    assert _at(found, "a", 5) == (1, 0.0)


def test_a_factions_members_come_most_present_first():
    """x and y are allies from day 0, a joins y on day 100: one faction (2 of 3 shared), x and y in it on
    two change days, a on one."""
    found = metrics.compute(_rel(("x", "y", "alliance", 0, 200), ("a", "y", "alliance", 100, 200)))
    fid = _faction(found, "x", 0)
    assert _faction(found, "a", 100) == fid
    assert found["communities"] == [{"id": fid, "first": 0, "last": 200, "members": ["x", "y", "a"]}]


def test_every_faction_gets_its_own_name_however_many_there_are():
    found = metrics.compute(_rel(*[(f"a{i}", f"b{i}", "alliance", i * 10, i * 10 + 5) for i in range(100)]))
    spans = [(c["first"], c["last"]) for c in found["communities"]]
    assert spans == [(i * 10, i * 10 + 5) for i in range(100)]
    assert len({c["id"] for c in found["communities"]}) == 100


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


def test_only_political_ties_between_people_count():
    """Medium: Dina's only tie is an undated family one, so she has no curve. Given a dated tie to Vera she
    has one if it is political, not if it is a succession (Dina took Vera's office), an "other" tie (personal,
    whatever its scope) or a foreign one."""
    medium = load(FIXTURES / "medium")

    def with_tie(kind, scope):
        frames = dict(medium.frames)
        rel = frames["relations"]
        tie = rel[rel["relation_id"] == "boris-vera-alliance"].assign(
            relation_id="vera-dina", a="vera", b="dina", kind=kind, scope=scope)
        frames["relations"] = pd.concat([rel, tie], ignore_index=True)
        return type(medium)(medium.path, medium.title, medium.description, medium.descriptor, frames)

    assert "dina" not in metrics.metrics(medium)["people"]
    assert metrics.metrics(medium) is metrics.metrics(medium)  # computed once per build
    assert "dina" in metrics.metrics(with_tie("alliance", "party"))["people"]
    for kind, scope in (("succession", "party"), ("other", "party"), ("rivalry", "foreign")):
        assert "dina" not in metrics.metrics(with_tie(kind, scope))["people"], kind
