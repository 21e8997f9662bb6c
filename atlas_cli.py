"""The ``atlas`` command: a thin dispatcher over geo/ and network/ library functions.

Each topic module contributes subcommands through ``register(subparsers)``; handlers return an exit code.
Exit codes: 0 ok, 1 the input or data is invalid (one line per problem) or a file could not be read or
written (one line: the file and the system's reason), 2 usage error. User mistakes and OS errors never print
a traceback.
"""
from __future__ import annotations

import argparse
import importlib
import logging
import sys

from geo.errors import AtlasError, LayerError, problem_lines

#: Modules that add subcommands; a module missing from a partial install is skipped.
COMMAND_MODULES = ("geo.commands", "network.commands", "network.sweep_commands", "reports.commands")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse exits 2 with usage; keep that, without a traceback
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="atlas", description="Gannan Planning Atlas — 赣南苏区交通规划一张图")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress details")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for mod_name in COMMAND_MODULES:
        try:
            mod = importlib.import_module(mod_name)
        except ModuleNotFoundError as exc:
            if exc.name != mod_name:
                raise
            continue
        mod.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(message)s")
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    try:
        return int(args.handler(args) or 0)
    except LayerError as exc:
        for line in problem_lines(exc.problems):
            print(line, file=sys.stderr)
        return 1
    except AtlasError as exc:
        print(f"atlas: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("atlas: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:  # a folder or disk the library did not expect to fail: still one line
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"atlas: error: {where}{exc.strerror or exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
