"""Every text of the meeting pack in both languages (中文 / English); ``rt(key, lang)`` looks one up.

Shared value labels (statuses, levels, scenarios …) come from ``geo.labels``; these are the report's own
titles, legends, table headers and the sources-and-limits text.
"""
from __future__ import annotations

from difflib import get_close_matches

from reports.errors import ReportError

LANGS: tuple[str, ...] = ("zh", "en")

#: key -> (中文, English)
STRINGS: dict[str, tuple[str, str]] = {
    "pack_title": ("赣南苏区交通规划一张图", "Gannan Planning Atlas"),
    "pack_kind": ("会议材料：规划方案与红色文化纪念地可达性", "Meeting pack: the plan and access to red-heritage sites"),
    "compared": ("{scenario}（与{baseline}比较）", "{scenario} (compared with {baseline})"),
    "data_date": ("数据日期：{date}", "Data as of {date}"),
    "made": ("生成日期：{date}", "Made on {date}"),
    "grid": ("分析网格：{km} km × {km} km，{cells} 个网格", "Analysis grid: {km} km × {km} km, {cells} cells"),
    "sources_line": ("来源：每个要素的来源与可信度见其 source / confidence 字段（docs/DATA.md）。",
                     "Sources: every feature carries its source and confidence (docs/DATA.md)."),
    "footer": ("赣南苏区交通规划一张图 · 数据日期 {date}", "Gannan Planning Atlas · data as of {date}"),
    # slide titles
    "s_plan": ("规划图（按建设状态）：{scenario}", "The plan by status: {scenario}"),
    "s_access": ("到最近红色文化纪念地的出行时间：{scenario}", "Travel time to the nearest red-heritage site: {scenario}"),
    "s_compare": ("情景比较：{baseline} → {scenario}", "Scenario comparison: {baseline} → {scenario}"),
    "s_rank": ("项目边际效益排序：{baseline} → {scenario}", "Projects ranked by marginal benefit: {baseline} → {scenario}"),
    "s_visitors": ("客源市场：到{dest}的可达人口与红色旅游线路", "Visitor markets: reach of {dest}; circuits"),
    "s_sources": ("数据来源与局限", "Sources and limits"),
    # map legends
    "legend_layers": ("图层", "Layers"),
    "legend_status": ("建设状态", "Status"),
    "legend_sites": ("红色文化纪念地", "Red-heritage sites"),
    "legend_minutes": ("到最近纪念地（分钟）", "Minutes to the nearest site"),
    "legend_saved": ("节省的分钟数", "Minutes saved"),
    "counties": ("县区界", "County boundaries"),
    "rivers": ("河流", "Rivers"),
    "unreachable": ("无法到达", "unreachable"),
    "gain_none": ("<1 分钟", "< 1 min"),
    "gain_slower": ("变慢", "slower"),
    "gain_new": ("新可达", "newly reachable"),
    "north": ("北", "N"),
    "km": ("公里", "km"),
    # tables
    "h_layer": ("图层", "Layer"),
    "h_band": ("时间段（分钟）", "Minutes"),
    "h_cells": ("网格数", "Cells"),
    "h_pop": ("人口（万）", "People (10k)"),
    "h_share": ("人口占比", "Share"),
    "h_county": ("县区", "County"),
    "h_before": ("前：平均\n分钟", "Before:\nmean min"),
    "h_after": ("后：平均\n分钟", "After:\nmean min"),
    "h_saved": ("平均节省\n分钟", "Mean min\nsaved"),
    "h_within": ("{t}分钟内人口\n前→后", "Within {t} min,\nbefore → after"),
    "h_all": ("赣州全市", "All Ganzhou"),
    "h_circuit": ("红色旅游线路", "Circuit"),
    "h_sites": ("纪念地", "Sites"),
    "h_order_min": ("所列顺序\n（分钟）", "As listed\n(min)"),
    "h_best_min": ("最佳顺序\n（分钟）", "Best order\n(min)"),
    "h_best": ("最佳顺序", "Best order"),
    "h_features": ("要素", "Features"),
    "h_schematic": ("示意位置", "Schematic"),
    "total": ("合计", "Total"),
    # charts
    "rank_add": ("加入现状网络的效益（单独加入）", "Gain when added alone to the baseline"),
    "rank_remove": ("从情景中移除的损失（单独移除）", "Loss when removed alone from the scenario"),
    "rank_visitors": ("游客：节省的人·小时（百万，每次到访一个全国级纪念地）",
                      "Visitors: people-hours saved (millions, per trip to a national site)"),
    "rank_residents": ("居民：人均节省分钟（到最近全国级纪念地）",
                       "Residents: minutes saved per resident (to the nearest national site)"),
    "rank_more": ("另有 {n} 个项目未列出（完整排序：atlas rank）", "{n} more projects not shown (full list: atlas rank)"),
    "rank_none": ("没有项目改变这一指标", "No project changes this measure"),
    "no_projects": ("两个情景之间没有不同的项目。", "No project differs between the two scenarios."),
    "curve_x": ("小时（门到门，按时刻表出行）", "hours (door to door, travelling to the timetable)"),
    "curve_y": ("人口（百万）", "people (millions)"),
    "curve_at": ("{h:g}小时内：{a:.1f} → {b:.1f} 百万人", "within {h:g} h: {a:.1f} → {b:.1f} million"),
    "cluster": ("{name}各纪念地", "the {name} sites"),
    "no_circuits": ("数据中没有红色旅游线路（data/params/circuits.csv）。", "No circuits in the data (data/params/circuits.csv)."),
    # captions
    "cap_access": ("每个网格到最近纪念地的最短出行时间（居民，门到门）；人口按县平均分布到网格。",
                   "Shortest door-to-door time from each cell to its nearest site (residents); county population "
                   "spread evenly over its cells."),
    "cap_compare": ("每个网格到最近全国级纪念地节省的分钟数；县区表为人口加权平均。",
                    "Minutes saved to the nearest national site per cell; the county table is population-weighted."),
    "cap_rank": ("每个项目单独加入基准情景的效益（红）与从情景中单独移除的损失（蓝）。",
                 "Each project added alone to the baseline (red) and removed alone from the scenario (blue)."),
    "cap_visitors": ("客源城市（2020年人口普查）按人口累计：T小时内可到达的人口。灰：{baseline}；红：{scenario}。",
                     "Origin cities (2020 census) cumulated by population: people within T hours. "
                     "Grey: {baseline}; red: {scenario}."),
    # sources and limits
    "limits_title": ("哪些是估算", "What is estimated"),
    "limit_confidence": ("可信度“低”的要素是推测（位置或属性），见各要素 notes 与 docs/DATA.md。",
                         "Features of low confidence are guesses (position or attributes): see their notes and "
                         "docs/DATA.md."),
    "limit_population": ("网格人口：县人口按面积平均分配到网格（数据中没有更细的人口分布）。",
                         "Grid population: each county's population spread evenly over its cells (no finer data)."),
    "limit_connectors": ("网格到路网的接驳：直线距离×绕行系数、按本地道路速度估算。",
                         "Cells join the network by a straight line × a circuity factor at a local road speed."),
    "limit_speeds": ("车内时间由线路长度和运营速度推算，不是列车时刻表；候车取半个发车间隔。",
                     "In-vehicle times come from line lengths and operating speeds, not timetables; the wait is "
                     "half the headway."),
    "limit_years": ("规划项目的开通年份按计划开通年或规划期推定（十四五→2025 …），不代表官方承诺。",
                    "Opening years of planned projects follow their planned year or plan period (14th FYP → 2025 …), "
                    "not an official commitment."),
    "limit_schematic": ("“示意”位置的线路只表示走向，不能量测。", "Schematic lines show a corridor only; do not measure them."),
    "limit_params": ("所有速度、候车、换乘时间及其来源见 data/params/parameters.csv。",
                     "Every speed, wait and transfer time, with its source: data/params/parameters.csv."),
    "conf_title": ("本情景中的要素：按可信度", "Features in this scenario by confidence"),
}


def rt(key: str, lang: str, **fields: object) -> str:
    """Return the report text ``key`` in ``lang`` ("zh" or "en"), formatted with ``fields`` if given."""
    if lang not in LANGS:
        raise ReportError(f"unknown language {lang!r}; use {' or '.join(LANGS)}")
    try:
        pair = STRINGS[key]
    except KeyError:
        raise KeyError(f"no report string {key!r}; close: {get_close_matches(key, STRINGS)}") from None
    text = pair[0] if lang == "zh" else pair[1]
    return text.format(**fields) if fields else text
