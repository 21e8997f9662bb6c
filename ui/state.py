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

VIEWS: tuple[str, ...] = ("map", "access", "compare", "rank", "visitors", "sketch")
BASEMAPS: tuple[str, ...] = ("offline", "osm", "tianditu")
YEAR_MIN, YEAR_MAX = 2015, 2035
ZOOM_MIN, ZOOM_MAX = 4, 18
_ID = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")
#: what a scenario or plan-set name may look like in a link or a saved view
SCENARIO_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,60}$")
#: projects a link may name for a custom scenario: the data have 39 features not yet open; a link of
#: 100,000 ids would make the scenario look each one up
MAX_LINK_PROJECTS = 200
#: characters of a rejected value quoted back in the list of ignored parameters
SHOWN_CHARS = 40


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


def _read_csv_list(params: Mapping[str, Any], key: str, allowed: tuple[str, ...], bad: list[str]) -> tuple | None:
    v = _one(params, key)
    if v is None:
        return None
    items = _csv(v)
    unknown = [x for x in items if x not in allowed]
    if unknown:
        bad.append(f"{key}: unknown {_shown(', '.join(map(repr, unknown)))}")
    return tuple(x for x in allowed if x in items)  # canonical order


def _read_center(v: str) -> tuple[float, float]:
    lat, lon = (float(x) for x in v.split(","))
    if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(v)
    return lat, lon


#: simple one-value parameters: key -> (AppState field, reader raising ValueError on bad input, hint)
_SIMPLE = {
    "view": ("view", lambda v: v if v in VIEWS else _bad(v), ""),
    "scenario": ("scenario", lambda v: v if SCENARIO_NAME.match(v) else _bad(v), ""),
    "baseline": ("baseline", lambda v: v if SCENARIO_NAME.match(v) else _bad(v), ""),
    "year": ("year", lambda v: int(v) if v.isdigit() and YEAR_MIN <= int(v) <= YEAR_MAX else _bad(v),
             f" (expected {YEAR_MIN}–{YEAR_MAX})"),
    "lang": ("lang", lambda v: v if v in LANGS else _bad(v), ""),
    "presenter": ("presenter", lambda v: {"1": True, "true": True, "0": False, "false": False}[v], ""),
    "basemap": ("basemap", lambda v: v if v in BASEMAPS else _bad(v), ""),
    "c": ("center", _read_center, " (expected lat,lon)"),
    "z": ("zoom", lambda v: int(v) if v.isdigit() and ZOOM_MIN <= int(v) <= ZOOM_MAX else _bad(v),
          f" (expected {ZOOM_MIN}–{ZOOM_MAX})"),
}


def _bad(v: str):
    raise ValueError(v)


def _shown(text: str) -> str:
    """A value from a link quoted back to the user, cut to ``SHOWN_CHARS``."""
    return text if len(text) <= SHOWN_CHARS else text[:SHOWN_CHARS - 1] + "…"


def state_from_params(params: Mapping[str, Any], *, default: AppState | None = None) -> tuple[AppState, list[str]]:
    """Read an AppState from query parameters; return it and the parameters that were ignored (and why)."""
    params = dict(params)
    if "basemap" not in params and "base" in params:  # 'base' is the name links used before version 2
        params["basemap"] = params["base"]
    bad: list[str] = []
    changes: dict[str, Any] = {}
    for key, attr, allowed in (("layers", "groups", GROUPS), ("status", "statuses", STATUSES)):
        got = _read_csv_list(params, key, allowed, bad)
        if got is not None:
            changes[attr] = got
    v = _one(params, "projects")
    if v is not None:
        items = _csv(v)
        changes["custom"] = tuple(x for x in items if _ID.match(x))[:MAX_LINK_PROJECTS]
        if len(changes["custom"]) != len(items):
            bad.append(f"projects: ids must be lowercase slugs, at most {MAX_LINK_PROJECTS}")
    for key, (attr, read, hint) in _SIMPLE.items():
        v = _one(params, key)
        if v is None:
            continue
        try:
            changes[attr] = read(v)
        except (ValueError, KeyError):
            bad.append(f"{key}={_shown(repr(v))}{hint}")
    return replace(default or AppState(), **changes), bad


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
