"""Where origins join the network: connector candidates, cached per (origin points, hub set).

An origin joins the network through the ``connector.origin_k`` nearest *places* within
``connector.origin_max_km`` and every station or airport within ``connector.station_radius_km`` (at most
``MAX_STATION_LINKS``). Those candidates depend only on the origin points and the hubs, not on the lines
of a scenario, so they are cached: scenarios with the same hubs share them, and a scenario that adds
hubs (a new station, a new airport) only searches among the added hubs and merges — the k nearest of a
union are the k nearest of (the k nearest of each part). Distances are stored in metres; minutes come
from the parameter table at query time.
"""
from __future__ import annotations

import hashlib
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy.spatial import cKDTree

#: at most this many stations/airports within ``connector.station_radius_km`` join one origin
MAX_STATION_LINKS = 8
#: the cache keeps candidates up to this many bytes (a 250 m grid's two groups take ~85 MB per hub set)
CACHE_BYTES = 512 * 1024 * 1024


@dataclass(frozen=True)
class HubLinks:
    """Candidates of O points among some hubs: ``idx`` (O×k positions into ``ids``, -1 = none), ``dist`` (m)."""

    ids: np.ndarray
    idx: np.ndarray
    dist: np.ndarray

    @property
    def nbytes(self) -> int:
        return int(self.idx.nbytes + self.dist.nbytes)


def points_key(x: np.ndarray, y: np.ndarray) -> str:
    """A digest of the origin coordinates (same points → same key, whatever frame they came in)."""
    h = hashlib.blake2b(digest_size=16)
    h.update(np.ascontiguousarray(x, dtype=float).tobytes())
    h.update(np.ascontiguousarray(y, dtype=float).tobytes())
    return h.hexdigest()


def search(ids: np.ndarray, hx: np.ndarray, hy: np.ndarray, x: np.ndarray, y: np.ndarray, k: int,
           radius_m: float) -> HubLinks:
    """The ``k`` nearest hubs within ``radius_m`` of each point (KD-tree), padded to width ``k``."""
    O = len(x)
    idx = np.full((O, k), -1, dtype=np.int32)
    dist = np.full((O, k), np.inf)
    if len(ids) and O and k:
        kk = min(k, len(ids))
        d, i = cKDTree(np.column_stack([hx, hy])).query(np.column_stack([x, y]), k=kk, distance_upper_bound=radius_m,
                                                               workers=-1)
        d, i = d.reshape(O, kk), i.reshape(O, kk)
        ok = i < len(ids)
        idx[:, :kk] = np.where(ok, i, -1)
        dist[:, :kk] = np.where(ok, d, np.inf)
    return HubLinks(np.asarray(ids, dtype=object), idx, dist)


def merge(a: HubLinks, b: HubLinks, k: int) -> HubLinks:
    """The ``k`` nearest candidates of the union of two candidate sets of the same points."""
    ids = np.concatenate([a.ids, b.ids])
    idx = np.concatenate([a.idx, np.where(b.idx >= 0, b.idx + len(a.ids), -1).astype(np.int32)], axis=1)
    dist = np.concatenate([a.dist, b.dist], axis=1)
    order = np.argsort(dist, axis=1, kind="stable")[:, :k]
    return HubLinks(ids, np.take_along_axis(idx, order, axis=1), np.take_along_axis(dist, order, axis=1))


class LinkCache:
    """Candidates per (points, k, radius) and hub set; least recently used dropped beyond ``max_bytes``."""

    def __init__(self, max_bytes: int = CACHE_BYTES):
        self.max_bytes = max_bytes
        self._items: OrderedDict[tuple, HubLinks] = OrderedDict()
        self.searched = 0   # hubs searched by KD-tree (for tests and benchmarks)

    def links(self, pkey: str, x: np.ndarray, y: np.ndarray, hubs: dict[str, tuple[float, float]], k: int,
              radius_m: float) -> HubLinks:
        """Candidates of the points among ``hubs`` (id → EPSG:4547 x, y): cached, extended or searched."""
        want = frozenset(hubs)
        key = (pkey, k, float(radius_m), want)
        hit = self._items.get(key)
        if hit is not None:
            self._items.move_to_end(key)
            return hit
        base = max((kk for kk in self._items if kk[:3] == key[:3] and kk[3] <= want), key=lambda kk: len(kk[3]),
                   default=None)
        added = sorted(want - base[3]) if base is not None else sorted(want)
        found = search(np.array(added, dtype=object), np.array([hubs[h][0] for h in added], dtype=float),
                       np.array([hubs[h][1] for h in added], dtype=float), x, y, k, radius_m)
        self.searched += len(added)
        out = merge(self._items[base], found, k) if base is not None else found
        self._items[key] = out
        while sum(v.nbytes for v in self._items.values()) > self.max_bytes and len(self._items) > 1:
            self._items.popitem(last=False)
        return out

    def clear(self) -> None:
        self._items.clear()
        self.searched = 0

    def __len__(self) -> int:
        return len(self._items)


class LRUCache:
    """At most ``maxsize`` entries; ``get`` marks an entry as recently used, ``put`` drops the oldest."""

    def __init__(self, maxsize: int):
        self.maxsize = maxsize
        self._items: OrderedDict[Any, Any] = OrderedDict()

    def get(self, key: Any) -> Any:
        """Return the entry for ``key`` (None if absent)."""
        if key not in self._items:
            return None
        self._items.move_to_end(key)
        return self._items[key]

    def put(self, key: Any, value: Any) -> Any:
        """Store ``value`` under ``key`` and return it."""
        self._items[key] = value
        self._items.move_to_end(key)
        while len(self._items) > self.maxsize:
            self._items.popitem(last=False)
        return value

    def clear(self) -> None:
        self._items.clear()

    def __len__(self) -> int:
        return len(self._items)


LINKS = LinkCache()
#: (points, site positions, limit) -> closest site within the limit and its distance (network.nearest)
DIRECT = LRUCache(4)
