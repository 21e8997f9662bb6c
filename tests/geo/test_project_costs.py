"""data/params/project_costs.csv: one sourced investment figure (亿元) per plan project feature, or `unknown`.

Checks the table's form against the layers; the figures themselves are documented in docs/data/costs.md.
"""
from __future__ import annotations

import csv
import json
import math
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
COSTS = ROOT / "data" / "params" / "project_costs.csv"
LAYERS = ("railways", "expressways", "trunk_roads", "airports", "waterways", "ports")
HEADER = ["feature_id", "name_zh", "cost_yi_yuan", "cost_status", "basis", "scope", "year", "source", "url",
          "confidence", "note"]
STATUSES = {"published", "estimate", "unknown"}
CONFIDENCES = {"high", "medium", "low"}


def _features() -> dict[str, dict]:
    out: dict[str, dict] = {}
    for layer in LAYERS:
        path = ROOT / "data" / "layers" / f"{layer}.geojson"
        for f in json.loads(path.read_text(encoding="utf-8"))["features"]:
            out[f["properties"]["id"]] = f["properties"]
    return out


@pytest.fixture(scope="module")
def table() -> tuple[list[str], list[dict[str, str]]]:
    with COSTS.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or []), list(reader)


@pytest.fixture(scope="module")
def features() -> dict[str, dict]:
    return _features()


def test_header(table):
    header, _ = table
    assert header == HEADER


def test_one_row_per_feature_and_ids_exist(table, features):
    _, rows = table
    ids = [r["feature_id"] for r in rows]
    assert len(ids) == len(set(ids)), "duplicate feature_id"
    unknown_ids = [i for i in ids if i not in features]
    assert not unknown_ids, f"not in the layers: {unknown_ids}"


def test_every_plan_feature_has_a_row(table, features):
    _, rows = table
    ids = {r["feature_id"] for r in rows}
    plan = {i for i, p in features.items() if p["status"] != "existing"}
    assert plan - ids == set(), f"plan features without a cost row: {sorted(plan - ids)}"
    existing = sorted(i for i in ids if features[i]["status"] == "existing")
    assert not existing, f"rows for existing features: {existing}"


def test_name_matches_layer(table, features):
    _, rows = table
    for r in rows:
        assert r["name_zh"] == features[r["feature_id"]]["name_zh"], r["feature_id"]


def test_status_and_cost(table):
    _, rows = table
    for r in rows:
        fid, status, cost = r["feature_id"], r["cost_status"], r["cost_yi_yuan"].strip()
        assert status in STATUSES, (fid, status)
        if status == "unknown":
            assert cost == "", f"{fid}: unknown but has a cost"
            continue
        assert cost != "", f"{fid}: {status} without a cost"
        value = float(cost)
        assert math.isfinite(value) and value > 0, (fid, cost)


def test_sourced_rows(table):
    _, rows = table
    for r in rows:
        if r["cost_status"] == "unknown":
            assert r["note"].strip(), f"{r['feature_id']}: say what was searched"
            continue
        fid = r["feature_id"]
        for col in ("source", "basis", "scope"):
            assert r[col].strip(), f"{fid}: {col} empty"
        assert r["confidence"] in CONFIDENCES, (fid, r["confidence"])
        if r["year"].strip():
            assert 1990 <= int(r["year"]) <= 2100, (fid, r["year"])
        if r["url"].strip():
            assert r["url"].startswith(("http://", "https://")), (fid, r["url"])


def test_derived_figures_say_so(table):
    """An estimate that is pro-rated or derived must say so in its note."""
    _, rows = table
    for r in rows:
        if r["cost_status"] == "estimate" and ("pro-rat" in r["basis"].lower() or "推算" in r["basis"]):
            note = r["note"].upper()
            assert "PRO-RATED" in note or "DERIVED" in note, r["feature_id"]
