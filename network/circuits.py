"""Red-tourism circuits: the site-to-site travel-time matrix, named circuits and the best visiting order.

A circuit is an ordered list of sites (``data/params/circuits.csv``: circuit_id, name_zh, name_en, site_ids,
source_or_reason). Its total is the sum of the legs between consecutive sites, routed on the visitors'
engine (planned waits; a visitor moves between sites by car, bus or train, whichever is faster). The best
order of up to ``MAX_EXACT`` sites is found exactly (every permutation; an open path that may start at any
site, or at a given one).
"""
from __future__ import annotations

import csv
import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from network.data import NetworkData
from network.engine import Engine
from network.errors import NetworkError, UnknownFeatureError

MAX_EXACT = 8
CIRCUIT_COLUMNS = ("circuit_id", "name_zh", "name_en", "site_ids", "source_or_reason")


@dataclass(frozen=True)
class Circuit:
    circuit_id: str
    name_zh: str
    name_en: str
    site_ids: tuple[str, ...]
    source_or_reason: str


def load_circuits(data: NetworkData) -> list[Circuit]:
    """Read ``params/circuits.csv``; unknown or non-site ids and rows without a reason are one clear error."""
    p = Path(data.data_dir) / "params" / "circuits.csv"
    if not p.exists():
        return []
    out, problems = [], []
    for i, r in enumerate(csv.DictReader(p.read_text(encoding="utf-8-sig").splitlines()), start=2):
        vals = {c: (r.get(c) or "").strip() for c in CIRCUIT_COLUMNS}
        ids = tuple(vals["site_ids"].replace(",", " ").split())
        bad = [s for s in ids if data.features.get(s, {}).get("layer") != "heritage_sites"]
        if not vals["circuit_id"] or len(ids) < 2 or bad or not vals["source_or_reason"]:
            problems.append(f"line {i}: need circuit_id, two or more heritage-site ids and a source or reason"
                            + (f" (not sites: {', '.join(bad)})" if bad else ""))
            continue
        out.append(Circuit(vals["circuit_id"], vals["name_zh"], vals["name_en"], ids, vals["source_or_reason"]))
    if problems:
        raise NetworkError(f"{p}: " + "; ".join(problems))
    return out


def site_matrix(engine: Engine, site_ids: Sequence[str]) -> np.ndarray:
    """Minutes from each site (row) to each site (column) on ``engine``; NaN where unreachable or absent."""
    missing = [s for s in site_ids if s not in engine.graph.index]
    if missing:
        raise UnknownFeatureError(f"not a heritage site in scenario {engine.scenario.name}: {', '.join(missing)}")
    D, _ = engine.to_sites(list(site_ids))          # D[j, node]: minutes from node to site j
    cols = [engine.graph.index[s] for s in site_ids]
    M = D[:, cols].T                                # M[i, j]: from site i to site j
    M = np.where(np.isfinite(M), M, np.nan)
    np.fill_diagonal(M, 0.0)
    return M


def path_minutes(M: np.ndarray, order: Sequence[int]) -> float:
    """Total minutes of visiting the sites of ``M`` in ``order`` (NaN if a leg is unreachable)."""
    legs = [M[a, b] for a, b in zip(order, order[1:])]
    return float(sum(legs)) if all(np.isfinite(legs)) else math.nan


def best_order(M: np.ndarray, *, start: int | None = None) -> tuple[list[int], float]:
    """The visiting order with the least total minutes (open path; from ``start`` if given), found exactly.

    >>> best_order(np.array([[0, 10, 1], [10, 0, 1], [1, 1, 0.]]))
    ([0, 2, 1], 2.0)
    """
    n = len(M)
    if n > MAX_EXACT:
        raise NetworkError(f"the best order is searched exactly for at most {MAX_EXACT} sites; got {n}")
    if n <= 1:
        return list(range(n)), 0.0
    best, best_t = None, math.inf
    rest = [i for i in range(n) if i != start]
    for perm in itertools.permutations(rest):
        order = [start, *perm] if start is not None else list(perm)
        t = path_minutes(M, order)
        if t < best_t or (t == best_t and best is not None and order < best):
            best, best_t = order, t
    if best is None:
        raise NetworkError("no order visits every site: some sites cannot be reached from the others")
    return best, best_t


def circuit_legs(engine: Engine, site_ids: Sequence[str]) -> pd.DataFrame:
    """The legs of visiting ``site_ids`` in that order: from_id, from, to_id, to, minutes (NaN unreachable)."""
    M = site_matrix(engine, site_ids)
    name = engine.data.name
    return pd.DataFrame([{"from_id": a, "from": name(a), "to_id": b, "to": name(b), "minutes": M[i, i + 1]}
                         for i, (a, b) in enumerate(zip(site_ids, site_ids[1:]))])


def circuit_table(engine: Engine, circuits: Sequence[Circuit]) -> pd.DataFrame:
    """Per circuit: its total minutes in the given order, the best order's total and that order."""
    rows = []
    for c in circuits:
        present = all(s in engine.graph.index for s in c.site_ids)
        total = best_t = math.nan
        order_ids: tuple[str, ...] = ()
        if present:
            M = site_matrix(engine, c.site_ids)
            total = path_minutes(M, range(len(c.site_ids)))
            if len(c.site_ids) <= MAX_EXACT and np.isfinite(M).all():  # else no order visits every site
                order, best_t = best_order(M)
                order_ids = tuple(c.site_ids[i] for i in order)
        rows.append({"circuit_id": c.circuit_id, "name_zh": c.name_zh, "name_en": c.name_en, "sites": len(c.site_ids),
                     "minutes": total, "best_minutes": best_t, "best_order": " ".join(order_ids),
                     "source_or_reason": c.source_or_reason})
    return pd.DataFrame(rows)
