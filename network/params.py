"""The parameter table ``data/params/parameters.csv``: every speed, wait, transfer and connector setting.

Columns: key, value, unit, applies_to, source_or_reason. Every row must give a source or a reason; the
engine never hides a number in code. Numeric values are returned as floats, others as text.
"""
from __future__ import annotations

import csv
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from difflib import get_close_matches
from pathlib import Path
from typing import Any

from geo.paths import resolve_data_dir
from network.errors import ParameterError

PARAM_COLUMNS: tuple[str, ...] = ("key", "value", "unit", "applies_to", "source_or_reason")


@dataclass(frozen=True)
class Params(Mapping):
    """Read-only mapping key → value (float where numeric) with the table's metadata per key."""

    values: dict[str, Any]
    rows: dict[str, dict[str, str]] = field(repr=False, default_factory=dict)
    path: str = "<memory>"

    def __getitem__(self, key: str) -> Any:
        try:
            return self.values[key]
        except KeyError:
            close = get_close_matches(key, self.values, n=3)
            hint = f" Did you mean {', '.join(close)}?" if close else ""
            raise ParameterError(f"{self.path}: parameter {key!r} is missing.{hint} Add a row "
                                 f"(key,value,unit,applies_to,source_or_reason) to the table.") from None

    def __contains__(self, key: object) -> bool:  # Mapping's default would raise ParameterError
        return key in self.values

    def __iter__(self):
        return iter(self.values)

    def __len__(self) -> int:
        return len(self.values)

    def num(self, key: str) -> float:
        """Return parameter ``key`` as a number; a non-numeric value is a ParameterError."""
        v = self[key]
        if not isinstance(v, float):
            raise ParameterError(f"{self.path}: parameter {key!r} must be a number, got {v!r}")
        return v

    def with_values(self, **overrides: Any) -> Params:
        """Return a copy with some values replaced (keys use '__' for '.', or pass a dict via **{...})."""
        vals = dict(self.values)
        for k, v in overrides.items():
            key = k if k in vals else k.replace("__", ".")
            if key not in vals:
                self[key]  # raises with close matches
            vals[key] = float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else v
        return Params(vals, self.rows, self.path + " (modified)")

    @property
    def digest(self) -> str:
        """A short hash of the values, used as a cache key."""
        text = "\n".join(f"{k}={self.values[k]!r}" for k in sorted(self.values))
        return hashlib.sha256(text.encode()).hexdigest()[:16]


def params_path(*, data_dir: Path | None = None) -> Path:
    """Return the path of the parameter table under ``data_dir`` (default: the data folder)."""
    return resolve_data_dir(data_dir) / "params" / "parameters.csv"


def _coerce(text: str) -> Any:
    try:
        return float(text)
    except ValueError:
        return text


def load_params(path: str | Path | None = None, *, data_dir: Path | None = None) -> Params:
    """Load and check the parameter table; raise ParameterError listing every problem."""
    p = Path(path) if path else params_path(data_dir=data_dir)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ParameterError(f"{p}: parameter table not found") from None
    except UnicodeDecodeError:
        raise ParameterError(f"{p}: not UTF-8 text; save the table as UTF-8") from None
    reader = csv.DictReader(text.splitlines())
    missing = [c for c in PARAM_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise ParameterError(f"{p}: missing column(s) {', '.join(missing)}; expected {', '.join(PARAM_COLUMNS)}")
    problems: list[str] = []
    values: dict[str, Any] = {}
    rows: dict[str, dict[str, str]] = {}
    for i, row in enumerate(reader, start=2):
        key = (row.get("key") or "").strip()
        if not key:
            problems.append(f"line {i}: empty key")
            continue
        if key in values:
            problems.append(f"line {i}: duplicate key {key!r}")
            continue
        value = (row.get("value") or "").strip()
        if not value:
            problems.append(f"line {i}: {key}: empty value")
        if not (row.get("source_or_reason") or "").strip():
            problems.append(f"line {i}: {key}: give a source or a reason (column source_or_reason)")
        values[key] = _coerce(value)
        rows[key] = {c: (row.get(c) or "").strip() for c in PARAM_COLUMNS}
    if problems:
        raise ParameterError(f"{p}: {len(problems)} problem(s)\n  " + "\n  ".join(problems))
    return Params(values, rows, str(p))
