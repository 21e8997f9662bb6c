"""What every page draws the same way: the map (with its overlays), tables, downloads and the HTML export."""
from __future__ import annotations

import json
import logging
from collections.abc import Callable, Sequence
from typing import Any

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from geo.text import md_escape
from network.tables import rounded, table_csv
from reports.report import FORMATS, MIME
from ui import cache, session
from ui.assets import AssetsMissingError, inline_assets
from ui.context import RunContext
from ui.i18n import column_labels, t
from ui.mapview import Overlay, build_map
from ui.scenario import scenario_title

log = logging.getLogger(__name__)

MAP_HEIGHT = 620
PRESENTER_HEIGHT = 790


def map_for(ctx: RunContext, overlays: Sequence[Overlay] = (), *, url_view: bool = True,
            title: str | None = None, fit_bounds: list[list[float]] | None = None) -> Any:
    """The folium map of this run: the chosen layers, statuses and scenario, plus ``overlays``."""
    s = ctx.state
    center, zoom, nonce = session.map_request()
    return build_map(ctx.features, groups=s.groups, statuses=s.statuses, year=ctx.draw_year, lang=s.lang,
                     presenter=s.presenter, basemap=s.basemap, overlays=overlays, center=center, zoom=zoom,
                     scenario_ids=ctx.scenario.feature_ids, view_nonce=nonce, url_view=url_view,
                     title_text=title, title_note=ctx.caption if s.presenter else None, fit_bounds=fit_bounds,
                     basemap_data=ctx.basemap, tianditu_key=ctx.tianditu_key)


def show_map(ctx: RunContext, overlays: Sequence[Overlay] = (), *, returned: Sequence[str] = (),
             key: str = "map", title: str | None = None, extra: Any = None,
             fit_bounds: list[list[float]] | None = None) -> dict:
    """Build and show the map (``extra(m)`` may add to it, e.g. a drawing tool); return st_folium's result."""
    m = map_for(ctx, overlays, title=title, fit_bounds=fit_bounds)
    if extra is not None:
        extra(m)
    session.record_map({"counts": dict(m.atlas_counts), "overlays": dict(m.atlas_overlays),
                        "legend": list(m.atlas_legend), "presenter": ctx.state.presenter})
    out = st_folium(m, key=f"atlas-{key}", height=PRESENTER_HEIGHT if ctx.state.presenter else MAP_HEIGHT,
                    use_container_width=True, returned_objects=list(returned), render=False)
    return out or {}


def export_html(m: Any) -> str:
    """Return the map as one standalone HTML file (Leaflet inlined, works offline)."""
    try:
        return inline_assets(m.get_root().render())
    except AssetsMissingError as exc:
        return f"<!doctype html><p>{exc}</p>"


def html_export_button(ctx: RunContext, overlays: Sequence[Overlay] = (), *, key: str,
                       title: str | None = None, fit_bounds: list[list[float]] | None = None) -> None:
    """Offer the current map (layers + overlays) as one offline HTML file, built only when clicked."""
    st.download_button(t("download_html", ctx.lang),
                       data=lambda: export_html(map_for(ctx, overlays, url_view=False, title=title,
                                                        fit_bounds=fit_bounds)),
                       file_name=f"gannan_atlas_{ctx.state.view}.html", mime="text/html", key=key, on_click="ignore")


def csv_button(df: pd.DataFrame | Callable[[], pd.DataFrame], name: str, lang: str, key: str) -> None:
    """Download a table as CSV (rounded for reading, formulas defused: network.tables.table_csv).

    ``df`` may be a function: the table is then made only when the button is pressed.
    """
    st.download_button(f"{t('download_csv', lang)}: {name}", data=lambda: table_csv(df() if callable(df) else df),
                       file_name=f"{name}.csv", mime="text/csv", key=key, on_click="ignore")


def geojson_button(features: list[dict[str, Any]], name: str, lang: str, key: str) -> None:
    """Download map features as GeoJSON (display-only properties left out)."""
    def data() -> str:
        clean = [{"type": "Feature", "geometry": f["geometry"],
                  "properties": {k: v for k, v in f["properties"].items() if k not in ("style", "_popup")}}
                 for f in features]
        return json.dumps({"type": "FeatureCollection", "features": clean}, ensure_ascii=False)
    st.download_button(f"{t('download_geojson', lang)}: {name}", data=data, file_name=f"{name}.geojson",
                       mime="application/geo+json", key=key, on_click="ignore")


def show_table(df: pd.DataFrame, lang: str, *, hide: tuple[str, ...] = ()) -> None:
    """Show a table rounded for reading, with translated headers and shares as percentages (downloads keep
    the raw column names and every column)."""
    df = rounded(df.drop(columns=[c for c in hide if c in df.columns]))
    labels = column_labels(df.columns, lang)
    shares = [c for c in df.columns if "share" in c]
    config = {labels.get(c, c): st.column_config.NumberColumn(format="%.1f%%") for c in shares}
    if shares:
        df = df.assign(**{c: (df[c] * 100).round(1) for c in shares})
    st.dataframe(df.rename(columns=labels), hide_index=True, column_config=config or None)


def analysis(ctx: RunContext, body: Callable[[], None]) -> None:
    """Run an analysis page's ``body``; engine or data problems become a message over the plain map, never a
    traceback (the scenario could not be resolved, a layer is invalid, a parameter is missing …)."""
    problem = ctx.scenario.problem if ctx.scenario.scenario is None or ctx.scenario.problem else ""
    if not problem:
        try:
            body()
            return
        except Exception as exc:  # noqa: BLE001 - show engine/data problems, never a traceback
            log.exception("analysis failed")
            problem = f"{type(exc).__name__}: {exc}"
    st.error(f"{t('engine_missing', ctx.lang)} {md_escape(problem)}")
    show_map(ctx, key="fallback")


def report_button(ctx: RunContext, *, key: str) -> None:
    """Offer the meeting pack (reports.report) of this run's scenario, baseline and language as PowerPoint or
    PDF; built on click (about ten seconds), then cached."""
    s, lang = ctx.state, ctx.lang
    base_choice = s.baseline if s.baseline != "custom" else "existing"
    baseline = cache.scenario(ctx.version, base_choice, (), None)
    if ctx.scenario.scenario is None or baseline.scenario is None:
        return
    st.markdown(f"**{t('report_title', lang)}**")
    fmt = st.radio(t("report_format", lang), FORMATS, key=session.K_REPORT_FORMAT, horizontal=True,
                   format_func=lambda f: {"pptx": "PowerPoint", "pdf": "PDF"}[f])
    titles = (scenario_title(s.scenario, s.custom, s.year, lang), scenario_title(base_choice, (), None, lang))
    args = (ctx.version, ctx.scenario.scenario, baseline.scenario, session.grid_km(), lang, fmt, titles,
            st.session_state.get(session.K_VISIT_DEST))
    st.download_button(t("report_download", lang, fmt=fmt.upper()), data=lambda: cache.report(*args),
                       file_name=f"gannan_atlas_{s.scenario}_{lang}.{fmt}", mime=MIME[fmt], key=key,
                       on_click="ignore", help=t("report_help", lang))
