"""Unit tests of the dashboard's pure helpers: store reading, filters, figure, tables, detail text."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import pytest

from pipeline import schema
from tests.store_factory import build_frames, write_sample_store
from views import detail
from views.figures import SIDE_COLORS, STANCE_SYMBOLS, WEBGL_THRESHOLD, statement_ids_from_selection, timeline_figure
from views.filters import Filters, apply_filters, count_line, date_bounds, is_undated, topic_options
from views.store_reader import join_statements, load_store, store_fingerprint
from views.tables import CITATION_COLUMNS, articles_table, rejects_table, statements_table, to_csv_bytes, to_json_bytes


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_sample_store(tmp_path_factory.mktemp("store") / "sample")


@pytest.fixture(scope="module")
def joined(store_dir: Path) -> pd.DataFrame:
    return join_statements(load_store(store_dir))


@pytest.fixture(scope="module")
def raw() -> pd.DataFrame:
    """The factory's statements as written, for expectations computed without the helpers."""
    return build_frames()["statements"]


def marker_traces(fig: go.Figure) -> list[dict]:
    """The per-side point traces (not range bars, not legend-only stance entries)."""
    data = fig.to_dict()["data"]
    points = [t for t in data if t["mode"] == "markers" and t.get("customdata") is not None]
    return [t for t in points if t.get("name") in SIDE_COLORS]


def range_traces(fig: go.Figure) -> list[dict]:
    return [t for t in fig.to_dict()["data"] if t["mode"] == "lines"]


# --- store reader -------------------------------------------------------------------------


def test_sample_store_has_contract_columns(store_dir: Path) -> None:
    frames = {name: pd.read_parquet(store_dir / name) for name in schema.STORE_FILES if name.endswith(".parquet")}
    statement_columns = schema.STATEMENT_COLUMNS + schema.STATEMENT_EXTRA_COLUMNS
    assert list(frames[schema.STATEMENTS_FILE].columns) == list(statement_columns)
    assert list(frames[schema.ARTICLES_FILE].columns) == list(schema.ARTICLE_COLUMNS + schema.ARTICLE_EXTRA_COLUMNS)
    assert list(frames[schema.TOPICS_FILE].columns) == list(schema.TOPIC_COLUMNS)
    assert list(frames[schema.REJECTS_FILE].columns) == list(schema.REJECT_COLUMNS)


def test_load_store_reads_counts_and_coerces_dates(store_dir: Path) -> None:
    store = load_store(store_dir)
    assert not store.is_empty and store.problems == ()
    assert (len(store.statements), len(store.articles), len(store.topics), len(store.rejects)) == (30, 8, 4, 2)
    assert store.manifest["counts"]["statements"] == 30
    for name in schema.DATE_COLUMNS_STATEMENTS:
        assert pd.api.types.is_datetime64_any_dtype(store.statements[name]), name
    for name in schema.DATE_COLUMNS_ARTICLES:
        assert pd.api.types.is_datetime64_any_dtype(store.articles[name]), name


@pytest.mark.parametrize("setup", ["missing", "empty-folder", "zero-rows", "corrupt"])
def test_unusable_store_is_empty_not_an_error(tmp_path: Path, setup: str) -> None:
    folder = tmp_path / "store"
    if setup != "missing":
        folder.mkdir()
    if setup == "zero-rows":
        frames = build_frames()
        for name, file in (("statements", schema.STATEMENTS_FILE), ("articles", schema.ARTICLES_FILE)):
            frames[name].iloc[0:0].to_parquet(folder / file)
    if setup == "corrupt":
        (folder / schema.STATEMENTS_FILE).write_bytes(b"not parquet")
        (folder / schema.MANIFEST_FILE).write_text("{not json", encoding="utf-8")
    store = load_store(folder)
    assert store.is_empty
    assert set(schema.STATEMENT_COLUMNS) <= set(store.statements.columns)
    assert join_statements(store).empty
    if setup != "zero-rows":
        assert store.problems


def test_fingerprint_changes_when_store_is_rebuilt(tmp_path: Path) -> None:
    folder = write_sample_store(tmp_path / "s")
    before = store_fingerprint(folder)
    assert store_fingerprint(folder) == before
    (folder / schema.MANIFEST_FILE).write_text(json.dumps({"built_at": "later"}), encoding="utf-8")
    assert store_fingerprint(folder) != before


def test_join_attaches_article_fields(joined: pd.DataFrame) -> None:
    assert {"outlet", "title", "url", "published_evidence"} <= set(joined.columns)
    assert joined["outlet"].notna().all()
    assert set(joined["side"]) <= set(schema.SIDES)


# --- filters ------------------------------------------------------------------------------


def test_no_filters_keep_everything(joined: pd.DataFrame) -> None:
    assert len(apply_filters(joined, Filters())) == 30


@pytest.mark.parametrize(
    ("field", "values", "column"),
    [
        ("sides", ("russia",), "side"),
        ("sides", ("ukraine", "usa"), "side"),
        ("speakers", ("Henrik Lund",), "speaker"),
        ("topics", ("ceasefire",), "topic_id"),
        ("stances", ("opposes",), "stance"),
    ],
    ids=["one-side", "two-sides", "speaker", "topic", "stance"],
)
def test_choice_filters_match_raw_counts(joined: pd.DataFrame, raw: pd.DataFrame, field: str, values, column) -> None:
    result = apply_filters(joined, Filters(**{field: values}))
    expected = raw[raw[column].isin(values)]
    assert 0 < len(result) < 30
    assert sorted(result["statement_id"]) == sorted(expected["statement_id"])


def test_outlet_filter_uses_the_article(joined: pd.DataFrame) -> None:
    result = apply_filters(joined, Filters(outlets=("Harbour Gazette",)))
    assert len(result) and set(result["outlet"]) == {"Harbour Gazette"}


def test_text_search_is_case_insensitive_over_sentence_speaker_outlet(joined: pd.DataFrame, raw: pd.DataFrame) -> None:
    by_sentence = apply_filters(joined, Filters(text="CEASEFIRE"))
    mentions = raw[raw["text"].str.lower().str.contains("ceasefire")]
    assert sorted(by_sentence["statement_id"]) == sorted(mentions.statement_id)
    by_speaker = apply_filters(joined, Filters(text="henrik"))
    assert set(by_speaker["speaker"]) == {"Henrik Lund"}
    by_outlet = apply_filters(joined, Filters(text="coastline news"))
    assert set(by_outlet["outlet"]) == {"Coastline News"}
    both = apply_filters(joined, Filters(text="henrik ceasefire"))
    assert 0 < len(both) < len(by_speaker)
    phrase = apply_filters(joined, Filters(text='"must hold for thirty days"'))
    assert sorted(phrase["statement_id"]) == sorted(by_sentence["statement_id"])
    assert apply_filters(joined, Filters(text="zzz-no-such-word")).empty


def overlapping(raw: pd.DataFrame, start: dt.date, end: dt.date) -> set[str]:
    """Ids whose [said_earliest, said_latest] overlaps [start, end], computed straight from the factory."""
    lo, hi = pd.to_datetime(raw.said_earliest), pd.to_datetime(raw.said_latest)
    return set(raw[(hi >= pd.Timestamp(start)) & (lo <= pd.Timestamp(end))].statement_id)


def test_date_range_keeps_overlapping_intervals(joined: pd.DataFrame, raw: pd.DataFrame) -> None:
    start, end = dt.date(2025, 2, 20), dt.date(2025, 3, 31)
    expected = overlapping(raw, start, end)
    # A February-wide date overlaps the range although its best guess (15 Feb) lies outside it.
    assert "s01" in expected and raw.set_index("statement_id").loc["s01", "said_on"] < start
    with_undated = apply_filters(joined, Filters(start=start, end=end, include_undated=True))
    undated = set(raw[raw.said_on.isna()].statement_id)
    assert set(with_undated["statement_id"]) == expected | undated
    precise = apply_filters(joined, Filters(start=start, end=end, include_undated=False))
    day_rows = set(raw[raw.said_precision == "day"].statement_id)
    assert set(precise["statement_id"]) == expected & day_rows
    assert 0 < len(precise) < len(with_undated) < 30


def test_undated_toggle(joined: pd.DataFrame, raw: pd.DataFrame) -> None:
    off = apply_filters(joined, Filters(include_undated=False))
    assert not is_undated(off).any()
    assert set(off["said_precision"]) == {"day"}
    assert len(off) == (raw.said_precision == "day").sum()


def test_results_are_in_date_order_with_undated_last(joined: pd.DataFrame) -> None:
    result = apply_filters(joined, Filters())
    dated = result[~is_undated(result)]
    assert dated["said_on"].is_monotonic_increasing
    assert is_undated(result).tail(int(is_undated(result).sum())).all()


def test_widget_helpers(joined: pd.DataFrame) -> None:
    assert date_bounds(joined) == (dt.date(2025, 1, 1), dt.date(2025, 5, 31))
    assert topic_options(joined)["guarantees"] == "Security guarantees"
    assert count_line(3, 30) == "3 of 30 statements"


# --- figure -------------------------------------------------------------------------------


@pytest.mark.parametrize("lane", ["topic", "speaker", "side"])
def test_lanes(joined: pd.DataFrame, lane: str) -> None:
    fig = timeline_figure(joined, lane=lane)
    dated = joined[~is_undated(joined)]
    expected = {
        "topic": set(dated["topic_label"]),
        "speaker": set(dated["speaker"].fillna(dated["speaker_raw"])),
        "side": set(dated["side"]),
    }[lane]
    ys = {y for t in marker_traces(fig) for y in t["y"]}
    assert ys == expected
    assert set(fig.to_dict()["layout"]["yaxis"]["categoryarray"]) == expected
    if lane == "side":
        order = list(fig.to_dict()["layout"]["yaxis"]["categoryarray"])[::-1]
        assert order == [s for s in schema.SIDES if s in expected]


def test_colours_are_fixed_per_side(joined: pd.DataFrame) -> None:
    assert set(SIDE_COLORS) == set(schema.SIDES) and len(set(SIDE_COLORS.values())) == len(schema.SIDES)
    for subset in (joined, joined[joined["side"] == "usa"]):
        traces = marker_traces(timeline_figure(subset))
        assert traces
        for trace in traces:
            assert trace["marker"]["color"] == SIDE_COLORS[trace["name"]]


def test_legend_explains_sides_and_stances(joined: pd.DataFrame) -> None:
    data = timeline_figure(joined).to_dict()["data"]
    shown = [t for t in data if t.get("showlegend", True)]
    sides = [t["name"] for t in shown if t.get("legend", "legend") == "legend"]
    assert sides == [s for s in schema.SIDES if s in set(joined["side"])]
    assert all(t["marker"]["symbol"] == "circle" for t in shown if t["name"] in sides)
    stances = {t["name"]: t["marker"]["symbol"] for t in shown if t.get("legend") == "legend2"}
    assert stances == STANCE_SYMBOLS


def test_symbols_follow_stance(joined: pd.DataFrame) -> None:
    for trace in marker_traces(timeline_figure(joined)):
        ids = [row[0] for row in trace["customdata"]]
        stances = joined.set_index("statement_id").loc[ids, "stance"]
        assert list(trace["marker"]["symbol"]) == [STANCE_SYMBOLS[s] for s in stances]


def test_uncertain_dates_are_range_bars(joined: pd.DataFrame, raw: pd.DataFrame) -> None:
    fig = timeline_figure(joined)
    bars = range_traces(fig)
    month_rows = raw[raw.said_precision == "month"]
    assert bars, "month-wide dates should be drawn as ranges"
    xs = {pd.Timestamp(x) for t in bars for x in t["x"] if x is not None}
    assert {pd.Timestamp(x) for x in month_rows.said_earliest} <= xs
    assert {pd.Timestamp(x) for x in month_rows.said_latest} <= xs
    for trace in bars:
        assert trace["line"]["color"] == SIDE_COLORS[trace["legendgroup"]]
        assert trace["hoverinfo"] == "skip"
    exact_only = timeline_figure(joined[joined["said_precision"] == "day"])
    assert range_traces(exact_only) == []


def test_custom_data_carries_statement_ids_and_hover(joined: pd.DataFrame) -> None:
    fig = timeline_figure(joined)
    ids = [row[0] for t in marker_traces(fig) for row in t["customdata"]]
    assert sorted(ids) == sorted(joined.loc[~is_undated(joined), "statement_id"])
    first = marker_traces(fig)[0]
    assert "customdata[2]" in first["hovertemplate"]
    assert any("dated by" in row[5] for row in first["customdata"])


def test_hover_text_is_escaped_and_wrapped(joined: pd.DataFrame) -> None:
    df = joined.head(1).assign(text="<script>alert(1)</script> " + "word " * 40)
    row = marker_traces(timeline_figure(df))[0]["customdata"][0]
    assert "<script>" not in row[2] and "&lt;script&gt;" in row[2]
    assert "<br>" in row[2]


def test_many_points_use_webgl(joined: pd.DataFrame) -> None:
    dated = joined[~is_undated(joined)]
    big = pd.concat([dated] * (WEBGL_THRESHOLD // len(dated) + 1), ignore_index=True)
    assert {t["type"] for t in timeline_figure(big).to_dict()["data"]} == {"scattergl"}
    assert {t["type"] for t in timeline_figure(dated).to_dict()["data"]} == {"scatter"}


def test_empty_and_undated_frames_draw_a_message(joined: pd.DataFrame) -> None:
    for df in (joined.iloc[0:0], joined[is_undated(joined)]):
        fig = timeline_figure(df)
        assert fig.to_dict()["data"] == []
        assert "No dated statements" in fig.to_dict()["layout"]["annotations"][0]["text"]


def test_bad_lane_is_a_programmer_error(joined: pd.DataFrame) -> None:
    with pytest.raises(ValueError, match="lane"):
        timeline_figure(joined, lane="outlet")  # type: ignore[arg-type]


def test_selection_maps_back_to_statement_ids(joined: pd.DataFrame) -> None:
    fig = timeline_figure(joined)
    first = fig.data[[i for i, t in enumerate(fig.data) if t.mode == "markers"][0]]
    curve = list(fig.data).index(first)
    expected = first.customdata[1][0]
    points = [{"customdata": ["s99"]}, {"curve_number": curve, "point_index": 1}, {"customdata": ["s99"]}]
    assert statement_ids_from_selection(fig, points) == ["s99", expected]


# --- tables and detail --------------------------------------------------------------------


def test_statements_table_has_citation_fields_and_exports(joined: pd.DataFrame) -> None:
    table = statements_table(apply_filters(joined, Filters(sides=("russia",))))
    assert tuple(table.columns[: len(CITATION_COLUMNS)]) == CITATION_COLUMNS
    assert (table["side"] == "russia").all()
    month = table[table["precision"] == "month"].iloc[0]
    assert re.fullmatch(r"2025-\d\d-01/2025-\d\d-\d\d", month["date_range"])
    assert month["date"][:7] == month["date_range"][:7]
    assert (table.loc[table["precision"] == "day", "date_range"] == "").all()
    csv = pd.read_csv(pd.io.common.BytesIO(to_csv_bytes(table)), encoding="utf-8-sig", keep_default_na=False)
    assert list(csv.columns) == list(table.columns) and len(csv) == len(table)
    records = json.loads(to_json_bytes(table))
    assert len(records) == len(table) and records[0]["statement_id"] == table.loc[0, "statement_id"]
    assert statements_table(joined.iloc[0:0]).empty


def test_articles_and_rejects_tables(store_dir: Path) -> None:
    store = load_store(store_dir)
    table = articles_table(store.articles, store.statements)
    assert {"outlet", "title", "published", "precision", "method", "evidence", "duplicate_of"} <= set(table.columns)
    low = articles_table(store.articles, store.statements, low_precision_only=True)
    assert set(low["precision"]) == {"month", "unknown"} and len(low) == 2
    assert table["duplicate_of"].astype(bool).sum() == 1
    assert list(rejects_table(store.rejects).columns) == ["source_path", "reason"]


def test_markdown_is_escaped_and_sentence_bolded(store_dir: Path, joined: pd.DataFrame) -> None:
    store = load_store(store_dir)
    row = joined[joined["statement_id"] == "s00"].iloc[0]
    text = store.articles.set_index("article_id").loc[row["article_id"], "text"]
    md = detail.highlighted_paragraph(text, row["text"], row["char_start"], row["char_end"])
    assert "**Belov said the \\*final\\* offer was \\[sic\\] worth \\$5 billion\\.**" in md
    assert md.startswith("Delegates met again") and "Officials gave no further detail" in md
    assert detail.escape_markdown(":red[x] <b>") == "\\:red\\[x\\] \\<b\\>"
    # Offsets that do not match fall back to searching the text.
    assert "**" in detail.highlighted_paragraph(text, row["text"], 0, 5)
    assert detail.highlighted_paragraph("", "Lone sentence.") == "**Lone sentence\\.**"


def test_detail_helpers() -> None:
    assert detail.safe_url("https://example.org/a") == "https://example.org/a"
    assert detail.safe_url("javascript:alert(1)") is None and detail.safe_url(None) is None
    outlet_of = {"a1": "Wire", "a2": "Gazette", "a3": "Wire"}
    row = pd.Series({"sources": ["a1", "a2", "a3"], "source_count": 3})
    assert detail.reported_by(row, outlet_of) == "Reported by 2 outlets: Wire, Gazette"
    same_outlet = pd.Series({"sources": ["a1", "a3"], "source_count": 2})
    assert detail.reported_by(same_outlet, outlet_of) == "Reported in 2 articles (Wire)"
    assert detail.reported_by(pd.Series({"sources": None, "source_count": None})) is None
    assert detail.reported_by(pd.Series({"sources": ["a1"], "source_count": 1}), outlet_of) is None
    assert detail.date_evidence(pd.Series({"said_evidence": None, "published_evidence": "dateline"})) == "dateline"
