"""Build the multimodal graph of a scenario.

Structure (every line is its own sub-network of *line nodes*, one per stop):

``hub`` nodes
    places, stations, airports (and ports in freight graphs) — their own feature ids — and heritage
    sites (``site`` nodes). Origins and sites join the network at hubs through *connectors*.
``platform`` nodes ``<hub>|rail``, ``<hub>|road``, ``<hub>|air``, ``<hub>|water``
    entering a mode at a hub: hub → platform is an ``access`` edge (station entry, check-in and
    security, ramp), platform → line node is a ``wait`` edge (half the headway of that line).
line nodes ``<line>@<stop>``
    ``ride`` edges between consecutive stops carry the in-vehicle minutes. Lines with a dwell time
    (rail) have direction-specific arrival/departure nodes ``<line>@<stop>#fa/#fd/#ba/#bd`` joined by
    a ``dwell`` edge at intermediate stops, so a ride through a stop pays its dwell but boarding or
    alighting there does not. Line node → hub is an ``egress`` edge; line node → platform is a
    ``transfer`` edge (change of line within the same mode group, plus the next line's wait).

Rail is boarded only at its ``station_ids``, expressways and trunk roads only at their ``node_ids``
(places), flights only at their airport and gateway place. Every edge carries ``minutes``, ``mode``
(hsr, conventional_rail, expressway, trunk_road, air, waterway, or the edge kind for non-riding edges:
access, egress, transfer, wait, dwell→the line's mode, connector), ``kind``, ``service`` (the line mode
or mode group an edge belongs to; ``local`` for connectors), ``length_m``, ``feature_id`` and ``line``.
All numbers come from the parameter table (see network/params.py).
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
import numpy as np
from scipy.spatial import cKDTree

from network.data import NetworkData, geodesic_length_m, load_network_data
from network.errors import ParameterError
from network.params import Params, load_params
from network.scenario import Scenario, resolve_scenario

log = logging.getLogger(__name__)

MODES: tuple[str, ...] = ("hsr", "conventional_rail", "expressway", "trunk_road", "air", "waterway")
PASSENGER_MODES: tuple[str, ...] = ("hsr", "conventional_rail", "expressway", "trunk_road", "air")
EDGE_KINDS: tuple[str, ...] = ("ride", "dwell", "access", "egress", "transfer", "wait", "connector")
MODE_GROUP: dict[str, str] = {"hsr": "rail", "conventional_rail": "rail", "expressway": "road",
                              "trunk_road": "road", "air": "air", "waterway": "water"}
HUB_LAYERS = ("places", "stations", "airports")
NODE_KINDS = {"places": "place", "stations": "station", "airports": "airport", "ports": "port",
              "heritage_sites": "site"}


@dataclass
class GraphParts:
    """Nodes and edges of a scenario graph before they become a NetworkX graph or arrays."""

    nodes: dict[str, dict[str, Any]] = field(default_factory=dict)
    edges: list[tuple[str, str, dict[str, Any]]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    hubs: list[str] = field(default_factory=list)
    sites: list[str] = field(default_factory=list)


def rail_mode(props: dict[str, Any]) -> str:
    """Return the mode of a railway: hsr for rail_class hsr (and intercity ≥ 200 km/h), else conventional_rail."""
    rc = props.get("rail_class")
    if rc == "hsr" or (rc == "intercity" and (props.get("design_speed_kmh") or 0) >= 200):
        return "hsr"
    return "conventional_rail"


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


def _line_headway(mode: str, props: dict[str, Any], params: Params) -> float:
    if mode in ("hsr", "conventional_rail"):
        return params.num(f"rail.headway_minutes.{props.get('rail_class') or 'conventional'}")
    if mode in ("expressway", "trunk_road"):
        return params.num("road.headway_minutes")
    if mode == "waterway":
        return params.num("water.headway_minutes")
    flights = float(props.get("daily_flights") or 0)
    if flights <= 0:
        return math.inf
    return params.num("air.service_hours") * 60.0 / flights


def line_wait_minutes(mode: str, props: dict[str, Any], params: Params) -> float:
    """Wait at boarding: half the headway (flights: capped at ``air.max_wait_minutes``)."""
    wait = _line_headway(mode, props, params) / 2.0
    if mode == "air":
        wait = min(wait, params.num("air.max_wait_minutes"))
    return wait


def _group_param(group: str, what: str, params: Params) -> float:
    return params.num(f"{group}.{what}_minutes")


def connector_minutes(distance_m, params: Params):
    """Minutes by local road for a straight-line distance: distance × circuity at the connector speed."""
    return np.asarray(distance_m) * params.num("connector.circuity") / (params.num("connector.speed_kmh") * 1000.0 / 60.0)


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


class _Builder:
    def __init__(self, data: NetworkData, ids: frozenset[str], params: Params, passenger: bool):
        self.d, self.ids, self.p, self.passenger = data, ids, params, passenger
        self.parts = GraphParts()
        self.line_stops: dict[str, tuple[list[str], str, float]] = {}  # directional lines: stops, mode, dwell

    # -- nodes -------------------------------------------------------------------------------------
    def point_node(self, fid: str) -> str:
        if fid not in self.parts.nodes:
            f = self.d.features[fid]
            x, y = self.d.xy[fid]
            lon, lat = self.d.lonlat[fid]
            self.parts.nodes[fid] = {"kind": NODE_KINDS[f["layer"]], "layer": f["layer"], "feature_id": fid,
                                     "name_zh": f.get("name_zh") or "", "name_en": f.get("name_en") or "",
                                     "x": x, "y": y, "lon": lon, "lat": lat}
        return fid

    def aux_node(self, nid: str, kind: str, hub: str, feature_id: str = "") -> str:
        if nid not in self.parts.nodes:
            h = self.parts.nodes[hub]
            self.parts.nodes[nid] = {"kind": kind, "layer": "", "feature_id": feature_id or hub, "hub": hub,
                                     "name_zh": h["name_zh"], "name_en": h["name_en"], "x": h["x"], "y": h["y"],
                                     "lon": h["lon"], "lat": h["lat"]}
        return nid

    def edge(self, u: str, v: str, minutes: float, mode: str, kind: str, service: str, *, length_m: float = 0.0,
             feature_id: str = "", line: str = "") -> None:
        self.parts.edges.append((u, v, {"minutes": float(minutes), "mode": mode, "kind": kind, "service": service,
                                        "length_m": float(length_m), "feature_id": feature_id, "line": line}))

    def platform(self, hub: str, group: str) -> str:
        pid = f"{hub}|{group}"
        if pid not in self.parts.nodes:
            self.aux_node(pid, "platform", hub)
            self.edge(hub, pid, _group_param(group, "access", self.p), "access", "access", group,
                      feature_id=hub)
        return pid

    # -- lines -------------------------------------------------------------------------------------
    def active_stops(self, lid: str, refs: Iterable[str], field_name: str) -> list[str]:
        stops = []
        for s in refs or []:
            if s not in self.d.features:
                self.parts.problems.append(f"{lid}: {field_name} references unknown id {s!r}; stop skipped")
            elif s in self.ids:
                if s not in self.d.xy:
                    self.parts.problems.append(f"{lid}: {field_name} entry {s!r} is not a point feature; skipped")
                    continue
                if not stops or stops[-1] != s:
                    stops.append(s)
        return stops

    def segment_lengths(self, lid: str, stops: list[str]) -> list[float]:
        """Lengths (m) between consecutive stops measured along the projected line geometry."""
        warn = self.p.num("geometry.station_snap_warn_m")
        meas = []
        for s in stops:
            m, off = self.d.measure(lid, s)
            if off > warn:
                self.parts.problems.append(f"{lid}: stop {s} lies {off / 1000:.1f} km from the line geometry")
            meas.append(m)
        out = []
        for i in range(len(stops) - 1):
            (x1, y1), (x2, y2) = self.d.xy[stops[i]], self.d.xy[stops[i + 1]]
            straight = math.hypot(x2 - x1, y2 - y1)
            along = abs(meas[i + 1] - meas[i])
            if along + 1.0 < straight:  # geometry does not pass near the stops (or order is off)
                self.parts.problems.append(
                    f"{lid}: {stops[i]}→{stops[i + 1]} measures {along / 1000:.1f} km along the geometry but "
                    f"{straight / 1000:.1f} km straight; using the straight-line distance")
                along = straight
            out.append(along)
        factor = self.schematic_factor(lid)
        return [L * factor for L in out]

    def schematic_factor(self, lid: str) -> float:
        """Length factor for schematic geometries (``geometry.schematic_length_factor.<rail|road|water>``)."""
        f = self.d.features[lid]
        if f.get("accuracy_m") != "schematic":
            return 1.0
        group = {"railways": "rail", "expressways": "road", "trunk_roads": "road", "waterways": "water"}.get(f["layer"])
        key = f"geometry.schematic_length_factor.{group}"
        return self.p.num(key) if group and key in self.p else 1.0

    def add_line(self, lid: str, mode: str, stops: list[str], lengths: list[float], run_minutes: list[float],
                 dwell: float, wait: float) -> None:
        group = MODE_GROUP[mode]
        f = self.d.features[lid]
        line = f.get("name_zh") or lid
        for s in stops:
            self.point_node(s)
        egress = _group_param(group, "egress", self.p)
        transfer = _group_param(group, "transfer", self.p)
        n = len(stops)
        if dwell <= 0:
            ln = [self.aux_node(f"{lid}@{s}", "line", s, lid) for s in stops]
            for i in range(n - 1):
                for a, b in ((i, i + 1), (i + 1, i)):
                    self.edge(ln[a], ln[b], run_minutes[i], mode, "ride", mode, length_m=lengths[i],
                              feature_id=lid, line=line)
            for s, node in zip(stops, ln):
                self.edge(self.platform(s, group), node, wait, "wait", "wait", mode, feature_id=lid, line=line)
                self.edge(node, s, egress, "egress", "egress", mode, feature_id=lid, line=line)
                self.edge(node, self.platform(s, group), transfer, "transfer", "transfer", mode, feature_id=lid,
                          line=line)
            return
        self.line_stops[lid] = (list(stops), mode, dwell)
        for tag, order in (("f", list(range(n))), ("b", list(range(n - 1, -1, -1)))):
            for pos, i in enumerate(order):
                s = stops[i]
                if pos > 0:  # arrival node
                    arr = self.aux_node(f"{lid}@{s}#{tag}a", "line", s, lid)
                    self.edge(arr, s, egress, "egress", "egress", mode, feature_id=lid, line=line)
                    self.edge(arr, self.platform(s, group), transfer, "transfer", "transfer", mode,
                              feature_id=lid, line=line)
                if pos < n - 1:  # departure node
                    dep = self.aux_node(f"{lid}@{s}#{tag}d", "line", s, lid)
                    self.edge(self.platform(s, group), dep, wait, "wait", "wait", mode, feature_id=lid, line=line)
                    nxt = order[pos + 1]
                    seg = min(i, nxt)
                    self.edge(dep, self.aux_node(f"{lid}@{stops[nxt]}#{tag}a", "line", stops[nxt], lid),
                              run_minutes[seg], mode, "ride", mode, length_m=lengths[seg], feature_id=lid, line=line)
                if 0 < pos < n - 1:
                    self.edge(f"{lid}@{s}#{tag}a", f"{lid}@{s}#{tag}d", dwell, mode, "dwell", mode,
                              feature_id=lid, line=line)

    def active_lines(self, layer: str, field_name: str):
        """Yield (id, properties, stops) of the scenario's lines in ``layer`` that have two stops or more."""
        for lid in self.d.ids(layer):
            if lid in self.ids:
                f = self.d.features[lid]
                stops = self.active_stops(lid, f.get(field_name), field_name)
                if len(stops) >= 2:
                    yield lid, f, stops

    def build_lines(self) -> None:
        p, d = self.p, self.d
        for lid, f, stops in self.active_lines("railways", "station_ids"):
            mode = rail_mode(f)
            lengths = self.segment_lengths(lid, stops)
            speed = rail_speed_kmh(f, p)
            runs = [L / (speed * 1000 / 60) for L in lengths]
            dwell = p.num(f"rail.dwell_minutes.{f.get('rail_class') or 'conventional'}")
            self.add_line(lid, mode, stops, lengths, runs, dwell, line_wait_minutes(mode, f, p))
        for layer, mode in (("expressways", "expressway"), ("trunk_roads", "trunk_road")):
            for lid, f, stops in self.active_lines(layer, "node_ids"):
                lengths = self.segment_lengths(lid, stops)
                speed = road_speed_kmh(f, layer, p)
                runs = [L / (speed * 1000 / 60) for L in lengths]
                self.add_line(lid, mode, stops, lengths, runs, 0.0, line_wait_minutes(mode, f, p))
        for lid in d.ids("air_routes"):
            if lid not in self.ids:
                continue
            f = d.features[lid]
            ap = f.get("from_airport")
            if ap in d.features and d.features[ap].get("phase_of") in d.features:
                ap = d.features[ap]["phase_of"]
            stops = self.active_stops(lid, [ap, f.get("to_place")], "from_airport/to_place")
            if len(stops) < 2:
                continue
            wait = line_wait_minutes("air", f, p)
            if not math.isfinite(wait):
                self.parts.problems.append(f"{lid}: daily_flights is 0; route left out")
                continue
            length = geodesic_length_m(d.lines_wgs84[lid])
            self.add_line(lid, "air", stops, [length], [float(f["block_minutes"])], 0.0, wait)
        if not self.passenger:
            for lid, f, stops in self.active_lines("waterways", "node_ids"):
                lengths = self.segment_lengths(lid, stops)
                runs = [L / (p.num("water.speed_kmh") * 1000 / 60) for L in lengths]
                self.add_line(lid, "waterway", stops, lengths, runs, 0.0, line_wait_minutes("waterway", f, p))

    def build_through_services(self) -> None:
        """Let trains run through from one line feature to another without a transfer or a wait.

        Pairs: railway features that are sections of one line (same name before the bracket, e.g.
        赣深高铁(赣州西—和平北) + 赣深高铁(和平北—深圳北)) sharing an end station, plus the rows of
        ``params/through_services.csv``. Arrival on one → departure on the other costs the second line's
        dwell; U-turns (back to the stop one came from) are not linked.
        """
        pairs: set[tuple[str, str, str]] = set()
        lines = sorted(self.line_stops)
        for i, a in enumerate(lines):
            for b in lines[i + 1:]:
                sa, ma, _ = self.line_stops[a]
                sb, mb, _ = self.line_stops[b]
                if ma != mb or base_line_name(self.d.name(a)) != base_line_name(self.d.name(b)):
                    continue
                for st in {sa[0], sa[-1]} & {sb[0], sb[-1]}:
                    pairs.add((a, b, st))
        for a, b, st, _why in load_through_services(self.d.data_dir):
            unknown = [x for x in (a, b, st) if x not in self.d.features]
            if unknown:
                self.parts.problems.append(f"through_services.csv: unknown id(s) {', '.join(unknown)}; row skipped")
                continue
            if a in self.line_stops and b in self.line_stops and st in self.line_stops[a][0] \
                    and st in self.line_stops[b][0]:
                pairs.add((a, b, st))
        for a, b, st in sorted(pairs):
            self._through(a, b, st)
            self._through(b, a, st)

    def _through(self, a: str, b: str, st: str) -> None:
        sa, _, _ = self.line_stops[a]
        sb, mode_b, dwell_b = self.line_stops[b]
        i, j = sa.index(st), sb.index(st)
        arrivals = [(f"{a}@{st}#fa", sa[i - 1])] if i > 0 else []
        arrivals += [(f"{a}@{st}#ba", sa[i + 1])] if i < len(sa) - 1 else []
        departures = [(f"{b}@{st}#fd", sb[j + 1])] if j < len(sb) - 1 else []
        departures += [(f"{b}@{st}#bd", sb[j - 1])] if j > 0 else []
        for arr, prev in arrivals:
            for dep, nxt in departures:
                if prev != nxt:
                    self.edge(arr, dep, dwell_b, mode_b, "dwell", mode_b, feature_id=b,
                              line=self.d.features[b].get("name_zh") or b)

    # -- connectors --------------------------------------------------------------------------------
    def connector(self, a: str, b: str, distance_m: float) -> None:
        minutes = float(connector_minutes(distance_m, self.p))
        length = distance_m * self.p.num("connector.circuity")
        self.edge(a, b, minutes, "connector", "connector", "local", length_m=length)
        self.edge(b, a, minutes, "connector", "connector", "local", length_m=length)

    def build_connectors(self) -> None:
        """Local-road connectors, chosen so that adding a feature never removes a link.

        Places (the road nodes) link to their ``connector.hub_k`` nearest places; stations, airports
        (and ports) link to their ``connector.hub_k`` nearest places and to the places that list them.
        Sites link to their ``connector.site_k`` nearest places and to every station/airport within
        ``connector.station_radius_km``. Airport works phases (``phase_of``) are not separate nodes.
        """
        d, p = self.d, self.p
        places = [fid for fid in d.ids("places") if fid in self.ids]
        other_layers = ("stations", "airports") + (() if self.passenger else ("ports",))
        others = [fid for layer in other_layers for fid in d.ids(layer)
                  if fid in self.ids and not (layer == "airports" and d.features[fid].get("phase_of"))]
        hubs = places + others
        for h in hubs:
            self.point_node(h)
        self.parts.hubs = hubs
        pairs: set[tuple[str, str]] = set()
        for fid in places:  # explicit links: a place and the stations/airports serving it
            f = d.features[fid]
            for other in list(f.get("station_ids") or []) + list(f.get("airport_ids") or []):
                if other in self.ids and other in d.xy:
                    pairs.add(tuple(sorted((fid, other))))
                elif other not in d.features:
                    self.parts.problems.append(f"{fid}: references unknown id {other!r}")
        for fid in d.ids("stations"):
            pl = d.features[fid].get("place_id")
            if fid in self.ids and pl in self.ids and pl in d.xy:
                pairs.add(tuple(sorted((fid, pl))))
        k = int(p.num("connector.hub_k"))
        hub_max = p.num("connector.hub_max_km") * 1000
        if places:
            pxy = np.array([d.xy[h] for h in places])
            tree = cKDTree(pxy)
            for group, skip_self in ((places, True), (others, False)):
                if not group:
                    continue
                kk = min(k + skip_self, len(places))
                dist, idx = tree.query(np.array([d.xy[h] for h in group]), k=kk, distance_upper_bound=hub_max)
                dist, idx = dist.reshape(len(group), kk), idx.reshape(len(group), kk)
                for i, h in enumerate(group):
                    for dd, j in zip(dist[i], idx[i]):
                        if j < len(places) and places[j] != h and np.isfinite(dd):
                            pairs.add(tuple(sorted((h, places[j]))))
        for a, b in sorted(pairs):
            (x1, y1), (x2, y2) = d.xy[a], d.xy[b]
            self.connector(a, b, math.hypot(x2 - x1, y2 - y1))
        sites = [fid for fid in d.ids("heritage_sites") if fid in self.ids]
        self.parts.sites = sites
        if not sites:
            return
        for s in sites:
            self.point_node(s)
        sxy = np.array([d.xy[s] for s in sites])
        linked = {s: 0 for s in sites}
        if places:
            ks = min(int(p.num("connector.site_k")), len(places))
            dist, idx = cKDTree(pxy).query(sxy, k=ks, distance_upper_bound=p.num("connector.site_max_km") * 1000)
            dist, idx = dist.reshape(len(sites), ks), idx.reshape(len(sites), ks)
            for i, s in enumerate(sites):
                for dd, j in zip(dist[i], idx[i]):
                    if j < len(places) and np.isfinite(dd):
                        self.connector(s, places[j], float(dd))
                        linked[s] += 1
        if others:
            oxy = np.array([d.xy[h] for h in others])
            for i, near in enumerate(cKDTree(oxy).query_ball_point(sxy, r=p.num("connector.station_radius_km") * 1000)):
                for j in sorted(near):
                    (x1, y1), (x2, y2) = sxy[i], oxy[j]
                    self.connector(sites[i], others[j], math.hypot(x2 - x1, y2 - y1))
                    linked[sites[i]] += 1
        for s, n in linked.items():
            if n == 0:
                self.parts.problems.append(f"{s}: no network node within {p.num('connector.site_max_km'):g} km; "
                                           "the site is reachable only from origins that close")


def graph_parts(data: NetworkData, scenario: Scenario, params: Params, *, passenger: bool = True) -> GraphParts:
    """Return the nodes, edges and problems of ``scenario``'s graph (the common core of build_graph)."""
    b = _Builder(data, scenario.feature_ids, params, passenger)
    b.build_lines()
    b.build_through_services()
    b.build_connectors()
    for p in b.parts.problems:
        log.info("graph: %s", p)
    return b.parts


def build_graph(scenario: Scenario | str = "existing", *, data_dir: Path | None = None, params: Params | None = None,
                passenger: bool = True) -> nx.MultiDiGraph:
    """Build the multimodal graph of ``scenario`` as a MultiDiGraph (see the module docstring).

    ``passenger=False`` adds waterways and ports (freight). Data problems that do not stop the build
    (unknown stop ids, stops far from their line) are listed in ``G.graph['problems']``.
    """
    data = load_network_data(data_dir)
    params = params or load_params(data_dir=data.data_dir)
    scenario = resolve_scenario(scenario, data=data, params=params)
    parts = graph_parts(data, scenario, params, passenger=passenger)
    G = nx.MultiDiGraph(scenario=scenario.name, year=scenario.year, passenger=passenger,
                        problems=list(parts.problems), hubs=list(parts.hubs), sites=list(parts.sites),
                        crs="EPSG:4547")
    G.add_nodes_from(parts.nodes.items())
    G.add_edges_from(parts.edges)
    return G
