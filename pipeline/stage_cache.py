"""Per-article results kept between builds, so a rebuild only processes new or changed text.

Keyed by article id (a hash of the normalised text) and by a fingerprint of everything
that shapes the result (the code of the stage and the reference actors), so an edit to
either invalidates the cache instead of serving stale statements. The cache is a private
pickle next to the store, written atomically; an unreadable cache is simply rebuilt.
"""

from __future__ import annotations

import hashlib
import logging
import pickle
from collections.abc import Callable
from pathlib import Path

from pipeline.records import Article, Statement

LOG = logging.getLogger(__name__)
CACHE_VERSION = 1


def fingerprint(*parts: object) -> str:
    """A short hash of the things a cached result depends on."""
    digest = hashlib.sha1(str(CACHE_VERSION).encode())
    for part in parts:
        digest.update(repr(part).encode("utf-8"))
    return digest.hexdigest()[:16]


def module_source_hash(*modules: object) -> str:
    """Hash of the source files of modules (their code shapes the cached results)."""
    digest = hashlib.sha1()
    for module in modules:
        digest.update(Path(module.__file__).read_bytes())
    return digest.hexdigest()[:16]


def load(path: Path, key: str) -> dict[str, list[Statement]]:
    """Cached statements per article id, or nothing when absent, stale or unreadable."""
    if not path.exists():
        return {}
    try:
        with path.open("rb") as handle:
            stored_key, data = pickle.load(handle)
    except Exception:  # a damaged private cache is rebuilt, never trusted
        LOG.warning("statement cache %s unreadable; rebuilding it", path)
        return {}
    return data if stored_key == key else {}


def save(path: Path, key: str, data: dict[str, list[Statement]]) -> None:
    """Write the cache atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with tmp.open("wb") as handle:
        pickle.dump((key, data), handle, protocol=pickle.HIGHEST_PROTOCOL)
    tmp.replace(path)


def extract_with_cache(
    articles: list[Article], extract: Callable[[Article], list[Statement]], cache: dict[str, list[Statement]]
) -> tuple[list[Statement], dict[str, list[Statement]], int]:
    """Statements of every original article, extracting only those not in the cache.

    Returns the statements in article order, the new cache (current articles only) and how
    many articles were processed afresh.
    """
    fresh = 0
    new_cache: dict[str, list[Statement]] = {}
    out: list[Statement] = []
    for article in articles:
        if article.duplicate_of is not None:
            continue
        # the date claim is part of the key: who "Ukraine's foreign minister" is depends on it
        key = f"{article.article_id}|{article.published.earliest}|{article.published.latest}"
        found = cache.get(key)
        if found is None:
            found = extract(article)
            fresh += 1
        new_cache[key] = found
        out.extend(found)
    return out, new_cache, fresh
