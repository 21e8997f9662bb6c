"""How each layer and status looks: colours, weights, dash patterns, point sizes, legend swatches.

Status reads at a glance: solid = existing, dashed = under construction / planned (long / short dashes),
dotted = proposed / study. HSR is thick red, intercity purple, conventional rail dark grey.
"""
from __future__ import annotations

import html
from typing import Any, Mapping


#: map groups (sidebar toggles) -> layers drawn in that group
GROUP_LAYERS: dict[str, tuple[str, ...]] = {
    "counties": ("counties",),
    "waterways": ("waterways", "ports"),
    "trunk_roads": ("trunk_roads",),
    "expressways": ("expressways",),
    "railways": ("railways",),
    "stations": ("stations",),
    "airports": ("air_routes", "airports"),  # routes under the airport symbols
    "plan_items": ("plan_items",),  # drawn and listed, never routed
    "heritage_sites": ("heritage_sites",),
}
GROUPS: tuple[str, ...] = tuple(GROUP_LAYERS)
DEFAULT_GROUPS: tuple[str, ...] = ("counties", "railways", "expressways", "airports", "plan_items", "heritage_sites")

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
COUNTY_STROKE = "#6d6d6d"
#: analysis overlays: minute bands green → red (sampled evenly for the number of thresholds), unreachable grey
BAND_RAMP: tuple[str, ...] = ("#1a9850", "#91cf60", "#fee08b", "#fc8d59", "#d73027")
UNREACHABLE_COLOUR = "#8c8c8c"
#: difference maps: < 1 min, 1–5, 5–15, 15–30, > 30 min saved, slower, newly reachable
GAIN_ALL_COLOURS: tuple[str, ...] = ("#f7f7f7", "#deebf7", "#9ecae1", "#4292c6", "#08519c", "#e6550d", "#54278f")
ROUTE_COLOUR = "#00a6ff"   # a clicked point's route: not used by any plan layer
SKETCH_COLOUR = "#c51b8a"  # a sketched proposal's features
SKETCH_FILL = "#fde0ef"
BASE_LAND = "#f6f3ec"
BASE_WATER = "#9cc3e4"
BACKGROUND = "#dfe7ec"


def plan_item_style(props: Mapping[str, Any], geom_type: str | None) -> dict[str, Any]:
    """A plan item: a filled circle (points), a line (lines) or a light area (polygons) in its system's colour."""
    colour = PLAN_SYSTEM_COLOURS.get(props.get("system"), PLAN_OTHER_COLOUR)
    existing = (props.get("status") or "existing") == "existing"
    if geom_type in ("Point", None):
        return {"color": "#212121", "weight": 1.5, "fill": True, "fillColor": colour, "radius": 6.5,
                "fillOpacity": 0.95 if existing else 0.3}
    if geom_type in ("Polygon", "MultiPolygon"):
        return {"color": colour, "weight": 1.5, "fill": True, "fillColor": colour, "fillOpacity": 0.15}
    return {"color": colour, "weight": 2.5, "opacity": 0.85, "lineCap": "round"}


def feature_style(layer: str, props: Mapping[str, Any], geom_type: str | None = None) -> dict[str, Any]:
    """Return the Leaflet path style of one feature of ``layer`` (``geom_type`` matters for mixed layers)."""
    status = props.get("status") or "existing"
    dash = DASH.get(status)
    existing = status == "existing"
    if layer == "counties":
        return {"color": COUNTY_STROKE, "weight": 1.2, "fillColor": "#ffffff", "fillOpacity": 0.0,
                "dashArray": "4 3"}
    if layer == "plan_items":
        style = plan_item_style(props, geom_type)
    elif layer == "trunk_roads" and props.get("road_class") == "urban_expressway":
        colour, weight = URBAN_EXPRESSWAY
        style = {"color": colour, "weight": weight, "opacity": 0.9, "lineCap": "round"}
    elif layer == "railways":
        colour, weight = RAIL.get(props.get("rail_class"), RAIL["conventional"])
        style = {"color": colour, "weight": weight, "opacity": 0.95, "lineCap": "round"}
    elif layer in LINE:
        colour, weight = LINE[layer]
        style = {"color": colour, "weight": weight, "opacity": 0.65 if layer == "air_routes" else 0.9,
                 "lineCap": "round"}
    elif layer == "heritage_sites":
        fill, radius = HERITAGE.get(props.get("level"), HERITAGE["local"])
        style = {"color": "#4e0000", "weight": 1.5, "fill": True, "fillColor": fill, "radius": radius,
                 "fillOpacity": 0.95 if existing else 0.25}
    elif layer in POINT:
        stroke, fill, radius = POINT[layer]
        style = {"color": stroke, "weight": 1.5, "fill": True, "fillColor": fill, "radius": radius,
                 "fillOpacity": 0.95 if existing else 0.2}
    else:
        style = {"color": "#555555", "weight": 2}
    if dash:
        style["dashArray"] = dash
    return style


def line_swatch(colour: str, weight: float, dash: str | None, *, width: int = 40) -> str:
    """Return an inline SVG line sample for the legend."""
    d = f' stroke-dasharray="{html.escape(dash)}"' if dash else ""
    h = max(10, int(weight) + 6)
    return (f'<svg width="{width}" height="{h}" aria-hidden="true"><line x1="3" y1="{h / 2}" x2="{width - 3}" '
            f'y2="{h / 2}" stroke="{colour}" stroke-width="{weight}" stroke-linecap="round"{d}/></svg>')


def point_swatch(stroke: str, fill: str, radius: float, *, hollow: bool = False) -> str:
    """Return an inline SVG circle sample for the legend."""
    size = int(radius * 2 + 4)
    op = 0.2 if hollow else 0.95
    return (f'<svg width="{size}" height="{size}" aria-hidden="true"><circle cx="{size / 2}" cy="{size / 2}" '
            f'r="{radius}" stroke="{stroke}" stroke-width="1.5" fill="{fill}" fill-opacity="{op}"/></svg>')
