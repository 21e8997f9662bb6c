"""``atlas`` subcommands for the engine: route, access, compare, rank, calibrate, export-graph.

Thin wrappers over network/ library functions. User errors raise AtlasError subclasses; the dispatcher
prints them (exit 1, no traceback). Progress goes to stderr only when it is a terminal.
"""
from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import geopandas as gpd
import networkx as nx
import pandas as pd

from geo.fileio import atomic_write_text
from geo.raster import write_geotiff
from network.access import access_columns, access_table
from network.calibration import calibrate
from network.circuits import best_order, circuit_legs, circuit_table, load_circuits, site_matrix
from network.compare import compare_scenarios
from network.engine import get_engine
from network.errors import NetworkError
from network.graph import MODES
from network.origins import parse_origins
from network.raster import grid_bands
from network.proposals import access_with, compare_with, load_proposal, rank_with, route_with
from network.ranking import rank_projects
from network.routing import find_place, route
from network.scenario import resolve_scenario
from network.tables import rounded, table_csv
from network.visitors import (cluster_table, market_table, site_table, visitor_engine, visitor_hours,
                              visitor_matrix)


def register(sub) -> None:
    p = sub.add_parser("route", help="fastest route between two named places")
    p.add_argument("--from", dest="origin", required=True, metavar="NAME", help="id, name_zh or name_en")
    p.add_argument("--to", dest="destination", required=True, metavar="NAME")
    _scenario_args(p)
    p.add_argument("--modes", help="comma-separated riding modes to allow (e.g. hsr,conventional_rail)")
    p.add_argument("--json", action="store_true", help="print JSON (minutes and legs)")
    _add_arg(p)
    p.set_defaults(handler=cmd_route)

    p = sub.add_parser("access", help="travel time from origins to heritage sites (one row per origin)")
    _scenario_args(p)
    p.add_argument("--origins", default="counties", help="counties | gateways | grid:KM | FILE (.csv/.geojson)")
    p.add_argument("--sites", default="all", choices=("all", "national"))
    p.add_argument("--out", required=True, help="FILE.csv, FILE.geojson, or FILE.tif (grid origins: a GeoTIFF in "
                                                "EPSG:4547, one band per measure)")
    _add_arg(p)
    p.set_defaults(handler=cmd_access)

    p = sub.add_parser("compare", help="compare two scenarios (minutes saved per origin, county, gateway)")
    _two_scenario_args(p, origins="grid:2", origins_help="counties | gateways | grid:KM | FILE",
                       out_help="FILE.csv (per origin; *_counties.csv and *_gateways.csv are written next to "
                                "it) or FILE.json (all three tables)")
    p.set_defaults(handler=cmd_compare)

    p = sub.add_parser("rank", help="rank planned projects by marginal gain (added alone / removed alone)")
    _two_scenario_args(p, origins="grid:1", origins_help="counties | grid:KM | FILE (default grid:1)",
                       out_help="FILE.csv")
    p.add_argument("--measure", choices=("residents", "visitors", "both"), default=None,
                   help="residents' nearest-site minutes, visitors' trips from the origin markets, or both "
                        "(default: both; residents with --add)")
    p.set_defaults(handler=cmd_rank)

    _register_visitors(sub)

    p = sub.add_parser("calibrate", help="model vs real travel times (data/calibration.csv)")
    p.add_argument("--scenario", default="existing")
    p.add_argument("--out", help="also write the table to FILE.csv")
    p.set_defaults(handler=cmd_calibrate)

    p = sub.add_parser("export-graph", help="write a scenario graph as GraphML")
    _scenario_args(p)
    p.add_argument("--freight", action="store_true", help="include waterways and ports")
    p.add_argument("--out", required=True, help="FILE.graphml")
    p.set_defaults(handler=cmd_export_graph)


def _register_visitors(sub) -> None:
    p = sub.add_parser("visitors", help="visitors: population within T hours of each site, mean hours, potential",
                       description="Measures of the trips from the origin markets (the markets layer) to the "
                                   "heritage sites: per site, per county cluster and per city (docs/MEASURES.md).")
    _scenario_args(p)
    p.add_argument("--sites", default="national", metavar="national|all|IDS",
                   help="national (default), all, or comma-separated site ids")
    p.add_argument("--hours", metavar="H,H,…", help="hours of the daily-accessibility columns (default: "
                                                    "visitors.thresholds_hours, 2,3,4,5)")
    p.add_argument("--out", required=True, help="FILE.csv (per site; *_clusters.csv and *_cities.csv are written "
                                                "next to it) or FILE.geojson (the sites as points)")
    p.set_defaults(handler=cmd_visitors)

    p = sub.add_parser("circuit", help="travel time of a red-tourism circuit (sites in order) and its best order")
    p.add_argument("--sites", metavar="IDS", help="comma-separated heritage-site ids or names, in visiting order")
    p.add_argument("--circuit", metavar="ID", help="a named circuit of data/params/circuits.csv instead of --sites")
    p.add_argument("--scenario", default="existing", help="existing | YEAR | plan set (default existing)")
    p.add_argument("--best-order", action="store_true", help="also find the fastest visiting order (≤ 8 sites)")
    p.add_argument("--list", action="store_true", help="list the named circuits with their times in the scenario")
    p.set_defaults(handler=cmd_circuit)


def _scenario_args(p) -> None:
    p.add_argument("--scenario", default="existing", help="existing | YEAR | plan set (default existing)")
    p.add_argument("--include", default="", metavar="IDS", help="comma-separated feature ids to add")
    p.add_argument("--exclude", default="", metavar="IDS", help="comma-separated feature ids to remove")


def _two_scenario_args(p, *, origins: str, origins_help: str, out_help: str) -> None:
    p.add_argument("--baseline", "--base", dest="baseline", required=True, metavar="S",
                   help="the scenario to compare against (e.g. existing)")
    p.add_argument("--with", dest="with_", required=True, metavar="S")
    p.add_argument("--origins", default=origins, help=origins_help)
    p.add_argument("--sites", default="national", choices=("all", "national"))
    p.add_argument("--out", required=True, help=out_help)
    _add_arg(p)


def _add_arg(p) -> None:
    p.add_argument("--add", metavar="FILE", help="GeoJSON of sketched/proposed features evaluated on top of the "
                                                 "scenario (--with for compare/rank); data/ is not changed "
                                                 "(docs/SKETCH.md)")


def _out_path(path: str, suffixes: tuple[str, ...]) -> Path:
    """Check an --out path before any work is done: its suffix, and a folder that exists to write into."""
    p = Path(path)
    if p.suffix.lower() not in suffixes:
        raise NetworkError(f"--out {path}: use a file ending in {' or '.join(suffixes)}")
    if p.is_dir():
        raise NetworkError(f"--out {path}: is a folder; give a file name")
    if not p.parent.is_dir():
        what = "is not a folder" if p.parent.exists() else "does not exist"
        raise NetworkError(f"--out {path}: {p.parent} {what}")
    return p


def _write_text(path: Path, text: str) -> None:
    try:
        atomic_write_text(path, text)
    except OSError as exc:
        raise NetworkError(f"--out {path}: cannot write the file ({exc.strerror or exc}); nothing was written") \
            from None


def _write_csv(df: pd.DataFrame, path: Path) -> None:
    _write_text(path, table_csv(df))


def _records(df: pd.DataFrame) -> list:
    return json.loads(rounded(df).to_json(orient="records", force_ascii=False))


def _fmt_minutes(m: float) -> str:
    if not math.isfinite(m):
        return "unreachable"
    h, mm = divmod(round(m), 60)
    return f"{m:.0f} min ({h} h {mm:02d})" if h else f"{m:.0f} min"


def cmd_route(args) -> int:
    modes = [m.strip() for m in args.modes.split(",") if m.strip()] if args.modes else None
    if modes:
        bad = [m for m in modes if m not in MODES]
        if bad:
            raise NetworkError(f"unknown mode(s) {', '.join(bad)}; modes are {', '.join(MODES)}")
    if args.add:
        sc = resolve_scenario(args.scenario, include=args.include, exclude=args.exclude)
        r = route_with(args.origin, args.destination, sc, load_proposal(args.add, scenario=sc), modes=modes)
    else:
        r = route(args.origin, args.destination, args.scenario, include=args.include, exclude=args.exclude,
                  modes=modes)
    if args.json:
        print(json.dumps(r.to_dict(), ensure_ascii=False, indent=2))
        return 0 if r.reachable else 1
    if not r.reachable:
        print(f"{r.from_name} → {r.to_name} [{r.scenario}]: unreachable ({r.reason})", file=sys.stderr)
        return 1
    print(f"{r.from_name} → {r.to_name} [{r.scenario}]: {_fmt_minutes(r.minutes)}")
    for leg in r.legs:
        if round(leg.minutes, 1) == 0:  # e.g. the 0-minute wait of a road: noise in the text form (kept in --json)
            continue
        what = f"{leg.mode} {leg.line}".strip() if leg.kind == "ride" else leg.kind + (f" ({leg.line})" if leg.line else "")
        place = f"{leg.from_name} → {leg.to_name}" if leg.from_id != leg.to_id else leg.from_name
        print(f"  {leg.minutes:6.1f} min  {what:40}  {place}")
    return 0


def cmd_access(args) -> int:
    out = _out_path(args.out, (".csv", ".geojson", ".tif", ".tiff"))
    eng = get_engine(args.scenario, include=args.include, exclude=args.exclude)
    origins = parse_origins(args.origins, data=eng.data)
    if out.suffix.lower() in (".tif", ".tiff") and not origins.attrs.get("cell_km"):
        raise NetworkError(f"--out {out}: a GeoTIFF needs grid origins (--origins grid:KM), not {args.origins}")
    _progress(f"routing {len(origins):,} origins × {len(eng.site_ids(args.sites))} sites in {eng.scenario.name}")
    if args.add:
        table = access_with(eng.scenario, load_proposal(args.add, scenario=eng.scenario), origins, sites=args.sites)
    else:
        table = access_table(eng.scenario, origins, sites=args.sites)
    table = table[access_columns(eng.params)]
    if out.suffix.lower() == ".csv":
        _write_csv(table, out)
    elif out.suffix.lower() in (".tif", ".tiff"):
        _write_grid_tif(table, origins, out, scenario=eng.scenario.name)
    else:
        gdf = gpd.GeoDataFrame(rounded(table), geometry=gpd.points_from_xy(table["lon"], table["lat"]),
                               crs="EPSG:4326")
        _write_text(out, gdf.to_json(na="null", show_bbox=False, drop_id=True, ensure_ascii=False))
    n_bad = int((~table["reachable"]).sum())
    print(f"{len(table)} origins written to {out}" + (f"; {n_bad} unreachable (see column reason)" if n_bad else ""))
    return 0


def _write_grid_tif(table: pd.DataFrame, origins: pd.DataFrame, out: Path, *, scenario: str) -> None:
    """The access table of grid origins as a GeoTIFF: one band per measure (minutes, sites within T, gravity,
    population), NaN outside the counties and where no site is reachable."""
    cells = table.merge(origins[["origin_id", "x", "y"]], on="origin_id", how="left")
    columns = ["nearest_site_minutes", *(c for c in table.columns if c.startswith("sites_within_")), "gravity",
               "population"]
    gb = grid_bands(cells, cell_km=float(origins.attrs["cell_km"]), columns=columns)
    try:
        write_geotiff(out, gb.bands, west=gb.west, north=gb.north, cell_m=gb.cell_m, crs=gb.crs, names=gb.names,
                      tags={"scenario": scenario, "origins": f"grid:{origins.attrs['cell_km']:g}",
                            "units": "minutes; sites; gravity (sum of exp(-t/beta)); people per cell"})
    except OSError as exc:
        raise NetworkError(f"--out {out}: cannot write the file ({exc.strerror or exc}); nothing was written") \
            from None


def _base_origins_proposal(args):
    """The --baseline engine, the origins, and the --with scenario with the --add proposal (None without --add)."""
    eng = get_engine(args.baseline)
    origins = parse_origins(args.origins, data=eng.data)
    if not args.add:
        return eng, origins, None, None
    w = get_engine(args.with_).scenario
    return eng, origins, w, load_proposal(args.add, scenario=w)


def cmd_compare(args) -> int:
    out = _out_path(args.out, (".csv", ".json"))
    eng, origins, w, proposal = _base_origins_proposal(args)
    _progress(f"comparing {args.baseline} with {args.with_} over {len(origins):,} origins")
    if proposal is not None:
        c = compare_with(eng.scenario, proposal, origins, with_=w, sites=args.sites)
    else:
        c = compare_scenarios(eng.scenario, args.with_, origins, sites=args.sites)
    if out.suffix.lower() == ".json":
        doc = {"baseline": c.baseline, "with": c.with_, "notes": c.notes, "per_origin": _records(c.per_origin),
               "per_county": _records(c.per_county), "gateway_sites": _records(c.gateway_sites),
               "visitor_sites": _records(c.visitor_sites)}
        _write_text(out, json.dumps(doc, ensure_ascii=False, indent=1))
    else:
        _write_csv(c.per_origin, out)
        _write_csv(c.per_county, out.with_name(out.stem + "_counties.csv"))
        _write_csv(c.gateway_sites, out.with_name(out.stem + "_gateways.csv"))
        if len(c.visitor_sites):
            _write_csv(c.visitor_sites, out.with_name(out.stem + "_visitors.csv"))
    for n in c.notes:
        print(f"note: {n}", file=sys.stderr)
    print(f"{c.baseline} → {c.with_}: tables written to {out}")
    return 0


def cmd_rank(args) -> int:
    out = _out_path(args.out, (".csv",))
    eng, origins, w, proposal = _base_origins_proposal(args)
    measure = args.measure or ("residents" if proposal is not None else "both")
    measures = ("residents", "visitors") if measure == "both" else (measure,)
    if proposal is not None:
        if measures != ("residents",):
            raise NetworkError("--add ranks a sketch on residents' minutes only; use --measure residents")
        df = rank_with(eng.scenario, w, proposal, origins, sites=args.sites)
    else:
        df = rank_projects(eng.scenario, args.with_, origins, sites=args.sites, measures=measures,
                           progress=_progress_bar("ranking"))
    _write_csv(df, out)
    print(f"{len(df)} projects ranked ({args.baseline} → {args.with_}) written to {out}")
    return 0


def _site_list(text: str, data) -> list[str]:
    """Heritage-site ids from comma-separated ids or names (find_place on the sites layer)."""
    items = [x.strip() for x in text.replace("，", ",").split(",") if x.strip()]
    if not items:
        raise NetworkError("--sites: give one or more heritage-site ids or names, comma-separated")
    return [find_place(x, data, layers=("heritage_sites",)) for x in items]


def cmd_visitors(args) -> int:
    out = _out_path(args.out, (".csv", ".geojson"))
    eng = visitor_engine(get_engine(args.scenario, include=args.include, exclude=args.exclude).scenario)
    sites = args.sites if args.sites in ("national", "all") else _site_list(args.sites, eng.data)
    params = eng.params
    if args.hours:
        params = params.with_values(**{"visitors.thresholds_hours": args.hours})
        visitor_hours(params)  # a bad list is one clear error before any work
    vm = visitor_matrix(eng, sites)
    if not len(vm.markets):
        raise NetworkError("the markets layer is empty: build it with scripts/build_markets.py")
    table = site_table(vm, eng.data, params)
    if out.suffix.lower() == ".csv":
        _write_csv(table, out)
        _write_csv(cluster_table(vm, eng.data, params), out.with_name(out.stem + "_clusters.csv"))
        _write_csv(market_table(vm), out.with_name(out.stem + "_cities.csv"))
    else:
        lonlat = [eng.data.lonlat[s] for s in table["site_id"]]
        gdf = gpd.GeoDataFrame(rounded(table), geometry=gpd.points_from_xy([p[0] for p in lonlat], [p[1] for p in lonlat]),
                               crs="EPSG:4326")
        _write_text(out, gdf.to_json(na="null", show_bbox=False, drop_id=True, ensure_ascii=False))
    print(f"{len(vm.site_ids)} sites × {len(vm.markets)} cities ({int(vm.markets['population'].sum()):,} people) "
          f"in {eng.scenario.name}: written to {out}")
    return 0


def cmd_circuit(args) -> int:
    eng = visitor_engine(args.scenario)
    if args.list:
        table = circuit_table(eng, load_circuits(eng.data))
        for r in table.to_dict("records"):
            best = f"; best order {_fmt_minutes(r['best_minutes'])}: {r['best_order']}" if r["best_order"] else ""
            print(f"{r['circuit_id']:18} {r['name_zh']}: {_fmt_minutes(r['minutes'])}{best}")
        return 0
    if bool(args.sites) == bool(args.circuit):
        raise NetworkError("give --sites IDS or --circuit ID (see atlas circuit --list)")
    if args.circuit:
        named = {c.circuit_id: c for c in load_circuits(eng.data)}
        if args.circuit not in named:
            raise NetworkError(f"unknown circuit {args.circuit!r}; circuits: {', '.join(named) or 'none'}")
        ids = list(named[args.circuit].site_ids)
    else:
        ids = _site_list(args.sites, eng.data)
    if len(set(ids)) < 2:
        raise NetworkError("a circuit needs two or more different sites")
    legs = circuit_legs(eng, ids)
    for r in legs.to_dict("records"):
        print(f"  {_fmt_minutes(r['minutes']):>18}  {r['from']} → {r['to']}")
    print(f"total {_fmt_minutes(float(legs['minutes'].sum(min_count=len(legs))))} [{eng.scenario.name}]")
    if args.best_order:
        order, minutes = best_order(site_matrix(eng, ids))
        print(f"best order: {' → '.join(eng.data.name(ids[i]) for i in order)} ({_fmt_minutes(minutes)})")
    return 0


def cmd_calibrate(args) -> int:
    out = _out_path(args.out, (".csv",)) if args.out else None
    df = calibrate(scenario=args.scenario)
    tol = df.attrs["tolerance"]
    for r in df.to_dict("records"):
        flag = "ok " if r["within"] else ("-- " if not r["used"] else "BAD")
        model = f"{r['model_minutes']:6.1f}" if math.isfinite(r["model_minutes"]) else "     —"
        err = f"{r['rel_error']:+6.1%}" if math.isfinite(r["rel_error"]) else "     —"
        note = r["problem"] or ("" if r["used"] else "(not used)")
        print(f"{flag} {r['mode']:17} {r['from']} → {r['to']}: real {r['real_minutes']:5.0f}  model {model}  {err} {note}")
    used = df[df["used"]]
    worst = used["rel_error"].abs().max()
    print(f"{len(used)} pairs used; max |error| {worst:.1%} (tolerance ±{tol:.0%})")
    if out is not None:
        _write_csv(df, out)
    return 0 if bool(used["within"].all()) else 1


def cmd_export_graph(args) -> int:
    out = _out_path(args.out, (".graphml",))
    G = get_engine(args.scenario, include=args.include, exclude=args.exclude, passenger=not args.freight).nx_graph()
    H = nx.MultiDiGraph()
    H.graph.update({k: _graphml_value(v) for k, v in G.graph.items()})
    H.add_nodes_from((n, {k: _graphml_value(v) for k, v in d.items()}) for n, d in G.nodes(data=True))
    H.add_edges_from((u, v, {k: _graphml_value(val) for k, val in d.items()}) for u, v, d in G.edges(data=True))
    _write_text(out, "\n".join(nx.generate_graphml(H, encoding="utf-8", prettyprint=True)) + "\n")
    print(f"{G.number_of_nodes()} nodes, {G.number_of_edges()} edges written to {out}")
    return 0


def _graphml_value(v):
    if v is None:
        return ""
    if isinstance(v, (list, tuple, set, frozenset)):
        return json.dumps(list(v), ensure_ascii=False)
    if isinstance(v, (str, int, float, bool)):
        return v
    return str(v)


def _progress(msg: str) -> None:
    if sys.stderr.isatty():
        print(msg, file=sys.stderr, flush=True)


def _progress_bar(what: str):
    """A progress callback (done, total, label) drawing one updating line on a terminal; None otherwise."""
    if not sys.stderr.isatty():
        return None

    def show(i: int, n: int, label: str) -> None:
        print(f"\r  {what} {i}/{n} {label[:40]:40}", end="" if i < n else "\n", file=sys.stderr, flush=True)
    return show
