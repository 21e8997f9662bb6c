"""The engine's work bounds, in one place, each with its reason; checked before the work starts.

The engine's work grows with three numbers: the sites routed to (S), the graph's nodes (N) and the
origins (O). The fast path (``network.nearest``: one multi-source Dijkstra, one min per origin) grows
with N and O only; the full path (``Engine.to_sites`` then ``Engine.cost_matrix``: the access table's
sites-within and gravity columns, the visitors' tables) holds an S × N matrix of minutes, predecessors
and path modes, then an O × S matrix. Unbounded, 20,000 heritage sites made ``atlas access --origins
counties`` take 3 min 17 s and 21.6 GB. Measured on the 2-core machine the project runs on (real data:
33 sites, ~1,000 nodes; 250 m grid: 630,018 origins).
"""
from __future__ import annotations

from network.errors import WorkLimitError

#: Origins of one analysis (grids and files): a 140 m grid of Ganzhou. The 250 m grid (630,018 cells) runs the
#: fast path in ~4 s and ~0.6 GB.
MAX_ORIGINS = 2_000_000
#: People at one origin: the schema's bound for a whole city (``markets.population``); beyond it is a typo,
#: and a 1e300 population overflowed the weighted sums.
MAX_ORIGIN_POPULATION = 40_000_000
#: Heritage sites in one scenario: 600 × the real 33, and the largest layer one import may bring
#: (``geo.readers.MAX_FEATURES``). 20,000 sites build an engine in ~7 s and answer the fast path in < 1 s.
MAX_SITES = 20_000
#: Nodes of one scenario graph: 100 × the real ~1,000; an engine of 20,800 nodes builds in ~7 s.
MAX_NODES = 100_000
#: Cells of the full path's sites × nodes matrix. It takes ~60 bytes a cell at its peak (minutes,
#: predecessors, path-mode bits and their temporaries; measured: 2,033 sites × 2,825 nodes = 5.7 M cells
#: took 4.8 s and +350 MB), so 20 M cells is ~1.2 GB and ~15 s.
MAX_SITE_NODE_CELLS = 20_000_000
#: Cells of the full path's origins × sites matrix: twice the 250 m grid's full access table (630,018 ×
#: 33 = 20.8 M cells, measured 12 s and +1.0 GB).
MAX_COST_CELLS = 42_000_000
#: Cells (sites × origins × connector candidates) routed at once inside ``Engine.cost_matrix``: 16 M
#: float64 = 128 MB a chunk, whatever the number of sites (a fixed 20,000 origins a chunk meant 7 GB at
#: 4,000 sites).
CHUNK_CELLS = 16_000_000

_FAST = "the nearest-site measures (the app's map, bands, comparisons and rankings) do not need it"


def check_scenario_size(sites: int, *, what: str) -> None:
    """Refuse a scenario of more than ``MAX_SITES`` heritage sites before its graph is built."""
    if sites > MAX_SITES:
        raise WorkLimitError(f"{what}: {sites:,} heritage sites; the engine's limit is {MAX_SITES:,} "
                             "(network/limits.py): split the layer or choose the sites (national)")


def check_graph_size(nodes: int, *, what: str) -> None:
    """Refuse a compiled graph of more than ``MAX_NODES`` nodes."""
    if nodes > MAX_NODES:
        raise WorkLimitError(f"{what}: the graph has {nodes:,} nodes; the engine's limit is {MAX_NODES:,} "
                             "(network/limits.py): fewer features per scenario")


def check_site_matrix(sites: int, nodes: int, *, what: str) -> None:
    """Refuse the full path's sites × nodes matrix beyond ``MAX_SITE_NODE_CELLS`` (before the Dijkstra)."""
    if sites * nodes > MAX_SITE_NODE_CELLS:
        raise WorkLimitError(f"{what}: {sites:,} sites × {nodes:,} nodes = {sites * nodes:,} minutes to hold; the "
                             f"limit is {MAX_SITE_NODE_CELLS:,} (network/limits.py): route to fewer sites "
                             f"(--sites national); {_FAST}")


def check_cost_matrix(origins: int, sites: int, *, what: str) -> None:
    """Refuse an origins × sites matrix beyond ``MAX_COST_CELLS`` (before routing)."""
    if origins * sites > MAX_COST_CELLS:
        raise WorkLimitError(f"{what}: {origins:,} origins × {sites:,} sites = {origins * sites:,} travel times; "
                             f"the limit is {MAX_COST_CELLS:,} (network/limits.py): use fewer origins (a coarser "
                             f"grid) or fewer sites (--sites national); {_FAST}")


def chunk_rows(sites: int, candidates: int, *, most: int = 20_000) -> int:
    """Origins per chunk of ``Engine.cost_matrix`` so that sites × origins × candidates ≤ ``CHUNK_CELLS``."""
    return max(1, min(most, CHUNK_CELLS // max(1, sites * max(1, candidates))))
