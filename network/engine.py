"""One scenario's network ready for queries: graph parts, compiled arrays and origin connectors.

``get_engine`` caches engines per (data files, scenario features, parameters, passenger, modes), so the
app and the CLI compile each scenario graph once.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from network.compiled import CompiledGraph, compile_parts, modes_text, MODE_BITS
from geo.paths import DataVersion
from network.data import NetworkData, load_network_data
from network.errors import NetworkError, UnknownFeatureError
from network.connectors import connector_minutes
from network.links import DIRECT, LINKS, MAX_STATION_LINKS, LRUCache, points_key
from network.graph import MODE_GROUP, WAIT_MODELS, graph_parts, parts_graph
from network.params import Params, load_params
from network.scenario import Scenario, resolve_scenario

SITE_SELECTIONS = ("all", "national")

REASON_NO_CONNECTOR = "no network node within {km:g} km of the origin"
REASON_NO_PATH = "no path in this scenario"


def mode_filter(modes: Iterable[str] | None, *, connectors: bool = True):
    """Return an edge predicate keeping only edges of ``modes`` (+ their access/egress) and connectors."""
    if modes is None:
        return None
    allowed = set(modes) | {MODE_GROUP[m] for m in modes if m in MODE_GROUP}
    if connectors:
        allowed.add("local")
    return lambda attrs: attrs["service"] in allowed


@dataclass
class CostMatrix:
    """Minutes from each origin to each site (NaN = unreachable) with per-origin reasons and path modes."""

    origins: pd.DataFrame
    site_ids: list[str]
    minutes: np.ndarray            # origins × sites, NaN where unreachable
    modes: np.ndarray              # origins × sites mode bits (see network.compiled.MODE_BITS)
    origin_reason: np.ndarray      # '' or why the origin reaches nothing
    scenario: str = ""
    #: origins × sites index of the network node each origin joins at (-1: a direct local trip, or none);
    #: only filled by ``cost_matrix(..., with_via=True)``
    via: np.ndarray | None = None

    def to_long(self, *, with_modes: bool = True) -> pd.DataFrame:
        """Return the long cost table: origin_id, site_id, minutes, reachable, reason, modes."""
        O, S = self.minutes.shape
        oid = np.repeat(self.origins["origin_id"].to_numpy(), S)
        sid = np.tile(np.array(self.site_ids, dtype=object), O)
        mins = self.minutes.ravel()
        reachable = np.isfinite(mins)
        reason = np.where(reachable, "", np.where(np.repeat(self.origin_reason, S) != "",
                                                  np.repeat(self.origin_reason, S), REASON_NO_PATH))
        df = pd.DataFrame({"origin_id": oid, "site_id": sid, "minutes": mins, "reachable": reachable,
                           "reason": reason})
        if with_modes:
            uniq, inv = np.unique(self.modes.ravel(), return_inverse=True)
            labels = np.array([modes_text(int(b)) for b in uniq], dtype=object)
            df["modes"] = np.where(reachable, labels[inv.reshape(-1)], "")
        df.attrs["scenario"] = self.scenario
        return df


class Engine:
    """A scenario graph compiled for fast queries (build with ``get_engine``)."""

    def __init__(self, scenario: Scenario | str = "existing", *, data_dir: Path | None = None,
                 params: Params | None = None, passenger: bool = True, include: Iterable[str] | str = (),
                 exclude: Iterable[str] | str = (), modes: Iterable[str] | None = None,
                 connectors: bool = True, data: NetworkData | None = None, waits: str = "random"):
        self.data = data or load_network_data(data_dir)
        self.params = params or data_params(self.data)
        self.scenario = scenario = resolve_scenario(scenario, include=include, exclude=exclude, data=self.data,
                                                    params=self.params)
        self.passenger = passenger
        self.modes = tuple(modes) if modes is not None else None
        self.connectors = connectors
        self.waits = waits
        self.parts = graph_parts(self.data, scenario, self.params, passenger=passenger, waits=waits)
        self.graph: CompiledGraph = compile_parts(self.parts, name=scenario.name,
                                                  edge_filter=mode_filter(self.modes, connectors=connectors))
        self._site_cache: dict[tuple, tuple[np.ndarray, np.ndarray]] = {}
        self._hub_groups: tuple[dict, dict] | None = None
        self._nearest_cache: dict[tuple, tuple[np.ndarray, np.ndarray]] = {}
        self._last_links: tuple[str | None, Any] = (None, None)

    # -- graph views ---------------------------------------------------------------------------------
    def nx_graph(self) -> nx.MultiDiGraph:
        """Return the scenario's NetworkX MultiDiGraph (same nodes and edges as the compiled arrays)."""
        return parts_graph(self.parts, self.scenario, passenger=self.passenger,
                           keep=mode_filter(self.modes, connectors=self.connectors))

    def site_ids(self, sites: str | Sequence[str] = "all") -> list[str]:
        """Return the heritage sites in this scenario: 'all', 'national' or an explicit list of ids."""
        if isinstance(sites, str):
            if sites not in SITE_SELECTIONS:
                raise NetworkError(f"unknown site level {sites!r}; use one of {', '.join(SITE_SELECTIONS)}")
            return [s for s in self.graph.sites
                    if sites == "all" or self.data.features[s].get("level") == "national"]
        missing = [s for s in sites if s not in self.graph.index]
        if missing:
            raise UnknownFeatureError(f"not a heritage site in scenario {self.scenario.name}: {', '.join(missing)}")
        return list(sites)

    def site_minutes(self, origins: pd.DataFrame, site_ids: Sequence[str]) -> np.ndarray:
        """Minutes origins × ``site_ids``, NaN for a site absent from this scenario (or unreachable)."""
        own = [s for s in site_ids if s in self.graph.index]
        m = np.full((len(origins), len(site_ids)), np.nan)
        if own:
            pos = {s: j for j, s in enumerate(site_ids)}
            m[:, [pos[s] for s in own]] = self.cost_matrix(origins, own).minutes
        return m

    def to_sites(self, site_ids: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """Minutes (sites × nodes) and path mode bits from every node to each site; cached."""
        key = tuple(site_ids)
        if key not in self._site_cache:
            self._site_cache[key] = self.graph.to_sites(key, with_modes=True)
        return self._site_cache[key]

    def to_nearest_site(self, site_ids: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """Minutes from every node to its nearest site and that site's position in ``site_ids``; cached."""
        key = tuple(site_ids)
        if key not in self._nearest_cache:
            self._nearest_cache[key] = self.graph.to_nearest_site(key)
        return self._nearest_cache[key]

    # -- origins -------------------------------------------------------------------------------------
    def origin_links(self, x: np.ndarray, y: np.ndarray, *, key: str | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Connector candidates of points: (node index O×k, -1 if none; connector minutes O×k).

        The ``connector.origin_k`` nearest places within ``connector.origin_max_km``, plus every station
        and airport within ``connector.station_radius_km`` (up to ``network.links.MAX_STATION_LINKS``),
        so that adding a station to a scenario only adds candidates. Cached per (points, hubs) in
        ``network.links.LINKS``; ``key`` is the points' digest when the caller has it already.
        """
        p = self.params
        x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
        pkey = key or points_key(x, y)
        if self._last_links[0] == pkey:  # the same origins again (a ranking, a rerun): no gathers at all
            return self._last_links[1]
        if self._hub_groups is None:  # an engine's hubs never change
            groups: tuple[dict, dict] = ({}, {})
            for h in self.graph.hubs:
                nid = self.graph.nodes[h]
                groups[self.graph.node_attrs[nid]["kind"] != "place"][nid] = (self.graph.x[h], self.graph.y[h])
            self._hub_groups = groups
        cands, mins = [], []
        for hubs, k, r in zip(self._hub_groups, (int(p.num("connector.origin_k")), MAX_STATION_LINKS),
                              (p.num("connector.origin_max_km"), p.num("connector.station_radius_km"))):
            found = LINKS.links(pkey, x, y, hubs, k, r * 1000)
            # position -1 (no candidate) picks the appended -1; its distance is inf, so its minutes too
            node = np.array([self.graph.index[h] for h in found.ids] + [-1], dtype=np.int64)
            cands.append(node[found.idx])
            mins.append(connector_minutes(found.dist, p))
        out = np.concatenate(cands, axis=1), np.concatenate(mins, axis=1)
        for a in out:
            a.flags.writeable = False  # shared by later calls
        self._last_links = (pkey, out)
        return out

    def cost_matrix(self, origins: pd.DataFrame, sites: str | Sequence[str] = "all", *,
                    chunk: int = 20000, with_via: bool = False, modes: bool = True) -> CostMatrix:
        """Minutes from each origin (columns origin_id, x, y) to each site; NaN = unreachable.

        An origin joins the network through its connector candidates (``origin_links``) and takes the
        best candidate per site, or a direct local trip to the site when that is faster. ``with_via``
        also records the node each origin joins at (``CostMatrix.via``); ``modes=False`` skips the path
        modes (``CostMatrix.modes`` all 0), which the access table does not need.
        """
        site_ids = self.site_ids(sites)
        x = origins["x"].to_numpy(dtype=float)
        y = origins["y"].to_numpy(dtype=float)
        O, S = len(x), len(site_ids)
        D, B = self.to_sites(site_ids)
        D = np.concatenate([D, np.full((S, 1), np.inf)], axis=1)  # candidate -1 (none) reads this inf column
        cand, cmin = self.origin_links(x, y)
        sxy = np.array([self.data.xy[s] for s in site_ids], dtype=float).reshape(S, 2)
        out = np.empty((O, S))
        bits = np.zeros((O, S), dtype=np.int64)
        via = np.full((O, S), -1, dtype=np.int64) if with_via else None
        for a in range(0, O, chunk):
            sl = slice(a, min(O, a + chunk))
            self._cost_chunk(sl, x, y, cand, cmin, D, B if modes else None, sxy, out, bits, via)
        has_link = (cand >= 0).any(axis=1)
        near_site = (out < np.inf).any(axis=1) if S else np.zeros(O, bool)
        reason = np.where(has_link | near_site, "",
                          REASON_NO_CONNECTOR.format(km=self.params.num("connector.origin_max_km")))
        out[~np.isfinite(out)] = np.nan
        bits[np.isnan(out)] = 0
        return CostMatrix(origins.reset_index(drop=True), site_ids, out, bits, reason.astype(object),
                          self.scenario.name, via)

    def _cost_chunk(self, sl: slice, x, y, cand, cmin, D, B, sxy, out, bits, via) -> None:
        """Fill rows ``sl`` of ``out`` (and ``bits`` when B is given, ``via`` when not None)."""
        c, cm = cand[sl], cmin[sl]
        S = len(sxy)
        tot = cm[None, :, :] + D[:, c]                   # (S, o, k): connector + network minutes to the site
        dist = np.hypot(x[sl, None] - sxy[None, :, 0], y[sl, None] - sxy[None, :, 1])
        max_m = self.params.num("connector.origin_max_km") * 1000
        direct = np.where(dist <= max_m, connector_minutes(dist, self.params), np.inf)  # (o, S)
        if B is None and via is None:
            net = tot.min(axis=2).T if tot.shape[2] else np.full(direct.shape, np.inf)
            out[sl] = np.minimum(direct, net)
            return
        best_k = np.argmin(tot, axis=2)                   # (S, o)
        net = np.take_along_axis(tot, best_k[:, :, None], axis=2)[:, :, 0].T
        node = np.take_along_axis(np.broadcast_to(c[None], tot.shape), best_k[:, :, None], axis=2)[:, :, 0]
        use_direct = direct < net
        out[sl] = np.where(use_direct, direct, net)
        local = MODE_BITS["local"]
        if B is not None:
            bb = B[np.arange(S)[:, None], np.maximum(node, 0)] | local
            bits[sl] = np.where(use_direct, local, bb.T)
        if via is not None:
            via[sl] = np.where(use_direct | ~np.isfinite(net), -1, node.T)


MAX_CACHED_ENGINES = 8
_ENGINES = LRUCache(MAX_CACHED_ENGINES)
_PARAMS = LRUCache(4)


def data_params(data: NetworkData) -> Params:
    """The parameter table of ``data``'s folder, read once per data version."""
    key = data.cache_key
    return _PARAMS.get(key) or _PARAMS.put(key, load_params(data_dir=data.data_dir))


def get_engine(scenario: Scenario | str = "existing", *, data_dir: Path | None = None, params: Params | None = None,
               passenger: bool = True, include: Iterable[str] | str = (), exclude: Iterable[str] | str = (),
               modes: Iterable[str] | None = None, connectors: bool = True, waits: str = "random",
               version: DataVersion | None = None) -> Engine:
    """Return a cached Engine for the scenario (compiled once per data version, scenario and parameters).

    ``modes`` keeps only those modes' edges (plus local connectors unless ``connectors=False``);
    ``waits`` is the wait model (``random``: half the headway; ``planned``: a boarding margin — see
    network.graph); ``version`` is the request's data version, stamped here when not given.
    """
    if waits not in WAIT_MODELS:
        raise NetworkError(f"unknown wait model {waits!r}; use one of {', '.join(WAIT_MODELS)}")
    data = load_network_data(data_dir, version=version)
    params = params or data_params(data)
    scenario = resolve_scenario(scenario, include=include, exclude=exclude, data=data, params=params)
    key = (data.cache_key, scenario.key, params.digest, passenger,
           tuple(sorted(modes)) if modes is not None else None, connectors, waits)
    eng = _ENGINES.get(key)
    if eng is None:
        eng = _ENGINES.put(key, Engine(scenario, params=params, passenger=passenger, modes=modes,
                                       connectors=connectors, data=data, waits=waits))
    return eng


def clear_cache() -> None:
    """Forget every cached engine and parameter table (e.g. after the layers changed on disk)."""
    _ENGINES.clear()
    _PARAMS.clear()
    LINKS.clear()
    DIRECT.clear()
