"""Publication dates of articles: an ordered cascade of evidence, combined honestly.

Strongest first: metadata/header, URL, dateline or timestamp, relative age against a
known retrieval date. When none of these exists, content constraints are intersected:
tenures of named roles, dated events the text refers to (with "a month", "last month"),
and the weekday of the lead ("the Kremlin said on Friday"). The result is a ``DateClaim``
whose interval is as wide as the evidence honestly allows.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from pipeline import date_patterns as dp
from pipeline import settings
from pipeline.calendar_mentions import explicit_date_constraints, war_age_constraints, weekday_date_constraints
from pipeline.date_constraints import Constraint, alternatives, combine, open_options
from pipeline.event_mentions import event_index
from pipeline.event_series import SeriesGap, fitting_gaps, latest_instance_gaps, series_words
from pipeline.records import Article, DateClaim
from pipeline.reference import Actor, Event, Reference
from pipeline.report_verbs import REPORT_VERB_RE, SPEECH_VERB_RE

DAY = dt.timedelta(days=1)
LEAD_CHARS = 700
DATELINE_RE = re.compile(
    rf"^\s*(?P<place>[A-Z][A-Z .'’-]{{2,40}}),?\s+(?P<month>{dp.MONTH_NAME})\s+(?P<day>[0-3]?\d)(?:,?\s+(?P<year>{dp.YEAR}))?\s*[(./:\-–—]",
)
DATELINE_DAY_FIRST_RE = re.compile(
    rf"^\s*(?P<place>[A-Z][A-Z .'’-]{{2,40}}),?\s+(?P<day>[0-3]?\d)\s+(?P<month>{dp.MONTH_NAME})(?:,?\s+(?P<year>{dp.YEAR}))?\s*[(./:\-–—]",
)
# "Vilnius 12.07.2023 Ukrainian President ...": a place and a numeric date, day first, as European outlets write it
DATELINE_NUMERIC_RE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Za-z'’-]{2,25}(?:\s[A-Z][A-Za-z'’-]{2,25})?),?\s+"
    r"(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>(?:19|20)\d\d)\b"
)
TIMESTAMP_RE = re.compile(
    rf"\b(?P<day>[0-3]?\d)\s+(?P<month>{dp.MONTH_NAME})\s+(?P<year>{dp.YEAR}),?\s+\d{{1,2}}:\d\d\b|"
    rf"\b(?P<month2>{dp.MONTH_NAME})\s+(?P<day2>[0-3]?\d),\s+(?P<year2>{dp.YEAR}),?\s+(?:at\s+)?\d{{1,2}}:\d\d\b"
)
FORMER_RE = re.compile(r"\b(former|ex-|then-|erstwhile|late)\s*$", re.IGNORECASE)
PARAGRAPH_BREAK_RE = re.compile(r"\n\s*\n")
SENTENCE_SPLIT_RE = re.compile(r"(?<=[.!?”\"])\s+(?=[A-Z“\"])")
DURATION_DAYS = {"day": (1, 1), "week": (6, 9), "month": (24, 37), "year": (330, 400)}  # what "a month" can mean
NO_UPPER_BOUND = dt.date(2100, 12, 31)  # years a weekday-and-date may fall in when nothing bounds the article
MAX_DATELINE_YEARS = 3  # a dateline day that fits more years than this says nothing about the year
# Titles outlets word several ways, each rewritten to the wording the reference uses
TITLE_SYNONYMS = (
    (re.compile(r"\bminister of foreign affairs\b"), "foreign minister"),
    (re.compile(r"\bforeign affairs minister\b"), "foreign minister"),
    (re.compile(r"\bdefense\b"), "defence"),
    (re.compile(r"\bminister of defence\b"), "defence minister"),
)
# "head of the delegation, X" is a title; "head of the delegation to those talks, X" a description
TITLE_GAP_RE = re.compile(r"\s*[,:]?\s*")
MIN_ROLE_MENTION_GAP = 60  # characters between a role title and the name it qualifies


@dataclass(frozen=True)
class DatingContext:
    """What dating may know besides the text: reference facts and the retrieval date."""

    reference: Reference
    as_of: dt.date | None = None  # an explicit retrieval date: relative ages are resolved against it
    upper_bound: dt.date | None = None  # nothing is published after this (the build date)


def precision_for(earliest: dt.date | None, latest: dt.date | None) -> str:
    """Precision word for an interval's width."""
    if earliest is None or latest is None:
        return "unknown"
    width = (latest - earliest).days
    if width <= 1:
        return "day"
    if width <= 7:
        return "week"
    if width <= 31:
        return "month"
    if width <= 366:
        return "year"
    return "unknown"


def exact(day: dt.date, method: str, evidence: str) -> DateClaim:
    """A claim for one known day."""
    return DateClaim(day, day, day, "day", method, evidence)


def interval_claim(earliest: dt.date, latest: dt.date, method: str, evidence: str, best: dt.date | None = None) -> DateClaim:
    """A claim for an interval; the best estimate defaults to its middle."""
    if best is None:
        best = earliest + (latest - earliest) // 2
    return DateClaim(best, earliest, latest, precision_for(earliest, latest), method, evidence)


# --- strong evidence -------------------------------------------------------------------


def date_from_header(article: Article) -> DateClaim | None:
    """A date given as metadata (header line, JSON/CSV field, HTML meta)."""
    if not article.published_raw:
        return None
    day = dp.parse_date_string(article.published_raw)
    if day is None:
        return None
    return exact(day, "header", f"metadata date '{article.published_raw.strip()[:40]}'")


def date_from_url(article: Article) -> DateClaim | None:
    """A date in the URL path (/2025/04/18/ or /20250418/)."""
    if not article.url:
        return None
    for pattern in dp.URL_DATE_RES:
        if m := pattern.search(article.url):
            day = dp.safe_date(int(m["year"]), int(m["month"]), int(m["day"]))
            if day:
                return exact(day, "url", f"date in URL path '{m.group(0).strip('/-_')}'")
    if m := dp.URL_MONTH_RE.search(article.url):
        month = int(m["month"])
        if 1 <= month <= 12:
            first, last = dp.month_bounds(int(m["year"]), month)
            return interval_claim(first, last, "url", f"year and month in URL path '{m.group(0).strip('/')}'")
    return None


DATE_KEY_RE = re.compile(
    r"^\W*(published|posted|updated|date|datum|dated|first published|last updated|datepublished|time)\b", re.IGNORECASE
)
TIME_NOISE_RE = re.compile(
    rf"\b\d{{1,2}}[:.]\d\d\b|\b(?:am|pm|a\.m\.|p\.m\.|gmt|utc|bst|cet|cest|msk|et|est|edt|pt|eet|eest)\b|[+-]\d{{1,2}}(?::?\d\d)?\b|"
    rf"\b{dp.WEEKDAY_NAME}\b|\b(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\b\.?|\bT\d\d",
    re.IGNORECASE,
)
RETRIEVAL_LINE_RE = re.compile(r"^\W*(retrieved|accessed|fetched|crawled|downloaded|scraped|as of)\b", re.IGNORECASE)
MAX_TOP_LINES = 4
MAX_STAMP_WORDS = 6


def top_lines(article: Article) -> list[str]:
    """Header lines, the title and the first lines of the body: where stamps and ages live."""
    body_top = [ln for ln in article.text.split("\n")[:MAX_TOP_LINES] if ln.strip()]
    return [*article.header_lines, article.title, *body_top]


def date_from_stamp_lines(article: Article) -> DateClaim | None:
    """A short line near the top that is essentially a full date ("Tue 18 Mar 2025 21.40 GMT")."""
    for line in top_lines(article):
        line = line.strip()
        if not line or len(line) > 100 or RETRIEVAL_LINE_RE.match(line):
            continue
        found = dp.find_full_dates(line)
        if not found:
            continue
        match, day = found[0]
        rest = TIME_NOISE_RE.sub(" ", line[: match.start()] + " " + line[match.end() :])
        words = re.findall(r"[A-Za-z]{2,}", rest)
        keyed = bool(DATE_KEY_RE.match(line))
        if len(words) <= (MAX_STAMP_WORDS if keyed else 2):
            method = "header" if keyed or line in article.header_lines else "dateline"
            return exact(day, method, f"date stamp '{line[:60]}'")
    return None


HEADLINE_DATE_SEPARATORS = (":", "|", "–", "—", "-", ",")
MAX_HEADLINE_CHARS = 160
HEADLINE_DAYS_AFTER = 1  # a headline's closing date is the day of the news; the copy is out that day or the next


def date_from_headline_tail(article: Article) -> DateClaim | None:
    """ "PM's call with the Ukrainian President: 22 May 2022": a headline that closes on a full date after
    a separator names the day of the news it reports, which is when such copy (a readout, a
    statement) comes out, or the day after."""
    # the title ingest took, or else the text's first line, which is then its headline
    line = article.title.strip() or next((ln.strip() for ln in article.text.split("\n") if ln.strip()), "")
    found = dp.find_full_dates(line) if len(line) <= MAX_HEADLINE_CHARS else []
    if not found:
        return None
    match, day = found[-1]
    closes = not line[match.end() :].strip(" .)]") and line[: match.start()].rstrip().endswith(HEADLINE_DATE_SEPARATORS)
    if not (match["year"] and closes):
        return None
    latest = day + dt.timedelta(days=HEADLINE_DAYS_AFTER)
    return interval_claim(day, latest, "dateline", f"headline closes on '{match.group(0)}'", best=day)


def find_dateline(article: Article) -> tuple[int | None, int, int, str] | None:
    """(year or None, month, day, matched text) of a dateline or timestamp near the top. A short
    first paragraph that opens with the dateline ("KYIV, March 3 (Reuters) - Talks stalled.") is
    taken for the title at ingest, so the title is read too."""
    top = "\n".join(article.header_lines) + "\n" + article.title + "\n" + article.text[:LEAD_CHARS]
    for m in TIMESTAMP_RE.finditer(top):
        if m["day"]:
            return int(m["year"]), dp.month_number(m["month"]), int(m["day"]), m.group(0)
        return int(m["year2"]), dp.month_number(m["month2"]), int(m["day2"]), m.group(0)
    for line in [article.text[:LEAD_CHARS], article.title, *article.header_lines]:
        if (m := DATELINE_NUMERIC_RE.match(line)) and 1 <= int(m["month"]) <= 12:
            return int(m["year"]), int(m["month"]), int(m["day"]), m.group(0).strip()
        if m := DATELINE_RE.match(line) or DATELINE_DAY_FIRST_RE.match(line):
            return (int(m["year"]) if m["year"] else None), dp.month_number(m["month"]), int(m["day"]), m.group(0).strip()
    return None


def date_from_relative_age(article: Article, as_of: dt.date | None) -> DateClaim | None:
    """'7 hours ago' near the top, resolved against an explicit retrieval date."""
    if as_of is None:
        return None
    for line in top_lines(article):
        if len(line) > 60:
            continue
        m = dp.RELATIVE_AGE_RE.search(line)
        if not m:
            continue
        if m["word"]:
            offset = {"yesterday": 1}.get(m["word"].lower(), 0)
            day = as_of - dt.timedelta(days=offset)
            return exact(day, "relative", f"'{m.group(0).strip()}' before retrieval on {as_of}")
        num, unit = dp.to_number(m["num"]), m["unit"].lower()
        if unit in ("minute", "hour"):
            hours = num if unit == "hour" else 0
            earliest = as_of - dt.timedelta(days=1 if hours >= 1 else 0)
            return DateClaim(
                as_of if hours < 12 else earliest,
                earliest,
                as_of,
                "day",
                "relative",
                f"'{m.group(0).strip()}' before retrieval on {as_of}",
            )
        days = num * (7 if unit == "week" else 1)
        day = as_of - dt.timedelta(days=days)
        slack = 0 if unit == "day" else 3
        return DateClaim(
            day,
            day - dt.timedelta(days=slack),
            day + dt.timedelta(days=slack),
            "day" if unit == "day" else "week",
            "relative",
            f"'{m.group(0).strip()}' before retrieval on {as_of}",
        )
    return None


# --- content constraints -----------------------------------------------------------------


@lru_cache(maxsize=1024)
def _alias_pattern(actor: Actor) -> re.Pattern:
    """Regex matching any name or alias of an actor as whole words."""
    names = sorted({actor.name, *actor.aliases}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b")


def tenure_constraints(text: str, actors: tuple[Actor, ...]) -> list[Constraint]:
    """Roles named right before a person's name bound the date to that tenure.

    A title held in several terms ("President Donald Trump") allows any of them, so the
    constraint spans them all rather than contradicting itself.
    """
    out = []
    for actor in actors:
        if actor.kind != "person" or not actor.roles:
            continue
        for m in _alias_pattern(actor).finditer(text):
            lower = same_titles(text[max(0, m.start() - MIN_ROLE_MENTION_GAP) : m.start()].lower())
            matched = []
            for role in actor.roles:
                title = _role_title(role.title)
                idx = lower.rfind(title)
                gap = lower[idx + len(title) :]
                if idx >= 0 and TITLE_GAP_RE.fullmatch(gap) and (role.start or role.end):
                    matched.append((role, idx))
            if not matched:
                continue
            title = max(matched, key=lambda pair: len(pair[0].title))[0].title
            terms = " or ".join(dict.fromkeys(f"{r.start or '…'} to {r.end or 'now'}" for r, _ in matched))
            if any(FORMER_RE.search(lower[:idx]) for _, idx in matched):
                ends = [r.end for r, _ in matched]
                if all(ends):
                    out.append(Constraint(min(ends), None, f"'former {title} {m.group(0)}': after {min(ends)}"))
                continue
            spans = [(r.start, r.end) for r, _ in matched]
            out.append(alternatives(spans, f"'{title} {m.group(0)}' (in that role {terms})"))
    return _dedupe(out)


def same_titles(lower: str) -> str:
    """One wording for titles outlets write several ways ("minister of foreign affairs of Ukraine",
    "foreign affairs minister" and "foreign minister"; "defense" and "defence"), in lower case."""
    for pattern, title in TITLE_SYNONYMS:
        lower = pattern.sub(title, lower)
    return lower


@lru_cache(maxsize=4096)
def _role_title(title: str) -> str:
    """A reference title in the one wording, worked out once per title rather than per mention."""
    return same_titles(title.lower())


def _dedupe(constraints: list[Constraint]) -> list[Constraint]:
    """Drop repeated constraints, keeping order."""
    seen, out = set(), []
    for c in constraints:
        if (c.earliest, c.latest) not in seen:
            seen.add((c.earliest, c.latest))
            out.append(c)
    return out


def split_sentences_simple(text: str) -> list[str]:
    """A cheap sentence split, enough for scanning dating cues.

    A blank line ends a sentence too: a headline or a paragraph without a final stop is not
    run into the next one (a headline's topic must not meet the lead's weekday).
    """
    paragraphs = PARAGRAPH_BREAK_RE.split(text)
    return [s for p in paragraphs for s in SENTENCE_SPLIT_RE.split(p.replace("\n", " ")) if s.strip()]


QUOTED_RE = re.compile(r"[“\"][^”\"]*[”\"]")
# "on the eve of the meeting that was due to open": an expectation in the past, not a future event
NOT_HELD_BEFORE_RE = re.compile(
    r"\b(?:prepar\w*|plann\w*|plans? for|to hold|to stage|to organi[sz]e|goal of|idea of|push for)\b[^.;]*$"
)
NOT_HELD_RE = re.compile(rf"\b(?:{dp.PUT_OFF_WORDS}|put on hold|shelved|suspended until|delayed until|yet to take place)\b")
PAST_EXPECTATION_RE = re.compile(r"\b(?:was|were|had been)\s+(?:set|due|scheduled|expected|supposed|planned)\b")
MAX_WEEKDAY_EVENT_GAP = 60  # characters between a weekday and the event it dates, after the lead
SPECIFIC_TITLE_WORDS = 4  # an event named in a headline with this many words is the news itself
LEAD_SENTENCES = 3  # the title and the first sentences: their weekday is the day of the news
MAX_TIME_EVENT_GAP = 80  # characters between "last year" and the event it dates
# "said Monday", "told reporters on Monday", "said in a statement on Monday": the day of the remark
SAID_ON_RE = re.compile(rf"\b(?:{SPEECH_VERB_RE.pattern})\b(?:\s+(?!on\b)[\w'’-]+){{0,4}}\s+(?:on\s+)?$")
CLAUSE_TURN_RE = re.compile(r"[;:]|,\s*(?:who|which|whose|where|when|while)\b")
TIME_ZONE_SLACK = dt.timedelta(days=1)  # a syndicated copy in another time zone carries the next day's date

TEMPORAL_CUE_RE = re.compile(
    r"\b(yesterday|last (?:week|month)|ago|(?:has|had|have) (?:already )?been|since|after|into|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
    re.IGNORECASE,
)


def event_constraints(sentences: list[str], events: tuple[Event, ...], people: tuple[Actor, ...] = ()) -> list[Constraint]:
    """Dated events a sentence refers to, with how long ago they were ("a month", "last month").

    When a sentence names several events, its time words ("ended yesterday") belong to the
    event named nearest to them; the others only count as having happened before.
    """
    out: list[Constraint] = []
    index = event_index(events)
    previous = ""
    for number, sentence in enumerate(sentences):
        hits = index.find(sentence)
        carried = carried_cue(previous, sentence, people) if hits else None
        previous = "" if hits else sentence
        if not hits:
            continue
        lower = sentence.lower() if carried is None else f"{sentence.lower()} ({carried})"
        cue = TEMPORAL_CUE_RE.search(lower)
        nearest = min(hits, key=lambda h: abs(h.start - cue.start()) if cue else h.start)
        for hit in hits:
            if hit is nearest:
                in_lead = number < LEAD_SENTENCES  # the lead's weekday is the news of the day
                found = _event_sentence_constraints(sentence, lower, hit.event, hit.phrase, (hit.start, hit.end), in_lead)
                out.extend(replace(c, cited_day=hit.event.date_end or hit.event.date) for c in found)
            elif dp.PAST_CUE_RE.search(lower) and not dp.FUTURE_CUE_RE.search(lower):
                out.append(
                    Constraint(
                        hit.event.date,
                        None,
                        f"refers to '{hit.phrase}' ({hit.event.title}, {hit.event.date}) in the past",
                        cited_day=hit.event.date_end or hit.event.date,
                    )
                )
    return _dedupe(out)


CARRIED_CUE_RE = re.compile(r"\b(last (?:week|month))\b", re.IGNORECASE)
OWN_TIME_RE = re.compile(
    r"\b(yesterday|today|ago|last|next|this|earlier|later|since|(?:19|20)\d\d|january|february|march|april|may|june|july|"
    r"august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
    re.IGNORECASE,
)
PRONOUN_SUBJECT_RE = re.compile(r"^\W*(?:He|She)\b")


def carried_cue(previous: str, sentence: str, people: tuple[Actor, ...]) -> str | None:
    """A "last month" said of someone in one sentence and carried into the next, which tells
    what that person did then without a time of its own ("Putin said last month that ...
    During a meeting with diplomats, Putin announced ...").

    Only when the next sentence is about the same person (named again, or "he"/"she").
    """
    if not previous or OWN_TIME_RE.search(sentence):
        return None
    cue = CARRIED_CUE_RE.search(previous)
    if cue is None:
        return None
    before = [a for a in people if _alias_pattern(a).search(previous)]
    same = PRONOUN_SUBJECT_RE.search(sentence) or any(_alias_pattern(a).search(sentence) for a in before)
    return cue.group(1).lower() if before and same else None


def _event_sentence_constraints(
    sentence: str, lower: str, event: Event, phrase: str, span: tuple[int, int], in_lead: bool
) -> list[Constraint]:
    """Constraints from one sentence that names one event (at ``span`` in the sentence).

    An upper bound that says "written on the day" allows the day after: a syndicated copy in another
    time zone carries the next day's date."""
    name = f"'{phrase}' ({event.title}, {event.date})"
    days = {(event.date + dt.timedelta(days=i)).weekday() for i in range(((event.date_end or event.date) - event.date).days + 1)}
    narration = QUOTED_RE.sub(" ", lower)  # "today" inside a quote is the day it was said, not the article's
    if re.search(r"\btoday['’]s\b", narration) or (
        re.search(r"\btoday\b", narration) and not re.search(r"\b(after|since|ago|before|yesterday|from today)\b", narration)
    ):
        return [Constraint(event.date, (event.date_end or event.date) + TIME_ZONE_SLACK, f"{name} is today")]
    for m in dp.WEEKDAY_RE.finditer(sentence):
        # in the lead a weekday is the day of the news, unless it dates someone's remark about the event
        in_the_news = in_lead and not _dates_the_saying(sentence, m.span(), span, event.title)
        if dp.WEEKDAYS[m["weekday"].lower()] in days and (in_the_news or _weekday_dates_event(sentence, m.span(), span)):
            if dp.FUTURE_CUE_RE.search(PAST_EXPECTATION_RE.sub(" ", lower)):
                return [Constraint(event.date - 6 * DAY, event.date + TIME_ZONE_SLACK, f"{name} is coming '{m.group(0)}'")]
            return [Constraint(event.date, (event.date_end or event.date) + 6 * DAY, f"{name} happened '{m.group(0)}'")]
    if (m := re.search(r"\blast year\b(?!['’]s)", lower)) and _time_words_date_event(sentence, m.span(), span):
        year = event.date.year + 1  # "Last year, Putin declared an Easter truce": written the year after
        return [Constraint(dt.date(year, 1, 1), dt.date(year, 12, 31), f"{name} was last year")]
    if (
        (m := re.search(r"\b(?:earlier )?this year\b", lower))
        and _time_words_date_event(sentence, m.span(), span)
        and dp.PAST_CUE_RE.search(lower)
        and not dp.FUTURE_CUE_RE.search(lower)
    ):
        return [Constraint(event.date, dt.date(event.date.year, 12, 31), f"{name} was this year")]
    if re.search(r"\blast month\b", lower):
        first, last = dp.month_bounds(event.date.year, event.date.month)
        following = dp.shift_months(first, 1)
        return [Constraint(following, dp.month_bounds(following.year, following.month)[1], f"{name} was last month")]
    if re.search(r"\byesterday['’]s\b", lower) or (re.search(r"\byesterday\b", lower) and dp.PAST_CUE_RE.search(lower)):
        end = event.date_end or event.date
        if re.search(r"\b(ended|concluded|finished|completed|wrapped up)\b", lower):
            return [Constraint(end + DAY, end + DAY, f"{name} ended yesterday")]
        return [Constraint(event.date + DAY, end + DAY, f"{name} was yesterday")]
    if re.search(r"\blast week\b", lower):
        first, last = week_after(event.date, event.date_end or event.date)
        return [Constraint(first, last, f"{name} was last week")]
    if m := dp.DURATION_SINCE_RE.search(lower):
        anchored_now = re.search(r"\b(been|since|ago)\b|\bafter\b.*\b(today|yesterday)\b|\b(today|now)\b.*\bafter\b", lower)
        # "On Friday, a month after X, ...": the weekday is that long after X; the article follows within the week
        anchored_weekday = re.search(r"\bafter\b", lower) and dp.WEEKDAY_RE.search(sentence)
        if (anchored_now or anchored_weekday) and not re.search(r"\b(for|within|next)\s+" + re.escape(m.group("num")), lower):
            low, high = DURATION_DAYS[m["unit"].lower()]
            n = dp.to_number(m["num"])
            slack = DAY * settings.WEEKDAY_LOOKAHEAD_DAYS if not anchored_now else dt.timedelta()
            return [
                Constraint(
                    event.date + dt.timedelta(days=low * n),
                    event.date + dt.timedelta(days=high * n) + slack,
                    f"{name}, '{m.group(0).strip()}' before",
                )
            ]
    if dp.PAST_CUE_RE.search(lower) and not dp.FUTURE_CUE_RE.search(lower) and not _not_held_yet(lower, span):
        return [Constraint(event.date, None, f"refers to {name} in the past")]
    return []


def _not_held_yet(lower: str, event: tuple[int, int]) -> bool:
    """ "experts who prepared the referendums", "impossible to hold the talks", "the summit was
    postponed": the event is planned, put off or called off, so a past tense says nothing about
    whether it has happened."""
    return bool(NOT_HELD_BEFORE_RE.search(lower[max(0, event[0] - 40) : event[0]]) or NOT_HELD_RE.search(lower))


def _said_of_event(sentence: str, words: tuple[int, int], event: tuple[int, int], max_gap: int, breaks: re.Pattern) -> bool:
    """Whether time words in a sentence are said of the event named there: near its name, with
    nothing between them that turns to something else (``breaks``)."""
    low, high = sorted((words, event))
    between = sentence[low[1] : high[0]]
    return len(between) <= max_gap and not breaks.search(between)


def _weekday_dates_event(sentence: str, weekday: tuple[int, int], event: tuple[int, int]) -> bool:
    """Whether a weekday in a sentence is when the named event happened, not when someone spoke of it.

    "Zelensky on Wednesday presented his plan": the weekday stands by the event's name. In
    "On Tuesday Trump told reporters he would look at Moscow's list of conditions for a truce at sea" it dates
    the saying: an event that fell on an earlier Tuesday only shares the weekday by chance.
    """
    return _said_of_event(sentence, weekday, event, MAX_WEEKDAY_EVENT_GAP, REPORT_VERB_RE)


def _dates_the_saying(sentence: str, weekday: tuple[int, int], event: tuple[int, int], title: str) -> bool:
    """Whether a weekday belongs to a verb of saying after the event ("... signed off on the minerals
    deal, Bessent said Monday"): it dates the remark, even in the lead, not the event it mentions.
    When the one speaking is the one the event is about ("Putin tells ministry staff ..."), the
    remark is the event."""
    if SAID_ON_RE.search(sentence, event[1], weekday[0]) is None:
        return False
    names = re.findall(r"\b[A-Z][\w'’-]{3,}", sentence[event[1] : weekday[0]])
    return not any(re.search(rf"\b{re.escape(name)}\b", title) for name in names)


def _time_words_date_event(sentence: str, words: tuple[int, int], event: tuple[int, int]) -> bool:
    """Whether time words ("last year") are said of the event named, not of another clause (in "the
    deal came up when they met the leader, who this year quit the corridor", the year is of the quitting)."""
    return _said_of_event(sentence, words, event, MAX_TIME_EVENT_GAP, CLAUSE_TURN_RE)


def week_after(start: dt.date, end: dt.date) -> tuple[dt.date, dt.date]:
    """The calendar week after the one holding an event: when "last week" was said.

    Weeks start on Monday or on Sunday depending on the outlet, so the interval is the
    union of both readings.
    """
    monday_first = start - dt.timedelta(days=start.weekday()) + 7 * DAY
    sunday_first = start - dt.timedelta(days=(start.weekday() + 1) % 7) + 7 * DAY
    monday_last = end - dt.timedelta(days=end.weekday()) + 13 * DAY
    sunday_last = end - dt.timedelta(days=(end.weekday() + 1) % 7) + 13 * DAY
    return min(monday_first, sunday_first), max(monday_last, sunday_last)


REPORTED_THAT_RE = re.compile(r"\bthat\s+(?:on\s+)?$")  # the weekday opens what was reported


def lead_weekday(text: str) -> tuple[int, str] | None:
    """The weekday the lead reports on ("said on Friday", "told reporters Monday")."""
    for sentence in split_sentences_simple(text[:LEAD_CHARS])[:3]:
        for m in dp.WEEKDAY_RE.finditer(sentence):
            if (m["prep"] or "").lower() in ("next", "until", "by") or m.group(0).endswith("'s"):
                continue  # "next Friday", "Friday's summit": not the day being reported
            if dp.FUTURE_CUE_RE.search(sentence[max(0, m.start() - 45) : m.start()]):
                continue
            if REPORTED_THAT_RE.search(sentence, 0, m.start()) and dp.FUTURE_CUE_RE.search(sentence, m.end(), m.end() + 60):
                continue  # "announced that on Thursday the Rada is expected to ratify": a day to come
            return dp.WEEKDAYS[m["weekday"].lower()], m.group(0)
    return None


def _title_with_lead(sentences: list[str], events: tuple[Event, ...]) -> list[str]:
    """The headline read with the lead's first sentence when it names an event specifically.

    "First direct talks in three years" over "Negotiators meeting on Friday agreed ...": the
    lead's weekday is that event's day. A headline that names only a topic ("Black Sea
    ceasefire") stays apart: the lead may report a later turn of the same story.
    """
    if len(sentences) < 2 or not any(h.weight >= SPECIFIC_TITLE_WORDS for h in event_index(events).find(sentences[0])):
        return sentences
    return [f"{sentences[0]}: {sentences[1]}", *sentences[2:]]


def date_from_content(
    article: Article, ctx: DatingContext, dateline: tuple[int | None, int, int, str] | None = None
) -> DateClaim:
    """Intersect content constraints (roles, events, weekday, a dateline without its year)."""
    text = article.title + "\n\n" + article.text
    plain = split_sentences_simple(text)  # dates, ages and weekdays are read sentence by sentence, tense and all
    sentences = _title_with_lead(plain, ctx.reference.events) if article.title else plain
    people = tuple(a for a in ctx.reference.actors if a.kind == "person")
    constraints = tenure_constraints(text, ctx.reference.actors) + event_constraints(sentences, ctx.reference.events, people)
    constraints += explicit_date_constraints(plain) + war_age_constraints(plain)
    constraints += weekday_date_constraints(plain, ctx.as_of or ctx.upper_bound or NO_UPPER_BOUND)
    if ctx.as_of:
        constraints.append(Constraint(None, ctx.as_of, f"not after retrieval on {ctx.as_of}"))
    elif ctx.upper_bound:
        constraints.append(Constraint(None, ctx.upper_bound, f"not after {ctx.upper_bound} (build date)"))
    earliest, latest, notes = combine(constraints)
    likely_after: SeriesGap | None = None  # a soft anchor for the best day, not a bound
    for gaps in latest_instance_gaps(sentences, ctx.reference.events):
        fitting = fitting_gaps(gaps, earliest, latest)
        if len(fitting) == 1:
            gap = fitting[0]
            until = f"before {gap.latest + DAY}" if gap.latest else "the latest one known"
            constraints.append(
                Constraint(gap.earliest, gap.latest, f"'the latest {series_words(gap)}' is {gap.instance.title} ({until})")
            )
            earliest, latest, notes = combine(constraints)
        elif fitting and (likely_after is None or fitting[-1].earliest > likely_after.earliest):
            likely_after = fitting[-1]
    weekday = lead_weekday(article.text)
    if dateline and not latest and any(c.cited_day and c.earliest == earliest for c in constraints):
        latest = earliest + dt.timedelta(days=365)  # news follows the event it cites: the year after it
    if dateline and latest:
        # Otherwise only a bounded interval gives a dateline its year: with nothing after a start
        # ("in office since 2012"), any later year fits, and the first would be a guess shown as a day.
        _, month, day, raw = dateline
        low = earliest or latest - dt.timedelta(days=365)
        high = latest if earliest or ctx.as_of else low
        days = [d for y in range(low.year, latest.year + 1) if (d := dp.safe_date(y, month, day)) and low <= d <= high]
        basis = "; ".join(notes) if earliest else f"retrieved {ctx.as_of}, published within the year before"
        if len(days) == 1:
            return exact(days[0], "dateline", f"dateline '{raw}'; year from: {basis}")
        if 1 < len(days) <= MAX_DATELINE_YEARS or (days and ctx.as_of):
            # The evidence leaves several years open: say so rather than pick one. The likeliest is
            # the last before a known retrieval date (a copy is read soon after it is written), else
            # the first after the evidence (news is about recent events); the claim covers them all.
            listed = " or ".join(str(d) for d in days[-MAX_DATELINE_YEARS:])
            best = days[-1] if ctx.as_of else days[0]
            return interval_claim(
                days[0], days[-1], "dateline", f"dateline '{raw}' without a year: {listed}; bounds from: {basis}", best=best
            )
    if not notes or earliest is None or latest is None:
        return DateClaim(
            None,
            earliest,
            latest,
            "unknown",
            "unknown" if earliest is None else "inferred",
            "; ".join(notes) or "no date evidence found",
        )
    if weekday:
        wd, raw = weekday
        candidates = dp.weekdays_between(earliest, latest, wd)
        lookahead = dt.timedelta(days=settings.WEEKDAY_LOOKAHEAD_DAYS)
        if len(candidates) == 1:
            day = candidates[0]
            return interval_claim(
                day,
                min(day + lookahead, latest),
                "inferred",
                f"lead says '{raw}', the only one in [{earliest}, {latest}]; news names a weekday only "
                f"within the week after it: " + "; ".join(notes),
                best=day,
            )
        if 1 < len(candidates) <= 6:
            best, why = candidates[0], ""
            if likely_after and (later := [d for d in candidates if d >= likely_after.earliest]):
                best = later[0]
                why = f"; likeliest the first after the latest {series_words(likely_after)} then ({likely_after.instance.title})"
            return interval_claim(
                candidates[0],
                min(candidates[-1] + lookahead, latest),
                "inferred",
                f"lead says '{raw}' ({len(candidates)} possible weeks){why}: " + "; ".join(notes),
                best=best,
            )
    cited = [c.cited_day for c in constraints if c.cited_day and earliest <= c.cited_day <= latest]
    if cited:
        # News reports what just happened: the likeliest day is soon after the latest event or day it
        # cites (the lead's weekday after it, if it names one). The interval stays what the evidence allows.
        best = max(cited)
        if weekday and (after := dp.weekdays_between(best, min(latest, best + 6 * DAY), weekday[0])):
            best = after[0]
        return interval_claim(
            earliest, latest, "inferred", "; ".join(notes) + "; likeliest soon after the latest event it cites", best=best
        )
    spans = open_options(constraints, earliest, latest)
    if len(spans) > 1 and all(start and end for start, end in spans):
        # several separate spans remain (terms of office, years a weekday fits): the best day lies in
        # one of them, the latest (a corpus is read soon after it is written), never between them
        start, end = spans[-1]
        return interval_claim(earliest, latest, "inferred", "; ".join(notes), best=start + (end - start) // 2)
    return interval_claim(earliest, latest, "inferred", "; ".join(notes))


def date_article(article: Article, ctx: DatingContext) -> DateClaim:
    """The publication date claim of one article: strongest evidence first."""
    if article.retrieved_raw and (retrieved := dp.parse_date_string(article.retrieved_raw)):
        ctx = replace(ctx, as_of=retrieved)  # the article's own retrieval date resolves and bounds it
    url_claim = date_from_url(article)
    for claim in (date_from_header(article), url_claim, date_from_stamp_lines(article)):
        if claim is not None and claim.precision == "day":
            return claim
    dateline = find_dateline(article)
    if dateline and dateline[0] is not None:
        year, month, day, raw = dateline
        if d := dp.safe_date(year, month, day):
            return exact(d, "dateline", f"dateline/timestamp '{raw}'")
    if headline := date_from_headline_tail(article):
        return headline
    relative = date_from_relative_age(article, ctx.as_of)
    if relative is not None:
        return relative
    url_month = url_claim
    content = date_from_content(article, ctx, dateline)
    if url_month is not None and (content.precision in ("unknown", "year") or content.earliest is None):
        return url_month
    return content


def date_articles(articles: list[Article], ctx: DatingContext) -> list[Article]:
    """Dating stage: attach a publication claim to every article."""
    from dataclasses import replace

    return [replace(a, published=date_article(a, ctx)) for a in articles]
