"""Hand corrections of publication dates, from `data/overrides.csv` or a corpus-local file.

Columns: `key` (an article_id or a source_path), `published` (YYYY-MM-DD), `note`.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import replace
from pathlib import Path

from pipeline.records import Article, DateClaim
from pipeline.reference import ReferenceError

OVERRIDE_FIELDS = ("key", "published", "note")


def load_overrides(*paths: Path) -> dict[str, tuple[dt.date, str]]:
    """Overrides from every existing file; later files win."""
    out: dict[str, tuple[dt.date, str]] = {}
    for path in paths:
        if path is None or not Path(path).exists():
            continue
        with Path(path).open(newline="", encoding="utf-8") as handle:
            reader = csv.DictReader(handle)
            if not reader.fieldnames or "key" not in reader.fieldnames or "published" not in reader.fieldnames:
                raise ReferenceError(f"{path}: expected header {','.join(OVERRIDE_FIELDS)}")
            for lineno, row in enumerate(reader, start=2):
                try:
                    day = dt.date.fromisoformat((row.get("published") or "").strip())
                except ValueError:
                    raise ReferenceError(f"{path} row {lineno}: published {row.get('published')!r} is not YYYY-MM-DD") from None
                out[(row.get("key") or "").strip()] = (day, (row.get("note") or "").strip())
    return out


def apply_overrides(articles: list[Article], overrides: dict[str, tuple[dt.date, str]]) -> list[Article]:
    """Replace the date claim of every article named in the overrides."""
    out = []
    for article in articles:
        hit = overrides.get(article.article_id) or overrides.get(article.source_path)
        if hit is None:
            out.append(article)
            continue
        day, note = hit
        evidence = f"corrected by hand{': ' + note if note else ''} (was: {article.published.evidence})"
        out.append(replace(article, published=DateClaim(day, day, day, "day", "override", evidence)))
    return out


def append_override(path: Path, key: str, day: dt.date, note: str = "") -> None:
    """Add or replace one override row, writing the file atomically."""
    rows = {}
    if path.exists():
        with path.open(newline="", encoding="utf-8") as handle:
            rows = {r["key"]: r for r in csv.DictReader(handle)}
    rows[key] = {"key": key, "published": day.isoformat(), "note": note}
    tmp = path.with_suffix(".tmp")
    path.parent.mkdir(parents=True, exist_ok=True)
    with tmp.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(OVERRIDE_FIELDS))
        writer.writeheader()
        writer.writerows(rows.values())
    tmp.replace(path)
