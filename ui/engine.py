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
        return resolve_scenario(spec, include=include, base=Path(base))
    except ImportError as exc:
        raise _engine_error(exc) from None
    except Exception as exc:  # AtlasError subclasses, DataNotReadyError …
        raise _engine_error(exc) from None


def resolve(spec: str, include: Sequence[str] = ()) -> Any:
    """Return the engine's Scenario for ``spec`` (+ included project ids)."""
    base, stamp = data_stamp()
    return _scenario(base, stamp, spec, tuple(sorted(include)))


def scenario_names() -> list[str]:
    """Return the engine's scenario names (existing, years, plan sets), or the standard ones."""
    try:
        from network.scenario import scenario_names as names
        return names()
    except Exception:  # noqa: BLE001 - engine not ready: offer the standard choices
        return ["existing", "2025", "2030", "2035"]
