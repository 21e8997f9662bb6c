"""A 2^9-portfolio sweep on the real data: in this process, on 1 Dask worker and on 2; the speed-up printed.

Nine projects of the 2035 plan, every subset (512 portfolios), residents (1 km grid, national sites) or
visitors. The Dask runs include starting the LocalCluster and sending the data to the workers; the
results of all three runs are checked equal.

Run: .venv/bin/python benchmarks/bench_sweep.py [--measure residents|visitors] [--projects N]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from network.data import load_network_data  # noqa: E402
from network.ranking import find_projects  # noqa: E402
from network.scenario import resolve_scenario  # noqa: E402
from network.sweep import SweepSpec  # noqa: E402
from network.sweep_run import run_sweep  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--measure", default="residents", choices=("residents", "visitors"))
    ap.add_argument("--projects", type=int, default=9)
    args = ap.parse_args()
    data = load_network_data()
    every = [p.project_id for p in find_projects(resolve_scenario("existing", data=data),
                                                  resolve_scenario("plan2035-full", data=data), data)]
    spec = SweepSpec("existing", "plan2035-full", tuple(every[:args.projects]), args.measure)
    n = len(spec.projects)
    print(f"{2 ** n} portfolios of {n} projects ({args.measure}): {', '.join(spec.projects)}")
    times, frames = {}, {}
    for label, workers in (("in this process", 0), ("Dask, 1 worker", 1), ("Dask, 2 workers", 2)):
        t = time.perf_counter()
        frames[label] = run_sweep(spec, workers=workers)
        times[label] = time.perf_counter() - t
        print(f"{label:18} {times[label]:8.1f} s  ({times[label] / 2 ** n * 1000:6.1f} ms per portfolio)", flush=True)
    ref = frames["in this process"]
    for label, df in frames.items():
        pd.testing.assert_frame_equal(df, ref, check_exact=True)
    print(f"speed-up 1 → 2 workers: {times['Dask, 1 worker'] / times['Dask, 2 workers']:.2f}×; "
          f"2 workers vs in-process: {times['in this process'] / times['Dask, 2 workers']:.2f}×; results equal")
    return 0


if __name__ == "__main__":
    sys.exit(main())
