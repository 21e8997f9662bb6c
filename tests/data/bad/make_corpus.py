"""Regenerate the bad-input corpus and its table ``cases.json``: ``python tests/data/bad/make_corpus.py``.

Each file is one hostile or broken upload. ``cases.json`` gives, per file, the layer it is imported into,
extra ``atlas import`` options, and the message fragment that ``atlas import`` and ``atlas validate`` must
print (``validate: null`` = the file is fine on its own and only clashes with the store, so validate
passes; the reason is in ``why``). Features are test fixtures, labelled as such in their ``source``.
"""
from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = "test fixture, not real data"


def station(**over):
    props = {"id": "stn-yudu", "name_zh": "于都站", "name_en": "Yudu railway station", "status": "under_construction",
             "source": SRC, "confidence": "low", "accuracy_m": 2000, "scope": "local", "county": "yudu"}
    props.update(over.pop("props", {}))
    for k in over.pop("drop", []):
        props.pop(k)
    geom = over.pop("geometry", {"type": "Point", "coordinates": [115.41, 25.95]})
    return {"type": "Feature", "properties": props, "geometry": geom}


def fc(*features):
    return {"type": "FeatureCollection", "features": list(features)}


def county(geometry):
    return {"type": "Feature", "geometry": geometry, "properties": {
        "id": "county-test", "name_zh": "测试县", "name_en": "Test County", "status": "existing", "source": SRC,
        "confidence": "low", "accuracy_m": 100, "adcode": "360799", "kind": "county", "area_km2": 10.0,
        "population_2010": 1, "population": 1, "population_note": SRC, "seat_id": "seat-yudu"}}


CASES: dict[str, dict] = {}


def case(name, content, layer, imp, val, *, args=(), why=""):
    data = content if isinstance(content, bytes) else (
        content.encode("utf-8") if isinstance(content, str) else json.dumps(content, ensure_ascii=False).encode())
    (HERE / name).write_bytes(data)
    CASES[name] = {"layer": layer, "args": list(args), "import": imp, "validate": val, "why": why}


def main() -> None:
    for p in HERE.iterdir():
        if p.name not in ("make_corpus.py",) and p.is_file():
            p.unlink()
    case("not_json.geojson", "this is not JSON {", "stations", "not valid JSON", "not a GeoJSON file")
    case("truncated.geojson", '{"type": "FeatureCollection", "features": [{"type": "Feature", ', "stations",
         "not valid JSON", "not valid JSON")
    case("empty.geojson", b"", "stations", "the file is empty", "not a GeoJSON file")
    case("json_array.geojson", [1, 2, 3], "stations", "a JSON array, not GeoJSON", "not a GeoJSON FeatureCollection")
    case("topojson.geojson", {"type": "Topology", "objects": {}}, "stations", "top-level 'type' must be",
         "not a GeoJSON FeatureCollection")
    case("bare_geometry.geojson", {"type": "Point", "coordinates": [115.0, 25.8]}, "stations",
         "bare Point geometry has no properties", "not a GeoJSON FeatureCollection")
    case("features_not_list.geojson", {"type": "FeatureCollection", "features": {"a": 1}}, "stations",
         "'features' must be a list", "'features' must be a list")
    case("feature_not_object.geojson", fc(station(), 42), "stations", "feature 1: not a GeoJSON Feature",
         "feature 1: not a GeoJSON Feature")
    case("wrong_geometry_type.geojson",
         fc(station(geometry={"type": "LineString", "coordinates": [[115.0, 25.8], [115.1, 25.9]]})), "stations",
         "geometry type 'LineString' not allowed in layer stations", "geometry type 'LineString' not allowed")
    case("empty_geometry.geojson", fc(station(geometry={"type": "Point", "coordinates": []})), "stations",
         "field=geometry: empty coordinates", "field=geometry: empty coordinates")
    case("null_geometry.geojson", fc(station(geometry=None)), "stations", "missing or empty geometry",
         "missing or empty geometry")
    bowtie = {"type": "Polygon", "coordinates": [[[115.0, 25.8], [115.1, 25.9], [115.1, 25.8], [115.0, 25.9],
                                                  [115.0, 25.8]]]}
    case("self_intersecting.geojson", fc(county(bowtie)), "counties", "--make-valid", "Self-intersection")
    case("nan_coordinate.geojson",
         json.dumps(fc(station(geometry={"type": "Point", "coordinates": [float("nan"), 25.8]}))), "stations",
         "non-finite coordinate", "NaN is not valid JSON")
    case("infinity_coordinate.geojson",
         json.dumps(fc(station(geometry={"type": "Point", "coordinates": [115.0, 1e999]}))).replace("Infinity", "1e999"),
         "stations", "non-finite coordinate", "non-finite coordinate")
    case("out_of_range.geojson", fc(station(geometry={"type": "Point", "coordinates": [215.0, 25.8]})), "stations",
         "out of range for WGS84", "out of range for WGS84")
    case("projected_coordinates.geojson",
         {**fc(station(geometry={"type": "Point", "coordinates": [549000.0, 2871000.0]})),
          "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::4547"}}},
         "stations", "names its CRS as 'urn:ogc:def:crs:EPSG::4547'", "out of range for WGS84")
    case("lat_lon_swapped.geojson", fc(station(geometry={"type": "Point", "coordinates": [25.95, 115.41]})),
         "stations", "look like [lat, lon]", "look like [lat, lon]")
    case("far_outside.geojson", fc(station(geometry={"type": "Point", "coordinates": [116.40, 39.90]})), "stations",
         "outside Ganzhou's surroundings", "outside Ganzhou's surroundings")
    case("duplicate_ids.geojson", fc(station(), station(geometry={"type": "Point", "coordinates": [115.42, 25.96]})),
         "stations", "duplicate id (also feature 0)", "duplicate id (also feature 0)")
    case("id_in_same_layer.geojson", fc(station(props={"id": "stn-xunwu"})), "stations",
         "id already exists in layer stations; to update that feature, re-run with --replace", None,
         why="valid on its own; clashes only with the store's stn-xunwu")
    case("id_in_other_layer.geojson", fc(station(props={"id": "seat-yudu"})), "stations",
         "id already used by a feature in layer places", None,
         why="valid on its own; clashes only with the store's places/seat-yudu")
    case("missing_required.geojson", fc(station(drop=["source", "confidence"])), "stations",
         "field=source: required field is missing", "field=source: required field is missing")
    case("wrong_types.geojson", fc(station(props={"name_zh": 123, "accuracy_m": "about 500"})), "stations",
         "field=name_zh: expected text, got int 123", "field=accuracy_m: expected metres")
    case("unknown_status.geojson", fc(station(props={"status": "built"})), "stations",
         "field=status: unknown value 'built'; allowed: existing", "unknown value 'built'")
    case("existing_without_date.geojson", fc(station(props={"status": "existing"})), "stations",
         "existing features need an opening date", "existing features need an opening date")
    case("unknown_field.geojson", fc(station(props={"colour": "red"})), "stations",
         "field=colour: unknown field for layer stations", "field=colour: unknown field")
    case("bad_id_slug.geojson", fc(station(props={"id": "Yudu Station!"})), "stations",
         "id must be a lowercase slug", "id must be a lowercase slug")
    case("id_with_newline.geojson", fc(station(props={"id": "stn-yudu\nfeature 9: forged line"})), "stations",
         "id must be a lowercase slug", "id must be a lowercase slug")
    case("lone_surrogate.geojson", '{"type": "FeatureCollection", "features": [' + json.dumps(station())
         .replace('"\\u4e8e\\u90fd\\u7ad9"', '"\\udc80"').replace('"于都站"', '"\\udc80"') + "]}", "stations",
         "field=name_zh: not valid UTF-8/Unicode text", "field=name_zh: not valid UTF-8/Unicode text")
    gbk = json.dumps(fc(station()), ensure_ascii=False).encode("utf-8").replace("于都站".encode(), "于都站".encode("gbk"))
    case("gbk_text.geojson", gbk, "stations", "field=name_zh: not UTF-8 text (it reads as GB18030/GBK)",
         "not UTF-8 text")
    case("deep_nesting.geojson", "[" * 100_000 + "]" * 100_000, "stations", "nested 100000 levels deep",
         "nested 100000 levels deep")
    case("deep_coordinates.geojson",
         fc(station(geometry={"type": "Point", "coordinates": json.loads("[" * 20 + "1" + "]" * 20)})), "stations",
         "coordinates nested too deeply", "coordinates nested too deeply")
    header = "id,name_zh,name_en,status,source,confidence,accuracy_m,county,{},{}\n"
    case("gbk.csv", (header.format("lon", "lat") + f"stn-yudu,于都站,Yudu,planned,\"{SRC}\",low,2000,yudu,115.41,25.95\n")
         .encode("gbk"), "stations", "field=name_zh: not UTF-8 text (it reads as GB18030/GBK)", "not a GeoJSON file")
    case("utf16.csv", (header.format("lon", "lat") + f"stn-yudu,于都站,Yudu,planned,\"{SRC}\",low,2000,yudu,115.41,"
                       "25.95\n").encode("utf-16"), "stations", "UTF-16 text", "not a GeoJSON file")
    case("no_coordinates.csv", header.format("east", "north") + f"stn-yudu,于都站,Yudu,planned,\"{SRC}\",low,2000,yudu,1,2\n",
         "stations", "no coordinate columns: name them lon and lat", "not a GeoJSON file")
    case("line_layer.csv", header.format("lng", "lat") + f"rail-x,某线,X,planned,\"{SRC}\",low,2000,yudu,115.4,25.9\n",
         "railways", "CSV can only hold points", "not a GeoJSON file")
    case("bad_numbers.csv", header.format("longitude", "latitude")
         + f"stn-yudu,于都站,Yudu,planned,\"{SRC}\",low,lots,yudu,115.41,north\n",
         "stations", "is not [lon, lat] numbers (CSV line 2)", "not a GeoJSON file")
    case("swapped.csv", header.format("x", "y") + f"stn-yudu,于都站,Yudu,planned,\"{SRC}\",low,2000,yudu,25.95,115.41\n",
         "stations", "look like [lat, lon]", "not a GeoJSON file")
    case("binary_garbage.bin", bytes(range(256)) * 4, "stations", "unrecognised file format", "not a GeoJSON file")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr(zipfile.ZipInfo("readme.txt", date_time=(2026, 1, 1, 0, 0, 0)), "no shapefile here")
    case("no_shapefile.zip", buf.getvalue(), "stations", "zip holds no .shp file", "not a GeoJSON file")
    case("broken.gpkg", b"SQLite format 3\x00" + b"\x00garbage" * 100, "stations", "GeoPackage",
         "not a GeoJSON file")
    (HERE / "cases.json").write_text(json.dumps(CASES, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(CASES)} cases written to {HERE}")


if __name__ == "__main__":
    main()
