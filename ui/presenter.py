"""Presenter mode: no sidebar, large type, the chart big, and a step-through of the key events."""

from __future__ import annotations

import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from views.detail import escape_markdown
from views.events import add_event_markers, neighbour, visible_events, window_around
from views.figures import Lane, timeline_figure
from views.filters import Filters
from views.presenter import (
    MAX_WINDOW_ROWS,
    PRESENTER_CSS,
    PRESENTER_LABEL,
    event_option,
    style_for_presenting,
    title_line,
    window_statements,
    zoom_to,
)

PRESENT_KEY = "present"
EVENT_KEY = "event"
PRESENT_VALUES = ("1", "true", "yes", "on")
PLOT_PX = 1000
MIN_HEIGHT = 620


def presenter_toggle() -> bool:
    """Draw the mode switch, mirrored by hand to `?present=1` (a bound toggle would only accept `true`)."""
    if PRESENT_KEY not in st.session_state and str(st.query_params.get(PRESENT_KEY, "")).lower() in PRESENT_VALUES:
        st.session_state[PRESENT_KEY] = True
    present = st.toggle("Presenter mode", key=PRESENT_KEY, help="Large type, no sidebar; the link keeps the view.")
    mirror_to_url(PRESENT_KEY, "1" if present else None)
    return present


def mirror_to_url(param: str, value: str | None) -> None:
    """Keep one query parameter equal to a widget's value, removing it when the value is the default."""
    if value is None:
        st.query_params.pop(param, None)
    elif st.query_params.get(param) != value:
        st.query_params[param] = value


def step_event(event_ids: list[str], step: int) -> None:
    """Move the event picker to the previous or next event (a callback, so the URL follows)."""
    st.session_state[EVENT_KEY] = neighbour(event_ids, st.session_state.get(EVENT_KEY), step)


def event_stepper(events: pd.DataFrame) -> str | None:
    """Previous / picker / next: the current key event, or None for the overview."""
    ids = events["event_id"].astype(str).tolist()
    labels = dict(zip(ids, (event_option(row) for _, row in events.iterrows()), strict=True))
    # On the first run of this view the event comes from the link; one the filters removed is dropped.
    wanted = st.session_state[EVENT_KEY] if EVENT_KEY in st.session_state else st.query_params.get(EVENT_KEY)
    st.session_state[EVENT_KEY] = wanted if wanted in labels else None
    cols = st.columns([1, 6, 1], vertical_alignment="center")
    cols[0].button("◀ Previous", key="ev_prev", on_click=step_event, args=(ids, -1), width="stretch")
    current = cols[1].selectbox(
        "Key event",
        ids,
        index=None,
        format_func=lambda eid: labels.get(eid, eid),
        key=EVENT_KEY,
        placeholder="Overview: all dates (pick a key event, or step through them)",
        label_visibility="collapsed",
    )
    cols[2].button("Next ▶", key="ev_next", on_click=step_event, args=(ids, 1), width="stretch")
    mirror_to_url(EVENT_KEY, current)
    return current


def show_window(filtered: pd.DataFrame, window: tuple[pd.Timestamp, pd.Timestamp]) -> None:
    """List what was said in the event's window, in date order, in large type."""
    table = window_statements(filtered, window)
    lo, hi = window
    st.caption(f"{len(table)} statements between {lo:%d %b %Y} and {hi:%d %b %Y}")
    esc = escape_markdown
    lines = [
        f"- **{esc(row.date or 'undated')}** · **{esc(row.speaker or 'Unknown speaker')}** ({esc(row.side)}): "
        f"{esc(row.sentence)} — *{esc(row.outlet or 'unknown outlet')}*"
        for row in table.head(MAX_WINDOW_ROWS).itertuples()
    ]
    if lines:
        st.markdown("\n".join(lines))
    if len(table) > MAX_WINDOW_ROWS:
        st.caption(f"… and {len(table) - MAX_WINDOW_ROWS} more in this window (see the table outside presenter mode).")


def show_presenter(
    heading: DeltaGenerator,
    filtered: pd.DataFrame,
    f: Filters,
    lane: Lane,
    events: pd.DataFrame,
    topic_labels: dict[str, str],
) -> None:
    """Lay out presenter mode: heading from the filters, the event stepper, the chart, the window's statements."""
    st.set_page_config(initial_sidebar_state="collapsed")
    st.markdown(PRESENTER_CSS, unsafe_allow_html=True)  # a fixed stylesheet, no user or article text
    heading.title(escape_markdown(title_line(f, topic_labels)))
    current = event_stepper(events) if not events.empty else None
    fig = timeline_figure(filtered, lane)
    row = events[events["event_id"].astype(str) == current].iloc[0] if current else None
    if row is not None:
        window = window_around(row)
        near = visible_events(events, window[0].date(), window[1].date())
        add_event_markers(fig, near, x_range=window, plot_px=PLOT_PX, current=current, font_size=PRESENTER_LABEL)
        zoom_to(fig, window)
        st.subheader(escape_markdown(event_option(row)))
    else:
        add_event_markers(fig, events, plot_px=PLOT_PX, statements=filtered, font_size=PRESENTER_LABEL)
    style_for_presenting(fig, height=max(MIN_HEIGHT, int((fig.layout.height or 400) * 1.25)))
    st.plotly_chart(fig, key="present_chart")
    if row is not None:
        show_window(filtered, window)
