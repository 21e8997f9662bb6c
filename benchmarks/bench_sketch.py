"""Server-side time of the update after a sketch (target: < 1 s on this machine).

1. Library: build the proposal + every result the sketch view shows (nearest-site minutes on the 2 km grid,
   difference against the scenario without the sketch, county and gateway tables, the sketch's ranking
   row), with warm base caches and a new sketch each time (each repeat moves a vertex, so nothing of the
   proposal is cached).
2. App: a full Streamlit rerun (AppTest, in-process, like a browser rerun) after "Add to draft", which
   also builds and serialises the folium map.

Usage: .venv/bin/python benchmarks/bench_sketch.py [--data DIR] [--repeat N] [--scenario S]
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

#: 赣州西站 → 安远 → 寻乌 (a hypothetical HSR, the docs' example) and an expressway east of 于都
HSR = [[114.852, 25.8], [115.1, 25.45], [115.388, 25.14], [115.633, 24.976]]
EXPY = [[115.41, 25.95], [115.6, 25.75], [115.78, 25.6]]


def sketch(kind: str, coords: list[list[float]], i: int) -> dict:
    moved = [list(c) for c in coords]
    moved[1][0] += 0.001 * i  # a new sketch every repeat: no proposal cache hit
    props = {"kind": kind}
    return {"type": "Feature", "properties": props, "geometry": {"type": "LineString", "coordinates": moved}}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", help="data folder (default: $ATLAS_DATA_DIR or data/)")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--scenario", default="plan2035-full")
    args = ap.parse_args()
    if args.data:
        os.environ["ATLAS_DATA_DIR"] = args.data
    import logging
    logging.disable(logging.WARNING)
    from geo.paths import default_data_dir
    from network.proposals import Draft
    from ui.sketch import evaluate
    base = Path(args.data) if args.data else default_data_dir()

    evaluate(Draft("warm"), args.scenario, (), base)  # base engine, grid, ranking caches
    for kind, coords in (("hsr", HSR), ("expressway", EXPY)):
        totals, parts = [], []
        for i in range(1, args.repeat + 1):
            t0 = time.perf_counter()
            r = evaluate(Draft("bench").add(sketch(kind, coords, i)), args.scenario, (), base)
            totals.append((time.perf_counter() - t0) * 1000)
            parts.append(r["ms"])
        med = statistics.median(totals)
        print(f"library  {kind:10} on {args.scenario}: median {med:6.0f} ms (min {min(totals):.0f}, "
              f"max {max(totals):.0f}); tables {statistics.median(p['tables'] for p in parts):.0f} ms, "
              f"bands {statistics.median(p['bands'] for p in parts):.0f} ms, "
              f"ranking row {statistics.median(p['rank_row'] for p in parts):.0f} ms")

    from streamlit.testing.v1 import AppTest
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
    at.query_params["view"] = "sketch"
    at.query_params["scenario"] = "all" if args.scenario == "plan2035-full" else args.scenario
    t0 = time.perf_counter()
    at.run()
    first = (time.perf_counter() - t0) * 1000
    assert not at.exception, at.exception
    reruns = []
    for i in range(1, args.repeat + 1):
        at.session_state["sketch_pending"] = sketch("hsr", HSR, 100 + i)["geometry"]
        at.run()
        btn = at.button(key="w_sk_add").click()
        t0 = time.perf_counter()
        btn.run()
        reruns.append((time.perf_counter() - t0) * 1000)
        assert not at.exception and not at.error, (at.exception, [e.value for e in at.error])
        at.button(key="w_sk_undo").click().run()
    print(f"app      first sketch-view run {first:.0f} ms; rerun after 'Add to draft': median "
          f"{statistics.median(reruns):.0f} ms (min {min(reruns):.0f}, max {max(reruns):.0f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
