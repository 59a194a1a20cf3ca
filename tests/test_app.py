"""Drive the Streamlit app headlessly (AppTest) against a synthetic store: widgets by key, pages, messages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from tests.apptest import PAGES, ROOT, counted, figure, frame_with, run_app, shown_rows
from tests.store_factory import build_frames, stable_id


@pytest.fixture(scope="module")
def raw() -> pd.DataFrame:
    return build_frames()["statements"]


def test_timeline_renders_chart_table_and_count(sample_store: Path) -> None:
    at = run_app()
    spec = figure(at)
    points = [t for t in spec["data"] if t.get("mode") == "markers" and t.get("customdata")]
    assert sum(len(t["customdata"]) for t in points) == 22  # 30 statements, 8 undated
    assert shown_rows(at) == 30
    assert counted(at) == (30, 30)
    labels = [b.label for b in at.get("download_button")]
    assert {"Download CSV", "Download JSON"} <= set(labels)


def test_every_sidebar_widget_has_a_key(sample_store: Path) -> None:
    at = run_app()
    widgets = [*at.sidebar.multiselect, *at.sidebar.text_input, *at.sidebar.toggle, *at.sidebar.radio]
    widgets += list(at.sidebar.date_input)
    keys = {w.key for w in widgets}
    assert keys == {"dates", "topics", "speakers", "sides", "outlets", "stances", "q", "undated", "lane", "events"}


@pytest.mark.parametrize(
    ("kind", "key", "value", "column", "match"),
    [
        ("multiselect", "sides", ["russia"], "side", ["russia"]),
        ("multiselect", "speakers", ["Olena Marchuk"], "speaker", ["Olena Marchuk"]),
        ("multiselect", "topics", ["territory"], "topic_id", ["territory"]),
        ("multiselect", "stances", ["opposes"], "stance", ["opposes"]),
        ("text_input", "q", "PRISONER exchange", "topic_id", ["prisoners"]),
    ],
    ids=["side", "speaker", "topic", "stance", "search"],
)
def test_filters_change_rows_and_count(sample_store: Path, raw: pd.DataFrame, kind, key, value, column, match) -> None:
    at = run_app()
    getattr(at, kind)(key=key).set_value(value).run()
    assert not at.exception
    expected = int(raw[column].isin(match).sum())
    assert 0 < expected < 30
    assert shown_rows(at) == expected
    assert counted(at) == (expected, 30)


def test_date_range_and_undated_toggle(sample_store: Path, raw: pd.DataFrame) -> None:
    at = run_app()
    at.date_input(key="dates").set_value((dt.date(2025, 3, 1), dt.date(2025, 3, 31))).run()
    with_undated = shown_rows(at)
    assert with_undated < 30 and counted(at) == (with_undated, 30)
    at.toggle(key="undated").set_value(False).run()
    precise = shown_rows(at)
    assert 0 < precise < with_undated
    assert counted(at) == (precise, 30)
    table = at.dataframe(key="table").value
    assert set(table["precision"]) == {"day"} and table["date"].str.startswith("2025-03").all()


def test_lane_switch_changes_the_chart(sample_store: Path) -> None:
    at = run_app()
    topics = set(figure(at)["layout"]["yaxis"]["categoryarray"])
    at.radio(key="lane").set_value("side").run()
    sides = figure(at)["layout"]["yaxis"]["categoryarray"]
    assert topics == {"Ceasefire", "Territory", "Security guarantees", "Prisoner exchange"}
    assert sides[::-1] == ["russia", "ukraine", "usa", "europe", "other", "unknown"]


def test_query_params_reopen_the_same_view(sample_store: Path, raw: pd.DataFrame) -> None:
    at = run_app(sides=["russia", "usa"], q="ceasefire", lane="speaker")
    assert at.multiselect(key="sides").value == ["russia", "usa"]
    assert at.text_input(key="q").value == "ceasefire"
    assert at.radio(key="lane").value == "speaker"
    expected = raw[raw.side.isin(["russia", "usa"]) & raw.text.str.contains("ceasefire")]
    assert shown_rows(at) == len(expected) > 0


def test_no_match_shows_a_message(sample_store: Path) -> None:
    at = run_app()
    at.text_input(key="q").set_value("zzz no such words").run()
    assert not at.exception
    assert any("No statements match" in w.value for w in at.warning)
    assert counted(at) == (0, 30)
    assert shown_rows(at) == 0 and not at.get("plotly_chart")


def test_empty_store_explains_how_to_build_one(empty_store: Path) -> None:
    at = run_app()
    message = " ".join(i.value for i in at.info)
    assert "python -m pipeline build" in message and "TIMELINE_STORE" in message and "make run" in message
    assert not at.get("plotly_chart") and not at.dataframe


def test_selecting_a_point_shows_the_statement_in_context(sample_store: Path) -> None:
    at = run_app()
    at.session_state["timeline"] = {
        "selection": {"points": [{"customdata": ["s05"]}], "point_indices": [0], "box": [], "lasso": []}
    }
    at.run()
    assert not at.exception
    text = "\n".join(m.value for m in at.markdown)
    assert "**Anton Belov** — Kremlin spokesman" in text
    assert "**Kremlin aide Belov said no border can be redrawn by force" in text
    assert "Delegates met again on day 5\\." in text  # the paragraph around it, escaped
    assert "\\'yesterday\\' before article date" in text and "Northern Wire" in text
    assert any("Reported by 2 outlets\\: Northern Wire, Coastline News" in c.value for c in at.caption)
    assert [b.proto.url for b in at.get("link_button")] == ["https://example.org/5"]


def test_selecting_a_table_row_shows_detail(sample_store: Path) -> None:
    at = run_app()
    at.session_state["table"] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    at.run()
    assert not at.exception
    first = at.dataframe(key="table").value.iloc[0]
    assert any(first["speaker"] in m.value for m in at.markdown if m.value.startswith("**"))


def test_sources_page_lists_articles_dating_and_rejects(sample_store: Path) -> None:
    at = run_app()
    at.switch_page("pages/sources.py").run()
    assert not at.exception
    articles = frame_with(at, "duplicate_of")
    assert len(articles) == 8
    assert {"published", "precision", "method", "evidence", "duplicate_of"} <= set(articles.columns)
    assert "dateline: GENEVA, March 28" in set(articles["evidence"])
    rejects = frame_with(at, "reason")
    assert list(rejects["reason"]) == [
        "empty body: fewer than 40 characters after cleaning",
        "unsupported file type .pdf",
    ]
    at.toggle(key="low_precision").set_value(True).run()
    assert set(frame_with(at, "duplicate_of")["precision"]) == {"month", "unknown"}


def test_sources_page_reads_one_article(sample_store: Path) -> None:
    at = run_app()
    at.switch_page("pages/sources.py").run()
    box = at.selectbox(key="article")
    assert any("Invented headline number 3" in option for option in box.options)
    box.set_value(stable_id("article", 3)).run()
    assert not at.exception
    assert any("Delegates met again on day 3." in t.value for t in at.text)
    listed = frame_with(at, "dated_by")
    assert len(listed) > 0 and listed["sentence"].str.contains("remark 3").any()


def test_sources_page_with_empty_store(empty_store: Path) -> None:
    at = run_app()
    at.switch_page("pages/sources.py").run()
    assert not at.exception
    assert any("python -m pipeline build" in i.value for i in at.info)


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("store", ["sample_store", "empty_store"])
def test_smoke_every_page(page: str, store: str, request: pytest.FixtureRequest) -> None:
    request.getfixturevalue(store)
    at = run_app()
    at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]


@pytest.mark.parametrize("page", PAGES)
def test_page_file_runs_on_its_own(page: str, sample_store: Path) -> None:
    """A direct link to /sources runs the page file without dashboard.py (Streamlit's pages/ folder mode)."""
    at = AppTest.from_file(str(ROOT / page), default_timeout=30).run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.dataframe and not at.info
