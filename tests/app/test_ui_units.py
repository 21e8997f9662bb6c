"""Unit tests of the app's pure parts: escaping, filters, styles, URL state, saved views, offline export."""
from __future__ import annotations

import json
import re

import pytest

from geo.schema import STATUSES
from geo.store import load_layer
from geo.text import md_escape
from ui.features import is_visible, popup_html, prepare_features, tooltip_html
from ui.i18n import STRINGS, t
from ui.mapview import build_map, group_legend
from ui.state import AppState, state_from_params, state_to_params
from ui.style import DASH, GROUPS, feature_style
from ui.views import SavedView, load_views, save_view

XSS = "<img src=x onerror=alert(1)>"


def test_popup_and_tooltip_escape_user_text():
    props = {"name_zh": XSS, "name_en": "`${alert(2)}` </script>", "status": "existing", "source": "<b>s</b>",
             "confidence": "low", "accuracy_m": "schematic", "notes": "<script>alert(3)</script>"}
    for html_text in (popup_html("heritage_sites", props, "zh"), tooltip_html("heritage_sites", props, "en")):
        assert "<img" not in html_text and "<script" not in html_text and "</script" not in html_text
    assert "&lt;img src=x onerror=alert(1)&gt;" in popup_html("heritage_sites", props, "zh")
    assert "&lt;script&gt;alert(3)&lt;/script&gt;" in popup_html("heritage_sites", props, "en")


def test_map_html_carries_hostile_names_only_as_escaped_data(app_data):
    gdf = load_layer("heritage_sites")
    prepared = {"heritage_sites": prepare_features("heritage_sites", gdf, "zh")}
    html_text = build_map(prepared, groups=GROUPS, statuses=STATUSES, year=None, lang="zh").get_root().render()
    assert XSS not in html_text and "<img" not in html_text and "<b>bold" not in html_text
    # the name travels as JSON data holding escaped text: \u0026lt;img … (html-escaped, then JSON-escaped)
    assert "\\u0026lt;img src=x onerror=alert(1)\\u0026gt;" in html_text


def test_status_styles_read_at_a_glance():
    assert feature_style("railways", {"status": "existing", "rail_class": "hsr"}).get("dashArray") is None
    uc = feature_style("railways", {"status": "under_construction", "rail_class": "hsr"})["dashArray"]
    pl = feature_style("railways", {"status": "planned", "rail_class": "hsr"})["dashArray"]
    pr = feature_style("railways", {"status": "proposed", "rail_class": "hsr"})["dashArray"]
    assert len({uc, pl, pr, DASH["study"]}) == 4
    assert pr.startswith("1 ")  # dotted
    hsr = feature_style("railways", {"status": "existing", "rail_class": "hsr"})
    conv = feature_style("railways", {"status": "existing", "rail_class": "conventional"})
    assert hsr["color"] != conv["color"] and hsr["weight"] > conv["weight"]
    nat = feature_style("heritage_sites", {"status": "existing", "level": "national"})
    loc = feature_style("heritage_sites", {"status": "existing", "level": "local"})
    assert nat["radius"] > loc["radius"] and nat["fillColor"] != loc["fillColor"]


@pytest.mark.parametrize("props, statuses, year, ids, expected", [
    ({"status": "existing", "_year": 2001, "id": "a"}, STATUSES, None, None, True),
    ({"status": "existing", "_year": 2001, "id": "a"}, ("planned",), None, None, False),
    ({"status": "existing", "_year": 2019, "id": "a"}, STATUSES, 2015, None, False),
    ({"status": "existing", "_year": None, "id": "a"}, STATUSES, 2015, None, True),
    ({"status": "planned", "_year": 2030, "id": "a"}, STATUSES, 2030, None, True),
    ({"status": "planned", "_year": 2031, "id": "a"}, STATUSES, 2030, None, False),
    ({"status": "proposed", "_year": None, "id": "a"}, STATUSES, 2035, None, False),
    ({"status": "planned", "_year": 2030, "id": "a"}, STATUSES, None, frozenset({"b"}), False),
    ({"status": "existing", "layer": "counties", "id": "a"}, STATUSES, 2015, frozenset(), True),
])
def test_is_visible(props, statuses, year, ids, expected):
    assert is_visible(props, statuses, year, ids) is expected


def test_every_string_has_both_languages():
    for key, (zh, en) in STRINGS.items():
        assert zh.strip() and en.strip(), key
    with pytest.raises(KeyError, match="close"):
        t("app_titel", "en")


def test_query_state_round_trip():
    s = AppState(view="compare", groups=("railways", "heritage_sites"), statuses=("existing", "planned"),
                 scenario="2030", baseline="existing", custom=("a-b", "c"), year=2027, lang="en", presenter=True,
                 basemap="osm", center=(25.9, 116.0), zoom=10)
    back, bad = state_from_params(state_to_params(s))
    assert bad == [] and back == s
    assert state_to_params(AppState()) == {}


def test_bad_query_values_are_reported_and_ignored():
    s, bad = state_from_params({"view": "x", "year": "3000", "z": "0", "c": "nan,1", "lang": "fr",
                                "layers": "railways,bogus", "presenter": "maybe", "scenario": "<x>"})
    assert s.view == "map" and s.year is None and s.zoom is None and s.center is None and s.lang == "zh"
    assert s.groups == ("railways",) and s.presenter is False and s.scenario == "all"
    assert len(bad) == 8


def test_saved_views_validate_and_save_atomically(tmp_path):
    p = tmp_path / "views.json"
    p.write_text(json.dumps({"views": [
        {"name": "ok", "center": [25.8, 115.0], "zoom": 9, "layers": ["railways"], "scenario": "2030"},
        {"name": "", "center": [25.8, 115.0], "zoom": 9, "layers": [], "scenario": "all"},
        {"name": "bad zoom", "center": [25.8, 115.0], "zoom": 40, "layers": [], "scenario": "all"},
        {"name": "bad layer", "center": [25.8, 115.0], "zoom": 9, "layers": ["rail"], "scenario": "all"},
        {"name": "ok", "center": [25.8, 115.0], "zoom": 9, "layers": [], "scenario": "all"},
    ]}), encoding="utf-8")
    views, problems = load_views(path=p)
    assert [v.name for v in views] == ["ok"] and len(problems) == 4
    assert any("duplicate" in x for x in problems) and any("zoom" in x for x in problems)
    views, replaced = save_view(SavedView("新视图", (25.9, 116.0), 11, ("heritage_sites",), "existing"), path=p)
    assert not replaced and "新视图" in [v.name for v in views]
    views, replaced = save_view(SavedView("新视图", (25.0, 115.0), 12, ("railways",), "existing"), path=p)
    assert replaced and [v.zoom for v in views if v.name == "新视图"] == [12]
    assert len(json.loads(p.read_text(encoding="utf-8"))["views"]) == 6  # bad entries kept untouched
    with pytest.raises(ValueError, match="zoom"):
        save_view(SavedView("x", (25.0, 115.0), 99, (), "all"), path=p)


def test_broken_views_file_is_reported_not_fatal(tmp_path):
    p = tmp_path / "views.json"
    p.write_text("{not json", encoding="utf-8")
    views, problems = load_views(path=p)
    assert views == [] and problems and "JSON" in problems[0]


def test_repository_views_file_is_valid():
    from pathlib import Path
    views, problems = load_views(path=Path(__file__).resolve().parents[2] / "data" / "views.json")
    assert problems == [] and len(views) >= 3


def test_offline_export_inlines_every_script_and_stylesheet(app_data):
    from ui.assets import inline_assets, missing_assets
    if missing_assets():
        pytest.skip("static/vendor/ not fetched (run scripts/fetch_assets.sh)")
    gdf = load_layer("railways")
    prepared = {"railways": prepare_features("railways", gdf, "en")}
    html_text = inline_assets(build_map(prepared, groups=GROUPS, statuses=STATUSES, year=None,
                                        lang="en").get_root().render())
    assert not re.search(r'<script[^>]+src=', html_text)
    assert not re.search(r'<link[^>]+stylesheet', html_text)
    assert "Leaflet 1.9.4" in html_text and "jQuery v3.7.1" in html_text
    assert "url(images/" not in html_text  # Leaflet's CSS images are data: URIs


def test_map_uses_no_cdn(app_data):
    gdf = load_layer("heritage_sites")
    prepared = {"heritage_sites": prepare_features("heritage_sites", gdf, "en")}
    html_text = build_map(prepared, groups=GROUPS, statuses=STATUSES, year=None, lang="en").get_root().render()
    srcs = re.findall(r'(?:src|href)="([^"]+)"', html_text)
    assert srcs and all(u.startswith("/app/static/vendor/") for u in srcs), srcs


def test_md_escape_neutralises_links_images_and_formatting():
    text = md_escape("![i](http://x/i.png) [a](javascript:alert(1)) **b** `c` <b>")
    for token in ("](", "![", "**", "`c`", "<b>"):
        assert token not in text


def test_scenario_choices_without_the_engine_match_the_engine():
    from geo.paths import default_data_dir
    from network.scenario import scenario_names
    from ui.scenario import scenario_choices
    assert scenario_choices(default_data_dir()) == [*scenario_names(), "custom"]


def _air_route_gdf():
    import geopandas as gpd
    from shapely.geometry import LineString
    return gpd.GeoDataFrame([{
        "id": "air-x", "name_zh": "航线 ap-a→gw-b", "name_en": "Air route ap-a → gw-b", "status": "existing",
        "opened": "2008", "source": "<b>timetable</b>", "confidence": "low", "accuracy_m": "schematic",
        "notes": XSS, "from_airport": "ap-a", "to_place": "gw-b", "block_minutes": 165, "daily_flights": 3.0,
    }], geometry=[LineString([(114.75, 25.86), (116.41, 39.51)])], crs="EPSG:4326")


def test_air_routes_are_named_by_their_ends_with_escaped_popups():
    names = {"ap-a": {"name_zh": "赣州<机场>", "name_en": "Ganzhou"},
             "gw-b": {"name_zh": "北京", "name_en": "Beijing"}}
    feats = prepare_features("air_routes", _air_route_gdf(), "zh", names=names)
    p = feats[0]["properties"]
    assert "<机场>" not in p["_popup"] and "&lt;机场&gt; → 北京" in p["_popup"]
    assert "<b>" not in p["_popup"] and "<img" not in p["_popup"] and "&lt;img" in p["_popup"]
    for text in ("航段时间", "165 分钟", "每日航班", "3 班/日", "来源", "可信度", "低（推测）"):
        assert text in p["_popup"], text
    assert "165 分" in p["_tip"] and "3 班/日" in p["_tip"] and "<机场>" not in p["_tip"]
    en = prepare_features("air_routes", _air_route_gdf(), "en", names=names)[0]["properties"]
    assert "Block time" in en["_popup"] and "3 a day" in en["_popup"] and "Ganzhou → Beijing" in en["_popup"]


def test_air_routes_are_drawn_as_arcs_in_the_airports_group():
    feats = prepare_features("air_routes", _air_route_gdf(), "en")
    coords = feats[0]["geometry"]["coordinates"]
    assert len(coords) > 10  # ~1,550 km densified every 40 km
    assert coords[0] == (114.75, 25.86) or list(coords[0]) == [114.75, 25.86]
    mid = coords[len(coords) // 2]
    assert mid[0] < (114.75 + 116.41) / 2  # a great circle northwards bows west of the straight line here
    style = feats[0]["properties"]["style"]
    rail = feature_style("railways", {"status": "existing", "rail_class": "conventional"})
    assert style["weight"] < rail["weight"] and style.get("dashArray") is None
    m = build_map({"air_routes": feats}, groups=("airports",), statuses=STATUSES, year=None, lang="en")
    assert m.atlas_counts["air_routes"] == 1
    assert "Air routes" in m.get_root().render()
    m = build_map({"air_routes": feats}, groups=("railways",), statuses=STATUSES, year=None, lang="en")
    assert "air_routes" not in m.atlas_counts


def test_tables_are_rounded_by_what_their_columns_hold():
    import pandas as pd
    from network.tables import rounded
    df = pd.DataFrame({"lon": [114.123456789], "share_within_60_base": [0.4680851063829787],
                       "mean_minutes_base": [63.64353912], "minutes_saved": [12.3456789], "population": [365234.4],
                       "add_pop_minutes": [1234567.891], "gravity": [1.1953621234], "county": ["anyuan"]})
    out = rounded(df).iloc[0]
    assert out["lon"] == 114.12346 and out["share_within_60_base"] == 0.468
    assert out["mean_minutes_base"] == 63.64 and out["minutes_saved"] == 12.3
    assert out["population"] == 365234 and out["add_pop_minutes"] == 1234568 and out["gravity"] == 1.195
    assert out["county"] == "anyuan" and df["lon"].iloc[0] == 114.123456789  # input untouched


def test_tables_get_names_in_the_chosen_language():
    import pandas as pd
    from ui.overlays import with_names
    df = pd.DataFrame({"site_id": ["hs-a", "hs-b"], "site": ["甲", "乙"], "county": ["c1", "c2"]})
    out = with_names(df, {"hs-a": "Site A", "c1": "County One"},
                     pairs=[("site_id", "site"), ("county", "county_name")])
    assert list(out["site"]) == ["Site A", "乙"]  # unknown id keeps the engine's name
    assert list(out.columns) == ["site_id", "site", "county", "county_name"]
    assert list(out["county_name"]) == ["County One", "c2"]


def test_legend_can_fold_and_labels_declutter_at_every_zoom(app_data):
    gdf = load_layer("counties")
    prepared = {"counties": prepare_features("counties", gdf, "en")}
    html_text = build_map(prepared, groups=GROUPS, statuses=STATUSES, year=None, lang="en").get_root().render()
    assert "atlas-legend-fold" in html_text and "Fold / unfold the legend" in html_text
    assert "map.on('zoomend', declutter)" in html_text


def test_tianditu_is_offered_and_addressed_only_with_a_key(monkeypatch):
    from ui.basemap import tianditu_key, tianditu_urls
    monkeypatch.delenv("ATLAS_TIANDITU_KEY", raising=False)
    assert tianditu_key() is None and tianditu_key({"tianditu_key": ""}) is None
    m = build_map({}, groups=(), statuses=STATUSES, year=None, lang="zh", basemap="tianditu")
    assert "tianditu" not in m.get_root().render()  # no key: no address is built, the offline base shows
    monkeypatch.setenv("ATLAS_TIANDITU_KEY", "abc123")
    assert tianditu_key() == "abc123"
    vec, cva = tianditu_urls("abc123")
    assert "LAYER=vec" in vec and "LAYER=cva" in cva and vec.endswith("tk=abc123")
    html = build_map({}, groups=(), statuses=STATUSES, year=None, lang="zh", basemap="tianditu",
                     tianditu_key="abc123").get_root().render()
    assert "tianditu.gov.cn/vec_w" in html and "tianditu.gov.cn/cva_w" in html
    monkeypatch.setenv("ATLAS_TIANDITU_KEY", "abc\" onerror=x")  # never reaches a URL
    assert tianditu_key() is None
    with pytest.raises(ValueError):
        tianditu_urls("a/b")


def test_offline_base_map_has_named_rivers_town_labels_and_credits():
    from geo.paths import REPO_DATA_DIR
    from ui.basemap import DATA_ATTRIBUTION, basemap_features
    base = basemap_features(REPO_DATA_DIR, "zh")
    rivers = {lab[2] for lab in base["labels"] if "river" in lab[3]}
    assert {"赣江", "章江", "贡江", "桃江", "梅江"} <= rivers
    towns = [lab for lab in base["labels"] if "town" in lab[3]]
    assert len(towns) > 1000 and "· 贡江镇" in {lab[2] for lab in towns}  # 于都's county town
    assert len(base["rivers"]) > 50
    en = basemap_features(REPO_DATA_DIR, "en")
    assert any(lab[2] == "Gan River" for lab in en["labels"])
    html = build_map({}, groups=(), statuses=STATUSES, year=None, lang="zh", basemap_data=base).get_root().render()
    import json
    assert json.dumps(DATA_ATTRIBUTION) in html  # the map's credit line (JSON-escaped in the script)
    assert "OpenStreetMap contributors, ODbL" in DATA_ATTRIBUTION and "GeoNames, CC BY 4.0" in DATA_ATTRIBUTION
    assert "atlas-label-town" in html and "atlas-z-towns" in html


def test_plan_items_and_urban_expressways_style_popup_and_legend():
    """Plan items: a dot for points, a line for lines (dashed by status), the system and 'not routed' in an escaped
    popup; urban expressways have their own colour and legend row, next to the trunk roads."""
    point = feature_style("plan_items", {"status": "proposed", "system": "logistics"}, "Point")
    line = feature_style("plan_items", {"status": "planned", "system": "logistics"}, "LineString")
    assert point["fill"] and point["radius"] > 0 and point["dashArray"] == DASH["proposed"]
    assert "radius" not in line and not line.get("fill") and line["dashArray"] == DASH["planned"]
    urban = feature_style("trunk_roads", {"status": "existing", "road_class": "urban_expressway"}, "LineString")
    assert urban["color"] != feature_style("trunk_roads", {"status": "existing", "road_class": "national"})["color"]
    props = {"name_zh": XSS, "status": "existing", "system": "port_of_entry", "item_kind": "port_of_entry",
             "approved": "2016-09", "related_ids": ["a<b>"], "source": "s", "confidence": "low", "accuracy_m": 100}
    html_text = popup_html("plan_items", props, "en")
    assert "<img" not in html_text and "a&lt;b&gt;" in html_text
    assert "Ports of entry" in html_text and "not routed" in html_text and "2016-09" in html_text
    feats = {"plan_items": [{"properties": {"system": "port_of_entry"}, "geometry": {"type": "Point"}},
                            {"properties": {"system": "logistics"}, "geometry": {"type": "LineString"}}],
             "trunk_roads": [{"properties": {"road_class": "urban_expressway"}, "geometry": {"type": "LineString"}}]}
    plan_rows = group_legend("plan_items", feats, STATUSES, "zh").rows
    assert [r[1] for r in plan_rows] == ["口岸", "物流枢纽与多式联运"]
    assert "<circle" in plan_rows[0][0] and "<line" in plan_rows[1][0]
    assert [r[1] for r in group_legend("trunk_roads", feats, STATUSES, "zh").rows] == ["城市快速路"]
