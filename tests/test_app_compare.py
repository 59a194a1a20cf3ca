"""AppTest of the compare page: choices by key and from the URL, columns, stance chart, change table."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import schema
from tests.apptest import figure, frame_with, markdown_text, open_page, run_app
from tests.store_factory import build_frames, write_sample_store

PAGE = "pages/compare.py"


@pytest.fixture
def changing_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The sample store where Anton Belov's May remark on territory opposes (in April it was conditional)."""
    store = write_sample_store(tmp_path / "store")
    statements = build_frames()["statements"]
    statements.loc[statements["statement_id"] == "s05", "stance"] = "opposes"
    statements.to_parquet(store / schema.STATEMENTS_FILE, index=False)
    monkeypatch.setenv("TIMELINE_STORE", str(store))
    return store


def test_default_view_compares_two_sides(sample_store: Path) -> None:
    at = open_page(PAGE)
    assert at.segmented_control(key="by").value == "side"
    assert at.multiselect(key="compare_sides").value == ["russia", "ukraine"]
    assert len(at.multiselect(key="compare_topics").value) == 1
    assert [h.value for h in at.subheader][:2] == ["russia", "ukraine"]
    assert figure(at)["data"]  # the stance chart
    assert list(frame_with(at, "changes")["party"]) == ["russia", "ukraine"]


def test_url_restores_speakers_and_topics(sample_store: Path) -> None:
    at = open_page(
        PAGE, by="speaker", compare_speakers=["Anton Belov", "Olena Marchuk"], compare_topics=["Ceasefire", "Territory"]
    )
    assert at.segmented_control(key="by").value == "speaker"
    assert at.multiselect(key="compare_speakers").value == ["Anton Belov", "Olena Marchuk"]
    assert at.multiselect(key="compare_topics").value == ["ceasefire", "territory"]
    assert [h.value for h in at.subheader][:2] == ["Anton Belov", "Olena Marchuk"]
    assert ["4 statements", "3 statements"] == [c.value for c in at.caption][:2]
    names = {t["name"] for t in figure(at)["data"] if t["mode"] == "lines+markers"}
    assert names == {"Anton Belov", "Olena Marchuk"}


def test_columns_are_chronological_and_escaped(sample_store: Path) -> None:
    at = open_page(PAGE, by="speaker", compare_speakers=["Anton Belov", "Grace Whitfield"], compare_topics=["Ceasefire"])
    text = markdown_text(at)
    assert "Belov said the \\*final\\* offer was \\[sic\\] worth \\$5 billion\\." in text  # s00, escaped
    dates = [m.value.split("**")[1] for m in at.markdown if m.value.startswith("**20")]
    assert dates == sorted(dates[:2]) + dates[2:]


def test_switching_to_speakers_by_widget(sample_store: Path) -> None:
    at = open_page(PAGE)
    at.segmented_control(key="by").set_value("speaker").run()
    assert not at.exception
    assert len(at.multiselect(key="compare_speakers").value) == 2
    at.multiselect(key="compare_speakers").set_value(["Henrik Lund"]).run()
    assert any("Pick 2–4 speakers" in i.value for i in at.info)


def test_change_is_marked_and_explained(changing_store: Path) -> None:
    at = open_page(PAGE, compare_sides=["russia", "ukraine"], compare_topics="Territory")
    changes = frame_with(at, "change")
    assert list(changes["change"]) == ["conditional → opposes"]
    assert changes.loc[0, "party"] == "russia" and changes.loc[0, "date"] == "2025-05-19"
    assert "remark 5" in changes.loc[0, "sentence"]
    rings = [t for t in figure(at)["data"] if t.get("meta", {}).get("role") == "change"]
    assert len(rings) == 1 and len(rings[0]["x"]) == 1
    at.toggle(key="no_neutral").set_value(True).run()
    assert not at.exception and list(frame_with(at, "change")["change"]) == ["conditional → opposes"]


def test_no_change_says_so(sample_store: Path) -> None:
    at = open_page(PAGE, compare_topics="Territory")
    assert any("No party changed its stance" in c.value for c in at.caption)


def test_compare_with_empty_store(empty_store: Path) -> None:
    at = run_app()
    at.switch_page(PAGE).run()
    assert not at.exception and any("python -m pipeline build" in i.value for i in at.info)
