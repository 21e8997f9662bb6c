"""Real-browser tests: streamlit + Debian chromium (Playwright), no internet, synthetic fixture data.

Run with the rest of the suite; they skip only when /usr/bin/chromium is absent. Screenshots go to
test-artifacts/ (git-ignored).
"""
from __future__ import annotations

import time
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from browserkit import ARTIFACTS, CHROMIUM, click_latlng, map_frame, map_view, settle, shot, wait_until

XSS = "<img src=x onerror=alert(1)>"
SIDEBAR = 'section[data-testid="stSidebar"]'

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} not installed (Debian package chromium)"),
]
# fixtures server, browser, page: tests/app/conftest.py; waiting for a settled map: tests/app/browserkit.py


def test_map_draws_offline_and_layer_toggle_changes_features(server, page):
    t0 = time.time()
    page.goto(server)
    before = settle(page).paths
    first_load_s = time.time() - t0
    # fixture defaults: 2 counties + 1 expressway + 3 railways + 3 heritage sites + 1 airport + 2 plan items
    assert before == 12, before
    assert page.get_by_text("赣南苏区交通规划一张图").first.is_visible()
    legend = map_frame(page).locator(".atlas-legend")
    assert "高速铁路" in legend.inner_text() and "在建" in legend.inner_text()
    shot(page, "map_default_zh")
    page.locator(SIDEBAR).get_by_text("铁路", exact=True).click()
    after = settle(page, not_paths=before).paths
    assert after == before - 3
    assert "高速铁路" not in map_frame(page).locator(".atlas-legend").inner_text()
    shot(page, "map_railways_off")
    assert page.watch.external == [], page.watch.external  # incl. the image in a hostile view name
    assert page.watch.errors == [], page.watch.errors
    assert page.watch.dialogs == []
    assert page.get_by_text("![x](http://example.com/x.png) [evil](http://example.com) <b>").count() == 1
    print(f"first load to map drawn: {first_load_s:.2f} s")


def test_scenario_change_redraws_network(server, page):
    page.goto(server)
    before = settle(page).paths
    page.locator(f'{SIDEBAR} [data-testid="stSelectbox"]').first.click()
    page.get_by_role("option", name="现状", exact=True).click()
    after = settle(page, not_paths=before).paths
    assert after == before - 2  # HSR under construction and the proposed line leave
    assert "scenario=existing" in page.url
    shot(page, "scenario_existing")
    assert page.watch.external == [] and page.watch.errors == []


def test_presenter_mode_hides_controls(server, page):
    page.goto(server + "/?presenter=1&lang=en")
    settle(page)
    assert not page.locator(SIDEBAR).is_visible()
    assert map_frame(page).locator(".atlas-title").inner_text().startswith("Ganzhou transport plan")
    assert map_frame(page).locator(".atlas-presenter").count() == 1
    assert map_frame(page).locator(".leaflet-control-layers").count() == 0
    shot(page, "presenter_en")
    page.get_by_role("button", name="Exit presenter mode").click()
    page.locator(SIDEBAR).wait_for(state="visible", timeout=30000)
    assert page.watch.external == [] and page.watch.errors == []


def test_hostile_names_show_as_text(server, page):
    page.goto(server + "/?layers=heritage_sites")
    f = settle(page).frame
    opened = f.evaluate("""() => {
        let n = 0;
        map_div.eachLayer(l => { if (l.feature && l.feature.properties.id === 'fx-site-xss') { l.openPopup(); n++; } });
        return n; }""")
    assert opened == 1
    content = f.locator(".leaflet-popup-content")
    content.wait_for(timeout=10000)
    assert XSS in content.inner_text()
    assert "<script>alert(3)</script>" in content.inner_text()
    assert content.locator("img").count() == 0 and content.locator("b").count() == 0
    shot(page, "xss_popup")
    assert page.watch.dialogs == []
    assert page.watch.errors == []


def test_plan_items_and_urban_expressways_render_with_legend_and_escaped_popup(server, page):
    """The new layer and the new road class draw in the browser: plan items (a port-of-entry point, an intermodal
    line) with a legend row per system, the urban expressway in its own legend row, and a plan item's popup shows
    its hostile name and notes as text."""
    page.goto(server + "/?layers=trunk_roads,plan_items")
    m = settle(page, legend_has="城市快速路")
    assert m.paths == 3 + 2, m.paths  # 3 trunk roads (1 of them urban) + 2 plan items
    legend = m.frame.locator(".atlas-legend").inner_text()
    assert "国省干线" in legend and "口岸" in legend and "物流枢纽与多式联运" in legend
    opened = m.frame.evaluate("""() => {
        let n = 0;
        map_div.eachLayer(l => { if (l.feature && l.feature.properties.id === 'fx-plan-port') { l.openPopup(); n++; } });
        return n; }""")
    assert opened == 1
    content = m.frame.locator(".leaflet-popup-content")
    content.wait_for(timeout=10000)
    text = content.inner_text()
    assert "<b>西口岸</b><img src=x onerror=alert(4)>" in text and "<script>alert(5)</script>" in text
    assert "不参与路径计算" in text and "口岸" in text
    assert content.locator("img").count() == 0 and content.locator("b").count() == 0
    shot(page, "plan_items_popup")
    page.get_by_text("规划清单：逐项核对规划").first.click()
    page.get_by_text("12 项（共 12 项）").first.wait_for(timeout=30000)
    assert page.get_by_role("button", name="下载规划清单 CSV").count() == 1
    shot(page, "plan_items_table")
    assert page.watch.external == [] and page.watch.errors == [] and page.watch.dialogs == []


def test_access_view_click_routes_and_site_shows_isochrones(server, page):
    page.goto(server + "/?view=access&layers=heritage_sites")
    m = settle(page, legend_has="人口占比")
    legend = m.frame.locator(".atlas-legend").inner_text()
    assert "≤30" in legend and "人口占比" in legend
    click_latlng(m.frame, 25.70, 115.25)  # empty land in the west county
    page.get_by_text("最快路线: 北山纪念馆").first.wait_for(timeout=30000)
    m = settle(page, legend_has="最快路线")  # the redrawn map (with the route), not the one clicked
    shot(page, "access_route")
    click_latlng(m.frame, 25.87, 116.02)  # the national-level site
    page.get_by_text("fx-site-national").first.wait_for(timeout=30000)
    settle(page, legend_has="等时圈")
    page.get_by_text("fx-site-national").first.wait_for(timeout=30000)
    shot(page, "access_isochrones")
    assert page.watch.external == [] and page.watch.errors == [] and page.watch.dialogs == []


def test_offline_html_export_draws_with_no_server(server, page, browser, tmp_path):
    page.goto(server)
    settle(page)
    page.get_by_text("下载", exact=True).click()
    button = page.get_by_role("button", name="下载离线地图（HTML）")
    button.wait_for(state="visible", timeout=30000)
    settle(page)  # nothing above the button moves any more (the click lands on it)
    try:
        with page.expect_download(timeout=120000) as dl:  # built on click (deferred download)
            button.click()
        download = dl.value
    except Exception as exc:
        err = page.locator('[data-testid="stDownloadButtonError"]')
        raise AssertionError("no download: " + (err.first.inner_text() if err.count() else "no error shown")) from exc
    path = tmp_path / "map.html"
    download.save_as(str(path))
    html_text = path.read_text(encoding="utf-8")
    assert "<script src=" not in html_text.replace(" ", "") and "<img src=x" not in html_text
    ctx = browser.new_context()
    blocked: list[str] = []
    ctx.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:"))
              else (blocked.append(r.request.url), r.abort()))
    pg = ctx.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.on("dialog", lambda d: (errors.append("dialog " + d.message), d.dismiss()))
    pg.goto(path.as_uri())
    pg.locator("path.leaflet-interactive").first.wait_for(timeout=30000)
    assert pg.locator("path.leaflet-interactive").count() == 12
    assert "高速铁路" in pg.locator(".atlas-legend").inner_text()
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / "offline_export.png"))
    ctx.close()
    assert errors == [] and blocked == [], (errors, blocked)


def _url_view(pg) -> tuple[list[str], list[str]] | None:
    q = parse_qs(urlparse(pg.url).query)
    return (q.get("c"), q.get("z")) if "c" in q else None


def test_link_follows_panning_and_restores_the_view(server, page, browser):
    page.goto(server)
    m = settle(page)
    m.frame.evaluate("() => map_div.setView([25.9, 116.0], 11, {animate: false})")  # the user pans/zooms
    # the link follows on the map's moveend, without a rerun
    wait_until(lambda: _url_view(page) == (["25.9000,116.0000"], ["11"]), what="link with c=25.9,116.0 z=11")
    before = m.paths
    page.locator(SIDEBAR).get_by_text("铁路", exact=True).click()
    m = settle(page, not_paths=before)
    assert m.paths == before - 3
    # the redrawn map keeps the user's view (restored right after the map script runs)
    lat, lng, zoom = map_view(m.frame)
    assert abs(lat - 25.9) < 0.01 and abs(lng - 116.0) < 0.01 and zoom == 11, (lat, lng, zoom)
    q = parse_qs(urlparse(page.url).query)
    assert q["c"] == ["25.9000,116.0000"] and q["z"] == ["11"] and q["layers"], page.url
    link = page.url
    ctx = browser.new_context(viewport={"width": 1400, "height": 950})
    other = ctx.new_page()
    other.goto(link)
    m2 = settle(other)
    lat, lng, zoom = map_view(m2.frame)
    assert abs(lat - 25.9) < 0.01 and abs(lng - 116.0) < 0.01 and zoom == 11, (lat, lng, zoom)
    assert m2.paths == before - 3
    ctx.close()
    assert page.watch.errors == [] and page.watch.external == []
