"""Dating stays honest where real copy misleads simple rules: several terms of office, a dateline
without its year, "today" in a quote, a weekday that dates a remark rather than an event.

Every text here is written for the test.
"""

from __future__ import annotations

import datetime as dt

from pipeline.date_constraints import Constraint, alternatives, combine
from pipeline.dating import DatingContext, date_article
from pipeline.evaluate import article_from_text

D = dt.date
BUILD_DAY = D(2026, 11, 24)


def claim_for(text: str, reference):
    """The article claim of a text, with the build date as the only upper bound."""
    return date_article(article_from_text(text), DatingContext(reference, None, BUILD_DAY))


def test_two_terms_keep_only_the_one_the_other_evidence_allows():
    terms = alternatives([(D(2017, 1, 20), D(2021, 1, 20)), (D(2025, 1, 20), None)], "two terms")
    earliest, latest, notes = combine([terms, Constraint(D(2022, 2, 24), BUILD_DAY, "after the invasion")])
    assert (earliest, latest) == (D(2025, 1, 20), BUILD_DAY)
    assert "two terms" in notes


def test_options_that_the_evidence_rules_out_all_are_a_conflict():
    terms = alternatives([(D(2017, 1, 20), D(2021, 1, 20))], "first term")
    earliest, latest, notes = combine([Constraint(D(2022, 2, 24), D(2023, 1, 1), "war"), terms])
    assert any(n.startswith("conflict: first term") for n in notes)
    assert earliest <= D(2017, 1, 20)


def test_president_trump_after_the_invasion_is_his_second_term(reference):
    text = (
        "Envoys to meet again\n\n"
        "U.S. President Donald Trump said his envoys would keep talking to Moscow, as they have done at times "
        "since the full-scale invasion."
    )
    claim = claim_for(text, reference)
    assert claim.earliest >= D(2025, 1, 20)


def test_a_dateline_that_fits_two_years_is_an_interval_not_a_day(reference):
    text = (
        "Kremlin repeats its terms\n\n"
        "MOSCOW, Feb 12 (Reuters) - Treasury Secretary Scott Bessent said on Thursday that sanctions would stay "
        "until Moscow agreed to a ceasefire."
    )
    claim = claim_for(text, reference)
    assert claim.precision != "day"
    assert claim.earliest == D(2025, 2, 12) and claim.latest == D(2026, 2, 12)
    assert "without a year" in claim.evidence


def test_today_inside_a_quote_does_not_make_an_old_event_today(reference):
    text = (
        "Moscow halts grain corridor\n\n"
        "The ministry said it would \u201cno longer take part in the Black Sea Grain Initiative from today\u201d, "
        "citing drone strikes on ships of its fleet. Ukraine's foreign minister Dmytro Kuleba called it blackmail."
    )
    claim = claim_for(text, reference)
    assert claim.latest is None or claim.latest > D(2022, 7, 22)


def test_a_weekday_that_dates_a_remark_does_not_pin_an_older_event(reference):
    # The energy-strike halt was agreed on a Tuesday; a later Tuesday's remark about it, deep in
    # the article, must not put the article in the week of the agreement.
    text = (
        "Strikes continue despite pledges\n\n"
        "Drones hit a fuel depot in southern Russia overnight, regional officials said. "
        "Firefighters worked through the morning. "
        "Both sides traded blame for the damage. "
        "Later on Tuesday, the White House said both governments had promised again to respect the halt to "
        "strikes on energy infrastructure."
    )
    claim = claim_for(text, reference)
    assert not (claim.latest and claim.latest <= D(2025, 3, 24))


def test_an_expectation_in_the_past_is_not_a_coming_event(reference):
    text = (
        "Putin sets out terms\n\n"
        "On Friday, the day before the conference was set to open, Russian President Vladimir Putin "
        "demanded that Ukraine withdraw from four regions before any talks."
    )
    claim = claim_for(text, reference)
    assert claim.earliest == D(2024, 6, 14) and claim.latest == D(2024, 6, 20)  # that Friday or the week after


def test_a_headline_naming_only_a_topic_is_not_read_with_the_lead(reference):
    # The Black Sea talks were agreed on a Tuesday; this lead's Tuesday is a later turn of the story.
    text = "Moscow wants sanctions eased for Black Sea ceasefire\n\nRussia said Tuesday that a deal at sea depended on its banks."
    claim = claim_for(text, reference)
    assert not (claim.latest and claim.latest <= D(2025, 3, 24))
