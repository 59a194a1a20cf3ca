"""Countries that speak in the news though the reference does not list them.

"Malta has consistently stated ...", "the Saudi government hopes ...", "Slovakia raised concerns":
any country's government may take a position, and the reference cannot hold them all. Each
country here gets a government ("Maltese government", also "Maltese authorities", "Malta's
government") and a foreign ministry, named as our labels name such bodies, with the side the
country belongs to. The reference's own actors win where both exist.
"""

from __future__ import annotations

from collections.abc import Iterable

from pipeline.reference import Actor

# (country, the word for its people, side). Europe is the EU, the UK, the European NATO members
# outside the EU, Switzerland and Serbia; Belarus is in Russia's camp; everyone else with no party
# to the war is "other".
# Country names that are also people's or places' names elsewhere ("Jordan", "Georgia", "Chad")
# speak only through their bodies.
COUNTRY_TABLE: tuple[tuple[str, str, str], ...] = (
    ("Austria", "Austrian", "europe"),
    ("Belgium", "Belgian", "europe"),
    ("Bulgaria", "Bulgarian", "europe"),
    ("Croatia", "Croatian", "europe"),
    ("Cyprus", "Cypriot", "europe"),
    ("Czechia", "Czech", "europe"),
    ("Denmark", "Danish", "europe"),
    ("Estonia", "Estonian", "europe"),
    ("Finland", "Finnish", "europe"),
    ("Greece", "Greek", "europe"),
    ("Hungary", "Hungarian", "europe"),
    ("Ireland", "Irish", "europe"),
    ("Italy", "Italian", "europe"),
    ("Latvia", "Latvian", "europe"),
    ("Lithuania", "Lithuanian", "europe"),
    ("Luxembourg", "Luxembourg", "europe"),
    ("Malta", "Maltese", "europe"),
    ("Netherlands", "Dutch", "europe"),
    ("Portugal", "Portuguese", "europe"),
    ("Romania", "Romanian", "europe"),
    ("Slovakia", "Slovak", "europe"),
    ("Slovenia", "Slovenian", "europe"),
    ("Spain", "Spanish", "europe"),
    ("Sweden", "Swedish", "europe"),
    ("Norway", "Norwegian", "europe"),
    ("Iceland", "Icelandic", "europe"),
    ("Moldova", "Moldovan", "europe"),
    ("Albania", "Albanian", "europe"),
    ("Montenegro", "Montenegrin", "europe"),
    ("North Macedonia", "North Macedonian", "europe"),
    ("Belarus", "Belarusian", "russia"),  # Russia's ally in the war: its camp
    ("Switzerland", "Swiss", "europe"),
    ("Serbia", "Serbian", "europe"),
    ("Georgia", "Georgian", "other"),
    ("Armenia", "Armenian", "other"),
    ("Azerbaijan", "Azerbaijani", "other"),
    ("Kazakhstan", "Kazakh", "other"),
    ("Uzbekistan", "Uzbek", "other"),
    ("Iran", "Iranian", "other"),
    ("Israel", "Israeli", "other"),
    ("Saudi Arabia", "Saudi", "other"),
    ("United Arab Emirates", "UAE", "other"),
    ("Qatar", "Qatari", "other"),
    ("Oman", "Omani", "other"),
    ("Kuwait", "Kuwaiti", "other"),
    ("Jordan", "Jordanian", "other"),
    ("Egypt", "Egyptian", "other"),
    ("Iraq", "Iraqi", "other"),
    ("Syria", "Syrian", "other"),
    ("Pakistan", "Pakistani", "other"),
    ("Indonesia", "Indonesian", "other"),
    ("Malaysia", "Malaysian", "other"),
    ("Vietnam", "Vietnamese", "other"),
    ("Japan", "Japanese", "other"),
    ("South Korea", "South Korean", "other"),
    ("North Korea", "North Korean", "other"),
    ("Australia", "Australian", "other"),
    ("New Zealand", "New Zealand", "other"),
    ("Canada", "Canadian", "other"),
    ("Mexico", "Mexican", "other"),
    ("Brazil", "Brazilian", "other"),
    ("Argentina", "Argentine", "other"),
    ("Chile", "Chilean", "other"),
    ("Colombia", "Colombian", "other"),
    ("Venezuela", "Venezuelan", "other"),
    ("Cuba", "Cuban", "other"),
    ("South Africa", "South African", "other"),
    ("Nigeria", "Nigerian", "other"),
    ("Ethiopia", "Ethiopian", "other"),
    ("Kenya", "Kenyan", "other"),
    ("Ghana", "Ghanaian", "other"),
    ("Senegal", "Senegalese", "other"),
    ("Algeria", "Algerian", "other"),
    ("Morocco", "Moroccan", "other"),
    ("Uganda", "Ugandan", "other"),
    ("Zambia", "Zambian", "other"),
)
# Countries whose government the reference holds but whose president's office it does not
PRESIDENCY_ONLY: tuple[tuple[str, str, str], ...] = (
    ("Turkey", "Turkish", "other"),
    ("Poland", "Polish", "europe"),
    ("Germany", "German", "europe"),
    ("India", "Indian", "other"),
    ("China", "Chinese", "other"),
)
# Names that are also people's or places' names: they never speak as a bare country
AMBIGUOUS_NAMES = frozenset({"Jordan", "Georgia"})


def country_word_sides() -> dict[str, str]:
    """Each country's name and its people's word, with the country's side ("Maltese": "europe")."""
    sides = {people: side for _, people, side in COUNTRY_TABLE}
    sides.update({country: side for country, _, side in COUNTRY_TABLE if country not in AMBIGUOUS_NAMES})
    return sides


def speaking_countries() -> list[str]:
    """Country names that may open "<country> said" (the ambiguous ones left out)."""
    return [country for country, _, _ in COUNTRY_TABLE if country not in AMBIGUOUS_NAMES]


def country_bodies(known_aliases: Iterable[str]) -> list[Actor]:
    """A government and a foreign ministry for each country whose government the reference lacks
    (``known_aliases`` are the reference's aliases, lower case)."""
    known = set(known_aliases)
    bodies: dict[str, Actor] = {}
    for country, people, side in COUNTRY_TABLE:
        government = f"{people} government"
        if government.lower() in known or f"{country.lower()}'s government" in known or government in bodies:
            continue
        bodies[government] = Actor(
            government,
            (f"{people} authorities", f"{country}'s government", f"government of {country}", f"{country} government"),
            side,
            "institution",
        )
        ministry = f"{people} Foreign Ministry"
        bodies[ministry] = Actor(
            ministry,
            (
                f"{country}'s Foreign Ministry",
                f"{people} Ministry of Foreign Affairs",
                f"Foreign Ministry of {country}",
                f"Ministry of Foreign Affairs of {country}",
                f"Ministry of Foreign Affairs of the {country}",  # "... of the United Arab Emirates"
                f"{people} MFA",
            ),
            side,
            "institution",
        )
    return list(bodies.values())


def presidential_offices(actors: Iterable[Actor], known_aliases: Iterable[str]) -> list[Actor]:
    """A president's office for each country whose office the reference lacks ("The Turkish
    president's office said", "Lukashenko's press service said"): the office speaks, on its
    country's side, under one name whichever way it is written. The president's own name makes
    an alias when the reference gives him that title ("Erdogan's office")."""
    known = set(known_aliases)
    names_by_title: dict[str, list[str]] = {}  # "turkish president" -> every way its holders are written
    for actor in actors:
        if actor.kind == "person":
            for title in {role.title.lower() for role in actor.roles}:
                names_by_title.setdefault(title, []).extend((actor.name, actor.name.split()[-1], *actor.aliases))
    offices = []
    for country, people, side in (*COUNTRY_TABLE, *PRESIDENCY_ONLY):
        name = f"{people} Presidential Office"
        if name.lower() in known:
            continue
        titles = (f"{people} president", f"president of {country}", f"{country}'s president")
        presidents = dict.fromkeys(alias for title in titles for alias in names_by_title.get(title.lower(), ()))
        aliases = (
            f"{people} president's office",
            f"{country}'s presidential office",
            f"Office of the President of {country}",
            f"{people} presidential administration",
            f"{people} presidential press service",
            f"{people} president's press service",
            *(f"{alias}'s {body}" for alias in presidents for body in ("office", "press service")),
        )
        offices.append(Actor(name, tuple(a for a in aliases if a.lower() not in known), side, "institution"))
    return offices
