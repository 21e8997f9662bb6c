"""RFC 7946 §3.1.6: exterior rings counterclockwise, holes clockwise — in every stored layer and every write."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from geo.geojson import dumps_collection, orient_coordinates, ring_area
from geo.schema import LAYERS
from geo.store import load_layer, save_layer

ROOT = Path(__file__).resolve().parents[2]
LAYER_FILES = sorted((ROOT / "data" / "layers").glob("*.geojson"))


def ring_problems(geom: dict) -> list[str]:
    """Rings of a (Multi)Polygon that break the right-hand rule: 'polygon p ring r: cw exterior' …"""
    polys = {"Polygon": [geom.get("coordinates")], "MultiPolygon": geom.get("coordinates")}.get(geom.get("type"), [])
    out = []
    for p, rings in enumerate(polys or []):
        for r, ring in enumerate(rings):
            area = ring_area(ring)
            if r == 0 and area <= 0:
                out.append(f"polygon {p}: exterior ring clockwise (area {area:.3g})")
            elif r > 0 and area >= 0:
                out.append(f"polygon {p} ring {r}: hole counterclockwise (area {area:.3g})")
    return out


@pytest.mark.parametrize("path", LAYER_FILES, ids=[p.stem for p in LAYER_FILES])
def test_every_stored_polygon_follows_rfc7946(path):
    doc = json.loads(path.read_text(encoding="utf-8"))
    bad = {f["properties"]["id"]: probs for f in doc["features"] if (probs := ring_problems(f["geometry"]))}
    assert not bad, bad


def test_polygon_layers_exist_and_are_checked():
    polygonal = [p.stem for p in LAYER_FILES
                 if any(t in LAYERS.get(p.stem).geometry_types for t in ("Polygon", "MultiPolygon"))]
    assert "counties" in polygonal


SQUARE_CW = [[114.0, 25.0], [114.0, 25.1], [114.1, 25.1], [114.1, 25.0], [114.0, 25.0]]
HOLE_CCW = [[114.02, 25.02], [114.08, 25.02], [114.08, 25.08], [114.02, 25.08], [114.02, 25.02]]


def _county(fid: str, geom: dict) -> dict:
    props = {"id": fid, "name_zh": "测试", "name_en": "Test", "status": "existing", "source": "test", "confidence": "low",
             "accuracy_m": 100, "adcode": "360702", "kind": "district", "area_km2": 1.0, "population_2010": 1,
             "population": 1, "population_note": "test", "seat_id": "seat-test"}
    return {"type": "Feature", "properties": props, "geometry": geom}


@pytest.mark.parametrize("geom", [
    {"type": "Polygon", "coordinates": [SQUARE_CW, HOLE_CCW]},
    {"type": "MultiPolygon", "coordinates": [[SQUARE_CW, HOLE_CCW], [[[115.0, 25.0], [115.0, 25.05], [115.05, 25.0],
                                                                       [115.0, 25.0]]]]},
])
def test_writer_orients_exterior_ccw_and_holes_cw(geom):
    text = dumps_collection({"type": "FeatureCollection", "features": [_county("a", geom)]}, LAYERS["counties"])
    written = json.loads(text)["features"][0]["geometry"]
    assert ring_problems(written) == []
    assert written["type"] == geom["type"]


def test_writer_output_does_not_depend_on_input_winding():
    cw = {"type": "Polygon", "coordinates": [SQUARE_CW, HOLE_CCW]}
    ccw = {"type": "Polygon", "coordinates": orient_coordinates("Polygon", [SQUARE_CW, HOLE_CCW])}
    dump = [dumps_collection({"type": "FeatureCollection", "features": [_county("a", g)]}, LAYERS["counties"])
            for g in (cw, ccw, cw)]
    assert dump[0] == dump[1] == dump[2]


def test_points_and_lines_are_untouched():
    line = [[114.0, 25.0], [114.1, 25.1]]
    assert orient_coordinates("LineString", line) is line
    assert orient_coordinates("Point", [114.0, 25.0]) == [114.0, 25.0]


def test_saved_layer_round_trips_in_rfc7946_order(tmp_path):
    doc = {"type": "FeatureCollection", "features": [_county("zz-test", {"type": "Polygon", "coordinates": [SQUARE_CW]})]}
    path = save_layer("counties", doc, data_dir=tmp_path)
    stored = json.loads(path.read_text(encoding="utf-8"))
    assert ring_problems(stored["features"][0]["geometry"]) == []
    gdf = load_layer("counties", data_dir=tmp_path)
    assert gdf.geometry.iloc[0].exterior.is_ccw
