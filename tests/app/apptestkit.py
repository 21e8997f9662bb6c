"""Shared AppTest helpers: start the app with query parameters and fail on any script exception."""
from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")


def check(at: AppTest) -> AppTest:
    """Fail the test if the last run raised; return ``at`` for chaining."""
    assert not at.exception, [e.value for e in at.exception]
    return at


def run_app(query: dict[str, str] | None = None, *, timeout_s: float = 90) -> AppTest:
    """Run app.py once with ``query`` as URL query parameters; the run must not raise."""
    at = AppTest.from_file(APP, default_timeout=timeout_s)
    for k, v in (query or {}).items():
        at.query_params[k] = v
    at.run()
    return check(at)
