"""Every tunable number and path of the pipeline, in one place."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_REFERENCE_DIR = REPO_ROOT / "data" / "reference"
DEFAULT_OVERRIDES_FILE = REPO_ROOT / "data" / "overrides.csv"
DEMO_ARTICLES_DIR = REPO_ROOT / "data" / "demo" / "articles"
DEMO_REFERENCE_DIR = REPO_ROOT / "data" / "demo" / "reference"
DEMO_STORE_DIR = REPO_ROOT / "data" / "store" / "demo"
# The real seed articles, read in place (never copied into the repository): beside the checkout by default.
SEEDS_DIR = Path(os.environ.get("TIMELINE_SEEDS_DIR") or REPO_ROOT.parent / "shared" / "seeds")

# Ingest limits: files above this size are rejected instead of read into memory.
MAX_FILE_BYTES = 20 * 1024 * 1024
# The app's "Add articles" page: all files of one upload together may not exceed this.
MAX_UPLOAD_TOTAL_BYTES = 5 * MAX_FILE_BYTES
MIN_BODY_CHARS = 40
SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".json", ".jsonl", ".csv")
MAX_TITLE_CHARS = 220

# Dating.
WEEKDAY_LOOKAHEAD_DAYS = 6  # "said on Friday": the article appears on that Friday or up to 6 days later
RELATIVE_MONTH_SLACK_DAYS = 10  # "a month ago": allow this much either side
WAR_START = dt.date(2022, 2, 24)  # "nearly four years of war" is counted from the full-scale invasion
CONFIDENT_WIDTH_DAYS = 7  # an interval this narrow counts as a confident claim in evaluation

# Statements.
MAX_STATEMENT_CHARS = 900

# Topics.
EMBED_BATCH_SIZE = 64
# Full precision: 8-bit dynamic quantization is 1.5x faster on the embedding, but it scales each
# batch by its own largest activation, so a statement's vector (cosine up to 0.09 off) and then
# its topic and stance changed with whatever else was in the corpus (README, Speed).
# TIMELINE_EMBED_QUANTIZED=1 turns it on (retrain with train-topics/train-stance).
EMBED_QUANTIZED = os.environ.get("TIMELINE_EMBED_QUANTIZED", "0") == "1"
TOPIC_MIN_SIMILARITY = 0.30  # below this, a statement is not assigned to a seeded topic
TOPIC_KEYWORD_WEIGHT = 0.12  # added to the similarity per matched topic keyword (capped)
TOPIC_KEYWORD_CAP = 0.24
TOPIC_SECONDARY_MARGIN = 0.05
TOPIC_MODEL_BLEND = 0.5  # weight of the learned topic probabilities next to the similarity scores
TOPIC_CONTEXT_BEFORE_CHARS = 300  # at most this much of the sentence before a statement (its context)
TOPIC_CONTEXT_LEAD_CHARS = 600  # headline + lead of its article
TOPIC_CONTEXT_WEIGHTS = (1.0, 0.0, 0.0)  # sentence, before, lead; calibrated values live in data/models/topics.json
DISCOVERED_MIN_CLUSTER = 3
DISCOVERED_DISTANCE_THRESHOLD = 0.7  # cosine distance at which discovered clusters stop merging
DISCOVERY_MAX_STATEMENTS = 3000  # above this, k-means instead of agglomerative clustering
DISCOVERY_MAX_TOPICS = 40  # never more discovered topics than this
TOPIC_LABEL_TERMS = 3
# Longer texts are cut (a statement rarely reaches it; a lead is ~130 tokens). The model allows 256,
# but attention memory grows with the square of the length: 128 keeps a build's peak memory low.
EMBED_MAX_TOKENS = 128
EMBEDDING_CACHE_NAME = f"embeddings-{'q8' if EMBED_QUANTIZED else 'fp32'}-{EMBED_MAX_TOKENS}.npz"  # never mix variants

# Near-duplicate statements (reprints of the same remark).
REPRINT_SIMILARITY = 92  # rapidfuzz token_set_ratio on normalised sentence text
