"""Layers, schemas, GeoJSON I/O and coordinate systems for the Gannan Planning Atlas."""
from __future__ import annotations

from geo.errors import AtlasError, LayerError, Problem
from geo.schema import LAYERS, STATUSES, get_schema
from geo.store import data_dir, layer_path, load_layer, load_layers, save_layer, validate_layer_file

__all__ = [
    "AtlasError",
    "LayerError",
    "Problem",
    "LAYERS",
    "STATUSES",
    "get_schema",
    "data_dir",
    "layer_path",
    "load_layer",
    "load_layers",
    "save_layer",
    "validate_layer_file",
]
