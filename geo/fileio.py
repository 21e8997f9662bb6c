"""File I/O with limits: capped reads, a JSON depth scan before parsing, atomic writes, multi-file commits
and a folder lock.

Every file the atlas reads from a user or a shared folder goes through ``read_capped`` and
``parse_json_bytes`` (size cap, nesting cap, UTF-8 with a GB18030 hint, no NaN/Infinity); every file it writes
goes through ``atomic_write_bytes`` (temp file in the same folder, fsync, rename), so readers see the old
file or the new one, never a mix, or through ``commit_files`` (several files as one change, with a journal
that ``recover_journal`` completes after a crash). ``folder_lock`` serialises writers of one folder with
``flock``. Every system call of a write goes through this module's ``os``, which the chaos tests replace to
inject faults (tests/conftest.py).
"""
from __future__ import annotations

import hashlib
import json
import os
import secrets
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np

try:  # POSIX only; elsewhere saves still are atomic but not locked
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None  # type: ignore[assignment]

from geo.errors import LayerError, StoreError

MAX_FILE_BYTES = 64 * 1024 * 1024
#: A layer is at most 8 levels deep (FeatureCollection > features > Feature > geometry > MultiPolygon
#: rings > position); anything much deeper is hostile, and is refused before the JSON parser recurses.
MAX_JSON_DEPTH = 32
#: How long a save waits for another save of the same folder before giving up, in seconds.
LOCK_TIMEOUT_S = 15.0


def read_capped(path: Path, *, limit: int | None = None) -> bytes:
    """Read a file's bytes, refusing (before reading) files larger than ``limit`` (default MAX_FILE_BYTES)."""
    limit = MAX_FILE_BYTES if limit is None else limit
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


def make_folders(folder: Path) -> list[Path]:
    """Create ``folder`` and any missing parents; return the folders created (outermost first)."""
    folder = Path(folder)
    missing = []
    for f in (folder, *folder.parents):
        if os.path.isdir(f):
            break
        missing.append(f)
    try:
        os.makedirs(folder, exist_ok=True)
    except BaseException:
        _remove_folders(missing[::-1])  # the parents it made before failing
        raise
    return missing[::-1]


def stage_bytes(path: Path, data: bytes) -> Path:
    """Write ``data`` to a new temp file ``.<name>.<random>.tmp`` next to ``path`` and fsync it; return it.

    The temp file gets the permission bits of the file it will replace (a new file: 0644 less the umask).
    The caller renames it over ``path`` or deletes it; on an error the temp file is already gone.
    """
    path = Path(path)
    try:
        mode: int | None = path.stat().st_mode & 0o777
    except FileNotFoundError:
        mode = None  # os.open applies the umask to 0o644
    while True:
        tmp = path.parent / f".{path.name}.{secrets.token_hex(4)}.tmp"
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o644)
            break
        except FileExistsError:
            continue
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        if mode is not None:
            os.fchmod(fd, mode)
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        _unlink_quietly(tmp)
        raise
    os.close(fd)
    return tmp


def _unlink_quietly(path: Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def _fsync_folder(folder: Path) -> None:
    """Make renames in ``folder`` durable (best effort: some file systems refuse to fsync a folder)."""
    try:
        dfd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)
    except OSError:
        pass


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically: temp file in the same folder, fsync, rename.

    Readers see the old file or the new one, never a mix; a crash leaves at most a stray
    ``.<name>.*.tmp`` file, which is never read as a layer. The new file keeps the old one's permission
    bits (a new file gets 0644 less the umask). On an OSError nothing is left behind (no temp file, no
    folder it had to create) and the error is raised as it came.
    """
    path = Path(path)
    created = make_folders(path.parent)
    try:
        tmp = stage_bytes(path, data)
        try:
            os.replace(tmp, path)
        except BaseException:
            _unlink_quietly(tmp)
            raise
    except BaseException:
        _remove_folders(created)
        raise
    _fsync_folder(path.parent)


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8, ``\\n`` newlines) to ``path`` atomically: temp file, fsync, rename."""
    atomic_write_bytes(path, text.encode("utf-8"))


def _remove_folders(created: list[Path]) -> None:
    for f in reversed(created):
        try:
            os.rmdir(f)
        except OSError:
            pass


# --------------------------------------------------------------------------------------------- commits
#: The journal of a multi-file commit in progress, in the folder whose lock the committer holds.
JOURNAL = ".atlas-journal.json"


def commit_files(files: Sequence[tuple[Path, bytes]], *, journal_dir: Path, what: str) -> None:
    """Replace several files as one change; the caller holds ``folder_lock(journal_dir)``.

    Every file is staged first (temp file, fsync). If any staging fails, every temp file (and folder) made
    so far is removed and StoreError says which file and why: nothing was changed. Then a journal naming the
    temp files is written atomically into ``journal_dir``, the temps are renamed over their files in the
    order given, and the journal is removed. A writer killed after the journal is written leaves every
    file old or new and the journal behind; ``recover_journal`` (run by the next holder of the lock)
    completes the renames, so the change is all or nothing once recovered. ``what`` names the change in
    messages ("layer stations").
    """
    staged: list[tuple[Path, Path]] = []
    created: list[Path] = []
    target = Path(journal_dir) / JOURNAL
    try:
        for path, data in files:
            target = Path(path).parent  # named in the message if the folder cannot be made
            created += make_folders(target)
            target = Path(path)
            staged.append((stage_bytes(target, data), target))
        target = Path(journal_dir) / JOURNAL
        entries = [[os.path.relpath(t, journal_dir), os.path.relpath(p, journal_dir)] for t, p in staged]
        atomic_write_bytes(target, json.dumps({"atlas_journal": 1, "renames": entries}).encode("utf-8"))
    except OSError as exc:
        for tmp, _ in staged:
            _unlink_quietly(tmp)
        _remove_folders(created)
        raise StoreError(f"{what} not saved: cannot write {target}: {exc.strerror or exc}; "
                         "nothing was written") from None
    except BaseException:
        for tmp, _ in staged:
            _unlink_quietly(tmp)
        _remove_folders(created)
        raise
    _roll_forward(Path(journal_dir), what)


def recover_journal(folder: Path, *, what: str = "an earlier save") -> bool:
    """Complete a commit that was interrupted after its journal was written; return whether there was one.

    Call it holding ``folder_lock(folder)``. Renames whose temp file is gone were done before the
    interruption; the others are done now. Idempotent: a recovery that is itself killed is finished by
    the next one.
    """
    if not os.path.exists(Path(folder) / JOURNAL):
        return False
    _roll_forward(Path(folder), what)
    return True


def _roll_forward(folder: Path, what: str) -> None:
    journal = folder / JOURNAL
    try:
        renames = _journal_renames(folder, read_capped(journal, limit=1 << 20))
        for tmp, path in renames:
            if os.path.exists(tmp):
                os.replace(tmp, path)
        for f in sorted({path.parent for _, path in renames}):
            _fsync_folder(f)
        os.unlink(journal)
        _fsync_folder(folder)
    except OSError as exc:
        raise StoreError(f"{what} not completely saved: {exc.strerror or exc} ({exc.filename or journal}); "
                         f"the rest is recorded in {journal} and is completed by the next save or load "
                         "of this folder") from None
    except (LayerError, ValueError, KeyError, TypeError):
        raise StoreError(f"{journal} is not a journal this version wrote; move it away to save again") from None


def _journal_renames(folder: Path, raw: bytes) -> list[tuple[Path, Path]]:
    """The (temp file, file) pairs of a journal; ValueError unless each temp file sits next to its file,
    named as ``stage_bytes`` names it, inside the data folder (a journal never moves files elsewhere)."""
    root = os.path.realpath(folder.parent)
    out = []
    for tmp_rel, path_rel in json.loads(raw)["renames"]:
        tmp, path = folder / tmp_rel, folder / path_rel
        real = os.path.realpath(path)
        if (tmp.parent != path.parent or not tmp.name.startswith(f".{path.name}.") or tmp.suffix != ".tmp"
                or os.path.commonpath([root, real]) != root):
            raise ValueError(f"journal entry {tmp_rel} -> {path_rel}")
        out.append((tmp, path))
    return out


@contextmanager
def folder_lock(folder: Path, *, timeout_s: float | None = None) -> Iterator[None]:
    """Hold an exclusive ``flock`` on ``folder`` (the directory itself: no lock file is left behind).

    The kernel drops the lock when the holder exits or is killed, so a crashed save never blocks the
    next one. Waits up to ``timeout_s`` (default ``LOCK_TIMEOUT_S``) seconds for another holder, then
    raises StoreError. Not re-entrant: a second ``folder_lock`` of the same folder in the same process
    waits like any other (``geo.store.store_transaction`` is how one thread joins several saves).
    """
    timeout_s = LOCK_TIMEOUT_S if timeout_s is None else timeout_s
    folder = Path(folder)
    try:
        make_folders(folder)
        fd = os.open(folder, os.O_RDONLY)
    except OSError as exc:
        raise StoreError(f"not saved: cannot use the folder {folder}: {exc.strerror or exc}; "
                         "nothing was written") from None
    try:
        if fcntl is not None:
            _acquire(fd, folder, timeout_s)
        yield
    finally:
        os.close(fd)  # releases the lock


def _acquire(fd: int, folder: Path, timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() > deadline:
                raise StoreError(f"not saved: another save has held the folder {folder} for over "
                                 f"{timeout_s:g} s; nothing was written, try again") from None
            time.sleep(0.01)


def remove_stale_temps(path: Path, *, older_than_s: float = 60.0) -> list[Path]:
    """Delete temp files left next to ``path`` (every one in ``path`` if it is a folder) by a killed writer.

    Call it holding the folder's lock, after ``recover_journal``. Temp files younger than ``older_than_s``
    are left alone (a writer that does not take the lock may still be using them).
    """
    removed = []
    now = time.time()
    path = Path(path)
    found = path.glob(".*.tmp") if path.is_dir() else path.parent.glob(f".{path.name}.*.tmp")
    for tmp in found:
        try:
            if now - tmp.stat().st_mtime > older_than_s:
                os.unlink(tmp)
                removed.append(tmp)
        except OSError:  # gone already, or a read-only folder: a stray temp file is harmless
            pass
    return removed

