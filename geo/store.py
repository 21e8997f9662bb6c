"""The layer store: one deterministic GeoJSON file per layer under ``<data>/layers/``.

Loading validates the file and returns a GeoDataFrame; saving validates first and replaces the file
atomically. Saves are safe against the ways a shared folder loses work:

* a crash mid-write: new files are staged (temp file, fsync) and renamed into place; a change of several
  files (a layer and its history entry, or several layers) is recorded in a journal first, so a writer
  killed between two renames is completed by the next save or load (``geo.fileio.commit_files``);
* two editors: ``save_layer(expected_hash=...)`` refuses a save based on an older version; the check and
  the write happen under an exclusive ``flock`` on the layers folder, so two saves cannot interleave;
* two layers taking one id: under the same lock, a save may not add an id that another layer of the
  folder already uses (ids are unique across layers; an id may move between layers in one transaction);
* a store that cannot be read back: a layer larger than the loader's cap (``fileio.MAX_FILE_BYTES``) is
  refused before anything is written;
* OS errors (read-only folder, disk full): StoreError, one line, nothing written, no history entry;
* a bad edit: the replaced version is kept in ``<data>/history/<layer>/`` (see ``geo.history``), in the
  same commit as the save, and ``restore_layer`` brings any version back.

``store_transaction`` groups several saves (e.g. promoting a sketch into several layers) into one commit:
all layers or none. The file format is in ``geo.geojson``, the limits, commits and lock in ``geo.fileio``,
paths in ``geo.paths``.
"""
from __future__ import annotations

import logging
import os
import threading
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import geopandas as gpd

from geo import fileio
from geo.errors import AtlasError, LayerError, Problem, StoreError
from geo.fileio import (JOURNAL, bytes_hash, commit_files, folder_lock, json_nesting_depth, parse_json_bytes,
                        read_capped, recover_journal, remove_stale_temps)
from geo.geojson import collection_frame, dumps_collection, to_collection
from geo.history import find_version, history_dir, prune, version_path
from geo.paths import layer_path, resolve_data_dir
from geo.schema import LAYERS, get_schema
from geo.validate import validate_collection

log = logging.getLogger(__name__)

#: ``expected_hash`` value meaning "the layer file must not exist yet".
ABSENT = "absent"


def validate_layer_file(path: str | Path, layer: str | None = None) -> list[Problem]:
    """Validate one layer file; ``layer`` defaults to the file's stem. Returns every problem."""
    path = Path(path)
    name = layer or path.stem.split(".")[0]
    schema = get_schema(name)
    _complete_interrupted_commit(path.parent)
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
    _complete_interrupted_commit(p.parent)
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
    error and nothing is written. The check, the cross-layer id check and the write hold the folder lock.
    The version replaced is kept in ``<data>/history/<layer>/`` (``history`` defaults to True for the
    store's own files and False when an explicit ``path`` is given). Saving identical bytes is a no-op.
    Inside ``store_transaction`` the save is staged and written with the others when the block ends.

    Raises LayerError (invalid data, conflict, an id of another layer) or StoreError (larger than the
    loader reads, folder busy, read-only, disk full); either way nothing was written.
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
    _check_loadable(name, new, p)
    ids = {f["properties"]["id"] for f in doc["features"] if isinstance(f["properties"].get("id"), str)}
    with _transaction(p.parent) as txn:
        txn.stage(name, p, new, expected_hash=expected_hash, keep_history=keep_history, ids=ids)
    return p


def _check_loadable(name: str, new: bytes, p: Path) -> None:
    """Refuse bytes that ``load_layer`` would refuse to read back: over the size cap, nested too deeply, or
    holding NaN/Infinity (json.dumps output is otherwise valid UTF-8 JSON, so the full parse, 2.4 s for
    20 MB, runs only when one of those words occurs)."""
    if len(new) > fileio.MAX_FILE_BYTES:
        raise StoreError(f"not saved: layer {name} would be {_size(len(new))}; the limit is "
                         f"{_size(fileio.MAX_FILE_BYTES)}, the most the loader reads: move features to another "
                         f"layer or simplify their geometry ({p} is unchanged, nothing was written)")
    try:
        depth = json_nesting_depth(new)
        if depth > fileio.MAX_JSON_DEPTH:
            raise LayerError.for_file(str(p), f"JSON nested {depth} levels deep; the limit is "
                                              f"{fileio.MAX_JSON_DEPTH}")
        if b"NaN" in new or b"Infinity" in new:
            parse_json_bytes(new, str(p))
    except LayerError as exc:
        raise StoreError(f"not saved: layer {name} would not load back ({exc.problems[0].reason}); "
                         f"{p} is unchanged, nothing was written") from None


def _size(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 100_000 else f"{n:,} bytes"


@contextmanager
def store_transaction(*, data_dir: Path | None = None) -> Iterator[StoreTransaction]:
    """Make every ``save_layer`` of this data folder in this thread one change: all layers or none.

    Holds the store lock (the layers folder) for the whole block; each save is validated and checked as
    it is made, the cross-layer id check runs over the final state, and the files are written together
    when the block ends (journalled: a kill between two layers is completed by the next save or load). If
    the block raises, nothing is written. Nested blocks join the outer one. Reads inside the block see the
    files on disk (the staged saves appear when it ends); other threads' and processes' saves wait for it
    (up to ``fileio.LOCK_TIMEOUT_S``, then they fail with StoreError and write nothing).
    """
    with _transaction(resolve_data_dir(data_dir) / "layers") as txn:
        yield txn


_ACTIVE = threading.local()  # .txns: realpath of a layers folder -> the StoreTransaction open on it


@contextmanager
def _transaction(folder: Path) -> Iterator[StoreTransaction]:
    active: dict[str, StoreTransaction] | None = getattr(_ACTIVE, "txns", None)
    if active is None:
        active = _ACTIVE.txns = {}
    key = os.path.realpath(folder)
    if key in active:  # a save inside store_transaction: staged into it
        yield active[key]
        return
    with folder_lock(folder):
        recover_journal(folder, what="an interrupted save")
        remove_stale_temps(folder)
        txn = StoreTransaction(Path(folder))
        active[key] = txn
        try:
            yield txn
        finally:
            del active[key]
        txn.commit()


def _complete_interrupted_commit(folder: Path) -> None:
    """Before a read: finish a commit whose writer was killed (only if no live writer holds the lock)."""
    if not (folder / JOURNAL).exists():
        return
    try:
        with folder_lock(folder, timeout_s=0):
            recover_journal(folder, what="an interrupted save")
    except AtlasError as exc:  # a live writer is finishing it, or the folder is read-only
        log.warning("%s", exc)


@dataclass
class _Staged:
    name: str
    path: Path
    new: bytes
    old: bytes | None
    keep_history: bool
    ids: set[str] | None = None  # the ids of ``new``, when the caller knows them (saves parse nothing twice)

    def new_ids(self) -> set[str]:
        return self.ids if self.ids is not None else _ids(self.new, self.path)


@dataclass
class StoreTransaction:
    """The saves of one layers folder staged under its lock, written together by ``commit``."""

    folder: Path
    staged: dict[str, _Staged] = field(default_factory=dict)

    def current(self, name: str, path: Path) -> bytes | None:
        """The bytes of layer ``name`` as this transaction sees it: staged, else on disk (None: absent)."""
        if name in self.staged and self.staged[name].path == path:
            return self.staged[name].new
        try:
            return path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise StoreError(f"not saved: cannot read {path}: {exc.strerror or exc}; nothing was written") \
                from None

    def stage(self, name: str, path: Path, new: bytes, *, expected_hash: str | None, keep_history: bool,
              ids: set[str] | None = None) -> None:
        """Check ``new`` against the version this transaction sees (conflict) and stage it (``ids``: its
        feature ids, if known)."""
        on_disk = self.current(name, path)
        if expected_hash is not None:
            seen = bytes_hash(on_disk) if on_disk is not None else ABSENT
            if seen != expected_hash:
                why = ("someone created it since you started" if expected_hash == ABSENT
                       else "it was changed by someone else since you loaded it")
                raise LayerError([Problem(str(path), None, None, None,
                                          f"conflict: layer {name} was not saved because {why}; reload "
                                          "it and apply your edits again (nothing was written)")],
                                 summary="not saved: conflicting edit")
        first = self.staged.get(name)
        old = first.old if first is not None else on_disk
        self.staged[name] = _Staged(name, path, new, old, keep_history, ids)

    def commit(self) -> None:
        """Check ids across layers over the final state, then write every changed layer and its history."""
        changed = [s for s in self.staged.values() if s.new != s.old]
        if not changed:
            return
        ids: dict[str, set[str]] = {}  # layer -> its ids after this commit, read once
        problems = [p for s in changed for p in self._foreign_ids(s, ids)]
        if problems:
            raise LayerError(problems, summary=f"not saved: {len(problems)} id(s) of another layer")
        files: list[tuple[Path, bytes]] = [(s.path, s.new) for s in changed]
        folders = []
        for s in changed:
            if s.old is not None and s.keep_history:
                folder = history_dir(s.name, data_dir=s.path.parent.parent)
                files.append((version_path(folder), s.old))
                folders.append(folder)
        what = "layer " + ", ".join(s.name for s in changed)
        commit_files(files, journal_dir=self.folder, what=what)
        for folder in folders:
            prune(folder)

    def _foreign_ids(self, s: _Staged, ids: dict[str, set[str]]) -> list[Problem]:
        """Ids that ``s`` adds to its layer and another layer of the folder holds (after this commit)."""
        added = set(s.new_ids())  # a copy: the staged ids stay whole
        if added and s.old is not None:
            added -= _ids(s.old, s.path)
        if not added:
            return []
        out = []
        for other in LAYERS:
            if other == s.name:
                continue
            if other not in ids:
                ids[other] = self._layer_ids(other, s.path.parent / f"{other}.geojson")
            for fid in sorted(added & ids[other]):
                out.append(Problem(str(s.path), None, fid, "id",
                                   f"id {fid} is already used by layer {other}; ids are unique across all "
                                   "layers: choose another id (nothing was written)"))
        return out


    def _layer_ids(self, name: str, path: Path) -> set[str]:
        """The ids of another layer after this commit: staged, else on disk (read with the loader's caps)."""
        staged = self.staged.get(name)
        if staged is not None and staged.path == path:
            return staged.new_ids()
        if not path.exists():
            return set()
        try:
            return _ids(read_capped(path), path)
        except LayerError:
            log.warning("cannot check ids against %s: the loader cannot read it", path)
            return set()


def _ids(raw: bytes, path: Path | None = None) -> set[str]:
    """The string ids of a layer's features (a layer that does not parse has none we can check)."""
    try:
        feats = parse_json_bytes(raw, str(path))["features"]
        return {f["properties"]["id"] for f in feats if isinstance(f["properties"].get("id"), str)}
    except (LayerError, KeyError, TypeError, AttributeError):
        log.warning("cannot check ids against %s: it does not read as a layer", path)
        return set()


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
