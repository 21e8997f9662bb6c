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
