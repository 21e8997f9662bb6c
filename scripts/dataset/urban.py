"""Ganzhou's urban expressways (城市快速路, trunk_roads with road_class urban_expressway) and their nodes (2026-11).

Geometry is TRACED FROM DESCRIPTION: no open geometry of any Ganzhou city road was found (searched: code corpus for
OSM extracts of Jiangxi / Ganzhou, find_string on the road names 东江源大道, 赣南大道, 迎宾大道 — only addresses in
unrelated files). Each line runs through the interchanges and bridges its source names, in order; the node positions
are estimates placed from those descriptions and from the river lines of data/basemap (confidence low, 1.5–3 km).
Where a source gives a length it is ``length_km`` (the engine scales the traced segments to it, within
``geometry.published_length_max_ratio``).

Network: "四横六纵一环" planned (赣州市城乡规划设计院, 2016-08, gyxmad.com copy of 中国江西网); "三横三纵", 127 km open after
2024-08-27 (赣州公安 2024-08-28 via gzxdwl.com); 127 km at end-2024 (wxredian.com 2024-12-20). The lines below are the
sections whose ends could be placed: they join the ring S4503 at 赣州东 (沙河大道) and 赣州南 (蓉江三路), and G76 at
赣县北 (赣南大道三标), 赣州北 (东江源大道北延) and 赣州西 (迎宾大道).
"""
from __future__ import annotations

from scripts.dataset.common import interchange_places

TRACED = "traced from description (no surveyed or open geometry); node positions estimated"
SRC_PLAN_2016 = "gzjrw.cn/Item/294048.aspx (赣南日报 2016-10-24: 迎宾大道 and 文明大道 快速路 批前公示, part of the '四横六纵一环')"
SRC_2023 = ("www1.gannongzhong.com/hyfw/2058.html (2023: 7 快速路 under construction — 赣南大道三标/四标, 蓉江三路, 武陵大道, 黄金大道, "
            "沙河大道, 东江源大道北延); shouji.mbahome.com 2023-06-16 (赣南日报: 东江源, 文明, 迎宾 快速路 built)")
SRC_2024_08 = ("ex.chinadaily.com.cn 2024-08-26 (客家新闻网: 沙河大道 3.64 km, 赣南大道快速路三标 8.3 km, 东江源大道快速化改造 7.1 km "
               "about to open); gzxdwl.com 2024-08-28 (赣州公安: opened 2024-08-27; 三横三纵, 127 km)")
SPEED_NOTE = "design speed not found: 80 km/h ASSUMED (CJJ 37 urban expressway class I, 60–100); the engine drives at most road.trunk.urban_expressway.kmh"

# Urban nodes (places, kind interchange): id, name_zh, name_en, county, lat, lon, accuracy_m, role (source), position
URBAN_NODES: tuple[tuple, ...] = (
    ("ic-u-yangmeidu", "杨梅渡(迎宾×文明快速路)", "Yangmeidu (Yingbin × Wenming expressways)", "zhanggong", 25.853, 114.902, 2000,
     "迎宾大道快速路 ends at the 杨梅渡大桥 west landing, where 文明大道快速路 starts (" + SRC_PLAN_2016 + ")",
     "on the 章江 NW of the old city (river line of data/basemap) [estimate]"),
    ("ic-u-dongjiangyuan", "迎宾大道×东江源大道互通", "Yingbin × Dongjiangyuan interchange", "zhanggong", 25.853, 114.884, 2500,
     "迎宾大道快速路 interchanges: 创业路, 黄金大道, 东江源大道 (" + SRC_PLAN_2016 + "); 东江源大道北延 runs N to 新105国道",
     "1.8 km W of 杨梅渡 on the 迎宾 line [estimate]"),
    ("ic-u-huangjin", "迎宾大道×黄金大道互通", "Yingbin × Huangjin Avenue interchange", "zhanggong", 25.847, 114.853, 2500,
     "迎宾大道快速路 黄金大道互通 (" + SRC_PLAN_2016 + "); 黄金大道快速路 joins 蓉江三路, 客家大道西延 and 迎宾大道 (" + SRC_2023 + ")",
     "W of the G76 赣州西 exit on the 迎宾 line [estimate]"),
    ("ic-u-chuangye", "迎宾大道×创业路互通", "Yingbin × Chuangye Road interchange", "zhanggong", 25.843, 114.832, 2500,
     "迎宾大道快速路 创业路互通 (" + SRC_PLAN_2016 + ")", "near the G45 赣州枢纽, on the 迎宾 line [estimate]"),
    ("ic-u-feixiang", "迎宾大道赣州西站出入口(飞翔大道)", "Yingbin exit for Ganzhou West station (Feixiang Avenue)", "nankang",
     25.833, 114.815, 1500,
     "迎宾大道快速路 has a '赣州西出入口' (" + SRC_PLAN_2016 + "); the 2019 taxi run left the 迎宾高架 for 飞翔大道 and reached 赣州西站 in "
     "4 minutes (yanlou.net copy of 赣南日报 2019-12)", "1.1 km N of 赣州西站 (stations layer) [estimate]"),
    ("ic-u-jichang", "迎宾大道西端(飞翔路, 黄金机场)", "West end of Yingbin Avenue (Feixiang Road, Huangjin Airport)", "nankang",
     25.848, 114.790, 2000,
     "迎宾大道快速路 starts at the west end of 飞翔路 (" + SRC_PLAN_2016 + "); 13.37 km from 杨梅渡 puts it by the airport",
     "1.5 km E of the airport point (airports layer) [estimate]"),
    ("ic-u-wenming-jingjiu", "文明大道×赣南大道×沙河大道(上跨京九立交)", "Wenming × Gannan × Shahe (over the Jingjiu railway)", "zhanggong",
     25.829, 114.957, 2000,
     "文明大道快速路 ends at 赣南大道 (" + SRC_PLAN_2016 + "); 沙河大道快速路 starts at 赣南大道 at the 文明大道 上跨京九 立交 (" + SRC_2024_08 + ")",
     "where the 京九 passes E of the old city, N of 赣州站 [estimate]"),
    ("ic-u-gongjiang", "贡江大桥南(赣南大道快速路)", "South end of the Gongjiang Bridge (Gannan Avenue expressway)", "zhanggong",
     25.848, 114.975, 2000,
     "赣南大道快速路三标 starts at the south end of the 贡江大桥 and joins the 章贡区段 (" + SRC_2024_08 + ")",
     "on the 贡江 E of the old city (river line of data/basemap) [estimate]"),
    ("ic-u-xinshiji", "新世纪大桥西(赣南大道快速路)", "West end of the Xinshiji Bridge (Gannan Avenue expressway)", "zhanggong",
     25.812, 114.888, 2000,
     "赣南大道快速路四标 starts at the west end of the 新世纪大桥 (gzfzjt.com 2024-01-25)", "on the 章江 W of 章江新区 [estimate]"),
    ("ic-u-rongjiang", "赣南大道×蓉江三路", "Gannan Avenue × Rongjiang 3rd Road", "nankang", 25.800, 114.862, 2500,
     "四标 'connects with several N–S expressways' (" + SRC_2023 + "); 蓉江三路快速路 runs N–S through 蓉江新区 [I: crossing]",
     "in 蓉江新区 [estimate]"),
    ("ic-u-tandong", "潭东立交(赣南大道快速路)", "Tandong interchange (Gannan Avenue expressway)", "zhanggong", 25.781, 114.838, 3000,
     "赣南大道快速路四标: 80 km/h 新世纪大桥–潭东立交, 100 km/h 潭东立交–南康机场快速路立交 (gzfzjt.com 2024-01-25)",
     "at 潭东, between 蓉江新区 and 南康 [estimate]"),
    ("ic-u-nankang-jichang", "南康机场快速路立交", "Nankang airport expressway interchange", "zhanggong", 25.735, 114.812, 3000,
     "赣南大道快速路四标 南康机场快速路立交 (gzfzjt.com 2024-01-25); 南康机场快速路 + 飞翔大道 lead to 赣州西站 (问政赣州 2026-02-13 via "
     "163.com KLVTA1TC0535JD3V)", "on the 四标 line NE of 南康 [estimate]"),
    ("ic-u-kangdong", "康东大桥东(赣南大道快速路西端)", "East end of the Kangdong Bridge (west end of the Gannan Avenue expressway)",
     "nankang", 25.690, 114.782, 3000, "赣南大道快速路四标 ends at the east end of the 康东大桥 (gzfzjt.com 2024-01-25)",
     "NE of the 南康 seat [estimate]"),
    ("ic-u-xiaoba", "筱坝大桥南(蓉江三路×黄金大道)", "South end of the Xiaoba Bridge (Rongjiang 3rd Road × Huangjin Avenue)", "zhanggong",
     25.825, 114.858, 2500, "蓉江三路快速路 ends and 黄金大道快速路 starts at the south end of the 筱坝大桥 (" + SRC_2023 + ")",
     "on the 章江 between 蓉江新区 and the 经开区 [estimate]"),
    ("ic-ganxian-bei", "赣县北高速出入口(厦蓉 G76)", "Ganxian North exit (G76)", "ganxian", 25.912, 115.012, 3000,
     "赣南大道快速路三标 ends at the '厦蓉高速赣县北出入口' (" + SRC_2024_08 + ")", "on G76 N of 梅林, 8 km from the 贡江大桥 [estimate]"),
    ("ic-ganzhou-bei", "赣州北高速出入口", "Ganzhou North expressway exit", "zhanggong", 25.900, 114.905, 3000,
     "东江源大道北延 starts at 新105国道 and joins the 赣州北 expressway exit (" + SRC_2024_08 + "); the expressway is not named: "
     "placed on G76 (expy-g76-ganzhou) — it may be on G45 instead", "N of 水西 [estimate]"),
)

# Urban expressways: keys as roads.TRUNK_ROADS (road_class urban_expressway) + length_km/length_note/accuracy/planned_open
URBAN_EXPRESSWAYS: tuple[dict, ...] = (
    dict(id="road-u-yingbin", zh="迎宾大道快速路(杨梅渡—赣州西—黄金机场)", en="Yingbin Avenue urban expressway", code="迎宾大道快速路",
         road_class="urban_expressway", status="existing", opened="2019", speed=80, accuracy=2500, length_km=13.37,
         length_note="gzjrw.cn 2016-10-24: 飞翔路西端 – 杨梅渡大桥西岸, ~13.37 km",
         nodes=["ic-u-yangmeidu", "ic-u-dongjiangyuan", "ic-ganzhou-xi", "ic-u-huangjin", "ic-u-chuangye", "ic-u-feixiang", "ic-u-jichang"],
         source=SRC_PLAN_2016 + "; yanlou.net copy of 赣南日报 2019-12 (a taxi used the 迎宾高架 on 2019-12-24); newton.com.tw 贛崇 (the G76 "
                "赣州西 exit leads onto 迎宾大道, see roads.md)", confidence="low",
         notes="opened: 2019 = the latest possible year (in use on 2019-12-24); opening day not found. 3 interchanges and 7 pairs of "
               "ramps (蓉江七路, 思源路, 驿骅路, 赣州西, 工业路, 金潭大道). " + SPEED_NOTE + ". " + TRACED),
    dict(id="road-u-wenming", zh="文明大道快速路(杨梅渡—赣南大道)", en="Wenming Avenue urban expressway", code="文明大道快速路",
         road_class="urban_expressway", status="existing", opened="2019", speed=80, accuracy=2000, length_km=6.48,
         length_note="gzjrw.cn 2016-10-24: 杨梅渡大桥西侧 – 赣南大道, ~6.48 km",
         nodes=["ic-u-yangmeidu", (25.846, 114.930), "ic-u-wenming-jingjiu"],
         source=SRC_PLAN_2016 + "; yanlou.net copy of 赣南日报 2019-12 (taxi on the 文明大道高架 on 2019-12-24); " + SRC_2024_08
                + " (文明大道 上跨京九 立交)", confidence="low",
         notes="opened: 2019 = the latest possible year; the 上跨京九 立交 at the east end (~1.7 km) was due end-2023 (mbahome 2023-06-16). "
               "Ramps at 金东路, 福寿路, 东阳山路, 八一四大道. " + SPEED_NOTE + ". " + TRACED),
    dict(id="road-u-shahe", zh="沙河大道快速路(赣南大道—赣州东高速出入口)", en="Shahe Avenue urban expressway", code="沙河大道快速路",
         road_class="urban_expressway", status="existing", opened="2024-08-27", speed=80, accuracy=2000, length_km=3.64,
         length_note="ex.chinadaily.com.cn 2024-08-26: ~3.64 km, to the 赣州东 exit of the ring",
         nodes=["ic-u-wenming-jingjiu", "ic-ganzhou-dong"], source=SRC_2024_08, confidence="medium",
         notes="the 1.1 km 动物园–站东大道 part opened 2024-02-07. " + SPEED_NOTE + ". " + TRACED),
    dict(id="road-u-gannan-zhanggong", zh="赣南大道快速路(章贡段, 贡江大桥—新世纪大桥)", en="Gannan Avenue urban expressway (Zhanggong section)",
         code="赣南大道快速路", road_class="urban_expressway", status="existing", opened="2023", speed=80, accuracy=2500,
         length_note="no published length of this section found (赣南大道 as a whole is 35.25 km, 赣县 – 南康)",
         nodes=["ic-u-gongjiang", "ic-u-wenming-jingjiu", (25.826, 114.937), "seat-zhanggong", "ic-u-xinshiji"],
         source=SRC_2023 + "; 9aivip.com 赣南大道 entry (赣县 – 河套老城区 – 章江新区 – 蓉江新区 – 南康; bridges 贡江大桥, 章江大桥, 新世纪大桥); "
                + SRC_2024_08 + " (三标 joins the 赣南大道快速路章贡区段)", confidence="low",
         notes="opened: 2023 = the latest possible year ('赣南高架路' in use early 2023; '新世纪快速路立交桥 已建好通车' 2023-06); "
               "the section's opening and whether all of it is grade-separated were not found. Passes the 章贡 seat point (章江新区). "
               + SPEED_NOTE + ". " + TRACED),
    dict(id="road-u-gannan-3", zh="赣南大道快速路三标(贡江大桥南—赣县北高速出入口)", en="Gannan Avenue expressway, section 3 (to Ganxian North)",
         code="赣南大道快速路", road_class="urban_expressway", status="existing", opened="2024-08-27", speed=80, accuracy=2500,
         length_km=8.3, length_note="ex.chinadaily.com.cn 2024-08-26: ~8.3 km (章贡 3.7, 赣县 4.6)",
         nodes=["ic-u-gongjiang", (25.875, 114.990), "ic-ganxian-bei"], source=SRC_2024_08, confidence="medium",
         notes="the '赣南大道北段' of the 2024-08-27 opening. " + SPEED_NOTE + ". " + TRACED),
    dict(id="road-u-gannan-4", zh="赣南大道快速路四标(新世纪大桥—康东大桥, 蓉江—南康)", en="Gannan Avenue expressway, section 4 (Rongjiang–Nankang)",
         code="赣南大道快速路", road_class="urban_expressway", status="existing", opened="2024-01-26", speed=80, accuracy=3000,
         length_km=20.3, length_note="gzfzjt.com 2024-01-25: 20.3 km (南康 10.14, 蓉江 10.16), 6 lanes",
         nodes=["ic-u-xinshiji", "ic-u-rongjiang", "ic-u-tandong", "ic-u-nankang-jichang", "ic-u-kangdong"],
         source="gzfzjt.com 2024-01-25 (赣州广播电视台: opens 2024-01-26; 康东大桥东 – 新世纪大桥西, 20.3 km, 6 lanes; 80 km/h to the 南康机场"
                "快速路立交, 100 km/h to the 潭东立交, 80 km/h to the 新世纪大桥; 蓉江新区 – 南康 under 20 min)", confidence="medium",
         notes="speed_kmh 80 = the design speed of both end parts (the middle part is 100 km/h). " + TRACED),
    dict(id="road-u-dongjiangyuan", zh="东江源大道快速路(含北延, 赣州北高速出入口—迎宾大道)", en="Dongjiangyuan Avenue urban expressway (with the northern extension)",
         code="东江源大道快速路", road_class="urban_expressway", status="existing", opened="2024-08-27", speed=80, accuracy=3000,
         length_note="the 北延 (快速化改造) is 7.1 km from 新105国道 to the older 东江源高架 (ex.chinadaily.com.cn 2024-08-26); the traced line "
                     "(5.6 km, to the 迎宾 interchange) does not reach the older viaduct's south end, which was not located",
         nodes=["ic-ganzhou-bei", (25.878, 114.893), "ic-u-dongjiangyuan"], source=SRC_2024_08 + "; " + SRC_PLAN_2016, confidence="low",
         notes="opened = the 北延 (2024-08-27; 3.8 km of it on 2024-04-30); the older 东江源高架 south of it was in use by 2023. "
               + SPEED_NOTE + ". " + TRACED),
    dict(id="road-u-rongjiang3-huangjin", zh="蓉江三路—黄金大道快速路(赣州南—筱坝大桥—迎宾大道)", en="Rongjiang 3rd Road – Huangjin Avenue urban expressway",
         code="蓉江三路/黄金大道快速路", road_class="urban_expressway", status="under_construction", speed=80, accuracy=3000,
         length_note="蓉江三路 和谐大道 – 筱坝大桥南 6.6 km + 黄金大道 筱坝大桥南 – 金凤西路 4.8 km (gannongzhong 2023); the traced line is "
                     "8.1 km (its ends are placed at the ring's 赣州南 and the 迎宾 interchange)",
         nodes=["ic-ganzhou-nan", "ic-u-rongjiang", "ic-u-xiaoba", "ic-u-huangjin"],
         source=SRC_2023 + "; m.rexun.cn 2022-04-17 (the ring's 赣州南 is by 蓉江三路)", confidence="low",
         notes="PARTLY OPEN: 蓉江三路一标 1.5 km and 黄金大道 客家高架–金凤西路 2.8 km were due by end-2023 (mbahome 2023-06-16); completion "
               "not found, so the whole is kept under construction (not in the 'existing' graph). Planned opening not found. "
               + SPEED_NOTE + ". " + TRACED),
)


def place_rows() -> list[dict]:
    """Urban nodes as places (kind interchange) with 'lat'/'lon' (WGS84) plus schema properties."""
    return interchange_places(URBAN_NODES, notes="urban-expressway node (interchange, bridge end or ramp) used as a road "
                                                 "node; position traced from description")
