"""The layer store: one deterministic GeoJSON file per layer under ``data/layers/``.

Files are WGS84 (RFC 7946), UTF-8 with Chinese kept readable, features sorted by id, properties in
schema order, coordinates rounded to 6 decimals (~0.1 m), one property per line, so a review diff shows
exactly what changed. Saves validate first and replace the file atomically.
"""
from __future__ import annotations

import hashlib
import json
import math
import os
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import geopandas as gpd
from shapely.geometry import mapping, shape

from geo.errors import LayerError, Problem
from geo.schema import LAYERS, LayerSchema, get_schema
from geo.validate import validate_collection

COORD_DECIMALS = 6
MAX_FILE_BYTES = 64 * 1024 * 1024

_REPO_DATA = Path(__file__).resolve().parent.parent / "data"


def data_dir() -> Path:
    """Return the data folder: ``$ATLAS_DATA_DIR`` if set, else the repository's ``data/``."""
    env = os.environ.get("ATLAS_DATA_DIR")
    return Path(env) if env else _REPO_DATA


def layer_path(name: str, *, base: Path | None = None) -> Path:
    """Return the file path of layer ``name``."""
    get_schema(name)
    return (base or data_dir()) / "layers" / f"{name}.geojson"


def read_json(path: Path) -> Any:
    """Read a JSON file with clear errors (size cap, UTF-8, syntax, NaN/Infinity)."""
    f = str(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise LayerError([Problem(f, None, None, None, "file not found")]) from None
    if size > MAX_FILE_BYTES:
        raise LayerError([Problem(f, None, None, None, f"file is {size / 1e6:.0f} MB; the limit is "
                                                     f"{MAX_FILE_BYTES / 1e6:.0f} MB")])
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LayerError([Problem(f, None, None, None, f"not UTF-8 text (byte {exc.start}); "
                                                     "save the file as UTF-8")]) from None

    def _no_constants(token: str) -> Any:
        raise ValueError(f"{token} is not valid JSON; use null or a number")

    try:
        return json.loads(text, parse_constant=_no_constants)
    except RecursionError:
        raise LayerError([Problem(f, None, None, None, "JSON nested too deeply")]) from None
    except ValueError as exc:
        raise LayerError([Problem(f, None, None, None, f"not valid JSON: {exc}")]) from None


def content_hash(path: Path) -> str | None:
    """Return the SHA-256 of a file's bytes (None if it does not exist); used to detect conflicting saves."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        return None


def validate_layer_file(path: str | Path, layer: str | None = None) -> list[Problem]:
    """Validate one layer file; ``layer`` defaults to the file's stem. Returns every problem."""
    path = Path(path)
    name = layer or path.stem.split(".")[0]
    schema = get_schema(name)
    try:
        doc = read_json(path)
    except LayerError as exc:
        return exc.problems
    return validate_collection(doc, schema, file=str(path))


def _frame(doc: Mapping[str, Any], schema: LayerSchema) -> gpd.GeoDataFrame:
    rows = []
    geoms = []
    for feat in doc["features"]:
        props = feat["properties"]
        rows.append({f: props.get(f) for f in schema.field_names})
        geoms.append(shape(feat["geometry"]))
    gdf = gpd.GeoDataFrame(rows, geometry=geoms, crs="EPSG:4326", columns=list(schema.field_names))
    gdf.attrs["layer"] = schema.name
    return gdf


def load_layer(name: str, *, base: Path | None = None, path: Path | None = None) -> gpd.GeoDataFrame:
    """Load and validate layer ``name``; return a GeoDataFrame in EPSG:4326 with one column per field.

    Raises LayerError listing every problem if the file is invalid. ``attrs['content_hash']`` holds the
    hash of the bytes read, to pass back to ``save_layer(expected_hash=...)``.
    """
    schema = get_schema(name)
    p = Path(path) if path else layer_path(name, base=base)
    raw_hash = content_hash(p)
    doc = read_json(p)
    problems = [q for q in validate_collection(doc, schema, file=str(p)) if q.severity == "error"]
    if problems:
        raise LayerError(problems, summary=f"layer {name}: {len(problems)} problem(s)")
    gdf = _frame(doc, schema)
    gdf.attrs["content_hash"] = raw_hash
    return gdf


def load_layers(names: Iterable[str] | None = None, *, base: Path | None = None) -> dict[str, gpd.GeoDataFrame]:
    """Load several layers (default: all) and return them by name."""
    return {n: load_layer(n, base=base) for n in (names or LAYERS)}


def _round(coords: Any) -> Any:
    if isinstance(coords, (list, tuple)):
        if coords and not isinstance(coords[0], (list, tuple)):
            return [round(float(c), COORD_DECIMALS) for c in coords[:2]]
        return [_round(c) for c in coords]
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


def to_collection(data: gpd.GeoDataFrame | Mapping[str, Any], schema: LayerSchema) -> dict[str, Any]:
    """Normalise a GeoDataFrame or a GeoJSON mapping into a plain FeatureCollection dict for ``schema``."""
    if isinstance(data, gpd.GeoDataFrame):
        gdf = data.to_crs("EPSG:4326") if data.crs is not None and not data.crs.equals("EPSG:4326") else data
        feats = []
        for _, row in gdf.iterrows():
            props = {}
            for f in schema.field_names:
                if f in row.index:
                    v = _clean(row[f])
                    if v is not None:
                        props[f] = v
            for extra in row.index:
                if extra not in schema.field_names and extra != gdf.geometry.name:
                    v = _clean(row[extra])
                    if v is not None:
                        props[extra] = v  # kept so that validation reports it
            geom = row[gdf.geometry.name]
            feats.append({"type": "Feature", "properties": props,
                          "geometry": mapping(geom) if geom is not None and not geom.is_empty else None})
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
        geom = {"type": feat["geometry"]["type"], "coordinates": _round(feat["geometry"]["coordinates"])}
        parts.append('  {"type": "Feature", "properties": {\n' + prop_lines + "\n  },\n  \"geometry\": "
                     + json.dumps(geom, ensure_ascii=False, separators=(",", ":")) + "}")
    header = (f'{{"type": "FeatureCollection", "name": {json.dumps(schema.name)}, '
              f'"crs_note": "WGS84 (EPSG:4326), lon/lat", "features": [\n')
    return header + ",\n".join(parts) + "\n]}\n"


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically: temp file in the same folder, fsync, rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    try:  # make the rename itself durable
        dfd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)
    except OSError:
        pass


def save_layer(name: str, data: gpd.GeoDataFrame | Mapping[str, Any], *, base: Path | None = None,
               path: Path | None = None, expected_hash: str | None = None) -> Path:
    """Validate ``data`` and write it as layer ``name`` atomically; return the path written.

    If ``expected_hash`` is given (the ``content_hash`` seen at load time) and the file on disk has
    changed since, the save is refused with a conflict error and nothing is written.
    """
    schema = get_schema(name)
    p = Path(path) if path else layer_path(name, base=base)
    doc = to_collection(data, schema)
    problems = validate_collection(doc, schema, file=str(p))
    if problems:
        raise LayerError(problems, summary=f"not saved: layer {name} has {len(problems)} problem(s); "
                                           "the file on disk is unchanged")
    if expected_hash is not None and content_hash(p) != expected_hash:
        raise LayerError([Problem(str(p), None, None, None,
                                  "conflict: the layer was changed by someone else since you loaded it; "
                                  "reload it and apply your edits again")],
                         summary="not saved: conflicting edit")
    atomic_write_text(p, dumps_collection(doc, schema))
    return p
