"""Places: 18 county seats, towns on expressways/trunk roads, gateway cities.

Coordinates are (lat, lon). ``crs`` "gcj02" rows are converted to WGS84 by the builder.
"""
from __future__ import annotations

from scripts.dataset.common import SRC_CPCA, SRC_EST, interchange_places

# id, name_zh, name_en, county, lon_gcj, lat_gcj (cpca 0.5.5 adcodes.csv rows; 赣县 and 龙南 under their
# pre-2016/2020 adcodes 360721 / 360727)
SEATS_GCJ: tuple[tuple[str, str, str, float, float], ...] = (
    ("zhanggong", "章贡区(赣州市区)", "Zhanggong (Ganzhou city)", 114.921171, 25.817816),
    ("nankang", "南康区(蓉江街道)", "Nankang", 114.765412, 25.661450),
    ("ganxian", "赣县区(梅林镇)", "Ganxian (Meilin)", 115.011561, 25.860690),
    ("xinfeng", "信丰县(嘉定镇)", "Xinfeng", 114.922922, 25.386379),
    ("dayu", "大余县(南安镇)", "Dayu", 114.362112, 25.401313),
    ("shangyou", "上犹县(东山镇)", "Shangyou", 114.551138, 25.785172),
    ("chongyi", "崇义县(横水镇)", "Chongyi", 114.308267, 25.681784),
    ("anyuan", "安远县(欣山镇)", "Anyuan", 115.393922, 25.136927),
    ("dingnan", "定南县(历市镇)", "Dingnan", 115.027845, 24.784410),
    ("quannan", "全南县(城厢镇)", "Quannan", 114.530125, 24.742403),
    ("ningdu", "宁都县(梅江镇)", "Ningdu", 116.009472, 26.470116),
    ("yudu", "于都县(贡江镇)", "Yudu", 115.415508, 25.952068),
    ("xingguo", "兴国县(潋江镇)", "Xingguo", 115.363189, 26.337937),
    ("huichang", "会昌县(文武坝镇)", "Huichang", 115.786056, 25.600272),
    ("xunwu", "寻乌县(长宁镇)", "Xunwu", 115.637933, 24.969167),
    ("shicheng", "石城县(琴江镇)", "Shicheng", 116.346995, 26.314775),
    ("ruijin", "瑞金市(象湖镇)", "Ruijin", 116.027134, 25.885555),
    ("longnan", "龙南市(龙南镇)", "Longnan", 114.789873, 24.911069),
)

SEAT_STATIONS: dict[str, list[str]] = {
    "zhanggong": ["rs-ganzhou", "rs-ganzhouxi", "rs-ganzhoubei"],
    "nankang": ["rs-nankang", "rs-nankangxi"],
    "ganxian": ["rs-ganxian", "rs-ganxianbei"],
    "xinfeng": ["rs-xinfeng", "rs-xinfengxi", "rs-xinfengbei"],
    "dayu": ["rs-dayu", "rs-dayubei"],
    "shangyou": ["rs-shangyou"],
    "chongyi": ["rs-chongyi"],
    "anyuan": ["rs-anyuan", "rs-anyuan-glx"],
    "dingnan": ["rs-dingnan", "rs-dingnannan"],
    "quannan": ["rs-quannan"],
    "ningdu": ["rs-ningdu"],
    "yudu": ["rs-yudu", "rs-yudubei"],
    "xingguo": ["rs-xingguo", "rs-xingguoxi"],
    "huichang": ["rs-huichang", "rs-huichangbei"],
    "xunwu": ["rs-xunwu"],
    "shicheng": ["rs-shichengdong"],
    "ruijin": ["rs-ruijin"],
    "longnan": ["rs-longnan", "rs-longnandong", "rs-longnanbei"],
}
SEAT_AIRPORTS: dict[str, list[str]] = {
    "nankang": ["ap-ganzhou"], "zhanggong": ["ap-ganzhou"], "ruijin": ["ap-ruijin"],
}

# Towns: id, name_zh, name_en, county (None outside Ganzhou), lat, lon, accuracy_m, notes
TOWNS: tuple[tuple, ...] = (
    # --- in Ganzhou
    ("town-maodian", "茅店镇", "Maodian", "ganxian", 25.905, 115.065, 3000,
     "赣县东枢纽 area: G76 瑞赣段 meets 兴赣高速 and the 赣州绕城 (ganzhou_lines.md)"),
    ("town-jibu", "吉埠镇", "Jibu", "ganxian", 26.005, 115.160, 5000,
     "赣县北站 (昌赣高铁) is in 吉埠镇 (92e.net). CORRECTION 2026-11: this id used to be the G45/G105 node north of the city "
     "(25.990, 114.965), 19 km west of the town; that node is now ic-g45-ganzhou-north and 吉埠 is not on G45/G105"),
    ("town-jiangkou", "江口镇", "Jiangkou", "ganxian", 25.800, 115.150, 4000, "贡江/桃江 confluence; 赣粤运河 桃江 variant leaves the 贡江 here"),
    ("town-wangmudu", "王母渡镇", "Wangmudu", "ganxian", 25.570, 115.120, 4000, "on the planned 赣安寻高速 (m.rexun.cn 2022)"),
    ("town-shashi", "沙石镇", "Shashi", "zhanggong", 25.760, 114.900, 3000, "赣州绕城 and start of planned 赣安寻高速 (蓉江新区)"),
    ("town-tangjiang", "唐江镇", "Tangjiang", "nankang", 25.770, 114.630, 3000, "G76 赣崇段 interchange [I]; 唐江整训旧址"),
    ("town-meiguan", "梅关(梅岭)", "Meiguan (Mei Pass)", "dayu", 25.333, 114.345, 2000,
     "JX–GD border pass; 康大高速 (G6011) reaches the border here (chinahighway.org/view/816)"),
    ("town-xiaohe", "小河镇", "Xiaohe", "xinfeng", 25.370, 114.800, 4000, "小河枢纽: 信雄高速 leaves 大广高速 (visaplatform.com.cn 2023-10-01)"),
    ("town-anxi", "安西镇", "Anxi", "xinfeng", 25.150, 114.930, 5000, "assumed 寻全高速 crossing of G45 in southern 信丰 [I]"),
    ("town-youshan", "油山镇", "Youshan", "xinfeng", 25.330, 114.700, 5000, "油山: 赣粤边三年游击战争 base area [I]"),
    ("town-banshi", "版石镇", "Banshi", "anyuan", 25.300, 115.370, 4000, "宁定高速 版石互通; planned 赣安寻 joins here (m.rexun.cn 2022)"),
    ("town-tianxin", "天心镇", "Tianxin", "anyuan", 25.440, 115.570, 4000, "瑞梅铁路 天心站"),
    ("town-laocheng", "老城镇", "Laocheng", "dingnan", 24.720, 115.030, 5000, "大广龙河联络线 meets 定南联络线 at 老城 (jtyq.org.cn 2021-04-25)"),
    ("town-nanqiao", "南桥镇", "Nanqiao", "xunwu", 24.770, 115.700, 5000, "寻龙高速 starts at 南桥 (m.163.com J60OJTG4)"),
    ("town-xijiang", "西江镇", "Xijiang", "huichang", 25.790, 115.640, 4000, "会昌北站 is in 西江镇 (p.panqu.net)"),
    ("town-yeping", "叶坪乡", "Yeping", "ruijin", 25.917, 116.067, 1500,
     "zh.wikipedia 瑞金革命遗址 header 25°55′N 116°04′E; 叶坪 5–6 km NE of the city; Ruijin airport site"),
    ("town-shazhouba", "沙洲坝镇", "Shazhouba", "ruijin", 25.88444, 116.00389, 1500,
     "zh.wikipedia 沙洲坝革命旧址 header 25°53′04″N 116°00′14″E (its table rows say 26°53′, a typo); 4 km SW of the city"),
    ("town-yunshishan", "云石山乡", "Yunshishan", "ruijin", 25.905, 115.855, 4000, "on the Ruijin–Yudu road (G323) [I]"),
    ("town-laicun", "赖村镇", "Laicun", "ningdu", 26.230, 115.920, 4000, "昌宁高速 ends at 赖村 on G72 石吉段 (fheb.cn 2018)"),
    ("town-xiaobu", "小布镇", "Xiaobu", "ningdu", 26.78572, 115.83584, 2000, "on 昌宁高速; 中共苏区中央局旧址 (赤坎村)"),
    ("town-huangpi", "黄陂镇", "Huangpi", "ningdu", 26.620, 115.800, 5000, "assumed G1517 莆炎 interchange in northern 宁都 [I]"),
    ("town-dagu", "大沽乡", "Dagu", "ningdu", 26.600, 115.820, 5000, "on the planned 兴国–小布 expressway (ninggangzx.com)"),
    ("town-dinglong", "鼎龙乡", "Dinglong", "xingguo", 26.220, 115.420, 4000, "兴赣高速 starts at 鼎龙 / G72 兴国互通 (xuepifa.com)"),
    ("town-changgang", "长冈乡", "Changgang", "xingguo", 26.31599, 115.3968, 1500, "长冈乡调查旧址 ~4 km from the county town (gsh.yzqz.cn)"),
    ("town-pingfu", "平富乡", "Pingfu", "shangyou", 25.930, 114.480, 5000, "红三军团政治处旧址 at 平富乡 上寨村 (ly.web258.cn)"),
    ("town-junmenling", "筠门岭镇", "Junmenling", "huichang", 25.270, 115.760, 5000,
     "on the 会昌–寻乌 road (G206) and G35 [I]; 中共会寻安中心县委旧址 (bytravel.cn)"),
    ("town-shangbao", "上堡乡", "Shangbao", "chongyi", 25.830, 114.120, 5000, "上堡整训旧址"),
    # --- just outside Ganzhou (inside the surroundings bbox)
    ("town-wanan", "万安县", "Wan'an (Ji'an)", None, 26.460, 114.790, 3000, "吉安市; on G45 and 昌赣高铁"),
    ("town-taihe", "泰和县", "Taihe (Ji'an)", None, 26.790, 114.900, 3000, "吉安市; G72 石吉段 west end area"),
    ("town-suichuan", "遂川县", "Suichuan (Ji'an)", None, 26.320, 114.520, 3000, "吉安市; 遂大高速 north end; 长赣高铁 遂川站"),
    ("town-yongfeng", "永丰县", "Yongfeng (Ji'an)", None, 27.320, 115.430, 3000, "吉安市; on 昌宁高速"),
    ("town-guangchang", "广昌县", "Guangchang (Fuzhou JX)", None, 26.840, 116.320, 3000, "抚州市; G35 and G1517"),
    ("town-ninghua", "宁化县", "Ninghua (Sanming, FJ)", None, 26.260, 116.650, 3000, "三明市; G72 and 兴泉铁路"),
    ("town-changting", "长汀县", "Changting (Longyan, FJ)", None, 25.840, 116.360, 3000, "龙岩市; G76 and 赣瑞龙铁路"),
    ("town-rucheng", "汝城县", "Rucheng (Chenzhou, HN)", None, 25.550, 113.680, 3000, "郴州市; G76 west of 崇义"),
    ("town-nanxiong", "南雄市", "Nanxiong (Shaoguan, GD)", None, 25.120, 114.310, 3000, "韶关市; G6011, 赣韶铁路, 雄信高速"),
    ("town-heping", "和平县", "Heping (Heyuan, GD)", None, 24.440, 114.940, 3000, "河源市; 赣深高铁 和平北站"),
    ("town-longchuan", "龙川县", "Longchuan (Heyuan, GD)", None, 24.100, 115.260, 3000, "河源市; 京九铁路, 寻龙高速"),
    ("town-pingyuan", "平远县", "Pingyuan (Meizhou, GD)", None, 24.570, 115.890, 3000, "梅州市; 瑞梅铁路"),
    ("town-lianping", "连平县", "Lianping (Heyuan, GD)", None, 24.370, 114.490, 3000, "河源市; G45; 赣广高铁 study corridor"),
)

# Gateways: id, name_zh, name_en, lat, lon, scope, station_ids, airport_ids, notes
GATEWAYS: tuple[tuple, ...] = (
    ("gw-nanchang", "南昌", "Nanchang", 28.683, 115.858, "gateway", ["rs-nanchangxi"], ["ap-khn"],
     "Jiangxi capital; 南昌站, 南昌东 and 南昌南 (ex-横岗, on the 昌赣 branch to 南昌站) also serve the city but are not modelled"),
    ("gw-changsha", "长沙", "Changsha", 28.228, 112.939, "gateway", ["rs-changshanan", "rs-changshaxi"], [], "Hunan capital"),
    ("gw-guangzhou", "广州", "Guangzhou", 23.129, 113.264, "gateway", ["rs-guangzhounan"], ["ap-can"],
     "Guangdong capital; 广州东 (赣深 through trains) and 广州/广州北/广州白云 stations are not modelled; 庆盛 (南沙) is in Guangzhou "
     "but ~30 km from the centre and is not listed"),
    ("gw-shenzhen", "深圳", "Shenzhen", 22.543, 114.058, "gateway", ["rs-shenzhenbei", "rs-shenzhen", "rs-guangmingcheng"], ["ap-szx"],
     "福田 (广深港) and 深圳东/坪山 stations are not modelled"),
    ("gw-xiamen", "厦门", "Xiamen", 24.480, 118.089, "gateway", ["rs-xiamenbei"], ["ap-xmn"], ""),
    ("gw-fuzhou", "福州", "Fuzhou (Fujian)", 26.074, 119.296, "gateway", ["rs-fuzhou"], ["ap-foc"], "Fujian capital"),
    ("gw-beijing", "北京", "Beijing", 39.904, 116.407, "gateway", ["rs-beijingxi"], ["ap-pek", "ap-pkx"], ""),
    ("gw-shanghai", "上海", "Shanghai", 31.230, 121.474, "gateway", ["rs-shanghaihongqiao"], ["ap-sha", "ap-pvg"], ""),
    ("gw-longyan", "龙岩", "Longyan", 25.075, 117.017, "local", ["rs-longyan"], [], "inside the surroundings bbox"),
    ("gw-meizhou", "梅州", "Meizhou", 24.289, 116.122, "local", ["rs-meizhouxi"], [], "inside the surroundings bbox"),
    ("gw-shaoguan", "韶关", "Shaoguan", 24.810, 113.597, "local", ["rs-shaoguan", "rs-shaoguandong"], [], "inside the surroundings bbox"),
    ("gw-jian", "吉安", "Ji'an", 27.113, 114.993, "local", ["rs-jianxi", "rs-jian"], [], "inside the surroundings bbox"),
    ("gw-fuzhou-jx", "抚州", "Fuzhou (Jiangxi)", 27.948, 116.358, "local", ["rs-fuzhou-jx"], [], "inside the surroundings bbox"),
    ("gw-chenzhou", "郴州", "Chenzhou", 25.770, 113.015, "local", ["rs-chenzhouxi"], [], "inside the surroundings bbox"),
)


# Interchanges (kind interchange): id, name_zh, name_en, county, lat, lon, accuracy_m, role/source, position note.
# 赣州绕城高速 S4503 (chinahighway.org/view/816): 6 interchanges — 赣县东枢纽 (start, 茅店 燕子岩, = town-maodian), 赣县南 (into the
# 赣县 town), 赣州东 (old city, '距火车站约3公里'), 赣州南 (new city and college district, '距市政中心约7公里'), 南康东 (南康 furniture
# park, '距南康市中心约7公里'), 南康南枢纽 (end, G45 at 步狗垅; modelled at seat-nankang, where G45 and 康大 also meet). Route towns
# in order: 茅店, 沙河, 沙石, 潭东, 黄金, 潭口, 龙岭, 东山. No coordinate was found for any of them: positions are estimates placed
# from those distances and the town order (confidence low).
SRC_RING = "chinahighway.org/view/816 (赣州绕城高速 S4503: interchange list and descriptions); newton.com.tw 赣州环城高速公路"
INTERCHANGES: tuple[tuple, ...] = (
    ("ic-ganxian-nan", "赣县南互通", "Ganxian South interchange", "ganxian", 25.845, 115.000, 3000,
     "S4503 exit into the 赣县 town (梅林)", "placed 2 km SW of the 赣县 seat, between 茅店 and 沙河 on the ring"),
    ("ic-ganzhou-dong", "赣州东互通", "Ganzhou East interchange", "zhanggong", 25.810, 114.990, 3000,
     "S4503 main exit into the old city, ~3 km from 赣州火车站", "placed 3.4 km E of rs-ganzhou (itself an estimate), near 沙河"),
    ("ic-ganzhou-nan", "赣州南互通", "Ganzhou South interchange", "zhanggong", 25.775, 114.860, 3000,
     "S4503 exit into the new city and college district, ~7 km from the city government",
     "placed 7.6 km SW of the city-government point, west of 沙石 (潭东/蓉江新区 side)"),
    ("ic-nankang-dong", "南康东互通", "Nankang East interchange", "nankang", 25.705, 114.805, 3000,
     "S4503 exit for the 南康 furniture park, ~7 km from the 南康 centre", "placed 6.9 km NE of the 南康 seat (龙岭 side)"),
    ("ic-g45-ganzhou-north", "大广高速/G105 赣州北节点", "G45/G105 node north of Ganzhou", "ganxian", 25.990, 114.965, 4000,
     "G45 (泰赣段) and G105 node north of the city; formerly mislabelled town-jibu (吉埠 is 19 km east, see town-jibu); the name of "
     "the interchange here was not found", "position is the former (estimated) node position, unchanged"),
)

#: towns whose coordinate comes from a cited source: id -> citation
SOURCED_TOWNS: dict[str, str] = {
    "town-yeping": "zh.wikipedia 瑞金革命遗址 header 25°55′N 116°04′E (arc-minute precision); 叶坪 ~6 km NE of Ruijin city (newton.com.tw)",
    "town-shazhouba": "zh.wikipedia 沙洲坝革命旧址 header 25°53′04″N 116°00′14″E (datum not stated)",
    "town-xiaobu": ("derived: placed at the 中共苏区中央局旧址 (赤坎村, in 小布镇) coordinate from a GitHub AMap page (GCJ-02 → WGS84); "
                    "小布 is in NW 宁都 next to 东韶/永丰/黄陂/大沽 (factpedia) — the former estimate was 18 km too far east"),
    "town-changgang": ("derived: placed at the 长冈乡调查旧址 coordinate from a GitHub AMap page (GCJ-02 → WGS84), 4.5 km ESE of the "
                       "county town (sources: 4 km)"),
    "town-yunshishan": ("derived: 12–19 km W of 瑞金 on G323, between 沙洲坝 (E) and 万田/西江 (W) (baike.baidu.hk 云石山; 央视 2016-10-20); "
                        "the point is 16.7 km W of the city"),
    "town-jibu": ("derived: 赣县北站 is in 吉埠镇 (92e.net) and its OSM position is 26.010, 115.150; 吉埠镇 lies in NE 赣县, south of 南塘, "
                  "north of 江口, west of 于都, east of 石芫, 127 km² (czkjst.org 吉埠镇 entry, 2023) — the point is 1 km from the "
                  "station, within the town area; the town centre itself was not found (hence 5 km)"),
    "town-meiguan": ("derived: the pass is on the JX–GD border 10 km from the 大余 county town and 20 km from 南雄 (xsjgww.com; "
                     "人民日报 2024-11-18), placed where the 大余–南雄 line crosses the county boundary"),
}


#: gateway city points: cpca 0.5.5 adcodes.csv city rows (AMap centre point = city government, GCJ-02): id -> (lon, lat).
#: The earlier table carried these GCJ-02 values unconverted and labelled them estimates; 吉安 differed (27.113, 114.993).
GATEWAY_CPCA_GCJ: dict[str, tuple[float, float]] = {
    "gw-nanchang": (115.858198, 28.682892), "gw-changsha": (112.938884, 28.22808), "gw-guangzhou": (113.264385, 23.12911),
    "gw-shenzhen": (114.057939, 22.543527), "gw-xiamen": (118.089204, 24.479664), "gw-fuzhou": (119.296389, 26.074268),
    "gw-beijing": (116.407394, 39.904211), "gw-shanghai": (121.473662, 31.230372), "gw-longyan": (117.017295, 25.075119),
    "gw-meizhou": (116.122523, 24.288578), "gw-shaoguan": (113.59762, 24.810879), "gw-jian": (114.966567, 27.090763),
    "gw-fuzhou-jx": (116.358181, 27.949217), "gw-chenzhou": (113.014984, 25.770532),
}


def place_rows(gcj02_to_wgs84) -> list[dict]:
    """Return places as dicts with 'lat'/'lon' (WGS84) plus schema properties."""
    rows: list[dict] = []
    for cid, zh, en, glon, glat in SEATS_GCJ:
        lon, lat = gcj02_to_wgs84(glon, glat)
        rows.append({
            "id": f"seat-{cid}", "name_zh": zh, "name_en": f"{en} (county seat)", "status": "existing",
            "source": SRC_CPCA, "confidence": "medium", "accuracy_m": 1000, "scope": "local",
            "notes": f"AMap centre point of the county-level unit (GCJ-02 {glon}, {glat})",
            "kind": "county_seat", "county": cid, "station_ids": SEAT_STATIONS[cid],
            "airport_ids": SEAT_AIRPORTS.get(cid), "lat": lat, "lon": lon,
        })
    for tid, zh, en, county, lat, lon, acc, notes in TOWNS:
        sourced = SOURCED_TOWNS.get(tid)
        rows.append({
            "id": tid, "name_zh": zh, "name_en": en, "status": "existing",
            "source": (sourced if sourced else SRC_EST) + "; role: " + notes,
            "confidence": "medium" if sourced else "low", "accuracy_m": acc, "scope": "local", "kind": "town", "county": county,
            "notes": "town used as a road node or as the place of a station/site" + ("" if sourced else "; town centre estimated"), "lat": lat, "lon": lon,
        })
    rows += interchange_places(INTERCHANGES, notes="expressway interchange used as a road node; position estimated",
                               cite=lambda iid: SRC_RING if iid.startswith(("ic-ganxian", "ic-ganzhou", "ic-nankang"))
                               else "ganzhou_lines.md G45 node order (inferred)")
    for gid, zh, en, _lat, _lon, scope, st, ap, notes in GATEWAYS:
        glon, glat = GATEWAY_CPCA_GCJ[gid]
        lon, lat = gcj02_to_wgs84(glon, glat)
        rows.append({
            "id": gid, "name_zh": zh, "name_en": en, "status": "existing",
            "source": SRC_CPCA + f" city row (GCJ-02 {glon}, {glat}: AMap centre point = city government)",
            "confidence": "medium", "accuracy_m": 1000, "scope": scope, "kind": "gateway",
            "station_ids": st, "airport_ids": ap or None,
            "notes": ("gateway city for intercity access (point = city government, standing for the city centre); " + notes).strip("; "),
            "lat": lat, "lon": lon,
        })
    return rows
