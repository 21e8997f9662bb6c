"""Analysis pages: accessibility (bands, isochrones, click-to-route), scenario comparison, project ranking."""
from __future__ import annotations

import json
import math
from typing import Any, Mapping

import pandas as pd
import streamlit as st

from ui import analysis as A
from ui import controls as C
from ui.cache import (access_result, compare_result, data_stamp, feature_names, isochrone_result, rank_result,
                      route_result)
from ui.engine import scenario_names
from ui.features import esc, md_escape
from ui.i18n import (LEG_KIND_LABELS, MODE_LABELS, SCENARIO_LABELS, STATUS_LABELS, column_labels, label,
                     layer_title, t)
from ui.mapview import LegendSection, Overlay
from ui.pages import html_export_button
from ui.state import AppState

K_GRID = C.K_GRID
K_TARGET = "access_target"
K_CLICK_SIG = "access_click_sig"
GRID_CHOICES = C.GRID_CHOICES
ROUTE_COLOUR = "#00a6ff"  # not used by any plan layer
SITE_SNAP_DEG = 0.02  # a click this close (~2 km) to a heritage site selects the site


def spec_of(scenario: str, custom: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """Map an app scenario to an engine spec + included ids ('all' = the full plan set)."""
    if scenario == "all":
        names = scenario_names()
        return ("plan2035-full" if "plan2035-full" in names else "2035"), ()
    if scenario == "custom":
        return "existing", tuple(sorted(custom))
    return scenario, ()


def year_spec(scenario: str, custom: tuple[str, ...], year: int | None) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """Return (engine spec, included ids, excluded ids) of an app scenario as of ``year`` (None = no year).

    As of a year = the engine's year scenario (existing features opened by then, plus those under
    construction or planned that are due by then) within the chosen scenario: the year scenario's
    features that the chosen scenario leaves out are excluded. So the analysis uses exactly the network
    the map draws, and moving the year slider changes the accessibility.
    """
    spec, inc = spec_of(scenario, custom)
    if year is None:
        return spec, inc, ()
    as_of = str(year)
    if scenario == "all":
        return as_of, (), ()
    from ui.engine import resolve
    chosen = resolve(spec, inc).feature_ids
    return as_of, (), tuple(sorted(resolve(as_of).feature_ids - chosen))


def _scen(spec: str, include: tuple[str, ...], lang: str) -> str:
    name = label(SCENARIO_LABELS, spec, lang)
    return f"{name} + {', '.join(include)}" if include else name


def chosen_name(s: AppState, lang: str) -> str:
    """Return the display name of the chosen scenario, as of the slider's year when it is on."""
    name = _scen(*spec_of(s.scenario, s.custom), lang)
    return name if s.year is None else f"{name} · {t('as_of', lang).format(year=s.year)}"


def _show(df: pd.DataFrame, lang: str, *, hide: tuple[str, ...] = ()) -> None:
    """Show a table rounded for reading, with translated headers, shares as percentages, ids in ``hide`` left out
    (downloads keep the raw column names and every column)."""
    df = A.tidy(df.drop(columns=[c for c in hide if c in df.columns]))
    labels = column_labels(df.columns, lang)
    config = {labels.get(c, c): st.column_config.NumberColumn(format="%.1f%%") for c in df.columns if "share" in c}
    if config:
        df = df.copy()
        for c in df.columns:
            if "share" in c:
                df[c] = (df[c] * 100).round(1)
    st.dataframe(df.rename(columns=labels), hide_index=True, column_config=config or None)


def _csv_button(df: pd.DataFrame, name: str, lang: str, key: str) -> None:
    from ui.pages import csv_text
    st.download_button(f"{t('download_csv', lang)}: {name}", data=lambda: csv_text(A.tidy(df)),
                       file_name=f"{name}.csv", mime="text/csv", key=key, on_click="ignore")


def _geojson_button(features: list[dict[str, Any]], name: str, lang: str, key: str) -> None:
    def data() -> str:
        clean = [{"type": "Feature", "geometry": f["geometry"],
                  "properties": {k: v for k, v in f["properties"].items() if k not in ("style", "_popup")}}
                 for f in features]
        return json.dumps({"type": "FeatureCollection", "features": clean}, ensure_ascii=False)
    st.download_button(f"{t('download_geojson', lang)}: {name}", data=data, file_name=f"{name}.geojson",
                       mime="application/geo+json", key=key, on_click="ignore")


def _grid_km(s: AppState) -> float:
    """Return the analysis grid (km) chosen in the sidebar."""
    return float(st.session_state.get(K_GRID) or GRID_CHOICES[0])


def render(s: AppState, prepared: Mapping[str, list[dict[str, Any]]], ids: Any, loaded: Any) -> None:
    """Render the analysis page of ``s.view``; engine problems are shown as messages."""
    try:
        if s.view == "access":
            access_page(s, prepared, ids)
        elif s.view == "compare":
            compare_page(s, prepared, ids)
        elif s.view == "rank":
            rank_page(s, loaded)
    except Exception as exc:  # noqa: BLE001 - show engine/data problems, never a traceback
        st.error(f"{t('engine_missing', s.lang)} {md_escape(f'{type(exc).__name__}: {exc}')}")
        from ui.pages import render_map
        render_map(s, prepared, ids, key="fallback")


def _nearest_site(prepared: Mapping[str, list[dict[str, Any]]], lat: float, lng: float) -> str | None:
    best, best_d = None, SITE_SNAP_DEG
    for f in prepared.get("heritage_sites", []):
        lon, la = f["geometry"]["coordinates"][:2]
        d = math.hypot(lon - lng, la - lat)
        if d < best_d:
            best, best_d = f["properties"]["id"], d
    return best


def access_page(s: AppState, prepared: Mapping[str, list[dict[str, Any]]], ids: Any) -> None:
    lang = s.lang
    ss = st.session_state
    base, stamp = data_stamp()
    spec, inc, exc = year_spec(s.scenario, s.custom, s.year)
    if not s.presenter:
        st.subheader(md_escape(f"{t('access_title', lang)} — "
                               f"{chosen_name(s, lang)}"))
        st.caption(t("access_help", lang))
    km = _grid_km(s)
    title = t("access_title", lang)
    with st.spinner(t("computing", lang)):
        feats, table, acc = access_result(base, stamp, spec, inc, km, lang, title, exc)
    colours = [*A.BAND_COLOURS, A.UNREACHABLE_COLOUR]
    legend_title = t("access_legend", lang) + ("" if s.year is None else f" · {s.year}")
    overlays = [Overlay(esc(title), feats, LegendSection(esc(legend_title),
                                                         table_html=A.legend_table(table, colours, lang)),
                        below=True, interactive=False)]
    target = ss.get(K_TARGET)
    names = feature_names(lang)
    iso_table = route = None
    if target and target[0] == "site":
        iso_feats, iso_table = isochrone_result(base, stamp, target[1], spec, inc, km, lang, exc)
        overlays = []  # the site's own isochrones replace the nearest-site bands (two band sets would blur)
        overlays.append(Overlay(esc(t("isochrones_for", lang)), iso_feats, LegendSection(
            esc(t("isochrones_for", lang)), [(f'<span style="display:inline-block;width:30px;height:10px;'
                                              f'background:{c};opacity:.6"></span>', f"≤{m:g}")
                                             for m, c in zip(A.BAND_EDGES, A.BAND_COLOURS)]),
                                below=True, interactive=False))  # under the plan layers, like the bands
    elif target and target[0] == "point":
        route = route_result(base, stamp, target[2], target[1], spec, inc, exc)
        site_name = names.get(route.get("site_id", ""), route.get("site_name", ""))
        if route.get("reachable"):
            line = {"type": "Feature", "id": "route", "geometry": {"type": "LineString",
                                                                   "coordinates": [[p[1], p[0]] for p in route["path"]]},
                    "properties": {"id": "route", "_tip": esc(f"{site_name} · {route['minutes']:.0f} "
                                                              f"{t('min', lang)}"),
                                   "style": {"color": ROUTE_COLOUR, "weight": 6, "opacity": 0.95,
                                             "lineCap": "round", "lineJoin": "round"}}}
            start = {"type": "Feature", "id": "route-start", "geometry": {"type": "Point",
                                                                          "coordinates": [target[2], target[1]]},
                     "properties": {"id": "route-start", "_tip": esc(t("from", lang)),
                                    "style": {"radius": 7, "color": "#111", "fill": True, "fillColor": "#fff",
                                              "fillOpacity": 1, "weight": 3}}}
            overlays.append(Overlay(esc(t("route_to", lang)), [line], LegendSection(
                esc(t("route_to", lang)), [(f'<svg width="40" height="10"><line x1="3" y1="5" x2="37" y2="5" '
                                            f'stroke="{ROUTE_COLOUR}" stroke-width="6" '
                                            'stroke-linecap="round"/></svg>',
                                            esc(f"{site_name} · {route['minutes']:.0f} {t('min', lang)}"))])))
            overlays.append(Overlay("route-start", [start], None, points=True))

    from ui.pages import render_map
    _, out = render_map(s, prepared, ids, overlays=overlays, returned=("last_clicked",), key="access")
    clk = out.get("last_clicked")
    sig = json.dumps(clk, sort_keys=True)
    if clk and sig != ss.get(K_CLICK_SIG):
        ss[K_CLICK_SIG] = sig
        lat, lng = float(clk["lat"]), float(clk["lng"])
        site = _nearest_site(prepared, lat, lng)
        ss[K_TARGET] = ("site", site) if site else ("point", round(lat, 5), round(lng, 5))
        st.rerun()

    if s.presenter:
        return
    if target:
        st.button(t("clear_selection", lang), key="w_clear_target", on_click=lambda: ss.pop(K_TARGET, None))
    c1, c2 = st.columns(2)
    with c1:
        st.markdown(f"**{t('band', lang)}**")
        show = table.rename(columns={"band": t("band", lang), "cells": t("cells", lang),
                                     "population": t("population", lang), "share": t("pop_share", lang)})
        st.dataframe(show, hide_index=True, column_config={t("pop_share", lang): st.column_config.NumberColumn(
            format="percent")})
        _csv_button(table, "access_bands", lang, "w_dl_bands")
        _csv_button(A.with_names(acc, feature_names(lang), pairs=[("nearest_site_id", "nearest_site_name")]),
                    "access_grid", lang, "w_dl_access")
        _geojson_button(feats, "access_bands", lang, "w_dl_bands_geo")
        html_export_button(s, prepared, ids, overlays, key="w_dl_access_html")
    with c2:
        if iso_table is not None:
            st.markdown(f"**{t('isochrones_for', lang)}** — {md_escape(names.get(target[1], target[1]))} "
                        f"({md_escape(target[1])})")
            _show(iso_table, lang)
            _csv_button(iso_table, f"isochrones_{target[1]}", lang, "w_dl_iso")
            _geojson_button(iso_feats, f"isochrones_{target[1]}", lang, "w_dl_iso_geo")
        elif route is not None:
            if not route.get("reachable"):
                st.warning(f"{t('no_route', lang)} {md_escape(route.get('reason', ''))}")
            else:
                st.markdown(f"**{t('route_to', lang)}: {md_escape(site_name)}** — "
                            f"{route['minutes']:.0f} {t('min', lang)}")
                legs = A.with_names(pd.DataFrame(route["legs"]), names,
                                    pairs=[("from_id", "from_name"), ("to_id", "to_name")])
                legs["minutes"] = legs["minutes"].round(1)
                shown = legs[[c for c in ("from_name", "to_name", "minutes", "kind", "mode", "line")
                              if c in legs.columns]].copy()
                shown["kind"] = [label(LEG_KIND_LABELS, x, lang) for x in shown["kind"]]
                shown["mode"] = [label(MODE_LABELS, x, lang) for x in shown["mode"]]
                if not shown["line"].fillna("").astype(bool).any():
                    shown = shown.drop(columns=["line"])
                _show(shown, lang)
                _csv_button(legs, "route_legs", lang, "w_dl_route")
                _geojson_button([line], "route", lang, "w_dl_route_geo")


def compare_page(s: AppState, prepared: Mapping[str, list[dict[str, Any]]], ids: Any) -> None:
    lang = s.lang
    base, stamp = data_stamp()
    after, after_inc, after_exc = year_spec(s.scenario, s.custom, s.year)
    before, before_inc = spec_of(s.baseline, s.custom if s.baseline == "custom" else ())
    if not s.presenter:
        st.subheader(md_escape(f"{t('diff_title', lang)}: {_scen(before, before_inc, lang)}"
                               f" → {chosen_name(s, lang)}"))
    km = _grid_km(s)
    title = t("diff_title", lang)
    with st.spinner(t("computing", lang)):
        res = compare_result(base, stamp, before, before_inc, after, after_inc, km, lang, title,
                             after_exc=after_exc)
    ov = Overlay(esc(title), res["features"], LegendSection(
        esc(f"{t('gain', lang)} ({t('minutes', lang)})"),
        table_html=A.legend_table(res["bands"], A.GAIN_ALL_COLOURS, lang)), below=True)
    from ui.pages import render_map
    render_map(s, prepared, ids, overlays=[ov], key="compare")
    if s.presenter:
        return
    for note in res["notes"]:
        st.caption(f"ℹ {md_escape(note)}")
    st.markdown(f"**{t('county_table', lang)}**")
    names = feature_names(lang)
    county = A.with_names(res["per_county"], names, pairs=[("county", "county_name")])
    _show(county, lang, hide=("county",))
    _csv_button(county, "county_before_after", lang, "w_dl_county")
    st.markdown(f"**{t('gateway_table', lang)}**")
    gw = A.with_names(res["gateways"], names, pairs=[("gateway_id", "gateway"), ("site_id", "site")])
    _show(gw, lang, hide=("gateway_id",))
    _csv_button(gw, "gateway_sites", lang, "w_dl_gateway")
    _csv_button(res["per_cell"], "difference_grid", lang, "w_dl_diffgrid")
    _geojson_button(res["features"], "difference_bands", lang, "w_dl_diff_geo")
    html_export_button(s, prepared, ids, [ov], key="w_dl_compare_html")


RANK_COLUMNS = ("name", "layer", "status", "add_mean_minutes", "remove_mean_minutes", "add_pop_newly_within_60",
                "remove_pop_within_60", "add_pop_newly_within_120", "remove_pop_within_120",
                "add_pop_newly_reachable", "remove_pop_reachable", "add_pop_minutes", "remove_pop_minutes",
                "project_id", "feature_ids")


def rank_page(s: AppState, loaded: Any = None) -> None:
    lang = s.lang
    base, stamp = data_stamp()
    after, after_inc, after_exc = year_spec(s.scenario, s.custom, s.year)
    before, before_inc = spec_of(s.baseline, ())
    heading = md_escape(f"{t('rank_title', lang)}: {_scen(before, before_inc, lang)} → {chosen_name(s, lang)}")
    if s.presenter:  # the chart is the slide: large title, no tables or downloads
        st.markdown(f"## {heading}")
    else:
        st.subheader(heading)
    km = _grid_km(s)
    with st.spinner(t("computing", lang)):
        df = rank_result(base, stamp, before, before_inc, after, after_inc, km, after_exc=after_exc)
    if df.empty:
        st.info(t("no_projects", lang))
        return
    df = A.with_names(df, feature_names(lang), pairs=[("project_id", "name")])
    add_l, rem_l = t("rank_add", lang), t("rank_remove", lang)
    long = pd.concat([
        pd.DataFrame({"project": df["name"], "measure": add_l, "minutes": df["add_mean_minutes"]}),
        pd.DataFrame({"project": df["name"], "measure": rem_l, "minutes": df["remove_mean_minutes"]}),
    ])
    import altair as alt
    order = list(df.sort_values("add_mean_minutes", ascending=False)["name"])
    chart = alt.Chart(long).mark_bar().encode(
        y=alt.Y("project:N", sort=order, title=None, axis=alt.Axis(labelLimit=460 if s.presenter else 320)),
        x=alt.X("minutes:Q", title=("人均节省分钟（到最近全国级纪念地）" if lang == "zh"
                                    else "minutes saved per resident (to the nearest national site)")),
        color=alt.Color("measure:N", legend=alt.Legend(orient="bottom", title=None, labelLimit=0, columns=1),
                        scale=alt.Scale(range=["#b71c1c", "#1565c0"])),
        yOffset="measure:N",
        tooltip=["project", "measure", alt.Tooltip("minutes:Q", format=".3f")],
    ).properties(height=max(220, (44 if s.presenter else 34) * len(df)))
    if s.presenter:
        chart = chart.configure_axis(labelFontSize=15, titleFontSize=15).configure_legend(labelFontSize=15)
    st.altair_chart(chart, width="stretch")
    if s.presenter:
        return
    shown = df[[c for c in RANK_COLUMNS if c in df.columns] + [c for c in df.columns if c not in RANK_COLUMNS]].copy()
    shown["layer"] = [layer_title(x, lang) for x in shown["layer"]]
    shown["status"] = [label(STATUS_LABELS, x, lang) for x in shown["status"]]
    _show(shown, lang)
    _csv_button(df, "project_ranking", lang, "w_dl_rank")
