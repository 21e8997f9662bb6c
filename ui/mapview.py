"""Build the folium map: offline base, grouped layers, analysis overlays, our own legend, labels, title."""
from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Any, Mapping, Sequence

import folium
from shapely import union_all
from shapely.geometry import shape
import branca.element as be
from branca.element import MacroElement
from folium.utilities import JsCode
from jinja2 import Template

from ui.assets import use_local_assets
from ui.basemap import (DATA_ATTRIBUTION, OSM_ATTR, OSM_URL, TIANDITU_ATTR, TOWN_ZOOM,
                        tianditu_urls)
from geo.text import escape_html as esc
from ui.features import filter_features
from ui.i18n import GROUP_LABELS, LEVEL_LABELS, PLAN_SYSTEM_LABELS, RAIL_CLASS_LABELS, STATUS_LABELS, label, t
from ui.style import (BACKGROUND, BASE_LAND, BASE_WATER, DASH, GROUP_LAYERS, HERITAGE, LINE, PLAN_OTHER_COLOUR,
                      PLAN_SYSTEM_COLOURS, POINT, RAIL, URBAN_EXPRESSWAY, line_swatch, point_swatch)

DEFAULT_CENTER = (25.83, 115.0)  # Ganzhou, lat/lon
DEFAULT_ZOOM = 8

_BIND = JsCode("""function(feature, layer) {
    var p = feature.properties || {};
    if (p._popup) { layer.bindPopup(p._popup, {maxWidth: 380, maxHeight: 360}); }
    if (p._tip) { layer.bindTooltip(p._tip, {sticky: true, className: 'atlas-tip'}); }
}""")

CSS = """
.leaflet-container { background: %(bg)s; font-family: 'Noto Sans CJK SC', 'Noto Sans SC', 'Microsoft YaHei',
  'PingFang SC', sans-serif; }
.atlas-popup { font-size: 12.5px; line-height: 1.35; max-width: 360px; }
.atlas-popup-kind { color: #777; font-size: 11px; text-transform: uppercase; letter-spacing: .03em; }
.atlas-popup-name { font-weight: 700; font-size: 15px; }
.atlas-popup-name-en { color: #333; margin-bottom: 4px; }
.atlas-popup table { border-collapse: collapse; }
.atlas-popup th { text-align: left; vertical-align: top; color: #555; font-weight: 600; padding: 1px 8px 1px 0;
  white-space: nowrap; }
.atlas-popup td { padding: 1px 0; word-break: break-word; }
.atlas-legend { background: rgba(255,255,255,.93); padding: 8px 10px; border-radius: 6px; font-size: 12px;
  box-shadow: 0 1px 5px rgba(0,0,0,.35); max-height: 70vh; overflow-y: auto; line-height: 1.25; }
.atlas-legend h4 { margin: 6px 0 3px; font-size: 12.5px; }
.atlas-legend-fold { float: right; margin: -3px -4px 0 6px; border: 1px solid #bbb; background: #fff;
  border-radius: 3px; cursor: pointer; font-size: 12px; line-height: 1.2; padding: 0 5px; color: #333; }
.atlas-legend-min > :not(.atlas-legend-fold) { display: none !important; }
.atlas-legend-min .atlas-legend-fold { float: none; margin: 0; border: none; font-weight: 600; }
.atlas-legend h4:first-child { margin-top: 0; }
.atlas-legend .row { display: flex; align-items: center; gap: 6px; margin: 1px 0; white-space: nowrap; }
.atlas-legend .sw { display: inline-flex; justify-content: center; min-width: 40px; }
.atlas-legend table { border-collapse: collapse; font-size: 11.5px; }
.atlas-legend td, .atlas-legend th { padding: 0 5px 0 0; text-align: right; }
.atlas-legend td:first-child, .atlas-legend th:first-child { text-align: left; }
path.leaflet-interactive:focus { outline: none; }
/* in the app the map fills its frame, whose height follows the window (ui.controls.page_css) */
#map_div { height: 100vh !important; }
.atlas-label { background: none; border: none; white-space: nowrap; font-size: 12px; font-weight: 600;
  color: #222; text-shadow: -1px -1px 0 #fff, 1px -1px 0 #fff, -1px 1px 0 #fff, 1px 1px 0 #fff; }
.atlas-label-site { color: #8b0000; font-size: 11.5px; }
.atlas-label-town, .atlas-label-river { display: none; font-weight: 400; font-size: 11px; color: #444; }
.atlas-label-river { color: #1f5f99; font-style: italic; }
.atlas-z-towns .atlas-label-town, .atlas-z-seats .atlas-label-seat, .atlas-z-rivers .atlas-label-river {
  display: block; }
.atlas-label-seat { font-weight: 600; }
.atlas-title { background: rgba(255,255,255,.92); padding: 6px 14px; border-radius: 6px; font-size: 22px;
  font-weight: 700; box-shadow: 0 1px 5px rgba(0,0,0,.3); }
.atlas-title small { display: block; font-size: 13px; font-weight: 400; color: #444; }
.atlas-presenter .atlas-legend { font-size: 15px; padding: 12px 14px; }
.atlas-presenter .atlas-legend h4 { font-size: 16px; }
.atlas-presenter .atlas-legend table { font-size: 14px; }
.atlas-presenter .atlas-legend .sw { min-width: 52px; }
.atlas-presenter .atlas-label { font-size: 15px; }
"""


@dataclass
class LegendSection:
    """One block of the legend: a title and rows of (swatch HTML, escaped label HTML); or raw table HTML."""

    title: str
    rows: list[tuple[str, str]] = field(default_factory=list)
    table_html: str = ""
    mergeable: bool = False  # one-row layer sections are merged into one "Layers" block


@dataclass
class Overlay:
    """An analysis layer drawn above the base layers (access bands, isochrones, routes, differences)."""

    name: str
    features: list[dict[str, Any]]
    legend: LegendSection | None = None
    points: bool = False
    below: bool = False        # draw under the plan layers (area bands), not above them
    interactive: bool = True   # False lets clicks fall through to the map (click-to-route)


def _cache_branca_templates() -> None:
    """Compile each jinja template text once per process instead of once per map element.

    branca's Element(template) and folium's Map.render compile template strings on every render
    (~60 per map here); the strings repeat, so a cache keyed on the source removes that cost.
    """
    if getattr(be, "_atlas_template_cache", None) is not None:
        return
    original = be.Template
    cache: dict[str, Any] = {}

    def cached(source: str, *args: Any, **kwargs: Any) -> Any:
        if args or kwargs or not isinstance(source, str):
            return original(source, *args, **kwargs)
        tpl = cache.get(source)
        if tpl is None:
            if len(cache) > 4096:
                cache.clear()
            tpl = cache[source] = original(source)
        return tpl

    be.Template = cached
    be._atlas_template_cache = cache


_cache_branca_templates()


class AtlasMap(folium.Map):
    """folium.Map whose bounds are known up front (streamlit-folium asks for them on every run, and
    folium would walk every coordinate of every layer to find them)."""

    atlas_bounds: list[list[float]] | None = None

    def get_bounds(self) -> list[list[float | None]]:
        if self.atlas_bounds is not None:
            return self.atlas_bounds
        return super().get_bounds()


class _Extras(MacroElement):
    """CSS, legend, title and labels added by script (data passed as JSON, never as markup)."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function() {
            var map = {{ this._parent.get_name() }};
            var css = document.createElement('style');
            css.textContent = {{ this.css|tojson }};
            document.head.appendChild(css);
            map.invalidateSize({animate: false});
            if (map.attributionControl) { map.attributionControl.addAttribution({{ this.attribution|tojson }}); }
            // town labels from zoom {{ this.town_zoom }} (county towns one level earlier)
            function zoomClasses() {
                var z = map.getZoom(), c = map.getContainer().classList;
                c.toggle('atlas-z-towns', z >= {{ this.town_zoom }});
                c.toggle('atlas-z-seats', z >= {{ this.town_zoom - 1 }});
                c.toggle('atlas-z-rivers', z >= 8);
            }
            map.on('zoomend', zoomClasses);
            zoomClasses();
            {% if this.presenter %}map.getContainer().classList.add('atlas-presenter');{% endif %}
            {% if this.legend %}
            var legend = L.control({position: 'bottomleft'});
            legend.onAdd = function() {
                var div = L.DomUtil.create('div', 'atlas-legend');
                div.innerHTML = {{ this.legend|tojson }};
                // a small window: the legend can be folded away to see the map under it
                var fold = L.DomUtil.create('button', 'atlas-legend-fold', div);
                fold.type = 'button';
                fold.title = {{ this.fold_title|tojson }};
                fold.textContent = '−';
                div.insertBefore(fold, div.firstChild);
                fold.addEventListener('click', function() {
                    var min = div.classList.toggle('atlas-legend-min');
                    fold.textContent = min ? {{ this.fold_label|tojson }} : '−';
                });
                L.DomEvent.disableScrollPropagation(div);
                L.DomEvent.disableClickPropagation(div);
                return div;
            };
            legend.addTo(map);
            {% endif %}
            {% if this.title %}
            var title = L.control({position: 'topright'});
            title.onAdd = function() {
                var div = L.DomUtil.create('div', 'atlas-title');
                div.innerHTML = {{ this.title|tojson }};
                return div;
            };
            title.addTo(map);
            {% endif %}
            // The panned view is kept in the tab (sessionStorage, restored when the map is redrawn: layer
            // toggles remount the component) and in the page's link (c=, z=: for copying); an explicit
            // view request from the app (a saved view, a link) has a new nonce and wins once. Deferred so
            // that it runs after the whole map script.
            function sized() { var s = map.getSize(); return s.x > 40 && s.y > 40; }
            function fit() {
                {% if this.fit %}
                // not folium's fit_bounds: that one animates, and the animation's end would undo the restore;
                // fitBounds on a frame with no size yet (being remounted) gives NaN zoom: wait for a size
                if (sized()) {
                    map.fitBounds({{ this.fit|tojson }}, {padding: [10, 10], animate: false});
                } else {
                    map.once('resize', fit);
                }
                {% endif %}
            }
            fit();
            setTimeout(function() {
                var nonce = {{ this.view_nonce|tojson }};
                try {
                    var saved = JSON.parse(window.sessionStorage.getItem('atlas-view') || 'null');
                    if (saved && saved.nonce === nonce && isFinite(saved.lat) && isFinite(saved.lng)
                            && isFinite(saved.zoom)) {
                        map.setView([saved.lat, saved.lng], saved.zoom, {animate: false});
                    }
                } catch (e) { /* storage unavailable: keep the app's view */ }
                function remember() {
                    var c = map.getCenter(), z = map.getZoom();
                    if (!isFinite(c.lat) || !isFinite(c.lng) || !isFinite(z) || !sized()) { return; }
                    try {
                        window.sessionStorage.setItem('atlas-view', JSON.stringify(
                            {nonce: nonce, lat: c.lat, lng: c.lng, zoom: z}));
                    } catch (e) { /* ignore */ }
                    {% if this.url_view %}
                    // Keep the page's link in step with the map (c=lat,lon & z=zoom) without a rerun:
                    // a copied link restores this view. The component frame is same-origin.
                    try {
                        var w = window.parent, u = new URL(w.location.href);
                        u.searchParams.set('c', c.lat.toFixed(4) + ',' + c.lng.toFixed(4));
                        u.searchParams.set('z', String(z));
                        w.history.replaceState(w.history.state, '', u.toString());
                    } catch (e) { /* not embedded in the app */ }
                    {% endif %}
                }
                map.on('moveend', remember);
                remember();
            }, 0);
            var labels = {{ this.labels|tojson }}, marks = [];
            for (var i = 0; i < labels.length; i++) {
                var l = labels[i];
                marks.push(L.marker([l[0], l[1]], {interactive: false, keyboard: false,
                    icon: L.divIcon({className: 'atlas-label ' + l[3], html: l[2], iconSize: null,
                                     iconAnchor: [-6, 8]})}).addTo(map));
            }
            // At any zoom, a label that would overlap one drawn before it (counties come first) is hidden.
            function declutter() {
                var kept = [];
                for (var i = 0; i < marks.length; i++) {
                    var el = marks[i].getElement();
                    if (!el) { continue; }
                    el.style.visibility = '';
                    var r = el.getBoundingClientRect(), hit = false;
                    if (!r.width) { continue; }  // not shown at this zoom
                    for (var k = 0; k < kept.length && !hit; k++) {
                        var q = kept[k];
                        hit = r.left < q.right + 2 && r.right > q.left - 2 && r.top < q.bottom && r.bottom > q.top;
                    }
                    if (hit) { el.style.visibility = 'hidden'; } else { kept.push(r); }
                }
            }
            map.on('zoomend', declutter);
            setTimeout(declutter, 0);
        })();
        {% endmacro %}
    """)

    def __init__(self, *, css: str, legend: str, title: str, labels: list[list[Any]], presenter: bool,
                 view_nonce: str = "0", url_view: bool = True, fit: list[list[float]] | None = None,
                 lang: str = "zh"):
        super().__init__()
        self.attribution = DATA_ATTRIBUTION
        self.town_zoom = TOWN_ZOOM
        self.fold_title = t("legend_fold", lang)
        self.fold_label = t("legend", lang) + " ▸"
        self.fit = fit
        self.view_nonce = view_nonce
        self.url_view = url_view
        self._name = "AtlasExtras"
        self.css, self.legend, self.title, self.labels, self.presenter = css, legend, title, labels, presenter


def _geojson(name: str, features: list[dict[str, Any]], *, points: bool, interactive: bool = True) -> folium.GeoJson:
    kwargs: dict[str, Any] = {}
    if points:
        kwargs["marker"] = folium.CircleMarker(radius=5)
    return folium.GeoJson({"type": "FeatureCollection", "features": features}, name=name,
                          on_each_feature=_BIND if interactive else None, interactive=interactive,
                          embed=True, control=False, **kwargs)


def _overlay(m: folium.Map, ov: Overlay) -> None:
    fg = folium.FeatureGroup(name=ov.name, overlay=True, show=True)
    if ov.features:
        _geojson(ov.name, ov.features, points=ov.points, interactive=ov.interactive).add_to(fg)
    fg.add_to(m)


def _short(escaped_label: str, limit: int = 12) -> str:
    """Shorten a long (already escaped) label for the map; the popup keeps the full name."""
    raw = html.unescape(escaped_label)
    return escaped_label if len(raw) <= limit else esc(raw[: limit - 1]) + "…"


def declutter(labels: list[list[Any]], *, dx_deg: float = 0.22, dy_deg: float = 0.07) -> list[list[Any]]:
    """Drop labels whose anchor is too close to one already placed (first come, first kept).

    Tuned for the presenter's default view of the whole prefecture (zoom ≈ 8): 0.22° × 0.07° is about
    one label's width × height there. County labels come first, so they win.
    """
    kept: list[list[Any]] = []
    for lab in labels:
        if all(abs(lab[1] - k[1]) > dx_deg or abs(lab[0] - k[0]) > dy_deg for k in kept):
            kept.append(lab)
    return kept


def _status_rows(statuses: Sequence[str], lang: str) -> list[tuple[str, str]]:
    return [(line_swatch("#333333", 3, DASH[s]), esc(label(STATUS_LABELS, s, lang))) for s in statuses]


def group_legend(group: str, features: Mapping[str, list[dict[str, Any]]], statuses: Sequence[str],
                 lang: str) -> LegendSection | None:
    """Return the legend block of one visible group, listing only classes actually drawn."""
    title = esc(label(GROUP_LABELS, group, lang))
    rows: list[tuple[str, str]] = []
    if group == "railways":
        classes = {f["properties"].get("rail_class") for f in features.get("railways", [])}
        for rc in ("hsr", "intercity", "conventional"):
            if rc in classes:
                colour, weight = RAIL[rc]
                rows.append((line_swatch(colour, weight, None), esc(label(RAIL_CLASS_LABELS, rc, lang))))
    elif group == "expressways":
        colour, weight = LINE[group]
        rows.append((line_swatch(colour, weight, None), title))
    elif group == "trunk_roads":
        rows = _trunk_rows(features.get("trunk_roads", []), lang)
    elif group == "plan_items":
        rows = _plan_item_rows(features.get("plan_items", []), lang)
    elif group == "waterways":
        colour, weight = LINE["waterways"]
        rows.append((line_swatch(colour, weight, None), esc(t("legend_waterways", lang))))
        if features.get("ports"):
            s, f_, r = POINT["ports"]
            rows.append((point_swatch(s, f_, r), esc(t("legend_ports", lang))))
    elif group in ("stations", "airports"):
        s, f_, r = POINT[group]
        rows.append((point_swatch(s, f_, r), title))
        if group == "airports" and features.get("air_routes"):
            colour, weight = LINE["air_routes"]
            rows.append((line_swatch(colour, weight, None), esc(t("air_routes", lang))))
    elif group == "heritage_sites":
        levels = {f["properties"].get("level") for f in features.get("heritage_sites", [])}
        for lv in ("national", "provincial", "local"):
            if lv in levels:
                fill, r = HERITAGE[lv]
                rows.append((point_swatch("#4e0000", fill, r), esc(label(LEVEL_LABELS, lv, lang))))
    elif group == "counties":
        rows.append((line_swatch("#6d6d6d", 1.2, "4 3"), title))
    if not rows:
        return None
    return LegendSection(title, rows, mergeable=True)


def _trunk_rows(features: Sequence[dict[str, Any]], lang: str) -> list[tuple[str, str]]:
    """Trunk roads and urban expressways (城市快速路), each only if drawn."""
    urban = {f["properties"].get("road_class") == "urban_expressway" for f in features}
    rows = []
    if False in urban:
        colour, weight = LINE["trunk_roads"]
        rows.append((line_swatch(colour, weight, None), esc(t("legend_trunk", lang))))
    if True in urban:
        rows.append((line_swatch(*URBAN_EXPRESSWAY, None), esc(t("legend_urban_expressway", lang))))
    return rows


def _plan_item_rows(features: Sequence[dict[str, Any]], lang: str) -> list[tuple[str, str]]:
    """One row per system of the plan items drawn (a dot if any of them is a point, else a line), in colour order."""
    points: dict[str, bool] = {}
    for f in features:
        s = f["properties"].get("system")
        points[s] = points.get(s, False) or f["geometry"]["type"] == "Point"
    order = [s for s in PLAN_SYSTEM_COLOURS if s in points] + sorted(x for x in set(points) - set(PLAN_SYSTEM_COLOURS) if x)
    rows = []
    for s in order:
        colour = PLAN_SYSTEM_COLOURS.get(s, PLAN_OTHER_COLOUR)
        swatch = point_swatch("#212121", colour, 6.0) if points[s] else line_swatch(colour, 2.5, None)
        rows.append((swatch, esc(label(PLAN_SYSTEM_LABELS, s, lang))))
    return rows


def legend_html(sections: Sequence[LegendSection], *, layers_title: str = "") -> str:
    """Render legend sections (already escaped) into one HTML block; one-row sections share a block."""
    parts = []
    singles = [s for s in sections if s.mergeable and len(s.rows) == 1 and not s.table_html]
    if len(singles) > 1:
        merged = LegendSection(layers_title, [r for s in singles for r in s.rows])
        first = sections.index(singles[0])
        sections = [s for s in sections if s not in singles]
        sections.insert(first, merged)
    for s in sections:
        parts.append(f"<h4>{s.title}</h4>")
        parts.extend(f'<div class="row"><span class="sw">{sw}</span><span>{lab}</span></div>' for sw, lab in s.rows)
        if s.table_html:
            parts.append(s.table_html)
    return "".join(parts)


def _basemap(m: folium.Map, prepared: Mapping[str, list[dict[str, Any]]], basemap: str, lang: str,
             rivers: list[dict[str, Any]], tianditu: str | None) -> None:
    """Base layers (radio): the offline base (counties as land, rivers) is the default and needs nothing from
    the internet; OpenStreetMap and (with a key) 天地图 are tile layers that load only when chosen."""
    base = folium.FeatureGroup(name=t("basemap_offline", lang), overlay=False,
                               show=basemap not in ("osm", "tianditu") or (basemap == "tianditu" and not tianditu))
    land = [dict(f, properties={"style": {"color": "#c9c2b2", "weight": 0.8, "fillColor": BASE_LAND,
                                          "fillOpacity": 1.0}}) for f in prepared.get("counties", [])]
    water = [dict(f, properties={"style": {"color": BASE_WATER, "weight": 1.4, "opacity": 0.95}}) for f in rivers]
    if land:
        _geojson("base-land", land, points=False, interactive=False).add_to(base)
    if water:
        _geojson("base-rivers", water, points=False, interactive=False).add_to(base)
    base.add_to(m)
    folium.TileLayer(OSM_URL, attr=OSM_ATTR, name=t("basemap_osm", lang), overlay=False,
                     show=basemap == "osm", max_zoom=19).add_to(m)
    if tianditu:
        vec, cva = tianditu_urls(tianditu)
        folium.TileLayer(vec, attr=TIANDITU_ATTR, name=t("basemap_tianditu", lang), overlay=False,
                         show=basemap == "tianditu", max_zoom=18, subdomains="01234567").add_to(m)
        if basemap == "tianditu":  # the labels over the vector map
            folium.TileLayer(cva, attr=TIANDITU_ATTR, name="tianditu-labels", overlay=True, control=False,
                             max_zoom=18, subdomains="01234567").add_to(m)


def _plan_layers(m: folium.Map, prepared: Mapping[str, list[dict[str, Any]]], *, groups: Sequence[str],
                 statuses: Sequence[str], year: int | None, scenario_ids: set[str] | frozenset[str] | None,
                 lang: str) -> tuple[dict[str, list[dict[str, Any]]], list[LegendSection]]:
    """Draw each chosen group's features that pass the filters; return them by layer and their legend."""
    shown: dict[str, list[dict[str, Any]]] = {}
    sections: list[LegendSection] = []
    for group in GROUP_LAYERS:
        if group not in groups:
            continue
        fg = folium.FeatureGroup(name=label(GROUP_LABELS, group, lang), overlay=True, show=True)
        drawn = False
        for layer in GROUP_LAYERS[group]:
            feats = filter_features(prepared.get(layer, []), statuses, year, scenario_ids)
            shown[layer] = feats
            if feats:
                _geojson(layer, feats, points=any(f["geometry"]["type"] == "Point" for f in feats)).add_to(fg)
                drawn = True
        if drawn:
            fg.add_to(m)
            sec = group_legend(group, shown, statuses, lang)
            if sec:
                sections.append(sec)
    return shown, sections


def _labels(shown: Mapping[str, list[dict[str, Any]]], groups: Sequence[str], *, presenter: bool,
            lang: str) -> list[list[Any]]:
    """County names (and, presenting, national sites' names) as map labels, decluttered."""
    labels: list[list[Any]] = []
    if "counties" in groups:
        for f in shown.get("counties", []):
            pt = shape(f["geometry"]).representative_point()
            text = f["properties"]["_label"]
            for suffix in (" County", " District", " City"):  # English map labels stay short
                text = text.removesuffix(suffix)
            labels.append([pt.y, pt.x, text, "atlas-label-county"])
    if presenter and "heritage_sites" in groups:
        for f in shown.get("heritage_sites", []):
            if f["properties"].get("level") == "national":
                lon, lat = f["geometry"]["coordinates"][:2]
                labels.append([lat, lon, _short(f["properties"]["_label"], 12 if lang == "zh" else 24),
                               "atlas-label-site"])
    return declutter(labels)


def _status_legend(shown: Mapping[str, list[dict[str, Any]]], groups: Sequence[str], statuses: Sequence[str],
                   lang: str) -> LegendSection | None:
    """The status line styles, for the statuses actually drawn (a 2019 network has no planned lines)."""
    if not ({"railways", "expressways", "trunk_roads", "waterways", "stations", "airports", "plan_items"} & set(groups)):
        return None
    drawn = {f["properties"].get("status") for layer, feats in shown.items() if layer != "counties" for f in feats}
    rows = _status_rows([x for x in statuses if x in drawn], lang)
    return LegendSection(esc(t("legend_status", lang)), rows) if rows else None


def _fit_bounds(prepared: Mapping[str, list[dict[str, Any]]], center: tuple[float, float] | None
                ) -> tuple[list[list[float]] | None, list[list[float]] | None]:
    """(bounds to fit the prefecture when no centre is asked for, the map's bounds for streamlit-folium)."""
    if center is None and prepared.get("counties"):
        minx, miny, maxx, maxy = union_all([shape(f["geometry"]) for f in prepared["counties"]]).bounds
        fit = [[miny, minx], [maxy, maxx]]
        return fit, fit
    if center is not None:
        return None, [[center[0] - 0.5, center[1] - 0.5], [center[0] + 0.5, center[1] + 0.5]]
    return None, None


def _title(text: str | None, note: str | None, lang: str) -> str:
    """The presenter's title box: the view's title, what the map shows, the data note (all escaped)."""
    line = f"{esc(note)}<br>" if note else ""
    return f"{esc(text or t('title_on_map', lang))}<small>{line}{esc(t('data_note', lang))}</small>"


def build_map(
    prepared: Mapping[str, list[dict[str, Any]]],
    *,
    groups: Sequence[str],
    statuses: Sequence[str],
    year: int | None,
    lang: str,
    presenter: bool = False,
    basemap: str = "offline",
    overlays: Sequence[Overlay] = (),
    center: tuple[float, float] | None = None,
    zoom: int | None = None,
    layer_control: bool = True,
    scenario_ids: set[str] | frozenset[str] | None = None,
    view_nonce: str = "0",
    url_view: bool = True,
    title_text: str | None = None,
    title_note: str | None = None,
    fit_bounds: list[list[float]] | None = None,
    basemap_data: Mapping[str, list] | None = None,
    tianditu_key: str | None = None,
) -> folium.Map:
    """Return the folium map for the given layers (``prepared``: layer -> features), filters and overlays.

    With no ``center`` the map fits Ganzhou (the counties), or ``fit_bounds`` ([[south, west], [north, east]]).
    """
    use_local_assets()
    m = AtlasMap(location=list(center or DEFAULT_CENTER), zoom_start=zoom or DEFAULT_ZOOM, tiles=None,
                 control_scale=True, prefer_canvas=False, zoom_control=True)
    base_data = basemap_data or {}
    _basemap(m, prepared, basemap, lang, list(base_data.get("rivers", [])), tianditu_key)
    for ov in overlays:  # area bands under the plan layers
        if ov.below:
            _overlay(m, ov)
    shown, layer_legend = _plan_layers(m, prepared, groups=groups, statuses=statuses, year=year,
                                       scenario_ids=scenario_ids, lang=lang)
    for ov in overlays:
        if not ov.below:
            _overlay(m, ov)
    # the analysis legend (bands and their shares) comes first: in an analysis view it is what is read
    legend_sections = [ov.legend for ov in overlays if ov.legend] + layer_legend
    status = _status_legend(shown, groups, statuses, lang)
    if status:
        legend_sections.append(status)
    fit, m.atlas_bounds = _fit_bounds(prepared, center)
    if fit_bounds is not None and center is None:
        fit = m.atlas_bounds = fit_bounds
    title = _title(title_text, title_note, lang) if presenter else ""
    _Extras(css=CSS % {"bg": BACKGROUND}, legend=legend_html(legend_sections, layers_title=esc(t("layers", lang))),
            title=title, labels=_labels(shown, groups, presenter=presenter, lang=lang)
            + (list(base_data.get("labels", [])) if basemap == "offline" else []), presenter=presenter,
            view_nonce=view_nonce, url_view=url_view, fit=fit, lang=lang).add_to(m)
    if layer_control and not presenter:
        folium.LayerControl(collapsed=True, position="topright").add_to(m)
    # what was drawn, for the status line, tests and benchmarks
    m.atlas_counts = {layer: len(feats) for layer, feats in shown.items()}
    m.atlas_overlays = {ov.name: len(ov.features) for ov in overlays}
    m.atlas_legend = [sec.title for sec in legend_sections]
    return m


def count_drawn(prepared: Mapping[str, list[dict[str, Any]]], *, groups: Sequence[str], statuses: Sequence[str],
                year: int | None, scenario_ids: set[str] | frozenset[str] | None = None) -> int:
    """Return how many layer features the map draws for these settings (for the status line and tests)."""
    n = 0
    for group in groups:
        for layer in GROUP_LAYERS.get(group, ()):
            n += len(filter_features(prepared.get(layer, []), statuses, year, scenario_ids))
    return n
