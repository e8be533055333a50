"""Derived tables computed once at build time: one stable network layout over
the whole period (so nodes never jump when the date cursor moves)."""
from __future__ import annotations

import math
import random
from collections import defaultdict
from itertools import combinations

import igraph
import numpy as np
import pandas as pd

# Room for a name: a label is wider than tall, so side by side people need more room than stacked ones.
MIN_GAP = 60.0  # layout units (about pixels at zoom 1), vertically
LABEL_ASPECT = 1.6  # ... and 1.6 times that side by side
# Groups that make sides in the struggle: the layout pulls their members together.
FACTION_GROUPS = ("faction", "opposition", "bloc")


def _years(lo: int, hi: int) -> float:
    """A span in years, within [0.5, 15]: an undated or open-ended row counts, but cannot dominate."""
    return min(15.0, max(0.5, (hi - lo) / 365.25))


def ties(frames: dict[str, pd.DataFrame]) -> tuple[dict[tuple[str, str], float], dict[tuple[str, str], float]]:
    """Years each pair of people spent on the same side (in the same faction, opposition or bloc, or
    allied: alliance, patronage, agreement; a family tie counts half a year) and years as opponents
    (rivalry, repression), from the validity bounds (core/validity.py)."""
    together: dict[tuple[str, str], float] = defaultdict(float)
    apart: dict[tuple[str, str], float] = defaultdict(float)
    key = lambda a, b: (a, b) if a < b else (b, a)  # noqa: E731
    rel = frames["relations"]
    for a, b, kind, lo, hi in zip(rel["a"], rel["b"], rel["kind"], rel["v_lo"], rel["v_hi"]):
        if a == b or lo > hi:
            continue
        if kind in ("rivalry", "repression"):
            apart[key(a, b)] += _years(lo, hi)
        elif kind in ("alliance", "patronage", "agreement"):
            together[key(a, b)] += _years(lo, hi)
        else:
            together[key(a, b)] += 0.5
    kinds = dict(zip(frames["groups"]["group_id"], frames["groups"]["kind"]))
    mem = frames["memberships"]
    mem = mem[mem["group_id"].map(kinds).isin(FACTION_GROUPS) & (mem["v_lo"] <= mem["v_hi"])]
    for _, group in mem.groupby("group_id", sort=True):
        rows = sorted(zip(group["person_id"], group["v_lo"], group["v_hi"]))
        for (a, alo, ahi), (b, blo, bhi) in combinations(rows, 2):
            lo, hi = max(alo, blo), min(ahi, bhi)
            if a != b and lo <= hi:
                together[key(a, b)] += _years(lo, hi)
    return dict(together), dict(apart)


def _stress(d: np.ndarray, x: np.ndarray, rounds: int = 300) -> np.ndarray:
    """Stress majorization (SMACOF, the Guttman transform with weights 1/d²): moves the points so their
    distances approach `d`, short ones first, as Kamada-Kawai does; deterministic from its start."""
    w = 1.0 / np.where(d > 0, d, 1.0) ** 2
    np.fill_diagonal(w, 0.0)
    v = -w.copy()
    np.fill_diagonal(v, w.sum(axis=1))
    v_inv = np.linalg.pinv(v)
    for _ in range(rounds):
        gaps = np.hypot(*(x[:, None, :] - x[None, :, :]).transpose(2, 0, 1))
        b = -w * d / np.where(gaps > 0, gaps, 1e-9)
        np.fill_diagonal(b, 0.0)
        np.fill_diagonal(b, -b.sum(axis=1))
        x = v_inv @ b @ x
    return x


def _sides_layout(ids: list[str], together: dict, apart: dict) -> list[list[float]]:
    """A layout whose distances follow a target that brings allies close and pushes opponents apart:
    the shortest path over ties of length 1 / (1 + years together), and at least `far` for opponents.
    Classical MDS (igraph) places everyone, stress majorization (`_stress`) refines it."""
    index = {pid: i for i, pid in enumerate(ids)}
    pairs = [(index[a], index[b], 1.0 / (1.0 + w)) for (a, b), w in sorted(together.items())
             if a in index and b in index]
    graph = igraph.Graph(n=len(ids), edges=[(a, b) for a, b, _ in pairs])
    d = np.array(graph.distances(weights=[w for _, _, w in pairs] or None), dtype=float)
    finite = d[np.isfinite(d) & (d > 0)]
    top = finite.max() if finite.size else 1.0
    d[~np.isfinite(d)] = 1.5 * top  # separate components: apart, but on the same canvas
    far = 2.0 * (np.quantile(finite, 0.75) if finite.size else 1.0)
    for (a, b), _ in sorted(apart.items()):
        if a in index and b in index:
            i, j = index[a], index[b]
            d[i, j] = d[j, i] = max(d[i, j], far)
    igraph.set_random_number_generator(random.Random(1917))  # ARPACK's start vector: seed it
    try:
        start = np.array(graph.layout_mds(dist=d.tolist(), dim=2).coords, dtype=float)
    finally:
        igraph.set_random_number_generator(random)
    return _stress(d, start).tolist()


def positions(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Deterministic layout of everyone over the whole record: people on the same side close together,
    opponents apart (`ties`). Small networks (up to 400 people) use classical MDS, which has no
    randomness; larger ones igraph's Fruchterman-Reingold over the same ties (2,000 nodes in well
    under a second, where networkx's spring layout takes 10-20 s), from a fixed circle with a seeded
    generator, so the result is the same on every build."""
    ids = sorted(frames["people"]["person_id"])
    if not ids:
        return pd.DataFrame({"person_id": [], "x": [], "y": []})
    together, apart = ties(frames)
    n = len(ids)
    if n <= 400:
        coords = _sides_layout(ids, together, apart)
    else:
        index = {pid: i for i, pid in enumerate(ids)}
        edges = [(index[a], index[b], w) for (a, b), w in sorted(together.items()) if a in index and b in index]
        graph = igraph.Graph(n=n, edges=[(a, b) for a, b, _ in edges])
        start = [[math.cos(2 * math.pi * i / n), math.sin(2 * math.pi * i / n)] for i in range(n)]
        igraph.set_random_number_generator(random.Random(1917))  # the layout jitters nodes: seed it
        try:
            coords = graph.layout_fruchterman_reingold(weights=[w for _, _, w in edges] or None,
                                                       niter=500 if n <= 1000 else 150, seed=start, grid="auto")
        finally:
            igraph.set_random_number_generator(random)
    xs, ys = _declutter([c[0] for c in coords]), _declutter([c[1] for c in coords])
    # About as wide as tall, like the panel beside the timeline; a larger network gets a larger canvas.
    size = 480 * max(1.0, math.sqrt(n / 40))
    x = (np.array(xs) - 0.5) * size * 1.1
    y = (np.array(ys) - 0.5) * size
    if n <= 400:
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
