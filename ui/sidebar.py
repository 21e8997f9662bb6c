"""The sidebar (language, presenter mode, view, scenario, layers, statuses, year, base map, saved views) and
the page CSS. Widgets hold their values in session state under the keys of ui.session."""
from __future__ import annotations

from collections.abc import Callable, Sequence

import streamlit as st

from geo.schema import STATUSES
from geo.text import md_escape
from ui import session
from ui.i18n import GROUP_LABELS, SCENARIO_LABELS, STATUS_LABELS, label, t
from ui.session import (GRID_CHOICES, K_BASELINE, K_BASEMAP, K_CUSTOM, K_GRID, K_GROUP, K_LANG, K_PRESENTER,
                        K_SCENARIO, K_STATUS, K_VIEW, K_VIEW_NAME, K_YEAR, K_YEAR_ON)
from ui.state import BASEMAPS, VIEWS, YEAR_MAX, YEAR_MIN
from ui.style import GROUPS
from ui.views import SavedView

ANALYSIS_VIEWS = ("access", "compare", "rank")
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
#: room kept above the map (title, headings, controls) so that it fills the rest of the window, in px
MAP_OFFSET_PX = {"map": 150, "access": 215, "compare": 215, "rank": 215, "visitors": 300, "sketch": 260}
MAP_MIN_PX = 460


def sidebar(*, scenarios: Sequence[str], projects: dict[str, str], views: list[SavedView],
            view_problems: list[str], basemaps: Sequence[str] = BASEMAPS) -> None:
    """Draw the sidebar controls (values live in session state under the ui.session keys)."""
    ss = st.session_state
    sb = st.sidebar
    lang = ss.get(K_LANG, "zh")
    sb.radio(t("language", lang), ("zh", "en"), key=K_LANG, horizontal=True, format_func=lambda v: t(f"lang_{v}", v))
    lang = ss[K_LANG]
    sb.toggle(t("presenter", lang), key=K_PRESENTER)
    sb.radio(t("view", lang), VIEWS, key=K_VIEW, format_func=lambda v: t(f"view_{v}", lang))
    _scenario_widgets(sb, scenarios, projects, lang)
    if ss.get(K_VIEW) in ANALYSIS_VIEWS:
        sb.selectbox(t("grid", lang), GRID_CHOICES, key=K_GRID, format_func=lambda v: f"{v:g} km",
                     help=t("grid_help", lang))
    sb.subheader(t("layers", lang))
    for g in GROUPS:
        sb.checkbox(label(GROUP_LABELS, g, lang), key=K_GROUP + g)
    sb.subheader(t("status_filter", lang))
    for x in STATUSES:
        sb.checkbox(label(STATUS_LABELS, x, lang), key=K_STATUS + x)
    sb.toggle(t("year_filter", lang), key=K_YEAR_ON, help=t("year_undated", lang))
    sb.slider(t("year", lang), YEAR_MIN, YEAR_MAX, key=K_YEAR, disabled=not ss.get(K_YEAR_ON))
    if ss.get(K_BASEMAP) not in basemaps:  # e.g. a link asking for 天地图 where no key is configured
        session.add_bad_params(f"basemap={ss.get(K_BASEMAP)!r} ({t('tianditu_no_key', lang)})")
        ss[K_BASEMAP] = "offline"
    sb.radio(t("basemap", lang), tuple(basemaps), key=K_BASEMAP, format_func=lambda v: t(f"basemap_{v}", lang))
    sb.subheader(t("saved_views", lang))
    for i, v in enumerate(views):
        sb.button(md_escape(v.name), key=f"w_goto_{i}", on_click=session.go_to_view, args=(v,), icon="📍",
                  width="stretch")
    for p in view_problems:
        sb.caption(f"⚠ {t('bad_views', lang)} {md_escape(p)}")


def _scenario_widgets(sb, scenarios: Sequence[str], projects: dict[str, str], lang: str) -> None:
    """Scenario, custom projects and (comparison) baseline; unknown values from a link are reported once."""
    ss = st.session_state
    if ss.get(K_SCENARIO) not in scenarios:
        if ss.get(K_SCENARIO):  # e.g. a link to a plan set that is no longer in plan_sets.csv
            session.add_bad_params(f"scenario={ss[K_SCENARIO]!r} (unknown)")
        ss[K_SCENARIO] = "all"
    scen_label = {k: label(SCENARIO_LABELS, k, lang) for k in scenarios}
    sb.selectbox(t("scenario", lang), list(scenarios), key=K_SCENARIO, format_func=lambda v: scen_label.get(v, v))
    if ss[K_SCENARIO] == "custom":
        chosen = ss.get(K_CUSTOM, [])
        valid = [p for p in chosen if p in projects]
        if valid != chosen:
            session.add_bad_params(f"projects: unknown {', '.join(repr(p) for p in chosen if p not in projects)}")
            ss[K_CUSTOM] = valid
        sb.multiselect(t("custom_projects", lang), list(projects), key=K_CUSTOM,
                       format_func=lambda fid: projects.get(fid, fid))
    if ss.get(K_VIEW) in ("compare", "visitors"):
        base_opts = [s for s in scenarios if s != "all"]
        if ss.get(K_BASELINE) not in base_opts:
            if ss.get(K_BASELINE):
                session.add_bad_params(f"baseline={ss[K_BASELINE]!r} (unknown)")
            ss[K_BASELINE] = "existing"
        sb.selectbox(t("compare_with", lang), base_opts, key=K_BASELINE, format_func=lambda v: scen_label.get(v, v))


def save_view_form(lang: str, on_save: Callable[[str, float, float, int], None]) -> None:
    """Draw the 'save current view' form in the sidebar; ``on_save(name, lat, lon, zoom)`` saves it."""
    (lat, lon), zoom = session.current_map_view()
    with st.sidebar.expander(t("save_view", lang)):
        with st.form("w_save_view_form", clear_on_submit=True, border=False):
            name = st.text_input(t("view_name", lang), key=K_VIEW_NAME, max_chars=80)
            st.caption(t("centre_hint", lang, lat=lat, lon=lon, zoom=zoom))
            submitted = st.form_submit_button(t("save", lang))
        if submitted:
            (lat, lon), zoom = session.current_map_view()
            on_save(name, lat, lon, zoom)


def page_css(view: str) -> str:
    """CSS for the normal page: compact header, and a map that fills most of the window's height.

    The map frame's height follows the window (``100vh``) instead of a fixed pixel height; the map inside
    fills its frame (ui.mapview CSS) and Leaflet is told of the new size.
    """
    offset = MAP_OFFSET_PX.get(view, 180)
    return f"""<style>
    .block-container, div[data-testid="stMainBlockContainer"] {{ padding-top: 2.6rem !important;
      padding-bottom: 2rem !important; padding-left: 2.2rem !important; padding-right: 2.2rem !important; }}
    div[data-testid="stMainBlockContainer"] h1 {{ font-size: 1.9rem; padding: 0 0 0.1rem 0; }}
    div[data-testid="stMainBlockContainer"] h3 {{ font-size: 1.3rem; padding: 0.2rem 0 0.1rem 0; }}
    {MAP_FRAME} {{ height: max({MAP_MIN_PX}px, calc(100vh - {offset}px)) !important; }}
    </style>"""


def presenter_css() -> str:
    """CSS that hides every control: clean full-screen map."""
    return f"""<style>
    section[data-testid="stSidebar"], div[data-testid="stSidebarCollapsedControl"],
    header[data-testid="stHeader"], div[data-testid="stToolbar"], div[data-testid="stDecoration"],
    footer {{ display: none !important; }}
    .block-container, div[data-testid="stMainBlockContainer"] {{ padding: 0.3rem 0.8rem 0 0.8rem !important;
      max-width: 100% !important; }}
    {MAP_FRAME} {{ height: max({MAP_MIN_PX}px, calc(100vh - 72px)) !important; }}
    </style>"""


def exit_presenter_button(lang: str) -> None:
    st.button(t("exit_presenter", lang), key="w_exit_presenter", type="tertiary",
              on_click=lambda: st.session_state.__setitem__(K_PRESENTER, False))
