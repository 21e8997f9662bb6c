"""``atlas sweep``: evaluate every portfolio of a plan's projects (or the best build order) on Dask.

Writes one Parquet row per evaluated portfolio (network.sweep_files; columns: docs/SCALING.md).
Dask is loaded only when a sweep runs, so the other commands start as fast as before.
"""
from __future__ import annotations

import importlib
import sys
import time
from pathlib import Path

import pandas as pd

from network.errors import NetworkError
from network.sweep_files import write_sweep
from network.sweep import MEASURES, MODES, SweepInterrupted, SweepSpec, finish, order_steps

def register(sub) -> None:
    p = sub.add_parser("sweep", help="evaluate every subset (or the best build order) of a plan's projects on Dask")
    p.add_argument("--baseline", "--base", dest="baseline", required=True, metavar="S")
    p.add_argument("--with", dest="with_", required=True, metavar="S")
    p.add_argument("--projects", default="", metavar="IDS",
                   help="comma-separated project ids (default: every project between the scenarios, at most 16)")
    p.add_argument("--measure", default="residents", choices=MEASURES)
    p.add_argument("--mode", default="subsets", choices=MODES,
                   help="subsets: every subset; sequence: the best build order (exhaustive up to 8 projects, "
                        "greedy beyond)")
    p.add_argument("--origins", default="grid:1", help="residents: counties | grid:KM | FILE (default grid:1)")
    p.add_argument("--sites", default="national", choices=("all", "national"))
    p.add_argument("--scheduler", metavar="ADDRESS", help="a running Dask scheduler, e.g. tcp://10.0.0.5:8786 "
                                                          "(default: a LocalCluster on this machine)")
    p.add_argument("--workers", type=int, default=None,
                   help="LocalCluster workers (default: one per core); 0 runs in this process without Dask")
    p.add_argument("--out", required=True, help="FILE.parquet")
    p.set_defaults(handler=cmd_sweep)


def _out(path: str) -> Path:
    p = Path(path)
    if p.suffix.lower() != ".parquet":
        raise NetworkError(f"--out {path}: use a file ending in .parquet")
    if p.is_dir() or not p.parent.is_dir():
        raise NetworkError(f"--out {path}: {'is a folder' if p.is_dir() else f'{p.parent} does not exist'}")
    return p


def _bar():
    if not sys.stderr.isatty():
        return None
    start = time.perf_counter()

    def show(done: int, total: int) -> None:
        el = time.perf_counter() - start
        left = el / done * (total - done) if done else 0
        width = 30
        fill = int(width * done / max(total, 1))
        print(f"\r  sweep [{'#' * fill}{'.' * (width - fill)}] {done:,}/{total:,}  {el:5.0f} s, ~{left:4.0f} s left",
              end="" if done < total else "\n", file=sys.stderr, flush=True)
    return show


def cmd_sweep(args) -> int:
    out = _out(args.out)
    spec = SweepSpec(args.baseline, args.with_, tuple(p.strip() for p in args.projects.split(",") if p.strip()),
                     args.measure, args.origins, args.sites)
    runner = importlib.import_module("network.sweep_run")   # Dask is imported only when a sweep runs
    t = time.perf_counter()
    try:
        df = runner.run_sweep(spec, mode=args.mode, scheduler=args.scheduler, workers=args.workers,
                              progress=_bar())
    except SweepInterrupted as stop:
        if stop.rows:
            df = finish(stop.rows, [], order=None, greedy=None)
            df.attrs.update(baseline=spec.baseline, with_=spec.with_, measure=spec.measure, mode=args.mode)
            write_sweep(df, out, complete=False)
        print(f"\natlas: {stop}; {len(stop.rows):,} rows in {out}" if stop.rows else f"\natlas: {stop}",
              file=sys.stderr)
        return 130
    write_sweep(df, out)
    _summary(df, time.perf_counter() - t, out)
    return 0


def _summary(df: pd.DataFrame, seconds: float, out: Path) -> None:
    projects = df.attrs.get("projects", [])
    unit = "people×minutes" if df.attrs.get("measure") == "residents" else "people×hours"
    print(f"{len(df):,} portfolios of {len(projects)} projects in {seconds:.1f} s → {out}")
    column = "best_order_step" if df["best_order_step"].notna().any() else "greedy_step"
    steps = order_steps(df, projects, column)
    if len(steps):
        print(f"{'best' if column == 'best_order_step' else 'greedy'} build order (benefit in {unit}):")
        for r in steps.itertuples():
            cost = "cost unknown" if pd.isna(r.cost_yi_yuan) else f"{r.cost_yi_yuan:,.0f} 亿元 in all"
            print(f"  {r.step:2d}. {r.project_id:32} +{r.added_benefit:>14,.0f} → {r.benefit:>14,.0f} ({cost})")
    front = df[df["pareto"]]
    print(f"Pareto front (benefit vs cost, known costs only): {len(front)} portfolios")
