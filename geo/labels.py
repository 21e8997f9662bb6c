"""Names of the schema's values and of the standard scenarios in both languages (中文 / English).

Pure data shared by the app (``ui.i18n`` re-exports them) and the meeting pack (``reports``): status,
confidence, heritage level, rail class and scenario labels, and ``label`` to look one up.
"""
from __future__ import annotations

#: scenario / plan-set names (data/params/plan_sets.csv) -> labels; unknown names are shown as they are
SCENARIO_LABELS: dict[str, tuple[str, str]] = {
    "all": ("全部规划要素", "All plan features"),
    "existing": ("现状", "Existing"),
    "2025": ("2025年", "2025"), "2030": ("2030年", "2030"), "2035": ("2035年", "2035"),
    "custom": ("自定义", "Custom"),
    "plan2035-full": ("远景全部规划（不含研究）", "Full plan (no studies)"),
    "plan2035-with-studies": ("远景全部规划（含研究）", "Full plan incl. studies"),
    "committed": ("现状＋在建", "Existing + under construction"),
}

STATUS_LABELS: dict[str, tuple[str, str]] = {
    "existing": ("现状", "Existing"),
    "under_construction": ("在建", "Under construction"),
    "planned": ("规划", "Planned"),
    "proposed": ("拟建/谋划", "Proposed"),
    "study": ("研究", "Study"),
}

CONFIDENCE_LABELS: dict[str, tuple[str, str]] = {
    "high": ("高", "high"), "medium": ("中", "medium"), "low": ("低（推测）", "low (a guess)"),
}

LEVEL_LABELS: dict[str, tuple[str, str]] = {
    "national": ("全国重点", "National"),
    "provincial": ("省级", "Provincial"),
    "local": ("市县级", "Local"),
}

RAIL_CLASS_LABELS: dict[str, tuple[str, str]] = {
    "hsr": ("高速铁路", "High-speed rail"),
    "intercity": ("城际铁路", "Intercity rail"),
    "conventional": ("普速铁路", "Conventional rail"),
}


def label(table: dict[str, tuple[str, str]], value: str | None, lang: str) -> str:
    """Return the label of ``value`` from one of the label tables (the value itself if unknown).

    >>> label(STATUS_LABELS, "planned", "zh")
    '规划'
    """
    if value is None:
        return ""
    pair = table.get(value)
    return (pair[0] if lang == "zh" else pair[1]) if pair else str(value)
