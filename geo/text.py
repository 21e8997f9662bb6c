"""User text (names, notes, sources) is data, never markup: the one module that escapes it.

``escape_html`` is for every popup, tooltip and HTML export; ``md_escape`` for Streamlit markdown;
``plot_text`` for text drawn by matplotlib (reports: ``$`` would start mathtext); ``xml_text`` for text put
into XML documents by a library that escapes markup itself (PowerPoint, QGIS styles) but refuses control
characters;
``csv_text`` is the project's one CSV writer (the CLI's outputs and the app's downloads): by default it
defuses spreadsheet formulas (OWASP "CSV injection"): a cell starting with ``= + - @`` or a tab/CR gets a
leading ``'``, which Excel and LibreOffice show as text. ``layer_csv`` writes a layer's attribute table
(with lon/lat for point layers) so that ``atlas import`` reads it back unchanged.
"""
from __future__ import annotations

import csv
import html
import io
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from geo.geojson import to_collection
from geo.schema import get_schema

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


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
    if isinstance(value, (list, tuple)):
        value = ", ".join(str(v) for v in value)
    return html.escape(str(value), quote=True)


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:$=])")


def md_escape(value: Any) -> str:
    """Escape user text for Streamlit markdown (labels, messages): no links, images or formatting."""
    return _MD_SPECIAL.sub(r"\\\1", "" if value is None else str(value))


def plot_text(value: Any) -> str:
    r"""Return user text for a matplotlib label: ``$`` escaped (no mathtext), control characters dropped.

    >>> print(plot_text("$x^2$ 站"))
    \$x^2\$ 站
    """
    return xml_text(value).replace("$", r"\$")


_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(value: Any) -> str:
    r"""Return ``value`` as text an XML document can hold: None/NaN → "", control characters removed
    (lxml refuses them; tags and ``&`` are escaped by the XML writer itself).

    >>> xml_text("a\x00b<c>")
    'ab<c>'
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return _XML_BAD.sub("", str(value))


def defuse_formula(text: str) -> str:
    """Prefix ``'`` to text a spreadsheet would run as a formula; other text is returned unchanged.

    >>> defuse_formula('=HYPERLINK("http://x")')
    '\\'=HYPERLINK("http://x")'
    >>> defuse_formula('于都站')
    '于都站'
    """
    return "'" + text if text[:1] in _FORMULA_START else text


def _missing(value: Any) -> bool:
    """None, NaN and pandas' NA (nullable integer columns) are written as empty cells."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return True
    return type(value).__name__ in ("NAType", "NaTType")


def _cell(value: Any, defuse: bool) -> str:
    if _missing(value):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):  # numpy scalars
        value = value.item()
    if isinstance(value, (list, tuple)):
        value = ";".join(str(v) for v in value)  # ids never hold ';' (they are slugs)
    if isinstance(value, (int, float)):  # a number is never a formula: -2.5 stays a number in Excel
        return repr(value) if isinstance(value, float) else str(value)
    text = value if isinstance(value, str) else str(value)
    return defuse_formula(text) if defuse else text


def csv_text(rows: Iterable[Mapping[str, Any]], columns: Sequence[str], *, defuse_formulas: bool = True) -> str:
    """Return CSV (RFC 4180 quoting, ``\\r\\n`` rows) of ``rows`` restricted to ``columns``."""
    buf = io.StringIO(newline="")
    w = csv.writer(buf, quoting=csv.QUOTE_MINIMAL)
    w.writerow(columns)
    for r in rows:
        w.writerow([_cell(r.get(c), defuse_formulas) for c in columns])
    return buf.getvalue()


def frame_csv(df: Any, *, defuse_formulas: bool = True) -> str:
    """Return a DataFrame as CSV through ``csv_text`` (the project's one CSV writer; formulas defused)."""
    return csv_text(df.to_dict("records"), [str(c) for c in df.columns], defuse_formulas=defuse_formulas)


def layer_csv(name: str, data: Any, *, defuse_formulas: bool = True) -> str:
    """Return layer ``name`` (GeoDataFrame or FeatureCollection) as CSV, schema columns in order.

    Point layers get ``lon``/``lat`` columns (WGS84) so the file can be re-imported; other layers export
    their attributes only.
    """
    schema = get_schema(name)
    doc = to_collection(data, schema)
    present = {k for f in doc["features"] for k in f["properties"]}
    cols = [f for f in schema.field_names if f in present]
    points = schema.geometry_types == ("Point",)
    rows = []
    for f in doc["features"]:
        r = dict(f["properties"])
        g = f.get("geometry")
        if points and g and g.get("type") == "Point":
            r["lon"], r["lat"] = g["coordinates"][0], g["coordinates"][1]
        rows.append(r)
    return csv_text(rows, cols + (["lon", "lat"] if points else []), defuse_formulas=defuse_formulas)
