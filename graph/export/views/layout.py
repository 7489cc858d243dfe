"""A starting layout for the network view, computed at build time so the browser only has to settle it.

vis-network's physics needs hundreds of iterations to untangle a few hundred nodes from random places,
which is most of the time a page takes to become usable. A Fruchterman-Reingold layout computed here
(numpy, fixed seed, so the same graph gives the same page) leaves the browser a short stabilisation.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

__all__ = ["spring_positions"]

_SEED = 7
_MIN_DIST = 0.01


def spring_positions(nodes: Sequence[str], links: Iterable[tuple[str, str]], *, iterations: int = 80,
                     scale: float | None = None) -> dict[str, tuple[float, float]]:
    """Fruchterman-Reingold positions of ``nodes`` (dense, O(n²) per iteration), in vis-network units.

    Args:
        nodes: node ids, in a fixed order (the result depends on it).
        links: pairs of node ids; direction and repeats are ignored.
        iterations: cooling steps.
        scale: half-width of the layout; by default it grows with the square root of the node count.

    Returns:
        ``{node: (x, y)}`` rounded to one decimal.

    >>> pos = spring_positions(["a", "b", "c"], [("a", "b")])
    >>> sorted(pos) == ["a", "b", "c"] and pos == spring_positions(["a", "b", "c"], [("a", "b")])
    True
    """
    n = len(nodes)
    if n == 0:
        return {}
    index = {node: i for i, node in enumerate(nodes)}
    adjacency = np.zeros((n, n))
    for u, v in links:
        if u in index and v in index and u != v:
            adjacency[index[u], index[v]] = adjacency[index[v], index[u]] = 1.0
    pos = _fruchterman_reingold(adjacency, iterations)
    pos -= pos.mean(axis=0)
    extent = float(np.abs(pos).max()) or 1.0
    pos *= (scale or 60.0 * np.sqrt(n)) / extent
    return {node: (round(float(x), 1), round(float(y), 1)) for node, (x, y) in zip(nodes, pos)}


def _fruchterman_reingold(adjacency: np.ndarray, iterations: int) -> np.ndarray:
    n = adjacency.shape[0]
    pos = np.random.default_rng(_SEED).random((n, 2)).astype(np.float32)
    adjacency = adjacency.astype(np.float32)
    k2 = np.float32(1.0 / n)
    k = np.sqrt(k2)
    temperature = 0.1
    step = temperature / (iterations + 1)
    for _ in range(iterations):
        dx = pos[:, 0, None] - pos[None, :, 0]
        dy = pos[:, 1, None] - pos[None, :, 1]
        distance = np.maximum(np.sqrt(dx * dx + dy * dy), _MIN_DIST)
        force = k2 / (distance * distance) - adjacency * (distance / k)
        shift = np.stack(((dx * force).sum(axis=1), (dy * force).sum(axis=1)), axis=1)
        length = np.linalg.norm(shift, axis=1)
        length = np.where(length < _MIN_DIST, 0.1, length)
        pos += shift * (temperature / length)[:, None]
        temperature -= step
    return pos.astype(np.float64)
