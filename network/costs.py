"""Investment per plan project (亿元): data/params/project_costs.csv, sourced row by row.

Columns: feature_id, name_zh, cost_yi_yuan, cost_status (published | estimate | unknown), basis, scope,
year, source, url, confidence, note (docs/data/costs.md says where each figure comes from). A figure is
empty exactly when its status is ``unknown``; a project without a row is unknown too. Costs are never
filled in by the code: an unknown cost stays unknown and benefit per 亿元 is then not computed.
"""
from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass
from pathlib import Path

from geo.fileio import read_capped
from geo.paths import resolve_data_dir
from network.errors import NetworkError

COSTS_FILE = Path("params") / "project_costs.csv"
COST_STATUSES = ("published", "estimate", "unknown")
REQUIRED = ("feature_id", "cost_yi_yuan", "cost_status")


class CostTableError(NetworkError, ValueError):
    """data/params/project_costs.csv is malformed (the message names the line and what to fix)."""


@dataclass(frozen=True)
class Cost:
    """One project's investment: 亿元 (NaN if unknown), status and source line."""

    yi_yuan: float
    status: str
    source: str = ""

    @property
    def known(self) -> bool:
        return self.status != "unknown"


UNKNOWN = Cost(math.nan, "unknown")


def load_costs(data_dir: Path | str | None = None) -> dict[str, Cost]:
    """The cost table by feature id ({} when the file does not exist)."""
    path = resolve_data_dir(data_dir) / COSTS_FILE
    if not path.exists():
        return {}
    try:
        text = read_capped(path).decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CostTableError(f"{path}: not UTF-8 text; save the file as UTF-8") from None
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in REQUIRED if c not in (reader.fieldnames or [])]
    if missing:
        raise CostTableError(f"{path}: missing column(s) {', '.join(missing)}")
    out: dict[str, Cost] = {}
    for n, row in enumerate(reader, start=2):
        fid = (row.get("feature_id") or "").strip()
        if not fid:
            raise CostTableError(f"{path}: line {n}: feature_id is empty")
        if fid in out:
            raise CostTableError(f"{path}: line {n}: {fid} is listed twice")
        out[fid] = _cost(path, n, fid, row)
    return out


def _cost(path: Path, n: int, fid: str, row: dict) -> Cost:
    status = (row.get("cost_status") or "").strip()
    if status not in COST_STATUSES:
        raise CostTableError(f"{path}: line {n}: {fid}: cost_status {status!r}; use one of {', '.join(COST_STATUSES)}")
    text = (row.get("cost_yi_yuan") or "").strip()
    if status == "unknown":
        if text:
            raise CostTableError(f"{path}: line {n}: {fid}: a cost is given but cost_status is unknown")
        return Cost(math.nan, status, (row.get("source") or "").strip())
    try:
        value = float(text)
    except ValueError:
        raise CostTableError(f"{path}: line {n}: {fid}: cost_yi_yuan {text!r} is not a number (亿元)") from None
    if not (math.isfinite(value) and value > 0):
        raise CostTableError(f"{path}: line {n}: {fid}: cost_yi_yuan must be a positive number of 亿元, got {text!r}")
    return Cost(value, status, (row.get("source") or "").strip())


def portfolio_cost(costs: dict[str, Cost], project_ids: list[str]) -> tuple[float, float, list[str], str]:
    """(total 亿元 or NaN if any is unknown, total of the known ones, unknown ids, status summary).

    The status summary is ``published`` or ``estimate`` when every cost has that status, ``mixed`` when
    both, ``unknown`` when any cost is unknown, and ``none`` for the empty portfolio.
    """
    got = [costs.get(p, UNKNOWN) for p in project_ids]
    unknown = [p for p, c in zip(project_ids, got) if not c.known]
    known_sum = float(sum(c.yi_yuan for c in got if c.known))
    if not project_ids:
        return 0.0, 0.0, [], "none"
    if unknown:
        return math.nan, known_sum, unknown, "unknown"
    kinds = {c.status for c in got}
    return known_sum, known_sum, [], kinds.pop() if len(kinds) == 1 else "mixed"
