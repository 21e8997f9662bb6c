"""Project ranking: what each project of a plan adds (added alone to the baseline) and what the plan would
lose without it (removed alone from the full scenario), measured on residents' nearest-site minutes.

A *project* is a planned feature that differs between two scenarios, grouped with the new stations or
nodes it needs (``find_projects``). Gains come from ``network.measures.gain``; the thresholds of the
"newly within T" columns are ``residents.rank_within_minutes`` in the parameter table.
"""
from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from geo.paths import DataVersion
from network.access import nearest_minutes
from network.data import NetworkData, load_network_data
from network.engine import Engine, data_params
from network.measures import gain, parse_thresholds
from network.origins import origins_grid
from network.params import Params
from network.scenario import Scenario, resolve_scenario

log = logging.getLogger(__name__)

LINE_LAYERS_RANKED = ("railways", "expressways", "trunk_roads", "air_routes", "waterways")
#: progress(done, total, project id): called before each project is evaluated (the CLI draws a bar)
Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class Project:
    """A planned/proposed project: a line (with the new stations/nodes it needs) or a lone point feature."""

    project_id: str
    layer: str
    feature_ids: frozenset[str]     # added to the baseline for 'add alone'
    removable: frozenset[str]       # removed from 'with' for 'remove alone' (not shared with other lines)


def _refs(f: dict) -> list[str]:
    out = list(f.get("station_ids") or []) + list(f.get("node_ids") or [])
    for k in ("from_airport", "to_place"):
        if f.get(k):
            out.append(f[k])
    return out


def find_projects(baseline: Scenario, with_: Scenario, data: NetworkData, *, passenger: bool = True) -> list[Project]:
    """Group the features in ``with_`` but not in ``baseline`` into projects (see Project)."""
    diff = with_.feature_ids - baseline.feature_ids
    layers = LINE_LAYERS_RANKED if not passenger else tuple(x for x in LINE_LAYERS_RANKED if x != "waterways")
    lines = [fid for fid in sorted(diff) if data.features[fid]["layer"] in layers]
    users: dict[str, set[str]] = {}
    for fid in with_.feature_ids:
        f = data.features.get(fid)
        if f and f["layer"] in LINE_LAYERS_RANKED:
            for r in _refs(f):
                users.setdefault(r, set()).add(fid)
    claimed: set[str] = set()
    projects = []
    for lid in lines:
        deps = {r for r in _refs(data.features[lid]) if r in diff}
        claimed |= deps
        own = {r for r in deps if users.get(r, set()) <= {lid}}
        projects.append(Project(lid, data.features[lid]["layer"], frozenset({lid} | deps), frozenset({lid} | own)))
    for fid in sorted(diff - claimed - set(lines)):
        layer = data.features[fid]["layer"]
        if layer in ("counties",) or (passenger and layer in ("waterways", "ports")):
            continue
        projects.append(Project(fid, layer, frozenset({fid}), frozenset({fid})))
    return projects


def rank_thresholds(params: Params) -> tuple[float, ...]:
    """The minutes of the ranking's newly-within columns (``residents.rank_within_minutes``)."""
    return parse_thresholds(params["residents.rank_within_minutes"], what="residents.rank_within_minutes")


def rank_columns(thresholds: Iterable[float]) -> list[str]:
    """The columns of a residents' ranking with newly-within columns for ``thresholds``."""
    ts = list(thresholds)
    add = ["add_pop_minutes", "add_mean_minutes", *(f"add_pop_newly_within_{t:g}" for t in ts), "add_pop_newly_reachable"]
    rem = ["remove_pop_minutes", "remove_mean_minutes", *(f"remove_pop_within_{t:g}" for t in ts),
           "remove_pop_reachable"]
    return ["project_id", "name", "layer", "status", "feature_ids", *add, *rem]


def population_weights(origins: pd.DataFrame) -> np.ndarray:
    """Return the origins' population as weights (unknown population weighs 0)."""
    pop = origins["population"].to_numpy(float)
    return np.where(np.isfinite(pop), pop, 0.0)


def rank_row(project_id: str, name: str, layer: str, status: str, feature_ids: Iterable[str],
             add: dict[str, float], remove: dict[str, float]) -> dict:
    """One ranking row from the ``measures.gain`` of adding and of removing a project.

    The remove side is the gain of putting the project back, i.e. what removing it loses (positive = the
    project matters); its within columns are named ``remove_pop_within_<T>`` (people who would lose T).
    """
    row = {"project_id": project_id, "name": name, "layer": layer, "status": status,
           "feature_ids": " ".join(sorted(feature_ids))}
    row.update({f"add_{k}": v for k, v in add.items()})
    row.update({f"remove_{k.replace('_newly_within_', '_within_').replace('newly_reachable', 'reachable')}": v
                for k, v in remove.items()})
    return row


def sort_ranking(df: pd.DataFrame) -> pd.DataFrame:
    """Sort a ranking by add_pop_minutes, then remove_pop_minutes (both descending), index reset."""
    return df.sort_values(["add_pop_minutes", "remove_pop_minutes"], ascending=False, kind="stable") \
        .reset_index(drop=True)


def rank_projects(baseline: Scenario | str, with_: Scenario | str, origins: pd.DataFrame | None = None, *,
                  sites: str = "national", data_dir: Path | None = None, params: Params | None = None,
                  progress: Progress | None = None, version: DataVersion | None = None) -> pd.DataFrame:
    """Rank each project (a feature differing between ``baseline`` and ``with_``) by its marginal gain both ways.

    add_*: the project added alone to the baseline; remove_*: removed alone from ``with_``. Gains are
    population-weighted minutes to the nearest (national) site saved (``*_pop_minutes``; divide by
    total population for per-capita ``*_mean_minutes``) and population newly within each threshold.
    Sorted by add_pop_minutes then remove_pop_minutes, both descending. ``origins`` default: 1 km grid.
    """
    data = load_network_data(data_dir, version=version)
    params = params or data_params(data)
    sb = resolve_scenario(baseline, data=data, params=params)
    sw = resolve_scenario(with_, data=data, params=params)
    origins = origins if origins is not None else origins_grid(1.0, data=data)
    pop = population_weights(origins)
    thresholds = rank_thresholds(params)
    projects = find_projects(sb, sw, data)

    def times(ids: frozenset[str], name: str) -> np.ndarray:
        return nearest_minutes(Engine(Scenario(name, None, ids), params=params, data=data), origins, sites)

    t_base, t_with = times(sb.feature_ids, sb.name), times(sw.feature_ids, sw.name)
    rows = []
    t0 = time.perf_counter()
    for i, p in enumerate(projects, 1):
        if progress is not None:
            progress(i, len(projects), p.project_id)
        t_add = times(sb.feature_ids | p.feature_ids, f"{sb.name}+{p.project_id}")
        t_rem = times(sw.feature_ids - p.removable, f"{sw.name}-{p.project_id}")
        f = data.features[p.project_id]
        rows.append(rank_row(p.project_id, f.get("name_zh") or p.project_id, p.layer, f.get("status"),
                             p.feature_ids, gain(pop, t_base, t_add, thresholds=thresholds),
                             gain(pop, t_rem, t_with, thresholds=thresholds)))
    log.info("ranked %d projects in %.1f s", len(projects), time.perf_counter() - t0)
    df = sort_ranking(pd.DataFrame(rows, columns=rank_columns(thresholds)))
    df.attrs.update(baseline=sb.name, with_=sw.name, origins=len(origins), population=pop.sum())
    return df
