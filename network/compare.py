"""Scenario comparison and project ranking (population-weighted minutes saved, population newly within reach)."""
from __future__ import annotations

import logging
import math
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from network.data import NetworkData, load_network_data
from network.engine import Engine, get_engine
from network.origins import origins_gateways, origins_grid
from network.access import THRESHOLDS_MINUTES
from network.params import Params, load_params
from network.scenario import Scenario, resolve_scenario

log = logging.getLogger(__name__)

#: Gateway cities of the comparison table, matched on the start of a gateway place's name_zh.
GATEWAY_CITIES: tuple[str, ...] = ("广州", "深圳", "南昌", "厦门", "长沙")
LINE_LAYERS_RANKED = ("railways", "expressways", "trunk_roads", "air_routes", "waterways")


def nearest_minutes(engine: Engine, origins: pd.DataFrame, sites: str) -> np.ndarray:
    """Return the minutes from each origin to its nearest site on ``engine`` (NaN where none is reachable)."""
    m = engine.cost_matrix(origins, sites).minutes
    reach = np.isfinite(m).any(axis=1) if m.shape[1] else np.zeros(len(origins), bool)
    best = np.where(np.isfinite(m), m, np.inf).min(axis=1, initial=np.inf)
    return np.where(reach, best, np.nan)


@dataclass
class Comparison:
    """Result of compare_scenarios: per origin, per county and gateway → national site tables."""

    baseline: str
    with_: str
    per_origin: pd.DataFrame
    per_county: pd.DataFrame
    gateway_sites: pd.DataFrame
    notes: list[str] = field(default_factory=list)


def county_table(per_origin: pd.DataFrame) -> pd.DataFrame:
    """Per county of a per-origin comparison: population, population-weighted mean minutes base/with/saved
    and the share of the population within 30/60/90/120 min, base and with. Origins without a population
    or a county are left out."""
    rows = []
    df = per_origin[per_origin["population"].notna() & (per_origin["county"].astype(str) != "")]
    for county, g in df.groupby("county", sort=True):
        pop = g["population"].to_numpy(float)
        b, w = g["minutes_base"].to_numpy(float), g["minutes_with"].to_numpy(float)
        both = np.isfinite(b) & np.isfinite(w)
        total = pop.sum()
        row = {"county": county, "population": total, "mean_minutes_base": _wmean(b, pop),
               "mean_minutes_with": _wmean(w, pop),
               "mean_minutes_saved": _wmean(np.where(both, b - w, np.nan), pop)}
        for t in THRESHOLDS_MINUTES:
            row[f"share_within_{t}_base"] = float(pop[np.isfinite(b) & (b <= t)].sum() / total) if total else math.nan
            row[f"share_within_{t}_with"] = float(pop[np.isfinite(w) & (w <= t)].sum() / total) if total else math.nan
        rows.append(row)
    return pd.DataFrame(rows)


def _wmean(m: np.ndarray, pop: np.ndarray) -> float:
    """Population-weighted mean of the finite values of ``m`` (NaN when they carry no population)."""
    ok = np.isfinite(m)
    return float((pop[ok] * m[ok]).sum() / pop[ok].sum()) if pop[ok].sum() > 0 else math.nan


def gateway_site_table(base_engine: Engine, with_engine: Engine, *,
                       cities: Iterable[str] = GATEWAY_CITIES) -> tuple[pd.DataFrame, list[str]]:
    """Minutes from each gateway city (广州, 深圳, 南昌, 厦门, 长沙) to each national site, base vs with."""
    data = base_engine.data
    gw = origins_gateways(data=data)
    notes, picked = [], []
    for city in cities:
        hit = gw[gw["name"].astype(str).str.startswith(city)]
        if hit.empty:
            notes.append(f"gateway {city} is not in the places layer; left out of the gateway table")
        else:
            picked.append(hit.iloc[[0]])
    cols = ["gateway_id", "gateway", "site_id", "site", "minutes_base", "minutes_with", "minutes_saved"]
    if not picked:
        return pd.DataFrame(columns=cols), notes
    g = pd.concat(picked, ignore_index=True)
    sites = sorted(set(base_engine.site_ids("national")) | set(with_engine.site_ids("national")))

    def minutes(eng: Engine) -> np.ndarray:  # gateways × sites; NaN for a site absent from the scenario
        own = [s for s in sites if s in eng.graph.index]
        m = np.full((len(g), len(sites)), np.nan)
        m[:, [sites.index(s) for s in own]] = eng.cost_matrix(g, own).minutes
        return m

    mb, mw = minutes(base_engine), minutes(with_engine)
    out = [{"gateway_id": r["origin_id"], "gateway": r["name"], "site_id": s, "site": data.name(s),
            "minutes_base": mb[i, j], "minutes_with": mw[i, j], "minutes_saved": mb[i, j] - mw[i, j]}
           for i, r in enumerate(g.to_dict("records")) for j, s in enumerate(sites)]
    return pd.DataFrame(out, columns=cols), notes


def compare_engines(base_engine: Engine, with_engine: Engine, origins: pd.DataFrame, *,
                    sites: str = "national") -> Comparison:
    """Compare two compiled scenarios (see ``compare_scenarios``); also used with a sketched proposal."""
    tb, tw = nearest_minutes(base_engine, origins, sites), nearest_minutes(with_engine, origins, sites)
    po = origins[["origin_id", "name", "county", "lon", "lat", "population"]].reset_index(drop=True).copy()
    po["minutes_base"], po["minutes_with"] = tb, tw
    po["minutes_saved"] = tb - tw
    po["newly_reachable"] = ~np.isfinite(tb) & np.isfinite(tw)
    po["no_longer_reachable"] = np.isfinite(tb) & ~np.isfinite(tw)
    gws, notes = gateway_site_table(base_engine, with_engine)
    return Comparison(base_engine.scenario.name, with_engine.scenario.name, po, county_table(po), gws, notes)


def compare_scenarios(baseline: Scenario | str, with_: Scenario | str, origins: pd.DataFrame | None = None, *,
                      sites: str = "national", data_dir: Path | None = None,
                      params: Params | None = None) -> Comparison:
    """Compare two scenarios: minutes to the nearest site saved per origin and per county, and the
    gateway → national site table. ``origins`` defaults to a 2 km grid. Unreachable stays NaN."""
    eb = get_engine(baseline, data_dir=data_dir, params=params)
    ew = get_engine(with_, data_dir=data_dir, params=params)
    origins = origins if origins is not None else origins_grid(2.0, data=eb.data)
    return compare_engines(eb, ew, origins, sites=sites)


# -- project ranking --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Project:
    """A planned/proposed project: a line (with the new stations/nodes it needs) or a lone point feature."""

    project_id: str
    layer: str
    feature_ids: frozenset[str]     # added to base for 'add alone'
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


RANK_COLUMNS: tuple[str, ...] = (
    "project_id", "name", "layer", "status", "feature_ids", "add_pop_minutes", "add_mean_minutes",
    "add_pop_newly_within_60", "add_pop_newly_within_120", "add_pop_newly_reachable", "remove_pop_minutes",
    "remove_mean_minutes", "remove_pop_within_60", "remove_pop_within_120", "remove_pop_reachable")


def population_weights(origins: pd.DataFrame) -> np.ndarray:
    """Return the origins' population as weights (unknown population weighs 0)."""
    pop = origins["population"].to_numpy(float)
    return np.where(np.isfinite(pop), pop, 0.0)


def marginal_gain(pop: np.ndarray, before: np.ndarray, after: np.ndarray) -> tuple[float, float, float, float, float]:
    """Population-weighted gain from nearest-site minutes ``before`` to ``after`` (NaN = unreachable).

    Returns (Σ population × minutes saved over origins reachable both times, that per inhabitant of
    ``pop``, net population newly within 60 min, the same within 120 min, population newly reachable).
    """
    total = pop.sum()
    both = np.isfinite(before) & np.isfinite(after)
    pm = float((pop[both] * (before - after)[both]).sum())
    within = []
    for t in (60, 120):
        was = np.isfinite(before) & (before <= t)
        now = np.isfinite(after) & (after <= t)
        within.append(float(pop[now & ~was].sum() - pop[was & ~now].sum()))
    newly = float(pop[~np.isfinite(before) & np.isfinite(after)].sum())
    return pm, (pm / total if total else math.nan), within[0], within[1], newly


def rank_row(project_id: str, name: str, layer: str, status: str, feature_ids: Iterable[str],
             add: tuple[float, ...], remove: tuple[float, ...]) -> dict:
    """One ranking row (RANK_COLUMNS) from the ``marginal_gain`` of adding and of removing a project."""
    return dict(zip(RANK_COLUMNS, (project_id, name, layer, status, " ".join(sorted(feature_ids)), *add, *remove)))


def sort_ranking(df: pd.DataFrame) -> pd.DataFrame:
    """Sort a ranking by add_pop_minutes, then remove_pop_minutes (both descending), index reset."""
    return df.sort_values(["add_pop_minutes", "remove_pop_minutes"], ascending=False, kind="stable") \
        .reset_index(drop=True)


def _progress(enabled: bool) -> Callable[[int, int, str], None]:
    def show(i: int, n: int, label: str) -> None:
        if enabled:
            print(f"\r  ranking {i}/{n} {label[:40]:40}", end="" if i < n else "\n", file=sys.stderr, flush=True)
    return show


def rank_projects(baseline: Scenario | str, with_: Scenario | str, origins: pd.DataFrame | None = None, *,
                  sites: str = "national", data_dir: Path | None = None, params: Params | None = None,
                  progress: bool | None = None) -> pd.DataFrame:
    """Rank each project (a feature differing between ``baseline`` and ``with_``) by its marginal gain both ways.

    add_*: the project added alone to the baseline; remove_*: removed alone from ``with_``. Gains are
    population-weighted minutes to the nearest (national) site saved (``*_pop_minutes``; divide by
    total population for per-capita ``*_mean_minutes``) and population newly within 60/120 min.
    Sorted by add_pop_minutes then remove_pop_minutes, both descending. ``origins`` default: 1 km grid.
    """
    data = load_network_data(data_dir)
    params = params or load_params(data_dir=data.data_dir)
    sb = resolve_scenario(baseline, data=data, params=params)
    sw = resolve_scenario(with_, data=data, params=params)
    origins = origins if origins is not None else origins_grid(1.0, data=data)
    pop = population_weights(origins)
    projects = find_projects(sb, sw, data)
    show = _progress(sys.stderr.isatty() if progress is None else progress)

    def nearest(ids: frozenset[str], name: str) -> np.ndarray:
        return nearest_minutes(Engine(Scenario(name, None, ids), params=params, data=data), origins, sites)

    t_base, t_with = nearest(sb.feature_ids, sb.name), nearest(sw.feature_ids, sw.name)
    rows = []
    t0 = time.perf_counter()
    for i, p in enumerate(projects, 1):
        show(i, len(projects), p.project_id)
        t_add = nearest(sb.feature_ids | p.feature_ids, f"{sb.name}+{p.project_id}")
        t_rem = nearest(sw.feature_ids - p.removable, f"{sw.name}-{p.project_id}")
        f = data.features[p.project_id]
        rows.append(rank_row(p.project_id, f.get("name_zh") or p.project_id, p.layer, f.get("status"),
                             p.feature_ids, marginal_gain(pop, t_base, t_add), marginal_gain(pop, t_rem, t_with)))
    log.info("ranked %d projects in %.1f s", len(projects), time.perf_counter() - t0)
    df = sort_ranking(pd.DataFrame(rows, columns=list(RANK_COLUMNS)))
    df.attrs.update(baseline=sb.name, with_=sw.name, origins=len(origins), population=pop.sum())
    return df
