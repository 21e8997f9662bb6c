"""The parameter table: one row per key, each with a source or a reason; clear errors."""
from __future__ import annotations

import pytest

from network import load_params
from network.errors import ParameterError
from network_testutil import REAL


def test_real_table_complete():
    p = load_params(data_dir=REAL)
    for key, row in p.rows.items():
        assert row["source_or_reason"], key
        assert row["unit"], key
    for key in ("rail.access_minutes", "air.access_minutes", "air.egress_minutes", "connector.circuity",
                "connector.speed_kmh", "gravity.beta_minutes", "road.expressway.max_kmh", "calibration.tolerance"):
        assert isinstance(p[key], float)
    assert 100 <= p["road.expressway.max_kmh"] <= 110


def test_missing_key_names_close_matches():
    p = load_params(data_dir=REAL)
    with pytest.raises(ParameterError, match="rail.access_minutes"):
        p["rail.acess_minutes"]


def test_bad_tables(tmp_path):
    (tmp_path / "params").mkdir()
    f = tmp_path / "params" / "parameters.csv"
    f.write_text("key,value,unit,applies_to,source_or_reason\na,1,min,x,\na,2,min,x,why\n", encoding="utf-8")
    with pytest.raises(ParameterError, match="source or a reason") as e:
        load_params(data_dir=tmp_path)
    assert "duplicate key 'a'" in str(e.value)
    f.write_text("key,value\n", encoding="utf-8")
    with pytest.raises(ParameterError, match="missing column"):
        load_params(data_dir=tmp_path)
    with pytest.raises(ParameterError, match="not found"):
        load_params(tmp_path / "nope.csv")


@pytest.mark.parametrize("key,value,unit,message", [
    ("connector.speed_kmh", "0", "km/h", "0 km/h is outside its unit's range (above 0 and at most 1000)"),
    ("connector.speed_kmh", "inf", "km/h", "outside its unit's range"),
    ("connector.speed_kmh", "nan", "km/h", "outside its unit's range"),
    ("rail.access_minutes", "1e400", "min", "outside its unit's range (at least 0 and at most 1440)"),
    ("rail.access_minutes", "-1", "min", "outside its unit's range"),
    ("connector.origin_k", "2.5", "count", "(a whole number at least 0 and at most 50)"),
    ("connector.origin_k", "1000000000", "count", "outside its unit's range"),
    ("sketch.stop_spacing_km.hsr", "0", "km", "above 0"),
    ("residents.thresholds_minutes", "30 60 1e400", "min", "1e400 min is outside"),
    ("residents.thresholds_minutes", "30 sixty", "min", "'sixty' is not a number"),
    ("scenario.as_of", "2026-13", "year-month", "is not a year-month value"),
    ("rail.speed_factor.hsr.300", "0", "ratio", "above 0"),
    ("x.y", "1", "furlongs", "unknown unit 'furlongs'"),
])
def test_absurd_numbers_refused(tmp_path, key, value, unit, message):
    (tmp_path / "params").mkdir()
    rows = [r for r in (REAL / "params" / "parameters.csv").read_text(encoding="utf-8-sig").splitlines()
            if not r.startswith(key + ",")]
    rows.append(f"{key},{value},{unit},test,test")
    (tmp_path / "params" / "parameters.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    with pytest.raises(ParameterError) as e:
        load_params(data_dir=tmp_path)
    assert message in str(e.value) and "1 problem(s)" in str(e.value)


def test_every_real_and_fixture_table_is_within_range():
    for folder in (REAL, REAL.parent / "tests" / "data" / "network" / "mini"):
        assert len(load_params(data_dir=folder)) > 50
