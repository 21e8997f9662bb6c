"""Every cache of the app, next to each other so that their keys can be read together.

Every key starts with the request's ``DataVersion`` (geo.paths.data_version: a stamp of every input file,
taken once per run in ui.frame), so an edited layer, parameter table or calibration row is never served
stale. ``st.cache_resource`` holds shared read-only objects (layers, map features, the resolved scenario);
``st.cache_data`` holds analysis results keyed on the version, the engine Scenario and the settings.
"""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from typing import Any

import geopandas as gpd
import pandas as pd
import streamlit as st

from geo.errors import AtlasError
from geo.paths import DataVersion
from geo.planitems import plan_item_rows
from geo.schema import LAYERS
from geo.store import load_layer
from network.data import load_network_data
from network.drafts import Draft
from network.params import load_params
from network.scenario import Scenario
from ui import results
from ui.basemap import basemap_features
from ui.features import prepare_features
from ui.scenario import AppScenario, app_scenario
from ui.sketching import evaluate

log = logging.getLogger(__name__)


@dataclass
class LoadedLayers:
    """The layers that could be read, and a message per layer that could not."""

    layers: dict[str, gpd.GeoDataFrame] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)


@st.cache_resource(show_spinner=False, max_entries=4)
def layers(version: DataVersion) -> LoadedLayers:
    """Every layer file present: the engine's own copy when the data loads, else each layer that can be read."""
    try:
        return LoadedLayers(dict(load_network_data(version.data_dir, version=version).layers))
    except AtlasError as exc:
        log.info("engine data not available (%s); loading layers one by one", exc)
    out = LoadedLayers()
    for name in LAYERS:
        if version.missing_layers() and name in version.missing_layers():
            continue
        try:
            out.layers[name] = load_layer(name, data_dir=version.data_dir)
        except AtlasError as exc:
            out.errors.append(f"{name}: {exc}")
    return out


@st.cache_resource(show_spinner=False, max_entries=8)
def map_features(version: DataVersion, lang: str) -> dict[str, list[dict[str, Any]]]:
    """The map features of every layer in ``lang`` (popups are language-specific)."""
    loaded = layers(version).layers
    names = {rec["id"]: rec for layer in ("airports", "places") if layer in loaded
             for rec in loaded[layer][["id", "name_zh", "name_en"]].to_dict("records")}
    return {name: prepare_features(name, gdf, lang, names=names) for name, gdf in loaded.items()}


@st.cache_resource(show_spinner=False, max_entries=4)
def basemap(version: DataVersion, lang: str) -> dict[str, list]:
    """The offline base map's rivers and labels in ``lang`` (data/basemap/, see ui.basemap)."""
    return basemap_features(version.data_dir, lang)


@st.cache_resource(show_spinner=False, max_entries=8)
def feature_names(version: DataVersion, lang: str) -> dict[str, str]:
    """id -> name in ``lang`` (the other language when missing) for every feature of every layer."""
    first, second = ("name_zh", "name_en") if lang == "zh" else ("name_en", "name_zh")
    out: dict[str, str] = {}
    for gdf in layers(version).layers.values():
        for fid, a, b in zip(gdf["id"], gdf[first], gdf[second]):
            name = a if isinstance(a, str) and a.strip() else b
            if isinstance(name, str) and name.strip():
                out[str(fid)] = name
    return out


@st.cache_resource(show_spinner=False, max_entries=4)
def plan_rows(version: DataVersion) -> list[dict[str, Any]]:
    """The plan-items table (geo.planitems): every local feature of the transport layers and of plan_items."""
    loaded = layers(version).layers
    return plan_item_rows({name: gdf.drop(columns=gdf.geometry.name).to_dict("records") for name, gdf in loaded.items()})


@st.cache_resource(show_spinner=False, max_entries=64)
def scenario(version: DataVersion, choice: str, custom: tuple[str, ...], year: int | None) -> AppScenario:
    """The chosen scenario resolved once per data version, choice and year (see ui.scenario)."""
    return app_scenario(version, choice, custom, year, layers=layers(version).layers)


@st.cache_resource(show_spinner=False, max_entries=4)
def sketch_defaults(version: DataVersion) -> dict[str, float]:
    """The sketch form's default numbers (``sketch.default.*`` in the parameter table)."""
    p = load_params(data_dir=version.data_dir)
    return {k: p.num(k) for k in p if k.startswith("sketch.default.")}


# -- analysis results ------------------------------------------------------------------------------------

@st.cache_data(show_spinner=False, max_entries=48)
def access(version: DataVersion, sc: Scenario, km: float, lang: str, title: str) -> tuple[Any, pd.DataFrame]:
    """Nearest-site bands and the nearest-site table (48 entries: every slider year in both languages stays)."""
    return results.access(version, sc, km, lang=lang, title=title)


@st.cache_data(show_spinner=False, max_entries=4)
def access_table(version: DataVersion, sc: Scenario, km: float) -> pd.DataFrame:
    """The full access table (sites within T, gravity): made when the grid table is downloaded."""
    return results.access_table(version, sc, km)


@st.cache_data(show_spinner=False, max_entries=32)
def isochrones(version: DataVersion, sc: Scenario, site_id: str, km: float, lang: str) -> tuple[list, pd.DataFrame]:
    return results.site_isochrones(version, sc, site_id, km, lang=lang)


@st.cache_data(show_spinner=False, max_entries=64)
def point_route(version: DataVersion, sc: Scenario, lon: float, lat: float) -> dict[str, Any]:
    return results.point_route(version, sc, lon, lat)


@st.cache_data(show_spinner=False, max_entries=16)
def comparison(version: DataVersion, baseline: Scenario, with_: Scenario, km: float, lang: str,
               title: str) -> dict[str, Any]:
    return results.comparison(version, baseline, with_, km, lang=lang, title=title)


@st.cache_data(show_spinner=False, max_entries=16)
def ranking(version: DataVersion, baseline: Scenario, with_: Scenario, km: float,
            measures: tuple[str, ...] = ("residents",)) -> pd.DataFrame:
    return results.ranking(version, baseline, with_, km, measures)


@st.cache_data(show_spinner=False, max_entries=8)
def sweep(version: DataVersion, baseline: Scenario, with_: Scenario, projects: tuple[str, ...], measure: str,
          km: float) -> pd.DataFrame:
    """A portfolio sweep of up to 8 projects, in this process (network.sweep)."""
    return results.sweep(version, baseline, with_, projects, measure, km)


@st.cache_data(show_spinner=False, max_entries=16)
def visitors(version: DataVersion, sc: Scenario) -> dict[str, Any]:
    """The visitors' matrix and tables of a scenario (no grid: the origins are the market cities)."""
    return results.visitors(version, sc)


@st.cache_data(show_spinner=False, max_entries=8)
def report(version: DataVersion, sc: Scenario, baseline: Scenario, km: float, lang: str, fmt: str,
           titles: tuple[str, str], destination: str | None) -> bytes:
    """The meeting pack's bytes (built when the download button is clicked, then kept)."""
    return results.report(version, sc, baseline, km, lang=lang, fmt=fmt, titles=titles, destination=destination)


@st.cache_data(show_spinner=False, max_entries=32)
def sketch_result(version: DataVersion, draft_json: str, sc: Scenario, rank_baseline: Scenario,
                  lang: str) -> dict[str, Any]:
    """A sketched draft evaluated on a scenario (the timings are those of the real computation)."""
    return evaluate(Draft.from_geojson(json.loads(draft_json)), sc, version, lang=lang, rank_baseline=rank_baseline)


def clear() -> None:
    """Forget every cached result (after the app itself changed the layers, e.g. a promoted draft)."""
    st.cache_data.clear()
    st.cache_resource.clear()
