"""Exception classes shared by the library, the CLI and the app."""
from __future__ import annotations

from dataclasses import dataclass


class AtlasError(Exception):
    """Base class for errors a user can fix (bad input, unknown names)."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one feature (or with a whole file when ``index`` is None)."""

    file: str
    index: int | None
    feature_id: str | None
    field: str | None
    reason: str
    severity: str = "error"  # "error" | "warning"

    def __str__(self) -> str:
        where = [self.file]
        if self.index is not None:
            where.append(f"feature {self.index}")
        if self.feature_id:
            where.append(f"id={self.feature_id}")
        if self.field:
            where.append(f"field={self.field}")
        return f"{': '.join(where)}: {self.reason}"


class LayerError(AtlasError, ValueError):
    """A layer (file or in-memory collection) failed validation; lists every problem found."""

    def __init__(self, problems: list[Problem], *, summary: str | None = None):
        self.problems = list(problems)
        head = summary or f"{len(self.problems)} problem(s) found"
        super().__init__(head + "\n" + "\n".join(f"  {p}" for p in self.problems))

    @classmethod
    def for_file(cls, file: str, reason: str) -> LayerError:
        """The error of one problem with a whole file (no feature, id or field to point at)."""
        return cls([Problem(file, None, None, None, reason)])


class StoreError(AtlasError):
    """The store refused or failed to write (too large, folder busy, read-only, disk full): one line that
    names the file and the reason, and says whether anything was written (normally: nothing)."""


class UnknownNameError(AtlasError, KeyError):
    """A name (layer, place, scenario) was not found; the message lists close matches."""

    def __str__(self) -> str:  # KeyError would repr() the message
        return str(self.args[0]) if self.args else "unknown name"
