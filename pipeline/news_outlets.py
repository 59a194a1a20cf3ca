"""News outlets as the subject of a report ("Reuters reported", "according to state media").

A report by the press is how an article sources a fact, not a party's position: "the Kyiv
Independent reported, citing the text" and "Interfax said" put no one's stance on the
timeline. The speakers stage skips such frames and looks for another speaker in the sentence.
Generic words ("state media", "a Russian newspaper") cover outlets not listed here.
"""

from __future__ import annotations

import re

OUTLET_NAMES = (
    r"Reuters|Associated Press|AP|AFP|Agence France-Presse|Bloomberg(?: News)?|Axios|CNN|BBC|NBC(?: News)?|CBS(?: News)?|"
    r"ABC(?: News)?|Fox News|Sky News|Al Jazeera|Politico|Euronews|Deutsche Welle|DW|France ?24|Xinhua|Anadolu(?: Agency)?|"
    r"Interfax(?:-Ukraine)?|TASS|RIA(?: Novosti)?|Sputnik|RT|RBC(?:-Ukraine)?|Ukrinform|UNIAN|Suspilne|Hromadske|"
    r"Ukrainska Pravda|Kyiv Independent|Kyiv Post|Meduza|Novaya Gazeta|Kommersant|Izvestia|Vedomosti|Moscow Times|"
    r"New York Times|Washington Post|Wall Street Journal|Financial Times|Guardian|Economist|Telegraph|Spiegel|"
    r"Der Spiegel|Bild|Le Monde|Corriere della Sera|Die Welt|Kathimerini|Semafor|Newsweek"
)
MEDIA_WORDS = r"(?i:(?:state |local |national |western |pro-kremlin )?(?:media|news agency|(?:state-run|state|news) agency|newspaper|daily|broadcaster|outlet|news site|television|TV))"
# The outlet right before the verb, after an optional "the" and nothing else of the subject.
OUTLET = rf"(?:[Tt]he\s+)?(?:{OUTLET_NAMES}|[\w-]+\s+{MEDIA_WORDS}|{MEDIA_WORDS})"
MEDIA_SUBJECT_RE = re.compile(
    rf"(?:^|[\s,(]){OUTLET}(?:\s+(?:news agency|newspaper|outlet|[A-Z][\w-]+|also|later|has|had))?\s*,?\s*$"
)
MEDIA_AFTER_RE = re.compile(rf"\s*{OUTLET}\b")


# "speaking to the BBC, said": an outlet after a preposition is where someone spoke, not who
PREPOSITION_END_RE = re.compile(r"\b(?:to|with|in|on|by|from|for|via|told|at)\s*$", re.IGNORECASE)


def media_subject(text_before_verb: str) -> bool:
    """Whether the words right before a verb of saying name a news outlet ("..., TASS reported")."""
    head = text_before_verb[-60:]
    outlet = MEDIA_SUBJECT_RE.search(head)
    return outlet is not None and not PREPOSITION_END_RE.search(head[: outlet.start() + 1])


def media_source(text_after_according_to: str) -> bool:
    """Whether "according to" is followed by a news outlet ("according to Reuters")."""
    return bool(MEDIA_AFTER_RE.match(text_after_according_to))
