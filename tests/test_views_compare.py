"""Unit tests of the compare helpers: parties, stance changes on a hand-made frame, the stance figure."""

from __future__ import annotations

import pandas as pd
import pytest

from pipeline import schema
from tests.store_factory import write_sample_store
from views.compare import (
    CHANGE_COLUMNS,
    STANCE_ORDINAL,
    changes_table,
    compare_frame,
    party_options,
    party_statements,
    stance_changes,
    stance_figure,
    stance_summary,
)
from views.figures import SIDE_COLORS
from views.store_reader import join_statements, load_store


def statement(sid: str, speaker: str, side: str, day: str | None, stance: str, topic: str = "ceasefire") -> dict:
    """One joined statement row with only what the compare helpers read."""
    when = pd.Timestamp(day) if day else pd.NaT
    return {
        "statement_id": sid,
        "speaker": speaker,
        "speaker_raw": speaker,
        "side": side,
        "said_on": when,
        "said_earliest": when,
        "said_latest": when,
        "said_precision": "day" if day else "unknown",
        "topic_id": topic,
        "topic_label": topic.capitalize(),
        "stance": stance,
        "text": f"{speaker} sentence {sid}",
        "outlet": "Wire",
    }


@pytest.fixture
def hand_made() -> pd.DataFrame:
    """Two speakers on two topics; the rows are shuffled to prove the helpers sort by date."""
    rows = [
        statement("a3", "Ana", "ukraine", "2025-03-01", "opposes"),
        statement("a1", "Ana", "ukraine", "2025-01-01", "supports"),
        statement("a2", "Ana", "ukraine", "2025-02-01", "supports"),  # same stance: no change
        statement("a4", "Ana", "ukraine", "2025-04-01", "conditional"),
        statement("a5", "Ana", "ukraine", None, "neutral"),  # undated: listed, never a change
        statement("b1", "Boris", "russia", "2025-01-15", "opposes"),
        statement("b2", "Boris", "russia", "2025-02-15", "opposes"),
        statement("t1", "Ana", "ukraine", "2025-02-10", "neutral", topic="territory"),  # another topic
        statement("t2", "Ana", "ukraine", "2025-03-10", "supports", topic="territory"),
        statement("c1", "Cem", "other", "2025-01-20", "supports"),  # not chosen
    ]
    return pd.DataFrame(rows)


def test_stance_ordinal() -> None:
    assert STANCE_ORDINAL == {"opposes": -1.0, "neutral": 0.0, "conditional": 0.5, "supports": 1.0}
    assert set(STANCE_ORDINAL) == set(schema.STANCES)


def test_compare_frame_keeps_parties_and_topics_in_date_order(hand_made: pd.DataFrame) -> None:
    frame = compare_frame(hand_made, "speaker", ["Ana", "Boris"], ["ceasefire"])
    assert list(frame["statement_id"]) == ["a1", "b1", "a2", "b2", "a3", "a4", "a5"]
    assert list(frame["stance_value"].head(2)) == [1.0, -1.0]
    by_side = compare_frame(hand_made, "side", ["russia"], [])
    assert set(by_side["statement_id"]) == {"b1", "b2"}
    with pytest.raises(ValueError, match="by must be"):
        compare_frame(hand_made, "outlet", ["Ana"], [])  # type: ignore[arg-type]


def test_stance_changes_per_party_and_topic(hand_made: pd.DataFrame) -> None:
    frame = compare_frame(hand_made, "speaker", ["Ana", "Boris"], ["ceasefire", "territory"])
    changes = stance_changes(frame)
    found = list(zip(changes["date"], changes["party"], changes["topic"], changes["change"], strict=True))
    assert found == [
        ("2025-03-01", "Ana", "Ceasefire", "supports → opposes"),
        ("2025-03-10", "Ana", "Territory", "neutral → supports"),
        ("2025-04-01", "Ana", "Ceasefire", "opposes → conditional"),
    ]
    assert changes.loc[0, "sentence"] == "Ana sentence a3"
    table = changes_table(changes)
    assert tuple(table.columns) == CHANGE_COLUMNS


def test_no_changes_is_an_empty_table(hand_made: pd.DataFrame) -> None:
    changes = stance_changes(compare_frame(hand_made, "speaker", ["Boris"], ["ceasefire"]))
    assert changes.empty and tuple(changes_table(changes).columns) == CHANGE_COLUMNS


def test_stance_figure_lines_and_change_rings(hand_made: pd.DataFrame) -> None:
    frame = compare_frame(hand_made, "side", ["ukraine", "russia"], ["ceasefire", "territory"])
    changes = stance_changes(frame)
    data = stance_figure(frame, changes, ["ukraine", "russia"], "side").to_dict()
    lines = [t for t in data["data"] if t["mode"] == "lines+markers"]
    assert {(t["name"], t["line"]["color"]) for t in lines} == {
        ("ukraine", SIDE_COLORS["ukraine"]),
        ("russia", SIDE_COLORS["russia"]),
    }
    assert all(t["line"]["shape"] == "hv" for t in lines)
    ukraine_ceasefire = next(t for t in lines if t["name"] == "ukraine" and t["yaxis"] == "y")
    assert list(ukraine_ceasefire["customdata"]) == ["a1", "a2", "a3", "a4"]  # undated a5 is not drawn
    rings = [t for t in data["data"] if t.get("meta", {}).get("role") == "change"]
    assert sum(len(t["x"]) for t in rings) == len(changes) == 3
    assert "supports → opposes" in rings[0]["hovertext"][0]
    assert [a["text"] for a in data["layout"]["annotations"]] == ["Ceasefire", "Territory"]
    assert list(data["layout"]["yaxis"]["ticktext"]) == ["opposes", "neutral", "conditional", "supports"]


def test_hover_text_is_escaped(hand_made: pd.DataFrame) -> None:
    frame = compare_frame(hand_made.assign(text="<script>x</script>"), "speaker", ["Ana", "Boris"], ["ceasefire"])
    data = stance_figure(frame, stance_changes(frame), ["Ana", "Boris"], "speaker").to_dict()
    hovers = " ".join(h for t in data["data"] for h in t.get("hovertext", []))
    assert "<script>" not in hovers and "&lt;script&gt;" in hovers


def test_party_columns_and_options(hand_made: pd.DataFrame, tmp_path) -> None:
    frame = compare_frame(hand_made, "speaker", ["Ana", "Boris"], ["ceasefire"])
    ana = party_statements(frame, "Ana")
    assert list(ana["date"]) == ["2025-01-01", "2025-02-01", "2025-03-01", "2025-04-01", "undated"]
    assert list(ana.columns[:5]) == ["date", "topic", "stance", "sentence", "outlet"]
    assert party_options(hand_made, "side") == ["russia", "ukraine", "other"]
    assert party_options(hand_made, "speaker")[0] == "Ana"
    joined = join_statements(load_store(write_sample_store(tmp_path / "s")))
    assert "Anton Belov" in party_options(joined, "speaker")


def test_stance_summary_counts_per_party(hand_made: pd.DataFrame) -> None:
    frame = compare_frame(hand_made, "speaker", ["Boris", "Ana", "Nobody"], ["ceasefire"])
    summary = stance_summary(frame, stance_changes(frame), ["Boris", "Ana", "Nobody"])
    assert list(summary.columns) == ["party", "opposes", "neutral", "conditional", "supports", "changes"]
    rows = summary.set_index("party")
    assert rows.loc["Ana"].tolist() == [1, 1, 1, 2, 2]
    assert rows.loc["Boris"].tolist() == [2, 0, 0, 0, 0]
    assert rows.loc["Nobody"].tolist() == [0, 0, 0, 0, 0]
