"""Origins: counties, grid (population by area share), gateways and files (bad files → OriginsError)."""
from __future__ import annotations

import json

import numpy as np
import pytest

from network import origins_counties, origins_from_file, origins_gateways, origins_grid, parse_origins
from network.errors import OriginsError
from network.origins import ORIGIN_COLUMNS
from network_testutil import REAL, needs_real


def test_grid_population_sums_to_counties(mini):
    g = origins_grid(5, data_dir=mini)
    assert list(g.columns[:-1]) == list(ORIGIN_COLUMNS)
    sums = g.groupby("county")["population"].sum()
    assert sums["county-a"] == pytest.approx(1000) and sums["county-b"] == pytest.approx(2000)
    # 60 km × 60 km county of 5 km cells = 144 cells, equal shares
    assert (g["county"] == "county-a").sum() == 144
    assert g.loc[g["county"] == "county-a", "population"].nunique() == 1
    assert g["origin_id"].is_unique


def test_grid_cell_size_checked(mini):
    with pytest.raises(OriginsError, match="between 0.1 and 100"):
        origins_grid(0, data_dir=mini)


def test_counties_and_gateways(mini):
    c = origins_counties(data_dir=mini)
    assert set(c["origin_id"]) == {"county-a", "county-b"} and c["population"].sum() == 3000
    g = origins_gateways(data_dir=mini)
    assert list(g["origin_id"]) == ["gw-far"] and np.isnan(g["population"].iloc[0])


def test_csv_file(tmp_path, mini):
    p = tmp_path / "o.csv"
    p.write_text("name,lon,lat,population\nA,115.0,25.75,10\nB,115.5,25.75,\n", encoding="utf-8")
    o = origins_from_file(p, data_dir=mini)
    assert list(o["name"]) == ["A", "B"] and o["population"].iloc[0] == 10 and np.isnan(o["population"].iloc[1])
    assert o["county"].iloc[0] == "county-a"


def test_geojson_file(tmp_path, mini):
    p = tmp_path / "o.geojson"
    p.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"id": "x1", "name": "甲"}, "geometry": {"type": "Point", "coordinates": [115.0, 25.75]}}]}),
        encoding="utf-8")
    o = origins_from_file(p, data_dir=mini)
    assert list(o["origin_id"]) == ["x1"]


@pytest.mark.parametrize("content,match", [
    ("a,b\n1,2\n", "needs lon and lat"),
    ("lon,lat\nabc,25\n", "line 2: lon 'abc' is not a number"),
    ("lon,lat\n25.7,115.0\n", "swapped"),
    ("lon,lat\n115,25\n", None),
    ("", "empty"),
    ("lon,lat,population\n115,25,-3\n", "negative"),
    ("id,lon,lat\nx,115,25\nx,115.1,25\n", "duplicate"),
    ('{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}, "geometry": {"type": "LineString", "coordinates": [[115,25],[116,25]]}}]}', "Point"),
    ("{not json", "not valid JSON"),
])
def test_bad_files(tmp_path, mini, content, match):
    suffix = ".geojson" if content.startswith("{") else ".csv"
    p = tmp_path / f"o{suffix}"
    p.write_text(content, encoding="utf-8")
    if match is None:
        assert len(origins_from_file(p, data_dir=mini)) == 1
    else:
        with pytest.raises(OriginsError, match=match):
            origins_from_file(p, data_dir=mini)


def test_missing_and_binary_files(tmp_path, mini):
    with pytest.raises(OriginsError, match="not found"):
        origins_from_file(tmp_path / "nope.csv", data_dir=mini)
    p = tmp_path / "b.csv"
    p.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(OriginsError, match="UTF-8"):
        origins_from_file(p, data_dir=mini)


def test_parse_origins_specs(mini):
    assert len(parse_origins("grid:10", data_dir=mini)) > 0
    with pytest.raises(OriginsError, match="grid:KM"):
        parse_origins("grid:abc", data_dir=mini)
    with pytest.raises(OriginsError, match="unknown origins"):
        parse_origins("bogus", data_dir=mini)


def test_a_file_whose_name_starts_with_grid_is_a_file(tmp_path, monkeypatch, mini):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "grid_points.csv").write_text("id,lon,lat,population\np1,115.0,25.9,100\n", encoding="utf-8")
    o = parse_origins("grid_points.csv", data_dir=mini)
    assert list(o["origin_id"]) == ["p1"]                      # one point from the file, not a 1 km grid
    with pytest.raises(OriginsError, match="unknown origins 'gridx'"):
        parse_origins("gridx", data_dir=mini)


@needs_real
def test_one_origin_cap_for_grids_too():
    with pytest.raises(OriginsError, match=r"the limit is 2,000,000 origins \(here: cells of at least 0.15 km\)"):
        parse_origins("grid:0.11", data_dir=REAL)
