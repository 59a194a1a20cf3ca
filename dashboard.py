"""Entry point of the timeline app: route to the pages, and give them one cached store loader."""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from views.store_reader import Store, load_store, resolve_store_path, store_fingerprint


@st.cache_data(show_spinner="Loading the store…", max_entries=4)
def load_cached(path: str, fingerprint: str) -> Store:
    """Read the store once per build; the fingerprint changes when the store is rebuilt."""
    del fingerprint  # only part of the cache key
    return load_store(path)


def leave_pages_folder_mode() -> None:
    """Open the page through this file's navigation when Streamlit ran the page file on its own.

    On a freshly started server (and in every AppTest run), a link such as /compare runs
    pages/compare.py in the legacy pages/ folder mode: file-name navigation, no wide layout.
    Running main() here registers the real navigation (which turns that mode off) and runs the
    requested page inside this same script run, so widget values and button clicks survive;
    st.stop() then ends the outer, legacy run of the page.
    """
    if PagesManager.uses_pages_directory:
        main()
        st.stop()


def current_store() -> Store:
    """Return the store named by TIMELINE_STORE, from the cache unless its files changed."""
    leave_pages_folder_mode()
    path = resolve_store_path()
    return load_cached(str(path), store_fingerprint(path))


def main() -> None:
    """Configure the page and run the selected one."""
    st.set_page_config(page_title="Negotiation timeline", layout="wide")
    pages = [
        st.Page("pages/timeline.py", title="Timeline", default=True),
        st.Page("pages/compare.py", title="Compare"),
        st.Page("pages/topics.py", title="Topics"),
        st.Page("pages/sources.py", title="Sources"),
        st.Page("pages/add_articles.py", title="Add articles"),
    ]
    st.navigation(pages).run()


# Pages import current_store from here; only a `streamlit run` executes the app itself.
if __name__ == "__main__":
    main()
