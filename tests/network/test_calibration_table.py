"""Calibration table (data/calibration.csv): sourced pairs, honest labels, and every used pair within tolerance.

Conventions checked here (the table's own rules, see the calibration report in the commit history):
* a row whose figure is not an independent published time says so at the start of ``source``:
  ``estimate:`` (general knowledge), ``forecast:`` (a figure published before the line opened) or
  ``not independent:`` (e.g. the air_routes layer's own block time). Such rows never count as sourced;
* a sourced row names where it comes from and when (a year in ``source``);
* a row with use=no says why in ``notes``, starting with ``excluded:``;
* at least 12 used rows are sourced, and every used row is within ``calibration.tolerance`` in 'existing'.
"""
from __future__ import annotations

import re

import pytest

from network.calibration import CALIBRATION_COLUMNS, calibrate, load_calibration
from network.errors import NetworkError
from network_testutil import MINI, REAL, needs_real

UNSOURCED_PREFIXES = ("estimate:", "forecast:", "not independent:")
MIN_SOURCED_USED = 12


def is_sourced(row) -> bool:
    return not str(row["source"]).strip().lower().startswith(UNSOURCED_PREFIXES)


# --- the helper and the reader, on tiny synthetic tables ---------------------------------------------------------

def _write(tmp_path, body: str):
    p = tmp_path / "calibration.csv"
    p.write_text(",".join(CALIBRATION_COLUMNS) + "\n" + body, encoding="utf-8")
    return p


def test_is_sourced_labels():
    assert is_sourced({"source": "江西日报 2019-12-11: 最快运行时间1小时43分钟"})
    assert not is_sourced({"source": "estimate: general knowledge"})
    assert not is_sourced({"source": "  Forecast: 2013 press"})
    assert not is_sourced({"source": "not independent: layer block time"})


def test_reader_rejects_bad_rows(tmp_path):
    with pytest.raises(NetworkError, match="line 2"):
        load_calibration(_write(tmp_path, "a,b,bus,10,yes,src,high,\n"))
    with pytest.raises(NetworkError, match="not a number"):
        load_calibration(_write(tmp_path, "a,b,hsr,ten,yes,src,high,\n"))
    with pytest.raises(NetworkError, match="use"):
        load_calibration(_write(tmp_path, "a,b,hsr,10,maybe,src,high,\n"))
    with pytest.raises(NetworkError, match="missing source"):
        load_calibration(_write(tmp_path, "a,b,hsr,10,yes,,high,\n"))


def test_calibrate_known_answer_and_flag(tmp_path):
    """Mini network: st-a → st-e by hsr is 30 + 2 (dwell at st-b) + 30 = 62 timetable minutes (no access/wait/egress).
    A real time of 62 is within tolerance, 40 is +55 % and flagged; use=no rows are kept but not used."""
    p = _write(tmp_path, "st-a,st-e,hsr,62,yes,s 2020,high,\n"
                         "st-a,st-e,hsr,40,yes,s 2020,high,\n"
                         "st-a,st-e,hsr,40,no,s 2020,high,excluded: test\n")
    df = calibrate(data_dir=MINI, path=p)
    assert df["model_minutes"].tolist() == pytest.approx([62, 62, 62], abs=0.01)
    assert df["within"].tolist() == [True, False, False]
    assert df["rel_error"].iloc[1] == pytest.approx((62 - 40) / 40, abs=1e-3)
    assert df["used"].tolist() == [True, True, False]


# --- the real table ---------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def table():
    return load_calibration(REAL / "calibration.csv")


def test_labels_are_consistent(table):
    for r in table:
        assert r["confidence"] in ("high", "medium", "low"), r
        if not is_sourced(r):
            assert r["confidence"] == "low", f"{r['from']}→{r['to']}: an unsourced figure must be confidence low"
        else:
            assert re.search(r"(19|20)\d\d", r["source"]), f"{r['from']}→{r['to']}: source names no date"
        if not r["used"]:
            assert r["notes"].lower().startswith("excluded:"), f"{r['from']}→{r['to']}: use=no, no reason"
    assert len({(r["from"], r["to"], r["mode"]) for r in table}) == len(table), "duplicate pair"


def test_enough_sourced_pairs(table):
    sourced = [r for r in table if r["used"] and is_sourced(r)]
    assert len(sourced) >= MIN_SOURCED_USED, [(r["from"], r["to"]) for r in sourced]
    assert {r["mode"] for r in sourced} >= {"hsr", "conventional_rail", "road"}


@needs_real
def test_every_used_pair_within_tolerance():
    df = calibrate(scenario="existing", data_dir=REAL)
    used = df[df["used"]]
    assert (used["problem"] == "").all(), used.loc[used["problem"] != "", ["from", "to", "problem"]].to_string()
    assert used["model_minutes"].notna().all()
    tol = df.attrs["tolerance"]
    assert tol == pytest.approx(0.20)
    bad = used[used["rel_error"].abs() > tol]
    assert bad.empty, bad[["from", "to", "mode", "real_minutes", "model_minutes", "rel_error"]].to_string()
    sourced = used[used.apply(is_sourced, axis=1)]
    assert len(sourced) >= MIN_SOURCED_USED
