"""The built-in demo corpus against its gold labels: dates, duplicates, speakers (fake embedder)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
import yaml

from pipeline import schema, settings
from pipeline.build import BuildOptions, run_build

GOLD = yaml.safe_load((settings.REPO_ROOT / "data" / "demo" / "gold.yaml").read_text(encoding="utf-8"))


def source_path(entry: dict) -> str:
    """How the store names an article of the gold file (file, or file#record)."""
    if entry.get("index") is None:
        return entry["file"]
    suffix = entry["file"].rsplit(".", 1)[1]
    offset = {"csv": 2, "jsonl": 1}.get(suffix, 0)
    return f"{entry['file']}#{entry['index'] + offset}"


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory, fake_embedder):
    out = tmp_path_factory.mktemp("demo") / "store"
    run_build(
        BuildOptions(
            input_dir=settings.DEMO_ARTICLES_DIR,
            out_dir=out,
            reference_dir=settings.DEMO_REFERENCE_DIR,
            replace_reference=True,
            build_date=dt.date(2026, 1, 1),
            embedder=fake_embedder,
        )
    )
    articles = pd.read_parquet(out / schema.ARTICLES_FILE).set_index("source_path")
    statements = pd.read_parquet(out / schema.STATEMENTS_FILE)
    return articles, statements


def test_demo_meets_the_brief(demo_store):
    articles, statements = demo_store
    assert 25 <= len(articles) <= 40
    span = articles["published"].max() - articles["published"].min()
    assert span.days >= 18 * 30
    assert statements["speaker"].nunique() >= 8
    assert statements["side"].nunique() >= 3
    assert {p.rsplit(".", 1)[-1].split("#")[0] for p in articles.index} >= {"txt", "html", "json", "md", "csv", "jsonl"}


@pytest.mark.parametrize("entry", GOLD["articles"], ids=source_path)
def test_demo_publication_dates(demo_store, entry):
    articles, _ = demo_store
    row = articles.loc[source_path(entry)]
    truth = dt.date.fromisoformat(entry["published"])
    earliest, latest = row["published_earliest"], row["published_latest"]
    assert pd.notna(earliest) and pd.notna(latest), row["published_evidence"]
    assert earliest.date() <= truth <= latest.date(), row["published_evidence"]
    if entry["published_derivable"] == "day":
        assert row["published_precision"] == "day" and row["published"].date() == truth, row["published_evidence"]


def test_syndicated_copy_is_marked(demo_store):
    articles, statements = demo_store
    copies = articles[articles["duplicate_of"].notna()]
    assert len(copies) == 1
    original = copies["duplicate_of"].iloc[0]
    assert statements.loc[statements["article_id"] == original, "source_count"].max() == 2


def test_demo_boilerplate_is_gone(demo_store):
    articles, _ = demo_store
    for entry in GOLD["articles"]:
        text = articles.loc[source_path(entry), "text"]
        for junk in entry.get("boilerplate") or []:
            assert junk not in text, (entry["file"], junk)
