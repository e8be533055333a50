"""The network for Gephi: GEXF 1.3 in dynamic mode (time spells) and GraphML.

Nodes are the people and organisations in the record, edges the relations; each carries its validity
(core/validity.py) as a spell from `v_lo` to `v_hi` (the days it may be in force; `sure_start` and
`sure_end` say when it surely is), as ISO dates. Rows never in force (v_lo > v_hi) are left out. Nodes
have `kind` and a dynamic `faction` (the factions, oppositions, blocs or parties they belong to, by
period); edges `kind`, `scope`, `directed` and `relation_id`. The graph is undirected (GEXF readers such
as networkx do not take mixed graphs): `directed` says which relations go from source to target.

GEXF is written here, not by networkx, whose writer knows GEXF 1.1 and 1.2 only; networkx reads it back
(the tests do).
"""
from __future__ import annotations

import io
from xml.etree import ElementTree as ET

import networkx as nx
import pandas as pd

from ..core import days
from ..core.days import NEVER
from .timeline import FACTION_KINDS

NS = "http://gexf.net/1.3"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
NODE_ATTRS = (("kind", "string"), ("wikidata", "string"), ("end_rule", "string"), ("sure_start", "string"),
              ("sure_end", "string"))
EDGE_ATTRS = (("relation_id", "string"), ("kind", "string"), ("scope", "string"), ("directed", "boolean"),
              ("end_rule", "string"), ("sure_start", "string"), ("sure_end", "string"))


def _frames(ds, tables: dict | None) -> dict[str, pd.DataFrame]:
    return {n: (tables[n] if tables and n in tables else ds[n]) for n in ("people", "relations", "memberships", "groups")}


def _in_record(frame: pd.DataFrame) -> pd.DataFrame:
    return frame[frame["v_lo"] <= frame["v_hi"]]


def _record(frames) -> tuple[int, int]:
    """The first and last day any row speaks of: where unbounded spells (an undated row) are cut."""
    lo = [int(v) for f in (frames["people"], frames["relations"]) for v in f["v_lo"] if -NEVER < v < NEVER]
    hi = [int(v) for f in (frames["people"], frames["relations"]) for v in f["v_hi"] if -NEVER < v < NEVER]
    first = min(lo + hi) if lo or hi else 0
    return first, max(lo + hi) if lo or hi else 0


def _spell(lo: int, hi: int, record: tuple[int, int]) -> tuple[str, str]:
    lo = lo if lo > -NEVER else record[0]
    hi = hi if hi < NEVER else record[1]
    return days.iso(int(lo)), days.iso(int(max(lo, hi)))


def _sure(start: int, end: int) -> tuple[str, str]:
    return (days.iso(int(start)), days.iso(int(end))) if start <= end else ("", "")


def factions(frames, record: tuple[int, int]) -> dict[str, list[tuple[str, str, str]]]:
    """Person -> [(faction names, first day, last day)]: one value per period, periods not overlapping
    (Gephi wants one value of a dynamic attribute at a time), several factions joined by '; '."""
    groups = frames["groups"]
    names = dict(zip(groups["group_id"], groups["name"]))
    kinds = dict(zip(groups["group_id"], groups["kind"]))
    mem = _in_record(frames["memberships"])
    mem = mem[mem["group_id"].map(kinds).isin(FACTION_KINDS)]
    out: dict[str, list[tuple[str, str, str]]] = {}
    for pid, rows in mem.groupby("person_id", sort=True):
        spans = [(max(int(lo), record[0]), min(int(hi), record[1]), names[g])
                 for lo, hi, g in zip(rows["v_lo"], rows["v_hi"], rows["group_id"])]
        cuts = sorted({a for a, _, _ in spans} | {b + 1 for _, b, _ in spans})
        periods: list[list] = []
        for a, b in zip(cuts, cuts[1:]):
            value = "; ".join(sorted({n for lo, hi, n in spans if lo <= a and b - 1 <= hi}))
            if not value:
                continue
            if periods and periods[-1][0] == value and periods[-1][2] == a - 1:
                periods[-1][2] = b - 1
            else:
                periods.append([value, a, b - 1])
        out[pid] = [(v, days.iso(a), days.iso(b)) for v, a, b in periods]
    return out


def graph(ds, tables: dict | None = None) -> nx.MultiGraph:
    """The network as a networkx graph: one node per person in the record, one edge per relation."""
    frames = _frames(ds, tables)
    record = _record(frames)
    people = _in_record(frames["people"])
    g = nx.MultiGraph(name=ds.title)
    ranks = factions(frames, record)
    for r in people.itertuples(index=False):
        start, end = _spell(r.v_lo, r.v_hi, record)
        sure = _sure(r.v_start, r.v_end)
        g.add_node(r.person_id, label=r.name, kind=r.kind, wikidata=r.wikidata, end_rule=r.end_rule,
                   sure_start=sure[0], sure_end=sure[1], spells=[(start, end)],
                   faction=ranks.get(r.person_id, []))
    rel = _in_record(frames["relations"])
    for r in rel.itertuples(index=False):
        if r.a not in g or r.b not in g:
            continue
        start, end = _spell(r.v_lo, r.v_hi, record)
        sure = _sure(r.v_start, r.v_end)
        g.add_edge(r.a, r.b, key=r.relation_id, relation_id=r.relation_id, kind=r.kind, scope=r.scope,
                   directed=bool(r.directed), end_rule=r.end_rule, sure_start=sure[0], sure_end=sure[1],
                   spells=[(start, end)])
    g.graph["start"], g.graph["end"] = days.iso(record[0]), days.iso(record[1])
    return g


def _attributes(parent: ET.Element, cls: str, mode: str, attrs) -> None:
    el = ET.SubElement(parent, "attributes", {"class": cls, "mode": mode})
    for name, kind in attrs:
        ET.SubElement(el, "attribute", {"id": name, "title": name, "type": kind})


def _values(parent: ET.Element, data: dict, attrs, dynamic: list | None = None) -> None:
    values = ET.SubElement(parent, "attvalues")
    for name, kind in attrs:
        value = data.get(name, "")
        if value in ("", None):
            continue
        ET.SubElement(values, "attvalue", {"for": name, "value": str(value).lower() if kind == "boolean" else str(value)})
    for value, start, end in dynamic or []:
        ET.SubElement(values, "attvalue", {"for": "faction", "value": value, "start": start, "end": end})


def _spells(parent: ET.Element, spells) -> None:
    el = ET.SubElement(parent, "spells")
    for start, end in spells:
        ET.SubElement(el, "spell", {"start": start, "end": end})


def gexf(ds, tables: dict | None = None) -> bytes:
    """GEXF 1.3, dynamic mode, dates as spells: what Gephi's timeline plays."""
    g = graph(ds, tables)
    ET.register_namespace("", NS)
    root = ET.Element("gexf", {"xmlns": NS, "xmlns:xsi": XSI, "xsi:schemaLocation": f"{NS} {NS}/gexf.xsd",
                               "version": "1.3"})
    meta = ET.SubElement(root, "meta")
    ET.SubElement(meta, "creator").text = "History timelines and networks (python -m dashboard export)"
    ET.SubElement(meta, "description").text = f"{ds.title}: people and relations, with the days each may be in force"
    el = ET.SubElement(root, "graph", {"mode": "dynamic", "defaultedgetype": "undirected", "timeformat": "date",
                                       "timerepresentation": "interval", "start": g.graph["start"],
                                       "end": g.graph["end"]})
    _attributes(el, "node", "static", NODE_ATTRS)
    _attributes(el, "node", "dynamic", (("faction", "string"),))
    _attributes(el, "edge", "static", EDGE_ATTRS)
    nodes = ET.SubElement(el, "nodes")
    for nid, data in g.nodes(data=True):
        node = ET.SubElement(nodes, "node", {"id": nid, "label": data["label"]})
        _values(node, data, NODE_ATTRS, data["faction"])
        _spells(node, data["spells"])
    edges = ET.SubElement(el, "edges")
    for a, b, key, data in g.edges(keys=True, data=True):
        edge = ET.SubElement(edges, "edge", {"id": key, "source": a, "target": b, "label": data["kind"]})
        _values(edge, data, EDGE_ATTRS)
        _spells(edge, data["spells"])
    ET.indent(root)
    # ElementTree writes the default namespace itself from `xmlns` given as a plain attribute.
    body = ET.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n").encode("utf-8")


def graphml(ds, tables: dict | None = None) -> bytes:
    """GraphML (networkx's writer): the same graph with its spell as `start` and `end`, factions as a list."""
    g = graph(ds, tables)
    out = nx.MultiGraph(name=ds.title)
    for nid, data in g.nodes(data=True):
        start, end = data["spells"][0]
        out.add_node(nid, label=data["label"], kind=data["kind"], wikidata=data["wikidata"] or "",
                     end_rule=data["end_rule"], start=start, end=end, sure_start=data["sure_start"],
                     sure_end=data["sure_end"], factions="; ".join(dict.fromkeys(n for v, _, _ in data["faction"] for n in v.split("; "))))
    for a, b, key, data in g.edges(keys=True, data=True):
        start, end = data["spells"][0]
        out.add_edge(a, b, key=key, **{k: v for k, v in data.items() if k != "spells"}, start=start, end=end)
    buf = io.BytesIO()
    nx.write_graphml(out, buf, encoding="utf-8")
    return buf.getvalue()
