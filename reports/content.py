"""What a meeting pack shows, computed once: the network library's results for one scenario and its baseline.

``build_content`` calls the same functions as the app and the CLI (``network.access``, ``network.compare``,
``network.ranking``, ``network.visitors``, ``network.circuits``); nothing here computes a measure of its
own. Slides (``reports.slides``) only format and draw what is collected here.
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from geo.fileio import read_json
from geo.labels import SCENARIO_LABELS, label
from geo.paths import DataVersion, data_version
from geo.schema import LAYERS
from network.access import engine_access_table, resident_thresholds
from network.circuits import circuit_table, load_circuits
from network.compare import Comparison, compare_engines, county_table
from network.data import NetworkData
from network.engine import Engine, get_engine
from network.origins import origins_grid
from network.ranking import rank_projects
from network.scenario import Scenario
from network.visitors import (VisitorMatrix, cluster_minutes, population_curve, visitor_engine, visitor_hours,
                              visitor_matrix)
from reports.errors import ReportError
from reports.strings import LANGS, rt

#: the visitors' destination shown by default: the sites of 瑞金 (the app's default too), else the first cluster
DEFAULT_CLUSTER = "ruijin"


@dataclass
class ReportContent:
    """Everything a report shows (tables at full precision; slides round them for reading)."""

    lang: str
    scenario: Scenario
    baseline: Scenario
    scenario_title: str
    baseline_title: str
    data_date: str
    made: str
    cell_km: float
    data: NetworkData
    thresholds: tuple[float, ...]
    access: pd.DataFrame          # per grid cell: the access table plus x, y (EPSG:4547)
    comparison: Comparison        # per_origin with x, y
    county_all: pd.DataFrame      # the county table over the whole prefecture (one row)
    ranking: pd.DataFrame
    destination: str              # cluster:<county id> or site:<site id>
    destination_title: str
    curves: dict[str, pd.DataFrame]   # baseline title / scenario title -> hours, population
    circuits: pd.DataFrame
    rivers: list[dict]
    visitor_hours: tuple[float, ...] = (2.0, 3.0, 4.0, 5.0)

    def name(self, fid: str) -> str:
        """A feature's name in the report's language (the other language, else the id, when missing)."""
        f = self.data.features.get(fid) or {}
        first, second = ("name_zh", "name_en") if self.lang == "zh" else ("name_en", "name_zh")
        return str(f.get(first) or f.get(second) or fid)


def scenario_label(sc: Scenario, lang: str) -> str:
    """A scenario's display name (the labels of geo.labels; a year or plan set as it is)."""
    return label(SCENARIO_LABELS, sc.name, lang)


def _destination(vm: VisitorMatrix, data: NetworkData, destination: str | None) -> str:
    clusters, _ = cluster_minutes(vm, data)
    if destination:
        kind, _, ident = destination.partition(":")
        if (kind == "cluster" and ident in clusters) or (kind == "site" and ident in vm.site_ids):
            return destination
        raise ReportError(f"unknown visitors' destination {destination!r}; use cluster:<county id> "
                          f"({', '.join(clusters[:6])} …) or site:<heritage-site id>")
    if not clusters:
        return ""
    return f"cluster:{DEFAULT_CLUSTER if DEFAULT_CLUSTER in clusters else clusters[0]}"


def destination_minutes(vm: VisitorMatrix, data: NetworkData, destination: str) -> np.ndarray:
    """Minutes from each city to a destination: a site, or the nearest site of a county's cluster."""
    kind, _, ident = destination.partition(":")
    if kind == "site":
        return vm.minutes[:, vm.site_ids.index(ident)]
    clusters, minutes = cluster_minutes(vm, data)
    return minutes[:, clusters.index(ident)]


def _visitors(content_args: dict, eb: Engine, ew: Engine, destination: str | None) -> dict:
    """The visitors' curve of both scenarios to the destination, and the circuits of the scenario."""
    version = content_args["version"]
    vb, vw = visitor_engine(eb.scenario, version=version), visitor_engine(ew.scenario, version=version)
    mb, mw = visitor_matrix(vb, "all"), visitor_matrix(vw, "all")
    dest = _destination(mw, ew.data, destination)
    lang = content_args["lang"]
    curves, title = {}, ""
    if dest and len(mw.markets):
        pop = mw.markets["population"].to_numpy(float)
        curves = {content_args["baseline_title"]: population_curve(destination_minutes(mb, eb.data, dest), pop),
                  content_args["scenario_title"]: population_curve(destination_minutes(mw, ew.data, dest), pop)}
        kind, _, ident = dest.partition(":")
        f = ew.data.features.get(ident) or {}
        name = f.get("name_zh" if lang == "zh" else "name_en") or f.get("name_zh") or ident
        title = rt("cluster", lang, name=name) if kind == "cluster" else name
    return {"destination": dest, "destination_title": title, "curves": curves,
            "circuits": circuit_table(vw, load_circuits(vw.data))}


def _rivers(data_dir: Path) -> list[dict]:
    p = Path(data_dir) / "basemap" / "rivers.geojson"
    if not p.exists():
        return []
    doc = read_json(p)
    return [f for f in doc.get("features", []) if isinstance(f, dict) and f.get("geometry")]


def build_content(scenario: Scenario | str, baseline: Scenario | str = "existing", *, lang: str = "zh",
                  cell_km: float = 2.0, data_dir: Path | None = None, version: DataVersion | None = None,
                  titles: tuple[str, str] | None = None, destination: str | None = None) -> ReportContent:
    """Compute what a report of ``scenario`` against ``baseline`` shows (engines are cached per data version).

    ``titles`` (scenario, baseline) replace the scenarios' display names (the app passes its own, with the
    year); ``destination`` picks the visitors' curve (``cluster:<county id>`` or ``site:<id>``; default
    the sites of 瑞金).
    """
    if lang not in LANGS:
        raise ReportError(f"unknown language {lang!r}; use {' or '.join(LANGS)}")
    version = version or data_version(data_dir)
    ew = get_engine(scenario, version=version)
    eb = get_engine(baseline, version=version)
    data = ew.data
    st, bt = titles or (scenario_label(ew.scenario, lang), scenario_label(eb.scenario, lang))
    grid = origins_grid(cell_km, data=data)
    access = engine_access_table(ew, grid).merge(grid[["origin_id", "x", "y"]], on="origin_id", how="left")
    cmp = compare_engines(eb, ew, grid)
    cmp.per_origin = cmp.per_origin.merge(grid[["origin_id", "x", "y"]], on="origin_id", how="left")
    thresholds = resident_thresholds(ew.params)
    county_all = county_table(cmp.per_origin.assign(county="all"), thresholds=thresholds)
    ranking = rank_projects(eb.scenario, ew.scenario, grid, params=ew.params, version=version,
                            measures=("residents", "visitors"))
    vis = _visitors({"lang": lang, "scenario_title": st, "baseline_title": bt, "version": version}, eb, ew,
                   destination)
    return ReportContent(lang, ew.scenario, eb.scenario, st, bt, str(ew.params["scenario.as_of"]),
                         dt.date.today().isoformat(), float(cell_km), data, thresholds, access, cmp, county_all,
                         ranking, vis["destination"], vis["destination_title"], vis["curves"], vis["circuits"],
                         _rivers(data.data_dir), visitor_hours(ew.params))


def confidence_counts(content: ReportContent) -> pd.DataFrame:
    """Per layer, the scenario's features by confidence (high, medium, low) and how many are schematic."""
    rows = []
    for layer in LAYERS:
        feats = [f for fid, f in content.data.features.items()
                 if f["layer"] == layer and (fid in content.scenario.feature_ids or layer == "counties")]
        if not feats:
            continue
        conf = pd.Series([f.get("confidence") for f in feats]).value_counts()
        rows.append({"layer": layer, "features": len(feats), "high": int(conf.get("high", 0)),
                     "medium": int(conf.get("medium", 0)), "low": int(conf.get("low", 0)),
                     "schematic": sum(f.get("accuracy_m") == "schematic" for f in feats)})
    return pd.DataFrame(rows, columns=["layer", "features", "high", "medium", "low", "schematic"])


def band_table(minutes: np.ndarray, population: np.ndarray, bands: np.ndarray, n_bands: int) -> pd.DataFrame:
    """Cells, people and population share per band (index 0 … n_bands - 1)."""
    pop = np.nan_to_num(np.asarray(population, dtype=float))
    total = pop.sum()
    rows = [{"cells": int((bands == b).sum()), "population": float(pop[bands == b].sum())} for b in range(n_bands)]
    df = pd.DataFrame(rows)
    df["share"] = df["population"] / total if total > 0 else math.nan
    return df
