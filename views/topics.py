"""Describe the topics: how big, which words, seeded or discovered, how busy each month, with examples."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from views.filters import date_interval
from views.tables import iso_date, text_or_blank

# Paul Tol's "bright" and "vibrant" colours: mid-lightness, so bars read on light and dark themes.
TOPIC_COLORS = (
    "#4477AA",
    "#EE6677",
    "#228833",
    "#CCBB44",
    "#66CCEE",
    "#AA3377",
    "#EE7733",
    "#009988",
    "#EE3377",
    "#997700",
)
REST_COLOR = "#BBBBBB"  # the topics beyond the palette, drawn as one grey band
TOPIC_TABLE_COLUMNS = ("label", "statements", "kind", "keywords", "topic_id")
EXAMPLE_COLUMNS = ("date", "speaker", "stance", "sentence", "outlet", "score")


def topics_table(topics: pd.DataFrame, statements: pd.DataFrame) -> pd.DataFrame:
    """One row per topic, biggest first: label, statements counted in the store, keywords, seeded or discovered."""
    counts = statements["topic_id"].astype(str).value_counts() if len(statements) else pd.Series(dtype="int64")
    table = pd.DataFrame(
        {
            "label": text_or_blank(topics["label"]),
            "statements": [int(counts.get(str(t), 0)) for t in topics["topic_id"]],
            "kind": ["seeded" if bool(s) else "discovered" for s in topics["seeded"].fillna(False)],
            "keywords": text_or_blank(topics["keywords"]),
            "topic_id": text_or_blank(topics["topic_id"]),
        }
    )
    return table.sort_values(["statements", "label"], ascending=[False, True], kind="stable").reset_index(drop=True)


def monthly_counts(df: pd.DataFrame) -> pd.DataFrame:
    """Count dated statements per month and topic (undated ones cannot be placed in a month)."""
    lo, _ = date_interval(df)
    when = df["said_on"].fillna(lo)
    dated = df.assign(month=when.dt.to_period("M").dt.to_timestamp())[when.notna()]
    if dated.empty:
        return pd.DataFrame({"month": pd.Series(dtype="datetime64[ns]"), "topic": pd.Series(dtype="object"), "count": []})
    counts = dated.groupby(["month", "topic_label"]).size().reset_index(name="count")
    return counts.rename(columns={"topic_label": "topic"}).sort_values(["month", "topic"]).reset_index(drop=True)


def topic_colors(topics: list[str]) -> dict[str, str]:
    """Fix each topic's colour by its rank (busiest first), so the legend and the bars agree."""
    return {topic: TOPIC_COLORS[i % len(TOPIC_COLORS)] for i, topic in enumerate(topics)}


def topic_month_figure(counts: pd.DataFrame) -> go.Figure:
    """Stacked bars: statements per month, one colour per busy topic (the rest as one grey band)."""
    fig = go.Figure()
    totals = counts.groupby("topic")["count"].sum().sort_values(ascending=False, kind="stable")
    order = totals.index.tolist()[: len(TOPIC_COLORS)]
    rest = totals.index.tolist()[len(TOPIC_COLORS) :]
    bands = [(topic, counts[counts["topic"] == topic], color) for topic, color in topic_colors(order).items()]
    if rest:
        merged = counts[counts["topic"].isin(rest)].groupby("month", as_index=False)["count"].sum()
        bands.append((f"{len(rest)} more topics", merged, REST_COLOR))
    for name, part, color in bands:
        fig.add_trace(
            go.Bar(
                x=part["month"],
                y=part["count"],
                name=name,
                marker={"color": color},
                xperiod="M1",
                xperiodalignment="middle",
                hovertemplate="%{x|%b %Y}: %{y} statements<extra>%{fullData.name}</extra>",
            )
        )
    fig.update_layout(
        barmode="stack",
        height=420,
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        legend={"title": {"text": "topic"}, "traceorder": "normal"},
        xaxis={"type": "date", "title": None},
        yaxis={"title": "statements"},
        font={"size": 14},
    )
    return fig


def example_statements(df: pd.DataFrame, topic_id: str, limit: int = 5) -> pd.DataFrame:
    """The statements that fit a topic best (highest topic score), for judging whether its label is right."""
    mine = df[df["topic_id"].astype(str) == str(topic_id)]
    mine = mine.assign(_score=pd.to_numeric(mine["topic_score"], errors="coerce"))
    mine = mine.sort_values(["_score", "statement_id"], ascending=[False, True], na_position="last").head(limit)
    lo, _ = date_interval(mine)
    return pd.DataFrame(
        {
            "date": [iso_date(v) or "undated" for v in mine["said_on"].fillna(lo)],
            "speaker": text_or_blank(mine["speaker"].fillna(mine["speaker_raw"])),
            "stance": text_or_blank(mine["stance"]),
            "sentence": text_or_blank(mine["text"]),
            "outlet": text_or_blank(mine["outlet"]),
            "score": mine["_score"].round(2),
        }
    ).reset_index(drop=True)
