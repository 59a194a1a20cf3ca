"""The benchmark's synthetic corpus is varied enough to measure real work."""

from __future__ import annotations

from pipeline.bench import make_corpus
from pipeline.ingest import ingest
from pipeline.sources import read_folder


def test_synthetic_corpus_gives_distinct_dated_articles(tmp_path):
    make_corpus(tmp_path, 40)
    docs, rejects = read_folder(tmp_path)
    articles, thin = ingest(docs)
    assert len(articles) == 40 and not rejects and not thin
    assert sum(a.duplicate_of is not None for a in articles) <= 4
    assert len({a.published_raw for a in articles}) > 10
