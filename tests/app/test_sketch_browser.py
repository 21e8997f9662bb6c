"""Browser test of the sketch view: draw a line with the mouse on the Leaflet map (leaflet-draw, served
locally), fill the form and see the county table change. Uses the server/browser/page fixtures of
tests/app/conftest.py (streamlit on a free port, Debian chromium, no internet) and the settled-map waits of
tests/app/browserkit.py."""
from __future__ import annotations

from pathlib import Path

import pytest

from browserkit import CHROMIUM, FRAME, settle, shot, wait_until

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} not installed"),
]
# fixtures server, browser, page: tests/app/conftest.py; waiting for a settled map: tests/app/browserkit.py

#: an expressway from 东城 (the start snaps to it) south into the east county, which has no fast road yet
LINE = [(25.90, 116.0), (25.75, 115.95), (25.62, 115.9)]
#: leaflet-draw's polyline tool (folium's Draw plugin keeps its L.Control.Draw in a global variable)
POLYLINE_HANDLER = """() => {
    for (const k of Object.keys(window)) {
        let v; try { v = window[k]; } catch (e) { continue; }
        if (v instanceof L.Control.Draw) return v._toolbars.draw._modes.polyline.handler;
    }
    return null; }"""
#: the vertices taken so far, once the tool is ready for the next click: leaflet-draw ignores a mousedown
#: until a 50 ms timer after the previous click has run (a fixed pause between clicks can lose a vertex)
VERTICES_READY = f"""() => {{ const h = ({POLYLINE_HANDLER})();
    return h && h.enabled() && !h._disableMarkers && !h._clickHandled ? h._markers.length : -1; }}"""


def _page_xy(pg, fr, lat: float, lng: float) -> tuple[float, float]:
    """Page pixel of a lat/lng on the map (iframe offset + Leaflet container point)."""
    box = pg.locator(FRAME).bounding_box()
    x, y = fr.evaluate(
        """([lat, lng]) => { const p = map_div.latLngToContainerPoint(L.latLng(lat, lng));
                             const r = map_div.getContainer().getBoundingClientRect();
                             return [p.x + r.left, p.y + r.top]; }""", [lat, lng])
    return box["x"] + x, box["y"] + y


def _frame_east(fr) -> None:
    """Frame the east of the fixture, right of the legend box (the drawing itself is done with the mouse)."""
    fr.evaluate("() => map_div.setView([25.78, 115.8], 9, {animate: false})")
    wait_until(lambda: fr.evaluate("() => { const c = map_div.getCenter(); return map_div.getZoom() === 9 && "
                                   "Math.abs(c.lat - 25.78) < 0.01 && Math.abs(c.lng - 115.8) < 0.01; }"),
               what="map framed on the east of the fixture")


def _county_text(pg) -> str:
    t = pg.locator('[data-testid="stTable"]')
    return t.first.inner_text() if t.count() else ""


def test_draw_a_line_fill_the_form_and_the_table_changes(server, page):
    from ui.sketching import draw_assets_missing
    if draw_assets_missing():
        pytest.fail("leaflet-draw is not in static/vendor/: run scripts/fetch_assets.sh (make test does)")
    page.goto(server + "/?view=sketch&scenario=existing&lang=zh")
    page.locator('[data-testid="stTable"]').first.wait_for(timeout=60000)
    m = settle(page)
    before = _county_text(page)
    assert "mean_minutes_saved" in before
    # the leaflet-draw toolbar is there and came from our own server
    tool = m.frame.locator("a.leaflet-draw-draw-polyline")
    tool.wait_for(timeout=10000)
    _frame_east(m.frame)
    shot(page, "sketch_before_draw")
    tool.click()
    for i, (lat, lng) in enumerate(LINE):
        # the drawing tool is on and ready for a click, with the previous vertices taken
        m.frame.wait_for_function(f"() => ({VERTICES_READY})() === {i}", timeout=30000)
        x, y = _page_xy(page, m.frame, lat, lng)
        page.mouse.move(x, y)
        page.mouse.click(x, y)
    m.frame.wait_for_function(f"() => ({VERTICES_READY})() === {len(LINE)}", timeout=30000)
    shot(page, "sketch_drawing")
    m.frame.locator('a[title="Finish drawing"]').click()
    page.get_by_text("已画线：3 个点").first.wait_for(timeout=30000)
    settle(page)
    shot(page, "sketch_drawn")
    page.locator('[data-testid="stSelectbox"]').filter(has=page.get_by_text("类型", exact=True)).click()
    page.get_by_role("option", name="高速公路", exact=True).click()
    page.get_by_text("车道数").first.wait_for(timeout=30000)  # the form now asks for expressway attributes
    settle(page)
    page.get_by_role("button", name="加入草案").click()
    after = wait_until(lambda: (lambda a: a if a != before else None)(_county_text(page)), timeout_s=60,
                       what="the county table changes after the sketch")
    assert after != before, "the county table did not change after the sketch"
    page.get_by_text("草图更新耗时").first.wait_for(timeout=30000)
    m = settle(page)  # the map remounts with the sketch
    legend = m.frame.locator(".atlas-legend").inner_text()
    assert "分钟" in legend
    shot(page, "sketch_result")
    # second step: a heritage site placed with the marker tool; the form switches to point kinds
    _frame_east(m.frame)
    m.frame.locator("a.leaflet-draw-draw-marker").click()
    x, y = _page_xy(page, m.frame, 25.68, 115.86)  # right of the legend box (taller since plan items)
    page.mouse.move(x, y)
    page.mouse.click(x, y)
    page.get_by_text("已放点").first.wait_for(timeout=30000)
    settle(page)
    page.locator('[data-testid="stSelectbox"]').filter(has=page.get_by_text("类型", exact=True)).click()
    page.get_by_role("option", name="红色纪念地", exact=True).click()
    page.get_by_text("级别").first.wait_for(timeout=30000)
    settle(page)
    page.get_by_role("button", name="加入草案").click()
    page.get_by_text("步骤: 2").first.wait_for(timeout=60000)
    shot(page, "sketch_two_steps")
    assert page.watch.external == [], page.watch.external
    assert page.watch.errors == [], page.watch.errors
    assert page.watch.dialogs == []
