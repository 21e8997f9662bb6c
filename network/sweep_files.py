"""Sweep files: one Parquet row per evaluated portfolio, the request and the orders in the file's metadata.

The metadata key ``atlas_sweep`` holds JSON: baseline, with_, measure, mode, origins, sites, projects (in
bit order: bit i of ``portfolio`` is ``projects[i]``), best_order and greedy_order (project ids) and
``complete`` (false when the sweep was stopped and the file holds the rows finished until then).
"""
from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from geo.fileio import atomic_write_bytes
from network.errors import NetworkError

METADATA_KEY = b"atlas_sweep"


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
