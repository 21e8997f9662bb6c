"""Zipped Shapefiles: every layer survives export → zip → import (10-character names mapped back, lists read
back, texts kept), clashing names are read in the layer's order or refused as ambiguous, cut texts warned."""
from __future__ import annotations

import io
import tempfile
import warnings
import zipfile
from pathlib import Path

import geopandas as gpd
import pytest
from shapely.geometry import Point, shape

from geo.errors import LayerError
from geo.fileio import read_json
from geo.geojson import to_collection
from geo.importer import import_features
from geo.schema import LAYERS
from geo.shapefile import field_names, gdal_names, list_value
from geo.store import load_layer

REAL = Path(__file__).resolve().parents[2] / "data"
#: The fields whose names a Shapefile cuts (more than 10 characters), per the hardening issue.
LONG = ("long_march_park", "population_2010", "design_speed_kmh", "station_ids", "airport_kind", "from_airport",
        "block_minutes", "daily_flights")


def _zipped(gdf: gpd.GeoDataFrame, name: str) -> bytes:
    """The frame written by GDAL (as QGIS or ogr2ogr would) as a zipped Shapefile."""
    buf = io.BytesIO()
    with tempfile.TemporaryDirectory() as tmp, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # GDAL warns that it cuts the names: that is what is tested
        gdf.to_file(Path(tmp) / f"{name}.shp", driver="ESRI Shapefile", encoding="UTF-8")
        with zipfile.ZipFile(buf, "w") as zf:
            for f in sorted(Path(tmp).iterdir()):
                zf.write(f, f.name)
    return buf.getvalue()


def _short_texts(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Texts cut to 200 characters and stripped: a Shapefile holds 254 bytes of a text and drops trailing
    spaces (tested apart below), so the long citations of the real layers are shortened first."""
    out = gdf.copy()
    for c in out.columns:
        if c != "geometry" and out[c].map(lambda v: isinstance(v, str)).any():
            out[c] = out[c].map(lambda v: v[:60].strip() if isinstance(v, str) else v)
    return out


@pytest.mark.skipif(not (REAL / "layers" / "railways.geojson").exists(), reason="real layers not built")
@pytest.mark.parametrize("layer", list(LAYERS))
def test_every_layer_round_trips_through_a_zipped_shapefile(layer, tmp_path):
    gdf = _short_texts(load_layer(layer, data_dir=REAL))
    want = {f["properties"]["id"]: f for f in to_collection(gdf, LAYERS[layer])["features"]}
    store = tmp_path / "data"
    (store / "layers").mkdir(parents=True)
    # a Shapefile holds one kind of geometry: a layer of points and lines goes as one file per kind
    family = gdf.geometry.geom_type.str.replace("Multi", "")
    added = []
    for kind in sorted(set(family)):
        result = import_features(_zipped(gdf[family == kind], layer), layer, data_dir=store,
                                 filename=f"{layer}-{kind}.zip")
        assert not result.warnings
        added += result.added
    assert sorted(added) == sorted(want)
    got = {f["properties"]["id"]: f for f in read_json(store / "layers" / f"{layer}.geojson")["features"]}
    for fid, f in want.items():
        assert got[fid]["properties"] == f["properties"], fid
        a, b = shape(f["geometry"]), shape(got[fid]["geometry"])
        # a Shapefile record does not tell a one-part MultiPolygon from a Polygon: GDAL reads it as a Polygon
        assert a.geom_type.replace("Multi", "") == b.geom_type.replace("Multi", "") and a.equals(b), fid


def test_the_long_names_of_the_issue_map_back():
    for name in LONG:
        layer = next(s for s in LAYERS.values() if name in s.field_names)
        cut = gdal_names(layer.field_names)[layer.field_names.index(name)]
        assert len(cut) == 10 and cut != name
        mapping, problems = field_names(gdal_names(layer.field_names), layer)
        assert mapping[cut] == name and not problems


def test_gdal_renames_clashes_in_write_order():
    # worked by hand from GDAL's rule: 10 characters, then the first 8 and _1, _2 for clashes
    assert gdal_names(LAYERS["counties"].field_names)[-4:] == ["population", "populati_1", "populati_2", "seat_id"]
    assert gdal_names(["network_role", "network_role_inferred"]) == ["network_ro", "network__1"]


def test_clashing_names_in_the_layer_order_and_ambiguous_ones_refused():
    counties = LAYERS["counties"]
    mapping, problems = field_names(["id", "population", "populati_1", "populati_2"], counties)
    assert mapping == {"population": "population_2010", "populati_1": "population",
                       "populati_2": "population_note"} and not problems
    # two of the three: which two is unknowable
    mapping, problems = field_names(["id", "population", "populati_1"], counties)
    assert "population" not in mapping and len(problems) == 1
    assert "could be any of the fields population_2010, population, population_note" in problems[0]
    # one column named exactly like a field is that field
    mapping, problems = field_names(["population"], counties)
    assert mapping == {} and not problems
    # upper case (some tools write DBF names so) maps too
    assert field_names(["DESIGN_SPE", "ID"], LAYERS["railways"])[0] == {"DESIGN_SPE": "design_speed_kmh", "ID": "id"}


def test_ambiguous_shapefile_is_one_clear_error_and_nothing_written(store, tree_hash):
    counties = gpd.GeoDataFrame({"id": ["c-x"], "population_2010": [1], "population": [2]},
                                geometry=[Point(115, 25.8).buffer(0.1)], crs="EPSG:4326")
    before = tree_hash(store)
    with pytest.raises(LayerError) as exc:
        import_features(_zipped(counties, "counties"), "counties", data_dir=store, filename="c.zip")
    assert any("could be any of the fields" in p.reason for p in exc.value.problems)
    assert tree_hash(store) == before


def test_texts_a_shapefile_may_have_cut_are_warned(store):
    gdf = load_layer("stations", data_dir=store).iloc[:1].copy()
    gdf["id"] = ["st-long-note"]
    gdf["notes"] = ["长" * 84 + "ab"]  # 84 × 3 bytes + 2 = 254 bytes: the most a dBASE text holds
    result = import_features(_zipped(gdf, "stations"), "stations", data_dir=store, dry_run=True, filename="s.zip")
    assert [w.field for w in result.warnings] == ["notes"] and "254 bytes" in result.warnings[0].reason


@pytest.mark.parametrize("text,want", [
    ("['rs-a', 'rs-b']", ["rs-a", "rs-b"]),        # pandas/pyogrio writes a Python list
    ('["rs-a","rs-b"]', ["rs-a", "rs-b"]),          # JSON
    ("(2:rs-a,rs-b)", ["rs-a", "rs-b"]),            # GDAL's StringList as text
    ("(3:rs-a,rs-b)", None),                        # a count that does not match is not a list
    ("['a', __import__('os')]", None),              # never evaluated
    ("[1, 2]", [1, 2]),                             # a list, of the wrong type: the validator says so
])
def test_list_texts(text, want):
    assert list_value(text) == want
