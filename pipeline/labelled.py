"""Our labelled examples as (sentence, label) pairs: the statements fixture and the demo gold.

Used by the eval command and to train the stance model; both read the same loaders so
training and measuring see the same sentences.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from pipeline import settings
from pipeline.records import Article
from pipeline.sentences import split_sentences
from pipeline.speakers import SpeakerIndex
from pipeline.statements import extract_statements
from pipeline.topics import statement_context

STATEMENTS_FIXTURE = settings.REPO_ROOT / "tests" / "fixtures" / "statements.yaml"
DEMO_GOLD = settings.REPO_ROOT / "data" / "demo" / "gold.yaml"
# more stance labels, same format as the statements fixture: every tests/fixtures/stance_*.yaml
STANCE_EXTRA_FIXTURES = tuple(sorted((settings.REPO_ROOT / "tests" / "fixtures").glob("stance_*.yaml")))


@dataclass(frozen=True)
class LabelledStatement:
    """One gold statement: the sentence that holds it and its labels."""

    sentence: str
    speaker: str | None
    side: str
    topic: str
    stance: str
    source: str
    before: str = ""  # text just before the statement in its article
    lead: str = ""  # its article's headline and lead
    found_side: str = "unknown"  # the side our statement finder gives it, as a build would


def _labelled(text: str, title: str, g: dict, source: str, found: list) -> LabelledStatement:
    """A gold statement with the sentence that holds it (as our splitter cuts it), its context and
    the side the statements stage finds for it (``found``: that stage's output on the same text)."""
    sentence = next((s for s in split_sentences(text) if g["contains"] in s.text), None)
    start = sentence.start if sentence else max(text.find(g["contains"]), 0)
    before, lead = statement_context(text, title, start)
    side = next((s.side for s in found if g["contains"] in s.text), "unknown")
    return LabelledStatement(
        sentence.text if sentence else g["contains"],
        g.get("speaker"),
        g["side"],
        g["topic"],
        g["stance"],
        source,
        before,
        lead,
        side,
    )


@lru_cache(maxsize=2)
def _speaker_index(reference_dir: Path | None = None) -> SpeakerIndex:
    """The speaker index of the default reference, or of a corpus reference used alone."""
    from pipeline.reference import load_reference

    if reference_dir is None:
        return SpeakerIndex(load_reference(settings.DEFAULT_REFERENCE_DIR).actors)
    return SpeakerIndex(load_reference(settings.DEFAULT_REFERENCE_DIR, reference_dir, replace=True).actors)


def fixture_statements(path: Path = STATEMENTS_FIXTURE) -> list[LabelledStatement]:
    """Statements of the hand-written fixture."""
    out = []
    for snip in yaml.safe_load(path.read_text(encoding="utf-8"))["snippets"]:
        text = snip["text"].strip()
        found = extract_statements(Article(snip["id"], snip["id"], "", None, None, text), _speaker_index())
        for g in snip.get("statements") or []:
            out.append(_labelled(text, "", g, f"fixture:{snip['id']}", found))
    return out


def demo_statements(path: Path = DEMO_GOLD) -> list[LabelledStatement]:
    """Non-optional statements of the demo corpus gold file, in their cleaned articles."""
    from pipeline.ingest import ingest
    from pipeline.sources import read_folder

    gold = yaml.safe_load(path.read_text(encoding="utf-8"))
    docs, _ = read_folder(path.parent / gold.get("articles_dir", "articles"))
    articles, _ = ingest(docs)
    out = []
    statements_of: dict[str, list] = {}  # what the statements stage finds in each article, found once
    for entry in gold["articles"]:
        candidates = [a for a in articles if a.source_path.split("#")[0] == entry["file"]]
        for g in entry.get("statements") or []:
            article = next((a for a in candidates if g["contains"] in a.text), None)
            if g.get("optional") or article is None:
                continue
            if article.article_id not in statements_of:
                statements_of[article.article_id] = extract_statements(article, _speaker_index(settings.DEMO_REFERENCE_DIR))
            out.append(_labelled(article.text, article.title, g, f"demo:{entry['file']}", statements_of[article.article_id]))
    return out


def topic_training_statements() -> list[LabelledStatement]:
    """Everything labelled with a topic of the real reference that the topic model may learn from
    (the demo, written about other countries with its own topic descriptions, is kept for testing)."""
    return fixture_statements() + [x for path in STANCE_EXTRA_FIXTURES if path.exists() for x in fixture_statements(path)]


def stance_training_statements() -> list[LabelledStatement]:
    """Everything labelled with a stance that the model may learn from (fixture + extra + demo)."""
    extra = [x for path in STANCE_EXTRA_FIXTURES if path.exists() for x in fixture_statements(path)]
    return fixture_statements() + extra + demo_statements()


def found_topics(examples: list[LabelledStatement], embedder) -> list[str]:
    """The topic the topics stage gives each labelled statement, as a build would (demo statements
    with the demo corpus's own reference). Each reference's statements are embedded together, as in
    a build: 8-bit embeddings depend slightly on what they are batched with."""
    from pipeline import topic_model
    from pipeline.records import Statement
    from pipeline.reference import load_reference
    from pipeline.topic_calibration import load_calibration
    from pipeline.topics import assign_topics

    threshold, weights = load_calibration()
    model = topic_model.load()
    out: list[str] = [""] * len(examples)
    for is_demo in (False, True):
        rows = [i for i, x in enumerate(examples) if x.source.startswith("demo:") == is_demo]
        if not rows:
            continue
        reference = load_reference(
            settings.DEFAULT_REFERENCE_DIR, settings.DEMO_REFERENCE_DIR if is_demo else None, replace=is_demo
        )
        statements = [
            Statement(statement_id=str(i), article_id=examples[i].source, text=examples[i].sentence, char_start=0, char_end=0)
            for i in rows
        ]
        contexts = [(examples[i].before, examples[i].lead) for i in rows]
        assigned, _ = assign_topics(statements, list(reference.topics), embedder, threshold, contexts, weights, model=model)
        for i, statement in zip(rows, assigned):
            out[i] = statement.topic_id
    return out


def stance_inputs(examples: list[LabelledStatement], embedder) -> dict:
    """What the stance model sees of labelled statements, as in a build: the sentence, its
    embedding, and the side and topic the earlier stages find for it."""
    from pipeline.reference import load_reference

    vectors = embedder.embed([x.sentence for x in examples])
    return {
        "texts": [x.sentence for x in examples],
        "vectors": vectors,
        "sides": [x.found_side for x in examples],
        "topics": found_topics(examples, embedder),
        "topic_ids": tuple(t.topic_id for t in load_reference(settings.DEFAULT_REFERENCE_DIR).topics),
    }
