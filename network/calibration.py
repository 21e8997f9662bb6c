"""Calibration: model travel times against real fastest times between named places (data/calibration.csv).

Columns of the table: from, to (ids or names), mode (hsr | conventional_rail | road | air), real_minutes,
use (yes | no: a figure kept for the record but not used, with the reason in notes), source, confidence,
notes. The model time is the fastest route using only that mode (roads: expressways
and trunk roads, with local connectors; rail: rail only, no local-road connectors, so a station pair
cannot be 'calibrated' by a drive between stations), measured like a timetable: the boarding overhead at the
start (station entry/check-in and the wait) and the egress at the end are left out, because a timetable
runs from departure to arrival. Transfers and waits between two vehicles stay in.
Road pairs are car trips and are measured door to door (since 2026-11): the whole route counts, the local-road
connectors at both ends included, and a trip on local roads alone is allowed. Published drive times ("赣州到于都1小时",
a timed taxi run) run from town to town; before, a road route that began with a connector lost it (the first 15 min
of a drive out of 赣州) while one that began on a road kept everything — the urban expressways (plan-items) made the
city's seat a road node and exposed that.
Tune data/params/parameters.csv, not code, until every pair is within ``calibration.tolerance``.
"""
from __future__ import annotations

import csv
import math
from pathlib import Path

import pandas as pd

from geo.errors import AtlasError
from geo.paths import resolve_data_dir
from network.data import load_network_data
from network.engine import get_engine
from network.errors import NetworkError
from network.params import Params, load_params
from network.routing import find_place, route_between
from network.scenario import resolve_scenario
from network.visitors import load_links

CALIBRATION_MODES: dict[str, tuple[str, ...]] = {
    "hsr": ("hsr",),
    "conventional_rail": ("conventional_rail",),
    "rail": ("hsr", "conventional_rail"),  # a train that runs on HSR and conventional lines
    "road": ("expressway", "trunk_road"),
    "air": ("air",),
}
DOOR_MODES = ("road",)  # measured door to door (see module docstring)
RAIL_MODES = ("hsr", "conventional_rail", "rail")
CALIBRATION_COLUMNS = ("from", "to", "mode", "real_minutes", "use", "source", "confidence", "notes")
#: A real trip within the atlas's reach takes less than two days (0 would divide the relative error by zero).
MAX_REAL_MINUTES = 2880


def calibration_path(*, data_dir: Path | None = None) -> Path:
    """Return the path of the calibration table under ``data_dir`` (default: the data folder)."""
    return resolve_data_dir(data_dir) / "calibration.csv"


def timetable_minutes(legs) -> float:
    """Sum the legs between the first boarding and the last alighting (see module docstring)."""
    legs = list(legs)
    start, end = 0, len(legs)
    while start < end and legs[start].kind in ("access", "wait", "connector"):
        start += 1
    while end > start and legs[end - 1].kind in ("egress", "connector"):
        end -= 1
    return float(sum(leg.minutes for leg in legs[start:end]))


def load_calibration(path: str | Path | None = None, *, data_dir: Path | None = None) -> list[dict]:
    """Read the calibration table; raise NetworkError naming the line for bad rows."""
    p = Path(path) if path else calibration_path(data_dir=data_dir)
    if not p.exists():
        raise NetworkError(f"{p}: calibration table not found")
    rows = list(csv.DictReader(p.read_text(encoding="utf-8-sig").splitlines()))
    out = []
    for i, r in enumerate(rows, start=2):
        missing = [c for c in ("from", "to", "mode", "real_minutes", "source", "confidence") if not (r.get(c) or "").strip()]
        if missing:
            raise NetworkError(f"{p}: line {i}: missing {', '.join(missing)}")
        if r["mode"] not in CALIBRATION_MODES:
            raise NetworkError(f"{p}: line {i}: mode {r['mode']!r}; use one of {', '.join(CALIBRATION_MODES)}")
        try:
            real = float(r["real_minutes"])
        except ValueError:
            real = math.nan
        if not 0 < real <= MAX_REAL_MINUTES:  # NaN fails too; 0 would divide the relative error by zero
            raise NetworkError(f"{p}: line {i}: real_minutes {r['real_minutes'][:40]!r} is not a number of minutes "
                               f"above 0 and at most {MAX_REAL_MINUTES}")
        use = (r.get("use") or "yes").strip().lower()
        if use not in ("yes", "no"):
            raise NetworkError(f"{p}: line {i}: use {use!r}; write yes or no")
        out.append({**{c: (r.get(c) or "").strip() for c in CALIBRATION_COLUMNS}, "real_minutes": real,
                    "used": use == "yes"})
    return out


def _station_route(eng, a: str, b: str, *, door: bool = False) -> tuple[float, float, str] | None:
    """(timetable minutes, door minutes, lines) of the fastest route a → b on ``eng``; None if it has no ride.

    ``door``: the door minutes are the measure (first value) and a route on local roads alone counts."""
    rt = route_between(eng, a, b)
    rides = any(leg.kind == "ride" for leg in rt.legs)
    if not rt.reachable or not (rides or door):
        return None
    lines = " → ".join(dict.fromkeys(l.line for l in rt.legs if l.kind == "ride")) or "local roads"
    return (rt.minutes if door else timetable_minutes(rt.legs)), rt.minutes, lines


def _market_route(eng, market_id: str, to: str, mode: str) -> tuple[float, float, str] | None:
    """The fastest rail trip of a market city to ``to``: from one of its gateway place's stations, or along one
    of its rail links (data/markets/links.csv: the link's in-vehicle minutes, a dwell at the hub where the
    train runs on, then the model's train from the hub)."""
    data, best = eng.data, None
    place = data.features[market_id].get("place_id")
    starts = [(st, 0.0, "") for st in (data.features.get(place, {}).get("station_ids") or []) if st in eng.graph.index]
    for ln in load_links(data):
        if ln.market_id == market_id and ln.mode in CALIBRATION_MODES[mode] and ln.hub_id in eng.graph.index:
            dwell = eng.params.num(f"rail.dwell_minutes.{'hsr' if ln.mode == 'hsr' else 'conventional'}")
            starts.append((ln.hub_id, ln.minutes + dwell, f"link to {data.name(ln.hub_id)} → "))
    for hub, extra, label in starts:
        r = _station_route(eng, hub, to)
        if r is not None and (best is None or r[0] + extra < best[0]):
            best = (r[0] + extra, r[1] + extra, label + r[2])
    return best


def calibrate(*, scenario: str = "existing", data_dir: Path | None = None, params: Params | None = None,
              path: str | Path | None = None) -> pd.DataFrame:
    """Return model vs real minutes per calibration pair with the relative error and a within-tolerance flag.

    Columns: from, to, mode, real_minutes, model_minutes, door_minutes (whole route incl. boarding),
    rel_error ((model − real) / real), within (|rel_error| ≤ tolerance), used (False for rows marked
    use=no, kept for the record), route (lines used), source, confidence, notes, problem (why a pair
    could not be modelled; then model_minutes is NaN).
    """
    data = load_network_data(data_dir)
    params = params or load_params(data_dir=data.data_dir)
    tol = params.num("calibration.tolerance")
    sc = resolve_scenario(scenario, data=data, params=params)  # a bad spec is one error, not one per pair
    rows = []
    for r in load_calibration(path, data_dir=data.data_dir):
        rec = {k: r[k] for k in ("from", "to", "mode", "real_minutes", "used")}
        rec.update(model_minutes=math.nan, door_minutes=math.nan, rel_error=math.nan, within=False, route="",
                   source=r["source"], confidence=r["confidence"], notes=r["notes"], problem="")
        try:
            eng = get_engine(sc, data_dir=data.data_dir, params=params, modes=CALIBRATION_MODES[r["mode"]],
                             connectors=r["mode"] not in RAIL_MODES)
            b = find_place(r["to"], data)
            if data.features.get(r["from"], {}).get("layer") == "markets":  # a city: its stations or rail links
                got = _market_route(eng, r["from"], b, r["mode"])
            else:
                got = _station_route(eng, find_place(r["from"], data), b, door=r["mode"] in DOOR_MODES)
        except AtlasError as exc:
            rec["problem"] = str(exc)
            rows.append(rec)
            continue
        if got is None:
            rec["problem"] = f"no {r['mode']} path between them in the model"
        else:
            m, door, lines = got
            rec.update(model_minutes=m, door_minutes=door, rel_error=(m - r["real_minutes"]) / r["real_minutes"],
                       route=lines, within=abs(m - r["real_minutes"]) / r["real_minutes"] <= tol)
        rows.append(rec)
    df = pd.DataFrame(rows)
    df.attrs.update(tolerance=tol, scenario=scenario)
    return df
