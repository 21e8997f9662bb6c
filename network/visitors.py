"""Visitors' accessibility: minutes from the big origin markets (cities) to each red-heritage site.

Residents' measures ask how far each grid cell is from its nearest site; visitors' measures ask how far the
people of 广州, 深圳, 长沙, 南昌 … are from each site, and from circuits of sites. Three things differ:

* origins are the cities of the ``markets`` layer (2020 census populations), not grid cells;
* a city reaches the modelled network through its *entries*: the gateway place it is (``place_id``), or
  the links of ``data/markets/links.csv`` — a rail link (city centre → its main station
  ``visitors.city_station_minutes``, station entry, a boarding margin, the scheduled in-vehicle time to a
  modelled hub, then a change or the exit), a drive to a hub, or a flight to 黄金/瑞金;
* waits are *planned* (visitors book intercity trips): a boarding margin, not half the headway
  (``network.graph`` wait model ``planned``).

T(city, site) = min over the city's entries of (entry minutes + network minutes from the entry's node to the
site); the network minutes come from one Dijkstra from the sites on the reversed graph (``Engine.to_sites``).
The measures (``network.measures``) are the standard trio of HSR accessibility studies: population within
T hours (daily accessibility), population-weighted mean travel time, and potential accessibility
Σ population × minutes^-a (Gutiérrez 2001).
"""
from __future__ import annotations

import csv
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from geo.paths import DataVersion
from network.compiled import MODE_BITS, modes_text
from network.data import NetworkData
from network.engine import Engine, get_engine
from network.errors import NetworkError
from network.measures import gravity, parse_thresholds, population_within, weighted_mean
from network.params import Params
from network.scenario import Scenario

LINK_MODES = ("hsr", "conventional_rail", "road", "air")
LINK_COLUMNS = ("market_id", "hub_id", "mode", "minutes", "services_per_day", "source", "confidence", "rule", "notes")
#: One service every 3 minutes around the clock; beyond it is a typo.
MAX_SERVICES_PER_DAY = 500
_MODE_BIT = {"hsr": MODE_BITS["hsr"], "conventional_rail": MODE_BITS["conventional_rail"],
             "road": MODE_BITS["expressway"], "air": MODE_BITS["air"]}


@dataclass(frozen=True)
class MarketLink:
    """How one city reaches one modelled hub (a row of data/markets/links.csv)."""

    market_id: str
    hub_id: str
    mode: str
    minutes: float
    services_per_day: float | None
    source: str
    confidence: str


def links_path(data_dir: Path) -> Path:
    return Path(data_dir) / "markets" / "links.csv"


def load_links(data: NetworkData) -> list[MarketLink]:
    """Read the market links; every problem (unknown city or hub, bad mode or minutes, no source) at once."""
    p = links_path(data.data_dir)
    if not p.exists():
        return []
    rows = list(csv.DictReader(p.read_text(encoding="utf-8-sig").splitlines()))
    out, problems = [], []
    for i, r in enumerate(rows, start=2):
        get = {c: (r.get(c) or "").strip() for c in LINK_COLUMNS}
        why = []
        if data.features.get(get["market_id"], {}).get("layer") != "markets":
            why.append(f"market_id {get['market_id']!r} is not a city of the markets layer")
        if get["hub_id"] not in data.xy:
            why.append(f"hub_id {get['hub_id']!r} is not a station, airport or place of the layers")
        if get["mode"] not in LINK_MODES:
            why.append(f"mode {get['mode']!r}; use one of {', '.join(LINK_MODES)}")
        try:
            minutes = float(get["minutes"])
            if not (0 < minutes < 2000):
                raise ValueError
        except ValueError:
            why.append(f"minutes {get['minutes']!r} is not a number of minutes (0–2000)")
            minutes = math.nan
        if not get["source"]:
            why.append("give a source (or the rule the number was derived by, in source and rule)")
        if why:
            problems.append(f"line {i}: " + "; ".join(why))
            continue
        services = _services(get["services_per_day"], why)
        if why:
            problems.append(f"line {i}: " + "; ".join(why))
            continue
        out.append(MarketLink(get["market_id"], get["hub_id"], get["mode"], minutes, services, get["source"],
                              get["confidence"]))
    if problems:
        raise NetworkError(f"{p}: {len(problems)} problem(s)\n  " + "\n  ".join(problems[:20])
                           + (f"\n  … and {len(problems) - 20} more" if len(problems) > 20 else ""))
    return out


def _services(text: str, why: list[str]) -> float | None:
    """Services per day of a link (None when not given); a bad value is added to ``why``."""
    if not text:
        return None
    try:
        x = float(text)
    except ValueError:
        x = math.nan
    if not 0 < x <= MAX_SERVICES_PER_DAY:
        why.append(f"services_per_day {text[:40]!r} is not a number above 0 and at most {MAX_SERVICES_PER_DAY}")
    return x


def market_frame(data: NetworkData, *, include_home: bool = False) -> pd.DataFrame:
    """The cities of the markets layer: market_id, name, name_en, group, province, population, lon, lat, place_id."""
    rows = []
    for fid in data.ids("markets"):
        f = data.features[fid]
        if f.get("market_group") == "home" and not include_home:
            continue
        lon, lat = data.lonlat[fid]
        rows.append({"market_id": fid, "name": f.get("name_zh") or fid, "name_en": f.get("name_en") or fid,
                     "group": f.get("market_group"), "province": f.get("province"),
                     "population": float(f["population"]), "lon": lon, "lat": lat, "place_id": f.get("place_id")})
    cols = ["market_id", "name", "name_en", "group", "province", "population", "lon", "lat", "place_id"]
    return pd.DataFrame(rows, columns=cols)


@dataclass(frozen=True)
class Entry:
    """One way a city enters the network: at graph node ``node`` after ``minutes`` (``mode`` of the link)."""

    market: int       # row in the market frame
    node: int         # node index in the engine's graph
    minutes: float
    mode: str         # '' (the city is the place), hsr, conventional_rail, road, air
    hub: str


def city_entries(engine: Engine, markets: pd.DataFrame, links: Sequence[MarketLink]) -> list[Entry]:
    """Every entry of every city into ``engine``'s graph (hubs absent from the scenario are skipped)."""
    p, idx = engine.params, engine.graph.index
    row = {m: i for i, m in enumerate(markets["market_id"])}
    out = [Entry(i, idx[pl], 0.0, "", pl) for i, pl in enumerate(markets["place_id"]) if isinstance(pl, str) and pl in idx]
    for ln in links:
        i = row.get(ln.market_id)
        hub = engine.data.features.get(ln.hub_id, {}).get("phase_of") or ln.hub_id
        if i is None or hub not in idx:
            continue
        if ln.mode in ("hsr", "conventional_rail"):
            start = p.num("visitors.city_station_minutes") + p.num("rail.access_minutes") \
                + p.num("wait.planned_minutes.rail") + ln.minutes
            out.append(Entry(i, idx[hub], start + p.num("rail.egress_minutes"), ln.mode, hub))
            if f"{hub}|rail" in idx:  # stay in the station and change train
                out.append(Entry(i, idx[f"{hub}|rail"], start + p.num("rail.transfer_minutes"), ln.mode, hub))
        elif ln.mode == "air":
            out.append(Entry(i, idx[hub], p.num("visitors.city_airport_minutes") + p.num("air.access_minutes")
                             + p.num("wait.planned_minutes.air") + ln.minutes + p.num("air.egress_minutes"), "air", hub))
        else:
            out.append(Entry(i, idx[hub], ln.minutes, "road", hub))
    return out


@dataclass
class VisitorMatrix:
    """Minutes from each city to each site (NaN unreachable), the modes of each best trip and its entry hub."""

    markets: pd.DataFrame
    site_ids: list[str]
    minutes: np.ndarray      # cities × sites
    modes: np.ndarray        # cities × sites mode bits (network.compiled.MODE_BITS)
    hubs: np.ndarray         # cities × sites: the hub the best trip enters the network at ('' if none)
    scenario: str = ""

    def mode_text(self, i: int, j: int) -> str:
        """The modes of the best trip from city ``i`` to site ``j`` ('hsr+local' …; '' if unreachable)."""
        return modes_text(int(self.modes[i, j])) if np.isfinite(self.minutes[i, j]) else ""


def visitor_engine(scenario: Scenario | str, *, data_dir: Path | None = None, params: Params | None = None,
                   version: DataVersion | None = None) -> Engine:
    """The engine visitors travel on: ``scenario`` with planned waits (a boarding margin, not half the headway)."""
    return get_engine(scenario, data_dir=data_dir, params=params, waits="planned", version=version)


def visitor_matrix(engine: Engine, sites: str | Sequence[str] = "all", *, include_home: bool = False) -> VisitorMatrix:
    """Minutes from every city of the markets layer to every site of ``engine``'s scenario (see module doc)."""
    markets = market_frame(engine.data, include_home=include_home)
    site_ids = engine.site_ids(sites)
    M, S = len(markets), len(site_ids)
    minutes = np.full((M, S), np.inf)
    modes = np.zeros((M, S), dtype=np.int64)
    hubs = np.full((M, S), "", dtype=object)
    if M and S:
        D, B = engine.to_sites(site_ids)
        for e in city_entries(engine, markets, load_links(engine.data)):
            t = e.minutes + D[:, e.node]
            better = t < minutes[e.market]
            minutes[e.market] = np.where(better, t, minutes[e.market])
            modes[e.market] = np.where(better, B[:, e.node] | _MODE_BIT.get(e.mode, 0), modes[e.market])
            hubs[e.market] = np.where(better, e.hub, hubs[e.market])
    minutes[~np.isfinite(minutes)] = np.nan
    return VisitorMatrix(markets, site_ids, minutes, modes, hubs, engine.scenario.name)


# -- measures ----------------------------------------------------------------------------------------------

def visitor_hours(params: Params) -> tuple[float, ...]:
    """The hours of the daily-accessibility columns (``visitors.thresholds_hours``)."""
    return parse_thresholds(params["visitors.thresholds_hours"], what="visitors.thresholds_hours")


def power_decay(exponent: float):
    """The decay ``w(t) = t^-a`` of potential accessibility (t in minutes, at least 1; NaN weighs 0)."""
    if not (math.isfinite(exponent) and exponent > 0):
        raise NetworkError(f"potential exponent must be a positive number, got {exponent!r}")

    def decay(minutes: np.ndarray) -> np.ndarray:
        m = np.asarray(minutes, dtype=float)
        ok = np.isfinite(m)
        return np.where(ok, np.maximum(np.where(ok, m, 1.0), 1.0) ** -exponent, 0.0)
    return decay


def _measure_row(t: np.ndarray, pop: np.ndarray, hours: Sequence[float], decay) -> dict[str, float]:
    """The trio for one destination: people within each T hours, population-weighted mean hours, potential."""
    row = {f"pop_within_{h:g}h": v for h, v in zip(hours, population_within(t, pop, [h * 60 for h in hours]).values())}
    row["mean_hours"] = weighted_mean(t, pop) / 60
    row["reached_population"] = float(pop[np.isfinite(t)].sum())
    row["potential"] = float(gravity(t[None, :], decay, pop)[0])
    return row


def site_table(vm: VisitorMatrix, data: NetworkData, params: Params) -> pd.DataFrame:
    """One row per site: site_id, name, county, level, pop_within_<H>h, mean_hours, reached_population, potential."""
    hours, decay = visitor_hours(params), power_decay(params.num("visitors.potential_exponent"))
    pop = vm.markets["population"].to_numpy(float)
    rows = []
    for j, s in enumerate(vm.site_ids):
        f = data.features[s]
        rows.append({"site_id": s, "name": f.get("name_zh") or s, "county": f.get("county"), "level": f.get("level"),
                     **_measure_row(vm.minutes[:, j], pop, hours, decay)})
    return pd.DataFrame(rows)


def cluster_minutes(vm: VisitorMatrix, data: NetworkData) -> tuple[list[str], np.ndarray]:
    """Sites grouped by county (瑞金 sites, 于都 sites …): (cluster ids, cities × clusters minutes to the nearest)."""
    counties = sorted({data.features[s].get("county") or "" for s in vm.site_ids} - {""})
    out = np.full((len(vm.markets), len(counties)), np.nan)
    for k, c in enumerate(counties):
        cols = [j for j, s in enumerate(vm.site_ids) if data.features[s].get("county") == c]
        sub = np.where(np.isfinite(vm.minutes[:, cols]), vm.minutes[:, cols], np.inf)
        best = sub.min(axis=1)
        out[:, k] = np.where(np.isfinite(best), best, np.nan)
    return counties, out


def cluster_table(vm: VisitorMatrix, data: NetworkData, params: Params) -> pd.DataFrame:
    """One row per cluster (a county's sites): cluster, name, sites, and the trio of ``site_table``."""
    hours, decay = visitor_hours(params), power_decay(params.num("visitors.potential_exponent"))
    pop = vm.markets["population"].to_numpy(float)
    ids, T = cluster_minutes(vm, data)
    rows = []
    for k, c in enumerate(ids):
        n = sum(data.features[s].get("county") == c for s in vm.site_ids)
        rows.append({"cluster": c, "name": data.name(c), "sites": n, **_measure_row(T[:, k], pop, hours, decay)})
    return pd.DataFrame(rows)


def market_table(vm: VisitorMatrix) -> pd.DataFrame:
    """One row per (city, site): market_id, city, population, site_id, minutes, hours, modes, entry hub."""
    rows = []
    for i, m in enumerate(vm.markets.itertuples()):
        for j, s in enumerate(vm.site_ids):
            t = vm.minutes[i, j]
            rows.append({"market_id": m.market_id, "city": m.name, "population": m.population, "site_id": s,
                         "minutes": t, "hours": t / 60, "modes": vm.mode_text(i, j), "entry_hub": vm.hubs[i, j]})
    return pd.DataFrame(rows)


def population_curve(minutes: np.ndarray, population: np.ndarray, *, step_hours: float = 0.25,
                     max_hours: float = 12.0) -> pd.DataFrame:
    """Cumulative population within T hours, T = step, 2·step … max (for the 'population within T' chart)."""
    hours = np.arange(step_hours, max_hours + 1e-9, step_hours)
    reached = population_within(minutes, population, list(hours * 60))
    return pd.DataFrame({"hours": hours, "population": list(reached.values())})


def compare_visitors(base_engine: Engine, with_engine: Engine, sites: str = "national") -> pd.DataFrame:
    """Per site, the visitors' trio in two scenarios (planned-waits engines): *_base, *_with, *_change."""
    ids = [s for s in base_engine.site_ids(sites) if s in with_engine.graph.index]
    tb = site_table(visitor_matrix(base_engine, ids), base_engine.data, base_engine.params).set_index("site_id")
    tw = site_table(visitor_matrix(with_engine, ids), with_engine.data, with_engine.params).set_index("site_id")
    out = tb[["name", "county", "level"]].copy()
    for c in [c for c in tb.columns if c not in ("name", "county", "level")]:
        out[f"{c}_base"], out[f"{c}_with"] = tb[c], tw[c]
        out[f"{c}_change"] = tw[c] - tb[c]
    return out.reset_index()
