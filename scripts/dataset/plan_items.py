"""Plan items the analysis does not route over (layer plan_items, 2026-11): ports of entry, logistics hubs, bonded
zones, intermodal services, urban-rail and road plans, freight-rail roles.

``geom`` is one of: ("point", lat, lon); ("line", [node ids and (lat, lon) vertices]) built through the registry like
the other lines; ("like", feature id) — the geometry of a railway feature, for an item that is a role of that line.
``plan_ref`` names the plan wording the item answers (the plan list quoted in issue 15; the plan text itself is not in
the stored sources) and, where one was found, the document that carries it. Every date is as of the data date (2026-11).
See docs/data/plan_items.md for what was searched and not found (e.g. the 国际邮件互换局, the 市域铁路 study).
"""
from __future__ import annotations

PLAN_LIST = "issue 15 list of the plan's transport items (plan text not in the stored sources)"
PORT = (25.685, 114.803)      # 赣州国际陆港 (ports layer, port-ganzhou-lugang)
AIRPORT = (25.8514, 114.7753)  # 赣州黄金机场 (airports layer)
CITY = (25.831, 114.933)      # 赣州市人民政府 (en.wikipedia infobox, WGS84): symbol point of city-wide plans

SRC_LUGANG = ("xuehua.us copy of 中国网 (何亮, 2018: '位于赣州市南康区龙岭镇的赣州港'; approved 2016-09 as the 8th permanently open inland "
              "rail port and 内陆国检监管试验区); hxxkw.org (赣州铁路口岸); partilhate.com 2021-09 (总台: 全国内陆第八个永久对外开放铁路口岸; "
              "designated import port for timber, vehicles, meat, grain)")
SRC_CR = ("bestcordlessdrillspros.com copy of a 2024-11 report (1,600 China–Europe trains by then, ~80 % of Jiangxi's; 38 regular "
          "lines; 3.8 km rail spur)")
SRC_SZG = ("shandongqingdian.com 2022-05-23 (南康 news: 深赣港产城特别合作区 phase 1 started 2022-05-20 — 14 projects incl. 综合保税区; "
           "'推进赣州国际陆港打造中欧班列集结中心'); gzlixun.com.cn (盐田港集团 agreement: '一港一园一区' = 陆港, 电子信息产业园, 赣州综合保税区)")

PLAN_ITEMS: tuple[dict, ...] = (
    # ------------------------------------------------------------------ ports of entry
    dict(id="pi-lugang-port-of-entry", zh="赣州铁路口岸(赣州国际陆港)", en="Ganzhou rail port of entry (Ganzhou International Inland Port)",
         system="port_of_entry", kind="port_of_entry", status="existing", opened="2016-09", approved="2016-09", county="nankang",
         geom=("point", *PORT), accuracy=3000, related=["port-ganzhou-lugang", "rs-nankang"],
         plan_ref=PLAN_LIST + ": 赣州国际陆港 as a formal port of entry (正式口岸)", source=SRC_LUGANG, confidence="medium",
         notes="open to foreign trade since 2016-09 ('permanently open', after a temporary opening); whether the port has passed the national "
               "acceptance as a 正式口岸 was not found (searched: 赣州 铁路口岸 正式开放 验收). Position: the port's, estimated (see ports)"),
    dict(id="pi-kow-port-temporary", zh="赣州航空口岸(黄金机场, 临时开放)", en="Ganzhou air port of entry (Huangjin Airport, temporary opening)",
         system="port_of_entry", kind="port_of_entry", status="existing", opened="2019-12", county="nankang",
         geom=("point", *AIRPORT), accuracy=700, related=["ap-ganzhou"],
         plan_ref=PLAN_LIST + ": 黄金机场航空口岸",
         source="caop.org.cn 2019-12-30 (市口岸办 meeting 2019-12-24: first international flight of the 赣州航空口岸 expected 2019-12-30); "
                "jx.sina.com.cn 2019-03-29 (南昌海关: T1 一期改造暨临时口岸, 4,278 m², for 126,000 international passengers a year by 2020)",
         confidence="medium",
         notes="opened = the month of the first international flight as planned on 2019-12-24 (the flight itself was not confirmed in a "
               "source); a temporary opening (临时口岸), see pi-kow-port-formal"),
    dict(id="pi-kow-port-formal", zh="黄金机场航空口岸正式开放", en="Huangjin Airport air port of entry: formal opening",
         system="port_of_entry", kind="port_of_entry", status="planned", county="nankang", geom=("point", *AIRPORT), accuracy=700,
         related=["ap-ganzhou", "ap-ganzhou-phase3"], plan_ref=PLAN_LIST + ": 黄金机场航空口岸 (正式口岸)",
         source="jx.sina.com.cn 2019-03-29 (正式口岸项目: all of T1 becomes the international terminal, with offices of the inspection "
                "agencies); sanmuled.cn 2012-07-15 (江西: '推动黄金机场航空口岸建设')", confidence="medium",
         notes="approval or acceptance of a formal opening not found (searched: 赣州航空口岸 正式开放 国家验收); no date"),
    # ------------------------------------------------------------------ logistics
    dict(id="pi-logistics-hub", zh="赣州商贸服务型国家物流枢纽", en="Ganzhou trade-service national logistics hub",
         system="logistics", kind="logistics_hub", status="under_construction", approved="2019-09", county="nankang",
         geom=("point", *PORT), accuracy=5000, related=["port-ganzhou-lugang"], plan_ref=PLAN_LIST + ": 商贸服务型国家物流枢纽",
         source="vuzo.yyx-model.com copy of NDRC news 2019-09-11 (国家发展改革委·交通运输部 2019 国家物流枢纽建设名单: 23 hubs incl. 赣州 "
                "商贸服务型); guancha.042.org.cn 2023-01-28 (first batch 2019); search excerpt of a 2024 report (陆港 = the hub's core platform)",
         confidence="medium",
         notes="on the national construction list since 2019-09 (status under construction: the list is of hubs to be built up); the hub is a "
               "group of facilities — only its core platform (the 陆港) is placed; the others were not found"),
    dict(id="pi-cr-express-hub", zh="中欧班列集结中心(赣州国际陆港)", en="China–Europe Railway Express assembly centre (Ganzhou port)",
         system="logistics", kind="rail_freight_hub", status="proposed", county="nankang", geom=("point", *PORT), accuracy=3000,
         related=["port-ganzhou-lugang", "rs-nankang"], plan_ref=PLAN_LIST + ": 国家中欧班列集结中心; 发改振兴〔2022〕423号 (示范区建设方案: "
                                                                          "'推动中欧班列高质量发展, 建设国际物流分拨中心', gzlixun.com.cn)",
         source=SRC_SZG + "; " + SRC_CR, confidence="medium",
         notes="an aim ('打造中欧班列集结中心', 2022-05): no national designation of Ganzhou as a 中欧班列集结中心 was found (searched: 赣州 国家中欧班列"
               "集结中心 获批); trains run from the port since 2017-04-23 (partilhate.com 2021-09)"),
    dict(id="pi-ganzhou-bonded-zone", zh="赣州综合保税区", en="Ganzhou Comprehensive Bonded Zone", system="logistics", kind="bonded_zone",
         status="existing", approved="2014-01", opened="2015-07", county="zhanggong", geom=("point", 25.880, 114.840), accuracy=5000,
         plan_ref=PLAN_LIST + ": 赣州综合保税区",
         source="江西台 radio report (记者占伟), dated 07.04.2015 in the stored pages corpus (no address given): approved by the State Council "
                "in 2014-01, 4 km² planned (phase 1 2.22 km²), at 赣州开发区 蟠龙镇 车头村, 封关 (customs closure) planned for 2015-07-22",
         confidence="medium",
         notes="opened = the planned 封关 month (2015-07); the acceptance itself was not found. Position ESTIMATE: 蟠龙镇 in the 经开区 (the village "
               "was not located)"),
    dict(id="pi-lugang-bonded-zone", zh="赣州国际陆港综合保税区(申建)", en="Ganzhou International Inland Port bonded zone (application)",
         system="logistics", kind="bonded_zone", status="proposed", county="nankang", geom=("point", *PORT), accuracy=3000,
         related=["port-ganzhou-lugang"], plan_ref=PLAN_LIST + ": 赣州国际陆港综合保税区 application", source=SRC_SZG, confidence="low",
         notes="a 综合保税区 is among the projects started at the port in 2022-05; no State Council approval was found, and the sources do not "
               "say whether it is a new zone or a second site of the 赣州综合保税区"),
    dict(id="pi-intermodal-yantian", zh="铁海联运班列(赣州国际陆港—深圳盐田港)", en="Rail–sea intermodal trains (Ganzhou port – Shenzhen Yantian)",
         system="logistics", kind="intermodal_route", status="existing", opened="2016-11", scope="gateway",
         geom=("line", ["port-ganzhou-lugang", "rs-xinfeng", "rs-longnan", "rs-dingnan", "rs-longchuan", (23.20, 114.40), (22.58, 114.27)]),
         accuracy="schematic", related=["port-ganzhou-lugang", "rail-jingjiu"], plan_ref=PLAN_LIST + ": 多式联运",
         source="dutenews.com 2019-12-04 (first rail–sea train to 盐田港 2016-11; signs of 盐田, 大铲湾, 赤湾, 蛇口 inland ports at the gate); "
                "5ikunming.com copy of 中新网 2023-05 (5 rail–sea lines; Jan–Apr 2023 511 rail–sea trains); gome-cellars.com copy of "
                "央广网 2021-01-03 (2020: 1,553 rail–sea trains); search excerpt of a 2024 report ('一带一路' 多式联运示范工程)",
         confidence="medium",
         notes="SCHEMATIC: drawn along the 京九 (inference: the route of the trains is not given) to the 盐田 port. The port is a national "
               "'一带一路' 多式联运示范工程 (designation date not found)"),
    dict(id="pi-intermodal-xiamen", zh="铁海联运班列(赣州—厦门港)", en="Rail–sea intermodal trains (Ganzhou – Xiamen port)",
         system="logistics", kind="intermodal_route", status="existing", opened="2015", scope="gateway",
         geom=("line", ["port-ganzhou-lugang", "rs-ganzhou", "rs-yudu", "rs-ruijin", "rs-longyan", (24.46, 118.07)]),
         accuracy="schematic", related=["port-ganzhou-lugang", "rail-ganruilong"], plan_ref=PLAN_LIST + ": 多式联运",
         source="bhi.com.cn 2015 (江西 '一带一路' 实施方案: '巩固扩大…赣州(吉安)——厦门五定班列'); hxxkw.org (赣州港 cooperates with 盐田, 蛇口, 厦门, "
                "漳州, 泉州, 广州)", confidence="low",
         notes="opened 2015 = the latest possible year (the 2015 plan speaks of consolidating a running service); SCHEMATIC: drawn along the "
               "赣瑞龙 to 厦门 (inference; the trains' route is not given); the service first ran from 赣州 (the port opened in 2016)"),
    # ------------------------------------------------------------------ urban transport
    dict(id="pi-urban-expressway-plan", zh="中心城区快速路网(四横六纵一环)", en="Central-city urban expressway network ('4 E–W, 6 N–S, 1 ring')",
         system="urban_road", kind="network_plan", status="under_construction", approved="2016-08", county="zhanggong",
         geom=("point", *CITY), accuracy="schematic",
         related=["road-u-yingbin", "road-u-wenming", "road-u-shahe", "road-u-gannan-zhanggong", "road-u-gannan-3", "road-u-gannan-4",
                  "road-u-dongjiangyuan", "road-u-rongjiang3-huangjin"],
         plan_ref=PLAN_LIST + ": 城市快速路网",
         source="gyxmad.com copy of 中国江西网 (2016-08-16: 赣州市城乡规划设计院 — the 中心城区快速路网 plan '四横六纵一环' basically done); "
                "gzxdwl.com 2024-08-28 (赣州公安: '三横三纵', 127 km open); wxredian.com 2024-12-20 (127 km at end-2024)",
         confidence="medium",
         notes="the routed sections are in trunk_roads (road_class urban_expressway, related_ids); the members of the '四横六纵一环' were not found; "
               "武陵大道快速路 (9.8 km, partly open), 客家大道西延 and the planned 潭口大道快速路 are not drawn (their ends were not located). "
               "Symbol point at the municipal government"),
    dict(id="pi-urban-rail-network", zh="赣州市轨道交通线网规划", en="Ganzhou urban rail network plan", system="urban_rail",
         kind="network_plan", status="study", approved="2020-02", county="zhanggong", geom=("point", *CITY), accuracy="schematic",
         plan_ref=PLAN_LIST + ": 赣州城市轨道交通建设规划",
         source="yaliqi.com copy of 赣州好视角 2021-03-09 (市铁路建设办公室: the 线网规划 was approved — 'last February', i.e. 2020-02); "
                "news.9ihome.com/news/64414 (问政赣州 reply, 2024-12: network plan approved, first construction plan under study)",
         confidence="medium", notes="lines, stations and alignments not found: symbol point at the municipal government (schematic)"),
    dict(id="pi-urban-rail-line1", zh="赣州市轨道交通第一轮建设规划(1号线)", en="Ganzhou urban rail: first construction plan (line 1)",
         system="urban_rail", kind="construction_plan", status="study", plan_period="十四五", county="zhanggong", geom=("point", *CITY),
         accuracy="schematic", plan_ref=PLAN_LIST + ": 赣州城市轨道交通建设规划; 江西省十四五综合交通运输体系发展规划 (城市轨道交通重点建设项目表: "
                                                 "赣州轨道交通1号线 建设规划, per bbs.ganzhouzx.com)",
         source="news.9ihome.com/news/64414 (问政赣州 reply, 2024-12: the first construction plan cannot be submitted — 中心城区 resident "
                "population below 3 million (国办发〔2018〕52号), and 发改基础〔2021〕1302号 accepts no first-round plans of ordinary prefecture "
                "cities in the 十四五; construction date uncertain); bbs.ganzhouzx.com (same reply, earlier)", confidence="medium",
         notes="STUDY only: cannot be submitted for approval before the population threshold is met; alignment not found (schematic point)"),
    # ------------------------------------------------------------------ freight rail
    dict(id="pi-coal-corridor-jingjiu", zh="煤运通道: 浩吉铁路(至吉安)接京九铁路(吉安—赣州)", en="Coal corridor: Haoji railway to Ji'an, then the Jingjiu railway to Ganzhou",
         system="freight_rail", kind="freight_corridor", status="existing", opened="2019-09-28",
         geom=("like", "rail-jingjiu", "rs-jian", "rs-ganzhou"), accuracy="schematic", related=["rail-jingjiu"],
         plan_ref=PLAN_LIST + ": 煤运通道",
         source="shayaxnc.com copy of 新华社 2019-10-09 (浩吉铁路, 1,813.5 km, opened before 2019-10-01, ends at the 京九 吉安站: '北煤南运'); "
                "gzjrw.cn/Item/139801 (赣州晚报 2012-11-06: 赣州 'a direct beneficiary' of the 蒙西—华中 coal corridor; 神华 to build a 4×1000 MW "
                "coal plant in 赣州)", confidence="low",
         notes="INFERENCE: the plan's 煤运通道 is taken to be the 浩吉 coal line continued south by the 京九 (coal for 赣州 arrives at 吉安); which "
               "corridor the plan means, and any investment in it, was not found. Geometry = the 京九 feature from 吉安 to 赣州; opened = the 浩吉"),
    dict(id="pi-freight-xingquan", zh="兴泉铁路(普速货运, 以货为主)", en="Xingguo–Quanzhou railway (conventional, freight first)",
         system="freight_rail", kind="freight_line", status="existing", opened="2021-09-30",
         geom=("like", "rail-xingquan"), accuracy="schematic", related=["rail-xingquan"], plan_ref=PLAN_LIST + ": 普速货运铁路",
         source="xianyu.chinaxiaokang.com 2017-09-14 (吉永泉铁路: 国铁I级, '以货为主、兼顾沿线客运', 120 km/h for freight; includes a new 黄塘 "
                "freight line of 39.156 km); sm.fjsen.com 2021-09-30 (兴国—清流 opened)", confidence="medium",
         notes="the freight role of the routed railway rail-xingquan (geometry copied); freight volumes not found"),
    dict(id="pi-freight-ruimei", zh="瑞梅铁路(普速, 客货共线)", en="Ruijin–Meizhou railway (conventional, mixed passenger and freight)",
         system="freight_rail", kind="freight_line", status="under_construction", planned_open=2027,
         geom=("like", "rail-ruimei"), accuracy="schematic", related=["rail-ruimei"], plan_ref=PLAN_LIST + ": 普速货运铁路",
         source="co.zgjrw.com 2022-10-08 (国铁集团: 国铁I级, single-track electrified, passenger and freight); see rail-ruimei",
         confidence="medium", notes="the freight role of the railway rail-ruimei (geometry copied); planned_open as the railway's (June 2027 target)"),
    # ------------------------------------------------------------------ trunk-road upgrades (国省道干线改造)
    dict(id="pi-g105-gaixian-1", zh="G105赣州中心城区改线一期(水西—唐江)", en="G105 Ganzhou bypass, phase 1 (Shuixi–Tangjiang)",
         system="trunk_road", kind="road_upgrade", status="under_construction",
         geom=("line", [(25.885, 114.905), (25.880, 114.840), (25.830, 114.800), (25.800, 114.720), "town-tangjiang"]), accuracy=4000,
         related=["road-g105"], plan_ref=PLAN_LIST + ": 国省道干线改造 (G105 赣州中心城区改线)",
         source="lu-xu.com (undated, start of works: 水西 和乐农贸市场 → 经开区 → 唐江 → 三益, 63.551 km, 4-lane first-class road with city-road "
                "functions, 60–80 km/h; phase 1 水西 – 唐江 高速路口 28.3 km); freewechat.com (问政赣州 reply, undated: the 南康 part of phase 1, "
                "4.2 km, is open)", confidence="low",
         notes="works started c. 2018 (phase 2 was 'to start in 2019'); only the 南康 4.2 km are reported open, so phase 1 is kept under "
               "construction; traced from the town list (水西, 蟠龙, 湖边, 凤岗, 唐江), positions estimated. Not routed"),
    dict(id="pi-g105-gaixian-2", zh="G105赣州中心城区改线二期(唐江—三益)", en="G105 Ganzhou bypass, phase 2 (Tangjiang–Sanyi)",
         system="trunk_road", kind="road_upgrade", status="planned", county="nankang",
         geom=("line", ["town-tangjiang", (25.720, 114.665), (25.690, 114.710), "seat-nankang", (25.615, 114.735), "ic-sanyi-hub"]),
         accuracy=4000, related=["road-g105"], plan_ref=PLAN_LIST + ": 国省道干线改造 (G105 赣州中心城区改线)",
         source="freewechat.com (问政赣州 reply of the 南康区交通运输局, undated: 35.3 km via 太窝, 朱坊, 镜坝, 蓉江, shared with G323 to 浮石, "
                "across the 章江 under the 赣韶, 康大 and 京九 to 三益; design approved, two railway underpasses await 南昌局 approval)",
         confidence="medium", notes="planned: start of works not reported; traced from the town list, positions estimated. Not routed"),
    dict(id="pi-g105-wuyun", zh="G105赣县区五云—章贡区通天岩段改建", en="G105 upgrade, Wuyun (Ganxian) – Tongtianyan (Zhanggong)",
         system="trunk_road", kind="road_upgrade", status="planned", plan_period="十四五",
         geom=("line", [(25.935, 114.935), (25.905, 114.910), (25.885, 114.890)]), accuracy=4000, related=["road-g105", "port-ganzhou-wuyun"],
         plan_ref=PLAN_LIST + ": 国省道干线改造; 江西省十四五普通国省道规划项目库 (五云—石岩前段)",
         source="infqj.cn (问政赣州 reply of the 赣县区交通运输局, 2025-08-08: 五云—石岩前 3.2 km, first-class, 80 km/h, in the 十四五 普通国省道 "
                "project pool; 五云—通天岩 7.272 km in all, 赣县 3.199 + 章贡 4.073); m.jiwu.com 2024-12-26 (in the 2024 national first batch "
                "of major projects; start aimed at 2025-Q1)", confidence="medium",
         notes="still before works in 2025-08 (land approval, construction drawings); serves the 五云 wharf. Traced, positions estimated. Not routed"),
)
