"""The meeting pack as a list of slides: title, a drawing (map or chart), a table, bullets, a caption.

One description, two writers: ``reports.deck`` (PowerPoint, editable tables) and ``reports.document`` (PDF).
Positions are fixed in inches on a 16:9 page (13.333 × 7.5 in, PowerPoint's default) and computed once by
``layout``, so both files put every element in the same place. Numbers are formatted here for reading.
"""
from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from matplotlib.figure import Figure

from geo.cartography import DATA_ATTRIBUTION
from geo.labels import CONFIDENCE_LABELS, label
from geo.schema import get_schema
from reports.charts import draw_curve, draw_ranking
from reports.content import ReportContent, band_table, confidence_counts
from reports.maps import (MapFrame, Rect, access_classes, band_labels, draw_access_map, draw_compare_map,
                          draw_plan_map, map_frame, short_county)
from reports.strings import rt
from reports.textfit import text_width_em, title_pt, wrap_text  # noqa: F401 - title_pt re-exported for the writers

PAGE_W, PAGE_H = 13.333, 7.5
MARGIN = 0.45
TITLE_Y, TITLE_H = 0.28, 0.72
BODY_Y, BODY_H = 1.12, 5.5
CAPTION_Y = 6.7
FOOTER_Y = 7.08
GAP = 0.25
#: the title slide: top of its title (inches); its lines follow 1.1 in lower
COVER_TOP = 1.5


@dataclass(frozen=True)
class Box:
    """A rectangle on the page, in inches from the top-left corner."""

    x: float
    y: float
    w: float
    h: float

    def figure_rect(self) -> Rect:
        """This box as a matplotlib figure-fraction rectangle (left, bottom, width, height) of the page."""
        return (self.x / PAGE_W, 1 - (self.y + self.h) / PAGE_H, self.w / PAGE_W, self.h / PAGE_H)


@dataclass
class Visual:
    """A drawing: ``draw(fig, rect)`` draws into ``rect`` (figure fraction) of a figure; ``width_in`` wide."""

    draw: Callable[[Figure, Rect], None]
    width_in: float


@dataclass
class Table:
    """A table for reading: headers, rows of text, column widths (inches), alignment ('l'/'r') per column.

    Cells are wrapped (``lines``) to their column width by an estimate of the glyph widths, so both writers
    give every row the same height; ``fit`` shrinks the font until the table fits a height.
    """

    headers: list[str]
    rows: list[list[str]]
    widths: list[float]
    align: list[str]
    font_pt: float = 12.0
    bold_last: bool = False
    max_lines: int = 3

    @property
    def width_in(self) -> float:
        return float(sum(self.widths))

    def lines(self) -> list[list[str]]:
        """Header and rows, each cell wrapped to its column (lines joined by newlines)."""
        return [[wrap_text(c, w - 2 * CELL_PAD_X, self.font_pt, self.max_lines) for c, w in zip(row, self.widths)]
                for row in [self.headers, *self.rows]]

    def heights(self) -> list[float]:
        """The height of the header and of each row, inches."""
        line = self.font_pt * LINE_SPACING / 72
        return [max(c.count("\n") + 1 for c in row) * line + 2 * CELL_PAD_Y for row in self.lines()]

    def fit(self, max_h: float, *, min_pt: float = 9.0) -> Table:
        """Shrink the font (0.5 pt steps, not below ``min_pt``) until the table is at most ``max_h`` tall."""
        while sum(self.heights()) > max_h and self.font_pt > min_pt:
            self.font_pt -= 0.5
        return self


CELL_PAD_X, CELL_PAD_Y = 0.07, 0.035
LINE_SPACING = 1.22


@dataclass
class Slide:
    """One slide (one PDF page)."""

    title: str
    visual: Visual | None = None
    table: Table | None = None
    bullets: list[str] = field(default_factory=list)
    bullets_title: str = ""
    caption: str = ""
    cover: list[str] = field(default_factory=list)   # the title slide's lines under its title


def layout(slide: Slide) -> dict[str, Box]:
    """Where each part of ``slide`` goes: title, visual, table, bullets, caption, footer (inches)."""
    boxes = {"title": Box(MARGIN, TITLE_Y, PAGE_W - 2 * MARGIN, TITLE_H),
             "caption": Box(MARGIN, CAPTION_Y, PAGE_W - 2 * MARGIN, 0.34),
             "footer": Box(MARGIN, FOOTER_Y, PAGE_W - 2 * MARGIN, 0.3)}
    x = MARGIN
    right = PAGE_W - MARGIN
    if slide.visual is not None:
        w = slide.visual.width_in if (slide.table or slide.bullets) else right - x
        boxes["visual"] = Box(x, BODY_Y, w, BODY_H)
        x += w + GAP
    if slide.table is not None:
        w = min(slide.table.width_in, right - x)
        h = sum(slide.table.fit(BODY_H - 0.1).heights())
        boxes["table"] = Box(x, BODY_Y + 0.1, w, min(BODY_H - 0.1, h))
        x += w + GAP
    if slide.bullets:
        boxes["bullets"] = Box(x, BODY_Y + 0.1, right - x, BODY_H - 0.1)
    return boxes


# -- formatting ------------------------------------------------------------------------------------------

def fmt_num(v: float, decimals: int = 0) -> str:
    """A number for a table ('—' when missing), thousands separated."""
    if v is None or (isinstance(v, float) and not math.isfinite(v)):
        return "—"
    return f"{v:,.{decimals}f}"


def short_name(name: str) -> str:
    """A site's name without its parenthesised part (叶坪革命旧址群(中华苏维埃…旧址) → 叶坪革命旧址群)."""
    short = re.sub(r"\s*[(（][^()（）]*[)）]\s*$", "", name).strip()
    return short or name


def fmt_share(v: float) -> str:
    return "—" if v is None or not math.isfinite(v) else f"{v:.0%}"


def footer_text(content: ReportContent) -> str:
    return f"{rt('footer', content.lang, date=content.data_date)} · {DATA_ATTRIBUTION}"


# -- the slides ------------------------------------------------------------------------------------------

def title_slide(content: ReportContent) -> Slide:
    lang = content.lang
    lines = [rt("pack_kind", lang),
             rt("compared", lang, scenario=content.scenario_title, baseline=content.baseline_title),
             rt("data_date", lang, date=content.data_date) + " · " + rt("made", lang, date=content.made),
             rt("grid", lang, km=f"{content.cell_km:g}", cells=f"{len(content.access):,}"),
             rt("sources_line", lang), DATA_ATTRIBUTION]
    return Slide(rt("pack_title", lang), cover=lines)


def status_table(content: ReportContent, frame: MapFrame) -> Table:
    """Features of the scenario per line layer and status (what the plan map draws)."""
    lang = content.lang
    statuses = [s for s in ("existing", "under_construction", "planned", "proposed", "study")
                if any((g["status"] == s).any() for n, g in frame.layers.items() if n != "counties")]
    rows = []
    for layer in ("railways", "expressways", "trunk_roads", "airports", "heritage_sites"):
        g = frame.layers.get(layer)
        if g is None:
            continue
        title = get_schema(layer).title_zh if lang == "zh" else get_schema(layer).title_en
        rows.append([title, *(fmt_num(int((g["status"] == s).sum())) for s in statuses)])
    headers = [rt("h_layer", lang), *(label_status(s, lang) for s in statuses)]
    return Table(headers, rows, [1.55] + [0.72] * len(statuses), ["l"] + ["r"] * len(statuses), font_pt=12)


def label_status(status: str, lang: str) -> str:
    """A status as a short table header (在建 / Building …)."""
    return _STATUS_SHORT.get(status, (status, status))[0 if lang == "zh" else 1]


#: short status headers for narrow table columns
_STATUS_SHORT = {"existing": ("现状", "Existing"), "under_construction": ("在建", "Building"),
                 "planned": ("规划", "Planned"), "proposed": ("拟建", "Proposed"), "study": ("研究", "Study")}


def plan_slide(content: ReportContent, frame: MapFrame) -> Slide:
    visual = Visual(lambda fig, rect: draw_plan_map(fig, rect, frame, content.lang), 8.0)
    return Slide(rt("s_plan", content.lang, scenario=content.scenario_title), visual,
                 status_table(content, frame))


def access_slide(content: ReportContent, frame: MapFrame) -> Slide:
    lang = content.lang
    a = content.access
    n = len(content.thresholds) + 2
    bt = band_table(a["nearest_site_minutes"].to_numpy(float), a["population"].to_numpy(float),
                    access_classes(content), n)
    labels = band_labels(content.thresholds, lang)
    rows = [[lab, fmt_num(r.cells), fmt_num(r.population / 1e4, 1), fmt_share(r.share)]
            for lab, r in zip(labels, bt.itertuples())]
    table = Table([rt("h_band", lang), rt("h_cells", lang), rt("h_pop", lang), rt("h_share", lang)], rows,
                  [1.55, 0.9, 1.1, 0.95], ["l", "r", "r", "r"], font_pt=13)
    visual = Visual(lambda fig, rect: draw_access_map(fig, rect, frame, content), 8.0)
    return Slide(rt("s_access", lang, scenario=content.scenario_title), visual, table, caption=rt("cap_access", lang))


def county_rows(content: ReportContent) -> tuple[list[str], list[list[str]]]:
    """The comparison's county table for reading: county, people, mean minutes before/after/saved, share
    within the threshold nearest 60 min before → after; the whole prefecture last."""
    lang = content.lang
    t = min(content.thresholds, key=lambda x: abs(x - 60))
    pc = content.comparison.per_county.sort_values("mean_minutes_saved", ascending=False, kind="stable")
    rows = []
    for r in [*pc.to_dict("records"), *content.county_all.to_dict("records")]:
        name = rt("h_all", lang) if r["county"] == "all" else short_county(content.name(r["county"]))
        rows.append([name, fmt_num(r["population"] / 1e4, 1), fmt_num(r["mean_minutes_base"]),
                     fmt_num(r["mean_minutes_with"]), fmt_num(r["mean_minutes_saved"], 1),
                     f"{fmt_share(r[f'share_within_{t:g}_base'])} → {fmt_share(r[f'share_within_{t:g}_with'])}"])
    headers = [rt("h_county", lang), rt("h_pop", lang), rt("h_before", lang), rt("h_after", lang),
               rt("h_saved", lang), rt("h_within", lang, t=f"{t:g}")]
    return headers, rows


def compare_slide(content: ReportContent, frame: MapFrame) -> Slide:
    lang = content.lang
    headers, rows = county_rows(content)
    table = Table(headers, rows, [0.95, 0.75, 0.75, 0.75, 0.75, 1.35], ["l", "r", "r", "r", "r", "r"],
                  font_pt=12, bold_last=True)
    visual = Visual(lambda fig, rect: draw_compare_map(fig, rect, frame, content), 7.0)
    return Slide(rt("s_compare", lang, baseline=content.baseline_title, scenario=content.scenario_title), visual,
                 table, caption=rt("cap_compare", lang))


def rank_slide(content: ReportContent) -> Slide:
    lang = content.lang
    visual = Visual(lambda fig, rect: draw_ranking(fig, rect, content), PAGE_W - 2 * MARGIN)
    return Slide(rt("s_rank", lang, baseline=content.baseline_title, scenario=content.scenario_title), visual,
                 caption=rt("cap_rank", lang))


def circuit_table(content: ReportContent) -> Table | None:
    lang = content.lang
    c = content.circuits
    if c is None or c.empty:
        return None
    rows = []
    for r in c.to_dict("records"):
        name = (r["name_zh"] if lang == "zh" else r["name_en"]) or r["name_zh"] or r["circuit_id"]
        order = " → ".join(short_name(content.name(s)) for s in str(r["best_order"]).split())
        rows.append([name, fmt_num(r["sites"]), fmt_num(r["minutes"]), fmt_num(r["best_minutes"]), order or "—"])
    return Table([rt("h_circuit", lang), rt("h_sites", lang), rt("h_order_min", lang), rt("h_best_min", lang),
                  rt("h_best", lang)], rows, [1.7, 0.6, 0.85, 0.85, 2.6], ["l", "r", "r", "r", "l"], font_pt=11,
                 max_lines=4)


def visitors_slide(content: ReportContent) -> Slide:
    lang = content.lang
    table = circuit_table(content)
    visual = Visual(lambda fig, rect: draw_curve(fig, rect, content), 5.5) if content.curves else None
    caption = rt("cap_visitors", lang, baseline=content.baseline_title, scenario=content.scenario_title)
    return Slide(rt("s_visitors", lang, dest=content.destination_title or "—"), visual, table,
                 bullets=[] if table is not None else [rt("no_circuits", lang)], caption=caption)


def sources_slide(content: ReportContent) -> Slide:
    lang = content.lang
    cc = confidence_counts(content)
    rows = [[get_schema(r.layer).title_zh if lang == "zh" else get_schema(r.layer).title_en, fmt_num(r.features),
             fmt_num(r.high), fmt_num(r.medium), fmt_num(r.low), fmt_num(r.schematic)] for r in cc.itertuples()]
    rows.append([rt("total", lang), *(fmt_num(int(cc[c].sum())) for c in ("features", "high", "medium", "low",
                                                                          "schematic"))])
    headers = [rt("h_layer", lang), rt("h_features", lang),
               *(label(CONFIDENCE_LABELS, c, lang) for c in ("high", "medium", "low")), rt("h_schematic", lang)]
    table = Table(headers, rows, [1.8, 0.95, 0.7, 0.85, 1.1, 1.05], ["l", "r", "r", "r", "r", "r"], font_pt=12,
                  bold_last=True)
    bullets = [rt(k, lang) for k in ("limit_confidence", "limit_population", "limit_connectors", "limit_speeds",
                                     "limit_years", "limit_schematic", "limit_params")]
    return Slide(rt("s_sources", lang), table=table, bullets=bullets, bullets_title=rt("limits_title", lang),
                 caption=rt("conf_title", lang))


def build_slides(content: ReportContent) -> list[Slide]:
    """The seven slides of a meeting pack, in order."""
    frame = map_frame(content)
    return [title_slide(content), plan_slide(content, frame), access_slide(content, frame),
            compare_slide(content, frame), rank_slide(content), visitors_slide(content), sources_slide(content)]
