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
from network.errors import NetworkError
from network.measures import gain, parse_thresholds, visitor_gain
from network.origins import origins_grid
from network.params import Params
from network.visitors import market_frame, visitor_matrix
from network.scenario import Scenario, resolve_scenario

log = logging.getLogger(__name__)

#: layers whose features are never projects: boundaries, and the plan items that are drawn but not routed
NOT_PROJECTS = ("counties", "plan_items")
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
        if layer in NOT_PROJECTS or (passenger and layer in ("waterways", "ports")):
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


MEASURES = ("residents", "visitors")


class ScenarioTimes:
    """The minutes a ranking compares for one set of feature ids: residents' nearest-site minutes per origin
    and/or visitors' cities × sites minutes (on the planned-waits engine)."""

    def __init__(self, data: NetworkData, params: Params, origins: pd.DataFrame | None, sites: str,
                 measures: tuple[str, ...]):
        self.data, self.params, self.origins, self.sites, self.measures = data, params, origins, sites, measures

    def __call__(self, ids: frozenset[str], name: str) -> dict[str, np.ndarray]:
        out = {}
        if "residents" in self.measures:
            eng = Engine(Scenario(name, None, ids), params=self.params, data=self.data)
            out["residents"] = nearest_minutes(eng, self.origins, self.sites)
        if "visitors" in self.measures:
            eng = Engine(Scenario(name, None, ids), params=self.params, data=self.data, waits="planned")
            out["visitors"] = visitor_matrix(eng, self._national()).minutes
        return out

    def _national(self) -> list[str]:
        return [s for s in self.data.ids("heritage_sites")
                if self.sites == "all" or self.data.features[s].get("level") == "national"]


def rank_projects(baseline: Scenario | str, with_: Scenario | str, origins: pd.DataFrame | None = None, *,
                  sites: str = "national", data_dir: Path | None = None, params: Params | None = None,
                  progress: Progress | None = None, version: DataVersion | None = None,
                  measures: tuple[str, ...] = ("residents",)) -> pd.DataFrame:
    """Rank each project (a feature differing between ``baseline`` and ``with_``) by its marginal gain both ways.

    add_*: the project added alone to the baseline; remove_*: removed alone from ``with_``.
    ``measures`` picks the families (docs/MEASURES.md):

    * ``residents``: population-weighted minutes to the nearest (national) site saved (``*_pop_minutes``;
      per inhabitant ``*_mean_minutes``) and population newly within each threshold (origins default: a
      1 km grid);
    * ``visitors``: people-hours saved on a trip from the origin markets to an average national site
      (``*_visitor_pop_hours``), people newly within ``visitors.rank_within_hours`` of a national site, and
      ``visitor_why``: the cities and sites the gain comes from.

    Sorted by the first measure's add gain, then its remove gain, both descending.
    """
    bad = [m for m in measures if m not in MEASURES]
    if bad or not measures:
        raise NetworkError(f"unknown measure(s) {', '.join(bad) or '(none)'}; use {' and/or '.join(MEASURES)}")
    data = load_network_data(data_dir, version=version)
    params = params or data_params(data)
    sb = resolve_scenario(baseline, data=data, params=params)
    sw = resolve_scenario(with_, data=data, params=params)
    if "residents" in measures and origins is None:
        origins = origins_grid(1.0, data=data)
    times = ScenarioTimes(data, params, origins, sites, tuple(measures))
    gains = _Gains(data, params, origins, times)
    t_base, t_with = times(sb.feature_ids, sb.name), times(sw.feature_ids, sw.name)
    rows = []
    t0 = time.perf_counter()
    projects = find_projects(sb, sw, data)
    for i, p in enumerate(projects, 1):
        if progress is not None:
            progress(i, len(projects), p.project_id)
        t_add = times(sb.feature_ids | p.feature_ids, f"{sb.name}+{p.project_id}")
        t_rem = times(sw.feature_ids - p.removable, f"{sw.name}-{p.project_id}")
        f = data.features[p.project_id]
        rows.append(gains.row(p, f, t_base, t_add, t_rem, t_with))
    log.info("ranked %d projects in %.1f s", len(projects), time.perf_counter() - t0)
    df = pd.DataFrame(rows, columns=gains.columns(measures))
    first = "add_pop_minutes" if measures[0] == "residents" else "add_visitor_pop_hours"
    df = df.sort_values([first, first.replace("add_", "remove_")], ascending=False, kind="stable").reset_index(drop=True)
    df.attrs.update(baseline=sb.name, with_=sw.name, measures=tuple(measures),
                    origins=len(origins) if origins is not None else 0,
                    population=population_weights(origins).sum() if origins is not None else 0)
    return df


class _Gains:
    """Turns the minutes of four states (baseline, +project, with − project, with) into one ranking row."""

    def __init__(self, data: NetworkData, params: Params, origins: pd.DataFrame | None, times: ScenarioTimes):
        self.data, self.times = data, times
        self.thresholds = rank_thresholds(params)
        self.pop = population_weights(origins) if origins is not None else None
        self.markets = market_frame(data)
        self.within = params.num("visitors.rank_within_hours") * 60

    def columns(self, measures: tuple[str, ...]) -> list[str]:
        cols = rank_columns(self.thresholds) if "residents" in measures else \
            ["project_id", "name", "layer", "status", "feature_ids"]
        if "visitors" in measures:
            h = f"{self.within / 60:g}h"
            cols += ["add_visitor_pop_hours", f"add_visitor_pop_newly_within_{h}", "remove_visitor_pop_hours",
                     f"remove_visitor_pop_within_{h}", "visitor_why"]
        return cols

    def row(self, p: Project, f: dict, base: dict, add: dict, rem: dict, with_: dict) -> dict:
        row = {"project_id": p.project_id, "name": f.get("name_zh") or p.project_id, "layer": p.layer,
               "status": f.get("status"), "feature_ids": " ".join(sorted(p.feature_ids))}
        if "residents" in base:
            row.update(rank_row(p.project_id, row["name"], p.layer, row["status"], p.feature_ids,
                                gain(self.pop, base["residents"], add["residents"], thresholds=self.thresholds),
                                gain(self.pop, rem["residents"], with_["residents"], thresholds=self.thresholds)))
        if "visitors" in base:
            pop = self.markets["population"].to_numpy(float)
            ga = visitor_gain(pop, base["visitors"], add["visitors"], within_minutes=self.within)
            gr = visitor_gain(pop, rem["visitors"], with_["visitors"], within_minutes=self.within)
            h = f"{self.within / 60:g}h"
            row.update({"add_visitor_pop_hours": ga["pop_hours_saved"],
                        f"add_visitor_pop_newly_within_{h}": ga["pop_newly_within"],
                        "remove_visitor_pop_hours": gr["pop_hours_saved"],
                        f"remove_visitor_pop_within_{h}": gr["pop_newly_within"],
                        "visitor_why": self.why(ga if ga["pop_hours_saved"] >= gr["pop_hours_saved"] else gr)})
        return row

    def why(self, g: dict) -> str:
        """One line: the cities and sites that most of a visitor gain comes from."""
        total = g["pop_hours_saved"]
        if total <= 0:
            return "no visitor trip to a national site gets faster"
        cities = np.argsort(-g["by_city"])[:3]
        sites = np.argsort(-g["by_site"])[:2]
        names = self.markets["name"].to_numpy()
        site_ids = self.times._national()
        c = ", ".join(f"{names[i]} {g['by_city'][i] / total:.0%}" for i in cities if g["by_city"][i] > 0)
        s = ", ".join(f"{self.data.name(site_ids[j])}" for j in sites if g["by_site"][j] > 0)
        return f"from {c}; to {s}"
