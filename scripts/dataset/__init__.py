"""Curated tables for scripts/build_dataset.py (one module per theme; coordinates are (lat, lon))."""
