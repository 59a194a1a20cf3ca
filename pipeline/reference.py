"""Reference facts (actors, events, topics) loaded from CSV/YAML and validated.

A corpus may bring its own reference folder; it extends the default one (its rows win on
the same key) or replaces it. Errors name the file, the row and the allowed values,
because these files are edited by hand.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from pipeline.schema import SIDES

ACTOR_FIELDS = ("name", "aliases", "side", "kind", "role", "role_start", "role_end")
EVENT_FIELDS = ("event_id", "date", "date_end", "title", "phrases", "topic")
ACTOR_KINDS = ("person", "institution")


class ReferenceError(ValueError):
    """A reference file is malformed; the message says which file, row and value."""


@dataclass(frozen=True)
class Role:
    """A title held by an actor for a span of time (used to date text that names it)."""

    title: str
    start: dt.date | None
    end: dt.date | None


@dataclass(frozen=True)
class Actor:
    """A person or institution that speaks in the negotiation."""

    name: str
    aliases: tuple[str, ...]
    side: str
    kind: str
    roles: tuple[Role, ...] = ()


@dataclass(frozen=True)
class Event:
    """A dated milestone and the phrases that mention it."""

    event_id: str
    date: dt.date
    date_end: dt.date | None
    title: str
    phrases: tuple[str, ...]
    topic: str | None
    series: str | None = None  # a recurring event's series ("nato + summit"), optional column


@dataclass(frozen=True)
class TopicSeed:
    """A known topic: label, description, cue keywords and example sentences."""

    topic_id: str
    label: str
    description: str
    keywords: tuple[str, ...]
    examples: tuple[str, ...]


@dataclass(frozen=True)
class Reference:
    """All reference facts a build uses."""

    actors: tuple[Actor, ...] = ()
    events: tuple[Event, ...] = ()
    topics: tuple[TopicSeed, ...] = ()
    sources: tuple[str, ...] = field(default_factory=tuple)


def _parse_date(value: str, where: str, column: str, required: bool) -> dt.date | None:
    """Parse an ISO date cell or raise with the file and row."""
    value = (value or "").strip()
    if not value:
        if required:
            raise ReferenceError(f"{where}: column '{column}' is empty; expected YYYY-MM-DD")
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ReferenceError(f"{where}: column '{column}' has {value!r}; expected YYYY-MM-DD") from None


def _split(value: str | None) -> tuple[str, ...]:
    """Split a `|`-separated cell into stripped, non-empty parts."""
    return tuple(p.strip() for p in (value or "").split("|") if p.strip())


def _read_csv(path: Path, fields: tuple[str, ...]) -> list[tuple[str, dict[str, str]]]:
    """Read a reference CSV, checking its header; returns (location, row) pairs."""
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        missing = [f for f in fields if f not in (reader.fieldnames or [])]
        if missing:
            raise ReferenceError(f"{path}: missing columns {missing}; expected header {','.join(fields)}")
        return [(f"{path} row {i}", row) for i, row in enumerate(reader, start=2)]


def load_actors(path: Path) -> list[Actor]:
    """Load actors.csv; rows with the same name are merged into one actor with several roles."""
    merged: dict[str, dict] = {}
    for where, row in _read_csv(path, ACTOR_FIELDS):
        name = (row["name"] or "").strip()
        if not name:
            raise ReferenceError(f"{where}: column 'name' is empty")
        side = (row["side"] or "").strip()
        if side not in SIDES:
            raise ReferenceError(f"{where}: side {side!r} is not one of {', '.join(SIDES)}")
        kind = (row["kind"] or "person").strip()
        if kind not in ACTOR_KINDS:
            raise ReferenceError(f"{where}: kind {kind!r} is not one of {', '.join(ACTOR_KINDS)}")
        entry = merged.setdefault(name, {"aliases": [], "side": side, "kind": kind, "roles": []})
        for alias in _split(row["aliases"]):
            if alias not in entry["aliases"]:
                entry["aliases"].append(alias)
        title = (row["role"] or "").strip()
        if title and title.lower() != "institution":
            start = _parse_date(row["role_start"], where, "role_start", required=False)
            end = _parse_date(row["role_end"], where, "role_end", required=False)
            entry["roles"].append(Role(title, start, end))
    return [Actor(name, tuple(e["aliases"]), e["side"], e["kind"], tuple(e["roles"])) for name, e in merged.items()]


def load_events(path: Path, topic_ids: set[str] | None = None) -> list[Event]:
    """Load events.csv with dates validated and phrases lower-cased."""
    events = []
    for where, row in _read_csv(path, EVENT_FIELDS):
        date = _parse_date(row["date"], where, "date", required=True)
        date_end = _parse_date(row["date_end"], where, "date_end", required=False)
        topic = (row["topic"] or "").strip() or None
        if topic and topic_ids is not None and topic not in topic_ids:
            raise ReferenceError(f"{where}: topic {topic!r} is not in topics.yaml")
        phrases = tuple(p.lower() for p in _split(row["phrases"]))
        series = (row.get("series") or "").strip().lower() or None
        events.append(Event(row["event_id"].strip(), date, date_end, row["title"].strip(), phrases, topic, series))
    return events


def load_topics(path: Path) -> list[TopicSeed]:
    """Load topics.yaml: a list of topics with id, label, description, keywords, examples."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise ReferenceError(f"{path}: not valid YAML ({exc})") from None
    items = data.get("topics") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise ReferenceError(f"{path}: expected a top-level 'topics:' list")
    topics = []
    for i, item in enumerate(items):
        where = f"{path} topic #{i + 1}"
        if not isinstance(item, dict) or not item.get("id") or not item.get("label"):
            raise ReferenceError(f"{where}: each topic needs 'id' and 'label'")
        examples = tuple(str(e) for e in item.get("examples") or ())
        if not examples:
            raise ReferenceError(f"{where} ({item['id']}): needs at least one example sentence")
        topics.append(
            TopicSeed(
                str(item["id"]),
                str(item["label"]),
                str(item.get("description") or ""),
                tuple(str(k).lower() for k in item.get("keywords") or ()),
                examples,
            )
        )
    return topics


def _merge(default: list, extra: list, key: str) -> list:
    """Extend a default list with extra items; an extra item replaces a default one with the same key."""
    by_key = {getattr(item, key): item for item in default}
    for item in extra:
        by_key[getattr(item, key)] = item
    return list(by_key.values())


def load_folder(folder: Path) -> tuple[list[Actor], list[Event], list[TopicSeed]]:
    """Load whichever of the three reference files a folder holds."""
    topics = load_topics(folder / "topics.yaml") if (folder / "topics.yaml").exists() else []
    actors = load_actors(folder / "actors.csv") if (folder / "actors.csv").exists() else []
    events = load_events(folder / "events.csv") if (folder / "events.csv").exists() else []
    return actors, events, topics


def load_reference(default_dir: Path, corpus_dir: Path | None = None, replace: bool = False) -> Reference:
    """Load the default reference folder, extended (or replaced) by a corpus's own folder."""
    if corpus_dir is not None and not corpus_dir.is_dir():
        raise ReferenceError(f"reference folder {corpus_dir} does not exist")
    actors, events, topics = ([], [], []) if replace and corpus_dir else load_folder(default_dir)
    sources = [] if replace and corpus_dir else [str(default_dir)]
    if corpus_dir is not None:
        c_actors, c_events, c_topics = load_folder(corpus_dir)
        actors = _merge(actors, c_actors, "name")
        events = _merge(events, c_events, "event_id")
        topics = _merge(topics, c_topics, "topic_id")
        sources.append(str(corpus_dir))
    topic_ids = {t.topic_id for t in topics}
    for event in events:
        if event.topic and topic_ids and event.topic not in topic_ids:
            raise ReferenceError(f"event {event.event_id}: topic {event.topic!r} is not a known topic")
    return Reference(tuple(actors), tuple(events), tuple(topics), tuple(sources))
