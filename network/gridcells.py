"""Which cells of a regular grid have their centre inside which polygon — by scanlines, not point tests.

For every row of cell centres, the polygon edges that cross the row are intersected with it (even-odd
rule over every ring, holes included), and the cells between each pair of crossings are inside. The
work grows with the number of rows × edges crossing them plus the number of cells inside, not with
cells × polygon vertices as point-in-polygon tests do: the 250 m grid of Ganzhou (630,000 cells) takes a
fraction of a second instead of seconds.

A centre exactly on a boundary may fall either side (measure zero; the tests compare with shapely's
``contains_xy`` on the real counties). Where polygons overlap, the first polygon wins.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import shapely


def _edges(geom) -> np.ndarray:
    """All ring edges of a (multi)polygon as an (n, 4) array x1, y1, x2, y2."""
    rings = shapely.get_rings(shapely.get_parts(geom))
    out = []
    for ring in rings:
        c = shapely.get_coordinates(ring)
        if len(c) >= 2:
            out.append(np.column_stack([c[:-1], c[1:]]))
    return np.concatenate(out) if out else np.zeros((0, 4))


def _crossings(edges: Sequence[np.ndarray], yr: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(polygon, row, x) of every crossing of a polygon edge with a row of centres ``yr``.

    An edge crosses the rows with ``min(y1, y2) <= y < max(y1, y2)`` (half-open, so a vertex on a row is
    counted once and horizontal edges never).
    """
    poly = np.concatenate([np.full(len(e), i, dtype=np.int64) for i, e in enumerate(edges)]) if edges else np.zeros(0, np.int64)
    e = np.concatenate(edges) if edges else np.zeros((0, 4))
    x1, y1, x2, y2 = e.T
    lo, hi = np.minimum(y1, y2), np.maximum(y1, y2)
    r0 = np.searchsorted(yr, lo, side="left")
    r1 = np.searchsorted(yr, hi, side="left")
    n = np.maximum(r1 - r0, 0)
    rep = np.repeat(np.arange(len(e)), n)
    offset = np.arange(len(rep)) - np.repeat(np.cumsum(n) - n, n)
    rows = r0[rep] + offset
    t = (yr[rows] - y1[rep]) / (y2[rep] - y1[rep])
    xs = x1[rep] + t * (x2[rep] - x1[rep])
    return poly[rep], rows, xs


def cells_inside(geoms: Sequence, xc: np.ndarray, yc: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Cells of the grid with column centres ``xc`` and row centres ``yc`` (both ascending) inside ``geoms``.

    Returns (row, col, polygon index), sorted by row then column, one entry per cell (first polygon wins).
    """
    edges = [_edges(g) for g in geoms]
    poly, rows, xs = _crossings(edges, np.asarray(yc, dtype=float))
    order = np.lexsort((xs, rows, poly))
    poly, rows, xs = poly[order], rows[order], xs[order]
    if len(xs) % 2:  # an unclosed ring cannot come from a valid polygon; refuse rather than guess
        raise ValueError("polygon rings are not closed; cannot rasterise")
    xa, xb = xs[0::2], xs[1::2]
    c0 = np.searchsorted(xc, xa, side="left")
    c1 = np.searchsorted(xc, xb, side="left")
    n = np.maximum(c1 - c0, 0)
    pair = np.repeat(np.arange(len(xa)), n)
    cols = c0[pair] + np.arange(len(pair)) - np.repeat(np.cumsum(n) - n, n)
    r, p = rows[0::2][pair], poly[0::2][pair]
    linear = r.astype(np.int64) * len(xc) + cols
    # first polygon wins where polygons overlap: sort by (cell, polygon), keep each cell's first entry
    order = np.lexsort((p, linear))
    linear, p = linear[order], p[order]
    keep = np.ones(len(linear), dtype=bool)
    keep[1:] = linear[1:] != linear[:-1]
    linear, p = linear[keep], p[keep]
    return linear // len(xc), linear % len(xc), p
