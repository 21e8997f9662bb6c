"""GeoTIFF output: one or more float bands on a north-up grid, written atomically (rasterio).

A result surface (minutes to the nearest site per grid cell …) drops into any GIS as a GeoTIFF, like
Conveyal's regional results: one band per measure, named by its band description, NaN where there is no
value (outside the study area, or unreachable).
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np
import rasterio
from rasterio.io import MemoryFile
from rasterio.transform import from_origin

from geo.fileio import atomic_write_bytes


def geotiff_bytes(bands: Sequence[np.ndarray], *, west: float, north: float, cell_m: float, crs: str,
                  names: Sequence[str], tags: Mapping[str, str] | None = None) -> bytes:
    """Return a deflate-compressed float32 GeoTIFF of ``bands`` (rows from north to south), NaN as nodata.

    ``west``/``north`` are the outer edges of the top-left cell in ``crs`` units (metres), ``cell_m`` the
    side of a square cell; ``names`` become the band descriptions, ``tags`` dataset metadata.
    """
    stack = np.asarray(np.stack(bands), dtype="float32")
    count, height, width = stack.shape
    profile = {"driver": "GTiff", "height": height, "width": width, "count": count, "dtype": "float32",
               "crs": rasterio.crs.CRS.from_string(crs), "transform": from_origin(west, north, cell_m, cell_m),
               "nodata": float("nan"), "compress": "deflate", "predictor": 3}
    with MemoryFile() as mem:
        with mem.open(**profile) as ds:
            ds.write(stack)
            for i, name in enumerate(names, start=1):
                ds.set_band_description(i, str(name))
            if tags:
                ds.update_tags(**{k: str(v) for k, v in tags.items()})
        return mem.read()


def write_geotiff(path: Path, bands: Sequence[np.ndarray], **kwargs) -> None:
    """Write ``geotiff_bytes(bands, **kwargs)`` to ``path`` atomically (temp file, fsync, rename)."""
    atomic_write_bytes(Path(path), geotiff_bytes(bands, **kwargs))
