"""A person's neighbourhood and the shortest path between two people, in the network drawn at a day: the
relations in force or uncertain then (views/state.py's bounds), of the layers shown. The page narrows the
network to them (assets/dashboard.js applies the ids); networkx does the graph work."""
from __future__ import annotations

import networkx as nx

from ..core.validity import status
from .network import layer_of
from .state import rows


def graph_at(ds, day: int, layers) -> nx.Graph:
    """People as nodes, the relations drawn at `day` as edges (each edge keeps the ids of its relations)."""
    shown = set(layers or ["political"])
    graph = nx.Graph()
    for r in rows(ds)["relations"]:
        if layer_of(r["kind"], r["scope"]) not in shown or not status(r, day) or r["a"] == r["b"]:
            continue
        if graph.has_edge(r["a"], r["b"]):
            graph[r["a"]][r["b"]]["ids"].append(r["relation_id"])
        else:
            graph.add_edge(r["a"], r["b"], ids=[r["relation_id"]])
    return graph


def _edges(graph: nx.Graph, nodes) -> list[str]:
    keep = set(nodes)
    return sorted(f"rel::{i}" for a, b, data in graph.edges(data=True) if a in keep and b in keep for i in data["ids"])


def ego(ds, person: str, day: int, depth: int, layers=None, graph: nx.Graph | None = None) -> dict:
    """The person and everyone within `depth` ties of them at `day`, and the relations among them (`graph`:
    `graph_at(ds, day, layers)`, when the caller has it already)."""
    graph = graph_at(ds, day, layers) if graph is None else graph
    if person not in graph:
        return {"nodes": [person], "edges": []}
    nodes = sorted(nx.single_source_shortest_path_length(graph, person, cutoff=depth))
    return {"nodes": nodes, "edges": _edges(graph, nodes)}


def path(ds, a: str, b: str, day: int, layers=None, graph: nx.Graph | None = None) -> dict:
    """The shortest chain of ties from `a` to `b` at `day` (`nodes` in order, one relation per step), or
    empty lists when there is none."""
    graph = graph_at(ds, day, layers) if graph is None else graph
    if a not in graph or b not in graph or not nx.has_path(graph, a, b):
        return {"nodes": [], "edges": []}
    nodes = nx.shortest_path(graph, a, b)
    return {"nodes": nodes, "edges": [f"rel::{graph[x][y]['ids'][0]}" for x, y in zip(nodes, nodes[1:])]}
