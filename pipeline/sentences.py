"""Sentence splitting with character spans, robust to abbreviations and quotations.

pysbd does the splitting (it knows U.S., D.C., Mr., Gen., ellipses); we split paragraphs
first, keep spans into the article text, and re-join sentences whose quotation is still
open so a multi-sentence quote stays one unit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

PARAGRAPH_RE = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*")
OPEN_QUOTES = "“"
CLOSE_QUOTES = "”"


@dataclass(frozen=True)
class Sentence:
    """A sentence with its span in the article text and the paragraph it belongs to."""

    text: str
    start: int
    end: int
    paragraph: int


@lru_cache(maxsize=1)
def _segmenter():
    """One pysbd segmenter per process (construction is not free)."""
    import pysbd

    return pysbd.Segmenter(language="en", clean=False, char_span=False)


def _reopens_quote(paragraph: str, start: int) -> bool:
    """A line that opens with a quotation mark while one is still open: the next paragraph of a
    long quote, which by convention opens each paragraph and closes only the last. It starts
    anew, so an unclosed quote never swallows the rest of the article."""
    return paragraph[start : start + 1] in ('"', OPEN_QUOTES) and paragraph[:start].rstrip(" \t").endswith("\n")


# Paired quotations; copy often mixes marks ('"It is our state ...,” Zelensky said'), so a straight
# mark also pairs with a curly one
QUOTE_RE = re.compile(r"“[^”]{3,}”|\"[^\"]{3,}\"|“[^”“]{3,}“|\"[^\"“”]{3,}”|“[^“”\"]{3,}\"")


def _quote_open(text: str) -> bool:
    """True when a straight or curly double quotation opened in text is not closed."""
    unpaired = QUOTE_RE.sub("", text) if '"' in text or OPEN_QUOTES in text else text
    return unpaired.count(OPEN_QUOTES) > unpaired.count(CLOSE_QUOTES) or unpaired.count('"') % 2 == 1


TRAILING_END_CHARS = ".!?…\"'”’)] \t\n"
INNER_END_RE = re.compile(r"[.!?…\n]")


def one_sentence(paragraph: str) -> bool:
    """A paragraph with no sentence end before its last: nothing for pysbd to decide.

    pysbd costs about a millisecond per paragraph; many news paragraphs are one sentence.
    """
    return INNER_END_RE.search(paragraph.rstrip(TRAILING_END_CHARS)) is None  # rstrip: linear on any input


# What makes a full stop ambiguous: abbreviations (Mr., Gen., U.S., a.m.), numbers (3.5, No. 2),
# ellipses, stops followed by anything but a capital or a quotation ('"Ready?" he asked',
# example.com, ". /TASS/"), line breaks,
# stops inside brackets. A paragraph with none of these splits at its plain sentence ends.
AMBIGUOUS_STOP_RE = re.compile(
    r"\b[A-Z][a-z]{0,3}\.|\b[A-Za-z]\.|\d\.|\.\.|…|[.!?][\"'”’)\]]*(?:\s+)?[^\s\"'”’)\]A-Z“‘(\[]|\n|\([^)]{0,300}[.!?]"
)
PLAIN_STOP_RE = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"“‘'(\[]?[A-Z])")


def plain_sentences(paragraph: str) -> list[str] | None:
    """The sentences of a paragraph without ambiguous stops, or None when pysbd must decide.

    pysbd costs about a millisecond per paragraph; most news paragraphs are plain.
    """
    if AMBIGUOUS_STOP_RE.search(paragraph):
        return None
    pieces, start = [], 0
    for m in PLAIN_STOP_RE.finditer(paragraph):
        pieces.append(paragraph[start : m.start() + len(m.group(0).rstrip())])
        start = m.end()
    pieces.append(paragraph[start:])
    return pieces


PYSBD_MAX_CHARS = 5_000  # pysbd slows sharply on very long paragraphs; real ones are far shorter
CHUNK_CUT_RE = re.compile(r"(?<=[a-z]{3})[.!?][\"'”’)\]]*\s+(?=[\"“A-Z])")  # after a lower-case word: not "Mr."


def pysbd_sentences(paragraph: str) -> list[str]:
    """pysbd's split, on chunks cut at a sentence end when a paragraph is abnormally long."""
    if len(paragraph) <= PYSBD_MAX_CHARS:
        return _segmenter().segment(paragraph)
    out, start = [], 0
    while start < len(paragraph):
        end = start + PYSBD_MAX_CHARS
        if end < len(paragraph):
            cut = None
            for m in CHUNK_CUT_RE.finditer(paragraph, start + PYSBD_MAX_CHARS // 2, end):
                cut = m.end()
            end = cut or end
        out.extend(_segmenter().segment(paragraph[start:end]))
        start = end
    return out


def split_paragraph(paragraph: str, offset: int, index: int) -> list[Sentence]:
    """Sentences of one paragraph, with spans shifted by the paragraph's offset."""
    pieces = []
    cursor = 0
    raws = [paragraph] if one_sentence(paragraph) else plain_sentences(paragraph) or pysbd_sentences(paragraph)
    for raw in raws:
        stripped = raw.strip()
        if not stripped:
            continue
        found = paragraph.find(stripped, cursor)  # pysbd's own spans recompile a regex per sentence
        if found < 0:
            continue
        cursor = found + len(stripped)
        pieces.append([stripped, offset + found, offset + cursor])
    merged: list[list] = []
    for piece in pieces:
        if merged and _quote_open(merged[-1][0]) and not _reopens_quote(paragraph, piece[1] - offset):
            prev = merged[-1]
            prev[0] = prev[0] + " " + piece[0] if prev[2] != piece[1] else prev[0] + piece[0]
            prev[2] = piece[2]
        else:
            merged.append(piece)
    return [Sentence(t, s, e, index) for t, s, e in merged]


def split_sentences(text: str) -> list[Sentence]:
    """All sentences of an article; ``text[s.start:s.end]`` is the sentence as written."""
    out: list[Sentence] = []
    for index, m in enumerate(PARAGRAPH_RE.finditer(text)):
        chunk = m.group(0)
        for sent in split_paragraph(chunk, m.start(), index):
            out.append(Sentence(text[sent.start : sent.end], sent.start, sent.end, sent.paragraph))
    return out
