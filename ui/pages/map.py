"""The layer browser: grouped layers, status/year filter, legend, downloads and the offline HTML export."""
from __future__ import annotations

import streamlit as st

from geo.text import layer_csv

from ui.context import RunContext
from ui.features import filter_features
from ui.i18n import GROUP_LABELS, label, t
from ui.mapview import count_drawn
from ui.render import html_export_button, report_button, show_map
from ui.style import GROUP_LAYERS


def render(ctx: RunContext) -> None:
    s, lang = ctx.state, ctx.lang
    show_map(ctx)
    if s.presenter:
        return
    ids = ctx.scenario.feature_ids
    year = ctx.draw_year
    n = count_drawn(ctx.features, groups=s.groups, statuses=s.statuses, year=year, scenario_ids=ids)
    st.caption(f"{t('features_shown', lang)}: {n}")
    with st.expander(t("downloads", lang)):
        cols = st.columns(3)
        visible = [(g, layer) for g in s.groups for layer in GROUP_LAYERS[g] if layer in ctx.layers]
        for i, (g, layer) in enumerate(visible):
            keep = {f["properties"]["id"] for f in filter_features(ctx.features.get(layer, []), s.statuses, year, ids)}
            gdf = ctx.layers[layer]
            sub = gdf[gdf["id"].isin(keep)]
            what = label(GROUP_LABELS, g, lang) + ("" if len(GROUP_LAYERS[g]) == 1 else f" ({layer})")
            cols[i % 3].download_button(f"{t('download_geojson', lang)}: {what}",
                                        data=lambda sub=sub: sub.to_json(ensure_ascii=False, drop_id=True),
                                        file_name=f"{layer}.geojson", mime="application/geo+json",
                                        key=f"w_dl_geo_{layer}", on_click="ignore")
            # the attribute table (points with lon/lat) as CSV that `atlas import` reads back unchanged
            cols[i % 3].download_button(f"{t('download_csv', lang)}: {what}",
                                        data=lambda sub=sub, layer=layer: layer_csv(layer, sub),
                                        file_name=f"{layer}.csv", mime="text/csv",
                                        key=f"w_dl_csv_{layer}", on_click="ignore")
        html_export_button(ctx, key="w_dl_html")
        report_button(ctx, key="w_dl_report_map")
