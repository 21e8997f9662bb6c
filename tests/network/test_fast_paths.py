"""The fast paths equal the full path: scanline grid cells, the min-only nearest site, cached origin links."""
from __future__ import annotations

import numpy as np
import pytest
import shapely
from shapely.geometry import MultiPolygon, Polygon

from network.data import load_network_data
from network.engine import Engine, clear_cache
from network.gridcells import cells_inside
from network.links import LINKS, LinkCache, merge, search
from network.measures import nearest
from network.nearest import nearest_sites
from network.origins import MAX_ORIGINS, assign_county, grid_frame, origins_grid
from network.errors import OriginsError
from network_testutil import REAL, needs_real


# -- scanline cells -----------------------------------------------------------------------------------

def test_square_with_hole_known_cells():
    # worked by hand: centres at x = 0.5, 1.5, 2.5 and y = 0.5, 1.5; the square 0..3 × 0..2 holds all 6,
    # the hole 1..2 × 1..2 removes the centre (1.5, 1.5)
    square = Polygon([(0, 0), (3, 0), (3, 2), (0, 2)], holes=[[(1, 1), (2, 1), (2, 2), (1, 2)]])
    row, col, which = cells_inside([square], np.array([0.5, 1.5, 2.5]), np.array([0.5, 1.5]))
    got = set(zip(row.tolist(), col.tolist()))
    assert got == {(0, 0), (0, 1), (0, 2), (1, 0), (1, 2)}
    assert (which == 0).all()


def test_first_polygon_wins_where_polygons_overlap_and_order_is_row_major():
    a = Polygon([(0, 0), (2, 0), (2, 1), (0, 1)])       # cells (0,0), (0,1)
    b = Polygon([(1, 0), (3, 0), (3, 1), (1, 1)])       # cells (0,1), (0,2): (0,1) is a's
    row, col, which = cells_inside([a, b], np.array([0.5, 1.5, 2.5]), np.array([0.5]))
    assert col.tolist() == [0, 1, 2] and which.tolist() == [0, 0, 1]


@pytest.mark.parametrize("seed", range(5))
def test_scanline_equals_point_in_polygon_on_random_shapes(seed):
    rng = np.random.default_rng(seed)
    geoms = []
    for _ in range(3):   # concave stars, one with a hole, and a multipolygon
        c = rng.uniform(20, 80, 2)
        ang = np.sort(rng.uniform(0, 2 * np.pi, 12))
        r = rng.uniform(5, 25, 12)
        geoms.append(Polygon(np.column_stack([c[0] + r * np.cos(ang), c[1] + r * np.sin(ang)])).buffer(0))
    geoms[0] = geoms[0].difference(shapely.Point(geoms[0].centroid).buffer(3))
    geoms.append(MultiPolygon([Polygon([(85, 85), (95, 85), (95, 95)]), Polygon([(2, 90), (10, 90), (2, 98)])]))
    xc = np.arange(0.37, 100, 0.9)
    yc = np.arange(0.21, 100, 0.7)
    row, col, which = cells_inside(geoms, xc, yc)
    gx, gy = np.meshgrid(xc, yc)
    expect = np.full(gx.shape, -1)
    for i, g in reversed(list(enumerate(geoms))):       # reversed: the first polygon ends on top
        expect[shapely.contains_xy(g, gx, gy)] = i
    got = np.full(gx.shape, -1)
    got[row, col] = which
    assert (got == expect).all()
    assert len(row) == (expect >= 0).sum() > 100


@needs_real
@pytest.mark.parametrize("km", [1.0, 0.5])
def test_real_grid_equals_the_point_in_polygon_build(km):
    g = grid_frame(km, data_dir=REAL)
    step = km * 1000
    rows = np.round((g["y"] - g.attrs["grid_y0"]) / step).astype(int)
    cols = np.round((g["x"] - g.attrs["grid_x0"]) / step).astype(int)
    nr, nc = g.attrs["grid_shape"]
    xs = g.attrs["grid_x0"] + step * np.arange(nc)
    ys = g.attrs["grid_y0"] + step * np.arange(nr)
    gx, gy = np.meshgrid(xs, ys)
    county = assign_county(gx.ravel(), gy.ravel(), load_network_data(REAL)).reshape(gx.shape)
    assert (county != "").sum() == len(g)
    assert (county[rows, cols] == g["county"].to_numpy()).all()
    # every county's cells sum to its population
    pops = load_network_data(REAL).layers["counties"].set_index("id")["population"].astype(float)
    assert np.allclose(g.groupby("county")["population"].sum().reindex(pops.index), pops)


def test_grid_frame_and_origins_grid_agree(mini):
    g = grid_frame(2.0, data_dir=mini)
    o = origins_grid(2.0, data_dir=mini)
    assert list(g["origin_id"]) == list(o["origin_id"]) and "geometry" not in g.columns
    assert np.allclose(o.geometry.x, g["lon"]) and o.attrs["cell_km"] == 2.0


def test_grid_refuses_bad_cell_sizes(mini):
    for km in (0, -1, float("nan"), 0.01, 1000):
        with pytest.raises(OriginsError, match="grid cell size"):
            grid_frame(km, data_dir=mini)
    assert MAX_ORIGINS > 630_018


# -- nearest site ---------------------------------------------------------------------------------------

def _full_nearest(eng, origins):
    cm = eng.cost_matrix(origins, "all")
    m, arg = nearest(cm.minutes)
    return m, cm


def _check_equal(eng, origins):
    m, cm = _full_nearest(eng, origins)
    n = nearest_sites(eng, origins)
    assert np.array_equal(np.isnan(m), np.isnan(n.minutes))
    assert np.array_equal(m[~np.isnan(m)], n.minutes[~np.isnan(n.minutes)])   # exactly, not approximately
    # the site named is the full path's wherever the nearest site is unique
    finite = np.where(np.isfinite(cm.minutes), cm.minutes, np.inf)
    unique = (finite == m[:, None]).sum(axis=1) == 1
    names = np.array(cm.site_ids, dtype=object)
    assert (names[np.argmin(finite, axis=1)][unique] == n.site_id[unique]).all()
    return n


def test_nearest_equals_full_path_on_the_mini_network(mini):
    for scen in ("existing", "plan-full"):
        eng = Engine(scen, data_dir=mini)
        n = _check_equal(eng, grid_frame(1.0, data_dir=mini))
        assert np.isfinite(n.minutes).any()


def test_nearest_reports_origins_beyond_every_connector(mini):
    eng = Engine("existing", data_dir=mini)
    far = grid_frame(1.0, data_dir=mini).head(2).copy()
    far["x"] += 5e6                                    # 5,000 km away: no node, no site within reach
    n = nearest_sites(eng, far)
    assert np.isnan(n.minutes).all() and all("no network node" in r for r in n.reason)
    assert list(n.site_id) == [None, None]


@needs_real
@pytest.mark.slow
@pytest.mark.parametrize("scenario", ["existing", "plan2035-full"])
def test_nearest_equals_full_path_on_the_real_data(scenario):
    eng = Engine(scenario, data_dir=REAL)
    n = _check_equal(eng, grid_frame(1.0, data_dir=REAL))
    assert np.isfinite(n.minutes).mean() > 0.99


# -- origin links ---------------------------------------------------------------------------------------

def test_merge_keeps_the_k_nearest_of_the_union():
    x, y = np.array([0.0, 100.0]), np.array([0.0, 0.0])
    a = search(np.array(["a1", "a2"], dtype=object), np.array([10.0, 50.0]), np.array([0.0, 0.0]), x, y, 2, 1e9)
    b = search(np.array(["b1"], dtype=object), np.array([5.0]), np.array([0.0]), x, y, 2, 1e9)
    m = merge(a, b, 2)
    # point 0: b1 at 5, a1 at 10 (a2 at 50 drops); point 1: a2 at 50, a1 at 90
    assert [list(m.ids[i] for i in row) for row in m.idx] == [["b1", "a1"], ["a2", "a1"]]
    assert np.allclose(m.dist, [[5, 10], [50, 90]])


def test_links_cache_extends_for_added_hubs_and_equals_a_fresh_search():
    rng = np.random.default_rng(1)
    x, y = rng.uniform(0, 1e5, 500), rng.uniform(0, 1e5, 500)
    hubs = {f"h{i}": tuple(rng.uniform(0, 1e5, 2)) for i in range(40)}
    more = dict(hubs, **{f"n{i}": tuple(rng.uniform(0, 1e5, 2)) for i in range(5)})
    cache = LinkCache()
    cache.links("p", x, y, hubs, 3, 3e4)
    assert cache.searched == 40
    extended = cache.links("p", x, y, more, 3, 3e4)
    assert cache.searched == 45                      # only the 5 added hubs were searched
    fresh = LinkCache().links("p", x, y, more, 3, 3e4)
    assert np.array_equal(extended.dist, fresh.dist)
    assert (extended.ids[extended.idx] == fresh.ids[fresh.idx])[extended.idx >= 0].all()
    assert cache.links("p", x, y, more, 3, 3e4) is extended and cache.searched == 45   # a hit


def test_links_cache_drops_old_entries_beyond_its_byte_budget():
    x = y = np.zeros(1000)
    cache = LinkCache(max_bytes=1000 * 3 * 12 * 2)     # room for two entries
    for i in range(4):
        cache.links(f"p{i}", x, y, {"h": (1.0, 1.0)}, 3, 10.0)
    assert len(cache) == 2


def test_scenarios_share_origin_links_and_results_do_not_depend_on_the_cache(mini):
    clear_cache()
    g = grid_frame(1.0, data_dir=mini)
    base = nearest_sites(Engine("existing", data_dir=mini), g).minutes
    n1 = LINKS.searched
    with_ = nearest_sites(Engine("plan-full", data_dir=mini), g).minutes
    added = LINKS.searched - n1
    clear_cache()
    cold = nearest_sites(Engine("plan-full", data_dir=mini), g).minutes
    assert np.array_equal(np.nan_to_num(with_, nan=-1), np.nan_to_num(cold, nan=-1))
    # the mini plan adds one station (st-c): the warm run searched only it, the cold run all 10 hubs
    assert added == 1 and LINKS.searched == 10
    assert np.nanmean(with_) <= np.nanmean(base)
