"""Prepare one statement for reading in context: its paragraph, with the sentence in bold, made safe."""

from __future__ import annotations

import re
from collections.abc import Mapping

import pandas as pd

# Every ASCII punctuation character may be backslash-escaped in CommonMark; escaping all of the
# ones Markdown, Streamlit directives (:red[...]) or LaTeX ($) could act on keeps article text inert.
MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&=^\"'])")
WHITESPACE = re.compile(r"\s+")
MAX_CONTEXT_CHARS = 1200
SAFE_URL = re.compile(r"^https?://[^\s<>\"]+$", re.IGNORECASE)


def escape_markdown(text: str) -> str:
    """Backslash-escape Markdown syntax so article text renders literally."""
    return MARKDOWN_SPECIAL.sub(r"\\\1", text)


def locate_sentence(article_text: str, sentence: str, start: object, end: object) -> tuple[int, int] | None:
    """Find the sentence's span in the article: trust char offsets when they match, else search."""
    if not article_text or not sentence:
        return None
    if not pd.isna(start) and not pd.isna(end):
        lo, hi = int(start), int(end)
        if 0 <= lo < hi <= len(article_text) and squash(article_text[lo:hi]) == squash(sentence):
            return lo, hi
    found = article_text.find(sentence)
    if found >= 0:
        return found, found + len(sentence)
    if not pd.isna(start) and not pd.isna(end) and 0 <= int(start) < int(end) <= len(article_text):
        return int(start), int(end)
    return None


def squash(text: str) -> str:
    """Normalise whitespace so offsets still match after line wrapping."""
    return WHITESPACE.sub(" ", text).strip()


def paragraph_bounds(text: str, lo: int, hi: int) -> tuple[int, int]:
    """Widen a span to its surrounding paragraph, trimmed to a readable length."""
    start = text.rfind("\n", 0, lo) + 1
    end = text.find("\n", hi)
    end = len(text) if end < 0 else end
    half = max(0, (MAX_CONTEXT_CHARS - (hi - lo)) // 2)
    return max(start, lo - half), min(end, hi + half)


def highlighted_paragraph(article_text: str, sentence: str, start: object = None, end: object = None) -> str:
    """Return Markdown: the sentence's paragraph, escaped, with the sentence itself in bold."""
    sentence = sentence or ""
    span = locate_sentence(article_text or "", sentence, start, end)
    if span is None:
        return f"**{escape_markdown(squash(sentence))}**" if squash(sentence) else ""
    lo, hi = span
    p_lo, p_hi = paragraph_bounds(article_text, lo, hi)
    before = squash(article_text[p_lo:lo])
    middle = squash(article_text[lo:hi])
    after = squash(article_text[hi:p_hi])
    parts = []
    if before:
        parts.append(("… " if p_lo > 0 and article_text[p_lo - 1] != "\n" else "") + escape_markdown(before))
    parts.append(f"**{escape_markdown(middle)}**")
    if after:
        trimmed = p_hi < len(article_text) and article_text[p_hi] != "\n"
        parts.append(escape_markdown(after) + (" …" if trimmed else ""))
    return " ".join(parts)


def safe_url(url: object) -> str | None:
    """Return the URL only if it is a plain http(s) link, so no script URL is ever rendered."""
    if url is None or pd.isna(url):
        return None
    value = str(url).strip()
    return value if SAFE_URL.match(value) else None


def source_list(sources: object) -> list[str]:
    """Normalise the `sources` cell (list, array, string or null) into a list of strings."""
    if sources is None:
        return []
    if isinstance(sources, str):
        return [part.strip() for part in sources.split(";") if part.strip()] if sources.strip() else []
    try:
        return [str(item) for item in list(sources) if item is not None and str(item).strip()]
    except TypeError:
        return [] if pd.isna(sources) else [str(sources)]


def reported_by(row: pd.Series, outlet_of: Mapping[str, str] | None = None) -> str | None:
    """Say how widely a remark was carried: its source articles, named by outlet when known."""
    sources = source_list(row.get("sources"))
    count = row.get("source_count")
    n_articles = int(count) if count is not None and not pd.isna(count) else len(sources)
    names = list(dict.fromkeys(outlet_of[s] for s in sources if outlet_of and outlet_of.get(s)))
    if len(names) >= 2:
        listed = ", ".join(names[:8]) + (" …" if len(names) > 8 else "")
        return f"Reported by {len(names)} outlets: {listed}"
    if n_articles >= 2:
        return f"Reported in {n_articles} articles" + (f" ({names[0]})" if names else "")
    return None


def date_evidence(row: pd.Series) -> str:
    """Explain where the statement's date came from: its own evidence, else the article's."""
    for column in ("said_evidence", "published_evidence"):
        value = row.get(column)
        if value is not None and not pd.isna(value) and str(value).strip():
            return str(value)
    return "no date evidence recorded"


def boilerplate_lines(boilerplate: object) -> list[str]:
    """Split the article's removed boilerplate (newline-separated) into its non-empty lines."""
    if boilerplate is None or (not isinstance(boilerplate, str) and pd.isna(boilerplate)):
        return []
    return [line.strip() for line in str(boilerplate).splitlines() if line.strip()]
