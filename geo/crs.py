"""Coordinate systems: WGS84 storage, GCJ-02 (AMap/Gaode) conversion, and the projected CRS for lengths.

GCJ-02 is WGS84 plus a published obfuscation offset (about 0.5 km around Ganzhou). ``wgs84_to_gcj02`` is
the standard forward formula; ``gcj02_to_wgs84`` inverts it by fixed-point iteration to well under a
metre (one-step inversion leaves errors of 1–2 m).

Lengths and areas use CGCS2000 / 3-degree Gauss–Krüger CM 114°E (EPSG:4547). Ganzhou spans 113.9–116.6°E,
so its far east lies 2.6° from the central meridian: the scale error there is about 1.0e-3 (0.1%), well
below the other uncertainties of the data, and one CRS for the whole prefecture keeps every area
comparable. (CM 117°E, EPSG:4548, would favour the east at the west's expense.)
"""
from __future__ import annotations

import math

import numpy as np

PROJECTED_CRS = "EPSG:4547"

_A = 6378245.0  # Krasovsky 1940 semi-major axis used by the GCJ-02 formula
_EE = 0.00669342162296594323


def _out_of_china(lon, lat):
    return (lon < 72.004) | (lon > 137.8347) | (lat < 0.8293) | (lat > 55.8271)


def _transform_lat(x, y):
    ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * np.sqrt(np.abs(x))
    ret += (20.0 * np.sin(6.0 * x * math.pi) + 20.0 * np.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    ret += (20.0 * np.sin(y * math.pi) + 40.0 * np.sin(y / 3.0 * math.pi)) * 2.0 / 3.0
    ret += (160.0 * np.sin(y / 12.0 * math.pi) + 320 * np.sin(y * math.pi / 30.0)) * 2.0 / 3.0
    return ret


def _transform_lon(x, y):
    ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * np.sqrt(np.abs(x))
    ret += (20.0 * np.sin(6.0 * x * math.pi) + 20.0 * np.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    ret += (20.0 * np.sin(x * math.pi) + 40.0 * np.sin(x / 3.0 * math.pi)) * 2.0 / 3.0
    ret += (150.0 * np.sin(x / 12.0 * math.pi) + 300.0 * np.sin(x / 30.0 * math.pi)) * 2.0 / 3.0
    return ret


def _offset(lon, lat):
    dlat = _transform_lat(lon - 105.0, lat - 35.0)
    dlon = _transform_lon(lon - 105.0, lat - 35.0)
    radlat = lat / 180.0 * math.pi
    magic = 1 - _EE * np.sin(radlat) ** 2
    sqrtmagic = np.sqrt(magic)
    dlat = (dlat * 180.0) / ((_A * (1 - _EE)) / (magic * sqrtmagic) * math.pi)
    dlon = (dlon * 180.0) / (_A / sqrtmagic * np.cos(radlat) * math.pi)
    outside = _out_of_china(lon, lat)
    return np.where(outside, 0.0, dlon), np.where(outside, 0.0, dlat)


def wgs84_to_gcj02(lon, lat):
    """Convert WGS84 lon/lat (scalars or arrays, degrees) to GCJ-02; points outside China are unchanged."""
    lon_a, lat_a = np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)
    dlon, dlat = _offset(lon_a, lat_a)
    return _same_kind(lon, lon_a + dlon), _same_kind(lat, lat_a + dlat)


def gcj02_to_wgs84(lon, lat, *, tol_deg: float = 1e-9, max_iter: int = 30):
    """Convert GCJ-02 lon/lat to WGS84 by iterating the forward formula (error < 1 mm after a few steps)."""
    glon, glat = np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)
    wlon, wlat = glon.copy(), glat.copy()
    for _ in range(max_iter):
        flon, flat = wgs84_to_gcj02(wlon, wlat)
        elon, elat = np.asarray(flon) - glon, np.asarray(flat) - glat
        wlon, wlat = wlon - elon, wlat - elat
        if np.all(np.abs(elon) < tol_deg) and np.all(np.abs(elat) < tol_deg):
            break
    return _same_kind(lon, wlon), _same_kind(lat, wlat)


def _same_kind(template, arr):
    return float(arr) if np.ndim(template) == 0 else arr


def haversine_m(lon1, lat1, lon2, lat2):
    """Great-circle distance in metres (arrays broadcast)."""
    r = 6371008.8
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dphi = p2 - p1
    dl = np.radians(np.asarray(lon2) - np.asarray(lon1))
    h = np.sin(dphi / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return 2 * r * np.arcsin(np.sqrt(h))


def transform_geometry(geom, func):
    """Apply a lon/lat → lon/lat function to every vertex of a shapely geometry."""
    from shapely import transform

    def _f(coords):
        x, y = func(coords[:, 0], coords[:, 1])
        return np.column_stack([x, y])

    return transform(geom, _f)
