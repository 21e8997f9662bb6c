"""The plan, item by item: every local feature of the transport layers and of ``plan_items`` as one table.

A planner checks the plan against this table (the app's "plan items" section, with filters by system, status and
plan period, and a CSV download). Each row says which transport system the item belongs to (geo.schema
PLAN_SYSTEMS), its status and dates as of the data date, and whether the analysis routes over it (``routed``:
``yes`` — passenger graphs; ``freight`` — freight graphs only; ``no`` — drawn and listed, never routed).
Gateway legs (``scope: gateway``) of the routed layers are model plumbing, not plan items, and are left out.
"""
from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from geo.schema import PLAN_SYSTEMS, STATUSES
from geo.text import csv_text

#: layers whose features are plan items (stations, places and air routes belong to their lines and airports)
PLAN_LAYERS: tuple[str, ...] = ("railways", "expressways", "trunk_roads", "airports", "waterways", "ports", "plan_items")
ROUTED: dict[str, str] = {"railways": "yes", "expressways": "yes", "trunk_roads": "yes", "airports": "yes",
                          "waterways": "freight", "ports": "freight", "plan_items": "no"}
PLAN_COLUMNS: tuple[str, ...] = ("id", "system", "layer", "name_zh", "name_en", "status", "plan_period", "planned_open",
                                 "opened", "approved", "routed", "plan_ref", "source", "confidence", "notes")
#: the value of ``plan_period`` for items that name none (a filter choice of its own)
NO_PERIOD = ""


def plan_system(layer: str, props: Mapping[str, Any]) -> str:
    """The transport system of one feature: rail, expressway, trunk_road, urban_road, air, water, logistics …"""
    if layer == "plan_items":
        return str(props.get("system") or "")
    if layer == "trunk_roads":
        return "urban_road" if props.get("road_class") == "urban_expressway" else "trunk_road"
    if layer == "ports":
        return "logistics" if props.get("port_kind") == "inland_port" else "water"
    return {"railways": "rail", "expressways": "expressway", "airports": "air", "waterways": "water"}.get(layer, "")


def _value(v: Any) -> Any:
    """A cell: missing (None, NaN) → None; whole floats → int (a year read back by pandas as 2030.0)."""
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return None
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v


def plan_item_rows(layers: Mapping[str, Iterable[Mapping[str, Any]]]) -> list[dict[str, Any]]:
    """One row per plan item (see module docstring), ordered by system, status and id.

    ``layers`` maps a layer name to its features' properties (e.g. ``gdf.to_dict('records')``); layers that are
    absent are skipped.
    """
    rows = []
    for layer in PLAN_LAYERS:
        for props in layers.get(layer, ()):
            if layer != "plan_items" and props.get("scope") == "gateway":
                continue
            row = {c: _value(props.get(c)) for c in PLAN_COLUMNS}
            row.update(system=plan_system(layer, props), layer=layer, routed=ROUTED[layer],
                       plan_period=_value(props.get("plan_period")) or NO_PERIOD)
            rows.append(row)
    sys_order = {s: i for i, s in enumerate(PLAN_SYSTEMS)}
    st_order = {s: i for i, s in enumerate(STATUSES)}
    return sorted(rows, key=lambda r: (sys_order.get(r["system"], 99), st_order.get(r["status"], 99), str(r["id"])))


def filter_plan_rows(rows: Iterable[Mapping[str, Any]], *, systems: Sequence[str] | None = None,
                     statuses: Sequence[str] | None = None, periods: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """The rows whose system, status and plan period are among those chosen (None = no filter on that column)."""
    def keep(r: Mapping[str, Any]) -> bool:
        return ((systems is None or r["system"] in systems) and (statuses is None or r["status"] in statuses)
                and (periods is None or (r["plan_period"] or NO_PERIOD) in periods))
    return [dict(r) for r in rows if keep(r)]


def plan_periods(rows: Iterable[Mapping[str, Any]]) -> list[str]:
    """The plan periods named in ``rows`` (NO_PERIOD first when some row names none)."""
    found = {r["plan_period"] or NO_PERIOD for r in rows}
    return sorted(found, key=lambda p: (p != NO_PERIOD, p))


def plan_items_csv(rows: Iterable[Mapping[str, Any]]) -> str:
    """The table as CSV (the one CSV writer, geo.text.csv_text: formulas defused), raw codes in every column."""
    return csv_text(rows, PLAN_COLUMNS)


def plan_counts(rows: Iterable[Mapping[str, Any]]) -> dict[tuple[str, str], int]:
    """Number of rows by (system, status), for summaries and the docs."""
    out: dict[tuple[str, str], int] = {}
    for r in rows:
        key = (r["system"], r["status"])
        out[key] = out.get(key, 0) + 1
    return out
