"""Scenario filtering by status, year, plan period, plan sets and explicit include/exclude."""
from __future__ import annotations

import pytest

from network import Scenario, resolve_scenario, scenario_features
from network.data import load_network_data
from network.errors import ScenarioError, UnknownFeatureError


def ids(spec, mini, **kw):
    return resolve_scenario(spec, data_dir=mini, **kw).feature_ids


def test_existing_has_only_existing(mini):
    s = ids("existing", mini)
    assert {"rail-hsr", "exp-1", "st-a", "air-1", "site-1"} <= s
    assert not {"rail-conv", "st-c", "tr-1", "tr-2", "tr-3", "exp-2"} & s


def test_years_use_planned_open_then_plan_period(mini):
    assert not {"rail-conv", "st-c", "tr-1"} & ids("2025", mini)
    assert {"rail-conv", "st-c", "tr-1"} <= ids("2030", mini)       # planned_open 2030; 十五五 → 2030
    assert "exp-2" not in ids("2030", mini) and "exp-2" in ids("2035", mini)


def test_undated_and_proposed_never_in_year_scenarios(mini):
    sc = resolve_scenario("2035", data_dir=mini)
    assert "tr-3" not in sc.feature_ids and "tr-3" in sc.undated     # planned, no date, no period
    assert "tr-2" not in sc.feature_ids                              # proposed
    assert {"tr-2", "tr-3"} <= ids("plan-full", mini)


def test_plan_set_exclude_and_max_year(mini):
    s = ids("plan-2030-no-road", mini)
    assert "rail-conv" in s and "tr-1" not in s and "exp-2" not in s


def test_include_exclude_on_top(mini):
    sc = resolve_scenario("existing", include=["rail-conv", "st-c"], exclude="exp-1", data_dir=mini)
    assert {"rail-conv", "st-c"} <= sc.feature_ids and "exp-1" not in sc.feature_ids
    assert sc.name == "existing+rail-conv,st-c-exp-1"
    assert isinstance(sc, Scenario) and sc.year is None


def test_unknown_ids_list_close_matches(mini):
    with pytest.raises(UnknownFeatureError, match="rail-conv"):
        resolve_scenario("existing", include=["rail-cnv"], data_dir=mini)
    with pytest.raises(UnknownFeatureError, match="unknown feature id"):
        resolve_scenario("existing", exclude=["nothing-like-it-at-all"], data_dir=mini)


def test_unknown_scenario(mini):
    with pytest.raises(ScenarioError, match="plan-full"):
        resolve_scenario("plan-ful", data_dir=mini)


def test_scenario_features_filters_without_mutating(mini):
    data = load_network_data(mini)
    before = len(data.layers["railways"])
    out = scenario_features(resolve_scenario("existing", data_dir=mini), data.layers)
    assert list(out["railways"]["id"]) == ["rail-hsr"]
    assert len(data.layers["railways"]) == before


def test_past_horizon_slips_to_data_date_plus_build_time():
    """A 十四五 (→2025) item still unbuilt at the 2026-11 data date cannot be open in 2025."""
    from network.params import load_params
    from network.scenario import opening_year

    params = load_params(data_dir=None).with_values(**{
        "scenario.as_of": "2026-11",
        "scenario.min_lead_years.planned": 4.0,
        "scenario.min_lead_years.under_construction": 1.0,
    })
    planned_past = {"status": "planned", "plan_period": "十四五"}
    assert opening_year(planned_past, params) == 2030                       # 2026 + 4, not 2025
    assert opening_year({"status": "planned", "planned_open": 2035}, params) == 2035
    assert opening_year({"status": "under_construction", "planned_open": 2025}, params) == 2027
    assert opening_year({"status": "under_construction", "planned_open": 2028}, params) == 2028
    assert opening_year({"status": "existing", "opened": "2021-12-10"}, params) == 2021
    assert opening_year({"status": "planned"}, params) is None             # undated stays undated
