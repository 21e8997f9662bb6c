"""Charts of the meeting pack (matplotlib): the project ranking and the visitors' population-within-T curve.

Both draw into a rectangle of a figure (figure fraction), like ``reports.maps``; colours are the app's
(ranking: added alone red, removed alone blue; curve: baseline grey, scenario red).
"""
from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from geo.text import plot_text
from reports.content import ReportContent
from reports.maps import Rect, sub_rect
from reports.textfit import wrap_text
from reports.strings import rt

ADD_COLOUR, REMOVE_COLOUR = "#b71c1c", "#1565c0"
BASE_COLOUR, WITH_COLOUR = "#7f7f7f", "#b71c1c"
#: projects shown in the chart (the rest are counted in a note)
MAX_PROJECTS = 14
#: per measure: (add column, remove column, axis label key, scale)
RANK_PANELS = (("add_visitor_pop_hours", "remove_visitor_pop_hours", "rank_visitors", 1e-6),
               ("add_mean_minutes", "remove_mean_minutes", "rank_residents", 1.0))
CHART_PT = 12.5


def _style(ax) -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.tick_params(labelsize=CHART_PT)
    ax.grid(axis="x", color="#dddddd", linewidth=0.8)
    ax.set_axisbelow(True)


def ranking_rows(content: ReportContent) -> pd.DataFrame:
    """The projects shown, best first by the visitors' gain added alone (the app's default order)."""
    df = content.ranking
    if df.empty:
        return df
    cols = [c for c in ("add_visitor_pop_hours", "add_mean_minutes") if c in df.columns]
    return df.sort_values(cols, ascending=False, kind="stable").head(MAX_PROJECTS).reset_index(drop=True)


def _bar_panel(ax, df: pd.DataFrame, add_c: str, rem_c: str, scale: float) -> None:
    y = np.arange(len(df))
    for offset, col, colour in ((-0.2, add_c, ADD_COLOUR), (0.2, rem_c, REMOVE_COLOUR)):
        values = df[col].to_numpy(float) * scale
        ax.barh(y + offset, np.nan_to_num(values), height=0.38, color=colour)
        top = np.nanmax(np.abs(values)) if np.isfinite(values).any() else 0.0
        for yi, v in zip(y + offset, values):
            if np.isfinite(v) and abs(v) >= 0.005:  # a bar of nothing needs no label
                ax.text(v + 0.01 * (top or 1), yi, f"{v:,.2f}", va="center", fontsize=CHART_PT - 2.5, color="#333333")
    ax.set_ylim(len(df) - 0.5, -0.5)
    ax.margins(x=0.12)


def _nothing(ax, text: str, n: int) -> None:
    """A panel whose measure no project changes: say so instead of drawing bars of zero."""
    ax.set_ylim(n - 0.5, -0.5)
    ax.set_xticks([])
    ax.text(0.5, 0.5, text, transform=ax.transAxes, ha="center", va="center", fontsize=CHART_PT, color="#555555",
            wrap=True)


def draw_ranking(fig: Figure, rect: Rect, content: ReportContent) -> None:
    """Each project's gain added alone and loss removed alone, visitors (left) and residents (right)."""
    lang = content.lang
    df = ranking_rows(content)
    if df.empty:
        ax = fig.add_axes(rect)
        ax.set_axis_off()
        ax.text(0.5, 0.5, rt("no_projects", lang), ha="center", va="center", fontsize=18, transform=ax.transAxes)
        return
    label_in = 3.3
    names = [plot_text(wrap_text(content.name(p), label_in - 0.15, CHART_PT, 2)) for p in df["project_id"]]
    label_frac = label_in / (rect[2] * fig.get_figwidth())
    panels = [p for p in RANK_PANELS if p[0] in df.columns]
    width = (1 - label_frac - 0.03 * len(panels)) / len(panels)
    for k, (add_c, rem_c, key, scale) in enumerate(panels):
        ax = fig.add_axes(sub_rect(rect, label_frac + k * (width + 0.03), 0.16, width, 0.72))
        if (df[[add_c, rem_c]].abs().fillna(0).to_numpy() * scale < 0.005).all():
            _nothing(ax, rt("rank_none", lang), len(df))
        else:
            _bar_panel(ax, df, add_c, rem_c, scale)
        _style(ax)
        ax.set_yticks(np.arange(len(df)), names if k == 0 else [""] * len(df))
        ax.tick_params(axis="y", labelsize=CHART_PT - (1.5 if len(df) > 10 else 0))
        panel_in = width * rect[2] * fig.get_figwidth()
        ax.set_title(wrap_text(rt(key, lang), panel_in, CHART_PT, 2), fontsize=CHART_PT, loc="left")
    handles = [Patch(color=ADD_COLOUR, label=rt("rank_add", lang)), Patch(color=REMOVE_COLOUR, label=rt("rank_remove", lang))]
    more = len(content.ranking) - len(df)
    fig.legend(handles=handles, loc="lower left", bbox_to_anchor=(rect[0] + label_frac * rect[2], rect[1]),
               ncols=2, frameon=False, fontsize=CHART_PT)
    if more > 0:
        fig.text(rect[0] + rect[2], rect[1] + 0.01, rt("rank_more", lang, n=more), ha="right", va="bottom",
                 fontsize=CHART_PT - 2, color="#555555")


def draw_curve(fig: Figure, rect: Rect, content: ReportContent) -> None:
    """People within T hours of the destination, baseline (grey) and scenario (red), with the values at the
    visitors' thresholds."""
    lang = content.lang
    ax = fig.add_axes(sub_rect(rect, 0.12, 0.14, 0.85, 0.8))
    curves = list(content.curves.items())
    for (name, c), colour in zip(curves, (BASE_COLOUR, WITH_COLOUR)):
        ax.plot(c["hours"], c["population"] / 1e6, color=colour, linewidth=3, label=plot_text(name))
    _style(ax)
    ax.grid(axis="y", color="#dddddd", linewidth=0.8)
    ax.set_xlabel(rt("curve_x", lang), fontsize=CHART_PT)
    ax.set_ylabel(rt("curve_y", lang), fontsize=CHART_PT)
    ax.set_xlim(0, float(curves[0][1]["hours"].max()) if curves else 12)
    ax.set_ylim(bottom=0)
    if len(curves) == 2:
        (_, b), (_, w) = curves
        for k, h in enumerate(content.visitor_hours):
            i = int(np.argmin(np.abs(b["hours"].to_numpy() - h)))
            ax.axvline(h, color="#bbbbbb", linewidth=1, linestyle=(0, (4, 3)), zorder=0)
            ax.text(0.02, 0.96 - 0.075 * k, rt("curve_at", lang, h=h, a=b["population"].iloc[i] / 1e6,
                                               b=w["population"].iloc[i] / 1e6),
                    transform=ax.transAxes, fontsize=CHART_PT - 1, va="top",
                    bbox={"facecolor": "white", "alpha": 0.8, "linewidth": 0})
    ax.legend(loc="lower right", fontsize=CHART_PT, frameon=False)
