"""Sources page: audit where statements come from, how each article was dated, and what was rejected."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from dashboard import current_store
from pipeline import schema
from views.detail import boilerplate_lines, escape_markdown
from views.figures import describe_date
from views.overrides import OverrideError, append_rows, build_command, corpus_folder, date_override
from views.store_reader import Store, empty_store_message
from views.tables import article_label, articles_table, rejects_table, statements_table

BIND = "query-params"
FIX_FOR = "_fix_for"  # the article the date-correction widgets were filled for
EARLIEST, LATEST = dt.date(1990, 1, 1), dt.date(2100, 12, 31)


def describe_published(row: pd.Series) -> str:
    """The article's current publication date claim with its method and evidence."""
    when = describe_date(row["published"], row["published_earliest"], row["published_latest"], row["published_precision"])
    evidence = row.get("published_evidence")
    method = row.get("published_method")
    return f"{when}, by {method}" + (f": {evidence}" if evidence is not None and pd.notna(evidence) else "")


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
    show_boilerplate(row.get("boilerplate"))
    own = store.statements[store.statements["article_id"].astype(str) == chosen]
    st.caption(f"{len(own)} statements from this article")
    if len(own):
        joined = own.assign(outlet=row.get("outlet"), title=row.get("title"), url=row.get("url"))
        columns = ["date", "speaker", "side", "topic", "stance", "sentence", "precision", "dated_by"]
        st.dataframe(statements_table(joined)[columns], key="article_statements", hide_index=True)
    show_date_fix(store, row)


def show_boilerplate(boilerplate: object) -> None:
    """Show the lines cleaning removed (struck through), so a reader can check nothing real was dropped."""
    lines = boilerplate_lines(boilerplate)
    if not lines:
        return
    st.caption(f"{len(lines)} line(s) removed as boilerplate:")
    st.markdown("\n".join(f"- ~~{escape_markdown(line)}~~" for line in lines))


def show_date_fix(store: Store, row: pd.Series) -> None:
    """Let the reader correct the article's publication date; saved next to the corpus for the next build."""
    st.subheader("Correct the publication date")
    try:
        folder = corpus_folder(store.manifest)
    except OverrideError as exc:
        st.warning(str(exc))
        return
    source = str(row["source_path"])
    if st.session_state.get(FIX_FOR) != source:  # another article: start from its current date
        published = row.get("published")
        st.session_state[FIX_FOR] = source
        st.session_state["fix_date"] = None if pd.isna(published) else pd.Timestamp(published).date()
        st.session_state["fix_note"] = ""
    st.caption(f"Now: {escape_markdown(describe_published(row))}")
    left, right = st.columns([1, 3])
    day = left.date_input("Published on", key="fix_date", min_value=EARLIEST, max_value=LATEST)
    note = right.text_input("Note (your evidence)", key="fix_note", max_chars=200)
    if st.button("Save date correction", key="save_date_override", type="primary"):
        try:
            fix = date_override(source, day, note)
            path = append_rows(folder / schema.DATE_OVERRIDES_FILE, schema.DATE_OVERRIDE_COLUMNS, [fix])
        except (OverrideError, OSError) as exc:
            st.error(f"Not saved: {exc}")
        else:
            st.success(f"Saved to {escape_markdown(str(path))}. The next build applies it; rebuild the store with:")
            st.code(build_command(store.manifest, store.path), language="bash")


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
