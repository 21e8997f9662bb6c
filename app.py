"""Gannan Planning Atlas — Streamlit app (`make run`). A thin shell: ui/ builds everything."""
from __future__ import annotations

import streamlit as st

st.set_page_config(page_title="赣南苏区交通规划一张图 · Gannan Planning Atlas", page_icon="🗺️",
                   layout="wide", initial_sidebar_state="expanded")

from ui.pages import main  # noqa: E402  (set_page_config must come first)

main()
