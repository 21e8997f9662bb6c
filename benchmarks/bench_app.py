"""Server-side timings of the Streamlit app (AppTest runs the script in-process, like a browser rerun).

Measures: first run (cold caches: layers, map features, engine), a layer toggle, switching to a
scenario computed before, the accessibility view cold and warm, and building + rendering the folium
map alone. With --browser (needs /usr/bin/chromium): time from opening the page to the map drawn, on a
freshly started server (cold) and again (warm), offline (other hosts blocked).
Usage: .venv/bin/python benchmarks/bench_app.py [--data DIR] [--repeat N] [--browser]
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
    ap.add_argument("--browser", action="store_true", help="also time the first load in headless chromium")
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
    from geo.paths import layer_path
    from geo.store import load_layer
    from geo.schema import LAYERS
    prepared = {n: prepare_features(n, load_layer(n), "zh") for n in LAYERS if layer_path(n).exists()}
    render = [timed(lambda: build_map(prepared, groups=GROUPS, statuses=STATUSES, year=None,
                                      lang="zh").get_root().render()) for _ in range(args.repeat)]
    rows.append(("build + render folium map, all layers", render))
    n_feats = sum(len(v) for v in prepared.values())

    if args.browser:
        rows.extend(browser_load())
    print(f"data: {os.environ.get('ATLAS_DATA_DIR') or ROOT / 'data'} ({n_feats} features)")
    print(f"{'step':55} {'median ms':>10} {'max ms':>10} {'n':>3}")
    for name, xs in rows:
        print(f"{name:55} {statistics.median(xs):10.0f} {max(xs):10.0f} {len(xs):3d}")
    return 0


def browser_load() -> list[tuple[str, list[float]]]:
    """Start `streamlit run app.py` and time page open -> map drawn in headless chromium."""
    import socket
    import subprocess
    import urllib.request
    from playwright.sync_api import sync_playwright

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    cmd = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless", "true",
           "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
           "--server.fileWatcherType", "none"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(url + "_stcore/health", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        out = []
        with sync_playwright() as p:
            b = p.chromium.launch(executable_path="/usr/bin/chromium", args=[
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run"])
            for label in ("first load in browser, cold server caches", "load in browser, warm caches"):
                ctx = b.new_context(viewport={"width": 1400, "height": 900})
                ctx.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("http://127.0.0.1", "data:"))
                          else r.abort())
                pg = ctx.new_page()
                t0 = time.perf_counter()
                pg.goto(url)
                pg.frame_locator('iframe[title="streamlit_folium.st_folium"]').locator(
                    "path.leaflet-interactive").first.wait_for(timeout=60000)
                out.append((label + " (to map drawn)", [(time.perf_counter() - t0) * 1000]))
                ctx.close()
            b.close()
        return out
    finally:
        proc.terminate()
        proc.wait(timeout=10)


if __name__ == "__main__":
    raise SystemExit(main())
