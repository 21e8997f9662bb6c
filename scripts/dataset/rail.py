"""Railway stations and lines. Coordinates (lat, lon), WGS84.

Station positions: no cited coordinate was found for any Ganzhou station (ganzhou_points.csv), so every
position here is an estimate from general knowledge (confidence low, 2–5 km) unless a source is named.
Line geometry is built from the station positions in order plus shaping vertices (lat, lon tuples) where a
line bends around hills; it is schematic between stations.
"""
from __future__ import annotations

from scripts.dataset.common import PLAN_2021, SRC_EST

#: OSM-derived station table found in a public GitHub repository (file id 68391509158 in the code index; the repository
#: name is not exposed by the index). Checked against independent coordinates before use: its 南昌西 is 42 m from
#: en.wikipedia (28.62611, 115.78778), 峡江 ~70 m from zh.wikipedia (27.60167, 115.33111), 南昌 ~65 m from ja.wikipedia
#: (28.66528, 115.91417). Name matching in that table is not always right (北京大兴 = 黄村, 安亭西 = 安亭北 share one point), so
#: each station below is also checked against a description of where it is.
SRC_OSM_RAIL = ("OSM station table in a public GitHub dataset ('RAIL_ROUTE_DATA', tools/build_rail_route_data.py, Geofabrik China "
                "extract, OSM snapshot 2026-09-04, ODbL; validated: 南昌西 42 m, 峡江 ~70 m, 南昌 ~65 m from Wikipedia coordinates)")

#: 'MANUAL_FIX' table (GCJ-02, "manual_verified") in a public GitHub rail-timetable script (code-index file 70900858446).
#: Checked: its 杭州西 (119.986586, 30.298937), converted to WGS84, is 78 m from the OSM table's 杭州西.
SRC_MANUAL_FIX = ("GCJ-02 'manual_verified' station table in a public GitHub rail script (code-index file 70900858446), converted "
                  "with geo.crs.gcj02_to_wgs84; validated: its 杭州西 lands 78 m from the OSM table's")

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
    ("rs-yudu", "于都站", "Yudu", "yudu", "seat-yudu", 25.935, 115.420, "existing", "2005-10-01", "local", 4000,
     "贡江镇; 赣龙/赣瑞龙; 5 platforms 7 tracks; 南昌铁路 2021-03-28 says it opened with the line on 2005-04-01 (en.wikipedia: line in "
     "operation 2005-10-01 — conflict, the later date stored)"),
    ("rs-yudubei", "于都北站", "Yudu North", "yudu", "seat-yudu", 26.080, 115.500, "existing", "2021-09-30", "local", 5000, "兴泉铁路 (302848.net)"),
    ("rs-huichangbei", "会昌北站", "Huichang North", "huichang", "town-xijiang", 25.790, 115.640, "existing", "2016-07-01", "local", 4000,
     "in 西江镇; passenger service on 赣瑞龙 from 2016-07-01 (p.panqu.net)"),
    ("rs-ruijin", "瑞金站", "Ruijin", "ruijin", "seat-ruijin", 25.875, 116.005, "existing", "2005-10-01", "local", 3000,
     "赣龙/赣瑞龙; origin of 瑞梅铁路, in 象湖镇 (rjrcw.cn)"),
    ("rs-ningdu", "宁都站", "Ningdu", "ningdu", "seat-ningdu", 26.40341, 115.97042, "existing", "2021-09-30", "local", 300, "兴泉铁路"),
    ("rs-shichengdong", "石城东站", "Shicheng East", "shicheng", "seat-shicheng", 26.30088, 116.34486, "existing", "2021-09-30", "local", 300,
     "兴泉铁路; the name is 石城东站, not 石城站 (302848.net)"),
    ("rs-nankang", "南康站", "Nankang", "nankang", "seat-nankang", 25.670, 114.790, "existing", "1996", "local", 4000,
     "京九; 赣韶铁路 starts at the 京九 南康站 (95105105.com 2013)"),
    ("rs-dayu", "大余站", "Dayu", "dayu", "seat-dayu", 25.410, 114.340, "existing", "2014-09-30", "local", 4000,
     "赣韶铁路; exact station name not confirmed"),
    ("rs-xinfeng", "信丰站", "Xinfeng", "xinfeng", "seat-xinfeng", 25.39505, 114.89557, "existing", "1996", "local", 1000, "京九 (general knowledge)"),
    ("rs-xinfengxi", "信丰西站", "Xinfeng West", "xinfeng", "seat-xinfeng", 25.35348, 114.89545, "existing", "2021-12-10", "local", 200, "赣深高铁"),
    ("rs-longnan", "龙南站", "Longnan", "longnan", "seat-longnan", 24.900, 114.800, "existing", "1996", "local", 4000, "京九 (freewechat 2020)"),
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
    ("rs-changtingnan", "长汀南站", "Changting South", None, "town-changting", 25.800, 116.370, "existing", "2015-12-26", "local", 4000, "赣瑞龙"),
    ("rs-guanzhishan", "冠豸山南站(原冠豸山站)", "Guanzhishan South (named Guanzhishan until 2021)", None, None, 25.52722, 116.67545,
     "existing", "2015-12-26", "local", 300,
     "赣瑞龙 station in 连城 (朋口镇); the station listed as 冠豸山 in 2015 was renamed 冠豸山南 in 2021, when the former 冠豸山北 "
     "(隔川镇, on 浦梅) took the name 冠豸山 (same GitHub script as the position)"),
    ("rs-longyan", "龙岩站", "Longyan", None, "gw-longyan", 25.100, 117.030, "existing", "2005-10-01", "local", 3000,
     "赣龙/赣瑞龙 terminus; also on 龙厦 (older station; opened date = 赣龙 opening)"),
    ("rs-nanxiong", "南雄站", "Nanxiong", None, "town-nanxiong", 25.120, 114.320, "existing", "2014-09-30", "local", 4000, "赣韶铁路"),
    ("rs-shaoguan", "韶关站", "Shaoguan", None, "gw-shaoguan", 24.75351, 113.50896, "existing", "2009-12-26", "local", 200,
     "京广铁路/武广高铁; opened date = 武广高铁 service (older station; general knowledge)"),
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
    ("rs-nanfeng", "南丰站", "Nanfeng", None, None, 27.220, 116.530, "existing", "2013-09-26", "local", 4000, "向莆铁路; start of proposed 南瑞铁路"),
    ("rs-guangchang", "广昌站(规划)", "Guangchang (proposed)", None, "town-guangchang", 26.840, 116.330, "proposed", None, "local", 5000,
     "proposed 南丰–瑞金铁路 (ninggangzx.com)"),
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

# Lines. 'stops' mixes station ids (in order) and (lat, lon) shaping vertices.
# keys: id, zh, en, status, opened, planned_open, plan_period, plan_ref, rail_class, speed, tracks, electrified,
#       length_km, stops, source, confidence, accuracy_m, scope, notes
LINES: tuple[dict, ...] = (
    dict(id="rail-jingjiu", zh="京九铁路(赣州段)", en="Beijing–Kowloon Railway (Ganzhou section)", status="existing", opened="1996-09-01",
         rail_class="conventional", speed=160, tracks=2, electrified=True, length_km=2397.0,
         stops=["rs-jian", (26.80, 114.95), (26.55, 115.05), "rs-xingguo", (26.10, 115.20), (25.95, 115.05), "rs-ganzhou",
                (25.74, 114.86), "rs-nankang", (25.52, 114.85), "rs-xinfeng", (25.12, 114.86), "rs-longnan",
                "rs-dingnan", (24.45, 115.10), "rs-longchuan"],
         source="en.wikipedia Beijing–Kowloon railway (self.gutenberg.org copy: dual-track, opened 1996, 2,397 km, operating speed 160 km/h; "
                "chainage 吉安 1675, 井冈山 1709, 兴国 1788, 赣州 1861, 南康 1886, 信丰 1924, 龙南 1986, 定南 2009, 和平 2046, 龙川 2102 km); "
                "zh.wikipedia 赣州站 (profilbaru mirror); 2012 electrification works at 赣州站",
         confidence="high", accuracy_m="schematic",
         notes="a 2020 revision of en.wikipedia gives operating speed 150–200 km/h; 160 stored. 井冈山站 (泰和) and 和平 not modelled"),
    dict(id="rail-ganruilong", zh="赣龙铁路 / 赣瑞龙铁路(复线)", en="Ganzhou–Longyan Railway (Gan–Rui–Long double track)", status="existing",
         opened="2015-12-26", rail_class="conventional", speed=200, tracks=2, electrified=True, length_km=250.0,
         stops=["rs-ganzhou", "rs-ganxian", (25.90, 115.25), "rs-yudu", (25.87, 115.55), "rs-huichangbei", (25.85, 115.85), "rs-ruijin",
                "rs-changtingnan", "rs-guanzhishan", (25.40, 116.90), "rs-longyan"],
         source="finance.china.com.cn/roll/20151226/3516414.shtml (中新网: opened 2015-12-26, 200 km/h, 250 km, from 赣县 via 于都, 会昌北, 瑞金, "
                "长汀南, 冠豸山, 古田会址 to 龙岩); profilbaru mirror of zh.wikipedia 赣州站 (赣龙 km 0 at 赣州站); "
                "en.wikipedia Ganzhou–Longyan railway (original line 290.1 km, opened 2005-10-01, now freight only); "
                "chinadaily 2015-03-11 (stations 赣县, 于都, 西江(会昌北), 瑞金, 长汀南, 冠豸山, 上杭北, 龙岩)",
         confidence="high", accuracy_m="schematic",
         notes="original single-track 赣龙铁路 (290.1 km) opened 2005-10-01 and now carries freight only; the 200 km/h double track "
               "(赣瑞龙) opened 2015-12-26. Modelled as one line on the double-track alignment; 上杭北 not modelled"),
    dict(id="rail-ganshao", zh="赣韶铁路", en="Ganzhou–Shaoguan Railway", status="existing", opened="2014-09-30",
         rail_class="conventional", speed=160, tracks=1, electrified=True, length_km=179.0,
         stops=["rs-nankang", (25.58, 114.62), (25.47, 114.45), "rs-dayu", (25.30, 114.33), "rs-nanxiong", (25.00, 114.10),
                (24.90, 113.85), "rs-shaoguan"],
         source="en.wikipedia Ganzhou–Shaoguan railway (sagapedia mirror); 95105105.com 2013 (starts at 京九 南康站; 179 km, 14 new stations)",
         confidence="medium", accuracy_m="schematic",
         notes="single-track electrified; design speed 160 km/h is an assumption (not in the sources found)"),
    dict(id="rail-nanchang-ganzhou-hsr", zh="昌赣高铁(吉安西—赣州西)", en="Nanchang–Ganzhou HSR (Ji'an West–Ganzhou West)", status="existing",
         opened="2019-12-26", rail_class="hsr", speed=350, tracks=2, electrified=True, length_km=415.734,
         stops=["rs-jianxi", "rs-taihe", "rs-wanan", (26.43, 115.06), "rs-xingguoxi", (26.16, 115.22), "rs-ganxianbei", (25.93, 114.98), "rs-ganzhouxi"],
         source="经济日报 2015-07-19 (big5.china.com.cn: 13 stations, approved 250 km/h with reserve); japanese.china.org.cn 2019-06-05; "
                "en.trackingchina.com 2015-07-19 (station list)",
         confidence="high", accuracy_m="schematic",
         notes="length 415.165 km (2015) / 415.734 km (2019); operated at 350 km/h. Northern part 吉安西→南昌西 is rail-gw-nanchang-ganzhou-hsr"),
    dict(id="rail-ganshen-hsr", zh="赣深高铁(赣州西—和平北)", en="Ganzhou–Shenzhen HSR (Ganzhou West–Heping North)", status="existing",
         opened="2021-12-10", rail_class="hsr", speed=350, tracks=2, electrified=True, length_km=436.37,
         stops=["rs-ganzhouxi", (25.72, 114.86), (25.55, 114.85), "rs-xinfengxi", (25.15, 114.83), "rs-longnandong", (24.80, 114.93),
                "rs-dingnannan", (24.70, 115.04), "rs-hepingbei"],
         source="澎湃 2016-10-12 (approval; toutiao.szhome.com copy); en.people.cn 2021-12-10 (Xinhua: opened, 434 km, 350 km/h, 13 stations, "
                "Ganzhou–Shenzhen 1 h 49 min fastest); en.wikipedia rev. 2020-08 (station list: 赣州西, 信丰西, 龙南东, 定南西, 和平东 …)",
         confidence="high", accuracy_m="schematic",
         notes="length 432 km at approval (136 km in Ganzhou), 434 km (Xinhua) / 436.37 km (Shenzhen Daily; JX 134.6 km) at opening. "
               "Official station names (国铁集团 notice, tc.maidi.me copy): 赣州西, 信丰西, 龙南东, 定南南, 和平北, 龙川西, 河源北, 河源东, 博罗北, "
               "惠州北, 仲恺, 东莞南, 光明城, 深圳北. Alignment per 江西日报 2015-08-18: west of 信丰, 信丰/龙南 tunnels, east of 老城 into GD. "
               "Southern part 和平北→深圳北 is rail-gw-ganshen-shenzhen"),
    dict(id="rail-xingquan", zh="兴泉铁路(兴国—宁化)", en="Xingguo–Quanzhou Railway (Xingguo–Ninghua)", status="existing",
         opened="2021-09-30", rail_class="conventional", speed=160, tracks=1, electrified=True, length_km=464.16,
         stops=["rs-xingguo", (26.20, 115.45), "rs-yudubei", (26.25, 115.75), "rs-ningdu", (26.40, 116.20), "rs-shichengdong", "rs-ninghua"],
         source="sm.fjsen.com 2021-09-30 (兴国–清流 opened); 302848.net / bkwk.cn (stations); zixundingzhi 2017",
         confidence="high", accuracy_m="schematic",
         notes="国铁I级 single-track electrified, mixed traffic; 清流–泉州 opened 2022-12-30; length 464.16 km (fjsen) vs 495.867 km (others)"),
    dict(id="rail-ruimei", zh="瑞梅铁路", en="Ruijin–Meizhou Railway", status="under_construction", planned_open=2027,
         rail_class="conventional", speed=160, tracks=1, electrified=True, length_km=240.29,
         stops=["rs-ruijin", (25.75, 115.90), "rs-huichang", (25.52, 115.70), "rs-tianxin", (25.36, 115.47), (25.30, 115.38), "rs-anyuan",
                (25.05, 115.52), "rs-xunwu", (24.77, 115.72), "rs-pingyuan", "rs-meizhouxi"],
         source="co.zgjrw.com 2022-10-08 (国铁集团: GD section started 2022-09-30, 4.5-year period); 会昌县 government site 2022-11-21 "
                "(JX section launched 2022-11-21 with 昌九 and 长赣; 240.3 km, JX 165.2 km; '计划2027年6月建成通车'); m.rjrcw.cn/news1/104257 "
                "(选址公示); jiangxiwuliu.com 2025-07-03 (寻乌站 building started); m.163.com JH50GC38 (first T-beam 2024-11-10, 'planned "
                "to open 2027'); ditiee.com 2026-01-01 copy of a WeChat report (track-laying started 2025-12-31 at 瑞金; JX 2026 target "
                "182.3 km of track and 52 turnouts)",
         confidence="medium", accuracy_m="schematic",
         notes="planned_open 2027 = the announced target (June 2027, 会昌 government 2022-11-21; '2027' again in 2024-11 and 2025-04 "
               "reports); status checked for 2026: track-laying under way (no opening reported). Passenger stations (国铁集团 2022): 瑞金, "
               "会昌, 天心, 安远, 寻乌, 平远, 梅州 — the line joins the 漳龙铁路 at 梅州站, modelled at rs-meizhouxi as a stand-in. "
               "Length 240.29 km (240.3 km); JX section 165.2 km (166.962 km in the 选址公示) with 14 "
               "stations, of which 瑞金, 会昌, 安远, 寻乌 handle passengers; alignment per the 选址公示: along the east of G35, 谢坊, 会昌 "
               "(下黄沙村), 麻州, 右水, 天心, 蔡坊, 版石, north of 安远 town, tunnel under 三百山, 何屋, 寻乌, 南桥; reserved passing "
               "stations not modelled"),
    dict(id="rail-changsha-ganzhou-hsr", zh="长赣高铁(萍乡北—赣州西)", en="Changsha–Ganzhou HSR (Pingxiang North–Ganzhou West)",
         status="under_construction", planned_open=2030, plan_period="十四五", rail_class="hsr", speed=350, tracks=2, electrified=True,
         length_km=430.0,
         stops=["rs-pingxiangbei", (27.35, 113.95), (27.00, 114.15), "rs-jinggangshandong", "rs-suichuan", (26.10, 114.65), "rs-ganzhoubei",
                "rs-ganzhouxi"],
         source="ganzhou.gov.cn 2025-05 (市发改委: design approved, 'ends at 赣县站', 5-year period); jx.people.com.cn 2025-09-09 "
                "(JX section in full construction from 2025-09-08); td.fyun.cc copy of 大江网 2025-06-19 and senqingzn.com 2025-06 (JX supervision tender: start 2025-08-15, completion 2030-08-15); "
                "jintiankansha.me (EIA approved 2024-11-05)",
         confidence="medium", accuracy_m="schematic",
         notes="part of 渝长厦通道; 7 Ganzhou projects in the 2016 中长期铁路网规划 include 长赣 (jx.sina 2016-08-22). "
               "Construction confirmed: Hunan section mobilised 2025-08-02 (gdmsci.cn copy of a 2025-08 commentary); JX section 站前9标 "
               "started 2025-09-08, 'JX section in full construction' (jx.people.com.cn 2025-09-09 via gwycn.cn). The line ends at the "
               "赣州枢纽 赣县站 on the 赣瑞龙 (ganzhou.gov.cn 2025-05; people.cn 2025-09-09), with a 联络线 into 赣州西 — modelled as "
               "赣州北 → 赣州西. "
               "JX stations (senqingzn 2025-06): 上栗, 萍乡北, 芦溪南, 莲花东, 永新南, 井冈山东, 遂川 (泉江镇 坳背村), 赣州北, 赣州西; "
               "429.4 km, JX new line 297.573 km; 芦溪南, 莲花东, 永新南, 上栗 not modelled; Changsha part is rail-gw-changsha-ganzhou-hsr"),
    dict(id="rail-ganchen", zh="赣郴永兴铁路(赣州—郴州)", en="Ganzhou–Chenzhou section of Xingyi–Yongzhou–Chenzhou–Ganzhou Railway",
         status="planned", plan_period="中长期", plan_ref=PLAN_2021 + ": 赣郴永兴(赣郴桂)铁路", rail_class="conventional", speed=200, tracks=2,
         electrified=True,
         stops=["rs-ganzhouxi", (25.82, 114.70), "rs-shangyou", "rs-chongyi", (25.62, 114.00), "rs-rucheng", (25.70, 113.30), "rs-chenzhouxi"],
         source="m.163.com 问政 reply (赣州铁路建设中心 2025: in 中长期铁路网规划 2016–2030, not in a five-year plan, no start date); "
                "copy of 中国江西网 2024-05 (200 km/h, reserve 250, JX section 94 km)",
         confidence="medium", accuracy_m="schematic",
         notes="alignment and stations not published; total ~1,170–1,200 km; 2021 plan also names it 赣郴桂"),
    dict(id="rail-ganshao-hsr", zh="赣韶高铁(赣韶铁路扩能)", en="Ganzhou–Shaoguan HSR (Gan–Shao capacity expansion)", status="planned",
         plan_period="十四五", plan_ref=PLAN_2021 + ": 赣韶铁路扩能", rail_class="hsr", speed=350, tracks=2, electrified=True, length_km=198.481,
         stops=["rs-ganzhouxi", "rs-nankangxi", (25.55, 114.55), "rs-dayubei", (25.28, 114.35), "rs-nanxiong", (24.95, 113.95), "rs-shaoguan"],
         source="studyofnet.com/450518261 (Shaoguan 14th FYP transport plan: 赣州西→南康西→大余北→南雄北→始兴北→丹霞山西→韶关, 198.481 km)",
         confidence="low", accuracy_m="schematic",
         notes="design speed not stated in the source (350 assumed for a 沪穗 HSR corridor); 南雄北 modelled at 南雄站; 2016 national plan item "
               "'赣韶扩能' (jx.sina 2016-08-22)"),
    dict(id="rail-jingyingrui", zh="景鹰瑞铁路(抚州—瑞金)", en="Jingdezhen–Yingtan–Ruijin Railway (Fuzhou–Ruijin part)", status="planned",
         plan_period="十五五", plan_ref=PLAN_2021 + ": 景鹰瑞铁路", rail_class="conventional", speed=160, tracks=2, electrified=True,
         stops=["rs-fuzhou-jx", (27.20, 116.45), (26.80, 116.30), (26.30, 116.15), "rs-ruijin"],
         source="m.163.com/local/article/KIM0PBIB0556C8VY (力争十五五上马; downgraded to 160 km/h) — secondary news commentary",
         confidence="low", accuracy_m="schematic",
         notes="no alignment or stations published; geometry is a schematic corridor 抚州→南丰→广昌→瑞金"),
    dict(id="rail-ganguang-hsr", zh="赣广高铁(研究)", en="Ganzhou–Guangzhou HSR (study)", status="study",
         plan_ref=PLAN_2021 + ": 赣广高铁 (研究)", rail_class="hsr", speed=350, tracks=2, electrified=True,
         stops=["rs-ganzhouxi", (25.62, 114.90), "rs-xinfengbei", (25.20, 114.80), "rs-longnanbei", "rs-quannan", "rs-lianping"],
         source="thepaper.cn newsDetail_forward_11289101 (问政赣州: JX rail investment group study from 2020-09; not in the national plan)",
         confidence="low", accuracy_m="schematic",
         notes="study only; 350 km/h 'if approved'; older 2013 idea branched from 赣深 at 龙南 (xinfengzx.com). Guangzhou part is rail-gw-ganguang"),
    dict(id="rail-ganlongxia-hsr", zh="赣龙厦高铁(赣州西—龙岩)", en="Ganzhou–Longyan–Xiamen HSR (Ganzhou West–Longyan)", status="planned",
         plan_period="十四五", plan_ref=PLAN_2021 + ": 赣龙厦高铁", rail_class="hsr", speed=350, tracks=2, electrified=True, length_km=420.0,
         stops=["rs-ganzhouxi", (25.60, 115.05), "rs-anyuan-glx", (25.10, 115.90), (25.10, 116.50), "rs-longyan"],
         source="334309.nync.com 2022-11-25 (FJ pre-feasibility tender 2022-11); 163/网易 2024 excerpt (~419–420 km, 赣州–龙岩 ~267 km)",
         confidence="low", accuracy_m="schematic",
         notes="厦渝通道; FJ stations 龙岩西/永定/南靖/漳州 → 厦门北 (42 km on coastal HSR); modelled to 龙岩站; Xiamen part is rail-gw-ganlongxia-xiamen"),
    dict(id="rail-nanrui", zh="南丰—瑞金铁路(南瑞)", en="Nanfeng–Ruijin Railway (proposed)", status="proposed",
         rail_class="conventional", speed=160, tracks=1, electrified=True,
         stops=["rs-nanfeng", "rs-guangchang", (26.60, 116.10), "rs-ningdu", (26.35, 116.30), "rs-shichengdong", (26.05, 116.15), "rs-ruijin"],
         source="ninggangzx.com (抚州发布: proposed in 江西省城际铁路网规划; part of the former 鹰梅铁路 idea)",
         confidence="low", accuracy_m="schematic",
         notes="speed, tracks and stations are assumptions for a proposal; no alignment published"),
    # --- gateway legs (schematic; so the engine can reach gateway cities)
    dict(id="rail-gw-nanchang-ganzhou-hsr", zh="昌赣高铁(南昌西—吉安西)", en="Nanchang–Ganzhou HSR (Nanchang West–Ji'an West)", status="existing",
         opened="2019-12-26", rail_class="hsr", speed=350, tracks=2, electrified=True, length_km=415.734, scope="gateway",
         stops=["rs-nanchangxi", (28.36, 115.90), "rs-fengchengdong", "rs-zhangshudong", "rs-xingandong", "rs-xiajiang", "rs-jishuixi",
                "rs-jianxi"],
         source="经济日报 2015-07-19 (big5.china.com.cn: 13 stations 南昌, 横岗, 丰城东, 樟树东, 新干东, 峡江, 吉水西, 吉安西, 泰和, 万安, "
                "兴国西, 赣县北, 赣州西); 全国客里表 2021-09-28 in a public GitHub repository (CDK6182CHR/qETRC CRPassengerMileage.pyetlib: "
                "'京港高铁昌赣段' 何家所 0, 朴树所 13, 丰城东 34, 樟树东 65, 新干东 96, 峡江 114, 吉水西 158, 吉安西 181, … 赣州西 385 km; "
                "'昌福线' 南昌西 0, 东村所 38, 三江镇 43 km); 洪观新闻 2025-10 (infqj.cn: while 昌福 南昌西–三江镇 was closed "
                "2025-10-11 – 2026-01-26, 京港高铁 trains for 深圳 could not call at 南昌西 and 赣州/吉安 trains used 南昌/南昌东 — "
                "i.e. 南昌西 trains reach the 昌赣 over the 昌福 line); station positions: see each station",
         confidence="high", accuracy_m="schematic",
         notes="northern part of 昌赣高铁 with its intermediate stations (added 2026-11; before, 南昌西–吉安西 ran 203 km non-stop). "
               "Path of 南昌西 trains: 昌福 line to 东村线路所 (38 km), a link to 朴树线路所 on the 昌赣, then 丰城东 (21 km) — the shaping "
               "vertex near 三江 stands for that junction (position estimated). The 昌赣 main line itself starts at 何家线路所 and runs "
               "via 横岗 (renamed 南昌南 2023-08-17, HSR passenger service from 2023-12-27) to 南昌站/南昌东; that branch and 南昌南 are "
               "not on the 南昌西 path and are not modelled. The model stops every train at every station (dwell parameter); real fast "
               "trains skip most of them"),
    dict(id="rail-gw-nanchang-beijing", zh="南昌西—北京西(高铁通道)", en="Nanchang West–Beijing West HSR corridor", status="existing",
         opened="2017-09-21", rail_class="hsr", speed=300, tracks=2, electrified=True, scope="gateway",
         stops=["rs-nanchangxi", (29.70, 115.90), (30.60, 114.30), (34.75, 113.65), "rs-beijingxi"],
         source=SRC_EST + "; corridor 昌九–武九–京广高铁", confidence="low", accuracy_m="schematic",
         notes="schematic gateway link; opening date is that of the 武九 link completing the corridor (general knowledge, estimate)"),
    dict(id="rail-gw-nanchang-shanghai", zh="沪昆高铁(南昌西—上海虹桥)", en="Shanghai–Kunming HSR (Nanchang West–Shanghai Hongqiao)",
         status="existing", opened="2014-12-10", rail_class="hsr", speed=350, tracks=2, electrified=True, scope="gateway",
         stops=["rs-nanchangxi", (28.45, 117.95), (29.10, 119.65), (30.30, 120.20), "rs-shanghaihongqiao"],
         source=SRC_EST + "; 沪昆高铁 杭长段 opening 2014-12-10 (general knowledge)", confidence="low", accuracy_m="schematic", notes="schematic gateway link"),
    dict(id="rail-gw-nanchang-changsha", zh="沪昆高铁(南昌西—长沙南)", en="Shanghai–Kunming HSR (Nanchang West–Changsha South)",
         status="existing", opened="2014-09-16", rail_class="hsr", speed=350, tracks=2, electrified=True, scope="gateway",
         stops=["rs-nanchangxi", (27.85, 114.40), (27.66, 113.84), "rs-changshanan"],
         source=SRC_EST + "; 沪昆高铁 南昌–长沙 opening 2014-09-16 (general knowledge)", confidence="low", accuracy_m="schematic",
         notes="schematic gateway link via 宜春/萍乡北"),
    dict(id="rail-gw-nanchang-fuzhou", zh="向莆铁路(南昌—福州)", en="Xiangtang–Putian Railway (Nanchang–Fuzhou)", status="existing",
         opened="2013-09-26", rail_class="conventional", speed=200, tracks=2, electrified=True, scope="gateway",
         stops=["rs-nanchangxi", "rs-fuzhou-jx", "rs-nanfeng", (26.60, 117.30), (26.20, 118.50), "rs-fuzhou"],
         source=SRC_EST + "; 向莆铁路 opening 2013-09-26 (general knowledge)", confidence="low", accuracy_m="schematic",
         notes="schematic; trains to 福州 via 向莆 then 福州枢纽"),
    dict(id="rail-gw-ganshen-shenzhen", zh="赣深高铁(和平北—深圳北)", en="Ganzhou–Shenzhen HSR (Heping North–Shenzhen North)", status="existing",
         opened="2021-12-10", rail_class="hsr", speed=350, tracks=2, electrified=True, length_km=436.37, scope="gateway",
         stops=["rs-hepingbei", (24.10, 114.75), (23.75, 114.70), (23.10, 114.40), (22.85, 114.06), "rs-guangmingcheng", "rs-shenzhenbei"],
         source="en.people.cn 2021-12-10; 国铁集团 2021-12-09 via lwxsd.com ('赣州西站、光明城站为既有车站'); m.163.com 2021-11 (14 stations "
                "… 东莞南(塘厦), 光明城, 深圳北)", confidence="high", accuracy_m="schematic",
         notes="southern part of 赣深高铁; 光明城 (shared with 广深港高铁, rail-gw-guangshengang) is modelled so that trains can change "
               "there for 广州南; 龙川西, 河源北, 河源东, 博罗北, 惠州北, 仲恺, 东莞南 not modelled. Trains also run 广州东 → 赣州西 "
               "(2 of the first 15 pairs; 3 h 38 min, stopping at 河源东 and 龙川西 — 南昌局 via shiyan.com 2021-12-01; lwxsd.com "
               "2021-12-09); their route between 广州东 and the 赣深 line (a connection near 塘厦, 中通社 photo caption) is not "
               "described in the sources found, so that service is not modelled"),
    dict(id="rail-gw-guangshengang", zh="广深港高铁(广州南—深圳北)", en="Guangzhou–Shenzhen–Hong Kong XRL (Guangzhou South–Shenzhen North)",
         status="existing", opened="2011-12-26", rail_class="hsr", speed=350, tracks=2, electrified=True, length_km=102.0, scope="gateway",
         stops=["rs-guangzhounan", (22.93, 113.40), "rs-qingsheng", "rs-humen", (22.80, 113.80), "rs-guangmingcheng", "rs-shenzhenbei"],
         source="羊城晚报 2011-12-26 (news.sohu.com/20111226/n330280674.shtml: 广深段 opened 2011-12-26, 广州南 – 庆盛, 虎门, 光明城 – 深圳北, "
                "102 km, 'operating initially at up to 300 km/h', fastest 35 min, first train 28 min non-stop); 中华工商时报 2011-12-27 "
                "(msn.finance.sina.com.cn: same facts); zh.wikipedia 广深港高速铁路广深段 (oracleblog/wikiwand mirrors: design 350 km/h, "
                "250 in the 狮子洋 tunnel; operated at 300)",
         confidence="high", accuracy_m="schematic",
         notes="gateway link so that rail routing reaches 广州 from the 赣深 line (change at 光明城 or 深圳北). Design speed 350 km/h "
               "(狮子洋隧道 250); the 福田 – 香港西九龙 part is not modelled. 2011 fastest 广州南–深圳北 time: 35 min"),
    dict(id="rail-gw-jingjiu-shenzhen", zh="京九铁路(龙川—深圳)", en="Beijing–Kowloon Railway (Longchuan–Shenzhen)", status="existing",
         opened="1996-09-01", rail_class="conventional", speed=120, tracks=2, electrified=True, scope="gateway",
         stops=["rs-longchuan", (23.75, 114.70), (23.10, 114.40), "rs-shenzhen"],
         source=SRC_EST, confidence="low", accuracy_m="schematic", notes="schematic gateway link; design speed assumed"),
    dict(id="rail-gw-wuguang-guangzhou", zh="武广高铁(韶关—广州南)", en="Wuhan–Guangzhou HSR (Shaoguan–Guangzhou South)", status="existing",
         opened="2009-12-26", rail_class="hsr", speed=350, tracks=2, electrified=True, scope="gateway",
         stops=["rs-shaoguan", (24.35, 113.45), (23.60, 113.20), "rs-guangzhounan"],
         source=SRC_EST + "; 武广高铁 opening 2009-12-26 (general knowledge)", confidence="low", accuracy_m="schematic", notes="schematic gateway link"),
    dict(id="rail-gw-wuguang-changsha", zh="武广高铁(郴州西—长沙南)", en="Wuhan–Guangzhou HSR (Chenzhou West–Changsha South)", status="existing",
         opened="2009-12-26", rail_class="hsr", speed=350, tracks=2, electrified=True, scope="gateway",
         stops=["rs-chenzhouxi", (26.40, 112.95), (27.30, 112.95), "rs-changshanan"],
         source=SRC_EST + "; 武广高铁 opening 2009-12-26 (general knowledge)", confidence="low", accuracy_m="schematic",
         notes="schematic gateway link (衡阳东, 株洲西 not modelled)"),
    dict(id="rail-gw-longxia-xiamen", zh="龙厦铁路(龙岩—厦门北)", en="Longyan–Xiamen Railway", status="existing", opened="2012-06-29",
         rail_class="conventional", speed=200, tracks=2, electrified=True, scope="gateway",
         stops=["rs-longyan", (24.85, 117.40), (24.58, 117.44), "rs-xiamenbei"],
         source=SRC_EST + "; 龙厦铁路 opening 2012-06-29 (general knowledge; 南靖站 opened 2012-06-30 per en.wikipedia)",
         confidence="low", accuracy_m="schematic", notes="schematic gateway link"),
    dict(id="rail-gw-changsha-ganzhou-hsr", zh="长赣高铁(长沙西—萍乡北)", en="Changsha–Ganzhou HSR (Changsha West–Pingxiang North)",
         status="under_construction", planned_open=2030, rail_class="hsr", speed=350, tracks=2, electrified=True, length_km=430.0, scope="gateway",
         stops=["rs-changshaxi", (28.15, 113.20), (28.15, 113.62), "rs-pingxiangbei"],
         source="as rail-changsha-ganzhou-hsr", confidence="medium", accuracy_m="schematic", notes="Hunan part (黄花机场T3, 浏阳, 上栗 not modelled)"),
    dict(id="rail-gw-ganguang", zh="赣广高铁(连平—广州, 研究)", en="Ganzhou–Guangzhou HSR (Lianping–Guangzhou, study)", status="study",
         plan_ref=PLAN_2021 + ": 赣广高铁 (研究)", rail_class="hsr", speed=350, tracks=2, electrified=True, scope="gateway",
         stops=["rs-lianping", (24.05, 114.05), (23.55, 113.60), "rs-guangzhounan"],
         source="thepaper.cn newsDetail_forward_11289101", confidence="low", accuracy_m="schematic",
         notes="study corridor 连平→新丰→吕田→从化; terminal station not decided (广州南 used as a stand-in)"),
    dict(id="rail-gw-ganlongxia-xiamen", zh="赣龙厦高铁(龙岩—厦门北)", en="Ganzhou–Longyan–Xiamen HSR (Longyan–Xiamen North)", status="planned",
         plan_ref=PLAN_2021 + ": 赣龙厦高铁", rail_class="hsr", speed=350, tracks=2, electrified=True, scope="gateway",
         stops=["rs-longyan", (24.90, 117.30), (24.60, 117.65), "rs-xiamenbei"],
         source="334309.nync.com 2022-11-25", confidence="low", accuracy_m="schematic", notes="schematic"),
)
