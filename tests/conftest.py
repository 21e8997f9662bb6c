"""Fault injection shared by the chaos tests (tests/geo/test_chaos.py, tests/network/test_promote_chaos.py,
tests/app/test_saved_views_safety.py).

CI runs the tests as root, and root ignores read-only permission bits, so a read-only folder or a full disk
is simulated by making one system call of ``geo.fileio`` (every write of the store goes through it) raise
the OSError the kernel would give: ``faults.inject("open", errno.EROFS, "/layers/")``. Only ``geo.fileio``
sees the injected calls (its ``os`` is replaced by a proxy), so pytest's own files are never touched.
Every test asserts that its fault actually fired (``faults.fired``), so a test cannot pass by missing.
"""
from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

import pytest

import geo.fileio

#: The calls a rule can target; ``open`` only when it creates or writes a file (reading still works on a
#: read-only file system), ``fsync`` only of a regular file, ``makedirs`` only of a folder that is missing.
CALLS = ("open", "write", "fsync", "fchmod", "replace", "makedirs", "unlink")


@dataclass
class _Rule:
    call: str
    err: int
    where: str
    times: int | None  # None: every matching call


def _fd_path(fd: int) -> str:
    try:
        return os.readlink(f"/proc/self/fd/{fd}")
    except OSError:
        return f"<fd {fd}>"


def _describe(call: str, args: tuple) -> str | None:
    """The path(s) a call touches, or None when a rule must not apply to it (a read, a folder)."""
    if call == "open":
        flags = args[1] if len(args) > 1 else os.O_RDONLY
        return str(args[0]) if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT) else None
    if call in ("write", "fchmod"):
        return _fd_path(args[0])
    if call == "fsync":
        return _fd_path(args[0]) if stat.S_ISREG(os.fstat(args[0]).st_mode) else None
    if call == "makedirs":
        return None if os.path.isdir(args[0]) else str(args[0])
    if call == "replace":
        return f"{args[0]} -> {args[1]}"
    return str(args[0])


@dataclass
class Faults:
    """Rules that make ``geo.fileio``'s system calls fail; ``fired`` lists (call, path) of each failure."""

    rules: list[_Rule] = field(default_factory=list)
    fired: list[tuple[str, str]] = field(default_factory=list)

    def inject(self, call: str, err: int, where: str = "", *, times: int | None = None) -> None:
        """Make ``os.<call>`` in geo.fileio raise OSError(err) when its path contains ``where``."""
        assert call in CALLS, call
        self.rules.append(_Rule(call, err, where, times))

    def clear(self) -> None:
        self.rules.clear()

    def check(self, call: str, args: tuple) -> None:
        path = _describe(call, args)
        if path is None:
            return
        for rule in self.rules:
            if rule.call == call and rule.where in path and rule.times != 0:
                if rule.times is not None:
                    rule.times -= 1
                self.fired.append((call, path))
                raise OSError(rule.err, os.strerror(rule.err), path)


class _OsProxy:
    """``os`` as geo.fileio sees it during a chaos test: the real module, with the rules applied."""

    def __init__(self, faults: Faults):
        self._faults = faults

    def __getattr__(self, name: str):
        real = getattr(os, name)
        if name not in CALLS:
            return real

        def call(*args, **kwargs):
            self._faults.check(name, args)
            return real(*args, **kwargs)

        return call


@pytest.fixture
def faults(monkeypatch) -> Faults:
    """Inject OS errors into geo.fileio: ``faults.inject("write", errno.ENOSPC, "/layers/")``."""
    f = Faults()
    monkeypatch.setattr(geo.fileio, "os", _OsProxy(f))
    return f



def _tree_hash(root: Path) -> str:
    """SHA-256 over every file's relative path, permission bits and bytes (folders too)."""
    h = hashlib.sha256()
    for p in sorted(root.rglob("*")):
        rel = p.relative_to(root).as_posix()
        h.update(rel.encode("utf-8", "surrogateescape") + b"\0")
        h.update(oct(p.stat().st_mode).encode())
        if p.is_file():
            h.update(p.read_bytes())
        h.update(b"\0")
    return h.hexdigest()


@pytest.fixture
def tree_hash():
    """The function ``tree_hash(root) -> str`` (a fixture, since tests/ is not a package)."""
    return _tree_hash
