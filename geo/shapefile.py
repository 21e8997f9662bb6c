"""Shapefile attribute names and values mapped back to a layer's schema.

A Shapefile's table (dBASE) keeps at most 10 characters of a field name and 254 bytes of a text, and has
no list type. GDAL (and so QGIS, geopandas, ogr2ogr) cuts longer names to 10 characters and renames a
clash to its first 8 characters plus ``_1``, ``_2`` … in the order the fields are written:
``population_2010``, ``population``, ``population_note`` become ``population``, ``populati_1``,
``populati_2``. ``field_names`` maps such names back: a cut name that only one field of the layer
starts with is that field; names of fields that clash are read in the layer's own field order (the
order of atlas's layer files, which the tools keep) when every one of them is present, and are refused
as ambiguous otherwise (a GeoPackage keeps full names). ``list_value`` reads the texts GDAL and pandas
write for lists.
"""
from __future__ import annotations

import json
import re
from collections.abc import Sequence

from geo.schema import LayerSchema

#: dBASE limits: characters of a field name, bytes of a text value.
NAME_CHARS = 10
TEXT_BYTES = 254


def gdal_names(names: Sequence[str]) -> list[str]:
    """The names GDAL's Shapefile driver gives fields written in this order.

    >>> gdal_names(["population_2010", "population", "population_note", "kind"])
    ['population', 'populati_1', 'populati_2', 'kind']
    """
    out: list[str] = []
    taken: set[str] = set()
    for name in names:
        cut = name[:NAME_CHARS]
        n = 1
        while cut.lower() in taken:
            cut = f"{name[:8]}_{n}" if n < 10 else f"{name[:7]}_{n}"
            n += 1
        taken.add(cut.lower())
        out.append(cut)
    return out


def _clash_groups(schema: LayerSchema) -> dict[str, list[str]]:
    """Fields whose first 10 characters are the same, by those characters (lower case), in schema order."""
    groups: dict[str, list[str]] = {}
    for name in schema.field_names:
        groups.setdefault(name[:NAME_CHARS].lower(), []).append(name)
    return {k: v for k, v in groups.items() if len(v) > 1}


def field_names(columns: Sequence[str], schema: LayerSchema) -> tuple[dict[str, str], list[str]]:
    """Map a Shapefile's column names to ``schema``'s field names.

    Returns ({column: field} for the columns that map to another name, [why a column is ambiguous]).
    Columns that name a field exactly, or no field at all, are left out of the mapping (the validator
    reports unknown ones).

    >>> from geo.schema import LAYERS
    >>> field_names(["id", "design_spe", "station_id"], LAYERS["railways"])
    ({'design_spe': 'design_speed_kmh', 'station_id': 'station_ids'}, [])
    """
    fields = {f.lower(): f for f in schema.field_names}
    groups = _clash_groups(schema)
    mapping: dict[str, str] = {}
    problems: list[str] = []
    claimed: set[str] = set()
    for stem, group in groups.items():
        pattern = re.compile(re.escape(stem) + "|" + re.escape(stem[:8]) + r"_\d|" + re.escape(stem[:7]) + r"_\d\d")
        cols = [c for c in columns if pattern.fullmatch(c.lower())]
        claimed.update(cols)
        expected = dict(zip((n.lower() for n in gdal_names(group)), group))
        if sorted(c.lower() for c in cols) == sorted(expected):
            mapping.update({c: expected[c.lower()] for c in cols if c != expected[c.lower()]})
        elif len(cols) == 1 and cols[0].lower() in fields:
            if cols[0] != fields[cols[0].lower()]:
                mapping[cols[0]] = fields[cols[0].lower()]
        elif cols:
            problems.append(f"Shapefile column(s) {', '.join(cols)} could be any of the fields {', '.join(group)} "
                            f"(a Shapefile keeps {NAME_CHARS} characters of a name); keep all {len(group)} "
                            "columns in the layer's order, or import a GeoPackage, which keeps full names")
    for c in columns:
        low = c.lower()
        if c in claimed or low in ("geometry",):
            continue
        if low in fields:
            if c != fields[low]:
                mapping[c] = fields[low]
            continue
        starts = [f for f in schema.field_names if len(low) == NAME_CHARS and f.lower().startswith(low)]
        if len(starts) == 1:
            mapping[c] = starts[0]
    return mapping, problems


_PY_LIST = re.compile(r"\[\s*(?:'[^'\\]*'\s*(?:,\s*'[^'\\]*'\s*)*)?\]")
_GDAL_LIST = re.compile(r"\((\d+):(.*)\)", re.S)


def list_value(text: str) -> list[str] | None:
    """A list of texts as a Shapefile holds it: JSON, a Python list of strings (pandas), GDAL's ``(2:a,b)``.

    >>> list_value("['rs-a', 'rs-b']"), list_value('["rs-a"]'), list_value("(2:rs-a,rs-b)"), list_value("x")
    (['rs-a', 'rs-b'], ['rs-a'], ['rs-a', 'rs-b'], None)
    """
    t = text.strip()
    if t.startswith("["):
        try:
            v = json.loads(t)
        except ValueError:
            v = re.findall(r"'([^'\\]*)'", t) if _PY_LIST.fullmatch(t) else None
        return v if isinstance(v, list) else None
    m = _GDAL_LIST.fullmatch(t)
    if m:
        parts = m.group(2).split(",") if m.group(2) else []
        return parts if len(parts) == int(m.group(1)) else None
    return None
