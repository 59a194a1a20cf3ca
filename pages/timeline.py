"""Timeline page: filter statements, see them on a dated chart with key events, read one in context, present, export."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard import current_store
from pipeline import schema
from ui.exports import show_exports, view_fingerprint
from ui.presenter import presenter_toggle, show_presenter
from ui.statement_detail import MAX_DETAILS, show_details
from views.aggregate import AGGREGATE_THRESHOLD, CHART_MODES, aggregate_figure, use_weekly_counts
from views.events import add_event_markers, visible_events
from views.figures import LANES, STANCE_HELP, statement_ids_from_selection, timeline_figure
from views.filters import (
    Filters,
    apply_filters,
    count_line,
    date_bounds,
    is_undated,
    option_values,
    topic_options,
)
from views.presenter import title_line
from views.store_reader import Store, empty_store_message, join_statements
from views.tables import statements_table

BIND = "query-params"
SID_PARAM = "sid"
SELECTION_CHANGED = "_selection_changed"


def sidebar_filters(df: pd.DataFrame, has_events: bool) -> tuple[Filters, str, bool, str]:
    """Draw the filter widgets (each keyed and mirrored to the URL) and return their values."""
    bounds = date_bounds(df)
    topics = topic_options(df)
    present_sides = set(df["side"].dropna())
    with st.sidebar:
        st.header("Filters")
        start = end = None
        if bounds is not None:
            low, high = bounds
            picked = st.date_input("Date range", value=bounds, min_value=low, max_value=high, key="dates", bind=BIND)
            start, end = date_pair(picked)
        chosen_topics = st.multiselect(
            "Topics", list(topics), format_func=lambda tid: topics.get(tid, tid), key="topics", bind=BIND
        )
        speakers = st.multiselect("Speakers", option_values(df, "speaker"), key="speakers", bind=BIND)
        sides = st.multiselect("Sides", [s for s in schema.SIDES if s in present_sides], key="sides", bind=BIND)
        outlets = st.multiselect("Outlets", option_values(df, "outlet"), key="outlets", bind=BIND)
        stances = st.multiselect("Stance", list(schema.STANCES), key="stances", bind=BIND, help=STANCE_HELP)
        text = st.text_input("Search", key="q", placeholder='words or "a phrase"', bind=BIND)
        include_undated = st.toggle(
            "Include undated / imprecise",
            value=True,
            key="undated",
            help="Off: only statements dated to the day or week, within the date range.",
            bind=BIND,
        )
        lane = st.radio("Lanes", LANES, key="lane", horizontal=True, bind=BIND) or "topic"
        chart_mode = (
            st.selectbox(
                "Chart",
                CHART_MODES,
                key="chart",
                help=f"auto: points up to {AGGREGATE_THRESHOLD:,} statements, weekly counts beyond.",
                bind=BIND,
            )
            or "auto"
        )
        show_events = has_events and st.toggle(
            "Show key events", value=True, key="events", help="Milestones of the talks, from the reference data.", bind=BIND
        )
    filters = Filters(
        start=start,
        end=end,
        topics=tuple(chosen_topics),
        speakers=tuple(speakers),
        sides=tuple(sides),
        outlets=tuple(outlets),
        stances=tuple(stances),
        text=text or "",
        include_undated=include_undated,
    )
    return filters, lane, show_events, chart_mode


def date_pair(picked: object) -> tuple[dt.date | None, dt.date | None]:
    """Read a date_input value, which is a 0-, 1- or 2-tuple while the user is choosing."""
    values = list(picked) if isinstance(picked, (tuple, list)) else [picked]
    values = [value for value in values if value is not None]
    if not values:
        return None, None
    return values[0], values[-1] if len(values) > 1 else None


def selection_points(event: object) -> list[dict]:
    """Pull the selected points out of a plotly_chart event (a dict or an attribute dict)."""
    if not event:
        return []
    selection = event.get("selection") if hasattr(event, "get") else None
    points = selection.get("points") if selection else None
    return list(points or [])


def table_selection(event: object) -> list[int]:
    """Pull the selected row positions out of a dataframe event."""
    if not event or not hasattr(event, "get"):
        return []
    selection = event.get("selection") or {}
    return list(selection.get("rows") or [])


def selected_ids(fig: go.Figure, event: object, table: pd.DataFrame, table_event: object) -> list[str]:
    """Statement ids picked on the chart or in the table, chart first."""
    ids = statement_ids_from_selection(fig, selection_points(event))
    ids += [table.loc[i, "statement_id"] for i in table_selection(table_event) if i < len(table)]
    return list(dict.fromkeys(ids))


def mark_selection_changed() -> None:
    """Note that the reader changed a selection, so an emptied one also clears `sid` from the URL."""
    st.session_state[SELECTION_CHANGED] = True


def sync_sid(ids: list[str]) -> list[str]:
    """Mirror the selection to `?sid=` (comma-separated) and return what to show: the selection, else the URL's."""
    changed = st.session_state.pop(SELECTION_CHANGED, False)
    if ids:
        st.query_params[SID_PARAM] = ",".join(ids[:MAX_DETAILS])
        return ids
    if changed:
        st.query_params.pop(SID_PARAM, None)
        return []
    return [sid for sid in str(st.query_params.get(SID_PARAM, "")).split(",") if sid]


def key_events(store: Store, df: pd.DataFrame, f: Filters, show: bool) -> pd.DataFrame:
    """The key events inside the filters' date range (or the data's), for the chart."""
    if not show:
        return store.events.iloc[0:0]
    bounds = date_bounds(df) or (None, None)
    return visible_events(store.events, f.start or bounds[0], f.end or bounds[1], f.topics)


def main() -> None:
    """Lay out the timeline page from the current store."""
    store = current_store()
    head, switch = st.columns([4, 1], vertical_alignment="bottom")
    with switch:
        present = presenter_toggle()
    if store.is_empty or store.statements.empty:
        head.title("Negotiation timeline")
        st.info(empty_store_message(store.path))
        if store.problems:
            st.caption("; ".join(store.problems))
        return
    df = join_statements(store)
    filters, lane, show_events, chart_mode = sidebar_filters(df, has_events=not store.events.empty)
    filtered = apply_filters(df, filters)
    events = key_events(store, df, filters, show_events)
    if present:
        show_presenter(head, filtered, filters, lane, events, topic_options(df))
        return
    head.title("Negotiation timeline")
    undated = int(is_undated(filtered).sum())
    note = f" · {undated} undated, listed in the table but not on the chart" if undated else ""
    st.caption(count_line(len(filtered), len(df)) + note)
    if filtered.empty:
        st.warning("No statements match these filters. Clear the search, remove a filter or widen the date range.")
        return
    if use_weekly_counts(chart_mode, len(filtered)):
        fig = add_event_markers(aggregate_figure(filtered, lane), events, statements=filtered)
        st.plotly_chart(fig, key="timeline_counts")
        st.caption("Statements per week. Narrow the filters, or choose Chart: points, to read single statements.")
        event = None
    else:
        fig = add_event_markers(timeline_figure(filtered, lane), events, statements=filtered)
        event = st.plotly_chart(fig, key="timeline", on_select=mark_selection_changed, selection_mode=("points", "box", "lasso"))
    detail_slot = st.container()
    table = statements_table(filtered)
    table_event = st.dataframe(
        table,
        key="table",
        hide_index=True,
        on_select=mark_selection_changed,
        selection_mode="single-row",
        column_config={
            "url": st.column_config.LinkColumn("url"),
            "sentence": st.column_config.TextColumn("sentence", width="large"),
        },
    )
    with detail_slot:
        show_details(df, sync_sid(selected_ids(fig, event, table, table_event)), store)
    title = title_line(filters, topic_options(df))
    show_exports(table, filtered, fig, title, view_fingerprint(filters, lane, show_events))


main()
