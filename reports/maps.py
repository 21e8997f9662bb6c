"""Static maps of the meeting pack (matplotlib, EPSG:4547): the plan by status, access bands, minutes saved.

The same colours, line weights, dash patterns and symbols as the app (``geo.cartography``), a legend panel,
a scale bar and a north arrow. Maps are drawn in CGCS2000 / 3-degree Gauss–Krüger CM 114°E metres, so the
scale bar is true across the prefecture (grid north is within about 1.1° of true north at its east edge).
Every ``draw_*`` function draws into a rectangle of a figure (figure fraction), so the PPTX picture and the
PDF page use the very same drawing.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import geopandas as gpd
import numpy as np
import shapely
from matplotlib.collections import LineCollection
from matplotlib.colors import ListedColormap
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from geo.cartography import (BACKGROUND, BASE_LAND, BASE_LAND_EDGE, BASE_WATER, COUNTY_STROKE, GAIN_ALL_COLOURS,
                             HERITAGE, HERITAGE_STROKE, LINE, POINT, POINT_OPACITY, RAIL, band_colours,
                             dash_pattern)
from geo.crs import PROJECTED_CRS
from geo.labels import LEVEL_LABELS, RAIL_CLASS_LABELS, STATUS_LABELS, label
from geo.schema import STATUSES, get_schema
from geo.text import plot_text
from network.bands import GAIN_EDGES, band_index, gain_band
from network.raster import grid_bands
from reports.content import ReportContent
from reports.strings import rt

#: Leaflet pixels → points on a static map of the whole prefecture (lines a presenter reads from the back)
PX_TO_PT = 0.5
#: layers of the plan map, bottom to top (the app's default groups, plus trunk roads faintly)
PLAN_LINES = ("trunk_roads", "expressways", "railways")
LEGEND_PT = 12.5
LABEL_PT = 10.5

Rect = tuple[float, float, float, float]


@dataclass
class MapFrame:
    """The projected layers of one report's maps and the extent they share."""

    layers: dict[str, gpd.GeoDataFrame]
    rivers: gpd.GeoSeries
    extent: tuple[float, float, float, float]      # xmin, xmax, ymin, ymax (EPSG:4547 m)
    labels: list[tuple[float, float, str]] = field(default_factory=list)


def map_frame(content: ReportContent) -> MapFrame:
    """Project the scenario's features (and every county) to EPSG:4547 once for all maps of a report."""
    ids = content.scenario.feature_ids
    layers = {}
    for name, gdf in content.data.layers.items():
        if gdf is None or gdf.empty:
            continue
        keep = gdf if name == "counties" else gdf[gdf["id"].isin(ids)]
        if len(keep):
            layers[name] = keep.to_crs(PROJECTED_CRS)
    rivers = gpd.GeoSeries([shapely.geometry.shape(f["geometry"]) for f in content.rivers], crs="EPSG:4326")
    rivers = rivers.to_crs(PROJECTED_CRS) if len(rivers) else rivers
    counties = layers.get("counties")
    if counties is not None:
        minx, miny, maxx, maxy = counties.total_bounds
    else:
        minx, miny, maxx, maxy = content.access["x"].min(), content.access["y"].min(), \
            content.access["x"].max(), content.access["y"].max()
    pad = 0.03 * max(maxx - minx, maxy - miny)
    labels = []
    if counties is not None:
        for fid, geom in zip(counties["id"], counties.geometry):
            pt = geom.representative_point()
            labels.append((pt.x, pt.y, short_county(content.name(fid))))
    return MapFrame(layers, rivers, (minx - pad, maxx + pad, miny - pad, maxy + pad), labels)


def short_county(name: str) -> str:
    """A county's name without ' County' / ' District' / ' City' (English map labels and tables stay short)."""
    for suffix in (" County", " District", " City"):
        name = name.removesuffix(suffix)
    return name


def sub_rect(rect: Rect, x: float, y: float, w: float, h: float) -> Rect:
    """A rectangle inside ``rect`` given in fractions of it."""
    return (rect[0] + x * rect[2], rect[1] + y * rect[3], w * rect[2], h * rect[3])


def _linestyle(status: str | None, lw: float) -> Any:
    pattern = dash_pattern(status)
    if pattern is None:
        return "solid"
    # matplotlib scales dashes by the line width; the app's patterns are in pixels
    return (0, tuple(max(p * PX_TO_PT / lw, 0.05) for p in pattern))


def _parts(geom) -> list[np.ndarray]:
    if geom is None or geom.is_empty:
        return []
    lines = getattr(geom, "geoms", [geom])
    return [np.asarray(shapely.get_coordinates(g)) for g in lines]


def _map_axes(fig: Figure, rect: Rect, frame: MapFrame):
    ax = fig.add_axes(rect)
    xmin, xmax, ymin, ymax = frame.extent
    ax.set_xlim(xmin, xmax)
    ax.set_ylim(ymin, ymax)
    ax.set_aspect("equal", adjustable="box", anchor="W")
    ax.set_facecolor(BACKGROUND)
    ax.set_xticks([])
    ax.set_yticks([])
    for s in ax.spines.values():
        s.set_edgecolor("#9e9e9e")
        s.set_linewidth(0.8)
    return ax


def _base(ax, frame: MapFrame, *, land: bool = True) -> None:
    counties = frame.layers.get("counties")
    if counties is not None and land:
        counties.plot(ax=ax, facecolor=BASE_LAND, edgecolor=BASE_LAND_EDGE, linewidth=0.6, zorder=1)
    if len(frame.rivers):
        frame.rivers.plot(ax=ax, color=BASE_WATER, linewidth=1.1, zorder=2)


def _county_edges(ax, frame: MapFrame, *, zorder: float = 5) -> None:
    counties = frame.layers.get("counties")
    if counties is not None:
        counties.boundary.plot(ax=ax, color=COUNTY_STROKE, linewidth=0.7, linestyle=(0, (4, 3)), zorder=zorder)


def _county_labels(ax, frame: MapFrame, *, colour: str = "#4a4a4a") -> None:
    for x, y, text in frame.labels:
        ax.text(x, y, plot_text(text), fontsize=LABEL_PT, color=colour, ha="center", va="center", zorder=9,
                bbox={"boxstyle": "round,pad=0.12", "facecolor": "white", "alpha": 0.55, "linewidth": 0})


def line_style(layer: str, props: dict) -> tuple[str, float]:
    """(colour, width in points) of a line feature on a static map."""
    if layer == "railways":
        colour, weight = RAIL.get(props.get("rail_class"), RAIL["conventional"])
    else:
        colour, weight = LINE[layer]
    return colour, weight * PX_TO_PT


def _lines(ax, frame: MapFrame, layers: Sequence[str], *, alpha: float = 0.95, zorder: float = 6,
           width_scale: float = 1.0) -> None:
    """Draw line layers grouped by style (one LineCollection per colour, width and status)."""
    for layer in layers:
        gdf = frame.layers.get(layer)
        if gdf is None:
            continue
        groups: dict[tuple, list[np.ndarray]] = {}
        for rec, geom in zip(gdf.drop(columns=gdf.geometry.name).to_dict("records"), gdf.geometry):
            colour, lw = line_style(layer, rec)
            groups.setdefault((colour, lw * width_scale, rec.get("status")), []).extend(_parts(geom))
        # existing lines last: solid lines over the dashed plans they share a corridor with
        for (colour, lw, status), segs in sorted(groups.items(), key=lambda kv: kv[0][2] == "existing"):
            ax.add_collection(LineCollection(segs, colors=colour, linewidths=lw, linestyles=_linestyle(status, lw),
                                             alpha=alpha, capstyle="round", zorder=zorder))


def _points(ax, frame: MapFrame, *, scale: float = 1.0, only_national: bool = False) -> None:
    """Airports and heritage sites (by level); features not yet existing are drawn hollow."""
    gdf = frame.layers.get("airports")
    if gdf is not None and not only_national:
        stroke, fill, r = POINT["airports"]
        for status_group in (False, True):
            sel = gdf[(gdf["status"] == "existing") == status_group]
            if len(sel):
                ax.scatter(sel.geometry.x, sel.geometry.y, s=(r * 2 * PX_TO_PT * scale) ** 2, marker="s",
                           facecolor=_rgba(fill, POINT_OPACITY["existing" if status_group else "other"]),
                           edgecolor=stroke, linewidth=1.0, zorder=10)
    sites = frame.layers.get("heritage_sites")
    if sites is None:
        return
    for level in ("local", "provincial", "national"):
        if only_national and level != "national":
            continue
        fill, r = HERITAGE[level]
        for existing in (False, True):
            sel = sites[(sites["level"] == level) & ((sites["status"] == "existing") == existing)]
            if len(sel):
                ax.scatter(sel.geometry.x, sel.geometry.y, s=(r * 2 * PX_TO_PT * scale) ** 2,
                           facecolor=_rgba(fill, 0.95 if existing else 0.25), edgecolor=HERITAGE_STROKE,
                           linewidth=0.9, zorder=11)


def _rgba(hex_colour: str, alpha: float) -> tuple[float, float, float, float]:
    h = hex_colour.lstrip("#")
    return (int(h[0:2], 16) / 255, int(h[2:4], 16) / 255, int(h[4:6], 16) / 255, alpha)


def scale_bar_km(width_m: float) -> float:
    """A round scale-bar length of about a fifth of the map's width, in km (10, 20, 25, 50, 100 …).

    >>> scale_bar_km(272_000)
    50.0
    """
    target = width_m / 5000.0
    steps = [1, 2, 2.5, 5]
    magnitude = 10 ** np.floor(np.log10(target))
    best = max(s * magnitude for s in steps if s * magnitude <= target)
    return float(best)


def _scale_bar(ax, frame: MapFrame, lang: str) -> None:
    xmin, xmax, ymin, ymax = frame.extent
    km = scale_bar_km(xmax - xmin)
    length = km * 1000.0
    x0 = xmax - 0.11 * (xmax - xmin) - length
    y0 = ymin + 0.04 * (ymax - ymin)
    h = 0.012 * (ymax - ymin)
    for i, colour in enumerate(("#222222", "#ffffff")):
        ax.add_patch(Rectangle((x0 + i * length / 2, y0), length / 2, h, facecolor=colour, edgecolor="#222222",
                               linewidth=0.9, zorder=20))
    for frac in (0, 0.5, 1):
        text = f"{km * frac:g}" + (f" {rt('km', lang)}" if frac == 1 else "")
        ax.text(x0 + frac * length, y0 + h * 1.6, text, ha="center" if frac < 1 else "left", va="bottom",
                fontsize=LABEL_PT, zorder=20)


def _north_arrow(ax, lang: str) -> None:
    ax.annotate("", xy=(0.93, 0.965), xytext=(0.93, 0.87), xycoords="axes fraction",
                arrowprops={"facecolor": "#222222", "edgecolor": "#222222", "width": 5, "headwidth": 15,
                            "headlength": 14}, zorder=20)
    ax.text(0.93, 0.84, rt("north", lang), transform=ax.transAxes, ha="center", va="top", fontsize=14,
            fontweight="bold", zorder=20)


def _finish(ax, frame: MapFrame, lang: str) -> None:
    ax.set_xlabel("")  # geopandas labels the axes with the CRS's; a map needs none
    ax.set_ylabel("")
    _county_labels(ax, frame)
    _scale_bar(ax, frame, lang)
    _north_arrow(ax, lang)


# -- legend panel ----------------------------------------------------------------------------------------

@dataclass
class Swatch:
    """One legend row: a sample ('line', 'point' or 'patch') and its label."""

    kind: str
    label: str
    colour: str = "#333333"
    width: float = 2.0
    status: str | None = None
    edge: str = "#333333"
    size: float = 8.0
    alpha: float = 1.0
    marker: str = "o"


def draw_legend(fig: Figure, rect: Rect, blocks: Sequence[tuple[str, Sequence[Swatch]]]) -> None:
    """Legend blocks (title, rows) stacked from the top of ``rect``, text at LEGEND_PT."""
    ax = fig.add_axes(rect)
    ax.set_axis_off()
    w_in, h_in = rect[2] * fig.get_figwidth(), rect[3] * fig.get_figheight()
    ax.set_xlim(0, w_in)
    ax.set_ylim(h_in, 0)
    row = LEGEND_PT * 1.75 / 72  # inches per row
    y = 0.1
    for title, rows in blocks:
        ax.text(0.05, y, plot_text(title), fontsize=LEGEND_PT, fontweight="bold", va="center")
        y += row
        for sw in rows:
            _swatch(ax, sw, 0.1, y)
            ax.text(0.8, y, plot_text(sw.label), fontsize=LEGEND_PT, va="center")
            y += row
        y += row * 0.45


def _swatch(ax, sw: Swatch, x: float, y: float) -> None:
    if sw.kind == "line":
        ax.plot([x, x + 0.55], [y, y], color=sw.colour, linewidth=sw.width,
                linestyle=_linestyle(sw.status, sw.width), solid_capstyle="round", dash_capstyle="round")
    elif sw.kind == "point":
        ax.scatter([x + 0.27], [y], s=sw.size ** 2, marker=sw.marker, facecolor=_rgba(sw.colour, sw.alpha),
                   edgecolor=sw.edge, linewidth=0.9)
    else:
        ax.add_patch(Rectangle((x + 0.02, y - 0.08), 0.5, 0.16, facecolor=sw.colour, edgecolor="#666666",
                               linewidth=0.6, alpha=sw.alpha))


def plan_legend(frame: MapFrame, lang: str) -> list[tuple[str, list[Swatch]]]:
    """The plan map's legend: the classes actually drawn, the statuses drawn, the site levels."""
    rows = []
    rails = frame.layers.get("railways")
    if rails is not None:
        for rc in ("hsr", "intercity", "conventional"):
            if (rails["rail_class"] == rc).any():
                colour, lw = line_style("railways", {"rail_class": rc})
                rows.append(Swatch("line", label(RAIL_CLASS_LABELS, rc, lang), colour, lw))
    for layer in ("expressways", "trunk_roads"):
        if layer in frame.layers:
            colour, lw = line_style(layer, {})
            rows.append(Swatch("line", _layer_title(layer, lang), colour, lw))
    if "airports" in frame.layers:
        stroke, fill, r = POINT["airports"]
        rows.append(Swatch("point", _layer_title("airports", lang), fill, edge=stroke, size=r * 2 * PX_TO_PT,
                           marker="s", alpha=0.95))
    rows.append(Swatch("line", rt("counties", lang), COUNTY_STROKE, 0.8, status="planned"))
    drawn = {s for layer in PLAN_LINES if layer in frame.layers for s in frame.layers[layer]["status"]}
    status_rows = [Swatch("line", label(STATUS_LABELS, s, lang), "#333333", 2.0, status=s)
                   for s in STATUSES if s in drawn]
    blocks = [(rt("legend_layers", lang), rows)]
    if status_rows:
        blocks.append((rt("legend_status", lang), status_rows))
    sites = site_legend(frame, lang)
    if sites[1]:
        blocks.append(sites)
    return blocks


def site_legend(frame: MapFrame, lang: str, *, only_national: bool = False) -> tuple[str, list[Swatch]]:
    sites = frame.layers.get("heritage_sites")
    rows = []
    for level in ("national", "provincial", "local"):
        if sites is not None and (sites["level"] == level).any() and (level == "national" or not only_national):
            fill, r = HERITAGE[level]
            rows.append(Swatch("point", label(LEVEL_LABELS, level, lang), fill, edge=HERITAGE_STROKE,
                               size=r * 2 * PX_TO_PT, alpha=0.95))
    return rt("legend_sites", lang), rows


def _layer_title(layer: str, lang: str) -> str:
    s = get_schema(layer)
    return s.title_zh if lang == "zh" else s.title_en


# -- the three maps ---------------------------------------------------------------------------------------

def map_split(fig: Figure, rect: Rect, legend_in: float) -> tuple[Rect, Rect]:
    """Split ``rect`` into the map (left) and a legend panel ``legend_in`` inches wide (right)."""
    frac = legend_in / (rect[2] * fig.get_figwidth())
    return sub_rect(rect, 0, 0, 1 - frac, 1), sub_rect(rect, 1 - frac + 0.01, 0, frac - 0.01, 1)


def draw_plan_map(fig: Figure, rect: Rect, frame: MapFrame, lang: str, *, legend_in: float = 2.7) -> None:
    """The scenario's network by status: trunk roads, expressways, railways, airports, heritage sites."""
    map_rect, legend_rect = map_split(fig, rect, legend_in)
    ax = _map_axes(fig, map_rect, frame)
    _base(ax, frame)
    _county_edges(ax, frame)
    _lines(ax, frame, PLAN_LINES)
    _points(ax, frame)
    _finish(ax, frame, lang)
    draw_legend(fig, legend_rect, plan_legend(frame, lang))


def _grid_image(ax, cells: Any, cell_km: float, classes: np.ndarray, colours: Sequence[str], *,
                alpha: float) -> None:
    """Draw grid cells (``cells``: x, y of their centres) coloured by class (0 … len(colours) - 1) as one
    image; the area outside the grid stays clear."""
    frame = cells[["x", "y"]].assign(cls=np.asarray(classes, dtype=float))
    gb = grid_bands(frame, cell_km=cell_km, columns=["cls"])
    rows, cols = gb.bands[0].shape
    extent = (gb.west, gb.west + cols * gb.cell_m, gb.north - rows * gb.cell_m, gb.north)
    ax.imshow(np.ma.masked_invalid(gb.bands[0]), extent=extent, origin="upper", interpolation="nearest",
              cmap=ListedColormap(list(colours)), vmin=-0.5, vmax=len(colours) - 0.5, alpha=alpha, zorder=3)


def access_classes(content: ReportContent) -> np.ndarray:
    """The minute band of each grid cell (network.bands.band_index over the residents' thresholds)."""
    return band_index(content.access["nearest_site_minutes"].to_numpy(float), content.thresholds)


def band_labels(thresholds: Sequence[float], lang: str) -> list[str]:
    """≤30, 30–60 … >120, unreachable."""
    lo = [0, *thresholds]
    out = [f"≤{thresholds[0]:g}"] + [f"{lo[i]:g}–{thresholds[i]:g}" for i in range(1, len(thresholds))]
    return out + [f">{thresholds[-1]:g}", rt("unreachable", lang)]


def gain_labels(lang: str) -> list[str]:
    """<1 min, 1–5 … >30, slower, newly reachable (network.bands.gain_band)."""
    steps = [f"{GAIN_EDGES[i]:g}–{GAIN_EDGES[i + 1]:g}" for i in range(len(GAIN_EDGES) - 1)]
    return [rt("gain_none", lang), *steps, f">{GAIN_EDGES[-1]:g}", rt("gain_slower", lang), rt("gain_new", lang)]


def _analysis_map(fig: Figure, rect: Rect, frame: MapFrame, content: ReportContent, cells: Any,
                  classes: np.ndarray, colours: Sequence[str], blocks: list, legend_in: float) -> None:
    map_rect, legend_rect = map_split(fig, rect, legend_in)
    ax = _map_axes(fig, map_rect, frame)
    _base(ax, frame, land=True)
    _grid_image(ax, cells, content.cell_km, classes, colours, alpha=0.85)
    _county_edges(ax, frame)
    _lines(ax, frame, ("expressways", "railways"), alpha=0.75, width_scale=0.6)
    _points(ax, frame, scale=0.8, only_national=True)
    _finish(ax, frame, content.lang)
    draw_legend(fig, legend_rect, blocks)


def draw_access_map(fig: Figure, rect: Rect, frame: MapFrame, content: ReportContent, *,
                    legend_in: float = 2.7) -> None:
    """Minutes from each grid cell to the nearest site, in the app's bands, with the network over them."""
    lang = content.lang
    colours = band_colours(len(content.thresholds))
    rows = [Swatch("patch", lab, col) for lab, col in zip(band_labels(content.thresholds, lang), colours)]
    blocks = [(rt("legend_minutes", lang), rows), site_legend(frame, lang, only_national=True)]
    _analysis_map(fig, rect, frame, content, content.access, access_classes(content), colours, blocks, legend_in)


def draw_compare_map(fig: Figure, rect: Rect, frame: MapFrame, content: ReportContent, *,
                     legend_in: float = 2.3) -> None:
    """Minutes saved per grid cell between the baseline and the scenario (the app's difference bands)."""
    lang = content.lang
    rows = [Swatch("patch", lab, col) for lab, col in zip(gain_labels(lang), GAIN_ALL_COLOURS)]
    blocks = [(rt("legend_saved", lang), rows), site_legend(frame, lang, only_national=True)]
    po = content.comparison.per_origin
    _analysis_map(fig, rect, frame, content, po, gain_band(po), GAIN_ALL_COLOURS, blocks, legend_in)
