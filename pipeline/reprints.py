"""The same remark from several outlets becomes one statement with all its sources."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from rapidfuzz import fuzz

from pipeline import settings
from pipeline.ingest import normalise_text
from pipeline.records import Article, Statement


def merge_reprints(statements: list[Statement], articles: list[Article]) -> list[Statement]:
    """Fold near-identical statements by the same speaker into the first one, collecting sources.

    Candidates share speaker and opening words, which keeps the comparison linear in practice.

    Copies of an article (``duplicate_of``) count as sources of every statement of the original.
    """
    copies: dict[str, list[str]] = defaultdict(list)
    for article in articles:
        if article.duplicate_of:
            copies[article.duplicate_of].append(article.article_id)
    kept: list[Statement] = []
    buckets: dict[tuple, list[int]] = defaultdict(list)
    for statement in statements:
        norm = normalise_text(statement.text)
        sources = (statement.article_id, *copies.get(statement.article_id, ()))
        bucket = (statement.speaker, " ".join(norm.split()[:4]))
        match = None
        for idx in buckets[bucket]:
            other = kept[idx]
            if (
                other.article_id != statement.article_id
                and fuzz.token_set_ratio(norm, normalise_text(other.text)) >= settings.REPRINT_SIMILARITY
            ):
                match = idx
                break
        if match is None:
            buckets[bucket].append(len(kept))
            kept.append(replace(statement, sources=sources))
        else:
            merged = tuple(dict.fromkeys(kept[match].sources + sources))
            kept[match] = replace(kept[match], sources=merged)
    return kept
