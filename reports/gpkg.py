"""Every layer in one GeoPackage for QGIS / ArcGIS users, styled, optionally with a scenario's results.

Layers keep the schema's field names and types (str → TEXT, int/year → INTEGER, float → REAL, bool →
BOOLEAN; dates stay TEXT because a plan date may be a year or a month; ``list[str]`` fields are JSON arrays
in TEXT; ``accuracy_m`` is TEXT because it may be the word ``schematic``), the schema's description in
``gpkg_contents``, and the geometry type the layer's features really have (a layer mixing e.g. LineString and
MultiLineString is written as GEOMETRY, so nothing is promoted and a round trip through ``atlas import`` gives
the same file). Each layer has a QGIS style (``reports.qml``) in the ``layer_styles`` table, so QGIS opens it
styled. ``with_results`` adds the scenario's accessibility grid (cells as polygons), the per-county summary
(county polygons) and the visitors' per-site and per-cluster tables.
"""
from __future__ import annotations

import datetime as dt
import json
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import shapely

from geo.crs import PROJECTED_CRS
from geo.fileio import atomic_write_bytes
from geo.paths import DataVersion, data_version
from geo.schema import LAYERS, LayerSchema
from geo.store import load_layer
from network.access import county_summary, engine_access_table, resident_thresholds
from network.engine import get_engine
from network.origins import origins_grid
from network.visitors import cluster_table, site_table, visitor_engine, visitor_matrix
from reports.errors import ReportError
from reports.qml import band_rules, layer_qml, level_rules, qml
from reports.strings import LANGS

CRS_CHOICES = {"EPSG:4326": "EPSG:4326", "WGS84": "EPSG:4326", "EPSG:4547": PROJECTED_CRS, "CGCS2000": PROJECTED_CRS}
STYLE_COLUMNS = ("f_table_catalog", "f_table_schema", "f_table_name", "f_geometry_column", "styleName", "styleQML",
                 "styleSLD", "useAsDefault", "description", "owner", "ui", "update_time")
GEOMETRY_COLUMN = "geom"


@dataclass
class ExportSummary:
    """What an export wrote: layers with their feature counts, the styles, notes."""

    path: Path
    layers: dict[str, int] = field(default_factory=dict)
    styles: int = 0
    notes: list[str] = field(default_factory=list)


def parse_export_crs(text: str) -> str:
    """'EPSG:4326' / 'wgs84' or 'EPSG:4547' / 'cgcs2000' → the CRS to write; anything else a ReportError."""
    crs = CRS_CHOICES.get(str(text).strip().upper())
    if crs is None:
        raise ReportError(f"CRS {text!r}: use EPSG:4326 (WGS84, the default) or EPSG:4547 (CGCS2000 / 3-degree "
                          "Gauss-Kruger CM 114E)")
    return crs


def _cell(value: Any, ftype: str) -> Any:
    """A property as the GeoPackage column of its schema type holds it (see the module docstring)."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    if ftype == "list[str]":
        return json.dumps(list(value), ensure_ascii=False)
    if ftype == "accuracy":
        return value if isinstance(value, str) else json.dumps(value)
    return value


_DTYPES = {"int": "Int64", "year": "Int64", "float": "float64", "bool": "boolean"}


def schema_frame(gdf: gpd.GeoDataFrame, schema: LayerSchema) -> gpd.GeoDataFrame:
    """The layer with one column per schema field in schema order, typed for the GeoPackage."""
    cols = {}
    for f in schema.fields:
        values = [_cell(v, f.type) for v in gdf[f.name]] if f.name in gdf.columns else [None] * len(gdf)
        cols[f.name] = pd.array(values, dtype=_DTYPES.get(f.type, "object"))
    return gpd.GeoDataFrame(cols, geometry=list(gdf.geometry), crs=gdf.crs or "EPSG:4326")


def geometry_type(gdf: gpd.GeoDataFrame, schema: LayerSchema) -> str:
    """The layer's one geometry type, or 'Unknown' (GEOMETRY) when its features mix types."""
    kinds = set(gdf.geometry.geom_type.dropna())
    if len(kinds) == 1:
        return kinds.pop()
    return schema.geometry_types[0] if not kinds else "Unknown"


def describe(schema: LayerSchema) -> str:
    return (f"{schema.title_zh} / {schema.title_en}: {schema.description}. Every feature has source, confidence "
            "(high/medium/low: low is a guess) and accuracy_m (metres or 'schematic'); list fields are JSON arrays. "
            "Gannan Planning Atlas, geo/schema.py.")


def _write(path: Path, gdf: gpd.GeoDataFrame, name: str, *, gtype: str, identifier: str, description: str) -> None:
    pyogrio.write_dataframe(gdf, path, layer=name, driver="GPKG", geometry_type=gtype, promote_to_multi=False,
                            layer_options={"IDENTIFIER": identifier[:255], "DESCRIPTION": description,
                                           "GEOMETRY_NAME": GEOMETRY_COLUMN})


def write_data_layers(path: Path, *, data_dir: Path, crs: str, lang: str, summary: ExportSummary) -> dict[str, str]:
    """Write every layer file present; return layer → QML."""
    styles = {}
    for name, schema in LAYERS.items():
        if not (Path(data_dir) / "layers" / f"{name}.geojson").exists():
            summary.notes.append(f"{name}: no layer file; left out")
            continue
        gdf = load_layer(name, data_dir=data_dir)
        frame = schema_frame(gdf, schema).to_crs(crs)
        _write(path, frame, name, gtype=geometry_type(frame, schema), identifier=f"{schema.title_zh} {schema.title_en}",
               description=describe(schema))
        summary.layers[name] = len(frame)
        styles[name] = layer_qml(name, lang)
    return styles


def _cells(table: pd.DataFrame, cell_km: float) -> gpd.GeoSeries:
    h = cell_km * 500.0
    x, y = table["x"].to_numpy(float), table["y"].to_numpy(float)
    return gpd.GeoSeries(shapely.box(x - h, y - h, x + h, y + h), crs=PROJECTED_CRS)


def write_results(path: Path, *, scenario: str, cell_km: float, version: DataVersion, crs: str, lang: str,
                  summary: ExportSummary) -> dict[str, str]:
    """The scenario's access grid, county summary and visitors' tables; return layer → QML."""
    eng = get_engine(scenario, version=version)
    grid = origins_grid(cell_km, data=eng.data)
    access = engine_access_table(eng, grid).merge(grid[["origin_id", "x", "y"]], on="origin_id", how="left")
    thresholds = resident_thresholds(eng.params)
    note = f"scenario {eng.scenario.name}, data as of {eng.params['scenario.as_of']}, {cell_km:g} km grid"
    cells = gpd.GeoDataFrame(access.drop(columns=["x", "y"]), geometry=_cells(access, cell_km)).to_crs(crs)
    _write(path, cells, "access_grid", gtype="Polygon", identifier="access_grid",
           description=f"Minutes from each grid cell to the nearest heritage site ({note}); population spread "
                       "evenly over each county's cells; empty minutes = unreachable.")
    counties = eng.data.layers["counties"][["id", "name_zh", "name_en", "geometry"]]
    per_county = county_summary(access, thresholds=thresholds)
    joined = counties.merge(per_county, left_on="id", right_on="county", how="left").drop(columns=["county"])
    _write(path, joined.to_crs(crs), "county_access", gtype=geometry_type(joined, LAYERS["counties"]),
           identifier="county_access", description=f"Population-weighted minutes to the nearest site per county ({note}).")
    vis = visitor_engine(eng.scenario, version=version)
    vm = visitor_matrix(vis, "all")
    sites = site_table(vm, vis.data, vis.params)
    lonlat = [vis.data.lonlat[s] for s in sites["site_id"]]
    pts = gpd.GeoDataFrame(sites, geometry=gpd.points_from_xy([p[0] for p in lonlat], [p[1] for p in lonlat]),
                           crs="EPSG:4326")
    _write(path, pts.to_crs(crs), "visitor_sites", gtype="Point", identifier="visitor_sites",
           description=f"Visitors from the origin markets per site: people within T hours, mean hours, potential ({note}).")
    clusters = cluster_table(vm, vis.data, vis.params)
    pyogrio.write_dataframe(clusters, path, layer="visitor_clusters", driver="GPKG",
                            layer_options={"DESCRIPTION": f"Visitors per county cluster of sites ({note})."})
    summary.layers.update({"access_grid": len(cells), "county_access": len(joined), "visitor_sites": len(pts),
                           "visitor_clusters": len(clusters)})
    return {"access_grid": qml(band_rules("nearest_site_minutes", thresholds, lang), geometry="polygon"),
            "county_access": qml(band_rules("mean_minutes", thresholds, lang), geometry="polygon",
                                 label_field="name_zh" if lang == "zh" else "name_en"),
            "visitor_sites": qml(level_rules(lang), geometry="point")}


def write_styles(path: Path, styles: dict[str, str]) -> None:
    """The QGIS ``layer_styles`` table: one default style per layer (QGIS loads it when the layer is opened)."""
    now = pd.Timestamp(dt.datetime.now(dt.timezone.utc)).floor("s")
    rows = [{"f_table_catalog": "", "f_table_schema": "", "f_table_name": name, "f_geometry_column": GEOMETRY_COLUMN,
             "styleName": name, "styleQML": text, "styleSLD": "", "useAsDefault": True,
             "description": "Gannan Planning Atlas: the app's colours and status line styles", "owner": "",
             "ui": "", "update_time": now} for name, text in styles.items()]
    pyogrio.write_dataframe(pd.DataFrame(rows, columns=list(STYLE_COLUMNS)), path, layer="layer_styles",
                            driver="GPKG", layer_options={"FID": "id"})


def export_gpkg(out: Path, *, data_dir: Path | None = None, crs: str = "EPSG:4326", scenario: str = "existing",
                with_results: bool = False, cell_km: float = 2.0, lang: str = "zh") -> ExportSummary:
    """Write every layer (and, ``with_results``, the results of ``scenario``) to the GeoPackage ``out`` atomically."""
    if lang not in LANGS:
        raise ReportError(f"unknown language {lang!r}; use {' or '.join(LANGS)}")
    version = data_version(data_dir)
    root = Path(version.data_dir)
    summary = ExportSummary(Path(out))
    with tempfile.TemporaryDirectory(prefix="atlas-gpkg-") as tmp:
        path = Path(tmp) / "export.gpkg"
        styles = write_data_layers(path, data_dir=root, crs=crs, lang=lang, summary=summary)
        if with_results:
            styles.update(write_results(path, scenario=scenario, cell_km=cell_km, version=version, crs=crs, lang=lang,
                                        summary=summary))
        write_styles(path, styles)
        summary.styles = len(styles)
        try:
            atomic_write_bytes(Path(out), path.read_bytes())
        except OSError as exc:
            raise ReportError(f"--out {out}: cannot write the file ({exc.strerror or exc}); nothing was written") \
                from None
    return summary
