"""Every session-state key of the app, and the sync between the widgets, the AppState and the URL.

The URL is the app's state (ui.state: a copied link restores the same view). On a session's first run the
URL fills the widgets; afterwards the widgets are the truth and ``sync_url`` writes them back.

The map's centre and zoom: the app only *requests* a view, the browser keeps the one the user is looking at.

* an *explicit* view — from a link on first load, or a saved view — is a request from the app:
  ``K_CENTER`` / ``K_ZOOM`` plus ``K_NONCE``, a counter the map compares with the last one it applied, so
  a new request wins over the panned view exactly once (``map_request``);
* the *panned* view lives in the browser (ui.mapview's script): in the tab's sessionStorage, restored when
  the map is redrawn (the server cannot see client-side URL changes, so it could not hand it back), and
  mirrored into the page's URL (``c=`` / ``z=``) so that a copied link or a saved view has it
  (``current_map_view`` reads it when a view is saved).
"""
from __future__ import annotations

from typing import Any

import streamlit as st

from geo.schema import STATUSES
from ui.state import YEAR_MAX, AppState, state_from_params, state_to_params
from ui.style import GROUPS
from ui.views import SavedView

# -- widgets (the sidebar) ------------------------------------------------------------------------------
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
K_VIEW_NAME = "w_view_name"
# -- the map's explicit view request (see the module docstring) -----------------------------------------
K_CENTER = "map_center"
K_ZOOM = "map_zoom"
K_NONCE = "map_view_nonce"
K_VIEW_EXPLICIT = "_atlas_view_explicit"  # a saved view was applied in this run: its centre goes to the URL
# -- messages carried to the next run ---------------------------------------------------------------------
K_INIT = "_atlas_init"
K_BAD_PARAMS = "_atlas_bad_params"
K_FLASH = "_atlas_flash"
# -- what the last run drew and how long it took (status line, tests, benchmarks) --------------------------
K_MAP_STATS = "_atlas_map_stats"
K_LAST_RUN_MS = "_atlas_last_run_ms"
K_RUN_STARTED = "_atlas_run_started"
# -- the accessibility view: the clicked site or point and the last click taken ---------------------------
K_TARGET = "access_target"
K_CLICK_SIG = "access_click_sig"
# -- the visitors view: the destination (a county's sites or one national site) ----------------------
K_VISIT_DEST = "w_visit_dest"
# -- the ranking view: which measure the chart shows --------------------------------------------------
K_RANK_MEASURE = "w_rank_measure"
# -- the meeting pack (reports): PowerPoint or PDF --------------------------------------------------------
K_REPORT_FORMAT = "w_report_format"
# -- the ranking view's portfolio sweep: the chosen projects, the run asked for, an uploaded sweep file ----
K_SWEEP_PROJECTS = "w_sweep_projects"
K_SWEEP_RUN = "sweep_run"
K_SWEEP_FILE = "w_sweep_file"
# -- the layer browser: the plan-items table's filters ------------------------------------------------
K_PLAN_SYSTEMS = "w_plan_systems"
K_PLAN_STATUSES = "w_plan_statuses"
K_PLAN_PERIODS = "w_plan_periods"
# -- the sketch view ------------------------------------------------------------------------------------
K_DRAFT = "sketch_draft"            # network.drafts.Draft
K_PENDING = "sketch_pending"        # GeoJSON geometry waiting for the form
K_DRAW_SIG = "sketch_draw_sig"      # last drawing taken from the map (so a rerun does not take it twice)
K_SKETCH_ERROR = "sketch_error"     # message of the last rejected action
K_TIMING = "_sketch_update_ms"      # server-side time of the last analysis update (ms)
K_LOAD_ERROR = "sketch_load_error"
K_PROMOTED = "sketch_promoted"
K_SK_KIND = "w_sk_kind"
K_SK_NAME = "w_sk_name"
K_SK_USER = "w_sk_user"
K_SK_DRAFT_NAME = "w_sk_draft_name"
K_SK_COORDS = "w_sk_coords"
K_SK_SHOW = "w_sk_show"
K_SK_LOAD = "w_sk_load"
K_SK_CONFIRM = "w_sk_confirm_promote"

#: the analysis grid (km); the first is the default. 0.25 km (~630,000 cells) runs on the fast nearest-site path.
GRID_CHOICES = (2.0, 1.0, 0.5, 0.25, 5.0)


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


def map_request() -> tuple[tuple[float, float] | None, int | None, str]:
    """The explicit view the map should apply: (centre or None, zoom or None, nonce)."""
    ss = st.session_state
    return ss.get(K_CENTER), ss.get(K_ZOOM), str(ss.get(K_NONCE, 0))


def current_map_view() -> tuple[tuple[float, float], int]:
    """The map's current centre and zoom: the panned view the map keeps in the URL, else the explicit one."""
    ss = st.session_state
    cur = st.query_params.to_dict()
    linked, _ = state_from_params({k: v for k, v in cur.items() if k in ("c", "z")})
    center = linked.center or ss.get(K_CENTER) or (25.83, 115.0)
    return (float(center[0]), float(center[1])), int(linked.zoom or ss.get(K_ZOOM) or 8)


def grid_km() -> float:
    """The analysis grid (km) chosen in the sidebar."""
    return float(st.session_state.get(K_GRID) or GRID_CHOICES[0])


def add_bad_params(*items: str) -> None:
    """Record link parameters that were ignored (shown once at the top of the next run)."""
    ss = st.session_state
    ss[K_BAD_PARAMS] = [*(ss.get(K_BAD_PARAMS) or []), *items]


def pop_bad_params() -> list[str]:
    return st.session_state.pop(K_BAD_PARAMS, None) or []


def flash(message: str) -> None:
    """Keep a message to show once at the top of the next run (e.g. after a save and a rerun)."""
    st.session_state[K_FLASH] = message


def pop_flash() -> str | None:
    return st.session_state.pop(K_FLASH, None)


def record_map(stats: dict[str, Any]) -> None:
    """Keep what the map drew in this run (layer counts, overlays, legend titles, presenter)."""
    st.session_state[K_MAP_STATS] = stats
