"""``atlas`` subcommands for the meeting pack and GIS interchange: report (PPTX/PDF) and export (GeoPackage).

Thin wrappers over ``reports.report.make_report`` and ``reports.gpkg.export_gpkg``. A bad option or --out
path is a usage error (one line, exit 2, nothing computed); a scenario or data problem is exit 1.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from geo.fileio import atomic_write_bytes
from reports.errors import ReportError
from reports.gpkg import CRS_CHOICES, export_gpkg, parse_export_crs
from reports.report import FORMATS, make_report
from reports.strings import LANGS


def _out_arg(suffixes: tuple[str, ...]):
    """An argparse type: a writable file path ending in one of ``suffixes`` (checked before any work)."""
    def check(text: str) -> Path:
        p = Path(text)
        if p.suffix.lower() not in suffixes:
            raise argparse.ArgumentTypeError(f"{text}: use a file ending in {' or '.join(suffixes)}")
        if p.is_dir():
            raise argparse.ArgumentTypeError(f"{text}: is a folder; give a file name")
        if not p.parent.is_dir():
            raise argparse.ArgumentTypeError(f"{text}: the folder {p.parent} does not exist")
        return p
    return check


def _grid_arg(text: str) -> float:
    try:
        km = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of km") from None
    if not 0.5 <= km <= 20:
        raise argparse.ArgumentTypeError(f"{text}: use a grid of 0.5 to 20 km")
    return km


def _crs_arg(text: str) -> str:
    try:
        return parse_export_crs(text)
    except ReportError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def register(sub) -> None:
    p = sub.add_parser("report", help="the meeting pack of a scenario as PowerPoint or PDF",
                       description="Seven slides: title; the plan by status; access bands; the comparison map with "
                                   "the county table; the project ranking; the visitors' curve and circuits; "
                                   "sources and limits.")
    p.add_argument("--scenario", required=True, metavar="S", help="existing | YEAR | plan set")
    p.add_argument("--baseline", default="existing", metavar="S", help="the scenario to compare with (default existing)")
    p.add_argument("--lang", default="zh", choices=LANGS, help="language of the slides (default zh)")
    p.add_argument("--grid", default=2.0, type=_grid_arg, metavar="KM", help="analysis grid in km (default 2)")
    p.add_argument("--destination", metavar="cluster:ID|site:ID",
                   help="the visitors' curve destination (default the sites of 瑞金: cluster:ruijin)")
    p.add_argument("--out", required=True, type=_out_arg(tuple(f".{f}" for f in FORMATS)),
                   help="FILE.pptx or FILE.pdf")
    p.set_defaults(handler=cmd_report)

    p = sub.add_parser("export", help="every layer in one styled GeoPackage (QGIS / ArcGIS)",
                       description="Every layer with the schema's fields and a QGIS style; --with-results adds the "
                                   "scenario's accessibility grid, county summary and visitors' tables. "
                                   "`atlas import FILE.gpkg --layer NAME` reads each layer back unchanged.")
    p.add_argument("--format", default="gpkg", choices=("gpkg",), help="gpkg (GeoPackage)")
    p.add_argument("--scenario", default="existing", metavar="S", help="the scenario of --with-results")
    p.add_argument("--with-results", action="store_true", help="add the scenario's results")
    p.add_argument("--crs", default="EPSG:4326", type=_crs_arg, metavar="|".join(("EPSG:4326", "EPSG:4547")),
                   help=f"coordinates of the file (default EPSG:4326; one of {', '.join(CRS_CHOICES)})")
    p.add_argument("--grid", default=2.0, type=_grid_arg, metavar="KM", help="grid of --with-results (default 2)")
    p.add_argument("--lang", default="zh", choices=LANGS, help="language of the style legends (default zh)")
    p.add_argument("--out", required=True, type=_out_arg((".gpkg",)), help="FILE.gpkg")
    p.set_defaults(handler=cmd_export)


def cmd_report(args) -> int:
    t0 = time.perf_counter()
    fmt = args.out.suffix.lower().lstrip(".")
    data = make_report(args.scenario, args.baseline, fmt=fmt, lang=args.lang, cell_km=args.grid,
                       destination=args.destination)
    try:
        atomic_write_bytes(args.out, data)
    except OSError as exc:
        raise ReportError(f"--out {args.out}: cannot write the file ({exc.strerror or exc}); nothing was written") \
            from None
    print(f"{args.scenario} vs {args.baseline} ({args.lang}): {fmt.upper()} of {len(data) / 1e6:.1f} MB written to "
          f"{args.out} in {time.perf_counter() - t0:.1f} s")
    return 0


def cmd_export(args) -> int:
    s = export_gpkg(args.out, crs=args.crs, scenario=args.scenario, with_results=args.with_results,
                    cell_km=args.grid, lang=args.lang)
    for note in s.notes:
        print(f"note: {note}")
    print(f"{len(s.layers)} layers ({sum(s.layers.values()):,} features/rows) and {s.styles} QGIS styles written to "
          f"{args.out} ({args.crs})")
    return 0
