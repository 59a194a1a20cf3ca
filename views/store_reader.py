"""Read the store folder into DataFrames so the app never depends on how the pipeline ran."""

from __future__ import annotations

import hashlib
import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline import schema

LOGGER = logging.getLogger(__name__)

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_STORE = REPO_ROOT / "data" / "store" / "demo"
STORE_ENV_VAR = "TIMELINE_STORE"
EVENT_DATE_COLUMNS = ("date", "date_end")

# Article fields copied onto each statement so one frame carries everything a citation needs.
ARTICLE_FIELDS_FOR_STATEMENTS = (
    "outlet",
    "title",
    "url",
    "published",
    "published_precision",
    "published_method",
    "published_evidence",
    "duplicate_of",
)


@dataclass(frozen=True)
class Store:
    """The store files as DataFrames plus the manifest; `is_empty` says nothing usable was found.

    `events` (the reference milestones) is optional: an older store without it gets an empty frame.
    """

    articles: pd.DataFrame
    statements: pd.DataFrame
    topics: pd.DataFrame
    rejects: pd.DataFrame
    manifest: dict[str, Any] = field(default_factory=dict)
    events: pd.DataFrame = field(default_factory=lambda: empty_frame(schema.EVENT_COLUMNS, EVENT_DATE_COLUMNS))
    path: str = ""
    is_empty: bool = True
    problems: tuple[str, ...] = ()


def resolve_store_path(env: dict[str, str] | None = None) -> Path:
    """Pick the store folder from TIMELINE_STORE so one app serves any corpus."""
    value = (env if env is not None else os.environ).get(STORE_ENV_VAR, "").strip()
    return Path(value).expanduser() if value else DEFAULT_STORE


def store_fingerprint(path: Path) -> str:
    """Hash the manifest and file stamps so a rebuilt store invalidates the app's cache."""
    digest = hashlib.sha256(str(Path(path).resolve()).encode())
    for name in (*schema.STORE_FILES, schema.EVENTS_FILE):
        file = Path(path) / name
        if not file.is_file():
            digest.update(f"{name}:missing".encode())
            continue
        stat = file.stat()
        digest.update(f"{name}:{stat.st_mtime_ns}:{stat.st_size}".encode())
        if name == schema.MANIFEST_FILE:
            digest.update(file.read_bytes())
    return digest.hexdigest()[:16]


def empty_frame(columns: tuple[str, ...], date_columns: tuple[str, ...] = ()) -> pd.DataFrame:
    """Build a zero-row frame with the contract's columns so callers never special-case absence."""
    frame = pd.DataFrame({name: pd.Series(dtype="object") for name in columns})
    return coerce_dates(frame, date_columns)


def coerce_dates(frame: pd.DataFrame, columns: tuple[str, ...]) -> pd.DataFrame:
    """Turn date columns into naive datetime64 so filters and plotly treat them alike."""
    frame = frame.copy()
    for name in columns:
        if name not in frame.columns:
            frame[name] = pd.NaT
        values = pd.to_datetime(frame[name], errors="coerce", utc=True)
        frame[name] = values.dt.tz_localize(None).astype("datetime64[ns]")
    return frame


def ensure_columns(frame: pd.DataFrame, columns: tuple[str, ...]) -> pd.DataFrame:
    """Add missing optional columns as nulls so pages can read them unconditionally."""
    missing = [name for name in columns if name not in frame.columns]
    if not missing:
        return frame
    frame = frame.copy()
    for name in missing:
        frame[name] = pd.Series([None] * len(frame), index=frame.index, dtype="object")
    return frame


def read_table(path: Path, columns: tuple[str, ...], problems: list[str]) -> pd.DataFrame | None:
    """Read one parquet file, recording (not raising) why it could not be read."""
    if not path.is_file():
        problems.append(f"{path.name} is missing")
        return None
    try:
        frame = pd.read_parquet(path)
    except Exception as exc:  # noqa: BLE001 - a broken file must not take the app down
        LOGGER.warning("could not read %s: %s", path, exc)
        problems.append(f"{path.name} could not be read: {exc}")
        return None
    return ensure_columns(frame, columns)


def read_events(path: Path) -> pd.DataFrame:
    """Read the optional events table; absent or unreadable means no key events, not a problem."""
    problems: list[str] = []
    frame = read_table(path, schema.EVENT_COLUMNS, problems) if path.is_file() else None
    if frame is None:
        return empty_frame(schema.EVENT_COLUMNS, EVENT_DATE_COLUMNS)
    frame = coerce_dates(frame, EVENT_DATE_COLUMNS)
    frame = frame[frame["date"].notna()]
    return frame.sort_values("date", kind="stable").reset_index(drop=True)


def read_manifest(path: Path, problems: list[str]) -> dict[str, Any]:
    """Read manifest.json, returning {} when it is absent or not JSON."""
    if not path.is_file():
        problems.append(f"{path.name} is missing")
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        problems.append(f"{path.name} could not be read: {exc}")
        return {}
    return data if isinstance(data, dict) else {"value": data}


def load_store(path: Path | str) -> Store:
    """Load every store file; a missing or empty store yields an empty Store, never an exception."""
    folder = Path(path)
    problems: list[str] = []
    article_cols = schema.ARTICLE_COLUMNS + schema.ARTICLE_EXTRA_COLUMNS
    statement_cols = schema.STATEMENT_COLUMNS + schema.STATEMENT_EXTRA_COLUMNS
    if not folder.is_dir():
        problems.append(f"{folder} does not exist")
    articles = read_table(folder / schema.ARTICLES_FILE, article_cols, problems)
    statements = read_table(folder / schema.STATEMENTS_FILE, statement_cols, problems)
    topics = read_table(folder / schema.TOPICS_FILE, schema.TOPIC_COLUMNS, problems)
    rejects = read_table(folder / schema.REJECTS_FILE, schema.REJECT_COLUMNS, problems)
    manifest = read_manifest(folder / schema.MANIFEST_FILE, problems) if folder.is_dir() else {}
    events = read_events(folder / schema.EVENTS_FILE)
    articles = articles if articles is not None else empty_frame(article_cols)
    statements = statements if statements is not None else empty_frame(statement_cols)
    return Store(
        articles=coerce_dates(articles, schema.DATE_COLUMNS_ARTICLES + ("retrieved",)),
        statements=coerce_dates(statements, schema.DATE_COLUMNS_STATEMENTS),
        topics=topics if topics is not None else empty_frame(schema.TOPIC_COLUMNS),
        rejects=rejects if rejects is not None else empty_frame(schema.REJECT_COLUMNS),
        manifest=manifest,
        events=events,
        path=str(folder),
        is_empty=len(statements) == 0 and len(articles) == 0,
        problems=tuple(problems),
    )


def join_statements(store: Store) -> pd.DataFrame:
    """Attach outlet, title, url and publication evidence to each statement for filtering and citing."""
    statements = store.statements.copy()
    fields = [name for name in ARTICLE_FIELDS_FOR_STATEMENTS if name in store.articles.columns]
    articles = store.articles[["article_id", *fields]].drop_duplicates("article_id")
    statements = statements.drop(columns=[name for name in fields if name in statements.columns])
    joined = statements.merge(articles, on="article_id", how="left")
    joined["side"] = joined["side"].where(joined["side"].isin(schema.SIDES), "unknown")
    label = joined["topic_label"].where(joined["topic_label"].notna(), joined["topic_id"])
    joined["topic_label"] = label.fillna(schema.UNDATED_TOPIC_ID).astype(str)
    joined["topic_id"] = joined["topic_id"].fillna(schema.UNDATED_TOPIC_ID).astype(str)
    return joined.reset_index(drop=True)


def empty_store_message(path: Path | str) -> str:
    """Tell a first-time user exactly how to produce a store for the app to read."""
    return (
        f"No statements found in the store at `{path}`.\n\n"
        "Build one first: `make run` builds the demo store, or run "
        "`python -m pipeline build ARTICLES --out STORE` on your own folder of articles. "
        f"Then point the app at it with `{STORE_ENV_VAR}=STORE streamlit run dashboard.py`."
    )
