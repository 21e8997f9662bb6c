"""Fixtures for the app tests: a private copy of the tiny synthetic data dir (never data/)."""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "data" / "app"
if str(ROOT) not in sys.path:  # `ui` is importable even if the editable install predates it
    sys.path.insert(0, str(ROOT))


@pytest.fixture
def app_data(tmp_path, monkeypatch) -> Path:
    """Copy the synthetic fixture to tmp_path and point ATLAS_DATA_DIR at it."""
    dst = tmp_path / "data"
    shutil.copytree(FIXTURE / "layers", dst / "layers")
    shutil.copytree(FIXTURE / "markets", dst / "markets")
    shutil.copy(FIXTURE / "views.json", dst / "views.json")
    if (ROOT / "data" / "params").is_dir():  # engine parameters (read-only copy) so scenarios resolve
        shutil.copytree(ROOT / "data" / "params", dst / "params")
        shutil.copy(FIXTURE / "circuits.csv", dst / "params" / "circuits.csv")  # the real one names real sites
    monkeypatch.setenv("ATLAS_DATA_DIR", str(dst))
    return dst


# ---- real-browser fixtures (tests/app/test_browser.py, tests/app/test_sketch_browser.py) --------------

def _free_port() -> int:
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _stop(proc) -> None:
    """Stop the streamlit server and anything it started (its own process group)."""
    import os
    import signal
    import subprocess
    if proc.poll() is None:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=15)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """Run `streamlit run app.py` on a free localhost port against a copy of the fixture data."""
    import os
    import subprocess
    import time
    import urllib.request

    from ui.assets import missing_assets
    if missing_assets():
        pytest.fail("static/vendor/ is empty: run scripts/fetch_assets.sh (make test does) before browser tests")
    data = tmp_path_factory.mktemp("appdata")
    shutil.copytree(FIXTURE / "layers", data / "layers")
    shutil.copytree(FIXTURE / "markets", data / "markets")
    shutil.copy(FIXTURE / "views.json", data / "views.json")
    if (ROOT / "data" / "params").is_dir():
        shutil.copytree(ROOT / "data" / "params", data / "params")
        shutil.copy(FIXTURE / "circuits.csv", data / "params" / "circuits.csv")
    port = _free_port()
    env = dict(os.environ, ATLAS_DATA_DIR=str(data), PYTHONPATH=str(ROOT))
    cmd = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless", "true",
           "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
           "--server.fileWatcherType", "none", "--global.developmentMode", "false"]
    log_path = data / "streamlit.log"
    with open(log_path, "w") as log:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                                start_new_session=True)
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 120  # generous: a cold start on a busy 2-core machine
        while True:
            try:
                with urllib.request.urlopen(url + "/_stcore/health", timeout=5) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail("streamlit did not start: " + log_path.read_text())
            time.sleep(0.3)
        yield url
    finally:
        _stop(proc)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    from browserkit import CHROMIUM
    args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-renderer-backgrounding",
            "--disable-background-timer-throttling", "--disable-backgrounding-occluded-windows"]
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=args)
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
    ctx.set_default_timeout(30_000)
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
