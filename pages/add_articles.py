"""Add articles page: upload files into the store's corpus folder (only under data/), then rebuild the store on request."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from dashboard import current_store
from pipeline import settings
from views.detail import escape_markdown
from views.overrides import build_command
from views.store_reader import Store, empty_store_message
from views.tables import rejects_table
from views.uploads import (
    UPLOAD_TYPES,
    BuildOutcome,
    UploadError,
    UploadResult,
    build_argv,
    format_size,
    rejects_for,
    result_table,
    run_build,
    save_uploads,
    upload_folder,
)

SAVED_IDS = "_uploads_saved_ids"  # uploader file ids already written, so a second click never duplicates them
PENDING = "_uploads_pending"  # names written since the last build
LAST_RESULT = "_uploads_result"
LAST_BUILD = "_uploads_build"  # (BuildOutcome, names it was run for)


def show_store_rejects(store: Store) -> None:
    """What the last build could not use, so a reader sees why an earlier upload is missing."""
    st.subheader("Inputs the last build could not use")
    st.dataframe(rejects_table(store.rejects), key="store_rejects", hide_index=True)


def save_new_files(files: list, folder: Path) -> None:
    """Write the files not yet saved in this session and remember what happened."""
    done: set[str] = st.session_state.setdefault(SAVED_IDS, set())
    fresh = [f for f in files if f.file_id not in done]
    if not fresh:
        st.session_state[LAST_RESULT] = UploadResult()
        return
    result = save_uploads([(f.name, f.getvalue()) for f in fresh], folder)
    done.update(f.file_id for f in fresh)
    st.session_state[PENDING] = [*st.session_state.get(PENDING, []), *(s.name for s in result.saved)]
    st.session_state[LAST_RESULT] = result


def show_result(result: UploadResult, folder: Path) -> None:
    """Say which files were written under which name, and which were refused and why."""
    if not result.saved and not result.rejected:
        st.warning("These files were already added; upload others or build the store.")
        return
    if result.saved:
        st.success(f"Added {len(result.saved)} file(s) to {escape_markdown(str(folder))}.")
    if result.rejected:
        st.warning(f"{len(result.rejected)} file(s) were not added:")
    st.dataframe(result_table(result), key="upload_result", hide_index=True)


def build_now(store: Store, folder: Path) -> None:
    """Rebuild the store in a subprocess from the corpus, drop the app's cached store and redraw the page."""
    names = list(st.session_state.get(PENDING, []))
    with st.spinner("Building the store from the corpus… this can take a few minutes."):
        outcome = run_build(build_argv(store.manifest, folder, store.path))
    st.cache_data.clear()
    st.session_state[LAST_BUILD] = (outcome, names)
    if outcome.ok:
        st.session_state[PENDING] = []
    st.rerun()  # draw the page again from the rebuilt store, without the spent button


def show_build(outcome: BuildOutcome, names: list[str]) -> None:
    """The build summary and the rejects that concern the uploaded files."""
    if not outcome.ok:
        st.error(f"The build failed (exit code {outcome.returncode}); the store was left as it was.")
        st.code(outcome.output or "(no output)", language="text")
        return
    st.success("The store was rebuilt; the other pages now show the new statements.")
    st.code(outcome.output or "(no output)", language="text")
    rejected = rejects_for(current_store().rejects, names)
    if len(rejected):
        st.warning(f"{len(rejected)} of the uploaded inputs could not be used:")
        st.dataframe(rejected, key="upload_rejects", hide_index=True)
    elif names:
        st.caption(f"All {len(names)} uploaded file(s) were read.")


def main() -> None:
    """Lay out the upload form, the build button and their results."""
    store = current_store()
    st.title("Add articles")
    if not store.manifest:
        st.info(empty_store_message(store.path))
        return
    try:
        folder = upload_folder(store.manifest)
    except UploadError as exc:
        st.warning(str(exc))
        st.code(build_command(store.manifest, store.path), language="bash")
        show_store_rejects(store)
        return
    st.caption(
        f"Files are added to the corpus {escape_markdown(str(folder))} under safe new names (never replacing a file); "
        f"at most {format_size(settings.MAX_FILE_BYTES)} each and {format_size(settings.MAX_UPLOAD_TOTAL_BYTES)} in all. "
        "The store changes only when you click Build now."
    )
    files = st.file_uploader("Articles", accept_multiple_files=True, type=UPLOAD_TYPES, key="upload_files") or []
    if st.button("Add to the corpus", key="save_uploads", type="primary", disabled=not files):
        save_new_files(list(files), folder)
    if LAST_RESULT in st.session_state:
        show_result(st.session_state[LAST_RESULT], folder)
    pending = st.session_state.get(PENDING, [])
    if pending:
        st.subheader("Build")
        st.caption(f"{len(pending)} new file(s) wait for a build: {escape_markdown(', '.join(pending))}")
        if st.button("Build now", key="build_now", type="primary"):
            build_now(store, folder)
    if LAST_BUILD in st.session_state:
        show_build(*st.session_state[LAST_BUILD])
    show_store_rejects(current_store() if LAST_BUILD in st.session_state else store)


main()
