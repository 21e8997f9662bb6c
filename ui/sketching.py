"""Sketch mode without the widgets: the form's choices, coordinates typed by hand, sketch features, and the
evaluation of a draft on a scenario (tables, bands, its row in the ranking). No streamlit here; the page
is ui.pages.sketch and the cache ui.cache.sketch_result.
"""
from __future__ import annotations

import math
import time
from collections.abc import Mapping
from typing import Any

import geopandas as gpd

from geo.paths import DataVersion
from network.access import engine_access_table, resident_thresholds
from network.drafts import Draft
from network.engine import get_engine
from network.origins import origins_grid
from network.proposals import compare_with, proposal_engine, proposal_rank_row
from network.scenario import Scenario
from network.sketch import Proposal
from ui.assets import URL_PREFIX, VENDOR_DIR
from ui.features import prepare_features
from ui.i18n import t
from ui.overlays import access_bands, difference_bands
from ui.style import SKETCH_COLOUR, SKETCH_FILL

#: the analysis grid of the sketch view (km): the view answers within a second
GRID_KM = 2.0
DRAW_JS = [("leaflet_draw_js", f"{URL_PREFIX}/leaflet-draw/leaflet.draw.js")]
DRAW_CSS = [("leaflet_draw_css", f"{URL_PREFIX}/leaflet-draw/leaflet.draw.css")]

#: form choice -> (sketch kind, fixed properties)
LINE_CHOICES: dict[str, tuple[str, dict[str, str]]] = {
    "hsr": ("railway", {"rail_class": "hsr"}),
    "intercity": ("railway", {"rail_class": "intercity"}),
    "conventional": ("railway", {"rail_class": "conventional"}),
    "expressway": ("expressway", {}),
    "trunk_road": ("trunk_road", {}),
}
POINT_CHOICES: dict[str, tuple[str, dict[str, str]]] = {
    "station": ("station", {}), "interchange": ("interchange", {}), "airport": ("airport", {}),
    "heritage_site": ("heritage_site", {}),
}
#: widget key (ui.session) suffixes of each choice's numbers: choice -> [(attribute, widget key)]
FORM_FIELDS: dict[str, list[tuple[str, str]]] = {
    "hsr": [("design_speed_kmh", "w_sk_speed_hsr"), ("tracks", "w_sk_tracks_hsr")],
    "intercity": [("design_speed_kmh", "w_sk_speed_intercity"), ("tracks", "w_sk_tracks_intercity")],
    "conventional": [("design_speed_kmh", "w_sk_speed_conventional"), ("tracks", "w_sk_tracks_conventional")],
    "expressway": [("speed_kmh", "w_sk_speed_expressway"), ("lanes", "w_sk_lanes")],
    "trunk_road": [("road_class", "w_sk_road_class"), ("speed_kmh", "w_sk_speed_trunk_road")],
    "heritage_site": [("level", "w_sk_level")],
}


def draw_assets_missing() -> list[str]:
    """Return the leaflet-draw files that are not in static/vendor/."""
    return [url for _, url in DRAW_JS + DRAW_CSS
            if not (VENDOR_DIR / url.removeprefix(URL_PREFIX + "/")).is_file()]


def parse_coords(text: str) -> dict[str, Any]:
    """Parse 'lon,lat; lon,lat …' into a GeoJSON Point (one pair) or LineString; ValueError if unreadable."""
    pairs = [p.strip() for p in text.replace("\n", ";").split(";") if p.strip()]
    pts = []
    for p in pairs:
        parts = [x for x in p.replace("，", ",").replace(" ", ",").split(",") if x]
        if len(parts) != 2:
            raise ValueError(f"{p[:40]!r} is not 'lon,lat'")
        try:
            lon, lat = float(parts[0]), float(parts[1])
        except ValueError:
            raise ValueError(f"{p[:40]!r} is not 'lon,lat' numbers") from None
        if not (math.isfinite(lon) and math.isfinite(lat)):
            raise ValueError(f"{p[:40]!r} is not a finite lon,lat")
        pts.append([lon, lat])
    if not pts:
        raise ValueError("no coordinates")
    return {"type": "Point", "coordinates": pts[0]} if len(pts) == 1 else {"type": "LineString", "coordinates": pts}


def step_label(props: Mapping[str, Any], lang: str) -> str:
    """The form's label of a sketch step (e.g. 高速铁路 for kind railway + rail_class hsr)."""
    kind = str(props.get("kind") or "")
    key = props.get("rail_class") or ("hsr" if kind == "railway" else kind)
    key = {"conventional_rail": "conventional"}.get(key, key)
    return t(f"sk_{key}", lang) if key in LINE_CHOICES or key in POINT_CHOICES else kind


def sketch_feature(geometry: Mapping[str, Any], choice: str, attrs: Mapping[str, Any]) -> dict[str, Any]:
    """Return the sketch Feature for a drawn geometry, the chosen kind and the form's attributes."""
    kind, fixed = (LINE_CHOICES if geometry["type"] == "LineString" else POINT_CHOICES)[choice]
    props = {"kind": kind, **fixed, **{k: v for k, v in attrs.items() if v not in (None, "")}}
    return {"type": "Feature", "properties": props, "geometry": dict(geometry)}


def form_attrs(choice: str, state: Mapping[str, Any]) -> dict[str, Any]:
    """The sketch attributes the form holds for ``choice`` (read from the widgets' session-state keys)."""
    attrs: dict[str, Any] = {"name_zh": state.get("w_sk_name") or None}
    attrs.update({attr: state.get(key) for attr, key in FORM_FIELDS.get(choice, [])})
    if choice == "airport" and state.get("w_sk_to_place"):
        attrs.update(to_place=state.get("w_sk_to_place"), block_minutes=state.get("w_sk_block"))
    return attrs


def proposal_map_features(prop: Proposal, lang: str) -> list[dict[str, Any]]:
    """The draft's layer features styled like the layers, in the sketch colour, with escaped popups."""
    out = []
    for layer in ("railways", "expressways", "trunk_roads", "air_routes", "stations", "places", "airports",
                  "heritage_sites"):
        feats = prop.features.get(layer)
        if not feats:
            continue
        gdf = gpd.GeoDataFrame.from_features(feats, crs="EPSG:4326")
        for f in prepare_features(layer, gdf, lang):
            style = dict(f["properties"].get("style") or {})
            style.update({"color": SKETCH_COLOUR, "weight": max(4, style.get("weight", 3))}
                         if f["geometry"]["type"] != "Point" else
                         {"color": SKETCH_COLOUR, "fillColor": SKETCH_FILL, "radius": 6, "weight": 2.5})
            f["properties"]["style"] = style
            out.append(f)
    return out


def evaluate(draft: Draft, scenario: Scenario, version: DataVersion, *, km: float = GRID_KM, lang: str = "zh",
             rank_baseline: Scenario | None = None) -> dict[str, Any]:
    """Build the draft on ``scenario`` and compute every result the sketch view shows: tables, band overlays,
    the draft's ranking row (projects between ``rank_baseline`` and the scenario) and timings in ms."""
    t0 = time.perf_counter()
    base_engine = get_engine(scenario, version=version)
    data_dir = base_engine.data.data_dir
    prop = draft.build(data_dir=data_dir, scenario=scenario)
    grid = origins_grid(km, data=base_engine.data)
    eng = proposal_engine(scenario, prop, data_dir=data_dir)
    acc = engine_access_table(eng, grid).merge(grid[["origin_id", "x", "y"]], on="origin_id", how="left")
    cmp_ = compare_with(scenario, prop, grid, data_dir=data_dir, visitors=False)
    po = cmp_.per_origin.merge(grid[["origin_id", "x", "y"]], on="origin_id", how="left")
    t_tables = time.perf_counter()
    minutes = access_bands(acc, km=km, lang=lang, title=t("sk_show_minutes", lang),
                           thresholds=resident_thresholds(eng.params))
    diff = difference_bands(po, km=km, lang=lang, title=t("sk_show_diff", lang))
    t_bands = time.perf_counter()
    row = None
    if not prop.empty and rank_baseline is not None:
        row = proposal_rank_row(rank_baseline, scenario, prop, grid, data_dir=data_dir, label=draft.name)
    t_row = time.perf_counter()
    return {"proposal": prop, "scenario": scenario.name, "county": cmp_.per_county, "gateways": cmp_.gateway_sites,
            "notes": list(prop.notes) + list(cmp_.notes), "minutes": minutes, "diff": diff, "rank_row": row,
            "ms": {"tables": (t_tables - t0) * 1000, "bands": (t_bands - t_tables) * 1000,
                   "rank_row": (t_row - t_bands) * 1000, "total": (t_row - t0) * 1000}}
