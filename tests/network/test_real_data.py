"""Engine on the real dataset: calibration within tolerance, every county reaches a national site."""
from __future__ import annotations

import numpy as np
import pytest

from network import Engine, access_table, origins_counties, route
from network.calibration import calibrate
from network.data import load_network_data
from network.ranking import find_projects
from network.scenario import resolve_scenario
from network_testutil import REAL, needs_real

pytestmark = needs_real


def test_calibration_within_tolerance():
    df = calibrate(data_dir=REAL)
    used = df[df["used"]]
    assert len(used) >= 12
    assert (used["problem"] == "").all(), used.loc[used["problem"] != "", ["from", "to", "problem"]]
    bad = used[~used["within"]]
    assert bad.empty, bad[["from", "to", "mode", "real_minutes", "model_minutes", "rel_error"]].to_string()
    assert set(used["mode"]) == {"hsr", "conventional_rail", "road", "air"}


def test_every_county_reaches_a_national_site():
    t = access_table("existing", origins_counties(data_dir=REAL), sites="national", data_dir=REAL)
    assert t["reachable"].all()
    assert (t["nearest_site_minutes"] > 0).all() and (t["nearest_site_minutes"] < 240).all()


def test_graph_builds_without_problems():
    eng = Engine("plan2035-full", data_dir=REAL)
    assert eng.parts.problems == []
    assert len(eng.site_ids("national")) >= 8


def test_named_routes():
    r = route("rs-ganzhouxi", "hs-ruijin-yeping", data_dir=REAL)
    assert r.reachable and 40 < r.minutes < 240
    assert route("gw-guangzhou", "hs-yudu-changzheng", data_dir=REAL).reachable


@pytest.mark.slow
def test_grid_access_existing_mostly_reachable():
    from network import origins_grid
    g = origins_grid(5, data_dir=REAL)
    t = access_table("existing", g, sites="national", data_dir=REAL)
    share = np.average(t["reachable"], weights=t["population"])
    assert share > 0.99


def test_names_and_close_matches():
    from network import find_place
    from network.errors import UnknownPlaceError
    assert find_place("瑞金市", data_dir=REAL) == "seat-ruijin"       # name without its bracketed part
    assert find_place("赣州西站", data_dir=REAL) == "rs-ganzhouxi"
    with pytest.raises(UnknownPlaceError) as e:
        find_place("瑞金", data_dir=REAL)
    msg = str(e.value)
    assert "瑞金站" in msg and "瑞金市" in msg and "瑞金机场" in msg


def test_freight_graph_has_waterways_passenger_graph_not():
    from network import build_graph
    modes_f = {d["mode"] for _, _, d in build_graph("plan2035-with-studies", data_dir=REAL, passenger=False).edges(data=True)}
    modes_p = {d["mode"] for _, _, d in build_graph("plan2035-with-studies", data_dir=REAL).edges(data=True)}
    assert "waterway" in modes_f and "waterway" not in modes_p


@pytest.mark.slow
def test_rank_gains_are_not_negative():
    from network import origins_grid
    from network.ranking import rank_projects
    r = rank_projects("existing", "plan2035-full", origins_grid(5, data_dir=REAL), data_dir=REAL)
    assert len(r) >= 10
    # adding a project only adds links (new stops on an existing line could slow through trains; none here)
    assert (r["add_pop_minutes"] >= -1e-6).all(), r[["project_id", "add_pop_minutes"]]
    assert (r["remove_pop_minutes"] >= -1e-6).all()
    assert r["add_pop_minutes"].iloc[0] > 0


@needs_real
def test_plan_items_are_drawn_not_ranked():
    # plan items (ports of entry, logistics hubs, studies) are not in the graph: as projects they would rank
    # with a gain of exactly 0 and fill a sweep with 2^9 useless portfolios
    data = load_network_data(REAL)
    projects = find_projects(resolve_scenario("existing", data=data), resolve_scenario("plan2035-full", data=data),
                             data)
    layers = {p.layer for p in projects}
    assert "plan_items" not in layers and {"railways", "expressways", "trunk_roads"} <= layers
    assert any(data.features[f]["layer"] == "plan_items" and data.features[f]["status"] != "existing"
               for f in resolve_scenario("plan2035-full", data=data).feature_ids)
