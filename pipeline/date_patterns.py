"""Date expressions in English news text: compiled patterns and small calendar helpers.

Patterns find candidate expressions fast; ``parse_date_string`` hands free-form metadata
values to dateparser with a fixed base, so results never depend on the machine's clock.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

# An event or a date put off or called off: a past tense says nothing about whether it happened
PUT_OFF_WORDS = r"postponed|put off|called off|cancell?ed"
MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}

MONTH_NAME = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
WEEKDAY_NAME = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
YEAR = r"(?:19|20)\d\d"

# "12 March 2025", "March 12, 2025", "March 12", "12 March" (capitalised month only, so the
# verb "may" and the noun "march" never match).
DAY_MONTH_RE = re.compile(rf"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{MONTH_NAME})(?:,?\s+(?P<year>{YEAR}))?\b")
MONTH_DAY_RE = re.compile(
    rf"\b(?P<month>{MONTH_NAME})\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>{YEAR}))?(?!\s*(?:%|per|million|billion|km|people|troops|prisoners|soldiers))"
)
ISO_RE = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?!\d)")
NUMERIC_DMY_RE = re.compile(r"\b(?P<day>[0-3]?\d)[./](?P<month>[01]?\d)[./](?P<year>(?:19|20)\d\d)\b")
MONTH_YEAR_RE = re.compile(rf"\b(?:in\s+)?(?P<month>{MONTH_NAME})\s+(?P<year>{YEAR})\b")
# "in March", "in early January", "last March": a month without a day.
IN_MONTH_RE = re.compile(
    rf"\b(?P<prep>(?i:in|since|during|last|this|by|until|from))\s+(?:(?:early|mid|late|mid-)\s*-?)?(?P<month>{MONTH_NAME})(?!\s+[0-3]?\d\b)(?!\s+{YEAR})\b"
)
WEEKDAY_RE = re.compile(rf"\b(?:(?P<prep>on|last|this|next|late|early|since|by|until)\s+)?(?P<weekday>{WEEKDAY_NAME})(?:'s)?\b")
URL_DATE_RES = (
    re.compile(r"/(?P<year>(?:19|20)\d\d)[/-](?P<month>[01]?\d)[/-](?P<day>[0-3]?\d)(?:/|-|\b)"),
    re.compile(r"/(?P<year>(?:19|20)\d\d)(?P<month>[01]\d)(?P<day>[0-3]\d)(?:/|-|_|\b)"),
)
URL_MONTH_RE = re.compile(r"/(?P<year>(?:19|20)\d\d)/(?P<month>[01]?\d)/")
RELATIVE_AGE_RE = re.compile(
    r"\b(?P<num>\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<unit>minute|hour|day|week)s?\s+ago\b|"
    r"^\s*(?P<word>yesterday|today|just now)\b",
    re.IGNORECASE,
)
# Content-relative phrases (about when something was said, relative to the article).
RELATIVE_PHRASE_RE = re.compile(
    r"\b(?P<phrase>last (?:week|month|year|weekend|night)|yesterday|earlier (?:this|in the) (?:week|month)|"
    r"earlier today|this (?:week|month|year)|next (?:week|month)|(?P<num>a|one|two|three|four|five|six|\d+) (?P<unit>day|week|month|year)s? ago|"
    r"(?:a|one|two|three|\d+) (?:full )?(?:month|week)s? (?:into|after|since))\b",
    re.IGNORECASE,
)
# "it had already been a month" / "a month after": a duration since a mentioned event.
DURATION_SINCE_RE = re.compile(
    r"\b(?:(?:has|had|have)\s+(?:already\s+)?been|(?:more than|almost|nearly|over)\s+)?"
    r"(?P<num>a|one|two|three|four|five|six|\d+)\s+(?P<unit>day|week|month|year)s?\b",
    re.IGNORECASE,
)
FUTURE_CUE_RE = re.compile(
    r"\b(will|'ll|shall|next|plans? to|is to|are to|due to|set to|scheduled|upcoming|expected to|should begin|to begin|to start|to resume|ahead of)\b",
    re.IGNORECASE,
)
PAST_CUE_RE = re.compile(
    r"\b(ago|last|since|after|earlier|already|previously|agreed|signed|held|reached|announced|brokered|"
    r"collapsed|ended|expired|took place|was|were|had)\b",
    re.IGNORECASE,
)
NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}


def to_number(word: str) -> int:
    """'a'/'one'/'3' -> 1/1/3."""
    word = word.lower()
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word, 1)


def month_number(name: str) -> int:
    """'Apr.' -> 4."""
    return MONTHS[name.lower().rstrip(".")]


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    """A date, or None when the parts do not form one (31 February)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    """First and last day of a month."""
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def shift_months(day: dt.date, months: int) -> dt.date:
    """The same day-of-month some months later (clamped to the month's end)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def previous_weekday(day: dt.date, weekday: int) -> dt.date:
    """The most recent given weekday on or before day."""
    return day - dt.timedelta(days=(day.weekday() - weekday) % 7)


def next_weekday(day: dt.date, weekday: int) -> dt.date:
    """The first given weekday on or after day."""
    return day + dt.timedelta(days=(weekday - day.weekday()) % 7)


def weekdays_between(earliest: dt.date, latest: dt.date, weekday: int) -> list[dt.date]:
    """Every occurrence of a weekday inside [earliest, latest]."""
    out = []
    day = next_weekday(earliest, weekday)
    while day <= latest:
        out.append(day)
        day += dt.timedelta(days=7)
    return out


def parse_date_string(value: str, base: dt.date | None = None) -> dt.date | None:
    """Parse a metadata date value (ISO, '12 March 2025', 'Mon, 12 Mar 2025 10:00 GMT', ...)."""
    value = value.strip()
    found = find_full_dates(value)
    if found:
        return found[0][1]
    import dateparser

    settings = {"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month", "year"]}
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(base, dt.time())
    else:
        settings["RELATIVE_BASE"] = dt.datetime(2000, 1, 1)
        settings["RETURN_AS_TIMEZONE_AWARE"] = False
    parsed = dateparser.parse(value, languages=["en"], settings=settings)
    return parsed.date() if parsed else None


def find_full_dates(text: str) -> list[tuple[re.Match, dt.date]]:
    """Every day-month-year date written out in a text, with its match."""
    found = []
    for pattern in (DAY_MONTH_RE, MONTH_DAY_RE):
        for m in pattern.finditer(text):
            if m["year"]:
                day = safe_date(int(m["year"]), month_number(m["month"]), int(m["day"]))
                if day:
                    found.append((m, day))
    for pattern in (ISO_RE, NUMERIC_DMY_RE):
        for m in pattern.finditer(text):
            day = safe_date(int(m["year"]), int(m["month"]), int(m["day"]))
            if day:
                found.append((m, day))
    return sorted(found, key=lambda pair: pair[0].start())
