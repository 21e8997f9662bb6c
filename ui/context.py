"""What one run of the app knows once it has read the sidebar: handed to every page (no streamlit here)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from geo.paths import DataVersion
from ui.scenario import AppScenario
from ui.state import AppState


@dataclass(frozen=True)
class RunContext:
    """The state, the data version (stamped once per run), the layers, and the chosen scenario resolved once."""

    state: AppState
    version: DataVersion
    layers: dict[str, Any]                     # layer name -> GeoDataFrame (the layers that could be read)
    features: dict[str, list[dict[str, Any]]]  # layer name -> map features in the chosen language
    names: dict[str, str]                      # feature id -> name in the chosen language
    scenario: AppScenario                      # the chosen scenario as of the slider's year
    caption: str                               # what the map shows, in words (scenario · year)
    basemap: dict[str, list]                   # the offline base map's rivers and labels (ui.basemap)
    tianditu_key: str | None = None            # the user's Tianditu key, if one is configured

    @property
    def lang(self) -> str:
        return self.state.lang

    @property
    def draw_year(self) -> int | None:
        """The year the map filters by itself: only when there is no resolved scenario to apply it."""
        return self.state.year if self.scenario.scenario is None else None
