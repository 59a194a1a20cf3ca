"""The store contract: file and column names shared by the pipeline and the app.

Other tools read the store, so these names are binding (see DESIGN.md). Both the writer
(``pipeline.store``) and the readers (``dashboard.py``, ``pages/``) import them from here.
"""

from __future__ import annotations

ARTICLES_FILE = "articles.parquet"
STATEMENTS_FILE = "statements.parquet"
TOPICS_FILE = "topics.parquet"
REJECTS_FILE = "rejects.parquet"
MANIFEST_FILE = "manifest.json"
STORE_FILES = (ARTICLES_FILE, STATEMENTS_FILE, TOPICS_FILE, REJECTS_FILE, MANIFEST_FILE)
# Optional extra table: the reference milestones the build used, so the app can draw them
# without reading the reference folder.
EVENTS_FILE = "events.parquet"
EVENT_COLUMNS = ("event_id", "date", "date_end", "title", "topic_id")
# Corpus-local files the app may write (next to the input articles) and the next build applies.
DATE_OVERRIDES_FILE = "overrides.csv"
TOPIC_OVERRIDES_FILE = "topic_overrides.csv"
DATE_OVERRIDE_COLUMNS = ("key", "published", "note")  # key: article_id or source_path
TOPIC_OVERRIDE_COLUMNS = ("topic_id", "action", "value")  # action: rename (value = label) | merge (value = target id)
TOPIC_OVERRIDE_ACTIONS = ("rename", "merge")

ARTICLE_COLUMNS = (
    "article_id",
    "source_path",
    "title",
    "outlet",
    "url",
    "text",
    "published",
    "published_earliest",
    "published_latest",
    "published_precision",
    "published_method",
    "published_evidence",
    "duplicate_of",
)
# Extra, optional article columns the app may use when present.
ARTICLE_EXTRA_COLUMNS = ("retrieved", "boilerplate", "char_count")

STATEMENT_COLUMNS = (
    "statement_id",
    "article_id",
    "text",
    "quote",
    "char_start",
    "char_end",
    "speaker",
    "speaker_raw",
    "side",
    "said_on",
    "said_earliest",
    "said_latest",
    "said_precision",
    "said_method",
    "topic_id",
    "topic_label",
    "topic_score",
    "stance",
)
# Extra statement columns: why a date / stance was chosen, and reprints of the same remark.
STATEMENT_EXTRA_COLUMNS = (
    "said_evidence",
    "stance_cues",
    "speaker_role",
    "secondary_topic_id",
    "sources",
    "source_count",
)

TOPIC_COLUMNS = ("topic_id", "label", "keywords", "size", "seeded")
REJECT_COLUMNS = ("source_path", "reason")

DATE_COLUMNS_ARTICLES = ("published", "published_earliest", "published_latest")
DATE_COLUMNS_STATEMENTS = ("said_on", "said_earliest", "said_latest")

SIDES = ("russia", "ukraine", "usa", "europe", "other", "unknown")
STANCES = ("supports", "conditional", "opposes", "neutral")
PRECISIONS = ("day", "week", "month", "year", "unknown")
PUBLISHED_METHODS = ("header", "url", "dateline", "relative", "inferred", "override", "unknown")
SAID_METHODS = ("explicit", "relative", "event", "article", "unknown")

UNDATED_TOPIC_ID = "other"
