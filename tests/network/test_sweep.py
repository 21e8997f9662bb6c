"""Portfolio sweeps: orders, Pareto front, costs, the measures, Dask equal to serial, a killed worker."""
from __future__ import annotations

import itertools
import math
import os
import signal
import tempfile
import threading
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from distributed import Client, LocalCluster

import atlas_cli
import network.sweep_commands as sweep_commands
from network.costs import CostTableError, load_costs, portfolio_cost
from network.ranking import rank_projects
from network.origins import parse_origins
from network.sweep import (SweepContext, SweepError, SweepInterrupted, SweepSpec, best_order, evaluate_batch,
                           greedy_order, pareto_front)
from network.sweep_files import read_sweep
from network.sweep_run import run_sweep
from network_testutil import MINI

SPEC = SweepSpec("existing", "plan-full", (), "residents", "grid:1", "national")


# -- orders and fronts, worked by hand -------------------------------------------------------------------

def test_best_order_known_answer():
    # two projects: A alone 10, B alone 3, both 12. A first: 10 + 12 = 22; B first: 3 + 12 = 15
    assert best_order({0: 0, 1: 10, 2: 3, 3: 12}, 2) == [0, 1]
    # synergy: neither alone is worth much, but C (bit 2) alone is worth 5; A+B together 20.
    b = {0: 0, 1: 1, 2: 1, 3: 20, 4: 5, 5: 6, 6: 6, 7: 25}
    # orders: A,B,C = 1+20+25 = 46 beats C first (5+6+25 = 36); greedy takes C first (5 > 1)
    assert best_order(b, 3) in ([0, 1, 2], [1, 0, 2])
    assert greedy_order(b.__getitem__, 3)[0] == 2


@pytest.mark.parametrize("seed", range(3))
def test_best_order_equals_brute_force_over_every_permutation(seed):
    rng = np.random.default_rng(seed)
    n = 5
    benefit = {m: float(rng.integers(0, 100)) * bin(m).count("1") for m in range(1 << n)}
    benefit[0] = 0.0

    def total(order):
        mask, s = 0, 0.0
        for i in order:
            mask |= 1 << i
            s += benefit[mask]
        return s
    best = max(total(p) for p in itertools.permutations(range(n)))
    assert total(best_order(benefit, n)) == best


def test_pareto_front_known_answer():
    cost = np.array([0, 10, 10, 20, 30, np.nan, 25])
    benefit = np.array([0, 5, 8, 8, 20, 99, 7])
    # (0,0) cheapest; (10,8) beats (10,5); (20,8) is not better than (10,8); (30,20) best; NaN cost never;
    # (25,7) is dominated by (10,8)
    assert pareto_front(cost, benefit).tolist() == [True, False, True, False, True, False, False]


# -- costs -----------------------------------------------------------------------------------------------

def _write_costs(tmp_path, text):
    (tmp_path / "params").mkdir(exist_ok=True)
    (tmp_path / "params" / "project_costs.csv").write_text(text, encoding="utf-8")
    return tmp_path


def test_portfolio_cost_sums_only_when_every_cost_is_known(tmp_path):
    d = _write_costs(tmp_path, "feature_id,cost_yi_yuan,cost_status,source\n"
                               "a,100,published,x\nb,50.5,estimate,y\nc,,unknown,\n")
    costs = load_costs(d)
    assert portfolio_cost(costs, ["a", "b"]) == (150.5, 150.5, [], "mixed")
    assert portfolio_cost(costs, ["a"]) == (100.0, 100.0, [], "published")
    total, known, unknown, status = portfolio_cost(costs, ["a", "c", "zz"])
    assert math.isnan(total) and known == 100 and unknown == ["c", "zz"] and status == "unknown"
    assert portfolio_cost(costs, []) == (0.0, 0.0, [], "none")


@pytest.mark.parametrize("row, message", [
    ("a,100,guess,x", "cost_status 'guess'"),
    ("a,100,unknown,x", "a cost is given but cost_status is unknown"),
    ("a,lots,published,x", "is not a number"),
    ("a,-5,published,x", "positive number"),
    (",5,published,x", "feature_id is empty"),
    ("a,1,published,x\na,2,published,x", "listed twice"),
])
def test_bad_cost_rows_are_one_clear_line(tmp_path, row, message):
    d = _write_costs(tmp_path, "feature_id,cost_yi_yuan,cost_status,source\n" + row + "\n")
    with pytest.raises(CostTableError, match=message):
        load_costs(d)


def test_the_real_cost_table_loads():
    costs = load_costs()
    assert costs["rail-ruimei"].status == "published" and costs["rail-ruimei"].yi_yuan > 100
    assert not costs["road-ruixingyu"].known


# -- the measure -----------------------------------------------------------------------------------------

def test_single_project_portfolios_equal_the_ranking_add_gain():
    ctx = SweepContext(SPEC, MINI)
    origins = parse_origins("grid:1", data_dir=MINI)
    ranked = rank_projects("existing", "plan-full", origins, sites="national", data_dir=MINI).set_index("project_id")
    for i, pid in enumerate(ctx.project_ids):
        assert ctx.evaluate(1 << i)["pop_minutes"] == pytest.approx(ranked.loc[pid, "add_pop_minutes"], abs=1e-6)
    assert ctx.evaluate(0)["benefit"] == 0
    assert ranked["add_pop_minutes"].max() > 1000            # the mini plan does change something


def test_visitor_sweep_rows_and_costs_columns():
    ctx = SweepContext(SweepSpec("existing", "plan-full", ("rail-conv", "exp-2"), "visitors"), MINI)
    row = ctx.evaluate(0b10)                                  # bits follow the order asked for: exp-2 is bit 1
    assert row["projects"] == "exp-2" and row["benefit"] == row["visitor_pop_hours"] > 0
    assert math.isnan(row["cost_yi_yuan"]) and row["cost_unknown"] == "exp-2"   # the mini data have no costs
    both = ctx.evaluate(0b11)
    assert both["projects"] == "rail-conv exp-2" and both["n_projects"] == 2


def test_bad_requests_fail_before_any_worker_starts():
    with pytest.raises(SweepError, match="not a project between"):
        run_sweep(SweepSpec("existing", "plan-full", ("nope",)), data_dir=MINI, workers=2)
    with pytest.raises(SweepError, match="unknown measure"):
        run_sweep(SweepSpec("existing", "plan-full", (), "tourists"), data_dir=MINI, workers=0)
    with pytest.raises(SweepError, match="unknown mode"):
        run_sweep(SPEC, data_dir=MINI, workers=0, mode="random")
    with pytest.raises(SweepError, match="no project differs"):
        run_sweep(SweepSpec("existing", "existing"), data_dir=MINI, workers=0)


def test_ctrl_c_keeps_the_finished_rows():
    calls = []

    def stop_after_three(done, total):
        calls.append(done)
        if done == 3:
            raise KeyboardInterrupt
    with pytest.raises(SweepInterrupted) as exc:
        run_sweep(SPEC, data_dir=MINI, workers=0, progress=stop_after_three)
    assert len(exc.value.rows) == 3 and exc.value.total == 32


def test_cli_writes_parquet_with_orders_and_a_partial_file_on_ctrl_c(tmp_path, monkeypatch):
    monkeypatch.setenv("ATLAS_DATA_DIR", str(MINI))
    out = tmp_path / "s.parquet"
    assert atlas_cli.main(["sweep", "--base", "existing", "--with", "plan-full", "--sites", "national",
                           "--workers", "0", "--out", str(out)]) == 0
    df, meta = read_sweep(out)
    assert len(df) == 32 and meta["complete"] and meta["measure"] == "residents"
    assert set(meta["best_order"]) == set(meta["projects"]) and meta["best_order"][0] == "exp-2"
    assert df.loc[df["portfolio"] == 0, "benefit"].item() == 0

    def interrupt(done, total):
        if done == 5:
            raise KeyboardInterrupt
    monkeypatch.setattr(sweep_commands, "_bar", lambda: interrupt)
    part = tmp_path / "part.parquet"
    assert atlas_cli.main(["sweep", "--base", "existing", "--with", "plan-full", "--workers", "0",
                           "--out", str(part)]) == 130
    df, meta = read_sweep(part)
    assert len(df) == 5 and meta["complete"] is False


def test_cli_bad_output_and_unreadable_sweep_files(tmp_path, capsys):
    assert atlas_cli.main(["sweep", "--base", "existing", "--with", "plan-full", "--out", "x.csv"]) == 1
    assert "use a file ending in .parquet" in capsys.readouterr().err
    bad = tmp_path / "bad.parquet"
    bad.write_text("not parquet")
    with pytest.raises(Exception, match="not a readable Parquet file"):
        read_sweep(bad)
    pd.DataFrame({"a": [1]}).to_parquet(tmp_path / "plain.parquet")
    with pytest.raises(Exception, match="not a sweep file"):
        read_sweep(tmp_path / "plain.parquet")


# -- Dask ------------------------------------------------------------------------------------------------

def _same(a: pd.DataFrame, b: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(a.reset_index(drop=True), b.reset_index(drop=True), check_exact=True)


def _gone(pid: int) -> bool:
    """The process no longer runs (absent, or a zombie its parent has not reaped yet)."""
    status = Path(f"/proc/{pid}/status")
    try:
        return "State:\tZ" in status.read_text()
    except FileNotFoundError:
        return True


@pytest.fixture(scope="module")
def serial():
    return run_sweep(SPEC, data_dir=MINI, workers=0)


def test_two_worker_local_cluster_equals_serial_exactly(serial):
    _same(run_sweep(SPEC, data_dir=MINI, workers=2), serial)
    assert serial["best_order_step"].notna().sum() == 6          # 0 … 5 projects


def test_a_killed_worker_is_retried_not_a_gap(serial):
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        pids = client.run(os.getpid)
        victim = sorted(pids.values())[0]
        killed_at = []

        def kill_once(done, total):
            if not killed_at:
                killed_at.append(done)
                os.kill(victim, signal.SIGKILL)
        result = {}
        t = threading.Thread(target=lambda: result.update(df=run_sweep(
            SPEC, data_dir=MINI, scheduler=cluster.scheduler_address, progress=kill_once)))
        t.start()
        t.join(timeout=240)
        assert not t.is_alive()
        assert killed_at and killed_at[0] < 32                    # the worker died mid-run
        assert _gone(victim)                                       # and it is really gone
    _same(result["df"], serial)


def test_a_bundle_cannot_write_outside_its_folder(tmp_path):
    from_bundle = {"layers/../../escaped.txt": b"x"}
    with pytest.raises(SweepError, match="outside the data folder"):
        evaluate_batch(SPEC, from_bundle, [0])
    assert not (Path(tempfile.gettempdir()) / "escaped.txt").exists()
