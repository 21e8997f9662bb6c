"""The frame of every run: read the URL and the sidebar, stamp the data once, resolve the scenario once,
show the page header and messages, and hand a RunContext to the page (app.py routes it)."""
from __future__ import annotations

import time
from pathlib import Path

import streamlit as st

from geo.errors import AtlasError
from geo.paths import data_version
from geo.text import md_escape
from ui import cache, session, sidebar
from ui.assets import missing_assets
from ui.basemap import tianditu_key
from ui.context import RunContext
from ui.features import display_name
from ui.i18n import t
from ui.scenario import project_choices, scenario_choices, scenario_title
from ui.state import BASEMAPS, AppState
from ui.views import SavedView, load_views, save_view


def _save_view(name: str, lat: float, lon: float, zoom: int) -> None:
    s = session.current_state()
    if not name or not name.strip():
        st.sidebar.error(t("empty_name", s.lang))
        return
    try:
        _, replaced = save_view(SavedView(name.strip(), (lat, lon), zoom, s.groups, s.scenario))
    except (ValueError, OSError, AtlasError) as exc:  # bad name, or the file could not be written
        st.sidebar.error(md_escape(exc))
        return
    session.flash(f"{t('saved', s.lang)}: {md_escape(name.strip())}" + (f" — {t('view_exists', s.lang)}" if replaced
                                                                        else ""))
    st.rerun()  # redraw the sidebar with the new view


def _caption(s: AppState) -> str:
    """What the map shows, in words: the scenario (and, comparing, the baseline) and the year."""
    after = scenario_title(s.scenario, s.custom, s.year, s.lang)
    if s.view in ("compare", "rank", "visitors"):
        return f"{scenario_title(s.baseline, (), None, s.lang)} → {after}"
    return after


def _header(s: AppState, loaded: cache.LoadedLayers) -> None:
    if s.presenter:
        st.html(sidebar.presenter_css())
        sidebar.exit_presenter_button(s.lang)
    else:
        st.html(sidebar.page_css(s.view))
        st.title(t("app_title", s.lang))
        st.caption(t("app_subtitle", s.lang))
    message = session.pop_flash()
    if message:
        st.success(message)
    bad = session.pop_bad_params()
    if bad:
        st.warning(f"{t('bad_params', s.lang)} " + md_escape("; ".join(bad)))
    for err in loaded.errors:
        st.error(f"{t('layer_errors', s.lang)} {md_escape(err)}")
    missing = missing_assets()
    if missing:
        st.error(f"{t('assets_missing', s.lang)} " + ", ".join(missing))
    if not loaded.layers:
        st.warning(t("no_layers", s.lang))


def start_run() -> RunContext:
    """Everything before the page: state, sidebar, header, and the run's data version and scenario."""
    t0 = time.perf_counter()
    session.init_state()
    version = data_version()  # the one stamp of the input files in this run
    loaded = cache.layers(version)
    lang = st.session_state.get(session.K_LANG, "zh")
    views, view_problems = load_views(data_dir=version.data_dir)
    names = {rec["id"]: display_name(rec, lang) for gdf in loaded.layers.values()
             for rec in gdf[["id", "name_zh", "name_en"]].to_dict("records")}
    projects = {fid: names.get(fid, fid) for fid, _ in project_choices(loaded.layers)}
    key = tianditu_key(st.secrets if _has_secrets() else None)
    sidebar.sidebar(scenarios=scenario_choices(version.data_dir), projects=projects, views=views,
                    view_problems=view_problems, basemaps=BASEMAPS if key else tuple(b for b in BASEMAPS if b != "tianditu"))
    s = session.current_state()
    if not s.presenter:
        sidebar.save_view_form(s.lang, _save_view)
    session.sync_url(s)
    _header(s, loaded)
    if s.view == "sketch" and s.year is not None:
        # a sketch is evaluated on the chosen scenario itself (drafts record it): no year here
        st.info(t("sketch_no_year", s.lang, year=s.year))
        s = s.with_(year=None)
    chosen = cache.scenario(version, s.scenario, s.custom, s.year)
    ctx = RunContext(s, version, loaded.layers, cache.map_features(version, s.lang),
                     cache.feature_names(version, s.lang), chosen, _caption(s), cache.basemap(version, s.lang), key)
    st.session_state[session.K_RUN_STARTED] = t0
    return ctx


def _has_secrets() -> bool:
    """Whether a secrets file exists (st.secrets raises without one)."""
    return any(p.exists() for p in (Path.home() / ".streamlit" / "secrets.toml",
                                    Path.cwd() / ".streamlit" / "secrets.toml"))


def finish_run() -> None:
    """Record how long the run took (status line, tests, benchmarks)."""
    t0 = st.session_state.pop(session.K_RUN_STARTED, None)
    if t0 is not None:
        st.session_state[session.K_LAST_RUN_MS] = (time.perf_counter() - t0) * 1000
