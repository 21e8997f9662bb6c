"""A grid of origins as raster bands: each cell of an access table on the regular EPSG:4547 grid it came from.

Grid origins (``network.origins.origins_grid``) are the centres of ``km`` × ``km`` cells in EPSG:4547;
``grid_bands`` puts columns of a table over those origins back on that grid (north-up, NaN where no cell
is in the study area) for ``geo.raster.write_geotiff``.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from geo.crs import PROJECTED_CRS
from network.errors import OriginsError


@dataclass
class GridBands:
    """Raster bands of a grid table: arrays (rows north → south), the grid's outer west/north edge, cell size."""

    bands: list[np.ndarray]
    names: list[str]
    west: float
    north: float
    cell_m: float
    crs: str = PROJECTED_CRS


def grid_bands(table: pd.DataFrame, *, cell_km: float, columns: Sequence[str]) -> GridBands:
    """Place ``columns`` of a table over grid origins (with cell-centre ``x``, ``y`` in EPSG:4547) on the grid.

    Booleans become 0/1; missing values NaN. Raises OriginsError when the points are not on one regular grid
    of ``cell_km`` cells (e.g. county or file origins).
    """
    if not len(table):
        raise OriginsError("no grid cells to write")
    step = float(cell_km) * 1000.0
    x, y = table["x"].to_numpy(float), table["y"].to_numpy(float)
    col_f, row_f = (x - x.min()) / step, (y.max() - y) / step
    col, row = np.round(col_f).astype(int), np.round(row_f).astype(int)
    if np.abs(col_f - col).max() > 1e-3 or np.abs(row_f - row).max() > 1e-3:
        raise OriginsError(f"the origins are not the centres of a regular {cell_km:g} km grid; a GeoTIFF needs "
                           "grid origins (--origins grid:KM)")
    shape = (int(row.max()) + 1, int(col.max()) + 1)
    bands = []
    for c in columns:
        grid = np.full(shape, np.nan, dtype=float)
        grid[row, col] = pd.to_numeric(table[c], errors="coerce").astype(float).to_numpy()
        bands.append(grid)
    return GridBands(bands, list(columns), float(x.min() - step / 2), float(y.max() + step / 2), step)
