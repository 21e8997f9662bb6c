"""Shared by the benchmarks (run as scripts from the repository root: ``benchmarks/`` is on sys.path)."""
from __future__ import annotations

import time


def best_of(fn, repeat: int):
    """(the shortest of ``repeat`` wall-clock times of ``fn()``, its last result)."""
    best, out = float("inf"), None
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t)
    return best, out
