"""Read a user's file into a plain GeoJSON FeatureCollection: GeoJSON, CSV (points), GeoPackage, zipped Shapefile.

Readers only read: they bound hostile input before parsing (file size, JSON nesting depth scanned without
recursion, number of coordinate arrays, zip unpacked size), decode text with clear errors, and turn
attribute cells into the schema's types where they clearly are. Checking the result against the schema
and the store is the import pipeline's job (``geo.importer``).
"""
from __future__ import annotations

import csv
import io
import json
import math
import os
import re
import tempfile
import unicodedata
import warnings
import zipfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pyogrio
from pyogrio.errors import DataLayerError, DataSourceError

from geo.errors import LayerError, Problem
from geo.fileio import MAX_JSON_DEPTH, json_nesting_depth, not_utf8_reason, parse_json_bytes, read_capped
from geo.geojson import to_collection
from geo.schema import POINT_LAYERS, LayerSchema
from geo.shapefile import TEXT_BYTES, field_names, list_value
from geo.validate import bad_unicode

#: Caps on what one import may hold; a real layer is far smaller (counties: 0.4 MB, ~17,000 positions).
MAX_IMPORT_BYTES = 20_000_000
MAX_FEATURES = 20_000
MAX_POSITIONS = 1_000_000
#: Unpacked size cap for zipped Shapefiles (guards against zip bombs).
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024

#: Column names accepted for CSV coordinates (compared case-insensitively).
LON_COLUMNS = ("lon", "lng", "long", "longitude", "x")
LAT_COLUMNS = ("lat", "latitude", "y")

_ZIP_MAGIC = b"PK\x03\x04"
_SQLITE_MAGIC = b"SQLite format 3\x00"
WGS84_NAMES = {"EPSG:4326", "OGC:CRS84", "EPSG:4490", "EPSG:4610"}



def is_num(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def iter_positions(coords: Any, depth: int = 0) -> Iterator[list]:
    """Yield the numeric [x, y, ...] lists of a coordinates array (malformed parts are skipped)."""
    if depth > 8 or not isinstance(coords, list):
        return
    if coords and is_num(coords[0]):
        if len(coords) >= 2 and is_num(coords[1]):
            yield coords
        return
    for c in coords:
        yield from iter_positions(c, depth + 1)


def feature_props(feat: Any) -> Mapping[str, Any]:
    """The properties of a feature-like object, or {} when it has none (hostile input)."""
    props = feat.get("properties") if isinstance(feat, Mapping) else None
    return props if isinstance(props, Mapping) else {}


def to_float(v: int | float) -> float:
    try:
        return float(v)
    except OverflowError:  # integers beyond float range count as non-finite
        return math.nan


def point_xy(g: Mapping[str, Any]) -> tuple[float, float] | None:
    """(lon, lat) of a well-formed Point geometry with finite coordinates, else None."""
    c = g.get("coordinates")
    if g.get("type") != "Point" or not isinstance(c, list) or len(c) < 2 or not (is_num(c[0]) and is_num(c[1])):
        return None
    x, y = to_float(c[0]), to_float(c[1])
    return (x, y) if math.isfinite(x) and math.isfinite(y) else None


def geometries(doc: Mapping[str, Any]) -> Iterator[tuple[int, Mapping[str, Any]]]:
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
    return bad_unicode(s)


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


def sniff(raw: bytes, filename: str | None) -> str:
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
        listed = list_value(t)
        if listed is not None:
            return listed
        if t.startswith(("[", "(")):
            return text
        return [p.strip() for p in re.split(r"[;|]", t) if p.strip()]
    return text


def _csv_header(reader: Any, file: str) -> tuple[list[str], int, int]:
    """Read the header row; return (column names, index of the lon column, index of the lat column)."""
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
    return header, lon_col, lat_col


def _cell_number(row: list[str], j: int) -> float | str:
    """The number in cell ``j`` of a row, or its text when it is not one (the validator says so)."""
    cell = row[j].strip() if j < len(row) else ""
    try:
        return float(cell)
    except ValueError:
        return cell


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
    header, lon_col, lat_col = _csv_header(reader, file)
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
        props = {header[j]: _coerce(cell, types.get(header[j], "str"))
                 for j, cell in enumerate(row[:len(header)]) if j not in (lon_col, lat_col) and cell.strip()}
        feats.append({"type": "Feature", "properties": props,
                      "geometry": {"type": "Point", "coordinates": [_cell_number(row, j) for j in (lon_col, lat_col)]}})
        if len(row) != len(header):
            fid = props.get("id") if isinstance(props.get("id"), str) else None
            problems.append(Problem(file, i, fid, None, f"row has {len(row)} cells but the header has "
                                                        f"{len(header)}; check quoting of commas in text"))
    doc = {"type": "FeatureCollection", "features": feats}
    if guess is not None:
        problems.extend(_text_problems(doc, file, guess))
    return doc, problems, lines


def _ogr_source(local: Path, kind: str, file: str, schema: LayerSchema) -> tuple[str, str | None]:
    """Return the GDAL source path and layer name of a saved upload (zip contents checked first)."""
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
    return src, layer_name


def _read_ogr(raw: bytes, kind: str, file: str, schema: LayerSchema
              ) -> tuple[dict[str, Any], list[Problem], str | None]:
    """Read a GeoPackage or zipped Shapefile with pyogrio; return (FeatureCollection, problems, CRS of the file)."""
    with tempfile.TemporaryDirectory(prefix="atlas-import-") as tmp, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # GDAL's warnings about broken files become our one clear message
        # our own file name: the upload's name never chooses a path
        local = Path(tmp) / ("upload.gpkg" if kind == "gpkg" else "upload.zip")
        local.write_bytes(raw)
        src, layer_name = _ogr_source(local, kind, file, schema)
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
    problems: list[Problem] = []
    if kind == "zip":
        gdf, problems = _shapefile_columns(gdf, schema, file)
    doc, file_crs = _ogr_collection(gdf, schema)
    if kind == "zip":
        problems += _cut_texts(doc, schema, file)
    return doc, problems, file_crs


def _shapefile_columns(gdf: Any, schema: LayerSchema, file: str) -> tuple[Any, list[Problem]]:
    """The frame with a Shapefile's 10-character column names mapped back to the layer's fields."""
    columns = [c for c in gdf.columns if c != gdf.geometry.name]
    mapping, ambiguous = field_names(columns, schema)
    return gdf.rename(columns=mapping), [Problem(file, None, None, None, why) for why in ambiguous]


def _cut_texts(doc: Mapping[str, Any], schema: LayerSchema, file: str) -> list[Problem]:
    """Warn of texts as long as a Shapefile can hold: the format cuts text at 254 bytes, silently."""
    texts = [f.name for f in schema.fields if f.type in ("str", "list[str]")]
    out = []
    for i, feat in enumerate(doc["features"]):
        props = feat["properties"]
        for name in texts:
            v = props.get(name)
            if isinstance(v, str) and len(v.encode("utf-8", "surrogatepass")) >= TEXT_BYTES - 3:
                fid = props.get("id") if isinstance(props.get("id"), str) else None
                out.append(Problem(file, i, fid, name, f"warning: {len(v.encode('utf-8', 'surrogatepass'))} bytes "
                                                       f"of text, the most a Shapefile holds ({TEXT_BYTES}): it "
                                                       "may have been cut; check it or import a GeoPackage",
                                   "warning"))
    return out


def _ogr_collection(gdf: Any, schema: LayerSchema) -> tuple[dict[str, Any], str | None]:
    """A frame read by pyogrio as (WGS84 FeatureCollection with schema types, CRS named by the file)."""
    file_crs = None
    if gdf.crs is not None:
        epsg = gdf.crs.to_epsg()
        file_crs = f"EPSG:{epsg}" if epsg else gdf.crs.to_string()[:80]
        if file_crs not in WGS84_NAMES:
            gdf = gdf.to_crs("EPSG:4326")
    gdf = gdf.set_crs(None, allow_override=True)
    doc = to_collection(gdf, schema)
    types = {f.name: f.type for f in schema.fields}
    for feat in doc["features"]:
        props = feat["properties"]
        for k, v in list(props.items()):
            if isinstance(v, str) and types.get(k, "str") not in ("str", "date"):
                props[k] = _coerce(v, types[k])
            elif types.get(k) == "bool" and is_num(v) and v in (0, 1):
                props[k] = bool(v)  # a boolean column with gaps comes back from GDAL as 0.0 / 1.0
        g = feat.get("geometry")
        if g and g.get("type") == "MultiPoint" and len(g["coordinates"]) == 1 and "Point" in schema.geometry_types:
            feat["geometry"] = {"type": "Point", "coordinates": list(g["coordinates"][0])}
        elif g:
            feat["geometry"] = json.loads(json.dumps(g))  # tuples → lists
    return doc, file_crs


def kind_label(kind: str) -> str:
    return {"gpkg": "GeoPackage", "zip": "zipped Shapefile", "csv": "CSV", "json": "GeoJSON"}.get(kind, kind)


def read_source(source: str | os.PathLike[str] | bytes, filename: str | None) -> tuple[bytes, str, str | None]:
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


def parse_source(raw: bytes, file: str, filename: str | None, schema: LayerSchema
           ) -> tuple[dict[str, Any], list[Problem], dict[int, int], str | None]:
    """Read any supported format into (FeatureCollection, problems, CSV line numbers, CRS named by the file)."""
    kind = sniff(raw, filename)
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
        doc, problems, file_crs = _read_ogr(raw, kind, file, schema)
        return doc, problems, {}, file_crs
    raise LayerError.for_file(file, "unrecognised file format: expected GeoJSON, CSV with "
                                    "lon/lat columns, a GeoPackage or a zipped Shapefile")


