"""Finding the dated reference events a sentence refers to.

Each event phrase becomes a sequence of word stems, matched in order with up to a few
words between them ("embalo met putin" ~ "Embalo, who met with Putin"), so ordinary
inflection and insertions do not hide a mention. A phrase written with `+`
("embalo + putin + meeting") matches when all its words occur in one sentence.
Phrases are indexed by their first stem, so a sentence is scanned once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.reference import Event

STOPWORDS = {"the", "a", "an", "of", "in", "on", "at", "to", "for", "and", "with", "by", "from", "its", "his", "her", "their"}
TOKEN_RE = re.compile(r"[a-z0-9][a-z0-9,-]*[a-z0-9]|[a-z0-9]")
POSSESSIVE_RE = re.compile(r"['’]s\b")
STEM_CHARS = 5
MAX_GAP_WORDS = 3


@dataclass(frozen=True)
class EventMention:
    """A span of a sentence that names an event."""

    start: int
    end: int
    event: Event
    phrase: str
    weight: int  # number of words matched: longer phrases are more specific


@dataclass(frozen=True)
class PhrasePattern:
    """A phrase as stems, in order, or as an unordered set (`+` phrases)."""

    event: Event
    phrase: str
    stems: tuple[str, ...]
    ordered: bool


def stem(word: str) -> str:
    """A crude stem: the first few letters, enough to join 'talks'/'talk', 'embalo's'/'embalo'. A
    hyphenated word keeps its parts ('nato-russia' is not 'nato-ukraine')."""
    if "-" in word.strip("-"):
        head, _, tail = word.partition("-")
        return f"{head}-{stem(tail)}"
    return word if len(word) <= STEM_CHARS else word[:STEM_CHARS]


def tokenize(lower: str) -> list[tuple[int, int, str]]:
    """(start, end, token) for a lower-cased text, possessives dropped."""
    text = POSSESSIVE_RE.sub(lambda m: " " * len(m.group(0)), lower)
    return [(m.start(), m.end(), m.group(0).strip(",")) for m in TOKEN_RE.finditer(text)]


def _pattern(event: Event, phrase: str) -> PhrasePattern | None:
    """Compile one phrase; phrases with no content word are ignored."""
    ordered = "+" not in phrase
    words = [w for _, _, w in tokenize(phrase.replace("+", " ").lower()) if w not in STOPWORDS]
    if not words:
        return None
    return PhrasePattern(event, phrase, tuple(stem(w) for w in words), ordered)


class EventIndex:
    """All event phrases of a reference, indexed by their first stem."""

    def __init__(self, events: tuple[Event, ...]):
        self.by_first: dict[str, list[PhrasePattern]] = {}
        for event in events:
            for phrase in event.phrases:
                if (pattern := _pattern(event, phrase)) is not None:
                    self.by_first.setdefault(pattern.stems[0][:3], []).append(pattern)

    def find(self, sentence: str) -> list[EventMention]:
        """Every event mentioned in a sentence, one (the longest) mention per event."""
        tokens = tokenize(sentence.lower())
        best: dict[str, EventMention] = {}
        for i, (_, _, word) in enumerate(tokens):
            for pattern in self.by_first.get(word[:3], ()):
                if not word.startswith(pattern.stems[0]):
                    continue
                mention = self._match(pattern, tokens, i)
                if mention is None:
                    continue
                current = best.get(pattern.event.event_id)
                if current is None or mention.weight > current.weight:
                    best[pattern.event.event_id] = mention
        return _drop_overlapped(sorted(best.values(), key=lambda m: m.start))

    @staticmethod
    def _match(pattern: PhrasePattern, tokens: list[tuple[int, int, str]], i: int) -> EventMention | None:
        """Match a phrase whose first stem is at token i."""
        if not pattern.ordered:
            found = [next((t for t in tokens if t[2].startswith(s)), None) for s in pattern.stems]
            if any(t is None for t in found):
                return None
            return EventMention(min(t[0] for t in found), max(t[1] for t in found), pattern.event, pattern.phrase, len(found))
        j = i
        for s in pattern.stems[1:]:
            nxt = next((n for n in range(j + 1, min(j + 2 + MAX_GAP_WORDS, len(tokens))) if tokens[n][2].startswith(s)), None)
            if nxt is None:
                return None
            j = nxt
        if len(pattern.stems) == 1 and tokens[i][2] != pattern.phrase.strip().lower():
            return None  # a one-word phrase must match whole, not by prefix
        return EventMention(tokens[i][0], tokens[j][1], pattern.event, pattern.phrase, len(pattern.stems))


def _drop_overlapped(mentions: list[EventMention]) -> list[EventMention]:
    """Where two events claim the same words, keep the more specific (longer) phrase."""
    kept: list[EventMention] = []
    for mention in mentions:
        clash = next((k for k in kept if mention.start < k.end and k.start < mention.end), None)
        if clash is None:
            kept.append(mention)
        elif mention.weight > clash.weight:
            kept[kept.index(clash)] = mention
    return kept


@lru_cache(maxsize=8)
def event_index(events: tuple[Event, ...]) -> EventIndex:
    """One index per reference (built once per build)."""
    return EventIndex(events)
