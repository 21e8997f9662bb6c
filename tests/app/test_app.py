"""AppTest checks of every view and widget, on the synthetic fixture (tests/data/app)."""
from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from pptx import Presentation
from streamlit.testing.v1 import AppTest

from apptestkit import check, run_app
from geo.paths import data_version
from ui import results
from ui.cache import scenario
from ui.i18n import t


def qp(at: AppTest, key: str) -> str | None:
    v = at.query_params.get(key)
    return v[-1] if isinstance(v, list) else v


def counts(at: AppTest) -> dict[str, int]:
    return at.session_state["_atlas_map_stats"]["counts"]


def test_default_map_in_chinese_draws_every_default_layer(app_data):
    at = run_app()
    assert at.title[0].value == "赣南苏区交通规划一张图"
    c = counts(at)
    assert c["railways"] == 3 and c["heritage_sites"] == 3 and c["counties"] == 2
    assert "stations" not in c  # off by default
    assert not at.error


def test_layer_toggle_removes_and_adds_the_group(app_data):
    at = run_app()
    at.checkbox(key="w_group_railways").uncheck().run()
    check(at)
    assert "railways" not in counts(at)
    at.checkbox(key="w_group_stations").check().run()
    check(at)
    assert counts(at)["stations"] == 2
    assert qp(at, "layers") == "counties,expressways,stations,airports,plan_items,heritage_sites"


def test_plan_items_are_drawn_and_listed_with_filters_and_csv(app_data):
    """The plan_items layer is on by default (drawn, never routed); the plan table lists every local item of the
    transport layers and plan_items, filters by system/status/period, and downloads the filtered rows as CSV."""
    at = run_app()
    check(at)
    assert counts(at)["plan_items"] == 2
    table = at.dataframe[0].value
    assert len(table) == 12 and "参与路径计算" in table.columns  # 3 rail + 1 expy + 3 trunk + 1 airport + 1 river + 1 port + 2 plan
    assert "口岸" in set(table["规划系统"]) and "城市快速路" in set(table["规划系统"])
    assert "<b>西口岸</b><img src=x onerror=alert(4)>" in set(table["名称"])  # text, shown as text by the grid
    at.multiselect(key="w_plan_systems").set_value(["logistics"]).run()
    check(at)
    table = at.dataframe[0].value
    assert list(table["编号"]) == ["fx-plan-route"] and list(table["参与路径计算"]) == ["否（仅展示）"]
    at.multiselect(key="w_plan_systems").set_value(["rail"]).run()
    at.multiselect(key="w_plan_periods").set_value(["十四五"]).run()
    check(at)
    assert list(at.dataframe[0].value["编号"]) == ["fx-rail-hsr"]
    assert "w_dl_plan_items" in {b.key for b in at.download_button}


def test_status_filter_and_year_slider(app_data):
    at = run_app()
    at.checkbox(key="w_status_proposed").uncheck().run()
    check(at)
    assert counts(at)["railways"] == 2  # the proposed line is gone
    at.toggle(key="w_year_on").set_value(True).run()
    at.slider(key="w_year").set_value(2020).run()
    check(at)
    assert counts(at)["railways"] == 1  # only the line opened in 2001; the HSR opens 2027
    at.slider(key="w_year").set_value(2030).run()
    assert counts(at)["railways"] == 2


@pytest.mark.parametrize("scenario, rails", [("existing", 1), ("2030", 2), ("all", 3)])
def test_scenario_switch_changes_the_network(app_data, scenario, rails):
    at = run_app()
    at.selectbox(key="w_scenario").set_value(scenario).run()
    check(at)
    assert counts(at)["railways"] == rails


def test_custom_scenario_toggles_single_projects(app_data):
    at = run_app()
    at.selectbox(key="w_scenario").set_value("custom").run()
    check(at)
    assert counts(at)["railways"] == 1
    at.multiselect(key="w_custom").select("fx-rail-prop").run()
    check(at)
    assert counts(at)["railways"] == 2
    assert qp(at, "projects") == "fx-rail-prop" and qp(at, "scenario") == "custom"


def test_presenter_mode_hides_controls_and_can_be_left(app_data):
    at = run_app()
    at.toggle(key="w_presenter").set_value(True).run()
    check(at)
    assert at.session_state["_atlas_map_stats"]["presenter"] is True
    assert len(at.title) == 0  # page title replaced by the title drawn on the map
    assert qp(at, "presenter") == "1"
    at.button(key="w_exit_presenter").click().run()
    check(at)
    assert at.session_state["_atlas_map_stats"]["presenter"] is False
    assert at.title[0].value == "赣南苏区交通规划一张图"


def test_language_toggle_switches_every_label(app_data):
    at = run_app()
    at.radio(key="w_lang").set_value("en").run()
    check(at)
    assert at.title[0].value == "Gannan Planning Atlas"
    assert at.checkbox(key="w_group_railways").label == "Railways"
    assert at.checkbox(key="w_status_under_construction").label == "Under construction"
    assert any("Railways" in s for s in at.session_state["_atlas_map_stats"]["legend"])


def test_saved_view_button_applies_layers_scenario_and_centre(app_data):
    at = run_app()
    at.button(key="w_goto_1").click().run()  # "East only rail"
    check(at)
    assert set(counts(at)) == {"railways"}
    assert counts(at)["railways"] == 1  # scenario existing
    assert qp(at, "c") == "25.9000,116.0000" and qp(at, "z") == "11"


def test_save_view_writes_the_file_atomically(app_data):
    at = run_app()
    at.query_params["c"] = "25.8000,115.2000"  # what the map writes into the link when panned
    at.query_params["z"] = "10"
    at.text_input(key="w_view_name").input("我的视图 <b>")
    at.button(key="FormSubmitter:w_save_view_form-保存").click().run()
    check(at)
    doc = json.loads((app_data / "views.json").read_text(encoding="utf-8"))
    names = [v["name"] for v in doc["views"]]
    assert "我的视图 <b>" in names
    new = doc["views"][names.index("我的视图 <b>")]
    assert new["zoom"] == 10 and new["center"] == [25.8, 115.2] and new["scenario"] == "all"
    assert not list(app_data.glob(".views.json.*"))  # no temp file left behind
    assert any(b.label == "我的视图 \\<b\\>" for b in at.sidebar.button)  # markdown-escaped label
    assert any("已保存视图" in x.value for x in at.success)


def test_view_names_cannot_inject_markdown_links_or_images(app_data):
    at = run_app()
    label = at.button(key="w_goto_2").label
    assert label.startswith("\\!\\[x\\]\\(http\\:") and "](" not in label


def test_query_params_round_trip(app_data):
    q = {"layers": "railways,heritage_sites", "lang": "en", "scenario": "existing", "status": "existing,planned",
         "year": "2030", "c": "25.9,116.0", "z": "10", "basemap": "osm"}
    at = run_app(q)
    assert set(counts(at)) == {"railways", "heritage_sites"}
    assert at.radio(key="w_lang").value == "en"
    assert at.selectbox(key="w_scenario").value == "existing"
    assert at.slider(key="w_year").value == 2030 and at.toggle(key="w_year_on").value is True
    assert at.radio(key="w_basemap").value == "osm"
    got = {k: qp(at, k) for k in at.query_params}
    assert got["layers"] == "railways,heritage_sites"
    assert got["scenario"] == "existing" and got["lang"] == "en" and got["year"] == "2030"
    assert got["c"] == "25.9,116.0" and got["z"] == "10" and got["basemap"] == "osm"


def test_bad_query_params_warn_without_traceback(app_data):
    at = run_app({"view": "nope", "layers": "rail,<script>", "year": "1800", "z": "99", "c": "x,y"})
    assert at.warning and "链接中以下参数无效" in at.warning[0].value
    assert counts(at) == {}  # no valid layer named: nothing drawn, but no crash


@pytest.mark.parametrize("view", ["access", "compare", "rank"])
def test_analysis_views_render(app_data, view):
    at = run_app({"view": view})
    assert at.radio(key="w_view").value == view
    assert not at.error, [e.value for e in at.error]


def test_access_view_draws_bands_and_reacts_to_a_site_or_point(app_data):
    at = run_app({"view": "access"})
    overlays = at.session_state["_atlas_map_stats"]["overlays"]
    assert list(overlays.values()) and 1 <= list(overlays.values())[0] <= 6  # dissolved bands, not cells
    assert "到最近纪念地（分钟）" in at.session_state["_atlas_map_stats"]["legend"]
    at.session_state["access_target"] = ("site", "fx-site-national")
    at.run()
    check(at)
    assert not at.error
    assert "等时圈" in at.session_state["_atlas_map_stats"]["overlays"]
    at.session_state["access_target"] = ("point", 25.7, 115.25)
    at.run()
    check(at)
    assert "最快路线" in at.session_state["_atlas_map_stats"]["overlays"]
    assert any("北山纪念馆" in m.value for m in at.markdown)
    keys = {b.key for b in at.download_button}
    assert {"w_dl_bands", "w_dl_access", "w_dl_bands_geo", "w_dl_access_html", "w_dl_route",
            "w_dl_route_geo"} <= keys
    at.button(key="w_clear_target").click().run()
    check(at)
    assert "最快路线" not in at.session_state["_atlas_map_stats"]["overlays"]


def test_compare_view_tables_cover_counties_and_gateways(app_data):
    at = run_app({"view": "compare", "scenario": "2030", "baseline": "existing"})
    assert not at.error
    assert len(at.dataframe) >= 2
    counties = at.dataframe[0].value
    assert set(counties["县区"]) == {"西县", "东县"}  # names, not ids
    assert "县区编号" not in counties.columns
    shares = [c for c in counties.columns if "人口占比" in c]
    assert shares and counties[shares].max().max() <= 100 and counties[shares].max().max() > 1  # percent
    for c in counties.columns:  # no 10-decimal floats on screen
        if counties[c].dtype.kind == "f":
            assert (counties[c].round(2) == counties[c]).all(), c
    keys = {b.key for b in at.download_button}
    assert {"w_dl_county", "w_dl_gateway", "w_dl_diffgrid", "w_dl_diff_geo", "w_dl_compare_html"} <= keys


def test_rank_view_lists_projects_with_both_marginals(app_data):
    at = run_app({"view": "rank"})
    assert not at.error
    df = at.dataframe[0].value
    assert {"加入：人均分钟", "移除：人均分钟"} <= set(df.columns)
    assert len(df) >= 1
    assert list(df.columns[:3]) == ["名称", "图层", "状态"]  # what a planner reads first
    assert set(df["状态"]) <= {"在建", "规划", "拟建/谋划", "研究"}
    at.radio(key="w_lang").set_value("en").run()
    check(at)
    df = at.dataframe[0].value
    assert {"Add: minutes per resident", "Remove: minutes per resident"} <= set(df.columns)
    assert set(df["Status"]) <= {"Under construction", "Planned", "Proposed", "Study"}
    assert all(n.isascii() for n in df["Name"]), list(df["Name"])  # English names in English


def test_missing_data_dir_is_a_clear_message(tmp_path, monkeypatch):
    monkeypatch.setenv("ATLAS_DATA_DIR", str(tmp_path / "empty"))
    at = run_app()
    assert [w.value for w in at.warning] == ["未找到图层数据。"]  # t("no_layers"), nothing else
    assert not at.exception


def test_basemap_baseline_and_grid_widgets(app_data):
    at = run_app()
    at.radio(key="w_basemap").set_value("osm").run()
    check(at)
    assert qp(at, "basemap") == "osm"
    at.radio(key="w_view").set_value("compare").run()
    check(at)
    at.selectbox(key="w_scenario").set_value("2030").run()
    at.selectbox(key="w_baseline").set_value("2025").run()
    check(at)
    assert qp(at, "baseline") == "2025" and not at.error
    assert any("2025" in h.value and "2030" in h.value for h in at.subheader)
    at.radio(key="w_view").set_value("access").run()
    cells_2km = at.dataframe[0].value.iloc[:, 1].sum()
    at.selectbox(key="w_grid_km").set_value(5.0).run()
    check(at)
    cells_5km = at.dataframe[0].value.iloc[:, 1].sum()
    assert 0 < cells_5km < cells_2km


def _access_numbers(at: AppTest) -> tuple[list[int], list[float]]:
    bands = at.dataframe[0].value  # band, cells, population, share
    return list(bands.iloc[:, 1]), list(bands.iloc[:, 3].round(6))


def _open_expressway_in(app_data: Path, year: int) -> None:
    """In the private copy: the fixture's only expressway opens in ``year`` (it carries most of the access)."""
    p = app_data / "layers" / "expressways.geojson"
    doc = json.loads(p.read_text(encoding="utf-8"))
    for f in doc["features"]:
        if f["properties"]["id"] == "fx-expy":
            f["properties"]["opened"] = str(year)
    p.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")


def test_year_slider_changes_the_accessibility_result(app_data):
    _open_expressway_in(app_data, 2024)
    at = run_app({"view": "access"})
    at.toggle(key="w_year_on").set_value(True).run()
    at.slider(key="w_year").set_value(2020).run()
    check(at)
    assert not at.error, [e.value for e in at.error]
    cells_2020, shares_2020 = _access_numbers(at)
    legend = at.session_state["_atlas_map_stats"]["legend"]
    assert "到最近纪念地（分钟） · 2020" in legend
    assert any("2020年路网" in h.value for h in at.subheader)
    assert counts(at)["railways"] == 1 and counts(at)["expressways"] == 0  # only the rail line opened in 2001
    at.slider(key="w_year").set_value(2030).run()
    check(at)
    cells_2030, shares_2030 = _access_numbers(at)
    assert counts(at)["railways"] == 2 and counts(at)["expressways"] == 1  # + HSR (2027), expressway (2024)
    assert sum(cells_2020) == sum(cells_2030)  # same grid …
    assert cells_2030[-1] < cells_2020[-1]  # … fewer unreachable cells once the expressway is open
    assert shares_2030 != shares_2020
    assert "到最近纪念地（分钟） · 2030" in at.session_state["_atlas_map_stats"]["legend"]
    at.toggle(key="w_year_on").set_value(False).run()  # off: the scenario (all plan features) again
    check(at)
    assert "到最近纪念地（分钟）" in at.session_state["_atlas_map_stats"]["legend"]
    assert qp(at, "year") is None


def test_year_follows_the_chosen_scenario(app_data):
    _open_expressway_in(app_data, 2024)
    # existing as of 2030 must not bring in the HSR that the 2030 year scenario has
    at = run_app({"view": "access", "scenario": "existing", "year": "2030"})
    assert not at.error, [e.value for e in at.error]
    assert counts(at)["railways"] == 1
    existing_2030 = _access_numbers(at)
    at.toggle(key="w_year_on").set_value(False).run()
    check(at)
    assert _access_numbers(at) == existing_2030
    at.toggle(key="w_year_on").set_value(True).run()
    at.slider(key="w_year").set_value(2020).run()  # a past year: what was open then (no expressway yet)
    check(at)
    assert _access_numbers(at)[0][-1] > existing_2030[0][-1]


def test_year_applies_to_comparison_and_ranking(app_data):
    _open_expressway_in(app_data, 2024)

    def county_means(at: AppTest) -> list[float]:
        df = at.dataframe[0].value  # the county table: before / after means
        return list(df.iloc[:, 2].round(3)) + list(df.iloc[:, 3].round(3))

    at = run_app({"view": "compare", "scenario": "all", "baseline": "existing", "year": "2020"})
    assert not at.error, [e.value for e in at.error]
    assert any("2020年路网" in h.value for h in at.subheader)
    in_2020 = county_means(at)
    at.slider(key="w_year").set_value(2030).run()
    check(at)
    assert any("2030年路网" in h.value for h in at.subheader)
    assert county_means(at) != in_2020  # the 2020 network has no expressway yet: the 'after' side differs
    at.radio(key="w_view").set_value("rank").run()
    check(at)
    ranked = set(at.dataframe[0].value.iloc[:, 0])  # names of the projects between existing and all@2030
    assert "西东高铁" in ranked and "北延铁路" not in ranked  # the HSR opens 2027; the proposal is no year's
    at.slider(key="w_year").set_value(2020).run()
    check(at)
    assert [i.value for i in at.info] == [t("no_projects", "zh")]  # nothing in all@2020 that existing lacks


def test_route_legs_read_in_the_chosen_language(app_data):
    at = run_app({"view": "access", "lang": "en"})
    at.session_state["access_target"] = ("point", 25.7, 115.25)
    at.run()
    check(at)
    legs = [d.value for d in at.dataframe if "From" in d.value.columns][0]
    assert list(legs.columns[:3]) == ["From", "To", "Minutes"]
    assert "local roads" in set(legs["Mode"]) and "connector" not in set(legs["Mode"])
    assert legs["Minutes"].sum() > 0 and (legs["Minutes"].round(1) == legs["Minutes"]).all()


def test_unknown_scenario_baseline_or_project_in_a_link_is_reported(app_data):
    at = run_app({"view": "compare", "scenario": "no-such-set", "baseline": "zzz"})
    assert at.warning and "no\\-such\\-set" in at.warning[0].value and "zzz" in at.warning[0].value
    assert at.selectbox(key="w_scenario").value == "all" and not at.error
    at = run_app({"scenario": "custom", "projects": "fx-rail-prop,bogus-id"})
    assert at.warning and "bogus" in at.warning[0].value
    assert at.multiselect(key="w_custom").value == ["fx-rail-prop"]
    at.run()  # reported once, not on every rerun
    assert not at.warning


def test_rank_without_projects_says_so(app_data):
    at = run_app({"view": "rank", "scenario": "existing", "baseline": "existing"})
    assert at.info and "没有新增项目" in at.info[0].value and not at.error


def test_sketch_view_says_it_ignores_the_year(app_data):
    at = run_app({"view": "sketch", "year": "2020"})
    assert any("2020" in i.value for i in at.info) and not at.error
    assert counts(at)["railways"] == 3  # the chosen scenario (all plan features), not the 2020 network
    assert qp(at, "year") == "2020"  # the link keeps the year for the other views


def test_presenter_ranking_shows_the_chart_not_a_plain_map(app_data):
    at = run_app({"view": "rank", "presenter": "1"})
    assert not at.error
    assert any("项目边际效益排序" in m.value for m in at.markdown)
    assert len(at.dataframe) == 0  # no tables on the slide
    assert "_atlas_map_stats" not in at.session_state  # and no map pretending to be the ranking


def test_visitors_view_maps_cities_and_draws_the_curve(app_data):
    at = run_app({"view": "visitors", "scenario": "2030", "baseline": "existing"})
    assert not at.error, [e.value for e in at.error]
    stats = at.session_state["_atlas_map_stats"]
    title = [k for k in stats["overlays"] if "小时数" in k]
    assert len(title) == 1 and stats["overlays"][title[0]] == 2  # two cities, one circle each
    cities = at.dataframe[0].value
    assert list(cities["城市" if "城市" in cities.columns else "名称"]) == ["近城", "大城<市>"]  # sorted by hours
    hours = cities["小时"].tolist()
    assert hours[0] < hours[1]  # 近城 drives 60 min to 西城; 大城 rides 120 min to 东站
    circuits = [df.value for df in at.dataframe if "最佳顺序" in df.value.columns]
    assert len(circuits) == 1 and len(circuits[0]) == 1
    at.selectbox(key="w_visit_dest").set_value("site:fx-site-national").run()
    check(at)
    assert "modes" not in at.dataframe[0].value.columns and "方式" in at.dataframe[0].value.columns


def test_rank_view_switches_to_the_visitor_measure(app_data):
    at = run_app({"view": "rank", "scenario": "2030", "baseline": "existing", "lang": "en"})
    check(at)
    at.radio(key="w_rank_measure").set_value("visitors").run()
    check(at)
    df = at.dataframe[0].value
    assert {"Add: visitor people-hours saved", "Where the visitor gain comes from"} <= set(df.columns)
    # 大城 arrives at 东站 by its own link, next to the national site: the 2027 HSR cannot help it; 近城 drives to
    # 西城, where the HSR now beats the expressway to 东城: all of the gain is 近城's
    hsr = df[df["Name"] == "West-East HSR"].iloc[0]
    assert hsr["Add: visitor people-hours saved"] > 0
    assert hsr["Where the visitor gain comes from"].startswith("from 近城 100%")


def test_meeting_pack_button_builds_the_report_of_the_current_view(app_data):
    at = run_app({"view": "compare", "scenario": "2030", "baseline": "existing", "lang": "en"})
    assert not at.error
    assert "w_dl_report_compare" in {b.key for b in at.download_button}
    assert at.radio(key="w_report_format").options == ["PowerPoint", "PDF"]
    # what the button's callable returns: the deck of this scenario, baseline and language (the app's titles)
    version = data_version(app_data)
    sc, base = scenario(version, "2030", (), None).scenario, scenario(version, "existing", (), None).scenario
    deck = results.report(version, sc, base, 2.0, lang="en", fmt="pptx", titles=("2030", "Existing"))
    titles = [s.shapes.title.text for s in Presentation(io.BytesIO(deck)).slides]
    assert len(titles) == 7 and titles[3] == "Scenario comparison: Existing → 2030"


def test_rank_view_portfolio_sweep_shows_front_and_build_order(app_data):
    at = run_app({"view": "rank", "scenario": "2030", "baseline": "existing", "lang": "en"})
    at.radio(key="w_rank_measure").set_value("visitors").run()
    check(at)
    assert any("Choose projects" in i.value for i in at.info)           # nothing runs until asked
    at.button(key="w_sweep_go").click().run()
    check(at)
    order = at.dataframe[-1].value
    assert list(order.columns[:2]) == ["step", "project"] and list(order["step"]) == list(range(1, len(order) + 1))
    # the 2030 projects in the fixture: the build order names each once and its benefit never falls
    assert len(set(order["project"])) == len(order) >= 1
    # adding a project never removes a link in this model, so the benefit never falls along the order
    assert (order["added benefit (millions)"] >= 0).all()
    assert "w_dl_sweep" in {b.key for b in at.download_button}
    # the fixture has no cost table: every portfolio but the empty one is of unknown cost, and it says so
    assert any("unknown cost" in c.value for c in at.caption)
