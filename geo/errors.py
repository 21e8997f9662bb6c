"""Exception classes shared by the library, the CLI and the app."""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

#: Problems listed per kind (the same reason with other names or numbers), and in all, before the rest is
#: counted: a file with 900,000 unknown properties printed 900,001 lines (304 MB of stderr).
PROBLEMS_PER_KIND = 10
PROBLEMS_LISTED = 100


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

    @property
    def kind(self) -> str:
        """What is wrong, without the names and numbers that differ between features."""
        return self.severity + ":" + _VARYING.sub("#", self.reason)[:80]


_VARYING = re.compile(r"'[^']*'|\"[^\"]*\"|\d+(?:\.\d+)?(?:e[+-]?\d+)?")


def problem_lines(problems: Iterable[Problem], *, per_kind: int = PROBLEMS_PER_KIND,
                  listed: int = PROBLEMS_LISTED) -> list[str]:
    """One line per problem, at most ``per_kind`` of a kind and ``listed`` in all, then what was left out.

    >>> ps = [Problem("f", i, None, f"x{i}", "unknown field") for i in range(25)]
    >>> problem_lines(ps, per_kind=2)[-1]
    '… and 23 more problem(s) like: f: feature 2: field=x2: unknown field'
    >>> len(problem_lines(ps, per_kind=2))
    3
    """
    def line(p: Problem) -> str:
        return f"warning: {p}" if p.severity == "warning" and not p.reason.startswith("warning") else str(p)

    shown: list[str] = []
    per: dict[str, int] = {}
    left: dict[str, list] = {}  # kind -> [count left out, the first left out]
    for p in problems:
        k = p.kind
        if per.get(k, 0) < per_kind and len(shown) < listed:
            shown.append(line(p))
            per[k] = per.get(k, 0) + 1
        else:
            left.setdefault(k, [0, p])[0] += 1
    tail = sorted(left.values(), key=lambda v: -v[0])
    shown += [f"… and {n} more problem(s) like: {line(first)}" for n, first in tail[:per_kind]]
    if len(tail) > per_kind:
        rest = sum(n for n, _ in tail[per_kind:])
        shown.append(f"… and {rest} more problem(s) of {len(tail) - per_kind} other kind(s)")
    return shown


def capped_lines(lines: list[str], *, listed: int = PROBLEMS_LISTED) -> list[str]:
    """The first ``listed`` of ``lines``, then one line counting the rest (messages made of plain strings)."""
    if len(lines) <= listed:
        return list(lines)
    return lines[:listed] + [f"… and {len(lines) - listed} more problem(s)"]


class LayerError(AtlasError, ValueError):
    """A layer (file or in-memory collection) failed validation; lists every problem found."""

    def __init__(self, problems: list[Problem], *, summary: str | None = None):
        self.problems = list(problems)
        head = summary or f"{len(self.problems)} problem(s) found"
        super().__init__(head + "\n" + "\n".join(f"  {line}" for line in problem_lines(self.problems)))

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
