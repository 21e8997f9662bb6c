"""Errors of the meeting pack and the exports: user-fixable, so the CLI prints one line and no traceback."""
from __future__ import annotations

from geo.errors import AtlasError


class ReportError(AtlasError, ValueError):
    """A report or export cannot be made as asked (bad option, missing font, unwritable file …)."""


class FontMissingError(ReportError):
    """No font with Chinese glyphs is installed: a report would show empty boxes (tofu) instead of text."""
