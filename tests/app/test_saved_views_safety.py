"""Saved views (data/views.json) under stress: two saves at once keep both views; a failed write leaves the
file as it was. Faults come from the ``faults`` fixture (tests/conftest.py)."""
from __future__ import annotations

import errno
import threading

import os

import pytest

import ui.views as views
from geo.errors import StoreError
from ui.views import SavedView, load_views, save_view, views_path


def view(name: str) -> SavedView:
    return SavedView(name, (25.8, 114.9), 9, ("railways",), "existing")


def test_two_saves_at_once_keep_both_views(tmp_path, monkeypatch):
    save_view(view("first"), data_dir=tmp_path)
    real_read = views.read_json
    barrier = threading.Barrier(2)

    def synchronised_read(path):
        doc = real_read(path)
        try:
            barrier.wait(timeout=2)  # both have read the file before either writes
        except threading.BrokenBarrierError:
            pass  # a fix that serialises the reads is fine too
        return doc

    monkeypatch.setattr(views, "read_json", synchronised_read)
    threads = [threading.Thread(target=save_view, args=(view(n),), kwargs={"data_dir": tmp_path})
               for n in ("alice", "bob")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    names = [v.name for v in load_views(data_dir=tmp_path)[0]]
    assert sorted(names) == ["alice", "bob", "first"]


@pytest.mark.parametrize("call,err", [("open", errno.EROFS), ("write", errno.ENOSPC), ("replace", errno.EACCES)])
def test_a_failed_save_leaves_the_file_as_it_was(tmp_path, faults, call, err):
    save_view(view("first"), data_dir=tmp_path)
    before = views_path(data_dir=tmp_path).read_bytes()
    faults.inject(call, err, "views.json")
    with pytest.raises(StoreError, match="views.json") as exc:  # the app shows it as one error line
        save_view(view("second"), data_dir=tmp_path)
    assert os.strerror(err) in str(exc.value) and "\n" not in str(exc.value)
    assert faults.fired
    assert views_path(data_dir=tmp_path).read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["views.json"]  # no temp file left
