"""Fixtures for the geo tests: a throw-away copy of a tiny data folder (``tree_hash``, to prove that failed
operations leave it byte-identical, is in tests/conftest.py)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

TESTS_DATA = Path(__file__).resolve().parent.parent / "data"
FIXTURE_STORE = TESTS_DATA / "import" / "store"


@pytest.fixture
def store(tmp_path, monkeypatch) -> Path:
    """A copy of tests/data/import/store (places, stations, heritage_sites) set as $ATLAS_DATA_DIR."""
    base = tmp_path / "data"
    shutil.copytree(FIXTURE_STORE, base)
    monkeypatch.setenv("ATLAS_DATA_DIR", str(base))
    return base


@pytest.fixture
def bad_dir() -> Path:
    return TESTS_DATA / "bad"
