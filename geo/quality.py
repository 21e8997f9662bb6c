"""Data-quality checks across layers: do lines pass their own stops, and do their lengths match the geometry?

Both are warnings (``atlas validate`` prints them; they do not make the data invalid):

* a line whose geometry passes farther than its ``accuracy_m`` from one of the stations or nodes it lists
  (schematic lines make no positional claim and are not checked);
* a ``length_km`` more than ``LENGTH_TOLERANCE`` off the geometry's length with no ``length_note`` saying why.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import shapely
from pyproj import Geod, Transformer
from shapely.geometry import shape

from geo.crs import PROJECTED_CRS
from geo.errors import Problem

LENGTH_TOLERANCE = 0.10
_STOP_FIELDS = {"railways": "station_ids", "expressways": "node_ids", "trunk_roads": "node_ids",
                "waterways": "node_ids"}
_TO_METRES = Transformer.from_crs("EPSG:4326", PROJECTED_CRS, always_xy=True)
_GEOD = Geod(ellps="WGS84")


def _points(docs: Mapping[str, Any]) -> dict[str, tuple[float, float]]:
    """Projected x, y of every point feature of the store (id -> metres)."""
    out = {}
    for doc in docs.values():
        for feat in doc.get("features", []) if isinstance(doc, Mapping) else []:
            g = feat.get("geometry") if isinstance(feat, Mapping) else None
            props = feat.get("properties") if isinstance(feat, Mapping) else None
            if isinstance(g, Mapping) and g.get("type") == "Point" and isinstance(props, Mapping):
                x, y = _TO_METRES.transform(*g["coordinates"][:2])
                out[props.get("id")] = (x, y)
    return out


def _line_problems(file: str, i: int, props: Mapping[str, Any], geom: Any, layer: str,
                   points: Mapping[str, tuple[float, float]]) -> list[Problem]:
    out = []
    fid = props.get("id")
    acc = props.get("accuracy_m")
    if isinstance(acc, (int, float)) and not isinstance(acc, bool):
        line_m = shapely.transform(geom, lambda c: np.column_stack(_TO_METRES.transform(c[:, 0], c[:, 1])))
        for ref in props.get(_STOP_FIELDS[layer]) or []:
            if ref in points:
                d = line_m.distance(shapely.Point(points[ref]))
                if d > acc:
                    out.append(Problem(file, i, fid, "geometry", f"passes {d:.0f} m from its stop {ref}, more than "
                                                                 f"its accuracy_m {acc:g}; move the line or the stop, "
                                                                 "or give an honest accuracy", "warning"))
    published = props.get("length_km")
    if isinstance(published, (int, float)) and published > 0 and not props.get("length_note"):
        km = _GEOD.geometry_length(geom) / 1000
        if abs(km / published - 1) > LENGTH_TOLERANCE:
            out.append(Problem(file, i, fid, "length_km", f"length_km {published:g} but the geometry measures "
                                                          f"{km:.1f} km ({km / published - 1:+.0%}); say why in "
                                                          "length_note or correct one of them", "warning"))
    return out


def alignment_problems(docs: Mapping[str, Any], files: Mapping[str, str]) -> list[Problem]:
    """Warnings for the line layers of a store (see the module docstring); ``docs`` as in store_problems."""
    points = _points(docs)
    out: list[Problem] = []
    for layer in _STOP_FIELDS:
        doc = docs.get(layer)
        for i, feat in enumerate(doc.get("features", []) if isinstance(doc, Mapping) else []):
            props, g = feat.get("properties"), feat.get("geometry")
            if not (isinstance(props, Mapping) and isinstance(g, Mapping)):
                continue
            try:
                geom = shape(g)
            except Exception:  # noqa: BLE001 - malformed geometry: the per-file check reports it
                continue
            out += _line_problems(files[layer], i, props, geom, layer, points)
    return out
