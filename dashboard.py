"""Entry point of the timeline app: route to the pages, and give them one cached store loader."""

from __future__ import annotations

import streamlit as st

from views.store_reader import Store, load_store, resolve_store_path, store_fingerprint


@st.cache_data(show_spinner="Loading the store…", max_entries=4)
def load_cached(path: str, fingerprint: str) -> Store:
    """Read the store once per build; the fingerprint changes when the store is rebuilt."""
    del fingerprint  # only part of the cache key
    return load_store(path)


def current_store() -> Store:
    """Return the store named by TIMELINE_STORE, from the cache unless its files changed."""
    path = resolve_store_path()
    return load_cached(str(path), store_fingerprint(path))


def main() -> None:
    """Configure the page and run the selected one."""
    st.set_page_config(page_title="Negotiation timeline", layout="wide")
    pages = [
        st.Page("pages/timeline.py", title="Timeline", default=True),
        st.Page("pages/sources.py", title="Sources"),
    ]
    st.navigation(pages).run()


# Pages import current_store from here; only a `streamlit run` executes the app itself.
if __name__ == "__main__":
    main()
