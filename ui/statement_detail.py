"""Show a statement in its article's paragraph, with who, where and how it was dated; shared by pages."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from views import detail
from views.figures import describe_date
from views.store_reader import Store

MAX_DETAILS = 5
HINT = "Click a point on the chart, or a row in the table, to read the statement in context."


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


def show_details(statements: pd.DataFrame, ids: list[str], store: Store) -> None:
    """Render detail panels for the selected statements (a few at most), in the order given."""
    by_id = statements.assign(_sid=statements["statement_id"].astype(str)).drop_duplicates("_sid").set_index("_sid")
    wanted = [sid for sid in dict.fromkeys(ids) if sid in by_id.index]
    if not wanted:
        st.caption(HINT)
        return
    texts = store.articles.set_index("article_id")["text"]
    outlet_of = store.articles.dropna(subset=["outlet"]).set_index("article_id")["outlet"].astype(str).to_dict()
    if len(wanted) > MAX_DETAILS:
        st.caption(f"{len(wanted)} statements selected; showing the first {MAX_DETAILS}.")
    for sid in wanted[:MAX_DETAILS]:
        row = by_id.loc[sid]
        text = texts.get(row["article_id"], "")
        show_detail(row, "" if text is None or pd.isna(text) else str(text), outlet_of)
