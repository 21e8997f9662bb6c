"""Residents of the central city: minutes to the city's own heritage sites, its stations and its airport.

Usage: .venv/bin/python scripts/measure_city_access.py [--scenario existing] [--km 1] [--csv OUT]

Origins are the cells of the residents' grid (network.origins.origins_grid) in 章贡, 南康 and 赣县; each cell
carries its county's population shared by area (as in ``atlas access``). For each county the table gives the
population-weighted mean minutes (door to door, random waits, as the residents' measure) to 赣州西站, 赣州站,
黄金机场 and the nearest heritage site in 章贡. Used for docs/data/plan_items.md (urban expressways before/after).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geo.text import csv_text  # noqa: E402
from network.access import nearest_minutes  # noqa: E402
from network.engine import get_engine  # noqa: E402
from network.origins import origins_grid  # noqa: E402

COUNTIES = ("zhanggong", "nankang", "ganxian")
TARGETS = {"to_ganzhouxi": ("rs-ganzhouxi",), "to_ganzhou_station": ("rs-ganzhou",), "to_airport": ("ap-ganzhou",)}


def city_table(scenario: str, km: float) -> list[dict]:
    """One row per county: population-weighted mean minutes to each target (nearest city site for sites)."""
    eng = get_engine(scenario)
    grid = origins_grid(km, data=eng.data)
    grid = grid[grid["county"].isin(COUNTIES)].reset_index(drop=True)
    city_sites = tuple(s for s in eng.graph.sites if eng.data.features[s].get("county") == "zhanggong")
    targets = {**TARGETS, "to_city_site": city_sites}
    cols = {name: nearest_minutes(eng, grid, list(ids)) for name, ids in targets.items()}
    rows = []
    for county in COUNTIES:
        sel = (grid["county"] == county).to_numpy()
        w = grid["population"].to_numpy()[sel]
        row = {"county": county, "cells": int(sel.sum())}
        for name, minutes in cols.items():
            row[name] = round(float(np.average(minutes[sel], weights=w)), 1)
        rows.append(row)
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scenario", default="existing")
    ap.add_argument("--km", type=float, default=1.0)
    ap.add_argument("--csv", type=Path)
    args = ap.parse_args(argv)
    rows = city_table(args.scenario, args.km)
    text = csv_text(rows, list(rows[0]))
    if args.csv:
        args.csv.write_text(text, encoding="utf-8")
    print(text, end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
