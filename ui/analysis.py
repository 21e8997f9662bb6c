"""Analysis results for the app, as plain data: access bands, isochrones, routes, comparisons, rankings.

No streamlit here (ui.cache wraps these in st.cache_data); the network engine does the routing and the
measures, this module turns its tables into map overlays (dissolved band polygons: a handful of
polygons instead of tens of thousands of grid cells) and display tables.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

import numpy as np
import pandas as pd
import shapely
from pyproj import Transformer
from shapely.geometry import mapping

from geo.crs import PROJECTED_CRS
from ui.features import esc

#: upper bounds (minutes) of the accessibility bands; the last band is "> 120"
BAND_EDGES: tuple[float, ...] = (30, 60, 90, 120)
BAND_COLOURS: tuple[str, ...] = ("#1a9850", "#91cf60", "#fee08b", "#fc8d59", "#d73027")
UNREACHABLE_COLOUR = "#8c8c8c"
#: minutes saved bands for difference maps (lower bounds); "worse" and "newly reachable" are separate
GAIN_EDGES: tuple[float, ...] = (1, 5, 15, 30)
GAIN_COLOURS: tuple[str, ...] = ("#deebf7", "#9ecae1", "#4292c6", "#08519c")
WORSE_COLOUR = "#e6550d"
NEW_COLOUR = "#54278f"
GATEWAY_NAMES: tuple[str, ...] = ("广州", "深圳", "南昌", "厦门", "长沙")

_TO_WGS84 = Transformer.from_crs(PROJECTED_CRS, "EPSG:4326", always_xy=True)


def band_labels(lang: str) -> list[str]:
    """Return the labels of the minute bands (≤30 … >120, unreachable)."""
    lo = [0, *BAND_EDGES]
    out = [f"≤{BAND_EDGES[0]:g}"] + [f"{lo[i]:g}–{BAND_EDGES[i]:g}" for i in range(1, len(BAND_EDGES))]
    out.append(f">{BAND_EDGES[-1]:g}")
    out.append("无法到达" if lang == "zh" else "unreachable")
    return out


def band_index(minutes: np.ndarray) -> np.ndarray:
    """Return the band of each value: 0..4 for ≤30 … >120, 5 for NaN (unreachable)."""
    m = np.asarray(minutes, dtype=float)
    idx = np.searchsorted(np.asarray(BAND_EDGES), m, side="left")
    return np.where(np.isnan(m), len(BAND_EDGES) + 1, idx)


def _cells_union(x: np.ndarray, y: np.ndarray, cell_m: float) -> Any:
    h = cell_m / 2
    boxes = shapely.box(x - h, y - h, x + h, y + h)
    try:
        merged = shapely.coverage_union_all(boxes)
    except Exception:  # noqa: BLE001 - older GEOS: fall back to a plain union
        merged = shapely.union_all(boxes)
    merged = merged.simplify(cell_m * 0.05)
    return shapely.transform(merged, lambda c: np.column_stack(_TO_WGS84.transform(c[:, 0], c[:, 1])))


@dataclass
class BandResult:
    """Dissolved band polygons plus the legend/table numbers."""

    features: list[dict[str, Any]]
    table: pd.DataFrame  # band, cells, population, share


def dissolve_bands(x: np.ndarray, y: np.ndarray, band: np.ndarray, population: np.ndarray, *, cell_km: float,
                   labels: Sequence[str], colours: Sequence[str], lang: str, title: str,
                   opacity: float = 0.55) -> BandResult:
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
    return BandResult(feats, pd.DataFrame(rows))


def legend_table(table: pd.DataFrame, colours: Sequence[str], lang: str) -> str:
    """Return an HTML legend table (swatch, band, cells, population share)."""
    head = ("<tr><th></th><th>分钟</th><th>网格</th><th>人口占比</th></tr>" if lang == "zh"
            else "<tr><th></th><th>minutes</th><th>cells</th><th>pop. share</th></tr>")
    body = []
    for (_, r), col in zip(table.iterrows(), colours):
        share = "—" if pd.isna(r["share"]) else f"{r['share']:.1%}"
        body.append(f'<tr><td><span style="display:inline-block;width:14px;height:11px;background:{col};'
                    f'border:1px solid #666"></span></td><td>{esc(r["band"])}</td><td>{int(r["cells"])}</td>'
                    f"<td>{share}</td></tr>")
    return f"<table>{head}{''.join(body)}</table>"


# --- engine calls -------------------------------------------------------------------------------------

def grid(km: float, base: Path) -> pd.DataFrame:
    from network import origins_grid
    return origins_grid(km, data_dir=base)


def access(spec: str, include: Sequence[str], km: float, base: Path, exclude: Sequence[str] = ()) -> pd.DataFrame:
    """Return the engine's access table (one row per grid cell) with the cells' x, y."""
    from network import access_table, get_engine
    g = grid(km, base)
    eng = get_engine(spec, data_dir=base, include=tuple(include), exclude=tuple(exclude))
    a = access_table(eng.scenario, g)
    a = a.merge(g[["origin_id", "x", "y"]], on="origin_id", how="left")
    return pd.DataFrame(a)


def access_bands(a: pd.DataFrame, *, km: float, lang: str, title: str) -> BandResult:
    """Dissolve an access table into nearest-site minute bands."""
    band = band_index(a["nearest_site_minutes"].to_numpy(dtype=float))
    return dissolve_bands(a["x"].to_numpy(float), a["y"].to_numpy(float), band, a["population"].to_numpy(float),
                          cell_km=km, labels=band_labels(lang), colours=[*BAND_COLOURS, UNREACHABLE_COLOUR],
                          lang=lang, title=title)


def scenario(spec: str, include: Sequence[str], base: Path, exclude: Sequence[str] = ()) -> Any:
    """Resolve a spec (+ included, - excluded feature ids) with the engine."""
    from network import resolve_scenario
    return resolve_scenario(spec, include=tuple(include), exclude=tuple(exclude), data_dir=base)


def isochrones(site_id: str, spec: str, include: Sequence[str], km: float, base: Path, *,
               lang: str, exclude: Sequence[str] = ()) -> tuple[list[dict[str, Any]], pd.DataFrame]:
    """Return nested isochrone polygons (engine: grid-based, not hulls) as map features + a table."""
    from network.isochrone import isochrones as engine_isochrones
    gdf = engine_isochrones(site_id, scenario(spec, include, base, exclude), minutes=BAND_EDGES, cell_km=km, data_dir=base)
    feats = []
    # largest first so the smaller (faster) areas sit on top
    for i, row in reversed(list(enumerate(gdf.itertuples()))):
        if row.geometry is None or row.geometry.is_empty:
            continue
        col = BAND_COLOURS[i]
        tip = f"≤{row.minutes:g} {'分钟' if lang == 'zh' else 'min'} · {row.area_km2:,.0f} km²"
        feats.append({"type": "Feature", "id": f"iso-{int(row.minutes)}", "geometry": mapping(row.geometry),
                      "properties": {"id": f"iso-{int(row.minutes)}", "layer": "analysis", "_tip": esc(tip),
                                     "style": {"color": col, "weight": 1.2, "fillColor": col, "fillOpacity": 0.3}}})
    table = pd.DataFrame({"minutes": gdf["minutes"], "area_km2": gdf["area_km2"].round(1), "cells": gdf["cells"]})
    return feats, table


def route_from_point(lon: float, lat: float, spec: str, include: Sequence[str], base: Path,
                     exclude: Sequence[str] = ()) -> dict[str, Any]:
    """Return the fastest route from a clicked point to its nearest heritage site (network.routing).

    A dict with site_id, site_name, minutes, legs (list of dicts) and the path (list of [lat, lon]).
    """
    from network import get_engine
    from network.routing import route_from_point as engine_route, route_path

    eng = get_engine(spec, data_dir=base, include=tuple(include), exclude=tuple(exclude))
    r = engine_route(eng, lon, lat)
    if not r.reachable:
        return {"reachable": False, "reason": r.reason}
    legs = [{"kind": leg.kind, "mode": "local" if leg.kind == "connector" and i == 0 else leg.mode,
             "line": leg.line, "from_id": leg.from_id, "to_id": leg.to_id, "from_name": leg.from_name,
             "to_name": leg.to_name, "minutes": leg.minutes} for i, leg in enumerate(r.legs)]
    path = [[la, lo] for lo, la in route_path(r, eng.data, start=(lon, lat))]
    return {"reachable": True, "site_id": r.to_id, "site_name": r.to_name, "minutes": r.minutes,
            "legs": legs, "path": path}


def compare(before_spec: str, before_inc: Sequence[str], after_spec: str, after_inc: Sequence[str], km: float,
            base: Path, *, before_exc: Sequence[str] = (), after_exc: Sequence[str] = ()
            ) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, list[str]]:
    """Engine comparison on a km grid: per cell (with x, y), per county, gateway → national site; notes."""
    from network.compare import compare_scenarios
    g = grid(km, base)
    c = compare_scenarios(scenario(before_spec, before_inc, base, before_exc),
                          scenario(after_spec, after_inc, base, after_exc), g,
                          data_dir=base)
    po = c.per_origin.merge(g[["origin_id", "x", "y"]], on="origin_id", how="left")
    return pd.DataFrame(po), c.per_county, c.gateway_sites, list(c.notes)


def gain_band(d: pd.DataFrame) -> np.ndarray:
    """Band of each cell: 0 none (<1 min), 1..4 saved ≥1/5/15/30 min, 5 slower, 6 newly reachable."""
    saved = d["minutes_saved"].to_numpy(float)
    with np.errstate(invalid="ignore"):
        idx = np.searchsorted(np.asarray(GAIN_EDGES), np.nan_to_num(saved, nan=0.0), side="right")
        idx = np.where(saved <= -1, 5, idx)
    newly = d["newly_reachable"].to_numpy(bool)
    return np.where(newly, 6, idx)


def gain_labels(lang: str) -> list[str]:
    zh = lang == "zh"
    return ["<1 分钟" if zh else "< 1 min", "1–5", "5–15", "15–30", ">30",
            "变慢" if zh else "slower", "新可达" if zh else "newly reachable"]


GAIN_ALL_COLOURS = ("#f7f7f7", *GAIN_COLOURS, WORSE_COLOUR, NEW_COLOUR)


def difference_bands(d: pd.DataFrame, *, km: float, lang: str, title: str) -> BandResult:
    """Dissolve a comparison into minutes-saved bands."""
    return dissolve_bands(d["x"].to_numpy(float), d["y"].to_numpy(float), gain_band(d),
                          d["population"].to_numpy(float), cell_km=km, labels=gain_labels(lang),
                          colours=GAIN_ALL_COLOURS, lang=lang, title=title, opacity=0.6)


def rank(before_spec: str, before_inc: Sequence[str], after_spec: str, after_inc: Sequence[str], km: float,
         base: Path, *, before_exc: Sequence[str] = (), after_exc: Sequence[str] = ()) -> pd.DataFrame:
    """Engine project ranking (each project added alone / removed alone) on a km grid."""
    from network.ranking import rank_projects
    return rank_projects(scenario(before_spec, before_inc, base, before_exc),
                         scenario(after_spec, after_inc, base, after_exc),
                         grid(km, base), data_dir=base)


# --- tables for people: sensible precision, names instead of ids -----------------------------------------

def decimals_for(column: str) -> int:
    """Return the decimals a column is shown and exported with (by what its name says it holds)."""
    c = column.lower()
    if c in ("lon", "lat"):
        return 5  # ~1 m
    if "share" in c:
        return 3  # a fraction: 0.1 %
    if (c.startswith(("add_pop", "remove_pop", "population")) or c in ("x", "y")
            or c.endswith("_m") or c == "cells"):
        return 0  # people, person-minutes, metres
    if "mean_minutes" in c:
        return 2  # minutes per resident are often below one
    if "minutes" in c or c.endswith("km2") or c.endswith("_km"):
        return 1
    return 3


def tidy(df: pd.DataFrame) -> pd.DataFrame:
    """Return a copy with every float column rounded to ``decimals_for`` its name (no 10-decimal floats)."""
    out = df.copy()
    for c in out.columns:
        if pd.api.types.is_float_dtype(out[c]):
            out[c] = out[c].round(decimals_for(str(c)))
    return out


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
