"""Where the data lives, and one version stamp over every input file.

``data_dir`` arguments everywhere name a data folder (``layers/``, ``params/``, ``calibration.csv``,
``views.json`` …); ``None`` means ``default_data_dir()``: ``$ATLAS_DATA_DIR`` if set, else the repository's
``data/``. ``data_version`` stamps every input file once per request, and every cache key includes it, so
an edited layer, parameter table or calibration row is never served stale.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from geo.schema import LAYERS, get_schema

REPO_DATA_DIR = Path(__file__).resolve().parent.parent / "data"

#: The parts of a data folder a DataVersion stamps: name -> (sub-folder or file, glob within a folder).
DATA_PARTS: dict[str, tuple[str, str | None]] = {
    "layers": ("layers", "*.geojson"),
    "params": ("params", "*.csv"),
    "markets": ("markets", "*.csv"),
    "basemap": ("basemap", "*.geojson"),
    "calibration": ("calibration.csv", None),
    "views": ("views.json", None),
}
#: What the engine reads (layers, parameter tables, markets): its caches are keyed on these parts only, so
#: saving a view does not recompute an analysis.
ENGINE_PARTS: tuple[str, ...] = ("layers", "params", "markets")


def default_data_dir() -> Path:
    """Return the data folder: ``$ATLAS_DATA_DIR`` if set, else the repository's ``data/``."""
    env = os.environ.get("ATLAS_DATA_DIR")
    return Path(env) if env else REPO_DATA_DIR


def resolve_data_dir(data_dir: str | os.PathLike[str] | None) -> Path:
    """Return ``data_dir`` as a Path, or the default data folder when it is None."""
    return Path(data_dir) if data_dir else default_data_dir()


def layer_path(name: str, *, data_dir: str | os.PathLike[str] | None = None) -> Path:
    """Return the file path of layer ``name`` (an unknown name raises UnknownNameError)."""
    get_schema(name)
    return resolve_data_dir(data_dir) / "layers" / f"{name}.geojson"


def _stamp(path: Path) -> tuple[str, int | None, int | None]:
    try:
        st = path.stat()
    except OSError:
        return (path.name, None, None)
    return (path.name, st.st_mtime_ns, st.st_size)


@dataclass(frozen=True)
class DataVersion:
    """The stamp (name, mtime_ns, size) of every input file of a data folder, by part (see DATA_PARTS)."""

    data_dir: str
    parts: tuple[tuple[str, tuple], ...]

    def key(self, *names: str) -> tuple:
        """Return a hashable cache key over the named parts (all parts when none are named)."""
        wanted = names or tuple(DATA_PARTS)
        return (self.data_dir,) + tuple(stamp for name, stamp in self.parts if name in wanted)

    @property
    def engine_key(self) -> tuple:
        """The key of everything the engine reads (ENGINE_PARTS)."""
        return self.key(*ENGINE_PARTS)

    def missing_layers(self) -> tuple[str, ...]:
        """Return the layers whose file is absent."""
        stamps = dict(self.parts)["layers"]
        present = {name for name, mtime, _ in stamps if mtime is not None}
        return tuple(n for n in LAYERS if f"{n}.geojson" not in present)


def data_version(data_dir: str | os.PathLike[str] | None = None) -> DataVersion:
    """Stamp every input file of ``data_dir`` (about 25 ``stat`` calls); compute once per request."""
    root = resolve_data_dir(data_dir)
    parts = []
    for name, (sub, pattern) in DATA_PARTS.items():
        target = root / sub
        if pattern is None:
            parts.append((name, (_stamp(target),)))
        elif name == "layers":  # every layer, present or not, so that a new file changes the key
            parts.append((name, tuple(_stamp(target / f"{n}.geojson") for n in LAYERS)))
        else:
            files = sorted(target.glob(pattern)) if target.is_dir() else []
            parts.append((name, tuple(_stamp(p) for p in files)))
    return DataVersion(str(root.resolve()), tuple(parts))
