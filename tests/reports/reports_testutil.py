"""Paths shared by tests/reports (imported by name: the tests folders are not packages)."""
from __future__ import annotations

from pathlib import Path

MINI = Path(__file__).resolve().parent.parent / "data" / "network" / "mini"
REAL = Path(__file__).resolve().parents[2] / "data"
