"""Scenario comparison: minutes to the nearest site saved per origin and per county, and gateway → site times.

The per-county table is two ``network.measures.group_summary`` tables (baseline and with) side by side,
plus the population-weighted mean of the minutes saved; nothing here computes a measure of its own.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from network.access import nearest_minutes, resident_thresholds
from network.engine import Engine, get_engine
from network.measures import group_summary, weighted_mean
from network.origins import origins_gateways, origins_grid
from network.params import Params
from network.scenario import Scenario
from network.visitors import compare_visitors, visitor_engine

#: Gateway cities of the comparison table, matched on the start of a gateway place's name_zh.
GATEWAY_CITIES: tuple[str, ...] = ("广州", "深圳", "南昌", "厦门", "长沙")


@dataclass
class Comparison:
    """Result of compare_scenarios: per origin, per county and gateway → national site tables."""

    baseline: str
    with_: str
    per_origin: pd.DataFrame
    per_county: pd.DataFrame
    gateway_sites: pd.DataFrame
    notes: list[str] = field(default_factory=list)
    #: per national site, the visitors' measures in both scenarios (network.visitors.compare_visitors)
    visitor_sites: pd.DataFrame = field(default_factory=pd.DataFrame)


def county_table(per_origin: pd.DataFrame, *, thresholds: Sequence[float]) -> pd.DataFrame:
    """Per county of a per-origin comparison: population, population-weighted mean minutes base/with/saved
    and the share of the population within each threshold, base and with. Origins without a population or
    a county are left out."""
    pop = per_origin["population"].to_numpy(float)
    groups = per_origin["county"].tolist()
    b, w = per_origin["minutes_base"].to_numpy(float), per_origin["minutes_with"].to_numpy(float)
    sb = group_summary(b, pop, groups, thresholds=thresholds, group_name="county").set_index("county")
    sw = group_summary(w, pop, groups, thresholds=thresholds, group_name="county").set_index("county")
    out = pd.DataFrame({"population": sb["population"], "mean_minutes_base": sb["mean_minutes"],
                        "mean_minutes_with": sw["mean_minutes"]})
    saved = np.where(np.isfinite(b) & np.isfinite(w), b - w, np.nan)
    by_county = pd.Series(np.arange(len(per_origin))).groupby(pd.Series(groups, dtype=object).to_numpy())
    out["mean_minutes_saved"] = [weighted_mean(saved[by_county.get_group(c).to_numpy()],
                                               pop[by_county.get_group(c).to_numpy()]) for c in out.index]
    for t in thresholds:
        out[f"share_within_{t:g}_base"] = sb[f"share_within_{t:g}"]
        out[f"share_within_{t:g}_with"] = sw[f"share_within_{t:g}"]
    return out.reset_index()


def gateway_site_table(base_engine: Engine, with_engine: Engine, *,
                       cities: Iterable[str] = GATEWAY_CITIES) -> tuple[pd.DataFrame, list[str]]:
    """Minutes from each gateway city (广州, 深圳, 南昌, 厦门, 长沙) to each national site, base vs with."""
    data = base_engine.data
    gw = origins_gateways(data=data)
    notes, picked = [], []
    for city in cities:
        hit = gw[gw["name"].astype(str).str.startswith(city)]
        if hit.empty:
            notes.append(f"gateway {city} is not in the places layer; left out of the gateway table")
        else:
            picked.append(hit.iloc[[0]])
    cols = ["gateway_id", "gateway", "site_id", "site", "minutes_base", "minutes_with", "minutes_saved"]
    if not picked:
        return pd.DataFrame(columns=cols), notes
    g = pd.concat(picked, ignore_index=True)
    sites = sorted(set(base_engine.site_ids("national")) | set(with_engine.site_ids("national")))
    mb, mw = base_engine.site_minutes(g, sites), with_engine.site_minutes(g, sites)
    out = [{"gateway_id": r["origin_id"], "gateway": r["name"], "site_id": s, "site": data.name(s),
            "minutes_base": mb[i, j], "minutes_with": mw[i, j], "minutes_saved": mb[i, j] - mw[i, j]}
           for i, r in enumerate(g.to_dict("records")) for j, s in enumerate(sites)]
    return pd.DataFrame(out, columns=cols), notes


def compare_engines(base_engine: Engine, with_engine: Engine, origins: pd.DataFrame, *,
                    sites: str = "national", visitor_engines: tuple[Engine, Engine] | None = None) -> Comparison:
    """Compare two compiled scenarios (see ``compare_scenarios``); also used with a sketched proposal.

    ``visitor_engines`` (the two scenarios on planned waits) add the visitors' per-site table.
    """
    tb, tw = nearest_minutes(base_engine, origins, sites), nearest_minutes(with_engine, origins, sites)
    po = origins[["origin_id", "name", "county", "lon", "lat", "population"]].reset_index(drop=True).copy()
    po["minutes_base"], po["minutes_with"] = tb, tw
    po["minutes_saved"] = tb - tw
    po["newly_reachable"] = ~np.isfinite(tb) & np.isfinite(tw)
    po["no_longer_reachable"] = np.isfinite(tb) & ~np.isfinite(tw)
    gws, notes = gateway_site_table(base_engine, with_engine)
    per_county = county_table(po, thresholds=resident_thresholds(base_engine.params))
    visitors = compare_visitors(*visitor_engines, sites) if visitor_engines else pd.DataFrame()
    return Comparison(base_engine.scenario.name, with_engine.scenario.name, po, per_county, gws, notes, visitors)


def compare_scenarios(baseline: Scenario | str, with_: Scenario | str, origins: pd.DataFrame | None = None, *,
                      sites: str = "national", data_dir: Path | None = None,
                      params: Params | None = None) -> Comparison:
    """Compare two scenarios: minutes to the nearest site saved per origin and per county, and the
    gateway → national site table. ``origins`` defaults to a 2 km grid. Unreachable stays NaN."""
    eb = get_engine(baseline, data_dir=data_dir, params=params)
    ew = get_engine(with_, data_dir=data_dir, params=params)
    origins = origins if origins is not None else origins_grid(2.0, data=eb.data)
    visitors = (visitor_engine(eb.scenario, data_dir=eb.data.data_dir, params=params),
                visitor_engine(ew.scenario, data_dir=eb.data.data_dir, params=params))
    return compare_engines(eb, ew, origins, sites=sites, visitor_engines=visitors)
