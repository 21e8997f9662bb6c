"""Railway stations and lines. Coordinates (lat, lon), WGS84.

Station positions: cited where a source gives one (POSITION_SOURCES: the OSM station table, a GCJ-02 table, Wikipedia,
or a 客里表 chainage measured along OSM track); all others are estimates (confidence low, 2–8 km).
Line geometry (2026-11): where OpenStreetMap geometry was found (scripts/dataset/rail_osm.py, © OpenStreetMap
contributors, ODbL) the line follows it between its stations (accuracy in metres); elsewhere it is traced through the
stations and the towns/stations the line is described to pass (accuracy 'schematic'). length_km is the published
length of the feature's own section, length_note its source or why none. See docs/data/railways.md.
"""
from __future__ import annotations

from scripts.dataset import rail_osm
from scripts.dataset.common import PLAN_2021, SRC_EST

#: OSM-derived station table in JerryTheAlpaca/footpoint-atlas js/rail-route-data.js (code-index file 68391509158; the
#: repository was identified in the 2026-11 railway pass, which also took its line geometry, see rail_osm.py). Checked against independent coordinates before use: its 南昌西 is 42 m from
#: en.wikipedia (28.62611, 115.78778), 峡江 ~70 m from zh.wikipedia (27.60167, 115.33111), 南昌 ~65 m from ja.wikipedia
#: (28.66528, 115.91417). Name matching in that table is not always right (北京大兴 = 黄村, 安亭西 = 安亭北 share one point), so
#: each station below is also checked against a description of where it is.
SRC_OSM_RAIL = ("OSM station table in the public GitHub repository JerryTheAlpaca/footpoint-atlas, js/rail-route-data.js "
                "('RAIL_ROUTE_DATA', Geofabrik China extract, OSM snapshot 2026-09-04 — © OpenStreetMap contributors, ODbL; "
                "validated: 南昌西 42 m, 峡江 ~70 m, 南昌 ~65 m from Wikipedia coordinates)")

#: 'MANUAL_FIX' table (GCJ-02, "manual_verified") in a public GitHub rail-timetable script (code-index file 70900858446).
#: Checked: its 杭州西 (119.986586, 30.298937), converted to WGS84, is 78 m from the OSM table's 杭州西.
SRC_MANUAL_FIX = ("GCJ-02 'manual_verified' station table in a public GitHub rail script (code-index file 70900858446), converted "
                  "with geo.crs.gcj02_to_wgs84; validated: its 杭州西 lands 78 m from the OSM table's")

#: 全国客里表 2021-09-28 (CDK6182CHR/qETRC CRPassengerMileage.pyetlib, 赣瑞龙线: 赣县 0, 于都 31, 会昌北 73, 瑞金 103, 长汀南 137,
#: 冠豸山南 181, 古田会址 220, 龙岩 248 km) measured along the OSM 赣瑞龙 polyline (rail_osm.RAILVISTA_GANLONG), which passes
#: the sourced 冠豸山南 (0.3 km) and 古田会址 (0.2 km) at km 181.4 and 221.7: chainage mapped piecewise-linearly between those.
SRC_GRL_CHAINAGE = ("placed on the OSM 赣瑞龙 line (RailVista corridor, relation 4552429, © OpenStreetMap contributors, ODbL) "
                    "at its 全国客里表 2021-09-28 chainage (±1.5 km)")

#: stations whose coordinate comes from a cited source: id -> (confidence, citation of the coordinate). ``None`` as the
#: citation means the coordinate is cited in the station's own notes. All other stations are estimates (confidence low).
POSITION_SOURCES: dict[str, tuple[str, str | None]] = {
    "rs-nanchangxi": ("high", None),
    "rs-xingguo": ("high", None),
    "rs-ganzhouxi": ("high", SRC_OSM_RAIL + ": 25.82303, 114.81156; agrees with the address 赣州经开区 凤岗镇 北坑/狮孜口 on the north "
                     "side of the 上犹江 (yongganxin.com; m.canyinms.com)"),
    "rs-xingguoxi": ("high", SRC_OSM_RAIL + ": 26.31891, 115.27445 (7 km W of the county town, consistent with the name 兴国西)"),
    "rs-ganxianbei": ("medium", SRC_OSM_RAIL + ": 26.01038, 115.15042; consistent with 92e.net (吉埠镇; a 联络线 from the station's south "
                      "end joins the 赣瑞龙 double track, whose 赣县 station the same table puts 5 km SSW)"),
    "rs-ganxian": ("medium", SRC_OSM_RAIL + ": 25.96544, 115.11605 (node '赣县' near 茅店, on the 赣瑞龙 double track); the old 赣龙 "
                   "station in the 赣县 town is called 赣州东 (92e.net), so this is the double-track station"),
    "rs-xinfengxi": ("high", SRC_OSM_RAIL + ": 25.35348, 114.89545; consistent with 江西日报 2015-08-18 (west of 信丰, north of 城南大道, "
                     "then 信丰 tunnel)"),
    "rs-longnandong": ("high", SRC_OSM_RAIL + ": 24.90799, 114.86365; consistent with 江西日报 2015-08-18 (next to the 京九 龙南站, "
                       "east of the town)"),
    "rs-dingnannan": ("high", SRC_OSM_RAIL + ": 24.74625, 115.02559; consistent with 江西日报 2015-08-18 (SW of 清华大道, south of "
                      "the county town)"),
    "rs-xinfeng": ("medium", SRC_OSM_RAIL + ": 25.39505, 114.89557 (node '信丰'; in an HSR table, so the match to the 京九 station is "
                   "not certain)"),
    "rs-dingnan": ("medium", SRC_OSM_RAIL + ": 24.7748, 114.99814 (node '定南', 2.5 km SW of the county town; match to the 京九 "
                   "station not certain)"),
    "rs-jianxi": ("high", SRC_OSM_RAIL + ": 27.13947, 114.92839 (the former estimate was 10 km too far south)"),
    "rs-taihe": ("medium", SRC_OSM_RAIL + ": 26.83558, 114.94434 (node '泰和' on 昌赣)"),
    "rs-wanan": ("medium", SRC_OSM_RAIL + ": 26.52861, 114.83863 (node '万安县', the 昌赣 station's official name)"),
    "rs-hepingbei": ("high", SRC_OSM_RAIL + ": 24.47549, 114.95493 (node '和平北', 赣深)"),
    "rs-ningdu": ("high", SRC_MANUAL_FIX + ": 宁都 (兴泉) GCJ 115.975172, 26.399972; 8 km SSW of 宁都 town on the 兴泉 line towards "
                  "石城, consistent with the line description (兴国–于都–宁都–石城)"),
    "rs-shichengdong": ("high", SRC_MANUAL_FIX + ": 石城东 (兴泉) GCJ 116.349715, 26.297699; 2 km S of the 石城 county town"),
    "rs-guanzhishan": ("high", SRC_MANUAL_FIX + ": 冠豸山南 (GSS) GCJ 116.680051, 25.524282, on the 赣瑞龙 between 长汀南 and 古田会址"),
    "rs-ninghua": ("high", SRC_MANUAL_FIX + ": 宁化 (兴泉/建化) GCJ 116.728203, 26.246911"),
    "rs-shaoguan": ("high", SRC_OSM_RAIL + ": 24.75351, 113.50896 (node '韶关' on 京广高铁, i.e. the 武广 HSR station W of the city; "
                    "the former estimate was 10 km east). Whether 赣韶 conventional trains call here or at another 韶关 station was "
                    "not checked"),
    "rs-chenzhouxi": ("high", SRC_OSM_RAIL + ": 25.73913, 112.96453 (former estimate 7.5 km off)"),
    "rs-pingxiangbei": ("high", SRC_OSM_RAIL + ": 27.68745, 113.8423"),
    "rs-shenzhenbei": ("high", SRC_OSM_RAIL + ": 22.61204, 114.02395"),
    "rs-guangzhounan": ("high", SRC_OSM_RAIL + ": 22.99141, 113.26404"),
    "rs-changshanan": ("high", SRC_OSM_RAIL + ": 28.15008, 113.05988"),
    "rs-beijingxi": ("high", SRC_OSM_RAIL + ": 39.89367, 116.3151"),
    # 昌赣 north of 吉安西 (added 2026-11; line order and chainage from the 全国客里表 2021-09-28, see rail-gw-nanchang-ganzhou-hsr)
    "rs-fengchengdong": ("medium", SRC_OSM_RAIL + ": 28.16871, 115.80587 (node '丰城东', 4 km E of 丰城 city; no second source checked)"),
    "rs-zhangshudong": ("medium", SRC_OSM_RAIL + ": 27.96821, 115.5957 (node '樟树东', SE of 樟树 city; no second source checked)"),
    "rs-xingandong": ("medium", SRC_OSM_RAIL + ": 27.74695, 115.42177 (node '新干东', E of 新干 town; no second source checked)"),
    "rs-xiajiang": ("high", SRC_OSM_RAIL + ": 27.60227, 115.33078; zh.wikipedia 峡江站 27.60167, 115.33111 is ~70 m away"),
    "rs-jishuixi": ("medium", SRC_OSM_RAIL + ": 27.28138, 115.08566 (node '吉水西', NW of 吉水 town; no second source checked)"),
    # 广深港高铁 广深段 (added 2026-11)
    "rs-qingsheng": ("medium", SRC_OSM_RAIL + ": 22.86195, 113.5999 (node '庆盛', marked 'hint-snap' in that table, i.e. snapped, not "
                     "an OSM station node; 南沙区 东涌/黄阁 area per the line description)"),
    "rs-humen": ("medium", SRC_OSM_RAIL + ": 22.86323, 113.66829 (node '虎门', on the 广深港 line in 东莞 虎门/沙田 area)"),
    "rs-guangmingcheng": ("medium", SRC_OSM_RAIL + ": 22.73558, 113.9499 (node '光明城', 深圳 光明区 per the line description)"),
    "rs-shanghaihongqiao": ("high", SRC_OSM_RAIL + ": 31.19598, 121.3162"),
    # 赣瑞龙 stations placed on the OSM line at their 客里表 chainage (added 2026-11, see SRC_GRL_CHAINAGE)
    "rs-yudu": ("medium", SRC_GRL_CHAINAGE + ": 于都 km 31 → 25.9795, 115.40699 (the former estimate was 5.1 km off the line)"),
    "rs-huichangbei": ("medium", SRC_GRL_CHAINAGE + ": 会昌北 km 73 → 25.83164, 115.77349, in 西江镇 as the name 西江 (chinadaily "
                       "2015-03-11) says; the former estimate was 14 km SW, near the county town"),
    "rs-ruijin": ("medium", SRC_GRL_CHAINAGE + ": 瑞金 km 103 → 25.86525, 116.05012 (象湖镇, rjrcw.cn; former estimate 4.6 km W)"),
    "rs-changtingnan": ("medium", SRC_GRL_CHAINAGE + ": 长汀南 km 137 → 25.77186, 116.34972 (former estimate 3.7 km off)"),
    "rs-longyan": ("medium", "end point of the OSM 赣瑞龙 route in the RailVista corridor (relation 4552429, ODbL; their approach "
                   "to 龙岩站): 25.10880, 117.01861 (former estimate 1.5 km E)"),
    "rs-longnan": ("medium", "derived from 江西日报 2015-08-18 (via 中国轨道交通网): 'the new 龙南东站 on the south side of the 京九 "
                   "龙南站' — placed 0.8 km N of 龙南东 (OSM, 24.90799, 114.86365); the former estimate (24.900, 114.800) was "
                   "6.4 km W, 5.5 km from the 赣深/京九 corridor"),
}

# id, name_zh, name_en, county, place_id, lat, lon, status, opened, scope, accuracy_m, notes
STATIONS: tuple[tuple, ...] = (
    ("rs-ganzhou", "赣州站", "Ganzhou", "zhanggong", "seat-zhanggong", 25.812, 114.956, "existing", "1996", "local", 3000,
     "京九/赣龙/赣韶/赣瑞龙; built 1996 (zh.wikipedia 赣州站 via profilbaru mirror)"),
    ("rs-ganzhouxi", "赣州西站", "Ganzhou West", "nankang", "seat-zhanggong", 25.82303, 114.81156, "existing", "2019-12-26", "local", 200,
     "HSR hub: 昌赣 (2019-12-26), 赣深 (2021-12-10); address 赣州经开区 凤岗镇 北坑与狮孜口, 4 platforms 8 tracks (yongganxin.com); "
     "凤岗镇 is in 南康区 [I]; several GitHub datasets give other, mutually inconsistent coordinates (ganzhou_facts.md warning 4: "
     "25.85/114.88, 25.82/115.005, 25.88/114.92, 25.79/114.875) — rejected; the OSM table used agrees with the address"),
    ("rs-ganzhoubei", "赣州北站(规划)", "Ganzhou North (planned)", "zhanggong", "seat-zhanggong", 25.900, 114.860, "under_construction", None, "local", 5000,
     "on 长赣高铁, in 赣州经开区 near G105 (ttnews.xyz 2020; senqingzn 2025 tender list)"),
    ("rs-ganxian", "赣县站", "Ganxian", "ganxian", "seat-ganxian", 25.96544, 115.11605, "existing", "2015-12-26", "local", 1000,
     "赣瑞龙 double track (赣县 is its first station, 中新网 2015-12-26); opened = double-track opening 2015-12-26 (the single-track "
     "赣龙 of 2005-10-01 served the town station now called 赣州东, 92e.net); the 长赣 HSR is to end here (ganzhou.gov.cn 2025-05)"),
    ("rs-ganxianbei", "赣县北站", "Ganxian North", "ganxian", "seat-ganxian", 26.01038, 115.15042, "existing", "2019-12-26", "local", 300,
     "昌赣高铁; in 吉埠镇, 2 platforms 4 tracks (92e.net)"),
    ("rs-xingguoxi", "兴国西站", "Xingguo West", "xingguo", "seat-xingguo", 26.31891, 115.27445, "existing", "2019-12-26", "local", 200,
     "昌赣高铁; assumed near 埠头 west of the county town (the 瑞兴于 corridor ends at '社富–埠头–兴国高铁站', m.163.com 2026-03) [I]"),
    ("rs-xingguo", "兴国站", "Xingguo", "xingguo", "seat-xingguo", 26.33306, 115.31333, "existing", "1996", "local", 700,
     "zh.wikipedia 兴国站 (kfd.me mirror): 26°19′59″N 115°18′48″E, 潋江镇; 京九 and 兴泉; built 1996, new building 2021-09-26; "
     "datum not stated (may be GCJ-02)"),
    ("rs-yudu", "于都站", "Yudu", "yudu", "seat-yudu", 25.9795, 115.40699, "existing", "2005-10-01", "local", 1500,
     "贡江镇; 赣龙/赣瑞龙; 5 platforms 7 tracks; 南昌铁路 2021-03-28 says it opened with the line on 2005-04-01 (en.wikipedia: line in "
     "operation 2005-10-01 — conflict, the later date stored)"),
    ("rs-yudubei", "于都北站", "Yudu North", "yudu", "seat-yudu", 26.210, 115.600, "existing", "2021-09-30", "local", 8000,
     "兴泉铁路 (302848.net); position still an estimate, moved 2026-11 from 26.080, 115.500: with the sourced 兴国, 宁都, 石城东 "
     "and 宁化 stations the old point made the straight-line path 170 km, longer than the 160.47 km design length "
     "(zixundingzhi 2017), so the station must lie nearer the 兴国–宁都 line (northern 于都, inference)"),
    ("rs-huichangbei", "会昌北站", "Huichang North", "huichang", "town-xijiang", 25.83164, 115.77349, "existing", "2016-07-01", "local", 1500,
     "in 西江镇; passenger service on 赣瑞龙 from 2016-07-01 (p.panqu.net)"),
    ("rs-ruijin", "瑞金站", "Ruijin", "ruijin", "seat-ruijin", 25.86525, 116.05012, "existing", "2005-10-01", "local", 1500,
     "赣龙/赣瑞龙; origin of 瑞梅铁路, in 象湖镇 (rjrcw.cn)"),
    ("rs-ningdu", "宁都站", "Ningdu", "ningdu", "seat-ningdu", 26.40341, 115.97042, "existing", "2021-09-30", "local", 300, "兴泉铁路"),
    ("rs-shichengdong", "石城东站", "Shicheng East", "shicheng", "seat-shicheng", 26.30088, 116.34486, "existing", "2021-09-30", "local", 300,
     "兴泉铁路; the name is 石城东站, not 石城站 (302848.net)"),
    ("rs-nankang", "赣州国际港站(原南康站)", "Ganzhou International Port (formerly Nankang)", "nankang", "seat-nankang", 25.670, 114.790,
     "existing", "1996", "local", 4000,
     "京九; 赣韶铁路 starts here (95105105.com 2013: 'starts at the 京九 南康站'); the 全国客里表 2021-09-28 lists 赣州国际港 at 京九 "
     "km 1886 (赣州 1861) and as km 0 of the 赣韶线, with no 南康 — the station was renamed (date not found); id kept"),
    ("rs-dayu", "大余站", "Dayu", "dayu", "seat-dayu", 25.440, 114.430, "existing", "2014-09-30", "local", 5000,
     "赣韶铁路 (客里表 2021: 大余 km 48 from 赣州国际港); position still an estimate, moved 2026-11 from the 南安 town "
     "(25.410, 114.340), which is 54 km in a straight line from 赣州国际港 — farther than the 48 km chainage — so the station "
     "lies east of the town (towards 新城, inference)"),
    ("rs-xinfeng", "信丰站", "Xinfeng", "xinfeng", "seat-xinfeng", 25.39505, 114.89557, "existing", "1996", "local", 1000, "京九 (general knowledge)"),
    ("rs-xinfengxi", "信丰西站", "Xinfeng West", "xinfeng", "seat-xinfeng", 25.35348, 114.89545, "existing", "2021-12-10", "local", 200, "赣深高铁"),
    ("rs-longnan", "龙南站", "Longnan", "longnan", "seat-longnan", 24.915, 114.862, "existing", "1996", "local", 1500,
     "京九 (freewechat 2020; 客里表 2021 km 1986)"),
    ("rs-longnandong", "龙南东站", "Longnan East", "longnan", "seat-longnan", 24.90799, 114.86365, "existing", "2021-12-10", "local", 200,
     "赣深高铁; 'new 龙南东站 on the south side of the 京九 龙南站' (江西日报 2015-08-18 via 中国轨道交通网)"),
    ("rs-dingnan", "定南站", "Dingnan", "dingnan", "seat-dingnan", 24.7748, 114.99814, "existing", "1996", "local", 1000, "京九 (general knowledge)"),
    ("rs-dingnannan", "定南南站", "Dingnan South", "dingnan", "seat-dingnan", 24.74625, 115.02559, "existing", "2021-12-10", "local", 200,
     "赣深高铁; planning name 定南西, sited SW of 清华大道 (江西日报 2015-08-18); final name 定南南 per 国铁集团 naming notice "
     "(tc.maidi.me copy, 2021)"),
    ("rs-huichang", "会昌站(瑞梅)", "Huichang (Ruijin–Meizhou)", "huichang", "seat-huichang", 25.610, 115.800, "under_construction", None, "local", 4000,
     "瑞梅铁路; east of G35 near 下黄沙村 (rjrcw.cn 选址公示)"),
    ("rs-tianxin", "天心站", "Tianxin", "anyuan", "town-tianxin", 25.440, 115.570, "under_construction", None, "local", 5000, "瑞梅铁路 (zgjrw.com 2022-10-08)"),
    ("rs-anyuan", "安远站", "Anyuan", "anyuan", "seat-anyuan", 25.165, 115.390, "under_construction", None, "local", 4000,
     "瑞梅铁路; north of 欣山镇 (rjrcw.cn)"),
    ("rs-xunwu", "寻乌站", "Xunwu", "xunwu", "seat-xunwu", 24.976, 115.633, "under_construction", None, "local", 3000,
     "瑞梅铁路; 2 km NW of 长宁镇 at 结罗塘 (rjrcw.cn); station building started 2025-07-01 (中国交通报)"),
    ("rs-shangyou", "上犹站(规划)", "Shangyou (planned)", "shangyou", "seat-shangyou", 25.800, 114.550, "planned", None, "local", 5000,
     "赣郴永兴铁路 (planned; station name and site not published)"),
    ("rs-chongyi", "崇义站(规划)", "Chongyi (planned)", "chongyi", "seat-chongyi", 25.700, 114.320, "planned", None, "local", 5000,
     "赣郴永兴铁路 (planned; station name and site not published)"),
    ("rs-nankangxi", "南康西站(规划)", "Nankang West (planned)", "nankang", "seat-nankang", 25.670, 114.700, "planned", None, "local", 5000,
     "赣韶高铁 (studyofnet.com/450518261)"),
    ("rs-dayubei", "大余北站(规划)", "Dayu North (planned)", "dayu", "seat-dayu", 25.430, 114.380, "planned", None, "local", 5000,
     "赣韶高铁 (studyofnet.com/450518261)"),
    ("rs-xinfengbei", "信丰北站(研究)", "Xinfeng North (study)", "xinfeng", "seat-xinfeng", 25.450, 114.930, "study", None, "local", 5000,
     "赣广高铁 study (thepaper.cn 11289101)"),
    ("rs-longnanbei", "龙南北站(研究)", "Longnan North (study)", "longnan", "seat-longnan", 25.000, 114.860, "study", None, "local", 5000,
     "赣广高铁 study (thepaper.cn 11289101)"),
    ("rs-quannan", "全南站(研究)", "Quannan (study)", "quannan", "seat-quannan", 24.760, 114.550, "study", None, "local", 5000,
     "赣广高铁 study (thepaper.cn 11289101)"),
    ("rs-anyuan-glx", "安远站(赣龙厦, 规划)", "Anyuan (Ganzhou–Longyan–Xiamen HSR, planned)", "anyuan", "seat-anyuan", 25.150, 115.420, "planned", None, "local", 5000,
     "赣龙厦高铁 via 安远 (334309.nync.com 2022-11-25); station name/site not published"),
    # --- neighbours inside the surroundings bbox
    ("rs-jianxi", "吉安西站", "Ji'an West", None, "gw-jian", 27.13947, 114.92839, "existing", "2019-12-26", "local", 200, "昌赣高铁"),
    ("rs-jian", "吉安站", "Ji'an", None, "gw-jian", 27.110, 114.970, "existing", "1996", "local", 4000, "京九"),
    ("rs-taihe", "泰和站", "Taihe", None, "town-taihe", 26.83558, 114.94434, "existing", "2019-12-26", "local", 300, "昌赣高铁"),
    ("rs-wanan", "万安站", "Wan'an", None, "town-wanan", 26.52861, 114.83863, "existing", "2019-12-26", "local", 300, "昌赣高铁"),
    ("rs-longchuan", "龙川站", "Longchuan", None, "town-longchuan", 24.100, 115.250, "existing", "1996", "local", 4000, "京九"),
    ("rs-hepingbei", "和平北站", "Heping North", None, "town-heping", 24.47549, 114.95493, "existing", "2021-12-10", "local", 200,
     "赣深高铁; name per 国铁集团 notice (tc.maidi.me); planning name 和平东 (en.wikipedia rev. 2020-08)"),
    ("rs-changtingnan", "长汀南站", "Changting South", None, "town-changting", 25.77186, 116.34972, "existing", "2015-12-26", "local", 1500,
     "赣瑞龙"),
    ("rs-guanzhishan", "冠豸山南站(原冠豸山站)", "Guanzhishan South (named Guanzhishan until 2021)", None, None, 25.52722, 116.67545,
     "existing", "2015-12-26", "local", 300,
     "赣瑞龙 station in 连城 (朋口镇); the station listed as 冠豸山 in 2015 was renamed 冠豸山南 in 2021, when the former 冠豸山北 "
     "(隔川镇, on 浦梅) took the name 冠豸山 (same GitHub script as the position)"),
    ("rs-longyan", "龙岩站", "Longyan", None, "gw-longyan", 25.1088, 117.01861, "existing", "2005-10-01", "local", 1000,
     "赣龙/赣瑞龙 terminus; also on 龙厦 (older station; opened date = 赣龙 opening)"),
    ("rs-nanxiong", "南雄站", "Nanxiong", None, "town-nanxiong", 25.120, 114.320, "existing", "2014-09-30", "local", 4000, "赣韶铁路"),
    ("rs-shaoguan", "韶关站", "Shaoguan", None, "gw-shaoguan", 24.75351, 113.50896, "existing", "2009-12-26", "local", 200,
     "武广高铁 (京广高速线) station W of the city; opened date = 武广高铁 service (general knowledge). The conventional 赣韶 ends at "
     "韶关东 (rs-shaoguandong), not here"),
    ("rs-shaoguandong", "韶关东站", "Shaoguan East", None, "gw-shaoguan", 24.806, 113.617, "existing", "2014-09-30", "local", 3000,
     "京广铁路 (conventional, km 2079) and the end of the 赣韶线 (km 179) per the 全国客里表 2021-09-28; in 浈江区 E of the 浈江 "
     "(general knowledge); the station is older than the 赣韶 (2014-09-30), whose opening stands for 'opened' here"),
    ("rs-ninghua", "宁化站", "Ninghua", None, "town-ninghua", 26.2502, 116.72345, "existing", "2021-09-30", "local", 300, "兴泉铁路"),
    ("rs-pingyuan", "平远站", "Pingyuan", None, "town-pingyuan", 24.580, 115.900, "under_construction", None, "local", 5000, "瑞梅铁路"),
    ("rs-meizhouxi", "梅州西站", "Meizhou West", None, "gw-meizhou", 24.280, 116.020, "existing", "2019-10-11", "local", 4000,
     "梅汕高铁 (opened 2019-10-11, general knowledge); 瑞梅铁路 terminus area"),
    ("rs-suichuan", "遂川站", "Suichuan", None, "town-suichuan", 26.320, 114.500, "under_construction", None, "local", 5000, "长赣高铁"),
    ("rs-jinggangshandong", "井冈山东站", "Jinggangshan East", None, None, 26.720, 114.330, "under_construction", None, "local", 3000,
     "长赣高铁; 井冈山市 拿山乡 贵溪村, 2 km from the city government, 3 km from the existing 井冈山站 (senqingzn.com 2025-06); "
     "井冈山站 is at 26.7274, 114.2976 per zh.wikipedia (kfd.me mirror)"),
    ("rs-pingxiangbei", "萍乡北站", "Pingxiang North", None, None, 27.68745, 113.8423, "existing", "2014-09-16", "local", 200,
     "沪昆高铁 (opened 2014-09-16, general knowledge); on 长赣高铁"),
    ("rs-rucheng", "汝城站(规划)", "Rucheng (planned)", None, "town-rucheng", 25.550, 113.690, "planned", None, "local", 5000, "赣郴永兴铁路"),
    ("rs-chenzhouxi", "郴州西站", "Chenzhou West", None, "gw-chenzhou", 25.73913, 112.96453, "existing", "2009-12-26", "local", 200, "武广高铁"),
    ("rs-lianping", "连平站(研究)", "Lianping (study)", None, "town-lianping", 24.370, 114.490, "study", None, "local", 5000, "赣广高铁 study"),
    ("rs-fuzhou-jx", "抚州站", "Fuzhou (Jiangxi)", None, "gw-fuzhou-jx", 27.960, 116.340, "existing", "2013-09-26", "local", 4000,
     "向莆铁路 (opened 2013-09-26, general knowledge)"),
    ("rs-nanfeng", "南丰站", "Nanfeng", None, None, 27.220, 116.530, "existing", "2013-09-26", "local", 4000, "向莆铁路; start of the planned 景鹰瑞 南丰—瑞金 section"),
    ("rs-guangchang", "广昌站(规划)", "Guangchang (planned)", None, "town-guangchang", 26.840, 116.330, "planned", None, "local", 5000,
     "景鹰瑞铁路 南丰—瑞金 section (planned; the 2019 南瑞 plan runs 南丰–广昌–宁都–石城–瑞金, ruijin.com 2019-09-08); station site "
     "not published"),
    # --- gateways (beyond the surroundings bbox)
    ("rs-nanchangxi", "南昌西站", "Nanchang West", None, "gw-nanchang", 28.62611, 115.78778, "existing", "2013-09-26", "gateway", 300,
     "en.wikipedia Nanchang West railway station 28°37′34″N 115°47′16″E; opened 2013-09-26"),
    ("rs-changshanan", "长沙南站", "Changsha South", None, "gw-changsha", 28.15008, 113.05988, "existing", "2009-12-26", "gateway", 200, "武广高铁/沪昆高铁"),
    ("rs-changshaxi", "长沙西站(在建)", "Changsha West (under construction)", None, "gw-changsha", 28.230, 112.870, "under_construction", None, "gateway", 3000,
     "长赣高铁 terminus (渝长厦通道)"),
    ("rs-guangzhounan", "广州南站", "Guangzhou South", None, "gw-guangzhou", 22.99141, 113.26404, "existing", "2010-01-30", "gateway", 200,
     "武广高铁; 广深港高铁 (from 2011-12-26)"),
    ("rs-shenzhenbei", "深圳北站", "Shenzhen North", None, "gw-shenzhen", 22.61204, 114.02395, "existing", "2011-12-26", "gateway", 200, "赣深高铁 terminus"),
    ("rs-shenzhen", "深圳站", "Shenzhen", None, "gw-shenzhen", 22.532, 114.117, "existing", "1996", "gateway", 2000, "京九 (via 广深) terminus area"),
    ("rs-xiamenbei", "厦门北站", "Xiamen North", None, "gw-xiamen", 24.637, 118.071, "existing", "2010-04-26", "gateway", 2000, "龙厦/福厦"),
    ("rs-fuzhou", "福州站", "Fuzhou", None, "gw-fuzhou", 26.113, 119.317, "existing", "2013-09-26", "gateway", 2000,
     "向莆铁路 service from 2013-09-26 (older station; general knowledge)"),
    # --- 昌赣高铁 north of 吉安西 (rail-gw-nanchang-ganzhou-hsr). Station list: 经济日报 2015-07-19 (13 stations: 南昌, 横岗, 丰城东,
    # 樟树东, 新干东, 峡江, 吉水西, 吉安西, 泰和, 万安, 兴国西, 赣县北, 赣州西). 横岗 (南昌南 since 2023-08-17) lies on the branch to
    # 南昌站/南昌东, not on the 南昌西 path, and is not modelled (see the line's notes).
    ("rs-fengchengdong", "丰城东站", "Fengcheng East", None, None, 28.16871, 115.80587, "existing", "2019-12-26", "gateway", 500,
     "昌赣高铁 (经济日报 2015-07-19; 360doc 2016-11-17 '丰城设有丰城东站'); opened with the line 2019-12-26"),
    ("rs-zhangshudong", "樟树东站", "Zhangshu East", None, None, 27.96821, 115.5957, "existing", "2019-12-26", "local", 500,
     "昌赣高铁 (经济日报 2015-07-19); opened with the line 2019-12-26"),
    ("rs-xingandong", "新干东站", "Xingan East", None, None, 27.74695, 115.42177, "existing", "2019-12-26", "local", 500,
     "昌赣高铁 (经济日报 2015-07-19); opened with the line 2019-12-26"),
    ("rs-xiajiang", "峡江站", "Xiajiang", None, None, 27.60227, 115.33078, "existing", "2019-12-26", "local", 200,
     "昌赣高铁 (经济日报 2015-07-19); opened with the line 2019-12-26"),
    ("rs-jishuixi", "吉水西站", "Jishui West", None, None, 27.28138, 115.08566, "existing", "2019-12-26", "local", 500,
     "昌赣高铁 (经济日报 2015-07-19); opened with the line 2019-12-26"),
    # --- 广深港高铁 广深段 (rail-gw-guangshengang): 广州南 – 庆盛 – 虎门 – 光明城 – 深圳北 (羊城晚报 2011-12-26; 中华工商时报 2011-12-27)
    ("rs-qingsheng", "庆盛站", "Qingsheng", None, None, 22.86195, 113.5999, "existing", "2011-12-26", "gateway", 1000,
     "广深港高铁 广深段 (广州 南沙区); opened with the 广州南–深圳北 section 2011-12-26"),
    ("rs-humen", "虎门站", "Humen", None, None, 22.86323, 113.66829, "existing", "2011-12-26", "gateway", 500,
     "广深港高铁 广深段 (东莞); opened with the 广州南–深圳北 section 2011-12-26"),
    ("rs-guangmingcheng", "光明城站", "Guangmingcheng", None, "gw-shenzhen", 22.73558, 113.9499, "existing", "2011-12-26", "gateway", 500,
     "广深港高铁 广深段 (深圳 光明区), opened 2011-12-26; also a 赣深高铁 station ('赣州西站、光明城站为既有车站', 国铁集团 2021-12-09 "
     "via lwxsd.com; station list 赣州西 … 东莞南, 光明城, 深圳北, m.163.com 2021-11)"),
    ("rs-beijingxi", "北京西站", "Beijing West", None, "gw-beijing", 39.89367, 116.3151, "existing", "1996-01-21", "gateway", 200, ""),
    ("rs-shanghaihongqiao", "上海虹桥站", "Shanghai Hongqiao", None, "gw-shanghai", 31.19598, 121.3162, "existing", "2010-07-01", "gateway", 200, ""),
)


# --- helpers for line geometry ------------------------------------------------------------------------------------
_POS: dict[str, tuple[float, float]] = {row[0]: (row[5], row[6]) for row in STATIONS}

#: accuracy of geometry taken from the footpoint-atlas OSM table: simplified to ~100 m, plus OSM's own error
ACC_OSM = 200


def _osm(pairs: list[tuple[str | None, str]]) -> list:
    """Stops along the footpoint-atlas OSM polyline: ``pairs`` are (station id or None, OSM node name) in line order.

    The polyline runs through every listed node; stations sit on their node (their positions come from the same table).
    """
    poly = rail_osm.footpoint_path([node for _, node in pairs])
    return rail_osm.stops_along(poly, [(sid, _POS[sid]) for sid, _ in pairs if sid])


def _ganlong(station_ids: list[str]) -> list:
    """Stops along the OSM 赣瑞龙 polyline (赣县 → 龙岩) from the RailVista corridor."""
    return rail_osm.stops_along(rail_osm.parse(rail_osm.RAILVISTA_GANLONG), [(s, _POS[s]) for s in station_ids])


#: note for lines drawn from descriptions: what 'schematic' means here
TRACED = ("geometry traced through the stations and the towns/stations the line is described to pass (positions estimated, "
          "straight between them): accuracy 'schematic'")

# Lines. 'stops' mixes station ids (in order) and (lat, lon) shaping vertices.
# keys: id, zh, en, status, opened, planned_open, plan_period, plan_ref, rail_class, speed, tracks, electrified,
#       length_km, length_note, stops, source, confidence, accuracy_m, scope, notes
LINES: tuple[dict, ...] = (
    dict(id="rail-jingjiu", zh="京九铁路(吉安—龙川)", en="Beijing–Kowloon Railway (Ji'an–Longchuan)", status="existing", opened="1996-09-01",
         rail_class="conventional", speed=160, tracks=2, electrified=True, length_km=427.0,
         length_note="全国客里表 2021-09-28 (qETRC CRPassengerMileage: 京九线 吉安 1675 → 龙川 2102 km). The geometry, traced through the "
                     "客里表's intermediate stations at estimated positions, measures ~9 % less (straight lines 10–25 km long miss the "
                     "curves of a hill line); the engine's schematic length factor (1.09) brings the modelled length to within ~1 %. "
                     "No open geometry of the 京九 south of 南昌 was found (see docs/data/railways.md)",
         stops=["rs-jian", (27.02, 114.99), (26.81, 114.93), (26.73, 114.99), (26.66, 115.05), (26.53, 115.15), (26.42, 115.25),
                "rs-xingguo", (26.18, 115.27), (26.10, 115.21), (26.03, 115.16), (25.96544, 115.11605), (25.94402, 115.08247),
                (25.865, 115.02), "rs-ganzhou", (25.75, 114.87), "rs-nankang", (25.55, 114.80), (25.46, 114.84), "rs-xinfeng",
                (25.25, 114.88), (25.10, 114.86), (24.98, 114.85), "rs-longnan", (24.83585, 114.92074), "rs-dingnan",
                (24.62, 115.00), (24.45, 114.94), (24.30, 115.05), (24.18, 115.20), "rs-longchuan"],
         source="en.wikipedia Beijing–Kowloon railway (self.gutenberg.org copy: dual-track, opened 1996, 2,397 km, operating speed 160 km/h); "
                "全国客里表 2021-09-28 in CDK6182CHR/qETRC (京九线 吉安 1675, 吉安南 1686, 泰和 1709, 冠朝 1728, 沙村 1739, 营盘上 1762, "
                "高兴镇 1778, 兴国 1788, 龙口 1808, 南塘镇 1816, 赣县 1838, 赣州东 1854, 赣州 1861, 赣州国际港 1886, 信丰 1924, 龙南 1986, "
                "定南 2009, 和平 2046, 龙川 2102 km); zh.wikipedia 赣州站 (profilbaru mirror); 2012 electrification works at 赣州站; "
                "the points 赣县, 茅店 and 关西 on the line and the 信丰 and 定南 station points come from the OSM table of "
                "JerryTheAlpaca/footpoint-atlas — " + rail_osm.ODBL,
         confidence="high", accuracy_m="schematic",
         notes=TRACED + ": 吉安南, 泰和, 冠朝, 沙村, 营盘上, 高兴镇 (between 吉安 and 兴国), 龙口, 南塘镇, 赣县 (OSM point), 茅店 (OSM point), "
               "赣州东, and 关西 (OSM point next to the 赣深) and 和平 further south; positions of the small stations are estimates "
               "(2–5 km). A 2020 revision of en.wikipedia gives operating speed 150–200 km/h; 160 stored. Modelled stops are the "
               "larger stations only (every modelled train stops at each)"),
    dict(id="rail-ganruilong", zh="赣瑞龙铁路(赣州—龙岩)", en="Ganzhou–Ruijin–Longyan Railway (Ganzhou–Longyan)", status="existing",
         opened="2015-12-26", rail_class="conventional", speed=200, tracks=2, electrified=True, length_km=271.0,
         length_note="全国客里表 2021-09-28: 赣瑞龙线 赣县 0 → 龙岩 248 km, plus 京九 赣州 → 赣县 23 km (1861 − 1838) = 271 km; the "
                     "double track alone is '250 km' (中新网 2015-12-26) / 250.2 km (sina 2015-12). Geometry: OSM 赣县–龙岩 251 km + "
                     "赣州–赣县 drawn through 赣州东 (estimate) ≈ 23 km",
         stops=["rs-ganzhou", (25.865, 115.02), (25.94402, 115.08247)]
               + _ganlong(["rs-ganxian", "rs-yudu", "rs-huichangbei", "rs-ruijin", "rs-changtingnan", "rs-guanzhishan", "rs-longyan"]),
         source="finance.china.com.cn/roll/20151226/3516414.shtml (中新网: opened 2015-12-26, 200 km/h, 250 km, from 赣县 via 于都, 会昌北, "
                "瑞金, 长汀南, 冠豸山, 古田会址 to 龙岩); 全国客里表 2021-09-28 (qETRC: 赣瑞龙线 chainage; 赣龙线 赣州 0, 赣州东 7, 于都 56 … "
                "龙岩 297); en.wikipedia Ganzhou–Longyan railway (original line 290.1 km, opened 2005-10-01); geometry: " + rail_osm.SRC_RAILVISTA,
         confidence="high", accuracy_m=2000,
         notes="赣县→龙岩 follows OSM track (RailVista corridor; ±0.2 km) except a 14 km straight gap-bridge east of 赣县 in that "
               "source; 赣州→赣县 (京九 track via 赣州东, shared with rail-jingjiu) is drawn through estimated points — hence 2 km. "
               "The original single-track 赣龙铁路 (赣州–赣州东–于都–…, 297 km in the 客里表) now carries freight and is not "
               "modelled (passenger trains use the double track). 古田会址 and 上杭北 not modelled"),
    dict(id="rail-ganlong", zh="赣龙铁路(既有单线, 赣州—龙岩)", en="Ganzhou–Longyan Railway (original single track)", status="existing",
         opened="2005-10-01", rail_class="conventional", speed=120, tracks=1, length_km=297.0,
         length_note="全国客里表 2021-09-28 (qETRC: 赣龙线 赣州 0, 赣州东 7, 于都 56, 会昌北 100, 瑞金 130, 长汀 163, 冠豸山南 220, 上杭 266, "
                     "龙岩 297 km); en.wikipedia: 290.1 km. The geometry (schematic, see notes) measures ~9 % less",
         stops=["rs-ganzhou", (25.865, 115.02), (25.90, 115.15), (25.95, 115.30)]
               + _ganlong(["rs-yudu", "rs-huichangbei", "rs-ruijin", "rs-guanzhishan", "rs-longyan"]),
         source="en.wikipedia Ganzhou–Longyan railway (original line 290.1 km, opened 2005-10-01, now mainly freight); lvtaikj.com "
                "(passenger trains from 2006, ≤100 km/h in Fujian); 全国客里表 2021-09-28 (qETRC: 赣龙线, still listed with passenger "
                "chainage); geometry east of 于都 drawn along the double track: " + rail_osm.SRC_RAILVISTA,
         confidence="medium", accuracy_m="schematic",
         notes="Added 2026-11 so that every railway in service in Ganzhou is present: with it the layer's operating length inside "
               "Ganzhou comes to within ~1 % of the official 923 km (end-2024), see docs/data/railways.md. The old line runs 赣州 – "
               "赣州东 – (贡江 valley) – 于都 and then near the 2015 double track (rail-ganruilong) to 龙岩; its own alignment east of "
               "于都 was not found, so the double track's OSM line stands in (schematic). Whether passenger trains still use it in "
               "2026 was not checked: design speed 120 km/h and one track are assumptions, so the engine prefers the double track "
               "wherever both serve a pair. 赣州东, 长汀 and 上杭 are not modelled. The source credit is for the stand-in geometry"),
    dict(id="rail-ganshao", zh="赣韶铁路(赣州国际港—韶关东)", en="Ganzhou–Shaoguan Railway (Ganzhou Int'l Port–Shaoguan East)",
         status="existing", opened="2014-09-30", rail_class="conventional", speed=160, tracks=1, electrified=True, length_km=179.0,
         length_note="全国客里表 2021-09-28 (qETRC: 赣韶线 赣州国际港 0, 大余 48, 珠玑巷 74, 南雄 86, 始兴 118, 丹霞山 148, 韶关东 179 km); "
                     "95105105.com 2013: 正线全长179公里",
         stops=["rs-nankang", (25.63, 114.69), (25.53, 114.55), "rs-dayu", (25.30, 114.40), (25.19, 114.37), "rs-nanxiong",
                (25.03, 114.20), (24.955, 114.07), (24.99, 113.92), (25.00, 113.77), (24.90, 113.68), "rs-shaoguandong"],
         source="全国客里表 2021-09-28 (CDK6182CHR/qETRC: ends at 韶关东 on the 京广铁路); en.wikipedia Ganzhou–Shaoguan railway "
                "(sagapedia mirror); 95105105.com 2013 (starts at the 京九 南康站 — now 赣州国际港; 179 km, 14 new stations)",
         confidence="medium", accuracy_m="schematic",
         notes="Corrected 2026-11: the line ends at 韶关东 (the conventional 京广 station), not at the 武广 HSR station 韶关 "
               "(rs-shaoguan, 11 km W). " + TRACED + ": 珠玑巷 (NE of 南雄), 始兴, 丹霞山 (仁化) — estimates. Single-track "
               "electrified; design speed 160 km/h is an assumption (not in the sources found)"),
    dict(id="rail-nanchang-ganzhou-hsr", zh="昌赣高铁(吉安西—赣州西)", en="Nanchang–Ganzhou HSR (Ji'an West–Ganzhou West)", status="existing",
         opened="2019-12-26", rail_class="hsr", speed=350, tracks=2, electrified=True, length_km=204.0,
         length_note="全国客里表 2021-09-28 (qETRC: 京港高铁昌赣段 吉安西 181 → 赣州西 385 km); the whole line is 415.734 km (2019) / "
                     "415.165 km (2015); the OSM geometry measures 204.4 km",
         stops=_osm([("rs-jianxi", "ji-an-xi"), ("rs-taihe", "tai-he"), ("rs-wanan", "wan-an-xian"), ("rs-xingguoxi", "xing-guo-xi"),
                     ("rs-ganxianbei", "gan-xian-bei"), (None, "gan-xian"), (None, "mao-dian"), ("rs-ganzhouxi", "gan-zhou-xi")]),
         source="经济日报 2015-07-19 (big5.china.com.cn: 13 stations, approved 250 km/h with reserve); japanese.china.org.cn 2019-06-05; "
                "全国客里表 2021-09-28 (qETRC); geometry: " + rail_osm.SRC_FOOTPOINT,
         confidence="high", accuracy_m=ACC_OSM,
         notes="operated at 350 km/h. Between 赣县北 and 赣州西 the line passes east of the city (赣县/茅店, where the 赣厦线路所 links "
               "it to the 赣瑞龙) and turns west to 赣州西. Northern part 吉安西→南昌西 is rail-gw-nanchang-ganzhou-hsr"),
    dict(id="rail-ganshen-hsr", zh="赣深高铁(赣州西—和平北)", en="Ganzhou–Shenzhen HSR (Ganzhou West–Heping North)", status="existing",
         opened="2021-12-10", rail_class="hsr", speed=350, tracks=2, electrified=True,
         length_note="no published 赣州西–和平北 length found (the JX section is 134.6 km, Shenzhen Daily, ending at the provincial "
                     "border, not at 和平北); whole line 436.37 km (Shenzhen Daily) / 434 km (Xinhua) / 432 km (2016 approval). The "
                     "OSM geometry measures 163.8 km here and 438.9 km 赣州西→深圳北 (+0.6 % on 436.37)",
         stops=_osm([("rs-ganzhouxi", "gan-zhou-xi"), (None, "xin-feng"), ("rs-xinfengxi", "xin-feng-xi"),
                     ("rs-longnandong", "long-nan-dong"), (None, "guan-xi-zhen"), (None, "ding-nan"), ("rs-dingnannan", "ding-nan-nan"),
                     ("rs-hepingbei", "he-ping-bei")]),
         source="澎湃 2016-10-12 (approval; toutiao.szhome.com copy); en.people.cn 2021-12-10 (Xinhua: opened, 434 km, 350 km/h, 13 stations, "
                "Ganzhou–Shenzhen 1 h 49 min fastest); en.wikipedia rev. 2020-08 (station list); geometry: " + rail_osm.SRC_FOOTPOINT,
         confidence="high", accuracy_m=ACC_OSM,
         notes="Official station names (国铁集团 notice, tc.maidi.me copy): 赣州西, 信丰西, 龙南东, 定南南, 和平北, 龙川西, 河源北, 河源东, 博罗北, "
               "惠州北, 仲恺, 东莞南, 光明城, 深圳北. Alignment per 江西日报 2015-08-18: west of 信丰, 信丰/龙南 tunnels, east of 老城 into GD; "
               "the OSM line passes the 京九 信丰 and 定南 stations (points in that table). Southern part 和平北→深圳北 is "
               "rail-gw-ganshen-shenzhen"),
    dict(id="rail-xingquan", zh="兴泉铁路(兴国—宁化)", en="Xingguo–Quanzhou Railway (Xingguo–Ninghua)", status="existing",
         opened="2021-09-30", rail_class="conventional", speed=160, tracks=1, electrified=True, length_km=160.47,
         length_note="兴国–宁化 section: 新建正线全长160.47公里 (初步设计 approval, 客家新闻网 2017-06-23 via zixundingzhi.com); the whole "
                     "line is 464.16 km (fjsen) / 495.867 km (incl. 39 km freight line, 2015 figures)",
         stops=["rs-xingguo", (26.29, 115.45), "rs-yudubei", (26.29, 115.78), (26.37, 115.90), "rs-ningdu", (26.37, 116.12),
                "rs-shichengdong", (26.29, 116.52), "rs-ninghua"],
         source="sm.fjsen.com 2021-09-30 (兴国–清流 opened); 302848.net / bkwk.cn (stations); zixundingzhi 2017 (兴国–宁化 160.47 km, "
                "国铁I级 single track, 160 km/h); ccpec.net.cn 2016-05-30 (from the 京九 兴国站 east via 于都, 宁都, 石城 to 宁化)",
         confidence="high", accuracy_m="schematic",
         notes=TRACED + " (于都北's position is an estimate). 国铁I级 single-track electrified, mixed traffic; 清流–泉州 opened 2022-12-30"),
    dict(id="rail-ruimei", zh="瑞梅铁路", en="Ruijin–Meizhou Railway", status="under_construction", planned_open=2027,
         rail_class="conventional", speed=160, tracks=1, electrified=True, length_km=240.29,
         length_note="正线全长240.29公里 (ditiee.com 2026-01-01 copy of a WeChat report; 240.3 km 会昌 government 2022-11-21); JX "
                     "section 165.2 km (166.962 km in the 选址公示)",
         stops=["rs-ruijin", (25.80, 116.00), (25.72, 115.92), "rs-huichang", (25.53, 115.74), (25.47, 115.64), "rs-tianxin",
                (25.33, 115.48), (25.25, 115.42), "rs-anyuan", (25.08, 115.50), (25.03, 115.57), "rs-xunwu", (24.88, 115.73),
                (24.75, 115.82), "rs-pingyuan", (24.45, 115.95), "rs-meizhouxi"],
         source="co.zgjrw.com 2022-10-08 (国铁集团: GD section started 2022-09-30, 4.5-year period); 会昌县 government site 2022-11-21 "
                "(JX section launched 2022-11-21; 240.3 km, JX 165.2 km; '计划2027年6月建成通车'); m.rjrcw.cn/news1/104257 "
                "(选址公示: alignment); jiangxiwuliu.com 2025-07-03 (寻乌站 building started); m.163.com JH50GC38 (first T-beam "
                "2024-11-10, 'planned to open 2027'); ditiee.com 2026-01-01 copy of a WeChat report (track-laying started 2025-12-31 "
                "at 瑞金; JX 2026 target 182.3 km of track and 52 turnouts)",
         confidence="medium", accuracy_m="schematic",
         notes="Status checked 2026-11: track-laying under way, no opening reported (latest source 2026-01). " + TRACED +
               " from the 选址公示: along G35 (east, then west side) via 谢坊 to 会昌 (下黄沙村), across the 湘江, 麻州, 右水, 天心, "
               "蔡坊, 版石, north of 安远 town, tunnel under 三百山, 何屋 (桂竹帽), 寻乌 (结罗塘), 南桥, then 平远 → 梅州. Passenger "
               "stations (国铁集团 2022): 瑞金, 会昌, 天心, 安远, 寻乌, 平远, 梅州 — the line joins the 漳龙铁路 at 梅州站, modelled at "
               "rs-meizhouxi as a stand-in; reserved passing stations not modelled"),
    dict(id="rail-changsha-ganzhou-hsr", zh="长赣高铁(萍乡北—赣州西)", en="Changsha–Ganzhou HSR (Pingxiang North–Ganzhou West)",
         status="under_construction", planned_open=2030, rail_class="hsr", speed=350, tracks=2, electrified=True,
         length_note="no published length for 萍乡北–赣州: the whole line 长沙西–赣县 is ~430 km (ganzhou.gov.cn 2025-05) / 429.4 km, "
                     "the JX new line 297.573 km (senqingzn 2025-06) — neither is this feature's section",
         stops=["rs-pingxiangbei", (27.58, 114.03), (27.30, 114.05), (27.08, 114.10), (26.93, 114.22), "rs-jinggangshandong",
                "rs-suichuan", (26.10, 114.65), "rs-ganzhoubei", "rs-ganzhouxi"],
         source="ganzhou.gov.cn 2025-05 (市发改委: design approved, '起自常益长高铁长沙西站 … 终至赣州枢纽赣县站, 正线全长约430公里', 5-year "
                "period); jx.people.com.cn 2025-09-09 (JX section in full construction from 2025-09-08); td.fyun.cc copy of 大江网 "
                "2025-06-19 and senqingzn.com 2025-06 (JX tender: start 2025-08-15, completion 2030-08-15); m.163.com K67PUTPQ 2025 "
                "(赣州铁路建设发展中心: 赣州北站 to be built in the 十五五 period); jintiankansha.me (EIA approved 2024-11-05)",
         confidence="medium", accuracy_m="schematic",
         notes="part of the 渝长厦 (厦渝) corridor. Under construction (HN section mobilised 2025-08-02, JX 2025-09-08); planned_open "
               "2030 = the tender's completion date 2030-08-15. The line ends at the 赣州枢纽 赣县站 on the 赣瑞龙 with a 联络线 into "
               "赣州西 — modelled 赣州北 → 赣州西. JX stations (senqingzn 2025-06): 上栗, 萍乡北, 芦溪南, 莲花东, 永新南, 井冈山东, 遂川, "
               "赣州北, 赣州西; 芦溪南, 莲花东, 永新南 are shaping points only (positions estimated). Changsha part is "
               "rail-gw-changsha-ganzhou-hsr"),
    dict(id="rail-ganchen", zh="赣郴永兴铁路(赣州—郴州)", en="Ganzhou–Chenzhou section of Xingyi–Yongzhou–Chenzhou–Ganzhou Railway",
         status="planned", plan_period="中长期", plan_ref=PLAN_2021 + ": 赣郴永兴(赣郴桂)铁路", rail_class="conventional", speed=200, tracks=2,
         electrified=True,
         length_note="no published length for 赣州–郴州 (total ~1,170–1,200 km; JX section 94 km — neither is this section)",
         stops=["rs-ganzhouxi", (25.82, 114.70), "rs-shangyou", "rs-chongyi", (25.62, 114.00), "rs-rucheng", (25.70, 113.30), "rs-chenzhouxi"],
         source="m.163.com K67PUTPQ0532JBNR (赣州市铁路建设发展中心 reply 2025: in the national 中长期铁路网规划, seeking inclusion in the "
                "十五五 plan, no start date; technical standard to be studied); copy of 中国江西网 2024-05 (200 km/h, reserve 250, JX "
                "section 94 km)",
         confidence="medium", accuracy_m="schematic",
         notes="alignment and stations not published; 2021 plan also names it 赣郴桂; status checked 2026-11 (2025 reply: not started)"),
    dict(id="rail-ganshao-hsr", zh="赣韶高铁(赣韶铁路扩能)", en="Ganzhou–Shaoguan HSR (Gan–Shao capacity expansion)", status="planned",
         plan_period="中长期", plan_ref=PLAN_2021 + ": 赣韶铁路扩能", rail_class="hsr", speed=350, tracks=2, electrified=True, length_km=198.481,
         length_note="新建线路全长198.481公里 (Shaoguan 14th FYP transport plan via studyofnet.com/450518261; 韶关段 122.566 km)",
         stops=["rs-ganzhouxi", "rs-nankangxi", (25.55, 114.55), "rs-dayubei", (25.28, 114.35), "rs-nanxiong", (24.95, 113.95), "rs-shaoguan"],
         source="studyofnet.com/450518261 (Shaoguan 14th FYP transport plan: 赣州西→南康西→大余北→南雄北→始兴北→丹霞山西→韶关 (京广高铁 "
                "韶关站), 198.481 km); m.163.com J22EVMKP 2024 (沪穗高铁: the 赣韶 section 'not yet on the agenda', 尚未动工); jx.sina "
                "2016-08-22 ('赣韶扩能' in the 2016 national plan)",
         confidence="low", accuracy_m="schematic",
         notes="plan_period changed 2026-11 from 十四五 to 中长期: the 十四五 period ended without a start (2024: not on the agenda). "
               "Design speed not stated in the source (350 assumed for a 沪穗 HSR corridor); 南雄北 modelled at 南雄站; unlike the "
               "conventional 赣韶, this line enters the 武广 韶关站"),
    dict(id="rail-jingyingrui", zh="景鹰瑞铁路(南丰—瑞金段)", en="Jingdezhen–Yingtan–Ruijin Railway (Nanfeng–Ruijin section)", status="planned",
         plan_period="中长期", plan_ref=PLAN_2021 + ": 景鹰瑞铁路; 江西省中长期铁路网规划(2022–2035)", rail_class="conventional", speed=160,
         tracks=1, electrified=True, length_km=184.0,
         length_note="南丰–瑞金 'construction length 184 km' (抚州市发改委 reply 2019 via ruijin.com 2019-09-08, for the same corridor then "
                     "called 南丰至瑞金城际铁路); the 2024 text gives only the whole project's new line, ~300 km (景德镇–瑞金)",
         stops=["rs-nanfeng", "rs-guangchang", "rs-ningdu", "rs-shichengdong", "rs-ruijin"],
         source="石城县 government reply 2024-06 (hstdqc.com copy: 景鹰瑞 in the 江西省十四五纲要 and 江西省中长期铁路网规划(2022–2035); from "
                "景德镇, designed together with the 皖赣扩能 and 鹰潭–建宁 railways already in the national plan, then via 南丰 south "
                "to 瑞金; 160 km/h; new line ~300 km; ~270亿元; being pushed for inclusion in the national plan); ruijin.com "
                "2019-09-08 (抚州市发改委: 南丰–广昌–宁都–石城–瑞金, 184 km, 119亿元, in the 江西省城际铁路网规划 2016–2030); "
                "ninggangzx.com (抚州发布: part of the former 鹰梅铁路)",
         confidence="medium", accuracy_m="schematic",
         notes="One feature for one project (2026-11): the former rail-jingyingrui (抚州→瑞金, 'planned 十五五') and rail-nanrui "
               "(南丰→瑞金, 'proposed') were the same corridor; rail-nanrui is removed. Modelled is the new 南丰→瑞金 section (the "
               "northern part uses the 皖赣 and 鹰潭–建宁 lines). In provincial plans only, not in the national plan (2024); "
               "'力争十五五上马' (163.com commentary) is an aim, so plan_period 中长期. Stations not published: the 兴泉 宁都 and 石城东 "
               "stations stand in; the corridor 南丰–广昌–宁都–石城 follows the 2019 text; tracks = 1 is an assumption"),
    dict(id="rail-ganguang-hsr", zh="赣广高铁(研究)", en="Ganzhou–Guangzhou HSR (study)", status="study",
         plan_ref=PLAN_2021 + ": 赣广高铁 (研究)", rail_class="hsr", speed=350, tracks=2, electrified=True,
         length_note="no length published (study only)",
         stops=["rs-ganzhouxi", (25.62, 114.90), "rs-xinfengbei", (25.20, 114.80), "rs-longnanbei", "rs-quannan", "rs-lianping"],
         source="thepaper.cn newsDetail_forward_11289101 (问政赣州: JX rail investment group study from 2020-09; not in the national plan)",
         confidence="low", accuracy_m="schematic",
         notes="study only; 350 km/h 'if approved'; older 2013 idea branched from 赣深 at 龙南 (xinfengzx.com). No newer status found "
               "(searched 2026-11). Guangzhou part is rail-gw-ganguang"),
    dict(id="rail-ganlongxia-hsr", zh="赣龙厦高铁(赣州西—龙岩)", en="Ganzhou–Longyan–Xiamen HSR (Ganzhou West–Longyan)", status="planned",
         plan_period="中长期", plan_ref=PLAN_2021 + ": 赣龙厦高铁", rail_class="hsr", speed=350, tracks=2, electrified=True, length_km=267.0,
         length_note="赣州–龙岩 ~267 km (163/网易 2024 excerpt; approximate); whole line ~420 km (334309.nync.com 2022-11-25), JX ~150 km, "
                     "new 赣州–漳州 ~377 km (nanbeipx.com.cn forum copy)",
         stops=["rs-ganzhouxi", (25.55, 114.86), (25.38, 114.93), (25.25, 115.20), "rs-anyuan-glx", (25.03, 115.55), (24.97, 115.66),
                (25.10, 116.10), (25.05, 116.42), "rs-longyan"],
         source="m.163.com K67PUTPQ0532JBNR (赣州市铁路建设发展中心 reply 2025: '已纳入省市相关规划，正在积极争取纳入国家铁路相关规划'); "
                "nanbeipx.com.cn forum copy (赣州 十四五 综合交通运输体系规划: via 信丰, 安远, 寻乌, then 龙岩, 漳州 to 厦门; ~420 km, JX "
                "~150 km; JX 前期规划研究 by 江西省铁路航空投资集团); 334309.nync.com 2022-11-25 (FJ pre-feasibility tender 2022-11; "
                "new 龙岩西 station, via 永定 and 南靖)",
         confidence="low", accuracy_m="schematic",
         notes="Status corrected 2026-11: not '十四五' — in 2025 still seeking inclusion in the national rail plan (in provincial and "
               "municipal plans only). Route corrected from 赣州西–安远–龙岩 (straight) to 赣州西–信丰–安远–寻乌 (赣州 十四五 plan) and, "
               "in FJ, towards 龙岩 via 武平 and 上杭 (the brief's reading of a 2025 reply; that text was not found in the stored "
               "sources, so the FJ part is an assumption). Modelled to 龙岩站 (the plan has a new 龙岩西). Xiamen part is "
               "rail-gw-ganlongxia-xiamen"),
    # --- gateway legs (so the engine can reach gateway cities)
    dict(id="rail-gw-nanchang-ganzhou-hsr", zh="昌赣高铁(南昌西—吉安西)", en="Nanchang–Ganzhou HSR (Nanchang West–Ji'an West)", status="existing",
         opened="2019-12-26", rail_class="hsr", speed=350, tracks=2, electrified=True, scope="gateway",
         length_note="no single published length for the 南昌西 path: 客里表 2021-09-28 gives 昌福线 南昌西 → 东村所 38 km and 京港高铁昌赣段 "
                     "朴树所 13 → 吉安西 181 km (168 km), and the 东村所–朴树所 link is not listed (≥206 km in all); the whole 昌赣 "
                     "line (415.734 km) starts at 何家所/南昌. The geometry measures ~208 km",
         stops=["rs-nanchangxi", (28.3105, 115.9452)] + [(lat, lon) for lon, lat in rail_osm.footpoint_path(["lian-tang", "feng-cheng-dong"])[-6:-1]]
               + _osm([("rs-fengchengdong", "feng-cheng-dong"), ("rs-zhangshudong", "zhang-shu-dong"), ("rs-xingandong", "xin-gan-dong"),
                       ("rs-xiajiang", "xia-jiang"), ("rs-jishuixi", "ji-shui-xi"), ("rs-jianxi", "ji-an-xi")]),
         source="经济日报 2015-07-19 (big5.china.com.cn: 13 stations 南昌, 横岗, 丰城东, 樟树东, 新干东, 峡江, 吉水西, 吉安西, 泰和, 万安, "
                "兴国西, 赣县北, 赣州西); 全国客里表 2021-09-28 in a public GitHub repository (CDK6182CHR/qETRC CRPassengerMileage.pyetlib: "
                "'京港高铁昌赣段' 何家所 0, 朴树所 13, 丰城东 34, 樟树东 65, 新干东 96, 峡江 114, 吉水西 158, 吉安西 181 km; '昌福线' "
                "南昌西 0, 东村所 38, 三江镇 43 km); 洪观新闻 2025-10 (infqj.cn: while 昌福 南昌西–三江镇 was closed 2025-10-11 – "
                "2026-01-26, 深圳-bound trains could not call at 南昌西 — they reach the 昌赣 over the 昌福 line); geometry 丰城东→吉安西 "
                "and the last 21 km before 丰城东: " + rail_osm.SRC_FOOTPOINT,
         confidence="high", accuracy_m=5000,
         notes="丰城东→吉安西 and the 21 km north of 丰城东 (from 朴树线路所, placed on the OSM line at chainage 13) follow OSM track "
               "(±0.2 km); 南昌西 → 东村所 → 朴树所 (昌福 line and link, ~38 km) is a straight estimate — hence 5 km. The 昌赣 main "
               "line itself starts at 何家线路所 and runs via 横岗 (南昌南) to 南昌/南昌东; that branch is not on the 南昌西 path and "
               "is not modelled. The model stops every train at every station (dwell parameter); real fast trains skip most"),
    dict(id="rail-gw-nanchang-beijing", zh="南昌西—北京西(高铁通道)", en="Nanchang West–Beijing West HSR corridor", status="existing",
         opened="2017-09-21", rail_class="hsr", speed=300, tracks=2, electrified=True, scope="gateway",
         length_note="no single published length (a route over 昌九, 武九 and 京广高铁)",
         stops=["rs-nanchangxi", (29.26, 115.78), (29.70, 115.97), (29.95, 115.50), (30.61, 114.42), (31.60, 114.10), (32.60, 114.00),
                (34.76, 113.78), (36.60, 114.55), (38.01, 114.48), "rs-beijingxi"],
         source=SRC_EST + "; corridor 昌九城际 (南昌西–九江 142 km, 客里表 2021) – 武九客专 – 京广高铁",
         confidence="low", accuracy_m="schematic",
         notes="schematic gateway link through 九江, 武汉, 信阳, 郑州东, 邯郸, 石家庄 (positions from general knowledge); opening date is that "
               "of the 武九 link completing the corridor (general knowledge, estimate)"),
    dict(id="rail-gw-nanchang-shanghai", zh="沪昆高铁(南昌西—上海虹桥)", en="Shanghai–Kunming HSR (Nanchang West–Shanghai Hongqiao)",
         status="existing", opened="2014-12-10", rail_class="hsr", speed=350, tracks=2, electrified=True, scope="gateway", length_km=741.0,
         length_note="全国客里表 2021-09-28 (qETRC: 沪昆高速线 上海虹桥 0 → 南昌西 741 km)",
         stops=["rs-nanchangxi", (28.36, 116.35), (28.27, 117.03), (28.45, 117.97), (28.95, 118.87), (29.10, 119.65), (29.72, 120.25),
                (30.29, 120.21), (30.75, 120.76), "rs-shanghaihongqiao"],
         source=SRC_EST + " (alignment via 鹰潭北, 上饶, 衢州, 金华, 诸暨, 杭州东, 嘉兴南); 沪昆高铁 杭长段 opening 2014-12-10 (general knowledge); "
                "客里表 2021-09-28",
         confidence="low", accuracy_m="schematic", notes="schematic gateway link"),
    dict(id="rail-gw-nanchang-changsha", zh="沪昆高铁(南昌西—长沙南)", en="Shanghai–Kunming HSR (Nanchang West–Changsha South)",
         status="existing", opened="2014-09-16", rail_class="hsr", speed=350, tracks=2, electrified=True, scope="gateway", length_km=342.0,
         length_note="全国客里表 2021-09-28 (qETRC: 沪昆高速线 南昌西 741 → 长沙南 1083 km; 萍乡北 978); OSM geometry 341.4 km",
         stops=_osm([("rs-nanchangxi", "nan-chang-xi"), (None, "gao-an"), (None, "xin-yu-bei"), (None, "guan-chao"), (None, "bin-jiang"),
                     (None, "yi-chun"), (None, "yi-chun-xi"), ("rs-pingxiangbei", "ping-xiang-bei"), (None, "li-ling-dong"),
                     ("rs-changshanan", "chang-sha-nan")]),
         source="新法制报 2014-09-16 (tgren.com: stations 南昌西, 高安, 新余北, 宜春, 萍乡北, 醴陵东, 长沙南; opened 2014-09-16); 客里表 "
                "2021-09-28; geometry: " + rail_osm.SRC_FOOTPOINT,
         confidence="high", accuracy_m=ACC_OSM,
         notes="gateway link; 萍乡北 added as a stop 2026-11 (a station of this line, where the 长赣 HSR will meet it); 高安, 新余北, "
               "宜春, 醴陵东 not modelled. The OSM geometry measures 341.4 km (客里表 342)"),
    dict(id="rail-gw-nanchang-fuzhou", zh="向莆铁路(南昌西—福州)", en="Xiangtang–Putian Railway (Nanchang West–Fuzhou)", status="existing",
         opened="2013-09-26", rail_class="conventional", speed=200, tracks=2, electrified=True, scope="gateway", length_km=547.0,
         length_note="全国客里表 2021-09-28 (qETRC: 昌福线 南昌西 0, 抚州 101, 南丰 181, 福州 547 km)",
         stops=["rs-nanchangxi", "rs-fuzhou-jx", "rs-nanfeng", (26.88, 116.85), (26.90, 117.16), (26.53, 117.50), (26.27, 117.65),
                (26.10, 118.10), (25.87, 118.87), "rs-fuzhou"],
         source=SRC_EST + " (alignment via 建宁县北, 泰宁, 将乐, 三明北, 尤溪, 永泰); 客里表 2021-09-28 (昌福线 stations); 向莆铁路 opening "
                "2013-09-26 (general knowledge)",
         confidence="low", accuracy_m="schematic", notes="schematic; trains to 福州 via 向莆 then 福州枢纽"),
    dict(id="rail-gw-ganshen-shenzhen", zh="赣深高铁(和平北—深圳北)", en="Ganzhou–Shenzhen HSR (Heping North–Shenzhen North)", status="existing",
         opened="2021-12-10", rail_class="hsr", speed=350, tracks=2, electrified=True, scope="gateway",
         length_note="no published 和平北–深圳北 length (whole line 436.37 km, Shenzhen Daily); the OSM geometry measures 275.1 km",
         stops=_osm([("rs-hepingbei", "he-ping-bei"), (None, "long-chuan-xi"), (None, "he-yuan-bei"), (None, "he-yuan-dong"),
                     (None, "bo-luo-bei"), (None, "hui-zhou-bei"), (None, "zhong-kai"), (None, "dong-guan-nan"),
                     ("rs-guangmingcheng", "guang-ming-cheng"), ("rs-shenzhenbei", "shen-zhen-bei")]),
         source="en.people.cn 2021-12-10; 国铁集团 2021-12-09 via lwxsd.com ('赣州西站、光明城站为既有车站'); m.163.com 2021-11 (14 stations "
                "… 东莞南(塘厦), 光明城, 深圳北); geometry: " + rail_osm.SRC_FOOTPOINT,
         confidence="high", accuracy_m=ACC_OSM,
         notes="southern part of 赣深高铁; 光明城 (shared with 广深港高铁, rail-gw-guangshengang) is modelled so that trains can change "
               "there for 广州南; 龙川西, 河源北, 河源东, 博罗北, 惠州北, 仲恺, 东莞南 not modelled. Trains also run 广州东 → 赣州西 "
               "(南昌局 via shiyan.com 2021-12-01; lwxsd.com 2021-12-09); their route between 广州东 and the 赣深 line is not "
               "described in the sources found, so that service is not modelled"),
    dict(id="rail-gw-guangshengang", zh="广深港高铁(广州南—深圳北)", en="Guangzhou–Shenzhen–Hong Kong XRL (Guangzhou South–Shenzhen North)",
         status="existing", opened="2011-12-26", rail_class="hsr", speed=350, tracks=2, electrified=True, length_km=102.0, scope="gateway",
         length_note="羊城晚报 2011-12-26 (102 km) = 全国客里表 2021-09-28 (广深港高速线 广州南 0 → 深圳北 102 km); the OSM geometry measures "
                     "102.3 km",
         stops=_osm([("rs-guangzhounan", "guang-zhou-nan"), (None, "nan-sha-bei"), ("rs-qingsheng", "qing-sheng"), ("rs-humen", "hu-men"),
                     ("rs-guangmingcheng", "guang-ming-cheng"), ("rs-shenzhenbei", "shen-zhen-bei")]),
         source="羊城晚报 2011-12-26 (news.sohu.com/20111226/n330280674.shtml: 广深段 opened 2011-12-26, 广州南 – 庆盛, 虎门, 光明城 – 深圳北, "
                "102 km, 'operating initially at up to 300 km/h', fastest 35 min); 中华工商时报 2011-12-27 (msn.finance.sina.com.cn); "
                "zh.wikipedia 广深港高速铁路广深段 (design 350 km/h, 250 in the 狮子洋 tunnel); geometry: " + rail_osm.SRC_FOOTPOINT,
         confidence="high", accuracy_m=ACC_OSM,
         notes="gateway link so that rail routing reaches 广州 from the 赣深 line (change at 光明城 or 深圳北); the 福田 – 香港西九龙 part "
               "is not modelled"),
    dict(id="rail-gw-jingjiu-shenzhen", zh="京九铁路(龙川—深圳)", en="Beijing–Kowloon Railway (Longchuan–Shenzhen)", status="existing",
         opened="1996-09-01", rail_class="conventional", speed=120, tracks=2, electrified=True, scope="gateway", length_km=270.0,
         length_note="全国客里表 2021-09-28 (京九线 龙川 2102 → 深圳 2372 km)",
         stops=["rs-longchuan", (23.73, 114.70), (23.40, 114.52), (23.08, 114.40), (23.07, 114.30), (22.98, 114.00), (22.91, 114.07),
                (22.69, 114.12), (22.60, 114.12), "rs-shenzhen"],
         source=SRC_EST + " (alignment via 河源, 惠州, 惠州西, 东莞东 (常平), 樟木头, 平湖, 深圳东); 客里表 2021-09-28",
         confidence="low", accuracy_m="schematic", notes="schematic gateway link; design speed assumed"),
    dict(id="rail-gw-wuguang-guangzhou", zh="武广高铁(韶关—广州南)", en="Wuhan–Guangzhou HSR (Shaoguan–Guangzhou South)", status="existing",
         opened="2009-12-26", rail_class="hsr", speed=350, tracks=2, electrified=True, scope="gateway",
         length_note="no physical section length found: the 全国客里表 2021-09-28 gives 韶关 842 → 广州南 1069 km (227 km), but its 武广 "
                     "figures exceed the OSM track by up to 20 % per section (this section: OSM 212.0 km, −6.6 %) while the 昌赣 and "
                     "广深港 chainages match OSM to <1 %, so they are taken as tariff distances, not track lengths",
         stops=_osm([("rs-shaoguan", "shao-guan"), (None, "ying-de-xi"), (None, "qing-yuan"), (None, "yin-zhan-ao"), (None, "guang-zhou-bei"),
                     (None, "shen-shan"), (None, "jiang-cun"), (None, "jiang-gao-zhen"), (None, "jiang-gao"), ("rs-guangzhounan", "guang-zhou-nan")]),
         source="武广高铁 opening 2009-12-26 (general knowledge); 客里表 2021-09-28 (京广高速线武广段); geometry: " + rail_osm.SRC_FOOTPOINT,
         confidence="medium", accuracy_m=ACC_OSM, notes="gateway link (英德西, 清远, 广州北 not modelled)"),
    dict(id="rail-gw-wuguang-changsha", zh="武广高铁(郴州西—长沙南)", en="Wuhan–Guangzhou HSR (Chenzhou West–Changsha South)", status="existing",
         opened="2009-12-26", rail_class="hsr", speed=350, tracks=2, electrified=True, scope="gateway",
         length_note="no physical section length found: the 客里表 2021-09-28 gives 郴州西 692 → 长沙南 362 km (330 km; tariff distance, "
                     "see rail-gw-wuguang-guangzhou); the OSM geometry measures 282.2 km",
         stops=_osm([("rs-chenzhouxi", "chen-zhou-xi"), (None, "da-shui-dong"), (None, "lei-yang-xi"), (None, "heng-yang-dong"),
                     (None, "cha-shan-ao"), (None, "heng-shan-xi"), (None, "zhu-zhou-xi"), ("rs-changshanan", "chang-sha-nan")]),
         source="武广高铁 opening 2009-12-26 (general knowledge); 客里表 2021-09-28; geometry: " + rail_osm.SRC_FOOTPOINT,
         confidence="medium", accuracy_m=ACC_OSM, notes="gateway link (耒阳西, 衡阳东, 衡山西, 株洲西 not modelled)"),
    dict(id="rail-gw-longxia-xiamen", zh="龙厦铁路(龙岩—厦门北)", en="Longyan–Xiamen Railway", status="existing", opened="2012-06-29",
         rail_class="conventional", speed=200, tracks=2, electrified=True, scope="gateway", length_km=171.0,
         length_note="龙厦铁路全长171公里 (jendow.com.tw baike copy; new line 111.349 km); the 客里表 2021-09-28 route 龙岩 → 漳州 (龙漳线 "
                     "114 km) → 厦门北 (杭深线 42 km) = 156 km",
         stops=["rs-longyan", (24.95, 117.32), (24.83, 117.40), (24.55, 117.36), (24.50, 117.62), (24.48, 117.83), "rs-xiamenbei"],
         source=SRC_EST + " (alignment via 龙山, 南靖, 漳州南, 角美); jendow.com.tw (龙厦线: 龙岩 – 和溪 – 龙山 – 南靖 – 草坂 – 漳州南, "
                "171 km, 200 km/h, opened 2012-06-29); 客里表 2021-09-28",
         confidence="medium", accuracy_m="schematic", notes="schematic gateway link"),
    dict(id="rail-gw-changsha-ganzhou-hsr", zh="长赣高铁(长沙西—萍乡北)", en="Changsha–Ganzhou HSR (Changsha West–Pingxiang North)",
         status="under_construction", planned_open=2030, rail_class="hsr", speed=350, tracks=2, electrified=True, scope="gateway",
         length_note="no published length for 长沙西–萍乡北 (the whole line is ~430 km)",
         stops=["rs-changshaxi", (28.19, 113.22), (28.16, 113.64), (27.88, 113.80), "rs-pingxiangbei"],
         source="as rail-changsha-ganzhou-hsr", confidence="medium", accuracy_m="schematic",
         notes="Hunan part via 黄花机场T3 and 浏阳, then 上栗 (positions estimated; stations not modelled)"),
    dict(id="rail-gw-ganguang", zh="赣广高铁(连平—广州, 研究)", en="Ganzhou–Guangzhou HSR (Lianping–Guangzhou, study)", status="study",
         plan_ref=PLAN_2021 + ": 赣广高铁 (研究)", rail_class="hsr", speed=350, tracks=2, electrified=True, scope="gateway",
         length_note="no length published (study only)",
         stops=["rs-lianping", (24.05, 114.05), (23.55, 113.60), "rs-guangzhounan"],
         source="thepaper.cn newsDetail_forward_11289101", confidence="low", accuracy_m="schematic",
         notes="study corridor 连平→新丰→吕田→从化; terminal station not decided (广州南 used as a stand-in)"),
    dict(id="rail-gw-ganlongxia-xiamen", zh="赣龙厦高铁(龙岩—厦门北)", en="Ganzhou–Longyan–Xiamen HSR (Longyan–Xiamen North)", status="planned",
         plan_period="中长期", plan_ref=PLAN_2021 + ": 赣龙厦高铁", rail_class="hsr", speed=350, tracks=2, electrified=True, scope="gateway",
         length_note="no published section length (漳州–厦门北 uses 42 km of the coastal HSR; whole line ~420 km)",
         stops=["rs-longyan", (24.90, 117.30), (24.60, 117.65), "rs-xiamenbei"],
         source="334309.nync.com 2022-11-25; m.163.com K67PUTPQ0532JBNR (2025)", confidence="low", accuracy_m="schematic",
         notes="schematic; status as rail-ganlongxia-hsr"),
)
