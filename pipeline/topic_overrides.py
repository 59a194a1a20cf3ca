"""Readers' corrections of topics: renames and merges saved next to the corpus.

`topic_overrides.csv` (columns in ``schema.TOPIC_OVERRIDE_COLUMNS``) is written by the
dashboard's Topics page and applied by the next build after topics are assigned.
"""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import replace
from pathlib import Path

from pipeline import schema
from pipeline.records import Statement, Topic
from pipeline.reference import ReferenceError


def load_topic_overrides(path: Path) -> list[tuple[str, str, str]]:
    """(topic_id, action, value) rows, validated; an absent file means none."""
    if not path.exists():
        return []
    rows = []
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        if list(reader.fieldnames or [])[:3] != list(schema.TOPIC_OVERRIDE_COLUMNS):
            raise ReferenceError(f"{path}: expected header {','.join(schema.TOPIC_OVERRIDE_COLUMNS)}")
        for lineno, row in enumerate(reader, start=2):
            action = (row["action"] or "").strip()
            if action not in schema.TOPIC_OVERRIDE_ACTIONS:
                raise ReferenceError(
                    f"{path} row {lineno}: action {action!r} is not one of {', '.join(schema.TOPIC_OVERRIDE_ACTIONS)}"
                )
            rows.append(((row["topic_id"] or "").strip(), action, (row["value"] or "").strip()))
    return rows


def apply_topic_overrides(
    statements: list[Statement], topics: list[Topic], rows: list[tuple[str, str, str]]
) -> tuple[list[Statement], list[Topic]]:
    """Rename topics and merge one topic into another (statements follow the merge)."""
    labels = {t.topic_id: t.label for t in topics}
    merged_into: dict[str, str] = {}
    for topic_id, action, value in rows:
        if action == "rename" and topic_id in labels and value:
            labels[topic_id] = value
        elif action == "merge" and topic_id in labels and value in labels and value != topic_id:
            merged_into[topic_id] = value

    def target(topic_id: str) -> str:
        seen = set()
        while topic_id in merged_into and topic_id not in seen:
            seen.add(topic_id)
            topic_id = merged_into[topic_id]
        return topic_id

    new_statements = []
    for s in statements:
        tid = target(s.topic_id)
        new_statements.append(replace(s, topic_id=tid, topic_label=labels.get(tid, s.topic_label)))
    sizes = Counter(s.topic_id for s in new_statements)
    new_topics = [
        replace(t, label=labels[t.topic_id], size=sizes.get(t.topic_id, 0)) for t in topics if t.topic_id not in merged_into
    ]
    return new_statements, new_topics
