"""Narrow the joined statements to what the reader asked for, without any UI code."""

from __future__ import annotations

import datetime as dt
import shlex
from dataclasses import dataclass

import pandas as pd

# Precisions coarser than a week: hidden when the reader asks for well-dated statements only.
IMPRECISE = ("month", "year", "unknown")
SEARCH_COLUMNS = ("text", "quote", "speaker", "speaker_raw", "outlet")


@dataclass(frozen=True)
class Filters:
    """One view's filter values; empty tuples mean "no restriction"."""

    start: dt.date | None = None
    end: dt.date | None = None
    topics: tuple[str, ...] = ()
    speakers: tuple[str, ...] = ()
    sides: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    stances: tuple[str, ...] = ()
    text: str = ""
    include_undated: bool = True


def date_interval(df: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """Return each row's [earliest, latest] interval, filling gaps from said_on or the other bound."""
    on = df["said_on"]
    lo = df["said_earliest"].fillna(on)
    hi = df["said_latest"].fillna(on)
    return lo.fillna(hi), hi.fillna(lo)


def is_undated(df: pd.DataFrame) -> pd.Series:
    """Flag rows with no date at all: they cannot be placed on a time axis."""
    lo, hi = date_interval(df)
    return lo.isna() & hi.isna()


def is_imprecise(df: pd.DataFrame) -> pd.Series:
    """Flag rows dated no better than a month, or undated."""
    precision = df["said_precision"].fillna("unknown").astype(str)
    return precision.isin(IMPRECISE) | is_undated(df)


def search_terms(query: str) -> list[str]:
    """Split a query into lower-case terms, keeping "quoted phrases" together."""
    query = query.strip()
    if not query:
        return []
    try:
        parts = shlex.split(query)
    except ValueError:
        parts = query.split()
    return [part.lower() for part in parts if part.strip()]


def matches_text(df: pd.DataFrame, query: str) -> pd.Series:
    """Keep rows where every term occurs (case-insensitively) in the sentence, speaker or outlet."""
    terms = search_terms(query)
    mask = pd.Series(True, index=df.index)
    if not terms:
        return mask
    columns = [name for name in SEARCH_COLUMNS if name in df.columns]
    parts = [df[name].astype("object").fillna("").astype(str) for name in columns]
    haystack = parts[0].str.cat(parts[1:], sep=" | ").str.lower()
    for term in terms:
        mask &= haystack.str.contains(term, regex=False)
    return mask


def in_date_range(df: pd.DataFrame, start: dt.date | None, end: dt.date | None) -> pd.Series:
    """Keep dated rows whose interval overlaps [start, end]; undated rows are False here."""
    lo, hi = date_interval(df)
    mask = lo.notna() & hi.notna()
    if start is not None:
        mask &= hi.dt.normalize() >= pd.Timestamp(start)
    if end is not None:
        mask &= lo.dt.normalize() <= pd.Timestamp(end)
    return mask


def is_in(df: pd.DataFrame, column: str, values: tuple[str, ...]) -> pd.Series:
    """Membership test that treats an empty selection as "everything"."""
    if not values:
        return pd.Series(True, index=df.index)
    return df[column].astype("object").isin(list(values))


def apply_filters(statements_joined: pd.DataFrame, f: Filters) -> pd.DataFrame:
    """Return the statements matching every filter, in date order (undated last)."""
    df = statements_joined
    undated = is_undated(df)
    dated_ok = in_date_range(df, f.start, f.end)
    if f.include_undated:
        date_ok = dated_ok | undated
    else:
        date_ok = dated_ok & ~is_imprecise(df)
    mask = (
        date_ok
        & is_in(df, "topic_id", f.topics)
        & is_in(df, "speaker", f.speakers)
        & is_in(df, "side", f.sides)
        & is_in(df, "outlet", f.outlets)
        & is_in(df, "stance", f.stances)
        & matches_text(df, f.text)
    )
    return sort_by_date(df[mask])


def sort_by_date(df: pd.DataFrame) -> pd.DataFrame:
    """Order rows by their best date, undated rows last, so tables read chronologically."""
    lo, _ = date_interval(df)
    key = df["said_on"].fillna(lo)
    order = key.sort_values(kind="stable", na_position="last").index
    return df.loc[order].reset_index(drop=True)


def option_values(df: pd.DataFrame, column: str) -> list[str]:
    """List the distinct non-null values of a column, sorted, for a filter widget."""
    if column not in df.columns:
        return []
    return sorted({str(value) for value in df[column].dropna().tolist() if str(value).strip()})


def topic_options(df: pd.DataFrame) -> dict[str, str]:
    """Map topic_id to its label, ordered by label, for a topic picker."""
    pairs = df[["topic_id", "topic_label"]].dropna(subset=["topic_id"]).drop_duplicates("topic_id")
    pairs = pairs.sort_values("topic_label", key=lambda s: s.astype(str).str.lower())
    return {str(row.topic_id): str(row.topic_label) for row in pairs.itertuples()}


def date_bounds(df: pd.DataFrame) -> tuple[dt.date, dt.date] | None:
    """Return the earliest and latest dates any statement could have been made, or None."""
    lo, hi = date_interval(df)
    if lo.dropna().empty or hi.dropna().empty:
        return None
    return lo.min().date(), hi.max().date()


def count_line(shown: int, total: int) -> str:
    """Say how many statements the current view shows, for the caption above the chart."""
    noun = "statement" if total == 1 else "statements"
    return f"{shown} of {total} {noun}"
