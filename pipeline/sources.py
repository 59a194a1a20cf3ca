"""Reading an input folder: find files, decode them, unpack containers into documents.

This is the I/O edge of ingest. Every unreadable file becomes a ``Reject`` with a reason;
nothing here stops the rest of the folder from being read.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import os
from pathlib import Path

from pipeline import settings
from pipeline.records import RawDocument, Reject

LOG = logging.getLogger(__name__)

TEXT_KEYS = ("text", "body", "content", "article", "maintext")
TITLE_KEYS = ("title", "headline")
DATE_KEYS = ("published", "date", "published_at", "date_publish", "datepublished", "pubdate", "time")
URL_KEYS = ("url", "link", "source_url")
OUTLET_KEYS = ("outlet", "source", "site", "sitename", "publisher", "site_name")
RETRIEVED_KEYS = ("retrieved", "retrieved_at", "fetched", "crawled", "date_download", "as_of")


class DecodeError(ValueError):
    """The bytes are not text in any encoding we can trust."""


def list_input_files(root: Path, skip: tuple[Path, ...] = ()) -> list[Path]:
    """All files under root, sorted, minus skipped paths, without following symlinked folders (no loops)."""
    skip_resolved = {p.resolve() for p in skip}
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        current = Path(dirpath)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and (current / d).resolve() not in skip_resolved)
        for name in sorted(filenames):
            if not name.startswith(".") and (current / name).resolve() not in skip_resolved:
                found.append(current / name)
    return found


def decode_bytes(data: bytes) -> str:
    """Decode article bytes: BOMs and UTF-8 first, then charset-normalizer's best guess."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if b"\x00" in data[:4096]:
        raise DecodeError("binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise DecodeError("not text in any known encoding")
    text = str(best)
    if sum(ch.isprintable() or ch.isspace() for ch in text[:5000]) < 0.9 * len(text[:5000]):
        raise DecodeError("mostly unprintable characters (binary file?)")
    return text


def _pick(record: dict, keys: tuple[str, ...]) -> str | None:
    """First non-empty value among several possible field names (case-insensitive)."""
    lowered = {str(k).lower(): v for k, v in record.items()}
    for key in keys:
        value = lowered.get(key)
        if value not in (None, ""):
            return str(value)
    return None


def _record_to_document(source: str, fmt: str, record: object) -> RawDocument | Reject:
    """Turn one JSON/CSV record into a document, or a reject saying which field is missing."""
    if not isinstance(record, dict):
        return Reject(source, f"expected an object with a 'text' field, got {type(record).__name__}")
    text = _pick(record, TEXT_KEYS)
    if not text:
        return Reject(source, f"record has no text field (looked for {', '.join(TEXT_KEYS)})")
    return RawDocument(
        source_path=source,
        fmt=fmt,
        text=text,
        title=_pick(record, TITLE_KEYS),
        outlet=_pick(record, OUTLET_KEYS),
        url=_pick(record, URL_KEYS),
        published_raw=_pick(record, DATE_KEYS),
        retrieved_raw=_pick(record, RETRIEVED_KEYS),
    )


def unpack_json(source: str, text: str) -> list[RawDocument | Reject]:
    """A .json file holds one article object, or a list of them."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        return [Reject(source, f"malformed JSON: {exc.msg} at line {exc.lineno}")]
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        data = data["articles"]
    items = data if isinstance(data, list) else [data]
    if not items:
        return [Reject(source, "JSON holds no articles")]
    return [_record_to_document(f"{source}#{i}" if len(items) > 1 else source, "json", r) for i, r in enumerate(items)]


def unpack_jsonl(source: str, text: str) -> list[RawDocument | Reject]:
    """A .jsonl file holds one article object per line; a bad line rejects only itself."""
    out: list[RawDocument | Reject] = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}#{lineno}"
        try:
            out.append(_record_to_document(where, "jsonl", json.loads(line)))
        except json.JSONDecodeError as exc:
            out.append(Reject(where, f"malformed JSON line: {exc.msg}"))
    return out or [Reject(source, "JSONL file holds no articles")]


def unpack_csv(source: str, text: str) -> list[RawDocument | Reject]:
    """A .csv file holds one article per row with a text column."""
    csv.field_size_limit(settings.MAX_FILE_BYTES)
    try:
        rows = list(csv.DictReader(io.StringIO(text)))
    except csv.Error as exc:
        return [Reject(source, f"malformed CSV: {exc}")]
    if not rows:
        return [Reject(source, "CSV holds no rows")]
    if not any(k and k.lower() in TEXT_KEYS for k in rows[0]):
        return [Reject(source, f"CSV has no text column (looked for {', '.join(TEXT_KEYS)})")]
    return [_record_to_document(f"{source}#{i + 2}", "csv", row) for i, row in enumerate(rows)]


def unpack_html(source: str, text: str) -> list[RawDocument | Reject]:
    """Extract main text and metadata from HTML with trafilatura; the HTML is never rendered."""
    import trafilatura

    try:
        body = trafilatura.extract(text, include_comments=False, include_tables=False, favor_precision=True)
        meta = trafilatura.extract_metadata(text)
    except Exception as exc:  # trafilatura raises many types on hostile markup
        return [Reject(source, f"HTML could not be parsed: {type(exc).__name__}")]
    if not body:
        return [Reject(source, "HTML has no readable article text")]
    published = None
    if meta is not None and meta.date:
        published = meta.date
    return [
        RawDocument(
            source_path=source,
            fmt="html",
            text=body,
            title=getattr(meta, "title", None),
            outlet=getattr(meta, "sitename", None),
            url=getattr(meta, "url", None),
            published_raw=published,
            html=None,
        )
    ]


UNPACKERS = {".json": unpack_json, ".jsonl": unpack_jsonl, ".csv": unpack_csv, ".html": unpack_html, ".htm": unpack_html}


def read_file(path: Path, root: Path) -> list[RawDocument | Reject]:
    """Read one file into documents or rejects; never raises for bad data."""
    source = path.relative_to(root).as_posix()
    try:
        if path.is_symlink() and not path.exists():
            return [Reject(source, "broken symbolic link")]
        if path.suffix.lower() not in settings.SUPPORTED_SUFFIXES:
            return [Reject(source, f"unsupported file type {path.suffix or '(none)'}; use txt, md, html, json, jsonl or csv")]
        size = path.stat().st_size
        if size == 0:
            return [Reject(source, "empty file")]
        if size > settings.MAX_FILE_BYTES:
            return [Reject(source, f"file too large ({size // 1_000_000} MB > {settings.MAX_FILE_BYTES // 1_000_000} MB limit)")]
        text = decode_bytes(path.read_bytes())
    except DecodeError as exc:
        return [Reject(source, str(exc))]
    except OSError as exc:
        return [Reject(source, f"could not read file: {exc.strerror or exc}")]
    if not text.strip():
        return [Reject(source, "file holds only whitespace")]
    unpack = UNPACKERS.get(path.suffix.lower())
    if unpack is not None:
        return unpack(source, text)
    return [RawDocument(source_path=source, fmt=path.suffix.lower().lstrip("."), text=text)]


def read_folder(root: Path, skip: tuple[Path, ...] = ()) -> tuple[list[RawDocument], list[Reject]]:
    """Read every file under root; returns the usable documents and the rejects."""
    docs: list[RawDocument] = []
    rejects: list[Reject] = []
    for path in list_input_files(root, skip):
        for item in read_file(path, root):
            (rejects if isinstance(item, Reject) else docs).append(item)
    return docs, rejects
