"""Scenario comparison: minutes saved per grid cell (bands), per county, and gateway city → national site."""
from __future__ import annotations

import streamlit as st

from geo.text import escape_html as esc, md_escape
from ui import cache, session
from ui.context import RunContext
from ui.i18n import t
from ui.mapview import LegendSection, Overlay
from ui.overlays import legend_table, with_names
from ui.render import (analysis, csv_button, geojson_button, html_export_button, report_button, show_map,
                       show_table)


def render(ctx: RunContext) -> None:
    analysis(ctx, lambda: _page(ctx))


def _page(ctx: RunContext) -> None:
    s, lang = ctx.state, ctx.lang
    if not s.presenter:
        st.subheader(md_escape(f"{t('diff_title', lang)}: {ctx.caption}"))
    baseline = cache.scenario(ctx.version, s.baseline, s.custom if s.baseline == "custom" else (), None)
    if baseline.scenario is None:
        raise RuntimeError(baseline.problem)
    title = t("diff_title", lang)
    with st.spinner(t("computing", lang)):
        res = cache.comparison(ctx.version, baseline.scenario, ctx.scenario.scenario, session.grid_km(), lang, title)
    ov = Overlay(esc(title), res["features"], LegendSection(
        esc(f"{t('gain', lang)} ({t('minutes', lang)})"), table_html=legend_table(res["bands"], res["colours"], lang)),
        below=True)
    show_map(ctx, [ov], key="compare", title=title)
    if s.presenter:
        return
    for note in res["notes"]:
        st.caption(f"ℹ {md_escape(note)}")
    st.markdown(f"**{t('county_table', lang)}**")
    county = with_names(res["per_county"], ctx.names, pairs=[("county", "county_name")])
    show_table(county, lang, hide=("county",))
    csv_button(county, "county_before_after", lang, "w_dl_county")
    st.markdown(f"**{t('gateway_table', lang)}**")
    gw = with_names(res["gateways"], ctx.names, pairs=[("gateway_id", "gateway"), ("site_id", "site")])
    show_table(gw, lang, hide=("gateway_id",))
    csv_button(gw, "gateway_sites", lang, "w_dl_gateway")
    if len(res["visitors"]):
        st.markdown(f"**{t('visitor_table', lang)}**")
        vis = with_names(res["visitors"], ctx.names, pairs=[("site_id", "name")])
        show_table(vis, lang, hide=("site_id", "county", "level"))
        csv_button(vis, "visitor_sites_before_after", lang, "w_dl_vis_compare")
    csv_button(res["per_cell"], "difference_grid", lang, "w_dl_diffgrid")
    geojson_button(res["features"], "difference_bands", lang, "w_dl_diff_geo")
    html_export_button(ctx, [ov], key="w_dl_compare_html", title=title)
    report_button(ctx, key="w_dl_report_compare")
