"""Evaluate sketched proposals without forking the engine (building them is network.sketch).

``overlay_data`` returns the loaded ``NetworkData`` plus the proposal's features, and ``proposal_engine``
builds a normal ``Engine`` on it for the scenario's ids plus the proposal's ids (cached by a hash of the
proposal). ``route_with``, ``access_with``, ``compare_with`` and ``rank_with`` mirror ``route``,
``access_table``, ``compare_scenarios`` and ``rank_projects``.

The sketch and draft names (``build_proposal``, ``Proposal``, ``Draft``, ``save_draft`` …) are importable
from here too, as before the split into network.sketch and network.drafts.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd
from shapely.geometry import shape

from network.access import engine_access_table, nearest_minutes
from network.compare import compare_engines
from network.data import NetworkData, load_network_data, project_line, to_projected
from network.drafts import (Draft, draft_history, draft_path, drafts_dir, list_drafts, load_draft, promote_draft,
                            save_draft)
from network.engine import Engine, LRUCache, get_engine
from network.errors import ProposalError
from network.measures import gain
from network.origins import origins_grid
from network.params import Params, load_params
from network.ranking import population_weights, rank_projects, rank_row, rank_thresholds, sort_ranking
from network.routing import find_place, route_between
from network.scenario import Scenario, resolve_scenario
from network.sketch import (EMPTY, LINE_KINDS, POINT_KINDS, RAIL_CLASSES, ROAD_CLASSES, HERITAGE_LEVELS, SKETCH_KINDS,
                            Proposal, build_proposal, read_sketch, slugify)

# -- the engine overlay --------------------------------------------------------------------------------

MAX_CACHED = 8
_OVERLAYS = LRUCache(MAX_CACHED)     # (data cache key, proposal digest) -> NetworkData
_P_ENGINES = LRUCache(MAX_CACHED)    # (..., scenario, proposal, parameters, passenger, modes) -> Engine


def overlay_data(data: NetworkData, proposal: Proposal) -> NetworkData:
    """Return ``data`` plus the proposal's features (a new NetworkData; ``data`` is not touched). Cached."""
    if proposal.empty:
        return data
    key = (data.cache_key, proposal.digest)
    if (cached := _OVERLAYS.get(key)) is not None:
        return cached
    clash = sorted(proposal.ids & set(data.features))
    if clash:
        raise ProposalError(f"proposal ids already in the data: {', '.join(clash)}; rebuild the sketch")
    features = dict(data.features)
    xy, lonlat = dict(data.xy), dict(data.lonlat)
    lines, lines_wgs84 = dict(data.lines), dict(data.lines_wgs84)
    layers = dict(data.layers)
    for layer, feats in proposal.features.items():
        for f in feats:
            fid = f["properties"]["id"]
            features[fid] = {**f["properties"], "layer": layer}
            g = shape(f["geometry"])
            if g.geom_type == "Point":
                x, y = to_projected(g.x, g.y)
                xy[fid] = (float(x), float(y))
                lonlat[fid] = (float(g.x), float(g.y))
            else:
                lines_wgs84[fid] = g
                lines[fid] = project_line(g)
        extra = gpd.GeoDataFrame.from_features(feats, crs="EPSG:4326")
        old = layers.get(layer)
        layers[layer] = extra if old is None or old.empty else \
            gpd.GeoDataFrame(pd.concat([old, extra], ignore_index=True), crs="EPSG:4326")
    nd = NetworkData(data.data_dir, layers, features, xy, lonlat, lines, lines_wgs84, data.version,
                     tuple(m for m in data.missing_layers if m not in proposal.features),
                     overlay=f"{data.overlay}+{proposal.digest}")
    return _OVERLAYS.put(key, nd)


def with_proposal(scenario: Scenario, proposal: Proposal) -> Scenario:
    """Return ``scenario`` plus the proposal's ids (named ``<scenario>+<proposal name>``)."""
    if proposal.empty:
        return scenario
    return Scenario(f"{scenario.name}+{proposal.name}", scenario.year, scenario.feature_ids | proposal.ids,
                    scenario.spec, scenario.include, scenario.exclude, scenario.undated)


def proposal_engine(scenario: Scenario | str, proposal: Proposal | None, *, data_dir: Path | None = None,
                    params: Params | None = None, include: Iterable[str] | str = (),
                    exclude: Iterable[str] | str = (), modes: Iterable[str] | None = None,
                    passenger: bool = True, waits: str = "random") -> Engine:
    """Return an Engine for ``scenario`` with the proposal added (cached by the proposal's hash).

    With no (or an empty) proposal this is exactly ``get_engine(scenario, ...)``.
    """
    data = load_network_data(data_dir)
    params = params or load_params(data_dir=data.data_dir)
    sc = resolve_scenario(scenario, include=include, exclude=exclude, data=data, params=params)
    if proposal is None or proposal.empty:
        return get_engine(sc, data_dir=data.data_dir, params=params, passenger=passenger, modes=modes, waits=waits)
    key = (data.cache_key, sc.key, proposal.digest, params.digest, passenger,
           tuple(sorted(modes)) if modes is not None else None, waits)
    if (cached := _P_ENGINES.get(key)) is not None:
        return cached
    eng = Engine(with_proposal(sc, proposal), params=params, passenger=passenger, modes=modes,
                 data=overlay_data(data, proposal), waits=waits)
    return _P_ENGINES.put(key, eng)


def load_proposal(path: str | Path | Mapping[str, Any] | None, *, scenario: Scenario | str | None = None,
                  data_dir: Path | None = None, user: str = "planner") -> Proposal | None:
    """Build the proposal of an ``--add`` file (None when ``path`` is None)."""
    if path is None:
        return None
    doc = read_sketch(path)
    name = str(doc.get("name") or ("sketch" if isinstance(path, Mapping) else Path(path).stem))
    return build_proposal(doc, data_dir=data_dir, scenario=scenario, user=user, name=slugify(name, prefix="sketch"))


# -- analyses with a proposal --------------------------------------------------------------------------

def route_with(a: str, b: str, scenario: Scenario | str = "existing", proposal: Proposal | None = None, *,
               data_dir: Path | None = None, params: Params | None = None, include: Iterable[str] | str = (),
               exclude: Iterable[str] | str = (), modes: Iterable[str] | None = None):
    """``network.route`` on the scenario plus the proposal (names of new stations can be used too)."""
    eng = proposal_engine(scenario, proposal, data_dir=data_dir, params=params, include=include, exclude=exclude,
                          modes=modes)
    return route_between(eng, find_place(a, eng.data), find_place(b, eng.data))


def access_with(scenario: Scenario | str, proposal: Proposal | None, origins: pd.DataFrame, *,
                sites: str | Sequence[str] = "all", data_dir: Path | None = None,
                params: Params | None = None) -> pd.DataFrame:
    """``network.access_table`` on the scenario plus the proposal."""
    return engine_access_table(proposal_engine(scenario, proposal, data_dir=data_dir, params=params), origins, sites)


def compare_with(base_scenario: Scenario | str, proposal: Proposal | None, origins: pd.DataFrame | None = None,
                 *, with_: Scenario | str | None = None, sites: str = "national", data_dir: Path | None = None,
                 params: Params | None = None, visitors: bool = True):
    """``compare_scenarios(base_scenario, with_ + proposal)``; ``with_`` defaults to ``base_scenario``.

    ``visitors=False`` leaves out the visitors' table (the sketch view, which must answer within a second).
    """
    data = load_network_data(data_dir)
    params = params or load_params(data_dir=data.data_dir)
    eb = get_engine(base_scenario, data_dir=data.data_dir, params=params)
    with_sc = with_ if with_ is not None else eb.scenario
    ew = proposal_engine(with_sc, proposal, data_dir=data.data_dir, params=params)
    origins = origins if origins is not None else origins_grid(2.0, data=data)
    engines = None
    if visitors:
        engines = (get_engine(eb.scenario, data_dir=data.data_dir, params=params, waits="planned"),
                   proposal_engine(with_sc, proposal, data_dir=data.data_dir, params=params, waits="planned"))
    return compare_engines(eb, ew, origins, sites=sites, visitor_engines=engines)


def proposal_rank_row(base_scenario: Scenario | str, with_: Scenario | str, proposal: Proposal,
                      origins: pd.DataFrame, *, sites: str = "national", data_dir: Path | None = None,
                      params: Params | None = None, label: str | None = None) -> dict[str, Any]:
    """The proposal as one row of ``rank_projects``: added alone to ``base_scenario`` (add_*) and its
    marginal gain on top of ``with_`` (remove_*: ``with_`` + proposal → ``with_``)."""
    data = load_network_data(data_dir)
    params = params or load_params(data_dir=data.data_dir)
    pop = population_weights(origins)
    thresholds = rank_thresholds(params)
    eb, ew = get_engine(base_scenario, data_dir=data.data_dir, params=params), get_engine(with_, data_dir=data.data_dir, params=params)
    t_b, t_w = nearest_minutes(eb, origins, sites), nearest_minutes(ew, origins, sites)
    t_bp = nearest_minutes(proposal_engine(eb.scenario, proposal, data_dir=data.data_dir, params=params), origins, sites)
    t_wp = nearest_minutes(proposal_engine(ew.scenario, proposal, data_dir=data.data_dir, params=params), origins, sites)
    first = next((f["properties"] for layer in ("railways", "expressways", "trunk_roads", "air_routes",
                                                "stations", "places", "airports", "heritage_sites")
                  for f in proposal.features.get(layer, [])), {})
    return rank_row(proposal.name, label or first.get("name_zh") or proposal.name, "+".join(sorted(proposal.features)),
                    "proposed (sketch)", proposal.ids, gain(pop, t_b, t_bp, thresholds=thresholds),
                    gain(pop, t_w, t_wp, thresholds=thresholds))


def insert_rank_row(ranking: pd.DataFrame, row: Mapping[str, Any]) -> pd.DataFrame:
    """Return ``ranking`` (from rank_projects) with ``row`` added and the order of rank_projects kept."""
    df = pd.concat([ranking, pd.DataFrame([row])], ignore_index=True) if len(ranking) else pd.DataFrame([row])
    df = sort_ranking(df)
    df.attrs.update(ranking.attrs)
    return df


def rank_with(base_scenario: Scenario | str, with_: Scenario | str, proposal: Proposal,
              origins: pd.DataFrame | None = None, *, sites: str = "national", data_dir: Path | None = None,
              params: Params | None = None) -> pd.DataFrame:
    """``rank_projects(base_scenario, with_)`` plus a row for the proposal (see ``proposal_rank_row``)."""
    data = load_network_data(data_dir)
    origins = origins if origins is not None else origins_grid(1.0, data=data)
    ranking = rank_projects(base_scenario, with_, origins, sites=sites, data_dir=data.data_dir, params=params)
    return insert_rank_row(ranking, proposal_rank_row(base_scenario, with_, proposal, origins, sites=sites,
                                                      data_dir=data.data_dir, params=params))

__all__ = ["Draft", "EMPTY", "LINE_KINDS", "POINT_KINDS", "Proposal", "RAIL_CLASSES", "ROAD_CLASSES", "HERITAGE_LEVELS",
           "SKETCH_KINDS", "access_with", "build_proposal", "compare_with", "draft_history", "draft_path",
           "drafts_dir", "insert_rank_row", "list_drafts", "load_draft", "load_proposal", "overlay_data",
           "promote_draft", "proposal_engine", "proposal_rank_row", "rank_with", "read_sketch", "route_with",
           "save_draft", "slugify", "with_proposal"]
