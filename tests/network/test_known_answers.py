"""Known answers on the tiny dataset; every number below is worked out by hand from
tests/data/network/mini/params/parameters.csv:

hsr 240 km/h × 0.5 = 120 km/h (2 km/min), dwell 2, wait 20/2 = 10; conventional 60 km/h, wait 30;
rail access 5, egress 3, transfer 4; expressway 100 × 0.9 = 90 km/h (60 km = 40 min), road access /
egress / transfer 1, no wait; air check-in 30, arrival 15, wait min(16 h × 60 / 8 / 2, 45) = 45;
connectors: straight km × 1.5 at 30 km/h = 3 min per straight km.
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from network import Engine, route
from network.data import to_wgs84
from network.engine import get_engine
from network.origins import ORIGIN_COLUMNS

X0, Y0 = 600_000.0, 2_850_000.0


def point_origins(*pts_km) -> pd.DataFrame:
    rows = []
    for i, (xk, yk) in enumerate(pts_km):
        x, y = X0 + xk * 1000, Y0 + yk * 1000
        lon, lat = to_wgs84(x, y)
        rows.append({"origin_id": f"o{i}", "name": "", "county": "", "lon": lon, "lat": lat, "x": x, "y": y,
                     "population": 1.0})
    return pd.DataFrame(rows, columns=ORIGIN_COLUMNS)


def test_rail_boarding_costs_access_and_half_headway(mini):
    r = route("st-a", "st-b", data_dir=mini, modes={"hsr"})
    assert r.minutes == pytest.approx(5 + 10 + 30 + 3, abs=0.01)
    assert [leg.kind for leg in r.legs] == ["access", "wait", "ride", "egress"]


def test_dwell_paid_when_riding_through_not_when_boarding(mini):
    through = route("st-a", "st-e", data_dir=mini, modes={"hsr"})
    assert through.minutes == pytest.approx(5 + 10 + 30 + 2 + 30 + 3, abs=0.01)
    from_middle = route("st-b", "st-e", data_dir=mini, modes={"hsr"})
    assert from_middle.minutes == pytest.approx(5 + 10 + 30 + 3, abs=0.01)


def test_change_of_line_costs_transfer_plus_next_wait(mini):
    r = route("st-a", "st-c", "2030", data_dir=mini, modes={"hsr", "conventional_rail"})
    assert r.minutes == pytest.approx(5 + 10 + 30 + 4 + 30 + 60 + 3, abs=0.01)
    assert [leg.kind for leg in r.legs] == ["access", "wait", "ride", "transfer", "wait", "ride", "egress"]
    assert r.modes == ["hsr", "conventional_rail"]


def test_airport_processing_both_ways(mini):
    out = route("seat-a", "gw-far", data_dir=mini)
    back = route("gw-far", "seat-a", data_dir=mini)
    expected = 30 + 30 + 45 + 90 + 15  # connector 10 km + check-in + wait + block + arrival
    assert out.minutes == pytest.approx(expected, abs=0.01)
    assert back.minutes == pytest.approx(expected, abs=0.01)
    assert "air" in out.modes


def test_road_route_and_site_connector(mini):
    r = route("甲城", "一号旧址", data_dir=mini)  # names, not ids
    assert r.minutes == pytest.approx(1 + 40 + 1 + 15, abs=0.01)
    assert r.legs[-1].kind == "connector" and r.legs[-1].to_id == "site-1"


def test_origin_connector_and_direct_local_trip(mini):
    eng = get_engine("existing", data_dir=mini)
    cm = eng.cost_matrix(point_origins((0, 3), (60, 7)), ["site-1"])
    # 3 km to seat-a (9 min) then the road route (57 min)
    assert cm.minutes[0, 0] == pytest.approx(9 + 57, abs=0.01)
    # 2 km from site-1: a direct local trip (6 min) beats going via seat-b (7 km = 21 min + 15)
    assert cm.minutes[1, 0] == pytest.approx(6, abs=0.01)


def test_unreachable_is_nan_with_reason_never_zero(mini):
    eng = get_engine("existing", data_dir=mini)
    cm = eng.cost_matrix(point_origins((0, 0), (60, 120)), ["site-1", "site-3"])
    assert np.isnan(cm.minutes[0, 1])          # site-3 has no network node within 10 km
    assert np.isnan(cm.minutes[1]).all()       # origin 60 km from any node
    assert "no network node within 20 km" in cm.origin_reason[1]
    long = cm.to_long()
    bad = long[~long["reachable"]]
    assert (bad["reason"] != "").all() and bad["minutes"].isna().all()
    r = route("seat-a", "site-3", data_dir=mini)
    assert not r.reachable and math.isnan(r.minutes) and r.reason


def test_scenario_year_changes_routes(mini):
    assert not route("st-b", "st-c", "existing", data_dir=mini).reachable  # st-c planned for 2030
    assert route("st-b", "st-c", "2030", data_dir=mini, modes={"conventional_rail"}).minutes == \
        pytest.approx(5 + 30 + 60 + 3, abs=0.01)


def test_exclude_reroutes(mini):
    base = route("seat-a", "site-1", data_dir=mini).minutes
    without = route("seat-a", "site-1", data_dir=mini, exclude=["exp-1"]).minutes
    assert without > base
    assert without == pytest.approx(0 + 5 + 10 + 30 + 3 + 0 + 15, abs=0.01)  # by hsr: seat-a=st-a, st-b=seat-b


def test_engine_edges_carry_required_attributes(mini):
    G = Engine("2030", data_dir=mini).nx_graph()
    kinds = set()
    for _, _, d in G.edges(data=True):
        assert {"minutes", "mode", "length_m", "feature_id", "line", "kind", "service"} <= set(d)
        assert d["minutes"] >= 0
        kinds.add(d["kind"])
    assert {"ride", "dwell", "access", "egress", "transfer", "wait", "connector"} <= kinds
    rides = [d for _, _, d in G.edges(data=True) if d["kind"] == "ride"]
    assert {d["feature_id"] for d in rides} >= {"rail-hsr", "rail-conv", "exp-1", "air-1"}
    seg = [d for u, v, d in G.edges(data=True) if d["kind"] == "ride" and d["feature_id"] == "exp-1"]
    assert seg[0]["length_m"] == pytest.approx(60_000, rel=1e-4)


def test_line_boarded_only_at_its_stops(mini):
    G = Engine("existing", data_dir=mini).nx_graph()
    for u, v, d in G.edges(data=True):
        if d["kind"] == "wait":
            assert G.nodes[u]["kind"] == "platform"
            stop = G.nodes[v]["hub"]
            f = d["feature_id"]
            assert stop in {"rail-hsr": ["st-a", "st-b", "st-e"], "exp-1": ["seat-a", "seat-b", "town-c"],
                            "air-1": ["ap-a", "gw-far"]}[f]
