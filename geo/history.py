"""Version history of layers: every save keeps the version it replaces, and any version can be restored.

Versions live in ``<data>/history/<layer>/<UTC timestamp>.geojson`` (git-ignored), named by the moment
they were replaced, e.g. ``20261128T031502.123456Z.geojson``. ``geo.store`` writes the replaced version in
the same commit as the save (``version_path`` names it), so a version is in history exactly when a save
replaced it; ``geo.store.restore_layer`` brings a version back as a normal save, so a restore can be
undone by restoring the version it replaced. History is bounded per layer by count (MAX_VERSIONS) and
size (MAX_HISTORY_BYTES). This module knows files and names only (it never imports geo.store).
"""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from geo.errors import AtlasError
from geo.fileio import MAX_FILE_BYTES
from geo.paths import resolve_data_dir
from geo.schema import get_schema

log = logging.getLogger(__name__)

#: Oldest versions beyond this many per layer are deleted (about 70 MB for the counties layer) …
MAX_VERSIONS = 200
#: … and beyond this many bytes per layer (the newest version is always kept): two versions of the largest
#: layer the loader reads (fileio.MAX_FILE_BYTES), so 12 layers hold at most 1.5 GiB of history.
MAX_HISTORY_BYTES = 2 * MAX_FILE_BYTES
_STAMP = "%Y%m%dT%H%M%S.%fZ"


@dataclass(frozen=True)
class Version:
    """One archived version of a layer."""

    layer: str
    name: str  # the timestamp, e.g. 20261128T031502.123456Z
    path: Path
    size_bytes: int
    feature_count: int

    @property
    def replaced_at(self) -> datetime:
        """When this version was replaced by a newer save (UTC)."""
        return datetime.strptime(self.name.split("-")[0], _STAMP).replace(tzinfo=timezone.utc)


def history_dir(layer: str, *, data_dir: Path | None = None) -> Path:
    """Return the folder holding the archived versions of ``layer``."""
    get_schema(layer)  # the layer name, never user text, chooses the folder
    return resolve_data_dir(data_dir) / "history" / layer


def version_path(folder: Path) -> Path:
    """Return a new, unused ``folder/<UTC timestamp>.geojson`` for the version a save is about to replace.

    The caller writes it in the same commit as the save (``geo.fileio.commit_files``), holding the lock,
    and calls ``prune`` afterwards. Shared by the layer history and the history of sketch drafts.
    """
    now = datetime.now(timezone.utc)
    target = folder / f"{now.strftime(_STAMP)}.geojson"
    n = 1
    while target.exists():  # two saves in the same microsecond (or a clock step back)
        target = folder / f"{now.strftime(_STAMP)}-{n}.geojson"
        n += 1
    return target


def prune(folder: Path) -> None:
    """Keep the newest MAX_VERSIONS versions in ``folder`` that fit in MAX_HISTORY_BYTES (at least one).

    Also deletes temp files over a minute old (left by a save that was killed). Best effort: a file that
    cannot be deleted (read-only folder) stays, and is tried again at the next save.
    """
    now = time.time()
    for tmp in folder.glob(".*.tmp"):
        try:
            if now - tmp.stat().st_mtime > 60:
                tmp.unlink()
        except OSError:
            pass
    files = sorted((p for p in folder.glob("*.geojson") if not p.name.startswith(".")),
                   key=lambda p: (p.stem.partition("-")[0], int(p.stem.partition("-")[2] or 0)), reverse=True)
    total = 0
    for k, old in enumerate(files):
        try:
            total += old.stat().st_size
        except OSError:
            continue
        if k == 0 or (k < MAX_VERSIONS and total <= MAX_HISTORY_BYTES):
            continue
        log.info("history: dropping %s (over %d versions or %d bytes)", old, MAX_VERSIONS, MAX_HISTORY_BYTES)
        try:
            old.unlink()
        except OSError as exc:
            log.warning("history: cannot drop %s: %s", old, exc.strerror or exc)


def list_versions(layer: str, *, data_dir: Path | None = None) -> list[Version]:
    """Return the archived versions of ``layer``, newest first."""
    folder = history_dir(layer, data_dir=data_dir)
    out = []
    for p in folder.glob("*.geojson"):
        if p.name.startswith("."):  # temp files of an interrupted archive
            continue
        try:
            raw = p.read_bytes()
            datetime.strptime(p.stem.split("-")[0], _STAMP)
        except (OSError, ValueError):
            continue
        # files are written by dumps_collection, one '{"type": "Feature"' per feature
        out.append(Version(layer, p.stem, p, len(raw), raw.count(b'{"type": "Feature"')))
    return sorted(out, key=_order, reverse=True)


def _order(v: Version) -> tuple[str, int]:
    stamp, _, n = v.name.partition("-")
    return stamp, int(n) if n.isdigit() else 0


def find_version(layer: str, version: str, *, data_dir: Path | None = None) -> Version:
    """Find a version by its timestamp name, a unique prefix of it, or its number N (1 = newest)."""
    versions = list_versions(layer, data_dir=data_dir)
    if not versions:
        raise AtlasError(f"layer {layer} has no saved versions yet (history is kept from the first save on)")
    v = version.strip()
    if not v:
        raise AtlasError(f"give a version of layer {layer}: a number (1 = newest) or a timestamp from "
                         f"`atlas history {layer}`")
    if v.isdigit() and len(v) <= 3:  # a number; a timestamp prefix starts with the 4-digit year
        n = int(v)
        if 1 <= n <= len(versions):
            return versions[n - 1]
        raise AtlasError(f"layer {layer} has {len(versions)} version(s); pick 1 (newest) to {len(versions)}")
    v = v.removesuffix(".geojson")
    exact = [x for x in versions if x.name == v]
    matches = exact or [x for x in versions if x.name.startswith(v)]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise AtlasError(f"no version {version!r} of layer {layer}; run `atlas history {layer}` to list them "
                         f"(newest: {versions[0].name})")
    raise AtlasError(f"{version!r} matches {len(matches)} versions of layer {layer}: "
                     f"{', '.join(x.name for x in matches[:5])}; give more of the timestamp")


__all__ = ["MAX_HISTORY_BYTES", "MAX_VERSIONS", "Version", "find_version", "history_dir", "list_versions", "prune",
           "version_path"]
