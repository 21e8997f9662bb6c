"""Make a meeting pack: ``make_report`` → the bytes of a PowerPoint deck or a PDF (CLI and app alike).

The slides are computed once (``reports.content`` → ``reports.slides``) and written by ``reports.deck``
(PPTX) or ``reports.document`` (PDF). All drawing happens inside one matplotlib settings context (the CJK
font found on the system, embedded TrueType fonts), so nothing leaks into other plots of the process.
"""
from __future__ import annotations

import logging
import time
from pathlib import Path

import matplotlib

from geo.paths import DataVersion
from network.scenario import Scenario
from reports.content import ReportContent, build_content
from reports.deck import pptx_bytes
from reports.document import pdf_bytes
from reports.errors import ReportError
from reports.fonts import cjk_font
from reports.slides import build_slides, footer_text
from reports.strings import rt

log = logging.getLogger(__name__)

FORMATS: tuple[str, ...] = ("pptx", "pdf")
MIME = {"pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "pdf": "application/pdf"}


def render(content: ReportContent, fmt: str) -> bytes:
    """Write the slides of ``content`` as ``fmt`` ('pptx' or 'pdf') and return the file's bytes."""
    if fmt not in FORMATS:
        raise ReportError(f"unknown report format {fmt!r}; use {' or '.join(FORMATS)}")
    font = cjk_font()
    settings = {"font.family": [font.family, "DejaVu Sans"], "pdf.fonttype": 3, "axes.unicode_minus": False,
                "svg.fonttype": "none"}
    with matplotlib.rc_context(settings):
        slides = build_slides(content)
        title = f"{rt('pack_title', content.lang)} · {content.scenario_title}"
        if fmt == "pdf":
            return pdf_bytes(slides, footer=footer_text(content), title=title)
        return pptx_bytes(slides, footer=footer_text(content), title=title)


def make_report(scenario: Scenario | str, baseline: Scenario | str = "existing", *, fmt: str = "pptx",
                lang: str = "zh", cell_km: float = 2.0, data_dir: Path | None = None,
                version: DataVersion | None = None, titles: tuple[str, str] | None = None,
                destination: str | None = None) -> bytes:
    """The meeting pack of ``scenario`` against ``baseline`` as PPTX or PDF bytes (see ``build_content``).

    Seven slides: title; the plan by status; access bands; the comparison map with the county table; the
    project ranking; the visitors' curve with the circuits; sources and limits.
    """
    if fmt not in FORMATS:
        raise ReportError(f"unknown report format {fmt!r}; use {' or '.join(FORMATS)}")
    cjk_font()  # no font, no work: fail before routing
    t0 = time.perf_counter()
    content = build_content(scenario, baseline, lang=lang, cell_km=cell_km, data_dir=data_dir, version=version,
                            titles=titles, destination=destination)
    t1 = time.perf_counter()
    out = render(content, fmt)
    log.info("report %s: content %.1f s, %s %.1f s, %d bytes", content.scenario.name, t1 - t0, fmt,
             time.perf_counter() - t1, len(out))
    return out
