"""The app's bridge to network/: scenario resolution and analysis results, cached (see ui.cache).

Everything here degrades gracefully: if the engine or the data it needs is not there yet, functions
raise EngineUnavailable with a readable reason, and the app shows it instead of a traceback.
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Sequence

import streamlit as st

from ui.cache import data_stamp

log = logging.getLogger(__name__)


class EngineUnavailable(RuntimeError):
    """The network engine cannot answer (not installed yet, or data missing)."""


def _engine_error(exc: BaseException) -> EngineUnavailable:
    return EngineUnavailable(f"{type(exc).__name__}: {exc}")


@st.cache_resource(show_spinner=False, max_entries=16)
def _scenario(base: str, stamp: tuple, spec: str, include: tuple[str, ...]) -> Any:
    try:
        from network.scenario import resolve_scenario
        return resolve_scenario(spec, include=include, data_dir=Path(base))
    except ImportError as exc:
        raise _engine_error(exc) from None
    except Exception as exc:  # AtlasError subclasses, DataNotReadyError …
        raise _engine_error(exc) from None


def resolve(spec: str, include: Sequence[str] = ()) -> Any:
    """Return the engine's Scenario for ``spec`` (+ included project ids)."""
    base, stamp = data_stamp()
    return _scenario(base, stamp, spec, tuple(sorted(include)))


def _warm_import() -> None:
    try:
        import network  # noqa: F401  (scipy, networkx …: ~0.6 s the first time)
    except Exception:  # noqa: BLE001 - reported when actually used
        pass


def scenario_names() -> list[str]:
    """Return the engine's scenario names (existing, years, plan sets), or the standard ones.

    The first page of a fresh server must not wait ~0.6 s for the engine's imports just to list the plan
    sets, so until ``network`` is imported (in a background thread started here) the names come from
    the same file the engine reads (``params/plan_sets.csv``, column ``name``, in file order).
    """
    import sys
    if "network.scenario" in sys.modules:
        try:
            from network.scenario import scenario_names as names
            return names()
        except Exception:  # noqa: BLE001 - engine not ready: offer the standard choices
            return ["existing", "2025", "2030", "2035"]
    import threading
    threading.Thread(target=_warm_import, name="atlas-warm-network", daemon=True).start()
    return scenario_names_from_file()


def scenario_names_from_file(base: Path | None = None) -> list[str]:
    """Return existing, the standard years and the plan-set names of ``params/plan_sets.csv``."""
    import csv
    from geo.paths import default_data_dir
    out = ["existing", "2025", "2030", "2035"]
    p = (base or default_data_dir()) / "params" / "plan_sets.csv"
    try:
        rows = csv.DictReader(p.read_text(encoding="utf-8-sig").splitlines())
        out += [r["name"].strip() for r in rows if (r.get("name") or "").strip()]
    except (OSError, KeyError, csv.Error):
        pass
    return out
