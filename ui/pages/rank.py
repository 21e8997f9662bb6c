"""Project ranking: each project's marginal benefit added alone to the baseline and removed alone from the
chosen scenario, as a chart (the slide in presenter mode) and a table."""
from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from geo.text import md_escape
from ui import cache, session
from ui.context import RunContext
from ui.i18n import STATUS_LABELS, label, layer_title, t
from ui.overlays import with_names
from ui.pages import portfolio
from ui.render import analysis, csv_button, report_button, show_table
from ui.session import K_RANK_MEASURE

#: the columns shown first (the rest follow in the ranking's own order)
FIRST_COLUMNS = ("name", "layer", "status", "add_mean_minutes", "remove_mean_minutes", "add_visitor_pop_hours",
                 "remove_visitor_pop_hours", "visitor_why")


def render(ctx: RunContext) -> None:
    analysis(ctx, lambda: _page(ctx))


#: per measure: (add column, remove column, axis title key, scale of the values)
#: visitors first: the plan's railways exist to bring visitors (residents mostly have a site close by already)
CHART_COLUMNS = {"visitors": ("add_visitor_pop_hours", "remove_visitor_pop_hours", "rank_axis_visitors", 1e-6),
                 "residents": ("add_mean_minutes", "remove_mean_minutes", "rank_axis", 1.0)}


def chart(df: pd.DataFrame, lang: str, *, presenter: bool, measure: str = "visitors") -> alt.Chart:
    """Bars of each project's gain, added alone and removed alone, one pair per project."""
    add_c, rem_c, axis, scale = CHART_COLUMNS[measure]
    add_l, rem_l = t("rank_add", lang), t("rank_remove", lang)
    long = pd.concat([
        pd.DataFrame({"project": df["name"], "measure": add_l, "minutes": df[add_c] * scale}),
        pd.DataFrame({"project": df["name"], "measure": rem_l, "minutes": df[rem_c] * scale}),
    ])
    order = list(df.sort_values(add_c, ascending=False)["name"])
    c = alt.Chart(long).mark_bar().encode(
        y=alt.Y("project:N", sort=order, title=None, axis=alt.Axis(labelLimit=460 if presenter else 320)),
        x=alt.X("minutes:Q", title=t(axis, lang)),
        color=alt.Color("measure:N", legend=alt.Legend(orient="bottom", title=None, labelLimit=0, columns=1),
                        scale=alt.Scale(range=["#b71c1c", "#1565c0"])),
        yOffset="measure:N",
        tooltip=["project", "measure", alt.Tooltip("minutes:Q", format=".3f")],
    ).properties(height=max(220, (44 if presenter else 34) * len(df)))
    if presenter:
        c = c.configure_axis(labelFontSize=15, titleFontSize=15).configure_legend(labelFontSize=15)
    return c


def _page(ctx: RunContext) -> None:
    s, lang = ctx.state, ctx.lang
    heading = md_escape(f"{t('rank_title', lang)}: {ctx.caption}")
    if s.presenter:  # the chart is the slide: large title, no tables or downloads
        st.markdown(f"## {heading}")
    else:
        st.subheader(heading)
    baseline = cache.scenario(ctx.version, s.baseline if s.baseline != "custom" else "existing", (), None)
    if baseline.scenario is None:
        raise RuntimeError(baseline.problem)
    measure = st.radio(t("rank_measure", lang), tuple(CHART_COLUMNS), key=K_RANK_MEASURE, horizontal=True,
                       format_func=lambda m: t(f"rank_measure_{m}", lang))
    with st.spinner(t("computing", lang)):
        df = cache.ranking(ctx.version, baseline.scenario, ctx.scenario.scenario, session.grid_km(),
                           ("residents", "visitors"))
    if df.empty:
        st.info(t("no_projects", lang))
        return
    add_c, rem_c = CHART_COLUMNS[measure][:2]
    df = with_names(df, ctx.names, pairs=[("project_id", "name")]).sort_values([add_c, rem_c], ascending=False,
                                                                                kind="stable")
    st.altair_chart(chart(df, lang, presenter=s.presenter, measure=measure), width="stretch")
    if s.presenter:
        return
    shown = df[[c for c in FIRST_COLUMNS if c in df.columns] + [c for c in df.columns if c not in FIRST_COLUMNS]].copy()
    shown["layer"] = [layer_title(x, lang) for x in shown["layer"]]
    shown["status"] = [label(STATUS_LABELS, x, lang) for x in shown["status"]]
    show_table(shown, lang)
    csv_button(df, "project_ranking", lang, "w_dl_rank")
    report_button(ctx, key="w_dl_report_rank")
    portfolio.render_section(ctx, df, measure, baseline.scenario, ctx.scenario.scenario)
