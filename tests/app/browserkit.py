"""Helpers for the real-browser tests (tests/app/test_browser.py, tests/app/test_sketch_browser.py).

The map is a streamlit-folium component: a same-origin iframe whose Leaflet map is the global
``map_div``. Every change of the map gives the component a new key, so streamlit mounts a new iframe
and drops the old one only when the script run ends; during a rerun there can be two map iframes, or
one that is about to be replaced. Tests therefore never sleep and read: they wait (bounded) for a
definite state — the app's script is not running, exactly one map iframe is on the page and not stale,
its Leaflet map is loaded, and neither the drawn features, the legend nor the iframe's size and place
(set after the map renders; it moves the widgets below the map) have changed for a while — and then
read that one frame. Any condition on the new map (a feature count, legend text) is part of the wait.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = ROOT / "test-artifacts"
FRAME = 'iframe[title="streamlit_folium.st_folium"]'

#: generous bounds: the suite runs once on a busy 2-core CI machine, and a wait ends as soon as it holds
SETTLE_TIMEOUT_MS = 60_000
#: how long the drawn map must stay unchanged to count as settled
STABLE_MS = 600

_SETTLED_JS = """
([sel, stableMs, minPaths, notPaths, legendHas]) => {
  const s = window.__atlasSettle || (window.__atlasSettle = {});
  const no = (why) => { s.why = why; s.el = null; return false; };
  const app = document.querySelector('[data-testid="stApp"]');
  const run = app ? app.getAttribute('data-test-script-state') : 'no app';
  if (run !== 'notRunning') return no('script state: ' + run);
  const frames = document.querySelectorAll(sel);
  if (frames.length !== 1) return no(frames.length + ' map iframes');
  const el = frames[0];
  if (el.closest('[data-stale="true"]')) return no('the map iframe is stale');
  let w, doc;
  try { w = el.contentWindow; doc = w.document; } catch (e) { return no('map iframe not readable'); }
  if (!w || !doc || !w.map_div || !w.map_div._loaded || !w.L) return no('Leaflet map not loaded yet');
  const n = doc.querySelectorAll('path.leaflet-interactive').length;
  if (n < minPaths) return no(n + ' features drawn, want >= ' + minPaths);
  if (notPaths !== null && n === notPaths) return no('still ' + n + ' features drawn');
  const legend = doc.querySelector('.atlas-legend');
  const text = legend ? legend.innerText : '';
  if (legendHas && !text.includes(legendHas)) return no('legend lacks ' + JSON.stringify(legendHas));
  const r = el.getBoundingClientRect();  // the iframe's size/place: its height is set after the map renders,
  const box = [r.top, r.left, r.width, r.height].map(Math.round).join(',');  // which moves what is below it
  const now = Date.now();
  if (s.el !== el || s.n !== n || s.text !== text || s.box !== box) {
    s.el = el; s.n = n; s.text = text; s.box = box; s.since = now; s.why = 'settling';
    return false;
  }
  return now - s.since >= stableMs ? {n: n} : false;
}
"""


@dataclass
class MapState:
    frame: Any       # playwright Frame of the one map iframe
    paths: int       # path.leaflet-interactive drawn in it


def settle(pg, *, min_paths: int = 1, not_paths: int | None = None, legend_has: str | None = None,
           timeout_ms: int = SETTLE_TIMEOUT_MS) -> MapState:
    """Wait until the page shows exactly one settled map (see module doc) meeting the conditions.

    ``not_paths``: the feature count must differ from this (a redraw after a toggle has happened);
    ``legend_has``: the map's legend must contain this text. Fails with the last unmet condition.
    """
    try:
        pg.wait_for_function(_SETTLED_JS, arg=[FRAME, STABLE_MS, min_paths, not_paths, legend_has],
                             timeout=timeout_ms, polling=100)
    except Exception as exc:  # playwright TimeoutError: say which condition was never met
        why = pg.evaluate("() => (window.__atlasSettle || {}).why || 'unknown'")
        raise AssertionError(f"the map did not settle within {timeout_ms / 1000:.0f} s: {why}") from exc
    handle = pg.locator(FRAME).element_handle(timeout=5000)
    fr = handle.content_frame()
    assert fr is not None and not fr.is_detached()
    n = fr.locator("path.leaflet-interactive").count()
    return MapState(fr, n)


def map_frame(pg):
    """The map's FrameLocator; call after settle() (then there is exactly one map iframe)."""
    return pg.frame_locator(FRAME)


def wait_until(cond, timeout_s: float = 30, interval_s: float = 0.1, what: str = "condition"):
    """Poll ``cond()`` until it returns a truthy value (returned) or fail after ``timeout_s``."""
    deadline = time.monotonic() + timeout_s
    last = None
    while time.monotonic() < deadline:
        last = cond()
        if last:
            return last
        time.sleep(interval_s)
    raise AssertionError(f"{what} not reached within {timeout_s:.0f} s (last value: {last!r})")


def map_view(fr) -> tuple[float, float, int]:
    return tuple(fr.evaluate("() => { const c = map_div.getCenter(); return [c.lat, c.lng, map_div.getZoom()]; }"))


def click_latlng(fr, lat: float, lng: float) -> None:
    """Fire a Leaflet map click at lat/lng (what a user's click delivers to streamlit-folium's handler).

    A synthetic mouse click at computed pixels proved flaky (the map may still be settling its view),
    so the click is fired on the Leaflet map object itself.
    """
    fr.evaluate("([lat, lng]) => map_div.fire('click', {latlng: L.latLng(lat, lng)})", [lat, lng])


def shot(pg, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / f"{name}.png"))
