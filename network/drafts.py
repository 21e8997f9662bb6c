"""Drafts: named, undoable lists of sketch steps, saved under ``<data>/drafts/`` and promoted into the layers.

``save_draft`` writes ``<data>/drafts/<slug>.geojson`` atomically and keeps the replaced version in
``<data>/drafts/history/<slug>/``; ``promote_draft`` imports the built proposal into the layers, all or
nothing (docs/SKETCH.md).
"""
from __future__ import annotations

import copy
import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from geo.fileio import atomic_write_bytes, folder_lock
from geo.history import archive_bytes
from geo.importer import import_features
from geo.paths import layer_path, resolve_data_dir
from network.engine import clear_cache
from network.errors import ProposalError
from network.scenario import Scenario
from network.sketch import EMPTY, PROMOTE_ORDER, SLUG, Proposal, build_proposal, read_sketch, slugify

log = logging.getLogger(__name__)

@dataclass(frozen=True)
class Draft:
    """A named scenario draft: the sketch steps in order (each a sketch Feature), undoable."""

    name: str = "draft"
    steps: tuple[dict[str, Any], ...] = ()
    base_scenario: str = "existing"
    user: str = "planner"

    def add(self, feature: Mapping[str, Any]) -> Draft:
        """Return the draft with one more step (the feature is copied)."""
        return replace(self, steps=self.steps + (copy.deepcopy(dict(feature)),))

    def undo(self) -> Draft:
        """Return the draft without its last step (unchanged when empty)."""
        return replace(self, steps=self.steps[:-1])

    @property
    def slug(self) -> str:
        return slugify(self.name)

    def sketch(self) -> dict[str, Any]:
        return {"type": "FeatureCollection", "features": [copy.deepcopy(s) for s in self.steps]}

    def to_geojson(self) -> dict[str, Any]:
        """The draft as a sketch FeatureCollection with its name, data_dir scenario and author."""
        return {"type": "FeatureCollection", "name": self.name, "atlas_draft": 1,
                "base_scenario": self.base_scenario, "user": self.user, "features": self.sketch()["features"]}

    @classmethod
    def from_geojson(cls, doc: Mapping[str, Any]) -> Draft:
        fc = read_sketch(doc)
        return cls(str(doc.get("name") or "draft")[:80], tuple(copy.deepcopy(f) for f in fc["features"]),
                   str(doc.get("base_scenario") or "existing")[:60], str(doc.get("user") or "planner")[:60])

    def build(self, *, data_dir: Path | None = None, scenario: Scenario | str | None = None) -> Proposal:
        """Build the draft's proposal (``scenario`` defaults to the draft's data_dir scenario)."""
        if not self.steps:
            return replace(EMPTY, name=self.slug)
        return build_proposal(self.sketch(), data_dir=data_dir, scenario=scenario or self.base_scenario,
                              user=self.user, name=self.slug)


def drafts_dir(*, data_dir: Path | None = None) -> Path:
    return resolve_data_dir(data_dir) / "drafts"


def draft_path(name: str, *, data_dir: Path | None = None) -> Path:
    return drafts_dir(data_dir=data_dir) / f"{slugify(name)}.geojson"


def list_drafts(*, data_dir: Path | None = None) -> list[tuple[str, str]]:
    """Return (display name, slug) of the saved drafts, sorted by name."""
    out = []
    for p in sorted(drafts_dir(data_dir=data_dir).glob("*.geojson")):
        if p.name.startswith("."):
            continue
        try:
            doc = json.loads(p.read_text(encoding="utf-8"))
            out.append((str(doc.get("name") or p.stem), p.stem))
        except (OSError, ValueError):
            log.warning("draft %s is unreadable; skipped", p)
    return sorted(out)


def save_draft(draft: Draft, *, data_dir: Path | None = None) -> Path:
    """Validate the draft (it must build) and write it atomically; the replaced version goes to history."""
    name = " ".join(draft.name.split())
    if not name:
        raise ProposalError("give the draft a name")
    draft = replace(draft, name=name[:80])
    draft.build(data_dir=data_dir)  # raises ProposalError: nothing is written
    path = draft_path(draft.name, data_dir=data_dir)
    new = (json.dumps(draft.to_geojson(), ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")
    with folder_lock(path.parent):
        try:
            old = path.read_bytes()
        except FileNotFoundError:
            old = None
        if old == new:
            return path
        if old is not None:
            archive_bytes(path.parent / "history" / path.stem, old)
        atomic_write_bytes(path, new)
    return path


def draft_history(name: str, *, data_dir: Path | None = None) -> list[Path]:
    """Return the archived versions of a draft, newest first."""
    hist = drafts_dir(data_dir=data_dir) / "history" / slugify(name)
    return sorted((p for p in hist.glob("*.geojson") if not p.name.startswith(".")), reverse=True)


def load_draft(name_or_slug: str, *, data_dir: Path | None = None) -> Draft:
    """Load a saved draft by display name or slug."""
    d = drafts_dir(data_dir=data_dir)
    cands = [d / f"{slugify(name_or_slug)}.geojson"]
    if SLUG.fullmatch(name_or_slug):
        cands.append(d / f"{name_or_slug}.geojson")
    for p in cands:
        if p.is_file():
            return Draft.from_geojson(read_sketch(p))  # unreadable files raise ProposalError
    names = ", ".join(n for n, _ in list_drafts(data_dir=data_dir)) or "none saved yet"
    raise ProposalError(f"no draft named {name_or_slug!r}; drafts: {names}")


def promote_draft(draft: Draft | Proposal, *, data_dir: Path | None = None) -> dict[str, Any]:
    """Import the proposal's features into the layers, all or nothing; return the ImportResult per layer.

    Every layer is checked first (dry run); then written one by one. If a write fails, the layers already
    written are put back as they were, and the error is raised.
    """
    prop = draft.build(data_dir=data_dir) if isinstance(draft, Draft) else draft
    if prop.empty:
        raise ProposalError("the draft is empty: sketch a line or a point first")
    order = [layer for layer in PROMOTE_ORDER if prop.features.get(layer)]
    payloads = {layer: json.dumps({"type": "FeatureCollection", "features": prop.features[layer]},
                                  ensure_ascii=False).encode("utf-8") for layer in order}
    for layer in order:
        import_features(payloads[layer], layer, data_dir=data_dir, dry_run=True, filename=f"{prop.name}-{layer}.geojson")
    before: dict[str, bytes | None] = {}
    results: dict[str, Any] = {}
    try:
        for layer in order:
            p = layer_path(layer, data_dir=data_dir)
            before[layer] = p.read_bytes() if p.exists() else None
            results[layer] = import_features(payloads[layer], layer, data_dir=data_dir,
                                             filename=f"{prop.name}-{layer}.geojson")
    except BaseException:
        for layer, old in before.items():
            p = layer_path(layer, data_dir=data_dir)
            if layer not in results:
                continue
            if old is None:
                p.unlink(missing_ok=True)
            else:
                atomic_write_bytes(p, old)
        raise
    clear_cache()
    return results


__all__ = ["Draft", "draft_history", "draft_path", "drafts_dir", "list_drafts", "load_draft", "promote_draft",
           "save_draft"]
