"""The layer store: byte-stable round trips, and every kind of invalid save refused with a clear error."""
from __future__ import annotations

import copy
import json
import os
import stat

import pytest

from geo.errors import LayerError
from geo.fileio import json_nesting_depth, read_json
from geo.geojson import dumps_collection
from geo.paths import REPO_DATA_DIR, layer_path
from geo.schema import LAYERS
from geo.store import load_layer, save_layer, validate_layer_file
from geo.schema import get_schema

SRC = "test fixture, not real data"


def _doc(store, name="stations"):
    return json.loads(layer_path(name, data_dir=store).read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", ["places", "stations", "heritage_sites"])
def test_load_save_is_byte_stable(store, tmp_path, name):
    original = layer_path(name, data_dir=store).read_bytes()
    gdf = load_layer(name, data_dir=store)
    out = tmp_path / f"{name}.geojson"
    save_layer(name, gdf, path=out)
    assert out.read_bytes() == original
    save_layer(name, load_layer(name, path=out), path=out)
    assert out.read_bytes() == original


def test_real_layers_round_trip_byte_for_byte(tmp_path):
    layers = sorted((REPO_DATA_DIR / "layers").glob("*.geojson"))
    assert {p.stem for p in layers} == set(LAYERS)  # every layer is in the repository
    for p in layers:
        gdf = load_layer(p.stem, path=p)  # an invalid real layer fails here, loudly
        out = tmp_path / p.name
        save_layer(p.stem, gdf, path=out)
        assert out.read_bytes() == p.read_bytes(), p.stem


def test_load_gives_content_hash_and_lists(store):
    gdf = load_layer("stations", data_dir=store)
    import hashlib
    assert gdf.attrs["content_hash"] == hashlib.sha256(layer_path("stations", data_dir=store).read_bytes()).hexdigest()
    assert gdf.crs.to_epsg() == 4326


def _edit(store, **props):
    doc = _doc(store)
    doc["features"][0]["properties"].update(props)
    for k in [k for k, v in props.items() if v is None]:
        del doc["features"][0]["properties"][k]
    return doc


BAD_EDITS = [
    ({"source": None}, r"field=source: required field is missing"),
    ({"name_en": 42}, r"field=name_en: expected text, got int 42"),
    ({"accuracy_m": "roughly"}, r"field=accuracy_m: expected metres \(> 0\) or 'schematic'"),
    ({"status": "finished"}, r"field=status: unknown value 'finished'; allowed: existing, under_construction"),
    ({"opened": "26/12/2019"}, r"field=opened: expected a date YYYY"),
    ({"planned_open": 1850}, r"field=planned_open: 1850 is below the minimum 2000"),
    ({"id": "Bad Id"}, r"field=id: id must be a lowercase slug"),
    ({"id": "stn-xunwu"}, r"duplicate id \(also feature 0\)"),
    ({"colour": "red"}, r"field=colour: unknown field for layer stations"),
]


@pytest.mark.parametrize("props,match", BAD_EDITS, ids=[m[:30] for _, m in BAD_EDITS])
def test_invalid_properties_are_refused(store, props, match):
    path = layer_path("stations", data_dir=store)
    before = path.read_bytes()
    with pytest.raises(LayerError, match=match):
        save_layer("stations", _edit(store, **props), data_dir=store)
    assert path.read_bytes() == before


BAD_GEOMETRIES = [
    (None, "missing or empty geometry"),
    ({"type": "LineString", "coordinates": [[115, 25.8], [115.1, 25.9]]}, "geometry type 'LineString' not allowed"),
    ({"type": "Point", "coordinates": []}, "empty coordinates"),
    ({"type": "Point", "coordinates": ["115", "25.8"]}, r"is not \[lon, lat\] numbers"),
    ({"type": "Point", "coordinates": [float("nan"), 25.8]}, "non-finite coordinate"),
    ({"type": "Point", "coordinates": [116.40, 39.90]}, "outside Ganzhou's surroundings"),
    ({"type": "Point", "coordinates": [25.8, 114.845]}, r"look like \[lat, lon\]"),
    ({"type": "Point", "coordinates": [500000.0, 2850000.0]}, "out of range for WGS84"),
]


@pytest.mark.parametrize("geom,match", BAD_GEOMETRIES, ids=[m[:30] for _, m in BAD_GEOMETRIES])
def test_invalid_geometries_are_refused(store, geom, match):
    doc = _doc(store)
    doc["features"][0]["geometry"] = geom
    with pytest.raises(LayerError, match=match):
        save_layer("stations", doc, data_dir=store)


def test_gateway_scope_allows_far_points_but_not_outside_china(store):
    doc = _doc(store)
    doc["features"][0]["properties"]["scope"] = "gateway"
    doc["features"][0]["geometry"]["coordinates"] = [116.40, 39.90]  # Beijing
    save_layer("stations", doc, data_dir=store)
    doc["features"][0]["geometry"]["coordinates"] = [2.35, 48.85]  # Paris
    with pytest.raises(LayerError, match="outside China"):
        save_layer("stations", doc, data_dir=store)


def test_self_intersecting_polygon_is_refused_with_make_valid_hint(store):
    props = {"id": "county-x", "name_zh": "测试县", "name_en": "Test", "status": "existing", "source": SRC,
             "confidence": "low", "accuracy_m": 100, "adcode": "360799", "kind": "county", "area_km2": 1.0,
             "population_2010": 1, "population": 1, "population_note": SRC, "seat_id": "seat-yudu"}
    bowtie = {"type": "Polygon", "coordinates": [[[115.0, 25.8], [115.1, 25.9], [115.1, 25.8], [115.0, 25.9],
                                                  [115.0, 25.8]]]}
    doc = {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": props, "geometry": bowtie}]}
    with pytest.raises(LayerError, match=r"Self-intersection.*--make-valid"):
        save_layer("counties", doc, data_dir=store)
    assert not layer_path("counties", data_dir=store).exists()


def test_all_problems_reported_at_once(store):
    doc = _doc(store)
    doc["features"][0]["properties"]["status"] = "x"
    doc["features"][1]["properties"]["confidence"] = "sure"
    doc["features"][1]["geometry"]["coordinates"] = [0, 0]
    with pytest.raises(LayerError) as exc:
        save_layer("stations", doc, data_dir=store)
    assert {(p.index, p.field) for p in exc.value.problems} == {(0, "status"), (1, "confidence"), (1, "geometry")}


def test_load_of_invalid_file_lists_every_problem(store):
    path = layer_path("stations", data_dir=store)
    doc = _doc(store)
    doc["features"][0]["properties"]["status"] = "x"
    doc["features"][1]["properties"]["confidence"] = "sure"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(LayerError, match="layer stations: 2 problem"):
        load_layer("stations", data_dir=store)


def test_lone_surrogate_text_is_refused_not_crashing_the_writer(store):
    with pytest.raises(LayerError, match="not valid UTF-8/Unicode text"):
        save_layer("stations", _edit(store, notes="bad \udc80 text"), data_dir=store)


def test_long_values_are_shortened_in_messages(store):
    with pytest.raises(LayerError) as exc:
        save_layer("stations", _edit(store, status="x" * 100_000), data_dir=store)
    assert len(str(exc.value.problems[0])) < 400


def test_save_keeps_permission_bits(store):
    path = layer_path("stations", data_dir=store)
    os.chmod(path, 0o664)
    save_layer("stations", _edit(store, notes="edited"), data_dir=store)
    assert stat.S_IMODE(path.stat().st_mode) == 0o664
    new = layer_path("railways", data_dir=store)
    assert not new.exists()
    umask = os.umask(0o022)
    try:
        line = {"id": "rail-x", "name_zh": "线", "name_en": "X", "status": "planned", "source": SRC,
                "confidence": "low", "accuracy_m": "schematic", "rail_class": "hsr", "design_speed_kmh": 350,
                "tracks": 2, "station_ids": ["stn-xunwu"]}
        save_layer("railways", {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": line,
                   "geometry": {"type": "LineString", "coordinates": [[115.0, 25.8], [115.1, 25.9]]}}]}, data_dir=store)
    finally:
        os.umask(umask)
    assert stat.S_IMODE(new.stat().st_mode) == 0o644  # not mkstemp's private 0600


def test_serialisation_is_deterministic_and_sorted(store):
    doc = _doc(store)
    shuffled = copy.deepcopy(doc)
    shuffled["features"].reverse()
    for f in shuffled["features"]:
        f["properties"] = dict(reversed(list(f["properties"].items())))
    schema = get_schema("stations")
    assert dumps_collection(shuffled, schema) == dumps_collection(doc, schema)


def test_read_json_refuses_deep_nesting_without_recursing(tmp_path):
    p = tmp_path / "stations.geojson"
    p.write_bytes(b"[" * 200_000)
    with pytest.raises(LayerError, match="nested 200000 levels deep"):
        read_json(p)
    assert json_nesting_depth(b'{"a": "[[[[[[", "b": [["\\"[["]]}') == 3


def test_validate_layer_file_on_non_geojson_points_to_import(tmp_path):
    p = tmp_path / "stations.geojson"
    p.write_text("id,lon,lat\n", encoding="utf-8")
    (prob,) = validate_layer_file(p)
    assert "atlas import FILE --layer stations --dry-run" in prob.reason
