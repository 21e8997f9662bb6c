"""Write the tiny synthetic data dir used by the app tests (tests/data/app/layers/*.geojson).

Synthetic on purpose: two square "counties", a few lines and points, with a hostile heritage-site name
(`<img src=x onerror=alert(1)>`) to prove that popups, tooltips and exports show user text as text.
Every feature says so in `source` and has confidence low / accuracy schematic.
Run: .venv/bin/python tests/data/app/build_fixture.py
"""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

from geo.store import save_layer  # noqa: E402

SRC = "synthetic test fixture (tests/data/app/build_fixture.py); not real data"
XSS = "<img src=x onerror=alert(1)>"


def feat(geom_type, coords, **props):
    base = {"source": SRC, "confidence": "low", "accuracy_m": "schematic", "scope": "local"}
    base.update(props)
    return {"type": "Feature", "properties": base, "geometry": {"type": geom_type, "coordinates": coords}}


def square(x0, y0, x1, y1):
    return [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]]


LAYERS = {
    "counties": [
        feat("Polygon", square(114.6, 25.5, 115.4, 26.2), id="fx-west", name_zh="西县", name_en="West County",
             status="existing", adcode="360799", kind="county", area_km2=6300.0, population_2010=500000,
             population=600000, population_note="synthetic", seat_id="fx-west-seat"),
        feat("Polygon", square(115.4, 25.5, 116.3, 26.2), id="fx-east", name_zh="东县", name_en="East County",
             status="existing", adcode="360798", kind="county", area_km2=7000.0, population_2010=300000,
             population=400000, population_note="synthetic", seat_id="fx-east-seat"),
    ],
    "places": [
        feat("Point", [114.93, 25.83], id="fx-west-seat", name_zh="西城", name_en="West Town", status="existing",
             kind="county_seat", county="fx-west", station_ids=["fx-st-west"], airport_ids=["fx-airport"]),
        feat("Point", [116.03, 25.89], id="fx-east-seat", name_zh="东城", name_en="East Town", status="existing",
             kind="county_seat", county="fx-east", station_ids=["fx-st-east"]),
        feat("Point", [115.50, 25.95], id="fx-mid", name_zh="中镇", name_en="Middle Town", status="existing",
             kind="interchange", county="fx-east"),
    ],
    "stations": [
        feat("Point", [114.90, 25.85], id="fx-st-west", name_zh="西站", name_en="West Station", status="existing",
             opened="2001", county="fx-west", place_id="fx-west-seat"),
        feat("Point", [116.00, 25.90], id="fx-st-east", name_zh="东站", name_en="East Station", status="existing",
             opened="2001", county="fx-east", place_id="fx-east-seat"),
    ],
    "railways": [
        feat("LineString", [[114.90, 25.85], [115.5, 25.80], [116.00, 25.90]], id="fx-rail-conv",
             name_zh="西东铁路", name_en="West-East Railway", status="existing", opened="2001",
             rail_class="conventional", design_speed_kmh=120, tracks=1, station_ids=["fx-st-west", "fx-st-east"]),
        feat("LineString", [[114.90, 25.85], [115.5, 26.00], [116.00, 25.90]], id="fx-rail-hsr",
             name_zh="西东高铁", name_en="West-East HSR", status="under_construction", planned_open=2027,
             plan_period="十四五", rail_class="hsr", design_speed_kmh=350, tracks=2,
             station_ids=["fx-st-west", "fx-st-east"]),
        feat("LineString", [[114.90, 25.85], [114.95, 26.15]], id="fx-rail-prop",
             name_zh="北延铁路", name_en="North Extension", status="proposed", planned_open=2035,
             plan_period="中长期", rail_class="intercity", design_speed_kmh=160, tracks=2,
             station_ids=["fx-st-west"]),
    ],
    "expressways": [
        feat("LineString", [[114.93, 25.83], [115.50, 25.95], [116.03, 25.89]], id="fx-expy",
             name_zh="西东高速", name_en="West-East Expressway", status="existing", opened="2010", route_code="S99",
             lanes=4, speed_kmh=100, node_ids=["fx-west-seat", "fx-mid", "fx-east-seat"]),
    ],
    "trunk_roads": [
        feat("LineString", [[114.93, 25.83], [115.2, 25.6], [116.03, 25.89]], id="fx-trunk",
             name_zh="西东国道", name_en="National Road 999", status="existing", opened="1990", route_code="G999",
             road_class="national", speed_kmh=60, node_ids=["fx-west-seat", "fx-east-seat"]),
        feat("LineString", [[115.50, 25.95], [115.6, 26.15]], id="fx-trunk-plan",
             name_zh="北支线", name_en="North Spur", status="planned", planned_open=2030, route_code="S999",
             road_class="provincial", speed_kmh=60, node_ids=["fx-mid"]),
        # slower than the expressway between the same two places: drawn, but no route changes
        feat("LineString", [[114.93, 25.83], [115.2, 25.92], [115.50, 25.95]], id="fx-urban-expy",
             name_zh="西城快速路", name_en="West Town Urban Expressway", status="existing", opened="2024",
             route_code="快速路", road_class="urban_expressway", speed_kmh=80, node_ids=["fx-west-seat", "fx-mid"]),
    ],
    "airports": [
        feat("Point", [114.80, 25.75], id="fx-airport", name_zh="西机场", name_en="West Airport", status="existing",
             opened="2008", airport_kind="civil", iata="XXA", county="fx-west"),
    ],
    "waterways": [
        feat("LineString", [[114.7, 25.6], [114.95, 25.8], [115.3, 26.15]], id="fx-river",
             name_zh="西河", name_en="West River", status="existing", opened="1950", nav_class="V",
             node_ids=["fx-port"]),
    ],
    "ports": [
        feat("Point", [114.95, 25.80], id="fx-port", name_zh="西港", name_en="West Port", status="existing",
             port_kind="river_port", county="fx-west"),
    ],
    "plan_items": [  # never routed: a port of entry (hostile name) and an intermodal service
        feat("Point", [114.82, 25.76], id="fx-plan-port", name_zh="<b>西口岸</b><img src=x onerror=alert(4)>",
             name_en="West port of entry", status="existing", opened="2016-09", approved="2016-09",
             system="port_of_entry", item_kind="port_of_entry", county="fx-west", related_ids=["fx-airport"],
             notes="<script>alert(5)</script>"),
        feat("LineString", [[114.95, 25.80], [115.6, 25.7], [116.2, 25.6]], id="fx-plan-route",
             name_zh="西港铁海联运", name_en="West Port rail-sea service", status="existing", opened="2016-11",
             system="logistics", item_kind="intermodal_route", related_ids=["fx-port"]),
    ],
    "heritage_sites": [
        feat("Point", [116.02, 25.87], id="fx-site-national", name_zh="东城旧址", name_en="East Town Old Site",
             status="existing", county="fx-east", national_key_batch=3, long_march_park=True, level="national"),
        feat("Point", [115.10, 26.05], id="fx-site-provincial", name_zh="北山纪念馆", name_en="North Hill Memorial",
             status="existing", county="fx-west", provincial_key=True, long_march_park=False, level="provincial"),
        feat("Point", [115.70, 25.60], id="fx-site-xss", name_zh=XSS, name_en="`${alert(2)}` </script><b>bold</b>",
             status="existing", county="fx-east", long_march_park=False, level="local",
             notes="<script>alert(3)</script>"),
    ],
}


def market(fid, zh, en, population, lon, lat, **extra):
    return feat("Point", [lon, lat], id=fid, name_zh=zh, name_en=en, status="existing", province="测试",
                market_group="远程", population=population, population_source=SRC, population_confidence="high",
                scope="gateway", **extra)


LAYERS["markets"] = [
    market("fx-mk-big", "大城<市>", "Big City", 10_000_000, 119.0, 24.5),  # rail link to 东站 (links.csv)
    market("fx-mk-near", "近城", "Near City", 2_000_000, 113.5, 25.2),     # road link to 西城
]
LINKS = """market_id,hub_id,mode,minutes,services_per_day,source,confidence,rule,notes
fx-mk-big,fx-st-east,conventional_rail,120,,test fixture,high,published fastest,test
fx-mk-near,fx-west-seat,road,60,,test fixture,high,published fastest,test
"""


def main() -> None:
    for name, feats in LAYERS.items():
        save_layer(name, {"type": "FeatureCollection", "features": feats}, data_dir=HERE)
        print("wrote", name)
    (HERE / "markets").mkdir(exist_ok=True)
    (HERE / "markets" / "links.csv").write_text(LINKS, encoding="utf-8")


if __name__ == "__main__":
    main()
