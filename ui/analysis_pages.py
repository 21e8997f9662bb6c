"""Analysis pages (accessibility, comparison, ranking): wired to network/ when the engine is ready."""
from __future__ import annotations

from typing import Any, Mapping

import streamlit as st

from ui.i18n import t
from ui.state import AppState


def render(s: AppState, prepared: Mapping[str, list[dict[str, Any]]], ids: Any, loaded: Any) -> None:
    from ui.pages import render_map
    st.info(t("engine_missing", s.lang) + " …")
    render_map(s, prepared, ids)
