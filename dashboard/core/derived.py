"""Derived tables computed once at build time: one stable network layout over
the whole period (so nodes never jump when the date cursor moves)."""
from __future__ import annotations

import math
import random

import igraph
import numpy as np
import pandas as pd

# Room for a name: a label is wider than tall, so side by side people need more room than stacked ones.
MIN_GAP = 60.0  # layout units (about pixels at zoom 1), vertically
LABEL_ASPECT = 1.6  # ... and 1.6 times that side by side
EDGE_WEIGHT = {"alliance": 2.0, "family": 2.0, "patronage": 1.5, "rivalry": 0.5, "repression": 0.5, "other": 1.0}


def positions(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Deterministic layout of everyone, pulled together by relations and shared groups.

    igraph (C) rather than networkx: its Fruchterman-Reingold lays out 2,000 nodes in well under
    a second where networkx's spring layout takes 10-20 s. Start positions are a fixed circle and
    the random generator is seeded, so the result is the same on every build.
    """
    ids = sorted(frames["people"]["person_id"])
    index = {pid: i for i, pid in enumerate(ids)}
    weights: dict[tuple[int, int], float] = {}

    def link(a: int, b: int, w: float) -> None:
        key = (min(a, b), max(a, b))
        weights[key] = weights.get(key, 0.0) + w

    rel = frames["relations"].sort_values("relation_id")
    for a, b, kind in zip(rel["a"], rel["b"], rel["kind"]):
        if a != b and a in index and b in index:
            link(index[a], index[b], EDGE_WEIGHT.get(kind, 1.0))
    mem = frames["memberships"].sort_values("membership_id")
    hubs = 0
    for _, members in mem.groupby("group_id", sort=True)["person_id"]:
        hub = len(ids) + hubs  # one extra vertex per group pulls its members together
        hubs += 1
        for pid in sorted(set(members)):
            if pid in index:
                link(hub, index[pid], 0.7)
    n = len(ids) + hubs
    graph = igraph.Graph(n=n, edges=list(weights))
    start = [[math.cos(2 * math.pi * i / max(n, 1)), math.sin(2 * math.pi * i / max(n, 1))] for i in range(n)]
    strengths = list(weights.values()) or None
    igraph.set_random_number_generator(random.Random(1917))  # both layouts jitter nodes: seed them
    try:
        if n <= 400:
            # Kamada-Kawai spreads a small network evenly, so labels stay readable.
            coords = graph.layout_kamada_kawai(seed=start, maxiter=50 * n,
                                               weights=[1.0 / w for w in strengths] if strengths else None)
        else:
            coords = graph.layout_fruchterman_reingold(weights=strengths, niter=500 if n <= 1000 else 150,
                                                       seed=start, grid="auto")
    finally:
        igraph.set_random_number_generator(random)
    xs, ys = _declutter([c[0] for c in coords[: len(ids)]]), _declutter([c[1] for c in coords[: len(ids)]])
    if not ids:
        return pd.DataFrame({"person_id": [], "x": [], "y": []})
    # About as wide as tall, like the panel beside the timeline; a larger network gets a larger canvas.
    size = 480 * max(1.0, math.sqrt(len(ids) / 40))
    x = (np.array(xs) - 0.5) * size * 1.1
    y = (np.array(ys) - 0.5) * size
    if len(ids) <= 400:
        x, y = _spread(x / LABEL_ASPECT, y, MIN_GAP)
        x = x * LABEL_ASPECT
    return pd.DataFrame({"person_id": ids, "x": np.round(x, 1), "y": np.round(y, 1)})


def _spread(x: np.ndarray, y: np.ndarray, gap: float, rounds: int = 200) -> tuple[np.ndarray, np.ndarray]:
    """Push apart nodes closer than `gap` (a name's width, roughly), so the dense core of a network can
    be read; each pair moves half the overlap each way, until none is left or `rounds` is spent."""
    x, y = x.astype(float).copy(), y.astype(float).copy()
    n = len(x)
    # Coincident nodes need a direction: a fixed one per pair, so the result is the same on every build.
    tie = np.subtract.outer(np.arange(n), np.arange(n)).astype(float)
    for _ in range(rounds):
        dx, dy = np.subtract.outer(x, x), np.subtract.outer(y, y)
        d = np.hypot(dx, dy)
        close = (d < gap) & ~np.eye(n, dtype=bool)
        if not close.any():
            break
        dx = np.where(d > 1e-6, dx, tie)
        d = np.where(d > 1e-6, d, np.maximum(np.abs(tie), 1.0))  # the diagonal: 1, never divided by 0
        push = np.where(close, (gap - d) / 2 / d, 0.0)
        x += (push * dx).sum(axis=1) * 0.5
        y += (push * dy).sum(axis=1) * 0.5
    return x, y


def _declutter(values: list[float]) -> list[float]:
    """Map coordinates to [0, 1], blending in their rank: dense cores spread out, order is kept."""
    if not values:
        return []
    lo, hi = min(values), max(values)
    span = (hi - lo) or 1.0
    order = sorted(range(len(values)), key=lambda i: (values[i], i))
    rank = [0.0] * len(values)
    for r, i in enumerate(order):
        rank[i] = r / max(1, len(values) - 1)
    return [0.35 * (v - lo) / span + 0.65 * q for v, q in zip(values, rank)]
