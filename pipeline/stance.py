"""Stance stage: supports / conditional / opposes / neutral, with the cues that decided it.

Transparent rules over cue words, so a reader can see why a statement was classed the
way it was (the cues are stored beside the stance). Conditions win over plain support
("we support a truce, but questions must be answered first"); negated support is opposition.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.records import Statement

SUPPORT_RE = re.compile(
    r"\b(supports?|supported|backs?|backed|welcomed?|welcomes|ready|prepared|willing|open to|agreed?|agrees|committed|"
    r"favou?rs?|favou?red|in favou?r|endorsed?|hopes?|hoped|wants?|wanted|progress|positive|constructive|achieved|accepts?|accepted|"
    r"proposed?|proposes|offered|calls? for|called for|urged?|must|should|needed|is needed|are needed|deserves?|"
    r"praised|approval|approved?|wisely|good|will join|step forward|first step|partnership|observing|honou?ring|"
    r"would help|work for|on the table)\b",
    re.IGNORECASE,
)
OPPOSE_RE = re.compile(
    r"\b(rejects?|rejected|rejection|refused?|refuses|never|unacceptable|non-starter|opposes?|opposed|against|"
    r"dismissed|dismisses|condemned|condemns|ruled out|rules out|"
    r"won'?t|will not|would not|cannot|can'?t|impossible|no (?:progress|conditions?|specific|mandate|lasting|dictated|one)|"
    r"not (?:yet )?(?:ripe|suitable|possible|ready|realistic|the time|up for|going to|serious)|nothing to discuss|off the table|"
    r"unwilling\w*|avoid\w*|escape|threat\w*|complicated|do not see|derailed|lack of|"
    r"under no circumstances|red line|illegitimate|sabotag\w*|blocking|stop bombing|"
    r"root cause|excuses?|ultimatum)\b",
    re.IGNORECASE,
)
STRONG_CONDITION_RE = re.compile(
    r"\b(only if|only when|only after|unless|provided(?: that)?|on condition|as soon as|the moment|depends? on|depend on|"
    r"in exchange|in return for|subject to|otherwise|whole range of questions|questions (?:remain|has to|have to)|"
    r"(?:has|have) to be answered|as long as|until|before (?:any|a|that)|without verification|if our|if they|if it|if the|if kyiv|if moscow|"
    r"if russia|if ukraine|if washington)\b",
    re.IGNORECASE,
)
WEAK_CONDITION_RE = re.compile(r"\b(if|but|however|though|although|yet|first)\b", re.IGNORECASE)
NEGATED_SUPPORT_RE = re.compile(
    r"\b(not|never|no longer)\s+(?:\w+\s+)?(support|ready|prepared|willing|agree|accept|approve)\w*", re.IGNORECASE
)


CUE_PATTERNS = (SUPPORT_RE, OPPOSE_RE, STRONG_CONDITION_RE, WEAK_CONDITION_RE, NEGATED_SUPPORT_RE)


def cue_counts(text: str) -> list[int]:
    """How many cues of each kind a sentence holds (features for the learned model)."""
    return [len(pattern.findall(text)) for pattern in CUE_PATTERNS]


def classify_stance(text: str) -> tuple[str, list[str]]:
    """Stance of one statement and the cue words found in it."""
    supports = [m.group(0).lower() for m in SUPPORT_RE.finditer(text)]
    opposes = [m.group(0).lower() for m in OPPOSE_RE.finditer(text)]
    strong = [m.group(0).lower() for m in STRONG_CONDITION_RE.finditer(text)]
    weak = [m.group(0).lower() for m in WEAK_CONDITION_RE.finditer(text)]
    negated = [m.group(0).lower() for m in NEGATED_SUPPORT_RE.finditer(text)]
    if strong:
        return "conditional", strong[:3] + supports[:2] + opposes[:2]
    if negated:
        return "opposes", negated + opposes[:3]
    if supports and opposes and weak:
        return "conditional", supports[:2] + weak[:2] + opposes[:2]
    if opposes and len(opposes) >= len(supports):
        return "opposes", opposes[:4]
    if supports:
        return "supports", supports[:4]
    return "neutral", []


def assign_stances(statements: list[Statement], vectors=None, model=None) -> list[Statement]:
    """Stance stage: the learned model when given (with embeddings), else the rules; cues kept as evidence."""
    predicted: list[str] | None = None
    confidence = None
    if model is not None and vectors is not None and statements:
        predicted, probs, words = model.predict_explained(
            vectors, [s.text for s in statements], 3, [s.side for s in statements], [s.topic_id for s in statements]
        )
        confidence = probs.max(axis=1)
    out = []
    for i, statement in enumerate(statements):
        stance, cues = classify_stance(statement.text)
        cue_text = ", ".join(dict.fromkeys(cues)) or "no cue words"
        if predicted is not None:
            stance = predicted[i]
            why = f" ({', '.join(repr(w) for w in words[i])})" if words[i] else ""
            cue_text = f"model {confidence[i]:.0%}{why}; cues: {cue_text}"
        note = statement.stance_cues
        out.append(replace(statement, stance=stance, stance_cues=f"{cue_text}; {note}" if note else cue_text))
    return out
