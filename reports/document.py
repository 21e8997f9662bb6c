"""The meeting pack as a PDF: one 16:9 page per slide, drawn with matplotlib's PDF backend.

Glyphs are embedded as Type 3 fonts (``pdf.fonttype`` 3: subsetting the 20 MB CJK font as TrueType would
take seconds per face) with their Unicode mapping, so the text is searchable and copyable; the CJK font is
the one ``reports.fonts`` found. Maps and charts stay vector graphics; grid bands are images.
"""
from __future__ import annotations

import io

from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

from geo.text import plot_text
from reports.slides import (CELL_PAD_X, CELL_PAD_Y, COVER_TOP, PAGE_H, PAGE_W, Box, Slide, Table, layout, title_pt,
                            wrap_text)

TITLE_COLOUR = "#1f1f1f"
ACCENT = "#b71c1c"
HEADER_FILL = "#7f1d1d"
BAND_FILL = "#f6f1ea"
MUTED = "#5f5f5f"
FOOTER_PT = 8.0


def _fy(y_in: float) -> float:
    """A distance from the top of the page (inches) as a figure fraction from the bottom."""
    return 1 - y_in / PAGE_H


def draw_table(fig: Figure, box: Box, table: Table) -> None:
    """Draw ``table`` at ``box``: a dark header row, banded rows, the last row bold if asked."""
    lines, heights = table.lines(), table.heights()
    y = box.y
    for r, (row, h) in enumerate(zip(lines, heights)):
        header, last = r == 0, r == len(lines) - 1
        fill = HEADER_FILL if header else (BAND_FILL if r % 2 == 0 else "#ffffff")
        fig.add_artist(Rectangle((box.x / PAGE_W, _fy(y + h)), box.w / PAGE_W, h / PAGE_H, facecolor=fill,
                                 edgecolor="#d8d0c6", linewidth=0.5, transform=fig.transFigure))
        x = box.x
        for cell, w, align in zip(row, table.widths, table.align):
            tx = x + CELL_PAD_X if align == "l" or header else x + w - CELL_PAD_X
            fig.text(tx / PAGE_W, _fy(y + CELL_PAD_Y), plot_text(cell), ha="left" if align == "l" or header else "right",
                     va="top", fontsize=table.font_pt, linespacing=1.1, color="#ffffff" if header else TITLE_COLOUR,
                     fontweight="bold" if header or (last and table.bold_last) else "normal")
            x += w
        y += h


#: the title page's lines under the title: (size, bold, colour)
COVER_LINES = ((20, False, MUTED), (26, True, TITLE_COLOUR), (15, False, TITLE_COLOUR), (15, False, TITLE_COLOUR),
               (12, False, MUTED), (10, False, MUTED))


def draw_cover(fig: Figure, slide: Slide) -> None:
    """The title page: the pack's title, then its lines (kind, scenario, dates, grid, sources)."""
    fig.add_artist(Rectangle((0, _fy(COVER_TOP + 2.1)), 0.24 / PAGE_W, 2.1 / PAGE_H, facecolor=ACCENT,
                             transform=fig.transFigure))
    fig.text(0.6 / PAGE_W, _fy(COVER_TOP + 0.45), plot_text(slide.title), fontsize=34, fontweight="bold",
             color=TITLE_COLOUR, va="center")
    y = COVER_TOP + 1.1
    for text, (size, bold, colour) in zip(slide.cover, COVER_LINES):
        fig.text(0.6 / PAGE_W, _fy(y), plot_text(text), fontsize=size, va="top", color=colour,
                 fontweight="bold" if bold else "normal")
        y += size / 72 * 2.1


def draw_page(fig: Figure, slide: Slide, footer: str) -> None:
    """One page: title with a red rule, visual, table, bullets, caption and footer at their layout boxes."""
    boxes = layout(slide)
    if slide.cover:
        draw_cover(fig, slide)
    else:
        t = boxes["title"]
        fig.text(t.x / PAGE_W, _fy(t.y + t.h / 2), plot_text(slide.title), fontsize=title_pt(slide.title, t.w),
                 fontweight="bold",
                 color=TITLE_COLOUR, va="center")
        fig.add_artist(Line2D([t.x / PAGE_W, (t.x + t.w) / PAGE_W], [_fy(t.y + t.h)] * 2, color=ACCENT,
                              linewidth=2.2, transform=fig.transFigure))
    if slide.visual is not None:
        slide.visual.draw(fig, boxes["visual"].figure_rect())
    if slide.table is not None:
        draw_table(fig, boxes["table"], slide.table)
    if slide.bullets:
        draw_bullets(fig, boxes["bullets"], slide)
    if slide.caption:
        c = boxes["caption"]
        fig.text(c.x / PAGE_W, _fy(c.y), plot_text(slide.caption), fontsize=11.5, color=MUTED, va="top")
    f = boxes["footer"]
    fig.text(f.x / PAGE_W, _fy(f.y), plot_text(footer), fontsize=FOOTER_PT, color="#8a8a8a", va="top")


def draw_bullets(fig: Figure, box: Box, slide: Slide) -> None:
    """A heading and one bullet per line, wrapped to the box."""
    from_top = box.y
    if slide.bullets_title:
        fig.text(box.x / PAGE_W, _fy(from_top), plot_text(slide.bullets_title), fontsize=16, fontweight="bold",
                 va="top", color=TITLE_COLOUR)
        from_top += 0.45
    for text in slide.bullets:
        wrapped = wrap_text(text, box.w - 0.3, 13.5, 20)
        fig.text(box.x / PAGE_W, _fy(from_top), "•", fontsize=13.5, va="top", color=ACCENT)
        fig.text((box.x + 0.25) / PAGE_W, _fy(from_top), plot_text(wrapped), fontsize=13.5, va="top",
                 linespacing=1.25, color=TITLE_COLOUR)
        from_top += (wrapped.count("\n") + 1) * 13.5 * 1.25 / 72 + 0.16


def pdf_bytes(slides: list[Slide], *, footer: str, title: str) -> bytes:
    """Return the slides as a PDF document (one landscape 16:9 page each)."""
    buf = io.BytesIO()
    with PdfPages(buf, metadata={"Title": title, "Creator": "Gannan Planning Atlas (atlas report)"}) as pdf:
        for slide in slides:
            fig = Figure(figsize=(PAGE_W, PAGE_H), facecolor="white")
            draw_page(fig, slide, footer)
            pdf.savefig(fig)
    return buf.getvalue()
