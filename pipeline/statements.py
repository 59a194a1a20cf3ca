"""Statements stage: sentences that report a position, with speaker, side and quote.

A sentence is a statement when it carries a reporting verb ("said", "told", "according
to", "wrote on Telegram") or a direct quotation that continues a speaker's remarks.
The speaker is the subject of the reporting verb: a named actor, a titled person, a
descriptor that names someone mentioned earlier ("the Kremlin spokesman"), or a pronoun
that carries the previous speaker.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace

from pipeline import settings
from pipeline.given_names import is_woman
from pipeline.ingest import hash_id, normalise_text
from pipeline.news_outlets import media_source, media_subject
from pipeline.records import Article, Statement
from pipeline.report_verbs import REPORT_VERB_RE, REPORT_VERBS, SPEECH_VERB_RE, STATEMENT_NOUNS
from pipeline.sentences import QUOTE_RE, Sentence, split_sentences
from pipeline.speakers import (
    INSTITUTION_WORDS,
    NOT_NAME_WORDS,
    PEOPLE_OF_COUNTRY,
    PEOPLES,
    TITLE_WORD_RE,
    Mention,
    SpeakerIndex,
    adjectival,
    bare_title,
    demonym,
    nationality_side,
    people_key,
    people_of,
    people_words,
    side_from_title,
)

# "Once Kiev agrees ...", "If Moscow rejects ...": a verb in a condition clause reports nobody's words.
CONDITION_CLAUSE_RE = re.compile(r"\b(?:once(?! again| more)|if|unless|until|as soon as|provided)\s+[^,;]{0,60}$", re.IGNORECASE)
ACCORDING_RE = re.compile(r"\baccording to\b", re.IGNORECASE)
QUOTED_AS_RE = re.compile(r"\b(?:was|were|is) quoted\b.{0,40}?\bas saying\b", re.IGNORECASE)
# "RIA Novosti cited Kremlin spokesman Dmitry Peskov as saying": the one cited speaks, not the agency
CITED_AS_RE = re.compile(r"\b(?:cited|quoted|cites|quotes)\s+(?P<who>[^,;]{2,90}?)\s+as\s+(?:saying|telling)\b")
CAPITALISED_WORD_RE = re.compile(r"\b[A-Z][a-zA-Z'’-]{2,}\b")
DESCRIPTOR_RE = re.compile(
    r"\b(?:[Tt]he|(?P<country>America|"
    + "|".join(sorted(PEOPLE_OF_COUNTRY, key=len, reverse=True))
    + r")['’]s)\s+(?P<desc>(?:[A-Za-z][\w.-]*\s+){0,2}(?:spokes(?:man|woman|person)|[Pp]resident|[Mm]inister|"
    r"aide|envoy|[Ll]eader|[Cc]hancellor|[Pp]remier|PM|[Ss]ecretary[- ][Gg]eneral|[Ss]ecretary|official|diplomat|chief|ambassador|commander|governor|"
    r"ombudsman|ombudswoman|commissioner|mayor|advis[eo]r|negotiator|director|senator|lawmaker|pontiff|"
    r"[Cc]rown [Pp]rince|[Ee]mir|[Kk]ing|[Hh]ead of [Ss]tate))\b"
    r"(?:\s+of\s+(?:the\s+)?(?P<of_country>Ukraine|Russia|Russian Federation|United States|France|Germany|Turkey|China))?"
)
HEAD_OF_STATE_RE = re.compile(r"\b[Hh]ead of [Ss]tate\b")
# ", deputy head of Russia's Security Council, wrote": an apposition between a person and the verb
APPOSITION_END_RE = re.compile(r",\s+[^,;\"“”]{2,90},\s*(?:has|have|had|also|later|then|again)?\s*")
# "Peskov: Nothing is scheduled." / "WITKOFF: Then we will know ...": a transcript's answer
# "Peskov: Nothing is scheduled.", "Quote from Zelensky: \"...\"": the paragraph is the named person's
ANSWER_LABEL_RE = re.compile(
    r"^\W{0,3}(?:(?:[Qq]uotes?|[Cc]omments?|[Ww]ords)\s+(?:from|by|of)\s+)?(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]+){0,2})\s*:\s+\S"
)
# Speakers a report leaves unnamed: "a spokeswoman", "two Ukrainian officials", "the ministry", "his office".
UNNAMED_SUBJECT = (
    r"(?:\b(?:an?|another|the|two|three|four|five|six|\d+|several|some|one|his|her|its|their|(?:[A-Z][\w-]+\s+)*[A-Z][\w-]+['’]s)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:officials?|spokes(?:man|woman|person|people)|diplomats?|sources?|ministry|office|statement|aides?|"
    r"negotiators?|envoys?|representatives?|advis[eo]rs?|people familiar with [\w ]+?|head|chief|point man|"
    r"ambassador|commander|governor|minister|director|company|operator|regulator|military|army|authorities|"
    r"delegation|side|(?:negotiating )?team|agency|alliance|bloc)"
    # "US officials", "Senior Western diplomats", "European leaders", "Both sides": a group, with no article
    r"|\b(?:(?:U\.S\.|[A-Z][\w'’-]*|senior|top|western|several|some|many|other)\s+){0,3}"
    r"(?:officials|diplomats|negotiators|aides|envoys|representatives|advis[eo]rs|analysts|leaders|presidents|lawmakers|"
    r"experts|authorities|observers|sides|journalists|reporters|countries|governments|capitals|politicians|"
    r"legislators|commentators|bloggers|hardliners|hard-liners|critics|supporters|opponents|sources|nations))"
    r"(?:\s+(?:familiar with [\w ]+?|close to [\w ]+?|who [\w ]+?|speaking on condition of anonymity|"
    r"(?:within|inside|from|near)\s+(?:[\w'’.-]+\s+){0,4}?[\w'’.-]+|"
    r"(?:of|for|to|at|in|with|on)\s+(?:[\w'’.-]+\s+){0,6}?[\w'’.-]+))?"
)
# adverbs of time and report that may stand between a subject and its verb ("officials previously said")
TIME_ADVERBS = "previously|repeatedly|reportedly|recently|already|long|always|often|never|today|yesterday|in the past"
# right before the verb, or an adverb away ("the ministry later said")
TRAILING_ADVERBS = rf"(?:\s+(?:later|also|then|again|earlier|{TIME_ADVERBS}|has|have|had|(?!only\b)[a-z]+ly)|,\s+(?:however|meanwhile|too|in turn),)*"
UNNAMED_SUBJECT_RE = re.compile(UNNAMED_SUBJECT + TRAILING_ADVERBS + r"\s*,?\s*$", re.IGNORECASE)
TRAILING_ADVERBS_RE = re.compile(TRAILING_ADVERBS + "$", re.IGNORECASE)
UNNAMED_AFTER_ACCORDING_RE = re.compile(UNNAMED_SUBJECT, re.IGNORECASE)
NAMED_BODY_RE = re.compile(
    r"(?:(?!The\b|An?\b)[A-Z][\w'’.-]*\s+){1,4}(?:Ministry|Office|Department|Council|Committee|Agency|Service)\b"
    r"(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:and\s+)?[A-Z][\w'’.-]*){0,3})?"  # "... of External Affairs"
)
# "the Turkish defence ministry", "Poland's energy ministry": a country's ministry written in lower case
COUNTRY_MINISTRY_RE = re.compile(r"(?:[Tt]he\s+)?(?P<country>[A-Z][a-z]+)(?:['’]s)?\s+(?P<field>[a-z]+(?:\s+[a-z]+)?)\s+ministry")
DEFINITE_BODY_RE = re.compile(
    r"^\W*(?:the|its)\s+(?P<words>(?:[A-Z][\w-]*\s+){0,2})"
    r"(?P<body>ministry|office|department|council|committee|agency|alliance|bloc)\b",
    re.IGNORECASE,
)
# The words a body's name may hold when an article calls it "the agency", "the alliance", "the bloc"
BODY_NOUN_FORMS = {  # (any other noun is only itself)
    "agency": ("agency", "ministry", "department"),
    "department": ("department", "ministry"),
    "alliance": ("alliance", "nato"),
    "bloc": ("eu", "union", "commission", "council"),
}
# "..., he added": a pronoun set off by a comma or a closing quote frames the whole sentence as speech
FRAMING_PRONOUN_RE = re.compile(r"[,\"”]\s*(?:he|she|they)(?:\s+(?:also|later|then|again|\w+ly))?\s*$", re.IGNORECASE)
# "was asked", "were described": the subject did not say anything
PASSIVE_BEFORE_RE = re.compile(r"\b(?:was|were|is|are|been|being|be)\s+$")
# "the truce floated by Washington": a participle with its agent after it is passive, no verb of the sentence
AGENT_AFTER_RE = re.compile(r"\s+by\s+(?:the\s+)?[A-Z]")
# "WASHINGTON -", "KYIV, Ukraine, March 3 (AP) —": the place a story was filed from, before its first sentence
DATELINE_RE = re.compile(
    r"^\W*[A-Z][A-Z.'’ -]{1,30}[A-Z.](?:,\s*[\w. ]{1,30}?)?(?:,?\s*\d{1,2}(?:,\s*\d{4})?)?\s*(?:\([^)]{1,40}\))?\s*[-–—:]\s"
)
# "The Kremlin's readout of the call said", "Zelensky's decree says": a document speaks for whoever issued it
ISSUED_DOCUMENT_RE = re.compile(
    r"['’]s?\s+(?:(?:own|latest|new|official|formal|written|final|joint|brief|short|annual)\s+)?"
    r"(?:statement|readout|declaration|communiqu[eé]|decree|order|letter|message|post|tweet|press release|note|"
    r"memo(?:randum)?|website|Telegram channel|account)s?"
    r"(?:\s+(?:of|on|about|after|from)\s+[^,;\"“”]{1,40}?)?"
)
# "according to a statement from the Kremlin": the words between "according to" and the body that issued it
ISSUED_BY_GAP_RE = re.compile(
    r"\s*(?:a|an|the)\s+(?:[a-z]+\s+)?(?:statement|readout|communiqu[eé]|decree|message|document|transcript|summary)\s+"
    r"(?:from|by|of|issued by|released by|published by)\s+(?:the\s+)?"
)
# "these requests", "Kyiv's demands", "the proposed truce": after a determiner a verb form is a noun or adjective
DETERMINER_BEFORE_RE = re.compile(
    r"(?:\b(?:the|these|those|this|that|his|her|their|its|our|such|whose)|\w['’]s)\s+$", re.IGNORECASE
)
# Verb forms that are also plural nouns ("the Gulf states", "his claims"): another verb of saying wins over them.
NOUN_LIKE_VERBS = frozenset({"states", "notes", "claims", "calls", "demands"})
PRONOUN_SUBJECT_RE = re.compile(r"\b(he|she|they)(?:\s+(?:also|later|then|again|still|further|\w+ly))?\s*$", re.IGNORECASE)
IT_SUBJECT_RE = re.compile(r"(?:^|[.;,]\s*|\band\s+)[Ii]t(?:\s+(?:also|later|then|again|has|had|\w+ly))?\s*$")
# "Peskov said", "Kyiv has also said", "Russia and Ukraine on Wednesday traded accusations"
# "... has once again reiterated", "... has consistently stated": a few adverbs and auxiliaries
ADJACENT_SUBJECT_RE = re.compile(
    r"\s*,?\s*(?:(?:has|have|had|also|later|then|again|once|still|now|further|however,|meanwhile,|"
    r"(?:late |early |earlier |later )?on (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?: (?:morning|afternoon|evening|night))?|"
    rf"(?!only\b)[a-z]+ly|{TIME_ADVERBS})\s+){{0,4}}"
)
ISSUED_DOCUMENT_THEN_VERB_RE = re.compile(ISSUED_DOCUMENT_RE.pattern + ADJACENT_SUBJECT_RE.pattern)
APPOSITIVE_RE = re.compile(r",\s+(?:the\s+|a\s+|an\s+)?([A-Za-z][\w' .-]{2,50}?),")
# "When asked about talks, Ushakov said": "asked" of a circumstance, not the sentence's verb
ASKED_CIRCUMSTANCE_RE = re.compile(r"(?:^\W*|\b(?:[Ww]hen|[Ii]f|[Oo]nce|[Aa]fter|[Bb]efore|[Aa]s|[Ww]hile|[Uu]pon)\s+)$")
# "Bessent, who took part in talks with Witkoff, said", "Starmer who, after hosting Zelensky, warned":
# the subject is before the relative clause
RELATIVE_ASIDE_RE = re.compile(
    r"(?:\s*,\s+(?:who|which|whose|where)\b|\s+(?:who|which),)[^;\"“”]{2,160},\s*(?:has|have|had|also|later|then|again)?\s*"
)
# Any aside set off by commas between a subject and its verb ("Trump, after a call with Putin, said")
ASIDE_RE = re.compile(r"\s*,\s+[^;\"“”]{2,160},\s*(?:has|have|had|also|later|then|again)?\s*")
# "an aide to the Russian president", "the head of the state corporation Rosatom": a name after a
# preposition is a complement of the subject, not the subject
COMPLEMENT_BEFORE_RE = re.compile(
    r"\b(?:of|to|for|with|from|at|in|on|by|between|against|under|near|inside|within)\s+"
    r"(?:(?:the|a|an|its|his|her|their|[a-z][\w'’-]*|Russian|Ukrainian|American|U\.S\.|US|European|EU|British)\s+){0,4}$"
)
# ", who is meeting his counterparts," describes a person, never a body
WHO_ASIDE_RE = re.compile(r"\s*,\s+who\b")
# ", after the council met,", ", speaking in Davos,": a circumstance between a subject and its verb
CIRCUMSTANCE_ASIDE_RE = re.compile(
    r"\s*,\s+(?:after|before|during|following|at|in|on|speaking|addressing|when|while|in an interview|interviewed|"
    r"responding|replying|commenting|writing|visiting|quoted)\b"
)
# "the official tally": a description word followed by its noun is an adjective, not a person
ADJECTIVE_USE_RE = re.compile(r"\s+(?!who\b|in\b|at\b|from\b|with\b|on\b|for\b|of\b|to\b|and\b|as\b)[a-z]+\b")
# "said in the NATO summit's declaration": the document whose issuer speaks
SAID_IN_STATEMENT_RE = re.compile(
    r"\b(?:said|stated|wrote|declared|added)\s+in\s+[^,;.]{0,60}?\b(?:statement|declaration|communiqu[eé]|readout)\b"
)
# "Lavrov, in a speech to diplomats, restated": an aside of circumstance between a subject and its verb
CIRCUMSTANCE_THEN_VERB_RE = re.compile(
    CIRCUMSTANCE_ASIDE_RE.pattern + r"[^,;\"“”]{0,100},\s*(?:(?:has|have|had|also|later|then|again)\s+)?"
)
# "This was stated by Peskov", "This was announced by the ministry": the sentence names the source of the one before
STATED_BY_RE = re.compile(
    r"\W*(?:(?:This|That|It|The (?:statement|information)|This statement)\s+(?:was|has been|had been|is)\s+"
    r"(?:stated|said|announced|declared|noted|reported|written|posted|emphasi[sz]ed|stressed|confirmed|made|voiced)"
    # "This was announced on August 16 by ...", "This was said in a reply from the Office of ..."
    r"(?:\s+(?:on|during|at)\s+[^,;]{1,40}?|\s+(?:today|yesterday|earlier|later|again))?"
    r"(?:\s+by|\s+in\s+(?:a|an|the)\s+(?:response|statement|comment|reply|message|post|address)\s+(?:from|of|by))\b"
    r"|(?:This|That)\s+(?:is|was)\s+what\b)"  # "This is what Zelensky said in his first comments"
)
MAX_AGENT_CHARS = 80  # how far after "by" the source may be named
# "The pause was welcomed by Zelensky", "The demands were called 'unworkable' by Moscow": a
# position in the passive, whose agent after "by" is the speaker (acts such as "signed by" are not)
PASSIVE_AGENT_RE = re.compile(
    r"\b(?:was|were|is|are|been|being)\s+(?:\w+ly\s+)?(?:(?:also|then|later|swiftly|quickly)\s+)?"
    r"(?:welcomed|rejected|dismissed|described|deemed|called|critici[sz]ed|condemned|praised|hailed|denied|"
    r"confirmed|announced|proposed|greeted|termed|branded|labell?ed|characteri[sz]ed|endorsed|ruled out|"
    r"questioned|slammed|blasted|derided|ridiculed|echoed|disputed|stated|declared|voiced|expressed|"
    r"put forward|floated|backed|supported|opposed|urged|demanded|offered|promised|pledged|"
    r"turned down|shot down|brushed aside|played down|downplayed)\b"
    r"[^.;:]{0,80}?\bby\s+(?=(?:the\s+)?[A-Z])"
    # "Similar remarks were made by Lavrov"
    rf"|\b{STATEMENT_NOUNS}\s+(?:was|were|(?:has|have|had) been)\s+"
    r"made\b[^.;:]{0,80}?\bby\s+(?=(?:the\s+)?[A-Z])"
)
# "Putin's spokesman", "the Ukrainian president's chief of staff": a post named by whose it is
POSSESSOR_POST_RE = re.compile(r"['’]s\s+(?:(?:top|senior|longtime|long-time)\s+)?(?P<post>[a-z][a-z -]{2,40}?)\s*$")
# "the key points from what the aide said": the description is the subject of a clause, not a complement
WHAT_BEFORE_RE = re.compile(r"\bwhat\s+$")
MAX_TITLE_WORDS = 4
# "A Kremlin statement said": a description that is the body's own words
STATEMENT_NOUN_END_RE = re.compile(
    r"\b(?:statement|declaration|readout|communiqu[eé]|press (?:service|office))\s*$", re.IGNORECASE
)
AND_BEFORE_RE = re.compile(r"\b(?:and|but)\s+$")  # "condemned ... and stressed": a second verb of one subject
# "the government's press office": a description of a body, never of a person
BODY_NOUN_END_RE = re.compile(
    r"\b(?:office|ministry|service|department|government|statement|agency|committee)\s*$", re.IGNORECASE
)
AS_BEFORE_RE = re.compile(r"\b[Aa]s\s+$")  # "As noted, ...", "as reported": a signpost, not a frame
# "X joined the debate, saying ...", but not "with critics saying ...": a participle that is the frame
# ", saying", "after claiming": a participle that hangs on the main clause, whose subject speaks
PARTICIPLE_FRAME_RE = re.compile(
    r"(?:(?<=,)\s*|\b(?:after|before|while|by)\s+)\b(?:saying|stating|claiming|insisting|arguing|accusing|alleging|urging|warning|"
    r"dismissing|rejecting|denying|describing|calling|demanding|stressing|noting|adding|vowing|pledging|threatening|ruling out)\b"
)
# ", as he added,": an aside that frames the sentence around it
AS_FRAME_RE = re.compile(
    r",\s*as\s+(?:he|she|they)\s+(?:also\s+|later\s+)?(?P<verb>said|added|noted|put it|explained|stressed|"
    r"emphasi[sz]ed|pointed out|stated|insisted|argued)\s*,"
)
# "..., with French President Macron saying that ...": the participle frames the person named ("with critics saying" frames nobody)
WITH_PARTICIPLE_RE = re.compile(
    r",\s*with\s+(?P<who>[^,;]{2,80}?)\s+(?P<verb>saying|telling|adding|stressing|insisting|warning|noting|arguing|indicating|signall?ing|"
    r"announcing|confirming)\b"
)
# "... and has signalled plans": a second verb with no subject of its own
AND_AUX_BEFORE_RE = re.compile(r"\b(?:and|but)\s+(?:(?:has|have|had|also|later|then)\s+){0,2}$")
# "von der Leyen's disclosure to the FT that ...": what follows is the possessor's
POSSESSIVE_SAYING_RE = re.compile(
    r"['’]s?\s+(?:[a-z-]+\s+){0,2}(?:disclosure|remarks?|comments?|statement|announcement|claim|assertion|"
    r"warning|admission|suggestion|pledge|insistence|assurance)\b[^.;]{0,60}?\bthat\b"
)
# "four Russian sources", "officials": unnamed sources that may close a sentence as its frame
SOURCES_RE = re.compile(r"\b(?:sources?|officials|diplomats|people)\b", re.IGNORECASE)
# "..., said X", "..., — said X" (the dash of copy translated from Ukrainian or Russian): the frame after what was said
INVERTED_FRAME_RE = re.compile(r"(?:[,”\"]\s*[—–]?|\s[—–])\s*$")
FRAME_END_RE = re.compile(r"\s*(?:[,.;:]|$)")  # ... and the name closes it ("said X." or "said X, spokesman for")
TITLE_DETERMINERS = frozenset("the a an its his her their top senior chief lead deputy acting".split())
# "spokesman for UN Secretary-General Guterres": a body's initials are part of a title
ACRONYM_RE = re.compile(r"[A-Z]{2,6}|(?:[A-Z]\.){2,4}")
# "an adviser to President Zelensky": only titles stand between the preposition and a person complement
# ("chief of staff Andriy Yermak" is a title before a name, not a complement)
PERSON_COMPLEMENT_BEFORE_RE = re.compile(
    r"\b(?:of|to|for|with|from|between|against)\s+(?:the\s+|his\s+|her\s+)?(?:(?:[A-Z][\w.'’-]*)\s+){0,3}$"
)
NATIONALITY_ADJECTIVE_RE = re.compile(
    r"Russian|Ukrainian|American|U\.S\.|US|British|French|German|Polish|Turkish|Chinese|European|Belarusian|Hungarian|Italian"
)
# A capitalised name of a body, with its "of", "for" and "the" ("the Coordination Headquarters for
# the Treatment of Prisoners of War"), after "according to" or right before the verb
BODY_NAME = r"(?P<name>(?!The\b|An?\b)[A-Z][\w'’.-]*(?:\s+(?:of|for|on|and|the|[A-Z][\w'’.-]*)){0,9}?\s+[A-Z][\w'’.-]*)"
NAMED_BODY_AFTER_RE = re.compile(r"\s+(?:the\s+)?" + BODY_NAME + r"(?=\s*[,;.])")
NAMED_BODY_BEFORE_RE = re.compile(r"(?:^|[.;]\s+|^\W*)(?:[Tt]he\s+)?" + BODY_NAME + TRAILING_ADVERBS + r"\s*,?\s*$")
PARENTHESISED_ACRONYM_RE = re.compile(r"\s*\([A-Z][A-Za-z]{1,9}\)")
APPOSITION_TAIL_RE = re.compile(r",\s+[^,;\"“”]{2,90},\s*$")  # ", a Washington-based think tank, said"
# "Ukrenergo, the state energy transmission operator, said": a body the reference lacks, named and
# then described as one
BODY_BY_APPOSITION_RE = re.compile(
    r"(?:^|[.;]\s+|^\W*|,\s+)(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}),\s+(?:the|a|an|its)\s+[^,;\"“”]{0,60}?"
    r"\b(?:operator|company|firm|utility|regulator|monopoly|producer|watchdog|corporation|conglomerate|giant|"
    r"agency|broadcaster|authority|organi[sz]ation|think tank|foundation|charity|group)\b[^,;\"“”]{0,40},\s*"
    + TRAILING_ADVERBS
    + r"\s*$"
)
INTERNATIONAL_BODY_RE = re.compile(r"\b(?:United Nations|UN|World|International|Red Cross|Red Crescent|Global)\b")
# "a source from", "sources close to", "people familiar with": what follows is where the source sits
SOURCE_IN_RE = re.compile(
    r"\b(?:sources?|insiders?|people|persons?)\s+(?:from|in|at|close to|within|inside|near|familiar with)\s+", re.IGNORECASE
)
# "a spokesperson for the Chinese Foreign Ministry said": the institution speaks through its spokesperson
SPEAKS_FOR_RE = re.compile(
    r"\b(?:spokes(?:man|woman|person)|statement|press (?:service|office)|representative)\s+(?:for|of|from|by|at)\s+"
    r"(?:the\s+)?(?:[\w'’.-]+\s+){0,3}$",
    re.IGNORECASE,
)
# The subject phrase of a verb starts after the last clause boundary before it.
CLAUSE_BOUNDARY_RE = re.compile(r"[;:\"“”()—–]|\s-\s|,\s")
# "Putin, who has refused to back down": a verb of position inside a relative clause describes, it does not report
RELATIVE_VERB_RE = re.compile(
    r",\s*(?:who|which)\s+(?:(?:has|have|had|also|repeatedly|since|long|\w+ly)\s+){0,3}$", re.IGNORECASE
)
# "an understanding ... which he said could bring peace": a speaker's aside inside a relative clause
RELATIVE_ASIDE_VERB_RE = re.compile(r"\b(?:which|that)\s+(?:he|she|they)\s+(?:also\s+)?$")
# ", where he offered", ", when she said": a clause that goes on about someone the sentence named
RELATIVE_CLAUSE_START_RE = re.compile(r"\s*(?:where|when|after|as|while|before)\s+(?:he|she)\b", re.IGNORECASE)
WHAT_PRONOUN_RE = re.compile(r"\bwhat\s+(?:he|she)\s+(?:\w+ly\s+|had\s+|has\s+)?$")  # "Putin's goals remain what he declared"
# "..., just hours after Trump insisted", "as he praised": a clause of time or manner after the main one
TIME_CLAUSE_RE = re.compile(
    r"\s*(?:(?:just|only|shortly|soon|hours|days|weeks|minutes|moments|a day|a week|a few|two|three|even)\s+){0,3}"
    r"(?:after|before|when|while|as|since|until|once)\b",
    re.IGNORECASE,
)
# a clause opened by a relative pronoun, and a time or cause clause inside it, describes
SUBORDINATE_START_RE = re.compile(r"\s*(?:which|who|whom|whose|where)\b", re.IGNORECASE)
SUBORDINATE_RE = re.compile(r"\b(?:after|before|when|while|since|because|as)\b", re.IGNORECASE)
BODY_MEMBERS_RE = re.compile(
    r"\s+(?:leaders|officials|diplomats|members|representatives)(?:\s+(?:on \w+day|also|have|had))?\s*,?\s*"
)
# the nouns of a description a later sentence may name ("a senior aide to the Russian president")
DESCRIBED_NOUN_RE = re.compile(
    r"\b(aides?|advis[eo]rs?|spokes(?:man|woman|person)|negotiators?|envoys?|minister|president|leader|chief|head|diplomat|secretary)\b",
    re.IGNORECASE,
)
MAX_NAMED_NEXT_CHARS = 400
# ", and Podolyak, a member of the delegation, said", "; Peskov told", ", while Kyiv said": a second frame
SECOND_FRAME_RE = re.compile(
    r"(?:,\s+(?:and|while|but|whereas)\s+|;\s+)"
    r"(?=(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*(?:,\s+[^,;]{2,90},)?\s+(?:said|says|told|tells|added|noted|insisted|warned|wrote)\b)"
)
MIN_FRAME_WORDS = 5
DELEGATION_RE = re.compile(
    r"(?:the\s+|an?\s+)?(?:[A-Z][\w'’.-]*\s+){0,2}(?:negotiating\s+)?(?:delegation|side|team)", re.IGNORECASE
)
COMPOUND_AND_RE = re.compile(r",?\s+and\s+(?:the\s+)?")
BOTH_BEFORE_RE = re.compile(r"\b[Bb]oth\s+(?:the\s+)?$")
MUTUAL_VERB_RE = re.compile(r"trad(?:ed|e|es) accusations")  # "Russia and Ukraine traded accusations": of each other
MUTUAL_AFTER_RE = re.compile(r"\s+(?:[\w'’-]+\s+){0,3}?(?:each other|one another)\b")
MIN_QUOTE_WORDS = 3
# "Putin's spokesman", "a Putin adviser": a name that modifies a role is not who spoke
MODIFIER_AFTER_RE = re.compile(
    r"(?:['’]s)?\s+(?:[a-z]+\s+){0,2}(?:spokes(?:man|woman|person)|aides?|advis[eo]rs?|ally|allies|envoy|office|team|"
    r"administration|camp|government|officials?|representatives?|press secretary)\b"
)
POSSESSIVE_AFTER_RE = re.compile(r"['’]s?\s+(?!office\b|team\b|camp\b)[a-z]")  # "Rubio's remarks", not "Zelensky's office"
LEADER_TITLES = ("president", "prime minister", "premier", "chancellor", "leader", "head of state")


@dataclass
class AttributionState:
    """What the reader remembers while reading an article: last speaker, descriptors."""

    last_speaker: Mention | None = None
    last_person: Mention | None = None  # who "he" or "she" most likely is: the last person speaking or acting
    in_view: list[Mention] = field(default_factory=list)  # each person who was last_person, in order
    institutions: list[Mention] = field(default_factory=list)  # every institution named so far, for "the ministry said"
    answer_paragraph: int = -1  # the paragraph of an interview answer ("Peskov: ..."), which goes on being his
    transcript: bool = False  # a transcript: an answer goes on over paragraphs until the next label
    sourced: Mention | None = None  # the person a "Source:" line names, whom "Details:" sections report
    last_paragraph: int = -1
    descriptors: dict[str, Mention] = field(default_factory=dict)
    surnames: dict[str, Mention] = field(default_factory=dict)
    first_names: dict[str, Mention] = field(default_factory=dict)  # for "Sir Keir", "Dame Karen"
    people: list[Mention] = field(default_factory=list)  # every person named so far, for "the Russian leader said"
    pair: Mention | None = None  # the first of the last two people named together, for "the leaders agreed"
    pair_names: frozenset[str] = frozenset()  # both of them: naming them again in the other order keeps the first
    pair_paragraph: int = -1  # where they were last named together, for "they discussed" close after
    paragraph: int = 0  # the paragraph being read
    role_titles: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # lower-case titles each actor held then
    # who held a title on a side when the article was written ("Ukraine's president"), if the reference knows
    title_holder: Callable[[str, str], Mention | None] = lambda title, side: None
    post_holder: Callable[[str, str], Mention | None] | None = None  # a title holding words: "chief of staff"
    government_of: Callable[[str], Mention | None] = lambda side: None  # a side's government, for "the Russian side"
    held_before: Callable[[str, str], bool] = lambda name, title: False  # for "the former president"
    peoples: tuple[str, ...] = ()  # the peoples whose countries the article names ("the UK's support": British)


# Common Chinese and Korean family names, written before the given name ("Wang Yi", "Lin Jian")
FAMILY_NAME_FIRST = frozenset(
    "Wang Li Zhang Liu Chen Yang Zhao Huang Zhou Wu Xu Sun Hu Zhu Gao Lin Guo Ma Luo Liang Song Zheng Xie Han Tang "
    "Feng Dong Xiao Cao Deng Fu Shen Zeng Peng Lu Su Jiang Cai Jia Ding Wei Xue Ye Yan Pan Du Dai Xia Zhong Tian "
    "Ren Fan Fang Shi Yao Tan Zou Xiong Jin Kong Bai Cui Kang Mao Qiu Qin Gu Hou Shao Meng Qian Yin Xi Kim Park "
    "Choi Moon Yoon Chung Jung Lee Cho Yoo Shin Kwon Hwang Ahn Jang Lim Seo Baek Hong Nam".split()
)
# "Chung Eui-yong", "Kim Jong-un": a hyphenated given name after the family name
KOREAN_GIVEN_NAME_RE = re.compile(r"[A-Z][a-z]+-[a-z]+")
FAMILY_FIRST_THEN_VERB_RE = re.compile(rf"\s+(?:(?:has|had|also|later|then|again)\s+)?(?:{REPORT_VERBS})\b")
HONORIFIC_FIRST_NAME_RE = re.compile(r"\b(?:Sir|Dame|Sheikh|Sheikha|Prince|Emir)\s+([A-Z][a-z]+)\b(?!\s+[A-Z])")


def add_surname_mentions(text: str, offset: int, mentions: list[Mention], state: AttributionState) -> list[Mention]:
    """Bare surnames of people named in full earlier in the article ("Peskov said"), and the first
    name after an honorific ("Sir Keir Starmer ... Sir Keir said", "Sheikh Mohamed said"). A person named again
    keeps the side the article first gave him ("President of Serbia Aleksandar Vučić ... said
    Aleksandar Vučić")."""
    mentions = [_honorific_known(_side_as_before(_named_in_full(m, state), state), state) for m in mentions]
    for mention in mentions:
        if mention.kind == "person" and " " in mention.name:
            first, *_, last = mention.name.split()
            state.surnames.setdefault(last, mention)
            state.first_names.setdefault(first, mention)
            if first in FAMILY_NAME_FIRST or KOREAN_GIVEN_NAME_RE.fullmatch(last):  # "Mao Ning ... Mao added"
                state.surnames.setdefault(first, mention)
    covered = [(m.start - offset, m.end - offset) for m in mentions]
    extra = []
    words = list(CAPITALISED_WORD_RE.finditer(text))
    found = [(m, state.surnames.get(m.group(0))) for m in words]
    found += [(m, state.first_names.get(m.group(1))) for m in HONORIFIC_FIRST_NAME_RE.finditer(text)]
    # "Japanese Prime Minister Kishida Fumio ... Kishida told reporters": a family name written first
    found += [
        (m, state.first_names[m.group(0)])
        for m in words
        if m.group(0) in state.first_names and m.group(0) not in state.surnames and FAMILY_FIRST_THEN_VERB_RE.match(text, m.end())
    ]
    for m, known in found:
        if known is None or any(s <= m.start() < e for s, e in covered):
            continue
        covered.append(m.span())
        extra.append(Mention(offset + m.start(), offset + m.end(), m.group(0), known.name, known.side, known.kind, known.role))
    return sorted(mentions + extra, key=lambda x: x.start)


def _named_in_full(mention: Mention, state: AttributionState) -> Mention:
    """ "Amir Abdollahian" after "Hossein Amir Abdollahian": the last words of a longer name given earlier."""
    if mention.kind != "person" or " " not in (mention.name or ""):
        return mention
    known = state.surnames.get(mention.name.split()[-1])
    if known is None or not known.name.endswith(" " + mention.name):
        return mention
    return _as_known(mention, known)


def _honorific_known(mention: Mention, state: AttributionState) -> Mention:
    """ "Sheikh Mohamed" after "Sheikh Mohamed bin Zayed Al Nahyan": the person named in full."""
    honorific = HONORIFIC_FIRST_NAME_RE.fullmatch(mention.name or "") if mention.kind == "person" else None
    known = state.first_names.get(honorific[1]) if honorific else None
    if known is None or known.name == mention.name:
        return mention
    return _as_known(mention, known)


def _as_known(mention: Mention, known: Mention) -> Mention:
    """A mention (where it is written) of someone named earlier: his name, side, kind and role."""
    return replace(mention, name=known.name, side=known.side, kind=known.kind, role=known.role)


def _side_as_before(mention: Mention, state: AttributionState) -> Mention:
    """A person named again with no side of his own ("other" is the guess for nobody's) takes the
    side of his first mention."""
    if mention.kind != "person" or mention.side not in ("other", "unknown") or " " not in (mention.name or ""):
        return mention
    known = state.surnames.get(mention.name.split()[-1])
    return replace(mention, side=known.side) if known is not None and known.name == mention.name else mention


# A quotation mark that closes: right after a word or punctuation, before a space or the end
CLOSING_STRAIGHT_RE = re.compile(r'(?<=\S)"(?=[\s,.;:!?)]|$)')
CLOSING_CURLY_RE = re.compile(r"(?<=\S)”")
OPENING_MARK_RE = re.compile(r'[“«"]')  # any mark before the closing one (mixed marks: "very tense”)
OPENING_STRAIGHT_RE = re.compile(r'(?:^|(?<=\s))"(?=\S)')  # a straight mark that opens: after a space, before a word


GUILLEMETS = str.maketrans("«»", "“”")
ANY_MARK_RE = re.compile(r'[“”«»"]')


def leaves_quote_open(text: str) -> bool:
    """Whether a sentence opens a quotation it does not close ('«Estonia firmly believes ... .'):
    in copy that opens each paragraph of a long quote and closes only the last, the sentences
    after it on its line are quoted too."""
    outside, _ = _blank_paired(text.translate(GUILLEMETS))
    if "“" in outside and "”" not in outside[outside.index("“") :]:
        return True
    return outside.count('"') % 2 == 1 and OPENING_STRAIGHT_RE.search(outside) is not None


def lone_closing_mark(outside: str) -> int | None:
    """Where a quotation closes that opened before this sentence: the first closing mark left once
    paired quotations are blanked, when no opening mark comes before it."""
    curly = CLOSING_CURLY_RE.search(outside)
    if curly is not None and not OPENING_MARK_RE.search(outside, 0, curly.start()):
        return curly.start()
    straight = CLOSING_STRAIGHT_RE.search(outside)
    if straight is not None and outside.count('"') % 2 == 1 and not OPENING_MARK_RE.search(outside, 0, straight.start()):
        return straight.start()
    return None


def _blank_paired(text: str) -> tuple[str, list[str]]:
    """Text with its paired quotations replaced by spaces, and those quotations."""
    quotes = []
    chars = list(text)
    for m in QUOTE_RE.finditer(text):
        inner = m.group(0)[1:-1].strip()
        if len(inner.split()) >= MIN_QUOTE_WORDS:
            quotes.append(inner)
        for i in range(m.start(), m.end()):
            chars[i] = " "
    return "".join(chars), quotes


def blank_quotes(text: str) -> tuple[str, list[str]]:
    """Text with quotations replaced by spaces (offsets kept) and the quotations themselves."""
    outside, quotes, _ = quote_parts(text)
    return outside, quotes


def quote_parts(text: str, pending: bool = True) -> tuple[str, list[str], bool]:
    """``blank_quotes`` and whether the text ends a quotation opened before it ('... we will see,"
    Medinsky said.'); with no quotation ``pending``, a lone closing mark is a stray one."""
    text = text.translate(GUILLEMETS)  # «...» quotes as “...” (one character each: offsets kept)
    outside, quotes = _blank_paired(text)
    # A closing mark with no opening one: the quotation began in an earlier sentence or paragraph
    # ('... we will see," Medinsky said.'); what comes before the mark is quoted.
    closing = lone_closing_mark(outside)
    if closing is not None and not pending:
        return outside[:closing] + " " + outside[closing + 1 :], quotes, False
    if closing is not None:
        head = text[:closing].strip().strip('"“”')
        if len(head.split()) >= MIN_QUOTE_WORDS:
            quotes.insert(0, head)
        outside = " " * (closing + 1) + outside[closing + 1 :]
    # An unclosed opening quote (multi-sentence quote) hides the rest too.
    for mark in ("“", '"'):
        idx = outside.find(mark)
        if idx >= 0 and (mark == "“" or outside.count('"') % 2 == 1):
            tail = text[idx + 1 :]
            if len(tail.split()) >= MIN_QUOTE_WORDS and not any(tail.strip() in q for q in quotes):
                quotes.append(tail.strip().rstrip('”"'))
            end = outside.find("”", idx) if mark == "“" else -1
            outside = outside[:idx] + " " * (len(outside) - idx) if end < 0 else outside
    return outside, quotes, closing is not None


def _remember_descriptors(sentence: str, mentions: list[Mention], offset: int, state: AttributionState) -> None:
    """Record 'Kremlin spokesman' -> Peskov so 'the Kremlin spokesman' later resolves."""
    for mention in mentions:
        if mention.kind != "person":
            continue
        before = sentence[max(0, mention.start - offset - 50) : mention.start - offset]
        words = re.findall(r"[A-Za-z][\w.-]*", before)[-3:]
        after = APPOSITIVE_RE.match(sentence[mention.end - offset :])
        if after:  # "Dmitry Peskov, the Kremlin spokesman, said"
            words = re.findall(r"[A-Za-z][\w.-]*", after.group(1))[-3:]
        for n in range(1, len(words) + 1):
            state.descriptors[" ".join(words[-n:]).lower()] = mention


def _says(verb: re.Match) -> bool:
    """A verb of saying ("said", "told"), not one of position, nor a noun that looks like a verb."""
    return bool(SPEECH_VERB_RE.fullmatch(verb.group(0))) and verb.group(0) not in NOUN_LIKE_VERBS


def speech_verbs(outside: str) -> list[re.Match]:
    """Verbs of saying in the text outside quotes, in order."""
    return [verb for verb in REPORT_VERB_RE.finditer(outside) if _says(verb)]


def _name_right_before(verb: re.Match, outside: str, offset: int, mentions: list[Mention]) -> bool:
    """Whether a speaker is named just before the verb ("..., Governor Gladkov said")."""
    return any(
        m.end - offset <= verb.start() and ADJACENT_SUBJECT_RE.fullmatch(outside[m.end - offset : verb.start()]) for m in mentions
    )


def _clause_start(outside: str, position: int) -> int:
    """Where the clause holding a position begins: after the last comma, quote or dash before it."""
    return max((m.end() for m in CLAUSE_BOUNDARY_RE.finditer(outside, 0, position)), default=0)


def _in_subordinate_clause(outside: str, verb: re.Match) -> bool:
    """Whether a verb belongs to a clause that describes rather than reports ("..., which came a
    day after the UN chief urged ...")."""
    clause_start = _clause_start(outside, verb.start())
    return bool(SUBORDINATE_START_RE.match(outside, clause_start)) and bool(
        SUBORDINATE_RE.search(outside[clause_start : verb.start()])
    )


# "Russia suspended ...": a country opening the sentence as the subject of its verb
PARTY_COUNTRIES = r"Russia|Ukraine|the United States|the U\.S\."
AGENT_COUNTRY_RE = re.compile(rf"({PARTY_COUNTRIES})\b")  # "rejected by Ukraine"
OPENING_COUNTRY_RE = re.compile(rf"\W*({PARTY_COUNTRIES}|Moscow|Kyiv|Kiev|Washington)\s+[a-z]")


def _opening_subject(outside: str, offset: int, local: list[Mention]) -> Mention | None:
    """The person or body a sentence opens with, after nothing but a title ("Russia pulled out of
    the deal", "Belarusian President Lukashenko met ...")."""
    first = local[0] if local else None
    if first is None:
        return None
    words = re.sub(r"^\W*(?:The|the)\s+", "", outside[: first.start - offset]).split()
    return first if _title_words(words) else None


def _in_time_clause(outside: str, verb: re.Match) -> bool:
    """Whether a verb is in a clause of time or manner after the main one ("just hours after
    Trump insisted", "as he praised")."""
    return bool(TIME_CLAUSE_RE.match(outside, _clause_start(outside, verb.start())))


def reporting_verb(outside: str) -> re.Match | None:
    """The verb that reports the speech: a speech verb ("said", "told") wins over a verb of
    position ("supports"), which may belong to the reported content; verbs inside a
    condition clause ("once Kyiv agrees") never count."""
    candidates = [
        verb
        for verb in REPORT_VERB_RE.finditer(outside)
        if not CONDITION_CLAUSE_RE.search(outside[max(0, verb.start() - 80) : verb.start()])
        and not PASSIVE_BEFORE_RE.search(outside[max(0, verb.start() - 12) : verb.start()])
        and not DETERMINER_BEFORE_RE.search(outside[max(0, verb.start() - 12) : verb.start()])
        and not AGENT_AFTER_RE.match(outside, verb.end())
        and not AS_BEFORE_RE.search(outside[max(0, verb.start() - 4) : verb.start()])
        and not (verb.group(0) == "asked" and ASKED_CIRCUMSTANCE_RE.search(outside, 0, verb.start()))
        and (_says(verb) or not RELATIVE_VERB_RE.search(outside[max(0, verb.start() - 40) : verb.start()]))
    ]
    main = [verb for verb in candidates if not _in_subordinate_clause(outside, verb)]
    candidates = main or candidates  # "Moscow blamed the raid, which came after Guterres urged ...": Moscow's verb
    own = [
        verb
        for verb in candidates
        if not (_in_time_clause(outside, verb) and _clause_start(outside, verb.start()) > 0)
        and not RELATIVE_VERB_RE.search(outside[max(0, verb.start() - 40) : verb.start()])
        and not RELATIVE_ASIDE_VERB_RE.search(outside[max(0, verb.start() - 20) : verb.start()])
    ]
    # "Putin has ruled out a meeting with Zelensky, who says ...", "The Kremlin described the talks as
    # paused, while Zelensky said ...": the verb of the main clause, not one of a clause after it
    # (a clause opening the sentence, "While Putin said ..., Zelensky responded", stays first)
    candidates = own or candidates
    by_press = [verb for verb in candidates if _says(verb) and media_subject(outside[: verb.start()])]
    candidates = [verb for verb in candidates if verb not in by_press]
    speech = [verb for verb in candidates if SPEECH_VERB_RE.fullmatch(verb.group(0))]
    unambiguous = [verb for verb in candidates if _says(verb)]
    # "Lavrov has accused Zelensky ..., RIA reported": the subject's position, as the press relays it
    relayed = bool(candidates) and "," in outside[candidates[0].end() : by_press[0].start()] if by_press else False
    if by_press and not unambiguous and not relayed:
        return None  # "Reuters reported that ...": the press sources a fact; nobody in it is framed as speaking
    framed = [verb for verb in unambiguous if FRAMING_PRONOUN_RE.search(outside[: verb.start()])]
    if not candidates and (participle := PARTICIPLE_FRAME_RE.search(outside)):
        return participle  # "Kasparov joined the debate, saying: ...": the only frame
    if aside := AS_FRAME_RE.search(outside):
        return _verb_of(aside)  # "He did not sign because, as he added, it calls for sanctions": the aside frames it
    with_frame = WITH_PARTICIPLE_RE.search(outside)
    if (
        not unambiguous
        and with_frame
        and re.search(r"\b[A-Z][a-z]", with_frame["who"])
        and not any(verb.start() < with_frame.start() for verb in candidates)
    ):  # (but "China called for a truce, with Zelensky saying ...": China's position comes first)
        return _verb_of(with_frame)  # "leaders meet on Thursday, with Macron saying ...": Macron frames it
    chosen = (framed or unambiguous or speech or candidates or [None])[0]
    if chosen is not None and chosen is not candidates[0] and _sourced_by_unnamed(outside, chosen):
        return candidates[0]  # "Sullivan believes that ..., sources told the NYT": Sullivan's verb, as the sources report it
    if chosen is not None and AND_BEFORE_RE.search(outside, 0, chosen.start()) and candidates[0].start() < chosen.start():
        return candidates[0]  # "the Chancellor condemned the strikes and stressed ...": one subject, its first verb
    return chosen


JOINT_LEADERS_RE = re.compile(r"(?:the|both)\s+(?:two\s+)?(?:leaders|presidents)", re.IGNORECASE)
HIS_MINISTRY_RE = re.compile(r"\W*(?:his|her)\s+ministry\W*", re.IGNORECASE)
MINISTER_TITLE_RE = re.compile(r"\b(?P<field>[A-Z][a-z]+(?: Affairs)?)\s+[Mm]inister\b")


def _own_ministry(phrase: str, people: list[Mention], state: AttributionState) -> Mention | None:
    """ "his ministry" after a minister was named first in the sentence ("Russian Foreign Minister
    Sergei Lavrov discussed ..., his ministry said"): that minister's ministry, named as bodies are."""
    if not HIS_MINISTRY_RE.fullmatch(phrase) or not people:
        return None
    person = people[0]
    titles = [person.role] if person.role else [t.title() for t in state.role_titles.get(person.name, ())]
    for title in titles:
        if (minister := MINISTER_TITLE_RE.search(title)) and (people_word := people_of(title)):
            return _remember_ministry(
                phrase.strip(" ,"), people_word, minister["field"].replace(" Affairs", ""), person.side, state
            )
    return None


def _sourced_by_unnamed(outside: str, verb: re.Match) -> bool:
    """Whether a verb closes the sentence as a frame of unnamed sources (", sources told Reuters")."""
    subject = UNNAMED_SUBJECT_RE.search(outside[max(0, verb.start() - 60) : verb.start()])
    return (
        subject is not None
        and bool(SOURCES_RE.search(subject.group(0)))
        and INVERTED_FRAME_RE.search(outside[: verb.start() - len(subject.group(0))]) is not None
    )


def _verb_of(frame: re.Match) -> re.Match:
    """The verb inside a frame, as a match of its own (callers read its start and end)."""
    return re.compile(re.escape(frame["verb"])).search(frame.string, frame.start("verb"))


def choose_speaker(
    outside: str, offset: int, mentions: list[Mention], state: AttributionState, verb: re.Match | None
) -> tuple[Mention | None, str]:
    """The mention that is the subject of the reporting verb (``reporting_verb(outside)``), and how it was found."""
    according = ACCORDING_RE.search(outside)
    local = [m for m in mentions if outside[m.start - offset : m.end - offset].strip()]
    if (
        verb is not None
        and not _name_right_before(verb, outside, offset, local)
        and not FRAMING_PRONOUN_RE.search(outside[: verb.start()])
    ):
        # "<what was said>, Governor Gladkov said": the frame closes the sentence, so the last such verb
        # (not one in a clause of time: "..., the EU's top diplomat said, hours after Trump insisted")
        verb = next(
            (
                v
                for v in reversed(speech_verbs(outside))
                if _name_right_before(v, outside, offset, local) and not _in_time_clause(outside, v)
            ),
            verb,
        )
    if verb is not None and (closing := _closing_frame(outside, offset, local, verb)) is not None:
        verb = closing  # "Ukraine said it would come, then 'disappeared', Dmitry Peskov told reporters": Peskov's
    if verb is not None and verb.re is PARTICIPLE_FRAME_RE:
        # "Russia quit the deal, saying Kyiv ...": the main clause's subject, not a name after the participle
        country = OPENING_COUNTRY_RE.match(outside)
        subject = _opening_subject(outside, offset, local) or (
            country and state.government_of(nationality_side(country[1]) or "")
        )
        if subject:
            return subject, "subject of the clause a participle hangs on"
    if cited := CITED_AS_RE.search(outside):
        inside = [m for m in local if cited.start("who") <= m.start - offset < cited.end("who")]
        if inside:
            return inside[-1], "cited as saying"
        if body := _definite_body(cited["who"], state):
            return body, "cited as saying"  # "TASS quoted the ministry as saying": the ministry named before
        return _unnamed(cited["who"], nationality_side(cited["who"]) or "unknown"), "unnamed, cited as saying"
    if quoted := QUOTED_AS_RE.search(outside):
        before_quoted = [m for m in local if m.end - offset <= quoted.start()]
        if before_quoted:
            return before_quoted[-1], "quoted as saying"
    named_source = _named_source(outside, offset, local, according) if according else None
    if (
        according
        and verb is not None
        and verb.end() <= according.start()
        and any(m.end - offset <= verb.start() for m in local)
        and (_says(verb) or named_source is None)  # "Putin has ruled out talks, according to his aide Ushakov": Ushakov
    ):
        according = None  # '"...," Embalo said, according to a recording published by his office': Embalo
    if according and verb is not None and _says(verb) and not outside[: according.start()].strip():
        comma = outside.find(",", according.end(), verb.start())
        if comma >= 0 and any(m.kind == "person" and comma < m.start - offset < verb.start() for m in local):
            according = None  # "According to TASS, Ushakov said in an interview ...": Ushakov, the outlet relays him
    if according:
        if (pronoun := re.match(r"\s*(him|her|them)\b", outside[according.end() :])) and (
            antecedent := _antecedent(pronoun[1], state)
        ):
            return antecedent, "according to a pronoun"
        desc = DESCRIPTOR_RE.match(outside, according.end() + 1)
        if desc and ADJECTIVE_USE_RE.match(outside, desc.end()):
            desc = None  # "according to the official tally": a word of the description, not a person
        if desc and (hit := _remembered(desc["desc"], state) or _last_person_fitting(desc["desc"], state)):
            return hit, f"according to '{desc.group(0)}'"
        after = [m for m in local if m.start - offset >= according.end()]
        if named_source is not None:  # "according to Putin's aide Yuri Ushakov": the aide, not whose aide he is
            after = [named_source]
        unnamed = UNNAMED_AFTER_ACCORDING_RE.match(outside, according.end() + 1)
        opens = not outside[: according.start()].strip()  # "According to another source, ...": the whole frame
        if opens and unnamed and not [m for m in after if m.start - offset < unnamed.end()]:
            return None, "according to an unnamed source"  # "according to another source, Putin ...": not Putin
        if after:
            return after[0], "according to"
    if verb and (frame := WITH_PARTICIPLE_RE.search(outside)) and frame.start("verb") == verb.start():
        inside = [m for m in local if frame.start() <= m.start - offset < verb.start()]
        if inside:
            return inside[-1], "with ... saying"  # "..., with French President Emmanuel Macron saying that ..."
    if verb:
        vstart, vend = verb.start(), verb.end()
        # 'said Peskov', '"...," said Ukrainian negotiator Oleksandr Chalyi': only titles between
        after_verb = [
            m for m in local if 0 <= m.start - offset - vend <= 12 or _titles_only(outside[vend : max(vend, m.start - offset)])
        ]
        before = [m for m in local if m.end - offset <= vstart]
        head = outside[:vstart]
        if (
            after_verb
            and INVERTED_FRAME_RE.search(head)
            and after_verb[0].kind != "institution"
            and FRAME_END_RE.match(outside, after_verb[0].end - offset)
        ):
            return after_verb[0], "after verb, closing the sentence"  # "<what was said>, said Clayson Monyela"
        if (
            INVERTED_FRAME_RE.search(head)
            and (desc := DESCRIPTOR_RE.match(outside, vend + 1))
            and FRAME_END_RE.match(outside, desc.end())
            and (described := _described_person(desc, before, state))
        ):
            return described  # "<what was said>, announced the French president, who ..."
        if before and ISSUED_DOCUMENT_THEN_VERB_RE.fullmatch(outside, before[-1].end - offset, vstart):
            return before[-1], "issuer of the document that says it"  # "The Kremlin's readout of the call said"
        apposition = APPOSITION_TAIL_RE.search(head)
        named = [m for m in before if apposition and apposition.start() < m.start - offset]
        if (
            apposition
            and len(named) == 1
            and named[0].kind == "person"
            and not head[apposition.start() : named[0].start - offset].strip(", ")
            and not head[named[0].end - offset :].strip(", ")
        ):
            return named[0], "person named in an apposition"  # "Putin's top adviser, Yuri Ushakov, told"
        if (
            apposition
            and not WHO_ASIDE_RE.match(apposition.group(0))
            and not CIRCUMSTANCE_ASIDE_RE.match(apposition.group(0))
            and NAMED_BODY_BEFORE_RE.search(head[: apposition.start()] + " ")
        ):
            # "The Center for ... Studies, a think tank in Washington, said": not the place in the apposition
            before = [m for m in before if m.start - offset < apposition.start()]
            if not before:
                return None, "a body named before an apposition"  # named as written by _unnamed_speaker
        for earlier in reversed(before):  # "Kyiv, which has asked NATO for help, said": the name before the clause
            if RELATIVE_ASIDE_RE.fullmatch(outside[earlier.end - offset : vstart]):
                return earlier, "subject before a relative clause"
        if before and CIRCUMSTANCE_THEN_VERB_RE.fullmatch(outside, before[-1].end - offset, vstart):
            return before[-1], "subject before a circumstance"  # "Lavrov, in a speech to diplomats, said": not the diplomats
        if before and ADJACENT_SUBJECT_RE.fullmatch(outside[before[-1].end - offset : vstart]):
            if compound := _compound_subject(outside, offset, before, vstart, vend):
                return compound
            return _adjacent_subject(outside, offset, before, vstart, state)
        if (framing := FRAMING_PRONOUN_RE.search(head)) and (antecedent := _antecedent(framing[0], state)) is not None:
            return antecedent, "pronoun"  # "<what was said>, he added": names in what was said are not the speaker
        core = _without_relative_aside(head)  # "The Foreign Secretary, who is meeting ..., said"
        descs = list(DESCRIPTOR_RE.finditer(core[-60:]))
        # with no one named before it, the description nearest the verb: "On the phone to the Turkish
        # leader, the Russian President restated" (but "Podolyak, an aide to the chief of the
        # Office of the President of Ukraine, said" is Podolyak's, whose apposition it is)
        nearest = descs[-1] if descs and not re.match(r"['’]s?\s", core[-60:][descs[-1].end() :]) else None
        desc = nearest if nearest and not any(m.kind == "person" for m in before) else descs[0] if descs else None
        before_desc = core[-60:][: desc.start()] if desc else ""
        if desc and re.match(r"['’]s?\s", core[-60:][desc.end() :]):
            desc = None  # "the Ukrainian president's chief of staff said": the post speaks, not the president
        if desc and COMPLEMENT_BEFORE_RE.search(before_desc) and not WHAT_BEFORE_RE.search(before_desc):
            desc = None  # "an aide to the Russian president said": the aide spoke, unnamed (but "from what the aide said")
        near = desc is not None and desc.end() >= len(core[-60:].rstrip()) - 20
        if (
            not near
            and not before
            and (opening := DESCRIPTOR_RE.match(core))
            and not re.match(r"['’]s?\s", core[opening.end() :])
        ):
            if verb.group(0).strip() in ("saying", "stating") or not CLAUSE_BOUNDARY_RE.search(outside, opening.end(), vstart):
                # "Russia's foreign minister pressed the point, saying ...", "The prime minister opened
                # the meeting by praising ... and warned": the sentence's opening subject
                desc, near = opening, True
        if desc and near:
            if found := _described_person(desc, before, state):
                return found
            if not [m for m in before if vstart - (m.end - offset) <= 20]:
                # "The Russian leader said that Zelensky ...": someone unnamed, not Zelensky
                return _unnamed(desc.group(0), nationality_side(desc.group(0)) or "unknown"), "unnamed descriptor"
        if (
            PRONOUN_SUBJECT_RE.search(head)
            and _in_time_clause(outside, verb)
            and (main := _opening_subject(outside, offset, local)) is not None
            and main.kind == "person"
        ):
            return main, "pronoun in a clause of time"  # "Lukashenko met envoy Coale, as he praised ...": Lukashenko
        if (they := PRONOUN_SUBJECT_RE.search(head)) and they[1].lower() == "they":
            people = [m for m in before if m.kind == "person"]
            if len({m.name for m in people}) >= 2:  # "X took a call from Y, during which they discussed": both, X first
                return people[0], "'they' after two people the sentence names"
        if PRONOUN_SUBJECT_RE.search(head) and (
            RELATIVE_CLAUSE_START_RE.match(outside, _clause_start(outside, vstart)) or WHAT_PRONOUN_RE.search(head)
        ):
            people = [m for m in before if m.kind == "person"]
            if len(people) == 1:  # "follows Widodo's visit to Kyiv, where he offered ...": the one person named
                return people[0], "pronoun after the one person the sentence names"
        sources = UNNAMED_SUBJECT_RE.search(head)
        if (
            sources
            and (
                SOURCES_RE.search(sources.group(0))
                # "X met Y on Monday, his ministry said" (not "Andriy Yermak, head of ..., said": an apposition)
                or (
                    INVERTED_FRAME_RE.search(head, 0, sources.start())
                    and not (before and not head[before[-1].end - offset : sources.start()].strip(" ,"))
                )
            )
            and all(m.end - offset <= sources.start() for m in before)
            and CLAUSE_BOUNDARY_RE.search(outside, before[-1].end - offset if before else 0, sources.start() + 1)
        ):
            if ministry := _own_ministry(sources.group(0), [m for m in before if m.kind == "person"], state):
                return ministry, "the ministry of the minister named"  # "Lavrov spoke to Cassis, his ministry said"
            return None, "unnamed sources"  # "Putin is ready to halt the war, four Russian sources told Reuters"
        if AND_AUX_BEFORE_RE.search(head) and (subject := _clause_subject(outside, offset, before)):
            return subject, "subject of the first verb"  # "Trump is expected to call Zelensky and has signalled ..."
        # "Lavrov echoed Rubio's remarks and told": a possessor owns something, it does not speak
        before = [m for m in before if not POSSESSIVE_AFTER_RE.match(outside, m.end - offset)]
        persons = [
            m
            for m in before
            if m.kind == "person" and vstart - (m.end - offset) <= 140 and not MODIFIER_AFTER_RE.match(outside, m.end - offset)
        ]
        if persons:
            return persons[-1], "subject"
        if desc and (hit := _last_person_fitting(desc["desc"], state)):
            return hit, f"descriptor '{desc.group(0)}' (the last speaker)"
        if (pronoun := PRONOUN_SUBJECT_RE.search(head)) and (antecedent := _antecedent(pronoun[1], state)) is not None:
            return antecedent, "pronoun"
        if IT_SUBJECT_RE.search(head) and (body := _last_institution(state)) is not None:
            return body, "pronoun 'it'"  # "It claimed that ...": the ministry or government last named
        if before and before[-1].kind == "institution" and BODY_MEMBERS_RE.fullmatch(outside[before[-1].end - offset : vstart]):
            return before[-1], "its members"  # "NATO leaders said", "Kremlin officials said": the body speaks
        if UNNAMED_SUBJECT_RE.search(head) and not before:
            return None, "unnamed subject"  # "a senior official said that Putin ...": not Putin
        if UNNAMED_SUBJECT_RE.search(head[-80:]):  # (a name right before the verb was taken above)
            return None, "unnamed subject"  # '"...," the Defense Ministry said': not a place named in what was said
        if before and vstart - (before[-1].end - offset) <= 80:
            return before[-1], "subject"
        if after_verb:
            return after_verb[0], "after verb"
    said = next((m for m in local if POSSESSIVE_SAYING_RE.match(outside, m.end - offset)), None) if verb is None else None
    if said is not None and not _clause_subject(outside, offset, [m for m in local if m.start < said.start]):
        # "Her words came after von der Leyen's announcement that ...", not "Kallas continued, rejecting Putin's claim that"
        return said, "possessor of what was said"
    owners = [m for m in local if not POSSESSIVE_AFTER_RE.match(outside, m.end - offset)]
    if verb is None:
        # No verb of saying: 'Zelensky on the talks: "..."' is his, but in 'There is an agreement for
        # Witkoff to visit: "..."' the name is what the quote is about (the speaker is the one in view)
        owners = [m for m in owners if _opens_clause(outside, m.start - offset)]
    if owners and (verb is None or owners[0].start - offset < verb.start()):
        return owners[0], "mention"  # a name after the verb is what was said, not who said it
    return None, "none"


# What may follow the verb of a frame that closes a sentence ("told reporters on Friday.")
CLOSING_TAIL_RE = re.compile(r"(?:\s+[\w'’-]+){0,6}\W*")
CLAUSE_MARK_RE = re.compile(r"[,\"“”‘’—–]\s*")


def _closing_frame(outside: str, offset: int, local: list[Mention], verb: re.Match) -> re.Match | None:
    """A frame that closes the sentence after a comma or quote (", Dmitry Peskov told reporters.")
    when an earlier verb of saying was taken: what comes before it, that verb included, is what
    the closing frame's speaker said ("Ukraine said it ... and then disappeared")."""
    last = next(reversed(speech_verbs(outside)), None)
    if last is None or last.start() <= verb.start() or not CLOSING_TAIL_RE.fullmatch(outside, last.end()):
        return None
    subject = next(
        (
            m
            for m in local
            if m.end - offset <= last.start() and ADJACENT_SUBJECT_RE.fullmatch(outside[m.end - offset : last.start()])
        ),
        None,
    )
    if subject is None or (
        subject.kind != "person" and _name_right_before(verb, outside, offset, [m for m in local if m.kind == "person"])
    ):
        # "Erdogan said he understood ..., the Kremlin said": a body relays what a person said; his words
        return None
    marks = list(CLAUSE_MARK_RE.finditer(outside, verb.end(), subject.start - offset))
    if not marks:
        return None
    title = outside[marks[-1].end() : subject.start - offset]
    for m in local:  # "Kremlin spokesman": a body named in the title is part of it
        if marks[-1].end() <= m.start - offset and m.end - offset <= subject.start - offset:
            title = title.replace(m.raw, "", 1)
    return last if _titles_only_or_empty(title) else None


ASKED_RE = re.compile(r"\s+(?:was|were|had been|has been)\s+(?:also\s+)?asked\b")


def _asked_person(outside: str, offset: int, mentions: list[Mention]) -> Mention | None:
    """The person a sentence says was asked something ("Peskov was asked whether ... Zelensky said
    ..."): the one who answers next, whoever else the question quotes."""
    return next(
        (m for m in mentions if m.kind == "person" and ASKED_RE.match(outside, m.end - offset)),
        None,
    )


def _see(state: AttributionState, person: Mention | None) -> None:
    """A person now speaking or acting: the likeliest "he" or "she" from here on."""
    if person is not None and person.kind == "person":
        state.last_person = person
        state.in_view.append(person)


def _antecedent(pronoun: str, state: AttributionState) -> Mention | None:
    """Who "he" or "she" is: the last person speaking or acting, unless the pronoun says a woman
    and another person named is one ("Griner pleaded guilty, but she stressed ...", after an
    official spoke), or says a man and the last person is a woman."""
    last = state.last_person or state.last_speaker
    words = pronoun.lower().split()
    if words == ["they"] and state.pair is not None and state.paragraph - state.pair_paragraph <= 1:
        return state.pair  # "Sheikh Mohamed took a call from Putin, during which they discussed ...": the pair, first named first
    woman = True if {"she", "her"} & set(words) else False if {"he", "him"} & set(words) else None
    if woman is None or last is None or last.kind != "person" or bool(is_woman(last.name)) == woman:
        return last
    seen = [*reversed(state.in_view), *reversed(state.people)]
    people = [m for m in seen if m.kind == "person" and bool(is_woman(m.name or "")) == woman]
    return people[0] if people else last  # the last one speaking or acting, else the last named


def _without_relative_aside(head: str) -> str:
    """The words before a verb without a relative clause or a circumstance that closes them ("the
    minister, who arrived on Monday, said", "the President of Ukraine, after the council met,
    said"): what is left ends with the subject."""
    for aside in re.finditer(r"\s*,\s+(?:who|which|whose)\b", head):
        if RELATIVE_ASIDE_RE.fullmatch(head, aside.start()):
            return head[: aside.start()]
    for aside in CIRCUMSTANCE_ASIDE_RE.finditer(head):
        if ASIDE_RE.fullmatch(head, aside.start()):
            return head[: aside.start()]
    return head


def _clause_subject(outside: str, offset: int, before: list[Mention]) -> Mention | None:
    """The first person named before a verb who opens a clause: the subject the verb shares."""
    return next((m for m in before if m.kind == "person" and _opens_clause(outside, m.start - offset)), None)


def _opens_clause(outside: str, position: int) -> bool:
    """Whether a name is the subject of its clause: only a title ("Foreign Ministry spokeswoman")
    may stand before it there, not words of what is said ("an agreement for Witkoff to visit")."""
    words = outside[_clause_start(outside, position) : position].split()
    return all(w[:1].isupper() or w.lower() in TITLE_DETERMINERS or TITLE_WORD_RE.fullmatch(w) for w in words)


def _compound_subject(outside: str, offset: int, before: list[Mention], vstart: int, vend: int) -> tuple[Mention, str] | None:
    """ "Kyiv and Moscow accuse each other", "Both Russia and Ukraine reported": two speakers, so
    no one name (and a side only when they share it); "The United States and Ukraine accused
    Russia": a joint statement, led by the first named."""
    if len(before) < 2 or not COMPOUND_AND_RE.fullmatch(outside[before[-2].end - offset : before[-1].start - offset]):
        return None
    first, second = before[-2], before[-1]
    mutual = MUTUAL_AFTER_RE.match(outside, vend) or MUTUAL_VERB_RE.fullmatch(outside[vstart:vend])
    if BOTH_BEFORE_RE.search(outside[: first.start - offset]) or mutual:
        side = first.side if first.side == second.side else "unknown"
        return _unnamed(f"{first.raw} and {second.raw}", side), "two speakers"
    return first, "first of a compound subject"


def _described_person(desc: re.Match, before: list[Mention], state: AttributionState) -> tuple[Mention, str] | None:
    """The person a description ("the Russian leader", "the President of Ukraine") stands for: one
    still in view, remembered by it or fitting it, else who held the title then, else the last
    person named whose role fits."""
    described = f"{desc['country'] or desc['of_country'] or ''} {desc['desc']}".strip()
    described = HEAD_OF_STATE_RE.sub("president", described)  # "the head of state said": the president, by his title
    if "former" in described.lower().split():
        # "the former president": someone in view who no longer held the title when the article was written
        title = bare_title(re.sub(r"\b[Ff]ormer\s+", "", described))
        seen = [*reversed(before), *reversed(state.in_view), *reversed(state.people)]
        held = next((m for m in seen if m.kind == "person" and state.held_before(m.name, title)), None)
        return (held, f"descriptor '{desc.group(0)}' (held that title before)") if held else None
    if (pair := _pair_fitting(described, state)) is not None:
        return pair, f"descriptor '{desc.group(0)}' (the first of two named together who both fit)"
    if hit := _still_in_view(described, before, state) or _remembered(described, state) or _person_fitting(described, state):
        return hit, f"descriptor '{desc.group(0)}'"
    if hit := _holder_of(described, state):
        return hit, f"descriptor '{desc.group(0)}' (who held that title then)"
    if hit := _last_person_fitting(described, state):
        return hit, f"descriptor '{desc.group(0)}' (the last speaker)"
    return None


def _adjacent_subject(
    outside: str, offset: int, before: list[Mention], vstart: int, state: AttributionState
) -> tuple[Mention | None, str]:
    """The subject when a name sits right before the verb: that name, unless it ends an apposition
    ("Medvedev, deputy head of Russia's Security Council, wrote") or is the complement of an
    unnamed subject ("an aide to the Russian president said")."""
    last = before[-1]
    named = [m for m in before[:-1] if m.kind == "person"]
    if named and last.kind != "person" and APPOSITION_END_RE.fullmatch(outside[named[-1].end - offset : vstart]):
        return named[-1], "subject"  # "Medvedev, deputy head of Russia's Security Council, wrote"
    phrase_start = max((m.end() for m in CLAUSE_BOUNDARY_RE.finditer(outside, 0, last.start - offset)), default=0)
    words_before = outside[phrase_start : last.start - offset]
    if last.kind == "person":
        complement = PERSON_COMPLEMENT_BEFORE_RE.search(words_before)
        titles_only = complement is not None and _title_words([w for w in complement.group(0).split()[1:] if w[:1].isupper()])
        complement = complement if titles_only else None  # "ambassador to NATO Julianne Smith": a title
    else:
        complement = COMPLEMENT_BEFORE_RE.search(words_before)
    if complement and last.kind == "institution" and SPEAKS_FOR_RE.search(words_before):
        return last, "subject (its spokesperson)"
    if complement:
        for earlier in reversed(before[:-1]):
            if ASIDE_RE.fullmatch(outside[earlier.end - offset : vstart]):
                return earlier, "subject before an aside"
        phrase = outside[phrase_start : last.end - offset].strip()
        side = nationality_side(phrase.split(" of ")[0]) or last.side
        body = re.sub(r"^(?:[Tt]he|[Aa]n?)\s+", "", phrase)
        head_words = re.split(r"\s+(?:of|for|to|in|on|at|with)\s+", body)[0].split()
        if body[:1].isupper() and any(w in INSTITUTION_WORDS for w in head_words):  # "The Council of the EU": named as written
            return Mention(0, 0, phrase, body, side, "institution"), "institution named with a complement"
        if (desc := DESCRIPTOR_RE.fullmatch(phrase)) and desc["of_country"] and (found := _described_person(desc, before, state)):
            return found  # "The President of Russia said": a title, whoever holds it
        if titled := _titled_as(phrase, state):
            return titled, "the title of a person named before"  # "the head of Ukraine's Office of the President"
        return _unnamed(phrase, side), "unnamed subject with a complement"
    return last, "subject"  # ", the Kremlin said": the name right before the verb


# "the UK defence secretary", "Foreign Affairs Advisor": a portfolio that qualifies the title after it
PORTFOLIO_WORDS = frozenset(
    "defence defense foreign affairs interior home finance economy economic energy trade justice health security "
    "national intelligence veterans culture education digital infrastructure agriculture environment".split()
)


def _title_words(words: list[str]) -> bool:
    """Whether words can all stand in a title before a name ("Ukrainian chief negotiator", "UN
    Secretary-General"). A body's initials only qualify a title word after them: in "ambassador to
    NATO Julianne Smith", NATO is where she is ambassador, and she is the subject."""
    tokens = _title_tokens(" ".join(words))
    return all(
        all(TITLE_WORD_RE.fullmatch(part) for part in word.split("-"))
        or NATIONALITY_ADJECTIVE_RE.fullmatch(word)
        or (ACRONYM_RE.fullmatch(word) and i < len(tokens) - 1)
        or (word.lower() in PORTFOLIO_WORDS and i < len(tokens) - 1)
        for i, word in enumerate(tokens)
    )


def _title_tokens(text: str) -> list[str]:
    """Words, with a title of several words ("Foreign Minister", "Secretary of State") kept as one."""
    tokens, position = [], 0
    while position < len(text):
        title = TITLE_WORD_RE.match(text, position)
        end = title.end() if title and text[title.end() : title.end() + 1] in ("", " ") else text.find(" ", position)
        end = len(text) if end < 0 else end
        tokens.append(text[position:end])
        position = end + 1
    return tokens


def _named_source(outside: str, offset: int, local: list[Mention], according: re.Match) -> Mention | None:
    """The person "according to" names, past a title and a possessor ("according to Putin's aide
    Yuri Ushakov" is Ushakov; Putin is whose aide he is), or the body whose document it cites
    ("according to a statement from the Kremlin")."""
    return next(
        (
            m
            for m in local
            if m.kind in ("person", "institution")
            and m.start - offset >= according.end()
            and (
                (m.kind == "person" and _titles_only_or_empty(outside[according.end() : m.start - offset]))
                or ISSUED_BY_GAP_RE.fullmatch(outside, according.end(), m.start - offset)
            )
            and not re.match(r"['’]s\b", outside[m.end - offset :])
        ),
        None,
    )


def _titles_only_or_empty(words: str) -> bool:
    """Whether words before a name are at most a title and a possessor ("Putin's aide", "the Kremlin's")."""
    words = re.sub(r"\b[A-Z][\w-]*['’]s\b", "", words)
    return not words.strip() or _titles_only(words)


def _titles_only(words: str) -> bool:
    """Whether a few words are only a title ("Ukrainian chief negotiator", "its top negotiator"), so a
    name after them is the subject."""
    split = words.split()
    titled = [w for w in split if w.lower() not in TITLE_DETERMINERS]
    return 0 < len(split) <= MAX_TITLE_WORDS and bool(titled) and _title_words(titled)


def _unnamed(phrase: str, side: str) -> Mention:
    """A speaker the text describes but does not name ("a senior aide to the Russian president")."""
    return Mention(0, 0, phrase.strip(" ,"), None, side, "unnamed")


def _last_institution(state: AttributionState) -> Mention | None:
    """What "it" most likely is: the last speaker when an institution, else the last institution named."""
    if state.last_speaker is not None and state.last_speaker.kind == "institution":
        return state.last_speaker
    return state.institutions[-1] if state.institutions else None


def _refers_back(phrase: str, last: Mention) -> bool:
    """Whether a description can be the last speaker: a definite one ("the deputy head of the
    council") or one naming the last speaker ("a spokesman for the General Staff"). A body ("the
    government's press office") is never a person who just spoke."""
    if last.kind == "person" and BODY_NOUN_END_RE.search(phrase):
        return False
    if re.match(r"\W*the\b", phrase, re.IGNORECASE):
        return True
    names = re.findall(r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*", phrase)
    return any(name in (last.name or "") or name in last.raw for name in names)


def _pair_fitting(descriptor: str, state: AttributionState) -> Mention | None:
    """A bare title, capitalised as readouts write it, that both of the two people just named
    together hold ("President Zelensky spoke with President Macron. The President thanked ..."):
    the first named, whose readout it is."""
    noun = descriptor.split()[-1]
    if state.pair is None or state.paragraph - state.pair_paragraph > 1 or nationality_side(descriptor) or not noun[0].isupper():
        return None
    word = re.compile(rf"\b{re.escape(noun.lower())}\b")
    pair = [state.pair] + [m for m in reversed(state.people) if m.name in state.pair_names and m.name != state.pair.name][:1]
    titled = [(m.role.lower(),) if m.role else state.role_titles.get(m.name or "", ()) for m in pair]
    if len(pair) == 2 and all(any(word.search(title) for title in titles) for titles in titled):
        return state.pair
    return None


def _person_fitting(descriptor: str, state: AttributionState) -> Mention | None:
    """ "The Russian leader", "Ukraine's president", "the president": the last person the article
    named whose role fits (written before the name, or held in the reference), of the nationality
    the descriptor gives; with a nationality, a person whose role is unknown fits too."""
    last = state.last_speaker
    candidates = ([last] if last is not None and last.kind == "person" else []) + list(reversed(state.people))
    # the last speaker first: '"...," the president said' goes on with him
    return next((person for person in candidates if _fits(person, descriptor, state)), None)


def _fits(person: Mention, descriptor: str, state: AttributionState) -> bool:
    """Whether a person can be "the president", "the Russian leader": a role that holds the noun,
    of the nationality the descriptor gives (with a nationality, an unknown role fits too)."""
    side = nationality_side(descriptor)
    if side is not None and person.side != side:
        return False
    noun = descriptor.split()[-1].lower()
    noun = "prime minister" if noun == "pm" else noun  # "the PM added"
    # "the Foreign Secretary" is not the Secretary of State, nor "the foreign minister" a prime minister
    words = descriptor.lower().split()
    if noun in ("secretary", "minister") and len(words) > 1 and not nationality_side(descriptor.split()[-2]):
        noun = " ".join(words[-2:])
    titles = (person.role.lower(),) if person.role else state.role_titles.get(person.name, ())
    if not _of_people(titles, descriptor):
        return False  # "the Finnish president" is not Macron
    return any(fit in title for title in titles for fit in (LEADER_TITLES if noun == "leader" else (noun,))) or (
        side is not None and not titles
    )


def _of_people(titles: tuple[str, ...], descriptor: str) -> bool:
    """Whether titles (lower case) are of the people a descriptor names, when it names one and
    the titles name any."""
    people = people_of(descriptor)
    if people is None or not any(people_of(title.title()) for title in titles):
        return True
    words = people_words(people)
    return any(word in title for title in titles for word in words)


def _still_in_view(descriptor: str, before: list[Mention], state: AttributionState) -> Mention | None:
    """A bare title ("the president told reporters") is whoever the text is about right now: a person
    named earlier in the sentence ("While Trump had pushed ..., the president said"), else the last
    speaker, when the title fits them; only then someone introduced with that title further back."""
    if len(descriptor.split()) != 1:
        return None
    last = state.last_speaker
    candidates = [m for m in reversed(before) if m.kind == "person"] + (
        [last] if last is not None and last.kind == "person" else []
    )
    return next((person for person in candidates if _fits(person, descriptor, state)), None)


def _holder_of(descriptor: str, state: AttributionState) -> Mention | None:
    """ "Ukraine's president", "the Russian foreign minister" before anyone is named: the one person
    the reference has in that post on that side at the article's date (a leader: its president,
    prime minister or chancellor, the first title that names one person)."""
    side = nationality_side(descriptor)
    if side is None:
        return _home_holder(bare_title(descriptor), state)
    title = bare_title(descriptor)
    people = people_of(descriptor)
    # "the Serbian leader" is Serbia's, never another European's; "the Russian leader" is his side's
    whole_side = people is None or side_from_title(people) in ("russia", "ukraine", "usa")
    for fit in LEADER_TITLES if title == "leader" else (title,):
        if hit := (whole_side and state.title_holder(fit, side)) or (people and state.title_holder(fit, people_key(people))):
            return hit  # "the French president": of the presidents in Europe, France's
    return None


# Heads of government a readout leaves unnamed ("The Prime Minister spoke to ..."); presidents are
# named in theirs. The warring parties' own are never the unnamed host: "Russian strikes" names a
# country, not the publisher's.
HOME_TITLES = frozenset(("prime minister", "chancellor"))
NEVER_HOME_SIDES = frozenset(("russia", "ukraine"))
OPENING_TITLE_RE = re.compile(r"\W*(?:The|the)\s+(?P<title>Prime Minister|Chancellor)\b(?!\s+(?:of\b|[A-Z]))")
# A country named as someone's own: its people's word ("British", "Italian"), its name as an owner
# ("the UK's support", "Britain's"), or the UK's initials; not a country merely listed ("leaders of Italy")
OWN_COUNTRY_RE = re.compile(r"\b(?:(?P<owner>United Kingdom|Saudi Arabia|[A-Z][a-z]+|UK)['’]s|(?P<word>[A-Z][a-z]+|UK))\b")


def peoples_named(text: str) -> tuple[str, ...]:
    """The peoples whose country the text names as someone's own, in order ("the UK's", "Ukrainian")."""
    found = []
    for m in OWN_COUNTRY_RE.finditer(text):
        word = m["owner"] or m["word"]
        if (m["owner"] or word == "UK" or word in PEOPLES) and (people := demonym(word)):
            found.append(people)
    return tuple(dict.fromkeys(found))


def _home_holder(title: str, state: AttributionState) -> Mention | None:
    """ "The Prime Minister spoke to President Zelenskyy": a head of government no one in the article
    is named as is the publishing government's own (a readout never names its own prime minister).
    Of the countries the article names, the one whose holder of the title then is the only one
    left once the countries of the people it names (Zelensky's Ukraine) are set aside."""
    if title not in HOME_TITLES:
        return None
    named = {people_of(t.title()) for m in state.people for t in state.role_titles.get(m.name, ())}
    holders = {
        hit.name: hit
        for people in state.peoples
        if people not in named and (hit := state.title_holder(title, people_key(people))) and hit.side not in NEVER_HOME_SIDES
    }
    return next(iter(holders.values())) if len(holders) == 1 else None


def _with_opening_holder(sentence: Sentence, mentions: list[Mention], state: AttributionState) -> list[Mention]:
    """ "The Prime Minister spoke to President Zelenskyy", in a readout that never names its own
    prime minister: the post that opens the sentence is a mention of whoever held it then, so he
    is one of the two leaders and the "he" of the next sentence."""
    opening = OPENING_TITLE_RE.match(sentence.text)
    if opening is None or any(m.start - sentence.start < opening.end() for m in mentions):
        return mentions
    holder = _home_holder(bare_title(opening["title"]), state)
    if holder is None:
        return mentions
    start, end = sentence.start + opening.start("title"), sentence.start + opening.end("title")
    return [Mention(start, end, opening["title"], holder.name, holder.side, "person"), *mentions]


def _remembered(descriptor: str, state: AttributionState) -> Mention | None:
    """The person an earlier sentence introduced with this descriptor ("Kremlin spokesman"), of the
    nationality the descriptor names, if it names one ("Ukraine's foreign minister" is not Lavrov)."""
    side = nationality_side(descriptor)
    for key in (descriptor.lower(), " ".join(descriptor.split()[1:]).lower(), descriptor.split()[-1].lower()):
        hit = state.descriptors.get(key)
        if hit is not None and (side is None or hit.side == side) and _of_people(state.role_titles.get(hit.name, ()), descriptor):
            return hit
    return None


def _last_person_fitting(descriptor: str, state: AttributionState) -> Mention | None:
    """The last person who spoke, for "the diplomat said" with no earlier "diplomat", unless the
    descriptor names another nationality ("the Ukrainian minister" after a Russian spoke)."""
    last = state.last_speaker
    if last is None or last.kind != "person":
        return None
    side = side_from_title(descriptor)
    return last if side == "other" or side == last.side else None


SECTION_LABEL_RE = re.compile(r"^\W{0,3}(?:Background|Context|Earlier|Previously|Reminder|Read more|Recall)\b\s*:")
QUESTION_LABEL_RE = re.compile(r"^\W{0,3}(?:Question|QUESTION|Q)\s*:", re.MULTILINE)
# A speaker's turn in a transcript: "Yuri Ushakov: There was a meeting ..." (not 'Quote from X: "..."')
SENTENCE_END_CHARS = (".", "!", "?", "…", '"', "”", "»")
TURN_RE = re.compile(r"^(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]+){0,2})\s*:\s+(?![\"“«])\S")
# "Jens Stoltenberg:" on a line of its own: the paragraphs below are his turn
TURN_LINE_RE = re.compile(r"\W{0,3}(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]+){0,2})\s*:")


def _interview_answer(
    sentence: Sentence, mentions: list[Mention], state: AttributionState, names_a_speaker: bool = False
) -> tuple[Mention, str] | None:
    """Interview transcripts: "Peskov: Nothing is scheduled." is Peskov's answer, and the rest of
    that paragraph is too; in a transcript, so are the next paragraphs, unless a sentence names
    who spoke. Only a person named before the colon counts ("MOSCOW:" is a dateline). Articles
    laid out in sections ("Source: X's statement", then "Details: ...", "Quote: ...") report X."""
    if SECTION_LABEL_RE.match(sentence.text):
        state.sourced = None  # "Background:": what follows is the newsroom's
    label = ANSWER_LABEL_RE.match(sentence.text)
    if label is None and TURN_LINE_RE.fullmatch(sentence.text.strip()) and state.transcript:
        # "Jens Stoltenberg:" alone: no statement itself, but whose the next paragraphs are
        person = next((m for m in mentions if m.kind == "person"), None)
        if person is not None:
            state.last_speaker, state.last_paragraph, state.answer_paragraph = person, sentence.paragraph, sentence.paragraph
        return None
    if label is not None and label["name"] == "Source":
        # "Source: Rustem Umerov's statement after the talks": the person the sections below report
        state.sourced = next((m for m in mentions if m.kind == "person"), None)
        state.answer_paragraph = -1
        return None
    if label is not None and label["name"] in ("Details", "Quote") and state.sourced is not None and not names_a_speaker:
        state.answer_paragraph = sentence.paragraph
        if state.last_speaker is not None and sentence.paragraph - state.last_paragraph <= 1:
            return state.last_speaker, "the section goes on with the last speaker"  # after "Quote from Medinsky: ..."
        return state.sourced, "the source the article names"
    if label is not None:
        person = next((m for m in mentions if m.kind == "person" and m.start - sentence.start < label.end("name")), None)
        person = person or state.surnames.get(label["name"].split()[-1].title())
        if person is None or person.kind != "person":
            state.answer_paragraph = -1
            return None
        state.answer_paragraph = sentence.paragraph
        return person, "interview answer"
    if state.answer_paragraph >= 0 and state.last_speaker is not None:
        if sentence.paragraph == state.answer_paragraph or (state.transcript and not names_a_speaker):
            return state.last_speaker, "continues answer"
    return None


def is_transcript(text: str, is_person: Callable[[str], bool]) -> bool:
    """A transcript rather than a report: it puts questions ("Question: ..."), gives people turns,
    or opens its body with a person's turn ("Yuri Ushakov: There was a meeting ..."). A headline
    "Umerov: Russia hands over its document" alone does not make one."""
    if QUESTION_LABEL_RE.search(text):
        return True
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    turns = [
        i
        for i, p in enumerate(paragraphs)
        if (p.endswith(SENTENCE_END_CHARS) and (m := TURN_RE.match(p)) and is_person(m["name"]))  # a headline has no full stop
        or ((m := TURN_LINE_RE.fullmatch(p)) and is_person(m["name"]))
    ]
    return len(turns) >= 2 or (bool(turns) and turns[0] <= 1)


def _unnamed_speaker(outside: str, state: AttributionState, verb: re.Match | None) -> Mention | None:
    """ "A Turkish diplomat said", "the ministry warned", "according to two officials": a statement
    whose speaker is not named. It is kept, with no name and the side its nationality word gives."""
    subject = None
    verb = verb or QUOTED_AS_RE.search(outside)  # "the agency was quoted as saying": its subject
    if verb is not None:
        head = outside[max(0, verb.start() - 80) : verb.start()]
        subject = UNNAMED_SUBJECT_RE.search(head)
        subject = subject if subject and subject.end() >= len(head.rstrip()) else None
    if verb is not None and (body := BODY_BY_APPOSITION_RE.search(outside[: verb.start()])):
        side = nationality_side(body.group(0)) or "unknown"
        return _remember_body(body["name"], body["name"], side, state)  # "Ukrenergo, the state grid operator, said"
    if subject is None and (according := ACCORDING_RE.search(outside)):
        subject = UNNAMED_AFTER_ACCORDING_RE.match(outside, according.end() + 1)
        if subject is None and (body := NAMED_BODY_AFTER_RE.match(outside, according.end())):
            return _body_named_as_written(body["name"], state)  # "according to the World Food Programme"
    before_verb = APPOSITION_TAIL_RE.sub(" ", outside[: verb.start()]) if verb is not None else ""
    before_verb = PARENTHESISED_ACRONYM_RE.sub("", before_verb)  # "The Federation of ... (AFUO) said": no acronym
    if subject is None and verb is not None and (body := NAMED_BODY_BEFORE_RE.search(before_verb)):
        return _body_named_as_written(body["name"], state)  # "The Coordination Headquarters for ... has said"
    if subject is None and verb is not None and (lone := LONE_NAME_BEFORE_RE.search(before_verb)) and _unknown_body_name(lone[1]):
        names = (m for m in reversed(state.people) if lone[1] in m.raw.split() or lone[1] in (m.name or "").split())
        if named := next(names, None):
            return named  # "Nasser reiterated" after "Sheikh Ahmed Nasser al-Sabah": one of his names
        return _remember_body(lone[1], lone[1], "unknown", state)  # "On its website, Rosatom said": a body named as written
    if subject is None:
        return None
    if verb is not None and (source := SOURCE_IN_RE.search(head, 0, subject.end())):
        # "A source from Russia's Foreign Ministry told", "Sources close to the delegation said": unnamed
        phrase = head[source.start() : subject.end()].strip(" ,")
        side = nationality_side(phrase) or "unknown"
        if body := NAMED_BODY_RE.search(phrase):  # the body is named all the same: "the ministry" later is it
            _remember_body(body.group(0), body.group(0), side, state)
        return Mention(0, 0, phrase, None, side, "unnamed")
    if body := _definite_body(subject.group(0), state):
        return body
    phrase = TRAILING_ADVERBS_RE.sub("", subject.group(0).strip(" ,")).strip(" ,")
    if STATEMENT_NOUN_END_RE.search(phrase):  # "A Kremlin statement said": the body that issued it
        issuer = [m for m in state.institutions if m.raw in phrase]
        if issuer:
            return issuer[-1]
    # "A Putin adviser", "an aide to Zelensky": the side of the person the description names
    named = [m.side for m in state.people if m.raw in phrase and m.side != "unknown"]
    side = nationality_side(phrase) or (named[-1] if named else "unknown")
    if JOINT_LEADERS_RE.fullmatch(phrase) and state.pair is not None:
        return state.pair  # "The leaders agreed ..." after "Sunak spoke to Zelensky": the first of the two, whose readout it is
    if DELEGATION_RE.fullmatch(phrase):
        # "the Russian side said", "the American delegation said": the government speaks; "the
        # delegation said" after a delegate spoke is his side's
        last = state.last_speaker
        team_side = side if side != "unknown" else (last.side if last is not None else "unknown")
        if (government := state.government_of(team_side)) is not None:
            return government
    if titled := _titled_as(phrase, state):
        return titled  # "the head of Ukraine's presidential office added": Yermak, named before
    if (ministry := COUNTRY_MINISTRY_RE.fullmatch(phrase)) and (people := demonym(ministry["country"])):
        # "the Turkish defence ministry", "Ukraine's infrastructure ministry": named as bodies are named
        return _remember_ministry(phrase, people, ministry["field"].title(), side, state)
    if body := NAMED_BODY_RE.search(phrase):  # "The UAE Foreign Ministry": a body the reference lacks, named all the same
        return _remember_body(phrase, body.group(0), side, state)
    return Mention(0, 0, phrase, None, side, "unnamed")


TITLE_FILLER = frozenset({"the", "a", "an", "of", "s", "for", "and"})
MIN_TITLE_WORDS = 3  # "the head of the office" says too little; "head of Ukraine's presidential office" enough


def _title_words_set(title: str) -> frozenset[str]:
    """The content words of a title, in any order ("head of the President's Office" = "head of the Office of the President")."""
    return frozenset(w for w in re.findall(r"[a-z]+", title.lower()) if w not in TITLE_FILLER)


def _titled_as(phrase: str, state: AttributionState) -> Mention | None:
    """A person named earlier whose title the unnamed subject spells out in full, in any word order."""
    words = _title_words_set(phrase)
    if len(words) < MIN_TITLE_WORDS:
        return None
    for person in reversed(state.people):
        titles = ([person.role] if person.role else []) + list(state.role_titles.get(person.name, ()))
        if any(_title_words_set(title) == words for title in titles):
            return person
    return None


# Capitalised words that open a sentence before "said" without naming anyone ("Police said", "Others said")
COMMON_CAPITALISED = frozenset(
    "officials analysts sources experts residents witnesses diplomats critics authorities others police prosecutors "
    "observers lawmakers investigators rescuers medics doctors troops soldiers forces reports media journalists "
    "reporters participants organisers organizers protesters activists economists historians commentators scientists "
    "relatives families survivors volunteers locals people everyone someone nobody many some most few several both "
    "who which what it he she they we you i one all none each either neither here there then later yesterday today "
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august "
    "september october november december".split()
)
# One capitalised word right before the verb, opening the sentence or its clause ("Rosatom said")
LONE_NAME_BEFORE_RE = re.compile(r"(?:^|[,;:]\s+)([A-Z][a-z]{3,}[A-Za-z]*)" + TRAILING_ADVERBS + r"\s*$")


def _unknown_body_name(word: str) -> bool:
    """A word that can only be a body's own name (a company, an agency: "Rosatom", "Naftogaz"): no
    person was named by it (those are mentions by now), and it is no common word, title or people."""
    return not (
        word in NOT_NAME_WORDS or TITLE_WORD_RE.fullmatch(word) or nationality_side(word) or word.lower() in COMMON_CAPITALISED
    )


def _body_named_as_written(name: str, state: AttributionState) -> Mention | None:
    """A body the reference lacks, named in full ("the Coordination Headquarters for the Treatment of
    Prisoners of War"): it speaks under that name, with the side its nationality word gives."""
    if not any(word in INSTITUTION_WORDS for word in re.findall(r"[A-Z][\w'’.-]*", name)):
        return None
    side = nationality_side(name) or ("other" if INTERNATIONAL_BODY_RE.search(name) else "unknown")
    return _remember_body(name, name, side, state)


def _remember_body(raw: str, name: str, side: str, state: AttributionState) -> Mention:
    """A body the reference lacks, as a speaker the article goes on to call "the ministry"."""
    institution = Mention(0, 0, raw, adjectival(name), side, "institution")
    state.institutions.append(institution)
    return institution


def _remember_ministry(raw: str, people: str, field: str, side: str, state: AttributionState) -> Mention:
    """A country's ministry, named as our labels name such bodies ("Turkish Defence Ministry")."""
    return _remember_body(raw, f"{people} {field} Ministry", side, state)


def _acting_person(outside: str, offset: int, mentions: list[Mention]) -> Mention | None:
    """The person a sentence that reports no speech is about: the first one named outside quotes
    near its start ("Zakharova on Thursday ridiculed ...")."""
    for mention in mentions:
        if (
            mention.kind == "person"
            and mention.start - offset <= 120
            and outside[mention.start - offset : mention.end - offset].strip()
        ):
            return mention
    return None


def is_statement_sentence(
    outside: str, quotes: list[str], sentence: Sentence, state: AttributionState, verb: re.Match | None
) -> bool:
    """A reporting verb outside quotes, or a quotation continuing the last speaker's remarks."""
    if len(sentence.text) > settings.MAX_STATEMENT_CHARS:
        return False
    according = ACCORDING_RE.search(outside)
    if (
        verb
        or (according and not media_source(outside[according.end() :]))
        or QUOTED_AS_RE.search(outside)
        or CITED_AS_RE.search(outside)
    ):
        return True
    return bool(quotes) and state.last_speaker is not None and sentence.paragraph - state.last_paragraph <= 1


# First person outside quotes: the speaker's own words whose marks the copy lost, or a transcript's
FIRST_PERSON_RE = re.compile(r"\b(?:[Ww]e|[Oo]urs?|us|[Mm]y|me)\b|(?:^|[^\w\s]\s*|\b[a-z]+\s+)I\s+(?:[a-z]|['’])")
# ... unless it is the newsroom's: "as we reported", "let us recall", "our correspondent"
NEWSROOM_FIRST_PERSON_RE = re.compile(
    r"\b(?:[Ww]e|[Ll]et us|[Ll]et's) (?:(?:have |had |will |would |previously |earlier |already )*"
    r"(?:reported|report|remind|recall|wrote|write|contacted|reached out|asked|requested|noted|told you|informed))\b"
    r"|\b[Oo]ur (?:correspondent|reporter|journalist|sources?|newsroom|readers?|editorial|agency|publication|"
    r"newspaper|website|channel|interlocutor|team)\b|\bas we\b|\b(?:told|tells) us\b|\bwith us\b"
)


def continues_in_first_person(outside: str, sentence: Sentence, state: AttributionState) -> bool:
    """A sentence with no verb of saying, in the first person, right after someone spoke ("We have
    agreed on the largest exchange." after Medinsky's quote): his words, whose quotation marks
    the copy lost. Not the newsroom's own first person ("as we reported")."""
    return (
        state.last_speaker is not None
        and sentence.paragraph - state.last_paragraph <= 1
        and FIRST_PERSON_RE.search(outside) is not None
        and NEWSROOM_FIRST_PERSON_RE.search(outside) is None
    )


def _sentence_quotes(
    text: str, sentence: Sentence, mentions: list[Mention], open_quote_at: int
) -> tuple[tuple[str, list[str], bool], int]:
    """``quote_parts`` of a sentence read in its article, and where a quotation still open after it
    began (-1 for none): a sentence with no marks on the line of an open quotation is quoted, and
    a closing mark with no quotation open is a stray one when the sentence frames its own words."""
    outside, quotes, closes = quote_parts(sentence.text)
    if closes and open_quote_at < 0:
        # 'Nechaev, ..., said the proposal was unworkable.”': no quotation was left open
        unquoted = quote_parts(sentence.text, pending=False)
        own = reporting_verb(unquoted[0])
        if own is not None and _says(own) and any(m.end - sentence.start <= own.start() for m in mentions):
            outside, quotes, closes = unquoted
    marked = ANY_MARK_RE.search(sentence.text) is not None
    if open_quote_at >= 0 and not marked and "\n" not in text[open_quote_at : sentence.start]:
        outside, quotes = " " * len(sentence.text), [sentence.text.strip()]  # inside the quote the line opened
    if marked and leaves_quote_open(sentence.text):  # (a sentence with no mark leaves nothing open)
        open_quote_at = sentence.start
    elif marked:
        open_quote_at = -1
    return (outside, quotes, closes), open_quote_at


def _holders_then(article: Article, find: Callable) -> Callable[[str, str], Mention | None]:
    """Who held a post on a side while the article could have been written (its date claim), as
    ``find`` looks it up (``SpeakerIndex.title_holder`` or ``post_holder``)."""
    earliest, latest = article.published.earliest, article.published.latest

    def holder(title: str, side: str) -> Mention | None:
        actor = find(title, side, earliest, latest)
        return None if actor is None else Mention(0, 0, actor.name, actor.name, actor.side, actor.kind)

    return holder


def _definite_body(phrase: str, state: AttributionState) -> Mention | None:
    """ "The (defence) ministry", "the alliance", "the bloc": the last body named that the words fit.
    A government body may be called by another word for one ("the defence agency" is the Defence
    Ministry named before); "the agency" alone is the body that just spoke, whatever it is called."""
    named = DEFINITE_BODY_RE.search(phrase)
    if named is None:
        return None
    words = named["words"].lower().split()
    forms = BODY_NOUN_FORMS.get(named["body"].lower(), (named["body"].lower(),))
    same = [
        m
        for m in state.institutions
        if all(w in m.name.lower() or w in m.raw.lower() for w in words)
        and any(re.search(rf"\b{form}\b", f"{m.name} {m.raw}".lower()) for form in forms)
    ]
    if same:
        return same[-1]
    last = state.last_speaker
    if named["body"].lower() == "agency" and not words and last is not None and last.kind == "institution":
        return last
    return None


def _owner_post_holder(unnamed: Mention, state: AttributionState) -> Mention | None:
    """ "Putin's spokesman", "the Ukrainian president's chief of staff": the one person on that side
    whose title was that post when the article was written, or None when several were."""
    post = POSSESSOR_POST_RE.search(unnamed.raw)
    return state.post_holder(post["post"], unnamed.side) if post and state.post_holder else None


def _named_next(statements: list[Statement], role_titles: Mapping[str, tuple[str, ...]]) -> list[Statement]:
    """ "An aide to Putin said on Friday that no plan had been agreed. ... Yuri Ushakov
    said ...": a description in the lead that the next sentences name. An unnamed speaker takes the
    person of the same side who speaks within the next few hundred characters and whose role
    holds the description's noun (Ushakov is a Kremlin aide)."""
    out = list(statements)
    for i, st in enumerate(out):
        noun = DESCRIBED_NOUN_RE.search(st.speaker_raw or "") if st.speaker is None else None
        if noun is None:
            continue
        word = noun.group(0).lower().rstrip("s")
        for later in out[i + 1 :]:
            if later.char_start - st.char_end > MAX_NAMED_NEXT_CHARS:
                break
            titles = role_titles.get(later.speaker or "", ()) + ((later.speaker_role or "").lower(),)
            if later.speaker and st.side in (later.side, "unknown") and any(word in t for t in titles):
                out[i] = replace(
                    st,
                    speaker=later.speaker,
                    side=later.side,
                    speaker_role=st.speaker_raw,
                    stance_cues="speaker by the name given next",
                )
                break
    return out


def _one_side_each(statements: list[Statement], people: list[Mention]) -> list[Statement]:
    """A person the reference does not know has the side any mention gives him: "Andriy Kovalenko,
    head of the centre" is of no side, but "Ukrainian official Andriy Kovalenko" further on is
    Ukraine's, and so is everything he said in the article."""
    sides: dict[str, set[str]] = {}
    for person in people:
        if person.side not in ("other", "unknown"):
            sides.setdefault(person.name, set()).add(person.side)
    return [
        replace(st, side=next(iter(sides[st.speaker])))
        if st.side in ("other", "unknown") and len(sides.get(st.speaker or "", ())) == 1
        else st
        for st in statements
    ]


def split_frames(sentence: Sentence) -> list[Sentence]:
    """A sentence that reports two speakers ("He said Russia would keep talking, and Mykhailo
    Podolyak, a member of the delegation, said the talks had proved ...") as two statements, each
    with its own frame. Only outside quotes, and only when the first part reports speech too."""
    outside, _ = blank_quotes(sentence.text)
    for m in SECOND_FRAME_RE.finditer(outside):
        if not any(_says(v) for v in REPORT_VERB_RE.finditer(outside, 0, m.start())):
            continue
        cut = m.end()
        first = sentence.text[: m.start()].rstrip(" ,;")
        if len(first.split()) < MIN_FRAME_WORDS or len(sentence.text[cut:].split()) < MIN_FRAME_WORDS:
            continue
        head = Sentence(first, sentence.start, sentence.start + len(first), sentence.paragraph)
        tail = Sentence(sentence.text[cut:], sentence.start + cut, sentence.end, sentence.paragraph)
        return [head, *split_frames(tail)]
    return [sentence]


def paragraph_run(run: list[Sentence], sentence: Sentence) -> list[Sentence]:
    """The sentences that reported nobody since the last statement, kept within one paragraph."""
    return [s for s in run if s.paragraph == sentence.paragraph] + [sentence]


def extract_statements(article: Article, index: SpeakerIndex) -> list[Statement]:
    """All statements of one article, in reading order, with speakers resolved."""
    state = AttributionState(
        role_titles=index.role_titles_between(article.published.earliest, article.published.latest),
        title_holder=_holders_then(article, index.title_holder),
        post_holder=_holders_then(article, index.post_holder),
        government_of=index.government_of_side,
        held_before=lambda name, title: index.held_before(name, title, article.published.latest or article.published.earliest),
        transcript=is_transcript(article.text, lambda name: any(m.kind == "person" for m in index.find_mentions(name, 0))),
        peoples=peoples_named(article.text),
    )
    out: list[Statement] = []
    unspoken: Sentence | None = None  # the last sentence that reported nobody ("This was stated by X" may follow)
    unspoken_run: list[Sentence] = []  # those since the last statement, in the same paragraph
    open_quote_at = -1  # where a quotation still open on its line began ('«Estonia firmly believes ...')
    for sentence in (frame for whole in split_sentences(article.text) for frame in split_frames(whole)):
        mentions = add_surname_mentions(sentence.text, sentence.start, index.find_mentions(sentence.text, sentence.start), state)
        if dateline := DATELINE_RE.match(sentence.text):  # "WASHINGTON, April 30 (Reuters) -" names where, not who
            mentions = [m for m in mentions if m.start >= sentence.start + dateline.end()]
        mentions = _with_opening_holder(sentence, mentions, state)
        state.institutions += [m for m in mentions if m.kind == "institution"]
        state.people += [m for m in mentions if m.kind == "person"]
        state.paragraph = sentence.paragraph
        together = [  # "Sunak spoke to Zelensky": Sunak first (not "against Putin's invasion": no one met him)
            m for m in mentions if m.kind == "person" and not POSSESSIVE_AFTER_RE.match(sentence.text, m.end - sentence.start)
        ]
        if len(names := {m.name for m in together}) >= 2:
            if names != state.pair_names:  # "Sheikh Mohamed took a call from Putin ... Putin thanked Sheikh Mohamed"
                state.pair, state.pair_names = together[0], frozenset(names)
            state.pair_paragraph = sentence.paragraph
        _remember_descriptors(sentence.text, mentions, sentence.start, state)
        (outside, quotes, closes_earlier_quote), open_quote_at = _sentence_quotes(article.text, sentence, mentions, open_quote_at)
        verb = reporting_verb(outside)
        someone_else = (
            verb is not None
            and any(  # a name outside quotes before the verb: "Peskov said ..."
                m.end - sentence.start <= verb.start() and outside[m.start - sentence.start : m.end - sentence.start].strip()
                for m in mentions
            )
        )
        answering = _interview_answer(sentence, mentions, state, someone_else)
        stated_by = _stated_by(outside, sentence.start, mentions)
        if (dashed := _dash_frame(outside, sentence.start, mentions)) is not None:
            # "We will stay in touch! - Zelenskyy summarized.": the words before the dash are his; on a
            # line of its own, the frame closes the paragraph before it
            framed = [s for s in unspoken_run if s.paragraph == sentence.paragraph] or [
                s for s in unspoken_run if s.paragraph == sentence.paragraph - 1
            ]
            out += [_statement(article, s, [s.text], dashed, "a dash and a frame after the words") for s in framed]
            unspoken, unspoken_run = None, []
            state.last_speaker, state.last_paragraph = dashed, sentence.paragraph
            _see(state, dashed)
            continue
        if stated_by is not None:
            speaker, how = stated_by, "stated by"
            if unspoken is not None and sentence.paragraph - unspoken.paragraph <= 1:
                # "The summit was no peace summit. This was stated by Peskov.": the sentence before is his
                out.append(
                    _statement(article, unspoken, blank_quotes(unspoken.text)[1], speaker, "stated by, in the next sentence")
                )
            elif out and out[-1].char_end <= sentence.start and not article.text[out[-1].char_end : sentence.start].strip():
                # ... also when it read as someone else's: "What Russia presented is an ultimatum. This is what Zelensky said."
                before = Sentence(out[-1].text, out[-1].char_start, out[-1].char_end, sentence.paragraph)
                out[-1] = _statement(article, before, blank_quotes(before.text)[1], speaker, "stated by, in the next sentence")
        elif answering is not None:
            speaker, how = answering
        elif (
            not someone_else
            and not (verb and _says(verb))
            and (agent := _passive_agent(outside, sentence.start, mentions, state))
        ):
            speaker, how = agent, "agent of a passive verb"
        elif continues_in_first_person(outside, sentence, state) and not (
            verb
            and _says(verb)
            and (INVERTED_FRAME_RE.search(outside[: verb.start()]) or _name_right_before(verb, outside, sentence.start, mentions))
        ):  # (but '..., — said Umerov' and '... our efforts, spokesperson Ned Price said' name their speaker)
            speaker, how = state.last_speaker, "continues in the first person"
        elif not is_statement_sentence(outside, quotes, sentence, state, verb):
            if (inner := _speaker_inside_unframed_quote(sentence, quotes, mentions, state)) is None:
                _see(state, _acting_person(outside, sentence.start, mentions))
                unspoken, unspoken_run = sentence, paragraph_run(unspoken_run, sentence)
                continue
            speaker, how = inner
        else:
            speaker, how = choose_speaker(outside, sentence.start, mentions, state, verb)
        if speaker is None and (unnamed := _unnamed_speaker(outside, state, verb)) is not None:
            if issuer := _issuer_named(outside, sentence.start, mentions):
                speaker, how = issuer, "issuer of the statement it was said in"
            elif holder := _owner_post_holder(unnamed, state):
                speaker, how = holder, f"holder of the post '{unnamed.raw}'"
            elif quotes and state.last_speaker is not None and _refers_back(unnamed.raw, state.last_speaker):
                speaker, how = state.last_speaker, "continues quote"  # '"...," the deputy head of the council wrote'
            else:
                speaker, how = unnamed, "unnamed source"
        if speaker is None and quotes and state.last_speaker is not None:
            speaker, how = state.last_speaker, "continues quote"
        if (speaker is None or speaker.kind != "person") and (
            reporter := _person_opening_quote(sentence, quotes, mentions, state)
            or _relayed_person(outside, sentence.start, mentions)
            or _reported_by_body(outside, sentence.start, mentions, speaker, state)
        ):
            speaker, how = reporter, "the person a body's account reports"  # '"Erdogan thanked Putin ...," his office said'
        if speaker is None and not quotes:  # a verb with no one found to say it: as good as unspoken
            unspoken, unspoken_run = sentence, paragraph_run(unspoken_run, sentence)
            continue
        unspoken = None
        run, unspoken_run = unspoken_run, []
        if speaker is not None:
            state.last_speaker = speaker
            state.last_paragraph = sentence.paragraph
            _see(state, speaker)
            _see(state, _asked_person(outside, sentence.start, mentions))  # "He replied" next is the one asked
            if closes_earlier_quote:
                # the sentences of the paragraph before the closing mark were inside the quotation
                out += [
                    _statement(article, s, [s.text], speaker, "quotation closed in a later sentence")
                    for s in run
                    if s.paragraph == sentence.paragraph and not _blank_paired(s.text)[1]
                ]
        out.append(_statement(article, sentence, quotes, speaker, how))
    return _one_side_each(_named_next(out, state.role_titles), state.people)


def _statement(article: Article, sentence: Sentence, quotes: list[str], speaker: Mention | None, how: str) -> Statement:
    """The statement record of one sentence and the speaker found for it."""
    return Statement(
        statement_id=hash_id(article.article_id, normalise_text(sentence.text), str(sentence.start)),
        article_id=article.article_id,
        text=sentence.text,
        char_start=sentence.start,
        char_end=sentence.end,
        quote=" … ".join(quotes) or None,
        speaker=speaker.name if speaker else None,
        speaker_raw=speaker.raw if speaker else None,
        speaker_role=speaker.role if speaker else None,
        side=speaker.side if speaker else "unknown",
        stance_cues=f"speaker by {how}",
    )


# Verbs by which a readout reports what its principal said, beside the verbs of saying
EXPRESSIVE_VERB_RE = re.compile(
    r"thanked|praised|expressed|highlighted|welcomed|congratulated|condemned|reaffirmed|affirmed|underscored|"
    r"underlined|voiced|hailed|conveyed|pointed out|informed|discussed|exchanged views|commended|appreciated"
)


def _relays(verb: re.Match) -> bool:
    """A verb by which a body's account gives a person's words: one of saying or of a readout."""
    return _says(verb) or bool(EXPRESSIVE_VERB_RE.fullmatch(verb.group(0)))


def _relays_right_after(text: str, position: int) -> bool:
    """Whether such a verb follows a subject ending at ``position`` ("Erdogan thanked", "Zelensky has stressed")."""
    verb = REPORT_VERB_RE.search(text, position)
    return verb is not None and _relays(verb) and bool(ADJACENT_SUBJECT_RE.fullmatch(text[position : verb.start()]))


def _person_opening_quote(
    sentence: Sentence, quotes: list[str], mentions: list[Mention], state: AttributionState
) -> Mention | None:
    """The person a quotation opens by reporting: a body's readout quoted in the news
    ('"President Erdogan thanked Putin for ...," the Turkish presidency said', '"The Turkish leader
    praised ...," the Kremlin said') gives the words of the person it reports, as a wire relaying
    a speaker does."""
    if not quotes:
        return None
    start = sentence.text.find(quotes[0])
    if start < 0:
        return None
    opening = sentence.start + start
    for m in mentions:
        if m.kind != "person" or not opening <= m.start <= opening + 40:
            continue
        if not _titles_only_or_empty(sentence.text[start : m.start - sentence.start]):
            return None
        return m if _relays_right_after(sentence.text, m.end - sentence.start) else None
    desc = DESCRIPTOR_RE.match(sentence.text, start)
    if desc is None or not _relays_right_after(sentence.text, desc.end()):
        return None
    found = _described_person(desc, [], state)
    return found[0] if found and found[0].kind == "person" else None


def _speaker_inside_unframed_quote(
    sentence: Sentence, quotes: list[str], mentions: list[Mention], state: AttributionState
) -> tuple[Mention, str] | None:
    """A quotation nobody frames that is itself a report: a readout quoted whole ('It reads:
    "... Volodymyr Zelensky stressed that ...  The two leaders discussed ..."'). The person its
    own verb of saying has as subject speaks."""
    if not quotes:
        return None
    text = ANY_MARK_RE.sub(" ", sentence.text)
    verb = reporting_verb(text)
    if verb is None or not _relays(verb):
        return None
    found, how = choose_speaker(text, sentence.start, mentions, state, verb)
    if found is None:
        found = _unnamed_speaker(text, state, verb)
    if found is None or found.kind != "person":
        return None
    return found, f"{how}, in a quoted report"


def _relayed_person(outside: str, offset: int, mentions: list[Mention]) -> Mention | None:
    """The person a sentence opens with as the subject of a verb of saying or position, when a body
    frames it ("Erdogan thanked Putin for ..., the Turkish president's office told reporters"):
    the body relays his words."""
    local = [m for m in mentions if outside[m.start - offset : m.end - offset].strip()]
    first = _opening_subject(outside, offset, local)
    if first is None or first.kind != "person" or ACCORDING_RE.search(outside):
        return None  # "Putin has agreed to it, according to a statement from the Kremlin": the Kremlin's account
    return first if _relays_right_after(outside, first.end - offset) else None


BODY_SAID_THAT_RE = re.compile(r"\s+(?:(?:also|later|then|\w+ly)\s+)?(?:said|stated|reported|announced|noted)\s+(?:that\s+)?")


def _reported_by_body(
    outside: str, offset: int, mentions: list[Mention], speaker: Mention | None, state: AttributionState
) -> Mention | None:
    """ "The Kremlin said the two leaders underlined ...", "the office said President Erdogan
    thanked ...": a body telling what its leader (or the two leaders) said gives their words."""
    if speaker is None or speaker.kind != "institution" or not speaker.end:
        return None
    said = BODY_SAID_THAT_RE.match(outside, speaker.end - offset)
    if said is None:
        return None
    if (joint := JOINT_LEADERS_RE.match(outside, said.end())) and state.pair and _relays_right_after(outside, joint.end()):
        return state.pair
    for m in mentions:
        if m.kind == "person" and m.start - offset >= said.end():
            if _titles_only_or_empty(outside[said.end() : m.start - offset]) and _relays_right_after(outside, m.end - offset):
                return m
            break
    return None


def _issuer_named(outside: str, offset: int, mentions: list[Mention]) -> Mention | None:
    """ "..., member nations said in the NATO summit's declaration": the body whose statement it is."""
    issued = SAID_IN_STATEMENT_RE.search(outside)
    inside = [m for m in mentions if issued and m.kind == "institution" and issued.start() <= m.start - offset < issued.end()]
    return inside[0] if inside else None


def _passive_agent(outside: str, offset: int, mentions: list[Mention], state: AttributionState) -> Mention | None:
    """ "The pause was welcomed by Ukrainian President Volodymyr Zelensky": the person or body after
    "by" when only a title stands between them (a news outlet reports, it is not a speaker); "by
    Ukraine": the country's government."""
    for frame in PASSIVE_AGENT_RE.finditer(outside):
        if media_source(outside[frame.end() :]):
            continue
        if (country := AGENT_COUNTRY_RE.match(outside, frame.end())) and (
            government := state.government_of(nationality_side(country[1]) or "")
        ):
            return government
        for m in mentions:
            words = outside[frame.end() : max(frame.end(), m.start - offset)].split()
            if m.start - offset >= frame.end() and (not words or _titles_only(" ".join(words))):
                return m
    return None


# "- Zelenskyy reported on X.", "– the head of state summarized": a frame after a dash that ends
# the words before it, as Ukrainian outlets print a speaker's words without quotation marks
DASH_FRAME_RE = re.compile(r"\s*[-–—]\s+(?P<frame>[^.!?]{3,80})[.!?]?\s*$")


def _dash_frame(outside: str, offset: int, mentions: list[Mention]) -> Mention | None:
    """The speaker a dash frame names: the person or body right before or after its verb of saying."""
    frame = DASH_FRAME_RE.fullmatch(outside)
    if frame is None or (verb := reporting_verb(frame["frame"])) is None or not _says(verb):
        return None
    start = frame.start("frame")
    named = [m for m in mentions if m.start - offset >= start]
    if named and (
        ADJACENT_SUBJECT_RE.fullmatch(outside[named[0].end - offset : start + verb.start()])
        or _titles_only_or_empty(outside[start + verb.end() : named[0].start - offset])
    ):
        return named[0]
    return None


def _stated_by(outside: str, offset: int, mentions: list[Mention]) -> Mention | None:
    """ "This was stated by Dmitry Peskov": who the sentence names as the source of
    what came before it (a body right after "by", else a person named in the agent words first; a
    news outlet is not a speaker)."""
    frame = STATED_BY_RE.match(outside)
    if frame is None or media_source(outside[frame.end() :].lstrip()):
        return None
    agent = [m for m in mentions if 0 <= m.start - offset - frame.end() <= MAX_AGENT_CHARS]
    body = agent[0] if agent and agent[0].kind == "institution" else None
    if (
        body is not None
        and re.fullmatch(r"\s*(?:the\s+)?", outside[frame.end() : body.start - offset])
        and not (len(agent) > 1 and _titles_only(outside[body.end - offset : agent[1].start - offset]))
    ):
        return body  # "This was announced by the Kremlin after the call" (not "by Kremlin spokesman X")
    people = [m for m in agent if m.kind == "person"]
    for whose, holder in zip(people, people[1:]):
        adjacent = not outside[whose.end - offset : holder.start - offset].strip(" ,")
        if adjacent and " of " in outside[frame.end() : whose.start - offset]:
            return holder  # "by the press aide of President Vladimir Putin, Dmitry Peskov": Peskov
    return people[0] if people else agent[0] if agent else None
