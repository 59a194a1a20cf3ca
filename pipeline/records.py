"""Typed records that flow between pipeline stages.

Frozen dataclasses keep stages pure: a stage returns new records instead of mutating
shared state. DataFrames appear only at the store boundary.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

Precision = Literal["day", "week", "month", "year", "unknown"]
PublishedMethod = Literal["header", "url", "dateline", "relative", "inferred", "override", "unknown"]
SaidMethod = Literal["explicit", "relative", "event", "article", "unknown"]
Side = Literal["russia", "ukraine", "usa", "europe", "other", "unknown"]
Stance = Literal["supports", "conditional", "opposes", "neutral"]


@dataclass(frozen=True)
class DateClaim:
    """A date as a claim: a best day, the interval it certainly lies in, and why."""

    value: dt.date | None
    earliest: dt.date | None
    latest: dt.date | None
    precision: Precision
    method: str
    evidence: str

    @property
    def is_known(self) -> bool:
        """True when the claim bounds the date at all."""
        return self.earliest is not None and self.latest is not None

    @property
    def width_days(self) -> int | None:
        """Length of the interval in days (0 for an exact day), None when unknown."""
        if not self.is_known:
            return None
        return (self.latest - self.earliest).days


UNKNOWN_DATE = DateClaim(None, None, None, "unknown", "unknown", "no date evidence found")


@dataclass(frozen=True)
class RawDocument:
    """One article as read from disk: decoded text plus any metadata the container carried."""

    source_path: str
    fmt: str
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published_raw: str | None = None
    retrieved_raw: str | None = None
    html: str | None = None


@dataclass(frozen=True)
class Reject:
    """An input that could not be used, with a reason a person can act on."""

    source_path: str
    reason: str


@dataclass(frozen=True)
class Article:
    """A cleaned article with its publication date claim."""

    article_id: str
    source_path: str
    title: str
    outlet: str | None
    url: str | None
    text: str
    header_lines: tuple[str, ...] = ()
    boilerplate: tuple[str, ...] = ()
    published_raw: str | None = None
    retrieved_raw: str | None = None
    retrieved: dt.date | None = None
    published: DateClaim = UNKNOWN_DATE
    duplicate_of: str | None = None


@dataclass(frozen=True)
class Statement:
    """A sentence (or sentences) in which someone states a position."""

    statement_id: str
    article_id: str
    text: str
    char_start: int
    char_end: int
    quote: str | None = None
    speaker: str | None = None
    speaker_raw: str | None = None
    speaker_role: str | None = None
    side: Side = "unknown"
    said: DateClaim = UNKNOWN_DATE
    topic_id: str = "other"
    topic_label: str = "Other"
    topic_score: float = 0.0
    secondary_topic_id: str | None = None
    stance: Stance = "neutral"
    stance_cues: str = ""
    sources: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Topic:
    """A topic: seeded from the reference file or discovered by clustering."""

    topic_id: str
    label: str
    keywords: tuple[str, ...]
    size: int
    seeded: bool
