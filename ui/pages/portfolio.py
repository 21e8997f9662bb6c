"""The ranking view's portfolio section: a sweep of up to 8 projects run here, or an `atlas sweep` file
uploaded; the benefit–cost Pareto front and the recommended build order (network.sweep)."""
from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from geo.errors import AtlasError
from network.sweep import order_steps
from network.sweep_files import read_sweep
from ui import cache, session
from ui.context import RunContext
from ui.i18n import t
from ui.render import csv_button, show_table

#: the app evaluates at most 2^8 = 256 portfolios in the page; more go to `atlas sweep`
MAX_APP_PROJECTS = 8
AXIS = {"residents": "sweep_axis_residents", "visitors": "sweep_axis_visitors"}


def render_section(ctx: RunContext, ranking: pd.DataFrame, measure: str, baseline, with_) -> None:
    """The section under the ranking table (``ranking``: its rows in the order shown)."""
    lang = ctx.lang
    st.markdown(f"#### {t('sweep_title', lang)}")
    st.caption(t("sweep_help", lang))
    names = dict(zip(ranking["project_id"], ranking["name"]))
    ids = list(ranking["project_id"])
    st.multiselect(t("sweep_projects", lang), ids, default=ids[:min(6, len(ids))], key=session.K_SWEEP_PROJECTS,
                   max_selections=MAX_APP_PROJECTS, format_func=lambda p: names.get(p, p))
    chosen = tuple(st.session_state.get(session.K_SWEEP_PROJECTS) or ())
    if st.button(t("sweep_run", lang), key="w_sweep_go", disabled=not chosen):
        st.session_state[session.K_SWEEP_RUN] = (chosen, measure)
    upload = st.file_uploader(t("sweep_upload", lang), type=["parquet"], key=session.K_SWEEP_FILE)
    df = _uploaded(upload, lang) if upload is not None else _run(ctx, baseline, with_)
    if df is None:
        st.info(t("sweep_none", lang))
        return
    _show(ctx, df, names)


def _uploaded(upload, lang: str) -> pd.DataFrame | None:
    try:
        df, meta = read_sweep(upload)
    except AtlasError as exc:
        st.error(t("sweep_bad_file", lang).format(err=exc))
        return None
    df.attrs.update(projects=list(meta.get("projects", [])), measure=meta.get("measure", "residents"))
    return df


def _run(ctx: RunContext, baseline, with_) -> pd.DataFrame | None:
    asked = st.session_state.get(session.K_SWEEP_RUN)
    if not asked:
        return None
    projects, measure = asked
    if with_ is None or getattr(with_, "name", "") == "custom":
        st.info(t("sweep_custom", ctx.lang))
        return None
    with st.spinner(t("sweep_running", ctx.lang).format(n=2 ** len(projects))):
        return cache.sweep(ctx.version, baseline, with_, tuple(projects), measure, session.grid_km())


def front_chart(df: pd.DataFrame, names: dict[str, str], lang: str) -> alt.Chart:
    """Benefit (millions) against cost (亿元) of every portfolio of known cost; the front drawn as a line."""
    known = df[df["cost_yi_yuan"].notna()].copy()
    known["benefit_m"] = known["benefit"] / 1e6
    known["set"] = [" + ".join(names.get(p, p) for p in s.split()) or "—" for s in known["projects"]]
    known["kind"] = [t("sweep_front_label", lang) if f else t("sweep_other_label", lang) for f in known["pareto"]]
    x = alt.X("cost_yi_yuan:Q", title=t("sweep_cost_axis", lang))
    y = alt.Y("benefit_m:Q", title=t(AXIS.get(df.attrs.get("measure", "residents"), "sweep_axis_residents"), lang))
    tip = [alt.Tooltip("set:N"), alt.Tooltip("cost_yi_yuan:Q", format=",.0f"), alt.Tooltip("benefit_m:Q", format=",.3f")]
    points = alt.Chart(known).mark_circle(size=60, opacity=0.75).encode(
        x=x, y=y, tooltip=tip, color=alt.Color("kind:N", legend=alt.Legend(orient="bottom", title=None),
                                               scale=alt.Scale(range=["#b71c1c", "#9e9e9e"])))
    line = alt.Chart(known[known["pareto"]].sort_values("cost_yi_yuan")).mark_line(color="#b71c1c").encode(x=x, y=y)
    return (line + points).properties(height=360)


def _show(ctx: RunContext, df: pd.DataFrame, names: dict[str, str]) -> None:
    lang = ctx.lang
    projects = list(df.attrs.get("projects", []))
    st.markdown(f"**{t('sweep_front', lang)}**")
    st.altair_chart(front_chart(df, names, lang), width="stretch")
    unknown = df[df["cost_yi_yuan"].isna()]
    if len(unknown):
        ids = sorted({p for s in unknown["cost_unknown"].fillna("") for p in s.split()})
        st.caption(t("sweep_unknown_costs", lang).format(n=len(unknown), ids=", ".join(names.get(p, p) for p in ids)))
    column = "best_order_step" if df["best_order_step"].notna().any() else "greedy_step"
    steps = order_steps(df, projects, column)
    st.markdown(f"**{t('sweep_order', lang)}**")
    shown = pd.DataFrame({t("sweep_step", lang): steps["step"],
                          t("sweep_project", lang): [names.get(p, p) for p in steps["project_id"]],
                          t("sweep_added", lang): (steps["added_benefit"] / 1e6).round(2),
                          t("sweep_benefit", lang): (steps["benefit"] / 1e6).round(2),
                          t("sweep_cost", lang): steps["cost_yi_yuan"].round(1)})
    show_table(shown, lang)
    csv_button(df, "portfolio_sweep", lang, "w_dl_sweep")
