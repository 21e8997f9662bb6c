"""Property-based tests: geometries of every type, corrupted in nesting or numbers, and absurd numbers in every
number field, through every entry point — import, a layer file loaded and validated, a sketch (drawn
features and layer features given verbatim), ``--add`` on the CLI, an origins file. Whatever arrives,
each entry point raises only its own clear error (one line per problem, no traceback) and writes nothing;
the same geometries uncorrupted are accepted, so it is the corruption that is refused.
"""
from __future__ import annotations

import hashlib
import json
import math
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import atlas_cli
from geo.errors import LayerError
from geo.importer import import_features
from geo.schema import LAYERS
from geo.store import load_layer, validate_layer_file
from geo.validate import check_value
from network.engine import clear_cache
from network.errors import OriginsError, ProposalError
from network.origins import origins_from_file
from network.proposals import build_proposal

ROOT = Path(__file__).resolve().parent
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

GTYPES = ("Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon")
#: the layer each geometry type is imported into (MultiPoint: no layer takes it; refused as a type)
LAYER_OF = {"Point": "stations", "MultiPoint": "stations", "LineString": "railways", "MultiLineString": "railways",
            "Polygon": "counties", "MultiPolygon": "counties"}
COMMON = {"name_zh": "测试", "name_en": "test", "status": "proposed", "source": "property test", "confidence": "low",
          "accuracy_m": "schematic"}
PROPS = {
    "stations": COMMON,
    "railways": {**COMMON, "rail_class": "hsr", "design_speed_kmh": 350, "tracks": 2, "station_ids": ["st-a", "st-b"]},
    "counties": {**COMMON, "adcode": "360799", "kind": "county", "area_km2": 1.0, "population_2010": 1,
                 "population": 1, "population_note": "test", "seat_id": "seat-a"},
}
#: values that are not a coordinate: not finite, beyond float range, not a number at all
BAD_NUMBERS = (math.nan, math.inf, -math.inf, 10**400, -(10**400), True, False, "115.5", None, [], {})

# a position inside both fixtures' counties (the proposals fixture spans ~115.0–116.0 E around 25.75 N)
positions = st.tuples(st.floats(115.2, 115.8), st.floats(25.70, 25.80)).map(lambda p: [round(p[0], 5), round(p[1], 5)])


def _ring(p: list[float], d: float) -> list[list[float]]:
    x, y = p
    return [[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]


@st.composite
def geometries(draw, gtype: str | None = None) -> dict:
    """A valid geometry of ``gtype`` (any type when None), in the fixtures' area."""
    t = gtype or draw(st.sampled_from(GTYPES))
    if t == "Point":
        coords = draw(positions)
    elif t in ("MultiPoint", "LineString"):
        coords = draw(st.lists(positions, min_size=2, max_size=4, unique_by=tuple))
    elif t == "MultiLineString":
        coords = draw(st.lists(st.lists(positions, min_size=2, max_size=3, unique_by=tuple), min_size=1, max_size=2))
    elif t == "Polygon":
        coords = [_ring(draw(positions), 0.01)]
    else:  # two squares 0.05° apart never overlap
        p = draw(positions)
        coords = [[_ring(p, 0.01)], [_ring([p[0] + 0.05, p[1]], 0.01)]][:draw(st.integers(1, 2))]
    return {"type": t, "coordinates": coords}


def _positions_of(coords, depth: int) -> list[list]:
    """The position lists inside ``coords`` nested ``depth`` levels deep (0: coords is a position)."""
    return [coords] if depth == 0 else [p for c in coords for p in _positions_of(c, depth - 1)]


DEPTH = {"Point": 0, "MultiPoint": 1, "LineString": 1, "MultiLineString": 2, "Polygon": 2, "MultiPolygon": 3}


@st.composite
def corrupted(draw, gtype: str | None = None) -> dict:
    """A geometry made invalid: nested one level too deep or too shallow (all of it, or one position), a bad
    number in place of a coordinate, or a bad height."""
    g = draw(geometries(gtype))
    coords = json.loads(json.dumps(g["coordinates"]))
    how = draw(st.sampled_from(("wrap_all", "wrap_one", "unwrap_all", "flatten_one", "bad_number", "bad_height")))
    pos = draw(st.sampled_from(_positions_of(coords, DEPTH[g["type"]])))
    if how == "wrap_all":
        coords = [coords]
    elif how == "unwrap_all":
        coords = coords[0]
    elif how == "wrap_one":
        pos[:] = [list(pos)]
    elif how == "flatten_one":
        pos[:] = [pos[0]] if g["type"] != "Point" else []
    elif how == "bad_number":
        pos[draw(st.integers(0, 1))] = draw(st.sampled_from(BAD_NUMBERS))
    else:
        pos.append(draw(st.sampled_from([v for v in BAD_NUMBERS if v is not False])))
    return {"type": g["type"], "coordinates": coords}


def _tree_hash(folder: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            h.update(str(p.relative_to(folder)).encode() + p.read_bytes())
    return h.hexdigest()


def _doc(layer: str, geometry: dict, fid: str = "prop-x") -> dict:
    return {"type": "FeatureCollection",
            "features": [{"type": "Feature", "properties": {"id": fid, **PROPS[layer]}, "geometry": geometry}]}


def _dumps(doc) -> bytes:
    return json.dumps(doc, allow_nan=True, ensure_ascii=False).encode("utf-8")


def _one_line_problems(exc: LayerError) -> None:
    assert exc.problems and all("\n" not in p.reason and len(p.reason) < 600 for p in exc.problems)


@pytest.fixture(scope="module")
def import_store(tmp_path_factory) -> Path:
    dst = tmp_path_factory.mktemp("import") / "data"
    shutil.copytree(ROOT / "data" / "import" / "store", dst)
    return dst


@pytest.fixture(scope="module")
def sketch_store(tmp_path_factory) -> Path:
    dst = tmp_path_factory.mktemp("sketch") / "data"
    shutil.copytree(ROOT / "data" / "proposals" / "mini" / "layers", dst / "layers")
    shutil.copytree(ROOT.parent / "data" / "params", dst / "params")
    return dst


# -- import ---------------------------------------------------------------------------------------------------

@SETTINGS
@given(st.sampled_from(GTYPES).flatmap(lambda t: st.tuples(st.just(t), geometries(t))))
def test_valid_geometries_of_every_type_import(import_store, case):
    gtype, geometry = case
    layer = LAYER_OF[gtype]
    if gtype not in LAYERS[layer].geometry_types:
        return
    result = import_features(_dumps(_doc(layer, geometry)), layer, data_dir=import_store, dry_run=True)
    assert result.added == ["prop-x"]


ISSUE_LINE = [[115.5, 25.75], [115.6, 25.76]]
ISSUE_CASES = [{"type": "LineString", "coordinates": [ISSUE_LINE, ISSUE_LINE]},     # the issue's reproductions
               {"type": "MultiLineString", "coordinates": [[ISSUE_LINE, ISSUE_LINE]]},
               {"type": "Point", "coordinates": [[115.5, 25.75]]}]


def with_issue_cases(test):
    """The issue's three nested geometries as explicit examples, always run beside the generated ones."""
    for case in ISSUE_CASES:
        test = example(case)(test)
    return test


@SETTINGS
@given(corrupted())
@with_issue_cases
def test_corrupted_geometries_are_refused_by_import(import_store, geometry):
    before = _tree_hash(import_store)
    layer = LAYER_OF[geometry["type"]]
    with pytest.raises(LayerError) as exc:
        import_features(_dumps(_doc(layer, geometry)), layer, data_dir=import_store)
    _one_line_problems(exc.value)
    assert any(p.field == "geometry" for p in exc.value.problems)
    assert _tree_hash(import_store) == before


# -- a layer file as it is loaded and validated ---------------------------------------------------------------

@SETTINGS
@given(corrupted())
@with_issue_cases
def test_corrupted_geometries_in_a_layer_file_fail_load_and_validate(tmp_path, geometry):
    layer = LAYER_OF[geometry["type"]]
    path = tmp_path / "layers" / f"{layer}.geojson"
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(_dumps(_doc(layer, geometry)))
    problems = validate_layer_file(path)
    assert problems and all("\n" not in p.reason for p in problems)
    with pytest.raises(LayerError) as exc:
        load_layer(layer, path=path)
    _one_line_problems(exc.value)


# -- numbers in every number field -------------------------------------------------------------------------------

NUMBER_FIELDS = [(s.name, f) for s in LAYERS.values() for f in s.fields if f.type in ("int", "float", "year", "accuracy")]


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(NUMBER_FIELDS), st.one_of(
    st.sampled_from([math.nan, math.inf, -math.inf, 10**400, -(10**400), 1e300, -1e300, 2**53 + 1, True, "12"]),
    st.integers(-(10**30), 10**30), st.floats(allow_nan=True, allow_infinity=True)))
def test_every_number_field_holds_only_numbers_in_its_range(case, value):
    layer, f = case
    why = check_value(f, value)
    assert (why is None) == _allowed(f, value), (layer, f.name, value, why)
    assert why is None or ("\n" not in why and len(why) < 200)


def _allowed(f, value) -> bool:
    """The schema's rule, spelled out: a number (not true/false), whole for int/year, finite, > 0 for an
    accuracy, within the field's declared range."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    if f.type in ("int", "year") and not isinstance(value, int):
        return False
    if isinstance(value, float) and not math.isfinite(value):
        return False
    if f.type == "accuracy" and not value > 0:
        return False
    return f.minimum <= value <= f.maximum


@SETTINGS
@given(st.sampled_from([(n, f) for n, f in NUMBER_FIELDS if n in PROPS]),
       st.sampled_from([math.nan, math.inf, 10**400, -(10**400), 1e300, True]))
def test_absurd_numbers_are_refused_by_import(import_store, case, value):
    layer, f = case
    doc = _doc(layer, {"type": "Point", "coordinates": [115.5, 25.75]} if layer == "stations" else
               {"type": "LineString", "coordinates": [[115.5, 25.75], [115.6, 25.76]]} if layer == "railways" else
               {"type": "Polygon", "coordinates": [_ring([115.5, 25.75], 0.01)]})
    doc["features"][0]["properties"][f.name] = value
    with pytest.raises(LayerError) as exc:
        import_features(_dumps(doc), layer, data_dir=import_store, dry_run=True)
    assert [p.field for p in exc.value.problems] == [f.name]
    _one_line_problems(exc.value)


# -- sketches: drawn features and layer features given verbatim -----------------------------------------------

def _sketch_feature(geometry: dict, verbatim: bool) -> dict:
    if verbatim:
        layer = LAYER_OF[geometry["type"]]
        layer = "railways" if layer == "counties" else layer  # a proposal adds no counties
        return {"type": "Feature", "properties": {"layer": layer, "id": "prop-x", **PROPS[layer]},
                "geometry": geometry}
    kind = "station" if geometry["type"] in ("Point", "MultiPoint") else "hsr"
    return {"type": "Feature", "properties": {"kind": kind}, "geometry": geometry}


@SETTINGS
@given(corrupted(), st.booleans())
@example(ISSUE_CASES[2], True)
@example({"type": "Point", "coordinates": [115.5, 10**400]}, False)
def test_corrupted_geometries_are_refused_by_sketches(sketch_store, geometry, verbatim):
    before = _tree_hash(sketch_store)
    with pytest.raises(ProposalError) as exc:
        build_proposal({"type": "FeatureCollection", "features": [_sketch_feature(geometry, verbatim)]},
                       data_dir=sketch_store)
    lines = str(exc.value).splitlines()
    assert lines[0] == "sketch not accepted (nothing was changed):" and 1 < len(lines) <= 102
    assert _tree_hash(sketch_store) == before


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(corrupted(), st.booleans())
@example(ISSUE_CASES[0], True)
@example(ISSUE_CASES[2], True)
def test_corrupted_geometries_in_an_add_file_exit_1(sketch_store, tmp_path, monkeypatch, capsys, geometry, verbatim):
    monkeypatch.setenv("ATLAS_DATA_DIR", str(sketch_store))
    clear_cache()
    path = tmp_path / "add.geojson"
    path.write_bytes(_dumps({"type": "FeatureCollection", "features": [_sketch_feature(geometry, verbatim)]}))
    before = _tree_hash(sketch_store)
    code = atlas_cli.main(["route", "--from", "seat-a", "--to", "site-b", "--add", str(path)])
    out, err = capsys.readouterr()
    assert code == 1 and "Traceback" not in out + err and err.startswith("atlas: error: ")
    assert _tree_hash(sketch_store) == before


# -- origins files ------------------------------------------------------------------------------------------------

@SETTINGS
@given(st.one_of(corrupted("Point"), corrupted()), st.sampled_from([None, 1, math.nan, 10**400, 1e300, -1, "x", [1]]))
@example({"type": "Point", "coordinates": [10**400, 25.75]}, None)           # the issue's reproductions
@example({"type": "Point", "coordinates": [[115.5, 25.75]]}, None)
def test_corrupted_origins_are_one_error(sketch_store, tmp_path, geometry, population):
    path = tmp_path / "origins.geojson"
    props = {} if population is None else {"population": population}
    path.write_bytes(_dumps({"type": "FeatureCollection",
                             "features": [{"type": "Feature", "properties": props, "geometry": geometry}]}))
    with pytest.raises(OriginsError) as exc:
        origins_from_file(path, data_dir=sketch_store)
    assert "\n" not in str(exc.value) and len(str(exc.value)) < 400


@SETTINGS
@given(geometries("Point"), st.sampled_from([1, 1000, 40_000_000]))
def test_valid_origins_are_read(sketch_store, tmp_path, geometry, population):
    path = tmp_path / "origins.geojson"
    path.write_bytes(_dumps({"type": "FeatureCollection",
                             "features": [{"type": "Feature", "properties": {"population": population},
                                           "geometry": geometry}]}))
    o = origins_from_file(path, data_dir=sketch_store)
    assert len(o) == 1 and o["population"].iloc[0] == population
