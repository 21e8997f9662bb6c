"""Expressways and trunk roads. 'nodes' mixes place ids (interchanges, in order) and (lat, lon) shaping vertices.

Alignments (2026-11): expressways in and around Ganzhou are TRACED through every interchange a source names, in order,
plus shaping vertices at the towns, passes and river crossings the sources describe (``accuracy`` in metres: the
positions are estimates, see scripts/dataset/interchanges.py). No open road geometry could be used (searched: OSM
extracts in public repositories cover other provinces; Natural Earth roads is not in any stored repository snapshot;
see docs/data/roads.md), so these are NOT surveyed geometries. Gateway legs stay schematic.

``length_km`` is the published length of the feature's OWN section and ``length_note`` says where it comes from (or
why it differs from the geometry). Features were split at section ends so that each carries its own published length
(e.g. 瑞寻 vs 鹰瑞 on G35; 康大 vs 韶赣 on G6011; the JX 信雄 vs the GD 雄信).

Network roles: Ganzhou's expressway network is "四纵四横八联" in the 2021 plan wording and "四纵四横九联" in
2024 briefings (kuaibao.lzzcloud.net; wxredian.com 2024-12-20). No source gives the membership of any
纵/横/联 (searched again 2026-11), so every network_role here is an inference (network_role_inferred = true).
"""
from __future__ import annotations

from scripts.dataset.common import SRC_EST

ROLE_NOTE = ("network role inferred: Ganzhou network is '四纵四横八联' (2021 plan) / '四纵四横九联' (2024 briefings); "
             "membership not published in any source found")
GW_NOTE = "schematic gateway leg so that road routing reaches the gateway city; alignment and times are not sourced"
TRACED = ("alignment traced through the sourced interchanges in order plus shaping vertices at the described route towns; "
          "vertex positions are estimates (no surveyed geometry)")

# keys: id, zh, en, code, status, opened, planned_open, lanes, speed, role, length_km, length_note, accuracy (m; absent =
# schematic), nodes, source, confidence, notes, scope
EXPRESSWAYS: tuple[dict, ...] = (
    # ---------------------------------------------------------------- G45 大广
    dict(id="expy-g45", zh="大广高速 G45(泰赣段, 泰和—南康龙岭)", en="Daqing–Guangzhou Expressway G45 (Taihe–Nankang, Tai–Gan section)",
         code="G45", status="existing", opened="2004-01-16", lanes=4, speed=100, role="纵", accuracy=4000,
         length_km=128.0, length_note="factpedia 泰赣高速公路: 泰和 马市 – 南康 龙岭, 128 km",
         nodes=["ic-g45-taihe-hub", (26.60, 114.90), (26.52, 114.84), "town-wanan", (26.38, 114.76), (26.26, 114.80), (26.20, 114.86),
                (26.12, 114.90), (26.05, 114.93), "ic-g45-ganzhou-north", (25.93, 114.90), (25.89, 114.86), "ic-ganzhou-hub",
                (25.78, 114.83), "ic-g45-longling"],
         source="factpedia 泰赣高速公路 (泰和 马市 – 南康 龙岭 128 km, works 2001-11-18, opened 2004-01-16, 100 km/h); newton.com.tw 贛崇 "
                "(赣州枢纽 = G45 × G76); ephen.com.cn 2024-01 (吉安–南康 widening under way)",
         confidence="medium",
         notes="CHANGED 2026-11: the feature is now the 泰赣 section only (was 吉安 → 龙南 in one schematic line); 吉安–泰和 is "
               "expy-g45-jitai and 南康–龙南 is expy-g45-ganding. The 吉安–南康 widening (吉康改扩建, 8 lanes, works from 2022) is on this "
               "alignment; lanes stay 4 until its completion is reported. " + TRACED),
    dict(id="expy-g45-jitai", zh="大广高速 G45(吉安—泰和)", en="G45 Ji'an–Taihe", code="G45", status="existing", opened="2004",
         lanes=4, speed=100, role="other", accuracy=5000,
         nodes=["gw-jian", (26.95, 114.97), (26.82, 114.97), "ic-g45-taihe-hub"],
         source="split from expy-g45 (2026-11); section name and length not found", confidence="low",
         length_note="no published length found for this section",
         notes="opening year ESTIMATE; speed assumed; " + TRACED),
    dict(id="expy-g45-ganding", zh="大广高速 G45(赣定段, 南康龙岭—龙南)", en="G45 Gan–Ding section (Nankang–Longnan)", code="G45",
         status="existing", opened="2005", lanes=4, speed=100, role="纵",
         nodes=["ic-g45-longling", (25.68, 114.80), "ic-nankang-nan", "ic-sanyi-hub", (25.49, 114.79), "town-xiaohe",
                (25.38, 114.86), "seat-xinfeng", (25.27, 114.93), "town-anxi", (25.05, 114.88), (24.98, 114.82), "seat-longnan"],
         source="chinahighway.org/view/816 (南康南枢纽 at 步狗垅, 9 km co-line to 三益); m.gethgdk.com 康大 (三益 on 大广赣定段); "
                "visaplatform.com.cn 2023-10-01 (小河枢纽 on 大广赣定段); ephen.com.cn 2024-01 (南康–龙南 capacity expansion completed)",
         confidence="low",
         length_note="no published length of the 赣定 section found; the parallel 复线 between similar ends is 132.221 km (expy-g45-fuxian)",
         notes="NEW 2026-11 (split from expy-g45). Left SCHEMATIC: with no published length, the traced line (≈110 km from 龙岭) could not be checked, and the parallel 复线 between similar ends is published at 132 km, so the line is probably short; the engine's schematic length factor applies. Opening year 2005 is an ESTIMATE (the 赣定 opening date was not found). 信丰 and the "
               "寻全 crossing at 安西 are inferred interchange positions; " + TRACED),
    dict(id="expy-g45-fuxian", zh="大广高速 G45 南康—龙南段复线(扩容)", en="G45 Nankang–Longnan parallel line (capacity expansion)",
         code="G45", status="existing", opened="2023", lanes=6, speed=100, role="纵",
         nodes=["ic-fx-shibatang", (25.50, 114.76), (25.41, 114.72), "ic-zhengping-hub", (25.25, 114.78), "ic-fx-shangchikeng", (25.08, 114.84),
                (25.02, 114.79), "ic-fx-dujiang"],
         length_note=("published 132.221 km (life.wxbbs.com.cn, 南康 十八塘 to 龙南 渡江), not used as length_km. CONFLICT: the straight distance between the two "
                      "towns is only ~75 km, so either the end towns are placed wrong here or the figure covers more than the "
                      "new line; the geometry is left schematic (not stretched to the figure)"),
         source="life.wxbbs.com.cn (复线: new 6-lane line beside the old 4-lane G45, 132.221 km, '有望今年9月底通车', 小江联络线 9.996 km); "
                "pc.yun.jxntv.cn 2020-01 (南康至龙南段扩容工程 under way in 2020); 中新网 2023-09-26 via meinengkg.com (正平枢纽 on the "
                "大广高速复线); ephen.com.cn 2024-01 (capacity expansion completed)",
         confidence="low",
         notes="NEW 2026-11: was missing. Opening year 2023 is an ESTIMATE (in works 2020; its 正平枢纽 is named at the 信雄 opening "
               "2023-09-26; reported completed 2024-01); design speed not found (100 assumed); alignment between the end towns "
               "schematic via 正平"),
    dict(id="expy-xiaojiang-link", zh="大广复线小江联络线(上池坑—寻全信丰枢纽)", en="Xiaojiang link (G45 parallel line – Xun–Quan)",
         code="G45(联络线)", status="existing", opened="2023", lanes=4, speed=100, role="联",
         nodes=["ic-fx-shangchikeng", (25.185, 114.91), (25.165, 114.94), "ic-xunquan-xinfeng-hub"], accuracy=5000,
         length_km=9.996, length_note="life.wxbbs.com.cn: 9.996 km (the 上池坑 end was not located; placed to fit this length)",
         source="life.wxbbs.com.cn (小江联络线: 上池坑 on the 复线 → 寻全高速 信丰枢纽, ~9.996 km)", confidence="low",
         notes="NEW 2026-11; opened with the 复线 (year ESTIMATE); both ends estimated"),
    dict(id="expy-longhe", zh="大广高速龙河联络线(龙南—定南老城—和平)", en="G45 Longnan–Heyuan link", code="G45",
         status="existing", opened="2005", lanes=4, speed=100, role="联", accuracy=5000,
         nodes=["seat-longnan", (24.86, 114.86), (24.80, 114.95), "town-laocheng", (24.62, 114.99), "town-heping"],
         source="jtyq.org.cn 2021-04-25 (mentions 大广高速龙河联络线 at 老城)", confidence="low",
         length_note="no published length found",
         notes="existence sourced; it is the former 赣定/粤赣 line via 定南 (inferred); opening year ESTIMATE (was 2012); " + TRACED),
    # ---------------------------------------------------------------- G35 济广
    dict(id="expy-g35", zh="济广高速 G35(瑞寻段, 瑞金—寻乌赣粤界)", en="Jinan–Guangzhou Expressway G35 (Ruijin–Xunwu)", code="G35",
         status="existing", opened="2011-12-28", lanes=4, speed=100, role="纵", accuracy=5000,
         length_km=123.812, length_note="cncmrn.com 2011-09-05: 瑞寻 123.812 km (chinatln.com 2011-12-27: 123.9 km)",
         nodes=["ic-ruijin-hub", (25.76, 115.96), "ic-huichang", (25.42, 115.82), "town-junmenling", (25.12, 115.77),
                "ic-xunwu", "ic-border-g35"],
         source="cncmrn.com 2011-09-05 (瑞寻段 123.812 km through 瑞金·会昌·寻乌, the last JX section); chinatln.com 2011-12-27 (opening 2011-12-28); "
                "m.56885.net 2009-05-05", confidence="medium",
         notes="CHANGED 2026-11: now the 瑞寻 section only (was 抚州 → 梅州 in one line); 广昌–瑞金 is expy-g35-guangrui, the GD part "
               "expy-g35-meizhou. 筠门岭 assumed an interchange. " + TRACED),
    dict(id="expy-g35-guangrui", zh="济广高速 G35(鹰瑞段 广昌—宁都固村—瑞金)", en="G35 Guangchang–Ruijin (part of the Ying–Rui section)",
         code="G35", status="existing", opened="2010", lanes=4, speed=100, role="纵", accuracy=5000,
         nodes=["town-guangchang", (26.65, 116.28), (26.50, 116.22), "ic-g72-ningdu-hub", (26.20, 116.13), (26.05, 116.10), "ic-ruijin-hub"],
         source="m.56885.net 2009-05-05 (鹰潭–瑞金 ~308 km, works from 2008-07); chinahighway.org/view/830 (G72 宁都枢纽 at 固村 with G35)",
         confidence="low", length_note="no published length of the 广昌–瑞金 part; the whole 鹰瑞 (鹰潭–瑞金) is ~308 km",
         notes="NEW 2026-11 (split from expy-g35). Opening year 2010 is an ESTIMATE (works from 2008-07; 瑞寻 beyond opened 2011-12-28). "
               "Passes 固村 (宁都), not the 石城 seat as the old schematic line did; " + TRACED),
    dict(id="expy-g35-fuguang", zh="济广高速 G35(抚州—广昌)", en="G35 Fuzhou (JX)–Guangchang", code="G35", status="existing", opened="2010",
         lanes=4, speed=100, role="other", nodes=["gw-fuzhou-jx", (27.50, 116.55), (27.20, 116.45), "town-guangchang"],
         source=SRC_EST, confidence="low", notes="split from expy-g35 (2026-11); schematic; opening year ESTIMATE"),
    dict(id="expy-g35-meizhou", zh="济广高速 G35(寻乌赣粤界—梅州)", en="G35 Xunwu border–Meizhou", code="G35", status="existing",
         opened="2011-12-28", lanes=4, speed=100, role="other", nodes=["ic-border-g35", (24.60, 115.95), "gw-meizhou"],
         source=SRC_EST, confidence="low", notes="split from expy-g35 (2026-11); schematic GD part; opening = the JX 瑞寻 (ESTIMATE for GD)"),
    # ---------------------------------------------------------------- G72 泉南
    dict(id="expy-g72", zh="泉南高速 G72(石吉段, 五里亭—泰和枢纽)", en="Quanzhou–Nanning Expressway G72 (Shicheng–Ji'an section)", code="G72",
         status="existing", opened="2010-09-16", lanes=4, speed=80, role="横", accuracy=5000,
         length_km=190.719, length_note="newton.com.tw 石城—吉安高速公路: 五里亭 (赣闽界) – 泰和枢纽, 190.719 km",
         nodes=["ic-border-g72", "seat-shicheng", (26.33, 116.26), "ic-g72-ningdu-hub", (26.43, 116.08), "seat-ningdu",
                (26.38, 115.98), "town-laicun", (26.24, 115.78), "ic-gulonggang", (26.38, 115.49), "ic-xingguo-hub", (26.37, 115.33),
                "ic-xingguo-xi", (26.40, 115.15), (26.52, 115.10), (26.62, 115.02), "ic-g45-taihe-hub"],
         source="newton.com.tw 石城—吉安高速公路 (works 2008-08-16, opened 2010-09-16; 五里亭 (赣闽界) – 泰和枢纽, 190.719 km, 4 lanes, "
                "80–100 km/h); chinahighway.org/view/830 (100 km/h 五里亭–宁都互通 ~46 km, 80 km/h 宁都–灌溪 ~109 km, 100 km/h "
                "灌溪–泰和 ~35 km; interchanges 石城, 宁都枢纽 (固村), 宁都, 宁都西 (赖村), 古龙岗, 兴国 (鼎龙), 兴国西 (高兴)); "
                "fheb.cn 2018 (昌宁 ends at 赖村); xuepifa (兴赣 starts at G72 K105+750 兴国互通)",
         confidence="medium",
         notes="CHANGED 2026-11: now the JX 石吉 section (五里亭 on the FJ border → 泰和枢纽); the FJ part to 宁化 is expy-g72-ninghua. "
               "speed_kmh 80 = the design speed of the 109 km middle section (宁都–灌溪); the ends are 100 km/h. " + TRACED),
    dict(id="expy-g72-ninghua", zh="泉南高速 G72(宁化—五里亭赣闽界)", en="G72 Ninghua–JX border", code="G72", status="existing",
         opened="2011-12-15", lanes=4, speed=100, role="other", nodes=["town-ninghua", (26.28, 116.55), "ic-border-g72"],
         source="husay.cn 2022-09 (泉南 永安–宁化 opened 2011-12-15)", confidence="low",
         notes="split from expy-g72 (2026-11); schematic; the 宁化–赣闽界 opening is taken as the 永宁 section's date (ESTIMATE)"),
    # ---------------------------------------------------------------- G76 厦蓉
    dict(id="expy-g76-ruigan", zh="厦蓉高速 G76(瑞赣段, 瑞金—赣县茅店)", en="Xiamen–Chengdu Expressway G76 (Ruijin–Ganxian)", code="G76",
         status="existing", opened="2009", lanes=4, speed=100, role="横", accuracy=5000,
         length_km=117.12,
         length_note=("m.yourjia.com: 117.12 km. The source lists 章贡 and 经开区 among the districts passed, but 117 km is the "
                      "straight distance 瑞金–经开区, so the figure cannot reach the 经开区: it is taken as 瑞金枢纽–茅店 (赣县东枢纽)"),
         nodes=["ic-ruijin-hub", (25.86, 115.96), (25.82, 115.86), (25.77, 115.74), (25.83, 115.62), (25.90, 115.52), "seat-yudu",
                (25.90, 115.32), (25.95, 115.22), (25.91, 115.13), "town-maodian"],
         source="m.yourjia.com (瑞赣高速: works started 2007-02-08, 36-month period, 'expected to open end-2009'; 117.12 km through 瑞金, "
                "会昌, 于都, 赣县, 章贡, 赣州经开区; 4 lanes, 100 km/h; World Bank loan); xuepifa.com (G76 厦蓉 瑞金至赣州段)",
         confidence="low",
         notes="opened 2009 = the planned completion (end-2009), an ESTIMATE. CHANGED 2026-11: starts at the 瑞金 junction with G35 (the "
               "龙岩–长汀–瑞金 part is expy-g76-east) and no longer stops at 沙洲坝/云石山 (not interchanges in any source); it dips "
               "south into 会昌 (西江 side) as the source's list of districts says. " + TRACED),
    dict(id="expy-g76-east", zh="厦蓉高速 G76(龙岩—长汀—隘岭—瑞金)", en="G76 Longyan–Changting–Ruijin", code="G76", status="existing",
         opened="2011", lanes=4, speed=100, role="横",
         nodes=["gw-longyan", (25.40, 116.80), "town-changting", (25.87, 116.22), "ic-border-g76-east", "ic-ruijin-hub"],
         source="chinatln.com 2011-12-27 (隘瑞 opened in 2011 before 瑞寻); border point from the counties layer", confidence="low",
         notes="split from expy-g76-ruigan (2026-11); schematic east of the JX border; opening = the JX 隘瑞 year (2011), FJ parts not checked"),
    dict(id="expy-g76-ganzhou", zh="厦蓉高速 G76(赣县东枢纽—赣州西)", en="G76 Ganxian East junction – Ganzhou West", code="G76",
         status="existing", opened="2009", lanes=4, speed=100, role="横", accuracy=4000,
         nodes=["town-maodian", "ic-ganxian-bei", (25.925, 114.97), (25.92, 114.94), "ic-ganzhou-bei", "ic-ganzhou-xi"],
         source="newton.com.tw 贛崇 (G76 west of the city starts at 赣州西 in the 经开区); m.yourjia.com (瑞赣 named through 章贡 and the "
                "经开区); xuepifa.com (G76 at 茅店 = 赣县东枢纽)",
         confidence="low", length_note="no published length found for this stretch",
         notes="NEW 2026-11: closes the G76 gap 茅店 → 赣州西/赣州枢纽 north of the city (crossing the 贡江 and the 章江); opening year "
               "taken as the 瑞赣's (ESTIMATE). CHANGED 2026-11 (plan-items): passes the 赣县北 and 赣州北 exits, where the urban "
               "expressways 赣南大道三标 and 东江源大道北延 end (scripts/dataset/urban.py; the 赣州北 exit may be on G45 instead); " + TRACED),
    dict(id="expy-g76-ganchong", zh="厦蓉高速 G76(赣崇段, 赣州西—崇义—赣湘界)", en="G76 Gan–Chong section (Ganzhou West–Chongyi–Hunan border)",
         code="G76", status="existing", opened="2010", lanes=4, speed=100, role="横", accuracy=4000,
         length_note=("published 87.552 km (newton.com.tw 贛崇高速公路, 赣州西 – 赣湘界 崇义西收费站), not used as length_km. CONFLICT: the straight distance from the 经开区 to the 崇义 stretch of the JX–HN border (counties layer) is ~95 km, more than 87.552, so the figure cannot cover 赣州西 → 赣湘界; its km posts 崇义 493 → 赣湘界 531 (38 km) do fit the geometry"),
         nodes=["ic-ganzhou-xi", "ic-ganzhou-hub", "town-tangjiang", "ic-shangyou-dong", (25.79, 114.53),
                "ic-shangyou-xi", (25.74, 114.40), "ic-chongyi", (25.66, 114.24), "ic-guantian", (25.60, 114.08), "ic-wenying", "ic-border-g76-west"],
         source="newton.com.tw 贛崇高速公路 (87.552 km; exits 赣州西 (经开区), 赣州枢纽 (G45), 唐江, 上犹东 (黄埠), 上犹西 (中稍), 崇义 (阳明山), "
                "关田, 文英, 赣湘界 崇义西收费站; 100 km/h to 上犹东, 80 km/h beyond)",
         confidence="medium",
         notes="CHANGED 2026-11: starts at 赣州西 (经开区) and meets G45 at the 赣州枢纽 (was: started at the 南康 seat); ends at the 赣湘界 "
               "(the 汝城–郴州 part is expy-g76-rucheng). Design speed 100 km/h from 赣州西 to 上犹东, 80 km/h west of it (speed_kmh "
               "keeps 100). Opening year 2010 is an ESTIMATE (not found). " + TRACED),
    dict(id="expy-g76-rucheng", zh="厦蓉高速 G76(赣湘界—汝城—郴州)", en="G76 Hunan border–Rucheng–Chenzhou", code="G76", status="existing",
         opened="2010", lanes=4, speed=100, role="other",
         nodes=["ic-border-g76-west", "town-rucheng", (25.68, 113.35), "gw-chenzhou"],
         source=SRC_EST, confidence="low", notes="split from expy-g76-ganchong (2026-11); schematic Hunan part; opening year ESTIMATE"),
    # ---------------------------------------------------------------- 赣州绕城
    dict(id="expy-s4503", zh="赣州绕城高速 S4503", en="Ganzhou Ring Expressway S4503", code="S4503",
         status="existing", opened="2015", lanes=4, speed=100, role="联", accuracy=3000,
         length_km=43.589,
         length_note=("chinahighway.org/view/816: new-build 43.589 km from 茅店 燕子岩 to the 南康南枢纽 at 步狗垅; the route length 52.7 km "
                      "includes the 9 km shared with G45 from 步狗垅 to 三益 (modelled on expy-g45-ganding). CONFLICT (7 %): the six "
                      "interchange points (placed in places.py from the same source's distances, estimates) already chain to 46.7 km"),
         nodes=["town-maodian", "ic-ganxian-nan", "ic-ganzhou-dong", "town-shashi", "ic-ganzhou-nan", "ic-nankang-dong",
                "ic-nankang-nan"],
         source="chinahighway.org/view/816 (茅店 燕子岩 → 沙河 → 沙石 → 潭东 → 黄金 → 潭口 → 南康 龙岭·东山 → 南康互通; 52.7 km, 4 lanes, "
                "100 km/h, '全线贯通'; 6 interchanges: 赣县东枢纽, 赣县南, 赣州东, 赣州南, 南康东, 南康南枢纽); newton.com.tw",
         confidence="medium",
         notes="opening year 2015 is an ESTIMATE (a 2011-01 road-status list already names 'S4503 赣州绕城高速（赣康段）', so at least part "
               "was open by 2011). CHANGED 2026-11: ends at the 南康南枢纽 (步狗垅) on G45, not at the 南康 seat; passes 龙岭 where the "
               "泰赣 ends. " + TRACED),
    # ---------------------------------------------------------------- G6011 南韶
    dict(id="expy-g6011-changning", zh="南韶高速 G6011(昌宁段, 永丰—小布—赖村)", en="G6011 Nanchang–Ningdu Expressway (Yongfeng–Laicun)",
         code="G6011", status="existing", opened="2016-01-13", lanes=4, speed=100, role="纵", accuracy=5000,
         length_note=("no published length for this part: 248.6 km is the whole 昌宁 (南昌县冈上 – 宁都赖村), of which 永丰 46 km "
                      "(chaxiaohao.com 2025-07-11); the part north of 永丰 is in expy-gw-g6011-nanchang"),
         nodes=["town-yongfeng", (27.20, 115.54), (27.10, 115.62), (26.95, 115.78), "town-xiaobu", (26.66, 115.90), (26.55, 115.98), "seat-ningdu",
                (26.35, 115.96), "town-laicun"],
         source="m.techno-d.com.cn 2016-01-12 (昌宁 opens 2016-01-13, 248.6 km, 4 lanes, 100 km/h); fheb.cn 2018 (ends at 赖村 on G72)",
         confidence="medium", notes=TRACED),
    dict(id="expy-g6011-xinggan", zh="南韶高速 G6011(兴赣段, 兴国枢纽—赣县东枢纽)", en="G6011 Xingguo–Ganzhou Expressway", code="G6011",
         status="existing", opened="2015", lanes=4, speed=120, role="纵", accuracy=4000,
         length_km=71.8, length_note="xuepifa.com: ~71.8 km (兴国 34.3, 赣县 29.4) from the G72 兴国互通 (鼎龙) to the 赣县东枢纽 (茅店)",
         nodes=["ic-xingguo-hub", (26.30, 115.42), (26.18, 115.37), (26.08, 115.30), (25.99, 115.20), (25.95, 115.12), "town-maodian"],
         source="xuepifa.com (71.8 km: 兴国 34.3, 赣县 29.4; 4 lanes, 120 km/h; starts at G72 石吉段 K105+750 兴国互通 (鼎龙), ends at the "
                "赣县东枢纽 near 茅店 洋塘; 4 interchanges)", confidence="medium",
         notes="opening year 2015 is an ESTIMATE ('c.2015'); the same page says '赣县枢纽至兴国已于2017年1月4日通车' (ambiguous). " + TRACED),
    dict(id="expy-xingguo-xiaobu", zh="宁兴高速(兴赣北延, 兴国枢纽—大沽枢纽—小布)", en="Ning–Xing Expressway (Xing–Gan northern extension)",
         code="G6011", status="existing", opened="2021", lanes=4, speed=100, role="纵", accuracy=5000,
         length_km=63.928, length_note="fylbs.com: 63.928 km (the 2016 plan figure was 64 km, ninggangzx.com)",
         nodes=["ic-xingguo-hub", (26.44, 115.47), "ic-liangcun", (26.52, 115.62), "ic-caijiang", "ic-dagu-hub", (26.72, 115.82), "town-xiaobu"],
         source="thepaper.cn 2017-12-28 (兴赣北延 works started 2017-12-28 at 鼎龙); fylbs.com (63.928 km, 4 lanes, 100 km/h, via 鼎龙·方太·"
                "城岗·良村·南坑·黄陂·大沽·小布, 大沽枢纽 with 广吉, ends N of 小布 on 昌宁; '12月底建成通车'); news.9ihome.com 2026-01 "
                "(新干—兴国 will end at 城岗 '接宁兴高速'; 宁兴 named among the existing driving routes); ninggangzx.com (plan, 蔡江互通)",
         confidence="medium",
         notes="STATUS CORRECTED 2026-11: was 'planned'; works started 2017-12-28 and a 2026 article treats 宁兴高速 as an existing road. "
               "opened 2021 is an ESTIMATE: the fylbs.com report (undated; it also mentions a project due 'end-2022') announces opening "
               "'at the end of December', so 2021 or 2022. Starts at the 兴国枢纽 (鼎龙), not at the 兴国 seat. " + TRACED),
    dict(id="expy-g6011-kangda", zh="南韶高速 G6011(康大段, 三益—大余—梅关)", en="G6011 Kang–Da section (Sanyi–Dayu–Mei Pass)", code="G6011",
         status="existing", opened="2007-12-21", lanes=4, speed=100, role="纵", accuracy=4000,
         length_km=56.645, length_note="m.gethgdk.com: 三益 (G45) – 大梅关 (赣粤界), 56.645 km",
         nodes=["ic-sanyi-hub", (25.57, 114.68), (25.52, 114.64), "ic-xincheng", (25.50, 114.52), "ic-qinglong", (25.43, 114.42), "seat-dayu",
                (25.37, 114.36), "town-meiguan"],
         source="m.gethgdk.com copy of an encyclopedia entry (康大高速, JX code S66: 三益 (G45 赣定段) – 大梅关 (赣粤界, tunnel link to 韶赣高速), "
                "56.645 km, interchanges 新城, 青龙, 大余, 三益枢纽; works from 2005-11, opened 2007-12-21); chinahighway.org/view/816",
         confidence="medium",
         notes="CHANGED 2026-11: starts at the 三益枢纽 on G45 (was the 南康 seat) and ends at 梅关 on the border (the GD 韶赣 part is "
               "expy-g6011-shaogan). Speed 100 assumed. " + TRACED),
    dict(id="expy-g6011-shaogan", zh="南韶高速 G6011(韶赣段, 梅关—南雄—韶关)", en="G6011 Shao–Gan section (Mei Pass–Nanxiong–Shaoguan)",
         code="G6011", status="existing", opened="2011-01", lanes=4, speed=100, role="other",
         nodes=["town-meiguan", "town-nanxiong", (24.95, 113.85), "gw-shaoguan"],
         source="56885.net 2011-01-01 (韶赣高速 opening: 赣州–韶关 2 h)", confidence="low",
         notes="split from expy-g6011-kangda (2026-11); schematic GD part"),
    # ---------------------------------------------------------------- other lines
    dict(id="expy-g1517", zh="莆炎高速 G1517(广吉段, 广昌—大沽枢纽—吉安)", en="Putian–Yanling Expressway G1517 (Guangchang–Ji'an)", code="G1517",
         status="existing", opened="2019-01-22", lanes=4, speed=100, role="横", accuracy=5000,
         nodes=["town-guangchang", (26.78, 116.10), (26.72, 115.95), "ic-dagu-hub", (26.70, 115.55), (26.80, 115.30), (26.95, 115.12), "gw-jian"],
         source="99mizi (中国交建 2022-05-30: whole G1517 through 2022-05); pediainside 莆炎 / factpedia (广昌–吉安 opened 2019-01-22); "
                "ninggangzx.com (广吉 crosses the 兴国–小布 line at the 大沽枢纽)",
         confidence="low", length_note="no reliable published length found (one AI-style page says ~98 km; not used)",
         notes="CHANGED 2026-11: passes the sourced 大沽枢纽 (was an assumed interchange at 黄陂); lanes/speed assumed; " + TRACED),
    dict(id="expy-ningding", zh="宁定高速(宁都—于都—安远—定南鹅公赣粤界)", en="Ningdu–Dingnan Expressway", code="S(宁定)",
         status="existing", opened="2017", lanes=4, speed=100, role="纵", accuracy=5000,
         length_note="whole-line length not found; the 安远–定南 section is 51.96 km (jtyq.org.cn 2021-04-25)",
         nodes=["seat-ningdu", (26.30, 115.90), (26.15, 115.72), (26.05, 115.55), "seat-yudu", (25.75, 115.38), (25.55, 115.38),
                "town-banshi", "seat-anyuan", (25.04, 115.33), "ic-egong", (24.78, 115.25)],
         source="jtyq.org.cn 2021-04-25 (安远–定南 51.96 km: 安远 城北 → 新龙·凤山·镇岗·孔田 → 定南 鹅公 留村 (赣粤界); 定南联络线 38.21 km "
                "from ~K200); nc.rzfanyi.com", confidence="low",
         notes="'第四射'; opened=2017 is an ESTIMATE (the 安远–定南 section passed completion acceptance 2021-04). CHANGED 2026-11: ends "
               "at the 赣粤界 beyond 鹅公; the 定南联络线 is its own feature (expy-dingnan-link). " + TRACED),
    dict(id="expy-dingnan-link", zh="宁定高速定南联络线(鹅公—天九—历市—老城)", en="Ning–Ding Dingnan link", code="S(宁定联络线)",
         status="existing", opened="2019", lanes=4, speed=100, role="联", accuracy=5000,
         length_km=38.21, length_note="jtyq.org.cn 2021-04-25: 38.21 km from ~K200 of 宁定 to 老城 河邦村",
         nodes=["ic-egong", (24.89, 115.21), (24.85, 115.17), (24.85, 115.14), "ic-tianjiu", (24.80, 115.09), (24.81, 115.05), "seat-dingnan", (24.75, 115.04), "town-laocheng"],
         source="jtyq.org.cn 2021-04-25 (定南联络线: ~K200 → 鹅公·天九·沙头·历市 → crosses 京九 at 铜锣坵 → 老城 河邦村 on 大广龙河联络线; "
                "completion acceptance 2021-04-14/15)", confidence="medium",
         notes="NEW 2026-11 (was part of expy-ningding). Opening year 2019 is an ESTIMATE (accepted 2021-04; opening not found). " + TRACED),
    dict(id="expy-xunquan", zh="寻全高速(寻乌—安远—信丰—全南)", en="Xunwu–Quannan Expressway", code="S(寻全)",
         status="existing", opened="2014", lanes=4, speed=100, role="横", accuracy=5000,
         length_note=("published 112.104 km (gzgjw.com.cn 2013-05-08 / hg1988.com 2014-08-27), not used as length_km. CONFLICT: that is about the straight distance 寻乌–全南 (111 km), while a line through 安远 and 信丰 (as both sources say) measures ≥130 km with any placing of the towns; the ends may not be the county towns. Geometry left through the named counties"),
         nodes=["seat-xunwu", (25.02, 115.52), (25.10, 115.45), "seat-anyuan", (25.18, 115.25), (25.20, 115.10),
                "ic-xunquan-xinfeng-hub", "town-anxi", (25.00, 114.78), (24.88, 114.65), "seat-quannan"],
         source="gzgjw.com.cn 2013-05-08; hg1988.com 2014-08-27 (112.104 km; 87.13亿元; opened 2014, 安远 the last county reached); "
                "life.wxbbs.com.cn (its 信丰枢纽 takes the 小江联络线)",
         confidence="medium", notes="crossing of G45 in southern 信丰 (安西) assumed; lanes/speed assumed; route code not found; " + TRACED),
    dict(id="expy-suida", zh="遂大高速(遂川—上犹—崇义—大余)", en="Suichuan–Dayu Expressway", code="S(遂大)",
         status="existing", opened="2025", lanes=4, speed=100, role="纵", accuracy=5000,
         length_km=127.0, length_note="8830l.cn 2025-04-28 and a 2022-01 start-of-works report: 127 km (堆子前 移山村 – 大余 T-junction with 康大)",
         nodes=["town-suichuan", (26.18, 114.46), (26.05, 114.52), (25.95, 114.50), (25.88, 114.58), "seat-shangyou", (25.76, 114.44),
                (25.73, 114.36), "seat-chongyi", (25.58, 114.36), (25.49, 114.32), "seat-dayu"],
         source="8830l.cn (视觉江西 2025-04-28: fully connected 2025-04, 127 km, 4 lanes, '省内第9纵', from 遂川 堆子前镇 移山村 "
                "(宜遂高速) via 上犹, 崇义 to a T-junction with 康大高速 at 大余); m.jiwu.com 2024-08-03; news.9ihome.com 2025-06-25; "
                "qycbearings.com copy of a 2025-07 county page ('通车在即')",
         confidence="low",
         notes="opened=2025 is an inference (reported imminent 2025-06/07, opening day not found; checked 2026-11); speed assumed; " + TRACED),
    dict(id="expy-xinxiong", zh="信雄高速(小河枢纽—正平枢纽—界址赣粤界)", en="Xinfeng–Nanxiong Expressway (JX section)", code="S(信雄)",
         status="existing", opened="2023-09-26", lanes=4, speed=100, role="联", accuracy=4000,
         length_km=13.92, length_note="visaplatform.com.cn 2023-10-01 / 中新网 2023-09-26: JX section 13.92 km",
         nodes=["town-xiaohe", (25.38, 114.77), (25.36, 114.73), "ic-zhengping-hub", "ic-border-xinxiong"],
         source="visaplatform.com.cn 2023-10-01 (JX 13.92 km opened 2023-09-26, 4 lanes, 100 km/h); 中新网 2023-09-26 via meinengkg.com "
                "(小河枢纽, 正平枢纽); border point from the counties layer", confidence="medium",
         notes="CHANGED 2026-11: now the JX section only; the GD 雄信 part is expy-xiongxin-gd. " + TRACED),
    dict(id="expy-xiongxin-gd", zh="雄信高速(界址赣粤界—南雄)", en="Xiong–Xin Expressway (GD section)", code="S(雄信)",
         status="existing", opened="2024-06-15", lanes=4, speed=100, role="other",
         nodes=["ic-border-xinxiong", (25.22, 114.50), "town-nanxiong"],
         length_km=41.0, length_note="中新网 2024-06-28: GD 雄信 ~41 km (approximate); geometry schematic",
         source="中新网 2024-06-28 via 1.62.100.15 (GD 雄信 ~41 km opened 2024-06-15)", confidence="low",
         notes="split from expy-xinxiong (2026-11); schematic"),
    dict(id="expy-xunlong", zh="寻龙高速(寻乌南桥—龙川)", en="Xunwu–Longchuan Expressway", code="S(寻龙)",
         status="existing", opened="2024-06-30", lanes=4, speed=100, role="联",
         nodes=["seat-xunwu", "town-nanqiao", (24.6176, 115.5807), (24.45, 115.55), "town-longchuan"],
         source="m.163.com J60OJTG4 (GD 龙寻 9.419 km opened 2024-06-30); wxredian 2024-12-20 (JX 寻龙 建成通车); shzhaohe.com 2016 "
                "(plan: 南桥 – 龙川 上坪, 34 km, JX ~27 km)", confidence="medium",
         length_note="no built length published; the 2016 plan gave 34 km (JX ~27, GD ~7; the GD section as built is 9.419 km)",
         notes="schematic (the JX alignment was not described); the 寻乌 seat – 南桥 part stands for the 寻乌 connection"),
    dict(id="expy-ganan-xun", zh="赣安寻高速 G3512(赣州—安远—寻乌)", en="Ganzhou–Anyuan–Xunwu Expressway G3512", code="G3512",
         status="planned", lanes=4, speed=100, role="纵",
         plan_ref="国家公路网规划 (2022-07-12) adds G3512; 赣安段 工可 tender 2022-04",
         nodes=["ic-ganzhou-nan", "town-shashi", (25.66, 115.03), "town-wangmudu", (25.40, 115.20), "town-banshi", "seat-anyuan",
                (24.98, 115.55), "seat-xunwu"],
         length_note="赣安段 (赣州南 – 版石) planned 80 km (m.rexun.cn 2022-04-17); 安寻 length not found",
         source="news.9ihome.com 2022-07-12; m.rexun.cn 2022-04-17 (赣安段 from 版石 (宁定版石互通) via 信丰新田, 赣县韩坊·王母渡, 章贡沙石 to the "
                "绕城 near 蓉江三路 (赣州南), 80 km; Ganzhou–Anyuan ~1 h)", confidence="low",
         notes="lanes and speed ASSUMED; alignment schematic; now starts at the 赣州南 interchange of the ring as the source says"),
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
         notes="alignment from general knowledge; G105 also passes 赣州经开区 (ttnews.xyz via ganzhou_points.csv). Plan item (国省道干线改造): the G105 赣州中心城市改线工程 (lu-xu.com, undated: 水西 和乐农贸市场 → 经开区 → 唐江 → 三益, 63.551 km, 4-lane first-class road with city-road functions, 60–80 km/h; phase 1 水西–唐江 28.3 km, phase 2 唐江–三益 35.251 km planned from 2019) is a new alignment west of the city, not modelled; its status in 2026-11 was not found",
         length_note="no published length for this feature's section (the 改线 project is 63.551 km, a different alignment)"),
    dict(id="road-g323", zh="国道 G323(瑞金—于都—赣州—崇义)", en="National Road G323", code="G323", road_class="national",
         status="existing", opened="1980", speed=60,
         nodes=["seat-ruijin", "town-shazhouba", "town-yunshishan", "seat-yudu", "seat-ganxian", "seat-zhanggong", "seat-nankang",
                "town-tangjiang", "seat-shangyou", "seat-chongyi"],
         notes="alignment from general knowledge. Plan item: G323 南康 示范路 works (2015: 潭口 → 龙岭 → 东山 → 浮石 → 大余 新城 boundary, 32.18 km; dunkablog.com 2015-07-14 copy of a 赣州市公路管理局 report) improved the existing road (not a new alignment)"),
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
