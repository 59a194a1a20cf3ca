"""Unit tests of the timeline's additions: key events on the figure, presenter helpers, exports."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import pytest

from pipeline import schema
from tests.store_factory import EVENTS, write_sample_store
from views import exports
from views.events import (
    CURRENT_COLOR,
    add_event_markers,
    label_anchor,
    label_levels,
    neighbour,
    short_label,
    visible_events,
    window_around,
)
from views.figures import RANGE_SLIDER, timeline_figure
from views.filters import Filters, apply_filters
from views.presenter import style_for_presenting, title_line, window_statements, zoom_to
from views.store_reader import join_statements, load_store

D = dt.date


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_sample_store(tmp_path_factory.mktemp("store") / "sample")


@pytest.fixture(scope="module")
def events(store_dir: Path) -> pd.DataFrame:
    return load_store(store_dir).events


@pytest.fixture(scope="module")
def joined(store_dir: Path) -> pd.DataFrame:
    return join_statements(load_store(store_dir))


def event_annotations(fig: go.Figure, prefix: str = "event:") -> dict[str, dict]:
    return {
        a["name"].split(":", 1)[1]: a
        for a in fig.to_dict()["layout"].get("annotations", [])
        if a.get("name", "").startswith(prefix)
    }


# --- store ---------------------------------------------------------------------------------


def test_events_are_read_with_dates_and_are_optional(store_dir: Path, tmp_path: Path) -> None:
    events = load_store(store_dir).events
    assert list(events.columns) == list(schema.EVENT_COLUMNS)
    assert list(events["event_id"]) == [e[0] for e in sorted(EVENTS, key=lambda e: e[1])]
    assert pd.api.types.is_datetime64_any_dtype(events["date"])
    without = load_store(write_sample_store(tmp_path / "no-events", events=False))
    assert without.events.empty and list(without.events.columns) == list(schema.EVENT_COLUMNS)
    assert without.problems == ()  # an absent events table is not a problem


# --- events on the figure ------------------------------------------------------------------


def test_visible_events_by_date_range_and_topic(events: pd.DataFrame) -> None:
    in_range = visible_events(events, D(2025, 1, 1), D(2025, 5, 31))
    assert list(in_range["event_id"]) == ["first_round", "swap", "summit", "deadline"]
    # A two-day event overlapping the range's first day is kept.
    assert list(visible_events(events, D(2025, 3, 28), D(2025, 4, 1))["event_id"]) == ["summit"]
    by_topic = visible_events(events, None, None, ("ceasefire",))
    assert list(by_topic["event_id"]) == ["first_round", "deadline"]  # the general event stays
    assert visible_events(events.iloc[0:0], None, None).empty


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Short title", "Short title"),
        ("Two-day summit on security guarantees", "Two-day summit on…"),
        ("Supercalifragilisticexpialidocious-agreement", "Supercalifragilistice…"),
    ],
    ids=["short", "word-boundary", "one-long-word"],
)
def test_short_label(title: str, expected: str) -> None:
    assert short_label(title) == expected
    assert len(short_label(title)) <= 23


def test_labels_that_would_overlap_get_other_rows_or_none() -> None:
    dates = pd.Series(pd.to_datetime(["2025-01-01", "2025-01-02", "2025-01-03", "2025-01-04", "2025-06-01"]))
    labels = ["A long label here"] * 5
    levels = label_levels(dates, labels, (pd.Timestamp("2025-01-01"), pd.Timestamp("2025-06-30")), plot_px=600)
    assert levels == [0, 1, 2, None, 0]


def test_labels_at_the_edges_grow_inwards(events: pd.DataFrame) -> None:
    assert [label_anchor(f) for f in (0.0, 0.05, 0.5, 0.95, 1.0)] == ["left", "left", "center", "right", "right"]
    window = (pd.Timestamp("2025-01-19"), pd.Timestamp("2025-04-30"))
    fig = add_event_markers(go.Figure(), visible_events(events, D(2025, 1, 19), D(2025, 4, 30)), x_range=window)
    anchors = {name: a["xanchor"] for name, a in event_annotations(fig).items()}
    assert anchors["first_round"] == "left" and anchors["deadline"] == "right" and anchors["summit"] == "center"


def test_event_markers_drawn_with_hover_and_escaped(joined: pd.DataFrame, events: pd.DataFrame) -> None:
    shown = visible_events(events, D(2025, 1, 1), D(2025, 5, 31))
    fig = add_event_markers(timeline_figure(joined), shown, statements=joined)
    layout = fig.to_dict()["layout"]
    marks = event_annotations(fig, "event-mark:")
    assert set(marks) == set(shown["event_id"])  # every event has a hoverable mark, labelled or not
    summit = marks["summit"]
    assert "&lt;b&gt;security&lt;/b&gt; guarantees &amp; troops" in summit["hovertext"]
    assert "27 Mar 2025 – 28 Mar 2025" in summit["hovertext"]
    labels = event_annotations(fig)
    assert labels and all(len(a["text"]) <= 30 for a in labels.values())
    assert "<b>" not in "".join(a["text"] for a in labels.values())
    lines = [s for s in layout["shapes"] if s["type"] == "line"]
    bands = [s for s in layout["shapes"] if s["type"] == "rect"]
    assert len(lines) == len(shown) and len(bands) == 1  # the two-day summit is a band
    assert "old_accord" not in marks


def test_current_event_is_highlighted(joined: pd.DataFrame, events: pd.DataFrame) -> None:
    fig = add_event_markers(timeline_figure(joined), events, current="swap")
    label = event_annotations(fig)["swap"]
    assert label["font"]["color"] == CURRENT_COLOR and label["text"] == "Exchange of two hundred detainees"
    solid = [s for s in fig.to_dict()["layout"]["shapes"] if s["type"] == "line" and s["line"]["dash"] == "solid"]
    assert len(solid) == 1


def test_no_events_leave_the_figure_alone(joined: pd.DataFrame, events: pd.DataFrame) -> None:
    fig = timeline_figure(joined)
    before = fig.to_json()
    assert add_event_markers(fig, events.iloc[0:0]).to_json() == before


def test_timeline_has_a_range_slider(joined: pd.DataFrame) -> None:
    xaxis = timeline_figure(joined).to_dict()["layout"]["xaxis"]
    assert xaxis["rangeslider"]["visible"] is True and xaxis["rangeslider"] == RANGE_SLIDER
    # Lane names make their own room, also in exported PNG/HTML where no Streamlit theme does it.
    assert timeline_figure(joined).to_dict()["layout"]["yaxis"]["automargin"] is True


# --- presenter -----------------------------------------------------------------------------


def test_window_and_stepping(events: pd.DataFrame) -> None:
    summit = events.set_index("event_id").loc["summit"]
    lo, hi = window_around(summit)
    assert (lo, hi) == (pd.Timestamp("2025-02-25"), pd.Timestamp("2025-04-27"))
    ids = list(events["event_id"])
    assert neighbour(ids, "swap", 1) == "summit" and neighbour(ids, "swap", -1) == "first_round"
    assert neighbour(ids, ids[-1], 1) == ids[-1] and neighbour(ids, ids[0], -1) == ids[0]
    assert neighbour(ids, None, 1) == ids[0] and neighbour([], None, 1) is None


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(), "Who said what"),
        (Filters(sides=("russia", "ukraine"), topics=("ceasefire",)), "Russia vs Ukraine on Ceasefire"),
        (
            Filters(speakers=("Anton Belov",), stances=("opposes",), text="troops", start=D(2025, 1, 1), end=D(2025, 3, 31)),
            "Anton Belov · opposes · “troops” · 1 Jan 2025 – 31 Mar 2025",
        ),
        (Filters(topics=tuple("abcdef")), "a, b, c, d and 2 more"),
    ],
    ids=["nothing", "sides-topic", "speaker-stance-text-dates", "many-topics"],
)
def test_title_line(filters: Filters, expected: str) -> None:
    assert title_line(filters, {"ceasefire": "Ceasefire"}) == expected


def test_presenter_styling_and_zoom(joined: pd.DataFrame, events: pd.DataFrame) -> None:
    window = window_around(events.set_index("event_id").loc["swap"])
    fig = zoom_to(style_for_presenting(timeline_figure(joined), height=700), window)
    layout = fig.to_dict()["layout"]
    assert layout["height"] == 700 and layout["font"]["size"] >= 18
    assert [pd.Timestamp(x) for x in layout["xaxis"]["range"]] == list(window)
    table = window_statements(joined, window)
    assert len(table) > 0 and table["date"].is_monotonic_increasing
    inside = apply_filters(joined, Filters(start=window[0].date(), end=window[1].date(), include_undated=False))
    assert set(inside["statement_id"]) <= set(table["statement_id"])


# --- exports -------------------------------------------------------------------------------


def test_html_export_is_offline(joined: pd.DataFrame) -> None:
    page = exports.figure_html(timeline_figure(joined)).decode()
    assert "<html" in page and len(page) > 1_000_000  # plotly.js inlined
    assert not re.search(r"<script[^>]*\bsrc=", page)  # nothing fetched from a CDN


def test_timelinejs_document(joined: pd.DataFrame) -> None:
    doc = json.loads(exports.timelinejs_json(joined, "Talks <2025>", "30 statements"))
    assert doc["title"]["text"]["headline"] == "Talks &lt;2025&gt;"
    events = doc["events"]
    dated = joined[joined["said_earliest"].notna() | joined["said_on"].notna()]
    assert len(events) == len(dated) == 22 and len({e["unique_id"] for e in events}) == 22
    by_id = {e["unique_id"]: e for e in events}
    trap = by_id["s00"]  # markdown-ish sentence with a $ and brackets, from Harbour Gazette
    assert trap["text"]["headline"] == "Anton Belov" and trap["group"] == "Ceasefire"
    assert trap["start_date"] == {"year": "2025", "month": "1", "day": "14"}
    assert trap["text"]["text"].startswith("<p>Belov said the *final* offer")
    assert '<a href="https://example.org/0">source</a>' in trap["text"]["text"]
    month = by_id["s01"]  # dated only to the month: no day
    assert month["start_date"] == {"year": "2025", "month": "2"}


def test_timelinejs_escapes_html_and_drops_unsafe_links(joined: pd.DataFrame) -> None:
    row = joined[joined["said_on"].notna()].head(1)
    row = row.assign(text="<img src=x onerror=alert(1)>", url="javascript:alert(1)", speaker="<b>Bob</b>")
    event = exports.timelinejs_events(row)[0]
    assert "<img" not in event["text"]["text"] and "&lt;img" in event["text"]["text"]
    assert "javascript" not in event["text"]["text"] and event["text"]["headline"] == "&lt;b&gt;Bob&lt;/b&gt;"
    assert exports.timelinejs_events(joined.iloc[0:0]) == []


def test_png_export_errors_are_explained(joined: pd.DataFrame, monkeypatch: pytest.MonkeyPatch) -> None:
    fig = timeline_figure(joined)

    def broken(*args, **kwargs):
        raise RuntimeError("no chromium here")

    monkeypatch.setattr(go.Figure, "to_image", broken)
    with pytest.raises(exports.ExportError, match="Chromium"):
        exports.figure_png(fig)


@pytest.mark.slow
def test_png_export_renders_with_local_chromium(joined: pd.DataFrame) -> None:
    if not Path("/usr/bin/chromium").exists():
        pytest.skip("Debian chromium not installed")
    png = exports.figure_png(timeline_figure(joined), width=800)
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 10_000
