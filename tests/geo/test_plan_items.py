"""The plan, item by item (geo.planitems) and the real plan_items layer and urban expressways (issue 15)."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from geo.planitems import (NO_PERIOD, PLAN_COLUMNS, filter_plan_rows, plan_item_rows, plan_items_csv, plan_periods,
                           plan_system)
from geo.schema import PLAN_SYSTEMS

ROOT = Path(__file__).resolve().parents[2]
LAYERS_DIR = ROOT / "data" / "layers"


def _props(layer: str) -> list[dict]:
    return [f["properties"] for f in json.loads((LAYERS_DIR / f"{layer}.geojson").read_text(encoding="utf-8"))["features"]]


# --- the table, on small inputs ------------------------------------------------------------------------------------

def test_system_of_each_layer():
    assert plan_system("railways", {"rail_class": "hsr"}) == "rail"
    assert plan_system("trunk_roads", {"road_class": "urban_expressway"}) == "urban_road"
    assert plan_system("trunk_roads", {"road_class": "national"}) == "trunk_road"
    assert plan_system("ports", {"port_kind": "inland_port"}) == "logistics"
    assert plan_system("ports", {"port_kind": "wharf"}) == "water"
    assert plan_system("plan_items", {"system": "port_of_entry"}) == "port_of_entry"


def test_rows_leave_out_gateway_legs_but_keep_gateway_plan_items():
    layers = {"railways": [{"id": "r1", "status": "existing"}, {"id": "r-gw", "status": "existing", "scope": "gateway"}],
              "plan_items": [{"id": "p1", "status": "existing", "system": "logistics", "scope": "gateway"}],
              "stations": [{"id": "s1", "status": "existing"}]}
    rows = plan_item_rows(layers)
    assert [r["id"] for r in rows] == ["r1", "p1"]  # PLAN_SYSTEMS order: rail before logistics; stations are no items
    assert {r["routed"] for r in rows} == {"yes", "no"}
    assert all(set(r) == set(PLAN_COLUMNS) for r in rows)


def test_filters_and_periods():
    rows = plan_item_rows({"railways": [
        {"id": "a", "status": "planned", "plan_period": "十四五"},
        {"id": "b", "status": "existing", "plan_period": float("nan"), "planned_open": 2030.0},
        {"id": "c", "status": "study", "plan_period": "中长期"}]})
    assert plan_periods(rows) == [NO_PERIOD, "中长期", "十四五"]
    assert [r["id"] for r in filter_plan_rows(rows, periods=[NO_PERIOD])] == ["b"]
    assert [r["id"] for r in filter_plan_rows(rows, statuses=["planned", "study"], periods=["十四五"])] == ["a"]
    assert filter_plan_rows(rows, systems=["air"]) == []
    assert next(r for r in rows if r["id"] == "b")["planned_open"] == 2030  # a float year read back by pandas


def test_csv_has_every_column_and_defuses_formulas():
    rows = plan_item_rows({"plan_items": [{"id": "p", "status": "proposed", "system": "logistics",
                                           "name_zh": "=HYPERLINK(\"http://x\")", "source": "s 2020"}]})
    parsed = list(csv.DictReader(io.StringIO(plan_items_csv(rows))))
    assert list(parsed[0]) == list(PLAN_COLUMNS)
    assert not parsed[0]["name_zh"].startswith("=")


# --- the real data ------------------------------------------------------------------------------------------------

def test_real_plan_items_are_sourced_and_cover_the_issue_systems():
    items = _props("plan_items")
    assert len(items) >= 15
    for p in items:
        assert p["source"] and p["confidence"] in ("high", "medium", "low") and p["accuracy_m"], p["id"]
        assert p["plan_ref"], p["id"]
        if p["status"] == "existing":
            assert p.get("opened"), p["id"]
    assert {p["system"] for p in items} >= {"port_of_entry", "logistics", "urban_rail", "urban_road", "freight_rail",
                                             "trunk_road"}


def test_real_table_lists_every_system_with_sources():
    layers = {name: _props(name) for name in ("railways", "expressways", "trunk_roads", "airports", "waterways", "ports",
                                              "plan_items")}
    rows = plan_item_rows(layers)
    assert {r["system"] for r in rows} == set(PLAN_SYSTEMS)
    assert all(r["source"] for r in rows)


URBAN_JOINS = {"ic-ganzhou-dong", "ic-ganzhou-nan", "ic-ganzhou-xi", "ic-ganxian-bei", "ic-ganzhou-bei"}


def test_urban_expressways_join_the_ring_and_radial_expressways():
    urban = [p for p in _props("trunk_roads") if p["road_class"] == "urban_expressway"]
    assert len(urban) >= 6
    expressway_nodes = {n for p in _props("expressways") for n in p["node_ids"]}
    joins = {n for p in urban for n in p["node_ids"]} & expressway_nodes
    assert joins == URBAN_JOINS, joins
    existing_joins = {n for p in urban if p["status"] == "existing" for n in p["node_ids"]} & expressway_nodes
    assert existing_joins >= {"ic-ganzhou-dong", "ic-ganzhou-xi", "ic-ganxian-bei", "ic-ganzhou-bei"}
    for p in urban:
        assert "traced from description" in p["notes"] and p["confidence"] in ("low", "medium"), p["id"]
        assert p["status"] != "existing" or p.get("opened"), p["id"]


@pytest.mark.parametrize("pid, lengths", [("road-u-yingbin", 13.37), ("road-u-gannan-4", 20.3), ("road-u-shahe", 3.64)])
def test_urban_published_lengths_are_kept(pid, lengths):
    p = next(p for p in _props("trunk_roads") if p["id"] == pid)
    assert p["length_km"] == pytest.approx(lengths)
