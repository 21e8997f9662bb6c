"""Turn layer GeoDataFrames into slim GeoJSON features for the map: style, escaped popup and tooltip.

All user text (names, sources, notes …) goes through ``html.escape`` here, once, before any HTML is
built; the map code only ever inserts these prepared strings.
"""
from __future__ import annotations

import html
import math
import re
from typing import Any, Iterable, Mapping, Sequence

import geopandas as gpd
from shapely.geometry import mapping

from geo.schema import LAYERS
from ui.i18n import CONFIDENCE_LABELS, LEVEL_LABELS, RAIL_CLASS_LABELS, STATUS_LABELS, label, t
from ui.style import feature_style

#: properties kept on every map feature besides the prepared ones (needed for filtering)
_KEEP = ("id", "status", "opened", "planned_open")


def esc(value: Any) -> str:
    """Escape any value as HTML text (None -> empty)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, (list, tuple)):
        value = ", ".join(str(v) for v in value)
    return html.escape(str(value), quote=True)


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:$=])")


def md_escape(value: Any) -> str:
    """Escape user text for Streamlit markdown (labels, messages): no links, images or formatting."""
    return _MD_SPECIAL.sub(r"\\\1", "" if value is None else str(value))


def _present(v: Any) -> bool:
    if v is None:
        return False
    if isinstance(v, float) and math.isnan(v):
        return False
    if isinstance(v, (list, tuple)):
        return len(v) > 0
    return v != ""


def display_name(props: Mapping[str, Any], lang: str) -> str:
    """Return the name in ``lang`` first, the other in brackets (plain text, not escaped)."""
    zh, en = props.get("name_zh") or "", props.get("name_en") or ""
    if lang == "zh":
        return f"{zh} ({en})" if en and en != zh else zh
    return f"{en} ({zh})" if zh and en != zh else en


def popup_html(layer: str, props: Mapping[str, Any], lang: str) -> str:
    """Return the popup HTML of one feature; every value is escaped."""
    schema = LAYERS[layer]
    title = schema.title_zh if lang == "zh" else schema.title_en
    rows: list[tuple[str, str]] = []

    def add(key: str, value: Any) -> None:
        if _present(value):
            rows.append((t(key, lang), esc(value)))

    add("status", label(STATUS_LABELS, props.get("status"), lang))
    if layer == "railways":
        add("rail_class", label(RAIL_CLASS_LABELS, props.get("rail_class"), lang))
    if layer == "heritage_sites":
        add("level", label(LEVEL_LABELS, props.get("level"), lang))
    add("route_code", props.get("route_code"))
    add("opened", props.get("opened"))
    add("planned_open", props.get("planned_open"))
    speed = props.get("design_speed_kmh") or props.get("speed_kmh")
    if _present(speed):
        rows.append((t("speed", lang), f"{esc(speed)} km/h"))
    add("plan_period", props.get("plan_period"))
    add("plan_ref", props.get("plan_ref"))
    if layer == "counties":
        add("population", props.get("population"))
    add("source", props.get("source"))
    add("confidence", label(CONFIDENCE_LABELS, props.get("confidence"), lang))
    acc = props.get("accuracy_m")
    if _present(acc):
        rows.append((t("accuracy", lang), t("schematic", lang) if acc == "schematic" else f"{esc(acc)} m"))
    add("notes", props.get("notes"))
    body = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in rows)
    return (f'<div class="atlas-popup"><div class="atlas-popup-kind">{esc(title)}</div>'
            f'<div class="atlas-popup-name">{esc(props.get("name_zh"))}</div>'
            f'<div class="atlas-popup-name-en">{esc(props.get("name_en"))}</div>'
            f"<table>{body}</table></div>")


def tooltip_html(layer: str, props: Mapping[str, Any], lang: str) -> str:
    """Return the hover tooltip of one feature (escaped): name and status."""
    status = label(STATUS_LABELS, props.get("status"), lang)
    return f"{esc(display_name(props, lang))} · {esc(status)}"


def _year(v: Any) -> int | None:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return None
    try:
        return int(str(v)[:4])
    except ValueError:
        return None


def prepare_features(layer: str, gdf: gpd.GeoDataFrame, lang: str) -> list[dict[str, Any]]:
    """Return the map features of one layer: geometry, style, popup, tooltip and filter keys."""
    out = []
    for props, geom in zip(gdf.drop(columns=gdf.geometry.name).to_dict("records"), gdf.geometry):
        if geom is None or geom.is_empty:
            continue
        p = {k: props.get(k) for k in _KEEP if _present(props.get(k))}
        p["layer"] = layer
        p["style"] = feature_style(layer, props)
        p["_popup"] = popup_html(layer, props, lang)
        p["_tip"] = tooltip_html(layer, props, lang)
        p["_year"] = _year(props.get("opened")) if props.get("status") == "existing" else _year(props.get("planned_open"))
        p["_label"] = esc(props.get("name_zh") if lang == "zh" else props.get("name_en"))
        if layer == "heritage_sites":
            p["level"] = props.get("level")
        if layer == "railways":
            p["rail_class"] = props.get("rail_class")
        out.append({"type": "Feature", "id": p.get("id"), "properties": p, "geometry": mapping(geom)})
    return out


def is_visible(props: Mapping[str, Any], statuses: Iterable[str], year: int | None,
               ids: set[str] | frozenset[str] | None = None) -> bool:
    """Return whether a feature passes the status filter and, if ``year`` is set, exists by then.

    As of ``year``: existing features opened in or before it (undated existing ones count as open);
    other features whose planned opening year is in or before it (undated plans are hidden).
    """
    status = props.get("status") or "existing"
    if status not in set(statuses):
        return False
    if ids is not None and props.get("layer") != "counties" and props.get("id") not in ids:
        return False
    if year is None or props.get("layer") == "counties":
        return True
    y = props.get("_year")
    if y is None:
        return status == "existing"
    return y <= year


def filter_features(features: Sequence[dict[str, Any]], statuses: Iterable[str], year: int | None,
                    ids: set[str] | frozenset[str] | None = None) -> list[dict[str, Any]]:
    """Return the features that pass ``is_visible``."""
    st = tuple(statuses)
    return [f for f in features if is_visible(f["properties"], st, year, ids)]
