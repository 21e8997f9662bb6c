"""Checks across layers: unknown references are errors; lines far from their stops and lengths far from their
geometry are warnings. Worked on the tiny import store (two stations 赣州西 114.845,25.8 and 寻乌 115.633,24.976)."""
from __future__ import annotations

import json

from atlas_cli import main
from geo.paths import layer_path
from geo.store import save_layer

SRC = "test fixture"


def railway(**extra) -> dict:
    props = {"id": "rail-test", "name_zh": "测试铁路", "name_en": "Test railway", "status": "existing",
             "opened": "2020", "source": SRC, "confidence": "low", "accuracy_m": 500, "rail_class": "hsr",
             "design_speed_kmh": 350, "tracks": 2, "station_ids": ["stn-ganzhou-west", "stn-xunwu"]}
    props.update(extra)
    coords = props.pop("coords", [[114.845, 25.8], [115.633, 24.976]])
    return {"type": "FeatureCollection",
            "features": [{"type": "Feature", "properties": props, "geometry": {"type": "LineString",
                                                                               "coordinates": coords}}]}


def run(capsys, *argv) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().err


def test_an_unknown_station_in_a_railway_is_an_error(store, capsys):
    save_layer("railways", railway(station_ids=["stn-ganzhou-west", "stn-nowhere"]), data_dir=store)
    code, err = run(capsys, "validate")
    assert code == 1
    assert "id=rail-test: field=station_ids: stn-nowhere names no feature; expected an id in stations" in err


def test_a_reference_to_the_wrong_layer_is_an_error(store, capsys):
    save_layer("railways", railway(station_ids=["stn-ganzhou-west", "seat-yudu"]), data_dir=store)
    code, err = run(capsys, "validate")
    assert code == 1 and "seat-yudu names a feature of layer places; expected an id in stations" in err


def test_a_line_far_from_its_own_station_is_a_warning_not_an_error(store, capsys):
    # the line bends 0.2° (~20 km) east of 赣州西 before going to 寻乌; accuracy claimed: 500 m
    save_layer("railways", railway(coords=[[115.045, 25.8], [115.633, 24.976]]), data_dir=store)
    code, err = run(capsys, "validate")
    assert code == 0
    line = [x for x in err.splitlines() if "stn-ganzhou-west" in x]
    assert len(line) == 1 and line[0].startswith("warning:") and "more than its accuracy_m 500" in line[0]
    d = float(line[0].split("passes ")[1].split(" m")[0])
    assert 19_000 < d < 21_000  # 0.2° of longitude at 25.8°N ≈ 20.0 km
    assert "1 warning(s)" in err


def test_a_length_far_from_the_geometry_needs_a_note(store, capsys):
    # 赣州西 → 寻乌 measures 120.9 km on the ellipsoid (pyproj Geod.inv); 200 km is 40 % off, 130 km within 10 %
    save_layer("railways", railway(length_km=200.0), data_dir=store)
    code, err = run(capsys, "validate")
    assert code == 0 and "length_km 200 but the geometry measures 120.9 km (-40%)" in err
    save_layer("railways", railway(length_km=200.0, length_note="published for the whole line"), data_dir=store)
    assert "length_km" not in run(capsys, "validate")[1]
    save_layer("railways", railway(length_km=130.0), data_dir=store)
    assert "length_km" not in run(capsys, "validate")[1]


def test_the_real_data_has_no_cross_layer_error(capsys):
    code, err = run(capsys, "validate")
    assert code == 0, err
    assert json.loads(layer_path("railways").read_text(encoding="utf-8"))["features"]
