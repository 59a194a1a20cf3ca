"""Chains the stages: read -> ingest -> overrides -> dating -> statements -> stance -> topics -> store."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
import platform
import time
from dataclasses import dataclass, field, replace
from importlib import metadata
from pathlib import Path

import numpy as np

from pipeline import schema, settings, stage_cache, stance_model, topic_calibration, topic_model
from pipeline import sentences as sentences_module
from pipeline import speakers as speakers_module
from pipeline import statements as statements_module
from pipeline.date_patterns import parse_date_string
from pipeline.dating import DatingContext, date_articles
from pipeline.embedding import CachedEmbedder, Embedder, MiniLMEmbedder
from pipeline.ingest import ingest
from pipeline.overrides import apply_overrides, load_overrides
from pipeline.reference import Reference, load_reference
from pipeline.reprints import merge_reprints
from pipeline.sources import read_folder
from pipeline.speakers import SpeakerIndex
from pipeline.stance import assign_stances
from pipeline.statement_dates import date_statements
from pipeline.statements import extract_statements
from pipeline.store import StoreLock, articles_frame, events_frame, rejects_frame, statements_frame, topics_frame, write_store
from pipeline.topic_overrides import apply_topic_overrides, load_topic_overrides
from pipeline.topics import assign_topics, statement_context

LOG = logging.getLogger(__name__)
STAGES = ("read", "ingest", "dating", "statements", "statement_dates", "embed", "topics", "stance", "reprints", "store")
VERSIONED_PACKAGES = ("pandas", "pyarrow", "dateparser", "sentence-transformers", "torch", "scikit-learn", "trafilatura", "pysbd")


@dataclass
class BuildOptions:
    """Everything a build needs besides the input folder."""

    input_dir: Path
    out_dir: Path
    as_of: dt.date | None = None
    build_date: dt.date | None = None
    reference_dir: Path | None = None
    replace_reference: bool = False
    embedder: Embedder | None = None
    progress: bool = False


@dataclass
class BuildReport:
    """What a build did, for the CLI summary and the manifest."""

    articles: int = 0
    duplicates: int = 0
    rejects: list = field(default_factory=list)
    statements: int = 0
    speakers: int = 0
    topics: int = 0
    timings: dict[str, float] = field(default_factory=dict)
    memory_mb: dict[str, float] = field(default_factory=dict)  # resident memory after each stage
    fresh_articles: int = 0  # articles whose statements were extracted anew (not from the cache)
    statements_before_reprints: int = 0
    dated: dict[str, int] = field(default_factory=dict)


def corpus_reference_dir(options: BuildOptions) -> Path | None:
    """A reference folder given explicitly, or a `reference/` folder inside the input."""
    if options.reference_dir is not None:
        return options.reference_dir
    candidate = options.input_dir / "reference"
    return candidate if candidate.is_dir() else None


def _versions() -> dict[str, str]:
    """Installed versions of the libraries that shape the output."""
    out = {"python": platform.python_version()}
    for name in VERSIONED_PACKAGES:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = "missing"
    return out


def _input_hashes(input_dir: Path, sources: list[str]) -> dict[str, str]:
    """sha1 of every input file that was read."""
    out = {}
    for source in sorted({s.split("#", 1)[0] for s in sources}):
        path = input_dir / source
        try:
            out[source] = hashlib.sha1(path.read_bytes()).hexdigest()
        except OSError:
            out[source] = "unreadable"
    return out


def resident_mb() -> float:
    """This process's resident memory now (Linux /proc; 0 where unavailable)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, ValueError, IndexError):
        return 0.0
    return round(pages * os.sysconf("SC_PAGE_SIZE") / 2**20, 1)


def embed_statements(cache: CachedEmbedder, texts: list[str], context_texts: list[str]) -> np.ndarray:
    """Embed statements and their contexts in one pass (sorted by length, few padded batches);
    only the statements' vectors are kept: the contexts' wait in the cache for the topic stage."""
    keys = cache.warm(texts + context_texts)
    return cache.stack(keys[: len(texts)])


def run_build(options: BuildOptions) -> BuildReport:
    """Build a store from a folder of articles; returns what happened."""
    if not options.input_dir.is_dir():
        raise FileNotFoundError(f"input folder {options.input_dir} does not exist")
    report = BuildReport()
    clock = time.perf_counter
    from tqdm import tqdm

    bar = tqdm(total=len(STAGES), desc="build", unit="stage", disable=not options.progress, leave=False)

    def timed(stage: str, func, *args):
        bar.set_postfix_str(stage)
        start = clock()
        result = func(*args)
        report.timings[stage] = round(clock() - start, 3)
        report.memory_mb[stage] = resident_mb()
        bar.update(1)
        return result

    corpus_ref = corpus_reference_dir(options)
    reference: Reference = load_reference(settings.DEFAULT_REFERENCE_DIR, corpus_ref, options.replace_reference)
    corpus_overrides = options.input_dir / schema.DATE_OVERRIDES_FILE
    skip = tuple(p for p in (corpus_ref, corpus_overrides, options.input_dir / schema.TOPIC_OVERRIDES_FILE) if p is not None)
    with StoreLock(options.out_dir):
        docs, rejects = timed("read", read_folder, options.input_dir, skip)
        articles, thin = timed("ingest", ingest, docs)
        rejects = rejects + thin
        overrides = load_overrides(settings.DEFAULT_OVERRIDES_FILE, corpus_overrides)
        upper = options.build_date or options.as_of
        ctx = DatingContext(reference, options.as_of, upper)
        articles = [
            replace(a, retrieved=parse_date_string(a.retrieved_raw) if a.retrieved_raw else options.as_of) for a in articles
        ]
        articles = apply_overrides(timed("dating", date_articles, articles, ctx), overrides)
        index = SpeakerIndex(reference.actors)
        cache_file = options.out_dir.parent / f".{options.out_dir.name}.statements-cache.pkl"
        cache_key = stage_cache.fingerprint(
            stage_cache.module_source_hash(statements_module, speakers_module, sentences_module), reference.actors
        )
        previous = stage_cache.load(cache_file, cache_key)
        statements, statement_cache, report.fresh_articles = timed(
            "statements", stage_cache.extract_with_cache, articles, lambda a: extract_statements(a, index), previous
        )
        by_id = {a.article_id: a for a in articles}
        statements = timed("statement_dates", date_statements, statements, by_id, reference.events)
        cache = CachedEmbedder(
            options.embedder or MiniLMEmbedder(),
            options.out_dir.parent / f".{options.out_dir.name}.{settings.EMBEDDING_CACHE_NAME}",
        )
        threshold, weights = topic_calibration.load_calibration()
        contexts = [statement_context(by_id[s.article_id].text, by_id[s.article_id].title, s.char_start) for s in statements]
        context_texts = [text for c in contexts for text, w in zip(c, weights[1:]) if w and text]
        vectors = timed("embed", embed_statements, cache, [s.text for s in statements], context_texts)
        statements, topics = timed(
            "topics",
            assign_topics,
            statements,
            list(reference.topics),
            cache,
            threshold,
            contexts,
            weights,
            vectors,
            topic_model.load(),
        )
        statements, topics = apply_topic_overrides(
            statements, topics, load_topic_overrides(options.input_dir / schema.TOPIC_OVERRIDES_FILE)
        )
        model = stance_model.load()
        if model is not None and vectors.shape[1] != model.embedding_dim:
            LOG.warning("stance model expects %d-dim embeddings, got %d: using the rules", model.embedding_dim, vectors.shape[1])
            model = None
        statements = timed("stance", assign_stances, statements, vectors, model)
        cache.save()
        report.statements_before_reprints = len(statements)
        statements = timed("reprints", merge_reprints, statements, articles)
        report.articles = len(articles)
        report.duplicates = sum(1 for a in articles if a.duplicate_of)
        report.rejects = rejects
        report.statements = len(statements)
        report.speakers = len({s.speaker for s in statements if s.speaker})
        report.topics = sum(1 for t in topics if t.size > 0)
        for a in articles:
            report.dated[a.published.precision] = report.dated.get(a.published.precision, 0) + 1
        manifest = {
            "built_at": options.build_date.isoformat() if options.build_date else None,
            "as_of": options.as_of.isoformat() if options.as_of else None,
            "input": str(options.input_dir.resolve()),
            "reference": list(reference.sources),
            "inputs": _input_hashes(options.input_dir, [d.source_path for d in docs] + [r.source_path for r in rejects]),
            "versions": _versions(),
            "counts": {
                "articles": report.articles,
                "duplicates": report.duplicates,
                "rejects": len(rejects),
                "statements": report.statements,
                "speakers": report.speakers,
                "topics": report.topics,
            },
            "dated": report.dated,
            "timings": report.timings,
            "embedding_cache": {"hits": cache.hits, "misses": cache.misses},
            "statement_cache": {
                "fresh_articles": report.fresh_articles,
                "reused_articles": len(statement_cache) - report.fresh_articles,
            },
        }
        tables = {
            schema.ARTICLES_FILE: articles_frame(articles),
            schema.STATEMENTS_FILE: statements_frame(statements),
            schema.TOPICS_FILE: topics_frame(topics),
            schema.REJECTS_FILE: rejects_frame(rejects),
            schema.EVENTS_FILE: events_frame(reference.events),
        }
        timed("store", write_store, options.out_dir, tables, manifest)
        stage_cache.save(cache_file, cache_key, statement_cache)
    bar.close()
    return report
