"""Turn the current view into files people take elsewhere: an offline chart page, a PNG, a TimelineJS feed."""

from __future__ import annotations

import html
import json

import pandas as pd
import plotly.graph_objects as go

from views.detail import safe_url
from views.filters import date_interval, sort_by_date

PNG_WIDTH = 1600
PNG_SCALE = 1
TIMELINEJS_URL = "https://timeline.knightlab.com"
# Which parts of a date TimelineJS may show, by how precisely we know it.
DATE_PARTS = {"day": 3, "week": 3, "month": 2, "year": 1}


class ExportError(RuntimeError):
    """An export that cannot be built on this machine (e.g. no Chromium for kaleido)."""


def figure_html(fig: go.Figure) -> bytes:
    """Export the chart as a standalone page that works offline (plotly.js inlined, not from a CDN)."""
    return fig.to_html(include_plotlyjs=True, full_html=True).encode("utf-8")


def figure_png(fig: go.Figure, width: int = PNG_WIDTH, height: int | None = None) -> bytes:
    """Render the chart to PNG with kaleido (which drives the local Chromium), or say why it cannot."""
    height = height or int(fig.layout.height or 600)
    try:
        return fig.to_image(format="png", width=width, height=height, scale=PNG_SCALE)
    except Exception as exc:  # noqa: BLE001 - kaleido raises several kinds when Chromium is missing or crashes
        raise ExportError(
            f"Could not render the PNG ({type(exc).__name__}: {exc}). kaleido needs Chromium: "
            "install it with `apt-get install chromium`, or use the HTML export instead."
        ) from exc


def start_date(best: object, precision: object) -> dict[str, str] | None:
    """A TimelineJS date object carrying only the parts we actually know (year, month, day)."""
    if best is None or pd.isna(best):
        return None
    when = pd.Timestamp(best)
    parts = DATE_PARTS.get(str(precision), 3)
    out = {"year": str(when.year)}
    if parts >= 2:
        out["month"] = str(when.month)
    if parts >= 3:
        out["day"] = str(when.day)
    return out


def event_text(sentence: object, outlet: object, url: object) -> str:
    """The event body: the sentence, then the outlet and a link, escaped because TimelineJS renders HTML."""
    body = f"<p>{html.escape(str(sentence or ''))}</p>"
    cite = html.escape(str(outlet)) if outlet is not None and not pd.isna(outlet) else "unknown outlet"
    link = safe_url(url)
    if link:
        cite += f' · <a href="{html.escape(link, quote=True)}">source</a>'
    return body + f"<p><i>{cite}</i></p>"


def timelinejs_events(df: pd.DataFrame) -> list[dict]:
    """One TimelineJS event per dated statement (undated ones cannot be placed), in date order."""
    if df.empty:
        return []
    df = sort_by_date(df)
    lo, _ = date_interval(df)
    best = df["said_on"].fillna(lo)
    speakers = df["speaker"].fillna(df["speaker_raw"]).fillna("Unknown speaker")
    events = []
    for i, row in enumerate(df.itertuples(index=False)):
        when = start_date(best.iloc[i], row.said_precision)
        if when is None:
            continue
        events.append(
            {
                "start_date": when,
                "text": {"headline": html.escape(str(speakers.iloc[i])), "text": event_text(row.text, row.outlet, row.url)},
                "group": html.escape(str(row.topic_label)),
                "unique_id": str(row.statement_id),
            }
        )
    return events


def timelinejs_json(df: pd.DataFrame, title: str, subtitle: str = "") -> bytes:
    """A TimelineJS (timeline.knightlab.com) JSON file for the filtered statements."""
    document = {
        "title": {"text": {"headline": html.escape(title), "text": html.escape(subtitle)}},
        "events": timelinejs_events(df),
    }
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")
