"""The fast path for measures that need only each origin's nearest site (bands, gains, ranking, sweeps).

The full path (``Engine.cost_matrix``) routes every origin to every site and keeps the origins × sites
matrix, which the access table's ``sites_within_<T>`` and gravity columns need. The nearest site needs
less: one min-only multi-source Dijkstra from all sites on the reversed graph gives every node its
nearest site; an origin then takes the best of its connector candidates (``Engine.origin_links``) —
one vectorised min over O × k — or a direct local trip to the closest site in a straight line (a
KD-tree), whichever is faster. The minutes equal the full path's minimum exactly (the same sums in the
same order); where two sites tie, the site named may differ.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.spatial import cKDTree

from network.connectors import connector_minutes
from network.engine import REASON_NO_CONNECTOR, Engine
from network.links import DIRECT, points_key


@dataclass
class Nearest:
    """Per origin: minutes to the nearest site (NaN = none reachable), its id (None) and the reason."""

    minutes: np.ndarray
    site_id: np.ndarray
    reason: np.ndarray


def _direct(engine: Engine, site_ids: Sequence[str], x: np.ndarray, y: np.ndarray,
            pkey: str) -> tuple[np.ndarray, np.ndarray]:
    """Minutes of a direct local trip to the closest site within ``connector.origin_max_km``, and its position.

    The closest site and its distance are cached per (points, site positions, limit): scenarios rarely
    change the sites, so a ranking or sweep searches once.
    """
    max_m = engine.params.num("connector.origin_max_km") * 1000
    if not len(site_ids) or not len(x):
        return np.full(len(x), np.inf), np.full(len(x), -1, dtype=np.int64)
    sxy = np.array([engine.data.xy[s] for s in site_ids], dtype=float)
    key = (pkey, sxy.tobytes(), max_m)
    hit = DIRECT.get(key)
    if hit is None:
        # the full path keeps a direct trip within the limit (<=); the tree's bound is strict (<), so widen it
        _, j = cKDTree(sxy).query(np.column_stack([x, y]), k=1, distance_upper_bound=np.nextafter(max_m, np.inf),
                                                workers=-1)
        jj = np.minimum(j, len(site_ids) - 1)
        dist = np.hypot(x - sxy[jj, 0], y - sxy[jj, 1])  # as the full path measures it (hypot, not the tree's sqrt)
        ok = (j < len(site_ids)) & (dist <= max_m)
        hit = DIRECT.put(key, (np.where(ok, dist, np.inf), np.where(ok, j, -1)))
    dist, j = hit
    return connector_minutes(dist, engine.params), j


def nearest_sites(engine: Engine, origins: pd.DataFrame, sites: str | Sequence[str] = "all") -> Nearest:
    """Nearest-site minutes of every origin (columns x, y in EPSG:4547) without the origins × sites matrix."""
    site_ids = engine.site_ids(sites)
    x = origins["x"].to_numpy(dtype=float)
    y = origins["y"].to_numpy(dtype=float)
    dist, pos = engine.to_nearest_site(site_ids)
    pkey = points_key(x, y)
    cand, cmin = engine.origin_links(x, y, key=pkey)
    rows = np.arange(len(x))
    if cand.shape[1]:
        tot = cmin + np.append(dist, np.inf)[cand]          # candidate -1 (none) reads the appended inf
        k = np.argmin(tot, axis=1)
        net, net_site = tot[rows, k], np.append(pos, -1)[cand[rows, k]]
    else:
        net, net_site = np.full(len(x), np.inf), np.full(len(x), -1)
    direct, direct_site = _direct(engine, site_ids, x, y, pkey)
    use_direct = direct < net
    minutes = np.where(use_direct, direct, net)
    which = np.where(use_direct, direct_site, net_site)
    reach = np.isfinite(minutes)
    names = np.array(list(site_ids) + [None], dtype=object)
    reason = np.full(len(x), "", dtype=object)
    if not reach.all():
        stranded = ~reach & ~(cand >= 0).any(axis=1) & ~np.isfinite(direct)
        reason[stranded] = REASON_NO_CONNECTOR.format(km=engine.params.num("connector.origin_max_km"))
    return Nearest(np.where(reach, minutes, np.nan), names[np.where(reach, which, -1)], reason)
