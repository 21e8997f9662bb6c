"""Imports that should work, and the rules around them: all-or-nothing, dry run, --replace, CRS
conversion, GCJ-02 suspicion, caps on size/depth/count, formats read by pyogrio, upload names."""
from __future__ import annotations

import json
import os
import zipfile

import geopandas as gpd
import pytest
from shapely.geometry import Point

import atlas_cli
from geo import importer, readers
from geo.crs import haversine_m, wgs84_to_gcj02
from geo.errors import AtlasError, LayerError
from geo.importer import import_features
from geo.history import list_versions
from geo.paths import layer_path
from geo.store import load_layer

SRC = "test fixture, not real data"


def station(fid, lon, lat, **extra):
    props = {"id": fid, "name_zh": "测试站", "name_en": "Test station", "status": "planned", "source": SRC,
             "confidence": "low", "accuracy_m": 2000, **extra}
    return {"type": "Feature", "properties": props, "geometry": {"type": "Point", "coordinates": [lon, lat]}}


def fc(*feats):
    return json.dumps({"type": "FeatureCollection", "features": list(feats)}, ensure_ascii=False).encode()


def test_geojson_import_adds_features_and_keeps_the_rest(store):
    before = load_layer("stations", data_dir=store)
    res = import_features(fc(station("stn-test-a", 115.41, 25.95)), "stations", data_dir=store)
    assert res.added == ["stn-test-a"] and res.replaced == [] and not res.dry_run
    after = load_layer("stations", data_dir=store)
    assert sorted(after["id"]) == sorted([*before["id"], "stn-test-a"])
    assert res.path == layer_path("stations", data_dir=store)
    assert len(list_versions("stations", data_dir=store)) == 1  # the previous file is kept


def test_dry_run_reports_and_writes_nothing(store, tree_hash):
    h = tree_hash(store)
    data = fc(station("stn-test-a", 115.41, 25.95), station("stn-xunwu", 115.633, 24.976))
    res = import_features(data, "stations", data_dir=store, dry_run=True, replace=True)
    assert res.added == ["stn-test-a"]
    assert res.replaced == ["stn-xunwu"]
    assert "would add 1: stn-test-a" in res.summary() and "nothing written" in res.summary()
    assert tree_hash(store) == h


def test_one_bad_feature_blocks_the_whole_import(store, tree_hash):
    h = tree_hash(store)
    data = fc(station("stn-good", 115.41, 25.95), station("stn-bad", 115.42, 25.96, status="done"),
              station("stn-far", 2.35, 48.85))
    with pytest.raises(LayerError) as exc:
        import_features(data, "stations", data_dir=store)
    reasons = [(p.index, p.feature_id, p.field) for p in exc.value.problems]
    assert (1, "stn-bad", "status") in reasons and (2, "stn-far", "geometry") in reasons
    assert "nothing was written" in str(exc.value)
    assert tree_hash(store) == h


def test_replace_updates_existing_id_and_is_undoable(store):
    old = load_layer("stations", data_dir=store).set_index("id").loc["stn-xunwu"]
    with pytest.raises(LayerError, match="re-run with --replace"):
        import_features(fc(station("stn-xunwu", 115.64, 24.98)), "stations", data_dir=store)
    res = import_features(fc(station("stn-xunwu", 115.64, 24.98)), "stations", data_dir=store, replace=True)
    assert res.replaced == ["stn-xunwu"] and res.added == []
    new = load_layer("stations", data_dir=store).set_index("id").loc["stn-xunwu"]
    assert new.geometry.x == pytest.approx(115.64) and new["name_zh"] == "测试站"
    from geo.store import restore_layer as restore
    restore("stations", "1", data_dir=store)
    back = load_layer("stations", data_dir=store).set_index("id").loc["stn-xunwu"]
    assert back["name_zh"] == old["name_zh"] and back.geometry.equals(old.geometry)


def test_replace_with_identical_feature_is_reported_unchanged(store):
    current = json.loads(layer_path("stations", data_dir=store).read_text(encoding="utf-8"))
    res = import_features(json.dumps(current, ensure_ascii=False).encode(), "stations", data_dir=store, replace=True)
    assert sorted(res.unchanged) == ["stn-ganzhou-west", "stn-xunwu"] and not res.replaced


def test_ids_unique_across_layers(store):
    with pytest.raises(LayerError, match="already used by a feature in layer heritage_sites"):
        import_features(fc(station("site-yeping", 116.067, 25.917)), "stations", data_dir=store, replace=True)


def test_import_into_layer_without_file_creates_it(store):
    line = {"type": "Feature", "properties": {
        "id": "rail-test", "name_zh": "测试线", "name_en": "Test line", "status": "planned", "source": SRC,
        "confidence": "low", "accuracy_m": "schematic", "rail_class": "hsr", "design_speed_kmh": 350, "tracks": 2,
        "station_ids": ["stn-ganzhou-west", "stn-xunwu"]},
        "geometry": {"type": "LineString", "coordinates": [[114.845, 25.8], [115.633, 24.976]]}}
    assert not layer_path("railways", data_dir=store).exists()
    res = import_features(fc(line), "railways", data_dir=store)
    assert res.added == ["rail-test"]
    assert load_layer("railways", data_dir=store)["station_ids"].iloc[0] == ["stn-ganzhou-west", "stn-xunwu"]


@pytest.mark.parametrize("lon_col,lat_col", [("lon", "lat"), ("lng", "lat"), ("Longitude", "Latitude"), ("x", "y")])
def test_csv_coordinate_column_names(store, lon_col, lat_col):
    text = (f"id,name_zh,name_en,status,source,confidence,accuracy_m,{lon_col},{lat_col},county\n"
            f'stn-csv,测试站,"Test, station",planned,"{SRC}",low,2000,115.41,25.95,yudu\n')
    res = import_features(text.encode(), "stations", data_dir=store, filename="new.csv")
    assert res.added == ["stn-csv"]
    row = load_layer("stations", data_dir=store).set_index("id").loc["stn-csv"]
    assert (row.geometry.x, row.geometry.y) == (115.41, 25.95)
    assert row["name_en"] == "Test, station" and row["accuracy_m"] == 2000


def test_csv_types_are_coerced_per_schema(store):
    text = ("id;name_zh;name_en;status;source;confidence;accuracy_m;county;national_key_batch;long_march_park;"
            "level;lat;lon\n"
            f"site-test;测试旧址;Test site;existing;{SRC};low;schematic;yudu;6;yes;national;25.9575;115.48694\n")
    import_features(text.encode(), "heritage_sites", data_dir=store)
    doc = json.loads(layer_path("heritage_sites", data_dir=store).read_text(encoding="utf-8"))
    (props,) = [f["properties"] for f in doc["features"] if f["properties"]["id"] == "site-test"]
    assert props["national_key_batch"] == 6 and props["long_march_park"] is True
    assert props["accuracy_m"] == "schematic" and props["level"] == "national"


def test_csv_errors_give_line_numbers(store):
    text = ("id,name_zh,name_en,status,source,confidence,accuracy_m,lon,lat\n"
            "stn-a,甲,A,planned,src,low,2000,115.4,25.9\n\n"
            "stn-b,乙,B,planned,src,low,2000,115.4,abc\n")
    with pytest.raises(LayerError) as exc:
        import_features(text.encode(), "stations", data_dir=store)
    (p,) = exc.value.problems
    assert p.index == 1 and p.feature_id == "stn-b" and p.reason.endswith("(CSV line 4)")


def test_gcj02_declared_is_converted(store):
    wlon, wlat = 115.41, 25.95
    glon, glat = wgs84_to_gcj02(wlon, wlat)
    import_features(fc(station("stn-g", glon, glat)), "stations", data_dir=store, crs="gcj02")
    g = load_layer("stations", data_dir=store).set_index("id").loc["stn-g"].geometry
    assert haversine_m(g.x, g.y, wlon, wlat) < 0.2  # 6-decimal rounding


def test_suspected_gcj02_offset_is_warned_not_silently_fixed(store):
    # the file gives the store's own stations in GCJ-02 but declares WGS84
    gx, gy = wgs84_to_gcj02(114.845, 25.8)
    hx, hy = wgs84_to_gcj02(115.633, 24.976)
    data = fc(station("stn-ganzhou-west", gx, gy, status="existing", opened="2019-12-26"), station("stn-xunwu", hx, hy))
    res = import_features(data, "stations", data_dir=store, replace=True, dry_run=True)
    (w,) = [w for w in res.warnings if "GCJ-02" in w.reason]
    assert "2 of 2 point(s)" in w.reason and "--crs gcj02" in w.reason
    # declared correctly: no warning, and the positions land back on the store's
    res = import_features(data, "stations", data_dir=store, replace=True, dry_run=True, crs="gcj02")
    assert not [w for w in res.warnings if "GCJ-02" in w.reason]


def test_gcj02_declared_but_already_wgs84_is_warned(store):
    data = fc(station("seat-dup", 115.48694, 25.9575, name_zh="于都县"))  # matches places/seat-yudu by name
    res = import_features(data, "stations", data_dir=store, crs="gcj02", dry_run=True)
    assert any("declared GCJ-02" in w.reason and "--crs wgs84" in w.reason for w in res.warnings)


def test_no_gcj02_warning_for_genuinely_different_points(store):
    res = import_features(fc(station("stn-other", 115.0, 25.5, name_zh="于都县")), "stations", data_dir=store,
                          dry_run=True)
    assert not res.warnings


def test_projected_crs_is_reprojected(store):
    from pyproj import Transformer

    x, y = Transformer.from_crs("EPSG:4326", "EPSG:4547", always_xy=True).transform(115.41, 25.95)
    import_features(fc(station("stn-proj", x, y)), "stations", data_dir=store, crs="EPSG:4547")
    g = load_layer("stations", data_dir=store).set_index("id").loc["stn-proj"].geometry
    assert haversine_m(g.x, g.y, 115.41, 25.95) < 0.2


@pytest.mark.parametrize("bad", ["bd09", "EPSG:99999999", "utm"])
def test_unknown_crs_is_a_clear_error(store, bad):
    with pytest.raises(AtlasError, match="CRS"):
        import_features(fc(station("stn-x", 115.41, 25.95)), "stations", data_dir=store, crs=bad)


def test_unknown_crs_on_the_command_line_is_a_usage_error(store, capsys, bad_dir):
    with pytest.raises(SystemExit) as exc:
        atlas_cli.main(["import", str(bad_dir / "not_json.geojson"), "--layer", "stations", "--crs", "bd09"])
    assert exc.value.code == 2
    assert "unknown CRS 'bd09'" in capsys.readouterr().err


def test_make_valid_repairs_and_reports(store, bad_dir):
    res = import_features(bad_dir / "self_intersecting.geojson", "counties", data_dir=store, make_valid=True)
    assert res.repaired == ["county-test"]
    assert any("make_valid" in w.reason for w in res.warnings)
    g = load_layer("counties", data_dir=store).geometry.iloc[0]
    assert g.is_valid and g.geom_type == "MultiPolygon" and len(g.geoms) == 2


def _gdf():
    return gpd.GeoDataFrame(
        {"id": ["stn-ogr"], "name_zh": ["测试站"], "name_en": ["OGR station"], "status": ["planned"],
         "source": [SRC], "confidence": ["low"], "accuracy_m": [2000]},
        geometry=[Point(115.41, 25.95)], crs="EPSG:4326")


def test_geopackage_import(store, tmp_path):
    path = tmp_path / "upload.gpkg"
    _gdf().to_crs("EPSG:4547").to_file(path, driver="GPKG", layer="stations")
    res = import_features(path.read_bytes(), "stations", data_dir=store, filename="whatever.gpkg")
    assert res.added == ["stn-ogr"]
    g = load_layer("stations", data_dir=store).set_index("id").loc["stn-ogr"].geometry
    assert haversine_m(g.x, g.y, 115.41, 25.95) < 0.2  # reprojected from the file's own CRS


def test_zipped_shapefile_import(store, tmp_path):
    shp = tmp_path / "shp"
    shp.mkdir()
    gdf = _gdf().rename(columns={"confidence": "confidence"})
    gdf.to_file(shp / "stations.shp", driver="ESRI Shapefile", encoding="UTF-8")
    zpath = tmp_path / "stations.zip"
    with zipfile.ZipFile(zpath, "w") as zf:
        for p in shp.iterdir():
            zf.write(p, f"folder/{p.name}")
    res = import_features(zpath, "stations", data_dir=store)
    assert res.added == ["stn-ogr"]
    assert load_layer("stations", data_dir=store).set_index("id").loc["stn-ogr", "name_zh"] == "测试站"


def test_upload_name_never_chooses_the_path(store, tmp_path, tree_hash):
    outside = tmp_path / "outside"
    outside.mkdir()
    name = "../../outside/stations.geojson"
    res = import_features(fc(station("stn-up", 115.41, 25.95)), "stations", data_dir=store, filename=name)
    assert res.path == layer_path("stations", data_dir=store)
    assert res.source == "stations.geojson"
    assert list(outside.iterdir()) == []
    with pytest.raises(AtlasError, match="unknown layer"):
        import_features(fc(station("stn-up2", 115.41, 25.95)), "../stations", data_dir=store)


# ---------------------------------------------------------------------------------------------- caps
def test_size_cap_is_checked_before_reading(store, tmp_path):
    big = tmp_path / "big.geojson"
    with open(big, "wb") as fh:  # sparse: 1 GB on paper, nothing on disk; reading it would take seconds
        fh.truncate(1 << 30)
    with pytest.raises(LayerError, match=r"file is 1073\.7 MB; the limit is 20 MB"):
        import_features(big, "stations", data_dir=store)
    with pytest.raises(LayerError, match="the limit is 20 MB"):
        import_features(b" " * (readers.MAX_IMPORT_BYTES + 1), "stations", data_dir=store)


def test_depth_cap_before_parsing(store):
    with pytest.raises(LayerError, match="nested 1000000 levels deep; the limit is 32"):
        import_features(b"[" * 1_000_000, "stations", data_dir=store)
    with pytest.raises(LayerError, match="nested 33 levels"):
        import_features(b'{"a":' * 33 + b"1" + b"}" * 33, "stations", data_dir=store)


def test_brackets_inside_strings_do_not_count_as_depth(store):
    deep_text = "[" * 500
    with pytest.raises(LayerError) as exc:
        import_features(fc(station("stn-s", 115.41, 25.95, notes=deep_text, status="nope")), "stations", data_dir=store)
    assert [p.field for p in exc.value.problems] == ["status"]


def test_feature_count_cap(store, monkeypatch):
    monkeypatch.setattr(readers, "MAX_FEATURES", 10)
    data = fc(*[station(f"stn-{i}", 115.41, 25.95) for i in range(11)])
    with pytest.raises(LayerError, match="11 features; the limit is 10"):
        import_features(data, "stations", data_dir=store)
    rows = "id,lon,lat\n" + "".join(f"s{i},115.4,25.9\n" for i in range(11))
    with pytest.raises(LayerError, match="more than 10 rows"):
        import_features(rows.encode(), "stations", data_dir=store)


def test_position_count_cap(store, monkeypatch):
    monkeypatch.setattr(readers, "MAX_POSITIONS", 100)
    line = {"type": "Feature", "properties": {"id": "rail-long"},
            "geometry": {"type": "LineString", "coordinates": [[115 + i / 1000, 25.9] for i in range(101)]}}
    with pytest.raises(LayerError, match="101 coordinate positions; the limit is 100"):
        import_features(fc(line), "railways", data_dir=store)


def test_zip_bomb_is_refused_before_unpacking(store, tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "MAX_UNZIPPED_BYTES", 1_000_000)
    z = tmp_path / "bomb.zip"
    with zipfile.ZipFile(z, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("a.shp", b"\0" * 2_000_000)
    assert os.path.getsize(z) < 10_000
    with pytest.raises(LayerError, match="zip unpacks to 2 MB"):
        import_features(z, "stations", data_dir=store)


def test_cli_import_success_output(store, capsys):
    path = store.parent / "new.geojson"
    path.write_bytes(fc(station("stn-cli", 115.41, 25.95)))
    assert atlas_cli.main(["import", str(path), "--layer", "stations", "--dry-run"]) == 0
    assert "would add 1: stn-cli" in capsys.readouterr().out
    assert atlas_cli.main(["import", str(path), "--layer", "stations"]) == 0
    assert "added 1: stn-cli" in capsys.readouterr().out
    assert atlas_cli.main(["import", str(path), "--layer", "stations"]) == 1
    assert "--replace" in capsys.readouterr().err


def test_layer_changed_during_import_is_a_conflict(store, monkeypatch):
    """Another editor saves between the import's read of the layer and its write: the import is refused."""
    real = importer._datum_check

    def meanwhile(*args, **kwargs):
        gdf = load_layer("stations", data_dir=store)
        gdf["notes"] = "edited by someone else"
        from geo.store import save_layer
        save_layer("stations", gdf, data_dir=store)
        return real(*args, **kwargs)

    monkeypatch.setattr(importer, "_datum_check", meanwhile)
    with pytest.raises(LayerError, match="conflict: layer stations was not saved"):
        import_features(fc(station("stn-race", 115.41, 25.95)), "stations", data_dir=store)
    after = load_layer("stations", data_dir=store)
    assert "stn-race" not in set(after["id"]) and (after["notes"] == "edited by someone else").all()


def test_geopackage_labelled_wgs84_but_traced_on_amap(store, tmp_path):
    glon, glat = wgs84_to_gcj02(115.41, 25.95)
    gdf = _gdf()
    gdf.geometry = [Point(glon, glat)]
    path = tmp_path / "amap.gpkg"
    gdf.to_file(path, driver="GPKG")
    import_features(path, "stations", data_dir=store, crs="gcj02")  # the user knows better than the label
    g = load_layer("stations", data_dir=store).set_index("id").loc["stn-ogr"].geometry
    assert haversine_m(g.x, g.y, 115.41, 25.95) < 0.2


def test_own_projected_crs_wins_over_crs_option_with_a_warning(store, tmp_path):
    path = tmp_path / "proj.gpkg"
    _gdf().to_crs("EPSG:4547").to_file(path, driver="GPKG")
    res = import_features(path, "stations", data_dir=store, crs="gcj02", dry_run=True)
    assert any("has its own CRS EPSG:4547" in w.reason for w in res.warnings)


def test_summary_of_a_big_import_stays_one_short_line(store):
    data = fc(*[station(f"stn-many-{i:03d}", 115.41, 25.95) for i in range(100)])
    line = import_features(data, "stations", data_dir=store, dry_run=True).summary()
    assert "would add 100: stn-many-000" in line and "… and 88 more" in line and len(line) < 600
