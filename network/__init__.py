"""Analytical engine of the Gannan Planning Atlas: scenario graphs, routing and accessibility measures.

Public API (documented in docs/ENGINE_API.md); import from here or from the topic modules.
"""
from __future__ import annotations

from network.access import access_table, cost_matrix, cost_table, county_summary
from network.measures import exponential_decay, gravity_score, nearest_site_minutes, sites_within
from network.engine import CostMatrix, Engine, clear_cache, get_engine
from network.errors import (DataNotReadyError, NetworkError, OriginsError, ParameterError, ScenarioError,
                            UnknownFeatureError, UnknownPlaceError)
from network.graph import EDGE_KINDS, MODES, PASSENGER_MODES, build_graph
from network.origins import origins_counties, origins_from_file, origins_gateways, origins_grid, parse_origins
from network.params import Params, load_params
from network.routing import Leg, Route, find_place, route
from network.scenario import Scenario, resolve_scenario, scenario_features, scenario_names

__all__ = [
    "access_table", "cost_matrix", "cost_table", "county_summary", "exponential_decay", "gravity_score",
    "nearest_site_minutes", "sites_within", "CostMatrix", "Engine", "clear_cache", "get_engine",
    "DataNotReadyError", "NetworkError", "OriginsError", "ParameterError", "ScenarioError",
    "UnknownFeatureError", "UnknownPlaceError", "EDGE_KINDS", "MODES", "PASSENGER_MODES", "build_graph",
    "origins_counties", "origins_from_file", "origins_gateways", "origins_grid", "parse_origins", "Params",
    "load_params", "Leg", "Route", "find_place", "route", "Scenario", "resolve_scenario", "scenario_features",
    "scenario_names",
]
