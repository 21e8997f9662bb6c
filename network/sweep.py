"""Portfolio sweeps: every subset of a plan's projects (or the best build order), evaluated on Dask.

A *portfolio* is a set of projects (``network.ranking.find_projects`` between two scenarios) added to the
baseline. Its benefit is the gain over the baseline on one measure family (docs/MEASURES.md):

* ``residents``: population × minutes saved to the nearest (national) site (``pop_minutes``), per
  inhabitant (``mean_minutes``), people newly within each ``residents.rank_within_minutes``;
* ``visitors``: people-hours saved on a trip from the origin markets to an average national site
  (``visitor_pop_hours``) and people newly within ``visitors.rank_within_hours``.

The work is split into batches of portfolios and runs on Dask distributed — a ``LocalCluster`` by default
or an existing scheduler. Workers need only the installed package: the data folder's engine files are
sent to them once (``data_bundle``), never read from a shared disk. Rows come back as batches finish;
a batch on a worker that dies is re-run by the scheduler, and a finished sweep is checked to hold every
portfolio (no silent gap). Ctrl-C cancels what is left and keeps the finished rows.
"""
from __future__ import annotations

import atexit
import hashlib
import logging
import math
import shutil
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from geo.paths import DATA_PARTS, ENGINE_PARTS, resolve_data_dir
from network.costs import load_costs, portfolio_cost
from network.data import load_network_data
from network.engine import data_params
from network.errors import NetworkError
from network.measures import gain, visitor_gain
from network.origins import parse_origins
from network.ranking import ScenarioTimes, find_projects, rank_thresholds
from network.scenario import Scenario, resolve_scenario
from network.visitors import market_frame

log = logging.getLogger(__name__)

MEASURES = ("residents", "visitors")
MODES = ("subsets", "sequence")
MAX_PROJECTS = 16           # 2^16 = 65,536 portfolios
MAX_EXHAUSTIVE_ORDER = 8    # sequence mode: every order (via every subset) up to this many projects
#: progress(done portfolios, total portfolios)
Progress = Callable[[int, int], None]


class SweepError(NetworkError, ValueError):
    """A sweep request is invalid (unknown project, too many projects, bad measure or mode)."""


class SweepInterrupted(NetworkError):
    """The sweep was stopped (Ctrl-C); ``rows`` holds the portfolios finished before the stop."""

    def __init__(self, rows: list[dict], total: int):
        super().__init__(f"sweep stopped after {len(rows):,} of {total:,} portfolios; the finished rows were kept")
        self.rows, self.total = rows, total


@dataclass(frozen=True)
class SweepSpec:
    """What to sweep: two scenarios, the projects (default: every project between them) and the measure."""

    baseline: str | Scenario      # a scenario spec (the CLI) or a resolved Scenario (the app)
    with_: str | Scenario
    projects: tuple[str, ...] = ()
    measure: str = "residents"
    origins: str = "grid:1"
    sites: str = "national"


# -- the data sent to workers ------------------------------------------------------------------------------

def data_bundle(data_dir: Path | str | None = None) -> dict[str, bytes]:
    """The engine's input files of a data folder (layers, parameter tables, markets) as {relative path: bytes}."""
    root = resolve_data_dir(data_dir)
    out = {}
    for part in ENGINE_PARTS:
        sub, pattern = DATA_PARTS[part]
        for p in sorted((root / sub).glob(pattern or "*")):
            if p.is_file():
                out[str(p.relative_to(root))] = p.read_bytes()
    return out


def bundle_digest(bundle: dict[str, bytes]) -> str:
    h = hashlib.blake2b(digest_size=16)
    for name in sorted(bundle):
        h.update(name.encode() + b"\0" + hashlib.blake2b(bundle[name], digest_size=16).digest())
    return h.hexdigest()


_FOLDERS: dict[str, Path] = {}       # per process: bundle digest -> the folder it was written to
_CONTEXTS: dict[tuple, SweepContext] = {}


def _materialise(bundle: dict[str, bytes]) -> Path:
    """Write a bundle to a private temporary folder once per process; return the folder."""
    key = bundle_digest(bundle)
    if key not in _FOLDERS:
        root = Path(tempfile.mkdtemp(prefix="atlas-sweep-"))
        atexit.register(shutil.rmtree, root, ignore_errors=True)   # the worker's copy goes with the worker
        try:
            for name, raw in bundle.items():
                p = (root / name).resolve()
                if root.resolve() not in p.parents:
                    raise SweepError(f"data bundle: {name!r} is outside the data folder")
                p.parent.mkdir(parents=True, exist_ok=True)
                p.write_bytes(raw)
        except OSError as exc:
            shutil.rmtree(root, ignore_errors=True)
            raise SweepError(f"cannot write the sweep's data copy in {root.parent} ({exc.strerror or exc})") from None
        _FOLDERS[key] = root
    return _FOLDERS[key]


def context_for(spec: SweepSpec, bundle: dict[str, bytes]) -> SweepContext:
    """The evaluation context of ``spec`` on ``bundle``'s data, built once per process."""
    key = (bundle_digest(bundle), spec)
    if key not in _CONTEXTS:
        _CONTEXTS.clear()
        _CONTEXTS[key] = SweepContext(spec, _materialise(bundle))
    return _CONTEXTS[key]


def evaluate_batch(spec: SweepSpec, bundle: dict[str, bytes], masks: Sequence[int]) -> list[dict]:
    """Evaluate portfolios (bit masks over the context's projects) — the function Dask runs on workers."""
    ctx = context_for(spec, bundle)
    return [ctx.evaluate(int(m)) for m in masks]


# -- evaluating one portfolio ---------------------------------------------------------------------------

class SweepContext:
    """Scenarios, projects, origins and baseline minutes of one sweep; ``evaluate(mask)`` gives one row."""

    def __init__(self, spec: SweepSpec, data_dir: Path | str | None = None):
        if spec.measure not in MEASURES:
            raise SweepError(f"unknown measure {spec.measure!r}; use one of {', '.join(MEASURES)}")
        self.spec = spec
        self.data = load_network_data(data_dir)
        self.params = data_params(self.data)
        self.baseline = resolve_scenario(spec.baseline, data=self.data, params=self.params)
        with_ = resolve_scenario(spec.with_, data=self.data, params=self.params)
        self.projects = _choose(find_projects(self.baseline, with_, self.data), spec.projects, spec)
        origins = parse_origins(spec.origins, data=self.data) if spec.measure == "residents" else None
        self.pop = None if origins is None else np.nan_to_num(origins["population"].to_numpy(float))
        self.times = ScenarioTimes(self.data, self.params, origins, spec.sites, (spec.measure,))
        self.base = self.times(self.baseline.feature_ids, self.baseline.name)[spec.measure]
        self.thresholds = rank_thresholds(self.params)
        self.within = self.params.num("visitors.rank_within_hours") * 60
        self.markets = market_frame(self.data)["population"].to_numpy(float)
        self.costs = load_costs(self.data.data_dir)

    @property
    def project_ids(self) -> list[str]:
        return [p.project_id for p in self.projects]

    def chosen(self, mask: int) -> list[str]:
        return [p.project_id for i, p in enumerate(self.projects) if mask >> i & 1]

    def evaluate(self, mask: int) -> dict:
        """One row: the portfolio, its benefit over the baseline and its cost."""
        ids = set(self.baseline.feature_ids)
        for i, p in enumerate(self.projects):
            if mask >> i & 1:
                ids |= p.feature_ids
        chosen = self.chosen(mask)
        row = {"portfolio": mask, "projects": " ".join(chosen), "n_projects": len(chosen)}
        after = self.times(frozenset(ids), f"{self.baseline.name}+{mask}")[self.spec.measure]
        if self.spec.measure == "residents":
            g = gain(self.pop, self.base, after, thresholds=self.thresholds)
            row.update(g)
            row["benefit"] = g["pop_minutes"]
        else:
            g = visitor_gain(self.markets, self.base, after, within_minutes=self.within)
            row.update({"visitor_pop_hours": g["pop_hours_saved"],
                        f"visitor_pop_newly_within_{self.within / 60:g}h": g["pop_newly_within"]})
            row["benefit"] = g["pop_hours_saved"]
        total, known, unknown, status = portfolio_cost(self.costs, chosen)
        row.update({"cost_yi_yuan": total, "cost_known_yi_yuan": known, "cost_unknown": " ".join(unknown),
                    "cost_status": status})
        row["benefit_per_yi_yuan"] = row["benefit"] / total if total and math.isfinite(total) else math.nan
        return row


def _choose(found: list, wanted: Iterable[str], spec: SweepSpec) -> list:
    wanted = list(dict.fromkeys(wanted))
    by_id = {p.project_id: p for p in found}
    if wanted:
        bad = [w for w in wanted if w not in by_id]
        if bad:
            raise SweepError(f"not a project between {spec.baseline} and {spec.with_}: {', '.join(bad)}; "
                             f"projects are: {', '.join(by_id) or '(none)'}")
        found = [by_id[w] for w in wanted]
    if not found:
        raise SweepError(f"no project differs between {spec.baseline} and {spec.with_}")
    if len(found) > MAX_PROJECTS:
        raise SweepError(f"{len(found)} projects would make 2^{len(found)} portfolios; choose at most "
                         f"{MAX_PROJECTS} with --projects")
    return found


# -- orders and fronts ----------------------------------------------------------------------------------

def best_order(benefit: dict[int, float], n: int) -> list[int]:
    """The build order (project positions) maximising the benefit summed over the build steps.

    Exact, by dynamic programming over every subset (each subset's best way to be reached); needs the
    benefit of every subset of the ``n`` projects.
    """
    best = {0: (0.0, [])}
    for mask in range(1, 1 << n):
        cands = [(best[mask ^ (1 << i)][0] + benefit[mask], best[mask ^ (1 << i)][1] + [i])
                 for i in range(n) if mask >> i & 1]
        best[mask] = max(cands, key=lambda c: c[0])
    return best[(1 << n) - 1][1]


def greedy_order(benefit: Callable[[int], float], n: int) -> list[int]:
    """The order that adds, at each step, the project giving the largest benefit with those already chosen."""
    mask, order = 0, []
    for _ in range(n):
        i = max((i for i in range(n) if not mask >> i & 1), key=lambda i: benefit(mask | 1 << i))
        order.append(i)
        mask |= 1 << i
    return order


def pareto_front(cost: np.ndarray, benefit: np.ndarray) -> np.ndarray:
    """True for portfolios of known cost that no other portfolio beats (cheaper or equal and better)."""
    ok = np.isfinite(cost) & np.isfinite(benefit)
    front = np.zeros(len(cost), dtype=bool)
    order = np.lexsort((-benefit, cost))
    best = -math.inf
    for i in order:
        if ok[i] and benefit[i] > best:
            front[i], best = True, benefit[i]
    return front


def finish(rows: list[dict], ctx_projects: list[str], *, order: list[int] | None,
           greedy: list[int] | None) -> pd.DataFrame:
    """Sort rows by portfolio; add the Pareto flag and each portfolio's step in the best / greedy order."""
    df = pd.DataFrame(rows).sort_values("portfolio", kind="stable").reset_index(drop=True)
    df["pareto"] = pareto_front(df["cost_yi_yuan"].to_numpy(float), df["benefit"].to_numpy(float))
    for col, seq in (("best_order_step", order), ("greedy_step", greedy)):
        step = pd.Series(pd.NA, index=df.index, dtype="Int64")
        if seq is not None:
            masks = np.cumsum([0] + [1 << i for i in seq])
            pos = {int(m): k for k, m in enumerate(masks)}
            step = df["portfolio"].map(pos).astype("Int64")
        df[col] = step
    df.attrs["projects"] = ctx_projects
    return df


def order_steps(df: pd.DataFrame, projects: Sequence[str], column: str = "best_order_step") -> pd.DataFrame:
    """The build order of a sweep table as steps: step, project_id, added_benefit, benefit, cost_yi_yuan.

    ``projects`` are the project ids in bit order (the table's ``attrs['projects']`` or the file metadata).
    """
    cols = ["step", "project_id", "added_benefit", "benefit", "cost_yi_yuan"]
    if column not in df.columns:
        return pd.DataFrame(columns=cols)
    steps = df.dropna(subset=[column]).sort_values(column)
    rows, prev, mask = [], 0.0, 0
    for _, r in steps.iterrows():
        m = int(r["portfolio"])
        if m == 0:
            prev = float(r["benefit"])
            continue
        rows.append({"step": int(r[column]), "project_id": projects[(m ^ mask).bit_length() - 1],
                     "added_benefit": float(r["benefit"]) - prev, "benefit": float(r["benefit"]),
                     "cost_yi_yuan": float(r["cost_yi_yuan"])})
        prev, mask = float(r["benefit"]), m
    return pd.DataFrame(rows, columns=cols)


# -- running the portfolios a mode needs ----------------------------------------------------------------

class SerialRunner:
    """Evaluate in this process (``--workers 0``, and the reference the Dask results are tested against)."""

    def __init__(self, ctx: SweepContext, progress: Progress | None = None):
        self.ctx, self.progress = ctx, progress
        self.done = 0

    def run(self, masks: Sequence[int], total: int) -> list[dict]:
        rows = []
        try:
            for m in masks:
                rows.append(self.ctx.evaluate(int(m)))
                self.done += 1
                if self.progress:
                    self.progress(self.done, total)
        except KeyboardInterrupt:
            raise SweepInterrupted(rows, len(masks)) from None
        return rows

    def close(self) -> None:
        pass


def sweep_with(runner, ctx: SweepContext, mode: str = "subsets") -> pd.DataFrame:
    """Evaluate with ``runner`` (SerialRunner, or network.sweep_run.DaskRunner) what ``mode`` needs.

    subsets: every subset, with the exact best order and the greedy order from their values; sequence:
    the same up to MAX_EXHAUSTIVE_ORDER projects, beyond it greedy rounds (1 + n(n+1)/2 portfolios).
    """
    n = len(ctx.projects)
    if mode == "subsets" or n <= MAX_EXHAUSTIVE_ORDER:
        rows = runner.run(list(range(1 << n)), 1 << n)
        value = {r["portfolio"]: r["benefit"] for r in rows}
        order, greedy = best_order(value, n), greedy_order(value.__getitem__, n)
    else:
        rows, greedy = _greedy_rounds(runner, n)
        order = None
    df = finish(rows, ctx.project_ids, order=order, greedy=greedy)
    df.attrs.update(baseline=ctx.baseline.name, with_=str(getattr(ctx.spec.with_, "name", ctx.spec.with_)),
                    measure=ctx.spec.measure, mode=mode, sites=ctx.spec.sites,
                    origins=ctx.spec.origins if ctx.spec.measure == "residents" else "markets")
    return df


def _greedy_rounds(runner, n: int) -> tuple[list[dict], list[int]]:
    """Greedy build order for many projects: each round evaluates every remaining project added to the set."""
    total = 1 + n * (n + 1) // 2
    rows = runner.run([0], total)
    mask, order = 0, []
    for _ in range(n):
        cands = [mask | 1 << i for i in range(n) if not mask >> i & 1]
        got = runner.run(cands, total)
        rows.extend(got)
        best = max(got, key=lambda r: (r["benefit"], -r["portfolio"]))
        order.append((best["portfolio"] ^ mask).bit_length() - 1)
        mask = best["portfolio"]
    return rows, order
