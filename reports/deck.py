"""The meeting pack as a PowerPoint deck (python-pptx): pictures of the maps and charts, real tables.

Every slide uses the "Title Only" layout, so its title is the slide title PowerPoint shows in the outline
and reads aloud; tables are PowerPoint tables a presenter can edit. Text asks for Microsoft YaHei (East
Asian) and Arial (Latin), the fonts of a Windows meeting-room laptop; other viewers substitute their own.
Maps and charts are PNG pictures at ``DPI`` (sharp on a 1920-pixel projector), drawn by the same functions
as the PDF's vector pages.
"""
from __future__ import annotations

import io

from matplotlib.figure import Figure
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Inches, Pt

from geo.text import xml_text
from reports.fonts import PPTX_EAST_ASIAN, PPTX_LATIN
from reports.slides import (CELL_PAD_X, CELL_PAD_Y, COVER_TOP, PAGE_H, PAGE_W, Box, Slide, Table, Visual, layout,
                            title_pt)

DPI = 200
TITLE_ONLY_LAYOUT = 5
DARK, MUTED, FOOT = RGBColor(0x1F, 0x1F, 0x1F), RGBColor(0x5F, 0x5F, 0x5F), RGBColor(0x8A, 0x8A, 0x8A)
ACCENT, HEADER_FILL = RGBColor(0xB7, 0x1C, 0x1C), RGBColor(0x7F, 0x1D, 0x1D)
BAND_FILL, WHITE, RULE = RGBColor(0xF6, 0xF1, 0xEA), RGBColor(0xFF, 0xFF, 0xFF), RGBColor(0xD8, 0xD0, 0xC6)


def _font(run, size: float, *, bold: bool = False, colour: RGBColor = DARK) -> None:
    """Size, weight, colour and the Latin and East Asian typefaces of a text run."""
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.color.rgb = colour
    run.font.name = PPTX_LATIN
    rpr = run.font._rPr
    ea = rpr.find(qn("a:ea"))
    if ea is None:
        ea = rpr.makeelement(qn("a:ea"), {})
        rpr.find(qn("a:latin")).addnext(ea)
    ea.set("typeface", PPTX_EAST_ASIAN)


def _text(frame, lines: list[str], size: float, *, bold: bool = False, colour: RGBColor = DARK,
          align=PP_ALIGN.LEFT) -> None:
    """Put ``lines`` (one paragraph each) into a text frame, replacing what is there."""
    frame.clear()
    frame.word_wrap = True
    for i, line in enumerate(lines):
        para = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        para.alignment = align
        run = para.add_run()
        run.text = xml_text(line)
        _font(run, size, bold=bold, colour=colour)


def _box(slide, box: Box, lines: list[str], size: float, **kwargs):
    shape = slide.shapes.add_textbox(Inches(box.x), Inches(box.y), Inches(box.w), Inches(box.h))
    frame = shape.text_frame
    frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = 0
    _text(frame, lines, size, **kwargs)
    return shape


def _title(slide, box: Box, text: str, *, size: float | None = None) -> None:
    shape = slide.shapes.title
    shape.left, shape.top, shape.width, shape.height = Inches(box.x), Inches(box.y), Inches(box.w), Inches(box.h)
    frame = shape.text_frame
    frame.margin_left = frame.margin_right = 0
    frame.vertical_anchor = MSO_ANCHOR.MIDDLE
    _text(frame, [text], size or title_pt(text, box.w), bold=True)


def _rule(slide, box: Box) -> None:
    y = Inches(box.y + box.h)
    line = slide.shapes.add_connector(MSO_CONNECTOR.STRAIGHT, Inches(box.x), y, Inches(box.x + box.w), y)
    line.line.color.rgb = ACCENT
    line.line.width = Pt(2.2)


def _picture(slide, box: Box, visual: Visual) -> None:
    """Draw the visual into a figure of the box's size and place it as a PNG picture."""
    fig = Figure(figsize=(box.w, box.h), facecolor="white")
    visual.draw(fig, (0.0, 0.0, 1.0, 1.0))
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=DPI)
    buf.seek(0)
    slide.shapes.add_picture(buf, Inches(box.x), Inches(box.y), Inches(box.w), Inches(box.h))


def _table(slide, box: Box, table: Table) -> None:
    """A PowerPoint table: dark header row, banded rows, right-aligned numbers, the last row bold if asked."""
    lines, heights = table.lines(), table.heights()
    frame = slide.shapes.add_table(len(lines), len(table.widths), Inches(box.x), Inches(box.y), Inches(box.w),
                                   Inches(sum(heights)))
    tbl = frame.table
    tbl.horz_banding = False
    for j, w in enumerate(table.widths):
        tbl.columns[j].width = Inches(w)
    for i, (row, h) in enumerate(zip(lines, heights)):
        tbl.rows[i].height = Inches(h)
        header, bold = i == 0, i == 0 or (table.bold_last and i == len(lines) - 1)
        for j, text in enumerate(row):
            cell = tbl.cell(i, j)
            cell.margin_left = cell.margin_right = Inches(CELL_PAD_X)
            cell.margin_top = cell.margin_bottom = Inches(CELL_PAD_Y)
            cell.vertical_anchor = MSO_ANCHOR.TOP
            cell.fill.solid()
            cell.fill.fore_color.rgb = HEADER_FILL if header else (BAND_FILL if i % 2 == 0 else WHITE)
            right = table.align[j] == "r" and not header
            _text(cell.text_frame, text.split("\n"), table.font_pt, bold=bold, colour=WHITE if header else DARK,
                  align=PP_ALIGN.RIGHT if right else PP_ALIGN.LEFT)


def _bullets(slide, box: Box, slide_spec: Slide) -> None:
    shape = slide.shapes.add_textbox(Inches(box.x), Inches(box.y), Inches(box.w), Inches(box.h))
    frame = shape.text_frame
    frame.margin_left = frame.margin_right = frame.margin_top = 0
    lines = ([slide_spec.bullets_title] if slide_spec.bullets_title else []) + [f"•  {b}" for b in slide_spec.bullets]
    _text(frame, lines, 13.5)
    for k, para in enumerate(frame.paragraphs):
        para.space_after = Pt(7)
        if k == 0 and slide_spec.bullets_title:
            _font(para.runs[0], 16, bold=True)


def _cover(slide, spec: Slide) -> None:
    _title(slide, Box(0.6, COVER_TOP, PAGE_W - 1.2, 0.9), spec.title, size=34)
    bar = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, Inches(COVER_TOP), Inches(0.24), Inches(2.1))
    bar.fill.solid()
    bar.fill.fore_color.rgb = ACCENT
    bar.line.fill.background()
    sizes = ((20, False, MUTED), (26, True, DARK), (15, False, DARK), (15, False, DARK), (12, False, MUTED),
             (10, False, MUTED))
    y = COVER_TOP + 1.1
    for text, (size, bold, colour) in zip(spec.cover, sizes):
        _box(slide, Box(0.6, y, PAGE_W - 1.2, size / 72 * 1.6), [text], size, bold=bold, colour=colour)
        y += size / 72 * 2.1


def add_slide(prs, spec: Slide, footer: str) -> None:
    """Add one slide of the pack to ``prs`` at the positions of ``reports.slides.layout``."""
    slide = prs.slides.add_slide(prs.slide_layouts[TITLE_ONLY_LAYOUT])
    boxes = layout(spec)
    if spec.cover:
        _cover(slide, spec)
    else:
        _title(slide, boxes["title"], spec.title)
        _rule(slide, boxes["title"])
    if spec.visual is not None:
        _picture(slide, boxes["visual"], spec.visual)
    if spec.table is not None:
        _table(slide, boxes["table"], spec.table)
    if spec.bullets:
        _bullets(slide, boxes["bullets"], spec)
    if spec.caption:
        _box(slide, boxes["caption"], [spec.caption], 11.5, colour=MUTED)
        slide.notes_slide.notes_text_frame.text = xml_text(spec.caption)
    _box(slide, boxes["footer"], [footer], 8.0, colour=FOOT)


def pptx_bytes(slides: list[Slide], *, footer: str, title: str) -> bytes:
    """Return the slides as a 16:9 PowerPoint file."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(PAGE_W), Inches(PAGE_H)
    prs.core_properties.title = xml_text(title)
    prs.core_properties.author = "Gannan Planning Atlas (atlas report)"
    for spec in slides:
        add_slide(prs, spec, footer)
    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue()
