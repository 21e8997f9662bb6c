"""Turn layer GeoDataFrames into slim GeoJSON features for the map: style, escaped popup and tooltip.

All user text (names, sources, notes …) goes through ``geo.text.escape_html`` here, once, before any HTML
is built; the map code only ever inserts these prepared strings.
"""
from __future__ import annotations

import math
from typing import Any, Iterable, Mapping, Sequence

import geopandas as gpd
from pyproj import Geod
from shapely.geometry import LineString, mapping

from geo.schema import LAYERS
from geo.text import escape_html as esc
from ui.i18n import (CONFIDENCE_LABELS, LEVEL_LABELS, PLAN_KIND_LABELS, PLAN_SYSTEM_LABELS, RAIL_CLASS_LABELS,
                     ROAD_CLASS_LABELS, STATUS_LABELS, label, t)
from ui.style import feature_style

_GEOD = Geod(ellps="WGS84")
#: properties kept on every map feature besides the prepared ones (needed for filtering)
_KEEP = ("id", "status", "opened", "planned_open")


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


def _num(v: Any) -> str:
    """Return a number without a needless '.0' (3.0 -> '3', 1.5 -> '1.5')."""
    try:
        f = float(v)
    except (TypeError, ValueError):
        return str(v)
    return f"{f:g}"


def air_route_props(props: Mapping[str, Any], names: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """Return an air route's properties named by its end points (赣州黄金机场 → 北京), not by ids."""
    out = dict(props)
    a, b = names.get(props.get("from_airport") or ""), names.get(props.get("to_place") or "")
    for lang in ("zh", "en"):
        key = f"name_{lang}"
        if a and b and a.get(key) and b.get(key):
            out[key] = f"{a[key]} → {b[key]}"
    out["_from_name"] = display_name(a, "zh") if a else props.get("from_airport")
    out["_to_name"] = display_name(b, "zh") if b else props.get("to_place")
    out["_from_name_en"] = display_name(a, "en") if a else props.get("from_airport")
    out["_to_name_en"] = display_name(b, "en") if b else props.get("to_place")
    return out


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
    if layer == "trunk_roads":
        add("road_class", label(ROAD_CLASS_LABELS, props.get("road_class"), lang))
    if layer == "plan_items":
        _plan_item_rows(add, props, lang)
    if layer == "heritage_sites":
        add("level", label(LEVEL_LABELS, props.get("level"), lang))
    add("route_code", props.get("route_code"))
    if layer == "air_routes":
        sfx = "" if lang == "zh" else "_en"
        add("from_airport", props.get("_from_name" + sfx) or props.get("from_airport"))
        add("to_place", props.get("_to_name" + sfx) or props.get("to_place"))
        if _present(props.get("block_minutes")):
            rows.append((t("block_minutes", lang), f"{esc(_num(props['block_minutes']))} {esc(t('minutes', lang))}"))
        if _present(props.get("daily_flights")):
            rows.append((t("daily_flights", lang), f"{esc(_num(props['daily_flights']))} {esc(t('per_day', lang))}"))
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


def _plan_item_rows(add, props: Mapping[str, Any], lang: str) -> None:
    """The popup rows of a plan item: its system, kind, approval, the features it concerns, and 'not routed'."""
    add("plan_system", label(PLAN_SYSTEM_LABELS, props.get("system"), lang))
    add("item_kind", label(PLAN_KIND_LABELS, props.get("item_kind"), lang))
    add("approved", props.get("approved"))
    related = props.get("related_ids")
    if _present(related) and not isinstance(related, str):
        related = ", ".join(str(x) for x in related)
    add("related_ids", related)
    add("routing", t("not_routed", lang))


def tooltip_html(layer: str, props: Mapping[str, Any], lang: str) -> str:
    """Return the hover tooltip of one feature (escaped): name and status (air routes: time and flights)."""
    status = label(STATUS_LABELS, props.get("status"), lang)
    if layer == "air_routes":
        name = props.get("name_zh" if lang == "zh" else "name_en") or props.get("id")
        bits = [esc(name)]
        if _present(props.get("block_minutes")):
            bits.append(f"{esc(_num(props['block_minutes']))} {esc(t('min', lang))}")
        if _present(props.get("daily_flights")):
            bits.append(f"{esc(_num(props['daily_flights']))} {esc(t('per_day', lang))}")
        return " · ".join(bits)
    return f"{esc(display_name(props, lang))} · {esc(status)}"


def great_circle(geom: Any, *, step_km: float = 40.0) -> Any:
    """Return a two-point line as a great-circle arc (flights are drawn as arcs, not as straight roads)."""
    coords = list(getattr(geom, "coords", []))
    if geom is None or geom.geom_type != "LineString" or len(coords) != 2:
        return geom
    (lon1, lat1), (lon2, lat2) = coords[0][:2], coords[1][:2]
    n = int(_GEOD.inv(lon1, lat1, lon2, lat2)[2] / 1000 / step_km)
    if n < 2:
        return geom
    return LineString([(lon1, lat1), *_GEOD.npts(lon1, lat1, lon2, lat2, n), (lon2, lat2)])


def _year(v: Any) -> int | None:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return None
    try:
        return int(str(v)[:4])
    except ValueError:
        return None


def prepare_features(layer: str, gdf: gpd.GeoDataFrame, lang: str, *,
                     names: Mapping[str, Mapping[str, Any]] | None = None) -> list[dict[str, Any]]:
    """Return the map features of one layer: geometry, style, popup, tooltip and filter keys.

    ``names`` (id -> {name_zh, name_en}) lets air routes be named by their airport and city.
    """
    out = []
    for props, geom in zip(gdf.drop(columns=gdf.geometry.name).to_dict("records"), gdf.geometry):
        if geom is None or geom.is_empty:
            continue
        if layer == "air_routes":
            props = air_route_props(props, names or {})
            geom = great_circle(geom)
        p = {k: props.get(k) for k in _KEEP if _present(props.get(k))}
        p["layer"] = layer
        p["style"] = feature_style(layer, props, geom.geom_type)
        p["_popup"] = popup_html(layer, props, lang)
        p["_tip"] = tooltip_html(layer, props, lang)
        p["_year"] = _year(props.get("opened")) if props.get("status") == "existing" else _year(props.get("planned_open"))
        p["_label"] = esc(props.get("name_zh") if lang == "zh" else props.get("name_en"))
        if layer == "heritage_sites":
            p["level"] = props.get("level")
        if layer == "railways":
            p["rail_class"] = props.get("rail_class")
        if layer == "trunk_roads":
            p["road_class"] = props.get("road_class")
        if layer == "plan_items":
            p["system"] = props.get("system")
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
