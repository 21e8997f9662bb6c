"""Benchmark the meeting pack on the real data: one scenario against its baseline, as PPTX and as PDF.

Each format is timed from nothing (a cold process: engines compiled, grid built, ranking run, maps drawn)
and again with warm engines (what the app does on a second click), split into computing the content and
writing the file. Target (issue 13): a report for one scenario in ≤ 15 s on this machine.

Run: .venv/bin/python benchmarks/bench_report.py [--scenario 2035] [--baseline existing] [--lang zh]
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from network.engine import clear_cache  # noqa: E402
from reports.content import build_content  # noqa: E402
from reports.report import FORMATS, render  # noqa: E402

TARGET_S = 15.0


def one(scenario: str, baseline: str, lang: str, fmt: str) -> tuple[float, float, float, int]:
    """(content seconds, writing seconds, CPU seconds of both, bytes) of one report."""
    t0, c0 = time.perf_counter(), time.process_time()
    content = build_content(scenario, baseline, lang=lang)
    t1 = time.perf_counter()
    data = render(content, fmt)
    t2 = time.perf_counter()
    return t1 - t0, t2 - t1, time.process_time() - c0, len(data)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scenario", default="2035")
    ap.add_argument("--baseline", default="existing")
    ap.add_argument("--lang", default="zh", choices=("zh", "en"))
    args = ap.parse_args()
    print(f"report {args.scenario} vs {args.baseline} ({args.lang}), real data; target ≤ {TARGET_S:.0f} s")
    load = os.getloadavg()[0]
    print(f"load average {load:.1f} on {os.cpu_count()} cores (CPU s ≈ wall time on an idle machine)")
    print(f"{'format':6} {'state':5} {'content s':>9} {'write s':>8} {'total s':>8} {'CPU s':>6} {'MB':>6}")
    worst = 0.0
    for fmt in FORMATS:
        for state in ("cold", "warm"):
            if state == "cold":
                clear_cache()
            c, w, cpu, size = one(args.scenario, args.baseline, args.lang, fmt)
            worst = max(worst, c + w)
            print(f"{fmt:6} {state:5} {c:9.1f} {w:8.1f} {c + w:8.1f} {cpu:6.1f} {size / 1e6:6.2f}")
    print(f"slowest: {worst:.1f} s ({'within' if worst <= TARGET_S else 'OVER'} the {TARGET_S:.0f} s target)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
