"""Visitors' measures and circuits on the tiny dataset; every number worked out by hand.

Mini parameters (tests/data/network/mini/params/parameters.csv), planned waits: rail access 5, boarding
margin 5 (not half the 20-min headway), hsr 120 km/h (60 km = 30 min), dwell 2, egress 3, transfer 4;
air check-in 30, margin 0 (not the 45-min capped wait), arrival 15; roads 1 on / 1 off, expressway 90 km/h
(60 km = 40 min); connectors 3 min per straight km; a city reaches its main station in 20 min.

Cities: mk-far IS gw-far (1,000,000 people; air only), mk-rail (500,000) has a 50-min HSR link to 乙城站
st-b, mk-road (200,000) a 40-min drive to 丙镇 town-c; mk-home is the region itself (left out).
Site-4 (62,62) is 2.83 km from 戊镇/戊镇站 (60,60): 8.49 min.
"""
from __future__ import annotations

import math

import numpy as np
import pytest

from geo.errors import LayerError
from network.circuits import best_order, circuit_table, load_circuits, path_minutes, site_matrix
from network.engine import get_engine
from network.errors import NetworkError, UnknownFeatureError
from network.measures import visitor_gain
from network.ranking import rank_projects
from network.visitors import (cluster_table, market_frame, population_curve, site_table, visitor_engine,
                              visitor_matrix)

CONNECT_SITE4 = 2.0 * math.sqrt(2) * 3            # 8.485 min from 戊镇站 to site-4
HSR_B_TO_E = 5 + 5 + 30 + 3                        # board at st-b (access, margin), ride 60 km, alight
T_RAIL = (20 + 5 + 5 + 50 + 4) + (5 + 30 + 3) + CONNECT_SITE4   # link, change at 乙城站, ride on to 戊镇站
T_FAR = (30 + 0 + 90 + 15) + 30 + (5 + 5 + 30 + 2 + 30 + 3) + CONNECT_SITE4   # fly, drive 10 km, hsr via st-b
T_ROAD = 40 + (1 + 40 + 1) + HSR_B_TO_E + CONNECT_SITE4                        # drive, expressway, hsr


@pytest.fixture
def vm(mini):
    return visitor_matrix(visitor_engine("existing", data_dir=mini), ["site-4"])


def test_city_to_site_minutes_by_hand(vm):
    got = dict(zip(vm.markets["market_id"], vm.minutes[:, 0]))
    assert set(got) == {"mk-far", "mk-rail", "mk-road"}  # the home market is not a visitor market
    assert got["mk-rail"] == pytest.approx(T_RAIL, abs=0.01)     # 130.49: changing train beats leaving st-b (134.49)
    assert got["mk-far"] == pytest.approx(T_FAR, abs=0.01)       # 248.49 (random waits would add 45 + 5)
    assert got["mk-road"] == pytest.approx(T_ROAD, abs=0.01)     # 133.49
    modes = {m: vm.mode_text(i, 0) for i, m in enumerate(vm.markets["market_id"])}
    assert "hsr" in modes["mk-rail"] and "air" in modes["mk-far"] and "expressway" in modes["mk-road"]
    assert list(vm.hubs[:, 0]) == ["gw-far", "st-b", "town-c"]


def test_planned_waits_are_shorter_than_random_ones(mini):
    random = visitor_matrix(get_engine("existing", data_dir=mini), ["site-4"])
    planned = visitor_matrix(visitor_engine("existing", data_dir=mini), ["site-4"])
    far = list(random.markets["market_id"]).index("mk-far")
    # random waits: air min(16 h × 60 / 8 / 2, 45) = 45, hsr 20 / 2 = 10 at each of the two boardings
    assert random.minutes[far, 0] - planned.minutes[far, 0] == pytest.approx(45 + (10 - 5), abs=0.01)


def test_site_measures_by_hand(vm, mini):
    eng = visitor_engine("existing", data_dir=mini)
    row = site_table(vm, eng.data, eng.params).iloc[0]
    assert row["pop_within_2h"] == 0                      # 130.5 and 133.5 min are over 2 h
    assert row["pop_within_3h"] == 500_000 + 200_000
    assert row["pop_within_5h"] == 1_700_000              # 248.5 min is within 5 h
    mean = (1e6 * T_FAR + 5e5 * T_RAIL + 2e5 * T_ROAD) / 1.7e6 / 60
    assert row["mean_hours"] == pytest.approx(mean, rel=1e-6)   # ≈ 3.34 h
    assert row["potential"] == pytest.approx(1e6 / T_FAR + 5e5 / T_RAIL + 2e5 / T_ROAD, rel=1e-6)  # a = 1
    clusters = cluster_table(vm, eng.data, eng.params)
    assert list(clusters["cluster"]) == ["county-b"] and clusters.iloc[0]["pop_within_3h"] == 700_000


def test_cluster_is_the_nearest_of_its_sites(mini):
    eng = visitor_engine("existing", data_dir=mini)
    vm = visitor_matrix(eng, ["site-1", "site-4"])
    per_site = site_table(vm, eng.data, eng.params).set_index("site_id")
    cluster = cluster_table(vm, eng.data, eng.params).iloc[0]
    best = np.nanmin(vm.minutes, axis=1)
    assert cluster["mean_hours"] == pytest.approx(np.average(best, weights=vm.markets["population"]) / 60)
    assert cluster["potential"] >= per_site["potential"].max()


def test_population_curve_is_cumulative(vm):
    curve = population_curve(vm.minutes[:, 0], vm.markets["population"].to_numpy(float), step_hours=0.5, max_hours=5)
    assert list(curve["hours"]) == [0.5 * k for k in range(1, 11)]
    at = dict(zip(curve["hours"], curve["population"]))
    assert at[2.0] == 0 and at[2.5] == 700_000 and at[4.0] == 700_000 and at[4.5] == 1_700_000


def test_visitor_gain_by_hand():
    pop = np.array([100.0, 10.0])
    before = np.array([[240.0, 300.0], [120.0, np.nan]])
    after = np.array([[150.0, 240.0], [120.0, 60.0]])
    g = visitor_gain(pop, before, after, within_minutes=180)
    # 100 people save 1.5 h and 1 h (2 sites): 250 people-hours / 2 sites; the NaN pair does not count
    assert g["pop_hours_saved"] == pytest.approx(125.0)
    assert g["pop_newly_within"] == 100  # the first city's nearest site goes from 240 to 150 min
    assert list(g["by_city"]) == pytest.approx([125.0, 0.0])


def test_visitor_ranking_by_hand_and_its_explanation(mini):
    df = rank_projects("existing", "2035", data_dir=mini, measures=("visitors",)).set_index("project_id")
    # exp-2 (甲城 → 戊镇, 84.85 km at 90 km/h, 1 on + 1 off) beats the train from 甲城站 to 戊镇站
    # (5 + 5 + 30 + 2 + 30 + 3 = 75 min) for the city that lands at 甲城机场: mk-far saves 75 − 58.57 min to
    # site-4; site-3 (national) is reachable from no city; gains are averaged over the 2 national sites
    saved = 75 - (1 + 60 * math.hypot(60, 60) / 90 + 1)
    assert df.loc["exp-2", "add_visitor_pop_hours"] == pytest.approx(1_000_000 * saved / 60 / 2, rel=1e-6)
    assert df.loc["exp-2", "add_visitor_pop_newly_within_3h"] == 0  # 248.5 → 232.1 min: still over 3 h
    assert df.loc["exp-2", "visitor_why"] == "from mk-far 100%; to 四号旧址"
    assert df.index[0] == "exp-2"  # sorted by the visitor gain when it is the only measure
    # the conventional line 乙城站 → 丙镇站 and the trunk road (60 km/h, slower than the HSR) speed nobody
    assert df.loc["rail-conv", "add_visitor_pop_hours"] == 0 and df.loc["tr-1", "add_visitor_pop_hours"] == 0
    assert df.loc["tr-1", "visitor_why"] == "no visitor trip to a national site gets faster"


def test_site_to_site_minutes_and_the_best_order_by_hand(mini):
    eng = visitor_engine("existing", data_dir=mini)
    ids = ["site-1", "site-2", "site-4"]
    M = site_matrix(eng, ids)
    s1_s2 = 15 + (1 + 40 + 1) + 15                    # to 乙城 (5 km), expressway to 丙镇, 5 km on
    s1_s4 = 15 + HSR_B_TO_E + CONNECT_SITE4            # to 乙城站 (5 km), hsr to 戊镇站
    s2_s4 = 15 + (1 + 40 + 1) + HSR_B_TO_E + CONNECT_SITE4
    assert M[0, 1] == pytest.approx(s1_s2, abs=0.01) and M[1, 0] == pytest.approx(s1_s2, abs=0.01)
    assert M[0, 2] == pytest.approx(s1_s4, abs=0.01) and M[1, 2] == pytest.approx(s2_s4, abs=0.01)
    assert path_minutes(M, [0, 1, 2]) == pytest.approx(s1_s2 + s2_s4, abs=0.01)        # the given order: 180.5
    order, total = best_order(M)
    assert [ids[i] for i in order] == ["site-2", "site-1", "site-4"]                   # 72 + 66.5 = 138.5
    assert total == pytest.approx(s1_s2 + s1_s4, abs=0.01)
    order, total = best_order(M, start=2)
    assert [ids[i] for i in order] == ["site-4", "site-1", "site-2"] and total == pytest.approx(s1_s4 + s1_s2, abs=0.01)


def test_named_circuits_load_and_are_timed(mini):
    eng = visitor_engine("existing", data_dir=mini)
    table = circuit_table(eng, load_circuits(eng.data))
    row = table.iloc[0]
    assert row["circuit_id"] == "c-test" and row["best_order"] == "site-2 site-1 site-4"
    assert row["best_minutes"] < row["minutes"]


def test_bad_circuits_and_markets_are_one_clear_error(mini, tmp_path):
    eng = visitor_engine("existing", data_dir=mini)
    with pytest.raises(UnknownFeatureError, match="not a heritage site in scenario existing: site-x"):
        site_matrix(eng, ["site-1", "site-x"])
    with pytest.raises(NetworkError, match="at most 8 sites"):
        best_order(np.zeros((9, 9)))
    import shutil
    bad = tmp_path / "data"
    shutil.copytree(mini, bad)
    (bad / "params" / "circuits.csv").write_text("circuit_id,name_zh,name_en,site_ids,source_or_reason\n"
                                                  "x,X,X,site-1 seat-a,reason\n", encoding="utf-8")
    with pytest.raises(NetworkError, match=r"line 2: .*not sites: seat-a"):
        load_circuits(visitor_engine("existing", data_dir=bad).data)
    (bad / "markets" / "links.csv").write_text("market_id,hub_id,mode,minutes,services_per_day,source,confidence,"
                                               "rule,notes\nmk-nowhere,st-b,boat,-5,,,low,,\n", encoding="utf-8")
    with pytest.raises(NetworkError, match="line 2: market_id 'mk-nowhere' is not a city.*mode 'boat'.*minutes '-5'"):
        visitor_matrix(visitor_engine("existing", data_dir=bad), ["site-4"])


def test_a_city_without_a_population_is_refused_by_the_schema(mini, tmp_path):
    import json
    import shutil
    from geo.store import load_layer
    bad = tmp_path / "data"
    shutil.copytree(mini, bad)
    p = bad / "layers" / "markets.geojson"
    doc = json.loads(p.read_text(encoding="utf-8"))
    del doc["features"][0]["properties"]["population"]
    p.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(LayerError, match="field=population: required field is missing"):
        load_layer("markets", data_dir=bad)


def test_market_frame_leaves_the_home_region_out_unless_asked(mini):
    eng = visitor_engine("existing", data_dir=mini)
    assert "mk-home" not in set(market_frame(eng.data)["market_id"])
    assert "mk-home" in set(market_frame(eng.data, include_home=True)["market_id"])
