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

STATEMENTS_FIXTURE = settings.REPO_ROOT / "tests" / "fixtures" / "statements.yaml"
DEMO_GOLD = settings.REPO_ROOT / "data" / "demo" / "gold.yaml"


@dataclass(frozen=True)
class LabelledStatement:
    """One gold statement: the sentence that holds it and its labels."""

    sentence: str
    speaker: str | None
    side: str
    topic: str
    stance: str
    source: str


def _sentence_holding(text: str, contains: str) -> str:
    """The sentence (as our splitter cuts it) that holds a gold substring."""
    return next((s.text for s in split_sentences(text) if contains in s.text), contains)


def fixture_statements(path: Path = STATEMENTS_FIXTURE) -> list[LabelledStatement]:
    """Statements of the hand-written fixture."""
    out = []
    for snip in yaml.safe_load(path.read_text(encoding="utf-8"))["snippets"]:
        text = snip["text"].strip()
        for g in snip.get("statements") or []:
            out.append(
                LabelledStatement(
                    _sentence_holding(text, g["contains"]),
                    g.get("speaker"),
                    g["side"],
                    g["topic"],
                    g["stance"],
                    f"fixture:{snip['id']}",
                )
            )
    return out


def demo_statements(path: Path = DEMO_GOLD) -> list[LabelledStatement]:
    """Non-optional statements of the demo corpus gold file, with the sentence from the article file."""
    gold = yaml.safe_load(path.read_text(encoding="utf-8"))
    articles_dir = path.parent / gold.get("articles_dir", "articles")
    out = []
    for entry in gold["articles"]:
        raw = (articles_dir / entry["file"]).read_text(encoding="utf-8")
        for g in entry.get("statements") or []:
            if g.get("optional") or g["contains"] not in raw:
                continue
            out.append(
                LabelledStatement(
                    _sentence_holding(raw, g["contains"]),
                    g.get("speaker"),
                    g["side"],
                    g["topic"],
                    g["stance"],
                    f"demo:{entry['file']}",
                )
            )
    return out
