"""Page routing and the map page. Analysis pages live in ui.analysis_pages."""
from __future__ import annotations

import csv
import io
import logging
import time
from typing import Any, Mapping, Sequence

import streamlit as st
from streamlit_folium import st_folium

from ui import controls as C
from ui.assets import AssetsMissingError, inline_assets, missing_assets
from ui.cache import load_layers_cached, prepared_features
from ui.engine import EngineUnavailable, resolve, scenario_names
from ui.features import display_name, filter_features, md_escape
from ui.i18n import GROUP_LABELS, SCENARIO_LABELS, label, t
from ui.mapview import Overlay, build_map, count_drawn
from ui.scenarios import local_scenario_ids, project_choices
from ui.state import AppState
from ui.style import GROUP_LAYERS
from ui.views import SavedView, load_views, save_view

log = logging.getLogger(__name__)
MAP_HEIGHT = 620
PRESENTER_HEIGHT = 790


def csv_text(rows: Sequence[Mapping[str, Any]] | Any) -> str:
    """Return CSV text; cells that a spreadsheet would run as a formula are prefixed with '."""
    import pandas as pd
    df = rows if isinstance(rows, pd.DataFrame) else pd.DataFrame(list(rows))
    df = df.map(lambda v: "'" + v if isinstance(v, str) and v[:1] in ("=", "+", "-", "@", "\t", "\r") else v)
    buf = io.StringIO()
    df.to_csv(buf, index=False, quoting=csv.QUOTE_MINIMAL)
    return buf.getvalue()


K_YEAR_IN_IDS = "_atlas_year_in_ids"  # the engine applied the year to the scenario ids in this run


def scenario_ids(s: AppState, prepared: Mapping[str, list[dict[str, Any]]]) -> frozenset[str] | None:
    """Return the feature ids of the chosen scenario, as of the slider's year when it is on (None = all).

    The year uses the engine's rule (``resolve_scenario("2019")``), the same network the analysis
    views route on; the map's own year filter is then not needed (see ``draw_year``). Without the engine,
    the local rules apply.
    """
    st.session_state[K_YEAR_IN_IDS] = False
    if s.scenario == "all" and s.year is None:
        return None
    spec = "existing" if s.scenario == "custom" else s.scenario
    include = s.custom if s.scenario == "custom" else ()
    try:
        ids = None if s.scenario == "all" else resolve(spec, include).feature_ids
        if s.year is not None:
            at_year = resolve(str(s.year)).feature_ids
            ids = at_year if ids is None else ids & at_year
            st.session_state[K_YEAR_IN_IDS] = True
        return ids
    except EngineUnavailable as exc:
        log.info("engine unavailable, local scenario rule: %s", exc)
        props = [f["properties"] for feats in prepared.values() for f in feats]
        ids = local_scenario_ids(s.scenario, props, s.custom)
        return frozenset(ids) if ids is not None else None


def draw_year(s: AppState) -> int | None:
    """Return the year the map's own filter should apply (None when the scenario ids already did)."""
    return None if st.session_state.get(K_YEAR_IN_IDS) else s.year


def _save_view(name: str, lat: float, lon: float, zoom: int) -> None:
    s = C.current_state()
    lang = s.lang
    if not name or not name.strip():
        st.sidebar.error(t("empty_name", lang))
        return
    try:
        _, replaced = save_view(SavedView(name.strip(), (lat, lon), zoom, s.groups, s.scenario))
    except (ValueError, OSError) as exc:
        st.sidebar.error(str(exc))
        return
    st.session_state[C.K_FLASH] = (f"{t('saved', lang)}: {md_escape(name.strip())}"
                                   + (f" — {t('view_exists', lang)}" if replaced else ""))
    st.rerun()  # redraw the sidebar with the new view


def main() -> None:
    """Run one pass of the app."""
    t0 = time.perf_counter()
    C.init_state()
    loaded = load_layers_cached()
    lang = st.session_state.get(C.K_LANG, "zh")
    views, view_problems = load_views()
    names = {}
    for layer, gdf in loaded.layers.items():
        for rec in gdf[["id", "name_zh", "name_en"]].to_dict("records"):
            names[rec["id"]] = display_name(rec, lang)
    projects = {fid: f"{names.get(fid, fid)}" for fid, _ in project_choices(loaded.layers)}
    scen = ["all", *[x for x in scenario_names()], "custom"]
    C.sidebar(scenarios=list(dict.fromkeys(scen)), projects=projects, views=views, view_problems=view_problems)
    s = C.current_state()
    lang = s.lang
    if not s.presenter:
        C.save_view_form(lang, _save_view)
    C.sync_url(s)

    if s.presenter:
        st.html(C.presenter_css())
        C.exit_presenter_button(lang)
    else:
        st.html(C.page_css(s.view))
        st.title(t("app_title", lang))
        st.caption(t("app_subtitle", lang))
    flash = st.session_state.pop(C.K_FLASH, None)
    if flash:
        st.success(flash)
    bad = st.session_state.pop(C.K_BAD_PARAMS, None)
    if bad:
        st.warning(f"{t('bad_params', lang)} " + md_escape("; ".join(bad)))
    for err in loaded.errors:
        st.error(f"{t('layer_errors', lang)} {md_escape(err)}")
    missing = missing_assets()
    if missing:
        st.error(f"{t('assets_missing', lang)} " + ", ".join(missing))
    if not loaded.layers:
        st.warning(t("no_layers", lang))

    prepared = prepared_features(lang)
    if s.view == "sketch" and s.year is not None:
        # a sketch is evaluated on the chosen scenario itself (drafts record it), so the map shows that
        # scenario too, not the year's network
        st.info(t("sketch_no_year", lang).format(year=s.year))
        s = s.with_(year=None)
    ids = scenario_ids(s, prepared)
    if s.view == "map":
        map_page(s, prepared, ids, loaded)
    elif s.view == "sketch":
        from ui import sketch
        sketch.render(s, prepared, ids, loaded)
    else:
        from ui import analysis_pages
        analysis_pages.render(s, prepared, ids, loaded)
    st.session_state["_atlas_last_run_ms"] = (time.perf_counter() - t0) * 1000


def _build(s: AppState, prepared: Mapping[str, list[dict[str, Any]]], ids: frozenset[str] | None,
           overlays: Sequence[Overlay] = (), *, url_view: bool = True) -> Any:
    # the explicit centre (saved view / link), not the panned one: panning must not remount the map
    center, zoom = st.session_state.get(C.K_CENTER), st.session_state.get(C.K_ZOOM)
    titles = {"access": "access_title", "compare": "diff_title", "rank": "rank_title"}
    return build_map(prepared, groups=s.groups, statuses=s.statuses, year=draw_year(s), lang=s.lang,
                     presenter=s.presenter, basemap=s.basemap, overlays=overlays, center=center, zoom=zoom,
                     scenario_ids=ids, view_nonce=str(st.session_state.get(C.K_NONCE, 0)), url_view=url_view,
                     title_text=t(titles[s.view], s.lang) if s.view in titles else None,
                     title_note=scenario_caption(s) if s.presenter else None)


def scenario_caption(s: AppState) -> str:
    """Return what the map shows, in words: scenario (the analysed one in analysis views) and year."""
    if s.view in ("access", "compare", "rank"):
        from ui.analysis_pages import chosen_name
        after = chosen_name(s, s.lang)
        if s.view == "access":
            return after
        from ui.analysis_pages import _scen, spec_of
        return f"{_scen(*spec_of(s.baseline, ()), s.lang)} → {after}"
    text = label(SCENARIO_LABELS, s.scenario, s.lang)
    if s.scenario == "custom" and s.custom:
        text += f" + {len(s.custom)}"
    return text if s.year is None else f"{text} · {t('as_of', s.lang).format(year=s.year)}"


def render_map(s: AppState, prepared: Mapping[str, list[dict[str, Any]]], ids: frozenset[str] | None, *,
               overlays: Sequence[Overlay] = (), returned: Sequence[str] = (), key: str = "map") -> tuple[Any, dict]:
    """Build and show the map; return (folium map, st_folium result)."""
    m = _build(s, prepared, ids, overlays)
    st.session_state["_atlas_map_stats"] = {"counts": dict(m.atlas_counts), "overlays": dict(m.atlas_overlays),
                                            "legend": list(m.atlas_legend), "presenter": s.presenter}
    out = st_folium(m, key=f"atlas-{key}", height=PRESENTER_HEIGHT if s.presenter else MAP_HEIGHT,
                    use_container_width=True, returned_objects=list(returned), render=False)
    return m, out or {}


def map_page(s: AppState, prepared: Mapping[str, list[dict[str, Any]]], ids: frozenset[str] | None,
             loaded: Any) -> None:
    """The layer browser: grouped layers, status/year filter, legend, downloads."""
    lang = s.lang
    render_map(s, prepared, ids)
    if s.presenter:
        return
    n = count_drawn(prepared, groups=s.groups, statuses=s.statuses, year=draw_year(s), scenario_ids=ids)
    st.caption(f"{t('features_shown', lang)}: {n}")
    with st.expander(t("downloads", lang)):
        cols = st.columns(3)
        visible_layers = [(g, layer) for g in s.groups for layer in GROUP_LAYERS[g] if layer in loaded.layers]
        for i, (g, layer) in enumerate(visible_layers):
            keep = {f["properties"]["id"] for f in filter_features(prepared.get(layer, []), s.statuses, draw_year(s), ids)}
            gdf = loaded.layers[layer]
            sub = gdf[gdf["id"].isin(keep)]
            cols[i % 3].download_button(f"{t('download_geojson', lang)}: {label(GROUP_LABELS, g, lang)}"
                                        + ("" if len(GROUP_LAYERS[g]) == 1 else f" ({layer})"),
                                        data=lambda sub=sub: sub.to_json(ensure_ascii=False, drop_id=True),
                                        file_name=f"{layer}.geojson", mime="application/geo+json",
                                        key=f"w_dl_geo_{layer}", on_click="ignore")
        html_export_button(s, prepared, ids, key="w_dl_html")


def html_export_button(s: AppState, prepared: Mapping[str, list[dict[str, Any]]], ids: frozenset[str] | None,
                       overlays: Sequence[Overlay] = (), *, key: str) -> None:
    """Offer the current map (layers + overlays) as one offline HTML file, built only when clicked."""
    st.download_button(t("download_html", s.lang),
                       data=lambda: export_html(_build(s, prepared, ids, overlays, url_view=False)),
                       file_name=f"gannan_atlas_{s.view}.html", mime="text/html", key=key, on_click="ignore")


def export_html(m: Any) -> str:
    """Return the map as one standalone HTML file (Leaflet inlined, works offline)."""
    try:
        return inline_assets(m.get_root().render())
    except AssetsMissingError as exc:
        return f"<!doctype html><p>{exc}</p>"
