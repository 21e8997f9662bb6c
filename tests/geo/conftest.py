"""Fixtures for the geo tests: a throw-away copy of a tiny data folder, and a tree hash to prove that
failed operations leave it byte-identical."""
from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

TESTS_DATA = Path(__file__).resolve().parent.parent / "data"
FIXTURE_STORE = TESTS_DATA / "import" / "store"


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
def store(tmp_path, monkeypatch) -> Path:
    """A copy of tests/data/import/store (places, stations, heritage_sites) set as $ATLAS_DATA_DIR."""
    base = tmp_path / "data"
    shutil.copytree(FIXTURE_STORE, base)
    monkeypatch.setenv("ATLAS_DATA_DIR", str(base))
    return base


@pytest.fixture
def tree_hash():
    """The function ``tree_hash(root) -> str`` (a fixture, since tests/ is not a package)."""
    return _tree_hash


@pytest.fixture
def bad_dir() -> Path:
    return TESTS_DATA / "bad"
