"""Write the tiny hand-checkable dataset used by tests/network/test_proposals.py (run once; output committed).

Coordinates in km in EPSG:4547 relative to (600 km E, 2850 km N) — inside Ganzhou — so lengths are exact.

    seat-a (0,0) ─────── trunk road road-ab (national, 100 km, 60 km/h) ─────── seat-b (100,0)
    st-a   (0,1)   stations, no railway yet                                      st-b   (100,1)
    site-a (0,-3) provincial                                                     site-b (100,3) national
    one county cty-a: the rectangle (-20,-20)–(120,50) (9 800 km²), population 1 000 000.
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
OUT = Path(__file__).resolve().parent / "mini"


def ll(xkm: float, ykm: float) -> list[float]:
    lon, lat = _T.transform(X0 + xkm * 1000, Y0 + ykm * 1000)
    return [round(lon, 7), round(lat, 7)]


def feat(fid, props, geom):
    base = {"id": fid, "name_zh": fid, "name_en": fid, "status": "existing", "source": SRC, "confidence": "high",
            "accuracy_m": 1}
    base.update(props)
    return {"type": "Feature", "properties": base, "geometry": geom}


def pt(fid, props, x, y):
    return feat(fid, props, {"type": "Point", "coordinates": ll(x, y)})


def fc(features):
    return {"type": "FeatureCollection", "features": features}


ring = [ll(-20, -20), ll(120, -20), ll(120, 50), ll(-20, 50), ll(-20, -20)]
LAYERS = {
    "counties": fc([feat("cty-a", {"name_zh": "甲县", "adcode": "360700", "kind": "county", "area_km2": 9800.0,
                                   "population_2010": 1000000, "population": 1000000,
                                   "population_note": "synthetic", "seat_id": "seat-a"},
                         {"type": "Polygon", "coordinates": [ring]})]),
    "places": fc([pt("seat-a", {"name_zh": "甲城", "name_en": "Seat A", "kind": "county_seat", "county": "cty-a"}, 0, 0),
                  pt("seat-b", {"name_zh": "乙城", "name_en": "Seat B", "kind": "county_seat", "county": "cty-a"}, 100, 0)]),
    "stations": fc([pt("st-a", {"name_zh": "甲站", "name_en": "Station A", "opened": "2010", "county": "cty-a",
                                "place_id": "seat-a"}, 0, 1),
                    pt("st-b", {"name_zh": "乙站", "name_en": "Station B", "opened": "2010", "county": "cty-a",
                                "place_id": "seat-b"}, 100, 1)]),
    "trunk_roads": fc([feat("road-ab", {"name_zh": "甲乙国道", "name_en": "Road AB", "opened": "2000",
                                        "route_code": "G999", "road_class": "national", "speed_kmh": 60,
                                        "node_ids": ["seat-a", "seat-b"]},
                            {"type": "LineString", "coordinates": [ll(0, 0), ll(50, 0), ll(100, 0)]})]),
    "heritage_sites": fc([pt("site-a", {"name_zh": "甲纪念馆", "name_en": "Site A", "county": "cty-a",
                                        "long_march_park": False, "level": "provincial"}, 0, -3),
                          pt("site-b", {"name_zh": "乙旧址", "name_en": "Site B", "county": "cty-a",
                                        "long_march_park": False, "level": "national"}, 100, 3)]),
}

if __name__ == "__main__":
    for name, doc in LAYERS.items():
        save_layer(name, doc, data_dir=OUT, history=False)
    print(f"wrote {len(LAYERS)} layers to {OUT}")
