"""QGIS styles (QML) of the layers, in the app's colours, for the GeoPackage's ``layer_styles`` table.

Each layer gets a rule-based renderer: lines by class and status (solid existing, dashed under construction
and planned, dotted proposed and study, as in the app), points by status (not-yet-existing features pale),
heritage sites by level, counties as a dashed outline with their names; analysis layers by the app's bands.
Sizes are millimetres on the QGIS canvas. Symbol properties are written both as ``<Option>`` maps (QGIS ≥ 3.16)
and as ``<prop>`` elements (older 3.x). The XML is built with ElementTree, so every text is escaped.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass

from geo.cartography import (BASE_LAND, COUNTY_STROKE, DASH, HERITAGE, HERITAGE_STROKE, LINE,
                             POINT, RAIL, band_colours)
from geo.labels import LEVEL_LABELS, RAIL_CLASS_LABELS, STATUS_LABELS, label
from geo.schema import STATUSES, get_schema
from geo.text import xml_text

#: Leaflet pixels → millimetres on a QGIS canvas
PX_TO_MM = 0.18
QGIS_VERSION = "3.28.0-Firenze"


@dataclass(frozen=True)
class Rule:
    """One rule of a rule-based renderer: a QGIS expression, a legend label and a symbol."""

    expression: str
    label: str
    symbol: ET.Element


def _rgba(hex_colour: str, alpha: float = 1.0) -> str:
    h = hex_colour.lstrip("#")
    return f"{int(h[0:2], 16)},{int(h[2:4], 16)},{int(h[4:6], 16)},{round(alpha * 255)}"


def _symbol(kind: str, layer_class: str, props: dict[str, str]) -> ET.Element:
    sym = ET.Element("symbol", {"type": kind, "name": "", "alpha": "1", "clip_to_extent": "1", "force_rhr": "0"})
    layer = ET.SubElement(sym, "layer", {"class": layer_class, "enabled": "1", "locked": "0", "pass": "0"})
    opts = ET.SubElement(layer, "Option", {"type": "Map"})
    for k, v in props.items():
        ET.SubElement(opts, "Option", {"name": k, "value": str(v), "type": "QString"})
    for k, v in props.items():
        ET.SubElement(layer, "prop", {"k": k, "v": str(v)})
    return sym


def line_symbol(colour: str, weight_px: float, status: str | None, *, alpha: float = 1.0) -> ET.Element:
    """A line of the app's colour and weight, dashed by status."""
    dash = DASH.get(status or "existing")
    props = {"line_color": _rgba(colour, alpha), "line_width": f"{weight_px * PX_TO_MM:.2f}", "line_width_unit": "MM",
             "line_style": "solid", "capstyle": "round", "joinstyle": "round", "use_custom_dash": "1" if dash else "0",
             "customdash": ";".join(f"{float(x) * PX_TO_MM * 1.5:.2f}" for x in dash.split()) if dash else "5;2",
             "customdash_unit": "MM"}
    return _symbol("line", "SimpleLine", props)


def marker_symbol(fill: str, stroke: str, radius_px: float, *, alpha: float = 1.0, shape: str = "circle") -> ET.Element:
    props = {"name": shape, "color": _rgba(fill, alpha), "outline_color": _rgba(stroke), "outline_width": "0.3",
             "outline_width_unit": "MM", "size": f"{radius_px * 2 * PX_TO_MM * 1.2:.2f}", "size_unit": "MM"}
    return _symbol("marker", "SimpleMarker", props)


def fill_symbol(fill: str, alpha: float, stroke: str, *, stroke_width: float = 0.1, dashed: bool = False) -> ET.Element:
    props = {"color": _rgba(fill, alpha), "style": "solid" if alpha > 0 else "no", "outline_color": _rgba(stroke),
             "outline_style": "dash" if dashed else "solid", "outline_width": f"{stroke_width:.2f}",
             "outline_width_unit": "MM"}
    return _symbol("fill", "SimpleFill", props)


def _q(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def status_rules(make, lang: str) -> list[Rule]:
    """One rule per status: ``make(status)`` gives its symbol."""
    return [Rule(f'"status" = {_q(s)}', label(STATUS_LABELS, s, lang), make(s)) for s in STATUSES]


def layer_rules(layer: str, lang: str) -> list[Rule]:
    """The rules of a data layer (see the module docstring)."""
    if layer == "railways":
        return [Rule(f'"rail_class" = {_q(rc)} AND "status" = {_q(s)}',
                     f"{label(RAIL_CLASS_LABELS, rc, lang)} · {label(STATUS_LABELS, s, lang)}",
                     line_symbol(RAIL[rc][0], RAIL[rc][1], s)) for rc in RAIL for s in STATUSES]
    if layer in LINE:
        colour, weight = LINE[layer]
        return status_rules(lambda s: line_symbol(colour, weight, s, alpha=0.7 if layer == "air_routes" else 1.0), lang)
    if layer == "heritage_sites":
        later = "（未建成）" if lang == "zh" else " (not yet built)"
        return [Rule(f'"level" = {_q(lv)} AND "status" {op} \'existing\'', label(LEVEL_LABELS, lv, lang) + tail,
                     marker_symbol(fill, HERITAGE_STROKE, r, alpha=alpha))
                for lv, (fill, r) in HERITAGE.items() for op, tail, alpha in (("=", "", 0.95), ("<>", later, 0.25))]
    if layer in POINT:
        stroke, fill, r = POINT[layer]
        shape = "square" if layer == "airports" else "circle"
        return status_rules(lambda s: marker_symbol(fill, stroke, r, alpha=0.95 if s == "existing" else 0.2,
                                                    shape=shape), lang)
    if layer == "counties":
        return [Rule("TRUE", get_schema("counties").title_zh if lang == "zh" else "Counties",
                     fill_symbol(BASE_LAND, 0.0, COUNTY_STROKE, stroke_width=0.3, dashed=True))]
    return [Rule("TRUE", layer, marker_symbol("#757575", "#424242", 3.0))]


def band_rules(column: str, thresholds: Sequence[float], lang: str) -> list[Rule]:
    """Grid cells coloured by the app's minute bands of ``column`` (≤T1, T1–T2 … >Tn, unreachable)."""
    colours = band_colours(len(thresholds))
    edges = [None, *thresholds, None]
    rules = []
    for i, colour in enumerate(colours[:-1]):
        lo, hi = edges[i], edges[i + 1]
        parts = ([f'"{column}" > {lo:g}'] if lo is not None else []) + ([f'"{column}" <= {hi:g}'] if hi is not None else [])
        text = f"≤{hi:g}" if lo is None else (f">{lo:g}" if hi is None else f"{lo:g}–{hi:g}")
        rules.append(Rule(" AND ".join(parts), text, fill_symbol(colour, 0.8, colour, stroke_width=0.0)))
    rules.append(Rule(f'"{column}" IS NULL', "无法到达" if lang == "zh" else "unreachable",
                      fill_symbol(colours[-1], 0.8, colours[-1], stroke_width=0.0)))
    return rules


def level_rules(lang: str) -> list[Rule]:
    """Sites by heritage level (a results layer without statuses)."""
    return [Rule(f'"level" = {_q(lv)}', label(LEVEL_LABELS, lv, lang), marker_symbol(fill, HERITAGE_STROKE, r))
            for lv, (fill, r) in HERITAGE.items()]


def qml(rules: Sequence[Rule], *, geometry: str, label_field: str | None = None) -> str:
    """The QML document of a rule-based style (``geometry``: point, line or polygon), optionally labelled."""
    root = ET.Element("qgis", {"version": QGIS_VERSION, "styleCategories": "Symbology|Labeling",
                               "labelsEnabled": "1" if label_field else "0"})
    renderer = ET.SubElement(root, "renderer-v2", {"type": "RuleRenderer", "symbollevels": "0", "enableorderby": "0",
                                                   "forceraster": "0"})
    top = ET.SubElement(renderer, "rules", {"key": "{root}"})
    symbols = ET.SubElement(renderer, "symbols")
    for i, r in enumerate(rules):
        ET.SubElement(top, "rule", {"key": f"{{r{i}}}", "filter": r.expression, "label": xml_text(r.label),
                                    "symbol": str(i)})
        r.symbol.set("name", str(i))
        symbols.append(r.symbol)
    if label_field:
        _labels(root, label_field)
    ET.SubElement(root, "layerGeometryType").text = {"point": "0", "line": "1", "polygon": "2"}[geometry]
    return "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n" + ET.tostring(root, encoding="unicode")


def _labels(root: ET.Element, field: str) -> None:
    labeling = ET.SubElement(root, "labeling", {"type": "simple"})
    settings = ET.SubElement(labeling, "settings", {"calloutType": "simple"})
    style = ET.SubElement(settings, "text-style", {"fieldName": field, "fontSize": "9", "fontSizeUnit": "Point",
                                                   "textColor": "74,74,74,255", "fontFamily": "Noto Sans CJK SC",
                                                   "isExpression": "0"})
    ET.SubElement(style, "text-buffer", {"bufferDraw": "1", "bufferSize": "0.7", "bufferSizeUnits": "MM",
                                         "bufferColor": "255,255,255,200"})
    ET.SubElement(settings, "placement", {"placement": "1"})  # over the polygon's point


def layer_qml(layer: str, lang: str) -> str:
    """The QML style of data layer ``layer``."""
    geoms = get_schema(layer).geometry_types
    geometry = "point" if geoms == ("Point",) else "polygon" if "Polygon" in geoms[0] else "line"
    name_field = "name_zh" if lang == "zh" else "name_en"
    return qml(layer_rules(layer, lang), geometry=geometry, label_field=name_field if layer == "counties" else None)
