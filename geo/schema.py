"""Declared schema of every layer: fields, types, allowed values and geometry types.

Declared once here and used by the validator, the loader, the README table (``atlas schema --markdown``)
and the app's popups.
"""
from __future__ import annotations

from dataclasses import dataclass
from difflib import get_close_matches

from geo.errors import UnknownNameError

STATUSES: tuple[str, ...] = ("existing", "under_construction", "planned", "proposed", "study")
CONFIDENCES: tuple[str, ...] = ("high", "medium", "low")
SCOPES: tuple[str, ...] = ("local", "gateway")

#: Ganzhou's extent is 113°54′–116°38′E, 24°29′–27°09′N (en.jxwmw.cn). "Surroundings" adds ~1° so lines
#: can reach the first station over the border; anything farther must be marked ``scope: gateway``.
GANZHOU_BBOX = (113.9, 24.48, 116.64, 27.15)
SURROUNDINGS_BBOX = (112.9, 23.5, 117.6, 28.1)
#: Gateway features (Beijing … Xiamen) must still lie in mainland China.
CHINA_BBOX = (73.0, 18.0, 135.5, 54.0)

#: Years a date field may name: the first railway in China ran in 1876, and no plan here reaches 2100.
DATE_YEARS = (1800, 2100)
#: Every number field declares its own range (``Field.minimum``/``maximum``; tests/geo/test_schema_ranges.py
#: checks that each does). A field declared without one still refuses numbers beyond ±2**53: whole numbers
#: past it do not survive a float (pandas with gaps, JavaScript), and a 400-digit integer overflowed the engine.
UNDECLARED_NUMBER_LIMIT = 2**53
#: Positional accuracy worse than 100 km is not a position: give ``schematic`` instead.
MAX_ACCURACY_M = 100_000
#: A bound on county populations against typos and overflow: ~9× Ganzhou's most populous unit (章贡区,
#: 1.12 M), and above every county-level unit of China.
MAX_COUNTY_POPULATION = 10_000_000


@dataclass(frozen=True)
class Field:
    """One property of a layer's features.

    ``type`` is one of: str, int, float, bool, date (YYYY, YYYY-MM or YYYY-MM-DD), year, list[str],
    accuracy (metres as a number, or the word "schematic").
    """

    name: str
    type: str
    required: bool = False
    choices: tuple[str, ...] | None = None
    minimum: float | None = None
    maximum: float | None = None
    description: str = ""
    #: layers whose feature ids this field names (a reference ``atlas validate`` checks across layers)
    refs: tuple[str, ...] = ()


@dataclass(frozen=True)
class LayerSchema:
    """A layer: its file name, titles, geometry types and fields (common ones first)."""

    name: str
    title_zh: str
    title_en: str
    geometry_types: tuple[str, ...]
    fields: tuple[Field, ...]
    description: str = ""
    group: str = ""

    @property
    def field_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    def field(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(name)


COMMON_FIELDS: tuple[Field, ...] = (
    Field("id", "str", True, description="stable slug, unique across all layers (e.g. rail-ganshen-hsr)"),
    Field("name_zh", "str", True, description="Chinese name"),
    Field("name_en", "str", True, description="English name"),
    Field("status", "str", True, STATUSES, description="status as of the data date"),
    Field("opened", "date", description="opening date, for existing features"),
    Field("planned_open", "year", minimum=2000, maximum=2100, description="planned opening year, if known"),
    Field("plan_period", "str", description="plan period, e.g. 十四五, 十五五, 中长期"),
    Field("plan_ref", "str", description="the plan text the item comes from (e.g. 2021 实施意见 wording)"),
    Field("source", "str", True, description="citation(s) for the feature's facts"),
    Field("confidence", "str", True, CONFIDENCES, description="how sure we are of the facts"),
    Field("accuracy_m", "accuracy", True, minimum=0, maximum=MAX_ACCURACY_M,
          description="positional accuracy in metres (> 0), or 'schematic'"),
    Field("scope", "str", False, SCOPES, description="'gateway' for features beyond Ganzhou's surroundings"),
    Field("notes", "str", description="free text; doubts, conflicts between sources"),
)


def _layer(name, title_zh, title_en, geoms, extra, description="", group=""):
    return LayerSchema(name, title_zh, title_en, tuple(geoms), COMMON_FIELDS + tuple(extra), description, group)


RAIL_CLASSES = ("hsr", "conventional", "intercity")
PLACE_KINDS = ("county_seat", "town", "gateway", "interchange")
COUNTY_KINDS = ("district", "county", "city")

LAYERS: dict[str, LayerSchema] = {
    s.name: s
    for s in (
        _layer(
            "counties", "县级行政区", "County-level units", ("Polygon", "MultiPolygon"),
            (
                Field("adcode", "str", True, description="6-digit administrative code"),
                Field("kind", "str", True, COUNTY_KINDS),
                Field("area_km2", "float", True, minimum=0, maximum=10000, description="area computed in EPSG:4547"),
                Field("population_2010", "int", True, minimum=0, maximum=MAX_COUNTY_POPULATION,
                      description="2010 census count"),
                Field("population", "int", True, minimum=0, maximum=MAX_COUNTY_POPULATION,
                      description="population used for weighting"),
                Field("population_note", "str", True, description="how `population` was obtained"),
                Field("seat_id", "str", True, description="id of the county seat in `places`", refs=("places",)),
            ),
            "18 county-level units of Ganzhou; boundaries derived by scripts/build_counties.py", "admin",
        ),
        _layer(
            "places", "地点", "Places", ("Point",),
            (
                Field("kind", "str", True, PLACE_KINDS),
                Field("county", "str", description="county id (for places in Ganzhou)", refs=("counties",)),
                Field("station_ids", "list[str]", description="stations serving this place", refs=("stations",)),
                Field("airport_ids", "list[str]", description="airports serving this place", refs=("airports",)),
            ),
            "county seats, towns on expressways, gateway cities", "admin",
        ),
        _layer(
            "stations", "铁路车站", "Railway stations", ("Point",),
            (
                Field("county", "str", description="county id (for stations in Ganzhou)", refs=("counties",)),
                Field("place_id", "str", description="place the station serves", refs=("places",)),
            ),
            "stations; lines reference them by id in order", "rail",
        ),
        _layer(
            "railways", "铁路", "Railways", ("LineString", "MultiLineString"),
            (
                Field("rail_class", "str", True, RAIL_CLASSES),
                Field("design_speed_kmh", "int", True, minimum=60, maximum=400),
                Field("tracks", "int", True, minimum=1, maximum=4),
                Field("electrified", "bool"),
                Field("length_km", "float", minimum=0, maximum=5000,
                      description="published length of this feature's own section (km); see length_note"),
                Field("length_note", "str", description="source of length_km, or why it differs from the geometry"),
                Field("station_ids", "list[str]", True, description="stations in order along the geometry", refs=("stations",)),
            ),
            "rail lines; geometry passes through station_ids in order", "rail",
        ),
        _layer(
            "expressways", "高速公路", "Expressways", ("LineString", "MultiLineString"),
            (
                Field("route_code", "str", True, description="national/provincial code, e.g. G45, S4503"),
                Field("lanes", "int", True, minimum=2, maximum=10),
                Field("speed_kmh", "int", True, minimum=40, maximum=140, description="design (posted) speed"),
                Field("network_role", "str", description="role in 四纵四横八联/九联, or 'other'"),
                Field("network_role_inferred", "bool", description="true where no source gives the role"),
                Field("length_km", "float", minimum=0, maximum=5000,
                      description="published length of this feature's own section (km); see length_note"),
                Field("length_note", "str", description="source of length_km, or why it differs from the geometry"),
                Field("node_ids", "list[str]", True, description="interchange places in order", refs=("places",)),
            ),
            "expressways; boarded only at node_ids (interchanges at county seats and towns)", "road",
        ),
        _layer(
            "trunk_roads", "国省干线", "Trunk roads", ("LineString", "MultiLineString"),
            (
                Field("route_code", "str", True, description="e.g. G105, S223"),
                Field("road_class", "str", True, ("national", "provincial", "first_class", "urban_expressway")),
                Field("speed_kmh", "int", True, minimum=20, maximum=120, description="design speed"),
                Field("length_km", "float", minimum=0, maximum=5000,
                      description="published length of this feature's own section (km); see length_note"),
                Field("length_note", "str", description="source of length_km, or why it differs from the geometry"),
                Field("node_ids", "list[str]", True, description="places in order", refs=("places",)),
            ),
            "national and provincial trunk roads between county seats and sites", "road",
        ),
        _layer(
            "airports", "机场", "Airports", ("Point",),
            (
                Field("airport_kind", "str", True, ("civil", "general_aviation")),
                Field("iata", "str"),
                Field("icao", "str"),
                Field("airport_class", "str", description="飞行区等级, e.g. 4C, 4D"),
                Field("runway_m", "int", minimum=0, maximum=6000),
                Field("phase", "str", description="phase of works, e.g. 三期改扩建"),
                Field("phase_of", "str", description="id of the airport this phase belongs to", refs=("airports",)),
                Field("county", "str", refs=("counties",)),
            ),
            "airports; each phase of works is its own feature", "air",
        ),
        _layer(
            "air_routes", "航线", "Air routes", ("LineString",),
            (
                Field("from_airport", "str", True, refs=("airports",)),
                Field("to_place", "str", True, description="gateway place id", refs=("places",)),
                Field("block_minutes", "int", True, minimum=20, maximum=600, description="scheduled gate-to-gate time"),
                Field("daily_flights", "float", True, minimum=0, maximum=100),
            ),
            "scheduled passenger routes from Ganzhou's airports to gateway cities", "air",
        ),
        _layer(
            "waterways", "航道", "Waterways", ("LineString", "MultiLineString"),
            (
                Field("nav_class", "str", True, ("I", "II", "III", "IV", "V", "VI", "VII", "none")),
                Field("alignment", "str", description="candidate alignment name, for studied canals"),
                Field("node_ids", "list[str]", description="ports in order", refs=("ports",)),
            ),
            "navigable rivers and studied canals (freight)", "water",
        ),
        _layer(
            "ports", "港口与物流节点", "Ports and logistics nodes", ("Point",),
            (
                Field("port_kind", "str", True, ("river_port", "wharf", "inland_port")),
                Field("county", "str", refs=("counties",)),
            ),
            "river wharves and the inland (dry) port", "water",
        ),
        _layer(
            "heritage_sites", "红色文化纪念地", "Red-heritage sites", ("Point",),
            (
                Field("county", "str", True, refs=("counties",)),
                Field("national_key_batch", "int", minimum=1, maximum=8, description="全国重点文物保护单位 batch number"),
                Field("provincial_key", "bool", description="江西省文物保护单位"),
                Field("aaaaa", "bool", description="part of a national 5A scenic area"),
                Field("patriotic_base", "bool", description="全国爱国主义教育示范基地"),
                Field("long_march_park", "bool", True, description="in 长征国家文化公园(赣州段)"),
                Field("level", "str", True, ("national", "provincial", "local")),
            ),
            "red-culture memorial sites (红色文化纪念地)", "heritage",
        ),
    )
}

MARKET_GROUPS = ("江西", "粤港澳大湾区", "长株潭", "海西", "广东其他", "湖南其他", "福建其他", "远程", "home")

LAYERS["markets"] = _layer(
    "markets", "客源市场", "Visitor origin markets", ("Point",),
    (
        Field("province", "str", True, description="province (or 北京/上海/重庆 for the municipalities)"),
        Field("market_group", "str", True, MARKET_GROUPS,
              description="market region; 'home' is Ganzhou itself (its residents are measured on the grid)"),
        Field("population", "int", True, minimum=1, maximum=40_000_000,
              description="2020 census (第七次人口普查) resident population of the city"),
        Field("population_source", "str", True, description="the census publication the figure was read in"),
        Field("population_confidence", "str", True, CONFIDENCES),
        Field("main_stations", "list[str]", description="names of the city's main passenger stations"),
        Field("airport_iata", "str", description="the city's main airport"),
        Field("expressways", "list[str]", description="national expressway codes serving the city"),
        Field("place_id", "str", refs=("places",), description="the gateway place of the model that is this city"),
    ),
    "prefecture-level cities of 江西, 广东, 福建, 湖南 and far markets, with 2020 census populations; "
    "built from data/markets/cities.csv by scripts/build_markets.py", "markets",
)

#: transport systems of the plan (the plan-items table groups every plan item by one of these; geo.planitems)
PLAN_SYSTEMS = ("rail", "freight_rail", "urban_rail", "expressway", "trunk_road", "urban_road", "air", "water", "logistics",
                "port_of_entry")
PLAN_ITEM_KINDS = ("port_of_entry", "logistics_hub", "rail_freight_hub", "bonded_zone", "intermodal_route", "network_plan",
                   "construction_plan", "freight_corridor", "freight_line", "road_upgrade")

LAYERS["plan_items"] = _layer(
    "plan_items", "规划事项（不参与路径计算）", "Plan items (not routed)",
    ("Point", "LineString", "MultiLineString", "Polygon", "MultiPolygon"),
    (
        Field("system", "str", True, PLAN_SYSTEMS, description="transport system of the plan the item belongs to"),
        Field("item_kind", "str", True, PLAN_ITEM_KINDS),
        Field("approved", "date", description="date of the approval, designation or listing (e.g. State Council, NDRC list)"),
        Field("county", "str", refs=("counties",)),
        Field("related_ids", "list[str]", description="features of the other layers this item concerns",
              refs=("ports", "airports", "stations", "railways", "expressways", "trunk_roads", "waterways", "places")),
    ),
    "plan items the analysis does not route over — ports of entry, logistics hubs, bonded zones, intermodal services, "
    "urban-rail and road plans, freight-rail roles; drawn and listed so that the plan can be checked item by item", "plan",
)

LINE_LAYERS = ("railways", "expressways", "trunk_roads", "waterways", "air_routes")
POINT_LAYERS = ("places", "stations", "airports", "ports", "heritage_sites", "markets")


def get_schema(name: str) -> LayerSchema:
    """Return the schema of layer ``name``; unknown names list the layers and the closest match."""
    try:
        return LAYERS[name]
    except KeyError:
        close = get_close_matches(name, LAYERS, n=3)
        hint = f" Did you mean {', '.join(close)}?" if close else ""
        raise UnknownNameError(f"unknown layer {name!r}.{hint} Layers are: {', '.join(LAYERS)}") from None


def schema_markdown() -> str:
    """Render the schema table for the README."""
    lines = ["| layer | geometry | fields (required in **bold**) |", "|---|---|---|"]
    common = {f.name for f in COMMON_FIELDS}
    lines.append("| *all layers* | | " + ", ".join(_fmt(f) for f in COMMON_FIELDS) + " |")
    for s in LAYERS.values():
        own = [f for f in s.fields if f.name not in common]
        lines.append(f"| `{s.name}` {s.title_zh} | {'/'.join(s.geometry_types)} | "
                     + ", ".join(_fmt(f) for f in own) + " |")
    return "\n".join(lines)


def _fmt(f: Field) -> str:
    name = f"**{f.name}**" if f.required else f.name
    extra = f" ({'/'.join(f.choices)})" if f.choices else ""
    if f.minimum is not None or f.maximum is not None:
        extra += f" {bound_text(f.minimum)}–{bound_text(f.maximum)}"
    return f"{name}: {f.type}{extra}"


def bound_text(x: float | None) -> str:
    """A range bound as written in the README and in messages: 2000, 0.1, 10,000,000 ('' for none)."""
    return "" if x is None else f"{x:g}" if abs(x) < 10_000 else f"{x:,.0f}"
