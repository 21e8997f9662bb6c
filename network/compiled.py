"""The graph compiled to arrays: scipy.sparse CSR matrices and Dijkstra from the sites.

Parallel edges collapse to the fastest one. Travel times to the sites come from one
``scipy.sparse.csgraph.dijkstra`` call on the *reversed* graph with the sites as sources, giving a
sites × nodes matrix; origins then combine vectorially through their connector candidates. Results
equal NetworkX's shortest path lengths on the same graph (tests/network/test_compiled.py).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import scipy.sparse as sp
from scipy.sparse.csgraph import dijkstra

from network.graph import MODES
from network.parts import GraphParts

#: Bits used to record which modes a path uses (``local`` = connectors on local roads).
MODE_BITS: dict[str, int] = {m: 1 << i for i, m in enumerate((*MODES, "local"))}


def modes_text(bits: int) -> str:
    """Return the modes encoded in ``bits`` joined by '+', in MODES order (e.g. 'hsr+local')."""
    return "+".join(m for m, b in MODE_BITS.items() if bits & b)


@dataclass
class CompiledGraph:
    """Arrays of one scenario graph. ``w`` holds the minutes of the fastest edge for each (u, v)."""

    nodes: list[str]
    index: dict[str, int]
    u: np.ndarray
    v: np.ndarray
    w: np.ndarray
    bits: np.ndarray                  # mode bit of each (u, v) edge (0 for access/wait/egress/transfer)
    edge_ref: np.ndarray              # index of the fastest source edge, into ``edges``
    edges: list[tuple[str, str, dict[str, Any]]] = field(repr=False)
    node_attrs: dict[str, dict[str, Any]] = field(repr=False)
    hubs: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    sites: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    name: str = ""

    def __post_init__(self) -> None:
        n = len(self.nodes)
        self.csr = sp.csr_matrix((self.w, (self.u, self.v)), shape=(n, n))
        self.rcsr = sp.csr_matrix((self.w, (self.v, self.u)), shape=(n, n))
        self._keys = self.u.astype(np.int64) * n + self.v.astype(np.int64)  # sorted (lexsort u, v)
        self.x = np.array([self.node_attrs[nid]["x"] for nid in self.nodes], dtype=float)
        self.y = np.array([self.node_attrs[nid]["y"] for nid in self.nodes], dtype=float)

    @property
    def n(self) -> int:
        return len(self.nodes)

    def edge_position(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """Return positions in u/v/w of edges (a[i] → b[i]); -1 where there is no such edge."""
        keys = np.asarray(a, dtype=np.int64) * self.n + np.asarray(b, dtype=np.int64)
        if len(self._keys) == 0:
            return np.full(len(keys), -1, dtype=np.int64)
        pos = np.clip(np.searchsorted(self._keys, keys), 0, len(self._keys) - 1)
        return np.where(self._keys[pos] == keys, pos, -1)

    def to_sites(self, site_ids: Iterable[str], *, with_modes: bool = False):
        """Minutes from every node to each site: array sites × nodes (inf = unreachable).

        With ``with_modes`` also return the mode bits of each shortest path (same shape).
        """
        idx = np.array([self.index[s] for s in site_ids], dtype=np.int64)
        if len(idx) == 0:
            empty = np.zeros((0, self.n))
            return (empty, empty.astype(np.int64)) if with_modes else empty
        if not with_modes:
            return np.atleast_2d(dijkstra(self.rcsr, directed=True, indices=idx))
        dist, pred = dijkstra(self.rcsr, directed=True, indices=idx, return_predecessors=True)
        dist, pred = np.atleast_2d(dist), np.atleast_2d(pred)
        return dist, self._path_bits(pred)

    def to_nearest_site(self, site_ids: Iterable[str]) -> tuple[np.ndarray, np.ndarray]:
        """Minutes from every node to its nearest site, and that site's position in ``site_ids`` (-1: none).

        One min-only multi-source Dijkstra on the reversed graph: no sites × nodes matrix.
        """
        idx = np.array([self.index[s] for s in site_ids], dtype=np.int64)
        if len(idx) == 0:
            return np.full(self.n, np.inf), np.full(self.n, -1, dtype=np.int64)
        dist, _, src = dijkstra(self.rcsr, directed=True, indices=idx, min_only=True, return_predecessors=True)
        pos = np.full(self.n, -1, dtype=np.int64)
        ok = src >= 0
        first = np.full(self.n, -1, dtype=np.int64)
        first[idx[::-1]] = np.arange(len(idx))[::-1]  # written last to first: the first listed site wins a node
        pos[ok] = first[src[ok]]
        return dist, pos

    def _path_bits(self, pred: np.ndarray) -> np.ndarray:
        """OR of the edge mode bits along each node's shortest path to the source (pointer doubling)."""
        S, n = pred.shape
        nodes = np.broadcast_to(np.arange(n), (S, n))
        has = pred >= 0
        pos = self.edge_position(nodes[has], pred[has])  # forward edge node -> next node towards the site
        acc = np.zeros((S, n), dtype=np.int64)
        acc[has] = np.where(pos >= 0, self.bits[np.maximum(pos, 0)], 0)
        anc = np.where(has, pred, -1)
        rows = np.broadcast_to(np.arange(S)[:, None], (S, n))
        while (anc >= 0).any():
            ok = anc >= 0
            safe = np.where(ok, anc, 0)
            acc = np.where(ok, acc | acc[rows, safe], acc)
            anc = np.where(ok, anc[rows, safe], -1)
        return acc

    def from_node(self, node: str):
        """Minutes and predecessors from ``node`` to every node (forward Dijkstra)."""
        dist, pred = dijkstra(self.csr, directed=True, indices=self.index[node], return_predecessors=True)
        return dist, pred


def _dedupe(u: np.ndarray, v: np.ndarray, w: np.ndarray):
    """Sort edges by (u, v, w) and keep the fastest of each (u, v); return the kept positions."""
    order = np.lexsort((w, v, u))
    us, vs = u[order], v[order]
    first = np.ones(len(order), dtype=bool)
    first[1:] = (us[1:] != us[:-1]) | (vs[1:] != vs[:-1])
    return order[first]


def compile_parts(parts: GraphParts, *, name: str = "",
                  edge_filter: Callable[[dict[str, Any]], bool] | None = None) -> CompiledGraph:
    """Compile graph parts (see network.graph.graph_parts) to arrays; ``edge_filter`` keeps some edges."""
    nodes = list(parts.nodes)
    index = {nid: i for i, nid in enumerate(nodes)}
    edges = parts.edges if edge_filter is None else [e for e in parts.edges if edge_filter(e[2])]
    return _compile(nodes, index, edges, parts.nodes, parts.hubs, parts.sites, parts.problems, name)


def _compile(nodes, index, edges, node_attrs, hubs, sites, problems, name) -> CompiledGraph:
    m = len(edges)
    u = np.fromiter((index[e[0]] for e in edges), dtype=np.int64, count=m)
    v = np.fromiter((index[e[1]] for e in edges), dtype=np.int64, count=m)
    w = np.fromiter((e[2]["minutes"] for e in edges), dtype=float, count=m)
    bits = np.fromiter((MODE_BITS.get(e[2]["mode"], MODE_BITS["local"] if e[2]["mode"] == "connector" else 0)
                        if e[2]["kind"] in ("ride", "dwell", "connector") else 0 for e in edges),
                       dtype=np.int64, count=m)
    if (w < 0).any() or not np.isfinite(w).all():
        bad = edges[int(np.flatnonzero((w < 0) | ~np.isfinite(w))[0])]
        raise ValueError(f"edge {bad[0]} -> {bad[1]} has invalid minutes {bad[2]['minutes']!r}")
    keep = _dedupe(u, v, w)
    hub_idx = np.array([index[h] for h in hubs if h in index], dtype=np.int64)
    return CompiledGraph(nodes, index, u[keep], v[keep], w[keep], bits[keep], keep, edges, node_attrs,
                         hub_idx, [s for s in sites if s in index], list(problems), name)
