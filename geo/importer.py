"""Import features into a layer from GeoJSON, CSV (point layers), GeoPackage or a zipped Shapefile.

``import_features`` is what ``atlas import`` and the app's upload call. It reads the whole file, reports
*every* problem at once (file, feature index, id, field, reason and how to fix it) and writes only if
there is none: the result is the existing layer plus the new features, saved through
``geo.store.save_layer`` (validated, atomic, conflict-checked, previous version kept in history).

Hostile input is bounded before it is parsed: file size, JSON nesting depth (scanned without recursion),
feature count and coordinate count all have caps, zip archives are checked for their unpacked size, and
an upload's file name is only a label — the declared layer alone chooses where anything is written.
"""
from __future__ import annotations

import json
import logging
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from geo.crs import gcj02_to_wgs84, haversine_m
from geo.errors import AtlasError, LayerError, Problem
from geo.fileio import bytes_hash, parse_json_bytes, read_capped
from geo.geojson import round_coords
from geo.paths import layer_path
from geo import readers
from geo.readers import (WGS84_NAMES, feature_props, geometries, is_num, iter_positions,
                         parse_source, point_xy, read_source, sniff, to_float)
from geo.schema import LAYERS, LayerSchema, get_schema
from geo.store import ABSENT, save_layer
from geo.validate import validate_collection

log = logging.getLogger(__name__)

CRS_CHOICES = ("wgs84", "gcj02", "cgcs2000", "EPSG:n")

#: GCJ-02 moves points ~600 m around Ganzhou. A file is suspected of the wrong datum when points matched
#: to existing features (same id or name) are farther than this as given …
_GCJ_FAR_M = 250.0
#: … but within this after the other conversion.
_GCJ_NEAR_M = 150.0


@dataclass
class ImportResult:
    """What an import did (or, for a dry run, would do)."""

    layer: str
    source: str
    dry_run: bool
    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    repaired: list[str] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    feature_count: int = 0  # features in the layer after the import
    path: Path | None = None  # the layer file written (None for a dry run)

    def summary(self) -> str:
        """One human line: what changed."""
        verb = ("would add", "would replace") if self.dry_run else ("added", "replaced")
        parts = []
        if self.added:
            parts.append(f"{verb[0]} {len(self.added)}: {_some(self.added)}")
        if self.replaced:
            parts.append(f"{verb[1]} {len(self.replaced)}: {_some(self.replaced)}")
        if self.unchanged:
            parts.append(f"{len(self.unchanged)} identical to the current version: {_some(self.unchanged)}")
        if not parts:
            parts.append("nothing to change")
        tail = (f"dry run, nothing written; the layer would have {self.feature_count} feature(s)"
                if self.dry_run else f"layer now has {self.feature_count} feature(s)")
        return f"{self.layer} from {self.source}: " + "; ".join(parts) + f" ({tail})"


def _some(ids: list[str], limit: int = 12) -> str:
    return ", ".join(ids[:limit]) + (f" … and {len(ids) - limit} more" if len(ids) > limit else "")


# --------------------------------------------------------------------------------------------- CRS
def parse_crs(spec: str | None) -> str:
    """Normalise a declared CRS: 'wgs84', 'gcj02', 'cgcs2000' or 'EPSG:n' (checked with pyproj)."""
    s = (spec or "wgs84").strip()
    low = s.lower().replace("-", "").replace("_", "")
    if low in ("wgs84", "epsg:4326", "4326", "crs84"):
        return "wgs84"
    if low in ("gcj02", "gcj", "amap", "gaode"):
        return "gcj02"
    if low in ("cgcs2000", "epsg:4490", "4490"):
        return "cgcs2000"
    m = re.fullmatch(r"epsg:(\d{4,6})", low)
    if m:
        from pyproj import CRS
        from pyproj.exceptions import CRSError

        try:
            CRS.from_epsg(int(m.group(1)))
        except CRSError:
            raise AtlasError(f"unknown CRS {s!r}: EPSG:{m.group(1)} is not in the EPSG database") from None
        return f"EPSG:{m.group(1)}"
    raise AtlasError(f"unknown CRS {s!r}; use one of {', '.join(CRS_CHOICES)} "
                     "(AMap/Gaode and Tencent maps give gcj02; GPS and OpenStreetMap give wgs84)")


def _converter(crs: str) -> Callable[[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]] | None:
    """Return a function (x, y) → (lon, lat) WGS84, or None when no change is needed."""
    if crs in ("wgs84", "cgcs2000"):  # CGCS2000 and WGS84 differ by a few centimetres
        return None
    if crs == "gcj02":
        return lambda x, y: gcj02_to_wgs84(x, y)
    from pyproj import Transformer

    tr = Transformer.from_crs(crs, "EPSG:4326", always_xy=True)
    return lambda x, y: tr.transform(x, y, errcheck=False)


# --------------------------------------------------------------------------------------------- helpers
# --------------------------------------------------------------------------------------------- checks
def _count_positions(doc: Mapping[str, Any]) -> int:
    return sum(1 for _, g in geometries(doc) for _ in iter_positions(g.get("coordinates")))


def _convert(doc: Mapping[str, Any], conv: Callable) -> None:
    positions = [p for _, g in geometries(doc) for p in iter_positions(g.get("coordinates"))]
    if not positions:
        return
    xy = np.array([[to_float(p[0]), to_float(p[1])] for p in positions])
    ok = np.isfinite(xy).all(axis=1)
    with np.errstate(all="ignore"):
        lon, lat = conv(xy[ok, 0], xy[ok, 1])
    lon, lat = np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)
    for p, x, y in zip((p for p, k in zip(positions, ok) if k), lon, lat):
        p[0], p[1] = float(x), float(y)
        del p[2:]  # heights are not kept


def _make_valid(doc: Mapping[str, Any], schema: LayerSchema) -> list[tuple[int, str | None, str]]:
    """Repair invalid polygons in place; return (index, id, what changed) for each repaired feature."""
    from shapely.geometry import MultiPolygon, Polygon, mapping, shape
    from shapely.validation import make_valid

    out = []
    for i, g in list(geometries(doc)):
        if g.get("type") not in ("Polygon", "MultiPolygon") or not set(schema.geometry_types) & {"Polygon", "MultiPolygon"}:
            continue
        try:
            geom = shape(g)
        except Exception:  # noqa: BLE001 - malformed rings are reported by the validator
            continue
        if geom.is_valid:
            continue
        fixed = make_valid(geom)
        polys = [p for p in getattr(fixed, "geoms", [fixed]) if isinstance(p, (Polygon, MultiPolygon))]
        parts = [q for p in polys for q in getattr(p, "geoms", [p])]
        if not parts:
            continue
        new = parts[0] if len(parts) == 1 and "Polygon" in schema.geometry_types else MultiPolygon(parts)
        if new.geom_type not in schema.geometry_types:
            continue
        feat = doc["features"][i]
        feat["geometry"] = json.loads(json.dumps(mapping(new)))
        fid = feature_props(feat).get("id")
        out.append((i, fid if isinstance(fid, str) else None,
                    f"{geom.geom_type} repaired with make_valid into a {new.geom_type} of {len(parts)} part(s); "
                    "check the result"))
    return out


@dataclass
class _StoreView:
    """What an import needs to know about the store, read once."""

    target: list[dict]  # features of the target layer now
    target_raw: bytes | None  # its bytes (None: no file yet), hashed for the conflict check
    owner: dict[str, str]  # id → layer, over every layer
    docs: dict[str, dict]  # every readable layer
    warnings: list[Problem]


def _read_store(data_dir: Path | None, layer: str) -> _StoreView:
    view = _StoreView([], None, {}, {}, [])
    for name in LAYERS:
        p = layer_path(name, data_dir=data_dir)
        if not p.exists():
            continue
        try:
            raw = read_capped(p)
            doc = parse_json_bytes(raw, str(p))
            feats = doc["features"]
            if not isinstance(feats, list):
                raise TypeError("features is not a list")
        except (LayerError, KeyError, TypeError) as exc:
            if name == layer:
                raise LayerError.for_file(str(p), "the current layer file cannot be read "
                                                  f"({exc.__class__.__name__}); fix it first: "
                                                  f"atlas validate {p}") from None
            view.warnings.append(Problem(str(p), None, None, None, "warning: could not check ids against this "
                                                                   "layer (it does not read as GeoJSON)", "warning"))
            continue
        view.docs[name] = doc
        if name == layer:
            view.target, view.target_raw = feats, raw
        for f in feats:
            fid = feature_props(f).get("id")
            if isinstance(fid, str):
                view.owner.setdefault(fid, name)
    return view


def _point_index(docs: Mapping[str, dict]) -> dict[str, list[tuple[float, float]]]:
    """Map ids and names of existing point features to their positions."""
    index: dict[str, list[tuple[float, float]]] = {}
    for doc in docs.values():
        for f in doc.get("features", []):
            g = f.get("geometry") if isinstance(f, Mapping) else None
            if not isinstance(g, Mapping) or g.get("type") != "Point":
                continue
            c = g.get("coordinates")
            if not (isinstance(c, list) and len(c) >= 2 and is_num(c[0]) and is_num(c[1])):
                continue
            props = f.get("properties")
            if not isinstance(props, Mapping):
                continue
            for key in ("id", "name_zh", "name_en"):
                v = props.get(key)
                if isinstance(v, str) and v.strip():
                    index.setdefault(f"{key}:{v.strip()}", []).append((to_float(c[0]), to_float(c[1])))
    return index


def _datum_check(doc: Mapping[str, Any], before: list[tuple[int, float, float]], crs: str,
                 index: Mapping[str, list], file: str) -> list[Problem]:
    """Warn when matched points sit ~600 m off as declared but close after the other GCJ-02 conversion."""
    if crs not in ("wgs84", "cgcs2000", "gcj02") or not index:
        return []
    hits, matched = [], 0
    for i, x, y in before:  # the positions as given in the file
        props = doc["features"][i].get("properties")
        if not isinstance(props, Mapping):
            continue
        refs = [pt for key in ("id", "name_zh", "name_en")
                if isinstance(props.get(key), str) for pt in index.get(f"{key}:{props[key].strip()}", [])]
        if not refs:
            continue
        matched += 1
        if crs == "gcj02":  # declared GCJ-02: compare the converted position with the file's own
            declared = doc["features"][i]["geometry"]["coordinates"][:2]
            alt = (x, y)
        else:
            declared = (x, y)
            alt = gcj02_to_wgs84(x, y)
        d_decl = min(float(haversine_m(declared[0], declared[1], rx, ry)) for rx, ry in refs)
        d_alt = min(float(haversine_m(alt[0], alt[1], rx, ry)) for rx, ry in refs)
        if d_alt < _GCJ_NEAR_M and d_decl > _GCJ_FAR_M and d_decl > 3 * d_alt:
            fid = props.get("id") if isinstance(props.get("id"), str) else f"feature {i}"
            hits.append((fid, d_decl, d_alt))
    if not hits or len(hits) * 2 < matched:
        return []
    eg = "; ".join(f"{fid}: {d:.0f} m as declared, {a:.0f} m after conversion" for fid, d, a in hits[:3])
    if crs == "gcj02":
        msg = (f"warning: declared GCJ-02, but {len(hits)} of {matched} point(s) matched by id/name to existing "
               f"features already fit them without conversion ({eg}); if the file is WGS84/GPS, re-run with "
               "--crs wgs84")
    else:
        msg = (f"warning: suspected GCJ-02 offset: {len(hits)} of {matched} point(s) matched by id/name to existing "
               f"features lie ~600 m off as WGS84 but close after gcj02_to_wgs84 ({eg}); if the coordinates come "
               "from AMap/Gaode or Tencent maps, re-run with --crs gcj02")
    return [Problem(file, None, None, "geometry", msg, "warning")]


# --------------------------------------------------------------------------------------------- main
def import_features(source: str | os.PathLike[str] | bytes, layer: str, *, crs: str | None = "wgs84",
                    dry_run: bool = False, replace: bool = False, make_valid: bool = False,
                    data_dir: Path | None = None, filename: str | None = None) -> ImportResult:
    """Add the features of a file to layer ``layer``; all or nothing.

    Parameters
    ----------
    source : path or bytes
        A GeoJSON, CSV (point layers; lon/lat columns), GeoPackage or zipped Shapefile. For an upload pass
        the bytes; ``filename`` is then only a label for messages (and a format hint), never a path.
    layer : str
        Target layer; it alone decides which file is written.
    crs : str
        Coordinates as given: 'wgs84' (default), 'gcj02' (AMap/Gaode, Tencent), 'cgcs2000' or 'EPSG:n'.
        GeoPackages and Shapefiles with a .prj use their own CRS.
    dry_run : bool
        Check everything and report what would change, but write nothing.
    replace : bool
        Let features whose id already exists in ``layer`` replace it (otherwise that is an error).
    make_valid : bool
        Repair invalid (e.g. self-intersecting) polygons with shapely's make_valid; each repair is reported.
    data_dir : Path
        Data folder (default ``geo.paths.default_data_dir()``).

    Returns
    -------
    ImportResult listing added/replaced ids and warnings.

    Raises
    ------
    LayerError listing every problem (nothing written); AtlasError for an unknown layer or CRS.
    """
    schema = get_schema(layer)
    result = ImportResult(layer=layer, source="", dry_run=dry_run)
    doc, problems, csv_lines, before, crs_name = _read_wgs84(source, filename, schema, crs, result,
                                                              make_valid=make_valid)
    store = _read_store(data_dir, layer)
    result.warnings.extend(store.warnings)
    current = {feature_props(f)["id"]: f for f in store.target if isinstance(feature_props(f).get("id"), str)}
    incoming = _check_ids(doc, layer, store, current, replace=replace, file=result.source, problems=problems)
    result.warnings.extend(_datum_check(doc, before, crs_name, _point_index(store.docs), result.source))
    _raise_errors(problems, csv_lines, result)
    merged = _merge(doc, incoming, current, result)
    if dry_run:
        return result
    out = {"type": "FeatureCollection", "features": list(merged.values())}
    expected = bytes_hash(store.target_raw) if store.target_raw is not None else ABSENT
    result.path = save_layer(layer, out, data_dir=data_dir, expected_hash=expected)
    return result


def _read_wgs84(source: str | os.PathLike[str] | bytes, filename: str | None, schema: LayerSchema,
                crs: str | None, result: ImportResult, *, make_valid: bool
                ) -> tuple[dict[str, Any], list[Problem], dict[int, int], list[tuple[int, float, float]], str]:
    """Read, cap, convert to WGS84, repair (if asked) and validate a file against ``schema``.

    Returns (FeatureCollection, problems, CSV line numbers, point positions as given, CRS used).
    """
    crs_name = parse_crs(crs)
    raw, file, filename = read_source(source, filename)
    result.source = file
    doc, problems, csv_lines, file_crs = parse_source(raw, file, filename, schema)
    _check_caps(doc, file)
    if file_crs is not None:
        crs_name = _reconcile_crs(file_crs, crs_name, file, reprojected=sniff(raw, filename) in ("gpkg", "zip"),
                                  problems=problems)
    before = [(i, *xy) for i, g in geometries(doc) if (xy := point_xy(g)) is not None]
    conv = _converter(crs_name)
    if conv is not None:
        _convert(doc, conv)
    if make_valid:
        for i, fid, what in _make_valid(doc, schema):
            result.repaired.append(fid or f"feature {i}")
            result.warnings.append(Problem(file, i, fid, "geometry", f"warning: {what}", "warning"))
    found = validate_collection(doc, schema, file=file)
    undecodable = {(p.index, p.field) for p in problems if p.reason.startswith("not UTF-8 text")}
    problems.extend(p for p in found if not ((p.index, p.field) in undecodable and "UTF-8" in p.reason))
    return doc, problems, csv_lines, before, crs_name


def _check_ids(doc: Mapping[str, Any], layer: str, store: _StoreView, current: Mapping[str, Any], *,
               replace: bool, file: str, problems: list[Problem]) -> list[tuple[int, str]]:
    """Return (index, id) of the features to write; ids taken by another layer (or by this one without
    ``replace``) are problems."""
    incoming: list[tuple[int, str]] = []
    for i, feat in enumerate(doc["features"]):
        fid = feature_props(feat).get("id")
        if not isinstance(fid, str):
            continue
        other = store.owner.get(fid)
        if other is not None and other != layer:
            problems.append(Problem(file, i, fid, "id", f"id already used by a feature in layer {other}; ids are "
                                                        "unique across all layers: choose another id"))
        elif fid in current and not replace:
            problems.append(Problem(file, i, fid, "id", f"id already exists in layer {layer}; to update that "
                                                        "feature, re-run with --replace"))
        else:
            incoming.append((i, fid))
    return incoming


def _raise_errors(problems: list[Problem], csv_lines: Mapping[int, int], result: ImportResult) -> None:
    """Move warnings into ``result``; raise one LayerError with every error (CSV line numbers added)."""
    if csv_lines:
        problems = [Problem(p.file, p.index, p.feature_id, p.field, f"{p.reason} (CSV line {csv_lines[p.index]})")
                    if p.index in csv_lines else p for p in problems]
    result.warnings.extend(p for p in problems if p.severity == "warning")
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise LayerError(errors + result.warnings,
                         summary=f"not imported: {len(errors)} problem(s) in {result.source}; nothing was written")


def _merge(doc: Mapping[str, Any], incoming: list[tuple[int, str]], current: Mapping[str, Any],
           result: ImportResult) -> dict[str, Any]:
    """Return the layer's features with the incoming ones added or replacing; record which in ``result``."""
    merged = dict(current)
    for i, fid in incoming:
        feat = doc["features"][i]
        new = {"type": "Feature", "properties": dict(feat["properties"]), "geometry": feat["geometry"]}
        if fid not in current:
            result.added.append(fid)
        elif _same_feature(current[fid], new):
            result.unchanged.append(fid)
        else:
            result.replaced.append(fid)
        merged[fid] = new
    result.feature_count = len(merged)
    return merged


def _check_caps(doc: Mapping[str, Any], file: str) -> None:
    n = len(doc["features"])
    if n > readers.MAX_FEATURES:
        raise LayerError.for_file(file, f"{n} features; the limit is {readers.MAX_FEATURES} per import: "
                                        "split the file")
    if n == 0:
        raise LayerError.for_file(file, "no features to import")
    n_pos = _count_positions(doc)
    if n_pos > readers.MAX_POSITIONS:
        raise LayerError.for_file(file, f"{n_pos} coordinate positions; the limit is "
                                        f"{readers.MAX_POSITIONS} per import: simplify or split the file")


def _is_wgs84_name(name: str) -> bool:
    n = name.upper().replace("URN:OGC:DEF:CRS:", "").replace("::", ":")
    return n in WGS84_NAMES or "CRS84" in n


def _reconcile_crs(file_crs: str, declared: str, file: str, *, reprojected: bool,
                   problems: list[Problem]) -> str:
    """Decide the CRS of coordinates whose file names one (a .prj, a GeoPackage, a legacy GeoJSON 'crs').

    A geographic WGS84/CGCS2000 label is taken at its word unless --crs gcj02 says the numbers are really
    GCJ-02 (common for data traced on AMap). Files in another CRS were reprojected by pyogrio already
    (GeoPackage, Shapefile); a GeoJSON naming another CRS must be imported with --crs.
    """
    if _is_wgs84_name(file_crs):
        return declared
    if reprojected:
        if declared != "wgs84":
            problems.append(Problem(file, None, None, "crs", f"warning: the file has its own CRS {file_crs}, used "
                                                             f"instead of --crs {declared}", "warning"))
        return "wgs84"
    if declared == "wgs84":
        code = re.search(r"EPSG:+(\d+)", file_crs, re.I)
        problems.append(Problem(file, None, None, "crs", f"the file names its CRS as {file_crs!r} but the import "
                                                         "assumes WGS84; re-run with --crs "
                                                         f"{'EPSG:' + code.group(1) if code else 'EPSG:n'}"))
    return declared


def _same_feature(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """Whether two features would be saved identically (6-decimal coordinates, no null properties)."""

    def norm(f):
        props = {k: v for k, v in feature_props(f).items() if v is not None}
        g = f.get("geometry") or {}
        return json.dumps([props, g.get("type"), round_coords(g.get("coordinates"))], sort_keys=True, default=str)

    return norm(a) == norm(b)
