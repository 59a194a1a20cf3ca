"""Ingest stage: raw documents -> clean articles (header split, title, boilerplate, dedupe).

Pure: takes decoded documents (see ``pipeline.sources``) and returns ``Article`` records.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import replace
from urllib.parse import urlparse

from pipeline import settings
from pipeline.boilerplate import is_boilerplate_line, split_boilerplate
from pipeline.records import Article, RawDocument, Reject

URL_RE = re.compile(r"https?://[^\s<>\"')]+", re.IGNORECASE)
# `date 2025-05-10 https://...` as written by scrapers.
SCRAPER_HEADER_RE = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2}(?:[T ][\d:]+)?)\s*(https?://\S+)?\s*$", re.IGNORECASE)
KEY_VALUE_RE = re.compile(
    r"^\s*(title|headline|published|date|posted|updated|source|outlet|url|link|retrieved|author|by)\s*:\s*(.+?)\s*$",
    re.IGNORECASE,
)
MARKDOWN_TITLE_RE = re.compile(r"^\s*#\s+(.+?)\s*#*\s*$")
MARKDOWN_EMPHASIS_RE = re.compile(r"^\s*[*_]+(.+?)[*_]+\s*$")
RELATIVE_AGE_LINE_RE = re.compile(
    r"^\s*(\d+|an?|one)\s+(minute|hour|day|week)s?\s+ago\b.{0,20}$|^\s*(yesterday|today|just now)\s*$", re.IGNORECASE
)
BYLINE_OUTLET_RE = re.compile(r"^\s*by\b[^·|•]*[·|•]\s*([^·|•]{2,60}?)\s*(?:[·|•].*)?$", re.IGNORECASE)
OUTLET_MENTION_RE = re.compile(
    r"(?:a message from|support|donate to)\s+(the\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,4})", re.IGNORECASE
)
NORMALISE_RE = re.compile(r"[^a-z0-9]+")
CAPTION_RE = re.compile(r"\s[-–—|/]\s*[A-Z]{3,}\w*$")


def normalise_text(text: str) -> str:
    """Lower-case alphanumeric skeleton of a text, so ids ignore quotes, spacing and case."""
    text = unicodedata.normalize("NFKC", text).lower()
    return NORMALISE_RE.sub(" ", text).strip()


def hash_id(*parts: str) -> str:
    """A short stable id from text parts."""
    return hashlib.sha1("\x00".join(parts).encode("utf-8")).hexdigest()[:16]


def outlet_from_url(url: str | None) -> str | None:
    """The site name of a URL ("www.themoscowtimes.com" -> "themoscowtimes.com")."""
    if not url:
        return None
    host = urlparse(url).netloc.lower()
    return host[4:] if host.startswith("www.") else host or None


def split_header(lines: list[str]) -> tuple[dict[str, str], list[str], list[str]]:
    """Take metadata lines off the top of a plain-text article.

    Returns the fields found, the header lines themselves (kept as dating evidence) and
    the remaining lines.
    """
    fields: dict[str, str] = {}
    header: list[str] = []
    i = 0
    while i < len(lines) and i < 12:
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        if m := SCRAPER_HEADER_RE.match(line):
            fields.setdefault("published", m.group(1))
            if m.group(2):
                fields.setdefault("url", m.group(2))
        elif m := KEY_VALUE_RE.match(line):
            key = m.group(1).lower()
            key = {"headline": "title", "date": "published", "posted": "published", "link": "url", "source": "outlet"}.get(
                key, key
            )
            fields.setdefault(key, m.group(2))
        elif URL_RE.fullmatch(line.strip()):
            fields.setdefault("url", line.strip())
        else:
            break
        header.append(line.strip())
        i += 1
    return fields, header, lines[i:]


def pick_title(lines: list[str], max_chars: int = settings.MAX_TITLE_CHARS) -> tuple[str | None, int]:
    """The first line that reads like a headline, and its index (-1 when none)."""
    for i, line in enumerate(lines[:8]):
        text = line.strip()
        if not text:
            continue
        if m := MARKDOWN_TITLE_RE.match(text):
            return m.group(1), i
        if is_boilerplate_line(text) or CAPTION_RE.search(text) or RELATIVE_AGE_LINE_RE.match(text):
            continue
        if len(text) <= max_chars and not text.endswith((".", ",", ":", ";")) or len(text) <= 90:
            return text, i
        return None, -1
    return None, -1


def clean_document(doc: RawDocument) -> Article | Reject:
    """Turn a decoded document into an article: header fields, title, body without boilerplate."""
    lines = doc.text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    fields, header, rest = split_header(lines)
    title = doc.title or fields.get("title")
    if title:
        first = next((i for i, ln in enumerate(rest) if ln.strip()), None)
        if first is not None and normalise_text(rest[first]) == normalise_text(title):
            rest = rest[first + 1 :]  # the headline repeated at the top of the body
    else:
        title, idx = pick_title(rest)
        if idx >= 0:
            header = header + [ln.strip() for ln in rest[:idx] if ln.strip()]
            rest = rest[idx + 1 :]
    # Relative ages and markdown date lines near the top are metadata, not body.
    top_meta = []
    body_lines = []
    for j, line in enumerate(rest):
        if j < 6 and (RELATIVE_AGE_LINE_RE.match(line) or MARKDOWN_EMPHASIS_RE.match(line) and len(line) < 80):
            top_meta.append(line.strip())
        else:
            body_lines.append(line)
    kept, removed = split_boilerplate(body_lines)
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(ln.rstrip() for ln in kept)).strip()
    if len(text) < settings.MIN_BODY_CHARS:
        return Reject(doc.source_path, f"too little article text after cleaning ({len(text)} characters)")
    url = doc.url or fields.get("url")
    outlet = doc.outlet or fields.get("outlet") or _outlet_from_lines(header + removed) or outlet_from_url(url)
    return Article(
        article_id=hash_id(normalise_text(text)),
        source_path=doc.source_path,
        title=(title or text.split("\n", 1)[0][:120]).strip(),
        outlet=outlet,
        url=url,
        text=text,
        header_lines=tuple(header + top_meta),
        boilerplate=tuple(removed),
        published_raw=doc.published_raw or fields.get("published"),
        retrieved=None,
        retrieved_raw=doc.retrieved_raw or fields.get("retrieved"),
    )


def _outlet_from_lines(lines: list[str]) -> str | None:
    """An outlet named in a byline or an appeal ("by · The Sun News", "Support The Moscow Times!")."""
    for line in lines:
        if m := BYLINE_OUTLET_RE.match(line):
            return m.group(1).strip()
    for line in lines:
        if m := OUTLET_MENTION_RE.search(line):
            return m.group(1).strip().rstrip("!:.")
    return None


NEAR_DUPLICATE_RATIO = 92
SKETCH_WORDS = 25


def _sketch_keys(norm: str) -> tuple[str, str]:
    """Opening and closing words of a normalised text: copies share at least one of them."""
    words = norm.split()
    return " ".join(words[:SKETCH_WORDS]), " ".join(words[-SKETCH_WORDS:])


def mark_duplicates(articles: list[Article]) -> list[Article]:
    """Point ``duplicate_of`` at the first copy, for exact and near-identical (syndicated) texts.

    Exact copies get an id of their own (text + path) so ids stay unique; near copies are
    found among articles sharing their opening or closing words, then confirmed by similarity.
    """
    from rapidfuzz import fuzz

    seen: dict[str, str] = {}
    by_key: dict[str, list[tuple[str, str]]] = {}
    out = []
    for art in sorted(articles, key=lambda a: a.source_path):
        norm = normalise_text(art.text)
        original = seen.get(art.article_id)
        if original is None:
            for key in _sketch_keys(norm):
                for other_id, other_norm in by_key.get(key, []):
                    if fuzz.ratio(norm[:5000], other_norm[:5000]) >= NEAR_DUPLICATE_RATIO:
                        original = other_id
                        break
                if original:
                    break
        if original is None:
            seen[art.article_id] = art.article_id
            for key in _sketch_keys(norm):
                by_key.setdefault(key, []).append((art.article_id, norm))
            out.append(art)
        elif original == art.article_id:
            out.append(replace(art, article_id=hash_id(norm, art.source_path), duplicate_of=original))
        else:
            out.append(replace(art, duplicate_of=original))
    return out


def ingest(docs: list[RawDocument]) -> tuple[list[Article], list[Reject]]:
    """Clean every document and mark duplicates; documents too thin to use become rejects."""
    articles: list[Article] = []
    rejects: list[Reject] = []
    for doc in docs:
        result = clean_document(doc)
        (rejects if isinstance(result, Reject) else articles).append(result)
    return mark_duplicates(articles), rejects
