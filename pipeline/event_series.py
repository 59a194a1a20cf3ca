"""Recurring events ("the latest NATO summit", "the last round of talks in Istanbul").

An event in `events.csv` may name the series it belongs to (column `series`, a `+`
phrase such as "nato + summit"). A sentence that speaks of the latest, last or most
recent instance of a series places the text between the end of one instance and the
start of the next (or, while it is on, during it). Which instance is meant follows from the other evidence, so the
result is a set of alternative intervals, one per gap. A series missing an instance only
merges two gaps into a wider one: the reading stays true, just looser.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.event_mentions import stem, tokenize
from pipeline.reference import Event

RECENCY_WORDS = {"latest", "last", "recent"}
RECENCY_WINDOW = 4  # a recency word may stand this many words before a series word
DAY = dt.timedelta(days=1)
NOT_RECENCY_BEFORE = re.compile(r"next|upcoming|coming|first|year|month|week|time")


@dataclass(frozen=True)
class SeriesGap:
    """From the start of one instance of a series to the start of the next: where 'the latest' is
    that instance (its own days included: "at its latest summit, which opened today")."""

    earliest: dt.date
    latest: dt.date | None
    instance: Event
    series: str


@lru_cache(maxsize=8)
def series_gaps(events: tuple[Event, ...]) -> dict[str, list[SeriesGap]]:
    """For each series, the gaps after each of its instances, in date order (once per reference)."""
    by_series: dict[str, list[Event]] = {}
    for event in events:
        if event.series:
            by_series.setdefault(event.series, []).append(event)
    gaps: dict[str, list[SeriesGap]] = {}
    for series, members in by_series.items():
        members.sort(key=lambda e: e.date)
        gaps[series] = [
            SeriesGap(e.date, nxt.date - DAY if nxt else None, e, series) for e, nxt in zip(members, [*members[1:], None])
        ]
    return gaps


def _words(series: str) -> list[str]:
    """The words of a series phrase ("nato + summit" -> ["nato", "summit"])."""
    return [w for w in re.split(r"\s*\+\s*|\s+", series.lower()) if w]


def _tokens_mention_latest(tokens: list[str], series: str) -> bool:
    """Whether tokenized text speaks of the latest instance of a series."""
    stems = [stem(w) for w in _words(series)]
    if not stems or not all(any(t.startswith(s) for t in tokens) for s in stems):
        return False
    for i, word in enumerate(tokens):
        if any(word.startswith(s) for s in stems):
            window = tokens[max(0, i - RECENCY_WINDOW) : i]
            if any(w in RECENCY_WORDS for w in window) and not any(NOT_RECENCY_BEFORE.fullmatch(w) for w in window):
                return True
    return False


def mentions_latest(sentence: str, series: str) -> bool:
    """Whether a sentence speaks of the latest instance of a series ("NATO ... its latest summit")."""
    return _tokens_mention_latest([w for _, _, w in tokenize(sentence.lower())], series)


def latest_instance_gaps(sentences: list[str], events: tuple[Event, ...]) -> list[list[SeriesGap]]:
    """The alternative gaps of each series whose latest instance the text speaks of."""
    gaps_by_series = series_gaps(events)
    if not gaps_by_series:
        return []
    # only sentences with a recency word can speak of a latest instance; tokenized once
    tokenized = [tokens for s in sentences if RECENCY_WORDS & set(tokens := [w for _, _, w in tokenize(s.lower())])]
    return [gaps for series, gaps in gaps_by_series.items() if any(_tokens_mention_latest(t, series) for t in tokenized)]


def fitting_gaps(gaps: list[SeriesGap], earliest: dt.date | None, latest: dt.date | None) -> list[SeriesGap]:
    """The gaps that agree with the other evidence, oldest first. One means the instance is known;
    several leave it open, and the newest of them is only the likeliest reading (news speaks
    of the latest summit soon after it)."""
    return [
        g
        for g in gaps
        if (latest is None or g.earliest <= latest) and (earliest is None or g.latest is None or g.latest >= earliest)
    ]


def series_words(gap: SeriesGap) -> str:
    """A series phrase as words for evidence text ("nato + summit" -> "nato summit")."""
    return " ".join(_words(gap.series))
