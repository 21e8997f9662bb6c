"""Build data/layers/markets.geojson from the sourced table data/markets/cities.csv.

`python scripts/build_markets.py` writes the layer through geo.store.save_layer (validated, deterministic,
atomic); `--check` only reports whether the layer on disk equals a rebuild (exit 1 if not). The table keeps
one row per city with its 2020 census population, position and sources (docs/data/markets.md).
"""
from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geo.errors import AtlasError, LayerError  # noqa: E402
from geo.fileio import read_json  # noqa: E402
from geo.geojson import dumps_collection  # noqa: E402
from geo.paths import layer_path  # noqa: E402
from geo.schema import CONFIDENCES, LAYERS, SURROUNDINGS_BBOX  # noqa: E402
from geo.store import save_layer  # noqa: E402
from geo.validate import store_problems  # noqa: E402

TABLE = ROOT / "data" / "markets" / "cities.csv"


def _list(text: str) -> list[str] | None:
    items = [x.strip() for x in (text or "").split(";") if x.strip()]
    return items or None


def feature(r: dict[str, str]) -> dict:
    """One market feature from one table row (the weaker of the position's and the population's confidence)."""
    lon, lat = float(r["lon"]), float(r["lat"])
    inside = SURROUNDINGS_BBOX[0] <= lon <= SURROUNDINGS_BBOX[2] and SURROUNDINGS_BBOX[1] <= lat <= SURROUNDINGS_BBOX[3]
    pos_conf = "high" if int(r["accuracy_m"]) <= 1000 else "medium" if int(r["accuracy_m"]) <= 3000 else "low"
    conf = max(pos_conf, r["population_confidence"], key=CONFIDENCES.index)
    props = {
        "id": r["id"], "name_zh": r["name_zh"], "name_en": r["name_en"], "status": "existing",
        "source": f"position: {r['coord_source']}; population: {r['population_source']}",
        "confidence": conf, "accuracy_m": int(r["accuracy_m"]), "scope": None if inside else "gateway",
        "notes": r.get("notes") or None, "province": r["province"], "market_group": r["market_group"],
        "population": int(r["population_2020"]), "population_source": r["population_source"],
        "population_confidence": r["population_confidence"], "main_stations": _list(r.get("main_stations")),
        "airport_iata": r.get("airport_iata") or None, "expressways": _list(r.get("expressways")),
        "place_id": r.get("place_id") or None,
    }
    return {"type": "Feature", "properties": {k: v for k, v in props.items() if v is not None},
            "geometry": {"type": "Point", "coordinates": [lon, lat]}}


def collection() -> dict:
    reader = csv.DictReader(TABLE.read_text(encoding="utf-8-sig").splitlines())
    feats = []
    for r in reader:
        try:
            feats.append(feature(r))
        except (KeyError, TypeError, ValueError) as exc:  # a missing column or a number that does not parse
            raise AtlasError(f"{TABLE}: line {reader.line_num} (id {r.get('id')!r}): {type(exc).__name__}: {exc}; "
                             "nothing written") from None
    return {"type": "FeatureCollection", "features": feats}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true",
                    help="only report whether the layer on disk equals a rebuild (exit 1 if not); write nothing")
    args = ap.parse_args(argv)
    try:
        doc = collection()
        if args.check:
            path = layer_path("markets")
            same = path.exists() and path.read_text(encoding="utf-8") == dumps_collection(doc, LAYERS["markets"])
            print("markets: up to date" if same else "markets: differs from a rebuild of data/markets/cities.csv")
            return 0 if same else 1
        places = layer_path("places")  # place_id must name a place (save_layer checks ids, not references)
        problems = store_problems({"markets": doc, "places": read_json(places)}, {"markets": str(TABLE), "places": str(places)})
        if problems:
            raise LayerError(problems, summary="not saved: a place_id names no place; nothing written")
        save_layer("markets", doc)
    except AtlasError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"markets: {len(doc['features'])} features written")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
