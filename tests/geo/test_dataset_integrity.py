"""Integrity of the real dataset in data/layers (read-only; offline; a few seconds)."""
from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from geo.crs import PROJECTED_CRS, haversine_m
from geo.schema import LAYERS, SURROUNDINGS_BBOX
from geo.paths import layer_path
from geo.store import load_layer

DATA = Path(__file__).resolve().parents[2] / "data"

COUNTY_ADCODES = {
    "360702", "360703", "360704", "360722", "360723", "360724", "360725", "360726", "360728", "360729", "360730",
    "360731", "360732", "360733", "360734", "360735", "360781", "360783",
}
GANZHOU_AREA_KM2 = 39_380
CENSUS_2020 = 8_970_014

#: plan and status items the brief names, with the status expected as of 2026-11
EXPECTED_STATUS = {
    "railways": {
        "rail-jingjiu": "existing", "rail-ganruilong": "existing", "rail-ganshao": "existing",
        "rail-nanchang-ganzhou-hsr": "existing", "rail-ganshen-hsr": "existing", "rail-xingquan": "existing",
        "rail-ruimei": "under_construction", "rail-changsha-ganzhou-hsr": "under_construction",
        "rail-ganchen": "planned", "rail-ganshao-hsr": "planned", "rail-jingyingrui": "planned",
        "rail-ganguang-hsr": "study", "rail-ganlongxia-hsr": "planned",
    },
    "expressways": {
        "expy-g45": "existing", "expy-g35": "existing", "expy-g72": "existing", "expy-g76-ruigan": "existing",
        "expy-g76-ganchong": "existing", "expy-g6011-changning": "existing", "expy-g6011-xinggan": "existing",
        "expy-g6011-kangda": "existing", "expy-g1517": "existing", "expy-ningding": "existing",
        "expy-xunquan": "existing", "expy-suida": "existing", "expy-s4503": "existing", "expy-xinxiong": "existing",
        "expy-xunlong": "existing", "expy-ganan-xun": "planned", "expy-xingguo-xiaobu": "existing",
        "expy-g76-ganzhou": "existing", "expy-g45-ganding": "existing", "expy-g45-fuxian": "existing",
        "expy-dingnan-link": "existing",
    },
    "airports": {"ap-ganzhou": "existing", "ap-ganzhou-phase3": "planned", "ap-ruijin": "existing",
                 "ap-dingnan-ga": "under_construction", "ap-longnan-ga": "planned"},
    "waterways": {"ww-ganjiang": "existing", "ww-ganyue-taojiang": "study", "ww-ganyue-zhangshui": "study"},
    "ports": {"port-ganzhou-wuyun": "existing", "port-ganzhou-lugang": "existing"},
}
#: items the 2021 plan names: their plan_ref must say so
PLAN_2021_ITEMS = ("rail-ganchen", "rail-ganshao-hsr", "rail-jingyingrui", "rail-ganguang-hsr", "rail-ganlongxia-hsr")

NATIONAL_LISTINGS = {
    "hs-ruijin-yeping": 1, "hs-ruijin-hongjing": 1, "hs-ruijin-ersuda": 1, "hs-ningdu-uprising": 3,
    "hs-yudu-changzheng": 6, "hs-ningdu-xiaobu": 7, "hs-xunwu-matigang": 7, "hs-dayu-meiguan": 6,
}
#: counties where the dataset names at least one site (others: none found, see docs/DATA.md)
COUNTIES_WITH_SITES = {"ruijin", "yudu", "ningdu", "xunwu", "xingguo", "huichang", "shicheng", "dayu", "chongyi", "shangyou", "anyuan",
                       "nankang", "zhanggong", "xinfeng"}
GATEWAYS = ("gw-nanchang", "gw-shenzhen", "gw-guangzhou", "gw-changsha", "gw-xiamen", "gw-beijing", "gw-shanghai")


@pytest.fixture(scope="module")
def layers():
    return {name: load_layer(name, data_dir=DATA) for name in LAYERS}


def _ids(gdf) -> set[str]:
    return set(gdf["id"])


def _given(v) -> bool:
    """True if an optional value is present (load_layer gives None or NaN for absent fields)."""
    return v is not None and not (isinstance(v, float) and v != v)


def test_every_layer_loads_and_is_not_empty(layers):
    for name, gdf in layers.items():
        assert len(gdf) > 0, name
        assert gdf.crs.to_epsg() == 4326


def test_ids_unique_across_layers(layers):
    seen: dict[str, str] = {}
    for name, gdf in layers.items():
        for fid in gdf["id"]:
            assert fid not in seen, f"{fid} in {name} and {seen.get(fid)}"
            seen[fid] = name


def test_references_resolve(layers):
    stations, places, ports = _ids(layers["stations"]), _ids(layers["places"]), _ids(layers["ports"])
    airports, counties = _ids(layers["airports"]), _ids(layers["counties"])
    for _, r in layers["railways"].iterrows():
        assert set(r.station_ids) <= stations, (r.id, set(r.station_ids) - stations)
        assert len(r.station_ids) >= 2
    for layer in ("expressways", "trunk_roads"):
        for _, r in layers[layer].iterrows():
            assert set(r.node_ids) <= places, (r.id, set(r.node_ids) - places)
            assert len(r.node_ids) >= 2
    for _, r in layers["waterways"].iterrows():
        assert set(r.node_ids if _given(r.node_ids) else []) <= ports, r.id
    for _, r in layers["places"].iterrows():
        assert set(r.station_ids if _given(r.station_ids) else []) <= stations, r.id
        assert set(r.airport_ids if _given(r.airport_ids) else []) <= airports, r.id
        if r.kind == "county_seat":
            assert r.county in counties
    for _, r in layers["stations"].iterrows():
        assert not _given(r.place_id) or r.place_id in places, r.id
        assert not _given(r.county) or r.county in counties, r.id
    for _, r in layers["air_routes"].iterrows():
        assert r.from_airport in airports and r.to_place in places, r.id
    for _, r in layers["airports"].iterrows():
        assert not _given(r.phase_of) or r.phase_of in airports, r.id
    for _, r in layers["counties"].iterrows():
        assert r.seat_id in places, r.id
    for _, r in layers["heritage_sites"].iterrows():
        assert r.county in counties, r.id


def test_railway_geometry_passes_its_stations_in_order(layers):
    st = layers["stations"].set_index("id").to_crs(PROJECTED_CRS).geometry
    for _, r in layers["railways"].to_crs(PROJECTED_CRS).iterrows():
        line = r.geometry
        positions = []
        for sid in r.station_ids:
            p = st[sid]
            assert line.distance(p) <= 1000, f"{r.id}: {sid} is {line.distance(p):.0f} m off the line"
            positions.append(line.project(p))
        assert positions == sorted(positions), f"{r.id}: stations out of order along the geometry"


def test_no_straight_cross_country_segment_longer_than_100_km(layers):
    # lines are drawn through stations and shaping vertices, not end to end
    for name in ("railways", "expressways"):
        for _, r in layers[name].iterrows():
            if r.scope == "gateway":
                continue
            xy = list(r.geometry.coords)
            for (x1, y1), (x2, y2) in zip(xy, xy[1:]):
                assert haversine_m(x1, y1, x2, y2) < 100_000, f"{r.id}: segment {(x1, y1)}→{(x2, y2)}"


@pytest.mark.parametrize("layer", sorted(EXPECTED_STATUS))
def test_plan_items_present_with_expected_status(layers, layer):
    status = dict(zip(layers[layer]["id"], layers[layer]["status"]))
    for fid, expected in EXPECTED_STATUS[layer].items():
        assert fid in status, f"{fid} missing from {layer}"
        assert status[fid] == expected, f"{fid}: {status[fid]} != {expected}"


def test_plan_2021_items_carry_plan_ref(layers):
    ref = dict(zip(layers["railways"]["id"], layers["railways"]["plan_ref"]))
    for fid in PLAN_2021_ITEMS:
        assert ref[fid] and "2021" in ref[fid], fid


def test_ganyue_canal_has_two_flagged_alignments(layers):
    ww = layers["waterways"].set_index("id")
    for fid in ("ww-ganyue-taojiang", "ww-ganyue-zhangshui"):
        assert ww.loc[fid, "alignment"]
        assert "TWO candidate alignments" in ww.loc[fid, "notes"]


def test_counties_area_and_population(layers):
    c = layers["counties"]
    assert len(c) == 18
    assert set(c["adcode"]) == COUNTY_ADCODES
    assert c["area_km2"].sum() == pytest.approx(GANZHOU_AREA_KM2, rel=0.03)
    # the stored area matches the geometry (computed in EPSG:4547)
    computed = c.to_crs(PROJECTED_CRS).area / 1e6
    assert (abs(computed - c["area_km2"]) < 1.0).all()
    assert c["population"].sum() == CENSUS_2020  # census figures + estimates of the rest add up to the 2020 total


def test_county_populations_are_sourced_per_row(layers):
    # each row is either a 2020 census count with its source, or an ESTIMATE that says how it was made
    c = layers["counties"].set_index("id")
    census = [i for i, n in c["population_note"].items() if n.startswith("2020 census (第七次人口普查), ")]
    for cid, note in c["population_note"].items():
        if cid in census:
            src = note.removeprefix("2020 census (第七次人口普查), ")
            assert len(src) > 20 and ("." in src or "公报" in src), f"{cid}: no source in {note!r}"
        else:
            assert note.startswith("ESTIMATE") and "2010" in note and "not found" in note, f"{cid}: {note!r}"
    # counties with a sourced census figure (2026-11): do not lose them silently
    assert {"zhanggong", "ganxian", "xinfeng", "dayu", "chongyi", "ningdu", "longnan", "yudu"} <= set(census)
    # 章贡区: the census figure is for the post-2020 boundary, and the note says so
    assert "boundary" in c.loc["zhanggong", "population_note"].lower()
    assert c.loc["dayu", "population"] == 264_995 and c.loc["longnan", "population"] == 319_166


def test_counties_do_not_overlap_much(layers):
    c = layers["counties"].to_crs(PROJECTED_CRS)
    union_area = c.geometry.union_all().area
    assert union_area == pytest.approx(c.area.sum(), rel=0.002)


def test_heritage_sites(layers):
    h = layers["heritage_sites"].set_index("id")
    assert len(h) >= 20
    for fid, batch in NATIONAL_LISTINGS.items():
        assert fid in h.index, fid
        assert h.loc[fid, "national_key_batch"] == batch
        assert h.loc[fid, "level"] == "national"
    assert COUNTIES_WITH_SITES <= set(h["county"])
    assert h.loc["hs-yudu-changzheng", "long_march_park"]


def test_only_gateway_features_leave_the_surroundings(layers):
    minx, miny, maxx, maxy = SURROUNDINGS_BBOX
    for name, gdf in layers.items():
        for _, r in gdf.iterrows():
            if r.scope == "gateway":
                continue
            x1, y1, x2, y2 = r.geometry.bounds
            assert minx <= x1 and x2 <= maxx and miny <= y1 and y2 <= maxy, f"{name}/{r.id}"


def _graph(layers, names, *, statuses=None) -> nx.Graph:
    G = nx.Graph()
    for name in names:
        col = "station_ids" if name == "railways" else "node_ids"
        for _, r in layers[name].iterrows():
            if statuses and r.status not in statuses:
                continue
            nx.add_path(G, list(r[col]))
    return G


def test_road_network_connects_all_county_seats(layers):
    G = _graph(layers, ("expressways", "trunk_roads"), statuses={"existing"})
    seats = [f"seat-{c}" for c in layers["counties"]["id"]]
    assert all(s in G for s in seats), [s for s in seats if s not in G]
    comp = nx.node_connected_component(G, "seat-zhanggong")
    assert set(seats) <= comp, set(seats) - comp


def test_existing_networks_reach_the_gateways(layers):
    road = _graph(layers, ("expressways", "trunk_roads"), statuses={"existing"})
    rail = _graph(layers, ("railways",), statuses={"existing"})
    # a change of station within one place (e.g. 赣州西 ↔ 赣州) is a transfer, as in the engine
    for _, st in layers["stations"].iterrows():
        if _given(st.place_id) and st.id in rail:
            rail.add_edge(st.id, st.place_id)
    places = layers["places"].set_index("id")
    for gw in GATEWAYS:
        assert nx.has_path(road, "seat-zhanggong", gw), f"road: {gw}"
        assert any(nx.has_path(rail, "rs-ganzhouxi", s) for s in places.loc[gw, "station_ids"] if s in rail), f"rail: {gw}"


def test_every_heritage_site_has_a_road_node_within_10_km(layers):
    G = _graph(layers, ("expressways", "trunk_roads"))
    places = layers["places"].set_index("id")
    nodes = places.loc[[n for n in G.nodes]]
    for _, h in layers["heritage_sites"].iterrows():
        d = haversine_m(nodes.geometry.x.values, nodes.geometry.y.values, h.geometry.x, h.geometry.y).min()
        assert d <= 10_000, f"{h.id}: nearest road node {d / 1000:.1f} km"


def test_every_feature_is_sourced(layers):
    for name, gdf in layers.items():
        assert gdf["source"].str.len().min() > 5, name
        assert gdf["confidence"].notna().all(), name


@pytest.mark.parametrize("layer", ["places", "stations", "airports", "ports", "heritage_sites"])
def test_points_lie_in_their_county(layers, layer):
    counties = layers["counties"].set_index("id").to_crs(PROJECTED_CRS).geometry
    pts = layers[layer].to_crs(PROJECTED_CRS)
    for _, r in pts.iterrows():
        if _given(r.county):
            d = counties[r.county].distance(r.geometry)
            assert d <= 1000, f"{layer}/{r.id}: {d / 1000:.1f} km outside {r.county}"


def test_seats_lie_inside_their_county(layers):
    counties = layers["counties"].set_index("id").geometry
    places = layers["places"].set_index("id").geometry
    for cid, seat in zip(layers["counties"]["id"], layers["counties"]["seat_id"]):
        assert counties[cid].contains(places[seat]), cid


def _load_script(name: str):
    import importlib.util

    path = Path(__file__).resolve().parents[2] / "scripts" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"_atlas_{name}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_scaled_populations_keep_the_total_exactly():
    scale = _load_script("build_counties").scaled_populations
    assert scale([1, 1, 1], 10) == [4, 3, 3]
    assert scale([2, 1], 7) == [5, 2]
    out = scale([642_653, 787_636, 546_964], 2_000_001)
    assert sum(out) == 2_000_001


def test_markets_layer_is_the_build_of_its_table():
    build = _load_script("build_markets")
    from geo.geojson import dumps_collection
    assert layer_path("markets").read_text(encoding="utf-8") == dumps_collection(build.collection(), LAYERS["markets"])


def test_curated_tables_build_into_valid_layers():
    docs = _load_script("build_dataset").build_all()  # raises LayerError on any schema problem
    assert set(docs) == set(LAYERS) - {"counties", "markets"}  # those two have builders of their own
    assert all(doc["features"] for doc in docs.values())


POINT_LAYERS = ("places", "stations", "airports", "ports", "heritage_sites")


@pytest.mark.parametrize("layer", POINT_LAYERS)
def test_point_confidence_matches_accuracy_and_source(layers, layer):
    # a cited point is tight; an estimate is labelled low and does not claim sub-km accuracy
    for _, r in layers[layer].iterrows():
        src = r.source.lower()
        if r.confidence == "high":
            assert isinstance(r.accuracy_m, (int, float)) and r.accuracy_m <= 1000, f"{layer}/{r.id}: high but {r.accuracy_m}"
        if src.startswith("position: estimate"):
            assert r.confidence == "low", f"{layer}/{r.id}: estimated position labelled {r.confidence}"
        if r.confidence == "low":
            assert isinstance(r.accuracy_m, (int, float)) and r.accuracy_m >= 1000, f"{layer}/{r.id}: low but {r.accuracy_m} m"


def _dist_m(gdf, fid, lat, lon) -> float:
    p = gdf.set_index("id").geometry[fid]
    return haversine_m(p.x, p.y, lon, lat)


def test_known_corrections_stay_corrected(layers):
    st, ap, hs = layers["stations"], layers["airports"], layers["heritage_sites"]
    # KOW is the 2008 airport in 南康, not the closed 水南 airport that several airport tables still carry
    assert _dist_m(ap, "ap-ganzhou", 25.8258, 114.912) > 10_000
    # 赣州西 at the cited OSM point (凤岗镇), not one of the rejected dataset values
    assert _dist_m(st, "rs-ganzhouxi", 25.82303, 114.81156) < 300
    for lat, lon in ((25.85, 114.88), (25.82, 115.005), (25.88, 114.92)):
        assert _dist_m(st, "rs-ganzhouxi", lat, lon) > 3_000
    # 小布 (中共苏区中央局旧址) is in NW 宁都, west of 洛口 (116°04′E) — the old estimate was 18 km too far east
    assert hs.set_index("id").geometry["hs-ningdu-xiaobu"].x < 115.95
    # 红井 is tens of metres from 毛泽东旧居 (执行委员会旧址 row of the wiki table), not at the table's typo'd 红井 row 1.76 km north
    assert _dist_m(hs, "hs-ruijin-hongjing", 25.88389, 116.00250) < 300
    assert _dist_m(hs, "hs-ruijin-hongjing", 25.89972, 116.00306) > 1_500
    # 安远 county soviet (车头) at the GeoNames township point, not the old estimate 16.6 km away
    assert _dist_m(hs, "hs-anyuan-soviet", 25.320, 115.420) > 10_000
    # 梅关 is on the JX–GD border: inside 大余 but within 1 km of its boundary
    dayu = layers["counties"].set_index("id").to_crs(PROJECTED_CRS).geometry["dayu"]
    meiguan = hs.set_index("id").to_crs(PROJECTED_CRS).geometry["hs-dayu-meiguan"]
    assert dayu.boundary.distance(meiguan) < 1_000


def test_hsr_stations_are_in_line_order_along_the_corridor(layers):
    # 昌赣 runs south: each station from 吉安西 to 赣州西 is further south than the one before
    r = layers["railways"].set_index("id").loc["rail-nanchang-ganzhou-hsr"]
    lat = layers["stations"].set_index("id").geometry.y
    lats = [lat[s] for s in r.station_ids]
    assert lats == sorted(lats, reverse=True)


def test_jibu_is_the_town_of_ganxian_north_station(layers):
    # 赣县北站 is in 吉埠镇 (92e.net): the town must not sit on the G45 node 19 km west (the pre-2026-11 error)
    st = layers["stations"].set_index("id").geometry["rs-ganxianbei"]
    assert _dist_m(layers["places"], "town-jibu", st.y, st.x) < 5_000
    assert _dist_m(layers["places"], "town-jibu", 25.990, 114.965) > 15_000


def test_hsr_alone_reaches_guangzhou_from_ganzhou_west(layers):
    # 赣深 + 广深港 (change at 光明城 or 深圳北): HSR lines only, no conventional detour via 赣韶
    rail = nx.Graph()
    for _, r in layers["railways"].iterrows():
        if r.status == "existing" and r.rail_class == "hsr":
            nx.add_path(rail, list(r.station_ids))
    assert nx.has_path(rail, "rs-ganzhouxi", "rs-guangzhounan")
    gs = layers["railways"].set_index("id").loc["rail-gw-guangshengang"]
    assert list(gs.station_ids) == ["rs-guangzhounan", "rs-qingsheng", "rs-humen", "rs-guangmingcheng", "rs-shenzhenbei"]
    assert "rs-guangmingcheng" in layers["places"].set_index("id").loc["gw-shenzhen", "station_ids"]


def test_changgan_north_section_has_its_stations(layers):
    # 昌赣 南昌西–吉安西 calls at the real intermediate stations (经济日报 2015-07-19; 全国客里表 2021 order), not 203 km non-stop
    r = layers["railways"].set_index("id").loc["rail-gw-nanchang-ganzhou-hsr"]
    assert list(r.station_ids) == ["rs-nanchangxi", "rs-fengchengdong", "rs-zhangshudong", "rs-xingandong", "rs-xiajiang",
                                   "rs-jishuixi", "rs-jianxi"]
    lat = layers["stations"].set_index("id").geometry.y
    lats = [lat[s] for s in r.station_ids]
    assert lats == sorted(lats, reverse=True)
    st = layers["stations"].set_index("id")
    minx, miny, maxx, maxy = SURROUNDINGS_BBOX
    for sid in r.station_ids:  # stations beyond the surroundings are gateway-scoped, the rest local
        inside = minx <= st.geometry[sid].x <= maxx and miny <= st.geometry[sid].y <= maxy
        assert st.loc[sid, "scope"] == ("local" if inside else "gateway"), sid


def test_gateway_station_lists_match_station_places(layers):
    # a gateway city lists exactly the modelled stations that name it as their place (no silent omissions)
    st = layers["stations"]
    for _, g in layers["places"][layers["places"]["kind"] == "gateway"].iterrows():
        listed = set(g.station_ids) if isinstance(g.station_ids, list) else set()
        assert listed == set(st.loc[st["place_id"] == g.id, "id"]), g.id
