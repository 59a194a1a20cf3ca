"""Our labelled examples as (sentence, label) pairs: the statements fixture and the demo gold.

Used by the eval command and to train the stance model; both read the same loaders so
training and measuring see the same sentences.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from pipeline import settings
from pipeline.sentences import split_sentences
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


def _labelled(text: str, title: str, g: dict, source: str) -> LabelledStatement:
    """A gold statement with the sentence that holds it (as our splitter cuts it) and its context."""
    sentence = next((s for s in split_sentences(text) if g["contains"] in s.text), None)
    start = sentence.start if sentence else max(text.find(g["contains"]), 0)
    before, lead = statement_context(text, title, start)
    return LabelledStatement(
        sentence.text if sentence else g["contains"], g.get("speaker"), g["side"], g["topic"], g["stance"], source, before, lead
    )


def fixture_statements(path: Path = STATEMENTS_FIXTURE) -> list[LabelledStatement]:
    """Statements of the hand-written fixture."""
    out = []
    for snip in yaml.safe_load(path.read_text(encoding="utf-8"))["snippets"]:
        text = snip["text"].strip()
        for g in snip.get("statements") or []:
            out.append(_labelled(text, "", g, f"fixture:{snip['id']}"))
    return out


def demo_statements(path: Path = DEMO_GOLD) -> list[LabelledStatement]:
    """Non-optional statements of the demo corpus gold file, in their cleaned articles."""
    from pipeline.ingest import ingest
    from pipeline.sources import read_folder

    gold = yaml.safe_load(path.read_text(encoding="utf-8"))
    docs, _ = read_folder(path.parent / gold.get("articles_dir", "articles"))
    articles, _ = ingest(docs)
    out = []
    for entry in gold["articles"]:
        candidates = [a for a in articles if a.source_path.split("#")[0] == entry["file"]]
        for g in entry.get("statements") or []:
            article = next((a for a in candidates if g["contains"] in a.text), None)
            if g.get("optional") or article is None:
                continue
            out.append(_labelled(article.text, article.title, g, f"demo:{entry['file']}"))
    return out


def topic_training_statements() -> list[LabelledStatement]:
    """Everything labelled with a topic of the real reference that the topic model may learn from
    (the demo, written about other countries with its own topic descriptions, is kept for testing)."""
    return fixture_statements() + [x for path in STANCE_EXTRA_FIXTURES if path.exists() for x in fixture_statements(path)]


def stance_training_statements() -> list[LabelledStatement]:
    """Everything labelled with a stance that the model may learn from (fixture + extra + demo)."""
    extra = [x for path in STANCE_EXTRA_FIXTURES if path.exists() for x in fixture_statements(path)]
    return fixture_statements() + extra + demo_statements()
