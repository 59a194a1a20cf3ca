"""The opening every statement page shares: the store, a title, or a message when it is empty."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import current_store
from views.store_reader import Store, empty_store_message, join_statements


def store_with_statements(title: str) -> tuple[Store, pd.DataFrame] | None:
    """The current store and its joined statements under a page title, or None (after saying
    why) when there are no statements to show."""
    store = current_store()
    st.title(title)
    if store.is_empty or store.statements.empty:
        st.info(empty_store_message(store.path))
        return None
    return store, join_statements(store)
