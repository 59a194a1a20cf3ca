"""Presenter mode: a title that says what the view shows, a large high-contrast chart, an event's window."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.graph_objects as go

from views.filters import Filters, in_date_range, sort_by_date
from views.tables import statements_table

# A fixed stylesheet (never built from article or user text): hide the sidebar and Streamlit's
# chrome, enlarge the type and give captions full contrast for a shared screen.
PRESENTER_CSS = """<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"],
[data-testid="stSidebarNav"], header[data-testid="stHeader"], [data-testid="stToolbar"] { display: none !important; }
[data-testid="stMainBlockContainer"] { padding-top: 1.2rem; max-width: 100%; }
[data-testid="stMarkdownContainer"] p, [data-testid="stMarkdownContainer"] li { font-size: 1.3rem; line-height: 1.45; }
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p { font-size: 1.1rem; opacity: 1; color: inherit; }
h1 { font-size: 2.4rem !important; line-height: 1.2 !important; }
</style>"""
PRESENTER_FONT = 19
PRESENTER_MARKER = 16
PRESENTER_LABEL = 14
MAX_WINDOW_ROWS = 12
MAX_NAMES = 4


def listed(values: tuple[str, ...] | list[str], joiner: str = ", ") -> str:
    """Name up to a few values, then say how many more, so the title stays one line."""
    values = list(values)
    if len(values) <= MAX_NAMES:
        return joiner.join(values)
    return joiner.join(values[:MAX_NAMES]) + f" and {len(values) - MAX_NAMES} more"


def date_text(start: dt.date | None, end: dt.date | None) -> str:
    """Say the date range in words, or nothing when it is open."""
    if start is None and end is None:
        return ""
    if end is None:
        return f"from {start:%-d %b %Y}"
    if start is None:
        return f"until {end:%-d %b %Y}"
    return f"{start:%-d %b %Y} – {end:%-d %b %Y}"


def title_line(f: Filters, topic_labels: dict[str, str]) -> str:
    """Build the presenter's heading from the filters (plain text: the page escapes it)."""
    who = listed(f.speakers, " vs ") if f.speakers else ""
    if f.sides:
        sides = listed([side.capitalize() for side in f.sides], " vs ")
        who = f"{who} ({sides})" if who else sides
    about = listed([topic_labels.get(t, t) for t in f.topics]) if f.topics else ""
    head = f"{who} on {about}" if who and about else who or about or "Who said what"
    extras = []
    if f.stances:
        extras.append(listed(list(f.stances), " or "))
    if f.text.strip():
        extras.append(f"“{f.text.strip()}”")
    if f.outlets:
        extras.append("in " + listed(f.outlets))
    when = date_text(f.start, f.end)
    if when:
        extras.append(when)
    return " · ".join([head, *extras])


def style_for_presenting(fig: go.Figure, height: int | None = None) -> go.Figure:
    """Enlarge type and markers and give the chart the screen's height, keeping its colours."""
    big = {"size": PRESENTER_FONT}
    fig.update_layout(font=big, hoverlabel={"font": {"size": PRESENTER_FONT - 2}}, legend={"font": big}, legend2={"font": big})
    fig.update_xaxes(tickfont=big)
    fig.update_yaxes(tickfont=big)
    if height:
        fig.update_layout(height=height)
    for trace in fig.data:
        if getattr(trace, "mode", None) == "markers" and trace.customdata is not None:
            trace.marker.size = PRESENTER_MARKER
            trace.marker.line.width = 1.5
    return fig


def zoom_to(fig: go.Figure, window: tuple[pd.Timestamp, pd.Timestamp]) -> go.Figure:
    """Fix the x axis (and its range slider) to a window, e.g. a month either side of an event."""
    lo, hi = window
    fig.update_xaxes(range=[lo, hi], autorange=False)
    return fig


def window_statements(df: pd.DataFrame, window: tuple[pd.Timestamp, pd.Timestamp]) -> pd.DataFrame:
    """The statements whose date could fall in the window, as a citable table in date order."""
    lo, hi = window
    inside = df[in_date_range(df, lo.date(), hi.date())]
    return statements_table(sort_by_date(inside))


def event_option(row: pd.Series) -> str:
    """Label an event in the picker by its date and title."""
    return f"{pd.Timestamp(row['date']):%d %b %Y} — {row['title']}"
