"""AppTest of the topics page and the sources page's date correction: reading, URL state, saving next to the corpus."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pipeline import schema
from pipeline.overrides import load_overrides
from pipeline.topic_overrides import load_topic_overrides
from tests.apptest import figure, frame_with, markdown_text, open_page
from tests.store_factory import stable_id, write_sample_store

TOPICS = "pages/topics.py"
SOURCES = "pages/sources.py"
ARTICLE_3 = "2025-03-28 · Coastline News · Invented headline number 3 about the talks"


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A store whose manifest names an existing corpus folder (where corrections are written)."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    monkeypatch.setenv("TIMELINE_STORE", str(write_sample_store(tmp_path / "store", input_dir=folder)))
    return folder


def success_text(at) -> str:
    return " ".join(s.value for s in at.success)


# --- topics page ---------------------------------------------------------------------------


def test_topics_page_lists_counts_and_examples(corpus: Path) -> None:
    at = open_page(TOPICS, topic="Territory")
    table = frame_with(at, "keywords")
    assert set(table["label"]) == {"Ceasefire", "Territory", "Security guarantees", "Prisoner exchange"}
    assert set(table["kind"]) == {"seeded"}
    assert figure(at)["layout"]["barmode"] == "stack"
    assert at.selectbox(key="topic").value == "territory"  # restored from the URL
    assert "no border can be redrawn by force" in markdown_text(at)


def test_rename_is_saved_with_the_build_command(corpus: Path) -> None:
    at = open_page(TOPICS, topic="Ceasefire")
    at.text_input(key="new_label").set_value("Truce and ceasefire").run()
    at.button(key="save_topic_override").click().run()
    assert not at.exception and not at.error
    assert load_topic_overrides(corpus / schema.TOPIC_OVERRIDES_FILE) == [("ceasefire", "rename", "Truce and ceasefire")]
    assert "next build applies it" in success_text(at)
    assert at.code[0].value.startswith(f"python -m pipeline build {corpus.resolve()} --out ")
    assert list(frame_with(at, "action")["value"]) == ["Truce and ceasefire"]


def test_merge_appends_to_earlier_corrections(corpus: Path) -> None:
    (corpus / schema.TOPIC_OVERRIDES_FILE).write_text("topic_id,action,value\nprisoners,rename,Swaps\n", encoding="utf-8")
    at = open_page(TOPICS, topic="Territory")
    at.radio(key="topic_action").set_value("merge").run()
    at.selectbox(key="merge_into").set_value("ceasefire").run()
    at.button(key="save_topic_override").click().run()
    assert not at.exception and not at.error
    assert load_topic_overrides(corpus / schema.TOPIC_OVERRIDES_FILE) == [
        ("prisoners", "rename", "Swaps"),
        ("territory", "merge", "ceasefire"),
    ]


def test_blank_rename_is_refused(corpus: Path) -> None:
    at = open_page(TOPICS)
    at.button(key="save_topic_override").click().run()
    assert any("new label" in e.value for e in at.error)
    assert not (corpus / schema.TOPIC_OVERRIDES_FILE).exists()


@pytest.mark.parametrize("page", [TOPICS, SOURCES])
@pytest.mark.parametrize("setup", ["no-input", "input-gone"])
def test_no_corpus_folder_means_no_writing(page: str, setup: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    input_dir = None if setup == "no-input" else tmp_path / "deleted"
    monkeypatch.setenv("TIMELINE_STORE", str(write_sample_store(tmp_path / "store", input_dir=input_dir)))
    at = open_page(page)
    message = " ".join(w.value for w in at.warning)
    assert ("names no input folder" if setup == "no-input" else "does not exist") in message
    keys = {b.key for b in at.button}
    assert not keys & {"save_topic_override", "save_date_override"}


# --- sources page --------------------------------------------------------------------------


def test_boilerplate_is_struck_through_and_escaped(corpus: Path) -> None:
    at = open_page(SOURCES, article=ARTICLE_3)
    assert at.selectbox(key="article").value == stable_id("article", 3)  # restored from the URL
    text = markdown_text(at)
    assert "- ~~Subscribe to the \\*Ledger\\* newsletter~~" in text
    assert "- ~~Photo\\: \\[Agency\\] / staff~~" in text
    assert any("2 line(s) removed as boilerplate" in c.value for c in at.caption)


def test_date_correction_is_saved_for_the_next_build(corpus: Path) -> None:
    at = open_page(SOURCES, article=ARTICLE_3)
    assert at.date_input(key="fix_date").value == dt.date(2025, 3, 28)  # starts from the current date
    at.date_input(key="fix_date").set_value(dt.date(2025, 3, 27)).run()
    at.text_input(key="fix_note").set_value("print edition, 27 March").run()
    at.button(key="save_date_override").click().run()
    assert not at.exception and not at.error
    saved = load_overrides(corpus / schema.DATE_OVERRIDES_FILE)
    assert saved == {"articles/003.txt": (dt.date(2025, 3, 27), "print edition, 27 March")}
    assert "next build applies it" in success_text(at) and "pipeline build" in at.code[0].value


def test_picking_another_article_resets_the_correction(corpus: Path) -> None:
    at = open_page(SOURCES, article=ARTICLE_3)
    at.text_input(key="fix_note").set_value("draft").run()
    at.selectbox(key="article").set_value(stable_id("article", 6)).run()  # the undated article
    assert at.date_input(key="fix_date").value is None and at.text_input(key="fix_note").value == ""
    at.button(key="save_date_override").click().run()
    assert any("Pick the correct publication date" in e.value for e in at.error)
    assert not (corpus / schema.DATE_OVERRIDES_FILE).exists()


def test_sources_url_restores_the_low_precision_view(corpus: Path) -> None:
    at = open_page(SOURCES, low_precision="true")
    assert at.toggle(key="low_precision").value is True
    assert set(frame_with(at, "duplicate_of")["precision"]) == {"month", "unknown"}
