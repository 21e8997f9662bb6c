"""Scenario choices for the app and which features each one contains (via network.scenario)."""
from __future__ import annotations

from typing import Any, Iterable, Mapping, Sequence

from geo.schema import STATUSES

PROJECT_LAYERS = ("railways", "expressways", "trunk_roads", "airports", "waterways", "ports", "stations")


def project_choices(prepared_layers: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Return (id, layer) of every not-yet-existing feature a user can add in a custom scenario."""
    out = []
    for layer in PROJECT_LAYERS:
        gdf = prepared_layers.get(layer)
        if gdf is None:
            continue
        for fid, status in zip(gdf["id"], gdf["status"]):
            if status != "existing":
                out.append((fid, layer))
    return out


def local_scenario_ids(spec: str, features: Iterable[Mapping[str, Any]], custom: Sequence[str] = ()) -> set[str] | None:
    """Return the ids in scenario ``spec`` by the rules of network.scenario, without the engine.

    Used only when the engine cannot load the data (e.g. required layers not built yet). ``None`` means
    "every feature" (spec ``all``).
    """
    if spec == "all":
        return None
    ids = set()
    for p in features:
        status, fid = p.get("status"), p.get("id")
        if status == "existing":
            y = p.get("_year")
            if spec in ("existing", "custom") or y is None or y <= int(spec):
                ids.add(fid)
        elif spec.isdigit() and status in ("under_construction", "planned"):
            y = p.get("_year")
            if y is not None and y <= int(spec):
                ids.add(fid)
    if spec == "custom":
        ids |= set(custom)
    return ids


def statuses_all() -> tuple[str, ...]:
    return STATUSES
