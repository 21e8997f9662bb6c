"""GeoJSON <-> frames: a layer's FeatureCollection as a GeoDataFrame and back, and its deterministic text.

Files are WGS84 (RFC 7946), UTF-8 with Chinese kept readable, features sorted by id, properties in
schema order, coordinates rounded to 6 decimals (~0.1 m), one property per line, so a review diff shows
exactly what changed. Polygon rings follow RFC 7946 §3.1.6: exterior rings counterclockwise, holes clockwise
(``orient_coordinates``; the orientation is taken after rounding, so the written ring is the oriented one).
"""
from __future__ import annotations

import json
import math
from collections.abc import Mapping
from typing import Any

import geopandas as gpd
from shapely.geometry import mapping, shape

from geo.schema import LayerSchema

COORD_DECIMALS = 6


def collection_frame(doc: Mapping[str, Any], schema: LayerSchema) -> gpd.GeoDataFrame:
    """Return a valid FeatureCollection as a GeoDataFrame (EPSG:4326, one column per schema field)."""
    rows = []
    geoms = []
    for feat in doc["features"]:
        props = feat["properties"]
        rows.append({f: props.get(f) for f in schema.field_names})
        geoms.append(shape(feat["geometry"]))
    gdf = gpd.GeoDataFrame(rows, geometry=geoms, crs="EPSG:4326", columns=list(schema.field_names))
    gdf.attrs["layer"] = schema.name
    return gdf


def round_coords(coords: Any) -> Any:
    """Round every position of a (nested) coordinates array to COORD_DECIMALS, keeping lon/lat only."""
    if isinstance(coords, (list, tuple)):
        if coords and not isinstance(coords[0], (list, tuple)):
            return [round(float(c), COORD_DECIMALS) for c in coords[:2]]
        return [round_coords(c) for c in coords]
    return coords


def ring_area(ring: Any) -> float:
    """Signed area of a closed lon/lat ring (shoelace, degrees²): > 0 counterclockwise, < 0 clockwise."""
    return 0.5 * sum(ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1] for i in range(len(ring) - 1))


def _oriented_polygon(rings: Any) -> list:
    """A polygon's rings with the exterior counterclockwise and every hole clockwise (a flat ring is kept)."""
    out = []
    for i, ring in enumerate(rings):
        area = ring_area(ring)
        wrong = area < 0 if i == 0 else area > 0
        out.append(list(reversed(ring)) if wrong else list(ring))
    return out


def orient_coordinates(gtype: str, coords: Any) -> Any:
    """Return the coordinates of a ``gtype`` geometry in RFC 7946 ring order (only polygons change)."""
    if gtype == "Polygon":
        return _oriented_polygon(coords)
    if gtype == "MultiPolygon":
        return [_oriented_polygon(p) for p in coords]
    return coords


def _clean(v: Any) -> Any:
    if isinstance(v, float) and math.isnan(v):
        return None
    if hasattr(v, "item") and not isinstance(v, (list, dict, str)):  # numpy scalars
        return _clean(v.item())
    if isinstance(v, tuple):
        return list(v)
    if hasattr(v, "tolist") and not isinstance(v, (str, bytes)):
        return v.tolist()
    return v


def _lists(coords: Any) -> Any:
    return [_lists(c) for c in coords] if isinstance(coords, (list, tuple)) else coords


def _geojson_geometry(geom: Any) -> dict[str, Any]:
    """shapely → GeoJSON dict with lists (``mapping`` gives tuples, which the validator rejects)."""
    m = mapping(geom)
    if "coordinates" in m:
        return {"type": m["type"], "coordinates": _lists(m["coordinates"])}
    return {"type": m["type"], "geometries": [_geojson_geometry(g) for g in geom.geoms]}


def to_collection(data: gpd.GeoDataFrame | Mapping[str, Any], schema: LayerSchema) -> dict[str, Any]:
    """Normalise a GeoDataFrame or a GeoJSON mapping into a plain FeatureCollection dict for ``schema``."""
    if isinstance(data, gpd.GeoDataFrame):
        gdf = data.to_crs("EPSG:4326") if data.crs is not None and not data.crs.equals("EPSG:4326") else data
        feats = []
        for _, row in gdf.iterrows():
            props = {}
            for fld in schema.fields:
                f = fld.name
                if f in row.index:
                    v = _clean(row[f])
                    # a whole-number column with gaps comes back from pandas as float64 (2600 → 2600.0)
                    if fld.type in ("int", "year") and isinstance(v, float) and v.is_integer():
                        v = int(v)
                    if v is not None:
                        props[f] = v
            for extra in row.index:
                if extra not in schema.field_names and extra != gdf.geometry.name:
                    v = _clean(row[extra])
                    if v is not None:
                        props[extra] = v  # kept so that validation reports it
            geom = row[gdf.geometry.name]
            feats.append({"type": "Feature", "properties": props,
                          "geometry": _geojson_geometry(geom) if geom is not None and not geom.is_empty else None})
        return {"type": "FeatureCollection", "features": feats}
    return dict(data)


def dumps_collection(doc: Mapping[str, Any], schema: LayerSchema) -> str:
    """Serialise a valid collection deterministically (see module docstring)."""
    order = {n: i for i, n in enumerate(schema.field_names)}
    feats = sorted(doc["features"], key=lambda f: f["properties"]["id"])
    parts = []
    for feat in feats:
        props = feat["properties"]
        keys = sorted((k for k in props if props[k] is not None), key=lambda k: (order.get(k, 10**6), k))
        prop_lines = ",\n".join(f"    {json.dumps(k, ensure_ascii=False)}: "
                                f"{json.dumps(props[k], ensure_ascii=False)}" for k in keys)
        gtype = feat["geometry"]["type"]
        geom = {"type": gtype, "coordinates": orient_coordinates(gtype, round_coords(feat["geometry"]["coordinates"]))}
        parts.append('  {"type": "Feature", "properties": {\n' + prop_lines + "\n  },\n  \"geometry\": "
                     + json.dumps(geom, ensure_ascii=False, separators=(",", ":")) + "}")
    header = (f'{{"type": "FeatureCollection", "name": {json.dumps(schema.name)}, '
              f'"crs_note": "WGS84 (EPSG:4326), lon/lat", "features": [\n')
    return header + ",\n".join(parts) + "\n]}\n"

