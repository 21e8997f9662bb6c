"""The compiled arrays (scipy Dijkstra from the sites on the reversed graph) equal NetworkX's answers."""
from __future__ import annotations

import networkx as nx
import numpy as np
import pytest

from network import Engine, build_graph
from network.compiled import modes_text

from network_testutil import REAL, needs_real


def _check_equal(eng: Engine, sites):
    G = eng.nx_graph()
    R = G.reverse(copy=False)
    D, bits = eng.to_sites(sites)
    for i, s in enumerate(sites):
        ref = nx.single_source_dijkstra_path_length(R, s, weight="minutes")
        got = {eng.graph.nodes[j]: D[i, j] for j in range(eng.graph.n) if np.isfinite(D[i, j])}
        assert set(got) == set(ref)
        for node, minutes in ref.items():
            assert got[node] == pytest.approx(minutes, abs=1e-9)


@pytest.mark.parametrize("scenario", ["existing", "2030", "plan-full"])
def test_compiled_equals_networkx_on_mini(mini, scenario):
    eng = Engine(scenario, data_dir=mini)
    _check_equal(eng, eng.site_ids("all"))


def test_build_graph_is_the_engines_graph_and_rides_carry_their_speed(mini):
    G = build_graph("2030", data_dir=mini)
    eng = Engine("2030", data_dir=mini)
    assert list(G.nodes) == eng.graph.nodes
    assert G.number_of_edges() == len(eng.parts.edges)
    rides = [d for _, _, d in G.edges(data=True) if d["kind"] == "ride"]
    assert rides and all("speed_kmh" in d for d in rides)
    for d in rides:
        if d["mode"] != "air":  # a flight keeps its block time; others run length / speed
            assert d["minutes"] == pytest.approx(d["length_m"] / 1000 / d["speed_kmh"] * 60)
    # hsr 240 km/h × 0.5 (mini parameter table), expressway 100 × 0.9
    assert {d["speed_kmh"] for d in rides if d["mode"] == "hsr"} == {120.0}
    assert sorted({round(d["speed_kmh"], 6) for d in rides if d["mode"] == "expressway"}) == [90.0]


def test_path_modes_are_recorded(mini):
    eng = Engine("existing", data_dir=mini)
    D, bits = eng.to_sites(["site-1"])
    j = eng.graph.index["gw-far"]
    # gw-far flies to ap-a, drives the local road to seat-a, takes exp-1 to seat-b, then the connector to site-1
    assert modes_text(int(bits[0, j])) == "expressway+air+local"


@needs_real
@pytest.mark.slow
def test_compiled_equals_networkx_on_real_data():
    eng = Engine("plan2035-full", data_dir=REAL)
    sites = eng.site_ids("national")[:4]
    _check_equal(eng, sites)
