"""The layer store: one deterministic GeoJSON file per layer under ``<data>/layers/``.

Loading validates the file and returns a GeoDataFrame; saving validates first and replaces the file
atomically. Saves are safe against the three ways a shared folder loses work:

* a crash mid-write: the new text goes to a temp file that is fsynced and renamed over the layer, so the
  layer is always either the old or the new file (``geo.fileio.atomic_write_bytes``);
* two editors: ``save_layer(expected_hash=...)`` refuses a save based on an older version; the check and
  the write happen under an exclusive ``flock`` on the layers folder, so two saves cannot interleave;
* a bad edit: the replaced version is kept in ``<data>/history/<layer>/`` (see ``geo.history``) and
  ``restore_layer`` brings any version back.

The file format is in ``geo.geojson``, the limits and atomic writes in ``geo.fileio``, paths in ``geo.paths``.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import geopandas as gpd

from geo.errors import LayerError, Problem
from geo.fileio import (atomic_write_bytes, bytes_hash, folder_lock, parse_json_bytes, read_capped,
                        remove_stale_temps)
from geo.geojson import collection_frame, dumps_collection, to_collection
from geo.history import archive, find_version
from geo.paths import layer_path
from geo.schema import LAYERS, get_schema
from geo.validate import validate_collection

#: ``expected_hash`` value meaning "the layer file must not exist yet".
ABSENT = "absent"


def validate_layer_file(path: str | Path, layer: str | None = None) -> list[Problem]:
    """Validate one layer file; ``layer`` defaults to the file's stem. Returns every problem."""
    path = Path(path)
    name = layer or path.stem.split(".")[0]
    schema = get_schema(name)
    try:
        raw = read_capped(path)
        if raw.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] not in (b"{", b"["):
            return [Problem(str(path), None, None, None,
                            "not a GeoJSON file (it does not start with '{'); layer files are GeoJSON. "
                            f"To check a CSV, GeoPackage or zipped Shapefile, run "
                            f"`atlas import FILE --layer {name} --dry-run`")]
        doc = parse_json_bytes(raw, str(path))
    except LayerError as exc:
        return exc.problems
    return validate_collection(doc, schema, file=str(path))


def load_layer(name: str, *, data_dir: Path | None = None, path: Path | None = None) -> gpd.GeoDataFrame:
    """Load and validate layer ``name``; return a GeoDataFrame in EPSG:4326 with one column per field.

    Raises LayerError listing every problem if the file is invalid. ``attrs['content_hash']`` holds the
    hash of the bytes read, to pass back to ``save_layer(expected_hash=...)``.
    """
    schema = get_schema(name)
    p = Path(path) if path else layer_path(name, data_dir=data_dir)
    raw = read_capped(p)  # hash and parse the same bytes: a concurrent save cannot slip in between
    doc = parse_json_bytes(raw, str(p))
    problems = [q for q in validate_collection(doc, schema, file=str(p)) if q.severity == "error"]
    if problems:
        raise LayerError(problems, summary=f"layer {name}: {len(problems)} problem(s)")
    gdf = collection_frame(doc, schema)
    gdf.attrs["content_hash"] = bytes_hash(raw)
    return gdf


def load_layers(names: Iterable[str] | None = None, *, data_dir: Path | None = None) -> dict[str, gpd.GeoDataFrame]:
    """Load several layers (default: all) and return them by name."""
    return {n: load_layer(n, data_dir=data_dir) for n in (names or LAYERS)}


def save_layer(name: str, data: gpd.GeoDataFrame | Mapping[str, Any], *, data_dir: Path | None = None,
               path: Path | None = None, expected_hash: str | None = None,
               history: bool | None = None) -> Path:
    """Validate ``data`` and write it as layer ``name`` atomically; return the path written.

    If ``expected_hash`` is given (the ``content_hash`` seen at load time, or ``ABSENT`` for "the file
    must not exist yet") and the file on disk has changed since, the save is refused with a conflict
    error and nothing is written. The check and the write hold the folder lock (see ``folder_lock``).
    The version replaced is kept in ``<data>/history/<layer>/`` (``history`` defaults to True for the
    store's own files and False when an explicit ``path`` is given). Saving identical bytes is a no-op.
    """
    schema = get_schema(name)
    p = Path(path) if path else layer_path(name, data_dir=data_dir)
    keep_history = (path is None) if history is None else history
    doc = to_collection(data, schema)
    problems = validate_collection(doc, schema, file=str(p))
    if problems:
        raise LayerError(problems, summary=f"not saved: layer {name} has {len(problems)} problem(s); "
                                           "the file on disk is unchanged")
    new = dumps_collection(doc, schema).encode("utf-8")
    with folder_lock(p.parent):
        try:
            old: bytes | None = p.read_bytes()
        except FileNotFoundError:
            old = None
        if expected_hash is not None:
            on_disk = bytes_hash(old) if old is not None else ABSENT
            if on_disk != expected_hash:
                why = ("someone created it since you started" if expected_hash == ABSENT
                       else "it was changed by someone else since you loaded it")
                raise LayerError([Problem(str(p), None, None, None,
                                          f"conflict: layer {name} was not saved because {why}; reload "
                                          "it and apply your edits again (nothing was written)")],
                                 summary="not saved: conflicting edit")
        remove_stale_temps(p)
        if old == new:
            return p
        if old is not None and keep_history:
            archive(name, old, data_dir=p.parent.parent)
        atomic_write_bytes(p, new)
    return p


def restore_layer(layer: str, version: str, *, data_dir: Path | None = None) -> Path:
    """Bring back ``version`` of ``layer`` as a normal save (validated, atomic, archived, undoable)."""
    v = find_version(layer, version, data_dir=data_dir)
    doc = parse_json_bytes(read_capped(v.path), str(v.path))
    try:
        return save_layer(layer, doc, data_dir=data_dir)
    except LayerError as exc:
        if any("conflict" in p.reason for p in exc.problems):
            raise
        raise LayerError(exc.problems, summary=f"not restored: version {v.name} of {layer} does not pass "
                                               f"today's checks; {layer_path(layer, data_dir=data_dir)} is "
                                               "unchanged") from None
