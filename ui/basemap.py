"""The base map under the plan layers: offline rivers and towns (data/basemap/), or online tiles on request.

Offline (the default; nothing is requested from outside): the counties as land, the rivers of
``data/basemap/rivers.geojson`` (World Data Bank II via GSHHG, names attached by the project) with their
names, and the towns and townships of ``data/basemap/towns.geojson`` (GeoNames), whose labels appear from
zoom 10 (county towns from zoom 9). Online: OpenStreetMap, or 天地图 (Tianditu, the base map of Chinese
planning platforms; CGCS2000, which is WGS84 to a few centimetres, so it needs no shift — unlike AMap/Baidu
tiles, GCJ-02 / BD-09, which this atlas never draws under WGS84 data). Tianditu needs a key: the environment
variable ``ATLAS_TIANDITU_KEY`` or ``tianditu_key`` in ``.streamlit/secrets.toml``; without one the option is
not offered and no Tianditu address is ever built.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from geo.cartography import DATA_ATTRIBUTION  # noqa: F401 - what every map credits (re-exported)
from geo.errors import LayerError
from geo.fileio import read_json
from geo.text import escape_html

OSM_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
OSM_ATTR = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
TIANDITU_ATTR = '&copy; <a href="https://www.tianditu.gov.cn/">天地图 Tianditu</a> (国家地理信息公共服务平台)'
_TIANDITU = ("https://t{s}.tianditu.gov.cn/{layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER={layer}"
             "&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={{z}}&TILEROW={{y}}&TILECOL={{x}}&tk={key}")
#: zoom from which town labels are shown (county towns one level earlier)
TOWN_ZOOM = 10


def tianditu_key(secrets: Any = None) -> str | None:
    """The user's Tianditu key (environment first, then the app's secrets), or None."""
    key = os.environ.get("ATLAS_TIANDITU_KEY", "").strip()
    if not key and secrets is not None:
        try:
            key = str(secrets.get("tianditu_key", "") or "").strip()
        except Exception:  # noqa: BLE001 - no secrets file: no key
            key = ""
    return key if key.isalnum() else None  # a key is hex; anything else never reaches a URL


def tianditu_urls(key: str) -> tuple[str, str]:
    """The vector map and its annotation (labels) tile URLs for a key (Web Mercator WMTS)."""
    if not key or not key.isalnum():
        raise ValueError("a Tianditu key is letters and digits")
    return _TIANDITU.format(s="{s}", layer="vec", key=key), _TIANDITU.format(s="{s}", layer="cva", key=key)


def _read(path: Path) -> list[dict[str, Any]]:
    try:
        doc = read_json(path)
    except LayerError:
        return []
    feats = doc.get("features") if isinstance(doc, dict) else None
    return feats if isinstance(feats, list) else []


def _round(coords: Any) -> Any:
    return [_round(c) for c in coords] if isinstance(coords[0], list) else [round(coords[0], 4), round(coords[1], 4)]


def basemap_features(data_dir: str | Path, lang: str) -> dict[str, list]:
    """Rivers (lines, unstyled) and labels ([lat, lon, escaped text, class]) of the offline base map."""
    folder = Path(data_dir) / "basemap"
    rivers, labels = [], []
    for f in _read(folder / "rivers.geojson"):
        g = f.get("geometry") or {}
        if g.get("type") not in ("LineString", "MultiLineString"):
            continue
        rivers.append({"type": "Feature", "geometry": {"type": g["type"], "coordinates": _round(g["coordinates"])},
                       "properties": {}})
        name = (f.get("properties") or {}).get("name_zh" if lang == "zh" else "name_en")
        if name:
            line = g["coordinates"] if g["type"] == "LineString" else max(g["coordinates"], key=len)
            lon, lat = line[len(line) // 2][:2]
            labels.append([lat, lon, escape_html(name), "atlas-label-river"])
    for f in _read(folder / "towns.geojson"):
        p, g = f.get("properties") or {}, f.get("geometry") or {}
        if g.get("type") != "Point" or not p.get("name_zh"):
            continue
        name = p.get("name_zh") if lang == "zh" else (p.get("name_en") or p.get("name_zh"))
        big = p.get("kind") in ("county_seat", "city")
        lon, lat = g["coordinates"][:2]
        labels.append([lat, lon, "· " + escape_html(name), "atlas-label-town" + (" atlas-label-seat" if big else "")])
    return {"rivers": rivers, "labels": labels}
