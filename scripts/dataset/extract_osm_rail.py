"""How the OpenStreetMap railway geometry in scripts/dataset/rail_osm.py was extracted — and a way to redo or check it.

The table was transcribed from two public GitHub files (read through the session's code index; their DATA only, never
their code), © OpenStreetMap contributors, ODbL:

1. JerryTheAlpaca/footpoint-atlas, js/rail-route-data.js @13b20974dc15ff4417963b546830dd3532b07097. The file wraps one
   JSON object: ``var RAIL_ROUTE_DATA = {...};``. Its "source" block says: provider OpenStreetMap, snapshot 2026-09-04,
   Geofabrik China PBF railway ways, attribution "铁路几何 © OpenStreetMap contributors · ODbL". Its "segments" are
   station-to-station polylines ([lon, lat], simplified to ~100 m) with "from", "to", "lineIds" and "estLengthKm".
   Taken: the segments listed in SEGMENTS below (昌赣 莲塘 → 赣州西, 赣深 赣州西 → 深圳北, 广深港 广州南 → 深圳北,
   京广高铁 长沙南 → 郴州西 and 韶关 → 广州南, 沪昆高铁 南昌西 → 长沙南), coordinates unchanged.
2. WT006/RailVista, data/presets/corridors/ganlong.json @32042bd6bfae81a9d3fb4e7ff68c4c1d52d79bbf: one corridor
   {"id": "ganlong", "osmRelation": 4552429, "source": "osm", "railway": [[lon, lat], ...]}, the 赣瑞龙 double track
   赣县 → 龙岩, taken whole (191 vertices). Its note admits gap-bridging (a 14 km straight east of 赣县).

Rejected after inspection (see docs/data/railways.md): RailVista's jingjiu.json (京九; south of 南昌 an interpolated
graph route with 4 km evenly spaced points and loops — not OSM track), ganruilong.json (a coarse re-densified copy of
ganlong), and the footpoint segment 莲塘 → 丰城东 north of 朴树所 (a loop near 南昌; only its last 21 km are used).

Usage, given local copies of the two files:
    python scripts/dataset/extract_osm_rail.py --footpoint rail-route-data.js --railvista ganlong.json
prints the table rows for rail_osm.py; with --check it compares them with the stored table instead (exit 1 on a
difference). Without arguments it checks the stored table against itself (continuity, lengths vs estLengthKm).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from scripts.dataset import rail_osm  # noqa: E402

#: (line id in the source, from node, to node) of every footpoint-atlas segment used, in table order
SEGMENTS = [(lines.split(",")[0], a, b) for lines, a, b, _km, _p in rail_osm.FOOTPOINT_SEGMENTS]


def load_footpoint(path: Path) -> dict:
    """Parse ``var RAIL_ROUTE_DATA = {...};`` out of the JS file (the object itself is plain JSON)."""
    text = path.read_text(encoding="utf-8")
    m = re.search(r"RAIL_ROUTE_DATA\s*=\s*(\{.*?\n\s*\});", text, flags=re.S)
    if not m:
        raise SystemExit(f"{path}: RAIL_ROUTE_DATA object not found")
    return json.loads(m.group(1))


def footpoint_rows(data: dict) -> list[tuple[str, str, str, float, str]]:
    by_ends = {(s["from"], s["to"]): s for s in data["segments"]}
    rows = []
    for _line, a, b in SEGMENTS:
        s = by_ends.get((a, b))
        if s is None:
            raise SystemExit(f"segment {a} → {b} not in the file")
        pts = " ".join(f"{lon},{lat}" for lon, lat in s["polyline"])
        rows.append((",".join(s["lineIds"]), a, b, float(s["estLengthKm"]), pts))
    return rows


def railvista_points(path: Path) -> str:
    doc = json.loads(path.read_text(encoding="utf-8"))
    if doc.get("osmRelation") != 4552429:
        raise SystemExit(f"{path}: not the 赣瑞龙 corridor (osmRelation {doc.get('osmRelation')})")
    return " ".join(f"{lon},{lat}" for lon, lat in doc["railway"])


def self_check() -> list[str]:
    problems = []
    prev = None
    for lines, a, b, km, pts in rail_osm.FOOTPOINT_SEGMENTS:
        p = rail_osm.parse(pts)
        got = rail_osm.path_km(p)
        if abs(got / km - 1) > 0.25:
            problems.append(f"{a} → {b}: {got:.2f} km stored vs estLengthKm {km}")
        if prev and prev[0] == lines and prev[1] == a and prev[2] != p[0]:
            problems.append(f"{a}: does not join the previous segment")
        prev = (lines, b, p[-1])
    return problems


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--footpoint", type=Path, help="local copy of js/rail-route-data.js")
    ap.add_argument("--railvista", type=Path, help="local copy of data/presets/corridors/ganlong.json")
    ap.add_argument("--check", action="store_true", help="compare with the stored table instead of printing")
    args = ap.parse_args(argv)
    if not args.footpoint and not args.railvista:
        problems = self_check()
        print("\n".join(problems) or f"stored table consistent ({len(rail_osm.FOOTPOINT_SEGMENTS)} segments)")
        return 1 if problems else 0
    bad = 0
    if args.footpoint:
        rows = footpoint_rows(load_footpoint(args.footpoint))
        for new, old in zip(rows, rail_osm.FOOTPOINT_SEGMENTS):
            if args.check:
                same = rail_osm.parse(new[4]) == rail_osm.parse(old[4]) and new[1:4] == old[1:4]
                bad += not same
                if not same:
                    print(f"differs: {new[1]} → {new[2]}")
            else:
                print(repr(new) + ",")
    if args.railvista:
        pts = railvista_points(args.railvista)
        if args.check:
            same = rail_osm.parse(pts) == rail_osm.parse(rail_osm.RAILVISTA_GANLONG)
            bad += not same
            print("ganlong: same" if same else "ganlong: differs")
        else:
            print(repr(pts))
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
