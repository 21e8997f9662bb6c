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
