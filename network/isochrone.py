"""Isochrones: areas from which a site is reached within T minutes, contoured from a grid (not hulls)."""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely

from geo.crs import PROJECTED_CRS
from geo.paths import DataVersion
from network.engine import get_engine
from network.origins import origins_grid
from network.params import Params
from network.routing import find_place
from network.scenario import Scenario


def isochrones(site: str, scenario: Scenario | str = "existing", *, minutes: Sequence[float] = (30, 60, 90, 120),
               cell_km: float = 1.0, data_dir: Path | None = None, params: Params | None = None,
               version: DataVersion | None = None) -> gpd.GeoDataFrame:
    """Return one (Multi)Polygon per threshold: the union of grid cells whose travel time to ``site`` ≤ T.

    Cells are the ``origins_grid(cell_km)`` cells (inside the counties); a cell's time is routed from its
    centre like any origin, so the polygons follow the network (corridors along expressways and around
    stations), not a convex hull. Columns: site_id, minutes, area_km2, cells, geometry (EPSG:4326).
    """
    eng = get_engine(scenario, data_dir=data_dir, params=params, version=version)
    sid = find_place(site, eng.data, layers=("heritage_sites",))
    grid = origins_grid(cell_km, data=eng.data)
    rows = []
    if sid in eng.graph.index:
        t = eng.cost_matrix(grid, [sid]).minutes[:, 0]
    else:
        t = np.full(len(grid), np.nan)
    h = cell_km * 500.0
    x, y = grid["x"].to_numpy(), grid["y"].to_numpy()
    for m in sorted(minutes):
        sel = np.isfinite(t) & (t <= m)
        if sel.any():
            boxes = shapely.box(x[sel] - h, y[sel] - h, x[sel] + h, y[sel] + h)
            geom = shapely.union_all(boxes, grid_size=1.0)
        else:
            geom = shapely.Polygon()
        rows.append({"site_id": sid, "minutes": float(m), "area_km2": float(geom.area) / 1e6,
                     "cells": int(sel.sum()), "geometry": geom})
    gdf = gpd.GeoDataFrame(rows, geometry="geometry", crs=PROJECTED_CRS).to_crs("EPSG:4326")
    gdf.attrs.update(scenario=eng.scenario.name, cell_km=cell_km)
    return gdf
