"""Gannan Planning Atlas — Streamlit app (`make run`). Routes only: ui.frame reads the state, ui.pages draw.

The sidebar's view radio (kept in the URL as ``?view=``) picks the page; st.navigation is not used so that
every link saved since version one (``?view=access&scenario=2030 …``) still opens the same view.
"""
from __future__ import annotations

import streamlit as st

st.set_page_config(page_title="赣南苏区交通规划一张图 · Gannan Planning Atlas", page_icon="🗺️",
                   layout="wide", initial_sidebar_state="expanded")

from ui import frame  # noqa: E402  (set_page_config must come first)
from ui.pages import access, compare, map as layers, rank, sketch, visitors  # noqa: E402

PAGES = {"map": layers.render, "access": access.render, "compare": compare.render, "rank": rank.render,
         "visitors": visitors.render, "sketch": sketch.render}

ctx = frame.start_run()
PAGES[ctx.state.view](ctx)
frame.finish_run()
