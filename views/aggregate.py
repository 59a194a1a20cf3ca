"""The timeline for stores too large to read point by point: statements per week per lane."""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

from views.figures import Lane, lane_order, lane_values
from views.filters import date_interval

# Above this many statements the chart switches (in "auto") from points to weekly counts.
AGGREGATE_THRESHOLD = 3000
CHART_MODES = ("auto", "points", "weekly counts")
HEAT_COLOURS = "Blues"


def use_weekly_counts(mode: str, n_statements: int) -> bool:
    """Whether the page should draw counts instead of points."""
    return mode == "weekly counts" or (mode == "auto" and n_statements > AGGREGATE_THRESHOLD)


def weekly_counts(df: pd.DataFrame, lane: Lane = "topic") -> pd.DataFrame:
    """Dated statements counted per week (Monday) and lane; undated ones are left out."""
    lo, hi = date_interval(df)
    when = df["said_on"].fillna(lo + (hi - lo) / 2)
    dated = df.assign(week=when, lane=lane_values(df, lane)).dropna(subset=["week"])
    if dated.empty:
        return pd.DataFrame(columns=["week", "lane", "count"])
    dated["week"] = dated["week"].dt.to_period("W-SUN").dt.start_time
    return dated.groupby(["week", "lane"]).size().rename("count").reset_index()


def aggregate_figure(df: pd.DataFrame, lane: Lane = "topic") -> go.Figure:
    """A heatmap of statement counts: weeks across, lanes down."""
    counts = weekly_counts(df, lane)
    fig = go.Figure()
    if counts.empty:
        fig.add_annotation(text="No dated statements to count.", showarrow=False)
        return fig
    present = set(counts["lane"])
    order = [name for name in lane_order(lane_values(df, lane), lane) if name in present]
    grid = counts.pivot(index="lane", columns="week", values="count").reindex(order).fillna(0)
    grid = grid.reindex(columns=pd.date_range(grid.columns.min(), grid.columns.max(), freq="W-MON"), fill_value=0)
    labels = [html.escape(str(name)) for name in grid.index]
    fig.add_trace(
        go.Heatmap(
            x=grid.columns,
            y=labels,
            z=grid.to_numpy(),
            colorscale=HEAT_COLOURS,
            colorbar={"title": {"text": "statements"}},
            hovertemplate="week of %{x|%d %b %Y}<br>%{y}: %{z} statements<extra></extra>",
            xgap=1,
            ygap=2,
        )
    )
    fig.update_layout(
        height=max(320, 40 * len(labels) + 120),
        margin={"l": 10, "r": 10, "t": 30, "b": 30},
        yaxis={"autorange": "reversed", "automargin": True},
        xaxis={"type": "date"},
    )
    return fig
