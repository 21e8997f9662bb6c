"""Tables for people: the precision each output column is written with (CLI files and app downloads alike).

The library keeps full precision; what a person reads is rounded by what a column's name says it holds:
minutes to 0.1, per-person means to 0.01 (a ranking's means are often a few hundredths of a minute),
people and person-minutes to 1, shares to 0.001, lon/lat to 1e-5 (~1 m).
"""
from __future__ import annotations

import pandas as pd

from geo.text import frame_csv


def decimals_for(column: str) -> int | None:
    """Return the decimals a column is written with (None: leave it as it is)."""
    c = column.lower()
    if c in ("lon", "lat"):
        return 5
    if "share" in c or c in ("gravity", "rel_error", "potential"):
        return 3
    if "mean_minutes" in c or "mean_hours" in c:
        return 2
    if (c == "population" or c.endswith("_population") or "pop_" in c or c.startswith("population")
            or c in ("x", "y", "cells") or c.endswith("_m")):
        return 0
    if "minutes" in c or c.endswith("km2") or c.endswith("_km") or "hours" in c:
        return 1
    return None


def rounded(df: pd.DataFrame) -> pd.DataFrame:
    """Return a copy of ``df`` with its float columns rounded for reading (see ``decimals_for``)."""
    out = df.copy()
    for col in out.columns:
        d = decimals_for(str(col))
        if d is None or not pd.api.types.is_float_dtype(out[col]):
            continue
        out[col] = out[col].round(d).astype("Int64") if d == 0 else out[col].round(d)
    return out


def table_csv(df: pd.DataFrame) -> str:
    """Return ``df`` rounded for reading as CSV text (formulas defused: geo.text.csv_text)."""
    return frame_csv(rounded(df))
