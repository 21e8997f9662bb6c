"""Layers prepared for the engine: features by id, projected coordinates and line geometries.

Loading validates every layer once (geo.store.load_layer) and projects to EPSG:4547, where lengths are
measured. The result is cached per data version (geo.paths.data_version: a stamp of every input file), so
repeated scenario builds are cheap and an edited file is never served stale.
"""
from __future__ import annotations

import logging
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from pyproj import Geod, Transformer
from shapely.geometry import LineString
from shapely.ops import linemerge

from geo.crs import PROJECTED_CRS
from geo.errors import LayerError, Problem
from geo.schema import LAYERS, LINE_LAYERS, POINT_LAYERS
from geo.paths import DataVersion, data_version
from geo.store import load_layer
from network.errors import DataNotReadyError

log = logging.getLogger(__name__)

#: Layers the engine cannot work without; the others are treated as empty when their file is absent.
REQUIRED_LAYERS: tuple[str, ...] = ("places", "heritage_sites")

_TO_PROJECTED = Transformer.from_crs("EPSG:4326", PROJECTED_CRS, always_xy=True)
_TO_WGS84 = Transformer.from_crs(PROJECTED_CRS, "EPSG:4326", always_xy=True)
GEOD = Geod(ellps="WGS84")


def to_projected(lon, lat):
    """Project WGS84 lon/lat (arrays or scalars) to EPSG:4547 x/y metres."""
    return _TO_PROJECTED.transform(lon, lat)


def to_wgs84(x, y):
    """Unproject EPSG:4547 x/y metres to WGS84 lon/lat."""
    return _TO_WGS84.transform(x, y)


def single_line(geom_p) -> LineString:
    """Return one LineString for a (Multi)LineString; parts that do not join are chained in order."""
    if isinstance(geom_p, LineString):
        return geom_p
    merged = linemerge(geom_p)
    if isinstance(merged, LineString):
        return merged
    coords: list[tuple[float, float]] = []
    for part in geom_p.geoms:
        coords.extend(part.coords)
    return LineString(coords)


def project_line(geom) -> LineString:
    """Project a WGS84 (Multi)LineString to EPSG:4547 and return it as one LineString (see single_line)."""
    return single_line(shapely.transform(geom, lambda c: np.column_stack(to_projected(c[:, 0], c[:, 1]))))


@dataclass
class NetworkData:
    """All features of all layers, indexed for graph building (read-only once built)."""

    data_dir: Path
    layers: dict[str, Any]                       # layer name -> GeoDataFrame (EPSG:4326)
    features: dict[str, dict[str, Any]]          # id -> properties + 'layer'
    xy: dict[str, tuple[float, float]]           # point feature id -> EPSG:4547 x, y
    lonlat: dict[str, tuple[float, float]]       # point feature id -> lon, lat
    lines: dict[str, LineString]                 # line feature id -> single projected LineString
    lines_wgs84: dict[str, Any]                  # line feature id -> original geometry
    version: DataVersion | None = None
    missing_layers: tuple[str, ...] = ()
    overlay: str = ""                            # digest of a sketched proposal laid over the data, or ''
    _measure: dict[tuple[str, str], tuple[float, float]] = field(default_factory=dict, repr=False)

    @property
    def cache_key(self) -> tuple:
        """What every cache built on this data is keyed on: the data version (and the overlay, if any)."""
        return (self.version.engine_key if self.version else (str(self.data_dir),), self.overlay)

    def ids(self, layer: str) -> list[str]:
        """Return the ids of one layer's features, in file order."""
        return [fid for fid, f in self.features.items() if f["layer"] == layer]

    def name(self, fid: str) -> str:
        """Return a feature's name_zh (else name_en, else its id); unknown ids come back as they are."""
        f = self.features.get(fid)
        if not f:
            return fid
        return f.get("name_zh") or f.get("name_en") or fid

    def measure(self, line_id: str, point_id: str) -> tuple[float, float]:
        """Return (distance along line ``line_id`` in m, offset from the line in m) of point ``point_id``."""
        key = (line_id, point_id)
        if key not in self._measure:
            line = self.lines[line_id]
            pt = shapely.Point(self.xy[point_id])
            self._measure[key] = (float(line.project(pt)), float(line.distance(pt)))
        return self._measure[key]


_CACHE: dict[tuple, NetworkData] = {}


def load_network_data(data_dir: Path | str | None = None, *, version: DataVersion | None = None) -> NetworkData:
    """Load every layer under ``data_dir`` (default: the data folder) and index it; cached on the data version.

    ``version`` (``geo.paths.data_version``) is computed when not given; pass the one of the current request
    to avoid stamping the files again. Raises DataNotReadyError if a required layer (places,
    heritage_sites) is missing and LayerError if a layer is invalid. Absent optional layers are treated as
    empty and logged.
    """
    version = version or data_version(data_dir)
    base_p = Path(version.data_dir)
    key = version.engine_key
    if key in _CACHE:
        return _CACHE[key]
    missing = version.missing_layers()
    req_missing = [n for n in REQUIRED_LAYERS if n in missing]
    if req_missing:
        raise DataNotReadyError(f"{base_p / 'layers'}: required layer file(s) missing: "
                                f"{', '.join(n + '.geojson' for n in req_missing)}; build the dataset first")
    if missing:
        log.warning("layers absent, treated as empty: %s", ", ".join(missing))
    nd = NetworkData(base_p, {}, {}, {}, {}, {}, {}, version, missing)
    dupes: list[str] = []
    for name in LAYERS:
        if name not in missing:
            dupes += _index_layer(nd, name, load_layer(name, data_dir=base_p))
    if dupes:
        raise LayerError([Problem(str(base_p / "layers"), None, d.split(" ")[0], "id",
                                  f"id used in two layers: {d}; ids must be unique across layers")
                          for d in dupes])
    if len(_CACHE) >= 4:  # keep a few datasets (real data + test fixtures) in memory
        _CACHE.pop(next(iter(_CACHE)))
    _CACHE[key] = nd
    return nd


def _index_layer(nd: NetworkData, name: str, gdf: Any) -> list[str]:
    """Add one layer's features to ``nd`` (properties by id; projected points; projected single lines).

    Returns the ids already taken by another layer, as 'id (layer and layer)'.
    """
    nd.layers[name] = gdf
    recs = gdf[[c for c in gdf.columns if c != gdf.geometry.name]].to_dict("records")
    geoms = list(gdf.geometry)
    if name in POINT_LAYERS:
        lon = np.array([g.x for g in geoms], dtype=float)
        lat = np.array([g.y for g in geoms], dtype=float)
        px, py = to_projected(lon, lat)
    dupes = []
    for i, (rec, geom) in enumerate(zip(recs, geoms)):
        fid = rec["id"]
        if fid in nd.features:
            dupes.append(f"{fid} ({nd.features[fid]['layer']} and {name})")
        props = {k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in rec.items()}
        props["layer"] = name
        nd.features[fid] = props
        if name in POINT_LAYERS:
            nd.xy[fid] = (float(px[i]), float(py[i]))
            nd.lonlat[fid] = (float(lon[i]), float(lat[i]))
        elif name in LINE_LAYERS:
            nd.lines_wgs84[fid] = geom
            nd.lines[fid] = project_line(geom)
    return dupes


def geodesic_length_m(geom) -> float:
    """Return the geodesic length in metres of a WGS84 (Multi)LineString."""
    return float(GEOD.geometry_length(geom))
