"""When a statement was made: from its own sentence first, else from its article.

"In January, Putin said ..." in a May article is January of that year; "in December" in a
January article is the previous December; "talks resume on 15 April" looks forward.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from pipeline import date_patterns as dp
from pipeline.dating import DAY, exact, interval_claim
from pipeline.event_mentions import EventIndex, event_index
from pipeline.records import Article, DateClaim, Statement
from pipeline.reference import Event
from pipeline.report_verbs import REPORT_VERB_RE


def _inherit(article_claim: DateClaim) -> DateClaim:
    """The article's own date, marked as inherited."""
    if not article_claim.is_known:
        return DateClaim(None, None, None, "unknown", "unknown", "article date unknown")
    return DateClaim(
        article_claim.value,
        article_claim.earliest,
        article_claim.latest,
        article_claim.precision,
        "article",
        f"same as article ({article_claim.evidence})",
    )


LOCAL_FUTURE_RE = re.compile(r"\bwould\b(?!\s+(?:have|not have))", re.IGNORECASE)
PARENTHETICAL_RE = re.compile(r",\s*(?:who|which|whose|where|when)\b[^,]*,")


def _pick_year(month: int, day: int | None, anchor: dt.date, future: bool) -> int:
    """The year for a month (and day) without one: nearest the anchor for a day, by tense for a bare month."""

    def distance(year: int) -> int:
        probe = dp.safe_date(year, month, day or 15) or dt.date(year, month, 1)
        return abs((probe - anchor).days)

    if day is None:  # a bare month points back unless the tense looks forward
        if future:
            return anchor.year if month >= anchor.month else anchor.year + 1
        return anchor.year if month <= anchor.month else anchor.year - 1
    years = sorted((anchor.year - 1, anchor.year, anchor.year + 1), key=lambda y: (distance(y), -y if future else y))
    return years[0]


def _is_future_near(sentence: str, position: int) -> bool:
    """A future cue in the words just before a date expression ("will meet on Thursday")."""
    window = sentence[max(0, position - 45) : position]
    return bool(dp.FUTURE_CUE_RE.search(window) or LOCAL_FUTURE_RE.search(window))


def date_statement(sentence: str, article_claim: DateClaim, index: EventIndex | None = None) -> DateClaim:
    """The date claim of one statement sentence, given its article's claim and the reference's
    event index (``event_index(reference.events)``, built once per stage)."""
    anchor = article_claim.value
    sentence = PARENTHETICAL_RE.sub(lambda m: " " * len(m.group(0)), sentence)
    future = bool(dp.FUTURE_CUE_RE.search(sentence))
    for m, day in dp.find_full_dates(sentence):
        return exact(day, "explicit", f"'{m.group(0)}' in the sentence")
    if anchor is None or article_claim.precision not in ("day", "week", "month"):
        return _inherit(article_claim)
    for pattern in (dp.DAY_MONTH_RE, dp.MONTH_DAY_RE):
        if m := pattern.search(sentence):
            month, day_num = dp.month_number(m["month"]), int(m["day"])
            year = _pick_year(month, day_num, anchor, future)
            if day := dp.safe_date(year, month, day_num):
                return exact(day, "explicit", f"'{m.group(0)}' in the sentence, year from the article ({anchor})")
    if m := dp.MONTH_YEAR_RE.search(sentence):
        first, last = dp.month_bounds(int(m["year"]), dp.month_number(m["month"]))
        return interval_claim(first, last, "explicit", f"'{m.group(0)}' in the sentence")
    if m := dp.IN_MONTH_RE.search(sentence):
        month = dp.month_number(m["month"])
        year = _pick_year(month, None, anchor, future and m["prep"].lower() not in ("last", "since"))
        if m["prep"].lower() == "last" and month >= anchor.month:
            year = anchor.year - 1
        first, last = dp.month_bounds(year, month)
        return interval_claim(first, last, "relative", f"'{m.group(0)}' relative to the article ({anchor})")
    if m := dp.RELATIVE_PHRASE_RE.search(sentence):
        claim = _relative_phrase(m, anchor)
        if claim is not None:
            return claim
    for m in dp.WEEKDAY_RE.finditer(sentence):
        weekday = dp.WEEKDAYS[m["weekday"].lower()]
        prep = (m["prep"] or "").lower()
        if prep == "next" or (prep != "last" and _is_future_near(sentence, m.start())):
            day = dp.next_weekday(anchor + DAY, weekday) if prep == "next" else dp.next_weekday(anchor, weekday)
        else:
            day = dp.previous_weekday(anchor - (7 * DAY if prep == "last" else dt.timedelta()), weekday)
        if article_claim.precision == "day":
            return exact(day, "relative", f"'{m.group(0)}' relative to the article ({anchor})")
        return interval_claim(day - 6 * DAY, day, "relative", f"'{m.group(0)}' relative to an imprecise article date")
    if claim := _at_event(sentence, anchor, index):
        return claim
    return _inherit(article_claim)


# "at the summit", "during a meeting with senior diplomats", "speaking at the talks in Istanbul"
AT_EVENT_RE = re.compile(
    r"\b(?:at|during|on the sidelines of|speaking at|addressing|in (?:a|his|her|their) (?:speech|address) (?:at|to))\s+"
    r"(?:(?:the|a|an|its|his|her|their)\s+)?(?:(?:meeting|talks|speech|address|call|session|conference)\s+(?:with|to|of)\s+)?$",
    re.IGNORECASE,
)
AT_EVENT_LOOKBACK = 60


def _at_event(sentence: str, anchor: dt.date, index: EventIndex | None) -> DateClaim | None:
    """A statement made at a dated event the sentence names ("During a meeting with senior
    diplomats, Putin announced ..."): it is dated to that event, when the event is past.

    Only when the sentence puts the speaking at the event; a sentence that merely talks
    about an event ("Peskov said the moratorium had expired") keeps its article's date.
    """
    if index is None:
        return None
    for mention in index.find(sentence):
        event = mention.event
        lookback = max(0, mention.start - AT_EVENT_LOOKBACK)
        framed = AT_EVENT_RE.search(sentence[lookback : mention.start])
        if framed is None or event.date > anchor:
            continue
        speech = REPORT_VERB_RE.search(sentence)
        if speech is not None and speech.start() < lookback + framed.start():
            between = sentence[speech.end() : lookback + framed.start()].split()
            if len(between) > 3:
                continue  # "said units had shelled positions during the truce": the shelling was then, not the saying
        end = min(event.date_end or event.date, anchor)
        words = sentence[lookback + framed.start() : mention.end].strip()
        words = words if len(words) <= 80 else words[:77] + "..."
        evidence = f"'{words}': {event.title} ({event.date}{' to ' + str(end) if end != event.date else ''})"
        return interval_claim(event.date, end, "event", evidence) if end != event.date else exact(event.date, "event", evidence)
    return None


def _relative_phrase(m, anchor: dt.date) -> DateClaim | None:
    """'last month', 'yesterday', 'two weeks ago', 'earlier this week' against the article day."""
    phrase = m["phrase"].lower()
    evidence = f"'{m.group(0)}' relative to the article ({anchor})"
    if phrase == "yesterday":
        return exact(anchor - DAY, "relative", evidence)
    if phrase == "last night":
        return DateClaim(anchor - DAY, anchor - DAY, anchor, "day", "relative", evidence)
    if phrase == "last week":
        start = anchor - dt.timedelta(days=anchor.weekday() + 7)
        return interval_claim(start, start + 6 * DAY, "relative", evidence)
    if phrase == "last weekend":
        saturday = dp.previous_weekday(anchor - DAY, 5)
        return interval_claim(saturday, saturday + DAY, "relative", evidence)
    if phrase == "last month":
        previous = dp.shift_months(anchor.replace(day=1), -1)
        first, last = dp.month_bounds(previous.year, previous.month)
        return interval_claim(first, last, "relative", evidence)
    if phrase == "last year":
        return interval_claim(dt.date(anchor.year - 1, 1, 1), dt.date(anchor.year - 1, 12, 31), "relative", evidence)
    if phrase in ("earlier this week", "earlier in the week", "this week"):
        start = anchor - dt.timedelta(days=anchor.weekday())
        return interval_claim(start, anchor, "relative", evidence)
    if phrase in ("earlier this month", "earlier in the month", "this month"):
        return interval_claim(anchor.replace(day=1), anchor, "relative", evidence)
    if phrase == "next week":
        start = anchor + dt.timedelta(days=7 - anchor.weekday())
        return interval_claim(start - DAY, start + 6 * DAY, "relative", evidence)
    if phrase == "next month":
        following = dp.shift_months(anchor.replace(day=1), 1)
        first, last = dp.month_bounds(following.year, following.month)
        return interval_claim(first, last, "relative", evidence)
    if phrase == "earlier today":
        return exact(anchor, "relative", evidence)
    if phrase == "this year":
        return interval_claim(dt.date(anchor.year, 1, 1), anchor, "relative", evidence)
    if m["unit"] and "ago" in phrase:
        n, unit = dp.to_number(m["num"]), m["unit"].lower()
        if unit == "day":
            return exact(anchor - dt.timedelta(days=n), "relative", evidence)
        low, high = {"week": (7 * n - 3, 7 * n + 3), "month": (30 * n - 7, 30 * n + 7), "year": (365 * n - 60, 365 * n + 60)}[
            unit
        ]
        return interval_claim(anchor - dt.timedelta(days=high), anchor - dt.timedelta(days=low), "relative", evidence)
    return None


def date_statements(
    statements: list[Statement], articles_by_id: dict[str, Article], events: tuple[Event, ...] = ()
) -> list[Statement]:
    """Statement-dating stage: each sentence's own date, resolved against its article's date."""
    index = event_index(events) if events else None
    return [replace(s, said=date_statement(s.text, articles_by_id[s.article_id].published, index)) for s in statements]
