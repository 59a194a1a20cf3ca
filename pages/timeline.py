"""Timeline page: filter statements, see them on a dated chart, read one in context, export."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard import current_store
from pipeline import schema
from views import detail
from views.figures import LANES, describe_date, statement_ids_from_selection, timeline_figure
from views.filters import (
    Filters,
    apply_filters,
    count_line,
    date_bounds,
    is_undated,
    option_values,
    topic_options,
)
from views.store_reader import Store, empty_store_message, join_statements
from views.tables import statements_table, to_csv_bytes, to_json_bytes

BIND = "query-params"
MAX_DETAILS = 5


def sidebar_filters(df: pd.DataFrame) -> tuple[Filters, str]:
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
        stances = st.multiselect("Stance", list(schema.STANCES), key="stances", bind=BIND)
        text = st.text_input("Search", key="q", placeholder='words or "a phrase"', bind=BIND)
        include_undated = st.toggle(
            "Include undated / imprecise",
            value=True,
            key="undated",
            help="Off: only statements dated to the day or week, within the date range.",
            bind=BIND,
        )
        lane = st.radio("Lanes", LANES, key="lane", horizontal=True, bind=BIND) or "topic"
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
    return filters, lane


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


def show_detail(row: pd.Series, article_text: str, outlet_of: dict[str, str]) -> None:
    """Show one statement in its paragraph with who said it, where, and how it was dated."""
    esc = detail.escape_markdown
    speaker = row["speaker"] if pd.notna(row["speaker"]) else row.get("speaker_raw")
    speaker = str(speaker) if speaker is not None and pd.notna(speaker) else "Unknown speaker"
    role = row.get("speaker_role")
    with st.container(border=True):
        heading = f"**{esc(speaker)}**" + (f" — {esc(str(role))}" if role is not None and pd.notna(role) else "")
        st.markdown(f"{heading} · side: {esc(str(row['side']))}")
        st.markdown(detail.highlighted_paragraph(article_text, str(row["text"]), row["char_start"], row["char_end"]))
        when = describe_date(row["said_on"], row["said_earliest"], row["said_latest"], row["said_precision"])
        st.markdown(f"**Date:** {esc(when)} — {esc(detail.date_evidence(row))}")
        outlet = row.get("outlet") if pd.notna(row.get("outlet")) else "unknown outlet"
        title = row.get("title") if pd.notna(row.get("title")) else ""
        st.markdown(f"**Outlet:** {esc(str(outlet))}" + (f" — {esc(str(title))}" if title else ""))
        reported = detail.reported_by(row, outlet_of)
        if reported:
            st.caption(esc(reported))
        url = detail.safe_url(row.get("url"))
        if url:
            st.link_button("Open the article", url, key=f"open_{row['statement_id']}")


def show_details(filtered: pd.DataFrame, ids: list[str], store: Store) -> None:
    """Render detail panels for the selected statements (a few at most)."""
    rows = filtered[filtered["statement_id"].astype(str).isin(ids)]
    if rows.empty:
        st.caption("Click a point on the chart, or a row in the table, to read the statement in context.")
        return
    texts = store.articles.set_index("article_id")["text"]
    outlet_of = store.articles.dropna(subset=["outlet"]).set_index("article_id")["outlet"].astype(str).to_dict()
    if len(rows) > MAX_DETAILS:
        st.caption(f"{len(rows)} statements selected; showing the first {MAX_DETAILS}.")
    for _, row in rows.head(MAX_DETAILS).iterrows():
        text = texts.get(row["article_id"], "")
        show_detail(row, "" if text is None or pd.isna(text) else str(text), outlet_of)


def figure_html(fig: go.Figure) -> bytes:
    """Export the chart as a standalone offline HTML page for slides."""
    return fig.to_html(include_plotlyjs=True, full_html=True).encode("utf-8")


def main() -> None:
    """Lay out the timeline page from the current store."""
    store = current_store()
    st.title("Negotiation timeline")
    if store.is_empty or store.statements.empty:
        st.info(empty_store_message(store.path))
        if store.problems:
            st.caption("; ".join(store.problems))
        return
    df = join_statements(store)
    filters, lane = sidebar_filters(df)
    filtered = apply_filters(df, filters)
    undated = int(is_undated(filtered).sum())
    note = f" · {undated} undated, listed in the table but not on the chart" if undated else ""
    st.caption(count_line(len(filtered), len(df)) + note)
    if filtered.empty:
        st.warning("No statements match these filters. Clear the search, remove a filter or widen the date range.")
        return
    fig = timeline_figure(filtered, lane)
    event = st.plotly_chart(fig, key="timeline", on_select="rerun", selection_mode=("points", "box", "lasso"))
    detail_slot = st.container()
    table = statements_table(filtered)
    table_event = st.dataframe(
        table,
        key="table",
        hide_index=True,
        on_select="rerun",
        selection_mode="single-row",
        column_config={
            "url": st.column_config.LinkColumn("url"),
            "sentence": st.column_config.TextColumn("sentence", width="large"),
        },
    )
    ids = statement_ids_from_selection(fig, selection_points(event))
    ids += [table.loc[i, "statement_id"] for i in table_selection(table_event) if i < len(table)]
    with detail_slot:
        show_details(filtered, ids, store)
    cols = st.columns(3)
    cols[0].download_button("Download CSV", to_csv_bytes(table), "statements.csv", "text/csv", key="dl_csv")
    cols[1].download_button("Download JSON", to_json_bytes(table), "statements.json", "application/json", key="dl_json")

    def html_page() -> bytes:
        """Build the standalone chart only when the button is clicked."""
        return figure_html(fig)

    cols[2].download_button("Download chart (HTML)", html_page, "timeline.html", "text/html", key="dl_html")


main()
