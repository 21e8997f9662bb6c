"""Saved views (name, centre, zoom, visible layers, scenario) in ``data/views.json``.

Loading validates every entry and reports each problem (bad entries are skipped, good ones kept);
saving reads, changes and writes the whole file under the data folder's lock (two saves at once keep
both views) and atomically (geo.fileio.atomic_write_text): a failed write leaves the file as it was.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from geo.errors import LayerError, StoreError, capped_lines
from geo.fileio import atomic_write_text, folder_lock, read_json
from geo.paths import resolve_data_dir
from ui.state import SCENARIO_NAME, ZOOM_MAX, ZOOM_MIN
from ui.style import GROUPS

MAX_NAME = 80
#: problems of the views file shown in the sidebar (the rest are counted in one line)
MAX_LISTED_PROBLEMS = 10


@dataclass(frozen=True)
class SavedView:
    """One bookmark of the map."""

    name: str
    center: tuple[float, float]  # lat, lon
    zoom: int
    layers: tuple[str, ...]
    scenario: str

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "center": [round(self.center[0], 5), round(self.center[1], 5)],
                "zoom": self.zoom, "layers": list(self.layers), "scenario": self.scenario}


def views_path(*, data_dir: Path | str | None = None) -> Path:
    """Return the saved-views file of a data folder (default: ``$ATLAS_DATA_DIR`` or the repository's data/)."""
    return resolve_data_dir(data_dir) / "views.json"


def parse_view(raw: Any) -> tuple[SavedView | None, str | None]:
    """Return (view, None) for a valid entry or (None, why it is invalid)."""
    if not isinstance(raw, dict):
        return None, "entry is not an object"
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip() or len(name) > MAX_NAME:
        return None, f"name must be text of 1–{MAX_NAME} characters"
    c = raw.get("center")
    # range first: a 400-digit integer compares fine but overflows math.isfinite
    if (not isinstance(c, list) or len(c) != 2
            or not all(isinstance(x, (int, float)) and not isinstance(x, bool) and -180 <= x <= 180 for x in c)
            or not all(math.isfinite(x) for x in c) or not -90 <= c[0] <= 90):
        return None, f"{name!r}: center must be [lat, lon] in degrees"
    z = raw.get("zoom")
    if isinstance(z, bool) or not isinstance(z, int) or not ZOOM_MIN <= z <= ZOOM_MAX:
        return None, f"{name!r}: zoom must be a whole number {ZOOM_MIN}–{ZOOM_MAX}"
    layers = raw.get("layers")
    if not isinstance(layers, list) or any(g not in GROUPS for g in layers):
        return None, f"{name!r}: layers must be a list from {', '.join(GROUPS)}"
    scen = raw.get("scenario", "all")
    if not isinstance(scen, str) or not SCENARIO_NAME.match(scen):
        return None, f"{name!r}: scenario must be a scenario name"
    return SavedView(name.strip(), (float(c[0]), float(c[1])), z, tuple(g for g in GROUPS if g in layers), scen), None


def load_views(*, path: Path | None = None, data_dir: Path | str | None = None) -> tuple[list[SavedView], list[str]]:
    """Return the valid saved views and a list of problems (missing file = no views, no problem)."""
    p = path or views_path(data_dir=data_dir)
    if not p.exists():
        return [], []
    try:
        doc = read_json(p)
    except LayerError as exc:
        return [], [str(exc)]
    if not isinstance(doc, dict) or not isinstance(doc.get("views"), list):
        return [], [f"{p}: expected {{\"views\": [...]}}"]
    views, problems, seen = [], [], set()
    for i, raw in enumerate(doc["views"]):
        v, why = parse_view(raw)
        if v is None:
            problems.append(f"{p.name} entry {i}: {why}")
        elif v.name in seen:
            problems.append(f"{p.name} entry {i}: duplicate name {v.name!r}")
        else:
            seen.add(v.name)
            views.append(v)
    return views, capped_lines(problems, listed=MAX_LISTED_PROBLEMS)


def dumps_entries(entries: list[Any]) -> str:
    """Serialise saved-view entries deterministically (one entry per line)."""
    lines = ",\n".join("  " + json.dumps(e, ensure_ascii=False) for e in entries)
    return '{"views": [\n' + lines + "\n]}\n"


def _read_entries(p: Path) -> list[Any]:
    """The raw entries of the views file (none if it is absent or cannot be read at all)."""
    if not p.exists():
        return []
    try:
        doc = read_json(p)
    except LayerError:
        return []
    return doc["views"] if isinstance(doc, dict) and isinstance(doc.get("views"), list) else []


def _with_view(entries: list[Any], v: SavedView) -> tuple[list[Any], bool]:
    """The entries with ``v`` added, or replacing the entry of the same name; and whether it replaced one."""
    out: list[Any] = []
    replaced = False
    for raw in entries:
        if isinstance(raw, dict) and isinstance(raw.get("name"), str) and raw["name"].strip() == v.name:
            out.append(v.to_json())
            replaced = True
        else:
            out.append(raw)
    if not replaced:
        out.append(v.to_json())
    return out, replaced


def save_view(view: SavedView, *, path: Path | None = None,
              data_dir: Path | str | None = None) -> tuple[list[SavedView], bool]:
    """Add ``view`` (replacing one of the same name) and write the file atomically.

    Returns the new list and whether an existing view was replaced. Invalid entries already in the file
    are dropped only if the file could not be read at all; otherwise they are kept as they were.
    """
    v, why = parse_view(view.to_json())
    if v is None:
        raise ValueError(f"view not saved: {why}")
    p = path or views_path(data_dir=data_dir)
    with folder_lock(p.parent):
        out, replaced = _with_view(_read_entries(p), v)
        try:
            atomic_write_text(p, dumps_entries(out))
        except OSError as exc:
            raise StoreError(f"view not saved: cannot write {p}: {exc.strerror or exc}; the file is unchanged") \
                from None
    return load_views(path=p)[0], replaced
