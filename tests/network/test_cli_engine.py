"""CLI: route/access/compare/rank/calibrate/export-graph, and bad names/files → message, exit 1, no traceback."""
from __future__ import annotations

import json

import pandas as pd
import pytest

import atlas_cli


@pytest.fixture
def cli(mini, monkeypatch, capsys):
    monkeypatch.setenv("ATLAS_DATA_DIR", str(mini))

    def run(*argv):
        code = atlas_cli.main(list(argv))
        out, err = capsys.readouterr()
        assert "Traceback" not in out + err
        return code, out, err
    return run


def test_route_json(cli):
    code, out, _ = cli("route", "--from", "甲城", "--to", "一号旧址", "--json")
    assert code == 0
    doc = json.loads(out)
    assert doc["minutes"] == pytest.approx(57, abs=0.01)
    assert [leg["kind"] for leg in doc["legs"]][-1] == "connector"


def test_route_text_and_unreachable(cli):
    code, out, _ = cli("route", "--from", "seat-a", "--to", "gw-far")
    assert code == 0 and "210 min (3 h 30)" in out
    code, _, err = cli("route", "--from", "seat-a", "--to", "site-3")
    assert code == 1 and "unreachable" in err


@pytest.mark.parametrize("argv,msg", [
    (["route", "--from", "甲", "--to", "乙城"], "甲城"),                       # close matches listed
    (["route", "--from", "seat-a", "--to", "site-1", "--include", "rail-cnv"], "rail-conv"),
    (["route", "--from", "seat-a", "--to", "site-1", "--scenario", "plan-ful"], "plan-full"),
    (["route", "--from", "seat-a", "--to", "site-1", "--modes", "rocket"], "unknown mode"),
    (["access", "--origins", "nope.csv", "--out", "x.csv"], "not found"),
    (["access", "--origins", "counties", "--out", "x.xlsx"], ".csv or .geojson"),
    (["access", "--origins", "grid:abc", "--out", "x.csv"], "grid:KM"),
])
def test_bad_input_exits_1_with_message(cli, tmp_path, monkeypatch, argv, msg):
    monkeypatch.chdir(tmp_path)
    code, out, err = cli(*argv)
    assert code == 1
    assert msg in err


def test_bad_origins_file(cli, tmp_path):
    f = tmp_path / "o.csv"
    f.write_text("lon,lat\n25.7,115.0\n", encoding="utf-8")
    code, _, err = cli("access", "--origins", str(f), "--out", str(tmp_path / "a.csv"))
    assert code == 1 and "swapped" in err


def test_access_csv_and_geojson(cli, tmp_path):
    out = tmp_path / "a.csv"
    assert cli("access", "--scenario", "existing", "--origins", "counties", "--out", str(out))[0] == 0
    df = pd.read_csv(out)
    assert list(df.columns[:10]) == ["origin_id", "name", "county", "lon", "lat", "population", "nearest_site_id",
                                     "nearest_site_minutes", "sites_within_60", "sites_within_120"]
    gj = tmp_path / "a.geojson"
    assert cli("access", "--origins", "grid:10", "--sites", "national", "--out", str(gj))[0] == 0
    doc = json.loads(gj.read_text(encoding="utf-8"))
    assert doc["type"] == "FeatureCollection" and doc["features"]
    unreachable = [f for f in doc["features"] if not f["properties"]["reachable"]]
    assert unreachable and all(f["properties"]["nearest_site_minutes"] is None and f["properties"]["reason"]
                               for f in unreachable)


def test_compare_rank_export(cli, tmp_path):
    assert cli("compare", "--base", "existing", "--with", "2035", "--origins", "counties",
               "--out", str(tmp_path / "c.csv"))[0] == 0
    assert (tmp_path / "c_counties.csv").exists() and (tmp_path / "c_gateways.csv").exists()
    assert cli("rank", "--base", "existing", "--with", "plan-full", "--origins", "counties",
               "--out", str(tmp_path / "r.csv"))[0] == 0
    r = pd.read_csv(tmp_path / "r.csv")
    assert r["project_id"].iloc[0] == "exp-2" and "remove_pop_minutes" in r
    g = tmp_path / "g.graphml"
    assert cli("export-graph", "--scenario", "2030", "--out", str(g))[0] == 0
    import networkx as nx
    G = nx.read_graphml(g)
    assert G.number_of_edges() > 0 and json.loads(G.graph["hubs"])


def test_route_text_hides_zero_minute_legs_json_keeps_them(cli):
    # 甲城 → 一号旧址 by expressway: the road's wait is 0 min (no headway on a road)
    code, out, _ = cli("route", "--from", "甲城", "--to", "一号旧址", "--json")
    legs = json.loads(out)["legs"]
    assert [(leg["kind"], leg["minutes"]) for leg in legs] == [("access", 1.0), ("wait", 0.0), ("ride", 40.0),
                                                               ("egress", 1.0), ("connector", 15.0)]
    code, out, _ = cli("route", "--from", "甲城", "--to", "一号旧址")
    assert code == 0
    lines = out.splitlines()[1:]
    assert [line.split()[0] for line in lines] == ["1.0", "40.0", "1.0", "15.0"]
    assert not any("wait" in line for line in lines)


def _decimals(text: str) -> int:
    return len(text.partition(".")[2])


def test_csv_numbers_are_rounded_for_reading(cli, tmp_path):
    import csv
    assert cli("access", "--origins", "grid:10", "--out", str(tmp_path / "a.csv"))[0] == 0
    rows = list(csv.DictReader((tmp_path / "a.csv").open(encoding="utf-8")))
    # 1000 people over the 36 cells of county-a: 27.8 → 28 (an integer, not 27.77777…)
    assert {r["population"] for r in rows if r["county"] == "county-a"} == {"28"}
    assert all(_decimals(r["nearest_site_minutes"]) <= 1 and _decimals(r["gravity"]) <= 3 for r in rows)
    assert cli("compare", "--base", "existing", "--with", "2035", "--origins", "counties",
               "--out", str(tmp_path / "c.csv"))[0] == 0
    c = list(csv.DictReader((tmp_path / "c.csv").open(encoding="utf-8")))
    # county-a: 88.49 → 67.06 min (exp-2, see test_compare.test_rank_known_gain)
    assert (c[0]["minutes_base"], c[0]["minutes_with"], c[0]["minutes_saved"]) == ("88.5", "67.1", "21.4")
    cc = list(csv.DictReader((tmp_path / "c_counties.csv").open(encoding="utf-8")))
    assert all(_decimals(r[k]) <= 3 for r in cc for k in r if k.startswith("share_"))
    assert cli("rank", "--base", "existing", "--with", "plan-full", "--origins", "counties",
               "--out", str(tmp_path / "r.csv"))[0] == 0
    top = next(csv.DictReader((tmp_path / "r.csv").open(encoding="utf-8")))
    # 1000 people × 21.43 min = 21 431 person-minutes; per inhabitant of the 3 000: 7.14 min
    assert (top["project_id"], top["add_pop_minutes"], top["add_mean_minutes"]) == ("exp-2", "21431", "7.14")


def test_rounding_stays_in_the_cli(mini):
    from network import access_table, origins_grid
    t = access_table("existing", origins_grid(10, data_dir=mini), data_dir=mini)
    assert t.loc[t["county"] == "county-a", "population"].iloc[0] == pytest.approx(1000 / 36)


@pytest.mark.parametrize("argv,msg", [
    (["access", "--out", "d.csv"], "is a folder"),
    (["access", "--out", "f.txt/a.csv"], "is not a folder"),
    (["access", "--out", "nodir/a.csv"], "does not exist"),
    (["compare", "--base", "existing", "--with", "2035", "--out", "d.csv"], "is a folder"),
    (["rank", "--base", "existing", "--with", "2035", "--out", "nodir/r.csv"], "does not exist"),
    (["export-graph", "--out", "f.txt/g.graphml"], "is not a folder"),
    (["calibrate", "--out", "nodir/c.csv"], "--out nodir/c.csv"),          # checked before calibrating
    (["access", "--origins", "empty.csv", "--out", "a.csv"], "empty"),
    (["access", "--origins", "d.csv", "--out", "a.csv"], "is a folder"),
    (["compare", "--base", "existing", "--with", "nope", "--out", "c.csv"], "unknown scenario 'nope'"),
    (["rank", "--base", "nope", "--with", "2035", "--out", "r.csv"], "unknown scenario 'nope'"),
    (["export-graph", "--scenario", "nope", "--out", "g.graphml"], "unknown scenario 'nope'"),
    (["route", "--from", "seat-a", "--to", "site-1", "--add", "empty.csv"], "not valid JSON"),
    (["route", "--from", "seat-a", "--to", "site-1", "--add", "d.csv"], "is a folder"),
])
def test_bad_paths_exit_1_with_one_line(cli, tmp_path, monkeypatch, argv, msg):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "d.csv").mkdir()
    (tmp_path / "f.txt").write_text("x", encoding="utf-8")
    (tmp_path / "empty.csv").write_text("", encoding="utf-8")
    code, out, err = cli(*argv)
    assert code == 1
    assert msg in err and len(err.strip().splitlines()) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.csv", "empty.csv", "f.txt"]  # nothing written


def test_unwritable_out_and_unreadable_origins(cli, tmp_path, monkeypatch):
    import geo.fileio
    from pathlib import Path

    def refuse(path, data):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(geo.fileio, "atomic_write_bytes", refuse)
    code, _, err = cli("access", "--out", str(tmp_path / "a.csv"))
    assert code == 1 and "cannot write the file (Permission denied); nothing was written" in err
    monkeypatch.undo()
    f = tmp_path / "o.csv"
    f.write_text("lon,lat\n115,25.7\n", encoding="utf-8")
    real = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda p: (_ for _ in ()).throw(PermissionError(13, "Permission denied"))
                        if p.name == "o.csv" else real(p))
    code, _, err = cli("access", "--origins", str(f), "--out", str(tmp_path / "a.csv"))
    assert code == 1 and "cannot read origins file (Permission denied)" in err


def test_calibrate_unknown_scenario_is_one_error(cli, mini, tmp_path, monkeypatch):
    import shutil
    data = tmp_path / "data"
    shutil.copytree(mini, data)
    (data / "calibration.csv").write_text("from,to,mode,real_minutes,use,source,confidence,notes\n"
                                          "st-a,st-e,hsr,62,yes,s 2020,high,\nst-a,st-b,hsr,30,yes,s 2020,high,\n",
                                          encoding="utf-8")
    monkeypatch.setenv("ATLAS_DATA_DIR", str(data))
    code, out, err = cli("calibrate", "--scenario", "nope")
    assert code == 1 and out == "" and err.count("unknown scenario 'nope'") == 1


def test_cli_visitors_writes_sites_clusters_and_cities(cli, tmp_path):
    import pandas as pd
    out = tmp_path / "v.csv"
    code, text, _ = cli("visitors", "--scenario", "existing", "--sites", "site-4", "--hours", "3,5", "--out", str(out))
    assert code == 0 and "1 sites × 3 cities (1,700,000 people)" in text
    row = pd.read_csv(out).iloc[0]
    assert row["site_id"] == "site-4" and row["pop_within_3h"] == 700_000 and row["pop_within_5h"] == 1_700_000
    assert "pop_within_2h" not in pd.read_csv(out).columns  # --hours replaced the thresholds
    cities = pd.read_csv(tmp_path / "v_cities.csv")
    assert set(cities["market_id"]) == {"mk-far", "mk-rail", "mk-road"}
    assert (tmp_path / "v_clusters.csv").exists()
    code, _, _ = cli("visitors", "--out", str(tmp_path / "v.geojson"))
    assert code == 0 and '"type": "Point"' in (tmp_path / "v.geojson").read_text(encoding="utf-8")


@pytest.mark.parametrize("argv, message", [
    (("visitors", "--sites", "site-x", "--out", "X"), "unknown place 'site-x'"),
    (("visitors", "--hours", "3,abc", "--out", "X"), "visitors.thresholds_hours: expected numbers"),
    (("circuit", "--sites", "site-1,nowhere"), "unknown place 'nowhere'"),
    (("circuit", "--sites", "site-1"), "a circuit needs two or more different sites"),
    (("circuit",), "give --sites IDS or --circuit ID"),
    (("circuit", "--circuit", "c-none"), "unknown circuit 'c-none'; circuits: c-test"),
])
def test_cli_visitors_and_circuit_bad_input_is_one_line(cli, tmp_path, argv, message):
    argv = tuple(str(tmp_path / "v.csv") if a == "X" else a for a in argv)
    code, _, err = cli(*argv)
    assert code == 1 and message in err and len(err.strip().splitlines()) == 1


def test_cli_circuit_legs_total_and_best_order(cli):
    code, text, _ = cli("circuit", "--sites", "site-1,site-2,site-4", "--best-order")
    assert code == 0
    assert "total 180 min (3 h 00)" in text  # 72 + 108.5 (worked out in test_visitors.py)
    assert "best order: 二号旧址 → 一号旧址 → 四号旧址 (138 min (2 h 18))" in text
    code, text, _ = cli("circuit", "--list")
    assert code == 0 and text.startswith("c-test")


def test_cli_rank_both_measures(cli, tmp_path):
    import pandas as pd
    out = tmp_path / "r.csv"
    code, _, _ = cli("rank", "--baseline", "existing", "--with", "2035", "--origins", "grid:10", "--out", str(out))
    df = pd.read_csv(out).set_index("project_id")
    assert code == 0 and {"add_mean_minutes", "add_visitor_pop_hours", "visitor_why"} <= set(df.columns)
    assert df.loc["exp-2", "add_visitor_pop_hours"] > 0
    code, _, _ = cli("rank", "--baseline", "existing", "--with", "2035", "--measure", "residents", "--origins",
                     "grid:10", "--out", str(out))
    assert code == 0 and "visitor_why" not in pd.read_csv(out).columns
