"""Drafts: named, undoable lists of sketch steps, saved under ``<data>/drafts/`` and promoted into the layers.

``save_draft`` writes ``<data>/drafts/<slug>.geojson`` and the version it replaces (kept in
``<data>/drafts/history/<slug>/``) as one commit under the drafts folder's lock; ``promote_draft`` imports
the built proposal into every layer it touches in one store transaction: all layers or none, and never
anyone else's save undone (docs/SKETCH.md).
"""
from __future__ import annotations

import copy
import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from geo.errors import AtlasError
from geo.fileio import commit_files, folder_lock, parse_json_bytes, read_capped, recover_journal
from geo.history import prune, version_path
from geo.importer import import_features
from geo.paths import resolve_data_dir
from geo.store import store_transaction
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
            doc = parse_json_bytes(read_capped(p), str(p))
            out.append((str(doc.get("name") or p.stem), p.stem))
        except (AtlasError, AttributeError):
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
        recover_journal(path.parent, what="an interrupted draft save")
        try:
            old = path.read_bytes()
        except FileNotFoundError:
            old = None
        if old == new:
            return path
        files = [(path, new)]
        hist = path.parent / "history" / path.stem
        if old is not None:
            files.append((version_path(hist), old))
        commit_files(files, journal_dir=path.parent, what=f"draft {draft.name!r}")
    prune(hist)
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

    The imports run in one ``geo.store.store_transaction``: the store is locked from the first layer's
    checks to the last layer's write, the layers are written together at the end (journalled), and if
    any layer fails nothing is written — so a failure never puts back old bytes over someone else's save.
    """
    prop = draft.build(data_dir=data_dir) if isinstance(draft, Draft) else draft
    if prop.empty:
        raise ProposalError("the draft is empty: sketch a line or a point first")
    order = [layer for layer in PROMOTE_ORDER if prop.features.get(layer)]
    results: dict[str, Any] = {}
    with store_transaction(data_dir=data_dir):
        for layer in order:
            payload = json.dumps({"type": "FeatureCollection", "features": prop.features[layer]},
                                 ensure_ascii=False).encode("utf-8")
            results[layer] = import_features(payload, layer, data_dir=data_dir,
                                             filename=f"{prop.name}-{layer}.geojson")
    clear_cache()
    return results


__all__ = ["Draft", "draft_history", "draft_path", "drafts_dir", "list_drafts", "load_draft", "promote_draft",
           "save_draft"]
