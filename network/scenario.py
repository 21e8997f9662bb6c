"""Scenarios: which features exist in a given network state.

Specs
-----
``all``
    every feature of every layer, whatever its status (what the map shows with no filter).
``existing``
    features whose status is ``existing`` (the data date is 2026-11, ``scenario.as_of``).
``YYYY`` (e.g. ``2025``, ``2030``, ``2035``)
    existing features opened by YYYY (or with no opening date), plus under-construction and planned
    features whose opening year is ≤ YYYY. The opening year of a non-existing feature is its
    ``planned_open``; failing that its ``plan_period`` mapped by the parameter table
    (十四五 → 2025, 十五五 → 2030, 中长期 → 2035); failing that, for features under construction,
    ``scenario.under_construction_default_year`` (2030). A feature not open at the data date cannot open
    before the data date plus ``scenario.min_lead_years.<status>`` (under construction +1, planned +4:
    a 十四五 item not yet started in 2026 counts from 2030), so a past year shows what was really open. Planned features with neither date nor period,
    and proposed or study features, are in no year scenario — only in named plan sets.
a plan-set name (``data/params/plan_sets.csv``, e.g. ``plan2035-full``)
    features whose status is among the set's statuses (and, if ``max_year`` is given, whose opening
    year as above is ≤ max_year), then the set's own include/exclude lists.

``include``/``exclude`` add or remove feature ids on top of any spec; unknown ids raise
UnknownFeatureError with close matches. Features that are not in a scenario are simply absent from its
graph: a line skips stations that do not exist yet, a line whose stations are all absent has no edges.
"""
from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from difflib import get_close_matches
from pathlib import Path
from typing import Any

from geo.paths import resolve_data_dir
from geo.schema import STATUSES
from network.data import NetworkData, load_network_data
from network.errors import ScenarioError, UnknownFeatureError
from network.params import Params, load_params

_YEAR = re.compile(r"^(19|20|21)\d\d$")


@dataclass(frozen=True)
class Scenario:
    """A resolved scenario: its name, year (None if not a year scenario) and included feature ids."""

    name: str
    year: int | None
    feature_ids: frozenset[str] = field(repr=False)
    spec: str = ""
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    #: planned features left out of every year scenario because they have no date and no plan period
    undated: tuple[str, ...] = field(default=(), repr=False, compare=False)

    def __contains__(self, fid: object) -> bool:
        return fid in self.feature_ids

    @property
    def key(self) -> tuple:
        """Hashable cache key (the name alone is not enough when data changes)."""
        return (self.name, self.feature_ids)


@dataclass(frozen=True)
class PlanSet:
    name: str
    statuses: tuple[str, ...]
    max_year: int | None
    include: tuple[str, ...]
    exclude: tuple[str, ...]
    description: str


def _split_ids(text: str | Iterable[str] | None) -> tuple[str, ...]:
    if text is None:
        return ()
    if isinstance(text, str):
        parts = re.split(r"[,|\s]+", text)
    else:
        parts = []
        for t in text:
            parts.extend(re.split(r"[,|\s]+", t))
    return tuple(p for p in (x.strip() for x in parts) if p)


def load_plan_sets(path: str | Path | None = None, *, data_dir: Path | None = None) -> dict[str, PlanSet]:
    """Load ``data/params/plan_sets.csv`` (an absent file means no named sets)."""
    p = Path(path) if path else resolve_data_dir(data_dir) / "params" / "plan_sets.csv"
    if not p.exists():
        return {}
    rows = list(csv.DictReader(p.read_text(encoding="utf-8-sig").splitlines()))
    out: dict[str, PlanSet] = {}
    problems = []
    for i, r in enumerate(rows, start=2):
        name = (r.get("name") or "").strip()
        statuses = _split_ids(r.get("statuses") or "")
        bad = [s for s in statuses if s not in STATUSES]
        if not name or not statuses or bad:
            problems.append(f"line {i}: need a name and statuses from {', '.join(STATUSES)}"
                            + (f" (unknown: {', '.join(bad)})" if bad else ""))
            continue
        my = (r.get("max_year") or "").strip()
        if my and not _YEAR.match(my):
            problems.append(f"line {i}: max_year {my!r} is not a year")
            continue
        out[name] = PlanSet(name, statuses, int(my) if my else None, _split_ids(r.get("include")),
                            _split_ids(r.get("exclude")), (r.get("description") or "").strip())
    if problems:
        raise ScenarioError(f"{p}: " + "; ".join(problems))
    return out


def _year_of(value: Any) -> int | None:
    if value is None:
        return None
    m = re.match(r"^(\d{4})", str(value))
    return int(m.group(1)) if m else None


def opening_year(props: Mapping[str, Any], params: Params) -> int | None:
    """Return the year a feature opens (opened), is due to open, or None if unknown (see module doc)."""
    status = props.get("status")
    if status == "existing":
        return _year_of(props.get("opened"))
    y = _year_of(props.get("planned_open"))
    if y is None:
        period = props.get("plan_period")
        key = f"scenario.plan_period_year.{str(period).strip()}" if period else ""
        if key and key in params:
            y = int(params.num(key))
        elif status == "under_construction":
            y = int(params.num("scenario.under_construction_default_year"))
    if y is None:
        return None
    # Not open at the data date, so it cannot open before the data date plus a build time: a horizon
    # already past (十四五 → 2025 for an item still unbuilt in 2026) slips to the earliest feasible year.
    as_of = _year_of(params.get("scenario.as_of"))
    lead_key = f"scenario.min_lead_years.{status}"
    if as_of is None or lead_key not in params:
        return y
    return max(y, as_of + int(params.num(lead_key)))


def scenario_names(*, data_dir: Path | None = None) -> list[str]:
    """Return the names a user can pick: all, existing, the usual years and the plan sets."""
    return ["all", "existing", "2025", "2030", "2035", *load_plan_sets(data_dir=data_dir)]


def _check_ids(ids: Iterable[str], features: Mapping[str, Any], what: str) -> None:
    unknown = [i for i in ids if i not in features]
    if unknown:
        msgs = []
        for u in unknown[:10]:  # close matches cost a scan of every id each: ten are enough to see the mistake
            close = get_close_matches(u, features, n=3, cutoff=0.5)
            msgs.append(f"{str(u)[:60]!r}" + (f" (did you mean {', '.join(close)}?)" if close else ""))
        more = f"; … and {len(unknown) - 10} more" if len(unknown) > 10 else ""
        raise UnknownFeatureError(f"unknown feature id(s) to {what}: {'; '.join(msgs)}{more}")


def resolve_scenario(spec: str | Scenario, *, include: Iterable[str] | str = (), exclude: Iterable[str] | str = (),
                     as_of: int | None = None, data_dir: Path | None = None, data: NetworkData | None = None,
                     params: Params | None = None) -> Scenario:
    """Resolve a scenario spec (all, existing, a year, a plan-set name) plus include/exclude ids to a Scenario.

    ``as_of`` (a year) keeps only the features of the resolved scenario that are open by that year under
    the year rule (the network of that year within the chosen scenario). A Scenario with nothing to
    include, exclude or date is returned as it is.
    """
    include, exclude = _split_ids(include), _split_ids(exclude)
    if isinstance(spec, Scenario) and not include and not exclude and as_of is None:
        return spec
    data = data or load_network_data(data_dir)
    params = params or load_params(data_dir=data.data_dir)
    return scenario_from_features(spec, data.features, params, include=include, exclude=exclude, as_of=as_of,
                                  plan_sets=load_plan_sets(data_dir=data.data_dir))


def scenario_from_features(spec: str | Scenario, features: Mapping[str, Mapping[str, Any]], params: Params, *,
                           include: Iterable[str] = (), exclude: Iterable[str] = (), as_of: int | None = None,
                           plan_sets: Mapping[str, PlanSet] | None = None) -> Scenario:
    """``resolve_scenario`` over plain feature properties (id -> properties with a status): the one copy of
    the scenario rules, also used by the app when the engine's data cannot be loaded."""
    include, exclude = _split_ids(include), _split_ids(exclude)
    if isinstance(spec, Scenario):
        base_ids, year, name, undated = set(spec.feature_ids), spec.year, spec.name, spec.undated
        spec_text = spec.spec
    else:
        spec_text = str(spec).strip()
        base_ids, year, undated = _spec_ids(spec_text, features, params, plan_sets or {})
        name = spec_text
    _check_ids(include, features, "include")
    _check_ids(exclude, features, "exclude")
    ids = (set(base_ids) | set(include)) - set(exclude)
    if include:
        name += "+" + ",".join(include)
    if exclude:
        name += "-" + ",".join(exclude)
    if as_of is not None:
        year_ids, _, _ = _spec_ids(str(int(as_of)), features, params, {})
        ids &= year_ids
        name += f"@{int(as_of)}"
        year = int(as_of)
    return Scenario(name, year, frozenset(ids), spec_text, tuple(include), tuple(exclude), tuple(undated))


def _year_ids(year: int, features: Mapping[str, Mapping[str, Any]], params: Params) -> tuple[set[str], list[str]]:
    ids, undated = set(), []
    for fid, f in features.items():
        status = f.get("status")
        if status in ("proposed", "study"):
            continue
        y = opening_year(f, params)
        if status == "existing":
            if y is None or y <= year:
                ids.add(fid)
        elif y is None:
            undated.append(fid)
        elif y <= year:
            ids.add(fid)
    return ids, sorted(undated)


def _plan_set_ids(ps: PlanSet, features: Mapping[str, Mapping[str, Any]], params: Params) -> set[str]:
    ids = set()
    for fid, f in features.items():
        if f.get("status") not in ps.statuses:
            continue
        if ps.max_year is not None and f.get("status") != "existing":
            y = opening_year(f, params)
            if y is None or y > ps.max_year:
                continue
        ids.add(fid)
    _check_ids(ps.include, features, f"include in plan set {ps.name}")
    _check_ids(ps.exclude, features, f"exclude in plan set {ps.name}")
    return (ids | set(ps.include)) - set(ps.exclude)


def _spec_ids(spec: str, features: Mapping[str, Mapping[str, Any]], params: Params,
              sets: Mapping[str, PlanSet]) -> tuple[set[str], int | None, list[str]]:
    if spec == "all":
        return set(features), None, []
    if spec == "existing":
        return {fid for fid, f in features.items() if f.get("status") == "existing"}, None, []
    if _YEAR.match(spec):
        ids, undated = _year_ids(int(spec), features, params)
        return ids, int(spec), undated
    if spec in sets:
        return _plan_set_ids(sets[spec], features, params), sets[spec].max_year, []
    choices = ["all", "existing", "a year such as 2030", *sets]
    close = get_close_matches(spec, ["all", "existing", *sets], n=3)
    hint = f" Did you mean {', '.join(close)}?" if close else ""
    raise ScenarioError(f"unknown scenario {spec!r}.{hint} Scenarios are: {', '.join(choices)}")


def scenario_features(scenario: Scenario, layers: Mapping[str, Any]) -> dict[str, Any]:
    """Return ``layers`` (name → GeoDataFrame) filtered to the features in ``scenario``; inputs untouched."""
    return {name: gdf[gdf["id"].isin(scenario.feature_ids)].copy() for name, gdf in layers.items()}
