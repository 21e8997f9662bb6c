"""Chaos tests of promoting a draft into several layers and of saving drafts: a colleague's save between the
layers of a promotion, a full disk on a later layer, a kill between the layers, a full disk while a draft
is saved. Promotion is all or nothing, never undoes anyone else's save, and history stays consistent.
Faults come from the ``faults`` fixture (tests/conftest.py)."""
from __future__ import annotations

import errno
import json
import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from geo.errors import AtlasError
from geo.history import list_versions
from geo.importer import import_features
from geo.paths import layer_path
from geo.store import load_layers
from network.data import to_wgs84
from network.drafts import Draft, draft_history, promote_draft, save_draft

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "data" / "proposals" / "mini"
X0, Y0 = 600_000.0, 2_850_000.0
PROMOTED = ("stations", "heritage_sites", "railways")


def ll(xkm: float, ykm: float) -> list[float]:
    lon, lat = to_wgs84(X0 + xkm * 1000, Y0 + ykm * 1000)
    return [float(lon), float(lat)]


def draft() -> Draft:
    hsr = {"type": "Feature", "properties": {"kind": "hsr"},
           "geometry": {"type": "LineString", "coordinates": [ll(0, 1), ll(100, 1)]}}
    site = {"type": "Feature", "properties": {"kind": "heritage_site"},
            "geometry": {"type": "Point", "coordinates": ll(50, 10)}}
    return Draft("p").add(hsr).add(site)


COLLEAGUE = {"type": "FeatureCollection", "features": [
    {"type": "Feature", "properties": {"id": "st-colleague", "name_zh": "同事站", "name_en": "Colleague's station",
                                       "status": "planned", "source": "test fixture, not real data",
                                       "confidence": "low", "accuracy_m": 100, "county": "cty-a"},
     "geometry": {"type": "Point", "coordinates": ll(30, -5)}}]}


@pytest.fixture
def promo(tmp_path, monkeypatch) -> Path:
    dst = tmp_path / "data"
    shutil.copytree(FIXTURE / "layers", dst / "layers")
    shutil.copytree(ROOT / "data" / "params", dst / "params")
    monkeypatch.setenv("ATLAS_DATA_DIR", str(dst))
    return dst


def layer_bytes(base: Path) -> dict[str, bytes]:
    return {p.stem: p.read_bytes() for p in sorted((base / "layers").glob("*.geojson"))}


def all_ids(base: Path) -> dict[str, list[str]]:
    return {name: [f["properties"]["id"] for f in json.loads(raw)["features"]]
            for name, raw in layer_bytes(base).items()}


def assert_ids_unique(base: Path) -> None:
    flat = [fid for ids in all_ids(base).values() for fid in ids]
    assert len(flat) == len(set(flat))


# -- item 7: a failed promotion never undoes a colleague's save -----------------------------------------

def test_failed_promotion_keeps_a_colleagues_save_made_meanwhile(promo, tmp_path, monkeypatch):
    """The colleague imports into stations after the promotion wrote (or staged) its stations; the promotion
    then fails on railways (disk full). Before the fix the rollback wrote the old stations back without
    lock, conflict check or history, and the colleague's station vanished from the layer and from history."""
    original = layer_bytes(promo)
    src = tmp_path / "colleague.geojson"
    src.write_text(json.dumps(COLLEAGUE, ensure_ascii=False), encoding="utf-8")
    import network.drafts as drafts

    real = drafts.import_features
    colleague: dict[str, object] = {}

    def colleague_import():
        try:
            colleague["result"] = import_features(src, "stations", data_dir=promo)
        except Exception as exc:  # noqa: BLE001 - reported below
            colleague["error"] = exc

    def flaky(source, layer, **kw):
        if kw.get("dry_run"):
            return real(source, layer, **kw)
        if layer == "railways":
            raise OSError(errno.ENOSPC, "No space left on device (simulated)", str(promo / "layers"))
        out = real(source, layer, **kw)
        if layer == "stations":
            t = threading.Thread(target=colleague_import)
            t.start()
            colleague["thread"] = t
            t.join(timeout=1.0)  # before the fix it finished here; now it waits for the promotion's lock
        return out

    monkeypatch.setattr(drafts, "import_features", flaky)
    with pytest.raises((OSError, AtlasError)):
        promote_draft(draft(), data_dir=promo)
    colleague["thread"].join(timeout=60)
    assert "error" not in colleague, colleague.get("error")
    ids = all_ids(promo)
    assert "st-colleague" in ids["stations"]  # the colleague's save survived
    prop_ids = draft().build(data_dir=promo).ids
    assert not prop_ids & {fid for v in ids.values() for fid in v}  # nothing of the failed promotion
    assert "railways" not in ids and layer_bytes(promo)["heritage_sites"] == original["heritage_sites"]
    # history holds exactly what real saves replaced: the colleague's save replaced the original stations
    assert [v.path.read_bytes() for v in list_versions("stations", data_dir=promo)] == [original["stations"]]
    assert list_versions("heritage_sites", data_dir=promo) == []
    assert_ids_unique(promo)


def test_disk_full_on_a_later_layer_changes_nothing(promo, faults, tree_hash):
    before = tree_hash(promo)
    faults.inject("write", errno.ENOSPC, "railways")
    with pytest.raises(AtlasError, match="No space left on device.*nothing was written"):
        promote_draft(draft(), data_dir=promo)
    assert faults.fired
    assert tree_hash(promo) == before
    faults.clear()
    res = promote_draft(draft(), data_dir=promo)
    assert set(res) == set(PROMOTED)
    assert_ids_unique(promo)


# -- a kill between the layers of a promotion ---------------------------------------------------------

#: The child promotes the draft with geo.fileio's os.<CALL> paused (forever, until killed) at the first
#: call whose path contains MATCH: argv = data folder, CALL, MATCH, "after" (pause after the call) or
#: "before".
CHILD = r"""
import os, sys, time
import geo.fileio
base, call, match, when = sys.argv[1:5]
real = getattr(os, call)

def paused(*args):
    hit = match in " ".join(str(a) if not isinstance(a, int) else os.readlink(f"/proc/self/fd/{a}") for a in args[:2])
    if hit and when == "before":
        print("paused", flush=True); time.sleep(600)
    out = real(*args)
    if hit and when == "after":
        print("paused", flush=True); time.sleep(600)
    return out

class Proxy:
    def __getattr__(self, name):
        return paused if name == call else getattr(os, name)

geo.fileio.os = Proxy()
sys.path.insert(0, os.path.join(os.getcwd(), "tests", "network"))
from test_promote_chaos import draft
from network.drafts import promote_draft
print("ready", flush=True)
promote_draft(draft(), data_dir=base)
print("done", flush=True)
"""

KILL_POINTS = [
    ("after the first layer is renamed", "replace", "/layers/stations.geojson", "after"),
    ("while the last layer is being written", "fsync", ".railways.geojson", "before"),
]


@pytest.mark.parametrize("what,call,match,when", KILL_POINTS, ids=[k[0] for k in KILL_POINTS])
def test_kill_between_the_layers_of_a_promotion(promo, what, call, match, when):
    original = layer_bytes(promo)
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(promo), call, match, when], cwd=ROOT,
                            stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "ready"
        line = proc.stdout.readline().strip()
        assert line == "paused", f"the child never reached the kill point ({line!r})"
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        proc.kill()
        proc.wait()
    layers = load_layers(["stations", "heritage_sites"], data_dir=promo)  # loading completes or discards it
    now = layer_bytes(promo)
    changed = {name for name in now if now[name] != original.get(name)}
    assert changed in (set(), set(PROMOTED)), f"half a promotion is visible ({what}): {sorted(changed)}"
    if changed:  # rolled forward: the whole promotion, each replaced version in history once
        before = {name: len(json.loads(original[name])["features"]) for name in ("stations", "heritage_sites")}
        assert len(layers["stations"]) == before["stations"] + 2  # the line's two generated stops
        assert len(layers["heritage_sites"]) == before["heritage_sites"] + 1
        for name in ("stations", "heritage_sites"):
            assert [v.path.read_bytes() for v in list_versions(name, data_dir=promo)] == [original[name]]
    else:  # discarded: no layer and no history entry changed; promoting again works
        assert not any((promo / "history").rglob("*.geojson"))
        assert set(promote_draft(draft(), data_dir=promo)) == set(PROMOTED)
    assert_ids_unique(promo)


# -- saved drafts ---------------------------------------------------------------------------------------

def test_draft_save_under_disk_full_is_one_error_and_no_history(promo, faults, tree_hash):
    d = draft()
    save_draft(d, data_dir=promo)
    before = tree_hash(promo)
    faults.inject("write", errno.ENOSPC, "/drafts/")
    with pytest.raises(AtlasError, match="No space left on device"):
        save_draft(Draft("p", d.steps[:1]), data_dir=promo)
    assert faults.fired
    assert tree_hash(promo) == before
    assert draft_history("p", data_dir=promo) == []


def test_two_draft_saves_at_once_keep_both_versions(promo):
    d = draft()
    barrier = threading.Barrier(4)
    errors = []

    def save(k):
        barrier.wait()
        try:
            save_draft(Draft("p", d.steps[: 1 + k % 2], user=f"u{k}"), data_dir=promo)
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=save, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not errors
    # four saves of four different drafts: the file holds the last, history the three it replaced in turn
    assert len(draft_history("p", data_dir=promo)) == 3
    assert layer_path("stations", data_dir=promo).exists()
