"""The nodes and edges of a scenario graph while it is being built (before NetworkX or the compiled arrays).

Node kinds: ``place``, ``station``, ``airport``, ``port``, ``site`` (a feature's own id), ``platform``
(``<hub>|rail``, ``<hub>|road`` … where a mode is entered) and ``line`` (``<line>@<stop>``). Every edge
carries ``minutes``, ``mode``, ``kind``, ``service``, ``length_m``, ``feature_id``, ``line`` and, for
rides, ``speed_kmh``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from network.data import NetworkData

NODE_KINDS = {"places": "place", "stations": "station", "airports": "airport", "ports": "port",
              "heritage_sites": "site"}


@dataclass
class GraphParts:
    """Nodes and edges of a scenario graph before they become a NetworkX graph or arrays."""

    nodes: dict[str, dict[str, Any]] = field(default_factory=dict)
    edges: list[tuple[str, str, dict[str, Any]]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    hubs: list[str] = field(default_factory=list)
    sites: list[str] = field(default_factory=list)

    def point_node(self, data: NetworkData, fid: str) -> str:
        """Add the node of point feature ``fid`` (once) and return its id."""
        if fid not in self.nodes:
            f = data.features[fid]
            x, y = data.xy[fid]
            lon, lat = data.lonlat[fid]
            self.nodes[fid] = {"kind": NODE_KINDS[f["layer"]], "layer": f["layer"], "feature_id": fid,
                               "name_zh": f.get("name_zh") or "", "name_en": f.get("name_en") or "",
                               "x": x, "y": y, "lon": lon, "lat": lat}
        return fid

    def aux_node(self, nid: str, kind: str, hub: str, feature_id: str = "") -> str:
        """Add a platform or line node placed at ``hub`` (once) and return its id."""
        if nid not in self.nodes:
            h = self.nodes[hub]
            self.nodes[nid] = {"kind": kind, "layer": "", "feature_id": feature_id or hub, "hub": hub,
                               "name_zh": h["name_zh"], "name_en": h["name_en"], "x": h["x"], "y": h["y"],
                               "lon": h["lon"], "lat": h["lat"]}
        return nid

    def add_edge(self, u: str, v: str, minutes: float, mode: str, kind: str, service: str, *,
                 length_m: float = 0.0, feature_id: str = "", line: str = "", speed_kmh: float | None = None) -> None:
        """Append one directed edge."""
        attrs = {"minutes": float(minutes), "mode": mode, "kind": kind, "service": service,
                 "length_m": float(length_m), "feature_id": feature_id, "line": line}
        if speed_kmh is not None:
            attrs["speed_kmh"] = float(speed_kmh)
        self.edges.append((u, v, attrs))
