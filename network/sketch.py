"""Sketches: turn drawn lines and points into schema-valid proposed layer features (no engine here).

A *sketch* is a GeoJSON FeatureCollection whose features carry a ``kind`` and a few attributes::

    {"type": "Feature", "geometry": {"type": "LineString", ...},
     "properties": {"kind": "railway", "rail_class": "hsr", "name_zh": "赣瑞高铁(草图)"}}

Kinds (``SKETCH_KINDS``): lines ``railway`` (aliases ``hsr``, ``intercity``, ``conventional_rail``),
``expressway``, ``trunk_road``; points ``station``, ``interchange``, ``airport``, ``heritage_site``.
Missing attributes take the per-class defaults of the parameter table (``sketch.default.*``).
Features that already look like layer features (a ``layer`` property and the layer's fields, e.g. a
``Proposal.collection()`` export) are taken as they are.

``build_proposal`` makes schema-valid layer features (status ``proposed``, source ``sketch by <user>``,
confidence ``low``, accuracy ``schematic``): a line's vertices snap to existing stations (rail) or places
(roads) within ``sketch.snap_km.*``; nodes within ``sketch.pass_km`` of the line become stops; unsnapped
ends and long gaps get new stations/interchanges at ``sketch.stop_spacing_km.<class>``.
Evaluating a proposal is network.proposals; saving drafts is network.drafts (docs/SKETCH.md).
"""
from __future__ import annotations

import hashlib
import json
import logging
import math
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from shapely.geometry import LineString, Point, box

from geo.errors import LayerError, capped_lines
from geo.fileio import parse_json_bytes, read_capped
from geo.schema import GANZHOU_BBOX, LAYERS, SURROUNDINGS_BBOX
from geo.validate import check_geometry, lonlat_positions, validate_collection
from network.data import NetworkData, load_network_data, to_projected, to_wgs84
from network.errors import ProposalError, UnknownPlaceError
from network.params import Params, load_params
from network.routing import find_place
from network.scenario import Scenario, resolve_scenario


log = logging.getLogger(__name__)

#: sketch kind -> (layer, geometry type)
LINE_KINDS: dict[str, str] = {"railway": "railways", "expressway": "expressways", "trunk_road": "trunk_roads"}
POINT_KINDS: dict[str, str] = {"station": "stations", "interchange": "places", "airport": "airports",
                               "heritage_site": "heritage_sites"}
#: shorthand kinds for railways: kind -> rail_class
RAIL_ALIASES: dict[str, str] = {"hsr": "hsr", "intercity": "intercity", "conventional_rail": "conventional",
                                "conventional": "conventional"}
SKETCH_KINDS: tuple[str, ...] = (*LINE_KINDS, *POINT_KINDS, *RAIL_ALIASES)
RAIL_CLASSES = LAYERS["railways"].field("rail_class").choices
ROAD_CLASSES = LAYERS["trunk_roads"].field("road_class").choices
HERITAGE_LEVELS = LAYERS["heritage_sites"].field("level").choices
#: layers written by a promotion, points before the lines that reference them
PROMOTE_ORDER = ("places", "stations", "airports", "heritage_sites", "railways", "expressways", "trunk_roads",
                 "air_routes")
MAX_SKETCH_FEATURES = 200
MAX_VERTICES = 2000
ACCURACY = "schematic"


# -- the built proposal --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Proposal:
    """Schema-valid proposed layer features built from a sketch (see ``build_proposal``)."""

    features: dict[str, list[dict[str, Any]]]   # layer -> GeoJSON features (validated)
    digest: str                                   # hash of the built features (cache key)
    notes: tuple[str, ...] = ()                   # snaps and generated stops, for the user
    name: str = "sketch"

    @property
    def ids(self) -> frozenset[str]:
        return frozenset(f["properties"]["id"] for feats in self.features.values() for f in feats)

    @property
    def empty(self) -> bool:
        return not any(self.features.values())

    def collection(self) -> dict[str, Any]:
        """All features in one FeatureCollection, each with a ``layer`` property (re-readable by --add)."""
        feats = []
        for layer in PROMOTE_ORDER:
            for f in self.features.get(layer, []):
                feats.append({"type": "Feature", "properties": {"layer": layer, **f["properties"]},
                              "geometry": f["geometry"]})
        return {"type": "FeatureCollection", "name": self.name, "features": feats}


EMPTY = Proposal({}, hashlib.sha256(b"").hexdigest()[:16])


def _digest(obj: Any) -> str:
    return hashlib.sha256(json.dumps(obj, sort_keys=True, ensure_ascii=False, default=str).encode()).hexdigest()[:16]


# -- reading sketches ----------------------------------------------------------------------------------

def read_sketch(source: str | Path | Mapping[str, Any]) -> dict[str, Any]:
    """Return a sketch FeatureCollection from a path or a parsed mapping; ProposalError if it is not one."""
    if isinstance(source, Mapping) or not isinstance(source, (str, Path)):
        doc = source
        where = "sketch"
    else:
        p = Path(source)
        where = str(p)
        if p.is_dir():
            raise ProposalError(f"{p}: is a folder; give a GeoJSON file")
        if not p.is_file():
            raise ProposalError(f"{p}: no such file")
        try:
            raw = read_capped(p)
        except (OSError, LayerError) as exc:
            why = "; ".join(x.reason for x in exc.problems) if isinstance(exc, LayerError) else str(exc)
            raise ProposalError(f"{p}: {why}") from None
        try:
            doc = parse_json_bytes(raw, where)
        except LayerError as exc:
            raise ProposalError(f"{p}: {'; '.join(x.reason for x in exc.problems)}") from None
    if isinstance(doc, Mapping) and doc.get("type") == "Feature":
        doc = {"type": "FeatureCollection", "features": [doc]}
    if not isinstance(doc, Mapping) or doc.get("type") != "FeatureCollection" or \
            not isinstance(doc.get("features"), list):
        raise ProposalError(f"{where}: expected a GeoJSON FeatureCollection of sketched features")
    if len(doc["features"]) > MAX_SKETCH_FEATURES:
        raise ProposalError(f"{where}: {len(doc['features'])} features; a sketch holds at most "
                            f"{MAX_SKETCH_FEATURES}: split it")
    return dict(doc)


def _num(props: Mapping[str, Any], key: str, default: float | None, what: str, problems: list[str],
         *, lo: float | None, hi: float | None, unit: str = "") -> float | None:
    v = props.get(key)
    if v is None or v == "":
        return default
    if isinstance(v, bool):
        problems.append(f"{what}: {key} must be a number, got {_shown(v)}")
        return None
    try:
        x = float(v)
    except OverflowError:  # an integer of hundreds of digits
        x = math.inf
    except (TypeError, ValueError):
        problems.append(f"{what}: {key} must be a number, got {_shown(v)}")
        return None
    if not math.isfinite(x) or (lo is not None and x < lo) or (hi is not None and x > hi):
        rng = f"{lo:g}–{hi:g}{' ' + unit if unit else ''}"
        problems.append(f"{what}: {key} {_shown(v)} is not plausible; give a value in {rng}")
        return None
    return x


def _shown(v: Any, limit: int = 40) -> str:
    """A user's value in a message: its repr, cut to ``limit`` characters."""
    r = repr(v) if not isinstance(v, int) or abs(v) < 10**30 else f"{str(v)[:12]}… ({len(str(v))} digits)"
    return r if len(r) <= limit else r[:limit - 1] + "…"


def _field_num(props: Mapping[str, Any], layer: str, key: str, default: float, what: str, problems: list[str], *,
               unit: str = "") -> float | None:
    """``_num`` within the schema's minimum/maximum of ``layer``'s field ``key``."""
    f = LAYERS[layer].field(key)
    return _num(props, key, default, what, problems, lo=f.minimum, hi=f.maximum, unit=unit)


def _text(props: Mapping[str, Any], key: str) -> str:
    v = props.get(key)
    return "" if v is None else " ".join(str(v).split())[:120]


SLUG = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")


def slugify(text: str, *, prefix: str = "draft") -> str:
    """Return a lowercase ASCII slug of ``text`` (a short hash when nothing ASCII is left, e.g. Chinese)."""
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"[^a-z0-9]+", "-", ascii_).strip("-")[:40]
    h = hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
    if not s:
        return f"{prefix}-{h}"
    # names that lost characters (Chinese, accents) get a hash so that two of them never share a file
    return s if text.isascii() else f"{s}-{h}"


# -- geometry helpers ----------------------------------------------------------------------------------

@dataclass
class _Ctx:
    data: NetworkData
    params: Params
    ids_in: frozenset[str] | None          # nodes eligible for snapping (None = every feature)
    user: str
    counties: list[tuple[str, Any]]         # (county id, prepared WGS84 geometry)
    ganzhou: Any                            # WGS84 geometry of Ganzhou (counties union or bbox)
    taken: set[str] = field(default_factory=set)
    notes: list[str] = field(default_factory=list)
    out: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    new_xy: dict[str, tuple[float, float]] = field(default_factory=dict)   # new point id -> x, y
    new_layer: dict[str, str] = field(default_factory=dict)                 # new point id -> layer

    def county_of(self, lon: float, lat: float) -> str | None:
        pt = Point(lon, lat)
        for cid, geom in self.counties:
            if geom.contains(pt):
                return cid
        return None

    def add(self, layer: str, props: dict[str, Any], geometry: dict[str, Any]) -> None:
        self.out.setdefault(layer, []).append({"type": "Feature", "properties": props, "geometry": geometry})
        self.taken.add(props["id"])

    def new_id(self, wanted: str) -> str:
        fid, n = wanted, 2
        while fid in self.taken or fid in self.data.features:
            fid = f"{wanted}-{n}"
            n += 1
        self.taken.add(fid)
        return fid

    def common(self, fid: str, name_zh: str, name_en: str, notes: str) -> dict[str, Any]:
        day = datetime.now(timezone.utc).strftime("%Y-%m-%d")
        return {"id": fid, "name_zh": name_zh, "name_en": name_en, "status": "proposed",
                "source": f"sketch by {self.user}", "confidence": "low", "accuracy_m": ACCURACY,
                "notes": f"{notes} (sketched {day}; a planner's guess, not an official plan)".strip()}


def _ganzhou(data: NetworkData) -> tuple[list[tuple[str, Any]], Any]:
    c = data.layers.get("counties")
    if c is None or c.empty:
        return [], box(*GANZHOU_BBOX)
    out = []
    for cid, geom in zip(c["id"], c.geometry):
        shapely.prepare(geom)
        out.append((cid, geom))
    union = shapely.union_all([g for _, g in out])
    shapely.prepare(union)
    return out, union


_GZ_CACHE: dict[tuple, tuple[list[tuple[str, Any]], Any]] = {}


def _ganzhou_cached(data: NetworkData) -> tuple[list[tuple[str, Any]], Any]:
    key = (data.cache_key,)
    if key not in _GZ_CACHE:
        if len(_GZ_CACHE) > 4:
            _GZ_CACHE.clear()
        _GZ_CACHE[key] = _ganzhou(data)
    return _GZ_CACHE[key]


def _positions_ok(geom: Mapping[str, Any], gtype: str, what: str,
                  problems: list[str]) -> list[tuple[float, float]] | None:
    """The (lon, lat) positions of a sketched geometry, or None with the reason in ``problems``."""
    try:
        out = lonlat_positions(gtype, geom.get("coordinates"))
    except (ValueError, RecursionError) as exc:
        problems.append(f"{what}: {exc}")
        return None
    if len(out) > MAX_VERTICES:
        problems.append(f"{what}: {len(out)} vertices; a sketched line has at most {MAX_VERTICES}")
        return None
    return out


# -- building ------------------------------------------------------------------------------------------

def _kind(props: Mapping[str, Any]) -> str | None:
    k = props.get("kind")
    return str(k).strip().lower() if isinstance(k, str) else None


def build_proposal(sketch: str | Path | Mapping[str, Any], *, data_dir: Path | None = None,
                   data: NetworkData | None = None, params: Params | None = None,
                   scenario: Scenario | str | None = None, user: str = "planner",
                   name: str = "sketch") -> Proposal:
    """Turn a sketch into schema-valid proposed layer features; raise ProposalError listing every problem.

    ``scenario`` limits snapping to the stations/places in it (default: every feature in the data).
    Nothing is written anywhere.
    """
    doc = read_sketch(sketch)
    data = data or load_network_data(data_dir)
    params = params or load_params(data_dir=data.data_dir)
    if isinstance(scenario, str):
        scenario = resolve_scenario(scenario, data=data, params=params)
    user = " ".join(str(user or "planner").split())[:60] or "planner"
    counties, gz = _ganzhou_cached(data)
    ctx = _Ctx(data, params, scenario.feature_ids if scenario is not None else None, user, counties, gz)
    problems: list[str] = []
    points, lines, verbatim = _sort_sketch(doc, gz, problems)
    for what, feat in verbatim:
        _take_verbatim(ctx, what, feat, problems)
    for what, kind, props, lonlat in points:
        _build_point(ctx, what, kind, props, lonlat, problems)
    for what, kind, props, coords in lines:
        _build_line(ctx, what, kind, props, coords, problems)
    if not problems:
        problems = _reference_problems(ctx) + _schema_problems(ctx)
    if problems:
        raise ProposalError("sketch not accepted (nothing was changed):\n  " + "\n  ".join(capped_lines(problems)))
    feats = {k: v for k, v in ctx.out.items() if v}
    digest = _digest({k: [{"p": {a: b for a, b in f["properties"].items() if a != "notes"}, "g": f["geometry"]}
                          for f in v] for k, v in sorted(feats.items())})
    return Proposal(feats, digest, tuple(ctx.notes), name)


def _sort_sketch(doc: Mapping[str, Any], gz: Any, problems: list[str]) -> tuple[list, list, list]:
    """Split a sketch into points, lines and layer features given verbatim; report what cannot be drawn."""
    points, lines, verbatim = [], [], []
    for i, feat in enumerate(doc["features"]):
        what = f"feature {i + 1}"
        if not isinstance(feat, Mapping) or not isinstance(feat.get("properties"), Mapping) \
                or not isinstance(feat.get("geometry"), Mapping):
            problems.append(f"{what}: not a GeoJSON Feature with properties and geometry")
            continue
        props = feat["properties"]
        label = _text(props, "name_zh") or _text(props, "name_en") or _text(props, "id")
        what = f"feature {i + 1}" + (f" ({label})" if label else "")
        if isinstance(props.get("layer"), str) and props["layer"] in LAYERS:
            verbatim.append((what, feat))
            continue
        kind = _kind(props)
        if kind not in SKETCH_KINDS:
            problems.append(f"{what}: unknown kind {props.get('kind')!r}; kinds are: {', '.join(SKETCH_KINDS)}")
            continue
        gtype = feat["geometry"].get("type")
        want = "Point" if kind in POINT_KINDS else "LineString"
        if gtype != want:
            problems.append(f"{what}: a {kind} is drawn as a {want}, got {gtype!r}")
            continue
        pos = _positions_ok(feat["geometry"], want, what, problems)
        if pos is None:
            continue
        if want == "LineString":
            line = _sketched_line(pos, what, gz, problems)
            if line is not None:
                lines.append((what, kind, props, line))
        elif not gz.contains(Point(pos[0])):
            problems.append(f"{what}: the {kind.replace('_', ' ')} lies outside Ganzhou; place it within "
                            "the counties of Ganzhou")
        else:
            points.append((what, kind, props, pos[0]))
    return points, lines, verbatim


def _sketched_line(pos: list[tuple[float, float]], what: str, gz: Any,
                   problems: list[str]) -> list[tuple[float, float]] | None:
    """A drawn line without repeated points, if it touches Ganzhou and stays in its surroundings."""
    dedup = [p for j, p in enumerate(pos) if j == 0 or p != pos[j - 1]]
    if len(set(dedup)) < 2:
        problems.append(f"{what}: a line needs at least two distinct points")
        return None
    outside = [p for p in dedup if not (SURROUNDINGS_BBOX[0] <= p[0] <= SURROUNDINGS_BBOX[2]
                                        and SURROUNDINGS_BBOX[1] <= p[1] <= SURROUNDINGS_BBOX[3])]
    if not LineString(dedup).intersects(gz):
        problems.append(f"{what}: the line lies entirely outside Ganzhou; draw it within the "
                        "counties of Ganzhou (it may run on to a neighbouring station)")
        return None
    if outside:
        problems.append(f"{what}: {len(outside)} point(s) lie beyond Ganzhou's surroundings "
                        f"{SURROUNDINGS_BBOX}; end the line at the first station over the border")
        return None
    return dedup


def _reference_problems(ctx: _Ctx) -> list[str]:
    """Lines must name stops that exist in the data or in the sketch itself."""
    known = set(ctx.data.features) | ctx.taken
    out = []
    for layer in ("railways", "expressways", "trunk_roads", "air_routes"):
        for f in ctx.out.get(layer, []):
            p = f["properties"]
            refs = list(p.get("station_ids") or []) + list(p.get("node_ids") or []) + \
                [p[k] for k in ("from_airport", "to_place") if isinstance(p.get(k), str)]
            missing = [r for r in refs if isinstance(r, str) and r not in known]
            if missing:
                out.append(f"{p.get('id')}: references unknown id(s) {', '.join(missing)}; add those "
                           "stations/places to the file or use ids from the layers")
    return out


def _schema_problems(ctx: _Ctx) -> list[str]:
    """Every generated feature must pass its layer's schema, like any import."""
    out = []
    for layer, feats in ctx.out.items():
        errs = validate_collection({"type": "FeatureCollection", "features": feats}, LAYERS[layer],
                                   file=f"sketch ({layer})")
        out.extend(str(p) for p in errs if p.severity == "error")
    return out


def _take_verbatim(ctx: _Ctx, what: str, feat: Mapping[str, Any], problems: list[str]) -> None:
    """A layer feature given as it is (e.g. a ``Proposal.collection()`` export): checked, then added."""
    props = dict(feat["properties"])
    layer = props.pop("layer")
    fid = props.get("id")
    if layer not in PROMOTE_ORDER:
        problems.append(f"{what}: a proposal adds features to {', '.join(PROMOTE_ORDER)}; not to {layer}")
        return
    if not isinstance(fid, str) or not SLUG.fullmatch(fid):
        problems.append(f"{what}: a {layer} feature needs an id (a lowercase slug)")
        return
    if fid in ctx.data.features:
        problems.append(f"{what}: id {fid!r} is already in layer {ctx.data.features[fid]['layer']}; "
                        "a proposal adds new features only")
        return
    if fid in ctx.taken:
        problems.append(f"{what}: id {fid!r} appears twice in the sketch")
        return
    if props.get("status") in ("existing", "under_construction"):
        problems.append(f"{what}: status {_shown(props['status'])}; a proposal's features are "
                        "proposed/planned/study")
        return
    g = feat["geometry"]
    bad = check_geometry(g, LAYERS[layer], gateway=props.get("scope") == "gateway")
    if bad:  # before anything reads a coordinate: a nested Point's [[x, y]] is not a number
        problems.extend(f"{what}: {why}" for _, why in bad)
        return
    ctx.add(layer, props, dict(g))
    if g.get("type") == "Point":
        x, y = to_projected(float(g["coordinates"][0]), float(g["coordinates"][1]))
        ctx.new_xy[fid] = (float(x), float(y))
        ctx.new_layer[fid] = layer


def _point_props(ctx: _Ctx, what: str, kind: str, props: Mapping[str, Any], lon: float, lat: float,
                 problems: list[str]) -> tuple[str, dict[str, Any]] | None:
    layer = POINT_KINDS[kind]
    name_zh = _text(props, "name_zh") or _text(props, "name") or {"station": "新车站", "interchange": "新互通",
                                                                  "airport": "新机场", "heritage_site": "新纪念地"}[kind]
    name_en = _text(props, "name_en") or f"New {kind.replace('_', ' ')} (sketch)"
    wanted = _text(props, "id")
    if wanted and not SLUG.fullmatch(wanted):
        problems.append(f"{what}: id {wanted!r} must be a lowercase slug (a-z, 0-9, '-', '_', '.')")
        return None
    if wanted and (wanted in ctx.data.features or wanted in ctx.taken):
        problems.append(f"{what}: id {wanted!r} is already used; choose another or leave it out")
        return None
    fid = wanted or ctx.new_id(f"sk-{kind.replace('_', '-')}-{_digest([lon, lat, name_zh])[:8]}")
    ctx.taken.add(fid)
    county = ctx.county_of(lon, lat)
    p = ctx.common(fid, name_zh, name_en, _text(props, "notes"))
    if layer == "places":
        p["kind"] = "interchange"
    elif layer == "airports":
        p["airport_kind"] = _text(props, "airport_kind") or "civil"
    elif layer == "heritage_sites":
        level = _text(props, "level") or "local"
        if level not in HERITAGE_LEVELS:
            problems.append(f"{what}: level {level!r}; levels are {', '.join(HERITAGE_LEVELS)}")
            return None
        p["level"] = level
        p["long_march_park"] = bool(props.get("long_march_park") or False)
    if county:
        p["county"] = county
    return layer, p


def _build_point(ctx: _Ctx, what: str, kind: str, props: Mapping[str, Any], lonlat: tuple[float, float],
                 problems: list[str]) -> None:
    lon, lat = lonlat
    x, y = (float(v) for v in to_projected(lon, lat))
    if kind in ("station", "interchange"):
        group = "rail" if kind == "station" else "road"
        snap = ctx.params.num(f"sketch.snap_km.{group}") * 1000
        hit = _nearest_node(ctx, "stations" if kind == "station" else "places", x, y, snap)
        if hit:
            ctx.notes.append(f"{what}: uses the existing {ctx.data.name(hit)} ({hit}), "
                             f"{math.dist((x, y), ctx.data.xy[hit]) / 1000:.1f} km away")
            return
    built = _point_props(ctx, what, kind, props, lon, lat, problems)
    if built is None:
        return
    layer, p = built
    ctx.add(layer, p, {"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]})
    ctx.new_xy[p["id"]] = (x, y)
    ctx.new_layer[p["id"]] = layer
    if kind == "airport":
        _air_route(ctx, what, p, props, problems)


def _air_route(ctx: _Ctx, what: str, airport: dict[str, Any], props: Mapping[str, Any], problems: list[str]) -> None:
    dest = _text(props, "to_place")
    if not dest:
        ctx.notes.append(f"{what}: an airport without a route (to_place) changes no travel time")
        return
    try:
        to_id = find_place(dest, ctx.data, layers=("places",))
    except UnknownPlaceError as exc:
        problems.append(f"{what}: to_place: {exc}")
        return
    block = _field_num(props, "air_routes", "block_minutes", None, what, problems, unit="min")
    if block is None:
        if "block_minutes" not in props:
            problems.append(f"{what}: give block_minutes (scheduled gate-to-gate minutes) for the route to {dest}")
        return
    flights = _num(props, "daily_flights", ctx.params.num("sketch.default.daily_flights"), what, problems,
                   lo=0.1, hi=100)
    if flights is None:
        return
    fid = ctx.new_id(f"{airport['id']}-air")
    p = ctx.common(fid, f"{airport['name_zh']}—{ctx.data.name(to_id)}", f"{airport['name_en']} route", "")
    p.update(from_airport=airport["id"], to_place=to_id, block_minutes=int(round(block)), daily_flights=flights)
    lon, lat = ctx.data.lonlat[to_id]
    airport_coords = next(f["geometry"]["coordinates"] for f in ctx.out["airports"]
                          if f["properties"]["id"] == airport["id"])
    ctx.add("air_routes", p, {"type": "LineString", "coordinates": [airport_coords, [round(lon, 6), round(lat, 6)]]})


def _candidates(ctx: _Ctx, layer: str) -> list[str]:
    ids = [fid for fid in ctx.data.ids(layer) if fid in ctx.data.xy and (ctx.ids_in is None or fid in ctx.ids_in)]
    if layer == "places":
        ids = [fid for fid in ids if ctx.data.features[fid].get("kind") != "gateway"]
    ids += [fid for fid, lay in ctx.new_layer.items() if lay == layer]
    return ids


def _xy(ctx: _Ctx, fid: str) -> tuple[float, float]:
    return ctx.new_xy[fid] if fid in ctx.new_xy else ctx.data.xy[fid]


def _nearest_node(ctx: _Ctx, layer: str, x: float, y: float, within_m: float) -> str | None:
    best, best_d = None, within_m
    for fid in _candidates(ctx, layer):
        if fid in ctx.new_layer:
            continue  # a placed point snaps to existing nodes only
        d = math.dist((x, y), ctx.data.xy[fid])
        if d <= best_d:
            best, best_d = fid, d
    return best


@dataclass(frozen=True)
class _LineKind:
    """What a sketched line is: its class, the layer of its stops, its attributes and how stops are named."""

    cls: str          # hsr | intercity | conventional | expressway | trunk_road
    layer: str        # railways | expressways | trunk_roads
    node_layer: str   # stations | places
    group: str        # rail | road
    ref: str          # station_ids | node_ids
    stop_zh: str
    stop_en: str
    attrs: dict[str, Any]


_DEFAULT_LINE_NAMES = {"hsr": "新高铁", "intercity": "新城际铁路", "conventional": "新铁路", "expressway": "新高速公路",
                       "trunk_road": "新干线公路"}


def _line_kind(ctx: _Ctx, what: str, kind: str, props: Mapping[str, Any], problems: list[str]) -> _LineKind | None:
    """Read a sketched line's class and numbers (defaults from the parameter table); None if they are bad."""
    p_, layer, n0 = ctx.params, LINE_KINDS[kind], len(problems)
    if kind == "railway":
        rc = _text(props, "rail_class") or "hsr"
        if rc not in RAIL_CLASSES:
            problems.append(f"{what}: unknown rail class {rc!r}; classes are {', '.join(RAIL_CLASSES)}")
            return None
        speed = _field_num(props, layer, "design_speed_kmh", p_.num(f"sketch.default.design_speed_kmh.{rc}"), what,
                           problems, unit="km/h")
        tracks = _field_num(props, layer, "tracks", p_.num(f"sketch.default.tracks.{rc}"), what, problems)
        if len(problems) > n0:
            return None
        attrs = {"rail_class": rc, "design_speed_kmh": int(round(speed)), "tracks": int(round(tracks)),
                 "electrified": True}
        out = _LineKind(rc, layer, "stations", "rail", "station_ids", "站", "station", attrs)
    elif kind == "expressway":
        speed = _field_num(props, layer, "speed_kmh", p_.num("sketch.default.speed_kmh.expressway"), what,
                           problems, unit="km/h")
        lanes = _field_num(props, layer, "lanes", p_.num("sketch.default.lanes.expressway"), what, problems)
        if len(problems) > n0:
            return None
        attrs = {"route_code": _text(props, "route_code") or "SKETCH", "lanes": int(round(lanes)),
                 "speed_kmh": int(round(speed))}
        out = _LineKind("expressway", layer, "places", "road", "node_ids", "互通", "interchange", attrs)
    else:
        rcls = _text(props, "road_class") or "first_class"
        if rcls not in ROAD_CLASSES:
            problems.append(f"{what}: unknown road class {rcls!r}; classes are {', '.join(ROAD_CLASSES)}")
            return None
        speed = _field_num(props, layer, "speed_kmh", p_.num("sketch.default.speed_kmh.trunk_road"), what,
                           problems, unit="km/h")
        if len(problems) > n0:
            return None
        attrs = {"route_code": _text(props, "route_code") or "SKETCH", "road_class": rcls,
                 "speed_kmh": int(round(speed))}
        out = _LineKind("trunk_road", layer, "places", "road", "node_ids", "节点", "node", attrs)
    return out


def _snap_vertices(ctx: _Ctx, lk: _LineKind, coords: list[tuple[float, float]], snap: float,
                   cands: list[str], cxy: np.ndarray) -> tuple[list[tuple[float, float]], list, dict[int, str]]:
    """Snap each vertex to the nearest node within ``snap`` m: (projected vertices, lon/lat, vertex -> node)."""
    xs, ys = to_projected(np.array([c[0] for c in coords]), np.array([c[1] for c in coords]))
    pxy = [(float(a), float(b)) for a, b in zip(xs, ys)]
    new_coords = list(coords)
    snapped: dict[int, str] = {}
    for j, (x, y) in enumerate(pxy):
        if not len(cands):
            break
        d = np.hypot(cxy[:, 0] - x, cxy[:, 1] - y)
        k = int(np.argmin(d))
        # placed points of this sketch snap within the same distance as existing nodes
        if d[k] <= snap and cands[k] not in snapped.values():
            snapped[j] = cands[k]
            pxy[j] = _xy(ctx, cands[k])
            if cands[k] in ctx.new_xy:
                g = next(f for f in ctx.out[lk.node_layer] if f["properties"]["id"] == cands[k])["geometry"]
                new_coords[j] = tuple(g["coordinates"])
            else:
                new_coords[j] = ctx.data.lonlat[cands[k]]
    return pxy, new_coords, snapped


def _stops_on_line(ctx: _Ctx, line_p: LineString, pxy: list, snapped: dict[int, str], cands: list[str],
                   cxy: np.ndarray, snap: float, pass_m: float) -> dict[str, float]:
    """Stops (node id -> measure along the line, m): snapped vertices and nodes the line passes close to."""
    stops = {fid: float(line_p.project(Point(pxy[j]))) for j, fid in snapped.items()}
    for c, (cx, cy) in zip(cands, cxy):
        if c in stops:
            continue
        pt = Point(cx, cy)
        if line_p.distance(pt) <= (snap if c in ctx.new_xy else pass_m):
            stops[c] = float(line_p.project(pt))
    return stops


def _generate_stops(ctx: _Ctx, lk: _LineKind, lid: str, names: tuple[str, str], line_p: LineString,
                    stops: dict[str, float], snap: float) -> list[str]:
    """Add stops at the line's ends (when no node is near) and in gaps longer than the class's spacing."""
    made: list[str] = []

    def make_stop(m: float, why: str) -> None:
        n = len(made) + 1
        pt = line_p.interpolate(m)
        lon, lat = (float(v) for v in to_wgs84(pt.x, pt.y))
        sid = ctx.new_id(f"{lid}-{'st' if lk.group == 'rail' else 'ic'}{n}")
        sp = ctx.common(sid, f"{names[0]}·新{lk.stop_zh}{n}", f"{names[1]} new {lk.stop_en} {n}",
                        f"generated by the sketch tool: {why}")
        if lk.node_layer == "places":
            sp["kind"] = "interchange"
        county = ctx.county_of(lon, lat)
        if county:
            sp["county"] = county
        ctx.add(lk.node_layer, sp, {"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]})
        ctx.new_xy[sid] = (pt.x, pt.y)
        ctx.new_layer[sid] = lk.node_layer
        made.append(sid)
        stops[sid] = m

    for m, end in ((0.0, "start"), (line_p.length, "end")):
        if not any(abs(v - m) <= max(snap, 1.0) for v in stops.values()):
            make_stop(m, f"the line's {end} is not within {snap / 1000:g} km of an existing {lk.stop_en}")
    spacing = ctx.params.num(f"sketch.stop_spacing_km.{lk.cls}") * 1000
    order = sorted(stops.items(), key=lambda kv: kv[1])
    for (_, ma), (_, mb) in zip(order, order[1:]):
        gap = mb - ma
        k = int(math.floor(gap / spacing + 0.5)) - 1
        for i in range(1, k + 1):
            make_stop(ma + gap * i / (k + 1), f"a {gap / 1000:.0f} km gap at ~{spacing / 1000:g} km spacing")
    return made


def _build_line(ctx: _Ctx, what: str, kind: str, props: Mapping[str, Any], coords: list[tuple[float, float]],
                problems: list[str]) -> None:
    """One sketched line: snap it to existing nodes, find and generate its stops, add it to the proposal."""
    if kind in RAIL_ALIASES:
        props = {**props, "rail_class": props.get("rail_class") or RAIL_ALIASES[kind]}
        kind = "railway"
    lk = _line_kind(ctx, what, kind, props, problems)
    if lk is None:
        return
    name_zh = _text(props, "name_zh") or _text(props, "name") or _DEFAULT_LINE_NAMES[lk.cls]
    name_en = _text(props, "name_en") or f"New {lk.cls.replace('_', ' ')} (sketch)"
    wanted = _text(props, "id")
    if wanted and (not SLUG.fullmatch(wanted) or wanted in ctx.data.features or wanted in ctx.taken):
        problems.append(f"{what}: id {wanted!r} is not a free lowercase slug; choose another or leave it out")
        return
    lid = wanted or ctx.new_id(f"sk-{lk.cls.replace('_', '-')}-{_digest([coords, name_zh, lk.cls])[:8]}")
    ctx.taken.add(lid)
    snap = ctx.params.num(f"sketch.snap_km.{lk.group}") * 1000
    cands = _candidates(ctx, lk.node_layer)
    cxy = np.array([_xy(ctx, c) for c in cands]) if cands else np.zeros((0, 2))
    pxy, new_coords, snapped = _snap_vertices(ctx, lk, coords, snap, cands, cxy)
    line_p = LineString(pxy)
    if line_p.length < 1000:
        problems.append(f"{what}: the line is {line_p.length:.0f} m long after snapping its ends to "
                        f"{', '.join(ctx.data.name(s) if s in ctx.data.features else s for s in snapped.values())}; "
                        "draw it between two different places")
        return
    stops = _stops_on_line(ctx, line_p, pxy, snapped, cands, cxy, snap, ctx.params.num("sketch.pass_km") * 1000)
    made = _generate_stops(ctx, lk, lid, (name_zh, name_en), line_p, stops, snap)
    order = [fid for fid, _ in sorted(stops.items(), key=lambda kv: kv[1])]
    if len(order) < 2:
        problems.append(f"{what}: the line has fewer than two stops")
        return
    existing_used = [s for s in order if s in ctx.data.features]
    if existing_used:
        ctx.notes.append(f"{what}: connects to existing {', '.join(ctx.data.name(s) for s in existing_used)}")
    if made:
        ctx.notes.append(f"{what}: {len(made)} new {lk.stop_en}(s) generated")
    geom = {"type": "LineString", "coordinates": [[round(c[0], 6), round(c[1], 6)] for c in new_coords]}
    lp = ctx.common(lid, name_zh, name_en, _text(props, "notes"))
    lp.update(lk.attrs)
    # no length_km: that field is a *published* section length (the engine scales the line to it)
    lp[lk.ref] = order
    ctx.add(lk.layer, lp, geom)


__all__ = ["EMPTY", "LINE_KINDS", "POINT_KINDS", "Proposal", "ROAD_CLASSES", "RAIL_CLASSES", "HERITAGE_LEVELS",
           "SKETCH_KINDS", "SLUG", "build_proposal", "read_sketch", "slugify"]
