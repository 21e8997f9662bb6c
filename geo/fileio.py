"""File I/O with limits: capped reads, a JSON depth scan before parsing, atomic writes and a folder lock.

Every file the atlas reads from a user or a shared folder goes through ``read_capped`` and
``parse_json_bytes`` (size cap, nesting cap, UTF-8 with a GB18030 hint, no NaN/Infinity); every file it writes
goes through ``atomic_write_bytes`` (temp file in the same folder, fsync, rename), so readers see the old
file or the new one, never a mix. ``folder_lock`` serialises writers of one folder with ``flock``.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np

try:  # POSIX only; elsewhere saves still are atomic but not locked
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None  # type: ignore[assignment]

from geo.errors import LayerError, Problem

MAX_FILE_BYTES = 64 * 1024 * 1024
#: A layer is at most 8 levels deep (FeatureCollection > features > Feature > geometry > MultiPolygon
#: rings > position); anything much deeper is hostile, and is refused before the JSON parser recurses.
MAX_JSON_DEPTH = 32
#: How long a save waits for another save of the same folder before giving up, in seconds.
LOCK_TIMEOUT_S = 15.0


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

