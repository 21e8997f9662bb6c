"""The app's analyses as plain data: access bands, isochrones, a clicked point's route, comparison, ranking.

Each function takes the request's data version and an engine Scenario (from ui.scenario.app_scenario),
calls network/ and returns tables and map features. No streamlit here: ui.cache wraps each in
``st.cache_data``, keyed on the same arguments.
"""
from __future__ import annotations

from typing import Any

import pandas as pd

from geo.paths import DataVersion
from network.access import engine_access_table, nearest_table, resident_thresholds
from network.compare import compare_engines
from network.engine import Engine, get_engine
from network.isochrone import isochrones
from network.origins import grid_frame, origins_grid
from network.ranking import rank_projects
from network.routing import route_from_point, route_path
from network.scenario import Scenario
from network.sweep import SerialRunner, SweepContext, SweepSpec, sweep_with
from network.circuits import circuit_table, load_circuits
from network.visitors import (cluster_table, site_table, visitor_engine, visitor_hours,
                              visitor_matrix)
from reports.report import make_report
from ui.overlays import BandResult, access_bands, difference_bands, isochrone_features


def engine(version: DataVersion, scenario: Scenario) -> Engine:
    """The cached engine of ``scenario`` on the request's data version."""
    return get_engine(scenario, version=version)


def access(version: DataVersion, scenario: Scenario, km: float, *, lang: str,
           title: str) -> tuple[BandResult, pd.DataFrame]:
    """Nearest-site bands (dissolved polygons + table) and the nearest-site table of a ``km`` grid.

    The fast path (network.nearest): no cells × sites matrix, so the 250 m grid stays interactive; the
    full access table (sites within T, gravity) is ``access_table``, made when it is downloaded.
    """
    eng = engine(version, scenario)
    g = grid_frame(km, data=eng.data)
    a = nearest_table(eng, g)
    bands = access_bands(a, km=km, lang=lang, title=title, thresholds=resident_thresholds(eng.params))
    return bands, a.drop(columns=["x", "y"])


def access_table(version: DataVersion, scenario: Scenario, km: float) -> pd.DataFrame:
    """The full access table of a ``km`` grid (network.access.access_columns)."""
    eng = engine(version, scenario)
    return engine_access_table(eng, grid_frame(km, data=eng.data))


def site_isochrones(version: DataVersion, scenario: Scenario, site_id: str, km: float, *,
                    lang: str) -> tuple[list[dict[str, Any]], pd.DataFrame]:
    """Nested isochrones of one site (grid-based, not hulls) as map features and a table."""
    eng = engine(version, scenario)
    gdf = isochrones(site_id, scenario, minutes=resident_thresholds(eng.params), cell_km=km, params=eng.params,
                     version=version)
    table = pd.DataFrame({"minutes": gdf["minutes"], "area_km2": gdf["area_km2"].round(1), "cells": gdf["cells"]})
    return isochrone_features(gdf, lang), table


def point_route(version: DataVersion, scenario: Scenario, lon: float, lat: float) -> dict[str, Any]:
    """The fastest route from a clicked point to its nearest site (network.routing.route_from_point).

    A dict with reachable, site_id, site_name, minutes, legs (list of dicts) and path ([lat, lon] points).
    """
    eng = engine(version, scenario)
    r = route_from_point(eng, lon, lat)
    if not r.reachable:
        return {"reachable": False, "reason": r.reason}
    legs = [{"kind": leg.kind, "mode": "local" if leg.kind == "connector" else leg.mode, "line": leg.line,
             "from_id": leg.from_id, "to_id": leg.to_id, "from_name": leg.from_name, "to_name": leg.to_name,
             "minutes": leg.minutes} for leg in r.legs]
    path = [[la, lo] for lo, la in route_path(r, eng.data, start=(lon, lat))]
    return {"reachable": True, "site_id": r.to_id, "site_name": r.to_name, "minutes": r.minutes,
            "legs": legs, "path": path}


def comparison(version: DataVersion, baseline: Scenario, with_: Scenario, km: float, *, lang: str,
               title: str) -> dict[str, Any]:
    """Baseline vs scenario on a ``km`` grid: difference bands, per cell, per county, gateway tables, notes."""
    eb, ew = engine(version, baseline), engine(version, with_)
    g = origins_grid(km, data=eb.data)
    c = compare_engines(eb, ew, g, visitor_engines=(visitor_engine(baseline, version=version),
                                                    visitor_engine(with_, version=version)))
    po = c.per_origin.merge(g[["origin_id", "x", "y"]], on="origin_id", how="left")
    bands = difference_bands(po, km=km, lang=lang, title=title)
    return {"features": bands.features, "bands": bands.table, "colours": bands.colours,
            "per_cell": po.drop(columns=["x", "y"]),
            "per_county": c.per_county, "gateways": c.gateway_sites, "visitors": c.visitor_sites,
            "notes": list(c.notes)}


def ranking(version: DataVersion, baseline: Scenario, with_: Scenario, km: float,
            measures: tuple[str, ...] = ("residents",)) -> pd.DataFrame:
    """Each project between ``baseline`` and ``with_`` added alone / removed alone, on a ``km`` grid."""
    eng = engine(version, baseline)
    return rank_projects(baseline, with_, origins_grid(km, data=eng.data), params=eng.params, version=version,
                         measures=measures)


def sweep(version: DataVersion, baseline: Scenario, with_: Scenario, projects: tuple[str, ...], measure: str,
          km: float) -> pd.DataFrame:
    """Every subset of ``projects`` (network.sweep) evaluated in this process: orders, costs, Pareto flag."""
    ctx = SweepContext(SweepSpec(baseline, with_, projects, measure, f"grid:{km:g}", "national"), version.data_dir)
    return sweep_with(SerialRunner(ctx), ctx)


def visitors(version: DataVersion, scenario: Scenario) -> dict[str, Any]:
    """The visitors' results of a scenario: the city × site matrix, per-site and per-cluster measures, circuits."""
    eng = visitor_engine(scenario, version=version)
    vm = visitor_matrix(eng, "all")
    return {"vm": vm, "sites": site_table(vm, eng.data, eng.params), "clusters": cluster_table(vm, eng.data, eng.params),
            "circuits": circuit_table(eng, load_circuits(eng.data)), "hours": visitor_hours(eng.params),
            "site_county": {s: eng.data.features[s].get("county") for s in vm.site_ids}}


def report(version: DataVersion, scenario: Scenario, baseline: Scenario, km: float, *, lang: str, fmt: str,
           titles: tuple[str, str], destination: str | None = None) -> bytes:
    """The meeting pack (reports.report.make_report) of the app's scenario against its baseline, as PPTX or PDF
    bytes; ``destination`` is the visitors view's choice (``cluster:…`` / ``site:…``) when there is one."""
    if destination and not destination.startswith(("cluster:", "site:")):
        destination = None
    return make_report(scenario, baseline, fmt=fmt, lang=lang, cell_km=km, version=version, titles=titles,
                       destination=destination)
