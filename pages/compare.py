"""Compare page: two to four speakers or sides on chosen topics, side by side, and where their stance changed."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ui.store_page import store_with_statements
from views.compare import (
    MAX_PARTIES,
    PARTY_KINDS,
    changes_table,
    compare_frame,
    party_options,
    party_statements,
    stance_changes,
    stance_figure,
    stance_summary,
)
from views.detail import escape_markdown
from views.filters import topic_options

# Keys differ from the timeline's filters: a widget key is shared across pages in one session.
BIND = "query-params"
COLUMN_HEIGHT = 520
SCROLL_AFTER = 5  # statements per column before it scrolls


def pick(df: pd.DataFrame) -> tuple[str, list[str], list[str], bool]:
    """Draw the choices (each keyed and in the URL): speakers or sides, which ones, which topics."""
    left, middle, right = st.columns([1.5, 3, 3], vertical_alignment="bottom")
    by = left.segmented_control("Compare", PARTY_KINDS, default="side", key="by", bind=BIND) or "side"
    options = party_options(df, by)
    if by == "side":
        default = [s for s in ("russia", "ukraine") if s in options] or options[:2]
        label, key = "Sides", "compare_sides"
    else:
        default, label, key = options[:2], "Speakers", "compare_speakers"
    parties = middle.multiselect(label, options, default=default, max_selections=MAX_PARTIES, key=key, bind=BIND)
    topics = topic_options(df)
    busiest = df["topic_id"].value_counts().index.tolist()
    default_topics = [t for t in busiest if t in topics][:1]
    chosen = right.multiselect(
        "Topics", list(topics), default=default_topics, format_func=lambda t: topics.get(t, t), key="compare_topics", bind=BIND
    )
    skip_neutral = st.toggle("Leave out neutral statements", key="no_neutral", bind=BIND)
    return by, list(parties), list(chosen), skip_neutral


def show_columns(frame: pd.DataFrame, parties: list[str], several_topics: bool) -> None:
    """One scrolling column per party: its statements in date order (escaped), undated last."""
    esc = escape_markdown
    for column, party in zip(st.columns(len(parties)), parties, strict=True):
        rows = party_statements(frame, party)
        column.subheader(esc(party))
        column.caption(f"{len(rows)} statement" + ("" if len(rows) == 1 else "s"))
        box = column.container(height=COLUMN_HEIGHT if len(rows) > SCROLL_AFTER else "content", border=True)
        for row in rows.itertuples():
            topic = f" · {esc(row.topic)}" if several_topics else ""
            box.markdown(f"**{esc(row.date)}** · *{esc(row.outlet or 'unknown outlet')}* · {esc(row.stance)}{topic}")
            box.markdown(esc(row.sentence))


def main() -> None:
    """Lay out the compare page from the current store."""
    loaded = store_with_statements("Compare positions")
    if loaded is None:
        return
    store, df = loaded
    by, parties, topics, skip_neutral = pick(df)
    if len(parties) < 2 or not topics:
        st.info(f"Pick 2–{MAX_PARTIES} {by}s and at least one topic to compare their positions.")
        return
    frame = compare_frame(df, by, parties, topics)
    if skip_neutral:
        frame = frame[frame["stance"] != "neutral"].reset_index(drop=True)
    if frame.empty:
        st.warning("None of these parties spoke on these topics. Add a topic or choose other parties.")
        return
    show_columns(frame, parties, len(topics) > 1)
    st.subheader("Stance over time")
    st.caption(
        "opposes = −1, neutral = 0, conditional = 0.5, supports = 1; a ring marks a change of stance. "
        "Stances are read by a model (about half agree with a careful reader on real news): open a "
        "statement to check a shift before reporting it."
    )
    changes = stance_changes(frame)
    st.dataframe(stance_summary(frame, changes, parties), key="stance_summary", hide_index=True)
    st.plotly_chart(stance_figure(frame, changes, parties, by), key="stance_chart")
    st.subheader("Where a stance changed")
    if changes.empty:
        st.caption("No party changed its stance on these topics in the statements we have.")
        return
    table = changes_table(changes)
    st.dataframe(
        table,
        key="changes",
        hide_index=True,
        column_config={"sentence": st.column_config.TextColumn("sentence", width="large")},
    )


main()
