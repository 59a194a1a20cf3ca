"""Given names that tell a woman from a man, for "she said" after several people were named.

News writes "she" for the woman last named, not for the man who spoke last. The reference has no
gender column, so this is a list of women's given names common in political news across the
countries that speak in it; a name not listed is of unknown gender, and the pronoun then falls
back to the last person (who is usually the one meant).
"""

from __future__ import annotations

WOMEN_GIVEN_NAMES = frozenset(
    """
    Agnieszka Alice Amelie Angela Ann Anna Annalena Anne Antonia Beata Brittney Caroline Catherine Christine
    Daria Dorothee Dubravka Ebba Ekaterina Elena Elina Ella Elvira Emily Evika Ewa Gina Giorgia Halyna Hanna
    Heidi Helene Hillary Ilze Ingrida Irina Iryna Iuliia Ivana Jacinda Jane Janet Jessica Julia Julie Kaja
    Kamala Karin Karoline Kateryna Kay Kelly Kemi Kersti Kirsten Kristalina Kristi Laura Lesia Lilia Linda Lisa
    Liz Lyudmila Ludmila Magdalena Maia Margrethe Maria Marianna Marie Marine Mariya Marjorie Mette Nadiya
    Nancy Natalia Nataliya Natalya Nikki Oksana Olena Olga Olha Penny Priti Rachel Roberta Rosemary Sahra
    Salome Samantha Sanna Sarah Sophie Suella Susan Svetlana Sviatlana Tammy Tatiana Tatyana Theresa Ulla
    Ursula Valentina Valentyna Victoria Viktoriia Viola Yekaterina Yevheniia Yulia Yuliia Yvette Zuzana
    """.split()
)


def is_woman(name: str) -> bool | None:
    """True for a listed woman's given name, None when the name says nothing (no man's list is kept)."""
    first = name.split()[0] if name.split() else ""
    return True if first in WOMEN_GIVEN_NAMES else None
