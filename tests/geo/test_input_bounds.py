"""Reproductions of the hardening issue (items 1, 6 and 11) on the import and load paths: each bad input is a
clear line, exit 1, no traceback, and the store is byte-identical afterwards; every number field of the
schema has a range; error output is bounded."""
from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest

import atlas_cli
from geo.errors import Problem, problem_lines
from geo.schema import LAYERS
from geo.validate import check_value, validate_collection

NUMBER_TYPES = ("int", "float", "year", "accuracy")
LINE = [[115.0, 25.8], [115.5, 25.9]]
COMMON = {"name_zh": "测试", "name_en": "test", "status": "planned", "source": "test fixture", "confidence": "low",
          "accuracy_m": "schematic"}
RAIL = {**COMMON, "rail_class": "hsr", "design_speed_kmh": 350, "tracks": 2, "station_ids": ["st-a", "st-b"]}
COUNTY = {**COMMON, "status": "existing", "adcode": "360799", "kind": "county", "area_km2": 100.0,
          "population_2010": 1000, "population": 1000, "population_note": "test", "seat_id": "seat-a"}
SQUARE = [[[115.0, 25.8], [115.1, 25.8], [115.1, 25.9], [115.0, 25.9], [115.0, 25.8]]]


def fc(*features) -> dict:
    return {"type": "FeatureCollection", "features": list(features)}


def feat(fid: str, props: dict, gtype: str, coords) -> dict:
    return {"type": "Feature", "properties": {"id": fid, **props}, "geometry": {"type": gtype, "coordinates": coords}}


MINI = Path(__file__).resolve().parents[1] / "data" / "network" / "mini"


@pytest.fixture
def full_store(tmp_path, monkeypatch) -> Path:
    """A copy of the tiny network dataset (every layer, parameters): ``atlas layers`` and ``route`` run on it."""
    base = tmp_path / "full"
    shutil.copytree(MINI, base)
    monkeypatch.setenv("ATLAS_DATA_DIR", str(base))
    return base


@pytest.fixture
def cli(store, capsys):
    def run(*argv):
        code = atlas_cli.main(list(argv))
        out, err = capsys.readouterr()
        assert "Traceback" not in out + err
        return code, out, err
    return run


def _write(path, doc) -> str:
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return str(path)


# -- schema ranges -------------------------------------------------------------------------------------------

def test_every_number_field_declares_a_range():
    missing = [f"{s.name}.{f.name}" for s in LAYERS.values() for f in s.fields
               if f.type in NUMBER_TYPES and (f.minimum is None or f.maximum is None)]
    assert missing == []


@pytest.mark.parametrize("layer,field,value,ok", [
    ("counties", "population", 10**400, False),       # the county: passed import and validate
    ("counties", "population", 10_000_000, True),
    ("counties", "population", 10_000_001, False),
    ("counties", "population_2010", -1, False),
    ("stations", "accuracy_m", 1e300, False),
    ("stations", "accuracy_m", 100_000, True),
    ("stations", "accuracy_m", 0, False),
    ("stations", "opened", "2024-02-29", True),       # a leap day
    ("stations", "opened", "2023-02-29", False),
    ("stations", "opened", "2019-13", False),
    ("stations", "opened", "0001", False),
    ("stations", "opened", "1876", True),
    ("railways", "design_speed_kmh", 10**400, False),
    ("air_routes", "daily_flights", 10**400, False),
    ("railways", "length_km", float("nan"), False),
])
def test_values_within_the_schema(layer, field, value, ok):
    assert (check_value(LAYERS[layer].field(field), value) is None) == ok


def test_message_of_a_huge_number_stays_short():
    why = check_value(LAYERS["counties"].field("population"), 10**400)
    assert why == "100000000000… (401 digits) is above the maximum 10,000,000"


# -- item 1: geometry nested too deep, through import and load -------------------------------------------

NESTED = [
    ("railways", feat("rail-x", RAIL, "LineString", [LINE, LINE])),
    ("railways", feat("rail-x", RAIL, "MultiLineString", [[LINE, LINE]])),
    ("stations", feat("st-x", COMMON, "Point", [[115.0, 25.8]])),
    ("counties", feat("c-x", COUNTY, "Polygon", [SQUARE])),
]


@pytest.mark.parametrize("layer,feature", NESTED)
def test_import_of_nested_geometry_is_one_line_and_writes_nothing(cli, store, tree_hash, tmp_path, layer, feature):
    before = tree_hash(store)
    code, _, err = cli("import", _write(tmp_path / "in.geojson", fc(feature)), "--layer", layer)
    assert code == 1 and "nested too deeply" in err
    assert tree_hash(store) == before


@pytest.mark.parametrize("layer,feature", NESTED)
def test_a_hand_edited_layer_with_nested_geometry_fails_validate_and_load(full_store, capsys, layer, feature):
    path = full_store / "layers" / f"{layer}.geojson"
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["features"][0]["geometry"] = feature["geometry"]
    _write(path, doc)
    for argv in (["validate"], ["layers"], ["route", "--from", "seat-a", "--to", "site-1"]):
        code = atlas_cli.main(argv)
        out, err = capsys.readouterr()
        assert code == 1 and "nested too deeply" in err and "Traceback" not in out + err, argv


@pytest.mark.parametrize("coords,message", [
    ([115.0, 25.8, float("nan")], "height is not a finite number"),
    ([115.0, 25.8, 10**400], "height is not a finite number"),
    ([10**400, 25.8], "out of range"),
    ([True, 25.8], "is not [lon, lat] numbers"),
    (["115", "25.8"], "is not [lon, lat] numbers"),
])
def test_import_of_bad_numbers_in_positions(cli, store, tree_hash, tmp_path, coords, message):
    before = tree_hash(store)
    path = tmp_path / "in.geojson"
    path.write_text(json.dumps(fc(feat("st-x", COMMON, "Point", coords)), allow_nan=True), encoding="utf-8")
    code, _, err = cli("import", str(path), "--layer", "stations")
    assert code == 1 and message in err
    assert tree_hash(store) == before


# -- item 6: a county population of 10**400 ----------------------------------------------------------------

def test_county_population_beyond_range_is_refused_at_import(cli, store, tree_hash, tmp_path):
    before = tree_hash(store)
    doc = fc(feat("c-x", {**COUNTY, "population": 10**400}, "Polygon", SQUARE))
    code, _, err = cli("import", _write(tmp_path / "c.geojson", doc), "--layer", "counties")
    assert code == 1 and "field=population: 100000000000… (401 digits) is above the maximum 10,000,000" in err
    assert len(err.splitlines()) == 2  # the problem and the summary line
    assert tree_hash(store) == before
    code, out, _ = cli("validate")  # and usable: every layer still reads and validates
    assert code == 0 and out.count(": ok") == 3


def test_county_population_beyond_range_fails_validate(cli, store):
    _write(store / "layers" / "counties.geojson", fc(feat("c-x", {**COUNTY, "population": 10**400}, "Polygon", SQUARE)))
    code, _, err = cli("validate", str(store / "layers" / "counties.geojson"))
    assert code == 1 and "above the maximum 10,000,000" in err


# -- item 11: bounded error output ---------------------------------------------------------------------------

def test_900000_unknown_properties_print_a_bounded_report(cli, store, tree_hash, tmp_path):
    props = {**COMMON, **{f"k{i}": 0 for i in range(900_000)}}
    path = tmp_path / "wide.geojson"
    _write(path, fc(feat("st-wide", props, "Point", [115.0, 25.8])))
    assert path.stat().st_size > 10_000_000  # the 10.7 MB file
    before = tree_hash(store)
    t0 = time.perf_counter()
    code, _, err = cli("import", str(path), "--layer", "stations")
    assert code == 1
    lines = err.splitlines()
    # 5 unknown fields named, one line counting the 899,995 others, the summary line
    assert len(lines) == 7, lines
    assert "899995 more unknown field(s) for layer stations" in err
    assert len(err) < 3_000
    assert time.perf_counter() - t0 < 60
    assert tree_hash(store) == before


def test_many_features_with_problems_print_ten_of_a_kind(cli, store, tmp_path):
    feats = [feat(f"st-{i}", {k: v for k, v in COMMON.items() if k != "name_zh"}, "Point", [115.0, 25.8])
             for i in range(5000)]
    code, _, err = cli("import", _write(tmp_path / "many.geojson", fc(*feats)), "--layer", "stations")
    assert code == 1
    lines = err.splitlines()
    assert sum("required field is missing" in ln for ln in lines) == 11  # 10 listed, 1 counting the rest
    assert "… and 4990 more problem(s) like: " in err
    assert lines[-1] == "not imported: 5000 problem(s); nothing was written"


def test_validation_stops_collecting_after_its_cap():
    feats = [feat(f"st-{i}", {"junk": 1}, "Point", [115.0, 25.8]) for i in range(2000)]
    problems = validate_collection(fc(*feats), LAYERS["stations"], file="x")
    # 7 problems a feature (6 required fields missing, 1 unknown): 1429 features make 10,003 ≥ 10,000
    assert len(problems) == 1429 * 7 + 1
    assert problems[-1].reason == "checking stopped after 10003 problems (at feature 1428 of 2000); fix these first"


def test_problem_lines_bound_kinds_and_totals():
    words = [a + b + c for a in "abcdefghij" for b in "abcdefghij" for c in "abc"]  # 300 kinds of reason
    ps = [Problem("f", i, None, None, f"reason {words[i % 300]}, number {i}") for i in range(3000)]
    lines = problem_lines(ps)
    # 100 listed (one each of the first 100 kinds), 10 kinds counted by name, the rest in one line: 3000 − 100
    # listed − 10 kinds × 10 = 2800 problems of the 300 − 10 = 290 kinds not named
    assert len(lines) == 100 + 10 + 1
    assert lines[100].startswith("… and 10 more problem(s) like: f: feature ")
    assert lines[-1] == "… and 2800 more problem(s) of 290 other kind(s)"
