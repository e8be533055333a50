"""Export for Gephi (views/gephi.py): GEXF 1.3 with spells and GraphML, read back with networkx, on the
medium fixture (factions, deaths, undated ties) and on a package imported from Wikidata."""
from __future__ import annotations

import networkx as nx
import pytest

from conftest import FIXTURES
from dashboard.cli import main
from dashboard.core import days
from dashboard.core.build import load
from dashboard.views import gephi


@pytest.fixture(scope="module")
def ds():
    return load(FIXTURES / "medium")


def expected(ds):
    """What the export must hold, from the validity bounds: nodes and edges in the record, their spells."""
    record = gephi._record({n: ds[n] for n in ("people", "relations")})

    def spell(lo, hi):
        lo = lo if lo > -days.NEVER else record[0]
        hi = hi if hi < days.NEVER else record[1]
        return days.iso(int(lo)), days.iso(int(hi))

    people = ds["people"][ds["people"]["v_lo"] <= ds["people"]["v_hi"]]
    nodes = {r.person_id: spell(r.v_lo, r.v_hi) for r in people.itertuples()}
    rel = ds["relations"][ds["relations"]["v_lo"] <= ds["relations"]["v_hi"]]
    edges = {r.relation_id: (frozenset((r.a, r.b)), r.kind, r.scope, spell(r.v_lo, r.v_hi))
             for r in rel.itertuples() if r.a in nodes and r.b in nodes}
    return nodes, edges


def test_gexf_round_trip(ds, tmp_path, capsys):
    out = tmp_path / "medium.gexf"
    assert main(["export", "gexf", str(FIXTURES / "medium"), str(out)]) == 0
    assert "nodes" in capsys.readouterr().out
    text = out.read_text(encoding="utf-8")
    assert 'xmlns="http://gexf.net/1.3"' in text and 'version="1.3"' in text and 'mode="dynamic"' in text
    g = nx.read_gexf(out)
    nodes, edges = expected(ds)
    assert nodes and edges
    assert {n: g.nodes[n]["spells"] for n in g} == {n: [s] for n, s in nodes.items()}
    got = {d["id"]: (frozenset((a, b)), d["kind"], d["scope"], tuple(d["spells"][0]))
           for a, b, d in g.edges(data=True)}
    assert got == edges
    # Kind and faction: Dina is in the Left faction, then (1918: maybe both) the Right one; a dynamic
    # attribute, one value at a time.
    assert g.nodes["dina"]["kind"] == "person"
    periods = g.nodes["dina"]["faction"]
    assert [v for v, _, _ in periods] == ["Left faction", "Left faction; Right faction", "Right faction"]
    assert all(a <= b for _, a, b in periods)
    assert all(days.iso(days.from_gregorian(*map(int, b.split("-"))) + 1) == c
               for (_, _, b), (_, c, _) in zip(periods, periods[1:]))
    directed = {d["id"]: d["directed"] for _, _, d in g.edges(data=True)}
    assert directed["gleb-boris-repression"] is True and directed["boris-vera-alliance"] is False


def test_never_in_force_rows_are_left_out(ds):
    frames = dict(ds.frames)
    people = frames["people"].copy()
    people.loc[people["person_id"] == "vera", ["v_lo", "v_hi"]] = [10, 5]  # as validity marks "never"
    ds2 = type(ds)(ds.path, ds.title, ds.description, ds.descriptor, {**frames, "people": people})
    g = gephi.graph(ds2)
    assert "vera" not in g and not any("vera" in (a, b) for a, b in g.edges())
    assert "vera" in gephi.graph(ds)


def test_graphml_round_trip(ds, tmp_path):
    out = tmp_path / "medium.graphml"
    assert main(["export", "graphml", str(FIXTURES / "medium"), str(out)]) == 0
    g = nx.read_graphml(out)
    nodes, edges = expected(ds)
    assert {n: (g.nodes[n]["start"], g.nodes[n]["end"]) for n in g} == nodes
    got = {(d.get("id") or k): (frozenset((a, b)), d["kind"], d["scope"], (d["start"], d["end"]))
           for a, b, k, d in (g.edges(keys=True, data=True) if g.is_multigraph()
                              else ((a, b, None, d) for a, b, d in g.edges(data=True)))}
    assert got == edges
    assert g.nodes["dina"]["factions"] == "Left faction; Right faction"


def test_an_imported_package_exports_its_successions(tmp_path, capsys):
    out = tmp_path / "pm"
    assert main(["import-wikidata", str(FIXTURES / "wikidata" / "prime-ministers.json"), "--out", str(out)]) == 0
    gexf = tmp_path / "pm.gexf"
    assert main(["export", "gexf", str(out), str(gexf)]) == 0
    g = nx.read_gexf(gexf)
    kinds = [d["kind"] for _, _, d in g.edges(data=True)]
    assert kinds and set(kinds) == {"succession"} and len(kinds) == 6
    assert g.nodes["boris-belov"]["wikidata"] == "Q900102"


def test_export_refuses_a_broken_dataset(tmp_path, mini, capsys):
    (mini / "people.csv").write_text("person_id\n", encoding="utf-8")
    assert main(["export", "gexf", str(mini), str(tmp_path / "x.gexf")]) == 1
    assert "nothing written" in capsys.readouterr().err and not (tmp_path / "x.gexf").exists()
