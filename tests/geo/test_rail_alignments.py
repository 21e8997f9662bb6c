"""Railway alignments: stations on the line in order, lengths against published section lengths, real geometry
without long straight cuts, and the ODbL credit wherever OpenStreetMap geometry is used (docs/data/railways.md)."""
from __future__ import annotations

import csv
import sys
from pathlib import Path

import pytest

from geo.crs import PROJECTED_CRS, haversine_m
from geo.store import load_layer

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
sys.path.insert(0, str(ROOT))
from scripts.dataset import rail_osm  # noqa: E402

ODBL = "© OpenStreetMap contributors, ODbL"
#: tolerance for schematic lines (stations are vertices of the line; 1 km leaves room for rounding and projection)
SCHEMATIC_STATION_TOL_M = 1000
#: a line drawn from real track geometry (accuracy ≤ 2 km) has no straight stretch longer than this
MAX_STRAIGHT_KM_REAL = 20.0
#: published-length target (brief): existing lines within 5 % of their section's published length
LENGTH_TOL = 0.05
#: a traced (schematic) line may not stray further than this from the published length before the engine's factor
SCHEMATIC_RAW_TOL = 0.12


@pytest.fixture(scope="module")
def rail():
    return load_layer("railways", data_dir=DATA)


@pytest.fixture(scope="module")
def stations():
    return load_layer("stations", data_dir=DATA)


def _length_km(geom) -> float:
    xy = list(geom.coords)
    return sum(haversine_m(x1, y1, x2, y2) for (x1, y1), (x2, y2) in zip(xy, xy[1:])) / 1000


def _schematic_factor() -> float:
    with open(DATA / "params" / "parameters.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["key"] == "geometry.schematic_length_factor.rail":
                return float(row["value"])
    raise AssertionError("geometry.schematic_length_factor.rail missing from parameters.csv")


def _osm_vertices() -> set[tuple[float, float]]:
    pts = {(round(lon, 5), round(lat, 5)) for lon, lat in rail_osm.parse(rail_osm.RAILVISTA_GANLONG)}
    for _lines, _a, _b, _km, p in rail_osm.FOOTPOINT_SEGMENTS:
        pts |= {(round(lon, 5), round(lat, 5)) for lon, lat in rail_osm.parse(p)}
    return pts


def _is_real(r) -> bool:
    return isinstance(r.accuracy_m, (int, float)) and r.accuracy_m <= 2000


# --- stations ----------------------------------------------------------------------------------------------------

def test_every_line_passes_its_stations_within_its_accuracy_in_order(rail, stations):
    st = stations.set_index("id").to_crs(PROJECTED_CRS).geometry
    for _, r in rail.to_crs(PROJECTED_CRS).iterrows():
        tol = r.accuracy_m if isinstance(r.accuracy_m, (int, float)) else SCHEMATIC_STATION_TOL_M
        along = []
        for sid in r.station_ids:
            d = r.geometry.distance(st[sid])
            assert d <= tol, f"{r.id}: {sid} is {d:.0f} m from the line (accuracy {r.accuracy_m})"
            along.append(r.geometry.project(st[sid]))
        assert along == sorted(along), f"{r.id}: stations out of order along the line"
        assert along[0] < 1 and along[-1] > r.geometry.length - 1, f"{r.id}: the line does not start/end at its end stations"


# --- lengths -----------------------------------------------------------------------------------------------------

def test_every_railway_says_where_its_length_comes_from(rail):
    for _, r in rail.iterrows():
        assert isinstance(r.length_note, str) and len(r.length_note) > 20, f"{r.id}: no length_note"
        if r.length_km != r.length_km or r.length_km is None:  # no published section length: the note says so
            assert "no " in r.length_note.lower(), f"{r.id}: length_km empty but the note does not say none was found"


def test_existing_lines_match_their_published_section_length(rail):
    """Real geometry: within 5 % as drawn. Traced (schematic) lines: within 5 % after the engine's schematic length
    factor (that is the length travel times use) and within 12 % as drawn."""
    factor = _schematic_factor()
    checked = 0
    for _, r in rail[rail["status"] == "existing"].iterrows():
        if r.length_km != r.length_km or r.length_km is None:
            continue
        raw = _length_km(r.geometry)
        if r.accuracy_m == "schematic":
            assert abs(raw / r.length_km - 1) <= SCHEMATIC_RAW_TOL, f"{r.id}: drawn {raw:.1f} km vs {r.length_km} km"
            eff = raw * factor
        else:
            eff = raw
        assert abs(eff / r.length_km - 1) <= LENGTH_TOL, f"{r.id}: {eff:.1f} km (modelled) vs {r.length_km} km published"
        checked += 1
    assert checked >= 10


def test_section_lengths_are_not_whole_line_lengths(rail):
    # the pre-2026-11 layer gave 昌赣(吉安西—赣州西) the whole line's 415.734 km and 赣深(赣州西—和平北) 436.37 km
    r = rail.set_index("id")
    assert r.loc["rail-nanchang-ganzhou-hsr", "length_km"] == pytest.approx(204, abs=1)
    for lid in ("rail-ganshen-hsr", "rail-gw-ganshen-shenzhen", "rail-gw-nanchang-ganzhou-hsr", "rail-gw-changsha-ganzhou-hsr"):
        assert r.loc[lid, "length_km"] != r.loc[lid, "length_km"] or r.loc[lid, "length_km"] is None, lid
    assert r.loc["rail-jingjiu", "length_km"] < 500  # 吉安–龙川, not the 2,397 km line


# --- real geometry -----------------------------------------------------------------------------------------------

def test_real_geometry_has_no_long_straight_cuts(rail):
    for _, r in rail.iterrows():
        if not _is_real(r):
            continue
        xy = list(r.geometry.coords)
        for (x1, y1), (x2, y2) in zip(xy, xy[1:]):
            km = haversine_m(x1, y1, x2, y2) / 1000
            assert km <= MAX_STRAIGHT_KM_REAL, f"{r.id}: {km:.1f} km straight at {(x1, y1)}"


def test_osm_derived_features_carry_the_odbl_credit(rail):
    osm = _osm_vertices()
    derived = 0
    for _, r in rail.iterrows():
        n = sum((round(x, 5), round(y, 5)) in osm for x, y in r.geometry.coords)
        if n >= 5:
            derived += 1
            assert ODBL in r.source, f"{r.id}: {n} OSM vertices but no ODbL credit in source"
        else:
            assert ODBL not in r.source, f"{r.id}: claims OSM geometry but has {n} OSM vertices"
    assert derived >= 9
    assert ODBL in (ROOT / "docs" / "data" / "railways.md").read_text(encoding="utf-8")


def test_osm_table_is_continuous_and_matches_its_recorded_lengths():
    """Consecutive segments of one line join end to end; the stored (simplified) polylines measure within 25 % of the
    source's estLengthKm segment by segment and within 3 % per line (a check on the hand transcription)."""
    per_line: dict[str, list[float]] = {}
    prev = None
    for lines, a, b, km, pts in rail_osm.FOOTPOINT_SEGMENTS:
        p = rail_osm.parse(pts)
        length = rail_osm.path_km(p)
        assert abs(length / km - 1) <= 0.25, f"{a}→{b}: {length:.2f} km vs {km}"
        tot = per_line.setdefault(lines.split(",")[0], [0.0, 0.0])
        tot[0] += length
        tot[1] += km
        if prev and prev[0] == lines and prev[1] == a:
            assert prev[2] == p[0], f"{a}: segments do not join"
        prev = (lines, b, p[-1])
    for line, (got, est) in per_line.items():
        assert abs(got / est - 1) <= 0.03, f"{line}: {got:.1f} km vs {est:.1f}"
    g = rail_osm.parse(rail_osm.RAILVISTA_GANLONG)
    assert rail_osm.path_km(g) == pytest.approx(251.0, abs=1.0)


# --- statuses and routes checked 2026-11 -------------------------------------------------------------------------

def test_route_and_status_corrections_stay(rail):
    r = rail.set_index("id")
    assert list(r.loc["rail-ganshao", "station_ids"])[-1] == "rs-shaoguandong"  # 赣韶 ends at 韶关东, not the 武广 韶关
    assert list(r.loc["rail-ganshao-hsr", "station_ids"])[-1] == "rs-shaoguan"  # the planned HSR enters the 武广 station
    assert "rail-nanrui" not in r.index  # one feature per project: 南瑞 is the 景鹰瑞 南丰—瑞金 section
    assert list(r.loc["rail-jingyingrui", "station_ids"])[0] == "rs-nanfeng"
    for lid in ("rail-ganlongxia-hsr", "rail-jingyingrui", "rail-ganshao-hsr"):
        assert r.loc[lid, "plan_period"] != "十四五", lid  # none was started in the 十四五 period
    assert r.loc["rail-changsha-ganzhou-hsr", "status"] == "under_construction"
    assert r.loc["rail-ruimei", "status"] == "under_construction"
