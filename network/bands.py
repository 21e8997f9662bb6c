"""Results in classes: the minute band of each origin and the minutes-saved band of each compared origin.

One classification for every picture of a result (the app's dissolved overlays, the report's static maps,
the GeoTIFF's class band); colours are ``geo.cartography``, labels the caller's language.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

#: minutes saved bands of difference maps (lower bounds); "slower" and "newly reachable" are separate
GAIN_EDGES: tuple[float, ...] = (1, 5, 15, 30)


def band_index(minutes: np.ndarray, thresholds: Sequence[float]) -> np.ndarray:
    """The band of each value: 0 … len(thresholds) by minutes, len(thresholds) + 1 for NaN (unreachable).

    >>> band_index(np.array([10, 30, 31, np.nan]), [30, 60]).tolist()
    [0, 0, 1, 3]
    """
    m = np.asarray(minutes, dtype=float)
    idx = np.searchsorted(np.asarray(thresholds, dtype=float), m, side="left")
    return np.where(np.isnan(m), len(thresholds) + 1, idx)


def gain_band(d: pd.DataFrame) -> np.ndarray:
    """Band of each origin of a comparison: 0 none (<1 min), 1..4 saved ≥1/5/15/30 min, 5 slower, 6 newly
    reachable (columns ``minutes_saved`` and ``newly_reachable``)."""
    saved = d["minutes_saved"].to_numpy(float)
    with np.errstate(invalid="ignore"):
        idx = np.searchsorted(np.asarray(GAIN_EDGES), np.nan_to_num(saved, nan=0.0), side="right")
        idx = np.where(saved <= -1, 5, idx)
    return np.where(d["newly_reachable"].to_numpy(bool), 6, idx)
