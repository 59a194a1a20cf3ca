"""Topics page: what each topic holds and when it was discussed; rename or merge topics for the next build."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from pipeline import schema
from ui.store_page import store_with_statements
from views.detail import escape_markdown
from views.filters import topic_options
from views.overrides import OverrideError, append_rows, build_command, corpus_folder, read_rows, topic_override
from views.store_reader import Store
from views.topics import example_statements, monthly_counts, topic_month_figure, topics_table

BIND = "query-params"
ACTION_LABELS = {"rename": "Rename it", "merge": "Merge it into another topic"}


def show_examples(df: pd.DataFrame, labels: dict[str, str]) -> str | None:
    """Pick a topic (kept in the URL) and read the statements that fit it best."""
    st.subheader("Example statements")
    chosen = st.selectbox("Topic", list(labels), format_func=lambda t: labels.get(t, t), key="topic", bind=BIND)
    if chosen is None:
        return None
    examples = example_statements(df, chosen)
    esc = escape_markdown
    for row in examples.itertuples():
        st.markdown(
            f"- **{esc(row.date)}** · **{esc(row.speaker or 'Unknown speaker')}** ({esc(row.stance)}): "
            f"{esc(row.sentence)} — *{esc(row.outlet or 'unknown outlet')}*"
        )
    return chosen


def save_correction(store: Store, row: dict[str, str]) -> None:
    """Append the correction to the corpus's topic_overrides.csv and say how to apply it."""
    try:
        path = append_rows(corpus_folder(store.manifest) / schema.TOPIC_OVERRIDES_FILE, schema.TOPIC_OVERRIDE_COLUMNS, [row])
    except (OverrideError, OSError) as exc:
        st.error(f"Not saved: {exc}")
        return
    st.success(f"Saved to {escape_markdown(str(path))}. The next build applies it; rebuild the store with:")
    st.code(build_command(store.manifest, store.path), language="bash")


def show_editor(store: Store, topic_id: str, labels: dict[str, str]) -> None:
    """Rename the chosen topic or merge it into another; refused when the corpus folder is unknown."""
    st.subheader(f"Rename or merge “{escape_markdown(labels.get(topic_id, topic_id))}”")
    try:
        folder = corpus_folder(store.manifest)
    except OverrideError as exc:
        st.warning(str(exc))
        return
    action = st.radio("Action", list(ACTION_LABELS), format_func=ACTION_LABELS.get, key="topic_action", horizontal=True)
    if action == "rename":
        value = st.text_input("New label", key="new_label", max_chars=120)
    else:
        others = [t for t in labels if t != topic_id]
        value = st.selectbox("Merge into", others, format_func=lambda t: labels.get(t, t), key="merge_into") or ""
    if st.button("Save correction", key="save_topic_override", type="primary"):
        try:
            row = topic_override(topic_id, str(action), value, set(labels))
        except OverrideError as exc:
            st.error(str(exc))
        else:
            save_correction(store, row)
    saved = read_saved(folder)
    if len(saved):
        st.caption(
            f"Corrections saved in {escape_markdown(str(folder / schema.TOPIC_OVERRIDES_FILE))} (applied by the next build):"
        )
        st.dataframe(saved, key="saved_topic_overrides", hide_index=True)


def read_saved(folder: Path) -> pd.DataFrame:
    """The topic corrections already saved next to the corpus (an unreadable file shows as none)."""
    try:
        return read_rows(folder / schema.TOPIC_OVERRIDES_FILE, schema.TOPIC_OVERRIDE_COLUMNS)
    except (OverrideError, OSError, ValueError) as exc:
        st.warning(str(exc))
        return pd.DataFrame()


def main() -> None:
    """Lay out the topics page from the current store."""
    loaded = store_with_statements("Topics")
    if loaded is None:
        return
    store, df = loaded
    table = topics_table(store.topics, store.statements)
    st.caption(f"{len(table)} topics · seeded ones come from the reference topics, discovered ones from clustering")
    st.dataframe(table, key="topics_table", hide_index=True)
    st.subheader("Statements per month")
    st.plotly_chart(topic_month_figure(monthly_counts(df)), key="topic_months")
    labels = topic_options(df) | {
        str(t): str(label) for t, label in zip(store.topics["topic_id"], store.topics["label"], strict=True)
    }
    chosen = show_examples(df, labels)
    if chosen is not None:
        show_editor(store, chosen, labels)


main()
