"""Fitting text without measuring it: glyph-width estimates, wrapping with the Chinese line-breaking rule,
title sizes. Used by the slides (table cells, bullets, titles) and the charts (long project names), so the
PPTX and the PDF break every line at the same place.
"""
from __future__ import annotations


def text_width_em(text: str) -> float:
    """Estimated width of ``text`` in ems: CJK and full-width characters 1, others 0.6 (generous: a viewer
    without the deck's fonts substitutes wider ones, e.g. DejaVu Sans for Arial)."""
    return sum(1.0 if ord(ch) > 0x2E7F else 0.6 for ch in text)


#: characters that never start a line (Chinese line-breaking rule, 避头点)
NO_LINE_START = set("，。、；：？！）」』”’》〉…,.;:?!)")


def wrap_text(text: str, width_in: float, font_pt: float, max_lines: int) -> str:
    """Wrap ``text`` to ``width_in`` inches (at spaces where there are any, else anywhere; closing punctuation
    stays on its line), keeping given line breaks; at most ``max_lines`` lines, the last ending in … when cut."""
    limit = max(width_in * 72 / font_pt, 1.0)
    out: list[str] = []
    for paragraph in str(text).split("\n"):
        line = ""
        for token in _tokens(paragraph):
            if line and text_width_em(line + token) > limit and token[0] not in NO_LINE_START:
                out.append(line.rstrip())
                line = token.lstrip()
            else:
                line += token
        out.append(line.rstrip())
    if len(out) > max_lines:
        out = out[:max_lines]
        while out[-1] and text_width_em(out[-1] + "…") > limit:
            out[-1] = out[-1][:-1]
        out[-1] += "…"
    return "\n".join(out)


def _tokens(text: str) -> list[str]:
    """Words with their leading space for Latin text; single characters for CJK (which breaks anywhere)."""
    tokens: list[str] = []
    for ch in text:
        if ord(ch) > 0x2E7F or not tokens or ch == " " or ord(tokens[-1][-1]) > 0x2E7F:
            tokens.append(ch)
        else:
            tokens[-1] += ch
    return tokens


def title_pt(text: str, width_in: float, *, base: float = 24.0, least: float = 16.0) -> float:
    """The title's font size: ``base``, smaller (not below ``least``) when the title would not fit one line."""
    need = text_width_em(text) * 1.08 * base / 72
    return base if need <= width_in else max(least, base * width_in / need)
