"""Benchmark the visitors' measures on the real data: every market city × every heritage site, per scenario.

Side by side in one run, on the same planned-waits graph and the same cities:
  project   network.visitors.visitor_matrix + site_table (warm engine: the Dijkstra from the sites is timed)
  lean      scipy.sparse.csgraph.dijkstra from the sites on the engine's reversed CSR + a min over the entries
  networkx  nx.single_source_dijkstra_path_length from each site on the reversed NetworkX graph + the same min
and the ratios. Then ranking every project by both measures (residents on a 1 km grid, visitors).
Targets (the brief): visitor measures ≤ 0.2 s per scenario; ranking by both measures ≤ 10 s.

Run: .venv/bin/python benchmarks/bench_visitors.py [--repeat N]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import networkx as nx
import numpy as np
from scipy.sparse.csgraph import dijkstra

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchutil import best_of  # noqa: E402

from network.ranking import rank_projects  # noqa: E402
from network.visitors import city_entries, load_links, market_frame, site_table, visitor_engine, visitor_matrix  # noqa: E402


def project(eng):
    eng._site_cache.clear()  # time the Dijkstra from the sites too
    vm = visitor_matrix(eng, "all")
    site_table(vm, eng.data, eng.params)
    return vm.minutes


def combine(eng, D) -> np.ndarray:
    """min over each city's entries of (entry minutes + network minutes from the entry node to each site)."""
    markets = market_frame(eng.data)
    out = np.full((len(markets), D.shape[0]), np.inf)
    for e in city_entries(eng, markets, load_links(eng.data)):
        out[e.market] = np.minimum(out[e.market], e.minutes + D[:, e.node])
    return np.where(np.isfinite(out), out, np.nan)


def lean(eng, sites):
    idx = [eng.graph.index[s] for s in sites]
    return combine(eng, np.atleast_2d(dijkstra(eng.graph.rcsr, directed=True, indices=idx)))


def plain_networkx(eng, sites, R):
    D = np.full((len(sites), eng.graph.n), np.inf)
    for j, s in enumerate(sites):
        for node, d in nx.single_source_dijkstra_path_length(R, s, weight="minutes").items():
            D[j, eng.graph.index[node]] = d
    return combine(eng, D)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    over = False
    for sc in ("existing", "2035", "plan2035-with-studies"):
        eng = visitor_engine(sc)
        sites = eng.site_ids("all")
        R = eng.nx_graph().reverse(copy=True)
        R = nx.DiGraph((u, v, {"minutes": min(d["minutes"] for d in R[u][v].values())}) for u, v in R.edges())
        t_p, m_p = best_of(lambda: project(eng), args.repeat)
        t_l, m_l = best_of(lambda: lean(eng, sites), args.repeat)
        t_n, m_n = best_of(lambda: plain_networkx(eng, sites, R), max(1, args.repeat // 2))
        same = np.allclose(np.nan_to_num(m_p, nan=-1), np.nan_to_num(m_l, nan=-1)) and \
            np.allclose(np.nan_to_num(m_p, nan=-1), np.nan_to_num(m_n, nan=-1))
        flag = "ok" if t_p <= 0.2 else "OVER 0.2 s"
        over |= t_p > 0.2
        print(f"{sc:24} {len(m_p)} cities × {len(sites)} sites: project {t_p:.4f} s ({flag}) | lean {t_l:.4f} s "
              f"| networkx {t_n:.4f} s | project/lean {t_p / t_l:.2f}× | networkx/project {t_n / t_p:.1f}× "
              f"| equal: {same}")
    t = time.perf_counter()
    df = rank_projects("existing", "2035", measures=("residents", "visitors"))
    secs = time.perf_counter() - t
    over |= secs > 10
    print(f"rank {len(df)} projects existing → 2035, both measures: {secs:.2f} s ({'ok' if secs <= 10 else 'OVER 10 s'})")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
