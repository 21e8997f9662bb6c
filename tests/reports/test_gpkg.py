"""The GeoPackage export: every layer with the schema's types and a QGIS style, and a lossless round trip
through ``atlas import`` (export → import into an empty data folder → validate → the same bytes)."""
from __future__ import annotations

import shutil
import sqlite3
import xml.etree.ElementTree as ET
from pathlib import Path

import pyogrio
import pytest

from reports_testutil import MINI, REAL
from geo.commands import cross_layer_problems
from geo.importer import import_features
from geo.paths import layer_path
from geo.schema import LAYERS
from geo.store import validate_layer_file
from reports.gpkg import export_gpkg

RESULT_LAYERS = ("access_grid", "county_access", "visitor_sites", "visitor_clusters")


def _layers(path: Path) -> dict[str, str | None]:
    return {str(n): g for n, g in pyogrio.list_layers(path)}


def _styles(path: Path) -> dict[str, tuple]:
    with sqlite3.connect(path) as con:
        rows = con.execute("SELECT f_table_name, f_geometry_column, styleQML, useAsDefault FROM layer_styles").fetchall()
    return {r[0]: r[1:] for r in rows}


@pytest.fixture(scope="module")
def mini_gpkg(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("gpkg") / "atlas.gpkg"
    export_gpkg(out, data_dir=MINI)
    return out


def test_every_layer_and_the_styles_table(mini_gpkg):
    layers = _layers(mini_gpkg)
    present = {n for n in LAYERS if layer_path(n, data_dir=MINI).exists()}   # the mini data have no plan_items
    assert len(present) >= 11 and present | {"layer_styles"} == set(layers)
    # the geometry type the features really have (the mini counties are Polygons, the real ones MultiPolygons)
    assert layers["counties"] == "Polygon" and layers["railways"] == "LineString"
    styles = _styles(mini_gpkg)
    assert set(styles) == present
    for name, (geom_col, text, default) in styles.items():
        assert geom_col == "geom" and default == 1
        root = ET.fromstring(text.split("\n", 1)[1])
        assert root.tag == "qgis" and root.find("renderer-v2").get("type") == "RuleRenderer", name
    rail = ET.fromstring(styles["railways"][1].split("\n", 1)[1])
    hsr = [r for r in rail.iter("rule") if "'hsr'" in r.get("filter") and "'existing'" in r.get("filter")]
    symbol = rail.find(f"renderer-v2/symbols/symbol[@name='{hsr[0].get('symbol')}']")
    props = {o.get("name"): o.get("value") for o in symbol.iter("Option") if o.get("name")}
    assert props["line_color"].startswith("198,40,40") and props["use_custom_dash"] == "0"
    planned = [r for r in rail.iter("rule") if "'planned'" in r.get("filter")][0]
    symbol = rail.find(f"renderer-v2/symbols/symbol[@name='{planned.get('symbol')}']")
    assert {o.get("name"): o.get("value") for o in symbol.iter("Option")}["use_custom_dash"] == "1"


def test_fields_have_the_schema_types_and_layers_a_description(mini_gpkg):
    sites = pyogrio.read_info(mini_gpkg, layer="heritage_sites")
    types = dict(zip(sites["fields"], sites["dtypes"]))
    assert list(sites["fields"]) == list(LAYERS["heritage_sites"].field_names)
    assert types["national_key_batch"] == "int64" and types["long_march_park"] == "bool"
    assert types["name_zh"] == "object" and sites["crs"] == "EPSG:4326"
    rail = pyogrio.read_info(mini_gpkg, layer="railways")
    assert dict(zip(rail["fields"], rail["dtypes"]))["design_speed_kmh"] == "int64"
    with sqlite3.connect(mini_gpkg) as con:
        desc = dict(con.execute("SELECT table_name, description FROM gpkg_contents").fetchall())
    present = [n for n in LAYERS if layer_path(n, data_dir=MINI).exists()]
    assert all(desc[n] and LAYERS[n].title_en in desc[n] for n in present)


def test_round_trip_through_import_gives_identical_layers(mini_gpkg, tmp_path):
    empty = tmp_path / "empty"
    (empty / "layers").mkdir(parents=True)
    imported = []
    for name in LAYERS:
        original = MINI / "layers" / f"{name}.geojson"
        if not original.exists() or '"id"' not in original.read_text(encoding="utf-8"):
            continue  # an empty layer has nothing to import
        import_features(mini_gpkg, name, data_dir=empty)
        assert (empty / "layers" / f"{name}.geojson").read_bytes() == original.read_bytes(), name
        assert validate_layer_file(empty / "layers" / f"{name}.geojson", name) == []
        imported.append(name)
    assert len(imported) >= 9
    assert [p for p in cross_layer_problems(data_dir=empty) if p.severity == "error"] == []


def test_results_and_the_projected_crs(tmp_path):
    out = tmp_path / "results.gpkg"
    s = export_gpkg(out, data_dir=MINI, scenario="plan-full", with_results=True, crs="EPSG:4547")
    layers = _layers(out)
    assert set(RESULT_LAYERS) <= set(layers) and layers["access_grid"] == "Polygon"
    assert layers["visitor_clusters"] is None, "a table without geometry"
    info = pyogrio.read_info(out, layer="access_grid")
    assert info["crs"] == "EPSG:4547" and info["features"] == s.layers["access_grid"] > 100
    assert "nearest_site_minutes" in info["fields"]
    assert pyogrio.read_info(out, layer="railways")["crs"] == "EPSG:4547"
    assert {"access_grid", "county_access", "visitor_sites"} <= set(_styles(out))


def test_export_cli_and_its_mistakes(cli, tmp_path):
    out = tmp_path / "a.gpkg"
    code, stdout, err = cli("export", "--format", "gpkg", "--out", out)
    assert code == 0 and out.exists() and "QGIS styles" in stdout
    for argv, msg in ((["--format", "shp", "--out", out], "invalid choice"),
                      (["--out", tmp_path / "a.geojson"], ".gpkg"),
                      (["--crs", "EPSG:3857", "--out", out], "EPSG:4547")):
        code, _, err = cli("export", *argv)
        assert code == 2 and msg in err and "Traceback" not in err


@pytest.mark.slow
def test_real_layers_round_trip(tmp_path):
    out = tmp_path / "real.gpkg"
    export_gpkg(out, data_dir=REAL)
    empty = tmp_path / "empty"
    (empty / "layers").mkdir(parents=True)
    for name in LAYERS:
        import_features(out, name, data_dir=empty)
        assert (empty / "layers" / f"{name}.geojson").read_bytes() == (REAL / "layers" / f"{name}.geojson").read_bytes()
    shutil.rmtree(empty)
