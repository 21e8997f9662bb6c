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

import csv
import io
import json
import logging
import math
import os
import re
import tempfile
import unicodedata
import warnings
import zipfile
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from geo.crs import gcj02_to_wgs84, haversine_m
from geo.errors import AtlasError, LayerError, Problem
from geo.schema import LAYERS, POINT_LAYERS, LayerSchema, get_schema
from geo.store import (
    ABSENT,
    MAX_JSON_DEPTH,
    bytes_hash,
    json_nesting_depth,
    layer_path,
    not_utf8_reason,
    parse_json_bytes,
    read_capped,
    save_layer,
)
from geo.validate import _bad_unicode, validate_collection

log = logging.getLogger(__name__)

#: Caps on what one import may hold; a real layer is far smaller (counties: 0.4 MB, ~17,000 positions).
MAX_IMPORT_BYTES = 20_000_000
MAX_FEATURES = 20_000
MAX_POSITIONS = 1_000_000
#: Unpacked size cap for zipped Shapefiles (guards against zip bombs).
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024

#: Column names accepted for CSV coordinates (compared case-insensitively).
LON_COLUMNS = ("lon", "lng", "long", "longitude", "x")
LAT_COLUMNS = ("lat", "latitude", "y")

CRS_CHOICES = ("wgs84", "gcj02", "cgcs2000", "EPSG:n")

#: GCJ-02 moves points ~600 m around Ganzhou. A file is suspected of the wrong datum when points matched
#: to existing features (same id or name) are farther than this as given …
_GCJ_FAR_M = 250.0
#: … but within this after the other conversion.
_GCJ_NEAR_M = 150.0

_ZIP_MAGIC = b"PK\x03\x04"
_SQLITE_MAGIC = b"SQLite format 3\x00"
_WGS84_NAMES = {"EPSG:4326", "OGC:CRS84", "EPSG:4490", "EPSG:4610"}


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
def _is_num(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _iter_positions(coords: Any, depth: int = 0) -> Iterator[list]:
    """Yield the numeric [x, y, ...] lists of a coordinates array (malformed parts are skipped)."""
    if depth > 8 or not isinstance(coords, list):
        return
    if coords and _is_num(coords[0]):
        if len(coords) >= 2 and _is_num(coords[1]):
            yield coords
        return
    for c in coords:
        yield from _iter_positions(c, depth + 1)


def _props(feat: Any) -> Mapping[str, Any]:
    """The properties of a feature-like object, or {} when it has none (hostile input)."""
    props = feat.get("properties") if isinstance(feat, Mapping) else None
    return props if isinstance(props, Mapping) else {}


def _to_float(v: int | float) -> float:
    try:
        return float(v)
    except OverflowError:  # integers beyond float range count as non-finite
        return math.nan


def _point_xy(g: Mapping[str, Any]) -> tuple[float, float] | None:
    """(lon, lat) of a well-formed Point geometry with finite coordinates, else None."""
    c = g.get("coordinates")
    if g.get("type") != "Point" or not isinstance(c, list) or len(c) < 2 or not (_is_num(c[0]) and _is_num(c[1])):
        return None
    x, y = _to_float(c[0]), _to_float(c[1])
    return (x, y) if math.isfinite(x) and math.isfinite(y) else None


def _geometries(doc: Mapping[str, Any]) -> Iterator[tuple[int, Mapping[str, Any]]]:
    for i, feat in enumerate(doc["features"]):
        if isinstance(feat, Mapping) and isinstance(feat.get("geometry"), Mapping):
            yield i, feat["geometry"]


def _display_name(filename: str | None) -> str:
    """A safe label for an upload's name: base name only, control characters dropped, short."""
    if not filename:
        return "<upload>"
    base = re.split(r"[\\/]", str(filename))[-1]
    base = "".join(ch for ch in base if unicodedata.category(ch)[0] != "C")[:80]
    return base or "<upload>"


def _bad_text(s: str) -> bool:
    """True if ``s`` holds undecodable bytes (surrogateescape) or lone surrogates."""
    return _bad_unicode(s)


def _text_problems(doc: Mapping[str, Any], file: str, guess: str) -> list[Problem]:
    """Report, per feature and field, text that was not valid UTF-8 in the file."""
    out = []
    for i, feat in enumerate(doc.get("features") or []):
        props = feat.get("properties") if isinstance(feat, Mapping) else None
        if not isinstance(props, Mapping):
            continue
        fid = props.get("id") if isinstance(props.get("id"), str) and not _bad_text(props["id"]) else None
        for k, v in props.items():
            vals = v if isinstance(v, list) else [v]
            if _bad_text(str(k)) or any(isinstance(x, str) and _bad_text(x) for x in vals):
                out.append(Problem(file, i, fid, ascii(k)[1:-1] if _bad_text(str(k)) else str(k),
                                   f"not UTF-8 text{guess}; re-save the file as UTF-8"))
    return out


# --------------------------------------------------------------------------------------------- readers
def _sniff(raw: bytes, filename: str | None) -> str:
    if raw.startswith(_ZIP_MAGIC):
        return "zip"
    if raw.startswith(_SQLITE_MAGIC):
        return "gpkg"
    head = raw[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    ext = Path(filename).suffix.lower() if filename else ""
    if head[:1] in (b"{", b"[") or ext in (".geojson", ".json"):
        return "json"
    if ext == ".csv" or (b"\x00" not in head and any(d in head.split(b"\n", 1)[0] for d in (b",", b"\t", b";"))):
        return "csv"
    return "unknown"


def _read_geojson(raw: bytes, file: str) -> tuple[dict[str, Any], list[Problem], str | None]:
    """Parse GeoJSON; return (FeatureCollection, problems found while reading, CRS named in the file)."""
    lossy = False
    try:
        doc = parse_json_bytes(raw, file, allow_constants=True)
        guess = ""
    except LayerError as exc:
        if not any(p.reason.startswith("not UTF-8") for p in exc.problems):
            raise
        # decode what we can so that the bad bytes are reported per feature and field
        guess = " (it reads as GB18030/GBK)" if "GB18030" in exc.problems[0].reason else ""
        try:
            doc = json.loads(raw.decode("utf-8-sig", errors="surrogateescape"), parse_constant=float)
            lossy = True
        except ValueError:
            raise exc from None
    if isinstance(doc, list):
        raise LayerError.for_file(file, "a JSON array, not GeoJSON: expected an object "
                                        '{"type": "FeatureCollection", "features": [...]}')
    if not isinstance(doc, dict):
        raise LayerError.for_file(file, f"not GeoJSON: the file holds a JSON "
                                        f"{type(doc).__name__}, expected a FeatureCollection")
    gtype = doc.get("type")
    if gtype == "Feature":
        doc = {"type": "FeatureCollection", "features": [doc]}
    elif gtype in ("Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon",
                   "GeometryCollection"):
        raise LayerError.for_file(file, f"a bare {gtype} geometry has no properties; wrap it "
                                        "in a Feature with id, name_zh, name_en, status, source, "
                                        "confidence and accuracy_m")
    elif gtype != "FeatureCollection":
        raise LayerError.for_file(file, "not GeoJSON: top-level 'type' must be "
                                        f"'FeatureCollection' (got {str(gtype)[:40]!r})")
    feats = doc.get("features")
    if not isinstance(feats, list):
        raise LayerError([Problem(file, None, None, "features", "'features' must be a list of Feature objects")])
    for feat in feats:  # RFC 7946 lets the id sit beside the properties; the layer wants it inside
        if isinstance(feat, dict) and isinstance(feat.get("properties"), dict) and "id" not in feat["properties"] \
                and isinstance(feat.get("id"), str):
            feat["properties"]["id"] = feat["id"]
    problems = _text_problems(doc, file, guess) if lossy else []
    named = None
    crs = doc.get("crs")
    if isinstance(crs, Mapping) and isinstance(crs.get("properties"), Mapping):
        named = str(crs["properties"].get("name", ""))[:80] or None
    return {"type": "FeatureCollection", "features": feats}, problems, named


def _coerce(text: str, ftype: str) -> Any:
    """Turn a CSV/attribute-table cell into the field's type where it clearly is one; else keep the text
    (the validator then says what was expected)."""
    t = text.strip()
    if ftype in ("int", "year"):
        return int(t) if re.fullmatch(r"[+-]?\d{1,15}", t) else text
    if ftype in ("float", "accuracy"):
        if ftype == "accuracy" and t == "schematic":
            return t
        try:
            v = float(t)
        except ValueError:
            return text
        return int(v) if ftype == "accuracy" and v.is_integer() and "." not in t else v
    if ftype == "bool":
        low = t.lower()
        return {"true": True, "yes": True, "1": True, "false": False, "no": False, "0": False}.get(low, text)
    if ftype == "list[str]":
        if t.startswith("["):
            try:
                v = json.loads(t)
                return v if isinstance(v, list) else text
            except ValueError:
                return text
        return [p.strip() for p in re.split(r"[;|]", t) if p.strip()]
    return text


def _read_csv(raw: bytes, file: str, schema: LayerSchema) -> tuple[dict[str, Any], list[Problem], dict[int, int]]:
    """Parse a CSV of points; return (FeatureCollection, problems, feature index → CSV line number)."""
    if schema.name not in POINT_LAYERS:
        raise LayerError.for_file(file, f"CSV can only hold points; layer {schema.name} takes "
                                        f"{' or '.join(schema.geometry_types)}: import GeoJSON, "
                                        "a GeoPackage or a zipped Shapefile instead")
    try:
        text = raw.decode("utf-8-sig")
        guess = None
    except UnicodeDecodeError as exc:
        guess = " (it reads as GB18030/GBK)" if "GB18030" in not_utf8_reason(raw, exc) else ""
        text = raw.decode("utf-8-sig", errors="surrogateescape")
    first = text.split("\n", 1)[0]
    delim = max((",", "\t", ";"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim)
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        raise LayerError.for_file(file, "empty CSV: expected a header row with lon and lat "
                                        "columns and the layer's fields") from None
    except csv.Error as exc:
        raise LayerError.for_file(file, f"unreadable CSV header: {exc}") from None
    lower = [h.lower() for h in header]
    dupes = sorted({h for h in lower if lower.count(h) > 1})
    if dupes:
        raise LayerError.for_file(file, f"duplicate column(s) {', '.join(map(repr, dupes))}; "
                                        "each column name must appear once")
    lon_col = next((lower.index(c) for c in LON_COLUMNS if c in lower), None)
    lat_col = next((lower.index(c) for c in LAT_COLUMNS if c in lower), None)
    if lon_col is None or lat_col is None:
        raise LayerError.for_file(file, "no coordinate columns: name them lon and lat "
                                        "(lng/longitude/x and latitude/y are accepted too); "
                                        f"columns found: {', '.join(map(repr, header))[:200]}")
    types = {f.name: f.type for f in schema.fields}
    feats: list[dict[str, Any]] = []
    lines: dict[int, int] = {}
    problems: list[Problem] = []
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append(Problem(file, None, None, None, f"CSV line {reader.line_num}: {exc}"))
            break
        if not any(c.strip() for c in row):
            continue
        i = len(feats)
        if i >= MAX_FEATURES:
            raise LayerError.for_file(file, f"more than {MAX_FEATURES} rows; the limit is "
                                            f"{MAX_FEATURES} features per import: split the file")
        lines[i] = reader.line_num
        props: dict[str, Any] = {}
        for j, cell in enumerate(row[:len(header)]):
            if j in (lon_col, lat_col) or cell.strip() == "":
                continue
            props[header[j]] = _coerce(cell, types.get(header[j], "str"))
        pos = []
        for j in (lon_col, lat_col):
            cell = row[j].strip() if j < len(row) else ""
            try:
                pos.append(float(cell))
            except ValueError:
                pos.append(cell)
        feats.append({"type": "Feature", "properties": props, "geometry": {"type": "Point", "coordinates": pos}})
        if len(row) != len(header):
            fid = props.get("id") if isinstance(props.get("id"), str) else None
            problems.append(Problem(file, i, fid, None, f"row has {len(row)} cells but the header has "
                                                        f"{len(header)}; check quoting of commas in text"))
    doc = {"type": "FeatureCollection", "features": feats}
    if guess is not None:
        problems.extend(_text_problems(doc, file, guess))
    return doc, problems, lines


def _read_ogr(raw: bytes, kind: str, file: str, schema: LayerSchema) -> tuple[dict[str, Any], str | None]:
    """Read a GeoPackage or zipped Shapefile with pyogrio; return (FeatureCollection, CRS of the file)."""
    import pyogrio
    from pyogrio.errors import DataSourceError, DataLayerError

    from geo.store import to_collection

    with tempfile.TemporaryDirectory(prefix="atlas-import-") as tmp, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # GDAL's warnings about broken files become our one clear message
        # our own file name: the upload's name never chooses a path
        local = Path(tmp) / ("upload.gpkg" if kind == "gpkg" else "upload.zip")
        local.write_bytes(raw)
        if kind == "zip":
            try:
                with zipfile.ZipFile(local) as zf:
                    infos = zf.infolist()
            except (zipfile.BadZipFile, OSError, ValueError) as exc:
                raise LayerError.for_file(file, f"not a readable zip archive: {exc}") from None
            unpacked = sum(i.file_size for i in infos)
            if unpacked > MAX_UNZIPPED_BYTES or len(infos) > 1000:
                raise LayerError.for_file(file, f"zip unpacks to {unpacked / 1e6:.0f} MB in "
                                                f"{len(infos)} entries; the limit is "
                                                f"{MAX_UNZIPPED_BYTES / 1e6:.0f} MB")
            shps = [i.filename for i in infos if i.filename.lower().endswith(".shp") and not i.is_dir()]
            if len(shps) != 1:
                what = "no .shp file" if not shps else f"{len(shps)} .shp files ({', '.join(shps[:5])})"
                raise LayerError.for_file(file, f"zip holds {what}; a zipped Shapefile must "
                                                "hold exactly one (.shp with its .shx, .dbf, .prj)")
            src = f"/vsizip/{local}/{shps[0]}"
            layer_name = None
        else:
            src = str(local)
            try:
                names = [str(n) for n in pyogrio.list_layers(src)[:, 0]]
            except (DataSourceError, DataLayerError, OSError) as exc:
                raise LayerError.for_file(file, f"not a readable GeoPackage: {exc}") from None
            if schema.name in names:
                layer_name = schema.name
            elif len(names) == 1:
                layer_name = names[0]
            else:
                raise LayerError.for_file(file, f"the GeoPackage holds {len(names)} layers "
                                                f"({', '.join(names[:10])}); name the one to import "
                                                f"{schema.name!r}")
        try:
            info = pyogrio.read_info(src, layer=layer_name)
            if info["features"] > MAX_FEATURES:
                raise LayerError.for_file(file, f"{info['features']} features; the limit is "
                                                f"{MAX_FEATURES} per import: split the file")
            gdf = pyogrio.read_dataframe(src, layer=layer_name)
        except LayerError:
            raise
        except Exception as exc:  # GDAL reports many kinds of broken files; all are the user's to fix
            raise LayerError.for_file(file, f"cannot read the {kind_label(kind)}: "
                                            f"{str(exc)[:200]}") from None
    file_crs = None
    if gdf.crs is not None:
        epsg = gdf.crs.to_epsg()
        file_crs = f"EPSG:{epsg}" if epsg else gdf.crs.to_string()[:80]
        if file_crs not in _WGS84_NAMES:
            gdf = gdf.to_crs("EPSG:4326")
    gdf = gdf.set_crs(None, allow_override=True)
    doc = to_collection(gdf, schema)
    types = {f.name: f.type for f in schema.fields}
    for feat in doc["features"]:
        props = feat["properties"]
        for k, v in list(props.items()):
            if isinstance(v, str) and types.get(k, "str") not in ("str", "date"):
                props[k] = _coerce(v, types[k])
        g = feat.get("geometry")
        if g and g.get("type") == "MultiPoint" and len(g["coordinates"]) == 1 and "Point" in schema.geometry_types:
            feat["geometry"] = {"type": "Point", "coordinates": list(g["coordinates"][0])}
        elif g:
            feat["geometry"] = json.loads(json.dumps(g))  # tuples → lists
    return doc, file_crs


def kind_label(kind: str) -> str:
    return {"gpkg": "GeoPackage", "zip": "zipped Shapefile", "csv": "CSV", "json": "GeoJSON"}.get(kind, kind)


# --------------------------------------------------------------------------------------------- checks
def _count_positions(doc: Mapping[str, Any]) -> int:
    return sum(1 for _, g in _geometries(doc) for _ in _iter_positions(g.get("coordinates")))


def _convert(doc: Mapping[str, Any], conv: Callable) -> None:
    positions = [p for _, g in _geometries(doc) for p in _iter_positions(g.get("coordinates"))]
    if not positions:
        return
    xy = np.array([[_to_float(p[0]), _to_float(p[1])] for p in positions])
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
    for i, g in list(_geometries(doc)):
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
        fid = _props(feat).get("id")
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


def _read_store(base: Path | None, layer: str) -> _StoreView:
    view = _StoreView([], None, {}, {}, [])
    for name in LAYERS:
        p = layer_path(name, base=base)
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
            fid = _props(f).get("id")
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
            if not (isinstance(c, list) and len(c) >= 2 and _is_num(c[0]) and _is_num(c[1])):
                continue
            props = f.get("properties")
            if not isinstance(props, Mapping):
                continue
            for key in ("id", "name_zh", "name_en"):
                v = props.get(key)
                if isinstance(v, str) and v.strip():
                    index.setdefault(f"{key}:{v.strip()}", []).append((_to_float(c[0]), _to_float(c[1])))
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
                    base: Path | None = None, filename: str | None = None) -> ImportResult:
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
    base : Path
        Data folder (default ``geo.store.data_dir()``).

    Returns
    -------
    ImportResult listing added/replaced ids and warnings.

    Raises
    ------
    LayerError listing every problem (nothing written); AtlasError for an unknown layer or CRS.
    """
    schema = get_schema(layer)
    crs_name = parse_crs(crs)
    raw, file, filename = _read_source(source, filename)
    doc, problems, csv_lines, file_crs = _parse(raw, file, filename, schema)
    _check_caps(doc, file)
    if file_crs is not None:
        crs_name = _reconcile_crs(file_crs, crs_name, file, reprojected=_sniff(raw, filename) in ("gpkg", "zip"),
                                  problems=problems)

    before = [(i, *xy) for i, g in _geometries(doc) if (xy := _point_xy(g)) is not None]
    conv = _converter(crs_name)
    if conv is not None:
        _convert(doc, conv)

    result = ImportResult(layer=layer, source=file, dry_run=dry_run)
    if make_valid:
        for i, fid, what in _make_valid(doc, schema):
            result.repaired.append(fid or f"feature {i}")
            result.warnings.append(Problem(file, i, fid, "geometry", f"warning: {what}", "warning"))

    found = validate_collection(doc, schema, file=file)
    undecodable = {(p.index, p.field) for p in problems if p.reason.startswith("not UTF-8 text")}
    problems.extend(p for p in found if not ((p.index, p.field) in undecodable and "UTF-8" in p.reason))

    store = _read_store(base, layer)
    result.warnings.extend(store.warnings)
    current = {_props(f)["id"]: f for f in store.target if isinstance(_props(f).get("id"), str)}
    incoming: list[tuple[int, str]] = []
    for i, feat in enumerate(doc["features"]):
        fid = _props(feat).get("id")
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
    result.warnings.extend(_datum_check(doc, before, crs_name, _point_index(store.docs), file))

    if csv_lines:
        problems = [Problem(p.file, p.index, p.feature_id, p.field, f"{p.reason} (CSV line {csv_lines[p.index]})")
                    if p.index in csv_lines else p for p in problems]
    result.warnings.extend(p for p in problems if p.severity == "warning")
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise LayerError(errors + result.warnings,
                         summary=f"not imported: {len(errors)} problem(s) in {file}; nothing was written")

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
    if dry_run:
        return result
    out = {"type": "FeatureCollection", "features": list(merged.values())}
    expected = bytes_hash(store.target_raw) if store.target_raw is not None else ABSENT
    result.path = save_layer(layer, out, base=base, expected_hash=expected)
    return result


def _read_source(source: str | os.PathLike[str] | bytes, filename: str | None) -> tuple[bytes, str, str | None]:
    """Return (bytes, label for messages, name used as a format hint), refusing oversized input unread."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        raw = bytes(source)
        file = _display_name(filename)
        if len(raw) > MAX_IMPORT_BYTES:
            raise LayerError.for_file(file, f"file is {len(raw) / 1e6:.1f} MB; the limit is "
                                            f"{MAX_IMPORT_BYTES / 1e6:.0f} MB: split it")
    else:
        path = Path(source)
        file = str(path)
        filename = filename or path.name
        raw = read_capped(path, limit=MAX_IMPORT_BYTES)
    if not raw.strip():
        raise LayerError.for_file(file, "the file is empty")
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise LayerError.for_file(file, "UTF-16 text (as saved by Excel's 'Unicode Text'); "
                                        "re-save the file as UTF-8")
    return raw, file, filename


def _parse(raw: bytes, file: str, filename: str | None, schema: LayerSchema
           ) -> tuple[dict[str, Any], list[Problem], dict[int, int], str | None]:
    """Read any supported format into (FeatureCollection, problems, CSV line numbers, CRS named by the file)."""
    kind = _sniff(raw, filename)
    if kind == "json":
        depth = json_nesting_depth(raw)
        if depth > MAX_JSON_DEPTH:
            raise LayerError.for_file(file, f"JSON nested {depth} levels deep; the limit is "
                                            f"{MAX_JSON_DEPTH} (GeoJSON needs at most 8)")
        brackets = raw.count(b"[")
        if brackets > 2 * MAX_POSITIONS:
            raise LayerError.for_file(file, f"about {brackets} coordinate arrays; the limit is "
                                            f"{MAX_POSITIONS} positions per import: split the file "
                                            "or simplify the geometry")
        doc, problems, file_crs = _read_geojson(raw, file)
        return doc, problems, {}, file_crs
    if kind == "csv":
        doc, problems, lines = _read_csv(raw, file, schema)
        return doc, problems, lines, None
    if kind in ("gpkg", "zip"):
        doc, file_crs = _read_ogr(raw, kind, file, schema)
        return doc, [], {}, file_crs
    raise LayerError.for_file(file, "unrecognised file format: expected GeoJSON, CSV with "
                                    "lon/lat columns, a GeoPackage or a zipped Shapefile")


def _check_caps(doc: Mapping[str, Any], file: str) -> None:
    n = len(doc["features"])
    if n > MAX_FEATURES:
        raise LayerError.for_file(file, f"{n} features; the limit is {MAX_FEATURES} per import: "
                                        "split the file")
    if n == 0:
        raise LayerError.for_file(file, "no features to import")
    n_pos = _count_positions(doc)
    if n_pos > MAX_POSITIONS:
        raise LayerError.for_file(file, f"{n_pos} coordinate positions; the limit is "
                                        f"{MAX_POSITIONS} per import: simplify or split the file")


def _is_wgs84_name(name: str) -> bool:
    n = name.upper().replace("URN:OGC:DEF:CRS:", "").replace("::", ":")
    return n in _WGS84_NAMES or "CRS84" in n


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
    from geo.store import _round

    def norm(f):
        props = {k: v for k, v in _props(f).items() if v is not None}
        g = f.get("geometry") or {}
        return json.dumps([props, g.get("type"), _round(g.get("coordinates"))], sort_keys=True, default=str)

    return norm(a) == norm(b)
