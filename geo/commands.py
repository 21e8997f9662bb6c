"""``atlas`` subcommands for layers: validate, layers, schema."""
from __future__ import annotations

import sys
from pathlib import Path

from geo.schema import LAYERS, STATUSES, schema_markdown
from geo.store import layer_path, load_layer, validate_layer_file


def register(sub) -> None:
    p = sub.add_parser("validate", help="validate layer files (default: every layer)")
    p.add_argument("paths", nargs="*", metavar="PATH", help="GeoJSON files named after their layer")
    p.add_argument("--layer", help="layer schema to check PATH against (default: from the file name)")
    p.set_defaults(handler=cmd_validate)

    p = sub.add_parser("layers", help="list layers with feature counts by status")
    p.set_defaults(handler=cmd_layers)

    p = sub.add_parser("schema", help="print the layer schema table (Markdown)")
    p.set_defaults(handler=lambda a: print(schema_markdown()) or 0)


def cmd_validate(args) -> int:
    paths = [Path(p) for p in args.paths] or [layer_path(n) for n in LAYERS]
    bad = 0
    for path in paths:
        if args.layer is None and path.stem.split(".")[0] not in LAYERS:
            print(f"{path}: cannot tell the layer from the file name; use --layer "
                  f"({', '.join(LAYERS)})", file=sys.stderr)
            return 2
        problems = validate_layer_file(path, args.layer)
        for prob in problems:
            print(prob, file=sys.stderr)
        bad += len(problems)
        if not problems:
            print(f"{path}: ok")
    if bad:
        print(f"{bad} problem(s)", file=sys.stderr)
    return 1 if bad else 0


def cmd_layers(args) -> int:
    print(f"{'layer':16} {'features':>8}  " + "  ".join(f"{s:>18}" for s in STATUSES))
    for name in LAYERS:
        gdf = load_layer(name)
        counts = gdf["status"].value_counts()
        print(f"{name:16} {len(gdf):8d}  " + "  ".join(f"{int(counts.get(s, 0)):18d}" for s in STATUSES))
    return 0
