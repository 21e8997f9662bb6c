"""The layer browser: grouped layers, status/year filter, legend, downloads, the offline HTML export and the
plan-items table (every plan item with its system, status and dates; filters; CSV)."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from geo.planitems import NO_PERIOD, filter_plan_rows, plan_items_csv, plan_periods
from geo.schema import PLAN_SYSTEMS, STATUSES
from geo.text import layer_csv

from ui import cache
from ui.context import RunContext
from ui.features import filter_features
from ui.i18n import (CONFIDENCE_LABELS, GROUP_LABELS, PLAN_SYSTEM_LABELS, ROUTED_LABELS, STATUS_LABELS, column_labels,
                     label, t)
from ui.mapview import count_drawn
from ui.render import html_export_button, report_button, show_map
from ui.session import K_PLAN_PERIODS, K_PLAN_STATUSES, K_PLAN_SYSTEMS
from ui.style import GROUP_LAYERS

#: the columns the app shows (the CSV has every column of geo.planitems.PLAN_COLUMNS)
SHOWN_COLUMNS = ("system", "name", "status", "plan_period", "planned_open", "opened", "approved", "routed", "confidence",
                 "source", "id")


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
    plan_items_section(ctx)


def _display(rows: list[dict], lang: str) -> pd.DataFrame:
    """The filtered rows for the screen: labels in ``lang`` (the CSV keeps the raw codes)."""
    name_key = "name_zh" if lang == "zh" else "name_en"
    out = [{"system": label(PLAN_SYSTEM_LABELS, r["system"], lang), "name": r.get(name_key) or r.get("name_zh"),
            "status": label(STATUS_LABELS, r["status"], lang), "plan_period": r["plan_period"] or t("plan_period_none", lang),
            "planned_open": r.get("planned_open"), "opened": r.get("opened"), "approved": r.get("approved"),
            "routed": label(ROUTED_LABELS, r["routed"], lang), "confidence": label(CONFIDENCE_LABELS, r["confidence"], lang),
            "source": r.get("source"), "id": r["id"]} for r in rows]
    df = pd.DataFrame(out, columns=list(SHOWN_COLUMNS))
    return df.rename(columns=column_labels(df.columns, lang))


def plan_items_section(ctx: RunContext) -> None:
    """Every item of the plan as one table, filtered by system, status and plan period; downloadable as CSV."""
    lang = ctx.lang
    rows = cache.plan_rows(ctx.version)
    if not rows:
        return
    with st.expander(t("plan_table", lang)):
        st.caption(t("plan_table_help", lang))
        systems = [x for x in PLAN_SYSTEMS if any(r["system"] == x for r in rows)]
        periods = plan_periods(rows)
        cols = st.columns(3)
        chosen_sys = cols[0].multiselect(t("plan_filter_system", lang), systems, default=systems, key=K_PLAN_SYSTEMS,
                                         format_func=lambda x: label(PLAN_SYSTEM_LABELS, x, lang))
        chosen_st = cols[1].multiselect(t("plan_filter_status", lang), list(STATUSES), default=list(STATUSES),
                                        key=K_PLAN_STATUSES, format_func=lambda x: label(STATUS_LABELS, x, lang))
        chosen_pp = cols[2].multiselect(t("plan_filter_period", lang), periods, default=periods, key=K_PLAN_PERIODS,
                                        format_func=lambda x: t("plan_period_none", lang) if x == NO_PERIOD else x)
        shown = filter_plan_rows(rows, systems=chosen_sys, statuses=chosen_st, periods=chosen_pp)
        st.caption(t("plan_rows", lang, n=len(shown), total=len(rows)))
        st.dataframe(_display(shown, lang), hide_index=True, width="stretch")
        st.download_button(t("download_plan_csv", lang), data=plan_items_csv(shown), file_name="plan_items.csv",
                           mime="text/csv", key="w_dl_plan_items", on_click="ignore")
