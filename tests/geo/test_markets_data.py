"""Integrity of the origin-market tables in data/markets/ (cities, links) and the market rows of the calibration.

Checks that can fail: ids unique and well formed, every hub/place/station id exists in data/layers, numbers parse,
each province's city populations sum to its 2020 census total (within 0.5 %), every row names a source, derived
road/rail/air times agree with the rule written in the row."""
from __future__ import annotations

import csv
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from geo.crs import haversine_m

ROOT = Path(__file__).resolve().parents[2]
MARKETS = ROOT / "data" / "markets"
LAYERS = ROOT / "data" / "layers"

#: 第七次全国人口普查 provincial totals (2020-11-01), see docs/data/markets.md for the bulletins.
PROVINCE_TOTALS = {"广东": 126_012_510, "江西": 45_188_635, "福建": 41_540_086, "湖南": 66_444_864}
PROVINCE_COUNTS = {"广东": 21, "江西": 11, "福建": 9, "湖南": 14}
GROUPS = {"粤港澳大湾区", "长株潭", "海西", "江西", "广东其他", "湖南其他", "福建其他", "远程", "home"}
GBA = {"广州", "深圳", "珠海", "佛山", "惠州", "东莞", "中山", "江门", "肇庆"}
CONFIDENCE = {"high", "medium", "low"}
LINK_MODES = {"hsr", "conventional_rail", "road", "air"}
CAL_MODES = {"hsr", "conventional_rail"}


def _read(name: str) -> list[dict]:
    with open(MARKETS / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _layer(name: str) -> dict[str, dict]:
    feats = json.loads((LAYERS / f"{name}.geojson").read_text(encoding="utf-8"))["features"]
    return {f["properties"]["id"]: f for f in feats}


@pytest.fixture(scope="module")
def cities():
    return _read("cities.csv")


@pytest.fixture(scope="module")
def links():
    return _read("links.csv")


@pytest.fixture(scope="module")
def layers():
    return {n: _layer(n) for n in ("places", "stations", "airports")}


def _gc_km(a, b) -> float:
    return float(haversine_m(a[0], a[1], b[0], b[1])) / 1000


def test_city_ids_unique_and_slugged(cities):
    ids = [c["id"] for c in cities]
    assert len(ids) == len(set(ids)), [i for i, n in Counter(ids).items() if n > 1]
    for i in ids:
        assert re.fullmatch(r"mk-[a-z]+(-[a-z]+)*", i), i


def test_city_fields(cities, layers):
    for c in cities:
        assert c["market_group"] in GROUPS, c
        lon, lat = float(c["lon"]), float(c["lat"])
        assert 100 < lon < 125 and 18 < lat < 42, c["id"]
        assert int(c["accuracy_m"]) > 0
        assert int(c["population_2020"]) > 100_000, c["id"]
        assert c["population_confidence"] in CONFIDENCE, c["id"]
        assert c["coord_source"].strip() and c["population_source"].strip(), c["id"]
        if c["population_confidence"] == "low":
            assert "estimate" in c["notes"] or "general knowledge" in c["population_source"], c["id"]
        if c["place_id"]:
            place = layers["places"].get(c["place_id"])
            assert place is not None and place["properties"]["kind"] == "gateway", c["place_id"]
        if c["name_zh"] in GBA:
            assert c["market_group"] == "粤港澳大湾区", c["id"]
    assert [c["id"] for c in cities if c["market_group"] == "home"] == ["mk-ganzhou"]


def test_every_gateway_city_points_to_its_place(cities, layers):
    gateway_names = {f["properties"]["name_zh"]: pid for pid, f in layers["places"].items()
                     if f["properties"].get("kind") == "gateway"}
    by_name = {c["name_zh"]: c for c in cities}
    for name, pid in gateway_names.items():
        assert by_name[name]["place_id"] == pid, name


def test_province_coverage_and_census_sums(cities):
    count, total = Counter(), defaultdict(int)
    for c in cities:
        count[c["province"]] += 1
        total[c["province"]] += int(c["population_2020"])
    for prov, n in PROVINCE_COUNTS.items():
        assert count[prov] == n, (prov, count[prov])
    for prov, t in PROVINCE_TOTALS.items():
        assert abs(total[prov] - t) <= 0.005 * t, (prov, total[prov], t)


def test_far_markets_present(cities):
    names = {c["name_zh"] for c in cities if c["market_group"] == "远程"}
    assert {"北京", "上海", "武汉", "杭州", "成都", "重庆"} <= names


def test_links_refer_to_existing_ids(links, cities, layers):
    market_ids = {c["id"] for c in cities}
    hubs = set(layers["places"]) | set(layers["stations"]) | set(layers["airports"])
    for row in links:
        assert row["market_id"] in market_ids, row
        assert row["hub_id"] in hubs, row["hub_id"]
        assert row["mode"] in LINK_MODES, row
        assert int(row["minutes"]) > 0, row
        if row["services_per_day"]:
            assert float(row["services_per_day"]) > 0
        assert row["source"].strip() and row["rule"].strip(), row
        assert row["confidence"] in CONFIDENCE, row
        if row["mode"] == "air":
            assert row["hub_id"] in {"ap-ganzhou", "ap-ruijin"}, row
        if row["mode"] in {"hsr", "conventional_rail"}:
            assert row["hub_id"] in layers["stations"], row


def test_every_non_gateway_market_has_a_road_link(links, cities):
    road = {r["market_id"] for r in links if r["mode"] == "road"}
    for c in cities:
        if not c["place_id"] and c["market_group"] != "home":
            assert c["id"] in road, c["id"]


def _hub_point(layers, hub):
    for layer in layers.values():
        if hub in layer:
            return layer[hub]["geometry"]["coordinates"]
    raise KeyError(hub)


def test_derived_times_follow_their_rule(links, cities, layers):
    pos = {c["id"]: (float(c["lon"]), float(c["lat"])) for c in cities}
    road = re.compile(r"road: great-circle distance ([\d.]+) km × circuity ([\d.]+) at ([\d.]+) km/h")
    rail = re.compile(r"rail: great-circle distance ([\d.]+) km × circuity ([\d.]+) at ([\d.]+) km/h \+ (\d+) min")
    air = re.compile(r"great-circle city seat→airport ([\d.]+) km ÷ ([\d.]+) km/h airborne average \+ (\d+) min")
    checked = 0
    for row in links:
        if row["rule"].startswith("published"):  # a figure read in a source, not derived
            continue
        km = _gc_km(pos[row["market_id"]], _hub_point(layers, row["hub_id"]))
        if m := road.search(row["rule"]):
            d, f, v = map(float, m.groups())
            expect = d * f / v * 60
        elif m := rail.search(row["rule"]):
            d, f, v, extra = map(float, m.groups())
            expect = d * f / v * 60 + extra
        elif m := air.search(row["rule"]):
            d, v, extra = map(float, m.groups())
            expect = d / v * 60 + extra
        else:
            pytest.fail(f"rule not understood: {row['rule']}")
        assert abs(d - km) < 0.5, (row["market_id"], row["hub_id"], d, km)
        assert abs(int(row["minutes"]) - expect) <= 1, (row["market_id"], row["hub_id"])
        checked += 1
    assert checked > 50


def test_market_calibration_rows_name_a_city_and_a_ganzhou_station(cities, layers):
    """Rows of data/calibration.csv that start at a market city (their minutes are published fastest times)."""
    with open(ROOT / "data" / "calibration.csv", encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["from"].startswith("mk-")]
    market_ids = {c["id"] for c in cities}
    ganzhou_stations = {sid for sid, f in layers["stations"].items() if f["properties"].get("county")}
    assert len(rows) >= 4
    for row in rows:
        assert row["from"] in market_ids and row["to"] in ganzhou_stations, row
        assert row["source"].strip() and (row["use"] == "yes" or row["notes"].startswith("excluded")), row


def _read_header(path: Path):
    with open(path, encoding="utf-8", newline="") as f:
        return dict.fromkeys(next(csv.reader(f))).keys()
