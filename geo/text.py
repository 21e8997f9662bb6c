"""User text (names, notes, sources) is data, never markup: one place to make it safe for HTML."""
from __future__ import annotations

import html
import math
from typing import Any


def escape_html(value: Any) -> str:
    """Return ``value`` as text safe inside HTML elements and quoted attributes.

    None and NaN become ``""``; everything else goes through ``str`` then ``html.escape(quote=True)``,
    so ``<script>``, ``"`` and ``'`` cannot open a tag or leave an attribute.

    >>> escape_html('<img src=x onerror="alert(1)">')
    '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'
    >>> escape_html(None)
    ''
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return html.escape(str(value), quote=True)
