"""Write the tiny hand-checkable dataset used by tests/network (run once; output is committed).

Coordinates are given in km in EPSG:4547 relative to (600 km E, 2850 km N) — near Ganzhou — so that
lengths are exact and every expected minute can be worked out by hand (see tests/network/test_known_answers.py).

Layout (km):  seat-a/st-a (0,0) ── 60 km ── seat-b/st-b (60,0) ── 60 km ── town-c/st-c (120,0)
                                                 │ 60 km (hsr continues north)
                                            town-e/st-e (60,60)
airport ap-a at (0,-10); gateway gw-far ~330 km east (air route only);
site-1 (60,5) provincial, site-2 (125,0) provincial,
site-3 (60,200) national but isolated, site-4 (62,62) national; planned expressway exp-2 seat-a → town-e.
"""
from __future__ import annotations

import sys
from pathlib import Path

from pyproj import Transformer

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
from geo.store import save_layer  # noqa: E402

X0, Y0 = 600_000.0, 2_850_000.0
_T = Transformer.from_crs("EPSG:4547", "EPSG:4326", always_xy=True)
SRC = "synthetic test fixture"


def ll(xkm: float, ykm: float) -> list[float]:
    lon, lat = _T.transform(X0 + xkm * 1000, Y0 + ykm * 1000)
    return [round(lon, 7), round(lat, 7)]


def pt(fid, props, xkm, ykm):
    base = {"id": fid, "name_zh": props.pop("name_zh", fid), "name_en": props.pop("name_en", fid),
            "status": props.pop("status", "existing"), "source": SRC, "confidence": "high", "accuracy_m": 1}
    base.update(props)
    return {"type": "Feature", "properties": base, "geometry": {"type": "Point", "coordinates": ll(xkm, ykm)}}


def line(fid, props, pts):
    base = {"id": fid, "name_zh": props.pop("name_zh", fid), "name_en": props.pop("name_en", fid),
            "status": props.pop("status", "existing"), "source": SRC, "confidence": "high", "accuracy_m": 1}
    base.update(props)
    return {"type": "Feature", "properties": base,
            "geometry": {"type": "LineString", "coordinates": [ll(*p) for p in pts]}}


def square(fid, props, x1, y1, x2, y2):
    base = {"id": fid, "name_zh": props.pop("name_zh", fid), "name_en": fid, "status": "existing", "source": SRC,
            "confidence": "high", "accuracy_m": 1}
    base.update(props)
    ring = [ll(x1, y1), ll(x2, y1), ll(x2, y2), ll(x1, y2), ll(x1, y1)]
    return {"type": "Feature", "properties": base, "geometry": {"type": "Polygon", "coordinates": [ring]}}


def fc(features):
    return {"type": "FeatureCollection", "features": features}


LAYERS = {
    "counties": fc([
        square("county-a", {"name_zh": "甲县", "adcode": "360001", "kind": "county", "area_km2": 3600.0,
                            "population_2010": 1000, "population": 1000, "population_note": "test",
                            "seat_id": "seat-a"}, -30, -30, 30, 30),
        square("county-b", {"name_zh": "乙县", "adcode": "360002", "kind": "county", "area_km2": 7200.0,
                            "population_2010": 2000, "population": 2000, "population_note": "test",
                            "seat_id": "seat-b"}, 30, -30, 150, 30),
    ]),
    "places": fc([
        pt("seat-a", {"name_zh": "甲城", "name_en": "A Town", "kind": "county_seat", "county": "county-a",
                      "station_ids": ["st-a"], "airport_ids": ["ap-a"]}, 0, 0),
        pt("seat-b", {"name_zh": "乙城", "name_en": "B Town", "kind": "county_seat", "county": "county-b",
                      "station_ids": ["st-b"]}, 60, 0),
        pt("town-c", {"name_zh": "丙镇", "kind": "town", "county": "county-b", "station_ids": ["st-c"]}, 120, 0),
        pt("town-e", {"name_zh": "戊镇", "kind": "town", "station_ids": ["st-e"]}, 60, 60),
        pt("gw-far", {"name_zh": "远方", "name_en": "Far City", "kind": "gateway", "scope": "gateway"}, 330, 0),
    ]),
    "stations": fc([
        pt("st-a", {"name_zh": "甲城站", "place_id": "seat-a", "opened": "2019"}, 0, 0),
        pt("st-b", {"name_zh": "乙城站", "place_id": "seat-b", "opened": "2019"}, 60, 0),
        pt("st-c", {"name_zh": "丙镇站", "place_id": "town-c", "status": "planned", "planned_open": 2030}, 120, 0),
        pt("st-e", {"name_zh": "戊镇站", "place_id": "town-e", "opened": "2019"}, 60, 60),
    ]),
    "railways": fc([
        line("rail-hsr", {"name_zh": "甲乙高铁", "rail_class": "hsr", "design_speed_kmh": 240, "tracks": 2,
                          "station_ids": ["st-a", "st-b", "st-e"], "opened": "2019"}, [(0, 0), (60, 0), (60, 60)]),
        line("rail-conv", {"name_zh": "乙丙铁路", "rail_class": "conventional", "design_speed_kmh": 120, "tracks": 1,
                           "station_ids": ["st-b", "st-c"], "status": "planned", "planned_open": 2030},
             [(60, 0), (120, 0)]),
    ]),
    "expressways": fc([
        line("exp-1", {"name_zh": "甲丙高速", "route_code": "G99", "lanes": 4, "speed_kmh": 100,
                       "node_ids": ["seat-a", "seat-b", "town-c"], "opened": "2010"}, [(0, 0), (60, 0), (120, 0)]),
        line("exp-2", {"name_zh": "甲戊高速", "route_code": "G98", "lanes": 4, "speed_kmh": 100,
                       "node_ids": ["seat-a", "town-e"], "status": "planned", "planned_open": 2035},
             [(0, 0), (60, 60)]),
    ]),
    "trunk_roads": fc([
        line("tr-1", {"name_zh": "乙戊国道", "route_code": "G999", "road_class": "national", "speed_kmh": 80,
                      "node_ids": ["seat-b", "town-e"], "status": "planned", "plan_period": "十五五"},
             [(60, 0), (60, 60)]),
        line("tr-2", {"name_zh": "甲戊省道", "route_code": "S999", "road_class": "provincial", "speed_kmh": 60,
                      "node_ids": ["seat-a", "town-e"], "status": "proposed"}, [(0, 0), (60, 60)]),
        line("tr-3", {"name_zh": "无期路", "route_code": "S998", "road_class": "provincial", "speed_kmh": 60,
                      "node_ids": ["town-c", "town-e"], "status": "planned"}, [(120, 0), (60, 60)]),
    ]),
    "airports": fc([
        pt("ap-a", {"name_zh": "甲城机场", "airport_kind": "civil", "iata": "AAA", "opened": "2008",
                    "county": "county-a"}, 0, -10),
    ]),
    "air_routes": fc([
        line("air-1", {"name_zh": "甲城—远方", "from_airport": "ap-a", "to_place": "gw-far", "block_minutes": 90,
                       "daily_flights": 8.0, "opened": "2010", "scope": "gateway"}, [(0, -10), (330, 0)]),
    ]),
    "waterways": fc([]),
    "ports": fc([]),
    "heritage_sites": fc([
        pt("site-1", {"name_zh": "一号旧址", "county": "county-b", "long_march_park": True, "level": "provincial"}, 60, 5),
        pt("site-2", {"name_zh": "二号旧址", "county": "county-b", "long_march_park": False, "level": "provincial"},
           125, 0),
        pt("site-3", {"name_zh": "三号旧址", "county": "county-b", "long_march_park": False, "level": "national"},
           60, 200),
        pt("site-4", {"name_zh": "四号旧址", "county": "county-b", "long_march_park": True, "level": "national"},
           62, 62),
    ]),
}


def market(fid, population, xkm, ykm, **props):
    return pt(fid, {"province": "测试", "market_group": props.pop("group", "远程"), "population": population,
                    "population_source": SRC, "population_confidence": "high", "scope": "gateway", **props}, xkm, ykm)


LAYERS["markets"] = fc([
    market("mk-far", 1_000_000, 330, 0, place_id="gw-far"),   # is the gateway place (air route only)
    market("mk-rail", 500_000, 300, -200),                     # a rail link to st-b (markets/links.csv)
    market("mk-road", 200_000, 200, 0),                        # a road link to town-c
    market("mk-home", 3_000, 0, 0, group="home"),              # the region itself: not a visitor market
])
LINKS = """market_id,hub_id,mode,minutes,services_per_day,source,confidence,rule,notes
mk-rail,st-b,hsr,50,,test,high,published,test
mk-road,town-c,road,40,,test,high,published,test
"""
CIRCUITS = """circuit_id,name_zh,name_en,site_ids,source_or_reason
c-test,测试线,Test circuit,site-1 site-2 site-4,test
"""


def main(out: Path) -> None:
    for name, doc in LAYERS.items():
        save_layer(name, doc, data_dir=out)
    (out / "markets").mkdir(exist_ok=True)
    (out / "markets" / "links.csv").write_text(LINKS, encoding="utf-8")
    (out / "params" / "circuits.csv").write_text(CIRCUITS, encoding="utf-8")


if __name__ == "__main__":
    main(Path(__file__).resolve().parent / "mini")
