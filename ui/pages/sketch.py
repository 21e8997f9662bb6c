"""Sketch mode: draw a new line or place a new point, describe it in a short form, and see what it does.

The drawing comes from folium's Draw plugin (leaflet-draw, served from static/vendor like Leaflet) through
st_folium's ``last_active_drawing``; it can also be typed as coordinates. Each accepted sketch is one step
of a ``network.drafts.Draft`` (undo removes the last step). The draft is built into proposed layer features
and evaluated on top of the sidebar scenario (ui.sketching.evaluate): nearest-site minutes, the difference
against the scenario without the sketch, the county and gateway tables and the sketch's place in the
project ranking. Everything analytical lives in network/; this page only draws.
"""
from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import pandas as pd
import streamlit as st
from folium.plugins import Draw

from geo.errors import AtlasError
from geo.text import escape_html as esc, md_escape
from network.drafts import Draft, list_drafts, load_draft, promote_draft, save_draft
from network.proposals import insert_rank_row
from network.sketch import ROAD_CLASSES, HERITAGE_LEVELS
from ui import cache
from ui.context import RunContext
from ui.i18n import SCENARIO_LABELS, label, t
from ui.mapview import LegendSection, Overlay
from ui.overlays import legend_table
from ui.render import show_map
from ui.session import (K_DRAFT, K_DRAW_SIG, K_LOAD_ERROR, K_PENDING, K_PROMOTED, K_SK_CONFIRM, K_SK_COORDS,
                        K_SK_DRAFT_NAME, K_SK_KIND, K_SK_LOAD, K_SK_NAME, K_SK_SHOW, K_SK_USER, K_SKETCH_ERROR,
                        K_TIMING)
from ui.sketching import (DRAW_CSS, DRAW_JS, GRID_KM, LINE_CHOICES, POINT_CHOICES, draw_assets_missing, form_attrs,
                          parse_coords, proposal_map_features, sketch_feature, step_label)


def _draft(lang: str) -> Draft:
    ss = st.session_state
    if not isinstance(ss.get(K_DRAFT), Draft):
        ss[K_DRAFT] = Draft(t("draft_default_name", lang))
    return ss[K_DRAFT]


def _user() -> str:
    return " ".join(str(st.session_state.get(K_SK_USER) or "planner").split()) or "planner"


def render(ctx: RunContext) -> None:
    """Render the sketch page."""
    lang = ctx.lang
    st.subheader(t("sk_title", lang))
    st.caption(t("sk_help", lang))
    missing = draw_assets_missing()
    if missing:
        st.error(t("sk_assets", lang) + ", ".join(missing) + " — scripts/fetch_assets.sh")
    sc = ctx.scenario.scenario
    if sc is None:
        st.error(f"{t('engine_missing', lang)} {md_escape(ctx.scenario.problem)}")
        return
    rank_choice = ctx.state.baseline if ctx.state.baseline not in ("custom", "all") else "existing"
    rank_baseline = cache.scenario(ctx.version, rank_choice, (), None).scenario
    draft = _draft(lang)
    result = None
    try:
        result = cache.sketch_result(ctx.version, json.dumps(draft.to_geojson(), sort_keys=True, ensure_ascii=False),
                                     sc, rank_baseline, lang)
        st.session_state[K_TIMING] = result["ms"]
    except AtlasError as exc:  # e.g. the draft no longer builds on this scenario's data
        st.error(md_escape(exc))
    except Exception as exc:  # noqa: BLE001 - engine/data problems: a message, never a traceback
        st.error(md_escape(f"{type(exc).__name__}: {exc}"))
    left, right = st.columns([3, 2])
    with left:
        _map(ctx, result, missing)
    with right:
        _form(ctx)
        _draft_panel(ctx, result)
    if result is not None:
        _results(ctx, result, rank_baseline)


def _overlays(result: dict[str, Any] | None, show: str, lang: str) -> list[Overlay]:
    overlays = []
    if result is not None:
        bands = result["minutes"] if show == "minutes" else result["diff"]
        title = esc(t(f"sk_show_{show}", lang))
        overlays.append(Overlay(title, bands.features, LegendSection(title, table_html=legend_table(
            bands.table, bands.colours, lang)), below=True))  # under the plan layers, like the accessibility view
        feats = proposal_map_features(result["proposal"], lang)
        lines = [f for f in feats if f["geometry"]["type"] != "Point"]
        points = [f for f in feats if f["geometry"]["type"] == "Point"]
        if lines:
            overlays.append(Overlay(esc(t("sk_sketch_layer", lang)), lines, None))
        if points:
            overlays.append(Overlay(esc(t("sk_sketch_layer", lang)) + " ·", points, None, points=True))
    pending = st.session_state.get(K_PENDING)
    if pending:
        tip = t("sk_pending_line" if pending["type"] == "LineString" else "sk_pending_point", lang,
                n=len(pending["coordinates"]))
        pf = {"type": "Feature", "geometry": pending,
              "properties": {"id": "pending", "_tip": esc(tip),
                             "style": {"color": "#000", "weight": 3, "dashArray": "4 6", "radius": 6}}}
        overlays.append(Overlay("pending", [pf], None, points=pending["type"] == "Point"))
    return overlays


def _add_draw_tool(m: Any) -> None:
    Draw.default_js, Draw.default_css = list(DRAW_JS), list(DRAW_CSS)
    Draw(export=False, position="topright",
         draw_options={"polyline": {"shapeOptions": {"color": "#c51b8a", "weight": 4}}, "polygon": False,
                       "rectangle": False, "circle": False, "circlemarker": False, "marker": True},
         edit_options={"edit": False, "remove": False}).add_to(m)


def _map(ctx: RunContext, result: dict[str, Any] | None, missing: list[str]) -> None:
    lang = ctx.lang
    show = st.radio(t("sk_show", lang), ("minutes", "diff"), key=K_SK_SHOW, horizontal=True,
                    format_func=lambda v: t(f"sk_show_{v}", lang))
    out = show_map(ctx, _overlays(result, show, lang), returned=("last_active_drawing",), key="sketch",
                   extra=None if missing else _add_draw_tool)
    _take_drawing(out)


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
        ss.pop(K_SKETCH_ERROR, None)
        st.rerun()
    else:
        ss[K_SKETCH_ERROR] = f"{geom.get('type')}: draw a line or a point"


def _add_step(ctx: RunContext) -> None:
    """Callback of 'Add to draft' (runs before the script, so one rerun shows the result)."""
    ss = st.session_state
    pending = ss.get(K_PENDING)
    if not pending:
        ss[K_SKETCH_ERROR] = t("sk_pending_none", ctx.lang)
        return
    choice = ss.get(K_SK_KIND)
    d = _draft(ctx.lang).add(sketch_feature(pending, choice, form_attrs(choice, ss)))
    new = Draft(d.name, d.steps, ctx.scenario.scenario.spec or ctx.state.scenario, _user())
    try:
        new.build(data_dir=ctx.version.data_dir, scenario=ctx.scenario.scenario)
    except AtlasError as exc:
        ss[K_SKETCH_ERROR] = str(exc)
        return
    ss[K_DRAFT] = new
    ss.pop(K_PENDING, None)
    ss.pop(K_SKETCH_ERROR, None)
    ss[K_SK_NAME] = ""  # the next sketch gets its own name


def _coords_input(lang: str) -> None:
    ss = st.session_state
    with st.expander(t("sk_coords", lang), expanded=False):
        st.text_input(t("sk_coords", lang), key=K_SK_COORDS, label_visibility="collapsed",
                      placeholder="114.93,25.83; 116.03,25.89")
        if st.button(t("sk_use_coords", lang), key="w_sk_use_coords"):
            try:
                ss[K_PENDING] = parse_coords(ss.get(K_SK_COORDS) or "")
                ss.pop(K_SKETCH_ERROR, None)
                st.rerun()
            except ValueError as exc:
                ss[K_SKETCH_ERROR] = f"{t('sk_coords', lang)}: {exc}"


def _number_fields(choice: str, dflt: Mapping[str, float], lang: str) -> None:
    c1, c2 = st.columns(2)
    if choice in ("hsr", "intercity", "conventional"):
        c1.number_input(t("sk_speed", lang), min_value=0, max_value=100000, step=10, key=f"w_sk_speed_{choice}",
                        value=int(dflt[f"sketch.default.design_speed_kmh.{choice}"]))
        c2.number_input(t("sk_tracks", lang), min_value=0, max_value=20, key=f"w_sk_tracks_{choice}",
                        value=int(dflt[f"sketch.default.tracks.{choice}"]))
    elif choice == "expressway":
        c1.number_input(t("sk_speed", lang), min_value=0, max_value=100000, step=10, key="w_sk_speed_expressway",
                        value=int(dflt["sketch.default.speed_kmh.expressway"]))
        c2.number_input(t("sk_lanes", lang), min_value=0, max_value=20, key="w_sk_lanes",
                        value=int(dflt["sketch.default.lanes.expressway"]))
    elif choice == "trunk_road":
        c1.selectbox(t("sk_road_class", lang), ROAD_CLASSES, index=ROAD_CLASSES.index("first_class"),
                     key="w_sk_road_class")
        c2.number_input(t("sk_speed", lang), min_value=0, max_value=100000, step=10, key="w_sk_speed_trunk_road",
                        value=int(dflt["sketch.default.speed_kmh.trunk_road"]))
    elif choice == "heritage_site":
        c1.selectbox(t("sk_level", lang), HERITAGE_LEVELS, index=HERITAGE_LEVELS.index("local"), key="w_sk_level")
    elif choice == "airport":
        c1.text_input(t("sk_to_place", lang), key="w_sk_to_place")
        c2.number_input(t("sk_block", lang), min_value=0, max_value=2000, value=90, key="w_sk_block")


def _form(ctx: RunContext) -> None:
    ss, lang = st.session_state, ctx.lang
    pending = ss.get(K_PENDING)
    if pending:
        st.info(t("sk_pending_line" if pending["type"] == "LineString" else "sk_pending_point", lang,
                  n=len(pending["coordinates"])))
    else:
        st.caption(t("sk_pending_none", lang))
    _coords_input(lang)
    choices = list(LINE_CHOICES if not pending or pending["type"] == "LineString" else POINT_CHOICES)
    if ss.get(K_SK_KIND) not in choices:
        ss[K_SK_KIND] = choices[0]
    choice = st.selectbox(t("sk_kind", lang), choices, key=K_SK_KIND, format_func=lambda v: t(f"sk_{v}", lang))
    st.text_input(t("sk_name", lang), key=K_SK_NAME, max_chars=60)
    _number_fields(choice, cache.sketch_defaults(ctx.version), lang)
    st.button(t("sk_add", lang), key="w_sk_add", type="primary", disabled=not pending, on_click=_add_step,
              args=(ctx,))
    if ss.get(K_SKETCH_ERROR):
        st.error(md_escape(ss[K_SKETCH_ERROR]))  # messages quote the user's names: text, not markdown


def _load_cb(ctx: RunContext) -> None:
    """Callback (runs before the widgets, so it may set the draft-name field)."""
    ss = st.session_state
    try:
        loaded = load_draft(ss.get(K_SK_LOAD) or "", data_dir=ctx.version.data_dir)
    except AtlasError as exc:
        ss[K_LOAD_ERROR] = str(exc)
        return
    ss[K_DRAFT] = loaded
    ss[K_SK_DRAFT_NAME] = loaded.name
    ss[K_SK_USER] = loaded.user


def _promote_cb(ctx: RunContext) -> None:
    """Callback: write the draft's features into the layers (all or nothing), then empty the draft."""
    ss = st.session_state
    d = _draft(ctx.lang)
    try:
        res = promote_draft(d.build(data_dir=ctx.version.data_dir, scenario=ctx.scenario.scenario),
                            data_dir=ctx.version.data_dir)
    except AtlasError as exc:
        ss[K_PROMOTED] = ("error", str(exc))
        return
    ss[K_SK_CONFIRM] = False
    ss[K_DRAFT] = Draft(d.name, (), d.base_scenario, d.user)
    cache.clear()
    ss[K_PROMOTED] = ("ok", f"{t('sk_promoted', ctx.lang)}: " + ", ".join(f"{k} +{len(v.added)}" for k, v in res.items()))


def _save(ctx: RunContext, d: Draft) -> None:
    ss = st.session_state
    named = Draft(ss.get(K_SK_DRAFT_NAME) or "", d.steps, ctx.scenario.scenario.spec or ctx.state.scenario, _user())
    try:
        path = save_draft(named, data_dir=ctx.version.data_dir)
    except AtlasError as exc:
        st.error(md_escape(exc))
    else:
        ss[K_DRAFT] = named
        st.success(f"{t('sk_saved', ctx.lang)}: {md_escape(path.name)}")


def _draft_panel(ctx: RunContext, result: dict[str, Any] | None) -> None:
    ss, lang = st.session_state, ctx.lang
    d = _draft(lang)
    st.markdown(f"**{t('sk_draft', lang)}** — {t('sk_steps', lang)}: {len(d.steps)}")
    if d.steps:
        rows = [{"#": i + 1, t("sk_kind", lang): step_label(f["properties"], lang),
                 t("sk_name", lang): f["properties"].get("name_zh") or ""} for i, f in enumerate(d.steps)]
        st.dataframe(pd.DataFrame(rows), hide_index=True, key="sketch_steps")
    c1, c2 = st.columns(2)
    if c1.button(t("sk_undo", lang), key="w_sk_undo", disabled=not d.steps):
        ss[K_DRAFT] = d.undo()
        st.rerun()
    if c2.button(t("sk_clear", lang), key="w_sk_clear", disabled=not d.steps):
        ss[K_DRAFT] = Draft(d.name, (), d.base_scenario, d.user)
        st.rerun()
    if ss.get(K_SK_DRAFT_NAME) is None:
        ss[K_SK_DRAFT_NAME] = d.name
    st.text_input(t("sk_draft_name", lang), key=K_SK_DRAFT_NAME, max_chars=80)
    st.text_input(t("sk_user", lang), key=K_SK_USER, max_chars=60, placeholder="planner")
    c1, c2 = st.columns(2)
    if c1.button(t("sk_save", lang), key="w_sk_save"):
        _save(ctx, d)
    saved = list_drafts(data_dir=ctx.version.data_dir)
    if saved:
        names = {slug: name for name, slug in saved}
        c2.selectbox(t("sk_load", lang), list(names), key=K_SK_LOAD, format_func=lambda v: names.get(v, v))
        c2.button(t("sk_load", lang), key="w_sk_load_btn", on_click=_load_cb, args=(ctx,))
    if ss.get(K_LOAD_ERROR):
        st.error(md_escape(ss.pop(K_LOAD_ERROR)))
    _exports(ctx, d, result)


def _exports(ctx: RunContext, d: Draft, result: dict[str, Any] | None) -> None:
    ss, lang = st.session_state, ctx.lang
    st.download_button(t("sk_export_sketch", lang), data=json.dumps(d.to_geojson(), ensure_ascii=False, indent=1),
                       file_name=f"{d.slug}.sketch.geojson", mime="application/geo+json", key="w_sk_dl_sketch",
                       on_click="ignore", disabled=not d.steps)
    if result is not None and not result["proposal"].empty:
        st.download_button(t("sk_export_layers", lang),
                           data=json.dumps(result["proposal"].collection(), ensure_ascii=False, indent=1),
                           file_name=f"{d.slug}.layers.geojson", mime="application/geo+json",
                           key="w_sk_dl_layers", on_click="ignore")
        with st.expander(t("sk_promote", lang)):
            st.checkbox(t("sk_confirm", lang), key=K_SK_CONFIRM)
            st.button(t("sk_promote", lang), key="w_sk_promote", disabled=not ss.get(K_SK_CONFIRM),
                      on_click=_promote_cb, args=(ctx,))
    message = ss.pop(K_PROMOTED, None)
    if message:
        (st.error if message[0] == "error" else st.success)(md_escape(message[1]))


def _results(ctx: RunContext, result: dict[str, Any], rank_baseline: Any) -> None:
    lang = ctx.lang
    st.markdown(f"### {t('sk_results', lang)} — {md_escape(label(SCENARIO_LABELS, result['scenario'], lang))}")
    st.caption(t("sk_timing", lang, ms=result["ms"]["total"]))
    if result["notes"]:
        st.dataframe(pd.DataFrame({t("sk_notes", lang): result["notes"]}), hide_index=True)
    st.markdown(f"**{t('sk_county', lang)}**")
    county = result["county"]
    cols = [c for c in ("county", "population", "mean_minutes_base", "mean_minutes_with", "mean_minutes_saved",
                        "share_within_60_base", "share_within_60_with") if c in county.columns]
    # a static table: small (one row per county), printable and readable as text; counties by name, minutes
    # to 0.1, shares as percentages (the numbers underneath stay numbers)
    table = county[cols].round(2)
    table = table.assign(county=[ctx.names.get(c, c) for c in table["county"]]).set_index("county")
    fmt = {c: ("{:.0%}" if "share" in c else "{:,.0f}" if c == "population" else "{:.1f}") for c in table.columns}
    st.table(table.style.format(fmt, na_rep="—"))
    st.markdown(f"**{t('sk_gateways', lang)}**")
    gw = result["gateways"]
    changed = gw[(gw["minutes_saved"].abs() > 0.05) | (gw["minutes_base"].isna() != gw["minutes_with"].isna())]
    if changed.empty:
        st.caption(t("sk_none_changed", lang))
    else:
        st.dataframe(changed.round(1), hide_index=True)
    _ranking(ctx, result, rank_baseline)


def _ranking(ctx: RunContext, result: dict[str, Any], rank_baseline: Any) -> None:
    """The ranking between the baseline and the scenario with the draft's row in its place (the base ranking
    is cached even before the first sketch, so adding one only costs the sketch's own row)."""
    lang = ctx.lang
    st.markdown(f"**{t('sk_ranking', lang)}**")
    try:
        ranking = cache.ranking(ctx.version, rank_baseline, ctx.scenario.scenario, GRID_KM)
    except Exception as exc:  # noqa: BLE001 - engine problems: a message, not a traceback
        st.warning(md_escape(f"{type(exc).__name__}: {exc}"))
        ranking = pd.DataFrame()
    if result["rank_row"] is not None:
        ranking = insert_rank_row(ranking, result["rank_row"])
    if len(ranking):
        table = ranking.copy()
        table.insert(0, "rank", range(1, len(table) + 1))
        keep = ["rank", "name", "layer", "status", "add_mean_minutes", "remove_mean_minutes"]
        keep += [c for c in table.columns if c.startswith("add_pop_newly_within_")][:1]
        st.dataframe(table[keep].round(4), hide_index=True, key="sketch_ranking")
