"""Build the multimodal graph of a scenario, step by step (in the manner of OSMnx's enrichment steps).

``graph_parts`` runs the steps in order; each takes what the previous one made, checks it has what it
needs, adds one kind of attribute and returns it, so a reader can stop after any step and look:

1. ``line_sections``   — topology: the scenario's lines, their stops in order, segment lengths (m)
2. ``add_ride_speeds`` — the operating speed of each line (km/h)
3. ``add_ride_minutes``— in-vehicle minutes per segment (length / speed; flights: the block time)
4. ``add_waits``       — the wait to board each line and the dwell at intermediate stops
5. ``add_line_edges``  — line, platform and hub nodes; ride, dwell, wait, access, egress, transfer edges
6. ``add_through_services`` — trains that run on from one line feature to another without a change
7. ``network.connectors.add_connectors`` — hubs, sites and the local roads between them
then ``network.compiled.compile_parts`` turns the parts into arrays for Dijkstra.

Structure (every line is its own sub-network of *line nodes*, one per stop):

``hub`` nodes
    places, stations, airports (and ports in freight graphs) — their own feature ids — and heritage
    sites (``site`` nodes). Origins and sites join the network at hubs through *connectors*.
``platform`` nodes ``<hub>|rail``, ``<hub>|road``, ``<hub>|air``, ``<hub>|water``
    entering a mode at a hub: hub → platform is an ``access`` edge (station entry, check-in and
    security, ramp), platform → line node is a ``wait`` edge.
line nodes ``<line>@<stop>``
    ``ride`` edges between consecutive stops carry the in-vehicle minutes and the speed. Lines with a
    dwell time (rail) have direction-specific arrival/departure nodes ``<line>@<stop>#fa/#fd/#ba/#bd``
    joined by a ``dwell`` edge at intermediate stops, so a ride through a stop pays its dwell but
    boarding or alighting there does not. Line node → hub is an ``egress`` edge; line node → platform
    is a ``transfer`` edge (change of line within the same mode group, plus the next line's wait).

Rail is boarded only at its ``station_ids``, expressways and trunk roads only at their ``node_ids``
(places), flights only at their airport and gateway place. All numbers come from the parameter table
(see network/params.py).

Waits (step 4) follow one of two models: ``random`` — a traveller turns up at any time and waits half
the headway (residents' local trips); ``planned`` — a traveller plans an intercity trip to the timetable
and waits only a boarding margin (``wait.planned_minutes.<rail|air|road|water>``), never more than half
the headway (visitors). The model is part of every engine's cache key.
"""
from __future__ import annotations

import csv
import logging
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

from network.connectors import add_connectors
from network.data import NetworkData, geodesic_length_m, load_network_data
from network.errors import ParameterError
from network.params import Params, load_params
from network.parts import GraphParts
from network.scenario import Scenario, resolve_scenario

log = logging.getLogger(__name__)

MODES: tuple[str, ...] = ("hsr", "conventional_rail", "expressway", "trunk_road", "air", "waterway")
PASSENGER_MODES: tuple[str, ...] = ("hsr", "conventional_rail", "expressway", "trunk_road", "air")
EDGE_KINDS: tuple[str, ...] = ("ride", "dwell", "access", "egress", "transfer", "wait", "connector")
MODE_GROUP: dict[str, str] = {"hsr": "rail", "conventional_rail": "rail", "expressway": "road",
                              "trunk_road": "road", "air": "air", "waterway": "water"}
WAIT_MODELS: tuple[str, ...] = ("random", "planned")
_GROUP_OF_LAYER = {"railways": "rail", "expressways": "road", "trunk_roads": "road", "waterways": "water"}


@dataclass
class LineSection:
    """One line feature of a scenario as the steps fill it in (None = that step has not run yet)."""

    line_id: str
    layer: str
    mode: str
    name: str
    stops: list[str]
    lengths_m: list[float]                       # one per segment between consecutive stops
    props: dict[str, Any] = field(repr=False, default_factory=dict)
    speed_kmh: float | None = None
    run_minutes: list[float] | None = None
    wait_minutes: float | None = None
    dwell_minutes: float | None = None

    @property
    def group(self) -> str:
        return MODE_GROUP[self.mode]


# -- 1. topology --------------------------------------------------------------------------------------------

def rail_mode(props: dict[str, Any]) -> str:
    """Return the mode of a railway: hsr for rail_class hsr (and intercity ≥ 200 km/h), else conventional_rail."""
    rc = props.get("rail_class")
    if rc == "hsr" or (rc == "intercity" and (props.get("design_speed_kmh") or 0) >= 200):
        return "hsr"
    return "conventional_rail"


def _active_stops(data: NetworkData, ids: frozenset[str], lid: str, refs: Iterable[str], field_name: str,
                  problems: list[str]) -> list[str]:
    stops: list[str] = []
    for s in refs or []:
        if s not in data.features:
            problems.append(f"{lid}: {field_name} references unknown id {s!r}; stop skipped")
        elif s in ids:
            if s not in data.xy:
                problems.append(f"{lid}: {field_name} entry {s!r} is not a point feature; skipped")
                continue
            if not stops or stops[-1] != s:
                stops.append(s)
    return stops


def length_factor(data: NetworkData, lid: str, params: Params, problems: list[str]) -> float:
    """How much longer the line really is than its geometry: published section length / geometric length.

    A feature's ``length_km`` is the published length of its own section; where it exists and is within
    ``geometry.published_length_max_ratio`` of the geometry, segment lengths are scaled to it. Otherwise a
    schematic geometry gets ``geometry.schematic_length_factor.<rail|road|water>`` and a traced one 1.0;
    a published length far from the geometry is reported (it probably describes another section).
    """
    f = data.features[lid]
    geometric = data.lines[lid].length
    published = f.get("length_km")
    if published and geometric > 0:
        ratio = float(published) * 1000 / geometric
        limit = params.num("geometry.published_length_max_ratio")
        if 1 / limit <= ratio <= limit:
            return ratio
        problems.append(f"{lid}: length_km {published:g} is {ratio:.2f}× its geometry; the geometric length is used")
    if f.get("accuracy_m") != "schematic":
        return 1.0
    key = f"geometry.schematic_length_factor.{_GROUP_OF_LAYER.get(f['layer'])}"
    return params.num(key) if key in params else 1.0


def segment_lengths(data: NetworkData, lid: str, stops: list[str], params: Params,
                    problems: list[str]) -> list[float]:
    """Lengths (m) between consecutive stops measured along the projected line geometry, × ``length_factor``."""
    warn = params.num("geometry.station_snap_warn_m")
    meas = []
    for s in stops:
        m, off = data.measure(lid, s)
        if off > warn:
            problems.append(f"{lid}: stop {s} lies {off / 1000:.1f} km from the line geometry")
        meas.append(m)
    out = []
    for i in range(len(stops) - 1):
        (x1, y1), (x2, y2) = data.xy[stops[i]], data.xy[stops[i + 1]]
        straight = math.hypot(x2 - x1, y2 - y1)
        along = abs(meas[i + 1] - meas[i])
        if along + 1.0 < straight:  # geometry does not pass near the stops (or order is off)
            problems.append(f"{lid}: {stops[i]}→{stops[i + 1]} measures {along / 1000:.1f} km along the geometry "
                            f"but {straight / 1000:.1f} km straight; using the straight-line distance")
            along = straight
        out.append(along)
    factor = length_factor(data, lid, params, problems)
    return [length * factor for length in out]


def _air_section(data: NetworkData, ids: frozenset[str], lid: str, problems: list[str]) -> LineSection | None:
    f = data.features[lid]
    ap = f.get("from_airport")
    if ap in data.features and data.features[ap].get("phase_of") in data.features:
        ap = data.features[ap]["phase_of"]
    stops = _active_stops(data, ids, lid, [ap, f.get("to_place")], "from_airport/to_place", problems)
    if len(stops) < 2:
        return None
    return LineSection(lid, "air_routes", "air", f.get("name_zh") or lid, stops,
                       [geodesic_length_m(data.lines_wgs84[lid])], f)


def line_sections(data: NetworkData, ids: frozenset[str], params: Params, *, passenger: bool = True,
                  problems: list[str] | None = None) -> list[LineSection]:
    """Step 1: every line of the scenario with two stops or more, its stops in order and segment lengths."""
    problems = [] if problems is None else problems
    layers = [("railways", "station_ids", None), ("expressways", "node_ids", "expressway"),
              ("trunk_roads", "node_ids", "trunk_road")]
    if not passenger:
        layers.append(("waterways", "node_ids", "waterway"))
    out: list[LineSection] = []
    for layer, field_name, mode in layers:
        for lid in data.ids(layer):
            if lid not in ids:
                continue
            f = data.features[lid]
            stops = _active_stops(data, ids, lid, f.get(field_name), field_name, problems)
            if len(stops) >= 2:
                out.append(LineSection(lid, layer, mode or rail_mode(f), f.get("name_zh") or lid, stops,
                                       segment_lengths(data, lid, stops, params, problems), f))
    for lid in data.ids("air_routes"):
        if lid in ids and (sec := _air_section(data, ids, lid, problems)) is not None:
            out.append(sec)
    return out


# -- 2.–4. speeds, minutes, waits ---------------------------------------------------------------------------

def _banded(params: Params, prefix: str, value: float) -> float:
    """Return the parameter ``prefix.<band>`` with the largest band ≤ value (bands are numbers)."""
    best_band, best = -1.0, None
    for key in params:
        if key.startswith(prefix + "."):
            try:
                band = float(key[len(prefix) + 1:])
            except ValueError:
                continue
            if band <= value and band > best_band:
                best_band, best = band, params.num(key)
    if best is None:
        params[f"{prefix}.0"]  # raises ParameterError naming the missing key
    return best


def rail_speed_kmh(props: dict[str, Any], params: Params) -> float:
    """Operating speed of a railway: design speed × the speed factor of its class and design-speed band."""
    design = float(props.get("design_speed_kmh") or 0)
    rc = props.get("rail_class") or "conventional"
    return design * _banded(params, f"rail.speed_factor.{rc}", design)


def road_speed_kmh(props: dict[str, Any], layer: str, params: Params) -> float:
    """Effective driving speed: expressways design × factor (capped); trunk roads by class, ≤ design speed."""
    design = float(props.get("speed_kmh") or 0)
    if layer == "expressways":
        return min(design * params.num("road.expressway.speed_factor"), params.num("road.expressway.max_kmh"))
    cls = props.get("road_class") or "provincial"
    return min(design or math.inf, params.num(f"road.trunk.{cls}.kmh"))


def add_ride_speeds(lines: list[LineSection], params: Params) -> list[LineSection]:
    """Step 2: the operating speed (km/h) of every line; a flight's is its length over its block time."""
    for sec in lines:
        if sec.mode in ("hsr", "conventional_rail"):
            sec.speed_kmh = rail_speed_kmh(sec.props, params)
        elif sec.mode in ("expressway", "trunk_road"):
            sec.speed_kmh = road_speed_kmh(sec.props, sec.layer, params)
        elif sec.mode == "waterway":
            sec.speed_kmh = params.num("water.speed_kmh")
        else:
            sec.speed_kmh = sec.lengths_m[0] / 1000 / (float(sec.props["block_minutes"]) / 60)
        if not (sec.speed_kmh > 0 and math.isfinite(sec.speed_kmh)):
            raise ParameterError(f"{sec.line_id}: operating speed {sec.speed_kmh!r} km/h; check its design speed "
                                 "and the speed parameters")
    return lines


def add_ride_minutes(lines: list[LineSection]) -> list[LineSection]:
    """Step 3: in-vehicle minutes per segment = length / speed (flights keep their scheduled block time)."""
    for sec in lines:
        if sec.speed_kmh is None:
            raise ValueError(f"{sec.line_id}: no speed yet; run add_ride_speeds first")
        if sec.mode == "air":
            sec.run_minutes = [float(sec.props["block_minutes"])]
        else:
            sec.run_minutes = [length / (sec.speed_kmh * 1000 / 60) for length in sec.lengths_m]
    return lines


def line_headway_minutes(mode: str, props: dict[str, Any], params: Params) -> float:
    """Minutes between departures of a line (inf for a flight with no daily service)."""
    if mode in ("hsr", "conventional_rail"):
        return params.num(f"rail.headway_minutes.{props.get('rail_class') or 'conventional'}")
    if mode in ("expressway", "trunk_road"):
        return params.num("road.headway_minutes")
    if mode == "waterway":
        return params.num("water.headway_minutes")
    flights = float(props.get("daily_flights") or 0)
    return params.num("air.service_hours") * 60.0 / flights if flights > 0 else math.inf


def line_wait_minutes(mode: str, props: dict[str, Any], params: Params, *, waits: str = "random") -> float:
    """Wait at boarding: half the headway (flights capped at ``air.max_wait_minutes``); with ``planned``
    waits, the boarding margin ``wait.planned_minutes.<group>`` when that is shorter."""
    if waits not in WAIT_MODELS:
        raise ParameterError(f"unknown wait model {waits!r}; use one of {', '.join(WAIT_MODELS)}")
    wait = line_headway_minutes(mode, props, params) / 2.0
    if mode == "air":
        wait = min(wait, params.num("air.max_wait_minutes"))
    if waits == "planned" and math.isfinite(wait):
        wait = min(wait, params.num(f"wait.planned_minutes.{MODE_GROUP[mode]}"))
    return wait


def add_waits(lines: list[LineSection], params: Params, *, waits: str = "random",
              problems: list[str] | None = None) -> list[LineSection]:
    """Step 4: the wait to board each line (see ``line_wait_minutes``) and its dwell at intermediate stops.

    A flight with no daily service cannot be boarded: it is dropped and reported.
    """
    kept = []
    for sec in lines:
        sec.wait_minutes = line_wait_minutes(sec.mode, sec.props, params, waits=waits)
        if not math.isfinite(sec.wait_minutes):
            if problems is not None:
                problems.append(f"{sec.line_id}: daily_flights is 0; route left out")
            continue
        sec.dwell_minutes = (params.num(f"rail.dwell_minutes.{sec.props.get('rail_class') or 'conventional'}")
                             if sec.mode in ("hsr", "conventional_rail") else 0.0)
        kept.append(sec)
    return kept


# -- 5.–6. edges ----------------------------------------------------------------------------------------

def _platform(parts: GraphParts, hub: str, group: str, params: Params) -> str:
    pid = f"{hub}|{group}"
    if pid not in parts.nodes:
        parts.aux_node(pid, "platform", hub)
        parts.add_edge(hub, pid, params.num(f"{group}.access_minutes"), "access", "access", group, feature_id=hub)
    return pid


def _undirected_line(parts: GraphParts, sec: LineSection, params: Params) -> None:
    """A line without dwell (roads, flights, waterways): one node per stop, rides both ways."""
    lid, group, egress, transfer = sec.line_id, sec.group, params.num(f"{sec.group}.egress_minutes"), \
        params.num(f"{sec.group}.transfer_minutes")
    ln = [parts.aux_node(f"{lid}@{s}", "line", s, lid) for s in sec.stops]
    for i in range(len(sec.stops) - 1):
        for a, b in ((i, i + 1), (i + 1, i)):
            parts.add_edge(ln[a], ln[b], sec.run_minutes[i], sec.mode, "ride", sec.mode, length_m=sec.lengths_m[i],
                           feature_id=lid, line=sec.name, speed_kmh=sec.speed_kmh)
    for s, node in zip(sec.stops, ln):
        parts.add_edge(_platform(parts, s, group, params), node, sec.wait_minutes, "wait", "wait", sec.mode,
                       feature_id=lid, line=sec.name)
        parts.add_edge(node, s, egress, "egress", "egress", sec.mode, feature_id=lid, line=sec.name)
        parts.add_edge(node, _platform(parts, s, group, params), transfer, "transfer", "transfer", sec.mode,
                       feature_id=lid, line=sec.name)


def _directed_line(parts: GraphParts, sec: LineSection, params: Params) -> None:
    """A line with dwell (rail): arrival/departure nodes per direction, dwell edges at intermediate stops."""
    lid, stops, mode, name = sec.line_id, sec.stops, sec.mode, sec.name
    egress, transfer = params.num(f"{sec.group}.egress_minutes"), params.num(f"{sec.group}.transfer_minutes")
    n = len(stops)
    for tag, order in (("f", list(range(n))), ("b", list(range(n - 1, -1, -1)))):
        for pos, i in enumerate(order):
            s = stops[i]
            if pos > 0:  # arrival node
                arr = parts.aux_node(f"{lid}@{s}#{tag}a", "line", s, lid)
                parts.add_edge(arr, s, egress, "egress", "egress", mode, feature_id=lid, line=name)
                parts.add_edge(arr, _platform(parts, s, sec.group, params), transfer, "transfer", "transfer", mode,
                               feature_id=lid, line=name)
            if pos < n - 1:  # departure node
                dep = parts.aux_node(f"{lid}@{s}#{tag}d", "line", s, lid)
                parts.add_edge(_platform(parts, s, sec.group, params), dep, sec.wait_minutes, "wait", "wait", mode,
                               feature_id=lid, line=name)
                nxt = order[pos + 1]
                seg = min(i, nxt)
                parts.add_edge(dep, parts.aux_node(f"{lid}@{stops[nxt]}#{tag}a", "line", stops[nxt], lid),
                               sec.run_minutes[seg], mode, "ride", mode, length_m=sec.lengths_m[seg], feature_id=lid,
                               line=name, speed_kmh=sec.speed_kmh)
            if 0 < pos < n - 1:
                parts.add_edge(f"{lid}@{s}#{tag}a", f"{lid}@{s}#{tag}d", sec.dwell_minutes, mode, "dwell", mode,
                               feature_id=lid, line=name)


def add_line_edges(parts: GraphParts, lines: list[LineSection], data: NetworkData, params: Params) -> GraphParts:
    """Step 5: the nodes and edges of every line (see the module docstring)."""
    for sec in lines:
        if sec.run_minutes is None or sec.wait_minutes is None or sec.dwell_minutes is None:
            raise ValueError(f"{sec.line_id}: minutes, wait or dwell missing; run steps 2–4 first")
        for s in sec.stops:
            parts.point_node(data, s)
        (_directed_line if sec.dwell_minutes > 0 else _undirected_line)(parts, sec, params)
    return parts


def base_line_name(name: str) -> str:
    """Return a line name without its section in brackets: '赣深高铁(赣州西—和平北)' → '赣深高铁'."""
    return re.split(r"[（(]", name or "", maxsplit=1)[0].strip()


def load_through_services(data_dir: Path) -> list[tuple[str, str, str, str]]:
    """Read ``params/through_services.csv`` (from_line, to_line, station, source_or_reason); absent → []."""
    p = Path(data_dir) / "params" / "through_services.csv"
    if not p.exists():
        return []
    rows = list(csv.DictReader(p.read_text(encoding="utf-8-sig").splitlines()))
    out = []
    for i, r in enumerate(rows, start=2):
        vals = [(r.get(c) or "").strip() for c in ("from_line", "to_line", "station", "source_or_reason")]
        if not all(vals):
            raise ParameterError(f"{p}: line {i}: from_line, to_line, station and source_or_reason are all required")
        out.append(tuple(vals))
    return out


def _through_pairs(lines: dict[str, LineSection], data: NetworkData, problems: list[str]) -> set[tuple[str, str, str]]:
    pairs: set[tuple[str, str, str]] = set()
    ids = sorted(lines)
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            la, lb = lines[a], lines[b]
            if la.mode != lb.mode or base_line_name(data.name(a)) != base_line_name(data.name(b)):
                continue
            for st in {la.stops[0], la.stops[-1]} & {lb.stops[0], lb.stops[-1]}:
                pairs.add((a, b, st))
    for a, b, st, _why in load_through_services(data.data_dir):
        unknown = [x for x in (a, b, st) if x not in data.features]
        if unknown:
            problems.append(f"through_services.csv: unknown id(s) {', '.join(unknown)}; row skipped")
        elif a in lines and b in lines and st in lines[a].stops and st in lines[b].stops:
            pairs.add((a, b, st))
    return pairs


def add_through_services(parts: GraphParts, lines: list[LineSection], data: NetworkData) -> GraphParts:
    """Step 6: let trains run through from one line feature to another without a transfer or a wait.

    Pairs: railway features that are sections of one line (same name before the bracket, e.g.
    赣深高铁(赣州西—和平北) + 赣深高铁(和平北—深圳北)) sharing an end station, plus the rows of
    ``params/through_services.csv``. Arrival on one → departure on the other costs the second line's
    dwell; U-turns (back to the stop one came from) are not linked.
    """
    directed = {sec.line_id: sec for sec in lines if (sec.dwell_minutes or 0) > 0}
    for a, b, st in sorted(_through_pairs(directed, data, parts.problems)):
        for x, y in ((a, b), (b, a)):
            _through(parts, directed[x], directed[y], st)
    return parts


def _through(parts: GraphParts, la: LineSection, lb: LineSection, st: str) -> None:
    sa, sb = la.stops, lb.stops
    i, j = sa.index(st), sb.index(st)
    arrivals = [(f"{la.line_id}@{st}#fa", sa[i - 1])] if i > 0 else []
    arrivals += [(f"{la.line_id}@{st}#ba", sa[i + 1])] if i < len(sa) - 1 else []
    departures = [(f"{lb.line_id}@{st}#fd", sb[j + 1])] if j < len(sb) - 1 else []
    departures += [(f"{lb.line_id}@{st}#bd", sb[j - 1])] if j > 0 else []
    for arr, prev in arrivals:
        for dep, nxt in departures:
            if prev != nxt:
                parts.add_edge(arr, dep, lb.dwell_minutes, lb.mode, "dwell", lb.mode, feature_id=lb.line_id,
                               line=lb.name)


# -- the pipeline ---------------------------------------------------------------------------------------

def graph_parts(data: NetworkData, scenario: Scenario, params: Params, *, passenger: bool = True,
                waits: str = "random") -> GraphParts:
    """Return the nodes, edges and problems of ``scenario``'s graph: steps 1–7 of the module docstring."""
    parts = GraphParts()
    lines = line_sections(data, scenario.feature_ids, params, passenger=passenger, problems=parts.problems)
    lines = add_waits(add_ride_minutes(add_ride_speeds(lines, params)), params, waits=waits, problems=parts.problems)
    add_line_edges(parts, lines, data, params)
    add_through_services(parts, lines, data)
    add_connectors(parts, data, scenario.feature_ids, params, passenger=passenger)
    for p in parts.problems:
        log.info("graph: %s", p)
    return parts


def build_graph(scenario: Scenario | str = "existing", *, data_dir: Path | None = None, params: Params | None = None,
                passenger: bool = True, waits: str = "random") -> nx.MultiDiGraph:
    """Build the multimodal graph of ``scenario`` as a MultiDiGraph (see the module docstring).

    ``passenger=False`` adds waterways and ports (freight). Data problems that do not stop the build
    (unknown stop ids, stops far from their line) are listed in ``G.graph['problems']``.
    """
    data = load_network_data(data_dir)
    params = params or load_params(data_dir=data.data_dir)
    scenario = resolve_scenario(scenario, data=data, params=params)
    parts = graph_parts(data, scenario, params, passenger=passenger, waits=waits)
    return parts_graph(parts, scenario, passenger=passenger)


def parts_graph(parts: GraphParts, scenario: Scenario, *, passenger: bool = True, keep=None) -> nx.MultiDiGraph:
    """The parts of a scenario graph as a NetworkX MultiDiGraph (``keep``: an edge-attribute predicate)."""
    G = nx.MultiDiGraph(scenario=scenario.name, year=scenario.year, passenger=passenger,
                        problems=list(parts.problems), hubs=list(parts.hubs), sites=list(parts.sites),
                        crs="EPSG:4547")
    G.add_nodes_from(parts.nodes.items())
    G.add_edges_from(e for e in parts.edges if keep is None or keep(e[2]))
    return G
