"""Serve Leaflet & co. from our own static folder instead of CDNs, so the map draws with no internet.

Streamlit serves ``static/`` at ``/app/static/`` (``[server] enableStaticServing``); the files come from
``scripts/fetch_assets.sh`` (pinned in ``ui/assets.json``). folium normally points at jsdelivr,
code.jquery.com, cdnjs and netdna; ``use_local_assets()`` rewrites those class attributes once.
streamlit-folium's component reads the same ``default_js``/``default_css`` lists and injects them into its
iframe (served by the same Streamlit server, so absolute ``/app/static/...`` paths resolve).
"""
from __future__ import annotations

import base64
import re
from pathlib import Path

import folium

ROOT = Path(__file__).resolve().parent.parent
VENDOR_DIR = ROOT / "static" / "vendor"
URL_PREFIX = "/app/static/vendor"

LOCAL_JS: list[tuple[str, str]] = [
    ("leaflet", f"{URL_PREFIX}/leaflet/leaflet.js"),
    ("jquery", f"{URL_PREFIX}/jquery/jquery.min.js"),  # folium's Popup template calls $(...)
]
LOCAL_CSS: list[tuple[str, str]] = [
    ("leaflet_css", f"{URL_PREFIX}/leaflet/leaflet.css"),
]


class AssetsMissingError(RuntimeError):
    """The vendor files are not there: run scripts/fetch_assets.sh."""


def missing_assets() -> list[str]:
    """Return the vendor files the map needs that are not on disk."""
    return [url for _, url in LOCAL_JS + LOCAL_CSS
            if not (VENDOR_DIR / url.removeprefix(URL_PREFIX + "/")).is_file()]


def use_local_assets() -> None:
    """Point folium.Map (and the elements we use) at the local vendor files; idempotent."""
    folium.Map.default_js = list(LOCAL_JS)
    folium.Map.default_css = list(LOCAL_CSS)


def _read(url: str) -> str:
    path = VENDOR_DIR / url.removeprefix(URL_PREFIX + "/")
    if not path.is_file():
        raise AssetsMissingError(f"{path} is missing; run scripts/fetch_assets.sh (needs npm once)")
    return path.read_text(encoding="utf-8")


def _inline_css_images(css: str, css_url: str) -> str:
    base = (VENDOR_DIR / css_url.removeprefix(URL_PREFIX + "/")).parent

    def repl(m: re.Match[str]) -> str:
        ref = m.group(1).strip("'\"")
        if ref.startswith(("data:", "http:", "https:", "#")):
            return m.group(0)
        p = (base / ref).resolve()
        if not p.is_file() or p.suffix.lower() not in (".png", ".svg", ".gif"):
            return m.group(0)
        mime = {".png": "image/png", ".svg": "image/svg+xml", ".gif": "image/gif"}[p.suffix.lower()]
        return f"url(data:{mime};base64,{base64.b64encode(p.read_bytes()).decode('ascii')})"

    return re.sub(r"url\(([^)]+)\)", repl, css)


def inline_assets(html: str) -> str:
    """Replace every local vendor <script src> / <link href> in ``html`` by the file's content.

    The result is one self-contained HTML file that draws the map with no server and no internet.
    Raises AssetsMissingError if a vendor file is missing.
    """
    for _, url in LOCAL_JS:
        body = _read(url).replace("</script", "<\\/script")
        html = re.sub(r'<script[^>]*src="' + re.escape(url) + r'"[^>]*>\s*</script>',
                      lambda _m, b=body: f"<script>{b}</script>", html)
    for _, url in LOCAL_CSS:
        css = _inline_css_images(_read(url), url)
        html = re.sub(r'<link[^>]*href="' + re.escape(url) + r'"[^>]*/?>',
                      lambda _m, c=css: f"<style>{c}</style>", html)
    return html
