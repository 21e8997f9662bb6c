"""Sweep files: one Parquet row per evaluated portfolio, the request and the orders in the file's metadata.

The metadata key ``atlas_sweep`` holds JSON: baseline, with_, measure, mode, origins, sites, projects (in
bit order: bit i of ``portfolio`` is ``projects[i]``), best_order and greedy_order (project ids) and
``complete`` (false when the sweep was stopped and the file holds the rows finished until then).
"""
from __future__ import annotations

import io
import json
from pathlib import Path
from typing import BinaryIO

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from geo.fileio import atomic_write_bytes
from network.costs import MAX_COST_YI_YUAN
from network.errors import NetworkError
from network.sweep import MAX_PROJECTS

METADATA_KEY = b"atlas_sweep"
#: What a sweep file read back (an upload in the app) may hold: 2^16 portfolios of a few hundred bytes each
#: fit in a few MB; a cost is at most the 16 projects' bound each.
MAX_SWEEP_ROWS = 2 ** MAX_PROJECTS
MAX_SWEEP_BYTES = 32 * 1024 * 1024
MAX_PORTFOLIO_YI_YUAN = MAX_PROJECTS * MAX_COST_YI_YUAN
#: the columns the app and ``order_steps`` read
SWEEP_COLUMNS = ("portfolio", "projects", "benefit", "cost_yi_yuan", "cost_unknown", "pareto", "best_order_step",
                 "greedy_step")


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


def read_sweep(path: str | Path | BinaryIO) -> tuple[pd.DataFrame, dict]:
    """Read a sweep file (a path, or an upload's file object): the table and its metadata (request, projects,
    orders). A file that is not one written by ``atlas sweep`` — too large, too many rows, metadata or columns
    not of a sweep, numbers out of range — is one NetworkError naming what is wrong."""
    name = str(getattr(path, "name", path))[:80]
    raw = _capped_bytes(path, name)
    try:
        source = pq.ParquetFile(pa.BufferReader(raw))
        rows = source.metadata.num_rows
        if rows > MAX_SWEEP_ROWS:
            raise NetworkError(f"{name}: {rows:,} rows; a sweep has at most 2^{MAX_PROJECTS} = {MAX_SWEEP_ROWS:,}")
        table = source.read()
    except (OSError, pa.ArrowException) as exc:
        raise NetworkError(f"{name}: not a readable Parquet file ({str(exc)[:200]})") from None
    raw_meta = (table.schema.metadata or {}).get(METADATA_KEY)
    if raw_meta is None:
        raise NetworkError(f"{name}: not a sweep file written by `atlas sweep` (no atlas_sweep metadata)")
    try:
        meta = json.loads(raw_meta)
    except ValueError:
        meta = None
    df = table.to_pandas()
    _check_sweep(df, meta, name)
    return df, meta


def _capped_bytes(path: str | Path | BinaryIO, name: str) -> bytes:
    """The bytes of a path or file object, refusing more than ``MAX_SWEEP_BYTES``."""
    try:
        if hasattr(path, "read"):
            path.seek(0)
            raw = path.read(MAX_SWEEP_BYTES + 1)
        else:
            with open(path, "rb") as fh:
                raw = fh.read(MAX_SWEEP_BYTES + 1)
    except OSError as exc:
        raise NetworkError(f"{name}: not a readable Parquet file ({exc.strerror or exc})") from None
    if len(raw) > MAX_SWEEP_BYTES:
        raise NetworkError(f"{name}: larger than {MAX_SWEEP_BYTES / 1e6:.0f} MB; a sweep file is far smaller")
    return raw


def _check_sweep(df: pd.DataFrame, meta: object, name: str) -> None:
    """A sweep table's metadata, columns and numbers as ``atlas sweep`` writes them; NetworkError otherwise."""
    projects = meta.get("projects") if isinstance(meta, dict) else None
    if not (isinstance(projects, list) and len(projects) <= MAX_PROJECTS and all(isinstance(p, str) for p in projects)):
        raise NetworkError(f"{name}: the atlas_sweep metadata must name at most {MAX_PROJECTS} projects")
    missing = [c for c in SWEEP_COLUMNS if c not in df.columns]
    if missing:
        raise NetworkError(f"{name}: not a sweep table; missing column(s) {', '.join(missing)}")
    numbers = ("portfolio", "benefit", "cost_yi_yuan", "best_order_step", "greedy_step")
    bad = [c for c in numbers if not pd.api.types.is_numeric_dtype(df[c]) or pd.api.types.is_bool_dtype(df[c])]
    if bad:
        raise NetworkError(f"{name}: column(s) {', '.join(bad)} must hold numbers")
    # a partial file (Ctrl-C) lists no projects: its portfolios cannot be decoded, only bounded
    top = 2 ** (len(projects) or MAX_PROJECTS)
    checks = {"portfolio": df["portfolio"].between(0, top - 1).all(),
              "benefit": np.isfinite(df["benefit"].to_numpy(dtype=float)).all(),
              "cost_yi_yuan": (df["cost_yi_yuan"].isna() | df["cost_yi_yuan"].between(0, MAX_PORTFOLIO_YI_YUAN)).all(),
              "best_order_step": df["best_order_step"].dropna().between(0, len(projects)).all(),
              "greedy_step": df["greedy_step"].dropna().between(0, len(projects)).all()}
    wrong = [c for c, ok in checks.items() if not ok]
    if wrong:
        raise NetworkError(f"{name}: values out of range in {', '.join(wrong)} (portfolios 0–{top - 1}, finite "
                           f"benefits, costs 0–{MAX_PORTFOLIO_YI_YUAN:,} 亿元, steps 0–{len(projects)})")
