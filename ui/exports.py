"""The export row under the timeline: citable tables, the chart as HTML or PNG, a TimelineJS feed."""

from __future__ import annotations

import hashlib

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from views.exports import TIMELINEJS_URL, ExportError, figure_html, figure_png, timelinejs_json
from views.tables import to_csv_bytes, to_json_bytes

PNG_STATE = "png_export"


def view_fingerprint(*parts: object) -> str:
    """Identify the current view so a PNG prepared for other filters is never offered."""
    return hashlib.sha1(repr(parts).encode()).hexdigest()[:16]


def prepare_png(fig: go.Figure, fingerprint: str) -> None:
    """Render the PNG once, on request, and keep it (or the reason it failed) for this view."""
    try:
        st.session_state[PNG_STATE] = (fingerprint, figure_png(fig), None)
    except ExportError as exc:
        st.session_state[PNG_STATE] = (fingerprint, None, str(exc))


def show_exports(table: pd.DataFrame, filtered: pd.DataFrame, fig: go.Figure, title: str, fingerprint: str) -> None:
    """Draw the download buttons; heavy files are built only when asked for."""
    st.subheader("Export")
    cols = st.columns(3)
    cols[0].download_button("Download CSV", to_csv_bytes(table), "statements.csv", "text/csv", key="dl_csv")
    cols[1].download_button("Download JSON", to_json_bytes(table), "statements.json", "application/json", key="dl_json")

    def timeline_feed() -> bytes:
        """Build the TimelineJS file only when the button is clicked."""
        return timelinejs_json(filtered, title, f"{len(filtered)} statements")

    cols[2].download_button(
        "Download TimelineJS JSON",
        timeline_feed,
        "timelinejs.json",
        "application/json",
        key="dl_timelinejs",
        help=f"Load it in TimelineJS ({TIMELINEJS_URL}); undated statements are left out.",
    )

    def html_page() -> bytes:
        """Build the standalone chart only when the button is clicked."""
        return figure_html(fig)

    cols = st.columns(3)
    cols[0].download_button("Download chart (HTML)", html_page, "timeline.html", "text/html", key="dl_html")
    if cols[1].button("Prepare PNG", key="prep_png", help="Renders the chart with Chromium; takes a few seconds."):
        with st.spinner("Rendering the chart…"):
            prepare_png(fig, fingerprint)
    prepared = st.session_state.get(PNG_STATE)
    if prepared and prepared[0] == fingerprint:
        _, png, error = prepared
        if png:
            cols[2].download_button("Download chart (PNG)", png, "timeline.png", "image/png", key="dl_png")
        else:
            st.error(error)
