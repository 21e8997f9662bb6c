"""How each layer and status looks on the app's map: Leaflet path styles and legend swatches.

The colours, weights and dash patterns themselves are ``geo.cartography`` (shared with the report's static
maps and the GeoPackage's QGIS styles); they are re-exported here under their usual names.
Status reads at a glance: solid = existing, dashed = under construction / planned (long / short dashes),
dotted = proposed / study. HSR is thick red, intercity purple, conventional rail dark grey.
"""
from __future__ import annotations

import html
from typing import Any, Mapping

from geo.cartography import (BACKGROUND, BAND_RAMP, BASE_LAND, BASE_WATER, COUNTY_DASH, COUNTY_STROKE, DASH,  # noqa: F401
                             GAIN_ALL_COLOURS, HERITAGE, HERITAGE_STROKE, LINE, PLAN_OTHER_COLOUR, PLAN_SYSTEM_COLOURS,
                             POINT, RAIL, UNREACHABLE_COLOUR, URBAN_EXPRESSWAY)


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

ROUTE_COLOUR = "#00a6ff"   # a clicked point's route: not used by any plan layer
SKETCH_COLOUR = "#c51b8a"  # a sketched proposal's features
SKETCH_FILL = "#fde0ef"


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
                "dashArray": COUNTY_DASH}
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
        style = {"color": HERITAGE_STROKE, "weight": 1.5, "fill": True, "fillColor": fill, "radius": radius,
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
