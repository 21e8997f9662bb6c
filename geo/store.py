"""The layer store: one deterministic GeoJSON file per layer under ``data/layers/``.

Files are WGS84 (RFC 7946), UTF-8 with Chinese kept readable, features sorted by id, properties in
schema order, coordinates rounded to 6 decimals (~0.1 m), one property per line, so a review diff shows
exactly what changed. Saves validate first and replace the file atomically.

Saves are safe against the three ways a shared folder loses work:

* a crash mid-write: the new text goes to a temp file that is fsynced and renamed over the layer, so the
  layer is always either the old or the new file (temp files are never read as layers);
* two editors: ``save_layer(expected_hash=...)`` refuses a save based on an older version; the check and
  the write happen under an exclusive ``flock`` on the layers folder, so two saves cannot interleave;
* a bad edit: the replaced version is kept in ``data/history/<layer>/`` (see ``geo.history``).
"""
from __future__ import annotations

import hashlib
import json
import math
import os
import tempfile
import time
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np

try:  # POSIX only; elsewhere saves still are atomic but not locked
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None  # type: ignore[assignment]

import geopandas as gpd
from shapely.geometry import mapping, shape

from geo.errors import LayerError, Problem
from geo.schema import LAYERS, LayerSchema, get_schema
from geo.validate import validate_collection

COORD_DECIMALS = 6
MAX_FILE_BYTES = 64 * 1024 * 1024
#: A layer is at most 8 levels deep (FeatureCollection > features > Feature > geometry > MultiPolygon
#: rings > position); anything much deeper is hostile, and is refused before the JSON parser recurses.
MAX_JSON_DEPTH = 32
#: How long a save waits for another save of the same folder before giving up, in seconds.
LOCK_TIMEOUT_S = 15.0
#: ``expected_hash`` value meaning "the layer file must not exist yet".
ABSENT = "absent"

REPO_DATA_DIR = Path(__file__).resolve().parent.parent / "data"
_REPO_DATA = REPO_DATA_DIR  # old private name


def data_dir() -> Path:
    """Return the data folder: ``$ATLAS_DATA_DIR`` if set, else the repository's ``data/``."""
    env = os.environ.get("ATLAS_DATA_DIR")
    return Path(env) if env else REPO_DATA_DIR


def layer_path(name: str, *, base: Path | None = None) -> Path:
    """Return the file path of layer ``name``."""
    get_schema(name)
    return Path(base or data_dir()) / "layers" / f"{name}.geojson"


def read_capped(path: Path, *, limit: int = MAX_FILE_BYTES) -> bytes:
    """Read a file's bytes, refusing (before reading) files larger than ``limit`` bytes."""
    f = str(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise LayerError.for_file(f, "file not found") from None
    except OSError as exc:
        raise LayerError.for_file(f, f"cannot read the file: {exc.strerror}") from None
    if size > limit:
        raise LayerError.for_file(f, f"file is {size / 1e6:.1f} MB; the limit is "
                                     f"{limit / 1e6:.0f} MB; split it into smaller files")
    try:
        with open(path, "rb") as fh:
            raw = fh.read(limit + 1)  # the file may have grown since stat()
    except IsADirectoryError:
        raise LayerError.for_file(f, "is a folder, not a file") from None
    except OSError as exc:
        raise LayerError.for_file(f, f"cannot read the file: {exc.strerror}") from None
    if len(raw) > limit:
        raise LayerError.for_file(f, f"file is larger than the limit of "
                                     f"{limit / 1e6:.0f} MB; split it into smaller files")
    return raw


def json_nesting_depth(raw: bytes, *, chunk: int = 1 << 21) -> int:
    """Return the deepest bracket nesting of JSON text without parsing it; brackets in strings are skipped.

    Vectorised with numpy over ``chunk``-byte pieces (string and escape state carried across), so a
    hostile file is measured before any recursive parser sees it, in about 0.5 s and < 100 MB of extra
    memory for 20 MB. Malformed text gives a meaningless but finite answer; the parser then reports the
    syntax error.
    """
    in_string = False
    bs_carry = 0  # backslashes at the very end of the previous piece
    depth = best = 0
    for start in range(0, len(raw), chunk):
        a = np.frombuffer(raw, dtype=np.uint8, count=min(chunk, len(raw) - start), offset=start)
        special = np.flatnonzero(_SPECIAL[a])
        if not special.size:
            bs_carry = 0
            continue
        chars = a[special]
        is_quote = chars == 0x22
        bs = special[chars == 0x5C]
        real_quote = is_quote
        run_start = np.empty(0, dtype=np.int64)
        if bs.size:
            new_run = np.empty(bs.size, dtype=bool)
            new_run[0] = True
            new_run[1:] = bs[1:] != bs[:-1] + 1
            run_start = bs[new_run][np.cumsum(new_run) - 1]
            if bs_carry:  # a run that starts the piece continues the previous piece's run
                run_start = np.where(run_start == 0, -bs_carry, run_start)
        if is_quote.any() and (bs.size or bs_carry):
            q = special[is_quote]
            k = np.searchsorted(bs, q - 1)
            k_ok = np.minimum(k, max(bs.size - 1, 0))
            after_bs = (k < bs.size) & (bs[k_ok] == q - 1) if bs.size else np.zeros(q.size, dtype=bool)
            run_len = np.where(after_bs, q - run_start[k_ok] if bs.size else 0, 0)
            run_len = np.where((q == 0) & (bs_carry > 0), bs_carry, run_len)
            escaped = run_len % 2 == 1
            real_quote = np.zeros(special.size, dtype=bool)
            real_quote[np.flatnonzero(is_quote)[~escaped]] = True
        before = np.cumsum(real_quote) - real_quote + (1 if in_string else 0)
        outside = before % 2 == 0
        step = _STEP[chars] * outside
        nz = step[step != 0]
        if nz.size:
            run = np.cumsum(nz, dtype=np.int64) + depth
            best = max(best, int(run.max()))
            depth = int(run[-1])
        in_string = bool((int(real_quote.sum()) + (1 if in_string else 0)) % 2)
        last = len(a) - 1
        if bs.size and bs[-1] == last:
            bs_carry = int(last - run_start[-1] + 1)
        else:
            bs_carry = 0
    return max(best, 0)


_SPECIAL = np.zeros(256, dtype=bool)
_SPECIAL[[0x22, 0x5C, 0x5B, 0x5D, 0x7B, 0x7D]] = True  # " \ [ ] { }
_STEP = np.zeros(256, dtype=np.int8)
_STEP[[0x5B, 0x7B]] = 1
_STEP[[0x5D, 0x7D]] = -1


def parse_json_bytes(raw: bytes, file: str, *, allow_constants: bool = False,
                     max_depth: int = MAX_JSON_DEPTH) -> Any:
    """Decode UTF-8 JSON with clear errors; nesting deeper than ``max_depth`` is refused before parsing.

    NaN/Infinity are refused unless ``allow_constants`` (the importer reads them as floats so that the
    validator can say which feature holds them).
    """
    depth = json_nesting_depth(raw)
    if depth > max_depth:
        raise LayerError.for_file(file, f"JSON nested {depth} levels deep; the limit is "
                                        f"{max_depth} (a GeoJSON layer needs at most 8)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LayerError.for_file(file, not_utf8_reason(raw, exc)) from None

    def _no_constants(token: str) -> Any:
        raise ValueError(f"{token} is not valid JSON; use null or a number")

    try:
        return json.loads(text, parse_constant=float if allow_constants else _no_constants)
    except RecursionError:  # unreachable after the depth check, kept as a last line of defence
        raise LayerError.for_file(file, "JSON nested too deeply") from None
    except ValueError as exc:
        raise LayerError.for_file(file, f"not valid JSON: {exc}") from None


def not_utf8_reason(raw: bytes, exc: UnicodeDecodeError) -> str:
    """Explain a decoding error: where it is and, if the bytes read as GB18030 (GBK), say so."""
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return "UTF-16 text (as saved by Excel's 'Unicode Text'); re-save the file as UTF-8"
    line = raw.count(b"\n", 0, exc.start) + 1
    guess = ""
    try:
        raw.decode("gb18030")
        guess = " (it reads as GB18030/GBK, as saved by Excel or WPS on Chinese Windows)"
    except UnicodeDecodeError:
        pass
    return (f"not UTF-8 text: invalid byte at offset {exc.start} (line {line}){guess}; "
            "re-save the file as UTF-8")


def layer_stamp(base: Path) -> tuple:
    """Return (layer, mtime_ns, size) of every layer file under ``base`` ((layer, None, None) when absent).

    Used in every cache key built on the layers (the engine's and the app's caches).
    """
    out = []
    for name in LAYERS:
        p = layer_path(name, base=base)
        try:
            st = p.stat()
            out.append((name, st.st_mtime_ns, st.st_size))
        except FileNotFoundError:
            out.append((name, None, None))
    return tuple(out)


def read_json(path: Path) -> Any:
    """Read a JSON file with clear errors (size cap, nesting cap, UTF-8, syntax, NaN/Infinity)."""
    return parse_json_bytes(read_capped(Path(path)), str(path))


def content_hash(path: Path) -> str | None:
    """Return the SHA-256 of a file's bytes (None if it does not exist); used to detect conflicting saves."""
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except FileNotFoundError:
        return None


def bytes_hash(raw: bytes) -> str:
    """Return the SHA-256 of ``raw`` (same as ``content_hash`` of a file holding it)."""
    return hashlib.sha256(raw).hexdigest()


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
    raw = read_capped(p)  # hash and parse the same bytes: a concurrent save cannot slip in between
    raw_hash = bytes_hash(raw)
    doc = parse_json_bytes(raw, str(p))
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
        geom = {"type": feat["geometry"]["type"], "coordinates": _round(feat["geometry"]["coordinates"])}
        parts.append('  {"type": "Feature", "properties": {\n' + prop_lines + "\n  },\n  \"geometry\": "
                     + json.dumps(geom, ensure_ascii=False, separators=(",", ":")) + "}")
    header = (f'{{"type": "FeatureCollection", "name": {json.dumps(schema.name)}, '
              f'"crs_note": "WGS84 (EPSG:4326), lon/lat", "features": [\n')
    return header + ",\n".join(parts) + "\n]}\n"


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically: temp file in the same folder, fsync, rename.

    Readers see the old file or the new one, never a mix; a crash leaves at most a stray
    ``.<name>.*.tmp`` file, which is never read as a layer. The new file keeps the old one's permission
    bits (a new file gets 0644 less the umask), not mkstemp's private 0600.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode = path.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o644 & ~umask
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fchmod(fh.fileno(), mode)
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


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8, ``\\n`` newlines) to ``path`` atomically: temp file, fsync, rename."""
    atomic_write_bytes(path, text.encode("utf-8"))


@contextmanager
def folder_lock(folder: Path, *, timeout_s: float | None = None) -> Iterator[None]:
    """Hold an exclusive ``flock`` on ``folder`` (the directory itself: no lock file is left behind).

    The kernel drops the lock when the holder exits or is killed, so a crashed save never blocks the
    next one. Waits up to ``timeout_s`` (default ``LOCK_TIMEOUT_S``) seconds for another holder, then
    raises LayerError.
    """
    timeout_s = LOCK_TIMEOUT_S if timeout_s is None else timeout_s
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    if fcntl is None:  # pragma: no cover
        yield
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise LayerError([Problem(str(folder), None, None, None,
                                              f"another save has held the folder for over {timeout_s:g} s; "
                                              "nothing was written, try again")],
                                     summary="not saved: folder busy") from None
                time.sleep(0.01)
        yield
    finally:
        os.close(fd)  # releases the lock


def remove_stale_temps(path: Path, *, older_than_s: float = 60.0) -> list[Path]:
    """Delete temp files left next to ``path`` by a killed writer (call while holding the folder lock)."""
    removed = []
    now = time.time()
    for tmp in Path(path).parent.glob(f".{Path(path).name}.*.tmp"):
        try:
            if now - tmp.stat().st_mtime > older_than_s:
                tmp.unlink()
                removed.append(tmp)
        except FileNotFoundError:
            pass
    return removed


def save_layer(name: str, data: gpd.GeoDataFrame | Mapping[str, Any], *, base: Path | None = None,
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
    p = Path(path) if path else layer_path(name, base=base)
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
            from geo.history import archive  # geo.history imports this module

            archive(name, old, base=p.parent.parent)
        atomic_write_bytes(p, new)
    return p
