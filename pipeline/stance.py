"""Stance stage: supports / conditional / opposes / neutral, with the cues that decided it.

Transparent rules over cue words, so a reader can see why a statement was classed the
way it was (the cues are stored beside the stance).
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.records import Statement

SUPPORT_RE = re.compile(
    r"\b(supports?|supported|backs?|backed|welcomed?|welcomes|ready|prepared|willing|open to|agreed?|agrees|committed|"
    r"favou?rs?|endorsed?|hopes?|hoped|wants?|wanted|progress|positive|constructive|achieved|accepts?|accepted|"
    r"proposed?|proposes|offered|calls? for|called for|urged?|must|should|needed|is needed|are needed|deserves?|"
    r"praised|approval|wisely|good|will join)\b",
    re.IGNORECASE,
)
OPPOSE_RE = re.compile(
    r"\b(rejects?|rejected|rejection|refused?|refuses|never|unacceptable|non-starter|opposes?|opposed|against|"
    r"denied|denies|dismissed|dismisses|blames?|blamed|accused|accuses|condemned|condemns|ruled out|rules out|"
    r"won'?t|will not|cannot|can'?t|impossible|no (?:progress|conditions?|specific|one)|not (?:yet )?(?:ripe|suitable|possible|ready)|"
    r"unwilling\w*|avoid\w*|escape|threat\w*|violat\w*|complicated|do not see|not adhered|derailed|lack of|"
    r"under no circumstances|red line|illegitimate|sabotag\w*|blocking|stop bombing)\b",
    re.IGNORECASE,
)
CONDITION_RE = re.compile(
    r"\b(only if|if|unless|provided(?: that)?|on condition|conditions?|as soon as|once|before that|first|but|however|"
    r"in exchange|in return|depends on|subject to|whole range of questions|questions (?:remain|has to|have to)|"
    r"as long as|until)\b",
    re.IGNORECASE,
)
NEGATED_SUPPORT_RE = re.compile(r"\b(not|never|no longer)\s+(?:\w+\s+)?(support|ready|prepared|willing|agree|accept)\w*", re.IGNORECASE)


def classify_stance(text: str) -> tuple[str, list[str]]:
    """Stance of one statement and the cue words found in it."""
    supports = [m.group(0).lower() for m in SUPPORT_RE.finditer(text)]
    opposes = [m.group(0).lower() for m in OPPOSE_RE.finditer(text)]
    conditions = [m.group(0).lower() for m in CONDITION_RE.finditer(text)]
    negated = [m.group(0).lower() for m in NEGATED_SUPPORT_RE.finditer(text)]
    if negated:
        return "opposes", negated + opposes
    if supports and conditions and (not opposes or len(supports) >= len(opposes)):
        return "conditional", supports[:3] + conditions[:3]
    if opposes and len(opposes) >= len(supports):
        return "opposes", opposes[:4]
    if supports:
        return "supports", supports[:4]
    return "neutral", []


def assign_stances(statements: list[Statement]) -> list[Statement]:
    """Stance stage: classify every statement and keep the cues as evidence."""
    out = []
    for statement in statements:
        stance, cues = classify_stance(statement.text)
        note = statement.stance_cues
        cue_text = ", ".join(dict.fromkeys(cues))
        out.append(replace(statement, stance=stance, stance_cues=f"{cue_text}; {note}" if cue_text else note))
    return out
