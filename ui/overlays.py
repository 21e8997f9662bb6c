"""Analysis results as map overlays and legend tables (no streamlit, no routing).

Grid cells are dissolved into one (multi)polygon per band — a handful of polygons instead of tens of
thousands of cells — with a legend table of cells and population shares. Band edges are the residents'
thresholds of the parameter table (network.access.resident_thresholds); colours come from ui.style.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import shapely
from shapely.geometry import mapping

from geo.cartography import GAIN_ALL_COLOURS, band_colours  # noqa: F401 - band_colours re-exported for the pages
from geo.text import escape_html as esc
from network.bands import GAIN_EDGES, band_index, gain_band  # noqa: F401 - re-exported
from network.data import to_wgs84
from ui.i18n import t

def band_labels(thresholds: Sequence[float], lang: str) -> list[str]:
    """The labels of the minute bands (≤30, 30–60 … >120) and of the unreachable band."""
    lo = [0, *thresholds]
    out = [f"≤{thresholds[0]:g}"] + [f"{lo[i]:g}–{thresholds[i]:g}" for i in range(1, len(thresholds))]
    return out + [f">{thresholds[-1]:g}", t("unreachable", lang)]


def _cells_union(x: np.ndarray, y: np.ndarray, cell_m: float) -> Any:
    """Union of grid cells (centres x, y): cells merge into row runs first, then the runs are unioned.

    A 250 m band of ~200,000 cells is a few thousand runs, so the union takes ~0.1 s instead of ~1 s.
    """
    h = cell_m / 2
    o = np.lexsort((x, y))
    x, y = x[o], y[o]
    start = np.ones(len(x), dtype=bool)
    start[1:] = (y[1:] != y[:-1]) | (np.abs(x[1:] - x[:-1] - cell_m) > cell_m * 1e-6)
    first = np.flatnonzero(start)
    last = np.append(first[1:], len(x)) - 1
    merged = shapely.union_all(shapely.box(x[first] - h, y[first] - h, x[last] + h, y[first] + h))
    merged = merged.simplify(cell_m * 0.05)
    return shapely.transform(merged, lambda c: np.column_stack(to_wgs84(c[:, 0], c[:, 1])))


@dataclass
class BandResult:
    """Dissolved band polygons plus the legend/table numbers."""

    features: list[dict[str, Any]]
    table: pd.DataFrame  # band, cells, population, share
    colours: list[str]


def dissolve_bands(x: np.ndarray, y: np.ndarray, band: np.ndarray, population: np.ndarray, *, cell_km: float,
                   labels: Sequence[str], colours: Sequence[str], title: str, opacity: float = 0.55) -> BandResult:
    """Dissolve grid cells (EPSG:4547 centres) by band into one (multi)polygon per band."""
    pop = np.nan_to_num(np.asarray(population, dtype=float))
    total = pop.sum()
    feats, rows = [], []
    for b, (lab, col) in enumerate(zip(labels, colours)):
        sel = band == b
        n = int(sel.sum())
        p = float(pop[sel].sum())
        share = p / total if total > 0 else math.nan
        rows.append({"band": lab, "cells": n, "population": round(p), "share": share})
        if not n:
            continue
        geom = _cells_union(x[sel], y[sel], cell_km * 1000)
        share_txt = "—" if math.isnan(share) else f"{share:.1%}"
        tip = f"{esc(title)}: {esc(lab)} · {n} × {cell_km:g} km² · {share_txt}"
        feats.append({"type": "Feature", "id": f"band-{b}", "geometry": mapping(geom),
                      "properties": {"id": f"band-{b}", "layer": "analysis", "_tip": tip, "_popup": tip,
                                     "style": {"color": col, "weight": 0.3, "fillColor": col,
                                               "fillOpacity": opacity, "opacity": 0.6}}})
    return BandResult(feats, pd.DataFrame(rows), list(colours))


def legend_table(table: pd.DataFrame, colours: Sequence[str], lang: str, *, unit: str = "legend_minutes",
                 count: str = "legend_cells") -> str:
    """Return an HTML legend table (swatch, band, cells, population share); every label escaped."""
    head = (f"<tr><th></th><th>{esc(t(unit, lang))}</th><th>{esc(t(count, lang))}</th>"
            f"<th>{esc(t('legend_pop_share', lang))}</th></tr>")
    body = []
    for (_, r), col in zip(table.iterrows(), colours):
        share = "—" if pd.isna(r["share"]) else f"{r['share']:.1%}"
        body.append(f'<tr><td><span style="display:inline-block;width:14px;height:11px;background:{col};'
                    f'border:1px solid #666"></span></td><td>{esc(r["band"])}</td><td>{int(r["cells"])}</td>'
                    f"<td>{share}</td></tr>")
    return f"<table>{head}{''.join(body)}</table>"


def access_bands(a: pd.DataFrame, *, km: float, lang: str, title: str, thresholds: Sequence[float]) -> BandResult:
    """Dissolve an access table (with cell x, y) into nearest-site minute bands."""
    band = band_index(a["nearest_site_minutes"].to_numpy(dtype=float), thresholds)
    return dissolve_bands(a["x"].to_numpy(float), a["y"].to_numpy(float), band, a["population"].to_numpy(float),
                          cell_km=km, labels=band_labels(thresholds, lang), colours=band_colours(len(thresholds)),
                          title=title)


def isochrone_features(gdf: Any, lang: str) -> list[dict[str, Any]]:
    """Nested isochrone polygons as map features, largest first so that the faster areas sit on top."""
    colours = band_colours(len(gdf))
    feats = []
    for i, row in reversed(list(enumerate(gdf.itertuples()))):
        if row.geometry is None or row.geometry.is_empty:
            continue
        col = colours[i]
        tip = f"≤{row.minutes:g} {t('min', lang)} · {row.area_km2:,.0f} km²"
        feats.append({"type": "Feature", "id": f"iso-{row.minutes:g}", "geometry": mapping(row.geometry),
                      "properties": {"id": f"iso-{row.minutes:g}", "layer": "analysis", "_tip": esc(tip),
                                     "style": {"color": col, "weight": 1.2, "fillColor": col, "fillOpacity": 0.3}}})
    return feats


def gain_labels(lang: str) -> list[str]:
    """Labels of the difference bands (see ``gain_band``)."""
    steps = [f"{GAIN_EDGES[i]:g}–{GAIN_EDGES[i + 1]:g}" for i in range(len(GAIN_EDGES) - 1)]
    return [t("gain_none", lang), *steps, f">{GAIN_EDGES[-1]:g}", t("gain_slower", lang), t("gain_new", lang)]


def difference_bands(d: pd.DataFrame, *, km: float, lang: str, title: str) -> BandResult:
    """Dissolve a comparison (per cell with x, y) into minutes-saved bands."""
    return dissolve_bands(d["x"].to_numpy(float), d["y"].to_numpy(float), gain_band(d),
                          d["population"].to_numpy(float), cell_km=km, labels=gain_labels(lang),
                          colours=GAIN_ALL_COLOURS, title=title, opacity=0.6)


def with_names(df: pd.DataFrame, names: dict[str, str], *, pairs: Sequence[tuple[str, str]]) -> pd.DataFrame:
    """Return a copy where each (id column, name column) pair gets the name in the chosen language.

    The name column is replaced (or inserted right after the id column) from ``names`` (id -> name);
    ids without a name keep the engine's name, or the id.
    """
    out = df.copy()
    for id_col, name_col in pairs:
        if id_col not in out.columns:
            continue
        ids = out[id_col].astype(str)
        looked_up = ids.map(names)
        if name_col in out.columns:
            out[name_col] = looked_up.fillna(out[name_col])
        else:
            out.insert(list(out.columns).index(id_col) + 1, name_col, looked_up.fillna(ids))
    return out
