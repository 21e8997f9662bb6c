"""Real-browser tests: streamlit + Debian chromium (Playwright), no internet, synthetic fixture data.

Run with the rest of the suite; they skip only when /usr/bin/chromium is absent. Screenshots go to
test-artifacts/ (git-ignored).
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = ROOT / "test-artifacts"
CHROME_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--no-first-run"]
XSS = "<img src=x onerror=alert(1)>"
FRAME = 'iframe[title="streamlit_folium.st_folium"]'

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} not installed (Debian package chromium)"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """Run `streamlit run app.py` on a free localhost port against a copy of the fixture data."""
    from ui.assets import missing_assets
    if missing_assets():
        pytest.fail("static/vendor/ is empty: run scripts/fetch_assets.sh (make test does) before browser tests")
    data = tmp_path_factory.mktemp("appdata")
    shutil.copytree(ROOT / "tests" / "data" / "app" / "layers", data / "layers")
    shutil.copy(ROOT / "tests" / "data" / "app" / "views.json", data / "views.json")
    if (ROOT / "data" / "params").is_dir():
        shutil.copytree(ROOT / "data" / "params", data / "params")
    port = _free_port()
    env = dict(os.environ, ATLAS_DATA_DIR=str(data), PYTHONPATH=str(ROOT))
    cmd = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless", "true",
           "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
           "--server.fileWatcherType", "none", "--global.developmentMode", "false"]
    log = open(data / "streamlit.log", "w")
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    break
        except OSError:
            time.sleep(0.3)
    else:
        proc.terminate()
        pytest.fail("streamlit did not start: " + (data / "streamlit.log").read_text())
    yield url
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROME_ARGS)
        yield b
        b.close()


class Watch:
    """What a page did: console errors, dialogs, requests to other hosts."""

    def __init__(self):
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.external: list[str] = []


@pytest.fixture
def page(browser):
    ctx = browser.new_context(viewport={"width": 1400, "height": 950}, locale="zh-CN")
    pg = ctx.new_page()
    w = Watch()
    pg.on("console", lambda m: w.errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: w.errors.append(str(e)))

    def on_dialog(d):
        w.dialogs.append(d.message)
        d.dismiss()

    pg.on("dialog", on_dialog)

    def route(r):
        u = r.request.url
        if u.startswith(("http://127.0.0.1", "http://localhost", "data:", "blob:", "about:")):
            r.continue_()
        else:
            w.external.append(u)
            r.abort()

    ctx.route("**/*", route)
    pg.watch = w
    yield pg
    ctx.close()


def shot(pg, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def frame(pg, timeout_s: float = 20):
    """The map's frame, once the page has settled on one (during a rerun the old map is still shown)."""
    deadline = time.time() + timeout_s
    while pg.locator(FRAME).count() != 1 and time.time() < deadline:
        time.sleep(0.2)
    return pg.frame_locator(FRAME)


def wait_map(pg, timeout_ms: int = 30000):
    frame(pg).locator("path.leaflet-interactive").first.wait_for(timeout=timeout_ms)


def paths(pg) -> int:
    return frame(pg).locator("path.leaflet-interactive").count()


def wait_count_change(pg, before: int, timeout_s: float = 20) -> int:
    deadline = time.time() + timeout_s
    n = before
    while time.time() < deadline:
        try:
            n = paths(pg)
        except Exception:  # frame being replaced
            n = before
        if n != before and n > 0:
            time.sleep(0.5)  # let the remount settle, then read again
            return paths(pg)
        time.sleep(0.25)
    return n


def test_map_draws_offline_and_layer_toggle_changes_features(server, page):
    t0 = time.time()
    page.goto(server)
    wait_map(page)
    first_load_s = time.time() - t0
    time.sleep(1)
    before = paths(page)
    # fixture defaults: 2 counties + 1 expressway + 3 railways + 3 heritage sites + 1 airport
    assert before == 10, before
    assert page.get_by_text("赣南苏区交通规划一张图").first.is_visible()
    legend = frame(page).locator(".atlas-legend")
    assert "高速铁路" in legend.inner_text() and "在建" in legend.inner_text()
    shot(page, "map_default_zh")
    page.locator('section[data-testid="stSidebar"]').get_by_text("铁路", exact=True).click()
    after = wait_count_change(page, before)
    assert after == before - 3
    assert "高速铁路" not in frame(page).locator(".atlas-legend").inner_text()
    shot(page, "map_railways_off")
    assert page.watch.external == [], page.watch.external  # incl. the image in a hostile view name
    assert page.watch.errors == [], page.watch.errors
    assert page.watch.dialogs == []
    assert page.get_by_text("![x](http://example.com/x.png) [evil](http://example.com) <b>").count() == 1
    print(f"first load to map drawn: {first_load_s:.2f} s")


def test_scenario_change_redraws_network(server, page):
    page.goto(server)
    wait_map(page)
    time.sleep(1)
    before = paths(page)
    page.locator('section[data-testid="stSidebar"] [data-testid="stSelectbox"]').first.click()
    page.get_by_role("option", name="现状", exact=True).click()
    after = wait_count_change(page, before)
    assert after == before - 2  # HSR under construction and the proposed line leave
    assert "scenario=existing" in page.url
    shot(page, "scenario_existing")
    assert page.watch.external == [] and page.watch.errors == []


def test_presenter_mode_hides_controls(server, page):
    page.goto(server + "/?presenter=1&lang=en")
    wait_map(page)
    time.sleep(1)
    assert not page.locator('section[data-testid="stSidebar"]').is_visible()
    assert frame(page).locator(".atlas-title").inner_text().startswith("Ganzhou transport plan")
    assert frame(page).locator(".atlas-presenter").count() == 1
    assert frame(page).locator(".leaflet-control-layers").count() == 0
    shot(page, "presenter_en")
    page.get_by_role("button", name="Exit presenter mode").click()
    page.locator('section[data-testid="stSidebar"]').wait_for(state="visible", timeout=15000)
    assert page.watch.external == [] and page.watch.errors == []


def test_hostile_names_show_as_text(server, page):
    page.goto(server + "/?layers=heritage_sites")
    wait_map(page)
    time.sleep(1)
    f = page.frame(url=lambda u: "st_folium" in u or "component" in u)
    assert f is not None
    opened = f.evaluate("""() => {
        let n = 0;
        map_div.eachLayer(l => { if (l.feature && l.feature.properties.id === 'fx-site-xss') { l.openPopup(); n++; } });
        return n; }""")
    assert opened == 1
    content = frame(page).locator(".leaflet-popup-content")
    content.wait_for(timeout=5000)
    assert XSS in content.inner_text()
    assert "<script>alert(3)</script>" in content.inner_text()
    assert content.locator("img").count() == 0 and content.locator("b").count() == 0
    shot(page, "xss_popup")
    assert page.watch.dialogs == []
    assert page.watch.errors == []


def _click_latlng(pg, lat: float, lng: float) -> None:
    """Fire a Leaflet map click at lat/lng (what a user's click delivers to streamlit-folium's handler).

    A synthetic mouse click at computed pixels proved flaky (the map may still be settling its view),
    so the click is fired on the Leaflet map object itself.
    """
    frames = [f for f in pg.frames if "st_folium" in f.url and not f.is_detached()]
    assert len(frames) == 1, [f.url for f in frames]
    frames[0].evaluate("([lat, lng]) => map_div.fire('click', {latlng: L.latLng(lat, lng)})", [lat, lng])


def test_access_view_click_routes_and_site_shows_isochrones(server, page):
    page.goto(server + "/?view=access&layers=heritage_sites")
    wait_map(page)
    time.sleep(1.5)
    legend = frame(page).locator(".atlas-legend")
    assert "≤30" in legend.inner_text() and "人口占比" in legend.inner_text()
    _click_latlng(page, 25.70, 115.25)  # empty land in the west county
    page.get_by_text("最快路线: 北山纪念馆").first.wait_for(timeout=20000)
    frame(page).locator(".atlas-legend").get_by_text("最快路线").wait_for(timeout=20000)
    wait_map(page)
    shot(page, "access_route")
    time.sleep(1)
    _click_latlng(page, 25.87, 116.02)  # the national-level site
    page.get_by_text("fx-site-national").first.wait_for(timeout=20000)
    frame(page).locator(".atlas-legend").get_by_text("等时圈").wait_for(timeout=20000)
    page.get_by_text("fx-site-national").first.wait_for(timeout=20000)
    shot(page, "access_isochrones")
    assert page.watch.external == [] and page.watch.errors == [] and page.watch.dialogs == []


def test_offline_html_export_draws_with_no_server(server, page, browser, tmp_path):
    page.goto(server)
    wait_map(page)
    page.get_by_text("下载", exact=True).click()
    with page.expect_download(timeout=20000) as dl:
        page.get_by_role("button", name="下载离线地图（HTML）").click()
    path = tmp_path / "map.html"
    dl.value.save_as(str(path))
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
    pg.locator("path.leaflet-interactive").first.wait_for(timeout=15000)
    assert pg.locator("path.leaflet-interactive").count() == 10
    assert "高速铁路" in pg.locator(".atlas-legend").inner_text()
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / "offline_export.png"))
    ctx.close()
    assert errors == [] and blocked == [], (errors, blocked)


def _map_view(pg) -> tuple[float, float, int]:
    frames = [f for f in pg.frames if "st_folium" in f.url and not f.is_detached()]
    return tuple(frames[0].evaluate("() => { const c = map_div.getCenter(); return [c.lat, c.lng, map_div.getZoom()]; }"))


def test_link_follows_panning_and_restores_the_view(server, page, browser):
    from urllib.parse import parse_qs, urlparse
    page.goto(server)
    wait_map(page)
    time.sleep(1)
    frames = [f for f in page.frames if "st_folium" in f.url]
    frames[0].evaluate("() => map_div.setView([25.9, 116.0], 11, {animate: false})")  # the user pans/zooms
    time.sleep(0.8)
    q = parse_qs(urlparse(page.url).query)
    assert q["c"] == ["25.9000,116.0000"] and q["z"] == ["11"], page.url
    before = paths(page)
    page.locator('section[data-testid="stSidebar"]').get_by_text("铁路", exact=True).click()
    wait_count_change(page, before)
    lat, lng, zoom = _map_view(page)  # the redrawn map keeps the user's view
    assert abs(lat - 25.9) < 0.01 and abs(lng - 116.0) < 0.01 and zoom == 11
    q = parse_qs(urlparse(page.url).query)
    assert q["c"] == ["25.9000,116.0000"] and q["z"] == ["11"] and q["layers"]
    link = page.url
    ctx = browser.new_context(viewport={"width": 1400, "height": 950})
    other = ctx.new_page()
    other.goto(link)
    other.frame_locator(FRAME).locator(".leaflet-container").wait_for(timeout=30000)
    time.sleep(1.5)
    lat, lng, zoom = _map_view(other)
    assert abs(lat - 25.9) < 0.01 and abs(lng - 116.0) < 0.01 and zoom == 11
    assert other.frame_locator(FRAME).locator("path.leaflet-interactive").count() == before - 3
    ctx.close()
    assert page.watch.errors == [] and page.watch.external == []
