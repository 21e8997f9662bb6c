"""Running a sweep: serially in this process, or on Dask distributed (a LocalCluster or a scheduler address).

``run_sweep`` evaluates the portfolios a mode needs — every subset, or (sequence) every subset up to
``MAX_EXHAUSTIVE_ORDER`` projects and a greedy search beyond — and returns one row per evaluated portfolio
(network.sweep.finish). On Dask, the data folder's engine files are scattered to the workers once and
batches of portfolios are mapped over them; batches on a lost worker are re-run by the scheduler
(``allowed-failures``), tasks that raise are retried ``RETRIES`` times, and the finished set is checked
against the requested one. Ctrl-C cancels the remaining batches and raises SweepInterrupted with the
finished rows.
"""
from __future__ import annotations

import logging
import os
from collections.abc import Sequence

import dask
import pandas as pd
from distributed import Client, LocalCluster, as_completed

from network.sweep import (MODES, Progress, SerialRunner, SweepContext, SweepError, SweepInterrupted, SweepSpec,
                           data_bundle, evaluate_batch, sweep_with)

log = logging.getLogger(__name__)

RETRIES = 2
#: glibc's trim threshold in LocalCluster workers (see DaskRunner): 256 MiB, i.e. keep freed memory for reuse
WORKER_TRIM_BYTES = 256 * 1024 * 1024
#: batches per worker per round: enough to balance the load, few enough to keep the overhead small
BATCHES_PER_WORKER = 8
#: LocalCluster workers per core: each is a process holding an engine (~200 MB), and the work is CPU-bound, so
#: more than a few per core only compete (``--workers 100000`` would start 100,000 processes)
MAX_WORKERS_PER_CORE = 4


class DaskRunner:
    """Evaluate batches of portfolios on Dask workers; the data go to the workers with the tasks."""

    def __init__(self, spec: SweepSpec, data_dir, *, scheduler: str | None, workers: int | None,
                 progress: Progress | None = None):
        self.spec, self.progress = spec, progress
        self.cluster = None
        if scheduler:
            self.client = Client(scheduler, timeout="20s")
        else:
            n = workers or os.cpu_count() or 1
            # Dask's nannies set MALLOC_TRIM_THRESHOLD_=65536 (give memory back to the OS early); a portfolio
            # allocates and frees ~10 MB of arrays, and that setting made each one ~1.4× slower (measured)
            with dask.config.set({"distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": str(WORKER_TRIM_BYTES)}):
                self.cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None)
            self.client = Client(self.cluster)
        self.n_workers = max(1, len(self.client.scheduler_info(n_workers=-1).get("workers", {})) or (workers or 1))
        self.bundle = self.client.scatter(data_bundle(data_dir), broadcast=True, hash=False)
        self.done = 0

    def run(self, masks: Sequence[int], total: int) -> list[dict]:
        size = max(1, -(-len(masks) // (self.n_workers * BATCHES_PER_WORKER)))
        batches = [list(masks[i:i + size]) for i in range(0, len(masks), size)]
        futures = [self.client.submit(evaluate_batch, self.spec, self.bundle, b, pure=False, retries=RETRIES)
                   for b in batches]
        rows: list[dict] = []
        try:
            for fut in as_completed(futures):
                got = fut.result()
                rows.extend(got)
                self.done += len(got)
                if self.progress:
                    self.progress(self.done, total)
        except KeyboardInterrupt:
            self.client.cancel(futures)
            raise SweepInterrupted(rows, len(masks)) from None
        missing = set(masks) - {r["portfolio"] for r in rows}
        if missing:  # never a silent gap
            raise SweepError(f"{len(missing)} portfolio(s) came back from no worker (e.g. {min(missing)}); rerun")
        return rows

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def run_sweep(spec: SweepSpec, *, data_dir=None, mode: str = "subsets", scheduler: str | None = None,
              workers: int | None = None, progress: Progress | None = None) -> pd.DataFrame:
    """Evaluate the portfolios of ``spec`` (see the module doc); ``workers=0`` runs in this process."""
    if mode not in MODES:
        raise SweepError(f"unknown mode {mode!r}; use one of {', '.join(MODES)}")
    most = MAX_WORKERS_PER_CORE * (os.cpu_count() or 1)
    if workers is not None and not 0 <= workers <= most:
        raise SweepError(f"--workers must be 0 (in this process) to {most} ({MAX_WORKERS_PER_CORE} per core), "
                         f"got {workers}")
    ctx = SweepContext(spec, data_dir)          # validates the request before any worker starts
    runner = SerialRunner(ctx, progress) if workers == 0 and not scheduler else \
        DaskRunner(spec, data_dir, scheduler=scheduler, workers=workers, progress=progress)
    try:
        return sweep_with(runner, ctx, mode)
    finally:
        runner.close()
