"""How much work one rerun does: the year slider stamps the input files once and resolves the scenario once."""
from __future__ import annotations

import geo.paths as paths
import network.scenario as scenario_mod
from geo.paths import data_version

from apptestkit import check, run_app


def test_year_slider_rerun_stamps_the_files_once_and_resolves_the_scenario_once(app_data, monkeypatch):
    at = run_app({"view": "access"})
    at.toggle(key="w_year_on").set_value(True).run()
    check(at)
    stamps: list = []
    resolved: list = []
    real_stamp, real_resolve = paths._stamp, scenario_mod.scenario_from_features
    monkeypatch.setattr(paths, "_stamp", lambda p: stamps.append(p) or real_stamp(p))
    monkeypatch.setattr(scenario_mod, "scenario_from_features",
                        lambda *a, **k: resolved.append(a[0]) or real_resolve(*a, **k))
    data_version(app_data)
    one_version = len(stamps)
    assert one_version >= 13  # 11 layers, the parameter tables, views: every input file
    stamps.clear()
    at.slider(key="w_year").set_value(2028).run()
    check(at)
    assert len(stamps) == one_version, sorted({p.name for p in stamps})
    assert resolved == ["all"]  # the chosen scenario, resolved once with the year applied
    legend = at.session_state["_atlas_map_stats"]["legend"]
    assert any(title.endswith("· 2028") for title in legend)  # and the analysis did run for 2028
