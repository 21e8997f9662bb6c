"""Hostile links and saved-view files: values beyond float range, huge lists and long values are ignored with
a short note, never a traceback (pure functions: no streamlit)."""
from __future__ import annotations

import json

import pytest

from ui.state import MAX_LINK_PROJECTS, state_from_params
from ui.views import load_views, parse_view

VIEW = {"name": "x", "zoom": 8, "layers": [], "scenario": "all"}


@pytest.mark.parametrize("center", [[10**400, 115.0], [25.8, -(10**400)], [float("nan"), 115.0], [25.8, 181],
                                    [91, 115.0], [True, 115.0], ["25.8", 115.0]])
def test_saved_view_centres_out_of_range_are_refused(center):
    view, why = parse_view({**VIEW, "center": center})
    assert view is None and why == "'x': center must be [lat, lon] in degrees"


def test_saved_view_centre_in_range_is_kept():
    view, why = parse_view({**VIEW, "center": [25.8, 115.0]})
    assert why is None and view.center == (25.8, 115.0)


def test_a_views_file_of_many_bad_entries_lists_ten(tmp_path):
    p = tmp_path / "views.json"
    p.write_text(json.dumps({"views": [{"name": ""}] * 5000}), encoding="utf-8")
    views, problems = load_views(path=p)
    assert views == [] and len(problems) == 11 and problems[-1] == "… and 4990 more problem(s)"


def test_hostile_link_parameters_are_ignored_briefly():
    s, bad = state_from_params({"year": "2" * 5000, "c": "1e400,1", "z": "9" * 10,
                                "projects": ",".join(f"p{i}" for i in range(100_000)),
                                "layers": ",".join("x" * 50 for _ in range(1000))})
    assert (s.year, s.center, s.zoom) == (None, None, None)
    assert len(s.custom) == MAX_LINK_PROJECTS
    assert len(bad) == 5 and all(len(b) < 90 for b in bad)
