"""``atlas`` subcommands for layers: validate, layers, schema, import, history, restore."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from geo.errors import AtlasError, LayerError, Problem, problem_lines
from geo.fileio import parse_json_bytes, read_capped
from geo.history import find_version, list_versions
from geo.importer import import_features, parse_crs
from geo.paths import layer_path
from geo.schema import LAYERS, STATUSES, schema_markdown
from geo.store import load_layer, restore_layer, validate_layer_file
from geo.quality import alignment_problems
from geo.validate import store_problems


def register(sub) -> None:
    p = sub.add_parser("validate", help="validate layer files (default: every layer)")
    p.add_argument("paths", nargs="*", metavar="PATH", help="GeoJSON files named after their layer")
    p.add_argument("--layer", help="layer schema to check PATH against (default: from the file name)")
    p.set_defaults(handler=cmd_validate)

    p = sub.add_parser("layers", help="list layers with feature counts by status")
    p.set_defaults(handler=cmd_layers)

    p = sub.add_parser("schema", help="print the layer schema table (Markdown)")
    p.set_defaults(handler=lambda a: print(schema_markdown()) or 0)

    p = sub.add_parser("import", help="add features from GeoJSON, CSV, GeoPackage or zipped Shapefile to a layer",
                       description="Add the features of FILE to a layer. Every problem is reported at once and "
                                   "nothing is written unless there is none. Exit 0 imported, 1 invalid, 2 usage.")
    p.add_argument("file", metavar="FILE", help="GeoJSON, CSV (lon,lat columns; point layers), .gpkg or .zip")
    p.add_argument("--layer", required=True, choices=list(LAYERS), metavar="NAME", help="target layer")
    p.add_argument("--crs", default="wgs84", type=_crs_arg,
                   help="CRS of the coordinates: wgs84 (default), gcj02 (AMap/Gaode, Tencent), cgcs2000, EPSG:n")
    p.add_argument("--dry-run", action="store_true", help="report what would change; write nothing")
    p.add_argument("--replace", action="store_true", help="let features replace existing ones with the same id")
    p.add_argument("--make-valid", action="store_true", help="repair invalid polygons (each repair is reported)")
    p.set_defaults(handler=cmd_import)

    p = sub.add_parser("history", help="list the saved versions of a layer (default: a summary of all layers)")
    p.add_argument("layer", nargs="?", choices=list(LAYERS), metavar="LAYER")
    p.set_defaults(handler=cmd_history)

    p = sub.add_parser("restore", help="bring back a saved version of a layer (itself undoable)")
    p.add_argument("layer", choices=list(LAYERS), metavar="LAYER")
    p.add_argument("version", metavar="VERSION", help="timestamp (or a unique prefix) or number from `atlas history`")
    p.set_defaults(handler=cmd_restore)


def _crs_arg(text: str) -> str:
    try:
        return parse_crs(text)
    except AtlasError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def cmd_validate(args) -> int:
    explicit = bool(args.paths)
    paths = [Path(p) for p in args.paths] or [layer_path(n) for n in LAYERS]
    if not explicit:  # the store: an absent layer is empty (the engine says which it cannot do without)
        for p in [p for p in paths if not p.exists()]:
            print(f"note: {p}: absent, treated as an empty layer", file=sys.stderr)
        paths = [p for p in paths if p.exists()]
    bad = 0
    for path in paths:
        if args.layer is None and path.stem.split(".")[0] not in LAYERS:
            print(f"{path}: cannot tell the layer from the file name; use --layer "
                  f"({', '.join(LAYERS)})", file=sys.stderr)
            return 2
        problems = validate_layer_file(path, args.layer)
        for line in problem_lines(problems):
            print(line, file=sys.stderr)
        bad += len(problems)
        if not problems:
            print(f"{path}: ok")
    warnings = 0
    if not explicit and not bad:
        found = cross_layer_problems()
        for line in problem_lines(found):
            print(line, file=sys.stderr)
        bad += sum(prob.severity == "error" for prob in found)
        warnings += sum(prob.severity != "error" for prob in found)
    if bad:
        print(f"{bad} problem(s)", file=sys.stderr)
    elif warnings:
        print(f"{warnings} warning(s) (data quality; the layers are valid)", file=sys.stderr)
    return 1 if bad else 0


def cross_layer_problems(*, data_dir: Path | None = None) -> list[Problem]:
    """Ids used in more than one layer and references (station_ids, node_ids …) to ids that do not exist
    (errors); lines far from their own stops and lengths far from their geometry (warnings)."""
    docs, files = {}, {}
    for name in LAYERS:
        p = layer_path(name, data_dir=data_dir)
        try:
            docs[name] = parse_json_bytes(read_capped(p), str(p))
        except LayerError:
            continue  # reported by the per-file check (or absent)
        files[name] = str(p)
    return store_problems(docs, files) + alignment_problems(docs, files)


def cmd_layers(args) -> int:
    print(f"{'layer':16} {'features':>8}  " + "  ".join(f"{s:>18}" for s in STATUSES))
    for name in LAYERS:
        gdf = load_layer(name)
        counts = gdf["status"].value_counts()
        print(f"{name:16} {len(gdf):8d}  " + "  ".join(f"{int(counts.get(s, 0)):18d}" for s in STATUSES))
    return 0


def cmd_import(args) -> int:
    try:
        result = import_features(args.file, args.layer, crs=args.crs, dry_run=args.dry_run,
                                 replace=args.replace, make_valid=args.make_valid)
    except LayerError as exc:
        for line in problem_lines(exc.problems):
            print(line, file=sys.stderr)
        errors = sum(p.severity == "error" for p in exc.problems)
        print(f"not imported: {errors} problem(s); nothing was written", file=sys.stderr)
        return 1
    for line in problem_lines(result.warnings):
        print(line, file=sys.stderr)
    print(("dry run: " if args.dry_run else "imported: ") + result.summary())
    return 0


def cmd_history(args) -> int:
    if args.layer is None:
        print(f"{'layer':16} {'versions':>8}  newest")
        for name in LAYERS:
            versions = list_versions(name)
            print(f"{name:16} {len(versions):8d}  {versions[0].name if versions else '-'}")
        return 0
    versions = list_versions(args.layer)
    current = layer_path(args.layer)
    if not versions:
        print(f"{args.layer}: no saved versions yet (a version is kept each time the layer is saved)")
        return 0
    print(f"{args.layer}: {len(versions)} saved version(s), newest first; each was replaced at the time shown "
          f"(current file: {current})")
    print(f"{'#':>4}  {'version (replaced at, UTC)':28} {'features':>8} {'KB':>8}")
    for n, v in enumerate(versions, 1):
        print(f"{n:4d}  {v.name:28} {v.feature_count:8d} {v.size_bytes / 1024:8.0f}")
    print(f"restore one with: atlas restore {args.layer} VERSION   (VERSION = # or timestamp)")
    return 0


def cmd_restore(args) -> int:
    v = find_version(args.layer, args.version)
    before = {x.name for x in list_versions(args.layer)}
    restore_layer(args.layer, v.name)
    kept = [x for x in list_versions(args.layer) if x.name not in before]
    if kept:
        print(f"restored {args.layer} to version {v.name}; the version it replaced is kept as {kept[0].name} "
              f"(undo: atlas restore {args.layer} {kept[0].name})")
    else:
        print(f"{args.layer} already equals version {v.name}; nothing changed")
    return 0
