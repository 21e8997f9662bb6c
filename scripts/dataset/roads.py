"""Expressways and trunk roads. 'nodes' mixes place ids (interchanges, in order) and (lat, lon) shaping vertices.

Network roles: Ganzhou's expressway network is "四纵四横八联" in the 2021 plan wording and "四纵四横九联" in
2024 briefings (kuaibao.lzzcloud.net; wxredian.com 2024-12-20). No source gives the membership of any
纵/横/联, so every network_role here is an inference (network_role_inferred = true).
"""
from __future__ import annotations

from scripts.dataset.common import SRC_EST

ROLE_NOTE = ("network role inferred: Ganzhou network is '四纵四横八联' (2021 plan) / '四纵四横九联' (2024 briefings); "
             "membership not published in any source found")
GW_NOTE = "schematic gateway leg so that road routing reaches the gateway city; alignment and times are not sourced"

# keys: id, zh, en, code, status, opened, planned_open, lanes, speed, role, length_km, nodes, source, confidence, notes, scope
EXPRESSWAYS: tuple[dict, ...] = (
    dict(id="expy-g45", zh="大广高速 G45(泰赣段·赣定段)", en="Daqing–Guangzhou Expressway G45 (Ji'an–Longnan)", code="G45",
         status="existing", opened="2004-01-16", lanes=4, speed=100, role="纵",
         nodes=["gw-jian", "town-taihe", "town-wanan", (26.20, 114.90), "ic-g45-ganzhou-north", (25.82, 114.80), "seat-nankang",
                (25.50, 114.83), "town-xiaohe", "seat-xinfeng", "town-anxi", "seat-longnan"],
         source="factpedia 泰赣高速公路 (泰和–南康 龙岭 128 km, opened 2004-01-16, 100 km/h); kuaibao.lzzcloud.net; ephen.com.cn 2024-01 "
                "(南康–龙南 capacity expansion completed; 吉安–南康 widening); chinahighway.org/view/816 (南康互通 at 步狗垅)",
         confidence="medium",
         notes="opened = the 泰赣 section (泰和 马市 – 南康 龙岭, 128 km, 100 km/h design, works 2001-11-18, opened 2004-01-16: factpedia "
               "泰赣高速公路); the 赣定 section (南康–龙南–定南) opening date not found; speed 100 = 泰赣 design speed (was an assumed "
               "120). Node order is an inference; widened sections have 8 lanes [I]; 大广 (龙南–杨村) is "
               "'第三纵' of the JX provincial '三纵四横' trunk network (m.56885.net 2009-05-05)"),
    dict(id="expy-longhe", zh="大广高速龙河联络线(龙南—和平)", en="G45 Longnan–Heyuan link", code="G45",
         status="existing", opened="2012", lanes=4, speed=100, role="联",
         nodes=["seat-longnan", (24.78, 114.92), "town-laocheng", "town-heping"],
         source="jtyq.org.cn 2021-04-25 (mentions 大广高速龙河联络线 at 老城)", confidence="low",
         notes="existence sourced; alignment, lanes, speed and opening year 2012 are ESTIMATES"),
    dict(id="expy-g35", zh="济广高速 G35(石城—瑞金—寻乌)", en="Jinan–Guangzhou Expressway G35 (Shicheng–Ruijin–Xunwu)", code="G35",
         status="existing", opened="2011-12-28", lanes=4, speed=100, role="纵", length_km=123.812,
         nodes=["gw-fuzhou-jx", (27.30, 116.50), "town-guangchang", "seat-shicheng", (26.10, 116.20), "town-yeping", "seat-ruijin",
                "seat-huichang", "town-junmenling", "seat-xunwu", (24.60, 115.90), "gw-meizhou"],
         source="cncmrn.com 2011-09-05 (瑞寻段 123.812 km through 瑞金·会昌·寻乌, the last JX section); chinatln.com 2011-12-27 (opening 2011-12-28); "
                "m.56885.net 2009-05-05", confidence="medium",
         notes="瑞寻 section opened 2011-12-28 per chinatln.com 2011-12-27 ('12月28日 瑞金至寻乌 … 将正式通车', 123.9 km); completes 济广 in JX, "
               "'第一纵' of the JX provincial '三纵四横' trunk network (2009–2011 reports; not the Ganzhou 四纵四横 membership). "
               "叶坪 and 筠门岭 nodes assume interchanges there"),
    dict(id="expy-g72", zh="泉南高速 G72(石吉段)", en="Quanzhou–Nanning Expressway G72 (Shicheng–Ji'an)", code="G72",
         status="existing", opened="2010-09-16", lanes=4, speed=80, role="横", length_km=190.719,
         nodes=["town-ninghua", "seat-shicheng", (26.40, 116.15), "seat-ningdu", "town-laicun", "town-dinglong", "seat-xingguo",
                (26.55, 115.10), "town-taihe", "gw-jian"],
         source="newton.com.tw 石城—吉安高速公路 (works 2008-08-16, opened 2010-09-16; 五里亭 (赣闽界) – 泰和枢纽, 190.719 km, 4 lanes, "
                "80–100 km/h); chinahighway.org/view/830 (100 km/h 五里亭–宁都互通 ~46 km, 80 km/h 宁都–灌溪 ~109 km, 100 km/h "
                "灌溪–泰和 ~35 km; interchanges 石城, 宁都枢纽 (固村, G35), 宁都, 宁都西 (赖村), 古龙岗, 兴国 (鼎龙), 兴国西 (高兴)); "
                "fheb.cn 2018 (昌宁 ends at 赖村 on 泉南石吉段); xuepifa (兴赣 starts at G72 石吉段 兴国互通)",
         confidence="medium",
         notes="speed_kmh 80 = the design speed of the 109 km middle section (宁都–灌溪), which covers the Ganzhou part west of 宁都; "
               "the ends are 100 km/h. The 宁化 and 吉安 ends of the feature are beyond the 石吉 section (G72 continues in FJ; 泰和–吉安 "
               "via G45). CORRECTION: opened was an ESTIMATE of 2012"),
    dict(id="expy-g76-ruigan", zh="厦蓉高速 G76(瑞赣段)", en="Xiamen–Chengdu Expressway G76 (Ruijin–Ganzhou)", code="G76",
         status="existing", opened="2009", lanes=4, speed=100, role="横",
         nodes=["gw-longyan", (25.40, 116.80), "town-changting", (25.88, 116.20), "seat-ruijin", "town-shazhouba", "town-yunshishan",
                "seat-yudu", (25.92, 115.20), "town-maodian"],
         source="m.yourjia.com (瑞赣高速: works started 2007-02-08, 36-month period, 'expected to open end-2009'; 117.12 km through 瑞金, "
                "会昌, 于都, 赣县, 章贡, 赣州经开区; 4 lanes, 100 km/h; World Bank loan); xuepifa.com (G76 厦蓉 瑞金至赣州段); besteduchina",
         confidence="low",
         notes="opened 2009 = the planned completion (end-2009), an ESTIMATE — the opening day was not found. CORRECTION: the former "
               "estimate 2008 is impossible (works began 2007-02 with a 36-month period). 龙岩–长汀 part included to reach the 龙岩 gateway"),
    dict(id="expy-s4503", zh="赣州绕城高速 S4503", en="Ganzhou Ring Expressway S4503", code="S4503",
         status="existing", opened="2015", lanes=4, speed=100, role="联", length_km=52.7,
         nodes=["town-maodian", "ic-ganxian-nan", "ic-ganzhou-dong", "town-shashi", "ic-ganzhou-nan", "ic-nankang-dong", "seat-nankang"],
         source="chinahighway.org/view/816 (茅店 燕子岩 → 沙河 → 沙石 → 潭东 → 黄金 → 潭口 → 南康 龙岭·东山 → 南康互通; 52.7 km, 4 lanes, "
                "100 km/h, '全线贯通'; 6 interchanges: 赣县东枢纽, 赣县南, 赣州东, 赣州南, 南康东, 南康南枢纽); newton.com.tw",
         confidence="medium",
         notes="opening year 2015 is an ESTIMATE; with G45 & G76 forms the 103 km outer ring. Nodes (2026-11): 赣县东枢纽 = town-maodian, "
               "赣县南, 赣州东, 沙石 (town node where the planned 赣安寻 starts), 赣州南, 南康东, and the 南康南枢纽 at 步狗垅 (G45) "
               "modelled at seat-nankang; interchange positions are estimates from the distances in the source; the order of 赣县南 "
               "before 赣州东 is inferred from the route towns (茅店 → 沙河 → 沙石)"),
    dict(id="expy-g76-ganchong", zh="厦蓉高速 G76(赣崇段)", en="Xiamen–Chengdu Expressway G76 (Ganzhou–Chongyi–Rucheng)", code="G76",
         status="existing", opened="2010", lanes=4, speed=100, role="横",
         nodes=["seat-nankang", "town-tangjiang", "seat-shangyou", "seat-chongyi", (25.58, 114.00), "town-rucheng", (25.68, 113.35), "gw-chenzhou"],
         source="no source found for this section (ganzhou_lines.md: '赣崇高速 [I] part of G76')", confidence="low",
         notes="whole feature is general knowledge: G76 continues 赣州→上犹→崇义→汝城; interchange at 唐江 assumed; opening year 2010 ESTIMATE"),
    dict(id="expy-g6011-changning", zh="南韶高速 G6011(昌宁段, 永丰—赖村)", en="G6011 Nanchang–Ningdu Expressway (Yongfeng–Laicun)",
         code="G6011", status="existing", opened="2016-01-13", lanes=4, speed=100, role="纵", length_km=248.6,
         nodes=["town-yongfeng", (27.05, 115.75), "town-xiaobu", (26.60, 115.95), "seat-ningdu", "town-laicun"],
         source="m.techno-d.com.cn 2016-01-12 (昌宁 opens 2016-01-13, 248.6 km, 4 lanes, 100 km/h); fheb.cn 2018", confidence="medium",
         notes="length is the whole 昌宁 (南昌–宁都); northern part is expy-gw-g6011-nanchang"),
    dict(id="expy-g6011-xinggan", zh="南韶高速 G6011(兴赣段)", en="G6011 Xingguo–Ganzhou Expressway", code="G6011",
         status="existing", opened="2015", lanes=4, speed=120, role="纵", length_km=71.8,
         nodes=["town-dinglong", (26.05, 115.20), "town-maodian"],
         source="xuepifa.com (71.8 km: 兴国 34.3, 赣县 29.4; 4 lanes, 120 km/h; starts at G72 石吉段 K105+750 兴国互通)", confidence="medium",
         notes="opening year 2015 is an ESTIMATE ('c.2015'); one source says 赣县枢纽–兴国 opened 2017-01-04 (ambiguous)"),
    dict(id="expy-g6011-kangda", zh="南韶高速 G6011(康大段, 南康—大余—梅关)", en="G6011 Nankang–Dayu Expressway (to Mei Pass)", code="G6011",
         status="existing", opened="2007-12-21", lanes=4, speed=100, role="纵",
         nodes=["seat-nankang", (25.55, 114.60), "seat-dayu", "town-meiguan", "town-nanxiong", (24.95, 113.85), "gw-shaoguan"],
         source="m.gethgdk.com copy of an encyclopedia entry (康大高速, JX code S66: 三益 (G45 赣定段) – 大梅关 (赣粤界, tunnel link to 韶赣高速), "
                "56.645 km, interchanges 新城, 青龙, 大余, 三益枢纽; works from 2005-11, opened 2007-12-21); chinahighway.org/view/816 "
                "(赣州–大余高速 三益–梅关)",
         confidence="medium",
         notes="opened = the JX 康大 section. CORRECTION: was an ESTIMATE of 2012. Speed 100 assumed. The 南雄–韶关 part (GD 韶赣高速) is "
               "included to reach the 韶关 gateway; its opening date not checked"),
    dict(id="expy-g1517", zh="莆炎高速 G1517(广昌—吉安)", en="Putian–Yanling Expressway G1517 (Guangchang–Ji'an)", code="G1517",
         status="existing", opened="2019-01-22", lanes=4, speed=100, role="横",
         nodes=["town-guangchang", (26.75, 116.05), "town-huangpi", (26.85, 115.40), "gw-jian"],
         source="99mizi (中国交建 2022-05-30: whole G1517 through 2022-05); pediainside 莆炎 (广昌–吉安 opened 2019-01-22)", confidence="low",
         notes="interchange at 黄陂 assumed (source: 'crosses northern 宁都 around 大沽/黄陂'); lanes/speed assumed"),
    dict(id="expy-ningding", zh="宁定高速(宁都—于都—安远—定南)", en="Ningdu–Dingnan Expressway", code="S(宁定)",
         status="existing", opened="2017", lanes=4, speed=100, role="纵",
         nodes=["seat-ningdu", (26.20, 115.60), "seat-yudu", (25.60, 115.42), "town-banshi", "seat-anyuan", (24.95, 115.25), "seat-dingnan",
                "town-laocheng"],
         source="jtyq.org.cn 2021-04-25 (安远–定南 51.96 km + 定南联络线 38.21 km completed & accepted 2021-04); nc.rzfanyi.com",
         confidence="low",
         notes="'第四射'; opening of the whole line not confirmed (reported c.2017 with 11 others): opened=2017 is an ESTIMATE; "
               "a weak generic page (jowebworld.com) even says works began in 2017, while the 安远–定南 section passed its completion "
               "acceptance in 2021-04 (jtyq.org.cn) — the opening year is uncertain (2017–2019). "
               "定南 reached via the 定南联络线 (天九·历市) to 老城 on the 龙河联络线; route code not found"),
    dict(id="expy-xunquan", zh="寻全高速(寻乌—安远—信丰—全南)", en="Xunwu–Quannan Expressway", code="S(寻全)",
         status="existing", opened="2014", lanes=4, speed=100, role="横", length_km=112.104,
         nodes=["seat-xunwu", (25.05, 115.50), "seat-anyuan", (25.15, 115.15), "town-anxi", (24.90, 114.70), "seat-quannan"],
         source="gzgjw.com.cn 2013-05-08; hg1988.com 2014-08-27 (112.104 km; 87.13亿元; opened 2014, 安远 the last county reached)",
         confidence="medium", notes="crossing of G45 in southern 信丰 (安西) assumed; lanes/speed assumed; route code not found"),
    dict(id="expy-suida", zh="遂大高速(遂川—上犹—崇义—大余)", en="Suichuan–Dayu Expressway", code="S(遂大)",
         status="existing", opened="2025", lanes=4, speed=100, role="纵", length_km=127.0,
         nodes=["town-suichuan", (26.05, 114.55), "seat-shangyou", "seat-chongyi", (25.55, 114.33), "seat-dayu"],
         source="8830l.cn (视觉江西 2025-04-28: fully connected 2025-04, 127 km, 4 lanes, '省内第9纵', from 遂川 堆子前镇 移山村 "
                "(宜遂高速) via 上犹, 崇义 to a T-junction with 康大高速 at 大余); m.jiwu.com 2024-08-03 ('全线通车 next year'); "
                "news.9ihome.com 2025-06-25 ('遂大高速即将开通'); qycbearings.com copy of a 2025-07 county page ('通车在即', 大余西服务区)",
         confidence="low",
         notes="opening in mid-2025 is reported as imminent (2025-06/07) but no report of the opening day was found: opened=2025 is "
               "an inference (checked 2026-11); speed assumed"),
    dict(id="expy-xinxiong", zh="信雄高速(小河—界址)", en="Xinfeng–Nanxiong Expressway", code="S(信雄)",
         status="existing", opened="2023-09-26", lanes=4, speed=100, role="联", length_km=13.92,
         nodes=["town-xiaohe", (25.25, 114.55), "town-nanxiong"],
         source="visaplatform.com.cn 2023-10-01 (JX 13.92 km opened 2023-09-26, 4 lanes, 100 km/h); 中新网 2024-06-28 (GD 雄信 ~41 km opened 2024-06-15)",
         confidence="medium", notes="feature includes the GD 雄信 part to 南雄 (opened 2024-06-15)"),
    dict(id="expy-xunlong", zh="寻龙高速(寻乌南桥—龙川)", en="Xunwu–Longchuan Expressway", code="S(寻龙)",
         status="existing", opened="2024-06-30", lanes=4, speed=100, role="联",
         nodes=["seat-xunwu", "town-nanqiao", (24.45, 115.55), "town-longchuan"],
         source="m.163.com J60OJTG4 (GD 龙寻 9.419 km opened 2024-06-30); wxredian 2024-12-20 (JX 寻龙 建成通车)", confidence="medium",
         notes="JX ~27 km (plan 34 km total)"),
    dict(id="expy-ganan-xun", zh="赣安寻高速 G3512(赣州—安远—寻乌)", en="Ganzhou–Anyuan–Xunwu Expressway G3512", code="G3512",
         status="planned", lanes=4, speed=100, role="纵",
         plan_ref="国家公路网规划 (2022-07-12) adds G3512; 赣安段 工可 tender 2022-04",
         nodes=["town-shashi", (25.70, 115.02), "town-wangmudu", (25.42, 115.25), "town-banshi", "seat-anyuan", (24.98, 115.55), "seat-xunwu"],
         source="news.9ihome.com 2022-07-12; m.rexun.cn 2022-04-17 (赣安段 80 km; Ganzhou–Anyuan ~1 h)", confidence="low",
         notes="lanes and speed ASSUMED; alignment 版石→寻乌 not published (schematic)"),
    dict(id="expy-xingguo-xiaobu", zh="兴国—小布高速(兴赣北延)", en="Xingguo–Xiaobu Expressway (planned)", code="G6011",
         status="planned", lanes=4, speed=100, role="纵", length_km=64.0,
         nodes=["seat-xingguo", (26.48, 115.50), "town-dagu", (26.72, 115.85), "town-xiaobu"],
         source="ninggangzx.com (兴国 鼎龙 → 城岗·良村 → 宁都 大沽/蔡江 → 小布, 64 km)", confidence="low",
         notes="closes the G6011 gap 小布–兴国; lanes/speed ASSUMED; planned_open unknown"),
    # --- gateway legs
    dict(id="expy-gw-g45-nanchang", zh="大广高速 G45(吉安—南昌)", en="G45 Ji'an–Nanchang", code="G45", status="existing", opened="2004",
         lanes=4, speed=120, role="other", scope="gateway", nodes=["gw-jian", (27.70, 115.30), "gw-nanchang"],
         source=SRC_EST, confidence="low", notes=GW_NOTE + "; opening year ESTIMATE"),
    dict(id="expy-gw-g6011-nanchang", zh="南韶高速 G6011(南昌—永丰)", en="G6011 Nanchang–Yongfeng", code="G6011", status="existing",
         opened="2016-01-13", lanes=4, speed=100, role="other", scope="gateway", nodes=["gw-nanchang", (28.00, 115.70), "town-yongfeng"],
         source="m.techno-d.com.cn 2016-01-12", confidence="low", notes=GW_NOTE),
    dict(id="expy-gw-beijing", zh="南昌—北京(高速通道)", en="Nanchang–Beijing expressway corridor", code="G45/G4", status="existing",
         opened="2010", lanes=4, speed=120, role="other", scope="gateway", nodes=["gw-nanchang", (30.60, 114.30), (34.75, 113.65), "gw-beijing"],
         source=SRC_EST, confidence="low", notes=GW_NOTE + "; opening year ESTIMATE"),
    dict(id="expy-gw-shanghai", zh="沪昆高速 G60(南昌—上海)", en="G60 Nanchang–Shanghai", code="G60", status="existing", opened="2010",
         lanes=4, speed=120, role="other", scope="gateway", nodes=["gw-nanchang", (28.45, 117.95), (30.25, 120.15), "gw-shanghai"],
         source=SRC_EST, confidence="low", notes=GW_NOTE + "; opening year ESTIMATE"),
    dict(id="expy-gw-g45-guangzhou", zh="大广高速 G45(龙南—广州)", en="G45 Longnan–Guangzhou", code="G45", status="existing", opened="2010",
         lanes=4, speed=120, role="other", scope="gateway", nodes=["seat-longnan", "town-lianping", (23.75, 113.95), "gw-guangzhou"],
         source=SRC_EST, confidence="low", notes=GW_NOTE + "; opening year ESTIMATE"),
    dict(id="expy-gw-g4-guangzhou", zh="京港澳高速 G4(韶关—广州)", en="G4 Shaoguan–Guangzhou", code="G4", status="existing", opened="2004",
         lanes=4, speed=120, role="other", scope="gateway", nodes=["gw-shaoguan", (24.10, 113.40), "gw-guangzhou"],
         source=SRC_EST, confidence="low", notes=GW_NOTE + "; opening year ESTIMATE"),
    dict(id="expy-gw-shenzhen", zh="龙河联络线—长深高速 G25(和平—深圳)", en="Heping–Heyuan–Shenzhen (G25)", code="G25",
         status="existing", opened="2012", lanes=4, speed=120, role="other", scope="gateway",
         nodes=["town-heping", (23.75, 114.70), (23.10, 114.40), "gw-shenzhen"],
         source=SRC_EST, confidence="low", notes=GW_NOTE + "; opening year ESTIMATE"),
    dict(id="expy-gw-xiamen", zh="厦蓉高速 G76(龙岩—厦门)", en="G76 Longyan–Xiamen", code="G76", status="existing", opened="2008",
         lanes=4, speed=100, role="other", scope="gateway", nodes=["gw-longyan", (24.75, 117.55), "gw-xiamen"],
         source=SRC_EST, confidence="low", notes=GW_NOTE + "; opening year ESTIMATE"),
    dict(id="expy-gw-changsha", zh="京港澳高速 G4(郴州—长沙)", en="G4 Chenzhou–Changsha", code="G4", status="existing", opened="2002",
         lanes=4, speed=120, role="other", scope="gateway", nodes=["gw-chenzhou", (26.90, 112.80), "gw-changsha"],
         source=SRC_EST, confidence="low", notes=GW_NOTE + "; opening year ESTIMATE"),
    dict(id="expy-gw-fuzhou", zh="泉南高速 G72 / 福银高速 G70(宁化—福州)", en="G72/G70 Ninghua–Fuzhou", code="G72/G70", status="existing",
         opened="2010", lanes=4, speed=100, role="other", scope="gateway", nodes=["town-ninghua", (26.25, 117.60), (26.15, 118.60), "gw-fuzhou"],
         source=SRC_EST, confidence="low", notes=GW_NOTE + "; opening year ESTIMATE"),
)

# keys: id, zh, en, code, road_class, status, opened, speed, nodes, source, confidence, notes
TRUNK_ROADS: tuple[dict, ...] = (
    dict(id="road-g105", zh="国道 G105(万安—赣州—信丰—龙南)", en="National Road G105", code="G105", road_class="national",
         status="existing", opened="1980", speed=60,
         nodes=["town-wanan", (26.15, 114.92), "ic-g45-ganzhou-north", "seat-zhanggong", "seat-nankang", "seat-xinfeng", "seat-longnan"],
         notes="alignment from general knowledge; G105 also passes 赣州经开区 (ttnews.xyz via ganzhou_points.csv)"),
    dict(id="road-g323", zh="国道 G323(瑞金—于都—赣州—崇义)", en="National Road G323", code="G323", road_class="national",
         status="existing", opened="1980", speed=60,
         nodes=["seat-ruijin", "town-shazhouba", "town-yunshishan", "seat-yudu", "seat-ganxian", "seat-zhanggong", "seat-nankang",
                "town-tangjiang", "seat-shangyou", "seat-chongyi"],
         notes="alignment from general knowledge"),
    dict(id="road-g206", zh="国道 G206(广昌—石城—瑞金—会昌—寻乌)", en="National Road G206", code="G206", road_class="national",
         status="existing", opened="1980", speed=60,
         nodes=["town-guangchang", "seat-shicheng", "town-yeping", "seat-ruijin", "seat-huichang", "town-junmenling", "seat-xunwu"],
         notes="alignment from general knowledge"),
    dict(id="road-g319", zh="国道 G319(宁都—兴国—泰和)", en="National Road G319", code="G319", road_class="national",
         status="existing", opened="1980", speed=60,
         nodes=["seat-shicheng", "seat-ningdu", "town-laicun", "seat-xingguo", "town-changgang"],
         notes="route number and alignment from general knowledge (UNVERIFIED); 长冈 spur included"),
    dict(id="road-ningdu-xiaobu", zh="宁都—小布公路", en="Ningdu–Xiaobu road", code="unnumbered", road_class="provincial",
         status="existing", opened="1990", speed=50, nodes=["seat-ningdu", "town-huangpi", "town-xiaobu"],
         notes="route number not found; county road to the 中共苏区中央局旧址"),
    dict(id="road-xinfeng-youshan-dayu", zh="信丰—油山—大余公路", en="Xinfeng–Youshan–Dayu road", code="unnumbered", road_class="provincial",
         status="existing", opened="1990", speed=50, nodes=["seat-xinfeng", "town-youshan", "seat-dayu"],
         notes="route number not found; serves 油山 (赣粤边三年游击战争 area)"),
    dict(id="road-chongyi-shangbao", zh="崇义—上堡公路", en="Chongyi–Shangbao road", code="unnumbered", road_class="provincial",
         status="existing", opened="1990", speed=40, nodes=["seat-chongyi", "town-shangbao"],
         notes="route number not found; serves 上堡整训旧址"),
    dict(id="road-shangyou-pingfu", zh="上犹—平富公路", en="Shangyou–Pingfu road", code="unnumbered", road_class="provincial",
         status="existing", opened="1990", speed=40, nodes=["seat-shangyou", "town-pingfu"],
         notes="route number not found; serves 红三军团政治处旧址"),
    dict(id="road-dayu-meiguan", zh="大余—梅关公路", en="Dayu–Meiguan road", code="unnumbered", road_class="provincial",
         status="existing", opened="1990", speed=40, nodes=["seat-dayu", "town-meiguan"], notes="route number not found"),
    dict(id="road-ganxian-jiangkou-anyuan", zh="赣县—江口—王母渡—安远公路", en="Ganxian–Jiangkou–Anyuan road", code="unnumbered",
         road_class="provincial", status="existing", opened="1990", speed=50,
         nodes=["seat-ganxian", "town-jiangkou", "town-wangmudu", "town-banshi", "seat-anyuan", "seat-dingnan"],
         notes="route number not found; alignment general knowledge"),
    dict(id="road-quannan-longnan", zh="全南—龙南公路", en="Quannan–Longnan road", code="unnumbered", road_class="provincial",
         status="existing", opened="1990", speed=50, nodes=["seat-quannan", "seat-longnan", "seat-dingnan"], notes="route number not found"),
    dict(id="road-huichang-xijiang-yudu", zh="会昌—西江—于都公路", en="Huichang–Xijiang–Yudu road", code="unnumbered",
         road_class="provincial", status="existing", opened="1990", speed=50,
         nodes=["seat-huichang", "town-xijiang", "seat-yudu"], notes="route number not found; alignment general knowledge"),
    dict(id="road-ruixingyu", zh="瑞兴于快速交通走廊", en="Ruijin–Yudu–Xingguo fast corridor", code="瑞兴于快速", road_class="first_class",
         status="under_construction", planned_open=2029, speed=80,
         nodes=["town-yeping", "seat-ruijin", "town-yunshishan", "seat-yudu", (26.15, 115.38), "seat-xingguo"],
         source="m.163.com 问政赣州 replies 2026-03 (first-class highway / urban expressway, 80 km/h, 4 lanes; 瑞金段 due end-2026; "
                "兴国 社富–埠头 restart 2026, finish 2029); 345862.nync.com 2017",
         confidence="medium",
         notes="NOT an expressway; ~150 km; parts may already be open; modelled as one under-construction feature"),
)
