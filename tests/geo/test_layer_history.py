"""Every save keeps the version it replaces; ``atlas history`` lists versions, ``atlas restore`` brings
one back (as a save, so it can be undone)."""
from __future__ import annotations

import pytest

import atlas_cli
from geo import history
from geo.errors import AtlasError, LayerError
from geo.history import find_version, history_dir, list_versions
from geo.store import restore_layer as restore
from geo.paths import layer_path
from geo.store import load_layer, save_layer


def _rename(store, suffix):
    gdf = load_layer("stations", data_dir=store)
    gdf["name_en"] = gdf["name_en"] + suffix
    save_layer("stations", gdf, data_dir=store)


def test_each_save_archives_the_previous_version(store):
    path = layer_path("stations", data_dir=store)
    v0 = path.read_bytes()
    _rename(store, " 1")
    v1 = path.read_bytes()
    _rename(store, " 2")
    versions = list_versions("stations", data_dir=store)
    assert [v.path.read_bytes() for v in versions] == [v1, v0]  # newest first
    assert versions[0].feature_count == 2
    assert history_dir("stations", data_dir=store) == store / "history" / "stations"
    assert versions[0].replaced_at >= versions[1].replaced_at


def test_identical_save_is_a_no_op(store):
    save_layer("stations", load_layer("stations", data_dir=store), data_dir=store)
    assert list_versions("stations", data_dir=store) == []


def test_explicit_path_keeps_no_history_by_default(store, tmp_path):
    gdf = load_layer("stations", data_dir=store)
    out = tmp_path / "elsewhere" / "stations.geojson"
    save_layer("stations", gdf, path=out)
    gdf["name_en"] = "x"
    save_layer("stations", gdf, path=out)
    assert not (tmp_path / "history").exists() and not (store / "history").exists()


def test_restore_brings_back_a_version_and_is_undoable(store):
    path = layer_path("stations", data_dir=store)
    v0 = path.read_bytes()
    _rename(store, " 1")
    v1 = path.read_bytes()
    restore("stations", "1", data_dir=store)  # 1 = newest saved version = v0
    assert path.read_bytes() == v0
    newest = list_versions("stations", data_dir=store)[0]
    assert newest.path.read_bytes() == v1  # the restore kept what it replaced
    restore("stations", newest.name, data_dir=store)
    assert path.read_bytes() == v1


def test_find_version_by_number_prefix_and_errors(store):
    with pytest.raises(AtlasError, match="no saved versions yet"):
        find_version("stations", "1", data_dir=store)
    _rename(store, " 1")
    _rename(store, " 2")
    names = [v.name for v in list_versions("stations", data_dir=store)]
    assert find_version("stations", "2", data_dir=store).name == names[1]
    assert find_version("stations", names[1] + ".geojson", data_dir=store).name == names[1]
    with pytest.raises(AtlasError, match="pick 1 \\(newest\\) to 2"):
        find_version("stations", "3", data_dir=store)
    with pytest.raises(AtlasError, match="no version '1999T"):
        find_version("stations", "1999T", data_dir=store)
    with pytest.raises(AtlasError, match="matches 2 versions"):
        find_version("stations", names[0][:9], data_dir=store)


def test_restore_of_version_failing_todays_checks_changes_nothing(store):
    _rename(store, " 1")
    old = list_versions("stations", data_dir=store)[0]
    old.path.write_bytes(old.path.read_bytes().replace(b'"status": "existing"', b'"status": "gone"'))
    before = layer_path("stations", data_dir=store).read_bytes()
    with pytest.raises(LayerError, match="not restored"):
        restore("stations", "1", data_dir=store)
    assert layer_path("stations", data_dir=store).read_bytes() == before


def test_history_is_pruned(store, monkeypatch):
    monkeypatch.setattr(history, "MAX_VERSIONS", 3)
    for k in range(5):
        _rename(store, f" v{k}")
    # five saves archive the names before each: '', v0, v0 v1, v0 v1 v2, v0 v1 v2 v3; the three newest stay
    kept = [v.path.read_bytes() for v in list_versions("stations", data_dir=store)]  # newest first
    assert [[f" v{k}".encode() in raw for k in range(5)] for raw in kept] == [
        [True, True, True, True, False], [True, True, True, False, False], [True, True, False, False, False]]


def test_cli_history_and_restore(store, capsys):
    assert atlas_cli.main(["history", "stations"]) == 0
    assert "no saved versions yet" in capsys.readouterr().out
    v0 = layer_path("stations", data_dir=store).read_bytes()
    _rename(store, " 1")
    assert atlas_cli.main(["history"]) == 0
    assert "stations                1" in capsys.readouterr().out
    assert atlas_cli.main(["history", "stations"]) == 0
    out = capsys.readouterr().out
    assert "1 saved version(s)" in out and "atlas restore stations VERSION" in out
    assert atlas_cli.main(["restore", "stations", "1"]) == 0
    out = capsys.readouterr().out
    assert "restored stations to version" in out and "(undo: atlas restore stations " in out
    assert layer_path("stations", data_dir=store).read_bytes() == v0
    assert atlas_cli.main(["restore", "stations", "99"]) == 1
    assert "pick 1 (newest) to 2" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        atlas_cli.main(["restore", "../etc", "1"])
    assert exc.value.code == 2
