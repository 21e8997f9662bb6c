"""Residents' accessibility tables: route origins to sites, then apply the measures of ``network.measures``.

``cost_matrix``/``cost_table`` route (one scenario, many origins, many sites); ``access_from_matrix`` turns
a cost matrix into one row per origin (nearest site, sites within each threshold, gravity); ``access_table``
does both; ``county_summary`` summarises an access table per county. Thresholds and the gravity decay come
from the parameter table (``residents.thresholds_minutes``, ``residents.sites_within_minutes``,
``gravity.beta_minutes``), never from code.
"""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from network.engine import CostMatrix, Engine, get_engine
from network.errors import NetworkError
from network.nearest import nearest_sites
from network.measures import count_within, exponential_decay, gravity, group_summary, nearest, parse_thresholds
from network.params import Params
from network.scenario import Scenario

#: Columns of an access table before the sites_within_<T> columns (one per threshold) and after them.
ACCESS_HEAD: tuple[str, ...] = ("origin_id", "name", "county", "lon", "lat", "population", "nearest_site_id",
                                "nearest_site_minutes")
ACCESS_TAIL: tuple[str, ...] = ("gravity", "reachable", "reason")


def resident_thresholds(params: Params) -> tuple[float, ...]:
    """The minutes of the residents' bands and county shares (parameter ``residents.thresholds_minutes``)."""
    return parse_thresholds(params["residents.thresholds_minutes"], what="residents.thresholds_minutes")


def sites_within_thresholds(params: Params) -> tuple[float, ...]:
    """The minutes of the access table's sites_within_<T> columns (``residents.sites_within_minutes``)."""
    return parse_thresholds(params["residents.sites_within_minutes"], what="residents.sites_within_minutes")


def access_columns(params: Params) -> list[str]:
    """The columns of an access table made with ``params``."""
    return [*ACCESS_HEAD, *(f"sites_within_{t:g}" for t in sites_within_thresholds(params)), *ACCESS_TAIL]


def cost_matrix(scenario: Scenario | str, origins: pd.DataFrame, *, sites: str | Sequence[str] = "all",
                data_dir: Path | None = None, params: Params | None = None) -> CostMatrix:
    """Route every origin to every site of ``scenario`` (see network.engine.CostMatrix)."""
    return get_engine(scenario, data_dir=data_dir, params=params).cost_matrix(origins, sites)


def cost_table(scenario: Scenario | str, origins: pd.DataFrame, *, sites: str | Sequence[str] = "all",
               data_dir: Path | None = None, params: Params | None = None) -> pd.DataFrame:
    """Return the long cost table (origin_id, site_id, minutes, reachable, reason, modes)."""
    return cost_matrix(scenario, origins, sites=sites, data_dir=data_dir, params=params).to_long()


def access_from_matrix(cm: CostMatrix, params: Params) -> pd.DataFrame:
    """One row per origin (``access_columns(params)``) from a cost matrix."""
    o = cm.origins
    minutes, arg = nearest(cm.minutes)
    reach = np.isfinite(minutes)
    site_arr = np.array(cm.site_ids, dtype=object)
    df = pd.DataFrame({c: o[c].to_numpy() for c in ACCESS_HEAD[:6]})
    df["nearest_site_id"] = np.where(reach, site_arr[np.maximum(arg, 0)] if len(site_arr) else None, None)
    df["nearest_site_minutes"] = minutes
    for t in sites_within_thresholds(params):
        df[f"sites_within_{t:g}"] = count_within(cm.minutes, t)
    df["gravity"] = gravity(cm.minutes, exponential_decay(params.num("gravity.beta_minutes")))
    df["reachable"] = reach
    none_left = "no site reachable" if len(site_arr) else "no site in this scenario"
    df["reason"] = np.where(reach, "", np.where(cm.origin_reason != "", cm.origin_reason, none_left))
    df.attrs["scenario"] = cm.scenario
    return df


def engine_access_table(engine: Engine, origins: pd.DataFrame, sites: str | Sequence[str] = "all") -> pd.DataFrame:
    """``access_table`` on an Engine you already hold (e.g. one with a sketched proposal)."""
    return access_from_matrix(engine.cost_matrix(origins, sites, modes=False), engine.params)


def access_table(scenario: Scenario | str, origins: pd.DataFrame, *, sites: str | Sequence[str] = "all",
                 data_dir: Path | None = None, params: Params | None = None) -> pd.DataFrame:
    """One row per origin: nearest site and its minutes, sites within each threshold, gravity, reachability."""
    return engine_access_table(get_engine(scenario, data_dir=data_dir, params=params), origins, sites)


def county_summary(access: pd.DataFrame, *, thresholds: Sequence[float],
                   minutes_column: str = "nearest_site_minutes") -> pd.DataFrame:
    """Population-weighted summary per county of an access table (``network.measures.group_summary``)."""
    need = {"county", "population", minutes_column}
    if need - set(access.columns):
        raise NetworkError(f"access table lacks column(s) {', '.join(sorted(need - set(access.columns)))}")
    return group_summary(access[minutes_column].to_numpy(dtype=float), access["population"].to_numpy(dtype=float),
                         access["county"].tolist(), thresholds=thresholds, group_name="county")


def nearest_minutes(engine: Engine, origins: pd.DataFrame, sites: str | Sequence[str] = "all") -> np.ndarray:
    """Minutes from each origin to its nearest site on ``engine`` (NaN where none is reachable).

    The fast path (``network.nearest``): no origins × sites matrix; equal to the full path's minimum.
    """
    return nearest_sites(engine, origins, sites).minutes


#: Columns of ``nearest_table``.
NEAREST_COLUMNS: tuple[str, ...] = (*ACCESS_HEAD, "reachable", "reason")


def nearest_table(engine: Engine, origins: pd.DataFrame, sites: str | Sequence[str] = "all") -> pd.DataFrame:
    """One row per origin with its nearest site (``NEAREST_COLUMNS``, plus x, y when origins have them).

    The fast path: the same nearest_site_minutes as ``access_table``, without the sites_within/gravity
    columns that need every origin × site time.
    """
    n = nearest_sites(engine, origins, sites)
    df = origins[list(ACCESS_HEAD[:6])].reset_index(drop=True)  # columns kept as they are (no string copies)
    df["nearest_site_id"] = pd.Series(n.site_id, dtype=object)
    df["nearest_site_minutes"] = n.minutes
    reach = np.isfinite(n.minutes)
    df["reachable"] = reach
    none_left = "no site reachable" if len(engine.site_ids(sites)) else "no site in this scenario"
    df["reason"] = np.where(reach, "", np.where(n.reason != "", n.reason, none_left))
    for c in ("x", "y"):
        if c in origins.columns:
            df[c] = origins[c].to_numpy()
    df = pd.DataFrame(df)   # a plain DataFrame even when the origins were a GeoDataFrame
    df.attrs["scenario"] = engine.scenario.name
    return df
