"""Chaos suite for the layer store: faults injected at every write, two writers on two layers, a save that
would make the store unreadable, a kill between the layers of a multi-layer write.

Each test asserts the store's promises: a one-line error (exit 1, no traceback), every layer old or new
(never half-written), a history entry exactly for each save that happened, ids unique across layers, and
the store still usable afterwards. Faults are injected with the ``faults`` fixture (tests/conftest.py),
since CI runs as root and root ignores read-only permission bits.
"""
from __future__ import annotations

import copy
import errno
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import atlas_cli
from geo import fileio, history
from geo import importer
from geo.commands import cross_layer_problems
from geo.errors import LayerError, StoreError
from geo.history import list_versions
from geo.importer import import_features
from geo.paths import layer_path
import geo.store as store_mod
from geo.store import load_layer, save_layer, store_transaction

REPO = Path(__file__).resolve().parents[2]

STATION = {"type": "Feature",
           "properties": {"id": "stn-chaos", "name_zh": "测试站", "name_en": "Chaos test station",
                          "status": "planned", "source": "test fixture, not real data", "confidence": "low",
                          "accuracy_m": 2000, "scope": "local", "county": "xunwu"},
           "geometry": {"type": "Point", "coordinates": [115.5, 25.0]}}
SITE = {"type": "Feature",
        "properties": {"id": "site-chaos", "name_zh": "测试纪念地", "name_en": "Chaos test site",
                       "status": "existing", "source": "test fixture, not real data", "confidence": "low",
                       "accuracy_m": 2000, "scope": "local", "county": "ruijin", "level": "local",
                       "long_march_park": False},
        "geometry": {"type": "Point", "coordinates": [116.0, 25.9]}}


def feature(template: dict, fid: str, **props) -> dict:
    f = copy.deepcopy(template)
    f["properties"].update(id=fid, **props)
    return f


def collection(*features: dict) -> dict:
    return {"type": "FeatureCollection", "features": list(features)}


def write_json(path: Path, doc) -> Path:
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def layer_bytes(store: Path) -> dict[str, bytes]:
    return {p.stem: p.read_bytes() for p in sorted((store / "layers").glob("*.geojson"))}


def ids_by_layer(store: Path) -> dict[str, set[str]]:
    out = {}
    for name, raw in layer_bytes(store).items():
        out[name] = {f["properties"]["id"] for f in json.loads(raw)["features"]}
    return out


def assert_ids_unique(store: Path) -> None:
    seen: dict[str, str] = {}
    for name, ids in ids_by_layer(store).items():
        for fid in ids:
            assert fid not in seen, f"id {fid} in layers {seen[fid]} and {name}"
            seen[fid] = name
    assert [p for p in cross_layer_problems(data_dir=store) if p.severity == "error"] == []


def run_cli(argv: list[str], capsys) -> tuple[int, list[str]]:
    rc = atlas_cli.main(argv)
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return rc, [line for line in err.splitlines() if line.strip()]


# -- item 2: two imports of one id into two layers ------------------------------------------------------

def test_two_imports_of_one_id_into_two_layers_one_wins(store, tmp_path, monkeypatch):
    """Both imports read the store before either writes (the window of the race, held open by a barrier):
    exactly one may win; the other is refused under the lock, and ids stay unique across layers."""
    real_read = importer._read_store
    for run in range(10):
        fid = f"dup-{run}"
        src = {"stations": write_json(tmp_path / f"s{run}.geojson", collection(feature(STATION, fid))),
               "heritage_sites": write_json(tmp_path / f"h{run}.geojson", collection(feature(SITE, fid)))}
        barrier = threading.Barrier(2)

        def synchronised_read(data_dir, layer):
            view = real_read(data_dir, layer)
            try:
                barrier.wait(timeout=2)  # both have checked the ids against the same store
            except threading.BrokenBarrierError:
                pass  # a fix that serialises the reads themselves is fine too
            return view

        monkeypatch.setattr(importer, "_read_store", synchronised_read)
        outcome: dict[str, str] = {}

        def run_import(layer):
            try:
                import_features(src[layer], layer, data_dir=store)
                outcome[layer] = "ok"
            except LayerError as exc:
                outcome[layer] = str(exc)

        threads = [threading.Thread(target=run_import, args=(layer,)) for layer in src]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=60)
        winners = [layer for layer, o in outcome.items() if o == "ok"]
        assert len(winners) == 1, outcome
        loser = next(layer for layer in src if layer not in winners)
        assert f"id {fid} is already used by layer {winners[0]}" in outcome[loser]
        assert "nothing was written" in outcome[loser]
        assert_ids_unique(store)
    monkeypatch.setattr(importer, "_read_store", real_read)
    assert len(load_layer("stations", data_dir=store)) + len(load_layer("heritage_sites", data_dir=store)) == 3 + 10


#: A separate process imports FILE into LAYER, but holds still after reading the store until told to go
#: on (a line on stdin): two of them have then both checked the ids against the same store.
IMPORTER = r"""
import sys
import atlas_cli
from geo import importer
real = importer._read_store

def read_then_wait(data_dir, layer):
    view = real(data_dir, layer)
    print("read", flush=True)
    sys.stdin.readline()
    return view

importer._read_store = read_then_wait
sys.exit(atlas_cli.main(["import", sys.argv[1], "--layer", sys.argv[2]]))
"""


def test_two_processes_importing_one_id_into_two_layers(store, tmp_path):
    """The same race between two `atlas import` processes (the lock is a flock, shared across processes)."""
    fid = "dup-proc"
    src = {"stations": write_json(tmp_path / "s.geojson", collection(feature(STATION, fid))),
           "heritage_sites": write_json(tmp_path / "h.geojson", collection(feature(SITE, fid)))}
    env = dict(os.environ, ATLAS_DATA_DIR=str(store))
    procs = {layer: subprocess.Popen([sys.executable, "-c", IMPORTER, str(f), layer], cwd=REPO, env=env, text=True,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for layer, f in src.items()}
    try:
        for p in procs.values():
            assert p.stdout.readline().strip() == "read"
        for p in procs.values():  # both have read the store: let them write
            p.stdin.write("go\n")
            p.stdin.flush()
        out = {layer: (p.wait(timeout=120), p.stderr.read()) for layer, p in procs.items()}
    finally:
        for p in procs.values():
            p.kill()
            p.wait()
    assert sorted(rc for rc, _ in out.values()) == [0, 1], out
    loser_err = next(err for rc, err in out.values() if rc == 1)
    assert "Traceback" not in loser_err and f"id {fid} is already used by layer" in loser_err
    assert_ids_unique(store)


def test_a_save_may_not_take_an_id_of_another_layer(store):
    """The store itself keeps ids unique across layers, whoever saves (import, restore, a script)."""
    doc = json.loads(layer_path("stations", data_dir=store).read_text(encoding="utf-8"))
    doc["features"].append(feature(STATION, "site-yeping"))  # the id of a heritage site
    before = layer_bytes(store)
    with pytest.raises(LayerError, match="id site-yeping is already used by layer heritage_sites"):
        save_layer("stations", doc, data_dir=store)
    assert layer_bytes(store) == before
    assert not (store / "history").exists()


def test_restore_may_not_bring_back_an_id_taken_since(store):
    """Restoring an old version is a save like any other: it may not reintroduce an id now in another layer."""
    stations = layer_path("stations", data_dir=store)
    doc = json.loads(stations.read_text(encoding="utf-8"))
    doc["features"].append(feature(STATION, "stn-moved"))
    save_layer("stations", doc, data_dir=store)
    doc["features"].pop()
    save_layer("stations", doc, data_dir=store)  # stn-moved leaves the stations …
    site_doc = json.loads(layer_path("heritage_sites", data_dir=store).read_text(encoding="utf-8"))
    site_doc["features"].append(feature(SITE, "stn-moved"))
    save_layer("heritage_sites", site_doc, data_dir=store)  # … and becomes a heritage site
    before = layer_bytes(store)
    rc = atlas_cli.main(["restore", "stations", "1"])  # version 1 = the one holding stn-moved
    assert rc == 1
    assert layer_bytes(store) == before
    assert_ids_unique(store)


# -- item 3: a save must refuse what the loader would refuse --------------------------------------------

def test_a_save_larger_than_the_read_cap_is_refused(store, tmp_path, monkeypatch, capsys):
    """Scaled down: the cap is set to 6 kB (the real one is 64 MiB) and imports of ~1.3 kB each are added
    until the next would pass it. Before the fix the layer grew past the cap and nothing could load it."""
    monkeypatch.setattr(fileio, "MAX_FILE_BYTES", 6000)
    stations = layer_path("stations", data_dir=store)
    n = 0
    while True:
        src = write_json(tmp_path / f"add{n}.geojson", collection(
            feature(STATION, f"stn-big-{n}", notes="x" * 1000)))
        before = stations.read_bytes()
        versions = len(list_versions("stations", data_dir=store))
        rc, err = run_cli(["import", str(src), "--layer", "stations"], capsys)
        if rc:
            break
        n += 1
        assert n < 10, "the cap was never reached"
    assert n >= 2
    assert len(err) == 1 and "not saved" in err[0] and "the limit is" in err[0], err
    assert stations.read_bytes() == before
    assert len(list_versions("stations", data_dir=store)) == versions
    assert len(stations.read_bytes()) <= 6000
    assert len(load_layer("stations", data_dir=store)) == 2 + n  # still loads
    assert atlas_cli.main(["validate"]) == 0


def test_history_is_bounded_by_size(store, monkeypatch):
    monkeypatch.setattr(history, "MAX_HISTORY_BYTES", 20_000)
    stations = layer_path("stations", data_dir=store)
    doc = json.loads(stations.read_text(encoding="utf-8"))
    sizes = []
    for k in range(12):
        doc["features"][0]["properties"]["notes"] = f"{k} " + "y" * (1000 * k)
        save_layer("stations", doc, data_dir=store)
        sizes.append(stations.stat().st_size)
    versions = list_versions("stations", data_dir=store)
    total = sum(v.size_bytes for v in versions)
    assert total <= 20_000
    assert 1 <= len(versions) < 11  # some were dropped for their size, not their count
    assert versions[0].path.read_bytes() != stations.read_bytes()
    assert versions[0].size_bytes == sizes[-2]  # the newest version (the one just replaced) is kept


def test_history_keeps_the_newest_version_even_if_alone_it_is_over_the_bound(store, monkeypatch):
    monkeypatch.setattr(history, "MAX_HISTORY_BYTES", 10)
    gdf = load_layer("stations", data_dir=store)
    gdf["name_en"] = gdf["name_en"] + " 1"
    save_layer("stations", gdf, data_dir=store)
    gdf["name_en"] = gdf["name_en"] + " 2"
    save_layer("stations", gdf, data_dir=store)
    assert len(list_versions("stations", data_dir=store)) == 1


# -- item 4: OS errors ---------------------------------------------------------------------------------

#: (what the user sees, the call that fails, errno, where); "history" faults need an existing history folder
OS_FAULTS = [
    ("read-only layers folder", "open", errno.EROFS, "/layers/"),
    ("layers folder not writable", "open", errno.EACCES, "/layers/"),
    ("read-only history folder", "open", errno.EACCES, "/history/"),
    ("read-only data folder (no history folder yet)", "makedirs", errno.EROFS, "/history"),
    ("disk full while writing the layer", "write", errno.ENOSPC, "/layers/"),
    ("disk full while writing history", "write", errno.ENOSPC, "/history/"),
    ("disk full at fsync", "fsync", errno.ENOSPC, ""),
    ("I/O error at fsync", "fsync", errno.EIO, "/layers/"),
    ("rename refused", "replace", errno.EROFS, "/layers/"),
]


def _prepare_history(store: Path, what: str) -> None:
    if "history folder" in what and "no history" not in what:  # make one save so the folder exists
        gdf = load_layer("stations", data_dir=store)
        gdf["name_en"] = gdf["name_en"] + " (prepared)"
        save_layer("stations", gdf, data_dir=store)


@pytest.mark.parametrize("what,call,err,where", OS_FAULTS, ids=[f[0] for f in OS_FAULTS])
def test_import_under_an_os_fault_is_one_line_and_changes_nothing(store, tmp_path, faults, capsys, tree_hash,
                                                                   what, call, err, where):
    _prepare_history(store, what)
    src = write_json(tmp_path / "add.geojson", collection(feature(STATION, "stn-new")))
    before = tree_hash(store)
    faults.inject(call, err, where)
    rc, lines = run_cli(["import", str(src), "--layer", "stations"], capsys)
    assert faults.fired, f"the fault ({call} {where}) never fired"
    assert rc == 1
    assert len(lines) == 1, lines
    assert os.strerror(err) in lines[0] and "nothing was written" in lines[0], lines
    assert tree_hash(store) == before  # no layer, history entry or temp file changed
    faults.clear()
    assert run_cli(["import", str(src), "--layer", "stations"], capsys)[0] == 0  # usable afterwards
    assert "stn-new" in set(load_layer("stations", data_dir=store)["id"])
    assert len(list_versions("stations", data_dir=store)) == (2 if "history folder" in what and "no history"
                                                                not in what else 1)


RESTORE_FAULTS = [f for f in OS_FAULTS if f[1] != "makedirs"]  # a restore always has a history folder


@pytest.mark.parametrize("what,call,err,where", RESTORE_FAULTS, ids=[f[0] for f in RESTORE_FAULTS])
def test_restore_under_an_os_fault_is_one_line_and_changes_nothing(store, faults, capsys, tree_hash,
                                                                    what, call, err, where):
    gdf = load_layer("stations", data_dir=store)
    gdf["name_en"] = gdf["name_en"] + " (edited)"
    save_layer("stations", gdf, data_dir=store)
    before = tree_hash(store)
    faults.inject(call, err, where)
    rc, lines = run_cli(["restore", "stations", "1"], capsys)
    assert faults.fired
    assert rc == 1 and len(lines) == 1 and os.strerror(err) in lines[0], lines
    assert tree_hash(store) == before


def test_any_os_error_in_a_command_is_one_line(store, capsys, monkeypatch):
    def broken(*_a, **_k):
        raise PermissionError(errno.EACCES, "Permission denied", str(store / "history" / "stations"))

    monkeypatch.setattr("geo.commands.list_versions", broken)
    rc, lines = run_cli(["history", "stations"], capsys)
    assert rc == 1 and len(lines) == 1
    assert "Permission denied" in lines[0] and "history/stations" in lines[0]


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores permission bits; covered by injected faults")
def test_real_read_only_layers_folder(store, tmp_path, capsys, tree_hash):
    src = write_json(tmp_path / "add.geojson", collection(feature(STATION, "stn-new")))
    layers = store / "layers"
    layers.chmod(0o555)
    try:
        before = tree_hash(store)
        rc, lines = run_cli(["import", str(src), "--layer", "stations"], capsys)
        assert rc == 1 and len(lines) == 1 and "Permission denied" in lines[0], lines
        assert tree_hash(store) == before
    finally:
        layers.chmod(0o755)


# -- multi-layer writes: one transaction, and a kill between its layers ---------------------------------

def _with(store: Path, layer: str, *features: dict, drop: str | None = None) -> dict:
    doc = json.loads(layer_path(layer, data_dir=store).read_text(encoding="utf-8"))
    doc["features"] = [f for f in doc["features"] if f["properties"]["id"] != drop] + list(features)
    return doc


def test_a_transaction_writes_all_layers_or_none(store, tree_hash):
    before = tree_hash(store)
    with pytest.raises(RuntimeError):
        with store_transaction(data_dir=store):
            save_layer("stations", _with(store, "stations", feature(STATION, "stn-t")), data_dir=store)
            save_layer("heritage_sites", _with(store, "heritage_sites", feature(SITE, "site-t")), data_dir=store)
            raise RuntimeError("the caller fails after staging two layers")
    assert tree_hash(store) == before
    with store_transaction(data_dir=store):
        save_layer("stations", _with(store, "stations", feature(STATION, "stn-t")), data_dir=store)
        save_layer("heritage_sites", _with(store, "heritage_sites", feature(SITE, "site-t")), data_dir=store)
        assert "stn-t" not in ids_by_layer(store)["stations"]  # staged, not yet written
    assert "stn-t" in ids_by_layer(store)["stations"] and "site-t" in ids_by_layer(store)["heritage_sites"]
    assert len(list_versions("stations", data_dir=store)) == len(list_versions("heritage_sites", data_dir=store)) == 1


def test_an_id_may_move_between_layers_in_one_transaction(store):
    with pytest.raises(LayerError, match="id stn-xunwu is already used by layer stations"):
        save_layer("heritage_sites", _with(store, "heritage_sites", feature(SITE, "stn-xunwu")), data_dir=store)
    with store_transaction(data_dir=store):  # the same id, removed from stations in the same change
        save_layer("heritage_sites", _with(store, "heritage_sites", feature(SITE, "stn-xunwu")), data_dir=store)
        save_layer("stations", _with(store, "stations", drop="stn-xunwu"), data_dir=store)
    assert "stn-xunwu" in ids_by_layer(store)["heritage_sites"]
    assert_ids_unique(store)


#: The child saves two layers in one transaction with geo.fileio's os.<CALL> paused forever at the first
#: call whose path contains MATCH (before or after it). argv: data folder, CALL, MATCH, before|after.
CHILD = r"""
import copy, json, os, sys, time
import geo.fileio
base, call, match, when = sys.argv[1:5]
real = getattr(os, call)

def paused(*args):
    names = [os.readlink(f"/proc/self/fd/{a}") if isinstance(a, int) else str(a) for a in args[:2]]
    hit = any(match in n for n in names)
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
from geo.store import save_layer, store_transaction
docs = json.loads(sys.stdin.read())
print("ready", flush=True)
with store_transaction(data_dir=base):
    for layer, doc in docs.items():
        save_layer(layer, doc, data_dir=base)
print("done", flush=True)
"""

KILL_POINTS = [
    ("while staging the second layer", "fsync", ".stations.geojson.", "before"),
    ("after the journal is written", "replace", ".atlas-journal.json", "after"),
    ("between the two layers", "replace", "/layers/heritage_sites.geojson", "after"),
    ("between the layers and their history", "replace", "/layers/stations.geojson", "after"),
]


def _kill_at(store: Path, docs: dict, call: str, match: str, when: str) -> None:
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(store), call, match, when], cwd=REPO,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        proc.stdin.write(json.dumps(docs, ensure_ascii=False))
        proc.stdin.close()
        assert proc.stdout.readline().strip() == "ready"
        line = proc.stdout.readline().strip()
        assert line == "paused", f"the child never reached the kill point ({line!r})"
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        proc.kill()
        proc.wait()


@pytest.mark.parametrize("what,call,match,when", KILL_POINTS, ids=[k[0] for k in KILL_POINTS])
def test_kill_during_a_two_layer_write(store, what, call, match, when):
    """heritage_sites then stations, one transaction; SIGKILL at a deterministic point of the commit. The
    next load completes or ignores it: both layers old or both new, each replaced version in history once."""
    old = layer_bytes(store)
    docs = {"heritage_sites": _with(store, "heritage_sites", feature(SITE, "site-k")),
            "stations": _with(store, "stations", feature(STATION, "stn-k"))}
    _kill_at(store, docs, call, match, when)
    ids = {name: set(load_layer(name, data_dir=store)["id"]) for name in docs}  # loading recovers
    now = layer_bytes(store)
    changed = {name for name in docs if now[name] != old[name]}
    assert changed in (set(), set(docs)), f"{what}: half of the change is visible: {sorted(changed)}"
    journalled = what != "while staging the second layer"
    assert changed == (set(docs) if journalled else set())
    assert ("site-k" in ids["heritage_sites"] and "stn-k" in ids["stations"]) == journalled
    for name in docs:
        assert [v.path.read_bytes() for v in list_versions(name, data_dir=store)] == ([old[name]] if journalled
                                                                                      else [])
    assert not (store / "layers" / fileio.JOURNAL).exists()
    assert_ids_unique(store)
    # usable: the next save works (and clears temp files left by the kill once they are stale)
    for tmp in [*(store / "layers").glob(".*.tmp"), *(store / "history").rglob(".*.tmp")]:
        os.utime(tmp, (time.time() - 3600, time.time() - 3600))
    save_layer("stations", _with(store, "stations", feature(STATION, "stn-after")), data_dir=store)
    assert not list((store / "layers").glob(".*.tmp"))


def test_an_interrupted_write_is_completed_by_the_next_save(store):
    old = layer_bytes(store)
    docs = {"heritage_sites": _with(store, "heritage_sites", feature(SITE, "site-k")),
            "stations": _with(store, "stations", feature(STATION, "stn-k"))}
    _kill_at(store, docs, "replace", "/layers/heritage_sites.geojson", "after")
    assert (store / "layers" / fileio.JOURNAL).exists()
    assert layer_bytes(store)["stations"] == old["stations"]  # the kill left it half done …
    places = json.loads(layer_path("places", data_dir=store).read_text(encoding="utf-8"))
    places["features"][0]["properties"]["name_en"] += " (edited)"
    save_layer("places", places, data_dir=store)  # … and any save completes it first
    assert "stn-k" in ids_by_layer(store)["stations"]
    assert not (store / "layers" / fileio.JOURNAL).exists()
    assert [v.path.read_bytes() for v in list_versions("stations", data_dir=store)] == [old["stations"]]


def test_an_interrupted_write_on_a_read_only_store_still_loads(store, faults, caplog):
    docs = {"heritage_sites": _with(store, "heritage_sites", feature(SITE, "site-k")),
            "stations": _with(store, "stations", feature(STATION, "stn-k"))}
    _kill_at(store, docs, "replace", "/layers/heritage_sites.geojson", "after")
    faults.inject("replace", errno.EROFS, "/layers/")
    gdf = load_layer("stations", data_dir=store)  # cannot complete it: reads what is there, warns
    assert faults.fired and "stn-k" not in set(gdf["id"])
    assert "not completely saved" in caplog.text and "Read-only file system" in caplog.text
    faults.clear()
    assert "stn-k" in set(load_layer("stations", data_dir=store)["id"])


def test_a_journal_never_moves_files_out_of_the_data_folder(store, tmp_path, capsys):
    """A journal is data in a shared folder: one naming a file outside the data folder is refused, not run."""
    outside = tmp_path / "outside.txt"
    outside.write_text("keep me", encoding="utf-8")
    (store / "layers" / ".outside.txt.abcd.tmp").write_text("evil", encoding="utf-8")
    (store / "layers" / fileio.JOURNAL).write_text(json.dumps(
        {"atlas_journal": 1, "renames": [[".outside.txt.abcd.tmp", "../../outside.txt"]]}), encoding="utf-8")
    before = layer_bytes(store)
    src = write_json(tmp_path / "add.geojson", collection(feature(STATION, "stn-new")))
    rc, lines = run_cli(["import", str(src), "--layer", "stations"], capsys)
    assert rc == 1 and len(lines) == 1 and "is not a journal this version wrote" in lines[0], lines
    assert outside.read_text(encoding="utf-8") == "keep me"
    assert layer_bytes(store) == before


def test_an_unreadable_other_layer_does_not_stop_a_save(store, caplog):
    """A hostile file in place of another layer (nested 100,000 deep) cannot be checked for ids: the save
    goes on with a warning (the loader reports that file), rather than crashing the id check."""
    (store / "layers" / "airports.geojson").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    save_layer("stations", _with(store, "stations", feature(STATION, "stn-new")), data_dir=store)
    assert "stn-new" in set(load_layer("stations", data_dir=store)["id"])
    assert "cannot check ids against" in caplog.text and "airports.geojson" in caplog.text


def test_a_save_the_loader_could_not_parse_back_is_refused(store, monkeypatch):
    """Defence in depth behind validation: if a NaN slipped past the validator, the bytes would not load
    (the loader refuses NaN); the save checks the bytes it writes, not only the collection."""
    monkeypatch.setattr(store_mod, "validate_collection", lambda *a, **k: [])
    before = layer_bytes(store)
    doc = _with(store, "stations", feature(STATION, "stn-nan", accuracy_m=float("nan")))
    with pytest.raises(StoreError, match="would not load back .*NaN"):
        save_layer("stations", doc, data_dir=store)
    assert layer_bytes(store) == before


def test_a_rename_failing_after_the_journal_is_completed_later(store, tmp_path, faults, capsys):
    """The files are staged and the journal written, then the rename of the layer fails (the folder turned
    read-only): the error says the change is recorded, not lost, and the next load completes it."""
    src = write_json(tmp_path / "add.geojson", collection(feature(STATION, "stn-new")))
    old = layer_bytes(store)["stations"]
    faults.inject("replace", errno.EROFS, "/layers/stations.geojson", times=1)
    rc, lines = run_cli(["import", str(src), "--layer", "stations"], capsys)
    assert faults.fired and rc == 1 and len(lines) == 1, lines
    assert "not completely saved" in lines[0] and "completed by the next save or load" in lines[0]
    assert layer_bytes(store)["stations"] == old and (store / "layers" / fileio.JOURNAL).exists()
    assert "stn-new" in set(load_layer("stations", data_dir=store)["id"])  # the load completed it
    assert [v.path.read_bytes() for v in list_versions("stations", data_dir=store)] == [old]
    assert not (store / "layers" / fileio.JOURNAL).exists()
