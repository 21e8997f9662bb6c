"""``atlas sweep``: evaluate every portfolio of a plan's projects (or the best build order) on Dask.

Writes one Parquet row per evaluated portfolio (columns: docs/SCALING.md); the request, the projects in
bit order, the best and greedy build orders are stored in the file's metadata (``atlas_sweep``, JSON).
Dask is loaded only when a sweep runs, so the other commands start as fast as before.
"""
from __future__ import annotations

import importlib
import io
import json
import sys
import time
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from geo.fileio import atomic_write_bytes
from network.errors import NetworkError
from network.sweep import MEASURES, MODES, SweepInterrupted, SweepSpec, finish

METADATA_KEY = b"atlas_sweep"


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


def write_sweep(df: pd.DataFrame, path: Path, *, complete: bool = True) -> None:
    """Write a sweep table as Parquet (atomically) with its request and orders in the metadata."""
    meta = {k: v for k, v in df.attrs.items() if isinstance(v, (str, int, float, list))}
    projects = list(df.attrs.get("projects", []))
    for col, key in (("best_order_step", "best_order"), ("greedy_step", "greedy_order")):
        steps = df.dropna(subset=[col]).sort_values(col) if col in df.columns else df.iloc[0:0]
        masks = steps["portfolio"].astype(int).tolist()
        meta[key] = [projects[(b ^ a).bit_length() - 1] for a, b in zip(masks, masks[1:])] if len(masks) > 1 else []
    meta["complete"] = complete
    table = pa.Table.from_pandas(df.drop(columns=[], errors="ignore"), preserve_index=False)
    table = table.replace_schema_metadata({**(table.schema.metadata or {}),
                                           METADATA_KEY: json.dumps(meta, ensure_ascii=False).encode()})
    buf = io.BytesIO()
    pq.write_table(table, buf)
    try:
        atomic_write_bytes(path, buf.getvalue())
    except OSError as exc:
        raise NetworkError(f"--out {path}: cannot write the file ({exc.strerror or exc}); nothing was written") \
            from None


def read_sweep(path: str | Path) -> tuple[pd.DataFrame, dict]:
    """Read a sweep file: the table and its metadata (request, projects, orders)."""
    try:
        table = pq.read_table(path)
    except (OSError, pa.ArrowException) as exc:
        raise NetworkError(f"{path}: not a readable Parquet file ({exc})") from None
    raw = (table.schema.metadata or {}).get(METADATA_KEY)
    if raw is None:
        raise NetworkError(f"{path}: not a sweep file written by `atlas sweep` (no atlas_sweep metadata)")
    return table.to_pandas(), json.loads(raw)


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
    steps = df.dropna(subset=["best_order_step"]).sort_values("best_order_step")
    if len(steps) > 1:
        print(f"best build order (benefit summed over the steps, {unit}):")
        prev, mask = 0.0, 0
        for _, r in steps.iloc[1:].iterrows():
            added = projects[(int(r["portfolio"]) ^ mask).bit_length() - 1] if projects else "?"
            cost = "cost unknown" if pd.isna(r["cost_yi_yuan"]) else f"{r['cost_yi_yuan']:,.0f} 亿元 in all"
            print(f"  {int(r['best_order_step']):2d}. {added:32} +{r['benefit'] - prev:>14,.0f} → "
                  f"{r['benefit']:>14,.0f} ({cost})")
            prev, mask = r["benefit"], int(r["portfolio"])
    front = df[df["pareto"]]
    print(f"Pareto front (benefit vs cost, known costs only): {len(front)} portfolios")
