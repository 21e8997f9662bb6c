"""Browser test of the sketch view: draw a line with the mouse on the Leaflet map (leaflet-draw, served
locally), fill the form and see the county table change. Reuses the app helper's server/browser/page
fixtures (tests/app/test_browser.py): streamlit on a free port, Debian chromium, no internet."""
from __future__ import annotations

import time

import pytest

try:  # the app helper's fixtures; if they are renamed, say so instead of breaking collection
    from tests.app.test_browser import CHROMIUM, FRAME, browser, frame, page, server, shot, wait_map  # noqa: F401
except ImportError as exc:  # pragma: no cover
    pytest.skip(f"fixtures of tests/app/test_browser.py changed: {exc}; update this import",
                allow_module_level=True)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not __import__("pathlib").Path(CHROMIUM).exists(), reason=f"{CHROMIUM} not installed"),
]

#: an expressway from 东城 (the start snaps to it) south into the east county, which has no fast road yet
LINE = [(25.90, 116.0), (25.75, 115.95), (25.62, 115.9)]


def _map_frame(pg):
    frames = [f for f in pg.frames if "st_folium" in f.url and not f.is_detached()]
    assert len(frames) == 1, [f.url for f in frames]
    return frames[0]


def _page_xy(pg, lat: float, lng: float) -> tuple[float, float]:
    """Page pixel of a lat/lng on the map (iframe offset + Leaflet container point)."""
    box = pg.locator(FRAME).first.bounding_box()
    x, y = _map_frame(pg).evaluate(
        """([lat, lng]) => { const p = map_div.latLngToContainerPoint(L.latLng(lat, lng));
                             const r = map_div.getContainer().getBoundingClientRect();
                             return [p.x + r.left, p.y + r.top]; }""", [lat, lng])
    return box["x"] + x, box["y"] + y


def _county_text(pg) -> str:
    t = pg.locator('[data-testid="stTable"]')
    return t.first.inner_text() if t.count() else ""


def test_draw_a_line_fill_the_form_and_the_table_changes(server, page):  # noqa: F811
    from ui.sketch import draw_assets_missing
    if draw_assets_missing():
        pytest.fail("leaflet-draw is not in static/vendor/: run scripts/fetch_assets.sh (make test does)")
    t0 = time.time()
    page.goto(server + "/?view=sketch&scenario=existing&lang=zh")
    wait_map(page)
    page.locator('[data-testid="stTable"]').first.wait_for(timeout=30000)
    time.sleep(1.5)  # let the map settle its view before computing pixels
    before = _county_text(page)
    assert "mean_minutes_saved" in before
    # the leaflet-draw toolbar is there and came from our own server
    tool = frame(page).locator("a.leaflet-draw-draw-polyline")
    tool.wait_for(timeout=10000)
    # frame the east of the fixture, right of the legend box (the drawing itself is done with the mouse)
    _map_frame(page).evaluate("() => map_div.setView([25.78, 115.8], 9, {animate: false})")
    time.sleep(0.8)
    shot(page, "sketch_before_draw")
    tool.click()
    for lat, lng in LINE:
        x, y = _page_xy(page, lat, lng)
        page.mouse.move(x, y)
        page.mouse.click(x, y)
        time.sleep(0.35)
    shot(page, "sketch_drawing")
    frame(page).locator('a[title="Finish drawing"]').click()
    page.get_by_text("已画线：3 个点").first.wait_for(timeout=20000)
    shot(page, "sketch_drawn")
    page.locator('[data-testid="stSelectbox"]').filter(has=page.get_by_text("类型", exact=True)).click()
    page.get_by_role("option", name="高速公路", exact=True).click()
    page.get_by_text("车道数").first.wait_for(timeout=10000)  # the form now asks for expressway attributes
    page.get_by_role("button", name="加入草案").click()
    deadline = time.time() + 30
    after = before
    while time.time() < deadline and after == before:
        time.sleep(0.3)
        after = _county_text(page)
    assert after != before, "the county table did not change after the sketch"
    page.get_by_text("草图更新耗时").first.wait_for(timeout=10000)
    deadline = time.time() + 20
    while time.time() < deadline and page.locator(FRAME).count() != 1:  # the map remounts with the sketch
        time.sleep(0.25)
    wait_map(page)
    time.sleep(1)
    legend = frame(page).locator(".atlas-legend").inner_text()
    assert "分钟" in legend
    shot(page, "sketch_result")
    # second step: a heritage site placed with the marker tool; the form switches to point kinds
    _map_frame(page).evaluate("() => map_div.setView([25.78, 115.8], 9, {animate: false})")
    time.sleep(0.8)
    frame(page).locator("a.leaflet-draw-draw-marker").click()
    x, y = _page_xy(page, 25.68, 115.72)
    page.mouse.move(x, y)
    page.mouse.click(x, y)
    page.get_by_text("已放点").first.wait_for(timeout=20000)
    page.locator('[data-testid="stSelectbox"]').filter(has=page.get_by_text("类型", exact=True)).click()
    page.get_by_role("option", name="红色纪念地", exact=True).click()
    page.get_by_text("级别").first.wait_for(timeout=10000)
    page.get_by_role("button", name="加入草案").click()
    page.get_by_text("步骤: 2").first.wait_for(timeout=30000)
    shot(page, "sketch_two_steps")
    assert page.watch.external == [], page.watch.external
    assert page.watch.errors == [], page.watch.errors
    assert page.watch.dialogs == []
    assert time.time() - t0 < 60
