"""The store: parquet tables and a manifest, written atomically.

Everything is written into a temporary sibling folder which then replaces the old store
in one rename, so a build killed halfway leaves the previous store intact.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import pandas as pd

from pipeline import schema
from pipeline.records import Article, Reject, Statement, Topic


class StoreLockedError(RuntimeError):
    """Another build is writing this store."""


def articles_frame(articles: list[Article]) -> pd.DataFrame:
    """articles.parquet rows from article records."""
    rows = [
        {
            "article_id": a.article_id,
            "source_path": a.source_path,
            "title": a.title,
            "outlet": a.outlet,
            "url": a.url,
            "text": a.text,
            "published": a.published.value,
            "published_earliest": a.published.earliest,
            "published_latest": a.published.latest,
            "published_precision": a.published.precision,
            "published_method": a.published.method,
            "published_evidence": a.published.evidence,
            "duplicate_of": a.duplicate_of,
            "retrieved": a.retrieved,
            "boilerplate": "\n".join(a.boilerplate),
            "char_count": len(a.text),
        }
        for a in articles
    ]
    return _typed(
        pd.DataFrame(rows, columns=list(schema.ARTICLE_COLUMNS + schema.ARTICLE_EXTRA_COLUMNS)),
        schema.DATE_COLUMNS_ARTICLES + ("retrieved",),
    )


def statements_frame(statements: list[Statement]) -> pd.DataFrame:
    """statements.parquet rows from statement records."""
    rows = [
        {
            "statement_id": s.statement_id,
            "article_id": s.article_id,
            "text": s.text,
            "quote": s.quote,
            "char_start": s.char_start,
            "char_end": s.char_end,
            "speaker": s.speaker,
            "speaker_raw": s.speaker_raw,
            "side": s.side,
            "said_on": s.said.value,
            "said_earliest": s.said.earliest,
            "said_latest": s.said.latest,
            "said_precision": s.said.precision,
            "said_method": s.said.method,
            "topic_id": s.topic_id,
            "topic_label": s.topic_label,
            "topic_score": s.topic_score,
            "stance": s.stance,
            "said_evidence": s.said.evidence,
            "stance_cues": s.stance_cues,
            "speaker_role": s.speaker_role,
            "secondary_topic_id": s.secondary_topic_id,
            "sources": list(s.sources) or [s.article_id],
            "source_count": max(len(s.sources), 1),
        }
        for s in statements
    ]
    frame = pd.DataFrame(rows, columns=list(schema.STATEMENT_COLUMNS + schema.STATEMENT_EXTRA_COLUMNS))
    frame["char_start"] = frame["char_start"].astype("int64")
    frame["char_end"] = frame["char_end"].astype("int64")
    frame["topic_score"] = frame["topic_score"].astype("float64")
    frame["source_count"] = frame["source_count"].astype("int64")
    return _typed(frame, schema.DATE_COLUMNS_STATEMENTS)


def topics_frame(topics: list[Topic]) -> pd.DataFrame:
    """topics.parquet rows; keywords as a comma-separated string for easy reading elsewhere."""
    rows = [
        {"topic_id": t.topic_id, "label": t.label, "keywords": ", ".join(t.keywords), "size": t.size, "seeded": t.seeded}
        for t in topics
    ]
    frame = pd.DataFrame(rows, columns=list(schema.TOPIC_COLUMNS))
    frame["size"] = frame["size"].astype("int64")
    frame["seeded"] = frame["seeded"].astype(bool)
    return frame


def events_frame(events) -> pd.DataFrame:
    """events.parquet rows from reference events."""
    rows = [
        {"event_id": e.event_id, "date": e.date, "date_end": e.date_end, "title": e.title, "topic_id": e.topic} for e in events
    ]
    frame = pd.DataFrame(rows, columns=list(schema.EVENT_COLUMNS))
    return _typed(frame, ("date", "date_end"))


def rejects_frame(rejects: list[Reject]) -> pd.DataFrame:
    """rejects.parquet rows."""
    return pd.DataFrame(
        [{"source_path": r.source_path, "reason": r.reason} for r in rejects], columns=list(schema.REJECT_COLUMNS)
    )


def _typed(frame: pd.DataFrame, date_columns: tuple[str, ...]) -> pd.DataFrame:
    """Date columns as datetime64 (day resolution) so parquet stores them as dates."""
    for column in date_columns:
        frame[column] = pd.to_datetime(frame[column]).astype("datetime64[ms]")
    for column in frame.columns:
        if frame[column].dtype == object and column not in ("sources",):
            frame[column] = frame[column].astype("string")
    return frame


def write_store(
    out_dir: Path, tables: dict[str, pd.DataFrame], manifest: dict, extra_files: dict[str, Path] | None = None
) -> None:
    """Write all tables and the manifest into out_dir atomically (temp folder + rename)."""
    out_dir = Path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", dir=out_dir.parent))
    try:
        for name, frame in tables.items():
            frame.to_parquet(tmp / name, index=False)
        for name, path in (extra_files or {}).items():
            if path.exists():
                shutil.copy2(path, tmp / name)
        (tmp / schema.MANIFEST_FILE).write_text(json.dumps(manifest, indent=2, default=str), encoding="utf-8")
        backup = None
        if out_dir.exists():
            backup = out_dir.with_name(f".{out_dir.name}.old")
            if backup.exists():
                shutil.rmtree(backup)
            os.replace(out_dir, backup)
        os.replace(tmp, out_dir)
        if backup is not None:
            shutil.rmtree(backup, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


class StoreLock:
    """An exclusive lock file beside the store, so two builds cannot write it at once."""

    def __init__(self, out_dir: Path):
        self.path = Path(out_dir).with_name(f".{Path(out_dir).name}.lock")
        self.fd: int | None = None

    def __enter__(self) -> StoreLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        except FileExistsError:
            pid = self.path.read_text().strip() if self.path.exists() else "?"
            if pid.isdigit() and not _pid_alive(int(pid)):
                self.path.unlink(missing_ok=True)
                return self.__enter__()
            raise StoreLockedError(
                f"another build (pid {pid}) is writing this store; wait for it or remove {self.path}"
            ) from None
        os.write(self.fd, str(os.getpid()).encode())
        return self

    def __exit__(self, *exc: object) -> None:
        if self.fd is not None:
            os.close(self.fd)
        self.path.unlink(missing_ok=True)


def _pid_alive(pid: int) -> bool:
    """True when a process with this pid exists."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def read_table(store_dir: Path, name: str) -> pd.DataFrame:
    """One table of a store (used by tests and the eval command)."""
    return pd.read_parquet(Path(store_dir) / name)
