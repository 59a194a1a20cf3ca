"""Who a mention refers to: reference actors by alias, unknown people by title + name.

The ``SpeakerIndex`` is built once per build from the reference; ``find_mentions`` lists
every speaker-like mention in a stretch of text with its span, canonical name and side.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property

from pipeline.countries import COUNTRY_TABLE, country_bodies, country_word_sides, presidential_offices, speaking_countries
from pipeline.reference import Actor, Role
from pipeline.report_verbs import REPORT_VERBS

# Titles that introduce a person's name ("Foreign Minister Andrii Sybiha").
TITLE_WORDS = (
    r"(?:President|Prime Minister|Premier|Chancellor|Foreign Minister|Defen[cs]e Minister|Minister|Secretary of State|"
    r"Secretary|Spokes(?:man|woman|person)|spokes(?:man|woman|person)|Ambassador|ambassador|[Ee]nvoy|[Aa]ide|adviser|advisor|"
    r"Senator|Gen\.?|General|Admiral|Mayor|Governor|Chief|chief|head|leader|Leader|negotiator|official|MP|lawmaker|King|Pope|"
    r"Commissioner|Representative|Speaker|deputy|Deputy|Vice President|Colonel|Col\.|Lt\.|"
    r"president|prime minister|minister|chancellor|secretary|commissioner|general|chief executive|executive|director|"
    r"Director|CEO|chairman|Chairman|commander|Commander|ombudsman|Ombudsman|governor|mayor|speaker|"
    r"Crown Prince|crown prince|Prince|Emir|Sultan|Queen)"
)
# Capitals and letters of names written with accents ("Aleksandar Vučić", "Gitanas Nausėda")
UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
NAME_WORD = rf"[{UPPER}](?:[^\W\d_]|['’\-])+"
# Lower-case particles inside a name ("Ahmed Nasser al-Sabah", "Ursula von der Leyen")
NAME_PARTICLE = r"(?:(?:al|el|bin|ibn|bint|von|van|der|den|de|da|di|du|dos|das|del)[\s-]){0,2}"
NAME = rf"{NAME_WORD}(?:\s+(?:[{UPPER}]\.\s*)?{NAME_PARTICLE}{NAME_WORD}){{1,3}}"
# Honours and degrees after a name ("Stefan Romaniw OAM", "Jane Smith MP"): not part of it
POST_NOMINAL_RE = re.compile(r"(?:[A-Z]{2,4}|PhD|Jr\.?|Sr\.?)")
# The name never starts with a title word: "Deputy Foreign Minister Mikhail Galuzin" is titled "Deputy Foreign Minister".
# "President of Serbia Aleksandar Vucic": a title may end with the country it is of
TITLE_OF_COUNTRY = r"(?:\s+of\s+(?:the\s+)?[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,2}(?![\w'’-]))?"
TITLED_NAME_RE = re.compile(
    rf"(?P<title>\b[\w'’.\- ]{{0,40}}?\b{TITLE_WORDS}{TITLE_OF_COUNTRY})\s+(?!{TITLE_WORDS}\s)(?P<name>{NAME})"
)
PRONOUN_RE = re.compile(r"\b(he|she|they)\b", re.IGNORECASE)
# What a place or a body is called in an apposition ("Pokrovsk, a city in ..."), never a person
NOT_PERSON_NOUNS = (
    r"(?:\w+\s+)?(?:city|town|village|region|province|port|country|state|district|area|county|island|river|company|"
    r"firm|group|bank|party|newspaper|agency|website|outlet|broadcaster|think tank|organi[sz]ation|alliance|bloc|"
    r"plant|facility|base|airport|station|border|resort|hotel|palace|venue|format|deal|plan|treaty|summit)\b"
)
# What may stand between a subject and its verb of saying ("has vowed", "also said", "repeatedly warned")
VERB_LEAD_IN = r"(?:(?:has|have|had|also|later|then|again|once|now|still|repeatedly|\w+ly)\s+){0,2}"
# A name with no title right before a verb of saying, or before an apposition and the verb:
# "Konstantin Kosachev, deputy speaker of the Federation Council, said", "Leonid Slutsky, who heads ..., told".
UNTITLED_NAME_RE = re.compile(
    rf"(?P<name>{NAME})(?=(?P<apposition>,\s*[^,;\"“”]{{2,90}})?,?\s+{VERB_LEAD_IN}(?:{REPORT_VERBS})\b)"
    # "Garry Kasparov also joined the debate, saying": the subject of a clause closed by a participle of saying
    rf"|(?P<name2>{NAME})(?=[^,.;\"“”]{{0,80}},\s*(?:saying|stating)\b)"
    # "<what was said>, said Clayson Monyela, spokesman for ...": a name after a closing verb of saying
    rf"|\b(?:said|says|added|wrote|noted|explained|insisted|acknowledged|stressed|warned|argued|admitted|conceded|"
    rf"declared|replied|continued|concluded|observed|remarked|assessed|asked|asks)\s(?P<name3>{NAME})(?=\s*[,.;])"
    # "Viktor Medvedchuk, a detained pro-Russia tycoon, ...": a person introduced by what he is
    rf"|(?P<name4>{NAME})(?=(?P<apposition4>,\s+(?:a|an)\s+(?!{NOT_PERSON_NOUNS})[A-Za-z][^,;\"“”]{{1,90}}))"
)
# Words that head a body's name ("Center for ... Studies"); unlike INSTITUTION_WORDS, not places ("United States")
BODY_HEAD_WORDS = frozenset(
    "Center Centre Institute Council Ministry Committee Agency Office Department Foundation Fund Bank Organization "
    "Organisation Program Programme Commission Bureau Service Court University School Academy Society".split()
)
PLACE_BEFORE_RE = re.compile(r"\b(?:[Ii]n|[Aa]t|[Ff]rom|[Nn]ear|[Vv]isiting)\s+$")
# Capitalised words joined by "of", "for", "and" right before a name-like pair: the body it ends
NAME_CHAIN_BEFORE_RE = re.compile(r"(?:[A-Z][\w'’.-]*\s+(?:(?:of|for|and|the|on)\s+)?)+$")
# Capitalised words that start a sentence or name a time, not a person ("On Friday Li Hui said").
NOT_NAME_WORDS = frozenset(
    "The A An In On At But And As After Before Meanwhile Speaking Asked Later Earlier Separately Still Also "
    "Although Though While Whereas When Whenever Because Since If Unless Until Once Yet So However Despite During "
    "Following Amid Ahead Under Over Through With Without For From By To Of Now Then Instead Indeed Even Only Just "
    "Both Neither Either Each Every Some Many Most Several That This These Those There Here Why How What Who Where "
    "Today Yesterday Tonight Gen Gen. Lt Col "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August "
    "September October November December MOSCOW KYIV WASHINGTON Republican Republicans Democrat Democrats Democratic "
    "Chairman Chairwoman Chair Congressman Congresswoman Rep. Sen. Dr. Mr. Mrs. Ms. Dr Mr Mrs Ms Mme Mister Madam Sir "
    "Arab Gulf Baltic Nordic Balkan Western Eastern Northern Southern Central Member".split()  # "the Gulf states said"
)
# Words that make a capitalised phrase an institution or a place, not a person.
INSTITUTION_WORDS = frozenset(
    "Ministry Office Council Staff Department Centre Center Committee Agency Service Parliament Duma Rada Commission "
    "Government Administration House Palace Union Nations Organization Organisation Forces Army Navy Headquarters "
    "Directorate Bank Fund Group Party Court Assembly Street Kremlin Embassy Mission Institute University Company "
    "Corporation Network News Times Post Journal Press Television Radio Channel Region Oblast Republic Federation "
    "State States Kingdom Command Guard Initiative Coalition Alliance Summit Talks Arabia Emirates Korea Africa "
    "Zealand Lanka America Sea Ocean Square Hill Pravda Gazeta Izvestia Kommersant Vedomosti Interfax Reuters "
    "Bloomberg Xinhua Anadolu Ukrinform Suspilne Hromadske Program Programme Bureau Authority Board Secretariat "
    "Foundation Inspectorate Division Unit Section Branch".split()
)
TITLE_WORD_RE = re.compile(TITLE_WORDS, re.IGNORECASE)
# Capitalised words that end a post's name, not begin a person's ("Assistant to the President for
# National Security Jonathan Finer", "Minister for Strategic Industries ...")
PORTFOLIO_WORDS = frozenset(
    "Security Affairs Defence Defense Policy Intelligence Relations Development Justice Health Energy Finance "
    "Economy Trade Interior Foreign Agriculture Infrastructure Communications Operations Integration Reintegration "
    "Veterans Strategic Industries Industry Economic Humanitarian Parliamentary International National Cooperation "
    "Issues Territories Reconstruction Digital Transformation Environment Education Culture Emergencies".split()
)
FIRST_NAME_BEFORE_RE = re.compile(r"(?<![\w'’.-])([A-Z][a-z'’-]+)\s+$")
# "ambassador to the United States", "speaking in Kyiv": a place named after these is where, not whose
PLACE_PHRASE_RE = re.compile(r"\b(?:to|in|at|from|with|alongside|for|visiting)\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*")
CLAUSE_START_RE = re.compile(r"[.,;:!?\"“”()]")  # the words naming a person's role stop at punctuation
SIDE_CUES = (
    ("ukraine", re.compile(r"\b(Ukrain\w*|Kyiv|Kiev|Zelensk\w*|Verkhovna Rada|Rada)\b")),
    ("russia", re.compile(r"\b(Russia\w*|Kremlin|Moscow|Soviet|State Duma|Duma|Federation Council)\b")),
    (
        "usa",
        re.compile(
            r"\b(U\.?S\.?|US|American|United States|White House|Pentagon|State Department|Washington|Republican|Democrat\w*|"
            r"Senate|Congress\w*)\b"
        ),
    ),
    (
        "europe",
        re.compile(
            r"\b(EU|European|NATO|British|UK|French|German|Polish|Finnish|Swedish|Danish|Dutch|Italian|Spanish|Estonian|"
            r"Latvian|Lithuanian|Czech|Norwegian|Belgian|Irish|Romanian|Austrian|Portuguese|Greek|Bulgarian|Croatian|"
            r"Slovenian|Hungarian|Slovak|Moldovan|Britain|France|Germany|Poland|Finland|Sweden|Denmark|Netherlands|"
            r"Italy|Spain|Estonia|Latvia|Lithuania|Czechia|Norway|Belgium|Ireland|Romania|Austria|Portugal|Greece|"
            r"Bulgaria|Croatia|Slovenia|Hungary|Slovakia|Moldova|Swiss|Switzerland|Serbian?)\b"
        ),
    ),
)
# A country as the subject of a verb of saying or of position speaks for its government
# ("Ukraine says any deal should include guarantees"); anywhere else it is just a place.
COUNTRIES = (
    r"Ukraine|Russia|[Tt]he United States|[Tt]he U\.S\.|[Tt]he US|America|Britain|France|Germany|Poland|China|Turkey|India|"
    + "|".join(re.escape(country) for country in speaking_countries())
)
# "Russia said", "Russia and Ukraine reported": a country as the subject of a verb of saying (the first of a pair too)
COUNTRY_SPEAKER_RE = re.compile(
    rf"\b(?P<country>{COUNTRIES})(?=(?:,\s+(?:which|who)\s[^,;\"“”]{{2,100}},)?\s+(?:and\s+(?:{COUNTRIES})\s+)?(?:(?:has|had|have|also|once|again|now|still|repeatedly|long|on \w+day|\w+ly|today|yesterday|in the past)\s+){{0,3}}"
    rf"(?:{REPORT_VERBS}|promised|pledged|vowed|responded|offered)\b)"
)
COUNTRY_NAMES = {"the United States": "US", "the U.S.": "US", "the US": "US", "America": "US", "Britain": "British"}
STOP_NAMES = {"The", "This", "That", "But", "And", "Kremlin", "Ukraine", "Russia", "Moscow", "Kyiv", "Kiev", "Washington"}


@dataclass(frozen=True)
class Mention:
    """A span of text that names a possible speaker."""

    start: int
    end: int
    raw: str
    name: str
    side: str
    kind: str
    role: str | None = None


# Nationality words of the countries and bodies whose side is "other".
OTHER_CUES = re.compile(
    r"\b(Turk\w*|Chin\w*|Beijing|India\w*|Saudi\w*|Emirat\w*|UAE|Qatar\w*|Brazil\w*|Vatican|Holy See|"
    r"UN|U\.N\.|United Nations|Africa\w*|Kazakh\w*|Israel\w*|Iran\w*)\b"
)


COUNTRY_WORD_SIDES = country_word_sides()
COUNTRY_WORD_RE = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, COUNTRY_WORD_SIDES), key=len, reverse=True)) + r")\b")


def nationality_side(text: str) -> str | None:
    """The side named by a nationality or country word in text, or None when there is none."""
    for side, pattern in SIDE_CUES:
        if pattern.search(text):
            return side
    if OTHER_CUES.search(text):
        return "other"
    country = COUNTRY_WORD_RE.search(text)  # any other country the table knows: "Serbian", "Indonesia"
    return COUNTRY_WORD_SIDES[country.group(0)] if country else None


# "Russia's Energy Ministry" is named as the reference names bodies: "Russian Energy Ministry".
DEMONYMS = {
    "Russia": "Russian",
    "Ukraine": "Ukrainian",
    "Saudi Arabia": "Saudi",
    "China": "Chinese",
    "Turkey": "Turkish",
    "India": "Indian",
    "Britain": "British",
    "UK": "British",
    "United Kingdom": "British",
    "France": "French",
    "Germany": "German",
    "Poland": "Polish",
    "Hungary": "Hungarian",
    "Belarus": "Belarusian",
    "Qatar": "Qatari",
    "Iran": "Iranian",
    "Israel": "Israeli",
}
POSSESSIVE_COUNTRY_RE = re.compile(r"^(?:the\s+)?(" + "|".join(DEMONYMS) + r")['’]s\s+(?=[A-Z])")


def adjectival(name: str) -> str:
    """A body's name with a possessive country made an adjective ("Russia's Energy Ministry" -> "Russian Energy Ministry")."""
    return POSSESSIVE_COUNTRY_RE.sub(lambda m: DEMONYMS[m.group(1)] + " ", name)


# Each country the reference or the table knows, with the word for its people
PEOPLE_OF_COUNTRY = {**{country: people for country, people, _ in COUNTRY_TABLE}, **DEMONYMS}
PEOPLES = frozenset(PEOPLE_OF_COUNTRY.values())


def demonym(word: str) -> str | None:
    """The word for a country's people, from the country ("Poland" -> "Polish") or itself when it is one."""
    return PEOPLE_OF_COUNTRY.get(word) or (word if word in PEOPLES else None)


def people_of(text: str) -> str | None:
    """The people a title or description names ("the French president", "President of Finland",
    "Poland's foreign minister" -> "French", "Finnish", "Polish"), when it names one."""
    for word in re.findall(r"[A-Z][\w]+", text):
        if people := demonym(word):
            return people
    return None


def people_words(people: str) -> set[str]:
    """The lower-case words that name a people or its country ("French" -> {"french", "france"})."""
    return {people.lower(), *(country.lower() for country, p in PEOPLE_OF_COUNTRY.items() if p == people)}


def people_key(people: str) -> str:
    """A post's key for one people, beside the sides: a side holds many presidents, a people one."""
    return f"people:{people}"


def bare_title(title: str) -> str:
    """A role without the country it is of: "President of Ukraine", "Ukraine's President" and
    "Ukrainian President" are all "president"; "Energoatom President" stays itself."""
    head, found, of = title.rpartition(" of ")
    if not found or not nationality_side(of):
        head = title
    return " ".join(w for w in head.split() if not nationality_side(w)).lower()


def side_from_title(title: str) -> str:
    """A side guessed from a title's nationality words ("Ukrainian Foreign Minister" -> ukraine)."""
    return nationality_side(title) or "other"


def same_first_initial(name: str, canonical: str) -> bool:
    """Whether a titled full name can be this actor: a bare surname can, and so can a first name
    with the same initial (Volodymyr/Vladimir); "Imran Khan" is not "Karim Khan"."""
    words = name.split()
    return len(words) == 1 or words[0][:1].lower() == canonical.split()[0][:1].lower()


# A capital stands for its country in a body's name: "Moscow's defence ministry", "Kyiv's foreign ministry"
CAPITALS = (
    (("russia's ", "russian "), ("moscow",)),
    (("ukraine's ", "ukrainian "), ("kyiv", "kiev")),
    (("china's ", "chinese "), ("beijing",)),
    (("turkey's ", "turkish "), ("ankara",)),
    (("germany's ", "german "), ("berlin",)),
    (("france's ", "french "), ("paris",)),
    (("poland's ", "polish "), ("warsaw",)),
    (("britain's ", "british "), ("london",)),
)


def capital_forms(alias: str) -> list[str]:
    """ "russia's defence ministry" / "russian defence ministry" -> "moscow's defence ministry" and
    "defence ministry in moscow"."""
    for prefixes, capitals in CAPITALS:
        for prefix in prefixes:
            if alias.startswith(prefix) and len(alias) > len(prefix):
                body = alias[len(prefix) :]
                return [form for capital in capitals for form in (f"{capital}'s {body}", f"{body} in {capital}")]
    return []


def authorities_forms(alias: str, actor: Actor) -> list[str]:
    """A government is also its "authorities": "turkish government" -> "turkish authorities", and
    its capital "ankara" -> "authorities in ankara"."""
    if actor.kind != "institution" or not actor.name.lower().endswith(" government"):
        return []
    if alias.endswith(" government") and " " not in alias[: -len(" government")]:
        return [alias[: -len("government")] + "authorities"]
    if " " not in alias and alias != actor.name.lower():
        return [f"authorities in {alias}"]
    return []


def longest_first_alternation(words: Iterable[str]) -> str:
    """One regex matching any of the words, the longest that fits first, built as a trie: a
    thousand aliases share their prefixes, so a search tries a few characters at each position
    instead of every alias ("kyiv" and "kyiv's foreign ministry" are one branch)."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def branch(node: dict) -> str:
        parts = [
            "['’]" + branch(child) if char == "'" else re.escape(char) + branch(child)
            for char, child in sorted(node.items())
            if char
        ]
        if not parts:
            return ""
        body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
        return f"(?:{body})?" if "" in node else body  # a longer alias first, then the one ending here

    return "(?:" + branch(trie) + ")"


class SpeakerIndex:
    """Alias lookup over the reference actors, longest alias first."""

    def __init__(self, actors: tuple[Actor, ...] | list[Actor]):
        known = {alias.lower() for actor in actors for alias in (actor.name, *actor.aliases)}
        actors = [*actors, *country_bodies(known), *presidential_offices(actors, known)]
        self.actors = {a.name: a for a in actors}
        self.by_alias: dict[str, Actor] = {}
        for actor in actors:
            for alias in (actor.name, *actor.aliases):
                self.by_alias.setdefault(alias.lower(), actor)
        for alias, actor in list(self.by_alias.items()):
            for written in capital_forms(alias) + authorities_forms(alias, actor):
                self.by_alias.setdefault(written, actor)
        self.pattern = (
            re.compile(r"(?<![\w-])" + longest_first_alternation(self.by_alias) + r"(?![\w-])", re.IGNORECASE)
            if self.by_alias
            else None
        )
        self.surnames: dict[str, Actor] = {}
        for actor in actors:
            if actor.kind == "person" and " " in actor.name:
                self.surnames.setdefault(actor.name.split()[-1].lower(), actor)

    def title_holder(self, title: str, side: str, earliest: dt.date | None, latest: dt.date | None) -> Actor | None:
        """The one person of a side who held a title ("foreign minister") at some time in
        [earliest, latest], or None when nobody or several did ("Ukraine's foreign minister" in
        2022 is Kuleba; with no date, Kuleba and Sybiha both fit and nobody is named)."""
        return _only_holder(self._posts.get((title, side), ()), earliest, latest)

    def held_before(self, name: str, title: str, date: dt.date | None) -> bool:
        """Whether an actor held a title ("president") that had ended by a date (any ended one when
        the date is unknown): "the former president" is such a person."""
        actor = self.actors.get(name)
        return actor is not None and any(
            bare_title(role.title) == title and role.end is not None and (date is None or role.end <= date)
            for role in actor.roles
        )

    def post_holder(self, words: str, side: str, earliest: dt.date | None, latest: dt.date | None) -> Actor | None:
        """The one person of a side whose title held these words ("chief of staff", "spokesman") at
        some time in [earliest, latest]: "Zelensky's chief of staff" is whoever had that post then.
        The words must end the title, save a complement ("chief of staff to the president"):
        "Moscow's defense ministry" is the ministry, not its spokesman."""
        pattern = re.compile(rf"\b{re.escape(words.lower())}(?:\s+(?:to|of|for)\b.*)?$")
        held = [
            pair
            for (title, post_side), pairs in self._posts.items()
            if post_side == side and pattern.search(title)
            for pair in pairs
        ]
        return _only_holder(held, earliest, latest)

    @cached_property
    def _posts(self) -> dict[tuple[str, str], list[tuple[Actor, Role]]]:
        """Who held each post, keyed by the bare title and the side, built once per index."""
        posts: dict[tuple[str, str], list[tuple[Actor, Role]]] = {}
        for actor in self.actors.values():
            if actor.kind == "person":
                for role in actor.roles:
                    posts.setdefault((bare_title(role.title), actor.side), []).append((actor, role))
                    if people := people_of(role.title):  # "French President": also under the French alone
                        posts.setdefault((bare_title(role.title), people_key(people)), []).append((actor, role))
        return posts

    def role_titles_between(self, earliest: dt.date | None, latest: dt.date | None) -> Mapping[str, tuple[str, ...]]:
        """Each actor's titles in lower case that were held at some time in [earliest, latest]:
        in 2026 "the prime minister" is not Putin, who was one until 2012 (all titles when the
        dates are open). Worked out per actor when asked, as an article asks about a few."""
        return TitlesThen(self.actors, earliest, latest)

    def find_mentions(self, text: str, offset: int = 0) -> list[Mention]:
        """Every actor or titled person named in text (spans shifted by offset), sorted by position."""
        found: list[Mention] = []
        taken: list[tuple[int, int]] = []
        position = 0
        while self.pattern is not None and (m := self.pattern.search(text, position)) is not None:
            position = m.end()
            raw = m.group(0)
            if (raw[4:] if raw.lower().startswith("the ") else raw)[:1].islower():
                # aliases are proper nouns ("the White House"); lower-case hits are ordinary words,
                # though a name may sit inside one ("the government in Kyiv")
                position = m.start() + 1
                continue
            actor = self.by_alias[raw.lower().replace("’", "'")]  # "Russia’s" is "Russia's"
            if actor.kind == "person" and " " not in raw and self._other_first_name(text[: m.start()], actor):
                continue  # "Anna Sybiha" is not Andrii Sybiha: the name is found again below, as written
            role = self.role_before(text, m.start(), actor)
            found.append(Mention(offset + m.start(), offset + m.end(), raw, actor.name, actor.side, actor.kind, role))
            taken.append((m.start(), m.end()))
        for m in COUNTRY_SPEAKER_RE.finditer(text):
            start, end = m.start("country"), m.end("country")
            actor = self.government_of(m["country"])
            if actor is not None and not any(s < end and start < e for s, e in taken):
                found.append(Mention(offset + start, offset + end, m["country"], actor.name, actor.side, actor.kind))
                taken.append((start, end))
        for m in TITLED_NAME_RE.finditer(text):
            start, end = _name_span(text, m.start("name"), m.end("name"))
            if any(s < end and start < e for s, e in taken):
                continue
            name = text[start:end]
            if name.split()[0] in STOP_NAMES or any(word in NOT_NAME_WORDS for word in name.split()[1:]):
                continue  # "Putin Thanks Prince Faisal For Mediation": a headline's capitals, not a name
            actor = self.surnames.get(name.split()[-1].lower())
            if actor is not None and same_first_initial(name, actor.name):
                found.append(Mention(offset + start, offset + end, name, actor.name, actor.side, actor.kind, m["title"].strip()))
                continue
            title = text[m.start("title") : start].strip()  # "President of Serbia"
            found.append(Mention(offset + start, offset + end, f"{title} {name}", name, side_from_title(title), "person", title))
            taken.append((start, end))
        found.extend(self._untitled_names(text, offset, taken))
        return sorted(found, key=lambda x: x.start)

    def _untitled_names(self, text: str, offset: int, taken: list[tuple[int, int]]) -> list[Mention]:
        """People named without a title, as the subject of a verb of saying; their side comes from
        the words around the name ("Russia's ambassador to Washington Alexander Darchiev")."""
        found = []
        for m in UNTITLED_NAME_RE.finditer(text):
            group = next(g for g in ("name", "name2", "name3", "name4") if m.group(g))
            words: list[str] = []
            named = m.group(group).split()
            while len(named) > 2 and POST_NOMINAL_RE.fullmatch(named[-1]):
                named.pop()
            for word in reversed(named):  # the name is the last words before any title or institution
                if (
                    word in NOT_NAME_WORDS
                    or word in INSTITUTION_WORDS
                    or TITLE_WORD_RE.fullmatch(word)
                    or word in PORTFOLIO_WORDS
                    or nationality_side(word)
                    or len(words) == 3
                ):
                    break
                words.insert(0, word)
            end = m.start(group) + len(" ".join(named)) if words else m.end(group)
            start = text.rindex(words[0], m.start(group), end) if words else end
            if len(words) < 2 or any(s < end and start < e for s, e in taken):
                continue
            chain = NAME_CHAIN_BEFORE_RE.search(text, 0, start)
            if chain and any(word in BODY_HEAD_WORDS for word in chain.group(0).split()):
                continue  # "Center for Strategic and International Studies": the end of a body's name
            if PLACE_BEFORE_RE.search(text, 0, start):
                continue  # "In New Delhi, India's foreign ministry said": a place
            name = " ".join(words)
            clause = text[max(0, start - 60) : start]
            # a person introduced by what he is: that alone gives his side, not the clause that shows him
            before_name = "" if group == "name4" else CLAUSE_START_RE.split(clause)[-1]
            context = PLACE_PHRASE_RE.sub("", before_name + (m.group("apposition") or m.group("apposition4") or ""))
            found.append(Mention(offset + start, offset + end, name, name, side_from_title(context), "person"))
        return found

    @staticmethod
    def _other_first_name(before: str, actor: Actor) -> bool:
        """Whether a bare surname is preceded by a first name that cannot be this actor's."""
        word = FIRST_NAME_BEFORE_RE.search(before)
        if word is None:
            return False
        first = word.group(1)
        if first in NOT_NAME_WORDS or first in INSTITUTION_WORDS or TITLE_WORD_RE.fullmatch(first) or nationality_side(first):
            return False
        return not same_first_initial(f"{first} x", actor.name)

    def government_of_side(self, side: str) -> Mention | None:
        """The one government the reference has on a side ("russia" -> Russian government), if any."""
        return self._governments.get(side)

    @cached_property
    def _governments(self) -> dict[str, Mention]:
        """Each side's government: the one the reference has on it, or the government of the
        country the side is named after (Russia's, not its ally Belarus's)."""
        by_side: dict[str, list[Actor]] = {}
        for actor in self.actors.values():
            if actor.kind == "institution" and actor.name.endswith(" government"):
                by_side.setdefault(actor.side, []).append(actor)
        chosen = {}
        for side, found in by_side.items():
            own = [a for a in found if a.name == f"{DEMONYMS.get(side.title(), '')} government"]
            if len(found) == 1 or len(own) == 1:
                actor = found[0] if len(found) == 1 else own[0]
                chosen[side] = Mention(0, 0, actor.name, actor.name, side, "institution")
        return chosen

    def government_of(self, country: str) -> Actor | None:
        """The reference's government actor for a country ("Ukraine" -> "Ukrainian government"), if any."""
        country = re.sub(r"^The\b", "the", country)  # "The United States and Ukraine said": a sentence's first word
        name = COUNTRY_NAMES.get(country, country)
        for alias in (f"{name}'s government", f"government of {name}", f"{name} government"):
            if (actor := self.by_alias.get(alias.lower())) is not None:
                return actor
        return None

    def role_before(self, text: str, start: int, actor: Actor) -> str | None:
        """The role title written just before a mention, if it is one the actor held."""
        before = text[max(0, start - 60) : start].lower()
        for role in actor.roles:
            if before.rstrip().endswith(role.title.lower()):
                return role.title
        return None


POSSESSIVE_END_RE = re.compile(r"['’]s?$")


def _name_span(text: str, start: int, end: int) -> tuple[int, int]:
    """A titled name without the country that ends its title ("President of Serbia Aleksandar
    Vučić") or the possessive after it ("President Joko Widodo's visit")."""
    if possessive := POSSESSIVE_END_RE.search(text, start, end):
        end = possessive.start()
    while (first := re.match(r"\S+\s+", text[start:end])) and len(text[start:end].split()) > 2:
        if not nationality_side(first.group(0)):
            break
        start += first.end()
    return start, end


class TitlesThen(Mapping[str, tuple[str, ...]]):
    """Actors' titles (lower case) held at some time in [earliest, latest], looked up by name."""

    def __init__(self, actors: dict[str, Actor], earliest: dt.date | None, latest: dt.date | None):
        self._actors, self._earliest, self._latest = actors, earliest, latest
        self._cache: dict[str, tuple[str, ...]] = {}

    def __getitem__(self, name: str) -> tuple[str, ...]:
        if name not in self._cache:
            earliest, latest = self._earliest, self._latest
            self._cache[name] = tuple(
                role.title.lower()
                for role in self._actors[name].roles
                if (earliest is None or role.end is None or role.end >= earliest)
                and (latest is None or role.start is None or role.start <= latest)
            )
        return self._cache[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._actors)

    def __len__(self) -> int:
        return len(self._actors)


def _only_holder(held, earliest: dt.date | None, latest: dt.date | None) -> Actor | None:
    """The one person among (actor, role) pairs whose role overlaps [earliest, latest], or None
    when nobody or several people did."""
    found = {
        actor.name: actor
        for actor, role in held
        if (earliest is None or role.end is None or role.end >= earliest)
        and (latest is None or role.start is None or role.start <= latest)
    }
    return next(iter(found.values())) if len(found) == 1 else None
