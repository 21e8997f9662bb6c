"""Accessibility measures: pure functions over travel times (pysal/access style). No routing here.

Every measure takes minutes as arrays — one cost matrix ``M`` (origins × sites, NaN = unreachable, never 0
for "unknown") or a vector of per-origin minutes — plus weights, and returns arrays or small tables.
The CLI, the app, the comparison, the ranking and the visitor measures all call these functions; the
long-table forms (``nearest_site_minutes``, ``sites_within``, ``gravity_score``) pivot a long cost table
(origin_id, site_id, minutes) to a matrix and call the same kernels.

Two families use them (docs/MEASURES.md):

* residents — minutes from each grid cell / county to its nearest site; population within T minutes,
  county summaries, gravity over sites;
* visitors — minutes from each origin market (a city) to each site or cluster; population within T hours
  (daily accessibility), population-weighted mean travel time, and potential accessibility (a gravity
  sum over origin populations), as in the high-speed-rail accessibility literature (Gutiérrez 2001).
"""
from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from network.errors import NetworkError

Decay = Callable[[np.ndarray], np.ndarray]


def exponential_decay(beta_minutes: float) -> Decay:
    """Return the decay ``w(t) = exp(-t / beta)`` (beta > 0, minutes); unreachable (NaN) weighs 0.

    >>> round(float(exponential_decay(60)(np.array([60.0]))[0]), 3)
    0.368
    """
    if not (isinstance(beta_minutes, (int, float)) and math.isfinite(beta_minutes) and beta_minutes > 0):
        raise NetworkError(f"decay beta must be a positive number of minutes, got {beta_minutes!r}")

    def decay(minutes: np.ndarray) -> np.ndarray:
        m = np.asarray(minutes, dtype=float)
        finite = np.isfinite(m)
        return np.where(finite, np.exp(-np.where(finite, m, 0.0) / beta_minutes), 0.0)

    decay.beta_minutes = beta_minutes  # type: ignore[attr-defined]
    return decay


#: thresholds of one table: each is a column (and a pass over the minutes)
MAX_THRESHOLDS = 24


def parse_thresholds(value: object, *, what: str = "thresholds") -> tuple[float, ...]:
    """Return thresholds from a parameter value: a number or text such as ``"30 60 90 120"`` (sorted, > 0).

    >>> parse_thresholds("120, 60 30")
    (30.0, 60.0, 120.0)
    """
    parts = [value] if isinstance(value, (int, float)) else str(value).replace(",", " ").replace(";", " ").split()
    shown = repr(value) if len(repr(value)) <= 60 else repr(value)[:59] + "…"
    if len(parts) > MAX_THRESHOLDS:
        raise NetworkError(f"{what}: {len(parts)} thresholds; at most {MAX_THRESHOLDS} (each is a column of the table)")
    try:
        out = tuple(sorted({float(p) for p in parts}))
    except (ValueError, OverflowError):
        raise NetworkError(f"{what}: expected numbers such as '30 60 90', got {shown}") from None
    if not out or not all(math.isfinite(t) and t > 0 for t in out):
        raise NetworkError(f"{what}: expected positive numbers, got {shown}")
    return out


# -- over one cost matrix (origins × sites) --------------------------------------------------------------

def nearest(minutes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per origin (row): the minutes to the nearest site (NaN if none) and its column index (-1 if none).

    >>> nearest(np.array([[30.0, 10.0], [np.nan, np.nan]]))
    (array([10., nan]), array([ 1, -1]))
    """
    M = np.asarray(minutes, dtype=float)
    if M.ndim != 2:
        raise NetworkError(f"expected an origins × sites matrix, got shape {M.shape}")
    if M.shape[1] == 0:
        return np.full(M.shape[0], np.nan), np.full(M.shape[0], -1, dtype=np.int64)
    filled = np.where(np.isfinite(M), M, np.inf)
    arg = np.argmin(filled, axis=1)
    best = filled[np.arange(M.shape[0]), arg]
    ok = np.isfinite(best)
    return np.where(ok, best, np.nan), np.where(ok, arg, -1).astype(np.int64)


def count_within(minutes: np.ndarray, limit: float) -> np.ndarray:
    """Per origin (row): how many sites are reached within ``limit`` minutes (NaN never counts)."""
    M = np.asarray(minutes, dtype=float)
    with np.errstate(invalid="ignore"):
        return (M <= limit).sum(axis=1).astype(np.int64)


def gravity(minutes: np.ndarray, decay: Decay, weights: np.ndarray | None = None) -> np.ndarray:
    """Per row: Σ over columns of weight × decay(minutes); ``weights`` (one per column) default to 1.

    Residents: rows are origins and columns sites (weights = site attractiveness). Visitors' potential
    accessibility of a site is the same sum with rows = sites, columns = origin markets and weights =
    their populations: ``gravity(M.T, decay, population)``.
    """
    W = decay(np.asarray(minutes, dtype=float))
    if weights is not None:
        W = W * np.asarray(weights, dtype=float)[None, :]
    return W.sum(axis=1)


# -- over per-origin minutes and weights -----------------------------------------------------------------

def population_within(minutes: np.ndarray, population: np.ndarray, thresholds: Iterable[float]) -> dict[float, float]:
    """The population whose minutes are ≤ T, for each threshold T (unreachable counts nowhere).

    >>> population_within(np.array([20.0, 50.0, np.nan]), np.array([1.0, 2.0, 4.0]), [30, 60])
    {30: 1.0, 60: 3.0}
    """
    m = np.asarray(minutes, dtype=float)
    pop = _weights(population)
    ok = np.isfinite(m)
    return {t: float(pop[ok & (m <= t)].sum()) for t in thresholds}


def weighted_mean(minutes: np.ndarray, weights: np.ndarray) -> float:
    """The weighted mean of the finite minutes (NaN when they carry no weight).

    >>> weighted_mean(np.array([10.0, 40.0, np.nan]), np.array([3.0, 1.0, 5.0]))
    17.5
    """
    m = np.asarray(minutes, dtype=float)
    w = _weights(weights)
    ok = np.isfinite(m)
    total = w[ok].sum()
    return float((w[ok] * m[ok]).sum() / total) if total > 0 else math.nan


def group_summary(minutes: np.ndarray, population: np.ndarray, groups: Sequence[object], *,
                  thresholds: Sequence[float], group_name: str = "group") -> pd.DataFrame:
    """Population-weighted summary per group (e.g. county) of per-origin minutes.

    Columns: ``group_name``, population, share_within_<T> per threshold (share of the group's population
    with minutes ≤ T), mean_minutes (weighted over reachable origins), worst_minutes (largest reachable),
    unreachable_population. Origins with no population (NaN) or an empty group are left out.
    """
    m = np.asarray(minutes, dtype=float)
    pop = np.asarray(population, dtype=float)
    g = pd.Series(list(groups), dtype=object)
    keep = np.isfinite(pop) & (g.astype(str) != "").to_numpy() & g.notna().to_numpy()
    rows = []
    for key, idx in pd.Series(np.flatnonzero(keep)).groupby(g[keep].to_numpy(), sort=True):
        sel = idx.to_numpy()
        mm, pp = m[sel], pop[sel]
        total = pp.sum()
        ok = np.isfinite(mm)
        row: dict[str, object] = {group_name: key, "population": float(total)}
        for t, people in population_within(mm, pp, thresholds).items():
            row[f"share_within_{t:g}"] = people / total if total > 0 else math.nan
        row["mean_minutes"] = weighted_mean(mm, pp)
        row["worst_minutes"] = float(mm[ok].max()) if ok.any() else math.nan
        row["unreachable_population"] = float(pp[~ok].sum())
        rows.append(row)
    cols = [group_name, "population", *(f"share_within_{t:g}" for t in thresholds), "mean_minutes",
            "worst_minutes", "unreachable_population"]
    return pd.DataFrame(rows, columns=cols)


def gain(population: np.ndarray, before: np.ndarray, after: np.ndarray, *,
         thresholds: Sequence[float]) -> dict[str, float]:
    """What a change from ``before`` to ``after`` minutes (per origin, NaN = unreachable) is worth.

    Returns pop_minutes (Σ population × minutes saved over origins reachable both times), mean_minutes
    (that per person of ``population``), pop_newly_within_<T> (net people newly within T minutes: gained
    minus lost) per threshold, and pop_newly_reachable.
    """
    pop = _weights(population)
    b, a = np.asarray(before, dtype=float), np.asarray(after, dtype=float)
    total = pop.sum()
    both = np.isfinite(b) & np.isfinite(a)
    pm = float((pop[both] * (b - a)[both]).sum())
    out = {"pop_minutes": pm, "mean_minutes": pm / total if total else math.nan}
    for t in thresholds:
        was = np.isfinite(b) & (b <= t)
        now = np.isfinite(a) & (a <= t)
        out[f"pop_newly_within_{t:g}"] = float(pop[now & ~was].sum() - pop[was & ~now].sum())
    out["pop_newly_reachable"] = float(pop[~np.isfinite(b) & np.isfinite(a)].sum())
    return out


def _weights(w: np.ndarray) -> np.ndarray:
    """Weights with unknown (NaN) as 0."""
    w = np.asarray(w, dtype=float)
    return np.where(np.isfinite(w), w, 0.0)


# -- the long cost table (origin_id, site_id, minutes): the same kernels after a pivot -------------------

def _matrix(costs: pd.DataFrame) -> tuple[np.ndarray, pd.Index, pd.Index]:
    missing = {"origin_id", "site_id", "minutes"} - set(costs.columns)
    if missing:
        raise NetworkError(f"cost table lacks column(s) {', '.join(sorted(missing))}; "
                           "expected origin_id, site_id, minutes")
    origins = pd.Index(pd.unique(costs["origin_id"]), name="origin_id")
    sites = pd.Index(pd.unique(costs["site_id"]), name="site_id")
    M = np.full((len(origins), len(sites)), np.nan)
    M[origins.get_indexer(costs["origin_id"]), sites.get_indexer(costs["site_id"])] = \
        costs["minutes"].to_numpy(dtype=float)
    return M, origins, sites


def nearest_site_minutes(costs: pd.DataFrame) -> pd.DataFrame:
    """Per origin of a long table: nearest_site_id, nearest_site_minutes (NaN if none), reachable, reason."""
    M, origins, sites = _matrix(costs)
    best, arg = nearest(M)
    out = pd.DataFrame(index=origins)
    out["nearest_site_id"] = np.where(arg >= 0, np.asarray(sites, dtype=object)[np.maximum(arg, 0)], None) \
        if len(sites) else None
    out["nearest_site_minutes"] = best
    out["reachable"] = np.isfinite(best)
    if "reason" in costs.columns:
        why = costs.groupby("origin_id", sort=False)["reason"].first().reindex(origins).fillna("")
    else:
        why = pd.Series("", index=origins)
    out["reason"] = np.where(out["reachable"], "", why.replace("", "no site reachable"))
    return out


def sites_within(costs: pd.DataFrame, minutes: float) -> pd.Series:
    """Per origin of a long table: the number of sites reached within ``minutes``."""
    M, origins, _ = _matrix(costs)
    return pd.Series(count_within(M, minutes), index=origins, name=f"sites_within_{minutes:g}")


def gravity_score(costs: pd.DataFrame, *, beta_minutes: float | None = None, decay: Decay | None = None,
                  weights: pd.Series | None = None) -> pd.Series:
    """Per origin of a long table: Σ_sites weight × decay(minutes); decay exp(-t/β) unless given.

    ``weights`` (indexed by site_id) default to 1 per site.
    """
    if decay is None:
        if beta_minutes is None:
            raise NetworkError("gravity_score needs beta_minutes (gravity.beta_minutes) or a decay function")
        decay = exponential_decay(beta_minutes)
    M, origins, sites = _matrix(costs)
    w = None if weights is None else weights.reindex(sites).fillna(0.0).to_numpy(dtype=float)
    return pd.Series(gravity(M, decay, w), index=origins, name="gravity")


def visitor_gain(population: np.ndarray, before: np.ndarray, after: np.ndarray, *,
                 within_minutes: float) -> dict[str, Any]:
    """What a change from ``before`` to ``after`` (cities × sites minutes, NaN unreachable) is worth to visitors.

    pop_hours_saved: Σ over cities and sites of population × hours saved (pairs reachable both times),
    divided by the number of sites — people-hours saved on one trip to an average site;
    pop_newly_within: net people whose nearest site comes within ``within_minutes``;
    by_city / by_site: each one's share of pop_hours_saved (for explaining where a gain comes from).

    >>> g = visitor_gain(np.array([10.0, 1.0]), np.array([[240.0], [100.0]]), np.array([[120.0], [100.0]]),
    ...                  within_minutes=180)
    >>> g["pop_hours_saved"], g["pop_newly_within"]
    (20.0, 10.0)
    """
    pop = _weights(population)
    b, a = np.asarray(before, dtype=float), np.asarray(after, dtype=float)
    both = np.isfinite(b) & np.isfinite(a)
    saved = np.where(both, (b - a) / 60.0, 0.0) * pop[:, None]
    n_sites = max(b.shape[1], 1)
    nb, na = nearest(b)[0], nearest(a)[0]
    was = np.isfinite(nb) & (nb <= within_minutes)
    now = np.isfinite(na) & (na <= within_minutes)
    return {"pop_hours_saved": float(saved.sum() / n_sites),
            "pop_newly_within": float(pop[now & ~was].sum() - pop[was & ~now].sum()),
            "by_city": saved.sum(axis=1) / n_sites, "by_site": saved.sum(axis=0) / n_sites}
