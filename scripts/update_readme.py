"""Regenerate the README's layer schema table from geo/schema.py (`python scripts/update_readme.py`)."""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from geo.schema import schema_markdown  # noqa: E402

START, END = "<!-- schema-table:start -->", "<!-- schema-table:end -->"


def render(text: str) -> str:
    """Return README text with the block between the markers replaced by the current schema table."""
    pattern = re.compile(re.escape(START) + ".*?" + re.escape(END), re.S)
    return pattern.sub(lambda _m: f"{START}\n{schema_markdown()}\n{END}", text)


if __name__ == "__main__":
    argparse.ArgumentParser(description=__doc__).parse_args()  # --help prints this, nothing is written
    readme = Path(__file__).resolve().parent.parent / "README.md"
    readme.write_text(render(readme.read_text(encoding="utf-8")), encoding="utf-8")
