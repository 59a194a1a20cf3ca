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


def test_a_dateline_with_nothing_after_its_evidence_is_not_given_a_year(reference):
    # Only a start is known (a post held since 2012) and no build date bounds it: every later
    # November 14 fits, so the first one is not the day.
    text = (
        "Aide sets out the Kremlin's view\n\n"
        "MOSCOW, November 14. Kremlin aide Yury Ushakov said the envoys would meet again soon."
    )
    claim = date_article(article_from_text(text), DatingContext(reference))
    assert claim.precision != "day"
    assert claim.latest is None or claim.latest > D(2013, 11, 14)


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


# --- evidence written into the text ---------------------------------------------------------


def test_the_age_of_the_war_bounds_the_date():
    from pipeline.calendar_mentions import war_age_constraints

    (nearly,) = war_age_constraints(["Diplomats met again after nearly four years of war."])
    assert nearly.earliest == D(2025, 8, 25) and D(2026, 2, 24) <= nearly.latest <= D(2026, 3, 31)
    (more,) = war_age_constraints(["The invasion began more than a year ago, the minister said."])
    assert D(2023, 1, 15) <= more.earliest <= D(2023, 2, 24) and more.latest == D(2024, 2, 24)
    assert war_age_constraints(["The two-year-old war in Gaza has cost thousands of lives."]) == []
    assert war_age_constraints(["The 70-year-old leader said he was ready to talk."]) == []


def test_a_dateline_year_follows_from_the_age_of_the_war(reference):
    text = (
        "Envoys gather for another round\n\n"
        "GENEVA, Feb 3 (Reuters) - Negotiators met again on Monday to look for a way out of the nearly "
        "three-year-old conflict, officials said."
    )
    claim = claim_for(text, reference)
    assert claim.value == D(2025, 2, 3) and claim.precision == "day"


def test_past_and_future_dates_written_out_bound_the_article():
    from pipeline.calendar_mentions import explicit_date_constraints

    (past,) = explicit_date_constraints(["The minister visited Lisbon on May 28, 2024, officials said."])
    assert (past.earliest, past.latest) == (D(2024, 5, 28), None)
    (month,) = explicit_date_constraints(["Moscow has seized more land since early 2025, the report said."])
    assert month.earliest == D(2025, 1, 1)
    (future,) = explicit_date_constraints(["The summit is scheduled to open in July 2026."])
    assert (future.earliest, future.latest) == (None, D(2026, 7, 31))
    assert explicit_date_constraints(["Kyiv wants a return to the 1991 borders."]) == []
    assert explicit_date_constraints(["The envoy could travel in June 2026 if talks go well."]) == []


def test_a_weekday_with_its_date_names_the_year(reference):
    text = (
        "Mediators report back\n\n"
        "The mission met both leaders and called the trip useful on Wednesday (September 24), "
        "U.S. Secretary of State Marco Rubio told reporters in New York."
    )
    claim = claim_for(text, reference)
    assert D(2025, 8, 24) <= claim.earliest and claim.latest <= D(2025, 10, 25)


def test_the_best_day_is_soon_after_the_latest_event_cited(reference):
    text = (
        "Allies weigh the next step\n\n"
        "Officials in several capitals said on Thursday they were still studying the 28-point plan, "
        "which was handed to Kyiv earlier this month."
    )
    claim = claim_for(text, reference)
    assert claim.earliest <= claim.value <= claim.earliest + dt.timedelta(days=6)
    assert claim.value.weekday() == 3  # the lead's Thursday


def test_a_role_described_rather_than_titled_does_not_end_with_the_term(reference):
    text = (
        "Kremlin revisits the spring talks\n\n"
        "The spokesman said the head of the Ukrainian delegation to those talks, David Arakhamia, "
        "had admitted as much in an interview."
    )
    claim = claim_for(text, reference)
    assert claim.latest is None or claim.latest > D(2022, 5, 17)


def test_the_best_day_lies_in_one_of_the_years_left_open_not_between_them(reference):
    text = "Delegations to meet\n\nThe delegation will be ready on Monday, June 2, for the next round, the spokesman said."
    claim = claim_for(text, reference)
    fitting = [D(y, 6, 2) for y in range(2000, 2027) if D(y, 6, 2).weekday() == 0]
    assert any(abs((claim.value - day).days) <= 31 for day in fitting)
    assert claim.value.year == max(fitting).year


def test_a_year_mentioned_is_not_an_event_that_just_happened(reference):
    text = "Allies regroup\n\nThe alliance held several rounds of talks in 2023, officials said, without a result."
    claim = claim_for(text, reference)
    assert claim.earliest == D(2023, 1, 1)
    assert claim.value > D(2023, 1, 31)  # not "soon after" the first of January


def test_an_event_of_last_year_puts_the_article_in_the_year_after(reference):
    text = (
        "Orthodox holiday truce proposed\n\n"
        "Kyiv proposed a pause in strikes over the holiday. Last year, Putin declared an Easter truce that "
        "both sides accused each other of breaking."
    )
    claim = claim_for(text, reference)
    assert (claim.earliest, claim.latest) == (D(2026, 1, 1), D(2026, 11, 24))
    assert claim.value > D(2026, 1, 31)  # a year's first days are no likelier than its others


def test_time_words_of_another_clause_do_not_date_the_event(reference):
    text = (
        "Leaders discuss grain\n\n"
        "The grain deal was high on the agenda when Erdogan met Putin, who earlier this year walked away "
        "from the arrangement for Ukrainian exports."
    )
    claim = claim_for(text, reference)
    assert claim.latest is None or claim.latest > D(2022, 12, 31)


def test_an_event_coming_today_allows_a_copy_dated_the_day_after(reference):
    text = "Leaders head north\n\nTrump and Putin will meet on Friday at the Alaska summit, aides said."
    claim = claim_for(text, reference)
    assert claim.latest == D(2025, 8, 16)


def test_a_dateline_without_a_year_read_soon_after_retrieval_is_the_latest_fit(reference):
    from pipeline.dating import DatingContext

    text = "Kyiv repeats offer\n\nKYIV, April 22 (Reuters) - President Volodymyr Zelensky said Ukraine was ready to talk."
    claim = date_article(article_from_text(text), DatingContext(reference, D(2025, 6, 14), D(2025, 6, 14)))
    assert claim.value == D(2025, 4, 22) and claim.earliest < D(2025, 1, 1)


def test_a_dateline_taken_for_the_title_still_dates_the_article(reference):
    """A text whose first short paragraph opens with its dateline: ingest makes that line the
    title, and the dateline in it is still read."""
    text = "ODESA, July 9, 2024 (Reuters) - Grain ships sailed again.\n\nThe port authority said six ships had left on Tuesday.\n"
    claim = claim_for(text, reference)
    assert (claim.method, claim.earliest, claim.latest) == ("dateline", dt.date(2024, 7, 9), dt.date(2024, 7, 9))


def test_an_event_prepared_or_put_off_is_not_one_that_happened(reference):
    """ "Officials who prepared the sham referendums" and "the summit was postponed" are written in
    the past tense about an event that had not taken place; neither bounds the article from below."""
    for text in (
        "Kremlin rethinks its plans\n\nThe officials who prepared the sham referendums were told their work was on hold.",
        "Kremlin rethinks its plans\n\nThe sham referendums were postponed again, officials said.",
    ):
        claim = claim_for(text, reference)
        assert claim.earliest is None or claim.earliest < D(2022, 9, 23), claim.evidence


def test_a_dated_lead_under_a_headline_about_a_coming_event_keeps_its_date(reference):
    """The headline names a coming summit and is read with the lead for it; the lead's own
    "on June 2, 2024" (past) still bounds the article, read in its own sentence."""
    text = (
        "Kyiv says three points of its plan will be discussed at the Global Peace Summit in Switzerland\n\n"
        "The president said this at a news conference in Madrid on June 2, 2024.\n"
    )
    claim = claim_for(text, reference)
    assert claim.earliest is not None and D(2024, 6, 2) <= claim.earliest <= D(2024, 6, 3)


def test_a_weekday_after_a_verb_of_saying_dates_the_remark_not_the_event(reference):
    # The talks on a minerals deal began on a Monday early in 2025; "said Monday" is when the
    # minister spoke of the deal, months later, so it does not put the article in that week.
    text = (
        "The president endorsed a recent minerals deal with Kyiv to gain leverage over Moscow, Treasury "
        "Secretary Scott Bessent said Monday at a conference in California.\n\nHe gave no further details."
    )
    claim = claim_for(text, reference)
    assert not (claim.latest and claim.latest <= D(2025, 2, 10))


def test_a_date_an_event_was_to_take_place_on_is_not_past(reference):
    # The meeting was put off: the article may well be written before the day it was set for.
    text = (
        "Summit plans falter\n\n"
        "Preparations stalled after the two sides postponed a meeting of foreign ministers that was to take "
        "place in Vienna on Thursday, October 23, US Secretary of State Marco Rubio said."
    )
    claim = claim_for(text, reference)
    assert claim.earliest is None or claim.earliest < D(2025, 10, 23)


def test_a_place_and_a_numeric_date_open_the_article(reference):
    text = "Vilnius 11.07.2023 NATO leaders said the alliance would invite Ukraine when allies agree."
    claim = claim_for(text, reference)
    assert (claim.value, claim.precision) == (D(2023, 7, 11), "day")


def test_a_title_worded_another_way_still_bounds_the_date(reference):
    text = (
        "Kyiv rules out talks for now\n\n"
        "In Kyiv, Minister of Foreign Affairs of Ukraine Andrii Sybiha told reporters that Moscow had lost interest in the talks."
    )
    claim = claim_for(text, reference)
    assert claim.earliest == D(2024, 9, 5)


def test_a_date_in_a_clause_already_past_is_no_future_bound():
    """ "will build on the work that has already taken place in June 2023": the sentence looks both
    ways, so the month bounds nothing."""
    from pipeline.calendar_mentions import explicit_date_constraints

    sentence = "The meeting will build on the work that has already taken place in Rome in June 2023."
    assert explicit_date_constraints([sentence]) == []


def test_a_weekday_opening_a_reported_plan_is_a_day_to_come():
    """ "announced that on Thursday the parliament is expected to ratify": the lead's weekday is
    ahead of the article, not the day it reports."""
    from pipeline.dating import lead_weekday

    assert lead_weekday("The president announced that on Thursday the parliament is expected to ratify the deal.") is None
    assert lead_weekday("The president said on Thursday that the parliament would ratify the deal.") is not None
