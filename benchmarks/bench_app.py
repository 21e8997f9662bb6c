"""Server-side timings of the Streamlit app (AppTest runs the script in-process, like a browser rerun).

Measures: first run (cold caches: layers, map features, engine), a layer toggle, switching to a
scenario computed before, the accessibility view cold and warm, and building + rendering the folium
map alone. Usage: .venv/bin/python benchmarks/bench_app.py [--data DIR] [--repeat N]
Targets (issue): toggle / computed-scenario switch < 300 ms server-side; first load < 5 s.
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


def timed(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return (time.perf_counter() - t0) * 1000


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", help="data folder (default: $ATLAS_DATA_DIR or data/)")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    if args.data:
        os.environ["ATLAS_DATA_DIR"] = args.data
    import logging
    logging.disable(logging.WARNING)
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
    first = timed(at.run)
    assert not at.exception, at.exception
    rows = [("first run (cold caches, layers view)", [first])]

    toggles = []
    for _ in range(args.repeat):
        toggles.append(timed(at.checkbox(key="w_group_railways").uncheck().run))
        toggles.append(timed(at.checkbox(key="w_group_railways").check().run))
    rows.append(("toggle a layer (railways)", toggles))

    at.selectbox(key="w_scenario").set_value("2030").run()
    at.selectbox(key="w_scenario").set_value("existing").run()
    switches = []
    for _ in range(args.repeat):
        switches.append(timed(at.selectbox(key="w_scenario").set_value("2030").run))
        switches.append(timed(at.selectbox(key="w_scenario").set_value("existing").run))
    rows.append(("switch between computed scenarios (layers view)", switches))

    cold = timed(at.radio(key="w_view").set_value("access").run)
    assert not at.exception, at.exception
    rows.append(("accessibility view, first time (engine + 2 km grid)", [cold]))
    warm = []
    for _ in range(args.repeat):
        warm.append(timed(at.selectbox(key="w_scenario").set_value("2030").run))
        warm.append(timed(at.selectbox(key="w_scenario").set_value("existing").run))
    rows.append(("accessibility view, switch computed scenarios", warm))
    warm_t = [timed(at.checkbox(key="w_group_trunk_roads").check().run),
              timed(at.checkbox(key="w_group_trunk_roads").uncheck().run)]
    rows.append(("accessibility view, toggle a layer", warm_t))

    cmp_cold = timed(at.radio(key="w_view").set_value("compare").run)
    rows.append(("comparison view, first time", [cmp_cold]))
    rank_cold = timed(at.radio(key="w_view").set_value("rank").run)
    rows.append(("ranking view, first time (2 km grid)", [rank_cold]))

    from geo.schema import STATUSES
    from ui.cache import _load_layers, data_stamp  # noqa: F401
    from ui.features import prepare_features
    from ui.mapview import build_map
    from ui.style import GROUPS
    from geo.store import layer_path, load_layer
    from geo.schema import LAYERS
    prepared = {n: prepare_features(n, load_layer(n), "zh") for n in LAYERS if layer_path(n).exists()}
    render = [timed(lambda: build_map(prepared, groups=GROUPS, statuses=STATUSES, year=None,
                                      lang="zh").get_root().render()) for _ in range(args.repeat)]
    rows.append(("build + render folium map, all layers", render))
    n_feats = sum(len(v) for v in prepared.values())

    print(f"data: {os.environ.get('ATLAS_DATA_DIR') or ROOT / 'data'} ({n_feats} features)")
    print(f"{'step':55} {'median ms':>10} {'max ms':>10} {'n':>3}")
    for name, xs in rows:
        print(f"{name:55} {statistics.median(xs):10.0f} {max(xs):10.0f} {len(xs):3d}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
