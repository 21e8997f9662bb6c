"""Saves under stress: conflicting editors, simultaneous saves, a writer killed mid-save, stray temp files."""
from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import atlas_cli
from geo import fileio as store_mod
from geo.errors import LayerError, StoreError
from geo.fileio import folder_lock
from geo.paths import layer_path
from geo.store import ABSENT, load_layer, save_layer

REPO = Path(__file__).resolve().parents[2]


def _renamed(gdf, suffix):
    out = gdf.copy()
    out["name_en"] = out["name_en"] + suffix
    return out


def test_save_based_on_older_version_is_refused(store):
    alice = load_layer("stations", data_dir=store)
    bob = load_layer("stations", data_dir=store)
    save_layer("stations", _renamed(alice, " (A)"), data_dir=store, expected_hash=alice.attrs["content_hash"])
    after_alice = layer_path("stations", data_dir=store).read_bytes()
    with pytest.raises(LayerError, match="conflict: layer stations was not saved because it was changed by "
                                         "someone else since you loaded it; reload"):
        save_layer("stations", _renamed(bob, " (B)"), data_dir=store, expected_hash=bob.attrs["content_hash"])
    assert layer_path("stations", data_dir=store).read_bytes() == after_alice
    # reloading and re-applying works
    bob = load_layer("stations", data_dir=store)
    save_layer("stations", _renamed(bob, " (B)"), data_dir=store, expected_hash=bob.attrs["content_hash"])
    assert load_layer("stations", data_dir=store)["name_en"].str.endswith(" (A) (B)").all()


def test_absent_means_must_not_exist(store):
    gdf = load_layer("stations", data_dir=store)
    with pytest.raises(LayerError, match="someone created it since you started"):
        save_layer("stations", gdf, data_dir=store, expected_hash=ABSENT)


def test_simultaneous_saves_exactly_one_wins(store):
    for round_ in range(5):
        gdf = load_layer("stations", data_dir=store)
        h = gdf.attrs["content_hash"]
        n = 6
        barrier = threading.Barrier(n)
        results: list[str] = []

        def editor(k):
            edited = _renamed(gdf, f" r{round_}e{k}")
            barrier.wait()
            try:
                save_layer("stations", edited, data_dir=store, expected_hash=h)
                results.append(f"ok{k}")
            except LayerError as exc:
                assert "conflict" in str(exc)
                results.append("conflict")

        threads = [threading.Thread(target=editor, args=(k,)) for k in range(n)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        winners = [r for r in results if r.startswith("ok")]
        assert len(winners) == 1, results
        k = winners[0][2:]
        assert load_layer("stations", data_dir=store)["name_en"].str.endswith(f" r{round_}e{k}").all()


def test_lock_is_exclusive_and_times_out_clearly(store, monkeypatch):
    monkeypatch.setattr(store_mod, "LOCK_TIMEOUT_S", 0.2)
    folder = layer_path("stations", data_dir=store).parent
    gdf = load_layer("stations", data_dir=store)
    before = layer_path("stations", data_dir=store).read_bytes()
    with folder_lock(folder):
        t0 = time.monotonic()
        with pytest.raises(StoreError, match="another save has held the folder"):
            save_layer("stations", _renamed(gdf, " x"), data_dir=store)
        assert time.monotonic() - t0 < 2
    assert layer_path("stations", data_dir=store).read_bytes() == before
    save_layer("stations", _renamed(gdf, " x"), data_dir=store)  # released: saves again


def test_lock_of_a_killed_holder_is_released(store):
    folder = layer_path("stations", data_dir=store).parent
    code = ("import sys, time; from geo.fileio import folder_lock\n"
            f"with folder_lock({str(folder)!r}):\n    print('locked', flush=True); time.sleep(60)\n")
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=REPO, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "locked"
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        with folder_lock(folder, timeout_s=0):  # free at once: one non-blocking try, else StoreError
            pass
        t0 = time.monotonic()
        save_layer("stations", _renamed(load_layer("stations", data_dir=store), " y"), data_dir=store)
        assert time.monotonic() - t0 < store_mod.LOCK_TIMEOUT_S  # did not sit out a lock timeout
    finally:
        proc.kill()
        proc.wait()


# The writer saves A, B, A, … in a loop. fsync of a regular file is slowed down (a slow disk): by FAST_S for
# the first N_FAST saves, by SLOW_S from then on, so that a kill lands while a save is in flight, after the
# temp file is written and before the rename. Arguments: base, A.json, B.json, FAST_S, SLOW_S, N_FAST.
WRITER = r"""
import os, stat, sys, time
from pathlib import Path
fast_s, slow_s, n_fast = float(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6])
delay = [fast_s if n_fast > 0 else slow_s]
_fsync = os.fsync
os.fsync = lambda fd: (stat.S_ISREG(os.fstat(fd).st_mode) and time.sleep(delay[0]), _fsync(fd))
import geo.history
from geo.store import save_layer
geo.history.MAX_VERSIONS = 3
base = Path(sys.argv[1])
docs = [__import__("json").loads(Path(p).read_text(encoding="utf-8")) for p in sys.argv[2:4]]
print("ready", flush=True)
i = 0
while True:
    save_layer("stations", docs[i % 2], data_dir=base)
    i += 1
    if i >= n_fast:
        delay[0] = slow_s
    print("saved", i, flush=True)
"""
#: fsync delay of a save that is to be killed in flight: far longer than any wait below (the kill ends it)
HELD_S = 600.0


def _big_doc(letter: str, n: int = 400) -> dict:
    feats = []
    for i in range(n):
        feats.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [115 + i / 1000, 25.8]},
                      "properties": {"id": f"stn-k-{i:04d}", "name_zh": "测试站", "name_en": f"Kill test {letter}",
                                     "status": "planned", "source": "test fixture, not real data",
                                     "confidence": "low", "accuracy_m": 2000, "notes": letter * 10_000}})
    return {"type": "FeatureCollection", "features": feats}


def _temps(store: Path) -> list[Path]:
    return [*(store / "layers").glob(".*.tmp"), *(store / "history" / "stations").glob(".*.tmp")]


def test_writer_killed_mid_save_leaves_old_or_new_file(store, tmp_path):
    from geo.schema import get_schema
    from geo.geojson import dumps_collection

    schema = get_schema("stations")
    versions = {}
    paths = []
    for letter in "AB":
        doc = _big_doc(letter)
        p = tmp_path / f"{letter}.json"
        p.write_text(json.dumps(doc), encoding="utf-8")
        paths.append(str(p))
        versions[letter] = dumps_collection(doc, schema).encode()
    layer = layer_path("stations", data_dir=store)
    fixture_version = layer.read_bytes()  # archived by the first save below
    save_layer("stations", json.loads(Path(paths[0]).read_text(encoding="utf-8")), data_dir=store)
    assert layer.stat().st_size > 4_000_000
    rng = random.Random(20261128)
    seen = set()
    temps_left = 0
    for k in range(6):
        # even k: kill at a random moment (whatever a save is doing then); odd k: kill a save that is
        # certainly in flight (its temp file is on disk, its fsync is held), a state waited for, not timed
        in_flight = k % 2 == 1
        done = k % 3  # let 0, 1 or 2 saves complete first
        temps_before = set(_temps(store))
        args = ["0.12", str(HELD_S) if in_flight else "0.12", str(done)]
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(store), *paths, *args], cwd=REPO,
                                stdout=subprocess.PIPE, text=True)
        try:
            assert proc.stdout.readline().strip() == "ready"
            for _ in range(done):
                assert proc.stdout.readline().startswith("saved")
            before_kill = layer.read_bytes()  # the version the saves so far left
            if in_flight:
                deadline = time.monotonic() + 120  # bounded; a save reaches its fsync in well under a second
                while not set(_temps(store)) - temps_before:
                    assert proc.poll() is None, "the writer died before its save was in flight"
                    assert time.monotonic() < deadline, "the save never reached its temp file"
                    time.sleep(0.01)
            else:
                time.sleep(rng.uniform(0.0, 0.15))
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=30)
        finally:
            proc.kill()
            proc.wait()
        raw = layer.read_bytes()
        match = [k for k, v in versions.items() if v == raw]
        assert match, "the layer file is neither the old nor the new version"
        seen.add(match[0])
        if in_flight:  # the save in flight never renamed: old file kept, its temp file left behind
            assert raw == before_kill
            assert set(_temps(store)) - temps_before
        gdf = load_layer("stations", data_dir=store)
        assert len(gdf) == 400
        temps_left += len(_temps(store))
        for h in (store / "history" / "stations").glob("*.geojson"):
            assert h.read_bytes() in (*versions.values(), fixture_version)
    # the kills landed at different moments: both versions were seen on disk, and the kills that hit a
    # save in flight left its temp file behind
    assert seen == {"A", "B"}
    assert temps_left >= 1
    # a stray temp file is never taken for a layer, and the next save clears old ones
    for tmp in _temps(store):
        os.utime(tmp, (time.time() - 3600, time.time() - 3600))
    save_layer("stations", _renamed(load_layer("stations", data_dir=store), " z"), data_dir=store)
    assert not _temps(store)
    print(f"temp files left by kills: {temps_left}")


def test_stray_temp_files_are_not_layers(store, capsys):
    folder = layer_path("stations", data_dir=store).parent
    (folder / ".stations.geojson.abc123.tmp").write_text('{"type": "FeatureCollection", "features": [', "utf-8")
    (folder / "stations.geojson.tmp").write_text("garbage", "utf-8")
    assert len(load_layer("stations", data_dir=store)) == 2
    from geo.commands import cross_layer_problems
    assert cross_layer_problems(data_dir=store) == []
    rc = atlas_cli.main(["validate", str(layer_path("stations", data_dir=store))])
    assert rc == 0
    # a fresh temp file (a save in progress elsewhere) is left alone
    save_layer("stations", _renamed(load_layer("stations", data_dir=store), " t"), data_dir=store)
    assert (folder / ".stations.geojson.abc123.tmp").exists()
