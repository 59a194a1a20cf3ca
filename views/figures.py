"""Draw the negotiation timeline as one plotly figure with a fixed, colour-blind-safe palette."""

from __future__ import annotations

import html
import re
from typing import Literal

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from pipeline import schema
from views.filters import date_interval

Lane = Literal["topic", "speaker", "side"]
LANES: tuple[Lane, ...] = ("topic", "speaker", "side")

# Okabe-Ito colours: distinguishable with the common colour-vision deficiencies.
SIDE_COLORS: dict[str, str] = {
    "russia": "#D55E00",
    "ukraine": "#0072B2",
    "usa": "#E69F00",
    "europe": "#009E73",
    "other": "#CC79A7",
    "unknown": "#8C8C8C",
}
STANCE_SYMBOLS: dict[str, str] = {
    "supports": "circle",
    "conditional": "diamond",
    "opposes": "x",
    "neutral": "square",
}
STANCE_HELP = (
    "The speaker's position toward the proposal, deal or talks of the statement's topic. "
    "supports: backs, welcomes, offers or hosts it. conditional: only if something happens first. "
    "opposes: rejects or rules it out (imposing sanctions opposes sanctions relief). "
    "neutral: facts, logistics, denials, accusations of a breach. Each statement shows the words behind its label. "
    "Stances are read by a model: on real news about half agree with a careful reader, so read the sentence "
    "before citing a stance."
)
UNKNOWN_STANCE_SYMBOL = "circle-open"
LEGEND_GREY = "#8C8C8C"  # stance legend marks: a mid grey that reads on light and dark themes
WEBGL_THRESHOLD = 2000
WRAP_WIDTH = 70
# A line: up to WRAP_WIDTH characters ending at whitespace, or a hard cut inside a longer word.
WRAP_LINES = re.compile(rf"(\S.{{0,{WRAP_WIDTH - 1}}})(?:\s+|$)|(\S{{{WRAP_WIDTH}}})")
MAX_HOVER_CHARS = 600
CUSTOM_DATA_FIELDS = ("statement_id", "speaker", "sentence", "outlet", "date", "dating")
LEGEND_TITLE_FONT = {"size": 13}
SIDE_LEGEND = {
    "orientation": "h",
    "yanchor": "bottom",
    "y": 1.02,
    "x": 0,
    "title": {"text": "side", "font": LEGEND_TITLE_FONT},
}
# Stance symbols explained below the chart; clicking them would hide nothing, so clicks are off.
STANCE_LEGEND = {
    "orientation": "h",
    "yref": "container",
    "yanchor": "bottom",
    "y": 0,
    "x": 0,
    "title": {"text": "stance", "font": LEGEND_TITLE_FONT},
    "itemclick": False,
    "itemdoubleclick": False,
}
# A thin strip under the x axis: drag its handles to zoom into a period. Its preview is left
# empty (a y range with no data), as full-size markers squeezed into a strip are only noise.
RANGE_SLIDER = {
    "visible": True,
    "thickness": 0.05,
    "bgcolor": "rgba(128, 128, 128, 0.12)",
    "bordercolor": "rgba(128, 128, 128, 0.6)",
    "borderwidth": 1,
    "yaxis": {"rangemode": "fixed", "range": [-100, -99]},
}
HOVER_TEMPLATE = (
    "<b>%{customdata[1]}</b><br>%{customdata[2]}<br><br>"
    "%{customdata[3]} · %{customdata[4]}<br><i>%{customdata[5]}</i><extra></extra>"
)


def lane_values(df: pd.DataFrame, lane: Lane) -> pd.Series:
    """Name the lane each statement sits in, with a readable placeholder for gaps."""
    if lane == "topic":
        return df["topic_label"].fillna(df["topic_id"]).fillna("unassigned").astype(str)
    if lane == "speaker":
        return df["speaker"].fillna(df["speaker_raw"]).fillna("unknown speaker").astype(str)
    if lane == "side":
        return df["side"].fillna("unknown").astype(str)
    raise ValueError(f"lane must be one of {LANES}, got {lane!r}")


def lane_order(lanes: pd.Series, lane: Lane) -> list[str]:
    """Order lanes: sides in contract order, others by how busy they are."""
    if lane == "side":
        present = set(lanes)
        return [side for side in schema.SIDES if side in present] + sorted(present - set(schema.SIDES))
    counts = lanes.value_counts()
    return sorted(counts.index, key=lambda name: (-counts[name], name))


def wrap_for_hover(text: object) -> str:
    """Escape and wrap a sentence so hover labels stay narrow and cannot inject markup."""
    value = "" if pd.isna(text) else str(text)
    if len(value) > MAX_HOVER_CHARS:
        value = value[: MAX_HOVER_CHARS - 1] + "…"
    lines = [(match.group(1) or match.group(2)).rstrip() for match in WRAP_LINES.finditer(value)] or [""]
    return "<br>".join(html.escape(line) for line in lines)


def describe_date(on: object, earliest: object, latest: object, precision: object) -> str:
    """Render a date claim for people: the day, or the interval when it is uncertain."""
    precision_text = "unknown" if pd.isna(precision) else str(precision)
    if pd.isna(earliest) and pd.isna(latest) and pd.isna(on):
        return "undated"
    best = on if not pd.isna(on) else earliest
    best_text = pd.Timestamp(best).strftime("%d %b %Y") if not pd.isna(best) else "?"
    if pd.isna(earliest) or pd.isna(latest) or pd.Timestamp(earliest) == pd.Timestamp(latest):
        return f"{best_text} ({precision_text})"
    span = f"{pd.Timestamp(earliest):%d %b %Y} – {pd.Timestamp(latest):%d %b %Y}"
    return f"{best_text} ({precision_text}: {span})"


def describe_dating(method: object, evidence: object) -> str:
    """Say how a statement was dated, so an uncertain date is visibly a claim."""
    method_text = "unknown" if pd.isna(method) else str(method)
    evidence_text = "" if evidence is None or pd.isna(evidence) else str(evidence)
    return html.escape(f"dated by {method_text}" + (f": {evidence_text}" if evidence_text else ""))


def hover_data(df: pd.DataFrame) -> np.ndarray:
    """Build per-point custom data: statement id first, then the hover fields."""
    nulls = pd.Series(None, index=df.index, dtype="object")
    speakers = df["speaker"].fillna(df["speaker_raw"]).fillna("unknown speaker")
    outlets = df["outlet"].fillna("unknown outlet") if "outlet" in df.columns else nulls.fillna("unknown outlet")
    evidence = df["said_evidence"] if "said_evidence" in df.columns else nulls
    columns = zip(
        df["statement_id"],
        speakers,
        df["text"],
        outlets,
        zip(df["said_on"], df["said_earliest"], df["said_latest"], df["said_precision"], strict=True),
        zip(df["said_method"], evidence, strict=True),
        strict=True,
    )
    rows = [
        [
            str(sid),
            html.escape(str(who)),
            wrap_for_hover(text),
            html.escape(str(outlet)),
            describe_date(*when),
            describe_dating(*how),
        ]
        for sid, who, text, outlet, when, how in columns
    ]
    # An object array skips plotly's element-by-element validation of nested lists.
    return np.array(rows, dtype=object).reshape(len(rows), len(CUSTOM_DATA_FIELDS))


def empty_figure(message: str) -> go.Figure:
    """Return a blank figure carrying a message, so the page layout does not jump."""
    fig = go.Figure()
    fig.add_annotation(text=message, showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper")
    fig.update_layout(xaxis={"visible": False}, yaxis={"visible": False}, height=240)
    return fig


def timeline_figure(df: pd.DataFrame, lane: Lane = "topic") -> go.Figure:
    """Plot statements by date and lane: colour is side, symbol is stance, uncertain dates are ranges."""
    lo, hi = date_interval(df)
    dated = df.assign(plot_lo=lo, plot_hi=hi, plot_x=df["said_on"].fillna(lo + (hi - lo) / 2))
    dated = dated[dated["plot_x"].notna()]
    if dated.empty:
        return empty_figure("No dated statements to draw")
    dated = dated.assign(plot_lane=lane_values(dated, lane))
    order = lane_order(dated["plot_lane"], lane)
    scatter = go.Scattergl if len(dated) > WEBGL_THRESHOLD else go.Scatter
    fig = go.Figure()
    sides = [side for side in schema.SIDES if side in set(dated["side"])]
    for side in sides:
        part = dated[dated["side"] == side]
        add_range_trace(fig, part, side, scatter)
        symbols = [STANCE_SYMBOLS.get(str(s), UNKNOWN_STANCE_SYMBOL) for s in part["stance"]]
        fig.add_trace(
            scatter(
                x=part["plot_x"],
                y=part["plot_lane"],
                mode="markers",
                name=side,
                legendgroup=side,
                showlegend=False,
                marker={"color": SIDE_COLORS[side], "symbol": symbols, "size": 11, "line": {"width": 1}},
                customdata=hover_data(part),
                hovertemplate=HOVER_TEMPLATE,
            )
        )
    add_legends(fig, sides, scatter)
    fig.update_layout(
        height=max(340, 190 + 48 * len(order)),
        margin={"l": 10, "r": 10, "t": 50, "b": 60},
        legend=SIDE_LEGEND,
        legend2=STANCE_LEGEND,
        hoverlabel={"align": "left"},
        font={"size": 14},
        yaxis={"type": "category", "categoryorder": "array", "categoryarray": order[::-1], "title": None, "automargin": True},
        xaxis={"type": "date", "title": None, "rangeslider": RANGE_SLIDER},
        clickmode="event+select",
        dragmode="zoom",
    )
    return fig


def add_range_trace(fig: go.Figure, part: pd.DataFrame, side: str, scatter: type) -> None:
    """Draw one translucent bar per uncertain date, from said_earliest to said_latest."""
    uncertain = part[part["plot_lo"].notna() & part["plot_hi"].notna() & (part["plot_lo"] != part["plot_hi"])]
    if uncertain.empty:
        return
    xs: list[object] = []
    ys: list[object] = []
    for row in uncertain.itertuples():
        xs += [row.plot_lo, row.plot_hi, None]
        ys += [row.plot_lane, row.plot_lane, None]
    fig.add_trace(
        scatter(
            x=xs,
            y=ys,
            mode="lines",
            name=f"{side} date range",
            legendgroup=side,
            showlegend=False,
            line={"color": SIDE_COLORS[side], "width": 7},
            opacity=0.3,
            hoverinfo="skip",
            meta={"role": "date-range"},
        )
    )


def add_legends(fig: go.Figure, sides: list[str], scatter: type) -> None:
    """Add legend-only entries: a plain dot per side (toggling its points) and a grey mark per stance."""
    for side in sides:
        fig.add_trace(
            scatter(
                x=[None],
                y=[None],
                mode="markers",
                name=side,
                legendgroup=side,
                marker={"color": SIDE_COLORS[side], "symbol": "circle", "size": 10},
                hoverinfo="skip",
                meta={"role": "legend"},
            )
        )
    for stance, symbol in STANCE_SYMBOLS.items():
        fig.add_trace(
            scatter(
                x=[None],
                y=[None],
                mode="markers",
                name=stance,
                legend="legend2",
                marker={"color": LEGEND_GREY, "symbol": symbol, "size": 10},
                hoverinfo="skip",
                meta={"role": "legend"},
            )
        )


def statement_ids_from_selection(fig: go.Figure, points: list[dict]) -> list[str]:
    """Map selected chart points back to statement ids, via custom data or trace and index."""
    ids: list[str] = []
    for point in points:
        custom = point.get("customdata")
        if custom:
            ids.append(str(custom[0]))
            continue
        curve, index = point.get("curve_number"), point.get("point_index", point.get("point_number"))
        if curve is None or index is None or curve >= len(fig.data):
            continue
        data = fig.data[curve].customdata
        if data is not None and index < len(data):
            ids.append(str(data[index][0]))
    return list(dict.fromkeys(ids))
