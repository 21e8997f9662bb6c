"""Shared fixtures of the report and export tests: the tiny dataset, a copy of it, the CLI on it."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import atlas_cli
from network.engine import clear_cache
from reports_testutil import MINI



@pytest.fixture
def mini_copy(tmp_path) -> Path:
    """A throw-away copy of the tiny dataset (tests may edit it)."""
    dst = tmp_path / "mini"
    shutil.copytree(MINI, dst)
    clear_cache()
    yield dst
    clear_cache()


@pytest.fixture
def cli(monkeypatch, capsys):
    """Run ``atlas ARGS`` on the tiny dataset: (exit code, stdout, stderr)."""
    monkeypatch.setenv("ATLAS_DATA_DIR", str(MINI))

    def run(*argv):
        try:
            code = atlas_cli.main([str(a) for a in argv])
        except SystemExit as exc:  # argparse: a usage error
            code = exc.code
        out = capsys.readouterr()
        return code, out.out, out.err
    return run
