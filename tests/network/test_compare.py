"""Scenario comparison and project ranking on the tiny dataset (known answers)."""
from __future__ import annotations

import pytest

from network import origins_counties, resolve_scenario
from network.compare import compare_scenarios, gateway_site_table
from network.ranking import find_projects, rank_projects
from network.data import load_network_data
from network.engine import get_engine


def test_projects_group_lines_with_their_new_stations(mini):
    data = load_network_data(mini)
    p = {x.project_id: x for x in find_projects(resolve_scenario("existing", data_dir=mini),
                                                 resolve_scenario("plan-full", data_dir=mini), data)}
    assert set(p) == {"rail-conv", "exp-2", "tr-1", "tr-2", "tr-3"}
    assert p["rail-conv"].feature_ids == {"rail-conv", "st-c"}


def test_rank_known_gain(mini):
    r = rank_projects("existing", "plan-full", origins_counties(data_dir=mini), data_dir=mini).set_index("project_id")
    # exp-2 (seat-a → town-e, 84.85 km at 90 km/h = 56.57 min) brings county-a (pop 1000) to site-4:
    # before: hsr 5+10+62+3 + 8.49 connector = 88.49; after: 1+56.57+1+8.49 = 67.06 → 21.43 min saved
    assert r.loc["exp-2", "add_pop_minutes"] == pytest.approx(1000 * 21.43, rel=1e-3)
    assert r.loc["exp-2", "remove_pop_minutes"] == pytest.approx(1000 * 21.43, rel=1e-3)
    assert r.loc["rail-conv", "add_pop_minutes"] == 0
    assert r.index[0] == "exp-2"  # sorted by gain


def test_compare_per_origin_and_county(mini):
    c = compare_scenarios("existing", "2035", origins_counties(data_dir=mini), data_dir=mini)
    po = c.per_origin.set_index("origin_id")
    assert po.loc["county-a", "minutes_saved"] == pytest.approx(21.43, abs=0.01)
    assert po.loc["county-b", "minutes_saved"] == pytest.approx(0, abs=1e-9)
    cc = c.per_county.set_index("county")
    assert cc.loc["county-a", "mean_minutes_saved"] == pytest.approx(21.43, abs=0.01)
    assert c.gateway_sites.empty and len(c.notes) == 5  # no 广州/深圳/… in the tiny data: reported


def test_gateway_table(mini):
    t, notes = gateway_site_table(get_engine("existing", data_dir=mini), get_engine("2035", data_dir=mini), cities=("远方",))
    assert notes == [] and set(t["site_id"]) == {"site-3", "site-4"}
    row = t.set_index("site_id").loc["site-4"]
    # gw-far → ap-a by air (30+45+90+15) then 30 min to seat-a, hsr to st-e 80, connector 8.49
    assert row["minutes_base"] == pytest.approx(210 + 80 + 8.49, abs=0.02)


@pytest.mark.parametrize("extra", [["st-c"], ["rail-conv", "st-c"], ["exp-2"], ["tr-1"], ["tr-2"]])
def test_adding_features_never_slows_any_trip(mini, extra):
    from network import Engine
    base = Engine("existing", data_dir=mini)
    more = Engine("existing", data_dir=mini, include=extra)
    sites = base.site_ids("all")
    Db, _ = base.to_sites(sites)
    Dm, _ = more.to_sites(sites)
    for node, i in base.graph.index.items():
        j = more.graph.index[node]
        assert (Dm[:, j] <= Db[:, i] + 1e-9).all(), node


def test_gain_by_hand():
    import numpy as np
    from network.measures import gain
    pop = np.array([100.0, 200.0, 300.0, 400.0])
    before = np.array([70.0, 50.0, np.nan, 130.0])
    after = np.array([50.0, 50.0, 100.0, 110.0])
    # saved: 100 × 20 + 400 × 20 (the third origin was unreachable: not counted) = 10 000 over 1 000 people;
    # within 60: the first origin (100) comes in; within 120: the third (300) and the fourth (400) come in
    g = gain(pop, before, after, thresholds=(60, 120))
    assert list(g) == ["pop_minutes", "mean_minutes", "pop_newly_within_60", "pop_newly_within_120",
                       "pop_newly_reachable"]
    assert list(g.values()) == pytest.approx([10_000, 10.0, 100, 700, 300])
    assert list(gain(pop, after, before, thresholds=(60, 120)).values()) == pytest.approx([-10_000, -10.0, -100, -700, 0])
