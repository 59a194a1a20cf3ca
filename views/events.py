"""Draw the negotiation's key events on a timeline so statements can be read against what happened."""

from __future__ import annotations

import datetime as dt
import html

import pandas as pd
import plotly.graph_objects as go

from views.filters import date_interval

LABEL_CHARS = 22
CURRENT_LABEL_CHARS = 60
LABEL_LEVELS = 3
LABEL_SIZE = 11
# Width of a character as a share of the font size, and a modest guess of the plot's width in
# pixels (the server cannot know it): enough to keep labels from running into each other.
CHAR_EM = 0.57
PLOT_WIDTH_PX = 650
LINE_COLOR = "rgba(128, 128, 128, 0.55)"
CURRENT_COLOR = "#CC3311"
SPAN_FILL = "rgba(128, 128, 128, 0.14)"
LEGEND_PX = 44
WINDOW_DAYS = 30
EDGE = 0.1  # labels this close to either edge of the plot grow inwards


def visible_events(
    events: pd.DataFrame, start: dt.date | None, end: dt.date | None, topics: tuple[str, ...] = ()
) -> pd.DataFrame:
    """Keep events overlapping [start, end]; with topics chosen, those topics' and general events."""
    if events.empty:
        return events
    first = events["date"]
    last = events["date_end"].fillna(first) if "date_end" in events.columns else first
    mask = first.notna()
    if start is not None:
        mask &= last >= pd.Timestamp(start)
    if end is not None:
        mask &= first <= pd.Timestamp(end)
    if topics:
        mask &= events["topic_id"].isna() | events["topic_id"].astype("object").isin(list(topics))
    return events[mask].sort_values("date", kind="stable").reset_index(drop=True)


def short_label(title: object, width: int = LABEL_CHARS) -> str:
    """Cut a title at a word boundary so labels stay short; the hover shows it whole."""
    text = " ".join(str(title or "").split())
    if len(text) <= width:
        return text
    cut = text[: width - 1].rsplit(" ", 1)[0] if " " in text[: width - 1] else text[: width - 1]
    return cut.rstrip(",;:-–") + "…"


def label_anchor(fraction: float) -> str:
    """Anchor labels near the plot's edges on their inner side, so none is cut off."""
    if fraction < EDGE:
        return "left"
    return "right" if fraction > 1 - EDGE else "center"


def fractions(dates: pd.Series, x_range: tuple[pd.Timestamp, pd.Timestamp]) -> list[float]:
    """Where each date sits across the x range, from 0 (left edge) to 1 (right edge)."""
    lo, hi = x_range
    span = max((hi - lo).total_seconds(), 1.0)
    return [(pd.Timestamp(when) - lo).total_seconds() / span for when in dates]


def label_levels(
    dates: pd.Series,
    labels: list[str],
    x_range: tuple[pd.Timestamp, pd.Timestamp],
    plot_px: int = PLOT_WIDTH_PX,
    font_size: int = LABEL_SIZE,
) -> list[int | None]:
    """Give each label the lowest row where it overlaps no label already placed; None when no row is free."""
    occupied: list[list[tuple[float, float]]] = [[] for _ in range(LABEL_LEVELS)]
    levels: list[int | None] = []
    for fraction, label in zip(fractions(dates, x_range), labels, strict=True):
        x = fraction * plot_px
        width = len(label) * CHAR_EM * font_size + 8
        anchor = label_anchor(fraction)
        left = x - width / 2 if anchor == "center" else x if anchor == "left" else x - width
        span = (left, left + width)
        free = [n for n in range(LABEL_LEVELS) if all(span[1] <= a or span[0] >= b for a, b in occupied[n])]
        if free:
            occupied[free[0]].append(span)
        levels.append(free[0] if free else None)
    return levels


def describe_event(row: pd.Series) -> str:
    """Say when an event happened and what it was, escaped for plotly's HTML-ish hover."""
    when = f"{pd.Timestamp(row['date']):%d %b %Y}"
    end = row.get("date_end")
    if end is not None and not pd.isna(end) and pd.Timestamp(end) != pd.Timestamp(row["date"]):
        when += f" – {pd.Timestamp(end):%d %b %Y}"
    return f"<b>{html.escape(when)}</b><br>{html.escape(str(row['title']))}"


def x_extent(events: pd.DataFrame, statements: pd.DataFrame | None = None) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The time span the chart will cover: the events and, when given, the statements' date intervals."""
    firsts = [events["date"].min()]
    lasts = [events["date_end"].fillna(events["date"]).max()]
    if statements is not None and not statements.empty:
        lo, hi = date_interval(statements)
        firsts.append(lo.min())
        lasts.append(hi.max())
    return pd.Timestamp(min(v for v in firsts if not pd.isna(v))), pd.Timestamp(max(v for v in lasts if not pd.isna(v)))


def add_event_markers(
    fig: go.Figure,
    events: pd.DataFrame,
    x_range: tuple[pd.Timestamp, pd.Timestamp] | None = None,
    plot_px: int = PLOT_WIDTH_PX,
    statements: pd.DataFrame | None = None,
    current: str | None = None,
    font_size: int = LABEL_SIZE,
) -> go.Figure:
    """Draw each event as a dotted line (a band when it lasts days) with a short, hoverable label above the plot.

    Labels that would overlap are left out (the ▼ mark still carries the title on hover); the
    `current` event is drawn solid, in colour, with a longer label placed first.
    """
    if events.empty:
        return fig
    x_range = x_range or x_extent(events, statements)
    is_current = (events["event_id"].astype(str) == str(current)).tolist()
    labels = [short_label(title, CURRENT_LABEL_CHARS if now else LABEL_CHARS) for title, now in zip(events["title"], is_current)]
    order = sorted(range(len(events)), key=lambda i: not is_current[i])  # the current event claims its row first
    placed = label_levels(events["date"].iloc[order], [labels[i] for i in order], x_range, plot_px, font_size)
    levels = dict(zip(order, placed, strict=True))
    anchors = [label_anchor(f) for f in fractions(events["date"], x_range)]
    level_px = int(font_size * 1.55)
    for i, (_, row) in enumerate(events.iterrows()):
        start = pd.Timestamp(row["date"])
        end = row.get("date_end")
        end = pd.Timestamp(end) if end is not None and not pd.isna(end) else start
        color = CURRENT_COLOR if is_current[i] else LINE_COLOR
        if end > start:
            fig.add_shape(
                type="rect", x0=start, x1=end, y0=0, y1=1, yref="paper", fillcolor=SPAN_FILL, line_width=0, layer="below"
            )
        line = {"color": color, "width": 2 if is_current[i] else 1, "dash": "solid" if is_current[i] else "dot"}
        fig.add_shape(type="line", x0=start, x1=start, y0=0, y1=1, yref="paper", line=line, layer="below")
        common = {"x": start, "xref": "x", "yref": "paper", "y": 1, "yanchor": "bottom", "showarrow": False}
        common["hovertext"] = describe_event(row)
        fig.add_annotation(text="▼", font={"size": font_size - 1, "color": color}, name=f"event-mark:{row['event_id']}", **common)
        if levels[i] is not None:
            font = {"size": font_size, "color": CURRENT_COLOR} if is_current[i] else {"size": font_size}
            yshift = level_px * (levels[i] + 1)
            fig.add_annotation(
                text=html.escape(labels[i]),
                font=font,
                yshift=yshift,
                xanchor=anchors[i],
                name=f"event:{row['event_id']}",
                **common,
            )
    top = LEGEND_PX + level_px * (LABEL_LEVELS + 1) + 6
    fig.update_layout(margin={"t": top}, legend={"yref": "container", "y": 1, "yanchor": "top"})
    return fig


def window_around(row: pd.Series, days: int = WINDOW_DAYS) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The ±days window around an event (from its start to its end), the presenter's zoom."""
    start = pd.Timestamp(row["date"])
    end = row.get("date_end")
    end = pd.Timestamp(end) if end is not None and not pd.isna(end) else start
    return start - pd.Timedelta(days=days), end + pd.Timedelta(days=days)


def neighbour(event_ids: list[str], current: str | None, step: int) -> str | None:
    """The event before or after the current one (clamped to the ends), for previous/next buttons."""
    if not event_ids:
        return None
    if current not in event_ids:
        return event_ids[0]
    index = min(max(event_ids.index(current) + step, 0), len(event_ids) - 1)
    return event_ids[index]
