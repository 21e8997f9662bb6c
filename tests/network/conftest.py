"""Shared fixtures: the tiny hand-checkable dataset (tests/data/network/mini) and fresh engine caches."""
from __future__ import annotations

from pathlib import Path

import pytest

from network.engine import clear_cache
from network_testutil import MINI


@pytest.fixture
def mini() -> Path:
    return MINI


@pytest.fixture(autouse=True)
def _fresh_engines():
    clear_cache()
    yield
    clear_cache()
