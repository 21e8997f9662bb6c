"""Local-road connectors: how places, stations, airports and heritage sites join each other off the lines.

A connector stands in for the county and township roads the layers do not hold: its length is the straight
line × ``connector.circuity`` and it is driven at ``connector.speed_kmh``. The links are chosen so that
adding a feature to a scenario never removes one (places link to places; stations and airports to the
places nearest them and to the places that list them; sites to their nearest places and to every station
or airport within ``connector.station_radius_km``).
"""
from __future__ import annotations

import math

import numpy as np
from scipy.spatial import cKDTree

from network.data import NetworkData
from network.parts import GraphParts
from network.params import Params


def connector_minutes(distance_m, params: Params):
    """Minutes by local road for a straight-line distance: distance × circuity at the connector speed."""
    return np.asarray(distance_m) * params.num("connector.circuity") / (params.num("connector.speed_kmh") * 1000.0 / 60.0)


def _connect(parts: GraphParts, params: Params, a: str, b: str, distance_m: float) -> None:
    minutes = float(connector_minutes(distance_m, params))
    length = distance_m * params.num("connector.circuity")
    for u, v in ((a, b), (b, a)):
        parts.add_edge(u, v, minutes, "connector", "connector", "local", length_m=length)


def _hub_pairs(data: NetworkData, ids: frozenset[str], places: list[str], others: list[str],
               params: Params, problems: list[str]) -> set[tuple[str, str]]:
    """Pairs of hubs to link: explicit (a place and the stations/airports serving it) and nearest places."""
    pairs: set[tuple[str, str]] = set()
    for fid in places:
        f = data.features[fid]
        for other in list(f.get("station_ids") or []) + list(f.get("airport_ids") or []):
            if other in ids and other in data.xy:
                pairs.add(tuple(sorted((fid, other))))
            elif other not in data.features:
                problems.append(f"{fid}: references unknown id {other!r}")
    for fid in data.ids("stations"):
        pl = data.features[fid].get("place_id")
        if fid in ids and pl in ids and pl in data.xy:
            pairs.add(tuple(sorted((fid, pl))))
    if not places:
        return pairs
    k = int(params.num("connector.hub_k"))
    tree = cKDTree(np.array([data.xy[h] for h in places]))
    for group, skip_self in ((places, True), (others, False)):
        if not group:
            continue
        kk = min(k + skip_self, len(places))
        dist, idx = tree.query(np.array([data.xy[h] for h in group]), k=kk,
                               distance_upper_bound=params.num("connector.hub_max_km") * 1000)
        dist, idx = dist.reshape(len(group), kk), idx.reshape(len(group), kk)
        for i, h in enumerate(group):
            for dd, j in zip(dist[i], idx[i]):
                if j < len(places) and places[j] != h and np.isfinite(dd):
                    pairs.add(tuple(sorted((h, places[j]))))
    return pairs


def _link_sites(parts: GraphParts, data: NetworkData, sites: list[str], places: list[str], others: list[str],
                params: Params) -> None:
    """Join each site to its ``connector.site_k`` nearest places and to stations/airports within the radius."""
    sxy = np.array([data.xy[s] for s in sites])
    linked = {s: 0 for s in sites}
    if places:
        ks = min(int(params.num("connector.site_k")), len(places))
        dist, idx = cKDTree(np.array([data.xy[h] for h in places])).query(
            sxy, k=ks, distance_upper_bound=params.num("connector.site_max_km") * 1000)
        dist, idx = dist.reshape(len(sites), ks), idx.reshape(len(sites), ks)
        for i, s in enumerate(sites):
            for dd, j in zip(dist[i], idx[i]):
                if j < len(places) and np.isfinite(dd):
                    _connect(parts, params, s, places[j], float(dd))
                    linked[s] += 1
    if others:
        oxy = np.array([data.xy[h] for h in others])
        radius = params.num("connector.station_radius_km") * 1000
        for i, near in enumerate(cKDTree(oxy).query_ball_point(sxy, r=radius)):
            for j in sorted(near):
                (x1, y1), (x2, y2) = sxy[i], oxy[j]
                _connect(parts, params, sites[i], others[j], math.hypot(x2 - x1, y2 - y1))
                linked[sites[i]] += 1
    for s, n in linked.items():
        if n == 0:
            parts.problems.append(f"{s}: no network node within {params.num('connector.site_max_km'):g} km; "
                                  "the site is reachable only from origins that close")


def add_connectors(parts: GraphParts, data: NetworkData, ids: frozenset[str], params: Params, *,
                   passenger: bool = True) -> GraphParts:
    """Add the hubs (places, stations, airports; ports for freight), the sites, and their connectors.

    Airport works phases (``phase_of``) are not separate nodes. Sets ``parts.hubs`` and ``parts.sites``.
    """
    places = [fid for fid in data.ids("places") if fid in ids]
    other_layers = ("stations", "airports") + (() if passenger else ("ports",))
    others = [fid for layer in other_layers for fid in data.ids(layer)
              if fid in ids and not (layer == "airports" and data.features[fid].get("phase_of"))]
    for h in places + others:
        parts.point_node(data, h)
    parts.hubs = places + others
    for a, b in sorted(_hub_pairs(data, ids, places, others, params, parts.problems)):
        (x1, y1), (x2, y2) = data.xy[a], data.xy[b]
        _connect(parts, params, a, b, math.hypot(x2 - x1, y2 - y1))
    sites = [fid for fid in data.ids("heritage_sites") if fid in ids]
    parts.sites = sites
    for s in sites:
        parts.point_node(data, s)
    if sites:
        _link_sites(parts, data, sites, places, others, params)
    return parts
