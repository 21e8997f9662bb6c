"""Shared citations and helpers for the curated tables."""
from __future__ import annotations

DATA_DATE = "2026-11"

SRC_CPCA = "cpca 0.5.5 adcodes.csv (AMap, GCJ-02→WGS84)"
SRC_EST = "position: estimate from general knowledge of the area (no cited coordinate found)"
SRC_REF_LINES = "project reference notes ganzhou_lines.md"
SRC_REF_FACTS = "project reference notes ganzhou_facts.md"

# 2021 plan: the brief names these items as coming from the 2021 实施意见; the document text itself is not in
# any stored source, so plan_ref quotes the item name only (see docs/DATA.md).
PLAN_2021 = "2021 实施意见 (新时代支持赣南等原中央苏区振兴发展)"

COUNTY_IDS = ("zhanggong", "nankang", "ganxian", "xinfeng", "dayu", "shangyou", "chongyi", "anyuan", "dingnan",
              "quannan", "ningdu", "yudu", "xingguo", "huichang", "xunwu", "shicheng", "ruijin", "longnan")


def interchange_places(rows, *, notes: str, cite=None) -> list[dict]:
    """Interchange places (kind interchange, position estimated) from rows (id, name_zh, name_en, county, lat, lon,
    accuracy_m, role, position note), with 'lat'/'lon' (WGS84) plus schema properties. ``cite(id)``, if given, adds
    the source of the row's role after a dash."""
    return [{
        "id": iid, "name_zh": zh, "name_en": en, "status": "existing",
        "source": f"{SRC_EST} ({pos}); role: {role}" + (f" — {cite(iid)}" if cite else ""), "confidence": "low",
        "accuracy_m": acc, "scope": "local", "kind": "interchange", "county": county, "notes": notes, "lat": lat, "lon": lon,
    } for iid, zh, en, county, lat, lon, acc, role, pos in rows]
