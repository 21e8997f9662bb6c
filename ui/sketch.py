"""Sketch mode: draw a new line or place a new point, describe it in a short form, and see what it does.

The drawing comes from folium's Draw plugin (leaflet-draw, served from static/vendor like Leaflet) through
st_folium's ``last_active_drawing``; it can also be typed as coordinates. Each accepted sketch is one step
of a ``network.proposals.Draft`` (undo removes the last step). The draft is built into proposed layer
features (network.proposals.build_proposal) and evaluated on top of the sidebar scenario: nearest-site
minutes, the difference against the scenario without the sketch, the county and gateway tables and the
sketch's place in the project ranking. Everything analytical lives in network/; this module only draws.
"""
from __future__ import annotations

import json
import logging
import math
import time
from pathlib import Path
from typing import Any, Mapping

import geopandas as gpd
import pandas as pd
import streamlit as st

from geo.errors import AtlasError
from ui import controls as C
from ui.assets import URL_PREFIX, VENDOR_DIR
from ui.cache import data_stamp, rank_result
from ui.features import esc, md_escape, prepare_features
from ui.mapview import LegendSection, Overlay, build_map

log = logging.getLogger(__name__)

K_DRAFT = "sketch_draft"            # network.proposals.Draft
K_PENDING = "sketch_pending"        # GeoJSON geometry waiting for the form
K_DRAW_SIG = "sketch_draw_sig"      # last drawing taken from the map (so a rerun does not take it twice)
K_ERROR = "sketch_error"            # message of the last rejected action
K_TIMING = "_sketch_update_ms"      # server-side time of the last analysis update (ms)
K_KIND = "w_sk_kind"
K_NAME = "w_sk_name"
K_USER = "w_sk_user"
K_DRAFT_NAME = "w_sk_draft_name"
K_COORDS = "w_sk_coords"
K_SHOW = "w_sk_show"
K_LOAD = "w_sk_load"
K_CONFIRM = "w_sk_confirm_promote"
K_LOAD_ERROR = "sketch_load_error"
K_PROMOTED = "sketch_promoted"
GRID_KM = 2.0
MAP_HEIGHT = 620

DRAW_JS = [("leaflet_draw_js", f"{URL_PREFIX}/leaflet-draw/leaflet.draw.js")]
DRAW_CSS = [("leaflet_draw_css", f"{URL_PREFIX}/leaflet-draw/leaflet.draw.css")]

#: form choice -> (sketch kind, class property or None)
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

_L: dict[str, tuple[str, str]] = {
    "title": ("草图方案：画出新线路或新站点，立即查看效果", "Sketch a proposal and see what it does"),
    "help": ("在地图上用右上角的绘图工具画一条线（铁路、高速、干线公路）或放一个点（车站、互通、机场、纪念地），"
             "再在右侧填写属性并加入草案。也可以直接输入坐标。",
             "Draw a line (railway, expressway, trunk road) or place a point (station, interchange, airport, "
             "heritage site) with the drawing tools at the top right of the map, then describe it on the right "
             "and add it to the draft. You can also type coordinates."),
    "hsr": ("高速铁路", "High-speed railway"), "intercity": ("城际铁路", "Intercity railway"),
    "conventional": ("普速铁路", "Conventional railway"), "expressway": ("高速公路", "Expressway"),
    "trunk_road": ("国省干线", "Trunk road"), "station": ("火车站", "Station"),
    "interchange": ("互通/节点", "Interchange"), "airport": ("机场", "Airport"),
    "heritage_site": ("红色纪念地", "Heritage site"),
    "kind": ("类型", "Kind"), "name": ("名称", "Name"), "speed": ("设计速度 (km/h)", "Design speed (km/h)"),
    "tracks": ("股道数", "Tracks"), "lanes": ("车道数", "Lanes"), "road_class": ("公路等级", "Road class"),
    "level": ("级别", "Level"), "to_place": ("航线目的地（门户城市）", "Route to (gateway city)"),
    "block": ("航班时间（分钟）", "Block time (minutes)"),
    "add": ("加入草案", "Add to draft"), "undo": ("撤销上一步", "Undo last step"),
    "clear": ("清空草案", "Clear draft"), "pending_none": ("先在地图上画一条线或放一个点。",
                                                      "Draw a line or place a point on the map first."),
    "pending_line": ("已画线：{n} 个点", "Line drawn: {n} points"), "pending_point": ("已放点", "Point placed"),
    "coords": ("或输入坐标（经度,纬度; 经度,纬度 …）", "Or type coordinates (lon,lat; lon,lat …)"),
    "use_coords": ("使用这些坐标", "Use these coordinates"),
    "draft": ("草案", "Draft"), "steps": ("步骤", "Steps"), "user": ("作者", "Author"),
    "draft_name": ("草案名称", "Draft name"), "save": ("保存草案", "Save draft"), "load": ("载入草案", "Load draft"),
    "saved": ("草案已保存", "Draft saved"), "loaded": ("草案已载入", "Draft loaded"),
    "export_sketch": ("导出草图 GeoJSON", "Export sketch GeoJSON"),
    "export_layers": ("导出图层要素 GeoJSON", "Export layer features GeoJSON"),
    "promote": ("写入图层（正式数据）", "Promote into the layers"),
    "confirm": ("确认写入 data/layers（保留历史版本，可恢复）", "Yes, write to data/layers (history kept, restorable)"),
    "promoted": ("已写入图层", "Promoted into layers"),
    "empty": ("草案为空：画一条线或放一个点。", "The draft is empty: sketch a line or a point."),
    "show": ("地图显示", "Map shows"), "show_minutes": ("到最近纪念地的分钟数", "minutes to the nearest site"),
    "show_diff": ("与基准情景相比节省的分钟", "minutes saved against the base scenario"),
    "results": ("效果", "Effect"), "county": ("各县（到最近全国级纪念地，人口加权）",
                                             "Counties (to the nearest national site, population-weighted)"),
    "gateways": ("门户城市 → 全国级纪念地（变化的行）", "Gateways → national sites (rows that changed)"),
    "ranking": ("项目排序（草案所在位置）", "Project ranking (with the draft)"),
    "timing": ("草图更新耗时（服务器端）：{ms:.0f} 毫秒", "Update after the sketch (server side): {ms:.0f} ms"),
    "base": ("基准情景", "Base scenario"), "notes": ("说明", "Notes"),
    "none_changed": ("没有变化。", "Nothing changed."),
    "sketch_layer": ("草案要素", "Draft features"), "assets": ("绘图工具文件缺失：", "Drawing tool files missing: "),
}


def L(key: str, lang: str, **kw: Any) -> str:
    zh, en = _L[key]
    s = zh if lang == "zh" else en
    return s.format(**kw) if kw else s


def draw_assets_missing() -> list[str]:
    """Return the leaflet-draw files that are not in static/vendor/."""
    return [url for _, url in DRAW_JS + DRAW_CSS
            if not (VENDOR_DIR / url.removeprefix(URL_PREFIX + "/")).is_file()]


def _draft():
    from network.proposals import Draft
    ss = st.session_state
    if not isinstance(ss.get(K_DRAFT), Draft):
        ss[K_DRAFT] = Draft("草案" if ss.get(C.K_LANG, "zh") == "zh" else "draft")
    return ss[K_DRAFT]


def _set_draft(d) -> None:
    st.session_state[K_DRAFT] = d


def parse_coords(text: str) -> dict[str, Any]:
    """Parse 'lon,lat; lon,lat …' into a GeoJSON Point (one pair) or LineString; ValueError if unreadable."""
    pairs = [p.strip() for p in text.replace("\n", ";").split(";") if p.strip()]
    pts = []
    for p in pairs:
        parts = [x for x in p.replace("，", ",").replace(" ", ",").split(",") if x]
        if len(parts) != 2:
            raise ValueError(f"{p!r} is not 'lon,lat'")
        lon, lat = float(parts[0]), float(parts[1])
        if not (math.isfinite(lon) and math.isfinite(lat)):
            raise ValueError(f"{p!r} is not a finite lon,lat")
        pts.append([lon, lat])
    if not pts:
        raise ValueError("no coordinates")
    return {"type": "Point", "coordinates": pts[0]} if len(pts) == 1 else {"type": "LineString", "coordinates": pts}


def _defaults(base: Path) -> dict[str, float]:
    from network.params import load_params
    p = load_params(data_dir=base)
    return {k: p.num(k) for k in p if k.startswith("sketch.default.")}


def step_label(props: Mapping[str, Any], lang: str) -> str:
    """The form's label of a sketch step (e.g. 高速铁路 for kind railway + rail_class hsr)."""
    kind = str(props.get("kind") or "")
    key = props.get("rail_class") or ("hsr" if kind == "railway" else kind)
    key = {"conventional_rail": "conventional"}.get(key, key)
    return L(key, lang) if key in _L else kind


def sketch_feature(geometry: Mapping[str, Any], choice: str, attrs: Mapping[str, Any]) -> dict[str, Any]:
    """Return the sketch Feature for a drawn geometry, the chosen kind and the form's attributes."""
    kind, fixed = (LINE_CHOICES if geometry["type"] == "LineString" else POINT_CHOICES)[choice]
    props = {"kind": kind, **fixed, **{k: v for k, v in attrs.items() if v not in (None, "")}}
    return {"type": "Feature", "properties": props, "geometry": dict(geometry)}


# -- analysis ----------------------------------------------------------------------------------------------

def evaluate(draft, spec: str, include: tuple[str, ...], base: Path, *, km: float = GRID_KM,
             lang: str = "zh", rank_base: tuple[str, tuple[str, ...]] = ("existing", ())) -> dict[str, Any]:
    """Build the draft on the scenario and compute every result shown: tables, band overlays, the ranking
    row (projects between ``rank_base`` and the scenario, like the ranking view) and timings in ms."""
    from network.origins import origins_grid
    from network.proposals import compare_with, proposal_engine, proposal_rank_row
    from network.scenario import resolve_scenario
    from ui import analysis as A
    t0 = time.perf_counter()
    sc = resolve_scenario(spec, include=include, data_dir=base)
    prop = draft.build(data_dir=base, scenario=sc)
    grid = origins_grid(km, data_dir=base)
    eng = proposal_engine(sc, prop, data_dir=base)
    from network.access import access_from_matrix
    acc = access_from_matrix(eng.cost_matrix(grid, "all"), beta_minutes=eng.params.num("gravity.beta_minutes"))
    acc = acc.merge(grid[["origin_id", "x", "y"]], on="origin_id", how="left")
    cmp_ = compare_with(sc, prop, grid, data_dir=base)
    po = cmp_.per_origin.merge(grid[["origin_id", "x", "y"]], on="origin_id", how="left")
    t_tables = time.perf_counter()
    minutes = A.access_bands(acc, km=km, lang=lang, title=L("show_minutes", lang))
    diff = A.difference_bands(po, km=km, lang=lang, title=L("show_diff", lang))
    t_bands = time.perf_counter()
    rb = resolve_scenario(rank_base[0], include=rank_base[1], data_dir=base)
    row = None if prop.empty else proposal_rank_row(rb, sc, prop, grid, data_dir=base, label=draft.name)
    t_row = time.perf_counter()
    return {"proposal": prop, "scenario": sc.name, "county": cmp_.per_county, "gateways": cmp_.gateway_sites,
            "notes": list(prop.notes) + list(cmp_.notes), "minutes": minutes, "diff": diff, "rank_row": row,
            "ms": {"tables": (t_tables - t0) * 1000, "bands": (t_bands - t_tables) * 1000,
                   "rank_row": (t_row - t_bands) * 1000, "total": (t_row - t0) * 1000}}


@st.cache_data(show_spinner=False, max_entries=32)
def _evaluate_cached(base: str, stamp: tuple, draft_json: str, spec: str, include: tuple[str, ...],
                     lang: str, rank_base: tuple[str, tuple[str, ...]]) -> dict[str, Any]:
    """``evaluate`` cached on data stamp + draft + scenario (the timings are those of the real computation)."""
    from network.proposals import Draft
    return evaluate(Draft.from_geojson(json.loads(draft_json)), spec, include, Path(base), lang=lang,
                    rank_base=rank_base)


def proposal_map_features(prop, lang: str) -> list[dict[str, Any]]:
    """The draft's layer features styled like the layers (proposed = dashed), with escaped popups."""
    out = []
    for layer in ("railways", "expressways", "trunk_roads", "air_routes", "stations", "places", "airports",
                  "heritage_sites"):
        feats = prop.features.get(layer)
        if not feats:
            continue
        gdf = gpd.GeoDataFrame.from_features(feats, crs="EPSG:4326")
        for f in prepare_features(layer, gdf, lang):
            style = dict(f["properties"].get("style") or {})
            style.update({"color": "#c51b8a", "weight": max(4, style.get("weight", 3))}
                         if f["geometry"]["type"] != "Point" else
                         {"color": "#c51b8a", "fillColor": "#fde0ef", "radius": 6, "weight": 2.5})
            f["properties"]["style"] = style
            out.append(f)
    return out


# -- page --------------------------------------------------------------------------------------------------

def _take_drawing(out: Mapping[str, Any]) -> None:
    drawing = (out or {}).get("last_active_drawing")
    if not drawing or not isinstance(drawing, Mapping):
        return
    sig = json.dumps(drawing.get("geometry"), sort_keys=True)
    ss = st.session_state
    if sig == ss.get(K_DRAW_SIG):
        return
    ss[K_DRAW_SIG] = sig
    geom = drawing.get("geometry") or {}
    if geom.get("type") in ("LineString", "Point"):
        ss[K_PENDING] = {"type": geom["type"], "coordinates": geom["coordinates"]}
        ss.pop(K_ERROR, None)
        st.rerun()
    else:
        ss[K_ERROR] = f"{geom.get('type')}: draw a line or a point"


def form_attrs(choice: str, state: Mapping[str, Any]) -> dict[str, Any]:
    """The sketch attributes the form holds for ``choice`` (read from the widgets' session-state keys)."""
    g = state.get
    attrs: dict[str, Any] = {"name_zh": g(K_NAME) or None}
    if choice in ("hsr", "intercity", "conventional"):
        attrs.update(design_speed_kmh=g(f"w_sk_speed_{choice}"), tracks=g(f"w_sk_tracks_{choice}"))
    elif choice == "expressway":
        attrs.update(speed_kmh=g("w_sk_speed_expressway"), lanes=g("w_sk_lanes"))
    elif choice == "trunk_road":
        attrs.update(road_class=g("w_sk_road_class"), speed_kmh=g("w_sk_speed_trunk_road"))
    elif choice == "heritage_site":
        attrs["level"] = g("w_sk_level")
    elif choice == "airport" and g("w_sk_to_place"):
        attrs.update(to_place=g("w_sk_to_place"), block_minutes=g("w_sk_block"))
    return attrs


def _add_step(base: Path, spec: str, include: tuple[str, ...], lang: str) -> None:
    """Callback of 'Add to draft' (runs before the script, so one rerun shows the result)."""
    from network.scenario import resolve_scenario
    ss = st.session_state
    pending = ss.get(K_PENDING)
    if not pending:
        ss[K_ERROR] = L("pending_none", lang)
        return
    choice = ss.get(K_KIND)
    attrs = form_attrs(choice, ss)
    d = _draft()
    new = d.add(sketch_feature(pending, choice, attrs))
    new = type(new)(new.name, new.steps, spec, " ".join(str(ss.get(K_USER) or "planner").split()) or "planner")
    try:
        new.build(data_dir=base, scenario=resolve_scenario(spec, include=include, data_dir=base))
    except AtlasError as exc:
        ss[K_ERROR] = str(exc)
        return
    _set_draft(new)
    ss.pop(K_PENDING, None)
    ss.pop(K_ERROR, None)
    ss[K_NAME] = ""  # the next sketch gets its own name


def render(s: Any, prepared: Mapping[str, list[dict[str, Any]]], ids: Any, loaded: Any) -> None:
    """Render the sketch page for app state ``s``."""
    from ui.analysis_pages import spec_of
    ss = st.session_state
    lang = s.lang
    base_s, stamp = data_stamp()
    base = Path(base_s)
    spec, inc = spec_of(s.scenario, s.custom)
    rank_base = spec_of(s.baseline if s.baseline not in ("custom", "all") else "existing", ())
    draft = _draft()
    st.subheader(L("title", lang))
    st.caption(L("help", lang))
    missing = draw_assets_missing()
    if missing:
        st.error(L("assets", lang) + ", ".join(missing) + " — scripts/fetch_assets.sh")

    result = None
    try:
        result = _evaluate_cached(base_s, stamp, json.dumps(draft.to_geojson(), sort_keys=True, ensure_ascii=False),
                                  spec, inc, lang, rank_base)
        ss[K_TIMING] = result["ms"]
    except AtlasError as exc:  # e.g. the draft no longer builds on this scenario's data
        st.error(md_escape(exc))
    except Exception as exc:  # noqa: BLE001 - engine/data problems: a message, never a traceback
        log.exception("sketch evaluation failed")
        st.error(md_escape(f"{type(exc).__name__}: {exc}"))

    left, right = st.columns([3, 2])
    with left:
        show = st.radio(L("show", lang), ("minutes", "diff"), key=K_SHOW, horizontal=True,
                        format_func=lambda v: L(f"show_{v}", lang))
        overlays = []
        if result is not None:
            bands = result["minutes"] if show == "minutes" else result["diff"]
            from ui import analysis as A
            colours = [*A.BAND_COLOURS, A.UNREACHABLE_COLOUR] if show == "minutes" else A.GAIN_ALL_COLOURS
            overlays.append(Overlay(esc(L(f"show_{show}", lang)), bands.features, LegendSection(
                esc(L(f"show_{show}", lang)), table_html=A.legend_table(bands.table, colours, lang)),
                below=True))  # under the plan layers, like the accessibility view
            feats = proposal_map_features(result["proposal"], lang)
            lines = [f for f in feats if f["geometry"]["type"] != "Point"]
            points = [f for f in feats if f["geometry"]["type"] == "Point"]
            if lines:
                overlays.append(Overlay(esc(L("sketch_layer", lang)), lines, None))
            if points:
                overlays.append(Overlay(esc(L("sketch_layer", lang)) + " ·", points, None, points=True))
        pending = ss.get(K_PENDING)
        if pending:
            pf = {"type": "Feature", "geometry": pending,
                  "properties": {"id": "pending", "_tip": esc(L("pending_line" if pending["type"] == "LineString"
                                                               else "pending_point", lang,
                                                               n=len(pending["coordinates"]))),
                                 "style": {"color": "#000", "weight": 3, "dashArray": "4 6", "radius": 6}}}
            overlays.append(Overlay("pending", [pf], None, points=pending["type"] == "Point"))
        from ui.pages import draw_year
        m = build_map(prepared, groups=s.groups, statuses=s.statuses, year=draw_year(s), lang=lang,
                      presenter=False, basemap=s.basemap, overlays=overlays, center=s.center, zoom=s.zoom,
                      scenario_ids=ids, view_nonce=str(ss.get(C.K_NONCE, 0)))
        if not missing:
            from folium.plugins import Draw
            Draw.default_js, Draw.default_css = list(DRAW_JS), list(DRAW_CSS)
            Draw(export=False, position="topright",
                 draw_options={"polyline": {"shapeOptions": {"color": "#c51b8a", "weight": 4}},
                               "polygon": False, "rectangle": False, "circle": False, "circlemarker": False,
                               "marker": True},
                 edit_options={"edit": False, "remove": False}).add_to(m)
        st.session_state["_atlas_map_stats"] = {"counts": dict(m.atlas_counts), "overlays": dict(m.atlas_overlays),
                                                "legend": list(m.atlas_legend), "presenter": False}
        from streamlit_folium import st_folium
        out = st_folium(m, key="atlas-sketch", height=MAP_HEIGHT, use_container_width=True,
                        returned_objects=["last_active_drawing"])
        _take_drawing(out or {})

    with right:
        _form(base, spec, inc, lang)
        _draft_panel(base, spec, inc, lang, result)

    if result is None:
        return
    from ui.i18n import SCENARIO_LABELS, label as _label
    st.markdown(f"### {L('results', lang)} — {md_escape(_label(SCENARIO_LABELS, result['scenario'], lang))}")
    ms = result["ms"]["total"]
    st.caption(L("timing", lang, ms=ms))
    if result["notes"]:
        st.dataframe(pd.DataFrame({L("notes", lang): result["notes"]}), hide_index=True)
    st.markdown(f"**{L('county', lang)}**")
    county = result["county"]
    cols = [c for c in ("county", "population", "mean_minutes_base", "mean_minutes_with", "mean_minutes_saved",
                        "share_within_60_base", "share_within_60_with") if c in county.columns]
    # a static table: small (one row per county), printable and readable as text; counties by name, minutes
    # to 0.1, shares as percentages (the numbers underneath stay numbers)
    table = county[cols].round(2)
    if "county" in cols:
        from ui.cache import feature_names
        names = feature_names(lang)
        table = table.assign(county=[names.get(c, c) for c in table["county"]]).set_index("county")
    fmt = {c: ("{:.0%}" if "share" in c else "{:,.0f}" if c == "population" else "{:.1f}")
           for c in table.columns}
    st.table(table.style.format(fmt, na_rep="—"))
    st.markdown(f"**{L('gateways', lang)}**")
    gw = result["gateways"]
    changed = gw[(gw["minutes_saved"].abs() > 0.05) | (gw["minutes_base"].isna() != gw["minutes_with"].isna())]
    if changed.empty:
        st.caption(L("none_changed", lang))
    else:
        st.dataframe(changed.round(1), hide_index=True)
    # the base ranking is computed (and cached) even before the first sketch, so that adding one only
    # costs the sketch's own row
    st.markdown(f"**{L('ranking', lang)}**")
    try:
        ranking = rank_result(base_s, stamp, rank_base[0], rank_base[1], spec, inc, GRID_KM)
    except Exception as exc:  # noqa: BLE001 - engine problems: a message, not a traceback
        st.warning(md_escape(f"{type(exc).__name__}: {exc}"))
        ranking = pd.DataFrame()
    if result["rank_row"] is not None:
        from network.proposals import insert_rank_row
        ranking = insert_rank_row(ranking, result["rank_row"])
    if len(ranking):
        table = ranking.copy()
        table.insert(0, "rank", range(1, len(table) + 1))
        st.dataframe(table[["rank", "name", "layer", "status", "add_mean_minutes", "remove_mean_minutes",
                            "add_pop_newly_within_60"]].round(4), hide_index=True, key="sketch_ranking")


def _form(base: Path, spec: str, inc: tuple[str, ...], lang: str) -> None:
    ss = st.session_state
    err = ss.get(K_ERROR)
    pending = ss.get(K_PENDING)
    if pending:
        st.info(L("pending_line" if pending["type"] == "LineString" else "pending_point", lang,
                  n=len(pending["coordinates"])))
    else:
        st.caption(L("pending_none", lang))
    with st.expander(L("coords", lang), expanded=False):
        st.text_input(L("coords", lang), key=K_COORDS, label_visibility="collapsed",
                      placeholder="114.93,25.83; 116.03,25.89")
        if st.button(L("use_coords", lang), key="w_sk_use_coords"):
            try:
                ss[K_PENDING] = parse_coords(ss.get(K_COORDS) or "")
                ss.pop(K_ERROR, None)
                st.rerun()
            except ValueError as exc:
                ss[K_ERROR] = f"{L('coords', lang)}: {exc}"
                err = ss[K_ERROR]
    is_line = not pending or pending["type"] == "LineString"
    choices = list(LINE_CHOICES if is_line else POINT_CHOICES)
    if ss.get(K_KIND) not in choices:
        ss[K_KIND] = choices[0]
    choice = st.selectbox(L("kind", lang), choices, key=K_KIND, format_func=lambda v: L(v, lang))
    dflt = _defaults(base)
    st.text_input(L("name", lang), key=K_NAME, max_chars=60)
    if choice in ("hsr", "intercity", "conventional"):
        c1, c2 = st.columns(2)
        c1.number_input(L("speed", lang), min_value=0, max_value=100000, step=10, key=f"w_sk_speed_{choice}",
                        value=int(dflt[f"sketch.default.design_speed_kmh.{choice}"]))
        c2.number_input(L("tracks", lang), min_value=0, max_value=20, key=f"w_sk_tracks_{choice}",
                        value=int(dflt[f"sketch.default.tracks.{choice}"]))
    elif choice == "expressway":
        c1, c2 = st.columns(2)
        c1.number_input(L("speed", lang), min_value=0, max_value=100000, step=10, key="w_sk_speed_expressway",
                        value=int(dflt["sketch.default.speed_kmh.expressway"]))
        c2.number_input(L("lanes", lang), min_value=0, max_value=20, key="w_sk_lanes",
                        value=int(dflt["sketch.default.lanes.expressway"]))
    elif choice == "trunk_road":
        from network.proposals import ROAD_CLASSES
        c1, c2 = st.columns(2)
        c1.selectbox(L("road_class", lang), ROAD_CLASSES, index=ROAD_CLASSES.index("first_class"),
                     key="w_sk_road_class")
        c2.number_input(L("speed", lang), min_value=0, max_value=100000, step=10, key="w_sk_speed_trunk_road",
                        value=int(dflt["sketch.default.speed_kmh.trunk_road"]))
    elif choice == "heritage_site":
        from network.proposals import SITE_LEVELS
        st.selectbox(L("level", lang), SITE_LEVELS, index=SITE_LEVELS.index("local"), key="w_sk_level")
    elif choice == "airport":
        c1, c2 = st.columns(2)
        c1.text_input(L("to_place", lang), key="w_sk_to_place")
        c2.number_input(L("block", lang), min_value=0, max_value=2000, value=90, key="w_sk_block")
    st.button(L("add", lang), key="w_sk_add", type="primary", disabled=not pending, on_click=_add_step,
              args=(base, spec, inc, lang))
    if err:
        st.error(md_escape(err))  # messages quote the user's names: text, not markdown


def _load_cb(base: Path) -> None:
    """Callback (runs before the widgets, so it may set the draft-name field)."""
    from network.proposals import load_draft
    ss = st.session_state
    try:
        loaded = load_draft(ss.get(K_LOAD) or "", data_dir=base)
    except AtlasError as exc:
        ss[K_LOAD_ERROR] = str(exc)
        return
    _set_draft(loaded)
    ss[K_DRAFT_NAME] = loaded.name
    ss[K_USER] = loaded.user


def _promote_cb(base: Path, spec: str, inc: tuple[str, ...], lang: str) -> None:
    """Callback: write the draft's features into the layers (all or nothing), then empty the draft."""
    from network.proposals import Draft, promote_draft
    from network.scenario import resolve_scenario
    ss = st.session_state
    d = _draft()
    try:
        res = promote_draft(d.build(data_dir=base, scenario=resolve_scenario(spec, include=inc, data_dir=base)), data_dir=base)
    except AtlasError as exc:
        ss[K_PROMOTED] = ("error", str(exc))
        return
    ss[K_CONFIRM] = False
    _set_draft(Draft(d.name, (), d.base_scenario, d.user))
    st.cache_data.clear()
    st.cache_resource.clear()
    ss[K_PROMOTED] = ("ok", f"{L('promoted', lang)}: " + ", ".join(f"{k} +{len(v.added)}" for k, v in res.items()))


def _draft_panel(base: Path, spec: str, inc: tuple[str, ...], lang: str, result: dict[str, Any] | None) -> None:
    from network.proposals import Draft, list_drafts, save_draft
    ss = st.session_state
    d = _draft()
    st.markdown(f"**{L('draft', lang)}** — {L('steps', lang)}: {len(d.steps)}")
    if d.steps:
        rows = [{"#": i + 1, L("kind", lang): step_label(f["properties"], lang),
                 L("name", lang): f["properties"].get("name_zh") or ""} for i, f in enumerate(d.steps)]
        st.dataframe(pd.DataFrame(rows), hide_index=True, key="sketch_steps")
    c1, c2 = st.columns(2)
    if c1.button(L("undo", lang), key="w_sk_undo", disabled=not d.steps):
        _set_draft(d.undo())
        st.rerun()
    if c2.button(L("clear", lang), key="w_sk_clear", disabled=not d.steps):
        _set_draft(Draft(d.name, (), d.base_scenario, d.user))
        st.rerun()
    if ss.get(K_DRAFT_NAME) is None:
        ss[K_DRAFT_NAME] = d.name
    st.text_input(L("draft_name", lang), key=K_DRAFT_NAME, max_chars=80)
    st.text_input(L("user", lang), key=K_USER, max_chars=60, placeholder="planner")
    c1, c2 = st.columns(2)
    if c1.button(L("save", lang), key="w_sk_save"):
        named = Draft(ss.get(K_DRAFT_NAME) or "", d.steps, spec,
                      " ".join(str(ss.get(K_USER) or "planner").split()) or "planner")
        try:
            path = save_draft(named, data_dir=base)
        except AtlasError as exc:
            st.error(md_escape(exc))
        else:
            _set_draft(named)
            st.success(f"{L('saved', lang)}: {md_escape(path.name)}")
    saved = list_drafts(data_dir=base)
    if saved:
        names = {slug: name for name, slug in saved}
        c2.selectbox(L("load", lang), list(names), key=K_LOAD, format_func=lambda v: names.get(v, v))
        c2.button(L("load", lang), key="w_sk_load_btn", on_click=_load_cb, args=(base,))
    if ss.get(K_LOAD_ERROR):
        st.error(md_escape(ss.pop(K_LOAD_ERROR)))
    fname = d.slug
    st.download_button(L("export_sketch", lang), data=json.dumps(d.to_geojson(), ensure_ascii=False, indent=1),
                       file_name=f"{fname}.sketch.geojson", mime="application/geo+json", key="w_sk_dl_sketch",
                       on_click="ignore", disabled=not d.steps)
    if result is not None and not result["proposal"].empty:
        st.download_button(L("export_layers", lang),
                           data=json.dumps(result["proposal"].collection(), ensure_ascii=False, indent=1),
                           file_name=f"{fname}.layers.geojson", mime="application/geo+json",
                           key="w_sk_dl_layers", on_click="ignore")
        with st.expander(L("promote", lang)):
            st.checkbox(L("confirm", lang), key=K_CONFIRM)
            st.button(L("promote", lang), key="w_sk_promote", disabled=not ss.get(K_CONFIRM),
                      on_click=_promote_cb, args=(base, spec, inc, lang))
    flash = ss.pop(K_PROMOTED, None)
    if flash:
        (st.error if flash[0] == "error" else st.success)(md_escape(flash[1]))
