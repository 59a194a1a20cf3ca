"""Recognising boilerplate in plain-text news: appeals, prompts, credits, navigation.

Rules are about the kind of line (a donation appeal, a share prompt, a photo credit),
never about one outlet's wording, so they carry to outlets we have not seen.
"""

from __future__ import annotations

import re

# A whole line that is navigation, a prompt or a credit.
LINE_PATTERNS = [
    r"read (more|entire article|full (story|article)|the full story)\b.*",
    r"(continue( reading)?|remind me later\.?|not ready to support today\??)",
    r"(share|share this( article| story)?|tweet|email|print|comments?|join|follow us.*)",
    r"(sign up|subscribe)\b.{0,80}(newsletter|updates|inbox|daily|weekly).*",
    r"(sign up|subscribe)( now| today| here)?[.!]?",
    r"(photo|image|picture|video|credit)\s*(credit)?\s*[:|/].{0,120}",
    # "Source: Reuters", not "Source: Rustem Umerov's statement after the talks", which says whom
    # the sections below report
    r"source\s*[:|/]\s*[^\s]+(\s+[^\s]+){0,3}",
    r".{0,160}\b(photo|image|picture|photograph)\s*(credit)?\s*:\s*[^.]{2,80}",
    r".{0,120}\s[-–—|/©]\s*(reuters|afp|ap|getty images|epa|tass|ria novosti|sputnik|anadolu)\w*(\s*/\s*[\w .]+)?",
    r"(©|\(c\)|copyright)\s.{0,120}",
    r".{0,80}all rights reserved\.?",
    r".{0,40}@\s?(19|20)\d\d",
    r"(advertisement|sponsored|related( articles| stories)?|most read|trending( now)?|tags?:.*)",
    r"(support|donate to)\s+[\w .'-]{2,60}!",
    r"(please )?support (us|independent journalism)\b.*",
    r"a message from [\w .'-]{2,60}:?",
    r"payment methods?|paiment methods?",
    r"by\s*[·|•-].{0,80}",
    r"[\w .'-]{0,60}\bcontributed (reporting|to this report)\.?",
    r"\d+\s*(min|minute)s? read",
    r"follow .{0,60}\b(on|via)\s+(social media|twitter|x|facebook|telegram|instagram|whatsapp|youtube|google news)\b.{0,80}",
    r"\(?\s*(additional )?(reporting|writing|editing|compiled|produced) by\b.{0,200}\)?\.?",
    r"listen to (this )?article.*",
    r"(click|tap) here.*",
    r"…?\s*we have a small favou?r to ask\.?",
]
LINE_RE = re.compile(r"^\s*(?:" + "|".join(LINE_PATTERNS) + r")\s*$", re.IGNORECASE)

# A line that starts an appeal block running to the end of the article.
APPEAL_START_RE = re.compile(
    r"^\s*(…\s*)?(dear (readers?|friends)|we have a small favou?r to ask|a message from\b|"
    r"(please )?(consider )?(support|donate to) (us|our|independent journalism)|"
    r"as you may have heard, .{0,80}(has been|was) .{0,60}(branded|designated|labell?ed))",
    re.IGNORECASE,
)
APPEAL_WORDS_RE = re.compile(
    r"\b(donat\w*|support us|your support|contribution|subscribe|monthly|independent journalism)\b", re.IGNORECASE
)


def is_boilerplate_line(line: str) -> bool:
    """True for a single line that carries no article content (prompt, credit, navigation)."""
    stripped = line.strip().strip("*_>#· ").strip()  # markdown emphasis and quote markers
    return bool(stripped) and len(stripped) < 200 and bool(LINE_RE.match(stripped))


def find_appeal_start(lines: list[str]) -> int | None:
    """Index of the line where a trailing donation or newsletter appeal begins, if any.

    Only the second half of an article is searched, and the block after the start must
    itself talk about support or donations, so a quoted "Dear readers" is not cut.
    """
    half = len(lines) // 2
    for i in range(half, len(lines)):
        if APPEAL_START_RE.match(lines[i]):
            tail = " ".join(lines[i : i + 12])
            if len(APPEAL_WORDS_RE.findall(tail)) >= 2:
                return i
    return None


def is_appeal_paragraph(line: str) -> bool:
    """A one-paragraph donation appeal anywhere in the text ("Dear readers, ... please support us")."""
    return bool(APPEAL_START_RE.match(line)) and len(APPEAL_WORDS_RE.findall(line)) >= 2 and len(line) < 600


def split_boilerplate(lines: list[str]) -> tuple[list[str], list[str]]:
    """Separate content lines from boilerplate lines; both keep their original order."""
    cut = find_appeal_start(lines)
    body_lines = lines if cut is None else lines[:cut]
    removed = [] if cut is None else [ln for ln in lines[cut:] if ln.strip()]
    kept = []
    for line in body_lines:
        if is_boilerplate_line(line) or is_appeal_paragraph(line):
            removed.append(line.strip())
        else:
            kept.append(line)
    return kept, removed
