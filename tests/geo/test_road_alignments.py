"""Expressway alignments (data/layers): traced lines pass their interchanges in order, match their published section
lengths, and have no long straight runs. Read-only; offline; a few seconds.

"Traced" = an expressway whose accuracy_m is a number (not "schematic"): its line was drawn through every interchange a
source names plus shaping vertices at the described towns (see docs/data/roads.md).
"""
from __future__ import annotations

from pathlib import Path

import pytest
from shapely.geometry import LineString, Point

from geo.crs import PROJECTED_CRS, haversine_m
from geo.store import load_layer

DATA = Path(__file__).resolve().parents[2] / "data"

#: published length vs geometry: the target
LENGTH_TOLERANCE = 0.05
#: features whose published figure cannot be matched, each with the reason (also in its length_note, word CONFLICT).
#: A new conflict must be added here on purpose; a resolved one must be removed.
LENGTH_CONFLICTS = {
    "expy-g76-ganchong": "87.552 km is shorter than the straight distance 经开区 → 赣湘界 (~95 km)",
    "expy-xunquan": "112.104 km is the straight distance 寻乌–全南; a line through 安远 and 信丰 is ≥130 km",
    "expy-s4503": "the six interchange estimates of places.py already chain to 46.7 km (+7 %)",
    "expy-g45-fuxian": "132.221 km vs ~75 km between the end towns; geometry left schematic",
}
#: no straight segment of a traced line may be longer than this
MAX_STRAIGHT_KM = 30.0
#: sections that must carry a published length (the brief's list of existing expressways with one)
#: (a conflicting published figure stays in length_note, not in length_km: the engine would scale to it)
MUST_HAVE_LENGTH = ("expy-g45", "expy-g35", "expy-g72", "expy-g76-ruigan", "expy-s4503", "expy-g6011-xinggan",
                    "expy-g6011-kangda", "expy-xingguo-xiaobu", "expy-suida", "expy-xinxiong", "expy-dingnan-link")


@pytest.fixture(scope="module")
def expy():
    return load_layer("expressways", data_dir=DATA)


@pytest.fixture(scope="module")
def places():
    return load_layer("places", data_dir=DATA).set_index("id")


def _traced(gdf):
    return gdf[gdf["accuracy_m"].map(lambda a: isinstance(a, (int, float)))]


def _geodesic_km(line: LineString) -> float:
    xy = list(line.coords)
    return sum(haversine_m(x1, y1, x2, y2) for (x1, y1), (x2, y2) in zip(xy, xy[1:])) / 1000


def test_local_existing_expressways_are_traced(expy):
    # every existing in-Ganzhou section is traced, except those listed (unlocated ends, no length to check, or outside JX)
    local = expy[(expy["scope"] != "gateway") & (expy["status"] == "existing")]
    schematic = set(local[local["accuracy_m"] == "schematic"]["id"])
    allowed_schematic = {"expy-g45-fuxian", "expy-g45-ganding", "expy-xunlong", "expy-g35-fuguang", "expy-g35-meizhou", "expy-g72-ninghua",
                         "expy-g76-east", "expy-g76-rucheng", "expy-g6011-shaogan", "expy-xiongxin-gd"}
    assert schematic <= allowed_schematic, schematic - allowed_schematic
    assert len(_traced(local)) >= 20


def test_traced_lines_pass_their_nodes_in_order(expy, places):
    pts = places.to_crs(PROJECTED_CRS).geometry
    for _, r in _traced(expy).to_crs(PROJECTED_CRS).iterrows():
        line = r.geometry
        positions = []
        for nid in r.node_ids:
            tol = max(float(r.accuracy_m), 1000.0)
            d = line.distance(pts[nid])
            assert d <= tol, f"{r.id}: {nid} is {d:.0f} m from the line (accuracy {r.accuracy_m} m)"
            positions.append(line.project(pts[nid]))
        assert positions == sorted(positions), f"{r.id}: nodes out of order along the line: {list(r.node_ids)}"


def test_published_lengths_present_with_a_note(expy):
    props = expy.set_index("id")
    for fid in MUST_HAVE_LENGTH:
        assert props.loc[fid, "length_km"] > 0, fid
    for fid, r in props.iterrows():
        if r.length_km == r.length_km and r.length_km:  # not NaN
            assert isinstance(r.length_note, str) and len(r.length_note) > 10, f"{fid}: length_km without length_note"


def test_geometry_within_tolerance_of_the_published_length(expy):
    bad = {}
    for _, r in expy[expy["status"] == "existing"].iterrows():
        if not (r.length_km == r.length_km and r.length_km):
            continue
        if r.scope == "gateway" or r.accuracy_m == "schematic":
            continue
        ratio = _geodesic_km(r.geometry) / r.length_km - 1
        if r.id in LENGTH_CONFLICTS:
            assert "CONFLICT" in r.length_note, f"{r.id}: listed as a conflict but its length_note does not say so"
            continue
        if abs(ratio) > LENGTH_TOLERANCE:
            bad[r.id] = f"{ratio:+.1%}"
    assert not bad, f"geometry vs published length beyond ±{LENGTH_TOLERANCE:.0%}: {bad}"


def test_conflict_list_is_current(expy):
    ids = set(expy["id"])
    assert set(LENGTH_CONFLICTS) <= ids
    noted = {r.id for _, r in expy.iterrows() if isinstance(r.length_note, str) and "CONFLICT" in r.length_note}
    assert noted == set(LENGTH_CONFLICTS), noted ^ set(LENGTH_CONFLICTS)


def test_no_long_straight_segment_on_traced_lines(expy):
    for _, r in _traced(expy).iterrows():
        xy = list(r.geometry.coords)
        for (x1, y1), (x2, y2) in zip(xy, xy[1:]):
            km = haversine_m(x1, y1, x2, y2) / 1000
            assert km <= MAX_STRAIGHT_KM, f"{r.id}: straight segment of {km:.1f} km at {(y1, x1)}→{(y2, x2)}"


def test_the_g76_gap_is_closed_and_ganchong_starts_at_ganzhou_west(expy):
    props = expy.set_index("id")
    link = list(props.loc["expy-g76-ganzhou", "node_ids"])
    assert link[0] == "town-maodian" and link[-1] == "ic-ganzhou-xi"
    gc = list(props.loc["expy-g76-ganchong", "node_ids"])
    assert gc[:2] == ["ic-ganzhou-xi", "ic-ganzhou-hub"]
    g45 = list(props.loc["expy-g45", "node_ids"])
    assert "ic-ganzhou-hub" in g45  # G76 meets G45 at the 赣州枢纽


def test_interchange_places_are_labelled_estimates(places):
    ics = places[places["kind"] == "interchange"]
    assert len(ics) >= 30
    for fid, r in ics.iterrows():
        assert r.confidence == "low" and r.accuracy_m >= 1000, fid
        assert "estimate" in r.source.lower(), fid


def test_geodesic_length_helper_known_answer():
    # one degree of longitude at the equator is 111.2 km
    assert _geodesic_km(LineString([(0, 0), (1, 0)])) == pytest.approx(111.2, abs=0.3)
    assert Point(0, 0).distance(Point(3, 4)) == 5
