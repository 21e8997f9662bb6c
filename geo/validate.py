"""Validate a GeoJSON FeatureCollection against a layer schema, collecting every problem."""
from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from shapely.geometry import shape
from shapely.validation import explain_validity

from geo.errors import Problem
from geo.schema import (CHINA_BBOX, DATE_YEARS, LAYERS, SURROUNDINGS_BBOX, UNDECLARED_NUMBER_LIMIT, Field,
                        LayerSchema, bound_text)

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_ID = re.compile(r"[a-z0-9][a-z0-9_.-]*")
MAX_ID_LENGTH = 100
#: Unknown properties named one by one per feature (the rest are counted), and problems collected per
#: collection before checking stops: a file of 900,000 unknown properties must not become 900,000 problems.
UNKNOWN_FIELDS_LISTED = 5
MAX_PROBLEMS = 10_000
#: layers whose existing features need no opening date (places, sites and cities are not "opened")
UNDATED_LAYERS = ("counties", "places", "ports", "heritage_sites", "markets")


def _short(value: Any, limit: int = 80) -> str:
    """repr() of ``value`` cut to ``limit`` characters: messages stay one short, printable line."""
    r = repr(value)
    return r if len(r) <= limit else r[:limit - 5] + "…" + r[-4:]


def _printable(text: str, limit: int = 80) -> str:
    """``text`` itself if it is a short plain line, else its escaped, shortened repr."""
    if len(text) <= limit and text.isprintable() and not bad_unicode(text):
        return text
    return _short(text, limit)


_SURROGATE = re.compile("[\ud800-\udfff]")


def bad_unicode(text: str) -> bool:
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


#: How deep each geometry type nests its positions (a position is depth 0: [lon, lat]).
_POSITION_DEPTH = {"Point": 0, "MultiPoint": 1, "LineString": 1, "MultiLineString": 2, "Polygon": 2,
                   "MultiPolygon": 3}
#: The fewest positions each part holds, at the level just above the positions.
_MIN_POSITIONS = {"LineString": 2, "MultiLineString": 2, "Polygon": 4, "MultiPolygon": 4}
_TOO_FEW = {"LineString": "a line needs at least two positions",
            "MultiLineString": "every part of a multi-line needs at least two positions",
            "Polygon": "a polygon ring needs at least four positions (the first repeated last)",
            "MultiPolygon": "a polygon ring needs at least four positions (the first repeated last)"}


def _is_number(c: Any) -> bool:
    return isinstance(c, (int, float)) and not isinstance(c, bool)


def geometry_positions(gtype: str, coords: Any) -> list[list]:
    """Return every position of ``coords`` nested exactly as ``gtype`` requires, else raise ValueError.

    A LineString ``[line, line]`` or a Point ``[[x, y]]`` (one level too deep) is refused here, before
    anything tries to read a list as a number.

    >>> geometry_positions("Point", [115.0, 25.8])
    [[115.0, 25.8]]
    >>> geometry_positions("LineString", [[[115, 25], [116, 26]]])
    Traceback (most recent call last):
    ValueError: LineString coordinates nested too deeply (1 level(s) more than [[lon, lat], ...])
    """
    want = _POSITION_DEPTH[gtype]
    out: list[list] = []

    def walk(node: Any, depth: int) -> None:
        if depth == want:
            if not (isinstance(node, list) and 2 <= len(node) <= 3 and all(_is_number(c) for c in node)):
                raise ValueError(f"position {_short(node)} is not [lon, lat] numbers")
            if len(node) == 3 and not _finite(node[2]):
                raise ValueError(f"position {_short(node)}: the height is not a finite number")
            out.append(node)
            return
        if not isinstance(node, list) or not node:
            raise ValueError(f"{gtype} coordinates: expected a non-empty list at depth {depth}, got {_short(node)}")
        if depth == want - 1 and gtype in _MIN_POSITIONS and len(node) < _MIN_POSITIONS[gtype]:
            raise ValueError(_TOO_FEW[gtype] + f" (got {len(node)})")
        for child in node:
            walk(child, depth + 1)

    if isinstance(coords, list) and coords and want > 0 and _is_number(coords[0]):
        raise ValueError(f"{gtype} coordinates are a single position; expected {_SHAPES[gtype]}")
    deepest = _depth(coords)
    if deepest > want + 1:
        raise ValueError(f"{gtype} coordinates nested too deeply ({deepest - want - 1} level(s) more than "
                         f"{_SHAPES[gtype]})")
    walk(coords, 0)
    return out


def lonlat_positions(gtype: str, coords: Any) -> list[tuple[float, float]]:
    """Return the (lon, lat) floats of ``coords`` nested as ``gtype`` requires, else raise ValueError.

    The one check of a raw geometry's shape and numbers for code that reads coordinates itself (sketches,
    origins): nesting by type, numbers only (no text, no true/false), finite, within float range. The
    extent is the caller's to check.

    >>> lonlat_positions("Point", [115, 25.5])
    [(115.0, 25.5)]
    >>> lonlat_positions("Point", [[115, 25.5]])
    Traceback (most recent call last):
    ValueError: Point coordinates nested too deeply (1 level(s) more than [lon, lat])
    """
    if gtype not in _POSITION_DEPTH:
        raise ValueError(f"unknown geometry type {_short(gtype, 40)}")
    out = []
    for pos in geometry_positions(gtype, coords):
        try:
            lon, lat = float(pos[0]), float(pos[1])
        except OverflowError:
            lon = lat = math.nan
        if not (math.isfinite(lon) and math.isfinite(lat)):
            raise ValueError(f"position {_short(pos)} is not finite WGS84 lon/lat numbers")
        out.append((lon, lat))
    return out


_SHAPES = {"Point": "[lon, lat]", "MultiPoint": "[[lon, lat], ...]", "LineString": "[[lon, lat], ...]",
           "MultiLineString": "[[[lon, lat], ...], ...]", "Polygon": "[[[lon, lat], ...]] (rings)",
           "MultiPolygon": "[[[[lon, lat], ...]]] (polygons of rings)"}


def _depth(node: Any, cap: int = 8) -> int:
    """Lists nested along the first element (a number counts 0): [1, 2] is 1, [[1, 2]] is 2."""
    d = 0
    while isinstance(node, list) and node and d < cap:
        node, d = node[0], d + 1
    return d


def check_value(f: Field, value: Any) -> str | None:
    """Return why ``value`` is not valid for field ``f``, or None.

    >>> from geo.schema import LAYERS
    >>> check_value(LAYERS["counties"].field("population"), 10**400)
    '100000000000… (401 digits) is above the maximum 10,000,000'
    """
    why = _type_problem(f, value)
    if why:
        return why
    if f.choices is not None and value not in f.choices:
        return f"unknown value {_short(value)}; allowed: {', '.join(f.choices)}"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        lo, hi = f.minimum, f.maximum
        if lo is None and hi is None:  # a field declared without a range still holds no absurd number
            lo, hi = -UNDECLARED_NUMBER_LIMIT, UNDECLARED_NUMBER_LIMIT
        if lo is not None and value < lo:
            return f"{_number(value)} is below the minimum {bound_text(lo)}"
        if hi is not None and value > hi:
            return f"{_number(value)} is above the maximum {bound_text(hi)}"
    return None


def _number(value: int | float) -> str:
    """A number for a message: a 400-digit integer is cut, not printed whole."""
    text = repr(value)
    return text if len(text) <= 24 else f"{text[:12]}… ({len(text)} digits)"


def _type_problem(f: Field, value: Any) -> str | None:
    """Why ``value`` is not of field ``f``'s type (text, whole number, finite number, date …), or None."""
    t = f.type
    if t == "str":
        if not isinstance(value, str):
            return f"expected text, got {type(value).__name__} {_short(value)}"
        if bad_unicode(value):
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
        return _date_problem(value)
    elif t == "list[str]":
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            return f"expected a list of ids, got {_short(value)}"
        if any(bad_unicode(v) for v in value):
            return f"not valid UTF-8/Unicode text ({_short(value)}); re-save the file as UTF-8"
    elif t == "accuracy":
        if value != "schematic" and (isinstance(value, bool) or not isinstance(value, (int, float))
                                     or not _finite(value) or value <= 0):
            return f"expected metres (> 0) or 'schematic', got {_short(value)}"
    return None


def _date_problem(value: Any) -> str | None:
    """Why ``value`` is not a date YYYY, YYYY-MM or YYYY-MM-DD of a real calendar day in DATE_YEARS, or None."""
    if not isinstance(value, str) or not _DATE.match(value):
        return f"expected a date YYYY, YYYY-MM or YYYY-MM-DD, got {_short(value)}"
    parts = [int(x) for x in value.split("-")]
    if not DATE_YEARS[0] <= parts[0] <= DATE_YEARS[1]:
        return f"year {parts[0]} is outside {DATE_YEARS[0]}–{DATE_YEARS[1]}"
    try:
        date(parts[0], *(parts[1:] + [1, 1])[:2])
    except ValueError:
        return f"{value!r} is not a calendar date"
    return None


def check_geometry(geom: Any, schema: LayerSchema, *, gateway: bool) -> list[tuple[str, str]]:
    """Return (field, reason) pairs for a raw GeoJSON geometry: type, nesting, numbers, extent, validity."""
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
        positions = geometry_positions(gtype, coords)
    except (ValueError, RecursionError) as exc:
        return [("geometry", str(exc))]
    out = _extent_problems(positions, CHINA_BBOX if gateway else SURROUNDINGS_BBOX, gateway=gateway)
    if gtype in ("Polygon", "MultiPolygon") and not out:
        out += _polygon_problems(geom)
    return out


def _extent_problems(positions: list[list], bbox: tuple[float, float, float, float], *,
                     gateway: bool) -> list[tuple[str, str]]:
    """Positions must be finite WGS84 lon/lat inside ``bbox``; [lat, lon] order is recognised and named."""
    swapped = outside = 0
    for pos in positions:
        try:
            lon, lat = float(pos[0]), float(pos[1])
        except OverflowError:  # a 400-digit integer
            return [("geometry", f"coordinate {_short(pos)} out of range for WGS84 lon/lat")]
        if not (math.isfinite(lon) and math.isfinite(lat)):
            return [("geometry", f"non-finite coordinate {_short(pos)} (NaN or Infinity); "
                                 "every position needs two real numbers")]
        if not (-180 <= lon <= 180 and -90 <= lat <= 90) and not _in_bbox(lat, lon, bbox):
            return [("geometry", f"coordinate {_short(pos)} out of range for WGS84 lon/lat "
                                 "(lon -180..180, lat -90..90); projected coordinates need --crs EPSG:n")]
        if not _in_bbox(lon, lat, bbox):
            if _in_bbox(lat, lon, bbox):
                swapped += 1
            else:
                outside += 1
    if swapped:
        return [("geometry", f"{swapped} position(s) look like [lat, lon]: GeoJSON wants [lon, lat]; swap them")]
    if outside:
        where = "China" if gateway else "Ganzhou's surroundings " + str(SURROUNDINGS_BBOX)
        hint = "" if gateway else "; mark features beyond it with scope: gateway"
        return [("geometry", f"{outside} position(s) outside {where}{hint}")]
    return []


def _polygon_problems(geom: Mapping[str, Any]) -> list[tuple[str, str]]:
    try:
        g = shape(geom)
    except Exception as exc:  # shapely raises several types for malformed rings
        return [("geometry", f"invalid polygon: {exc}")]
    if not g.is_valid:
        return [("geometry", f"invalid polygon ({explain_validity(g)}); repair it (shapely.make_valid, or "
                             "`atlas import --make-valid`) and check the result")]
    return []


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
        problems.extend(_unknown_fields(props, known, schema, file, i, fid))
        if raw_id is not None:
            if not _ID.fullmatch(raw_id) or len(raw_id) > MAX_ID_LENGTH:
                problems.append(Problem(file, i, fid, "id", f"id must be a lowercase slug of at most "
                                                            f"{MAX_ID_LENGTH} characters (a-z, 0-9, '-', '_', '.')"))
            if raw_id in seen:
                problems.append(Problem(file, i, fid, "id", f"duplicate id (also feature {seen[raw_id]}); "
                                                            "ids must be unique: rename one"))
            else:
                seen[raw_id] = i
        if props.get("status") == "existing" and "opened" not in props and schema.name not in UNDATED_LAYERS:
            problems.append(Problem(file, i, fid, "opened", "existing features need an opening date "
                                                            "(YYYY, YYYY-MM or YYYY-MM-DD)"))
        gateway = props.get("scope") == "gateway"
        for field_name, why in check_geometry(feat.get("geometry"), schema, gateway=gateway):
            problems.append(Problem(file, i, fid, field_name, why))
        if len(problems) >= MAX_PROBLEMS:
            problems.append(Problem(file, None, None, None, f"checking stopped after {len(problems)} problems "
                                                            f"(at feature {i} of {len(features)}); fix these first"))
            break
    return problems


def _unknown_fields(props: Mapping[str, Any], known: set[str], schema: LayerSchema, file: str, i: int,
                    fid: str | None) -> list[Problem]:
    """A problem per unknown property, the first ``UNKNOWN_FIELDS_LISTED`` of a feature by name, then a count."""
    extra = [k for k in props if k not in known]
    if not extra:
        return []
    allowed = f"allowed: {', '.join(schema.field_names)}"
    named = sorted(extra, key=str)[:UNKNOWN_FIELDS_LISTED] if len(extra) <= 10_000 else extra[:UNKNOWN_FIELDS_LISTED]
    out = [Problem(file, i, fid, _printable(str(k), 40), f"unknown field for layer {schema.name}; {allowed}")
           for k in named]
    if len(extra) > len(named):
        out.append(Problem(file, i, fid, None, f"{len(extra) - len(named)} more unknown field(s) for layer "
                                               f"{schema.name}; {allowed}"))
    return out


def store_problems(docs: Mapping[str, Any], files: Mapping[str, str]) -> list[Problem]:
    """Check a whole store at once: ids unique across layers, and every reference names an existing feature.

    ``docs`` maps layer name -> parsed FeatureCollection (layers that could not be read are left out);
    ``files`` maps layer name -> the file name used in messages. References are the schema fields with
    ``refs`` (railway ``station_ids``, road ``node_ids``, ``from_airport``/``to_place``, ``seat_id`` …);
    a reference into a layer that is absent from ``docs`` altogether is not checked.
    """
    owner: dict[str, str] = {}
    out: list[Problem] = []
    for name, doc in docs.items():
        for i, props in _feature_props(doc):
            fid = props.get("id")
            if isinstance(fid, str):
                if fid in owner and owner[fid] != name:
                    out.append(Problem(files[name], i, fid, "id", f"id also used in layer {owner[fid]}; ids are unique "
                                                                  "across layers: rename one"))
                owner.setdefault(fid, name)
    for name, doc in docs.items():
        schema = LAYERS.get(name)
        if schema is None:
            continue
        ref_fields = [f for f in schema.fields if set(f.refs) & set(docs)]  # a target layer absent: nothing to check
        for i, props in _feature_props(doc):
            fid = props.get("id") if isinstance(props.get("id"), str) else None
            for f in ref_fields:
                value = props.get(f.name)
                for ref in (value if isinstance(value, list) else [value] if isinstance(value, str) else []):
                    if not isinstance(ref, str) or owner.get(ref) in f.refs:
                        continue
                    where = f"a feature of layer {owner[ref]}" if ref in owner else "no feature"
                    out.append(Problem(files[name], i, fid, f.name, f"{_printable(ref, 60)} names {where}; "
                                                                    f"expected an id in {' or '.join(f.refs)}"))
    return out


def _feature_props(doc: Any) -> Iterable[tuple[int, Mapping[str, Any]]]:
    feats = doc.get("features") if isinstance(doc, Mapping) else None
    for i, feat in enumerate(feats if isinstance(feats, list) else []):
        props = feat.get("properties") if isinstance(feat, Mapping) else None
        if isinstance(props, Mapping):
            yield i, props
