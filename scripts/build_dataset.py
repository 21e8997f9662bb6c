"""Build every layer except `counties` (and `markets`) from the curated tables in scripts/dataset/ and save them.

Usage: .venv/bin/python scripts/build_dataset.py [--check]

Tables hold coordinates as (lat, lon) in WGS84 (county seats as GCJ-02 from cpca, converted here). Line
geometries are assembled from the ordered node positions (stations, places, ports) plus shaping vertices.
Each layer is written through geo.store.save_layer (validated, deterministic, atomic), all of them in one
geo.store.store_transaction: every layer or none, and an id may move from one layer to another. ``--check``
builds and validates without writing.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geo.crs import gcj02_to_wgs84  # noqa: E402
from geo.errors import AtlasError, LayerError  # noqa: E402
from geo.fileio import read_json  # noqa: E402
from geo.paths import layer_path  # noqa: E402
from geo.schema import LAYERS, get_schema  # noqa: E402
from geo.store import save_layer, store_transaction  # noqa: E402
from geo.validate import store_problems, validate_collection  # noqa: E402
from scripts.dataset import interchanges, misc, places, plan_items, rail, roads, urban  # noqa: E402
from scripts.dataset.common import SRC_EST  # noqa: E402

TRUNK_OPENED_NOTE = ("opened: placeholder year (ESTIMATE) — the road long predates the data; the validator requires a date "
                     "for existing features")


def _feature(props: dict, geometry: dict) -> dict:
    return {"type": "Feature", "properties": {k: v for k, v in props.items() if v is not None}, "geometry": geometry}


def _common(d: dict, **overrides) -> dict:
    """The common properties of a table entry (keys zh/en as in scripts/dataset); ``overrides`` win."""
    props = {
        "id": d["id"], "name_zh": d["zh"], "name_en": d["en"], "status": d["status"], "opened": d.get("opened"),
        "planned_open": d.get("planned_open"), "plan_period": d.get("plan_period"), "plan_ref": d.get("plan_ref"),
        "source": d.get("source"), "confidence": d.get("confidence"), "accuracy_m": d.get("accuracy_m"),
        "scope": d.get("scope", "local"), "notes": d.get("notes") or None,
    }
    props.update(overrides)
    return props


def _point(lat: float, lon: float) -> dict:
    return {"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]}


class Registry:
    """Positions (lat, lon) of every node id that lines may reference."""

    def __init__(self) -> None:
        self.pos: dict[str, tuple[float, float]] = {}

    def add(self, fid: str, lat: float, lon: float) -> None:
        if fid in self.pos:
            raise AtlasError(f"duplicate node id {fid!r} in the curated tables")
        self.pos[fid] = (lat, lon)

    def line(self, stops: list, *, owner: str) -> tuple[dict, list[str]]:
        """Return (LineString geometry, ordered node ids) for a mixed list of ids and (lat, lon) vertices."""
        coords, ids = [], []
        for s in stops:
            if isinstance(s, str):
                if s not in self.pos:
                    raise AtlasError(f"{owner}: unknown node id {s!r}")
                lat, lon = self.pos[s]
                ids.append(s)
            else:
                lat, lon = s
            coords.append([round(lon, 6), round(lat, 6)])
        return {"type": "LineString", "coordinates": coords}, ids


def build_places(reg: Registry) -> list[dict]:
    feats = []
    for row in places.place_rows(gcj02_to_wgs84) + interchanges.place_rows() + urban.place_rows():
        lat, lon = row.pop("lat"), row.pop("lon")
        reg.add(row["id"], lat, lon)
        feats.append(_feature(row, _point(lat, lon)))
    return feats


def build_stations(reg: Registry) -> list[dict]:
    feats = []
    for (sid, zh, en, county, place_id, lat, lon, status, opened, scope, acc, notes) in rail.STATIONS:
        conf, cite = rail.POSITION_SOURCES.get(sid, ("low", None))
        sourced = sid in rail.POSITION_SOURCES
        if sourced:
            source = (f"position: {cite}" + (f"; facts: {notes}" if notes else "")) if cite else notes
        else:
            source = SRC_EST + "; facts: " + notes if notes else SRC_EST
        props = {
            "id": sid, "name_zh": zh, "name_en": en, "status": status, "opened": opened,
            "source": source, "confidence": conf, "accuracy_m": acc, "scope": scope,
            "notes": None if sourced else "position estimated (no cited coordinate found)" + (
                "; opening date = first line opening in this dataset" if opened else ""),
            "county": county, "place_id": place_id,
        }
        reg.add(sid, lat, lon)
        feats.append(_feature(props, _point(lat, lon)))
    return feats


def build_railways(reg: Registry) -> list[dict]:
    feats = []
    for d in rail.LINES:
        geom, ids = reg.line(d["stops"], owner=d["id"])
        props = {
            **_common(d),
            "rail_class": d["rail_class"], "design_speed_kmh": d["speed"], "tracks": d["tracks"],
            "electrified": d.get("electrified"), "length_km": d.get("length_km"), "length_note": d.get("length_note"), "station_ids": ids,
        }
        feats.append(_feature(props, geom))
    return feats


def build_expressways(reg: Registry) -> list[dict]:
    feats = []
    for d in roads.EXPRESSWAYS:
        geom, ids = reg.line(d["nodes"], owner=d["id"])
        gateway = d.get("scope") == "gateway"
        props = {
            **_common(d, accuracy_m=d.get("accuracy", "schematic"),
                      notes="; ".join(x for x in (d.get("notes"), None if gateway else roads.ROLE_NOTE) if x)),
            "route_code": d["code"], "lanes": d["lanes"], "speed_kmh": d["speed"], "network_role": d["role"],
            "network_role_inferred": d.get("role_inferred", True), "length_km": d.get("length_km"), "length_note": d.get("length_note"),
            "node_ids": ids,
        }
        feats.append(_feature(props, geom))
    return feats


def build_trunk_roads(reg: Registry) -> list[dict]:
    """National/provincial trunk roads (``opened`` a placeholder year, said in notes) and the urban expressways."""
    feats = []
    for d in roads.TRUNK_ROADS + urban.URBAN_EXPRESSWAYS:
        geom, ids = reg.line(d["nodes"], owner=d["id"])
        notes = d.get("notes", "")
        if d["status"] == "existing" and d["road_class"] != "urban_expressway":
            notes = f"{notes}; {TRUNK_OPENED_NOTE}"
        props = {
            **_common(d, source=d.get("source", SRC_EST + " (alignment and route number)"),
                      confidence=d.get("confidence", "low"), accuracy_m=d.get("accuracy", "schematic"), scope="local",
                      notes=notes),
            "route_code": d["code"], "road_class": d["road_class"], "speed_kmh": d["speed"],
            "length_km": d.get("length_km"), "length_note": d.get("length_note"), "node_ids": ids,
        }
        feats.append(_feature(props, geom))
    return feats


def build_airports(reg: Registry) -> list[dict]:
    feats = []
    for d in misc.AIRPORTS:
        props = {
            **_common(d),
            "airport_kind": d["kind"], "iata": d.get("iata"), "icao": d.get("icao"), "airport_class": d.get("cls"),
            "runway_m": d.get("runway"), "phase": d.get("phase"), "phase_of": d.get("phase_of"), "county": d.get("county"),
        }
        if d["id"] != "ap-ganzhou-phase3":
            reg.add(d["id"], d["lat"], d["lon"])
        feats.append(_feature(props, _point(d["lat"], d["lon"])))
    return feats


def build_air_routes(reg: Registry) -> list[dict]:
    feats = []
    for rid, frm, to_place, to_airport, block, daily, conf, src, notes in misc.AIR_ROUTES:
        geom, _ = reg.line([frm, to_airport], owner=rid)
        props = {
            "id": rid, "name_zh": f"航线 {frm}→{to_place}", "name_en": f"Air route {frm} → {to_place}",
            "status": "existing", "opened": "2025-09-28" if frm == "ap-ruijin" else "2008-03-26",
            "source": src, "confidence": conf, "accuracy_m": "schematic", "scope": "gateway",
            "notes": f"arrives at {to_airport}; " + notes + ("" if frm == "ap-ruijin" else
                                                            "; opened = date of the current airport (route start date not found)"),
            "from_airport": frm, "to_place": to_place, "block_minutes": block, "daily_flights": daily,
        }
        feats.append(_feature(props, geom))
    return feats


def build_ports(reg: Registry) -> list[dict]:
    feats = []
    for pid, zh, en, kind, county, status, lat, lon, scope, src, conf, acc, notes in misc.PORTS:
        props = {"id": pid, "name_zh": zh, "name_en": en, "status": status, "source": src, "confidence": conf,
                 "accuracy_m": acc, "scope": scope, "notes": notes, "port_kind": kind, "county": county}
        reg.add(pid, lat, lon)
        feats.append(_feature(props, _point(lat, lon)))
    return feats


def build_waterways(reg: Registry) -> list[dict]:
    feats = []
    for d in misc.WATERWAYS:
        geom, ids = reg.line(d["nodes"], owner=d["id"])
        props = {
            **_common(d, accuracy_m="schematic"),
            "nav_class": d["nav_class"], "alignment": d.get("alignment"), "node_ids": ids,
        }
        feats.append(_feature(props, geom))
    return feats


def build_heritage(reg: Registry) -> list[dict]:
    feats = []
    for (hid, zh, en, county, lat, lon, acc, conf, level, batch, prov, a5, patriotic, lmp, src, notes) in misc.HERITAGE:
        props = {
            "id": hid, "name_zh": zh, "name_en": en, "status": "existing", "source": src, "confidence": conf,
            "accuracy_m": acc, "scope": "local", "notes": notes, "county": county, "national_key_batch": batch,
            "provincial_key": prov, "aaaaa": a5, "patriotic_base": patriotic, "long_march_park": lmp, "level": level,
        }
        feats.append(_feature(props, _point(lat, lon)))
    return feats


def _plan_geometry(reg: Registry, d: dict) -> dict:
    """The geometry of a plan item: a point, a line through the registry, or (part of) a railway's line."""
    kind, *args = d["geom"]
    if kind == "point":
        return _point(*args)
    if kind == "line":
        return reg.line(args[0], owner=d["id"])[0]
    line = next((r for r in rail.LINES if r["id"] == args[0]), None)
    if line is None:
        raise AtlasError(f"{d['id']}: geometry 'like' names no railway {args[0]!r}")
    stops = list(line["stops"])
    if len(args) == 3:
        stops = stops[stops.index(args[1]):stops.index(args[2]) + 1]
    return reg.line(stops, owner=d["id"])[0]


def build_plan_items(reg: Registry) -> list[dict]:
    feats = []
    for d in plan_items.PLAN_ITEMS:
        props = {
            **_common(d, accuracy_m=d["accuracy"]),
            "system": d["system"], "item_kind": d["kind"], "approved": d.get("approved"), "county": d.get("county"),
            "related_ids": d.get("related"),
        }
        feats.append(_feature(props, _plan_geometry(reg, d)))
    return feats


def cross_layer_problems(docs: dict[str, dict]) -> list:
    """Ids in two layers and references to no feature (geo.validate.store_problems) over the built layers and the
    store's other layers (counties, markets) as they are on disk."""
    every, files = dict(docs), {name: f"<{name}>" for name in docs}
    for name in LAYERS:
        path = layer_path(name)
        if name not in every and path.exists():
            every[name], files[name] = read_json(path), str(path)
    return store_problems(every, files)


def build_all() -> dict[str, dict]:
    """Return every non-county layer as a FeatureCollection, validated against its schema and, with the stored
    counties and markets, across layers (unique ids, references that resolve)."""
    reg = Registry()
    layers = {"places": build_places(reg), "stations": build_stations(reg), "ports": build_ports(reg),
              "airports": build_airports(reg)}
    layers["railways"] = build_railways(reg)
    layers["expressways"] = build_expressways(reg)
    layers["trunk_roads"] = build_trunk_roads(reg)
    layers["air_routes"] = build_air_routes(reg)
    layers["waterways"] = build_waterways(reg)
    layers["heritage_sites"] = build_heritage(reg)
    layers["plan_items"] = build_plan_items(reg)
    docs = {name: {"type": "FeatureCollection", "features": feats} for name, feats in layers.items()}
    problems = []
    for name, doc in docs.items():
        problems += validate_collection(doc, get_schema(name), file=f"<{name}>")
    if not problems:
        problems = cross_layer_problems(docs)
    if problems:
        raise LayerError(problems, summary=f"{len(problems)} problem(s) in the curated tables; nothing written")
    return docs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="build and validate only; write nothing")
    args = ap.parse_args(argv)
    try:
        docs = build_all()
        if not args.check:
            with store_transaction():
                for name, doc in docs.items():
                    save_layer(name, doc)
        for name, doc in docs.items():
            print(f"{name}: {len(doc['features'])} features" + ("" if args.check else " written"))
    except AtlasError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
