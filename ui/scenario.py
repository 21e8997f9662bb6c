"""The app's scenario: the sidebar's choice (+ custom projects, + the year slider) as one engine Scenario.

``app_scenario`` is the one place the choice becomes feature ids; the map draws exactly those features and
every analysis routes on exactly that Scenario, so map and bands always agree. No streamlit here
(ui.cache caches it once per run and data version).
"""
from __future__ import annotations

import csv
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from geo.errors import AtlasError
from geo.paths import DataVersion
from network.data import load_network_data
from network.params import load_params
from network.scenario import Scenario, load_plan_sets, resolve_scenario, scenario_from_features
from ui.i18n import SCENARIO_LABELS, label, t

#: layers whose not-yet-existing features a user can add one by one in a custom scenario
PROJECT_LAYERS = ("railways", "expressways", "trunk_roads", "airports", "waterways", "ports", "stations")
STANDARD_CHOICES = ("all", "existing", "2025", "2030", "2035")


@dataclass(frozen=True)
class AppScenario:
    """The chosen scenario, resolved once: what the map draws and what every analysis routes on."""

    choice: str                       # all, existing, a year, a plan set, or custom
    custom: tuple[str, ...]
    year: int | None
    scenario: Scenario | None         # None when the engine's data cannot be read (``problem`` says why)
    problem: str = ""

    @property
    def feature_ids(self) -> frozenset[str] | None:
        """The ids the map draws (None: no filter, every feature)."""
        return self.scenario.feature_ids if self.scenario is not None else None


def engine_spec(choice: str, custom: Sequence[str]) -> tuple[str, tuple[str, ...]]:
    """The engine spec and included ids of an app choice ('custom' = existing + the chosen projects)."""
    return ("existing", tuple(sorted(custom))) if choice == "custom" else (choice, ())


def app_scenario(version: DataVersion, choice: str, custom: Sequence[str], year: int | None, *,
                 layers: Mapping[str, Any] | None = None) -> AppScenario:
    """Resolve the sidebar's choice as of ``year`` (one ``resolve_scenario`` call).

    When the engine's data cannot be loaded (a required layer missing, an invalid layer), the same rules
    run over the properties of the layers that could be read (``layers``); if even that fails the map
    shows every feature and ``problem`` says why.
    """
    spec, include = engine_spec(choice, custom)
    try:
        data = load_network_data(version.data_dir, version=version)
        return AppScenario(choice, tuple(custom), year,
                           resolve_scenario(spec, include=include, as_of=year, data=data))
    except AtlasError as exc:
        why = str(exc)
    if layers:
        try:
            features = {rec["id"]: rec for gdf in layers.values()
                        for rec in gdf.drop(columns=gdf.geometry.name).to_dict("records")}
            params = load_params(data_dir=Path(version.data_dir))
            sc = scenario_from_features(spec, features, params, include=include, as_of=year,
                                        plan_sets=load_plan_sets(data_dir=Path(version.data_dir)))
            return AppScenario(choice, tuple(custom), year, sc, why)
        except AtlasError as exc:
            why = f"{why}; {exc}"
    return AppScenario(choice, tuple(custom), year, None, why)


def scenario_title(choice: str, custom: Sequence[str], year: int | None, lang: str) -> str:
    """The display name of a scenario choice: 现状 / 2030年 / 全部规划要素 + 2 · 2030年路网 …"""
    text = label(SCENARIO_LABELS, choice, lang)
    if choice == "custom" and custom:
        text += f" + {len(custom)}"
    return text if year is None else f"{text} · {t('as_of', lang, year=year)}"


def scenario_choices(data_dir: Path) -> list[str]:
    """The sidebar's choices: all, existing, the usual years, the plan sets of ``params/plan_sets.csv``, custom.

    Read from the plan-set file directly (no engine import), so the first page does not wait for it.
    """
    out = list(STANDARD_CHOICES)
    p = Path(data_dir) / "params" / "plan_sets.csv"
    try:
        rows = csv.DictReader(p.read_text(encoding="utf-8-sig").splitlines())
        out += [r["name"].strip() for r in rows if (r.get("name") or "").strip()]
    except (OSError, KeyError, csv.Error):
        pass
    return list(dict.fromkeys([*out, "custom"]))


def project_choices(layers: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Return (id, layer) of every not-yet-existing feature a user can add in a custom scenario."""
    out = []
    for layer in PROJECT_LAYERS:
        gdf = layers.get(layer)
        if gdf is None:
            continue
        for fid, status in zip(gdf["id"], gdf["status"]):
            if status != "existing":
                out.append((fid, layer))
    return out
