"""App state <-> URL query parameters, so a copied link restores the same map.

Pure functions (no streamlit): ``state_from_params`` never raises on bad input; it keeps the defaults
for anything it cannot read and returns a list of what it ignored.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from typing import Any, Mapping

from geo.schema import STATUSES
from ui.i18n import DEFAULT_LANG, LANGS
from ui.style import DEFAULT_GROUPS, GROUPS

VIEWS: tuple[str, ...] = ("map", "access", "compare", "rank", "sketch")
BASEMAPS: tuple[str, ...] = ("offline", "osm")
YEAR_MIN, YEAR_MAX = 2015, 2035
ZOOM_MIN, ZOOM_MAX = 4, 18
_ID = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")
#: what a scenario or plan-set name may look like in a link or a saved view
SCENARIO_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,60}$")


@dataclass(frozen=True)
class AppState:
    """Everything that defines what the user sees."""

    view: str = "map"
    groups: tuple[str, ...] = DEFAULT_GROUPS
    statuses: tuple[str, ...] = STATUSES
    scenario: str = "all"
    baseline: str = "existing"
    custom: tuple[str, ...] = ()
    year: int | None = None
    lang: str = DEFAULT_LANG
    presenter: bool = False
    basemap: str = "offline"
    center: tuple[float, float] | None = None
    zoom: int | None = None

    def with_(self, **changes: Any) -> AppState:
        return replace(self, **changes)


def _one(params: Mapping[str, Any], key: str) -> str | None:
    v = params.get(key)
    if isinstance(v, (list, tuple)):
        v = v[-1] if v else None
    return None if v is None else str(v)


def _csv(text: str) -> list[str]:
    return [p.strip() for p in text.split(",") if p.strip()]


def state_from_params(params: Mapping[str, Any], *, default: AppState | None = None) -> tuple[AppState, list[str]]:
    """Read an AppState from query parameters; return it and the parameters that were ignored (and why)."""
    s = default or AppState()
    bad: list[str] = []
    changes: dict[str, Any] = {}

    v = _one(params, "view")
    if v is not None:
        (changes.__setitem__("view", v) if v in VIEWS else bad.append(f"view={v!r}"))
    for key, attr, allowed in (("layers", "groups", GROUPS), ("status", "statuses", STATUSES)):
        v = _one(params, key)
        if v is not None:
            items = _csv(v)
            unknown = [x for x in items if x not in allowed]
            if unknown:
                bad.append(f"{key}: unknown {', '.join(map(repr, unknown))}")
            changes[attr] = tuple(x for x in allowed if x in items)  # canonical order
    for key, attr in (("scenario", "scenario"), ("baseline", "baseline")):
        v = _one(params, key)
        if v is not None:
            (changes.__setitem__(attr, v) if SCENARIO_NAME.match(v) else bad.append(f"{key}={v!r}"))
    v = _one(params, "projects")
    if v is not None:
        items = _csv(v)
        changes["custom"] = tuple(x for x in items if _ID.match(x))
        if len(changes["custom"]) != len(items):
            bad.append("projects: ids must be lowercase slugs")
    v = _one(params, "year")
    if v is not None:
        if v.isdigit() and YEAR_MIN <= int(v) <= YEAR_MAX:
            changes["year"] = int(v)
        else:
            bad.append(f"year={v!r} (expected {YEAR_MIN}–{YEAR_MAX})")
    v = _one(params, "lang")
    if v is not None:
        (changes.__setitem__("lang", v) if v in LANGS else bad.append(f"lang={v!r}"))
    v = _one(params, "presenter")
    if v is not None:
        if v in ("1", "true", "0", "false"):
            changes["presenter"] = v in ("1", "true")
        else:
            bad.append(f"presenter={v!r}")
    v = _one(params, "basemap") or _one(params, "base")  # 'base' is the name links used before version 2
    if v is not None:
        (changes.__setitem__("basemap", v) if v in BASEMAPS else bad.append(f"basemap={v!r}"))
    v = _one(params, "c")
    if v is not None:
        try:
            lat, lon = (float(x) for x in v.split(","))
            if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
                raise ValueError
            changes["center"] = (lat, lon)
        except ValueError:
            bad.append(f"c={v!r} (expected lat,lon)")
    v = _one(params, "z")
    if v is not None:
        if v.isdigit() and ZOOM_MIN <= int(v) <= ZOOM_MAX:
            changes["zoom"] = int(v)
        else:
            bad.append(f"z={v!r} (expected {ZOOM_MIN}–{ZOOM_MAX})")
    return replace(s, **changes), bad


def state_to_params(s: AppState) -> dict[str, str]:
    """Return the query parameters for ``s`` (defaults left out to keep links short)."""
    d = AppState()
    out: dict[str, str] = {}
    if s.view != d.view:
        out["view"] = s.view
    if s.groups != d.groups:
        out["layers"] = ",".join(s.groups)
    if s.statuses != d.statuses:
        out["status"] = ",".join(s.statuses)
    if s.scenario != d.scenario:
        out["scenario"] = s.scenario
    if s.baseline != d.baseline:
        out["baseline"] = s.baseline
    if s.custom:
        out["projects"] = ",".join(s.custom)
    if s.year is not None:
        out["year"] = str(s.year)
    if s.lang != d.lang:
        out["lang"] = s.lang
    if s.presenter:
        out["presenter"] = "1"
    if s.basemap != d.basemap:
        out["basemap"] = s.basemap
    if s.center is not None:
        out["c"] = f"{s.center[0]:.4f},{s.center[1]:.4f}"
    if s.zoom is not None:
        out["z"] = str(s.zoom)
    return out
