"""Benchmark the engine on the real data: 1 km grid (~40k origins) × all heritage sites.

Prints: graph build time, nearest-site minutes for every cell, full origin × site cost table, ranking
every planned project both ways, peak memory, the 0.5 km / 1 km time ratio, and a plain NetworkX
baseline on the same graph (multi-source Dijkstra for the nearest site, one Dijkstra per site for the
table) with the speed ratio. Targets: build ≤ 1 s, nearest ≤ 0.5 s, table ≤ 2 s, ranking ≤ 10 s,
peak ≤ 1 GB, 0.5 km ≤ 4.5 × 1 km.

Run: .venv/bin/python benchmarks/bench_access.py [--data DATA_DIR] [--repeat N]
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

import networkx as nx
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchutil import best_of  # noqa: E402

from network import Engine, build_graph, origins_grid  # noqa: E402
from network.ranking import rank_projects  # noqa: E402
from network.data import load_network_data  # noqa: E402
from network.engine import clear_cache  # noqa: E402
from network.params import load_params  # noqa: E402


def nearest_minutes(eng: Engine, grid, sites) -> np.ndarray:
    eng._site_cache.clear()  # time the Dijkstra too, not only the combination
    cm = eng.cost_matrix(grid, sites)
    m = np.where(np.isfinite(cm.minutes), cm.minutes, np.inf).min(axis=1)
    return np.where(np.isfinite(m), m, np.nan)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=None, help="data folder (default: ATLAS_DATA_DIR or data/)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--scenario", default="existing")
    ap.add_argument("--with", dest="with_", default="plan2035-full", help="'with' scenario for the ranking")
    args = ap.parse_args()
    rows = []

    def report(label, seconds, target=None, extra=""):
        ok = "" if target is None else ("  ok" if seconds <= target else f"  OVER target {target:g} s")
        rows.append((label, seconds, target))
        print(f"{label:52} {seconds:8.3f} s{ok} {extra}", flush=True)

    t = time.perf_counter()
    data = load_network_data(args.data)
    params = load_params(data_dir=data.data_dir)
    print(f"load + validate layers (once, cached)                {time.perf_counter() - t:8.3f} s")
    grid1 = origins_grid(1.0, data=data)
    grid05 = origins_grid(0.5, data=data)
    print(f"origins: 1 km grid {len(grid1):,} cells, 0.5 km grid {len(grid05):,} cells")

    secs, eng = best_of(lambda: Engine(args.scenario, params=params, data=data), args.repeat)
    sites = eng.site_ids("all")
    print(f"graph {args.scenario}: {eng.graph.n:,} nodes, {len(eng.graph.w):,} edges (after parallel-edge "
          f"reduction); {len(sites)} heritage sites")
    report("graph build (scenario → compiled arrays)", secs, 1.0)
    secs_nx, G = best_of(lambda: build_graph(args.scenario, data_dir=data.data_dir, params=params), args.repeat)
    report("graph build as NetworkX MultiDiGraph", secs_nx, 1.0)

    secs, near1 = best_of(lambda: nearest_minutes(eng, grid1, sites), args.repeat)
    report("nearest-site minutes, every 1 km cell", secs, 0.5)
    secs05, near05 = best_of(lambda: nearest_minutes(eng, grid05, sites), args.repeat)
    report("nearest-site minutes, every 0.5 km cell", secs05, None,
           f"(ratio to 1 km: {secs05 / secs:.2f}×, target ≤ 4.5×)")
    ratio = secs05 / secs

    def full_table():
        eng._site_cache.clear()
        return eng.cost_matrix(grid1, sites).to_long()
    secs, table = best_of(full_table, args.repeat)
    report(f"full cost table ({len(table):,} rows, long DataFrame)", secs, 2.0)

    t = time.perf_counter()
    ranked = rank_projects(args.scenario, args.with_, grid1, sites="national", data_dir=data.data_dir, params=params)

    report(f"rank {len(ranked)} projects both ways (1 km grid, national)", time.perf_counter() - t, 10.0)

    # -- plain NetworkX baseline on the same graph -------------------------------------------------------
    R = G.reverse(copy=False)
    t = time.perf_counter()
    nx_near = nx.multi_source_dijkstra_path_length(R, set(sites), weight="minutes")
    t_nx_near = time.perf_counter() - t
    t = time.perf_counter()
    nx_tables = {s: nx.single_source_dijkstra_path_length(R, s, weight="minutes") for s in sites}
    t_nx_table = time.perf_counter() - t
    eng._site_cache.clear()
    t = time.perf_counter()
    D, _ = eng.to_sites(sites)
    t_sp = time.perf_counter() - t
    t = time.perf_counter()
    D_only = eng.graph.to_sites(sites)
    t_sp_plain = time.perf_counter() - t
    # identical answers?
    nearest_nodes = np.min(D_only, axis=0)
    worst = 0.0
    for node, minutes in nx_near.items():
        worst = max(worst, abs(nearest_nodes[eng.graph.index[node]] - minutes))
    for i, s in enumerate(sites[:5]):
        for node, minutes in nx_tables[s].items():
            worst = max(worst, abs(D_only[i, eng.graph.index[node]] - minutes))
    print(f"NetworkX multi_source_dijkstra (nearest, graph part)  {t_nx_near:8.3f} s")
    print(f"NetworkX one Dijkstra per site ({len(sites)} sites)          {t_nx_table:8.3f} s")
    print(f"scipy csgraph Dijkstra from all sites (minutes only)  {t_sp_plain:8.3f} s  "
          f"→ {t_nx_table / t_sp_plain:.0f}× faster than one NetworkX Dijkstra per site")
    print(f"scipy csgraph Dijkstra + path modes                   {t_sp:8.3f} s")
    print(f"largest difference scipy vs NetworkX: {worst:.2e} min")

    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    peak_gb = peak_kb / 1024 / 1024
    print(f"peak memory (ru_maxrss)                              {peak_gb:8.3f} GB{'  ok' if peak_gb <= 1 else '  OVER 1 GB'}")
    reach = np.isfinite(near1).mean()
    print(f"1 km cells reaching a site: {reach:.1%}; median nearest-site minutes {np.nanmedian(near1):.0f}")
    over = [r for r in rows if r[2] is not None and r[1] > r[2]]
    if ratio > 4.5:
        over.append(("0.5 km / 1 km ratio", ratio, 4.5))
    if peak_gb > 1:
        over.append(("peak memory", peak_gb, 1))
    print("all targets met" if not over else f"{len(over)} target(s) missed: {', '.join(r[0] for r in over)}")
    clear_cache()
    return 0 if not over else 1


if __name__ == "__main__":
    sys.exit(main())
