"""Every view is a URL: for each page, a shared link's query params restore its widgets before the first run."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.apptest import PAGES, markdown_text, open_page
from tests.store_factory import stable_id

ARTICLE_3 = "2025-03-28 · Coastline News · Invented headline number 3 about the talks"


def timeline_view(at: AppTest) -> None:
    assert at.multiselect(key="sides").value == ["russia"]
    assert at.text_input(key="q").value == "border"
    assert at.radio(key="lane").value == "side"
    assert at.toggle(key="events").value is False
    assert "**Anton Belov** — Kremlin spokesman" in markdown_text(at)  # ?sid= opened the statement


def presenter_view(at: AppTest) -> None:
    assert at.toggle(key="present").value is True
    assert at.selectbox(key="event").value == "summit"
    assert at.title[0].value.startswith("Ukraine on Security guarantees")


def compare_view(at: AppTest) -> None:
    assert at.segmented_control(key="by").value == "speaker"
    assert at.multiselect(key="compare_speakers").value == ["Grace Whitfield", "Henrik Lund", "Ayse Demir"]
    assert at.multiselect(key="compare_topics").value == ["guarantees"]
    assert at.toggle(key="no_neutral").value is True


def topics_view(at: AppTest) -> None:
    assert at.selectbox(key="topic").value == "prisoners"


def sources_view(at: AppTest) -> None:
    assert at.toggle(key="low_precision").value is True
    assert at.selectbox(key="article").value == stable_id("article", 3)


def add_articles_view(at: AppTest) -> None:
    # Nothing to restore: an upload cannot live in a URL, so the link just reopens the page (here refusing, no corpus).
    assert at.title[0].value == "Add articles"


VIEWS: list[tuple[str, dict, Callable[[AppTest], None]]] = [
    ("pages/timeline.py", {"sides": "russia", "q": "border", "lane": "side", "events": "false", "sid": "s05"}, timeline_view),
    (
        "pages/timeline.py",
        {"present": "1", "event": "summit", "sides": "ukraine", "topics": "Security guarantees"},
        presenter_view,
    ),
    (
        "pages/compare.py",
        {
            "by": "speaker",
            "compare_speakers": ["Grace Whitfield", "Henrik Lund", "Ayse Demir"],
            "compare_topics": "Security guarantees",
            "no_neutral": "true",
        },
        compare_view,
    ),
    ("pages/topics.py", {"topic": "Prisoner exchange"}, topics_view),
    ("pages/sources.py", {"low_precision": "true", "article": ARTICLE_3}, sources_view),
    ("pages/add_articles.py", {}, add_articles_view),
]


@pytest.mark.parametrize(
    ("page", "query", "check"), VIEWS, ids=["timeline", "presenter", "compare", "topics", "sources", "add-articles"]
)
def test_a_link_reopens_the_view(page: str, query: dict, check: Callable[[AppTest], None], sample_store: Path) -> None:
    at = open_page(page, **query)
    check(at)
    at.run()  # and the view survives a rerun
    assert not at.exception
    check(at)


def test_every_page_has_a_url_test() -> None:
    assert {page for page, _, _ in VIEWS} == set(PAGES)
