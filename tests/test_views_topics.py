"""Unit tests of the topics helpers and the correction writer (files in tmp_path, read back by the pipeline)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pandas as pd
import pytest

from pipeline import schema
from pipeline.overrides import load_overrides
from pipeline.topic_overrides import load_topic_overrides
from tests.store_factory import write_sample_store
from views.detail import boilerplate_lines
from views.overrides import (
    OverrideError,
    append_rows,
    build_command,
    corpus_folder,
    date_override,
    read_rows,
    topic_override,
)
from views.store_reader import join_statements, load_store
from views.topics import REST_COLOR, TOPIC_COLORS, example_statements, monthly_counts, topic_month_figure, topics_table

KNOWN = {"ceasefire", "territory"}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory):
    return load_store(write_sample_store(tmp_path_factory.mktemp("store") / "sample"))


# --- topics --------------------------------------------------------------------------------


def test_topics_table(store) -> None:
    topics = pd.concat(
        [store.topics, pd.DataFrame([{"topic_id": "new", "label": "Found", "keywords": "x, y", "size": 0, "seeded": False}])]
    )
    table = topics_table(topics, store.statements)
    assert list(table.columns) == ["label", "statements", "kind", "keywords", "topic_id"]
    assert table["statements"].tolist() == [8, 8, 7, 7, 0]  # counted from the statements, biggest first
    assert set(table["kind"]) == {"seeded", "discovered"} and table.iloc[-1]["kind"] == "discovered"


def test_monthly_counts_and_stacked_bars(store) -> None:
    joined = join_statements(store)
    counts = monthly_counts(joined)
    assert counts["count"].sum() == 22  # the dated statements
    assert set(counts["month"].dt.day) == {1}
    jan = counts[counts["month"] == pd.Timestamp("2025-01-01")]
    assert jan["count"].sum() == len(joined[joined["said_on"].dt.month.eq(1)])
    fig = topic_month_figure(counts).to_dict()
    assert fig["layout"]["barmode"] == "stack"
    assert {t["name"] for t in fig["data"]} == set(counts["topic"])
    assert len({t["marker"]["color"] for t in fig["data"]}) == len(fig["data"])
    assert len(set(TOPIC_COLORS)) == len(TOPIC_COLORS)
    assert monthly_counts(joined[joined["said_on"].isna() & joined["said_earliest"].isna()]).empty


def test_topics_beyond_the_palette_share_one_grey_band() -> None:
    months = pd.to_datetime(["2025-01-01", "2025-02-01"])
    counts = pd.DataFrame(
        [{"month": m, "topic": f"t{i:02d}", "count": 20 - i} for i in range(len(TOPIC_COLORS) + 3) for m in months]
    )
    data = topic_month_figure(counts).data
    assert len(data) == len(TOPIC_COLORS) + 1
    assert data[0].name == "t00" and data[-1].name == "3 more topics"
    assert data[-1].marker.color == REST_COLOR and list(data[-1].y) == [10 + 9 + 8] * 2


def test_examples_are_the_best_fitting(store) -> None:
    examples = example_statements(join_statements(store), "ceasefire", limit=3)
    assert list(examples.columns) == ["date", "speaker", "stance", "sentence", "outlet", "score"]
    assert len(examples) == 3 and examples["score"].is_monotonic_decreasing
    assert example_statements(join_statements(store), "nope").empty


def test_boilerplate_lines() -> None:
    assert boilerplate_lines("Subscribe now\n\n  Photo: x  \n") == ["Subscribe now", "Photo: x"]
    assert boilerplate_lines(None) == [] and boilerplate_lines(float("nan")) == [] and boilerplate_lines("") == []


# --- corrections writer --------------------------------------------------------------------


def test_corpus_folder_is_required(tmp_path: Path) -> None:
    assert corpus_folder({"input": str(tmp_path)}) == tmp_path
    with pytest.raises(OverrideError, match="names no input folder"):
        corpus_folder({})
    with pytest.raises(OverrideError, match="does not exist"):
        corpus_folder({"input": str(tmp_path / "gone")})


def test_topic_overrides_append_atomically_and_the_pipeline_reads_them(tmp_path: Path) -> None:
    path = tmp_path / schema.TOPIC_OVERRIDES_FILE
    append_rows(path, schema.TOPIC_OVERRIDE_COLUMNS, [topic_override("ceasefire", "rename", '  Truce, "halt"  ', KNOWN)])
    append_rows(path, schema.TOPIC_OVERRIDE_COLUMNS, [topic_override("territory", "merge", "ceasefire", KNOWN)])
    assert load_topic_overrides(path) == [("ceasefire", "rename", 'Truce, "halt"'), ("territory", "merge", "ceasefire")]
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary file left behind
    assert list(read_rows(path, schema.TOPIC_OVERRIDE_COLUMNS).columns) == list(schema.TOPIC_OVERRIDE_COLUMNS)


def test_existing_rows_and_extra_columns_are_kept(tmp_path: Path) -> None:
    path = tmp_path / schema.TOPIC_OVERRIDES_FILE
    path.write_text("topic_id,action,value,who\nold,rename,Old label,ana\n", encoding="utf-8")
    append_rows(path, schema.TOPIC_OVERRIDE_COLUMNS, [{"topic_id": "a", "action": "merge", "value": "b"}])
    rows = read_rows(path, schema.TOPIC_OVERRIDE_COLUMNS)
    assert rows.to_dict(orient="records") == [
        {"topic_id": "old", "action": "rename", "value": "Old label", "who": "ana"},
        {"topic_id": "a", "action": "merge", "value": "b", "who": ""},
    ]


def test_a_file_with_another_header_is_refused(tmp_path: Path) -> None:
    path = tmp_path / schema.TOPIC_OVERRIDES_FILE
    path.write_text("id,label\nx,y\n", encoding="utf-8")
    with pytest.raises(OverrideError, match="expected header"):
        append_rows(path, schema.TOPIC_OVERRIDE_COLUMNS, [{"topic_id": "a", "action": "merge", "value": "b"}])
    assert path.read_text(encoding="utf-8") == "id,label\nx,y\n"


def test_failed_write_leaves_the_file_and_no_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / schema.DATE_OVERRIDES_FILE
    append_rows(path, schema.DATE_OVERRIDE_COLUMNS, [date_override("a.txt", dt.date(2025, 1, 2), "")])
    before = path.read_bytes()

    def refuse(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError, match="disk full"):
        append_rows(path, schema.DATE_OVERRIDE_COLUMNS, [date_override("b.txt", dt.date(2025, 1, 3), "")])
    assert path.read_bytes() == before and [p.name for p in tmp_path.iterdir()] == [path.name]


@pytest.mark.parametrize(
    ("topic_id", "action", "value", "message"),
    [
        ("nope", "rename", "x", "Unknown topic"),
        ("ceasefire", "delete", "x", "Action must be"),
        ("ceasefire", "rename", "   ", "new label"),
        ("ceasefire", "merge", "ceasefire", "another existing topic"),
        ("ceasefire", "merge", "unknown", "another existing topic"),
    ],
    ids=["unknown-topic", "bad-action", "blank-label", "merge-into-itself", "merge-into-unknown"],
)
def test_bad_topic_corrections_are_refused(topic_id: str, action: str, value: str, message: str) -> None:
    with pytest.raises(OverrideError, match=message):
        topic_override(topic_id, action, value, KNOWN)


def test_date_overrides_are_read_by_the_pipeline(tmp_path: Path) -> None:
    path = tmp_path / schema.DATE_OVERRIDES_FILE
    append_rows(path, schema.DATE_OVERRIDE_COLUMNS, [date_override("a/one.txt", dt.date(2025, 3, 4), " seen   in print ")])
    append_rows(path, schema.DATE_OVERRIDE_COLUMNS, [date_override("a/one.txt", dt.date(2025, 3, 5), "second look")])
    assert load_overrides(path) == {"a/one.txt": (dt.date(2025, 3, 5), "second look")}  # the later row wins
    assert len(read_rows(path, schema.DATE_OVERRIDE_COLUMNS)) == 2
    with pytest.raises(OverrideError, match="Pick the correct"):
        date_override("a/one.txt", None, "")
    with pytest.raises(OverrideError, match="source path"):
        date_override("", dt.date(2025, 1, 1), "")


@pytest.mark.parametrize(
    ("manifest", "expected"),
    [
        ({"input": "/c/articles"}, "python -m pipeline build /c/articles --out '/s/my store'"),
        (
            {"input": "/c/articles", "reference": ["data/demo/reference"], "as_of": "2025-06-01"},
            "python -m pipeline build /c/articles --out '/s/my store' --reference data/demo/reference "
            "--replace-reference --as-of 2025-06-01",
        ),
        (
            {"input": "/c/articles", "reference": [str(Path(__file__).resolve().parent.parent / "data" / "reference"), "/c/ref"]},
            "python -m pipeline build /c/articles --out '/s/my store' --reference /c/ref",
        ),
    ],
    ids=["plain", "replaced-reference", "extra-reference"],
)
def test_build_command(manifest: dict, expected: str) -> None:
    assert build_command(manifest, "/s/my store") == expected
