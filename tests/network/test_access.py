"""Measures are pure functions of a long cost table; checked against answers worked out by hand."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from network import (access_table, cost_table, county_summary, exponential_decay, gravity_score,
                     nearest_site_minutes, origins_counties, sites_within)
from network.errors import NetworkError

COSTS = pd.DataFrame({
    "origin_id": ["a", "a", "b", "b", "c", "c"],
    "site_id": ["s1", "s2", "s1", "s2", "s1", "s2"],
    "minutes": [30.0, 90.0, 150.0, np.nan, np.nan, np.nan],
    "reason": ["", "", "", "no path", "far away", "far away"],
})


def test_nearest_site_minutes():
    n = nearest_site_minutes(COSTS)
    assert n.loc["a", "nearest_site_id"] == "s1" and n.loc["a", "nearest_site_minutes"] == 30
    assert n.loc["b", "nearest_site_minutes"] == 150
    assert math.isnan(n.loc["c", "nearest_site_minutes"]) and not n.loc["c", "reachable"]
    assert n.loc["c", "reason"] == "far away"


def test_sites_within():
    s = sites_within(COSTS, 90)
    assert s.to_dict() == {"a": 2, "b": 0, "c": 0}


def test_gravity_exponential():
    g = gravity_score(COSTS, beta_minutes=60)
    assert g["a"] == pytest.approx(math.exp(-0.5) + math.exp(-1.5))
    assert g["c"] == 0.0
    with pytest.raises(NetworkError, match="positive"):
        exponential_decay(0)


def test_measures_check_columns():
    with pytest.raises(NetworkError, match="minutes"):
        nearest_site_minutes(pd.DataFrame({"origin_id": [], "site_id": []}))


def test_county_summary_population_weighted():
    t = pd.DataFrame({"county": ["x", "x", "x", "y"], "population": [100.0, 300.0, 100.0, 50.0],
                      "nearest_site_minutes": [20.0, 70.0, np.nan, 200.0]})
    s = county_summary(t, thresholds=(30, 60, 90, 120)).set_index("county")
    assert s.loc["x", "share_within_30"] == pytest.approx(100 / 500)
    assert s.loc["x", "share_within_90"] == pytest.approx(400 / 500)
    assert s.loc["x", "mean_minutes"] == pytest.approx((100 * 20 + 300 * 70) / 400)
    assert s.loc["x", "worst_minutes"] == 70 and s.loc["x", "unreachable_population"] == 100
    assert s.loc["y", "share_within_120"] == 0


def test_cost_table_and_access_table_agree(mini):
    o = origins_counties(data_dir=mini)
    long = cost_table("existing", o, data_dir=mini)
    assert set(long.columns) >= {"origin_id", "site_id", "minutes", "reachable", "reason", "modes"}
    assert len(long) == 2 * 4
    t = access_table("existing", o, data_dir=mini).set_index("origin_id")
    n = nearest_site_minutes(long)
    assert t["nearest_site_minutes"].to_dict() == pytest.approx(n["nearest_site_minutes"].to_dict())
    # county-a sits on seat-a: nearest site is site-1 by road, 57 min
    assert t.loc["county-a", "nearest_site_minutes"] == pytest.approx(57, abs=0.01)
    national = access_table("existing", o, sites="national", data_dir=mini).set_index("origin_id")
    assert national.loc["county-a", "nearest_site_id"] == "site-4"
    assert (long.loc[long["site_id"] == "site-3", "reachable"] == False).all()  # noqa: E712


def test_isochrones_follow_the_network(mini):
    from network.isochrone import isochrones
    iso = isochrones("site-1", "existing", minutes=(30, 65), cell_km=2, data_dir=mini)
    assert list(iso["minutes"]) == [30, 65]
    a30, a60 = iso["area_km2"]
    assert 0 < a30 < a60
    # the 2 km cell centred 1.41 km from seat-a takes 4.2 + 57 = 61.2 min: inside 65 min, along the
    # expressway; a cell 39 km from every node (off the road) is unreachable, so not inside
    from shapely.geometry import Point
    from network.data import to_wgs84
    g65 = iso.geometry.iloc[1]
    assert g65.contains(Point(*to_wgs84(600_000 + 1000, 2_850_000 + 1000)))
    assert not g65.contains(Point(*to_wgs84(600_000 + 31_000, 2_850_000 + 25_000)))
    assert not iso.geometry.iloc[0].contains(Point(*to_wgs84(600_000 + 1000, 2_850_000 + 1000)))
