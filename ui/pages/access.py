"""Accessibility: minutes from every grid cell to the nearest site as bands; a clicked site's isochrones;
a clicked point's fastest route to its nearest site."""
from __future__ import annotations

import json
import math
from collections.abc import Mapping
from typing import Any

import pandas as pd
import streamlit as st

from geo.text import escape_html as esc, md_escape
from ui import cache, session
from ui.context import RunContext
from ui.i18n import LEG_KIND_LABELS, MODE_LABELS, label, t
from ui.mapview import LegendSection, Overlay
from ui.overlays import band_colours, legend_table, with_names
from ui.render import (analysis, csv_button, geojson_button, html_export_button, report_button, show_map,
                       show_table)
from ui.style import ROUTE_COLOUR

SITE_SNAP_DEG = 0.02  # a click this close (~2 km) to a heritage site selects the site


def render(ctx: RunContext) -> None:
    analysis(ctx, lambda: _page(ctx))


def _nearest_site(features: Mapping[str, list[dict[str, Any]]], lat: float, lng: float) -> str | None:
    best, best_d = None, SITE_SNAP_DEG
    for f in features.get("heritage_sites", []):
        lon, la = f["geometry"]["coordinates"][:2]
        d = math.hypot(lon - lng, la - lat)
        if d < best_d:
            best, best_d = f["properties"]["id"], d
    return best


def _route_overlays(route: dict[str, Any], start: tuple[float, float], name: str, lang: str) -> list[Overlay]:
    text = esc(f"{name} · {route['minutes']:.0f} {t('min', lang)}")
    line = {"type": "Feature", "id": "route",
            "geometry": {"type": "LineString", "coordinates": [[p[1], p[0]] for p in route["path"]]},
            "properties": {"id": "route", "_tip": text, "style": {"color": ROUTE_COLOUR, "weight": 6, "opacity": 0.95,
                                                                  "lineCap": "round", "lineJoin": "round"}}}
    dot = {"type": "Feature", "id": "route-start", "geometry": {"type": "Point", "coordinates": [start[1], start[0]]},
           "properties": {"id": "route-start", "_tip": esc(t("from", lang)),
                          "style": {"radius": 7, "color": "#111", "fill": True, "fillColor": "#fff",
                                    "fillOpacity": 1, "weight": 3}}}
    swatch = (f'<svg width="40" height="10"><line x1="3" y1="5" x2="37" y2="5" stroke="{ROUTE_COLOUR}" '
              'stroke-width="6" stroke-linecap="round"/></svg>')
    return [Overlay(esc(t("route_to", lang)), [line], LegendSection(esc(t("route_to", lang)), [(swatch, text)])),
            Overlay("route-start", [dot], None, points=True)]


def _take_click(ctx: RunContext, out: Mapping[str, Any]) -> None:
    """A click on the map selects the nearest site (isochrones) or the point (its route); one rerun shows it."""
    ss = st.session_state
    clk = out.get("last_clicked")
    sig = json.dumps(clk, sort_keys=True)
    if clk and sig != ss.get(session.K_CLICK_SIG):
        ss[session.K_CLICK_SIG] = sig
        lat, lng = float(clk["lat"]), float(clk["lng"])
        site = _nearest_site(ctx.features, lat, lng)
        ss[session.K_TARGET] = ("site", site) if site else ("point", round(lat, 5), round(lng, 5))
        st.rerun()


def _page(ctx: RunContext) -> None:
    s, lang, sc = ctx.state, ctx.lang, ctx.scenario.scenario
    if not s.presenter:
        st.subheader(md_escape(f"{t('access_title', lang)} — {ctx.caption}"))
        st.caption(t("access_help", lang))
    km = session.grid_km()
    with st.spinner(t("computing", lang)):
        bands, _ = cache.access(ctx.version, sc, km, lang, t("access_title", lang))
    legend_title = t("access_legend", lang) + ("" if s.year is None else f" · {s.year}")
    overlays = [Overlay(esc(t("access_title", lang)), bands.features,
                        LegendSection(esc(legend_title), table_html=legend_table(bands.table, bands.colours, lang)),
                        below=True, interactive=False)]
    target = st.session_state.get(session.K_TARGET)
    iso = route = None
    if target and target[0] == "site":
        iso = cache.isochrones(ctx.version, sc, target[1], km, lang)
        colours = band_colours(len(iso[1]))
        rows = [(f'<span style="display:inline-block;width:30px;height:10px;background:{c};opacity:.6"></span>',
                 f"≤{m:g}") for m, c in zip(iso[1]["minutes"], colours)]
        # the site's own isochrones replace the nearest-site bands (two band sets would blur), under the layers
        overlays = [Overlay(esc(t("isochrones_for", lang)), iso[0], LegendSection(esc(t("isochrones_for", lang)), rows),
                            below=True, interactive=False)]
    elif target and target[0] == "point":
        route = cache.point_route(ctx.version, sc, target[2], target[1])
        if route.get("reachable"):
            overlays += _route_overlays(route, (target[1], target[2]),
                                        ctx.names.get(route["site_id"], route["site_name"]), lang)
    _take_click(ctx, show_map(ctx, overlays, returned=("last_clicked",), key="access", title=t("access_title", lang)))
    if s.presenter:
        return
    if target:
        st.button(t("clear_selection", lang), key="w_clear_target",
                  on_click=lambda: st.session_state.pop(session.K_TARGET, None))
    left, right = st.columns(2)
    with left:
        _band_tables(ctx, bands, overlays)
    with right:
        if iso is not None:
            _isochrone_table(ctx, target[1], iso)
        elif route is not None:
            _route_table(ctx, route)


def _band_tables(ctx: RunContext, bands: Any, overlays: list[Overlay]) -> None:
    lang = ctx.lang
    st.markdown(f"**{t('band', lang)}**")
    shown = bands.table.rename(columns={"band": t("band", lang), "cells": t("cells", lang),
                                        "population": t("population", lang), "share": t("pop_share", lang)})
    st.dataframe(shown, hide_index=True,
                 column_config={t("pop_share", lang): st.column_config.NumberColumn(format="percent")})
    csv_button(bands.table, "access_bands", lang, "w_dl_bands")
    sc, km = ctx.scenario.scenario, session.grid_km()
    csv_button(lambda: with_names(cache.access_table(ctx.version, sc, km), ctx.names,
                                  pairs=[("nearest_site_id", "nearest_site_name")]), "access_grid", lang,
               "w_dl_access")
    geojson_button(bands.features, "access_bands", lang, "w_dl_bands_geo")
    html_export_button(ctx, overlays, key="w_dl_access_html", title=t("access_title", lang))
    report_button(ctx, key="w_dl_report_access")


def _isochrone_table(ctx: RunContext, site_id: str, iso: tuple[list, pd.DataFrame]) -> None:
    lang = ctx.lang
    st.markdown(f"**{t('isochrones_for', lang)}** — {md_escape(ctx.names.get(site_id, site_id))} "
                f"({md_escape(site_id)})")
    show_table(iso[1], lang)
    csv_button(iso[1], f"isochrones_{site_id}", lang, "w_dl_iso")
    geojson_button(iso[0], f"isochrones_{site_id}", lang, "w_dl_iso_geo")


def _route_table(ctx: RunContext, route: dict[str, Any]) -> None:
    lang = ctx.lang
    if not route.get("reachable"):
        st.warning(f"{t('no_route', lang)} {md_escape(route.get('reason', ''))}")
        return
    name = ctx.names.get(route["site_id"], route["site_name"])
    st.markdown(f"**{t('route_to', lang)}: {md_escape(name)}** — {route['minutes']:.0f} {t('min', lang)}")
    legs = with_names(pd.DataFrame(route["legs"]), ctx.names, pairs=[("from_id", "from_name"), ("to_id", "to_name")])
    legs["minutes"] = legs["minutes"].round(1)
    shown = legs[[c for c in ("from_name", "to_name", "minutes", "kind", "mode", "line") if c in legs.columns]].copy()
    shown["kind"] = [label(LEG_KIND_LABELS, x, lang) for x in shown["kind"]]
    shown["mode"] = [label(MODE_LABELS, x, lang) for x in shown["mode"]]
    if not shown["line"].fillna("").astype(bool).any():
        shown = shown.drop(columns=["line"])
    show_table(shown, lang)
    csv_button(legs, "route_legs", lang, "w_dl_route")
    geojson_button([{"type": "Feature", "geometry": {"type": "LineString",
                                                     "coordinates": [[p[1], p[0]] for p in route["path"]]},
                     "properties": {"id": "route"}}], "route", lang, "w_dl_route_geo")
