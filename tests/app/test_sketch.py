"""Sketch view: AppTest of the form, the draft (add, reject, undo, save, load, promote) and pure helpers,
on the synthetic app fixture (tests/data/app, copied to tmp by the app_data fixture)."""
from __future__ import annotations

import json

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from ui.session import K_DRAFT, K_PENDING, K_TIMING
from ui.sketching import LINE_CHOICES, parse_coords, sketch_feature

from apptestkit import check as ok, run_app

#: 西站 → 东站 of the fixture (existing stations; only a conventional line joins them in 'existing')
WEST_EAST = {"type": "LineString", "coordinates": [[114.9, 25.85], [115.5, 25.95], [116.0, 25.9]]}


def start(scenario: str = "existing") -> AppTest:
    return run_app({"view": "sketch", "scenario": scenario}, timeout_s=120)


def county_table(at: AppTest) -> pd.DataFrame:
    for df in at.table:
        if "mean_minutes_saved" in df.value.columns:
            return df.value
    raise AssertionError("no county table")


def errors(at: AppTest) -> list[str]:
    """Error messages as the user reads them (the app markdown-escapes user text)."""
    return [e.value.replace("\\", "") for e in at.error]


def steps(at: AppTest) -> int:
    return len(at.session_state[K_DRAFT].steps)


def add_line(at: AppTest, geometry=WEST_EAST, kind: str = "hsr", **numbers) -> AppTest:
    at.session_state[K_PENDING] = geometry
    at.run()
    at.selectbox(key="w_sk_kind").set_value(kind).run()
    for key, v in numbers.items():
        at.number_input(key=key).set_value(v)
    at.button(key="w_sk_add").click().run()
    return ok(at)


def test_sketch_view_renders_with_draw_tool_and_base_tables(app_data):
    at = start()
    assert at.subheader[0].value.startswith("草图方案")
    assert steps(at) == 0
    base = county_table(at)
    assert (base["mean_minutes_saved"].fillna(0) == 0).all()  # no sketch: no difference
    assert not at.error
    # the add button waits for a drawing
    assert at.button(key="w_sk_add").disabled


def test_sketched_hsr_changes_the_tables_and_undo_restores_them(app_data):
    at = start()
    before = county_table(at).copy()
    add_line(at)
    assert steps(at) == 1 and not at.error
    after = county_table(at)
    assert after["mean_minutes_saved"].max() > 0
    assert not after.equals(before)
    assert set(at.session_state[K_TIMING]) == {"tables", "bands", "rank_row", "total"}  # speed: benchmarks/
    notes = [df.value for df in at.dataframe if "说明" in df.value.columns][0]
    assert notes["说明"].str.contains("西站").any()  # snapped to the existing station
    ranking = [df.value for df in at.dataframe if "rank" in df.value.columns][0]
    assert "草案" in set(ranking["name"])
    assert K_PENDING not in at.session_state
    at.button(key="w_sk_undo").click().run()
    ok(at)
    assert steps(at) == 0
    pd.testing.assert_frame_equal(county_table(at), before)


@pytest.mark.parametrize("numbers,message", [
    ({"w_sk_speed_hsr": 10000}, "design_speed_kmh 10000 is not plausible"),
    ({"w_sk_speed_hsr": 0}, "design_speed_kmh 0 is not plausible"),
])
def test_bad_speed_is_rejected_with_a_message_and_nothing_changes(app_data, numbers, message):
    at = start()
    add_line(at, **numbers)
    assert steps(at) == 0
    assert any(message in e for e in errors(at))
    assert at.session_state[K_PENDING] == WEST_EAST  # the drawing is kept so the user can fix the form


def test_line_outside_ganzhou_and_one_point_line_are_rejected(app_data):
    at = start()
    add_line(at, {"type": "LineString", "coordinates": [[120.0, 30.0], [121.0, 30.5]]}, kind="expressway")
    assert steps(at) == 0 and any("entirely outside Ganzhou" in e for e in errors(at))
    add_line(at, {"type": "LineString", "coordinates": [[115.0, 25.9], [115.0, 25.9]]}, kind="trunk_road")
    assert steps(at) == 0 and any("two distinct points" in e for e in errors(at))


def test_coordinates_input_and_point_kinds(app_data):
    at = start()
    at.text_input(key="w_sk_coords").set_value("115.6,25.9")
    at.button(key="w_sk_use_coords").click().run()
    ok(at)
    assert at.session_state[K_PENDING] == {"type": "Point", "coordinates": [115.6, 25.9]}
    assert at.selectbox(key="w_sk_kind").options == ["火车站", "互通/节点", "机场", "红色纪念地"]
    at.selectbox(key="w_sk_kind").set_value("heritage_site").run()
    at.text_input(key="w_sk_name").set_value("<script>x</script>新馆")
    at.selectbox(key="w_sk_level").set_value("national")
    at.button(key="w_sk_add").click().run()
    ok(at)
    assert steps(at) == 1
    step = at.session_state[K_DRAFT].steps[0]
    assert step["properties"] == {"kind": "heritage_site", "name_zh": "<script>x</script>新馆", "level": "national"}
    at.text_input(key="w_sk_coords").set_value("115.6; oops")
    at.button(key="w_sk_use_coords").click().run()
    ok(at)
    assert any("is not 'lon,lat'" in e for e in errors(at))


def test_save_load_and_promote_a_draft(app_data):
    at = start()
    add_line(at)
    at.text_input(key="w_sk_draft_name").set_value("西东高铁草案")
    at.text_input(key="w_sk_user").set_value("王工")
    at.button(key="w_sk_save").click().run()
    ok(at)
    files = list((app_data / "drafts").glob("*.geojson"))
    assert len(files) == 1
    doc = json.loads(files[0].read_text(encoding="utf-8"))
    assert doc["name"] == "西东高铁草案" and doc["user"] == "王工" and len(doc["features"]) == 1
    at.button(key="w_sk_clear").click().run()
    assert steps(at) == 0
    at.button(key="w_sk_load_btn").click().run()
    ok(at)
    assert steps(at) == 1 and at.session_state[K_DRAFT].name == "西东高铁草案"
    rails = (app_data / "layers" / "railways.geojson").read_text(encoding="utf-8")
    at.checkbox(key="w_sk_confirm_promote").check().run()
    at.button(key="w_sk_promote").click().run()
    ok(at)
    assert not at.error
    new = (app_data / "layers" / "railways.geojson").read_text(encoding="utf-8")
    assert new != rails and "sketch by 王工" in new and '"proposed"' in new
    assert steps(at) == 0


def test_pure_helpers():
    assert parse_coords("114.9,25.85; 116.0，25.9") == {"type": "LineString",
                                                        "coordinates": [[114.9, 25.85], [116.0, 25.9]]}
    with pytest.raises(ValueError):
        parse_coords("")
    with pytest.raises(ValueError):
        parse_coords("1,2,3")
    f = sketch_feature(WEST_EAST, "conventional", {"design_speed_kmh": 160, "name_zh": None})
    assert f["properties"] == {"kind": "railway", "rail_class": "conventional", "design_speed_kmh": 160}
    assert set(LINE_CHOICES) == {"hsr", "intercity", "conventional", "expressway", "trunk_road"}


def test_sketched_names_are_escaped_on_the_map(app_data):
    from network.proposals import build_proposal
    from ui.sketching import proposal_map_features
    xss = "<img src=x onerror=alert(1)>"
    sk = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"kind": "heritage_site", "name_zh": xss},
         "geometry": {"type": "Point", "coordinates": [115.6, 25.9]}},
        sketch_feature(WEST_EAST, "expressway", {"name_zh": xss})]}
    feats = proposal_map_features(build_proposal(sk, data_dir=app_data), "zh")
    assert feats and all("<img" not in (f["properties"]["_popup"] + f["properties"]["_tip"]) for f in feats)
    assert any("&lt;img" in f["properties"]["_popup"] for f in feats)


def test_messages_quoting_user_names_are_not_markdown(app_data):
    at = start()
    at.session_state[K_PENDING] = WEST_EAST
    at.run()
    at.text_input(key="w_sk_name").set_value("[点我](http://example.com) ![x](http://example.com/x.png)")
    at.number_input(key="w_sk_speed_hsr").set_value(10000)
    at.button(key="w_sk_add").click().run()
    ok(at)
    raw = [e.value for e in at.error]
    assert raw and all("](http" not in v for v in raw)  # link/image syntax is escaped
    assert any("[点我](http://example.com)" in e for e in errors(at))


def test_step_labels():
    from ui.sketching import step_label
    assert step_label({"kind": "railway", "rail_class": "conventional"}, "zh") == "普速铁路"
    assert step_label({"kind": "hsr"}, "en") == "High-speed railway"
    assert step_label({"kind": "heritage_site"}, "zh") == "红色纪念地"
    assert step_label({"kind": "zeppelin"}, "zh") == "zeppelin"
