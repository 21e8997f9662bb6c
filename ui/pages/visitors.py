"""Visitor markets (客源市场): how many hours the people of the big cities are from a site or a county's sites,
the population within T hours in two scenarios, and the red-tourism circuits."""
from __future__ import annotations

import math
from typing import Any

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from geo.text import escape_html as esc, md_escape
from network.visitors import population_curve
from ui import cache
from ui.context import RunContext
from ui.i18n import t
from ui.mapview import LegendSection, Overlay
from ui.overlays import band_colours, legend_table
from ui.scenario import scenario_title
from ui.render import (analysis, csv_button, geojson_button, html_export_button, report_button, show_map,
                       show_table)
from ui.session import K_VISIT_DEST

#: [[south, west], [north, east]] of the market cities shown by default (southern and eastern China)
MARKETS_VIEW = [[20.5, 103.5], [40.5, 122.5]]


def render(ctx: RunContext) -> None:
    analysis(ctx, lambda: _page(ctx))


def destinations(res: dict[str, Any], names: dict[str, str], lang: str) -> dict[str, str]:
    """Destination choices: each county's sites (a cluster), then each national site; key -> label."""
    out = {f"cluster:{c}": t("vis_cluster", lang, name=names.get(c, c)) for c in res["clusters"]["cluster"]}
    nat = res["sites"][res["sites"]["level"] == "national"]
    out.update({f"site:{s}": names.get(s, n) for s, n in zip(nat["site_id"], nat["name"])})
    return out


def destination_minutes(res: dict[str, Any], key: str) -> np.ndarray:
    """Minutes from each city to a destination key (a cluster: the nearest of its sites)."""
    vm = res["vm"]
    kind, _, ident = key.partition(":")
    if kind == "site":
        return vm.minutes[:, vm.site_ids.index(ident)]
    cols = [j for j, s in enumerate(vm.site_ids) if res["site_county"].get(s) == ident]
    sub = np.where(np.isfinite(vm.minutes[:, cols]), vm.minutes[:, cols], np.inf)
    best = sub.min(axis=1)
    return np.where(np.isfinite(best), best, np.nan)


def city_overlay(res: dict[str, Any], minutes: np.ndarray, hours: tuple[float, ...], title: str,
                 lang: str) -> tuple[Overlay, pd.DataFrame]:
    """Cities as circles sized by population and coloured by hours to the destination; the legend's table."""
    vm = res["vm"]
    colours = band_colours(len(hours))
    band = np.searchsorted(np.asarray(hours) * 60, minutes, side="left")
    band = np.where(np.isnan(minutes), len(hours) + 1, band)
    pop = vm.markets["population"].to_numpy(float)
    top = max(pop.max(), 1.0) if len(pop) else 1.0
    feats = []
    for i, m in enumerate(vm.markets.itertuples()):
        h = minutes[i] / 60
        name = m.name if lang == "zh" else m.name_en
        tip = (f"{name} · {m.population / 1e4:,.0f} {t('vis_wan', lang)} · "
               + (t("unreachable", lang) if math.isnan(h) else f"{h:.1f} h"))
        col = colours[int(band[i])]
        feats.append({"type": "Feature", "id": m.market_id, "geometry": {"type": "Point", "coordinates": [m.lon, m.lat]},
                      "properties": {"id": m.market_id, "_tip": esc(tip), "_popup": esc(tip),
                                     "style": {"radius": 4 + 16 * math.sqrt(m.population / top), "color": "#333",
                                               "weight": 1, "fill": True, "fillColor": col, "fillOpacity": 0.85}}})
    labels = [f"≤{hours[0]:g} h"] + [f"{a:g}–{b:g} h" for a, b in zip(hours, hours[1:])] + \
        [f">{hours[-1]:g} h", t("unreachable", lang)]
    total = pop.sum()
    table = pd.DataFrame([{"band": lab, "cells": int((band == k).sum()), "population": float(pop[band == k].sum()),
                           "share": pop[band == k].sum() / total if total else math.nan} for k, lab in enumerate(labels)])
    legend = LegendSection(esc(title), table_html=legend_table(table, colours, lang, unit="vis_hours", count="vis_cities_count"))
    return Overlay(esc(title), feats, legend, points=True), table


def curve_chart(curves: dict[str, pd.DataFrame], lang: str, *, presenter: bool) -> alt.Chart:
    """The cumulative population within T hours, one line per scenario."""
    long = pd.concat([c.assign(scenario=name, people=c["population"] / 1e6) for name, c in curves.items()])
    chart = alt.Chart(long).mark_line(point=False, strokeWidth=3).encode(
        x=alt.X("hours:Q", title=t("vis_curve_x", lang)),
        y=alt.Y("people:Q", title=t("vis_curve_y", lang)),
        color=alt.Color("scenario:N", title=None, legend=alt.Legend(orient="bottom", labelLimit=0),
                        scale=alt.Scale(domain=list(curves), range=["#7f7f7f", "#b71c1c"])),  # baseline grey
        tooltip=["scenario", alt.Tooltip("hours:Q", format=".2f"), alt.Tooltip("people:Q", format=",.1f")],
    ).properties(height=420 if presenter else 320)
    return chart.configure_axis(labelFontSize=15, titleFontSize=15) if presenter else chart


def _page(ctx: RunContext) -> None:
    s, lang = ctx.state, ctx.lang
    baseline = cache.scenario(ctx.version, s.baseline if s.baseline not in ("custom",) else "existing", (), None)
    if baseline.scenario is None:
        raise RuntimeError(baseline.problem)
    with st.spinner(t("computing", lang)):
        res = cache.visitors(ctx.version, ctx.scenario.scenario)
        before = cache.visitors(ctx.version, baseline.scenario)
    choices = destinations(res, ctx.names, lang)
    if st.session_state.get(K_VISIT_DEST) not in choices:
        st.session_state[K_VISIT_DEST] = next((k for k in choices if k == "cluster:ruijin"), next(iter(choices)))
    heading = md_escape(f"{t('vis_title', lang)}: {ctx.caption}")
    if s.presenter:  # the map and the curve are the slide
        st.markdown(f"## {heading}")
    else:
        st.subheader(heading)
    key = st.selectbox(t("vis_destination", lang), list(choices), key=K_VISIT_DEST, format_func=choices.get)
    minutes = destination_minutes(res, key)
    title = t("vis_map_title", lang, dest=choices[key])
    overlay, bands = city_overlay(res, minutes, res["hours"], title, lang)
    left, right = st.columns([3, 2]) if not s.presenter else (st.container(), st.container())
    with left:
        show_map(ctx, [overlay], key="visitors", title=title, fit_bounds=MARKETS_VIEW)
    pop = res["vm"].markets["population"].to_numpy(float)
    curves = {scenario_title(s.baseline, (), None, lang): population_curve(destination_minutes(before, key), pop),
              scenario_title(s.scenario, s.custom, s.year, lang): population_curve(minutes, pop)}
    with right:
        st.markdown(f"**{t('vis_curve', lang, dest=md_escape(choices[key]))}**")
        st.altair_chart(curve_chart(curves, lang, presenter=s.presenter), width="stretch")
    if s.presenter:
        return
    _tables(ctx, res, key, minutes, bands, overlay)


def _tables(ctx: RunContext, res: dict[str, Any], key: str, minutes: np.ndarray, bands: pd.DataFrame,
            overlay: Overlay) -> None:
    lang = ctx.lang
    vm = res["vm"]
    cities = vm.markets[["market_id", "name", "group", "province", "population"]].copy()
    col = vm.site_ids.index(key.partition(":")[2]) if key.startswith("site:") else None
    cities["hours"] = minutes / 60
    if col is not None:
        cities["modes"] = [vm.mode_text(i, col) for i in range(len(cities))]
        cities["entry_hub"] = [ctx.names.get(h, h) for h in vm.hubs[:, col]]
    cities = cities.sort_values("hours")
    st.markdown(f"**{t('vis_cities', lang)}**")
    show_table(cities, lang, hide=("market_id",))
    csv_button(cities, "visitor_cities", lang, "w_dl_vis_cities")
    st.markdown(f"**{t('vis_sites', lang)}**")
    show_table(res["sites"], lang, hide=("site_id",))
    csv_button(res["sites"], "visitor_sites", lang, "w_dl_vis_sites")
    csv_button(res["clusters"], "visitor_clusters", lang, "w_dl_vis_clusters")
    st.markdown(f"**{t('vis_circuits', lang)}**")
    circuits = res["circuits"].copy()
    circuits["best_order"] = [" → ".join(ctx.names.get(x, x) for x in o.split()) for o in circuits["best_order"]]
    circuits["name"] = circuits["name_zh"] if lang == "zh" else circuits["name_en"]
    show_table(circuits[["name", "sites", "minutes", "best_minutes", "best_order", "source_or_reason"]], lang)
    csv_button(res["circuits"], "circuits", lang, "w_dl_circuits")
    geojson_button(overlay.features, "visitor_cities", lang, "w_dl_vis_geo")
    html_export_button(ctx, [overlay], key="w_dl_vis_html", fit_bounds=MARKETS_VIEW)
    report_button(ctx, key="w_dl_report_visitors")
