"""Benchmarks: synthetic corpora built from our demo text, timed stage by stage.

`python -m pipeline bench [--sizes 100 1000]` prints one JSON summary: per stage seconds
and items per second, end-to-end articles per second, the share of time spent embedding,
peak memory (each size runs in its own process), dating throughput, and the app side
(loading a store and building the home figure).
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from pipeline import settings

ISO_DATE_RE = re.compile(r"\b20\d\d-\d\d-\d\d\b")
SEED = 7
REPORT_RE = re.compile(r"\b(said|told reporters|added|stressed|noted|wrote)\b")


def make_corpus(folder: Path, n_articles: int) -> None:
    """Write n synthetic articles from the demo texts: shifted dates, shuffled and mixed paragraphs."""
    sources = sorted(p for p in settings.DEMO_ARTICLES_DIR.glob("*.txt"))
    rng = random.Random(SEED)
    folder.mkdir(parents=True, exist_ok=True)
    start = dt.date(2023, 1, 1)
    texts = [p.read_text(encoding="utf-8") for p in sources]
    for i in range(n_articles):
        head, _, body = texts[i % len(texts)].partition("\n\n")
        paragraphs = [p for p in body.split("\n\n") if p.strip()]
        rng.shuffle(paragraphs)  # distinct articles, not syndicated copies of the same one
        donor = [p for p in texts[rng.randrange(len(texts))].split("\n\n")[2:] if p.strip()]
        paragraphs = paragraphs[: max(3, len(paragraphs) - 1)] + rng.sample(donor, min(2, len(donor)))
        # every remark unique, so reprint merging and the embedding cache do not shrink the work
        paragraphs = [REPORT_RE.sub(lambda m, k=f"{i}-{j}": f"{m.group(0)} at briefing {k}", p) for j, p in enumerate(paragraphs)]
        day = start + dt.timedelta(days=rng.randrange(0, 900))
        text = ISO_DATE_RE.sub(day.isoformat(), head, count=1) + "\n\n" + "\n\n".join(paragraphs)
        (folder / f"bench_{i:06d}.txt").write_text(text + f"\n\nBench note {i}.\n", encoding="utf-8")


def peak_memory_mb() -> float:
    """Peak resident memory of this process so far."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def run_one(n_articles: int) -> dict:
    """Build one synthetic corpus of n articles, then add 10 and rebuild (runs in a fresh process)."""
    from pipeline.build import BuildOptions, run_build

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "in"
        make_corpus(corpus, n_articles + 10)
        extra = sorted(corpus.iterdir())[-10:]
        for path in extra:
            path.rename(Path(tmp) / path.name)
        options = BuildOptions(
            input_dir=corpus,
            out_dir=Path(tmp) / "store",
            build_date=dt.date(2026, 1, 1),
            reference_dir=settings.DEMO_REFERENCE_DIR,
            replace_reference=True,
        )
        start = time.perf_counter()
        report = run_build(options)
        total = time.perf_counter() - start
        first_build_peak = peak_memory_mb()
        for path in extra:
            (Path(tmp) / path.name).rename(path)
        start = time.perf_counter()
        incremental = run_build(options)
        incremental_seconds = time.perf_counter() - start
    embed = report.timings.get("embed", 0.0)
    per_statement = ("embed", "topics", "stance", "reprints")
    return {
        "articles": n_articles,
        "statements": report.statements_before_reprints,
        "statements_after_reprint_merge": report.statements,
        "seconds": round(total, 2),
        "articles_per_second": round(n_articles / total, 1),
        "stages": {
            k: {
                "seconds": v,
                "resident_mb_after": report.memory_mb.get(k),
                "per_second": round((report.statements_before_reprints if k in per_statement else n_articles) / v, 1)
                if v
                else None,
            }
            for k, v in report.timings.items()
        },
        "embedding_share": round(embed / total, 3) if total else None,
        "non_embedding_seconds": round(total - embed, 2),
        "add_10_articles_seconds": round(incremental_seconds, 2),
        "add_10_fresh_articles": incremental.fresh_articles,
        "peak_memory_mb": first_build_peak,
        "peak_memory_mb_with_rebuild": peak_memory_mb(),
    }


def bench_app(n_statements: int, store_dir: Path) -> dict:
    """Time loading a store of n statements and filtering + drawing the home figure.

    The statements of a real built store are repeated to reach n rows; the app code is the
    dashboard's own (``views``), without Streamlit.
    """
    import pandas as pd

    from pipeline import schema
    from views import aggregate, figures, store_reader
    from views.filters import Filters, apply_filters

    statements = pd.read_parquet(store_dir / schema.STATEMENTS_FILE)
    reps = max(1, -(-n_statements // len(statements)))
    big = pd.concat([statements] * reps, ignore_index=True).head(n_statements)
    big["statement_id"] = [f"s{i}" for i in range(len(big))]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name in (schema.ARTICLES_FILE, schema.TOPICS_FILE, schema.REJECTS_FILE, schema.MANIFEST_FILE):
            (folder / name).write_bytes((store_dir / name).read_bytes())
        big.to_parquet(folder / schema.STATEMENTS_FILE, index=False)
        start = time.perf_counter()
        store = store_reader.load_store(folder)
        joined = store_reader.join_statements(store)
        loaded = time.perf_counter() - start
        start = time.perf_counter()
        figures.timeline_figure(apply_filters(joined, Filters()))
        home = time.perf_counter() - start
        start = time.perf_counter()
        figures.timeline_figure(apply_filters(joined, Filters(sides=("russia",), text="ceasefire")))
        change = time.perf_counter() - start
        start = time.perf_counter()
        aggregate.aggregate_figure(apply_filters(joined, Filters()))
        counts = time.perf_counter() - start
    return {
        "statements": len(big),
        "load_seconds": round(loaded, 3),
        "home_figure_seconds": round(home, 3),
        "filter_change_seconds": round(change, 3),
        "weekly_counts_figure_seconds": round(counts, 3),
    }


def bench_topics(n_statements: int) -> dict:
    """Embedding throughput and the topic stage alone on n distinct statements (real model)."""
    from pipeline.embedding import MiniLMEmbedder
    from pipeline.labelled import fixture_statements
    from pipeline.records import Statement
    from pipeline.reference import load_reference
    from pipeline.topic_calibration import load_calibration
    from pipeline.topics import assign_topics

    base = fixture_statements()
    rng = random.Random(SEED)
    statements, contexts = [], []
    for i in range(n_statements):
        x = base[i % len(base)]
        text = f"{x.sentence} (briefing {i}, {rng.choice(['Monday', 'Tuesday', 'Friday'])})"
        statements.append(Statement(statement_id=str(i), article_id=x.source, text=text, char_start=0, char_end=len(text)))
        contexts.append((x.before, x.lead))
    embedder = MiniLMEmbedder()
    embedder.embed(["warm up the model"])
    start = time.perf_counter()
    embedder.embed([s.text for s in statements])
    embed_seconds = time.perf_counter() - start
    threshold, weights = load_calibration()

    class Precomputed:
        """The vectors just measured, so the topic stage is timed on its own."""

        def __init__(self, inner):
            self.inner, self.cache = inner, {}

        def embed(self, texts):
            missing = [t for t in dict.fromkeys(texts) if t not in self.cache]
            if missing:
                self.cache.update(zip(missing, self.inner.embed(missing)))
            return np.stack([self.cache[t] for t in texts])

    cached = Precomputed(embedder)
    cached.embed([s.text for s in statements] + [c for pair in contexts for c in pair if c])
    seeds = list(load_reference(settings.DEFAULT_REFERENCE_DIR).topics)
    start = time.perf_counter()
    _, topics = assign_topics(statements, seeds, cached, threshold, contexts, weights)
    topic_seconds = time.perf_counter() - start
    return {
        "statements": n_statements,
        "embed_per_second": round(n_statements / embed_seconds, 1),
        "topic_stage_seconds": round(topic_seconds, 2),
        "topics": len(topics),
    }


def bench_dating(n_articles: int = 1000) -> dict:
    """Dating throughput on synthetic articles (ingest excluded)."""
    from pipeline.dating import DatingContext, date_articles
    from pipeline.ingest import ingest
    from pipeline.reference import load_reference
    from pipeline.sources import read_folder

    with tempfile.TemporaryDirectory() as tmp:
        make_corpus(Path(tmp), n_articles)
        docs, _ = read_folder(Path(tmp))
        articles, _ = ingest(docs)
    reference = load_reference(settings.DEFAULT_REFERENCE_DIR)
    start = time.perf_counter()
    date_articles(articles, DatingContext(reference, None, dt.date(2026, 1, 1)))
    seconds = time.perf_counter() - start
    return {"articles": len(articles), "seconds": round(seconds, 2), "articles_per_second": round(len(articles) / seconds, 1)}


def main(sizes: list[int], app_sizes: list[int], topic_sizes: list[int]) -> int:
    """Run every benchmark, each build size in its own process so peak memory is its own."""
    summary: dict = {"date": dt.date.today().isoformat(), "builds": [], "dating": bench_dating(), "topics": [], "app": []}
    for n in sizes:
        out = subprocess.run(
            [sys.executable, "-m", "pipeline", "bench", "--one", str(n)],
            capture_output=True,
            text=True,
            check=True,
            cwd=settings.REPO_ROOT,
        )
        summary["builds"].append(json.loads(out.stdout.strip().splitlines()[-1]))
    demo_store = settings.DEMO_STORE_DIR
    if not (demo_store / "statements.parquet").exists():
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pipeline",
                "build",
                str(settings.DEMO_ARTICLES_DIR),
                "--out",
                str(demo_store),
                "--reference",
                str(settings.DEMO_REFERENCE_DIR),
                "--replace-reference",
                "--quiet",
            ],
            check=True,
            cwd=settings.REPO_ROOT,
            capture_output=True,
        )
    for n in app_sizes:
        summary["app"].append(bench_app(n, demo_store))
    for n in topic_sizes:
        summary["topics"].append(bench_topics(n))
    print(json.dumps(summary, indent=2))
    return 0
