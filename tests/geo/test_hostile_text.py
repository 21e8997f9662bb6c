"""Names, notes and sources are data, never markup: they survive save/load and CSV export unchanged, and
``geo.text.escape_html`` makes them inert in HTML."""
from __future__ import annotations

import csv
import html
import io
import json
from pathlib import Path

import pandas as pd
import pytest

import atlas_cli

from geo.importer import import_features
from geo.paths import layer_path
from geo.store import load_layer, save_layer
from geo.text import csv_text, defuse_formula, escape_html, frame_csv, layer_csv

HOSTILE = [
    "<script>alert('x')</script>",
    '"><img src=x onerror="alert(1)">',
    "javascript:alert(document.cookie)",
    "Robert'); DROP TABLE stations;--",
    "{{7*7}} ${7*7} <%= 7*7 %>",
    "line one\nline two\r\nline three\rfour",
    "  leading and trailing spaces  ",
    'comma, "double quote", \'single\'',
    "tab\tseparated;semi|pipe",
    "back\\slash \\n not a newline",
    "\u202eright-to-left override\u202c and \u200bzero width",
    "line\u2028separator\u2029paragraph",
    "emoji 🚄🚉 and 赣州 ·「」",
    "=HYPERLINK(\"http://evil.example\",\"click\")",
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)",
    "&lt;already escaped&gt; &amp;",
    "NUL\x00inside",
    "\x1b[31mterminal escape\x1b[0m",
]


def _hostile_doc(store):
    doc = json.loads(layer_path("stations", data_dir=store).read_text(encoding="utf-8"))
    feats = []
    for i, text in enumerate(HOSTILE):
        f = json.loads(json.dumps(doc["features"][i % 2]))
        f["properties"].update(id=f"stn-h{i:02d}", name_zh=text, name_en=text[::-1] or "x", notes=text,
                               source=f"source: {text}")
        feats.append(f)
    return {"type": "FeatureCollection", "features": feats}


def test_hostile_text_round_trips_through_save_and_load(store):
    save_layer("stations", _hostile_doc(store), data_dir=store)
    gdf = load_layer("stations", data_dir=store).set_index("id")
    for i, text in enumerate(HOSTILE):
        row = gdf.loc[f"stn-h{i:02d}"]
        assert row["name_zh"] == text and row["notes"] == text and row["source"] == f"source: {text}"
    raw = layer_path("stations", data_dir=store).read_bytes()
    assert b"<script>" in raw  # stored as the text it is, not escaped or stripped
    assert b"\x00" not in raw and b"\x1b" not in raw  # control characters are JSON-escaped in the file


def test_hostile_text_round_trips_through_csv_export_and_reimport(store):
    save_layer("stations", _hostile_doc(store), data_dir=store)
    before = layer_path("stations", data_dir=store).read_bytes()
    text = layer_csv("stations", load_layer("stations", data_dir=store), defuse_formulas=False)
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    by_id = {r["id"]: r for r in rows}
    for i, t in enumerate(HOSTILE):
        assert by_id[f"stn-h{i:02d}"]["name_zh"] == t  # byte-for-byte as text
        assert by_id[f"stn-h{i:02d}"]["notes"] == t
    res = import_features(text.encode("utf-8"), "stations", data_dir=store, replace=True, filename="export.csv")
    assert sorted(res.unchanged) == sorted(by_id) and not res.replaced
    assert layer_path("stations", data_dir=store).read_bytes() == before


def test_csv_export_defuses_formulas_by_default(store):
    save_layer("stations", _hostile_doc(store), data_dir=store)
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(layer_csv("stations", load_layer("stations", data_dir=store)),
                                                           newline=""))}
    for i, t in enumerate(HOSTILE):
        got = rows[f"stn-h{i:02d}"]["name_zh"]
        assert got == ("'" + t if t[0] in "=+-@" else t)
    assert defuse_formula("\tcmd") == "'\tcmd"
    assert csv_text([{"a": None, "b": True, "c": ["x", "y"], "d": 0.1}], ["a", "b", "c", "d"]) == "a,b,c,d\r\n,true,x;y,0.1\r\n"


@pytest.mark.parametrize("text", HOSTILE)
def test_escape_html_makes_text_inert_and_is_reversible(text):
    out = escape_html(text)
    assert "<" not in out and ">" not in out and '"' not in out and "'" not in out
    assert html.unescape(out) == text


def test_escape_html_of_missing_values():
    assert escape_html(None) == "" and escape_html(float("nan")) == "" and escape_html(2000) == "2000"


def test_csv_defuses_text_formulas_but_keeps_negative_numbers_numbers():
    df = pd.DataFrame({"name": ["=HYPERLINK(1)", "+a", "-b", "@c", "ok"], "saved": [1.5, -2.0, 3.0, -4.25, 0.0],
                       "n": [1, -2, 3, 4, 5]})
    lines = frame_csv(df).splitlines()
    assert lines[1] == "'=HYPERLINK(1),1.5,1"
    assert lines[2] == "'+a,-2.0,-2"            # the text is defused, the numbers are not
    assert lines[3] == "'-b,3.0,3" and lines[4] == "'@c,-4.25,4"


def test_cli_csv_outputs_defuse_formulas_in_origin_names(tmp_path, monkeypatch):
    mini = Path(__file__).resolve().parents[1] / "data" / "network" / "mini"
    monkeypatch.setenv("ATLAS_DATA_DIR", str(mini))
    src = tmp_path / "o.csv"
    src.write_text('id,name,lon,lat\nevil,"=HYPERLINK(""http://x"")",115.0,25.9\n', encoding="utf-8")
    out = tmp_path / "a.csv"
    assert atlas_cli.main(["access", "--origins", str(src), "--out", str(out)]) == 0
    row = next(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert row["name"] == "'=HYPERLINK(\"http://x\")"
