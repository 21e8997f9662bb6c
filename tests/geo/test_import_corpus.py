"""Every file of the bad-input corpus (tests/data/bad/, table in cases.json) is refused by both
``atlas import`` and ``atlas validate`` with the expected message, no traceback, and no change on disk."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import atlas_cli

BAD = Path(__file__).resolve().parents[1] / "data" / "bad"
CASES = json.loads((BAD / "cases.json").read_text(encoding="utf-8"))
REPO = Path(__file__).resolve().parents[2]


def test_corpus_is_complete():
    assert len(CASES) >= 25
    on_disk = {p.name for p in BAD.iterdir() if p.name not in ("cases.json", "make_corpus.py")}
    assert on_disk == set(CASES), "every corpus file needs a row in cases.json and vice versa"


@pytest.mark.parametrize("name", sorted(CASES))
def test_import_refuses_bad_file(name, store, capsys, tree_hash):
    case = CASES[name]
    before = tree_hash(store)
    rc = atlas_cli.main(["import", str(BAD / name), "--layer", case["layer"], *case["args"]])
    out, err = capsys.readouterr()
    assert rc == 1, err
    assert case["import"] in err
    assert "nothing was written" in err
    assert "Traceback" not in out + err
    assert tree_hash(store) == before


@pytest.mark.parametrize("name", sorted(CASES))
def test_validate_reports_bad_file(name, store, capsys, tree_hash):
    case = CASES[name]
    rc = atlas_cli.main(["validate", str(BAD / name), "--layer", case["layer"]])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    if case["validate"] is None:  # fine on its own; only the store makes it clash (see "why")
        assert case["why"]
        assert rc == 0, err
    else:
        assert rc == 1, out
        assert case["validate"] in err


def test_problem_lines_name_file_feature_id_and_field(store, capsys):
    atlas_cli.main(["import", str(BAD / "unknown_status.geojson"), "--layer", "stations"])
    line = capsys.readouterr().err.splitlines()[0]
    assert line.startswith(f"{BAD / 'unknown_status.geojson'}: feature 0: id=stn-yudu: field=status: ")


def test_forged_id_cannot_forge_output_lines(store, capsys):
    atlas_cli.main(["import", str(BAD / "id_with_newline.geojson"), "--layer", "stations"])
    err = capsys.readouterr().err
    assert not any(line.startswith("feature 9") for line in err.splitlines())
    assert "\\n" in err  # the newline is shown escaped


@pytest.mark.parametrize("name", ["deep_nesting.geojson", "gbk.csv"])
def test_real_process_exits_cleanly(name, store, tree_hash):
    case = CASES[name]
    env = {**os.environ, "ATLAS_DATA_DIR": str(store)}
    before = tree_hash(store)
    for argv in (["import", str(BAD / name), "--layer", case["layer"]],
                 ["validate", str(BAD / name), "--layer", case["layer"]]):
        proc = subprocess.run([sys.executable, "-m", "atlas_cli", *argv], cwd=REPO, env=env,
                              capture_output=True, text=True, timeout=60)
        assert proc.returncode == 1, proc.stderr
        assert "Traceback" not in proc.stderr + proc.stdout
        assert proc.stderr.strip()
    assert tree_hash(store) == before
