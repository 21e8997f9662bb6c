"""Fixtures for the app tests: a private copy of the tiny synthetic data dir (never data/)."""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "data" / "app"
if str(ROOT) not in sys.path:  # `ui` is importable even if the editable install predates it
    sys.path.insert(0, str(ROOT))


@pytest.fixture
def app_data(tmp_path, monkeypatch) -> Path:
    """Copy the synthetic fixture to tmp_path and point ATLAS_DATA_DIR at it."""
    dst = tmp_path / "data"
    shutil.copytree(FIXTURE / "layers", dst / "layers")
    shutil.copy(FIXTURE / "views.json", dst / "views.json")
    if (ROOT / "data" / "params").is_dir():  # engine parameters (read-only copy) so scenarios resolve
        shutil.copytree(ROOT / "data" / "params", dst / "params")
    monkeypatch.setenv("ATLAS_DATA_DIR", str(dst))
    return dst
