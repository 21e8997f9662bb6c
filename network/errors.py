"""Exceptions raised by the analytical engine; all are user-fixable ``geo.errors.AtlasError`` subclasses.

The CLI dispatcher prints them as one line and exits 1, without a traceback.
"""
from __future__ import annotations

from geo.errors import AtlasError, UnknownNameError


class NetworkError(AtlasError):
    """Base class of engine errors."""


class ParameterError(NetworkError, ValueError):
    """The parameter table is missing, malformed or lacks a key the engine needs."""


class ScenarioError(NetworkError, ValueError):
    """A scenario specification or the plan-set table is invalid."""


class UnknownFeatureError(UnknownNameError):
    """A feature id given to include/exclude is not in the data; the message lists close matches."""


class UnknownPlaceError(UnknownNameError):
    """A place/station/site/airport name was not found (or is ambiguous); the message lists candidates."""


class OriginsError(NetworkError, ValueError):
    """An origins specification or origins file is invalid."""


class DataNotReadyError(NetworkError):
    """The layers the engine needs are missing (e.g. the real dataset has not been built yet)."""


class ProposalError(NetworkError, ValueError):
    """A sketched proposal (line, station, …) is invalid; nothing was added or changed."""


class WorkLimitError(NetworkError, ValueError):
    """An analysis would exceed one of the engine's work bounds (network/limits.py); refused before it starts."""
