"""Layers, schemas, GeoJSON I/O and coordinate systems for the Gannan Planning Atlas."""
from __future__ import annotations

from geo.errors import AtlasError, LayerError, Problem, StoreError
from geo.paths import DataVersion, data_version, default_data_dir, layer_path
from geo.schema import LAYERS, STATUSES, get_schema
from geo.store import load_layer, load_layers, save_layer, store_transaction, validate_layer_file

__all__ = [
    "AtlasError",
    "LayerError",
    "Problem",
    "StoreError",
    "DataVersion",
    "data_version",
    "default_data_dir",
    "layer_path",
    "LAYERS",
    "STATUSES",
    "get_schema",
    "load_layer",
    "load_layers",
    "save_layer",
    "store_transaction",
    "validate_layer_file",
]
