"""``atlas access --out FILE.tif``: the grid's measures as a GeoTIFF in EPSG:4547 (CRS, cell size, values)."""
from __future__ import annotations

import csv

import numpy as np
import pandas as pd
import pytest
import rasterio
import rasterio.warp

import atlas_cli
from network.errors import OriginsError
from network.raster import grid_bands


@pytest.fixture
def run(mini, monkeypatch, capsys):
    monkeypatch.setenv("ATLAS_DATA_DIR", str(mini))

    def go(*argv):
        code = atlas_cli.main([str(a) for a in argv])
        out = capsys.readouterr()
        return code, out.out, out.err
    return go


def test_geotiff_has_crs_cell_size_and_the_table_values(run, tmp_path):
    assert run("access", "--scenario", "plan-full", "--origins", "grid:2", "--out", tmp_path / "a.tif")[0] == 0
    assert run("access", "--scenario", "plan-full", "--origins", "grid:2", "--out", tmp_path / "a.csv")[0] == 0
    rows = list(csv.DictReader((tmp_path / "a.csv").open(encoding="utf-8")))
    with rasterio.open(tmp_path / "a.tif") as ds:
        assert ds.crs.to_epsg() == 4547
        assert ds.res == (2000.0, 2000.0)
        assert ds.descriptions[0] == "nearest_site_minutes" and "population" in ds.descriptions
        minutes, pop = ds.read(1), ds.read(ds.descriptions.index("population") + 1)
        xs, ys = rasterio.warp.transform("EPSG:4326", "EPSG:4547", [float(r["lon"]) for r in rows],
                                         [float(r["lat"]) for r in rows])
        for r, x, y in zip(rows, xs, ys):
            i, j = ds.index(x, y)
            want = float(r["nearest_site_minutes"]) if r["nearest_site_minutes"] else np.nan
            assert minutes[i, j] == pytest.approx(want, abs=0.06, nan_ok=True)
        # cells carry the county population spread evenly (the CSV rounds each cell to whole people)
        assert np.nansum(pop) == pytest.approx(1000 + 2000, rel=1e-5)
        assert np.isnan(minutes).sum() >= ds.width * ds.height - len(rows), "cells outside the counties are empty"


def test_geotiff_needs_grid_origins(run, tmp_path):
    code, _, err = run("access", "--scenario", "existing", "--origins", "counties", "--out", tmp_path / "a.tif")
    assert code == 1 and "grid origins" in err and not (tmp_path / "a.tif").exists()


def test_grid_bands_refuses_points_off_the_grid():
    with pytest.raises(OriginsError, match="regular"):
        grid_bands(pd.DataFrame({"x": [0.0, 1500.0], "y": [0.0, 0.0], "v": [1, 2]}), cell_km=1.0, columns=["v"])
    gb = grid_bands(pd.DataFrame({"x": [500.0, 2500.0], "y": [500.0, 1500.0], "v": [1, 2]}), cell_km=1.0,
                    columns=["v"])
    assert gb.bands[0].shape == (2, 3) and gb.bands[0][1, 0] == 1 and gb.bands[0][0, 2] == 2
    assert (gb.west, gb.north, gb.cell_m) == (0.0, 2000.0, 1000.0)
