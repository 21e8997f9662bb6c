"""Sidebar controls: session-state keys, URL sync, saved views. Widgets read/write AppState only here."""
from __future__ import annotations

from typing import Any, Sequence

import streamlit as st

from geo.schema import STATUSES
from ui.features import md_escape
from ui.i18n import GROUP_LABELS, SCENARIO_LABELS, STATUS_LABELS, label, t
from ui.state import (BASEMAPS, VIEWS, YEAR_MAX, YEAR_MIN, AppState, state_from_params, state_to_params)
from ui.style import GROUPS
from ui.views import SavedView

# Session-state keys (constants, one place)
K_INIT = "_atlas_init"
K_BAD_PARAMS = "_atlas_bad_params"
K_LANG = "w_lang"
K_PRESENTER = "w_presenter"
K_VIEW = "w_view"
K_GROUP = "w_group_"       # + group
K_STATUS = "w_status_"     # + status
K_YEAR_ON = "w_year_on"
K_YEAR = "w_year"
K_SCENARIO = "w_scenario"
K_BASELINE = "w_baseline"
K_CUSTOM = "w_custom"
K_BASEMAP = "w_basemap"
K_GRID = "w_grid_km"
GRID_CHOICES = (2.0, 1.0, 5.0)
K_CENTER = "map_center"
K_ZOOM = "map_zoom"
K_NONCE = "map_view_nonce"
K_FLASH = "_atlas_flash"
K_VIEW_EXPLICIT = "_atlas_view_explicit"  # a saved view was applied in this run: its centre wins


def apply_state(s: AppState, *, new_view: bool = True) -> None:
    """Put ``s`` into the widgets' session state (call before the widgets are drawn, e.g. in callbacks)."""
    ss = st.session_state
    ss[K_LANG] = s.lang
    ss[K_PRESENTER] = s.presenter
    ss[K_VIEW] = s.view
    for g in GROUPS:
        ss[K_GROUP + g] = g in s.groups
    for x in STATUSES:
        ss[K_STATUS + x] = x in s.statuses
    ss[K_YEAR_ON] = s.year is not None
    ss[K_YEAR] = s.year or YEAR_MAX
    ss[K_SCENARIO] = s.scenario
    ss[K_BASELINE] = s.baseline
    ss[K_CUSTOM] = list(s.custom)
    ss[K_BASEMAP] = s.basemap
    ss[K_CENTER] = s.center
    ss[K_ZOOM] = s.zoom
    if new_view and (s.center is not None or s.zoom is not None):
        ss[K_NONCE] = ss.get(K_NONCE, 0) + 1


def init_state() -> None:
    """On a session's first run, read the URL into the widgets' state."""
    ss = st.session_state
    if ss.get(K_INIT):
        return
    s, bad = state_from_params(st.query_params.to_dict())
    ss[K_NONCE] = 0
    apply_state(s)
    ss[K_BAD_PARAMS] = bad
    ss[K_INIT] = True


def current_state() -> AppState:
    """Return the AppState described by the widgets."""
    ss = st.session_state
    return AppState(
        view=ss.get(K_VIEW, "map"),
        groups=tuple(g for g in GROUPS if ss.get(K_GROUP + g)),
        statuses=tuple(x for x in STATUSES if ss.get(K_STATUS + x)),
        scenario=ss.get(K_SCENARIO, "all"),
        baseline=ss.get(K_BASELINE, "existing"),
        custom=tuple(ss.get(K_CUSTOM) or ()),
        year=int(ss[K_YEAR]) if ss.get(K_YEAR_ON) else None,
        lang=ss.get(K_LANG, "zh"),
        presenter=bool(ss.get(K_PRESENTER)),
        basemap=ss.get(K_BASEMAP, "offline"),
        center=ss.get(K_CENTER),
        zoom=ss.get(K_ZOOM),
    )


def sync_url(s: AppState) -> None:
    """Write the state to the URL (only when it changed, to avoid needless history entries).

    The map writes c= / z= into the link itself when the user pans (no rerun); those are kept unless a
    saved view was just applied.
    """
    qp = state_to_params(s)
    cur = st.query_params.to_dict()
    if not st.session_state.pop(K_VIEW_EXPLICIT, False):
        for k in ("c", "z"):
            if k in cur:
                qp[k] = cur[k]
    if qp != cur:
        st.query_params.from_dict(qp)


def go_to_view(v: SavedView) -> None:
    """Callback: apply a saved view (centre, zoom, layers, scenario)."""
    s = current_state().with_(center=v.center, zoom=v.zoom, groups=v.layers, scenario=v.scenario)
    apply_state(s)
    st.session_state[K_VIEW_EXPLICIT] = True


def _exit_presenter() -> None:
    st.session_state[K_PRESENTER] = False


MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
#: room kept above the map (title, headings, controls) so that it fills the rest of the window, in px
MAP_OFFSET_PX = {"map": 150, "access": 215, "compare": 215, "rank": 215, "sketch": 260}
MAP_MIN_PX = 460


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
    st.button(t("exit_presenter", lang), key="w_exit_presenter", on_click=_exit_presenter, type="tertiary")


def sidebar(*, scenarios: Sequence[str], projects: dict[str, str], views: list[SavedView],
            view_problems: list[str]) -> None:
    """Draw the sidebar controls (values live in session state under the K_* keys)."""
    ss = st.session_state
    lang = ss.get(K_LANG, "zh")
    sb = st.sidebar
    sb.radio(t("language", lang), ("zh", "en"), key=K_LANG, horizontal=True,
             format_func=lambda v: "中文" if v == "zh" else "English")
    lang = ss[K_LANG]
    sb.toggle(t("presenter", lang), key=K_PRESENTER)
    sb.radio(t("view", lang), VIEWS, key=K_VIEW, format_func=lambda v: t(f"view_{v}", lang))

    if ss.get(K_SCENARIO) not in scenarios:
        if ss.get(K_SCENARIO):  # e.g. a link to a plan set that is no longer in plan_sets.csv
            ss[K_BAD_PARAMS] = [*(ss.get(K_BAD_PARAMS) or []), f"scenario={ss[K_SCENARIO]!r} (unknown)"]
        ss[K_SCENARIO] = "all"
    scen_label = {k: label(SCENARIO_LABELS, k, lang) for k in scenarios}
    sb.selectbox(t("scenario", lang), list(scenarios), key=K_SCENARIO, format_func=lambda v: scen_label.get(v, v))
    if ss[K_SCENARIO] == "custom":
        valid = [p for p in ss.get(K_CUSTOM, []) if p in projects]
        if valid != ss.get(K_CUSTOM):
            dropped = [p for p in ss.get(K_CUSTOM, []) if p not in projects]
            ss[K_BAD_PARAMS] = [*(ss.get(K_BAD_PARAMS) or []), f"projects: unknown {', '.join(map(repr, dropped))}"]
            ss[K_CUSTOM] = valid
        sb.multiselect(t("custom_projects", lang), list(projects), key=K_CUSTOM,
                       format_func=lambda fid: projects.get(fid, fid))
    if ss.get(K_VIEW) == "compare":
        base_opts = [s for s in scenarios if s not in ("all",)]
        if ss.get(K_BASELINE) not in base_opts:
            if ss.get(K_BASELINE):
                ss[K_BAD_PARAMS] = [*(ss.get(K_BAD_PARAMS) or []), f"baseline={ss[K_BASELINE]!r} (unknown)"]
            ss[K_BASELINE] = "existing"
        sb.selectbox(t("compare_with", lang), base_opts, key=K_BASELINE, format_func=lambda v: scen_label.get(v, v))
    if ss.get(K_VIEW) in ("access", "compare", "rank"):
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
    sb.radio(t("basemap", lang), BASEMAPS, key=K_BASEMAP, format_func=lambda v: t(f"basemap_{v}", lang))

    sb.subheader(t("saved_views", lang))
    for i, v in enumerate(views):
        sb.button(md_escape(v.name), key=f"w_goto_{i}", on_click=go_to_view, args=(v,), icon="📍", width="stretch")
    for p in view_problems:
        sb.caption(f"⚠ {t('bad_views', lang)} {md_escape(p)}")


def current_map_view() -> tuple[tuple[float, float], int]:
    """Return the map's current centre and zoom (as kept in the link), else the explicit or default one."""
    ss = st.session_state
    cur = st.query_params.to_dict()  # the map keeps c= / z= in the link up to date as the user pans
    linked, _ = state_from_params({k: v for k, v in cur.items() if k in ("c", "z")})
    center = linked.center or ss.get(K_CENTER) or (25.83, 115.0)
    return (float(center[0]), float(center[1])), int(linked.zoom or ss.get(K_ZOOM) or 8)


def save_view_form(lang: str, on_save: Any) -> None:
    """Draw the 'save current view' form in the sidebar; ``on_save(name, lat, lon, zoom)`` saves it."""
    (lat, lon), zoom = current_map_view()
    with st.sidebar.expander(t("save_view", lang)):
        with st.form("w_save_view_form", clear_on_submit=True, border=False):
            name = st.text_input(t("view_name", lang), key="w_view_name", max_chars=80)
            st.caption(t("centre_hint", lang).format(lat=lat, lon=lon, zoom=zoom))
            submitted = st.form_submit_button(t("save", lang))
        if submitted:
            (lat, lon), zoom = current_map_view()
            on_save(name, lat, lon, zoom)
