"""Expressway interchanges (互通/枢纽) and route towns added with the traced expressway alignments (2026-11).

Each row: id, name_zh, name_en, county (None outside Ganzhou), lat, lon (WGS84), accuracy_m, role (what the
interchange is, with the source that names it), position (how the point was placed).

No coordinate of any interchange was found in a stored source (searched 2026-11: OSM motorway_junction extracts
in public repositories cover other provinces only; no Ganzhou exit list with coordinates). Every position below is
an ESTIMATE placed from the sourced description (town named, distance from a town, km posts) and general
knowledge of where the town lies; confidence low, accuracy 2–5 km. The existence and order of each interchange
is sourced where ``role`` cites a source; "[I]" marks an inferred one.
"""
from __future__ import annotations

from scripts.dataset.common import interchange_places

SRC_GANCHONG = "newton.com.tw 贛崇高速公路 (exit list with km posts from 厦门: 崇义 493, 關田 513, 文英 530, 贛湘界 531; 87.552 km)"
SRC_KANGDA = "m.gethgdk.com 康大高速 (S66: interchanges 新城, 青龍, 大余, 三益樞紐, 主線收費站; 56.645 km)"
SRC_SHIJI = "chinahighway.org/view/830 (G72 石吉: 石城, 宁都枢纽 (固村), 宁都, 宁都西 (赖村), 古龙岗, 兴国 (鼎龙), 兴国西 (高兴), 泰和枢纽)"
SRC_NINGXING = ("ninggangzx.com (兴国–小布: 兴国枢纽 → 城岗·良村·南坑 → 大沽枢纽 (广吉) → 小布 (昌宁); 6 interchanges incl. 3 枢纽, "
                "蔡江互通); fylbs.com (兴赣北延 via 鼎龙·方太·城岗·良村·南坑·黄陂·大沽·小布, 63.928 km)")
SRC_FUXIAN = ("life.wxbbs.com.cn (大广 南康–龙南 复线: 南康 十八塘 结孜石下 → 龙南 渡江 杉树下, 132.221 km; 小江联络线 上池坑 → "
              "寻全高速 信丰枢纽 9.996 km); meinengkg.com / 中新网 2023-09-26 (信雄: 小河枢纽 on 大广赣定段, 正平枢纽 on 大广复线)")

INTERCHANGES: tuple[tuple, ...] = (
    # --- G45 / G76 around the city
    ("ic-g45-taihe-hub", "泰和枢纽(马市)", "Taihe junction (Mashi)", None, 26.700, 114.960, 5000,
     "G72 石吉段 ends at the 泰和枢纽 on G45 (newton.com.tw 石城—吉安高速); 泰赣 (G45) starts at 泰和 马市 (factpedia)",
     "placed SE of the 泰和 town, where G72 from 兴国 meets G45 [estimate]"),
    ("ic-g45-longling", "南康龙岭(泰赣段终点)", "Longling (end of the Tai–Gan section)", "zhanggong", 25.722, 114.838, 3000,
     "泰赣高速 ends at 南康 龙岭 (factpedia 泰赣高速公路); the ring S4503 also passes 龙岭 (chinahighway.org/view/816)",
     "placed at the 龙岭 town area, NE of 南康 [estimate]"),
    ("ic-ganzhou-hub", "赣州枢纽(G45×G76)", "Ganzhou junction (G45 × G76)", "zhanggong", 25.842, 114.838, 3000,
     "G76 赣崇 meets G45 at the 赣州枢纽 west of 赣州西 (newton.com.tw 贛崇高速公路 exit list)",
     "placed W of the 经开区 on the G45 line [estimate]"),
    ("ic-ganzhou-xi", "赣州西互通(经开区)", "Ganzhou West interchange (ETDZ)", "zhanggong", 25.850, 114.872, 3000,
     "first exit of G76 赣崇, into the 赣州经开区 (平安路 / 迎宾大道) and towards the airport (newton.com.tw 贛崇高速公路)",
     "placed in the 经开区, 5 km W of the city centre [estimate]"),
    ("ic-nankang-nan", "南康南枢纽(步狗垅)", "Nankang South junction (Bugoulong)", "nankang", 25.628, 114.780, 3000,
     "S4503 ends at the 南康南枢纽 at 步狗垅 on G45 and then shares 9 km of G45 to the 康大 junction at 三益 (chinahighway.org/view/816)",
     "placed 4 km SE of the 南康 seat; 9 km N of 三益 [estimate]"),
    ("ic-sanyi-hub", "三益枢纽(G45×G6011康大)", "Sanyi junction (G45 × Kang–Da)", "nankang", 25.560, 114.760, 4000,
     "康大高速 starts at 三益镇 on G45 赣定段 (" + SRC_KANGDA + ")", "placed 9 km S of 步狗垅 along G45 (the ring's 9 km co-line) [estimate]"),
    # --- G76 赣崇 (west of the city)
    ("ic-shangyou-dong", "上犹东互通(黄埠)", "Shangyou East interchange (Huangbu)", "shangyou", 25.768, 114.598, 3000,
     "G76 赣崇 exit 上猶 黃埠 (上猶東) (" + SRC_GANCHONG + ")", "placed at 黄埠镇, 5 km E of the 上犹 seat [estimate]"),
    ("ic-shangyou-xi", "上犹西互通(中稍)", "Shangyou West interchange (Zhongshao)", "shangyou", 25.790, 114.470, 4000,
     "G76 赣崇 exit 上猶西 中稍 (" + SRC_GANCHONG + ")", "placed at 中稍乡, 8 km W of the 上犹 seat [estimate]"),
    ("ic-chongyi", "崇义互通(阳明山)", "Chongyi interchange", "chongyi", 25.702, 114.322, 3000,
     "G76 赣崇 exit 崇義 (陽明山), km 493 (" + SRC_GANCHONG + ")", "placed 2.5 km NE of the 崇义 seat [estimate]"),
    ("ic-guantian", "关田互通", "Guantian interchange", "chongyi", 25.625, 114.165, 4000,
     "G76 赣崇 exit 關田, km 513 (" + SRC_GANCHONG + ")", "placed at 关田镇, SW of 崇义 [estimate]"),
    ("ic-wenying", "文英互通", "Wenying interchange", "chongyi", 25.585, 114.010, 4000,
     "G76 赣崇 exit 文英, km 530, 1 km before the 赣湘界 toll station (" + SRC_GANCHONG + ")",
     "placed 4 km E of where the 崇义–汝城 direction crosses the county boundary (counties layer) [estimate]"),
    # --- G6011 康大
    ("ic-xincheng", "新城互通", "Xincheng interchange", "dayu", 25.530, 114.600, 4000,
     "康大 exit 新城 (" + SRC_KANGDA + ")", "placed at 新城镇 (南康 SW), on the 南康–大余 line [estimate]"),
    ("ic-qinglong", "青龙互通", "Qinglong interchange", "dayu", 25.450, 114.470, 4000,
     "康大 exit 青龍 (" + SRC_KANGDA + ")", "placed at 青龙镇 (大余 NE) [estimate]"),
    # --- G72 石吉
    ("ic-g72-ningdu-hub", "宁都枢纽(固村)", "Ningdu junction (Gucun)", "ningdu", 26.380, 116.180, 5000,
     "G72 石吉 junction with G35 at 固村 (" + SRC_SHIJI + ")", "placed at 固村镇, E 宁都 near the 石城 boundary [estimate]"),
    ("ic-gulonggang", "古龙岗互通", "Gulonggang interchange", "xingguo", 26.310, 115.550, 4000,
     "G72 石吉 exit 古龙岗 (" + SRC_SHIJI + ")", "placed at 古龙岗镇, E 兴国 [estimate]"),
    ("ic-xingguo-xi", "兴国西互通(高兴)", "Xingguo West interchange (Gaoxing)", "xingguo", 26.330, 115.250, 4000,
     "G72 石吉 exit 兴国西 (高兴) (" + SRC_SHIJI + ")", "placed at 高兴镇, W of the 兴国 seat [estimate]"),
    # --- 兴国–小布 (宁兴)
    ("ic-dagu-hub", "大沽枢纽(宁兴×广吉)", "Dagu junction (Ning–Xing × Guang–Ji)", "ningdu", 26.680, 115.820, 4000,
     "宁兴 crosses G1517 广吉 at a 枢纽 in 大沽乡 (" + SRC_NINGXING + ")", "placed in 大沽乡, N 宁都 [estimate]"),
    ("ic-caijiang", "蔡江互通", "Caijiang interchange", "ningdu", 26.610, 115.810, 5000,
     "宁兴 exit 蔡江 (ninggangzx.com)", "placed at 蔡江乡, NW 宁都 [estimate]"),
    ("ic-liangcun", "良村(宁兴沿线)", "Liangcun (on the Ning–Xing)", "xingguo", 26.470, 115.520, 5000,
     "宁兴 passes 城岗·良村·南坑 (" + SRC_NINGXING + "); interchange here [I]", "placed at 良村镇, N 兴国 [estimate]"),
    # --- 大广复线, 小江联络线
    ("ic-fx-shibatang", "十八塘(大广复线起点)", "Shibatang (start of the G45 parallel line)", "nankang", 25.600, 114.800, 5000,
     "大广 南康–龙南 复线 starts at 南康 十八塘乡 结孜石下 (" + SRC_FUXIAN + ")", "placed at 十八塘乡, SE of 南康 [estimate]"),
    ("ic-zhengping-hub", "正平枢纽(信雄×大广复线)", "Zhengping junction (Xin–Xiong × parallel G45)", "xinfeng", 25.330, 114.700, 5000,
     "信雄 meets the 大广复线 at the 正平枢纽 (" + SRC_FUXIAN + ")", "placed at 正平镇, W 信丰 [estimate]"),
    ("ic-fx-dujiang", "渡江(大广复线终点)", "Dujiang (end of the G45 parallel line)", "longnan", 24.960, 114.760, 5000,
     "大广复线 ends at 龙南 渡江镇 杉树下 (" + SRC_FUXIAN + ")", "placed at 渡江镇, N of the 龙南 seat [estimate]"),
    ("ic-xunquan-xinfeng-hub", "信丰枢纽(寻全×小江联络线)", "Xinfeng junction (Xun–Quan × Xiaojiang link)", "xinfeng", 25.170, 114.970, 5000,
     "小江联络线 ends at the 寻全高速 信丰枢纽 (" + SRC_FUXIAN + ")", "placed near 小江镇, S 信丰 [estimate]"),
    # --- 宁定, 定南联络线
    ("ic-egong", "鹅公(宁定K200·定南联络线起点)", "Egong (Ning–Ding km 200, start of the Dingnan link)", "dingnan", 24.900, 115.250, 5000,
     "定南联络线 starts near K200 of 宁定 in 鹅公镇; 宁定 reaches the 赣粤界 at 鹅公 留村 (jtyq.org.cn 2021-04-25)",
     "placed at 鹅公镇, E 定南 [estimate]"),
    ("ic-tianjiu", "天九(定南联络线)", "Tianjiu (Dingnan link)", "dingnan", 24.830, 115.120, 5000,
     "定南联络线 passes 天九镇 (jtyq.org.cn 2021-04-25); interchange [I]", "placed at 天九镇 [estimate]"),
    # --- G35 济广
    ("ic-xingguo-hub", "兴国枢纽(鼎龙, G72×兴赣×宁兴)", "Xingguo junction (Dinglong)", "xingguo", 26.400, 115.430, 5000,
     "兴赣 starts at the G72 兴国互通 K105+750 in 鼎龙乡 (xuepifa.com); 宁兴 starts at the same 兴国枢纽 and runs N via 方太·城岗 "
     "(fylbs.com)", "placed NE of the 兴国 seat, between the seat and 方太/城岗 (宁兴's first towns); NOTE: town-dinglong in places.py "
     "(26.22, 115.42, SE of the seat) conflicts with this and was not moved (not this table's row)"),
    ("ic-huichang", "会昌互通", "Huichang interchange", "huichang", 25.610, 115.850, 5000,
     "瑞寻 passes 会昌 (cncmrn.com 2011-09-05) [I position]", "placed 7 km E of the 会昌 seat so that 瑞寻 fits its published 123.8 km"),
    ("ic-xunwu", "寻乌互通(寻乌连接线)", "Xunwu interchange (Xunwu link road)", "xunwu", 24.990, 115.740, 5000,
     "寻乌 is joined to 瑞寻 by the 寻乌连接线 (a first-class road, cncmrn.com 2011-09-05), so the expressway passes outside the town",
     "placed 11 km ENE of the 寻乌 seat, on the way to the 赣粤界 towards 平远/梅州 [estimate]"),
    ("ic-ruijin-hub", "瑞金枢纽(G35×G76)", "Ruijin junction (G35 × G76)", "ruijin", 25.900, 116.060, 5000,
     "G35 and G76 cross near 瑞金 (both named through 瑞金: cncmrn.com 2011-09-05; m.yourjia.com) [I position]",
     "placed NE of the 瑞金 seat, near 叶坪 [estimate]"),
    ("ic-fx-shangchikeng", "上池坑(大广复线·小江联络线起点)", "Shangchikeng (parallel G45, start of the Xiaojiang link)", "xinfeng",
     25.170, 114.880, 5000, "小江联络线 leaves the 大广复线 near 上池坑 (" + SRC_FUXIAN + ")",
     "not located: placed on the 复线 ~9 km W of the 信丰枢纽 so that the link fits its 9.996 km [estimate]"),
    # --- border points (主线收费站 / provincial border on the line). Position: where the estimated line crosses the Ganzhou
    # boundary of the counties layer (AMap-derived; see docs/DATA.md)
    ("ic-border-g35", "济广高速赣粤界(寻乌)", "G35 JX–GD border (Xunwu)", "xunwu", 24.8841, 115.8014, 3000,
     "瑞寻 ends at the 赣粤界 (cncmrn.com 2011-09-05)", "crossing of the estimated line with the 寻乌 boundary"),
    ("ic-border-g72", "泉南高速五里亭(赣闽界)", "G72 Wuliting (JX–FJ border)", "shicheng", 26.291, 116.4176, 3000,
     "石吉 starts at 五里亭 on the 赣闽界 (newton.com.tw 石城—吉安高速公路)", "crossing of the estimated line with the 石城 boundary"),
    ("ic-border-g76-east", "厦蓉高速隘岭(赣闽界)", "G76 Ailing (JX–FJ border)", "ruijin", 25.8735, 116.1392, 3000,
     "隘瑞 section from 隘岭 on the 赣闽界 to 瑞金 (chinatln.com 2011-12-27 names 隘瑞)", "crossing of the estimated line with the 瑞金 boundary"),
    ("ic-border-g76-west", "厦蓉高速崇义西收费站(赣湘界)", "G76 Chongyi West toll station (JX–HN border)", "chongyi", 25.5783, 113.9742, 3000,
     "赣湘界 崇义西收费站, km 531 (" + SRC_GANCHONG + ")", "crossing of the estimated line with the 崇义 boundary"),
    ("ic-border-xinxiong", "信雄高速界址(赣粤界)", "Xin–Xiong Jiezhi (JX–GD border)", "xinfeng", 25.318, 114.6981, 3000,
     "信雄 ends at 南雄 界址 on the 赣粤界 (visaplatform.com.cn 2023-10-01)", "crossing of the estimated line with the 信丰 boundary"),
)


def place_rows() -> list[dict]:
    """Interchange places (kind interchange) with 'lat'/'lon' (WGS84) plus schema properties."""
    return interchange_places(INTERCHANGES, notes="expressway interchange used as a road node; position estimated (no "
                                                  "cited coordinate found)")
