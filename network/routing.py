"""Fastest route between two named places (stations, seats, sites, gateways, airports)."""
from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from difflib import get_close_matches
from pathlib import Path

import numpy as np
import pandas as pd

from geo.schema import CHINA_BBOX
from network.data import NetworkData, load_network_data, to_projected
from network.engine import Engine, get_engine
from network.errors import NetworkError, UnknownPlaceError
from network.graph import base_line_name
from network.measures import nearest
from network.params import Params
from network.scenario import Scenario

#: Layers whose features can be named as route ends.
NAMED_LAYERS = ("places", "stations", "airports", "heritage_sites", "ports")


@dataclass(frozen=True)
class Leg:
    """One piece of a route: a ride on one line, a wait, an access/egress/transfer, or a local connector."""

    kind: str            # ride | wait | access | egress | transfer | connector
    mode: str            # hsr, conventional_rail, expressway, trunk_road, air, waterway, or the kind
    line: str            # line name (name_zh) or ''
    feature_id: str      # id of the line (ride, wait, egress, transfer) or hub (access) or ''
    from_id: str
    to_id: str
    from_name: str
    to_name: str
    minutes: float
    length_m: float = 0.0


@dataclass(frozen=True)
class Route:
    """The fastest route: total minutes (NaN if unreachable), its legs and, if unreachable, why."""

    from_id: str
    to_id: str
    from_name: str
    to_name: str
    scenario: str
    minutes: float
    legs: tuple[Leg, ...] = field(default=())
    reachable: bool = True
    reason: str = ""

    def to_dict(self) -> dict:
        d = asdict(self)
        d["minutes"] = None if not math.isfinite(self.minutes) else round(self.minutes, 2)
        d["legs"] = [{**asdict(leg), "minutes": round(leg.minutes, 2), "length_m": round(leg.length_m, 1)}
                     for leg in self.legs]
        return d

    @property
    def modes(self) -> list[str]:
        """Riding modes used, in order of first use."""
        out: list[str] = []
        for leg in self.legs:
            if leg.kind == "ride" and leg.mode not in out:
                out.append(leg.mode)
        return out


def _norm(s: str) -> str:
    return "".join(str(s).split()).casefold()


#: How many candidates an error message lists at most.
MAX_LISTED = 8
#: a query longer than any name is no name (and fuzzy matching grows with its length)
MAX_PLACE_NAME = 200


def find_place(name: str, data: NetworkData | None = None, *, data_dir: Path | None = None,
               layers: Iterable[str] = NAMED_LAYERS) -> str:
    """Return the feature id named ``name`` (matched on id, name_zh, name_en; case and spaces ignored).

    Tiers, the first that matches wins: the full id or name; the name without its bracketed part
    (瑞金市 → 瑞金市(象湖镇)); a query of 3 or more characters contained in exactly one feature's name.

    Raises UnknownPlaceError when the name is ambiguous (listing the candidates) or unknown (listing close
    matches).
    """
    data = data or load_network_data(data_dir)
    layers = tuple(layers)
    q = _norm(name)
    if not q:
        raise UnknownPlaceError("empty place name")
    if len(name) > MAX_PLACE_NAME:
        raise UnknownPlaceError(f"a place name of {len(name):,} characters ({name[:20]!r}…); names and ids are at "
                                f"most {MAX_PLACE_NAME}")
    if name in data.features and data.features[name]["layer"] in layers:
        return name
    names = {fid: (f.get("name_zh") or "", f.get("name_en") or "")
             for fid, f in data.features.items() if f["layer"] in layers}
    hits = [fid for fid, (zh, en) in names.items() if q in (_norm(fid), _norm(zh), _norm(en))]
    if not hits:  # second tier: the name without its bracketed part, e.g. 瑞金市 for 瑞金市(象湖镇)
        hits = [fid for fid, (zh, en) in names.items() if q in (_norm(base_line_name(zh)), _norm(base_line_name(en)))]
    if not hits and len(q) >= 3:  # third tier: a name that contains the query (unique, else ambiguous)
        hits = [fid for fid, (zh, en) in names.items() if q in _norm(zh) or q in _norm(en)]
    if len(hits) == 1:
        return hits[0]

    def label(fid: str) -> str:
        return f"{names[fid][0] or fid} ({fid}, {data.features[fid]['layer']})"

    if hits:
        more = f" (and {len(hits) - MAX_LISTED} more)" if len(hits) > MAX_LISTED else ""
        raise UnknownPlaceError(f"{name!r} is ambiguous: {'; '.join(label(f) for f in hits[:MAX_LISTED])}{more}. "
                                "Use an id or the full name.")
    keys: dict[str, str] = {}
    for fid, (zh, en) in names.items():
        for n in (fid, zh, en):
            if n:
                keys.setdefault(_norm(n), fid)
    sub = [fid for key, fid in keys.items() if q in key or (len(key) >= 2 and key in q)]
    close = [keys[k] for k in get_close_matches(q, list(keys), n=6, cutoff=0.6)]
    found = list(dict.fromkeys(sub + close))[:MAX_LISTED]
    hint = f" Did you mean: {'; '.join(label(f) for f in found)}?" if found else \
        " Names are matched on id, name_zh and name_en of places, stations, airports and heritage sites."
    raise UnknownPlaceError(f"unknown place {name!r}.{hint}")


def _hub_of(engine: Engine, node: str) -> str:
    return engine.graph.node_attrs[node].get("hub", node)


def route_between(engine: Engine, a: str, b: str) -> Route:
    """Return the fastest route between feature ids ``a`` and ``b`` on an engine's graph."""
    data = engine.data
    na, nb = data.name(a), data.name(b)
    sc = engine.scenario.name
    missing = [x for x in (a, b) if x not in engine.graph.index]
    if missing:
        return Route(a, b, na, nb, sc, math.nan, (), False,
                     f"{', '.join(missing)} not in scenario {sc} (status or date)")
    if a == b:
        return Route(a, b, na, nb, sc, 0.0, (), True, "")
    g = engine.graph
    dist, pred = g.from_node(a)
    ib = g.index[b]
    if not np.isfinite(dist[ib]):
        return Route(a, b, na, nb, sc, math.nan, (), False, REASON_NO_ROUTE)
    path = [ib]
    while path[-1] != g.index[a]:
        path.append(int(pred[path[-1]]))
    path.reverse()
    pos = g.edge_position(np.array(path[:-1]), np.array(path[1:]))
    raw = [(g.edges[int(g.edge_ref[p])], g.nodes[path[i]], g.nodes[path[i + 1]]) for i, p in enumerate(pos)]
    legs: list[Leg] = []
    for (u, v, attrs), nu, nv in raw:
        kind = "ride" if attrs["kind"] == "dwell" else attrs["kind"]
        hu, hv = _hub_of(engine, nu), _hub_of(engine, nv)
        last = legs[-1] if legs else None
        if last and kind in ("ride", "connector") and last.kind == kind and last.feature_id == attrs["feature_id"]:
            legs[-1] = Leg(kind, last.mode, last.line, last.feature_id, last.from_id, hv, last.from_name,
                           data.name(hv), last.minutes + attrs["minutes"], last.length_m + attrs["length_m"])
            continue
        legs.append(Leg(kind, attrs["mode"], attrs["line"], attrs["feature_id"], hu, hv, data.name(hu),
                        data.name(hv), attrs["minutes"], attrs["length_m"]))
    return Route(a, b, na, nb, sc, float(dist[ib]), tuple(legs), True, "")


REASON_NO_ROUTE = "no path between them in this scenario"
REASON_NO_SITE = "no heritage site in this scenario"
REASON_OUT_OF_REACH = "no network node or site within reach of this point"


def route_from_point(engine: Engine, lon: float, lat: float, sites: str | Sequence[str] = "all") -> Route:
    """Return the fastest route from a point (WGS84) to its nearest site, joined like any origin.

    The point joins the network exactly as a grid origin does in ``Engine.cost_matrix`` (its connector
    candidates, or a direct local trip when faster), so the minutes equal that origin's nearest-site
    minutes. The first leg is the connector from the point (``from_id`` ''); the rest is
    ``route_between`` from the joining hub to the site.
    """
    try:
        lon, lat = float(lon), float(lat)
    except (TypeError, ValueError, OverflowError):
        lon = lat = math.nan
    if not (CHINA_BBOX[0] <= lon <= CHINA_BBOX[2] and CHINA_BBOX[1] <= lat <= CHINA_BBOX[3]):  # NaN fails too
        raise NetworkError(f"the point ({str(lat)[:20]}, {str(lon)[:20]}) is not a WGS84 lat, lon in China")
    x, y = to_projected(np.array([lon]), np.array([lat]))
    origin = pd.DataFrame({"origin_id": ["point"], "x": x, "y": y})
    site_ids = engine.site_ids(sites)
    here = f"{lat:.4f}, {lon:.4f}"
    sc = engine.scenario.name
    if not site_ids:
        return Route("", "", here, "", sc, math.nan, (), False, REASON_NO_SITE)
    cm = engine.cost_matrix(origin, site_ids, with_via=True)
    minutes, arg = nearest(cm.minutes)
    if arg[0] < 0:
        return Route("", "", here, "", sc, math.nan, (), False, REASON_OUT_OF_REACH)
    site = site_ids[int(arg[0])]
    node = int(cm.via[0, arg[0]])
    if node < 0:  # a direct local trip
        first = Leg("connector", "connector", "", "", "", site, here, engine.data.name(site), float(minutes[0]))
        return Route("", site, here, engine.data.name(site), sc, float(minutes[0]), (first,), True, "")
    hub = _hub_of(engine, engine.graph.nodes[node])
    rest = route_between(engine, hub, site)
    connector = float(minutes[0]) - rest.minutes
    first = Leg("connector", "connector", "", "", "", hub, here, engine.data.name(hub), connector)
    return Route("", site, here, engine.data.name(site), sc, float(minutes[0]), (first, *rest.legs), True, "")


def route_path(route: Route, data: NetworkData, start: tuple[float, float] | None = None) -> list[tuple[float, float]]:
    """The (lon, lat) points a route passes: ``start`` (if given), then every leg's end, without repeats."""
    path: list[tuple[float, float]] = [start] if start else []
    for leg in route.legs:
        for fid in (leg.from_id, leg.to_id):
            if fid in data.lonlat and (not path or path[-1] != data.lonlat[fid]):
                path.append(data.lonlat[fid])
    return path


def route(a: str, b: str, scenario: Scenario | str = "existing", *, data_dir: Path | None = None,
          params: Params | None = None, include: Iterable[str] | str = (), exclude: Iterable[str] | str = (),
          modes: Iterable[str] | None = None) -> Route:
    """Return the fastest Route between two named places in ``scenario``.

    ``a``/``b`` are matched on id, name_zh or name_en (UnknownPlaceError lists close matches).
    ``modes`` restricts riding to those modes (e.g. {'hsr'}); connectors stay allowed. Unreachable pairs
    return ``Route(reachable=False, minutes=nan, reason=...)``; nothing raises for them.
    """
    engine = get_engine(scenario, data_dir=data_dir, params=params, include=include, exclude=exclude, modes=modes)
    ia, ib = find_place(a, engine.data), find_place(b, engine.data)
    return route_between(engine, ia, ib)
