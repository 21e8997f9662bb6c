"""Helpers shared by tests/network (imported by name: the tests folders are not packages)."""
from __future__ import annotations

from pathlib import Path

import pytest

from geo.paths import layer_path

MINI = Path(__file__).resolve().parent.parent / "data" / "network" / "mini"
REAL = Path(__file__).resolve().parents[2] / "data"


def real_data_ready() -> bool:
    return all(layer_path(n, data_dir=REAL).exists() for n in ("places", "stations", "railways", "expressways",
                                                           "heritage_sites", "counties"))


needs_real = pytest.mark.skipif(not real_data_ready(), reason="the real layers in data/layers are not built yet")
