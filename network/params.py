"""The parameter table ``data/params/parameters.csv``: every speed, wait, transfer and connector setting.

Columns: key, value, unit, applies_to, source_or_reason. Every row must give a source or a reason; the
engine never hides a number in code. Numeric values are returned as floats, others as text.
"""
from __future__ import annotations

import csv
import hashlib
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from difflib import get_close_matches
from pathlib import Path
from typing import Any

from geo.errors import capped_lines
from geo.paths import resolve_data_dir
from geo.schema import DATE_YEARS
from network.errors import ParameterError

PARAM_COLUMNS: tuple[str, ...] = ("key", "value", "unit", "applies_to", "source_or_reason")

#: The range of a value by its unit: (lowest, highest, whether the lowest itself is allowed). Every number of
#: the table must lie in its unit's range (each number of a list such as "30 60 90 120"); a unit not listed
#: here is refused. Reasons: minutes and hours — no wait, dwell, access time or threshold lasts beyond a
#: day or two; km/h — 0 would divide by zero, and no train or road reaches 1000; km — 0 km stop spacing
#: divides by zero, and nothing reaches beyond 500 km (Ganzhou is ~300 km across); ratios — a factor of 0
#: stops every train, 10 is beyond any circuity or speed factor; counts — small whole numbers (connector
#: candidates grow the engine's work with them); flights per day — the schema's ``daily_flights`` bound.
PARAM_RANGES: dict[str, tuple[float, float, bool]] = {
    "min": (0, 1440, True), "h": (0, 48, True), "km/h": (0, 1000, False), "km": (0, 500, False),
    "m": (0, 100_000, True), "ratio": (0, 10, False), "count": (0, 50, True), "per day": (0, 100, True),
    "year": (DATE_YEARS[0], DATE_YEARS[1], True), "years": (0, 100, True),
}
#: Units whose value is text of a fixed form.
PARAM_TEXT_UNITS: dict[str, re.Pattern] = {"year-month": re.compile(r"(18|19|20)\d\d-(0[1-9]|1[0-2])")}


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


def value_problem(key: str, value: str, unit: str) -> str | None:
    """Why ``value`` (as written in the table) is not a plausible value of unit ``unit``, or None.

    >>> value_problem("connector.speed_kmh", "0", "km/h")
    "connector.speed_kmh: 0 km/h is outside its unit's range (above 0 and at most 1000)"
    >>> value_problem("residents.thresholds_minutes", "30 60 1e400", "min") is not None
    True
    """
    if unit in PARAM_TEXT_UNITS:
        ok = PARAM_TEXT_UNITS[unit].fullmatch(value)
        return None if ok else f"{key}: {value[:40]!r} is not a {unit} value"
    if unit not in PARAM_RANGES:
        return f"{key}: unknown unit {unit[:40]!r}; units are {', '.join([*PARAM_RANGES, *PARAM_TEXT_UNITS])}"
    lo, hi, lo_ok = PARAM_RANGES[unit]
    for part in value.split():
        try:
            x = float(part)
        except ValueError:
            return f"{key}: {part[:40]!r} is not a number ({unit})"
        whole = unit != "count" or x.is_integer()
        if not (math.isfinite(x) and (lo <= x if lo_ok else lo < x) and x <= hi and whole):
            low = f"at least {lo:g}" if lo_ok else f"above {lo:g}"
            what = "a whole number " if unit == "count" else ""
            return f"{key}: {part[:40]} {unit} is outside its unit's range ({what}{low} and at most {hi:g})"
    return None


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
        why = value_problem(key, value, (row.get("unit") or "").strip()) if value else None
        if why:
            problems.append(f"line {i}: {why}")
        values[key] = _coerce(value)
        rows[key] = {c: (row.get(c) or "").strip() for c in PARAM_COLUMNS}
    if problems:
        raise ParameterError(f"{p}: {len(problems)} problem(s)\n  " + "\n  ".join(capped_lines(problems)))
    return Params(values, rows, str(p))
