"""Reproductions of the hardening issue on the engine's entry points: sketches and ``--add`` files, origins
files, the engine's work bounds (network/limits.py), the parameter table and the other data tables.
Each bad input is one clear error (exit 1 through the CLI, no traceback) and nothing is written."""
from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import numpy as np
import pytest

import atlas_cli
from network import limits
from network.access import access_table, nearest_table
from network.calibration import load_calibration
from network.costs import CostTableError, load_costs
from network.data import load_network_data
from network.engine import get_engine
from network.errors import NetworkError, OriginsError, ProposalError, WorkLimitError
from network.limits import chunk_rows
from network.origins import origins_counties, origins_from_file
from network.proposals import build_proposal
from network.visitors import load_links

ROOT = Path(__file__).resolve().parents[2]
SKETCH_FIXTURE = ROOT / "tests" / "data" / "proposals" / "mini"
ST_A, ST_B = [114.996804, 25.763394], [115.993249, 25.753159]   # two stations of the proposals fixture
BIG = 10**400


def tree_hash(folder: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            h.update(str(p.relative_to(folder)).encode())
            h.update(p.read_bytes())
    return h.hexdigest()


@pytest.fixture
def sketch_base(tmp_path, monkeypatch) -> Path:
    dst = tmp_path / "data"
    shutil.copytree(SKETCH_FIXTURE / "layers", dst / "layers")
    shutil.copytree(ROOT / "data" / "params", dst / "params")
    monkeypatch.setenv("ATLAS_DATA_DIR", str(dst))
    return dst


@pytest.fixture
def cli(capsys):
    def run(*argv):
        code = atlas_cli.main(list(argv))
        out, err = capsys.readouterr()
        assert "Traceback" not in out + err
        return code, out, err
    return run


def fc(*features) -> dict:
    return {"type": "FeatureCollection", "features": list(features)}


VERBATIM = {"status": "proposed", "source": "s", "confidence": "low", "accuracy_m": "schematic", "name_zh": "x",
            "name_en": "x"}
RAIL = {"layer": "railways", "id": "rail-x", **VERBATIM, "rail_class": "hsr", "design_speed_kmh": 300, "tracks": 2,
        "station_ids": ["st-a", "st-b"]}


def g(gtype: str, coords) -> dict:
    return {"type": gtype, "coordinates": coords}


# -- item 1: sketches and --add files ------------------------------------------------------------------------

ADD_CASES = [  # (feature, message): every one was a traceback or was accepted before
    ({"properties": {"layer": "stations", "id": "st-x", **VERBATIM}, "geometry": g("Point", [[115.6, 25.75]])},
     "Point coordinates nested too deeply"),
    ({"properties": {"layer": "stations", "id": "st-x", **VERBATIM}, "geometry": g("Point", [BIG, 25.75])},
     "out of range for WGS84"),
    ({"properties": {"layer": "stations", "id": "st-x", **VERBATIM}, "geometry": {"type": "Point"}},
     "empty coordinates"),
    ({"properties": RAIL, "geometry": g("LineString", [[ST_A, ST_B], [ST_A, ST_B]])},
     "LineString coordinates nested too deeply"),
    ({"properties": RAIL, "geometry": g("MultiLineString", [[[ST_A, ST_B], [ST_A, ST_B]]])},
     "MultiLineString coordinates nested too deeply"),
    ({"properties": {**RAIL, "layer": "counties"}, "geometry": g("LineString", [ST_A, ST_B])},
     "a proposal adds features to"),
    ({"properties": {"kind": "hsr"}, "geometry": g("LineString", [[BIG, 25.7], ST_B])}, "is not finite"),
    ({"properties": {"kind": "station"}, "geometry": g("Point", [115.6, BIG])}, "is not finite"),
    ({"properties": {"kind": "station"}, "geometry": g("Point", [115.6, 25.75, BIG])}, "height is not a finite"),
    ({"properties": {"kind": "station"}, "geometry": g("Point", [True, 25.75])}, "is not [lon, lat] numbers"),
    ({"properties": {"kind": "hsr"}, "geometry": g("LineString", [[ST_A, ST_B]])}, "nested too deeply"),
    ({"properties": {"kind": "hsr", "design_speed_kmh": BIG}, "geometry": g("LineString", [ST_A, ST_B])},
     "design_speed_kmh 100000000000… (401 digits) is not plausible; give a value in 60–400"),
    ({"properties": {"kind": "airport", "to_place": "seat-b", "block_minutes": BIG},
      "geometry": g("Point", [115.6, 25.75])}, "block_minutes 100000000000… (401 digits) is not plausible"),
]


@pytest.mark.parametrize("feature,message", ADD_CASES)
def test_bad_sketch_features_are_one_error(sketch_base, feature, message):
    with pytest.raises(ProposalError) as exc:
        build_proposal(fc({"type": "Feature", **feature}), data_dir=sketch_base)
    assert message in str(exc.value)


@pytest.mark.parametrize("feature,message", ADD_CASES[:6])
def test_add_with_a_bad_layer_feature_exits_1(sketch_base, cli, tmp_path, feature, message):
    before = tree_hash(sketch_base)
    path = tmp_path / "add.geojson"
    path.write_text(json.dumps(fc({"type": "Feature", **feature})), encoding="utf-8")
    code, _, err = cli("route", "--from", "seat-a", "--to", "site-b", "--add", str(path))
    assert code == 1 and message in err
    assert tree_hash(sketch_base) == before


def test_a_valid_verbatim_station_still_joins_the_proposal(sketch_base):
    feature = {"type": "Feature", "properties": {"layer": "stations", "id": "st-new", **VERBATIM},
               "geometry": g("Point", [115.5, 25.76])}
    prop = build_proposal(fc(feature), data_dir=sketch_base)
    assert [f["properties"]["id"] for f in prop.features["stations"]] == ["st-new"]


# -- item 1 and 6: origins files -----------------------------------------------------------------------------

def pt(coords, **props) -> dict:
    return {"type": "Feature", "properties": props, "geometry": g("Point", coords)}


@pytest.mark.parametrize("features,message", [
    ([pt([[115.6, 25.75]])], "Point coordinates nested too deeply"),
    ([pt([BIG, 25.75])], "is not finite"),
    ([pt([float("nan"), 25.75])], "is not finite"),
    ([pt(["115.6", "25.75"])], "is not [lon, lat] numbers"),
    ([pt([True, 25.75])], "is not [lon, lat] numbers"),
    ([pt([115.6, 25.75], population=BIG)], "population 100000000000… is not a finite number"),
    ([pt([115.6, 25.75], population=1e300)], "above the limit of 40,000,000 people"),
    ([pt([115.6, 25.75], id={"a": 1})], "id must be text"),
    ([pt([115.6, 25.75], name="x" * 201)], "name is 201 characters long; the limit is 200"),
    ([{"type": "Feature", "properties": [1], "geometry": g("Point", [115.6, 25.75])}], "properties must be an object"),
])
def test_bad_origins_geojson(mini, tmp_path, features, message):
    path = tmp_path / "o.geojson"
    path.write_text(json.dumps(fc(*features), allow_nan=True), encoding="utf-8")
    with pytest.raises(OriginsError) as exc:
        origins_from_file(path, data_dir=mini)
    assert message in str(exc.value) and "\n" not in str(exc.value) and len(str(exc.value)) < 300


def test_bad_origins_csv_is_short(mini, tmp_path):
    path = tmp_path / "o.csv"
    path.write_text("lon,lat,population\n115.6," + "2" * 5000 + ",1\n", encoding="utf-8")
    with pytest.raises(OriginsError, match="lat '2222") as exc:
        origins_from_file(path, data_dir=mini)
    assert len(str(exc.value)) < 300


def test_population_of_1e300_was_a_traceback_through_the_cli(mini, cli, tmp_path, monkeypatch):
    monkeypatch.setenv("ATLAS_DATA_DIR", str(mini))
    path = tmp_path / "o.csv"
    path.write_text("lon,lat,population\n115.6,25.75,1e300\n115.7,25.75,1e300\n", encoding="utf-8")
    code, _, err = cli("access", "--origins", str(path), "--out", str(tmp_path / "a.csv"))
    assert code == 1 and "above the limit of 40,000,000 people at one origin" in err
    assert not (tmp_path / "a.csv").exists()


# -- item 6: the engine's work bounds ----------------------------------------------------------------------

def test_chunk_rows_known_answers():
    assert chunk_rows(33, 11) == 20_000                    # the real data: unchanged
    assert chunk_rows(4000, 11) == 16_000_000 // 44_000    # 363 origins × 4000 sites × 11 candidates
    assert chunk_rows(10**9, 11) == 1


def test_chunked_cost_matrix_equals_one_chunk(mini):
    eng = get_engine("existing", data_dir=mini)
    o = origins_counties(data_dir=mini)
    a = eng.cost_matrix(o, chunk=1).minutes
    b = eng.cost_matrix(o).minutes
    np.testing.assert_array_equal(a, b)


def test_too_many_sites_refused_before_the_graph_is_built(mini, monkeypatch):
    monkeypatch.setattr(limits, "MAX_SITES", 2)
    monkeypatch.setattr("network.engine.graph_parts", lambda *a, **k: pytest.fail("the graph was built"))
    with pytest.raises(WorkLimitError, match="heritage sites; the engine's limit is 2 "):
        get_engine("existing", data_dir=mini)


def test_too_many_nodes_refused(mini, monkeypatch):
    monkeypatch.setattr(limits, "MAX_NODES", 3)
    with pytest.raises(WorkLimitError, match="nodes; the engine's limit is 3 "):
        get_engine("existing", data_dir=mini)


def test_full_path_bounded_before_routing_fast_path_still_answers(mini, monkeypatch):
    eng = get_engine("existing", data_dir=mini)
    o = origins_counties(data_dir=mini)
    want = nearest_table(eng, o)["nearest_site_minutes"].to_numpy()
    n_sites, n_nodes = len(eng.site_ids("all")), eng.graph.n
    monkeypatch.setattr(limits, "MAX_SITE_NODE_CELLS", n_sites * n_nodes - 1)
    monkeypatch.setattr(eng.graph, "to_sites", lambda *a, **k: pytest.fail("the Dijkstra ran"))
    with pytest.raises(WorkLimitError, match=f"{n_sites} sites × {n_nodes} nodes"):
        access_table("existing", o, data_dir=mini)
    np.testing.assert_array_equal(nearest_table(eng, o)["nearest_site_minutes"].to_numpy(), want)
    monkeypatch.setattr(limits, "MAX_SITE_NODE_CELLS", 10**9)
    monkeypatch.setattr(limits, "MAX_COST_CELLS", len(o) * n_sites - 1)
    with pytest.raises(WorkLimitError, match=f"{len(o)} origins × {n_sites} sites"):
        access_table("existing", o, data_dir=mini)


def test_work_limit_through_the_cli_is_one_line(mini, cli, tmp_path, monkeypatch):
    monkeypatch.setenv("ATLAS_DATA_DIR", str(mini))
    monkeypatch.setattr(limits, "MAX_COST_CELLS", 1)
    code, _, err = cli("access", "--origins", "counties", "--out", str(tmp_path / "a.csv"))
    assert code == 1 and len(err.splitlines()) == 1 and "network/limits.py" in err
    assert not (tmp_path / "a.csv").exists()


# -- other tables with numbers -----------------------------------------------------------------------------

def _copy(mini: Path, tmp_path: Path) -> Path:
    dst = tmp_path / "d"
    shutil.copytree(mini, dst)
    return dst


@pytest.mark.parametrize("value", ["0", "-5", "nan", "inf", "1e400", "2881", "abc"])
def test_calibration_real_minutes_bounded(mini, tmp_path, value):
    d = _copy(mini, tmp_path)
    (d / "calibration.csv").write_text("from,to,mode,real_minutes,use,source,confidence,notes\n"
                                       f"st-a,st-b,hsr,{value},yes,test,low,\n", encoding="utf-8")
    with pytest.raises(NetworkError, match="real_minutes .* is not a number of minutes above 0 and at most 2880"):
        load_calibration(data_dir=d)


@pytest.mark.parametrize("value", ["abc", "0", "1e400", "501"])
def test_market_link_services_bounded(mini, tmp_path, value):
    d = _copy(mini, tmp_path)
    path = d / "markets" / "links.csv"
    rows = path.read_text(encoding="utf-8").splitlines()
    header = rows[0].split(",")
    cells = rows[1].split(",")
    cells[header.index("services_per_day")] = value
    path.write_text("\n".join([rows[0], ",".join(cells)]) + "\n", encoding="utf-8")
    with pytest.raises(NetworkError, match="services_per_day .* is not a number above 0 and at most 500"):
        load_links(load_network_data(d))


@pytest.mark.parametrize("value", ["1e9", "inf", "0"])
def test_project_costs_bounded(tmp_path, value):
    (tmp_path / "params").mkdir()
    (tmp_path / "params" / "project_costs.csv").write_text(
        f"feature_id,cost_yi_yuan,cost_status\nrail-x,{value},estimate\n", encoding="utf-8")
    with pytest.raises(CostTableError, match="positive number of 亿元, at most 10,000"):
        load_costs(tmp_path)


# -- sweep files read back (the app's upload) ------------------------------------------------------------

def _sweep_file(path: Path, df, meta) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq
    table = pa.Table.from_pandas(df, preserve_index=False)
    raw = meta if isinstance(meta, bytes) else json.dumps(meta).encode()
    pq.write_table(table.replace_schema_metadata({b"atlas_sweep": raw}), path)
    return path


def _sweep_frame(n: int = 4):
    import pandas as pd
    return pd.DataFrame({"portfolio": range(n), "projects": [""] * n, "benefit": [0.0] * n,
                         "cost_yi_yuan": [1.0] * n, "cost_unknown": [""] * n, "pareto": [True] * n,
                         "best_order_step": pd.array([0, 1, 2, None][:n] + [None] * (n - 4), dtype="Int64"),
                         "greedy_step": pd.array([None] * n, dtype="Int64")})


META = {"projects": ["a", "b"], "measure": "residents"}


@pytest.mark.parametrize("change,message", [
    (lambda df: (df, b"{not json"), "metadata must name at most 16 projects"),
    (lambda df: (df, {"projects": [f"p{i}" for i in range(17)]}), "metadata must name at most 16 projects"),
    (lambda df: (df.drop(columns=["benefit"]), META), "missing column(s) benefit"),
    (lambda df: (df.assign(benefit=[0.0, float("inf"), 0.0, 0.0]), META), "values out of range in benefit"),
    (lambda df: (df.assign(portfolio=[0, 1, 2, 4]), META), "values out of range in portfolio (portfolios 0–3"),
    (lambda df: (df.assign(cost_yi_yuan=[1e300] * 4), META), "values out of range in cost_yi_yuan"),
    (lambda df: (df.assign(benefit=["x"] * 4), META), "column(s) benefit must hold numbers"),
])
def test_hostile_sweep_files_are_one_error(tmp_path, change, message):
    from network.sweep_files import read_sweep
    df, meta = change(_sweep_frame())
    path = _sweep_file(tmp_path / "s.parquet", df, meta)
    with pytest.raises(NetworkError) as exc:
        read_sweep(path)
    assert message in str(exc.value) and "\n" not in str(exc.value)


def test_sweep_file_of_too_many_rows_refused_before_reading(tmp_path, monkeypatch):
    from network import sweep_files
    path = _sweep_file(tmp_path / "s.parquet", _sweep_frame(), META)
    monkeypatch.setattr(sweep_files, "MAX_SWEEP_ROWS", 3)
    with pytest.raises(NetworkError, match="4 rows; a sweep has at most"):
        sweep_files.read_sweep(path)


def test_sweep_file_from_an_upload_object(tmp_path):
    import io
    from network.sweep_files import read_sweep
    path = _sweep_file(tmp_path / "s.parquet", _sweep_frame(), META)
    upload = io.BytesIO(path.read_bytes())
    upload.name = "upload.parquet"
    df, meta = read_sweep(upload)
    assert len(df) == 4 and meta["projects"] == ["a", "b"]


def test_sweep_workers_bounded_before_any_process_starts(mini, cli, tmp_path, monkeypatch):
    import os
    monkeypatch.setenv("ATLAS_DATA_DIR", str(mini))
    code, _, err = cli("sweep", "--base", "existing", "--with", "plan-full", "--workers", "100000",
                       "--out", str(tmp_path / "s.parquet"))
    most = 4 * (os.cpu_count() or 1)
    assert code == 1 and f"--workers must be 0 (in this process) to {most} (4 per core), got 100000" in err
    assert not (tmp_path / "s.parquet").exists()


@pytest.mark.parametrize("hours,message", [
    (",".join(["1"] * 25), "25 thresholds; at most 24"),
    ("1e400", "expected positive numbers"),
    ("x" * 5000, "expected numbers such as '30 60 90'"),
])
def test_visitor_hours_bounded(mini, cli, tmp_path, monkeypatch, hours, message):
    monkeypatch.setenv("ATLAS_DATA_DIR", str(mini))
    code, _, err = cli("visitors", "--hours", hours, "--out", str(tmp_path / "v.csv"))
    assert code == 1 and message in err and len(err) < 300


@pytest.mark.parametrize("lon,lat", [(float("nan"), 25.8), (BIG, 25.8), (115.0, float("inf")), ("x", 25.8),
                                     (25.8, 115.0)])
def test_a_clicked_point_outside_china_is_one_error(mini, lon, lat):
    from network.routing import route_from_point
    with pytest.raises(NetworkError, match="is not a WGS84 lat, lon in China"):
        route_from_point(get_engine("existing", data_dir=mini), lon, lat)


def test_twenty_thousand_unknown_ids_are_one_short_line(mini, cli, monkeypatch):
    monkeypatch.setenv("ATLAS_DATA_DIR", str(mini))
    ids = ",".join(f"x{i}" for i in range(20_000))
    code, _, err = cli("route", "--from", "seat-a", "--to", "site-1", "--include", ids)
    assert code == 1 and err.rstrip().endswith("… and 19990 more") and len(err) < 400


def test_a_place_name_of_forty_thousand_characters_is_a_short_error(mini, cli, monkeypatch):
    monkeypatch.setenv("ATLAS_DATA_DIR", str(mini))
    code, _, err = cli("route", "--from", "甲乙" * 20_000, "--to", "site-1")
    assert code == 1 and "a place name of 40,000 characters" in err and len(err) < 200
