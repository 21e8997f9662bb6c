"""The font of every report: a CJK sans-serif found on the system, checked to hold Chinese glyphs.

Reports never draw Chinese in a font without the glyphs (it would print empty boxes, 'tofu'): when no CJK
font is installed, ``cjk_font`` raises FontMissingError with the fix (Debian: ``apt-get install
fonts-noto-cjk``). The family is looked up through matplotlib's font manager, which reads the system's
fonts (and each face of a .ttc collection).
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from matplotlib import font_manager
from matplotlib.ft2font import FT2Font

from reports.errors import FontMissingError

#: preferred families, Simplified Chinese first (Noto = Source Han; WenQuanYi and Droid as fall-backs)
CJK_FAMILIES: tuple[str, ...] = ("Noto Sans CJK SC", "Source Han Sans SC", "Noto Sans SC", "Source Han Sans CN",
                                 "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Droid Sans Fallback",
                                 "Noto Sans CJK TC", "Noto Sans CJK JP")
#: characters every report prints (county and site names): a font must hold all of them
PROBE_TEXT = "赣州瑞金于都兴国红色纪念地可达性"
#: the typeface PowerPoint is asked to use for East Asian text on the meeting-room laptop (Windows has it;
#: LibreOffice substitutes a CJK font it has)
PPTX_EAST_ASIAN = "Microsoft YaHei"
PPTX_LATIN = "Arial"


@dataclass(frozen=True)
class CJKFont:
    """A CJK font face found on the system: its family name and file."""

    family: str
    path: str

    def properties(self, **kwargs) -> font_manager.FontProperties:
        """matplotlib FontProperties of this family (size, weight … as keyword arguments)."""
        return font_manager.FontProperties(family=self.family, **kwargs)


def _has_glyphs(path: str, index: int) -> bool:
    try:
        face = FT2Font(path, face_index=index)
    except (OSError, RuntimeError, TypeError):
        return False
    return all(face.get_char_index(ord(c)) for c in PROBE_TEXT)


@functools.lru_cache(maxsize=1)
def cjk_font() -> CJKFont:
    """Return the first installed family of ``CJK_FAMILIES`` whose font holds Chinese glyphs.

    Raises FontMissingError (one line with the fix) when there is none.
    """
    entries = {}
    for f in font_manager.fontManager.ttflist:
        if f.weight in (400, "normal", "regular") and f.style == "normal":
            entries.setdefault(f.name, f)
    for family in CJK_FAMILIES:
        f = entries.get(family)
        if f is not None and _has_glyphs(f.fname, getattr(f, "index", 0)):
            return CJKFont(family, f.fname)
    raise FontMissingError("no Chinese (CJK) font found, so the report would print empty boxes instead of "
                           "text; install one, e.g. Debian/Ubuntu: apt-get install fonts-noto-cjk "
                           f"(looked for {', '.join(CJK_FAMILIES[:3])} …)")
