"""How the cost grows: with origins (grid cells), sites, projects (portfolios) and years — measured here.

Prints four small tables for docs/SCALING.md:
1. origins: nearest-site query (fast path) and full matrix at 2, 1, 0.5, 0.25 km (warm engine);
2. sites: fast path and full matrix at 1 km with 5, 10, 20 and all sites;
3. one portfolio: building the scenario engine vs the residents' query vs the visitors' query;
4. years: one engine + query per year scenario 2025 … 2035.

Run: .venv/bin/python benchmarks/bench_growth.py
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchutil import best_of  # noqa: E402

from network.data import load_network_data  # noqa: E402
from network.engine import Engine, data_params  # noqa: E402
from network.nearest import nearest_sites  # noqa: E402
from network.origins import grid_frame  # noqa: E402
from network.visitors import visitor_matrix  # noqa: E402


def best(fn, repeat=3):
    return best_of(fn, repeat)[0]


def main() -> int:
    data = load_network_data()
    params = data_params(data)
    eng = Engine("existing", data=data, params=params)
    sites = eng.site_ids("all")
    print("1. origins (existing, all sites, warm)")
    print(f"{'grid':>7} {'cells':>9} {'nearest':>9} {'full matrix':>12}")
    for km in (2.0, 1.0, 0.5, 0.25):
        g = grid_frame(km, data=data)
        nearest_sites(eng, g)
        t_n = best(lambda: (eng._nearest_cache.clear(), nearest_sites(eng, g)))
        t_f = best(lambda: eng.cost_matrix(g, sites, modes=False), 1)
        print(f"{km:>5g}km {len(g):>9,} {t_n:>8.3f}s {t_f:>11.3f}s", flush=True)
    print("\n2. sites (1 km grid, warm)")
    g = grid_frame(1.0, data=data)
    print(f"{'sites':>6} {'nearest':>9} {'full matrix':>12}")
    for k in (5, 10, 20, len(sites)):
        sub = sites[:k]
        t_n = best(lambda: (eng._nearest_cache.clear(), nearest_sites(eng, g, sub)))
        t_f = best(lambda: eng.cost_matrix(g, sub, modes=False), 1)
        print(f"{k:>6} {t_n:>8.3f}s {t_f:>11.3f}s", flush=True)
    print("\n3. one portfolio (plan2035-full)")
    t_e = best(lambda: Engine("plan2035-full", data=data, params=params))
    e2 = Engine("plan2035-full", data=data, params=params)
    t_r = best(lambda: (e2._nearest_cache.clear(), nearest_sites(e2, g, "national")))
    ev = Engine("plan2035-full", data=data, params=params, waits="planned")
    nat = [s for s in data.ids("heritage_sites") if data.features[s].get("level") == "national"]
    t_v = best(lambda: (ev._site_cache.clear(), visitor_matrix(ev, nat)))
    print(f"engine build {t_e:.3f} s; residents' query (1 km, national) {t_r:.3f} s; visitors' query "
          f"(61 cities × {len(nat)} national sites) {t_v:.3f} s")
    print("\n4. years (engine + 1 km residents' query)")
    for year in ("2025", "2030", "2035"):
        t_y = best(lambda: nearest_sites(Engine(year, data=data, params=params), g), 1)
        print(f"{year}: {t_y:.3f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
