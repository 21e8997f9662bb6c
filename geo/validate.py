"""Validate a GeoJSON FeatureCollection against a layer schema, collecting every problem."""
from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from typing import Any

from geo.errors import Problem
from geo.schema import CHINA_BBOX, SURROUNDINGS_BBOX, Field, LayerSchema

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_ID = re.compile(r"[a-z0-9][a-z0-9_.-]*")
MAX_ID_LENGTH = 100


def _short(value: Any, limit: int = 80) -> str:
    """repr() of ``value`` cut to ``limit`` characters: messages stay one short, printable line."""
    r = repr(value)
    return r if len(r) <= limit else r[:limit - 5] + "…" + r[-4:]


def _printable(text: str, limit: int = 80) -> str:
    """``text`` itself if it is a short plain line, else its escaped, shortened repr."""
    if len(text) <= limit and text.isprintable() and not _bad_unicode(text):
        return text
    return _short(text, limit)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _bad_unicode(text: str) -> bool:
    """True if ``text`` holds lone surrogates (undecodable bytes or bad escapes): it cannot be saved as UTF-8."""
    return _SURROGATE.search(text) is not None


def _finite(value: int | float) -> bool:
    """math.isfinite that also accepts integers too large for a float (they are not finite for us)."""
    try:
        return math.isfinite(value)
    except OverflowError:
        return False


def _in_bbox(lon: float, lat: float, bbox: tuple[float, float, float, float]) -> bool:
    return bbox[0] <= lon <= bbox[2] and bbox[1] <= lat <= bbox[3]


def _positions(coords: Any, depth: int = 0) -> Iterable[Any]:
    """Yield every position of a (nested) coordinates array; depth is capped against hostile input."""
    if depth > 6:
        raise ValueError("coordinates nested too deeply")
    if isinstance(coords, list) and coords and not isinstance(coords[0], list):
        yield coords
        return
    if isinstance(coords, list):
        for c in coords:
            yield from _positions(c, depth + 1)


def check_value(f: Field, value: Any) -> str | None:
    """Return why ``value`` is not valid for field ``f``, or None."""
    t = f.type
    if t == "str":
        if not isinstance(value, str):
            return f"expected text, got {type(value).__name__} {_short(value)}"
        if _bad_unicode(value):
            return f"not valid UTF-8/Unicode text ({_short(value)}); re-save the file as UTF-8"
        if f.required and not value.strip():
            return "must not be empty"
    elif t in ("int", "year"):
        if isinstance(value, bool) or not isinstance(value, int):
            return f"expected a whole number, got {type(value).__name__} {_short(value)}"
    elif t == "float":
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return f"expected a number, got {type(value).__name__} {_short(value)}"
        if not _finite(value):
            return f"expected a finite number, got {_short(value)}"
    elif t == "bool":
        if not isinstance(value, bool):
            return f"expected true/false, got {_short(value)}"
    elif t == "date":
        if not isinstance(value, str) or not _DATE.match(value):
            return f"expected a date YYYY, YYYY-MM or YYYY-MM-DD, got {_short(value)}"
    elif t == "list[str]":
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            return f"expected a list of ids, got {_short(value)}"
        if any(_bad_unicode(v) for v in value):
            return f"not valid UTF-8/Unicode text ({_short(value)}); re-save the file as UTF-8"
    elif t == "accuracy":
        if value == "schematic":
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not _finite(value) or value <= 0:
            return f"expected metres (> 0) or 'schematic', got {_short(value)}"
    if f.choices is not None and value not in f.choices:
        return f"unknown value {_short(value)}; allowed: {', '.join(f.choices)}"
    if f.minimum is not None and isinstance(value, (int, float)) and not isinstance(value, bool) and value < f.minimum:
        return f"{value!r} is below the minimum {f.minimum:g}"
    if f.maximum is not None and isinstance(value, (int, float)) and not isinstance(value, bool) and value > f.maximum:
        return f"{value!r} is above the maximum {f.maximum:g}"
    return None


def check_geometry(geom: Any, schema: LayerSchema, *, gateway: bool) -> list[tuple[str, str]]:
    """Return (field, reason) pairs for a raw GeoJSON geometry."""
    out: list[tuple[str, str]] = []
    if not isinstance(geom, Mapping):
        return [("geometry", "missing or empty geometry (null); every feature needs one")]
    gtype = geom.get("type")
    if gtype not in schema.geometry_types:
        return [("geometry", f"geometry type {_short(gtype, 40)} not allowed in layer {schema.name}; "
                             f"expected {' or '.join(schema.geometry_types)}")]
    coords = geom.get("coordinates")
    if not isinstance(coords, list) or not coords:
        return [("geometry", "empty coordinates")]
    try:
        positions = list(_positions(coords))
    except (ValueError, RecursionError) as exc:
        return [("geometry", str(exc))]
    bbox = CHINA_BBOX if gateway else SURROUNDINGS_BBOX
    swapped = outside = 0
    for pos in positions:
        if len(pos) < 2 or not all(isinstance(c, (int, float)) and not isinstance(c, bool) for c in pos[:2]):
            out.append(("geometry", f"position {_short(pos)} is not [lon, lat] numbers"))
            return out
        try:
            lon, lat = float(pos[0]), float(pos[1])
        except OverflowError:  # a 400-digit integer
            out.append(("geometry", f"coordinate {_short(pos)} out of range for WGS84 lon/lat"))
            return out
        if not (math.isfinite(lon) and math.isfinite(lat)):
            out.append(("geometry", f"non-finite coordinate {_short(pos)} (NaN or Infinity); "
                                    "every position needs two real numbers"))
            return out
        if not (-180 <= lon <= 180 and -90 <= lat <= 90):
            if _in_bbox(lat, lon, bbox):
                swapped += 1
            else:
                out.append(("geometry", f"coordinate {_short(pos)} out of range for WGS84 lon/lat "
                                        "(lon -180..180, lat -90..90); projected coordinates need "
                                        "--crs EPSG:n"))
                return out
        elif not _in_bbox(lon, lat, bbox):
            if _in_bbox(lat, lon, bbox):
                swapped += 1
            else:
                outside += 1
    if swapped:
        out.append(("geometry", f"{swapped} position(s) look like [lat, lon]: GeoJSON wants [lon, lat]; swap them"))
    elif outside:
        where = "China" if gateway else "Ganzhou's surroundings " + str(SURROUNDINGS_BBOX)
        hint = "" if gateway else "; mark features beyond it with scope: gateway"
        out.append(("geometry", f"{outside} position(s) outside {where}{hint}"))
    if gtype in ("LineString",) and len(coords) < 2:
        out.append(("geometry", "a line needs at least two positions"))
    if gtype == "MultiLineString" and any(not isinstance(p, list) or len(p) < 2 for p in coords):
        out.append(("geometry", "every part of a multi-line needs at least two positions"))
    if gtype in ("Polygon", "MultiPolygon") and not out:
        from shapely.geometry import shape
        from shapely.validation import explain_validity

        try:
            g = shape(geom)
        except Exception as exc:  # shapely raises several types for malformed rings
            out.append(("geometry", f"invalid polygon: {exc}"))
        else:
            if not g.is_valid:
                out.append(("geometry", f"invalid polygon ({explain_validity(g)}); repair it (shapely."
                                        "make_valid, or `atlas import --make-valid`) and check the result"))
    return out


def validate_collection(doc: Any, schema: LayerSchema, *, file: str) -> list[Problem]:
    """Check a parsed GeoJSON document against ``schema``; return every problem (empty when valid)."""
    if not isinstance(doc, Mapping) or doc.get("type") != "FeatureCollection":
        return [Problem(file, None, None, None, "not a GeoJSON FeatureCollection (top-level 'type' must be "
                                                "'FeatureCollection')")]
    features = doc.get("features")
    if not isinstance(features, list):
        return [Problem(file, None, None, "features", "'features' must be a list")]
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    known = set(schema.field_names)
    for i, feat in enumerate(features):
        if not isinstance(feat, Mapping) or feat.get("type") != "Feature":
            problems.append(Problem(file, i, None, None, "not a GeoJSON Feature (expected an object with "
                                                         "\"type\": \"Feature\", properties and geometry)"))
            continue
        props = feat.get("properties")
        if not isinstance(props, Mapping):
            problems.append(Problem(file, i, None, "properties", "missing 'properties' object"))
            continue
        raw_id = props["id"] if isinstance(props.get("id"), str) else None
        fid = _printable(raw_id) if raw_id is not None else None
        for f in schema.fields:
            if f.name not in props or props[f.name] is None:
                if f.required:
                    problems.append(Problem(file, i, fid, f.name, f"required field is missing; add it (fields of "
                                                                  f"layer {schema.name}: `atlas schema`)"))
                continue
            why = check_value(f, props[f.name])
            if why:
                problems.append(Problem(file, i, fid, f.name, why))
        for extra in sorted(set(props) - known, key=str):
            problems.append(Problem(file, i, fid, _printable(str(extra), 40), f"unknown field for layer {schema.name}; "
                                                         f"allowed: {', '.join(schema.field_names)}"))
        if raw_id is not None:
            if not _ID.fullmatch(raw_id) or len(raw_id) > MAX_ID_LENGTH:
                problems.append(Problem(file, i, fid, "id", f"id must be a lowercase slug of at most "
                                                            f"{MAX_ID_LENGTH} characters (a-z, 0-9, '-', '_', '.')"))
            if raw_id in seen:
                problems.append(Problem(file, i, fid, "id", f"duplicate id (also feature {seen[raw_id]}); "
                                                            "ids must be unique: rename one"))
            else:
                seen[raw_id] = i
        if props.get("status") == "existing" and "opened" not in props and schema.name not in (
                "counties", "places", "ports", "heritage_sites"):
            problems.append(Problem(file, i, fid, "opened", "existing features need an opening date "
                                                            "(YYYY, YYYY-MM or YYYY-MM-DD)"))
        gateway = props.get("scope") == "gateway"
        for field_name, why in check_geometry(feat.get("geometry"), schema, gateway=gateway):
            problems.append(Problem(file, i, fid, field_name, why))
    return problems
