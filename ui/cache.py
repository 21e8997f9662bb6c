"""All of the app's caching in one place.

``st.cache_resource`` holds shared read-only objects (layers, prepared map features, graphs);
``st.cache_data`` holds analysis results keyed on the data stamp + scenario + parameters. Every key
includes the data folder and a stamp of its files, so rebuilt data is picked up without a restart.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import geopandas as gpd
import streamlit as st

from geo.errors import AtlasError
from geo.schema import LAYERS
from geo.paths import default_data_dir, layer_path, layer_stamp
from geo.store import load_layer
from ui.features import prepare_features

log = logging.getLogger(__name__)


@dataclass
class LoadedLayers:
    """The layers that could be read, and a message per layer that could not."""

    layers: dict[str, gpd.GeoDataFrame] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)


def data_stamp(base: Path | None = None) -> tuple[str, tuple]:
    """Return (data folder, stamp of its layer files and params) used in every cache key."""
    b = base or default_data_dir()
    params = b / "params"
    param_stamp = tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size)
                        for p in sorted(params.iterdir())) if params.is_dir() else ()
    return str(b), layer_stamp(b) + param_stamp


@st.cache_resource(show_spinner=False, max_entries=4)
def _load_layers(base: str, stamp: tuple) -> LoadedLayers:
    out = LoadedLayers()
    for name in LAYERS:
        p = layer_path(name, data_dir=Path(base))
        if not p.exists():
            continue
        try:
            out.layers[name] = load_layer(name, data_dir=Path(base))
        except AtlasError as exc:
            out.errors.append(f"{name}: {exc}")
    return out


def load_layers_cached() -> LoadedLayers:
    """Return every layer file present in the data folder (cached on its stamp)."""
    base, stamp = data_stamp()
    return _load_layers(base, stamp)


@st.cache_resource(show_spinner=False, max_entries=8)
def _prepared(base: str, stamp: tuple, lang: str) -> dict[str, list[dict[str, Any]]]:
    loaded = _load_layers(base, stamp)
    names = {rec["id"]: rec for layer in ("airports", "places") if layer in loaded.layers
             for rec in loaded.layers[layer][["id", "name_zh", "name_en"]].to_dict("records")}
    return {name: prepare_features(name, gdf, lang, names=names) for name, gdf in loaded.layers.items()}


def prepared_features(lang: str) -> dict[str, list[dict[str, Any]]]:
    """Return the map features of every layer in ``lang`` (popups are language-specific)."""
    base, stamp = data_stamp()
    return _prepared(base, stamp, lang)


# --- analysis results (st.cache_data: keyed on data stamp + scenario + parameters) -----------------------

@st.cache_data(show_spinner=False, max_entries=48)
def access_result(base: str, stamp: tuple, spec: str, include: tuple[str, ...], km: float, lang: str,
                  title: str, exclude: tuple[str, ...] = ()) -> tuple[list[dict[str, Any]], Any, Any]:
    """Return (band features, band table, access table) for one scenario on a km grid.

    A year scenario (spec "2019", the slider) is cached like any other: one entry per year (48 entries:
    every year 2015–2035 in both languages on the default grid stays cached, ~1–2 MB each).
    """
    from ui import analysis as A
    a = A.access(spec, include, km, Path(base), exclude)
    bands = A.access_bands(a, km=km, lang=lang, title=title)
    return bands.features, bands.table, a.drop(columns=["x", "y"])


@st.cache_data(show_spinner=False, max_entries=32)
def isochrone_result(base: str, stamp: tuple, site_id: str, spec: str, include: tuple[str, ...], km: float,
                     lang: str, exclude: tuple[str, ...] = ()) -> tuple[list[dict[str, Any]], Any]:
    from ui import analysis as A
    return A.isochrones(site_id, spec, include, km, Path(base), lang=lang, exclude=exclude)


@st.cache_data(show_spinner=False, max_entries=64)
def route_result(base: str, stamp: tuple, lon: float, lat: float, spec: str, include: tuple[str, ...],
                 exclude: tuple[str, ...] = ()) -> dict:
    from ui import analysis as A
    return A.route_from_point(lon, lat, spec, include, Path(base), exclude)


@st.cache_data(show_spinner=False, max_entries=16)
def compare_result(base: str, stamp: tuple, before: str, before_inc: tuple[str, ...], after: str,
                   after_inc: tuple[str, ...], km: float, lang: str, title: str, *, before_exc: tuple[str, ...] = (),
                   after_exc: tuple[str, ...] = ()) -> dict[str, Any]:
    from ui import analysis as A
    per_cell, per_county, gateways, notes = A.compare(before, before_inc, after, after_inc, km, Path(base),
                                                      before_exc=before_exc, after_exc=after_exc)
    bands = A.difference_bands(per_cell, km=km, lang=lang, title=title)
    return {"features": bands.features, "bands": bands.table, "per_cell": per_cell.drop(columns=["x", "y"]),
            "per_county": per_county, "gateways": gateways, "notes": notes}


@st.cache_data(show_spinner=False, max_entries=16)
def rank_result(base: str, stamp: tuple, before: str, before_inc: tuple[str, ...], after: str,
                after_inc: tuple[str, ...], km: float, *, before_exc: tuple[str, ...] = (),
                after_exc: tuple[str, ...] = ()) -> Any:
    from ui import analysis as A
    return A.rank(before, before_inc, after, after_inc, km, Path(base), before_exc=before_exc, after_exc=after_exc)


@st.cache_resource(show_spinner=False, max_entries=8)
def _names(base: str, stamp: tuple, lang: str) -> dict[str, str]:
    loaded = _load_layers(base, stamp)
    out: dict[str, str] = {}
    first, second = ("name_zh", "name_en") if lang == "zh" else ("name_en", "name_zh")
    for gdf in loaded.layers.values():
        if not {"id", first, second} <= set(gdf.columns):
            continue
        for fid, a, b in zip(gdf["id"], gdf[first], gdf[second]):
            name = a if isinstance(a, str) and a.strip() else b
            if isinstance(name, str) and name.strip():
                out[str(fid)] = name
    return out


def feature_names(lang: str) -> dict[str, str]:
    """Return id -> name in ``lang`` (the other language when missing) for every feature of every layer."""
    base, stamp = data_stamp()
    return _names(base, stamp, lang)
