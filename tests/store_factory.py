"""Write a small synthetic store with the exact contract columns, so app tests need no pipeline run."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import pandas as pd

from pipeline import schema

D = dt.date
OUTLETS = ("Harbour Gazette", "Northern Wire", "Daily Ledger", "Coastline News")
TOPICS = (
    ("ceasefire", "Ceasefire", ("ceasefire", "truce", "halt")),
    ("territory", "Territory", ("border", "region", "territory")),
    ("guarantees", "Security guarantees", ("guarantee", "troops", "security")),
    ("prisoners", "Prisoner exchange", ("prisoner", "exchange", "release")),
)
# speaker, raw mention, side, role
SPEAKERS = (
    ("Anton Belov", "Kremlin aide Belov", "russia", "Kremlin spokesman"),
    ("Olena Marchuk", "Foreign Minister Marchuk", "ukraine", "Foreign Minister"),
    ("Grace Whitfield", "envoy Whitfield", "usa", "Special envoy"),
    ("Henrik Lund", "Lund", "europe", None),
    ("Ayse Demir", "mediator Demir", "other", "Mediator"),
)
STANCES = ("supports", "conditional", "opposes", "neutral")
PHRASES = {
    "ceasefire": "a ceasefire must hold for thirty days before any summit",
    "territory": "no border can be redrawn by force in the eastern region",
    "guarantees": "security guarantees need troops on the ground",
    "prisoners": "the prisoner exchange should continue every week",
}
# (article index, published, precision, method, evidence)
ARTICLES = (
    (0, D(2025, 1, 14), "day", "header", "date header: 14 January 2025"),
    (1, D(2025, 2, 3), "day", "url", "date in URL /2025/02/03/"),
    (2, D(2025, 3, 15), "month", "inferred", "mentions 'in March' of the talks year"),
    (3, D(2025, 3, 28), "day", "dateline", "dateline: GENEVA, March 28"),
    (4, D(2025, 4, 9), "day", "relative", "'2 days ago' against retrieval 2025-04-11"),
    (5, D(2025, 5, 20), "day", "header", "date header: 20 May 2025"),
    (6, None, "unknown", "unknown", "no date evidence found"),
    (7, D(2025, 5, 20), "day", "header", "date header: 20 May 2025 (reprint)"),
)
REJECTS = (
    ("broken/empty.txt", "empty body: fewer than 40 characters after cleaning"),
    ("scans/page.pdf", "unsupported file type .pdf"),
)
# (event_id, date, date_end, title, topic_id): one outside the statements' dates, one with markup.
EVENTS = (
    ("old_accord", D(2024, 11, 5), None, "An earlier accord, before any statement", "territory"),
    ("first_round", D(2025, 1, 20), None, "First round of invented talks in Geneva", "ceasefire"),
    ("swap", D(2025, 2, 10), None, "Exchange of two hundred detainees", "prisoners"),
    ("summit", D(2025, 3, 27), D(2025, 3, 28), "Two-day summit on <b>security</b> guarantees & troops", "guarantees"),
    ("deadline", D(2025, 4, 30), None, "Ceasefire deadline passes without a deal", None),
)
BOILERPLATE = "Subscribe to the *Ledger* newsletter\nPhoto: [Agency] / staff"
N_STATEMENTS = 30
MARKDOWN_TRAP = "Belov said the *final* offer was [sic] worth $5 billion."


def stable_id(*parts: object) -> str:
    """Hash text into a short stable id, as the pipeline does."""
    return hashlib.sha1("|".join(map(str, parts)).encode()).hexdigest()[:12]


def said_claim(i: int, published: dt.date | None, precision: str) -> tuple:
    """Give statement i an exact, month-wide or missing date, cycling through the three kinds."""
    kind = i % 3
    if published is None or kind == 2 and i % 2 == 0:
        return None, None, None, "unknown", "unknown", "no date evidence found"
    if kind == 1 or precision != "day":
        first = published.replace(day=1)
        last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        return first + dt.timedelta(days=14), first, last, "month", "explicit", f"'in {first:%B}' in the sentence"
    day = published - dt.timedelta(days=i % 2)
    method = "article" if day == published else "relative"
    return day, day, day, "day", method, "article date" if method == "article" else "'yesterday' before article date"


def build_frames() -> dict[str, pd.DataFrame]:
    """Build the five tables in memory; exposed so tests can compute expectations independently."""
    statements, bodies = [], {a[0]: [f"Paragraph one of invented article {a[0]}. Talks resumed."] for a in ARTICLES}
    for i in range(N_STATEMENTS):
        art_idx = i % 7  # article 7 is a reprint and carries no statements of its own
        anonymous = (None, "an official", "unknown", None)
        speaker, raw, side, role = SPEAKERS[i % len(SPEAKERS)] if i % 10 != 9 else anonymous
        topic_id, topic_label, _ = TOPICS[i % len(TOPICS)]
        sentence = f"{raw} said {PHRASES[topic_id]} (remark {i})." if i != 0 else MARKDOWN_TRAP
        bodies[art_idx].append(f"Delegates met again on day {i}. {sentence} Officials gave no further detail.")
        published, article_precision = ARTICLES[art_idx][1], ARTICLES[art_idx][2]
        on, lo, hi, precision, method, evidence = said_claim(i, published, article_precision)
        # As the pipeline does: source article ids, the reprint (article 7) counting for article 5.
        sources = [stable_id("article", art_idx)] + ([stable_id("article", 7)] if art_idx == 5 else [])
        statements.append(
            {
                "statement_id": f"s{i:02d}",
                "article_id": stable_id("article", art_idx),
                "text": sentence,
                "quote": PHRASES[topic_id] if i % 4 == 0 and i else None,
                "speaker": speaker,
                "speaker_raw": raw,
                "side": side,
                "said_on": on,
                "said_earliest": lo,
                "said_latest": hi,
                "said_precision": precision,
                "said_method": method,
                "topic_id": topic_id,
                "topic_label": topic_label,
                "topic_score": round(0.5 + (i % 5) / 10, 2),
                "stance": STANCES[i % len(STANCES)],
                "said_evidence": evidence,
                "stance_cues": "must" if i % 4 == 1 else "",
                "speaker_role": role,
                "secondary_topic_id": None,
                "sources": sources,
                "source_count": len(sources),
            }
        )
    texts = {idx: "\n\n".join(lines) for idx, lines in bodies.items()}
    texts[7] = texts[5]
    for row in statements:
        idx = next(a[0] for a in ARTICLES if stable_id("article", a[0]) == row["article_id"])
        row["char_start"] = texts[idx].index(row["text"])
        row["char_end"] = row["char_start"] + len(row["text"])
    articles = [article_row(a, texts[a[0]]) for a in ARTICLES]
    topics = [
        {"topic_id": tid, "label": label, "keywords": ", ".join(kw), "size": N_STATEMENTS // 4, "seeded": True}
        for tid, label, kw in TOPICS
    ]
    rejects = [{"source_path": path, "reason": reason} for path, reason in REJECTS]
    events = pd.DataFrame(EVENTS, columns=list(schema.EVENT_COLUMNS))
    for column in ("date", "date_end"):
        events[column] = pd.to_datetime(events[column]).astype("datetime64[ms]")
    return {
        "events": events,
        "articles": pd.DataFrame(articles)[list(schema.ARTICLE_COLUMNS + schema.ARTICLE_EXTRA_COLUMNS)],
        "statements": pd.DataFrame(statements)[list(schema.STATEMENT_COLUMNS + schema.STATEMENT_EXTRA_COLUMNS)],
        "topics": pd.DataFrame(topics)[list(schema.TOPIC_COLUMNS)],
        "rejects": pd.DataFrame(rejects)[list(schema.REJECT_COLUMNS)],
    }


def article_row(spec: tuple, text: str) -> dict:
    """Build one article row; month-precision and undated articles get honest intervals."""
    idx, published, precision, method, evidence = spec
    lo = hi = published
    if precision == "month" and published is not None:
        lo = published.replace(day=1)
        hi = (lo + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    return {
        "article_id": stable_id("article", idx),
        "source_path": f"articles/{idx:03d}.txt",
        "title": f"Invented headline number {idx} about the talks",
        "outlet": OUTLETS[idx % 4],
        "url": f"https://example.org/{idx}" if idx != 6 else None,
        "text": text,
        "published": published,
        "published_earliest": lo,
        "published_latest": hi,
        "published_precision": precision,
        "published_method": method,
        "published_evidence": evidence,
        "duplicate_of": stable_id("article", 5) if idx == 7 else None,
        "retrieved": D(2025, 6, 1),
        "boilerplate": BOILERPLATE if idx == 3 else "",
        "char_count": len(text),
    }


def write_sample_store(path: Path | str, *, events: bool = True, input_dir: Path | str | None = None) -> Path:
    """Write the synthetic store into `path` (created if needed) and return it.

    `events=False` leaves out the optional events table; `input_dir` is recorded as the
    manifest's corpus folder (where the app writes corrections), absent when None.
    """
    folder = Path(path)
    folder.mkdir(parents=True, exist_ok=True)
    frames = build_frames()
    frames["articles"].to_parquet(folder / schema.ARTICLES_FILE, index=False)
    frames["statements"].to_parquet(folder / schema.STATEMENTS_FILE, index=False)
    frames["topics"].to_parquet(folder / schema.TOPICS_FILE, index=False)
    frames["rejects"].to_parquet(folder / schema.REJECTS_FILE, index=False)
    if events:
        frames["events"].to_parquet(folder / schema.EVENTS_FILE, index=False)
    manifest = {
        "built_at": "2025-06-01T12:00:00+00:00",
        "inputs": {f"articles/{a[0]:03d}.txt": stable_id("input", a[0]) for a in ARTICLES},
        "versions": {"pipeline": "test"},
        "counts": {name: len(frame) for name, frame in frames.items()},
        "timings": {},
    }
    if input_dir is not None:
        manifest["input"] = str(Path(input_dir).resolve())
    (folder / schema.MANIFEST_FILE).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return folder


if __name__ == "__main__":  # from the repo root: python -m tests.store_factory OUTDIR
    import sys

    print(write_sample_store(sys.argv[1] if len(sys.argv) > 1 else "data/store/sample"))
