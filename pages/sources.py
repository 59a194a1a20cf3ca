"""Sources page: audit where statements come from, how each article was dated, and what was rejected."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import current_store
from views.store_reader import Store, empty_store_message
from views.tables import article_label, articles_table, rejects_table, statements_table

BIND = "query-params"


def show_articles(store: Store) -> None:
    """List articles with their dating evidence, optionally only the poorly dated ones."""
    st.subheader("Articles")
    low_only = st.toggle("Only undated / low precision (month or worse)", key="low_precision", bind=BIND)
    table = articles_table(store.articles, store.statements, low_precision_only=low_only)
    st.caption(f"{len(table)} of {len(store.articles)} articles")
    st.dataframe(
        table,
        key="articles_table",
        hide_index=True,
        column_config={"evidence": st.column_config.TextColumn("evidence", width="large")},
    )


def show_reader(store: Store) -> None:
    """Let the reader open one article's plain text with the statements taken from it."""
    st.subheader("Read an article")
    articles = store.articles.sort_values("published", na_position="last")
    labels = {str(row["article_id"]): article_label(row) for _, row in articles.iterrows()}

    def label_of(article_id: str) -> str:
        """Show the picker's option as date, outlet and title."""
        return labels.get(article_id, article_id)

    chosen = st.selectbox("Article", list(labels), format_func=label_of, key="article", bind=BIND)
    if chosen is None:
        return
    row = articles[articles["article_id"].astype(str) == chosen].iloc[0]
    meta = [f"source: {row['source_path']}"]
    if pd.notna(row.get("url")):
        meta.append(f"url: {row['url']}")
    if pd.notna(row.get("duplicate_of")):
        meta.append(f"duplicate of {row['duplicate_of']}")
    st.text(" · ".join(meta))
    with st.container(height=360, border=True):
        st.text(str(row["text"]) if pd.notna(row["text"]) else "")
    own = store.statements[store.statements["article_id"].astype(str) == chosen]
    st.caption(f"{len(own)} statements from this article")
    if len(own):
        joined = own.assign(outlet=row.get("outlet"), title=row.get("title"), url=row.get("url"))
        columns = ["date", "speaker", "side", "topic", "stance", "sentence", "precision", "dated_by"]
        st.dataframe(statements_table(joined)[columns], key="article_statements", hide_index=True)


def show_rejects(store: Store) -> None:
    """List the inputs the pipeline could not use, with the reason for each."""
    st.subheader("Rejected inputs")
    if store.rejects.empty:
        st.caption("No inputs were rejected.")
        return
    st.dataframe(rejects_table(store.rejects), key="rejects_table", hide_index=True)


def show_manifest(store: Store) -> None:
    """Show when and from what the store was built."""
    with st.expander("Build manifest"):
        st.caption(f"Store: {store.path}")
        st.json(store.manifest or {}, expanded=False)


def main() -> None:
    """Lay out the sources page from the current store."""
    store = current_store()
    st.title("Sources")
    if store.is_empty:
        st.info(empty_store_message(store.path))
        return
    show_articles(store)
    show_reader(store)
    show_rejects(store)
    show_manifest(store)


main()
