"""Shape filtered statements and articles into citable tables and export files."""

from __future__ import annotations

import json

import pandas as pd

from views.filters import date_interval

CITATION_COLUMNS = ("date", "speaker", "side", "topic", "stance", "sentence", "outlet", "title", "url")
EXTRA_COLUMNS = ("date_range", "precision", "dated_by", "statement_id")
TABLE_COLUMNS = CITATION_COLUMNS + EXTRA_COLUMNS
ARTICLE_TABLE_COLUMNS = (
    "published",
    "outlet",
    "title",
    "precision",
    "method",
    "evidence",
    "duplicate_of",
    "statements",
    "source_path",
    "article_id",
)
LOW_PRECISION = ("month", "year", "unknown")


def iso_date(value: object) -> str:
    """Format a timestamp as YYYY-MM-DD, or an empty string when unknown."""
    return "" if value is None or pd.isna(value) else pd.Timestamp(value).strftime("%Y-%m-%d")


def date_range_text(earliest: object, latest: object) -> str:
    """Show an uncertain date's interval as ISO start/end, blank when exact or unknown."""
    lo, hi = iso_date(earliest), iso_date(latest)
    return "" if not lo or not hi or lo == hi else f"{lo}/{hi}"


def text_or_blank(series: pd.Series) -> pd.Series:
    """Turn nulls into empty strings so exported CSV cells are blank, not 'None'."""
    return series.astype("object").where(series.notna(), "").astype(str)


def statements_table(df: pd.DataFrame) -> pd.DataFrame:
    """Return one citable row per statement: who, what, when, where it was reported."""
    if df.empty:
        return pd.DataFrame({name: pd.Series(dtype="object") for name in TABLE_COLUMNS})
    lo, hi = date_interval(df)
    best = df["said_on"].fillna(lo)
    speaker = df["speaker"].fillna(df["speaker_raw"])
    evidence = df["said_evidence"] if "said_evidence" in df.columns else pd.Series("", index=df.index)
    method = text_or_blank(df["said_method"])
    dated_by = [m + (f": {e}" if e else "") for m, e in zip(method, text_or_blank(evidence), strict=True)]
    table = pd.DataFrame(
        {
            "date": [iso_date(value) for value in best],
            "speaker": text_or_blank(speaker),
            "side": text_or_blank(df["side"]),
            "topic": text_or_blank(df["topic_label"]),
            "stance": text_or_blank(df["stance"]),
            "sentence": text_or_blank(df["text"]),
            "outlet": text_or_blank(df["outlet"]),
            "title": text_or_blank(df["title"]),
            "url": text_or_blank(df["url"]),
            "date_range": [date_range_text(a, b) for a, b in zip(lo, hi, strict=True)],
            "precision": text_or_blank(df["said_precision"]),
            "dated_by": dated_by,
            "statement_id": text_or_blank(df["statement_id"]),
        },
        index=df.index,
    )
    return table.reset_index(drop=True)


def to_csv_bytes(table: pd.DataFrame) -> bytes:
    """Encode a table as UTF-8 CSV with a BOM so spreadsheets open non-ASCII names correctly."""
    return table.to_csv(index=False).encode("utf-8-sig")


def to_json_bytes(table: pd.DataFrame) -> bytes:
    """Encode a table as a JSON array of records, readable by people and scripts."""
    records = table.astype("object").where(table.notna(), None).to_dict(orient="records")
    return json.dumps(records, ensure_ascii=False, indent=1, default=str).encode("utf-8")


def is_low_precision(articles: pd.DataFrame) -> pd.Series:
    """Flag articles with no publication date or one known only to the month or worse."""
    precision = articles["published_precision"].fillna("unknown").astype(str)
    return precision.isin(LOW_PRECISION) | articles["published"].isna()


def articles_table(articles: pd.DataFrame, statements: pd.DataFrame, low_precision_only: bool = False) -> pd.DataFrame:
    """List articles with how their publication date was established, for auditing the corpus."""
    if low_precision_only:
        articles = articles[is_low_precision(articles)]
    counts = statements["article_id"].value_counts() if len(statements) else pd.Series(dtype="int64")
    table = pd.DataFrame(
        {
            "published": [iso_date(value) for value in articles["published"]],
            "outlet": text_or_blank(articles["outlet"]),
            "title": text_or_blank(articles["title"]),
            "precision": text_or_blank(articles["published_precision"]),
            "method": text_or_blank(articles["published_method"]),
            "evidence": text_or_blank(articles["published_evidence"]),
            "duplicate_of": text_or_blank(articles["duplicate_of"]),
            "statements": [int(counts.get(aid, 0)) for aid in articles["article_id"]],
            "source_path": text_or_blank(articles["source_path"]),
            "article_id": text_or_blank(articles["article_id"]),
        },
        index=articles.index,
    )
    return table.sort_values(["published", "outlet"], kind="stable").reset_index(drop=True)


def rejects_table(rejects: pd.DataFrame) -> pd.DataFrame:
    """List rejected inputs with the reason, so a user can fix or drop them."""
    table = pd.DataFrame({name: text_or_blank(rejects[name]) for name in ("source_path", "reason")})
    return table.sort_values("source_path", kind="stable").reset_index(drop=True)


def article_label(row: pd.Series) -> str:
    """Label an article in a picker by date, outlet and title."""
    published = iso_date(row.get("published")) or "undated"
    outlet = row.get("outlet") if pd.notna(row.get("outlet")) else "unknown outlet"
    title = row.get("title") if pd.notna(row.get("title")) else row.get("source_path")
    return f"{published} · {outlet} · {title}"
