"""Accessibility measures: pure functions over a long cost table (pysal/access style).

The cost table has one row per (origin, site): ``origin_id, site_id, minutes, reachable, reason, modes``.
``minutes`` is NaN where the site cannot be reached (``reachable`` False, ``reason`` says why) — never 0.
Measures never touch the network; ``cost_table`` and ``access_table`` are the wrappers that route.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from network.engine import CostMatrix, Engine, get_engine
from network.errors import NetworkError
from network.params import Params
from network.scenario import Scenario

THRESHOLDS_MINUTES: tuple[int, ...] = (30, 60, 90, 120)

ACCESS_COLUMNS: tuple[str, ...] = ("origin_id", "name", "county", "lon", "lat", "population", "nearest_site_id",
                                   "nearest_site_minutes", "sites_within_60", "sites_within_120",
                                   "gravity", "reachable", "reason")


def exponential_decay(beta_minutes: float) -> Callable[[np.ndarray], np.ndarray]:
    """Return the decay ``w(t) = exp(-t / beta)`` (beta > 0, minutes); unreachable (NaN) weighs 0.

    >>> round(float(exponential_decay(60)(np.array([60.0]))[0]), 3)
    0.368
    """
    if not (isinstance(beta_minutes, (int, float)) and math.isfinite(beta_minutes) and beta_minutes > 0):
        raise NetworkError(f"decay beta must be a positive number of minutes, got {beta_minutes!r}")

    def decay(minutes: np.ndarray) -> np.ndarray:
        m = np.asarray(minutes, dtype=float)
        return np.where(np.isfinite(m), np.exp(-np.where(np.isfinite(m), m, 0) / beta_minutes), 0.0)

    decay.beta_minutes = beta_minutes  # type: ignore[attr-defined]
    return decay


def _check(costs: pd.DataFrame) -> None:
    missing = {"origin_id", "site_id", "minutes"} - set(costs.columns)
    if missing:
        raise NetworkError(f"cost table lacks column(s) {', '.join(sorted(missing))}; "
                           "expected origin_id, site_id, minutes")


def nearest_site_minutes(costs: pd.DataFrame) -> pd.DataFrame:
    """Per origin: nearest_site_id, nearest_site_minutes (NaN if none reachable), reachable, reason."""
    _check(costs)
    origins = pd.unique(costs["origin_id"])
    ok = costs[costs["minutes"].notna()]
    if len(ok):
        idx = ok.groupby("origin_id", sort=False)["minutes"].idxmin()
        best = ok.loc[idx.to_numpy(), ["origin_id", "site_id", "minutes"]].set_index("origin_id")
    else:
        best = pd.DataFrame(columns=["site_id", "minutes"], index=pd.Index([], name="origin_id"))
    out = pd.DataFrame(index=pd.Index(origins, name="origin_id"))
    out["nearest_site_id"] = best["site_id"].reindex(out.index)
    out["nearest_site_minutes"] = best["minutes"].reindex(out.index).astype(float)
    out["reachable"] = out["nearest_site_minutes"].notna()
    if "reason" in costs.columns:
        why = costs.groupby("origin_id", sort=False)["reason"].first().reindex(out.index)
    else:
        why = pd.Series("no site reachable", index=out.index)
    out["reason"] = np.where(out["reachable"], "", why.fillna("no site reachable").replace("", "no site reachable"))
    return out


def sites_within(costs: pd.DataFrame, minutes: float) -> pd.Series:
    """Per origin: number of sites reachable within ``minutes``."""
    _check(costs)
    hit = costs["minutes"].le(minutes)  # NaN compares False
    return hit.groupby(costs["origin_id"], sort=False).sum().astype(int).rename(f"sites_within_{minutes:g}")


def gravity_score(costs: pd.DataFrame, *, beta_minutes: float | None = None,
                  decay: Callable[[np.ndarray], np.ndarray] | None = None,
                  weights: pd.Series | None = None) -> pd.Series:
    """Per origin: Σ_sites weight × decay(minutes); default decay exp(-t/β) with β from the parameters.

    ``weights`` (indexed by site_id) defaults to 1 per site.
    """
    _check(costs)
    if decay is None:
        if beta_minutes is None:
            raise NetworkError("gravity_score needs beta_minutes (gravity.beta_minutes) or a decay function")
        decay = exponential_decay(beta_minutes)
    w = decay(costs["minutes"].to_numpy(dtype=float))
    if weights is not None:
        w = w * costs["site_id"].map(weights).fillna(0.0).to_numpy()
    return pd.Series(w, index=costs.index).groupby(costs["origin_id"], sort=False).sum().rename("gravity")


def cost_matrix(scenario: Scenario | str, origins: pd.DataFrame, *, sites: str | Sequence[str] = "all",
                data_dir: Path | None = None, params: Params | None = None) -> CostMatrix:
    """Route every origin to every site of ``scenario`` (see network.engine.CostMatrix)."""
    return get_engine(scenario, data_dir=data_dir, params=params).cost_matrix(origins, sites)


def cost_table(scenario: Scenario | str, origins: pd.DataFrame, *, sites: str | Sequence[str] = "all",
               data_dir: Path | None = None, params: Params | None = None) -> pd.DataFrame:
    """Return the long cost table (origin_id, site_id, minutes, reachable, reason, modes)."""
    return cost_matrix(scenario, origins, sites=sites, data_dir=data_dir, params=params).to_long()


def access_from_matrix(cm: CostMatrix, *, beta_minutes: float) -> pd.DataFrame:
    """One row per origin (ACCESS_COLUMNS) from a CostMatrix, computed on arrays (fast for big grids)."""
    o = cm.origins
    M = cm.minutes
    S = M.shape[1]
    reach = np.isfinite(M)
    any_reach = reach.any(axis=1) if S else np.zeros(len(o), bool)
    filled = np.where(reach, M, np.inf)
    arg = np.argmin(filled, axis=1) if S else np.zeros(len(o), int)
    nearest = filled[np.arange(len(o)), arg] if S else np.full(len(o), np.inf)
    site_arr = np.array(cm.site_ids, dtype=object)
    df = pd.DataFrame({
        "origin_id": o["origin_id"].to_numpy(), "name": o["name"].to_numpy(), "county": o["county"].to_numpy(),
        "lon": o["lon"].to_numpy(), "lat": o["lat"].to_numpy(), "population": o["population"].to_numpy(),
        "nearest_site_id": np.where(any_reach, site_arr[arg] if S else "", None),
        "nearest_site_minutes": np.where(any_reach, nearest, np.nan),
        "sites_within_60": (filled <= 60).sum(axis=1), "sites_within_120": (filled <= 120).sum(axis=1),
        "gravity": exponential_decay(beta_minutes)(M).sum(axis=1) if S else 0.0,
        "reachable": any_reach,
    })
    reason = np.where(any_reach, "", np.where(cm.origin_reason != "", cm.origin_reason,
                                              "no site reachable" if S else "no site in this scenario"))
    df["reason"] = reason
    df.attrs["scenario"] = cm.scenario
    return df


def engine_access_table(engine: Engine, origins: pd.DataFrame, sites: str | Sequence[str] = "all") -> pd.DataFrame:
    """``access_table`` on an Engine you already hold (e.g. one with a sketched proposal)."""
    return access_from_matrix(engine.cost_matrix(origins, sites), beta_minutes=engine.params.num("gravity.beta_minutes"))


def access_table(scenario: Scenario | str, origins: pd.DataFrame, *, sites: str | Sequence[str] = "all",
                 data_dir: Path | None = None, params: Params | None = None) -> pd.DataFrame:
    """One row per origin: nearest site and its minutes, sites within 60/120 min, gravity, reachability."""
    return engine_access_table(get_engine(scenario, data_dir=data_dir, params=params), origins, sites)


def county_summary(access: pd.DataFrame, *, thresholds: Sequence[float] = THRESHOLDS_MINUTES,
                   minutes_column: str = "nearest_site_minutes") -> pd.DataFrame:
    """Population-weighted summary per county of an access table (one row per origin).

    Columns: population, share_within_<T> for each threshold (share of the county population whose
    nearest site is ≤ T min), mean_minutes (population-weighted over reachable origins), worst_minutes
    (largest among reachable origins), unreachable_population. Origins without population are ignored.
    """
    need = {"county", "population", minutes_column}
    if need - set(access.columns):
        raise NetworkError(f"access table lacks column(s) {', '.join(sorted(need - set(access.columns)))}")
    df = access[access["population"].notna() & (access["county"].astype(str) != "")]
    rows = []
    for county, g in df.groupby("county", sort=True):
        pop = g["population"].to_numpy(dtype=float)
        m = g[minutes_column].to_numpy(dtype=float)
        total = pop.sum()
        ok = np.isfinite(m)
        row = {"county": county, "population": total}
        for t in thresholds:
            row[f"share_within_{t:g}"] = float(pop[ok & (m <= t)].sum() / total) if total > 0 else math.nan
        row["mean_minutes"] = float((pop[ok] * m[ok]).sum() / pop[ok].sum()) if pop[ok].sum() > 0 else math.nan
        row["worst_minutes"] = float(m[ok].max()) if ok.any() else math.nan
        row["unreachable_population"] = float(pop[~ok].sum())
        rows.append(row)
    return pd.DataFrame(rows)
