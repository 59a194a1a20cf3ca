"""Dating evidence written into the text itself, without the event reference.

Real copy dates itself in passing: "nearly four years of war", "on the first anniversary of the
invasion", "since early 2024", "on May 28, 2024", "on Sunday (June 18)". Each becomes an
interval the publication date must lie in, as wide as the words honestly allow:
- the age of the war, counted from its start (``settings.WAR_START``), with "nearly", "more
  than" or "about" widening it the way writers round;
- a date, month or year mentioned in the past tense is not after the article (and one in the
  future tense not before it);
- a weekday written with its date names one of few years (June 18 is a Sunday in 2017 and 2023).
"""

from __future__ import annotations

import datetime as dt
import re

from pipeline import date_patterns as dp
from pipeline import settings
from pipeline.date_constraints import Constraint, Span, alternatives

YEAR_DAYS = 365.25
ROUNDING_SLACK = 0.05  # years: "nearly three years" is still said a few weeks after the third anniversary
NUMBER = r"(?P<num>\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten)"
QUALIFIER = r"(?:(?P<qual>nearly|almost|close to|just under|more than|over|just over|about|some|roughly|around)\s+)?"
WAR_NOUN = r"(?:full-scale\s+|all-out\s+)?(?:war|conflict|invasion|fighting)"
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7}
ORDINAL = r"(?P<ord>first|second|third|fourth|fifth|sixth|seventh)"
WAR_AGE_RES = (
    re.compile(rf"\b{QUALIFIER}{NUMBER}[- ]years?[- ]old\s+{WAR_NOUN}\b", re.IGNORECASE),
    re.compile(rf"\b{QUALIFIER}{NUMBER}\s+years?\s+of\s+(?:the\s+)?{WAR_NOUN}\b", re.IGNORECASE),
    re.compile(rf"\b(?:the|its|a)\s+{NUMBER}[- ]year(?:[- ]long)?\s+{WAR_NOUN}\b", re.IGNORECASE),
    re.compile(
        rf"\b{QUALIFIER}{NUMBER}\s+years?\s+(?:since|after)\s+(?:Russia['’]s\s+|Moscow['’]s\s+|the\s+)?{WAR_NOUN}\b",
        re.IGNORECASE,
    ),
    re.compile(
        rf"\b{WAR_NOUN}\s+(?:of\s+Ukraine\s+)?(?:began\s+|started\s+)?{QUALIFIER}{NUMBER}\s+years?\s+ago\b", re.IGNORECASE
    ),
)
WAR_YEAR_RE = re.compile(rf"\b(?:in|into|entering|enters|entered)\s+(?:its|the)\s+{ORDINAL}\s+year\b", re.IGNORECASE)
ANNIVERSARY_RE = re.compile(
    rf"\b{ORDINAL}\s+anniversary\s+of\s+(?:Russia['’]s\s+|Moscow['’]s\s+|the\s+)?{WAR_NOUN}\b", re.IGNORECASE
)
# Another war, or the one that began in 2014, would be counted from another start.
OTHER_WAR_RE = re.compile(
    r"\b(Gaza|Israel|Hamas|Iran|Syria|Afghanistan|Iraq|Donbas|Donbass|eastern Ukraine|Crimea|2014|World War|Chechnya|"
    r"Georgia|Sudan|Yemen|Korea|Sahel)\b",
    re.IGNORECASE,
)
WAR_CONTEXT_RE = re.compile(r"\b(war|conflict|invasion|fighting)\b", re.IGNORECASE)
# Words that make a mentioned date a plan or a deadline rather than something that happened.
NOT_PAST_RE = re.compile(
    r"\b(will|'ll|shall|would|could|may|might|next|plans? to|planned|aims? to|until|deadline|expires?|due to|scheduled|"
    rf"was to|were to|supposed to|meant to|{dp.PUT_OFF_WORDS}|delayed|rescheduled|"
    rf"set to|expected to|upcoming|ahead of|target|is to|are to|to be held|by (?:the end of |early |mid-|late )?(?:{dp.MONTH_NAME}|{dp.YEAR}))\b"
)  # case-sensitive: "May 28" is a date, "may" a plan
PAST_RE = re.compile(
    r"\b(was|were|had|did|has been|have been|since|ago|earlier|previously|said|told|held|met|signed|began|started|"
    r"launched|invaded|ended|took place|came|visited|attacked|struck|killed|spoke|reached|announced|agreed|declared|"
    r"seized|captured|annexed|collapsed|expired|arrested|released|already|taken place|happened|occurred)\b",
    re.IGNORECASE,
)
FUTURE_RE = re.compile(
    r"\b(will|'ll|shall|is (?:due|scheduled|set|expected) to|are (?:due|scheduled|set|expected) to|upcoming)\b", re.IGNORECASE
)
YEAR_AFTER_PREP_RE = re.compile(
    rf"\b(?:(?:since|in|during|throughout|early|late)\s+|mid-?\s*)(?P<year>{dp.YEAR})\b(?!\s*[-–]\s*\d)"
)
WEEKDAY_DATE_RES = (
    re.compile(rf"\b(?P<weekday>{dp.WEEKDAY_NAME}),?\s*\(?(?P<month>{dp.MONTH_NAME})\s+(?P<day>[0-3]?\d)\b(?!,?\s*{dp.YEAR})"),
    re.compile(
        rf"\b(?P<weekday>{dp.WEEKDAY_NAME}),?\s*\(?(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<month>{dp.MONTH_NAME})(?!,?\s*{dp.YEAR})"
    ),
)
WEEKDAY_DATE_MARGIN = dt.timedelta(days=31)  # a weekday written with its date: within a month of the article
FIRST_YEAR = 2000


def _years(years: float) -> dt.timedelta:
    """A span of (fractional) years."""
    return dt.timedelta(days=round(years * YEAR_DAYS))


def _age_bounds(qualifier: str | None, years: int) -> tuple[float, float]:
    """The ages in years a rounded phrase covers ("nearly four": 3.5 to 4)."""
    q = (qualifier or "").lower()
    if q in ("nearly", "almost", "close to", "just under"):
        return years - 0.5, years + ROUNDING_SLACK
    if q in ("more than", "over", "just over"):
        return years - ROUNDING_SLACK, years + 1
    if q:
        return years - 0.5, years + 0.5
    return years - 0.5, years + 1


def war_age_constraints(sentences: list[str], war_start: dt.date = settings.WAR_START) -> list[Constraint]:
    """How old the war is said to be, as dates counted from its start."""
    out = []
    for sentence in sentences:
        if OTHER_WAR_RE.search(sentence):
            continue
        for pattern in WAR_AGE_RES:
            for m in pattern.finditer(sentence):
                low, high = _age_bounds(m.groupdict().get("qual"), dp.to_number(m["num"]))
                out.append(
                    Constraint(war_start + _years(max(low, 0)), war_start + _years(high), f"'{m.group(0).strip()}' of the war")
                )
        if WAR_CONTEXT_RE.search(sentence) and (m := WAR_YEAR_RE.search(sentence)):
            n = ORDINALS[m["ord"].lower()]
            out.append(Constraint(war_start + _years(n - 1), war_start + _years(n), f"the war '{m.group(0).strip()}'"))
        for m in ANNIVERSARY_RE.finditer(sentence):
            day = dp.safe_date(war_start.year + ORDINALS[m["ord"].lower()], war_start.month, war_start.day)
            if day:
                out.append(Constraint(day - dt.timedelta(days=14), None, f"'{m.group(0).strip()}' ({day})"))
    return out


def _tense(sentence: str) -> str:
    """past, future or unclear: whether what a sentence dates has happened by the time of writing."""
    if FUTURE_RE.search(sentence) and not PAST_RE.search(sentence):
        return "future"
    if PAST_RE.search(sentence) and not NOT_PAST_RE.search(sentence):
        return "past"
    return "unclear"


def explicit_date_constraints(sentences: list[str]) -> list[Constraint]:
    """Dates, months and years written out: a past one is not after the article, a future one not
    before; a past day is also what the article may be reporting as just happened."""
    out = []
    for sentence in sentences:
        tense = _tense(sentence)
        if tense == "unclear":
            continue
        spans: list[tuple[dt.date, dt.date, str]] = []
        for m, day in dp.find_full_dates(sentence):
            if m["year"]:
                spans.append((day, day, m.group(0)))
        spans += _months_and_years(sentence)
        for first, last, words in spans:
            if tense == "past":
                out.append(Constraint(first, None, f"'{words}' has passed", cited_day=first if first == last else None))
            else:
                out.append(Constraint(None, last, f"'{words}' is still to come"))
    return out


def _months_and_years(sentence: str) -> list[tuple[dt.date, dt.date, str]]:
    """Months and years written out in a sentence, as the spans they cover."""
    spans: list[tuple[dt.date, dt.date, str]] = []
    for m in dp.MONTH_YEAR_RE.finditer(sentence):
        first, last = dp.month_bounds(int(m["year"]), dp.month_number(m["month"]))
        spans.append((first, last, m.group(0).strip()))
    for m in YEAR_AFTER_PREP_RE.finditer(sentence):
        year = int(m["year"])
        if FIRST_YEAR <= year:
            spans.append((dt.date(year, 1, 1), dt.date(year, 12, 31), m.group(0)))
    return spans


def weekday_date_constraints(sentences: list[str], latest: dt.date) -> list[Constraint]:
    """A weekday written with its date ("Sunday (June 18)"): one of the few years it fits, near the article."""
    out = []
    for sentence in sentences:
        tense = _tense(sentence)
        for pattern in WEEKDAY_DATE_RES:
            for m in pattern.finditer(sentence):
                weekday = dp.WEEKDAYS[m["weekday"].lower()]
                month, day = dp.month_number(m["month"]), int(m["day"])
                days = [
                    d
                    for year in range(FIRST_YEAR, latest.year + 1)
                    if (d := dp.safe_date(year, month, day)) and d.weekday() == weekday
                ]
                if not days:
                    continue
                before = dt.timedelta() if tense == "past" else WEEKDAY_DATE_MARGIN
                after = dt.timedelta() if tense == "future" else WEEKDAY_DATE_MARGIN
                spans: list[Span] = [(d - before, d + after) for d in days]
                listed = ", ".join(str(d.year) for d in days[-3:])
                out.append(alternatives(spans, f"'{m.group(0).strip(' (')}' falls on that weekday in {listed}"))
    return out
