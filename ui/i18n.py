"""Every user-facing label in both languages (中文 / English); ``t(key, lang)`` looks one up."""
from __future__ import annotations

import re
from difflib import get_close_matches

from geo.labels import (CONFIDENCE_LABELS, LEVEL_LABELS, RAIL_CLASS_LABELS, SCENARIO_LABELS,  # noqa: F401
                        STATUS_LABELS, label)
from geo.schema import LAYERS

LANGS: tuple[str, ...] = ("zh", "en")
DEFAULT_LANG = "zh"

#: key -> (中文, English)
STRINGS: dict[str, tuple[str, str]] = {
    "app_title": ("赣南苏区交通规划一张图", "Gannan Planning Atlas"),
    "app_subtitle": ("赣州综合交通规划与红色文化纪念地可达性", "Ganzhou transport plans and access to red-heritage sites"),
    "language": ("语言 / Language", "Language / 语言"),
    "presenter": ("演示模式", "Presenter mode"),
    "exit_presenter": ("退出演示模式", "Exit presenter mode"),
    "view": ("视图", "View"),
    "view_map": ("图层浏览", "Layers"),
    "view_access": ("可达性", "Accessibility"),
    "view_compare": ("情景比较", "Compare scenarios"),
    "view_rank": ("项目排序", "Project ranking"),
    "view_visitors": ("客源市场", "Visitor markets"),
    "view_sketch": ("草图方案", "Sketch a proposal"),
    "layers": ("图层", "Layers"),
    "status_filter": ("建设状态", "Status"),
    "basemap": ("底图", "Base map"),
    "basemap_offline": ("离线底图（县界、河流、乡镇）", "Offline base (counties, rivers, towns)"),
    "basemap_osm": ("OpenStreetMap（需联网）", "OpenStreetMap (online)"),
    "basemap_tianditu": ("天地图（需联网和密钥）", "Tianditu 天地图 (online, needs a key)"),
    "tianditu_no_key": ("未配置天地图密钥：设置环境变量 ATLAS_TIANDITU_KEY 或 .streamlit/secrets.toml 的 tianditu_key",
                        "no Tianditu key: set ATLAS_TIANDITU_KEY or tianditu_key in .streamlit/secrets.toml"),
    "year_filter": ("按年份显示路网", "Show the network as of a year"),
    "year": ("年份", "Year"),
    "as_of": ("{year}年路网", "network as of {year}"),
    "scenario": ("情景", "Scenario"),
    "custom_projects": ("自定义：选择项目", "Custom: choose projects"),
    "compare_with": ("比较：基准情景", "Compare against (baseline)"),
    "saved_views": ("保存的视图", "Saved views"),
    "save_view": ("保存当前视图", "Save current view"),
    "view_name": ("视图名称", "View name"),
    "save": ("保存", "Save"),
    "saved": ("已保存视图", "Saved view"),
    "go": ("前往", "Go"),
    "centre_hint": ("保存地图当前的中心 {lat:.3f}, {lon:.3f}、缩放 {zoom}，以及图层和情景。",
                    "Saves the map's current centre {lat:.3f}, {lon:.3f}, zoom {zoom}, layers and scenario."),
    "zoom": ("缩放级别", "Zoom"),
    "downloads": ("下载", "Downloads"),
    "download_csv": ("下载 CSV", "Download CSV"),
    "download_geojson": ("下载 GeoJSON", "Download GeoJSON"),
    "download_html": ("下载离线地图（HTML）", "Download offline map (HTML)"),
    "report_title": ("会议材料（当前情景、基准与语言）", "Meeting pack (this scenario, baseline and language)"),
    "report_format": ("格式", "Format"),
    "report_download": ("下载会议材料（{fmt}）", "Download the meeting pack ({fmt})"),
    "report_help": ("七页：标题、规划图、可达性、情景比较与县区表、项目排序、客源市场与线路、来源与局限。生成约需十秒。",
                    "Seven slides: title, the plan, access, the comparison with the county table, the ranking, "
                    "visitor markets and circuits, sources and limits. Takes about ten seconds."),
    "legend": ("图例", "Legend"),
    "legend_fold": ("收起/展开图例", "Fold / unfold the legend"),
    "legend_status": ("状态", "Status"),
    "no_layers": ("未找到图层数据。", "No layer data found."),
    "layer_errors": ("部分图层无法读取：", "Some layers could not be read:"),
    "engine_missing": ("路网分析引擎尚不可用：", "The network engine is not available yet:"),
    "features_shown": ("显示要素数", "Features shown"),
    "name": ("名称", "Name"),
    "status": ("状态", "Status"),
    "opened": ("开通", "Opened"),
    "planned_open": ("计划开通", "Planned opening"),
    "speed": ("速度", "Speed"),
    "plan_period": ("规划期", "Plan period"),
    "plan_ref": ("规划依据", "Plan reference"),
    "source": ("来源", "Source"),
    "confidence": ("可信度", "Confidence"),
    "accuracy": ("位置精度", "Positional accuracy"),
    "notes": ("备注", "Notes"),
    "level": ("级别", "Level"),
    "route_code": ("编号", "Route code"),
    "air_route": ("航线", "Air route"),
    "air_routes": ("航线", "Air routes"),
    "from_airport": ("始发机场", "From airport"),
    "to_place": ("到达城市", "To"),
    "block_minutes": ("航段时间", "Block time"),
    "daily_flights": ("每日航班", "Daily flights"),
    "per_day": ("班/日", "a day"),
    "rail_class": ("铁路类型", "Rail type"),
    "population": ("人口", "Population"),
    "county": ("县区", "County"),
    "schematic": ("示意", "schematic"),
    "access_title": ("到最近红色文化纪念地的出行时间", "Travel time to the nearest red-heritage site"),
    "access_help": ("点击纪念地查看等时圈；点击地图其他位置查看到最近纪念地的最快路线。",
                    "Click a heritage site for isochrones; click anywhere else for the fastest route to the nearest site."),
    "band": ("时间段", "Band"),
    "clear_selection": ("清除等时圈/路线", "Clear isochrones / route"),
    "access_legend": ("到最近纪念地（分钟）", "Minutes to the nearest site"),
    "grid": ("分析网格", "Analysis grid"),
    "grid_help": ("起点网格的边长：2 km 为默认，1 km 更细但更慢，5 km 最快。",
                  "Side of the origin grid cells: 2 km by default, 1 km finer but slower, 5 km fastest."),
    "cells": ("网格数", "Grid cells"),
    "pop_share": ("人口占比", "Population share"),
    "minutes": ("分钟", "minutes"),
    "min": ("分", "min"),
    "isochrones_for": ("等时圈", "Isochrones"),
    "route_to": ("最快路线", "Fastest route"),
    "leg": ("路段", "Leg"),
    "mode": ("方式", "Mode"),
    "from": ("起点", "From"),
    "to": ("终点", "To"),
    "total": ("合计", "Total"),
    "no_route": ("无法到达任何纪念地。", "No heritage site is reachable."),
    "diff_title": ("情景差异（节省的分钟数）", "Difference between scenarios (minutes saved)"),
    "county_table": ("县区：比较前后", "Counties before / after"),
    "gateway_table": ("门户城市 → 纪念地", "Gateway city → site"),
    "rank_title": ("项目边际效益排序", "Projects ranked by marginal benefit"),
    "rank_add": ("加入现状网络的效益", "Benefit when added to the existing network"),
    "rank_remove": ("从完整规划中移除的损失", "Loss when removed from the full plan"),
    "before": ("比较前", "Before"),
    "after": ("比较后", "After"),
    "gain": ("节省", "Saved"),
    "computing": ("计算中…", "Computing…"),
    "sketch_no_year": ("草图按所选情景本身计算，地图与结果不按{year}年路网筛选。",
                       "A sketch is evaluated on the chosen scenario itself: the map and results here ignore the "
                       "year ({year})."),
    "no_projects": ("两个情景之间没有新增项目：请选择不同的基准情景或情景。",
                    "No project is in the scenario but not in the baseline: choose a different scenario or baseline."),
    "bad_views": ("保存的视图文件有问题，已忽略：", "The saved-views file has problems and was ignored:"),
    "view_exists": ("已覆盖同名视图。", "Replaced the view of the same name."),
    "empty_name": ("请填写视图名称。", "Please enter a view name."),
    "title_on_map": ("赣州综合交通规划一张图", "Ganzhou transport plan at a glance"),
    "data_note": ("数据：见各要素来源；规划项目以规划文件为准。", "Data: see each feature's source; plans as published."),
    "bad_params": ("链接中以下参数无效，已忽略：", "Ignored link parameters:"),
    "assets_missing": ("地图脚本文件缺失（请运行 scripts/fetch_assets.sh，首次需要 npm）：",
                       "Map files missing (run scripts/fetch_assets.sh; needs npm once):"),
    "year_undated": ("地图与可达性分析都按该年份的路网：现状要素按开通年份；在建/规划按计划开通年份，"
                     "无则按规划期（十四五→2025、十五五→2030、中长期→2035），在建仍无则按2030；"
                     "无年份的规划及拟建/研究项目不计入。",
                     "The map and the accessibility analysis both use the network of that year: existing "
                     "features by opening date; under construction / planned by planned opening, else plan "
                     "period (14th FYP → 2025, 15th → 2030, long term → 2035), else 2030 if under "
                     "construction; undated plans, proposals and studies are left out."),
    # visitors view
    "vis_title": ("客源市场到红色文化纪念地的出行时间", "Visitors' travel time from the big markets to the red sites"),
    "vis_destination": ("目的地", "Destination"),
    "vis_cluster": ("{name}的纪念地", "{name} sites"),
    "vis_map_title": ("到{dest}的小时数（圆圈大小＝人口）", "Hours to {dest} (circle size = population)"),
    "vis_curve": ("到{dest}：T小时内可达的人口（百万）", "People within T hours of {dest} (millions)"),
    "vis_curve_x": ("小时（门到门，按时刻表出行）", "hours (door to door, travelling to the timetable)"),
    "vis_curve_y": ("人口（百万）", "people (millions)"),
    "vis_cities": ("各客源城市", "Origin cities"),
    "vis_sites": ("各纪念地：日可达人口、人口加权平均小时、潜力", "Sites: people within T hours, mean hours, potential"),
    "vis_circuits": ("红色旅游线路", "Red-tourism circuits"),
    "vis_hours": ("小时", "hours"),
    "vis_cities_count": ("城市", "cities"),
    "vis_wan": ("万人", "×10k people"),
    "sweep_title": ("项目组合与建设时序", "Portfolios and build order"),
    "sweep_help": ("对所选项目的每一种组合计算效益（所选指标）与投资（亿元，有公开数据者），给出效益—投资帕累托前沿与推荐建设时序"
                   "（各步累计效益之和最大）。更多项目或更细网格请用命令行 `atlas sweep`（Dask 并行），并在此上传其结果。",
                   "Every combination of the chosen projects is evaluated on the chosen measure, with its investment (亿元, "
                   "where published): the benefit–cost Pareto front and the recommended build order (the largest "
                   "benefit summed over the build steps). For more projects or a finer grid run `atlas sweep` "
                   "(parallel on Dask) and upload its file here."),
    "sweep_projects": ("参与组合的项目（最多 8 个）", "Projects in the sweep (at most 8)"),
    "sweep_run": ("计算全部组合", "Evaluate every combination"),
    "sweep_upload": ("或上传 atlas sweep 结果（.parquet）", "or upload an atlas sweep file (.parquet)"),
    "sweep_running": ("正在计算 {n} 个组合…", "Evaluating {n} portfolios…"),
    "sweep_none": ("请选择项目并点击计算，或上传结果文件。", "Choose projects and press evaluate, or upload a sweep file."),
    "sweep_front": ("效益—投资帕累托前沿", "Benefit vs cost: the Pareto front"),
    "sweep_cost_axis": ("投资（亿元）", "investment (亿元)"),
    "sweep_front_label": ("帕累托前沿", "Pareto front"),
    "sweep_other_label": ("其他组合", "other portfolios"),
    "sweep_unknown_costs": ("{n} 个组合含投资未知的项目，不在图中：{ids}",
                            "{n} portfolios include a project of unknown cost and are not plotted: {ids}"),
    "sweep_axis_residents": ("居民节省人·分钟（百万）", "resident people-minutes saved (millions)"),
    "sweep_axis_visitors": ("游客节省人·小时（百万）", "visitor people-hours saved (millions)"),
    "sweep_order": ("推荐建设时序", "Recommended build order"),
    "sweep_project": ("项目", "project"),
    "sweep_step": ("步骤", "step"),
    "sweep_added": ("新增效益（百万）", "added benefit (millions)"),
    "sweep_benefit": ("累计效益（百万）", "benefit so far (millions)"),
    "sweep_cost": ("累计投资（亿元）", "investment so far (亿元)"),
    "sweep_bad_file": ("无法读取该文件：{err}", "Cannot read this file: {err}"),
    "sweep_custom": ("自定义情景不能在此做组合计算；请选择规划情景。", "Portfolios need a named scenario, not a custom one."),
    "rank_measure": ("排序指标", "Ranking measure"),
    "rank_measure_residents": ("居民（到最近纪念地）", "Residents (nearest site)"),
    "rank_measure_visitors": ("游客（客源市场到全国级纪念地）", "Visitors (markets to national sites)"),
    "rank_axis_visitors": ("游客节省的人·小时（每次到访一个全国级纪念地，百万）",
                           "visitor people-hours saved per trip to a national site (millions)"),
    "visitor_table": ("游客：各全国级纪念地（前后）", "Visitors: national sites before / after"),
    # analysis tables and maps
    "unreachable": ("无法到达", "unreachable"),
    "legend_minutes": ("分钟", "minutes"),
    "legend_cells": ("网格", "cells"),
    "legend_pop_share": ("人口占比", "pop. share"),
    "gain_none": ("<1 分钟", "< 1 min"),
    "gain_slower": ("变慢", "slower"),
    "gain_new": ("新可达", "newly reachable"),
    "legend_waterways": ("航道", "Waterways"),
    "legend_trunk": ("国省干线", "Trunk roads"),
    "legend_urban_expressway": ("城市快速路", "Urban expressways"),
    "road_class": ("公路等级", "Road class"),
    "plan_system": ("规划系统", "Plan system"),
    "item_kind": ("事项类型", "Kind of item"),
    "approved": ("批复/列入", "Approved / listed"),
    "related_ids": ("相关要素", "Related features"),
    "routing": ("路径计算", "Routing"),
    "not_routed": ("不参与路径计算（仅展示与清单）", "not routed (drawn and listed only)"),
    "plan_table": ("规划清单：逐项核对规划", "Plan items: check the plan item by item"),
    "plan_table_help": ("每一行是一个规划事项（各交通图层中赣州范围内的要素及“规划事项”图层），含状态、日期、来源；"
                        "“参与路径计算”说明可达性分析是否使用它。",
                        "One row per plan item (the local features of the transport layers and of the plan-items "
                        "layer) with status, dates and source; 'routed' says whether the analysis uses it."),
    "plan_filter_system": ("规划系统", "System"),
    "plan_filter_status": ("状态", "Status"),
    "plan_filter_period": ("规划期", "Plan period"),
    "plan_period_none": ("（未注明）", "(none given)"),
    "plan_rows": ("{n} 项（共 {total} 项）", "{n} items (of {total})"),
    "download_plan_csv": ("下载规划清单 CSV", "Download the plan items (CSV)"),
    "legend_ports": ("港口", "Ports"),
    "rank_axis": ("人均节省分钟（到最近全国级纪念地）", "minutes saved per resident (to the nearest national site)"),
    "lang_zh": ("中文", "中文"),
    "lang_en": ("English", "English"),
    "draft_default_name": ("草案", "draft"),
    "share_within": ("{t}分钟内人口占比", "Share within {t} min"),
    "share_within_base": ("{t}分钟内人口占比（前）", "Share within {t} min (before)"),
    "share_within_with": ("{t}分钟内人口占比（后）", "Share within {t} min (after)"),
    "sites_within": ("{t}分钟内纪念地数", "Sites within {t} min"),
    "add_newly_within": ("加入：新进入{t}分钟人口", "Add: people newly within {t} min"),
    "remove_within": ("移除：退出{t}分钟人口", "Remove: people no longer within {t} min"),
    "pop_within_h": ("{t}小时内人口", "People within {t} h"),
    "add_visitor_within_h": ("加入：游客新进入{t}小时人口", "Add: visitors newly within {t} h"),
    "remove_visitor_within_h": ("移除：游客退出{t}小时人口", "Remove: visitors no longer within {t} h"),
    # sketch page
    "sk_title": ("草图方案：画出新线路或新站点，立即查看效果", "Sketch a proposal and see what it does"),
    "sk_help": ("在地图上用右上角的绘图工具画一条线（铁路、高速、干线公路）或放一个点（车站、互通、机场、纪念地），"
             "再在右侧填写属性并加入草案。也可以直接输入坐标。",
             "Draw a line (railway, expressway, trunk road) or place a point (station, interchange, airport, "
             "heritage site) with the drawing tools at the top right of the map, then describe it on the right "
             "and add it to the draft. You can also type coordinates."),
    "sk_hsr": ("高速铁路", "High-speed railway"), "sk_intercity": ("城际铁路", "Intercity railway"),
    "sk_conventional": ("普速铁路", "Conventional railway"), "sk_expressway": ("高速公路", "Expressway"),
    "sk_trunk_road": ("国省干线", "Trunk road"), "sk_station": ("火车站", "Station"),
    "sk_interchange": ("互通/节点", "Interchange"), "sk_airport": ("机场", "Airport"),
    "sk_heritage_site": ("红色纪念地", "Heritage site"),
    "sk_kind": ("类型", "Kind"), "sk_name": ("名称", "Name"), "sk_speed": ("设计速度 (km/h)", "Design speed (km/h)"),
    "sk_tracks": ("股道数", "Tracks"), "sk_lanes": ("车道数", "Lanes"), "sk_road_class": ("公路等级", "Road class"),
    "sk_level": ("级别", "Level"), "sk_to_place": ("航线目的地（门户城市）", "Route to (gateway city)"),
    "sk_block": ("航班时间（分钟）", "Block time (minutes)"),
    "sk_add": ("加入草案", "Add to draft"), "sk_undo": ("撤销上一步", "Undo last step"),
    "sk_clear": ("清空草案", "Clear draft"), "sk_pending_none": ("先在地图上画一条线或放一个点。",
                                                      "Draw a line or place a point on the map first."),
    "sk_pending_line": ("已画线：{n} 个点", "Line drawn: {n} points"), "sk_pending_point": ("已放点", "Point placed"),
    "sk_coords": ("或输入坐标（经度,纬度; 经度,纬度 …）", "Or type coordinates (lon,lat; lon,lat …)"),
    "sk_use_coords": ("使用这些坐标", "Use these coordinates"),
    "sk_draft": ("草案", "Draft"), "sk_steps": ("步骤", "Steps"), "sk_user": ("作者", "Author"),
    "sk_draft_name": ("草案名称", "Draft name"), "sk_save": ("保存草案", "Save draft"), "sk_load": ("载入草案", "Load draft"),
    "sk_saved": ("草案已保存", "Draft saved"), "sk_loaded": ("草案已载入", "Draft loaded"),
    "sk_export_sketch": ("导出草图 GeoJSON", "Export sketch GeoJSON"),
    "sk_export_layers": ("导出图层要素 GeoJSON", "Export layer features GeoJSON"),
    "sk_promote": ("写入图层（正式数据）", "Promote into the layers"),
    "sk_confirm": ("确认写入 data/layers（保留历史版本，可恢复）", "Yes, write to data/layers (history kept, restorable)"),
    "sk_promoted": ("已写入图层", "Promoted into layers"),
    "sk_empty": ("草案为空：画一条线或放一个点。", "The draft is empty: sketch a line or a point."),
    "sk_show": ("地图显示", "Map shows"), "sk_show_minutes": ("到最近纪念地的分钟数", "minutes to the nearest site"),
    "sk_show_diff": ("与基准情景相比节省的分钟", "minutes saved against the base scenario"),
    "sk_results": ("效果", "Effect"), "sk_county": ("各县（到最近全国级纪念地，人口加权）",
                                             "Counties (to the nearest national site, population-weighted)"),
    "sk_gateways": ("门户城市 → 全国级纪念地（变化的行）", "Gateways → national sites (rows that changed)"),
    "sk_ranking": ("项目排序（草案所在位置）", "Project ranking (with the draft)"),
    "sk_timing": ("草图更新耗时（服务器端）：{ms:.0f} 毫秒", "Update after the sketch (server side): {ms:.0f} ms"),
    "sk_base": ("基准情景", "Base scenario"), "sk_notes": ("说明", "Notes"),
    "sk_none_changed": ("没有变化。", "Nothing changed."),
    "sk_sketch_layer": ("草案要素", "Draft features"), "sk_assets": ("绘图工具文件缺失：", "Drawing tool files missing: "),
}

#: engine table columns -> (中文, English) headers, for display only (CSV downloads keep the raw names)
COLUMN_LABELS: dict[str, tuple[str, str]] = {
    "system": ("规划系统", "System"), "routed": ("参与路径计算", "Routed"), "approved": ("批复/列入", "Approved / listed"),
    "plan_period": ("规划期", "Plan period"), "planned_open": ("计划开通", "Planned opening"), "opened": ("开通", "Opened"),
    "plan_ref": ("规划依据", "Plan reference"), "source": ("来源", "Source"), "confidence": ("可信度", "Confidence"),
    "notes": ("备注", "Notes"), "name_zh": ("名称", "Name (zh)"), "name_en": ("英文名称", "Name (en)"), "id": ("编号", "Id"),
    "county": ("县区编号", "County id"), "county_name": ("县区", "County"), "population": ("人口", "Population"),
    "mean_minutes_base": ("平均分钟（前）", "Mean minutes (before)"),
    "mean_minutes_with": ("平均分钟（后）", "Mean minutes (after)"),
    "mean_minutes_saved": ("平均节省分钟", "Mean minutes saved"),
    "gateway": ("门户城市", "Gateway city"), "site": ("纪念地", "Site"), "site_id": ("纪念地编号", "Site id"),
    "gateway_id": ("门户编号", "Gateway id"),
    "minutes_base": ("分钟（前）", "Minutes (before)"), "minutes_with": ("分钟（后）", "Minutes (after)"),
    "minutes_saved": ("节省分钟", "Minutes saved"),
    "project_id": ("项目编号", "Project id"), "name": ("名称", "Name"), "layer": ("图层", "Layer"),
    "status": ("状态", "Status"), "feature_ids": ("包含要素", "Features"),
    "add_pop_minutes": ("加入：人口×分钟", "Add: person-minutes saved"),
    "add_mean_minutes": ("加入：人均分钟", "Add: minutes per resident"),
    "remove_pop_minutes": ("移除：人口×分钟", "Remove: person-minutes lost"),
    "remove_mean_minutes": ("移除：人均分钟", "Remove: minutes per resident"),
    "add_pop_newly_reachable": ("加入：新可达人口", "Add: people newly reachable"),
    "remove_pop_reachable": ("移除：不再可达人口", "Remove: people no longer reachable"),
    "nearest_site_id": ("最近纪念地编号", "Nearest site id"), "nearest_site_name": ("最近纪念地", "Nearest site"),
    "nearest_site_minutes": ("到最近纪念地分钟", "Minutes to the nearest site"),
    "minutes": ("分钟", "Minutes"), "area_km2": ("面积 km²", "Area km²"), "cells": ("网格数", "Cells"),
    "kind": ("类型", "Kind"), "mode": ("方式", "Mode"), "line": ("线路", "Line"),
    "from_name": ("起点", "From"), "to_name": ("终点", "To"),
    "mean_hours": ("人口加权平均小时", "Mean hours (population-weighted)"),
    "reached_population": ("可达人口", "People reached"), "potential": ("潜力（人口/分钟）", "Potential (people / min)"),
    "hours": ("小时", "Hours"), "modes": ("方式", "Modes"), "entry_hub": ("进入路网处", "Enters the network at"),
    "group": ("市场", "Market"), "province": ("省份", "Province"), "sites": ("纪念地数", "Sites"),
    "best_minutes": ("最佳顺序分钟", "Best order, minutes"), "best_order": ("最佳顺序", "Best order"),
    "source_or_reason": ("来源或理由", "Source or reason"), "city": ("城市", "City"),
    "add_visitor_pop_hours": ("加入：游客节省人·小时", "Add: visitor people-hours saved"),
    "remove_visitor_pop_hours": ("移除：游客损失人·小时", "Remove: visitor people-hours lost"),
    "visitor_why": ("游客效益来自", "Where the visitor gain comes from"),
}
#: columns named after a threshold (``share_within_60_base``): pattern -> STRINGS key with a {t} field
_THRESHOLD_COLUMNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^share_within_(\d+(?:\.\d+)?)_base$"), "share_within_base"),
    (re.compile(r"^share_within_(\d+(?:\.\d+)?)_with$"), "share_within_with"),
    (re.compile(r"^share_within_(\d+(?:\.\d+)?)$"), "share_within"),
    (re.compile(r"^sites_within_(\d+(?:\.\d+)?)$"), "sites_within"),
    (re.compile(r"^add_pop_newly_within_(\d+(?:\.\d+)?)$"), "add_newly_within"),
    (re.compile(r"^remove_pop_within_(\d+(?:\.\d+)?)$"), "remove_within"),
    (re.compile(r"^pop_within_(\d+(?:\.\d+)?)h$"), "pop_within_h"),
    (re.compile(r"^add_visitor_pop_newly_within_(\d+(?:\.\d+)?)h$"), "add_visitor_within_h"),
    (re.compile(r"^remove_visitor_pop_within_(\d+(?:\.\d+)?)h$"), "remove_visitor_within_h"),
)


#: suffixes of a comparison's columns (``mean_hours_base`` …) -> (中文, English) added to the stem's label
_SIDE_SUFFIXES = {"_base": ("（前）", " (before)"), "_with": ("（后）", " (after)"), "_change": ("（变化）", " (change)")}


def _column_label(column: str, lang: str) -> str | None:
    if column in COLUMN_LABELS:
        return _pick(COLUMN_LABELS[column], lang)
    for pattern, key in _THRESHOLD_COLUMNS:
        m = pattern.match(column)
        if m:
            return t(key, lang, t=m.group(1))
    return None


def column_labels(columns, lang: str) -> dict[str, str]:
    """Return {column: header in lang} for the columns that have a label (threshold and before/after/change
    columns included)."""
    out = {}
    for c in map(str, columns):
        label_ = _column_label(c, lang)
        if label_ is None:
            for suffix, pair in _SIDE_SUFFIXES.items():
                stem = _column_label(c.removesuffix(suffix), lang) if c.endswith(suffix) else None
                if stem is not None:
                    label_ = stem + _pick(pair, lang)
                    break
        if label_ is not None:
            out[c] = label_
    return out


#: route legs: engine edge modes and kinds (network.routing Leg.mode / Leg.kind)
MODE_LABELS: dict[str, tuple[str, str]] = {
    "hsr": ("高速铁路", "high-speed rail"), "conventional_rail": ("普速铁路", "conventional rail"),
    "intercity": ("城际铁路", "intercity rail"), "expressway": ("高速公路", "expressway"),
    "trunk_road": ("国省干线", "trunk road"), "air": ("航空", "air"), "waterway": ("水运", "waterway"),
    "local": ("本地道路", "local roads"), "connector": ("本地道路", "local roads"),
    "access": ("进站/值机", "check-in"), "egress": ("出站", "exit"), "transfer": ("换乘", "change"),
    "wait": ("候车", "wait"),
}
LEG_KIND_LABELS: dict[str, tuple[str, str]] = {
    "ride": ("乘坐", "ride"), "dwell": ("停站", "stop"), "access": ("进站", "board"), "egress": ("出站", "alight"),
    "transfer": ("换乘", "change"), "wait": ("等候", "wait"), "connector": ("接驳", "local trip"),
}

PLAN_SYSTEM_LABELS: dict[str, tuple[str, str]] = {
    "rail": ("铁路", "Rail"), "freight_rail": ("普速货运铁路与煤运通道", "Freight rail and coal corridors"),
    "urban_rail": ("城市轨道交通与市域铁路", "Urban and suburban rail"), "expressway": ("高速公路", "Expressways"),
    "trunk_road": ("国省道干线", "Trunk roads"), "urban_road": ("城市快速路", "Urban expressways"), "air": ("航空", "Air"),
    "water": ("水运", "Waterways"), "logistics": ("物流枢纽与多式联运", "Logistics hubs and intermodal"),
    "port_of_entry": ("口岸", "Ports of entry"),
}
PLAN_KIND_LABELS: dict[str, tuple[str, str]] = {
    "port_of_entry": ("口岸", "port of entry"), "logistics_hub": ("国家物流枢纽", "national logistics hub"),
    "rail_freight_hub": ("中欧班列集结中心", "China–Europe rail freight hub"), "bonded_zone": ("综合保税区", "bonded zone"),
    "intermodal_route": ("多式联运线路", "intermodal service"), "network_plan": ("线网规划", "network plan"),
    "construction_plan": ("建设规划", "construction plan"), "freight_corridor": ("货运通道", "freight corridor"),
    "freight_line": ("普速货运线路", "conventional freight line"), "road_upgrade": ("国省道改造", "trunk-road upgrade"),
}
ROAD_CLASS_LABELS: dict[str, tuple[str, str]] = {
    "national": ("国道", "national road"), "provincial": ("省道/县道", "provincial road"),
    "first_class": ("一级公路", "first-class highway"), "urban_expressway": ("城市快速路", "urban expressway"),
}
ROUTED_LABELS: dict[str, tuple[str, str]] = {
    "yes": ("是", "yes"), "freight": ("仅货运", "freight only"), "no": ("否（仅展示）", "no (drawn only)"),
}

#: Map groups shown as toggles, in drawing order (bottom to top).
GROUP_LABELS: dict[str, tuple[str, str]] = {
    "counties": ("县区界", "Counties"),
    "waterways": ("航道与港口", "Waterways & ports"),
    "trunk_roads": ("国省干线", "Trunk roads"),
    "expressways": ("高速公路", "Expressways"),
    "railways": ("铁路", "Railways"),
    "stations": ("铁路车站", "Stations"),
    "airports": ("机场", "Airports"),
    "plan_items": ("规划事项（口岸、物流、轨道、快速路网等）", "Plan items (ports of entry, logistics, urban rail …)"),
    "heritage_sites": ("红色文化纪念地", "Heritage sites"),
}


def layer_title(layer: str, lang: str) -> str:
    """Return a layer's title (geo.schema) in ``lang``; the name itself if unknown."""
    schema = LAYERS.get(layer)
    if schema is None:
        return str(layer)
    return schema.title_zh if lang == "zh" else schema.title_en


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[0] if lang == "zh" else pair[1]


def t(key: str, lang: str, **fields: object) -> str:
    """Return the label ``key`` in ``lang`` ("zh" or "en"), formatted with ``fields`` if given.

    Unknown keys raise KeyError listing close ones.
    """
    try:
        text = _pick(STRINGS[key], lang)
    except KeyError:
        raise KeyError(f"no UI string {key!r}; close: {get_close_matches(key, STRINGS)}") from None
    return text.format(**fields) if fields else text
