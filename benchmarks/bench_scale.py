"""Nearest-site minutes at 1 km, 0.5 km and 250 m: the project, a lean scipy reference and plain NetworkX.

Three columns on the same graph and the same origins, in one run, with the ratios:

- **project**: ``network.nearest.nearest_sites`` on a compiled engine (warm: engine built, grid built,
  origin links cached; the min-only Dijkstra is re-run every time).
- **lean reference** (written here, independent of the project's query code): one min-only multi-source
  Dijkstra on the reversed CSR, the engine's own connector candidates (taken once, outside the timing),
  one vectorised min, and a KD-tree for direct local trips.
- **NetworkX**: ``multi_source_dijkstra_path_length`` from the sites on the reversed MultiDiGraph, then a
  plain Python loop over each origin's candidates (what a notebook would do).

Also: the cold 250 m path in a fresh process (grid build + engine + first query) and its peak memory.
Targets (issue 12): 1 km ≤ 0.06 s warm and ≤ 1.5× the lean reference; 250 m ≤ 1 s warm, ≤ 3 s cold
including the grid build, peak ≤ 2 GB. All results are checked equal before any time is printed.

Run: .venv/bin/python benchmarks/bench_scale.py [--repeat N] [--skip-networkx]
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

import networkx as nx
import numpy as np
from scipy.sparse.csgraph import dijkstra
from scipy.spatial import cKDTree

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchutil import best_of  # noqa: E402

from network.connectors import connector_minutes  # noqa: E402
from network.data import load_network_data  # noqa: E402
from network.engine import Engine  # noqa: E402
from network.nearest import nearest_sites  # noqa: E402
from network.origins import grid_frame  # noqa: E402

GRIDS = (1.0, 0.5, 0.25)


def lean(eng: Engine, sites: list[str], cand: np.ndarray, cmin: np.ndarray, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """The lean reference: min-only Dijkstra + one min over the candidates + KD-tree direct trips."""
    g = eng.graph
    dist = dijkstra(g.rcsr, directed=True, indices=[g.index[s] for s in sites], min_only=True)
    tot = cmin + np.append(dist, np.inf)[cand]
    net = tot.min(axis=1)
    sxy = np.array([eng.data.xy[s] for s in sites])
    max_m = eng.params.num("connector.origin_max_km") * 1000
    _, j = cKDTree(sxy).query(np.column_stack([x, y]), k=1)
    d = np.hypot(x - sxy[j, 0], y - sxy[j, 1])
    direct = np.where(d <= max_m, connector_minutes(d, eng.params), np.inf)
    m = np.minimum(net, direct)
    return np.where(np.isfinite(m), m, np.nan)


def plain_networkx(G: nx.MultiDiGraph, sites: list[str], nodes: list[str], cand: np.ndarray, cmin: np.ndarray,
                   direct: np.ndarray) -> np.ndarray:
    """NetworkX multi-source Dijkstra, then a Python loop over every origin's candidates."""
    d = nx.multi_source_dijkstra_path_length(G.reverse(copy=False), set(sites), weight="minutes")
    out = np.empty(len(cand))
    for i, (row, mins) in enumerate(zip(cand.tolist(), cmin.tolist())):
        best = direct[i]
        for c, m in zip(row, mins):
            if c >= 0:
                v = d.get(nodes[c])
                if v is not None and m + v < best:
                    best = m + v
        out[i] = best
    return np.where(np.isfinite(out), out, np.nan)


def cold_child() -> None:
    """In a fresh process: data load, 250 m grid, engine, first query; print JSON with times and peak."""
    t0 = time.perf_counter()
    data = load_network_data()
    t1 = time.perf_counter()
    g = grid_frame(0.25, data=data)
    t2 = time.perf_counter()
    eng = Engine("existing", data=data)
    t3 = time.perf_counter()
    n = nearest_sites(eng, g)
    t4 = time.perf_counter()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 / 1024
    print(json.dumps({"load": t1 - t0, "grid": t2 - t1, "engine": t3 - t2, "query": t4 - t3, "cells": len(g),
                      "reach": float(np.isfinite(n.minutes).mean()), "peak_gb": peak}))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--skip-networkx", action="store_true", help="leave out the (slow) NetworkX column")
    ap.add_argument("--cold-child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.cold_child:
        cold_child()
        return 0
    data = load_network_data()
    eng = Engine("existing", data=data)
    sites = eng.site_ids("all")
    G = eng.nx_graph()
    print(f"graph existing: {eng.graph.n:,} nodes, {len(eng.graph.w):,} edges; {len(sites)} heritage sites")
    print(f"{'grid':>7} {'cells':>9} | {'project':>9} {'lean ref':>9} {'NetworkX':>9} | "
          f"{'project/lean':>12} {'NetworkX/project':>16}")
    missed = []
    for km in GRIDS:
        g = grid_frame(km, data=data)
        x, y = g["x"].to_numpy(float), g["y"].to_numpy(float)
        nearest_sites(eng, g)                                   # warm: links and direct trips cached

        def project():
            eng._nearest_cache.clear()                           # re-run the Dijkstra every time
            return nearest_sites(eng, g).minutes
        t_p, m_p = best_of(project, args.repeat)
        cand, cmin = eng.origin_links(x, y)
        t_l, m_l = best_of(lambda: lean(eng, sites, cand, cmin, x, y), args.repeat)
        assert np.array_equal(np.isnan(m_p), np.isnan(m_l)) and np.allclose(m_p[~np.isnan(m_p)], m_l[~np.isnan(m_l)],
                                                                             rtol=0, atol=1e-9), "lean ≠ project"
        if args.skip_networkx:
            t_n = float("nan")
        else:
            sxy = np.array([data.xy[s] for s in sites])
            d = np.hypot(x[:, None] - sxy[None, :, 0], y[:, None] - sxy[None, :, 1]).min(axis=1)
            direct = np.where(d <= eng.params.num("connector.origin_max_km") * 1000,
                              connector_minutes(d, eng.params), np.inf)
            t_n, m_n = best_of(lambda: plain_networkx(G, sites, eng.graph.nodes, cand, cmin, direct), 1)
            assert np.allclose(np.nan_to_num(m_n, nan=-1), np.nan_to_num(m_p, nan=-1), rtol=0, atol=1e-9), "NX ≠ project"
        print(f"{km:>5g}km {len(g):>9,} | {t_p:>8.3f}s {t_l:>8.3f}s {t_n:>8.3f}s | {t_p / t_l:>11.2f}× "
              f"{t_n / t_p:>15.0f}×", flush=True)
        if km == 1.0 and (t_p > 0.06 or t_p > 1.5 * t_l):
            missed.append(f"1 km: {t_p:.3f} s (target ≤ 0.06 s and ≤ 1.5× lean {t_l:.3f} s)")
        if km == 0.25 and t_p > 1.0:
            missed.append(f"250 m warm: {t_p:.3f} s (target ≤ 1 s)")
    out = subprocess.run([sys.executable, __file__, "--cold-child"], capture_output=True, text=True, check=True)
    c = json.loads(out.stdout.strip().splitlines()[-1])
    cold = c["grid"] + c["engine"] + c["query"]
    print(f"cold 250 m in a fresh process: grid build {c['grid']:.2f} s + engine {c['engine']:.2f} s + first query "
          f"{c['query']:.2f} s = {cold:.2f} s (data load {c['load']:.2f} s before); {c['cells']:,} cells, "
          f"{c['reach']:.1%} reach a site; peak memory {c['peak_gb']:.2f} GB")
    if cold > 3:
        missed.append(f"250 m cold {cold:.2f} s (target ≤ 3 s)")
    if c["peak_gb"] > 2:
        missed.append(f"peak {c['peak_gb']:.2f} GB (target ≤ 2 GB)")
    print("all targets met" if not missed else "missed: " + "; ".join(missed))
    return 0 if not missed else 1


if __name__ == "__main__":
    sys.exit(main())
