"""Dating: the labelled fixture, each rule on its own, and the five real seed articles."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from pipeline.dating import DatingContext, date_article, date_from_content, exact
from pipeline.evaluate import DATING_FIXTURE, article_from_text, evaluate_dating, score_claim
from pipeline.event_mentions import event_index
from pipeline.event_series import mentions_latest
from pipeline.ingest import ingest
from pipeline.reference import Actor, Event, Reference, Role
from pipeline.sources import read_folder
from pipeline.statement_dates import date_statement

CASES = yaml.safe_load(DATING_FIXTURE.read_text(encoding="utf-8"))["cases"]
STRONG_RULES = {"header", "url", "timestamp", "relative-age"}
D = dt.date


def claim_for(case, reference):
    """Run the dating code on one fixture case."""
    if case["kind"] == "article":
        ctx = DatingContext(reference, case.get("as_of"), case.get("as_of"))
        return date_article(article_from_text(case["text"]), ctx)
    return date_statement(case["text"].strip(), exact(case["article_date"], "header", "fixture"), event_index(reference.events))


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_no_case_is_confidently_wrong(case, reference):
    """A wrong date stated with confidence is the worst outcome: never on our fixture."""
    claim = claim_for(case, reference)
    outcome = score_claim(claim, case.get("truth_earliest"), case.get("truth_latest"), case.get("truth_day"))
    assert outcome != "confidently-wrong", f"{claim} ({claim.evidence})"


@pytest.mark.parametrize("case", [c for c in CASES if c["rule"] in STRONG_RULES], ids=lambda c: c["id"])
def test_strong_evidence_gives_the_exact_day(case, reference):
    claim = claim_for(case, reference)
    assert claim.precision == "day"
    assert claim.earliest <= case["truth_earliest"] and case["truth_latest"] <= claim.latest


def test_fixture_figures_stay_above_floor(reference):
    summary, _ = evaluate_dating(reference)
    assert summary["cases"] >= 60
    assert summary["confidently_wrong"] == 0
    assert summary["correct_rate"] >= 0.70


def test_weekday_in_an_article_on_that_day_is_that_day():
    claim = date_statement("The Kremlin said on Friday that talks would go on.", exact(D(2025, 4, 18), "header", "x"))
    assert claim.value == D(2025, 4, 18)


def test_month_rolls_back_over_new_year():
    claim = date_statement("Putin said in December that the offer stood.", exact(D(2025, 1, 10), "header", "x"))
    assert (claim.earliest, claim.latest) == (D(2024, 12, 1), D(2024, 12, 31))
    assert claim.precision == "month"


def test_future_day_without_year_looks_forward():
    claim = date_statement("Talks will resume on 15 April, the ministry said.", exact(D(2025, 4, 10), "header", "x"))
    assert claim.value == D(2025, 4, 15)


def test_statement_without_cue_inherits_article_date():
    claim = date_statement("Peskov said Russia was open to dialogue.", exact(D(2025, 4, 18), "header", "x"))
    assert claim.method == "article" and claim.value == D(2025, 4, 18)


def test_may_and_march_as_words_are_not_dates():
    for sentence in ("Russia may agree to talks, Lavrov said.", "Protesters plan a march on Kyiv, officials said."):
        assert date_statement(sentence, exact(D(2025, 4, 18), "header", "x")).method == "article"


# --- the five real seeds, read in place --------------------------------------------------
# 000: header line "date 2025-05-10 ..." -> 2025-05-10 exactly.
# 001: "telling NBC News last month" (Trump's NBC interview, 2025-03-30) puts it in April 2025;
#      "Rubio said last week that Trump would not be drawn into 'endless negotiations'" (his
#      remarks at the NATO foreign ministers' meeting, Friday 2025-04-04) puts it in the calendar
#      week after (6-13 April); the Kremlin spoke "Monday" -> 2025-04-07.
# 002: the lead says "on Friday"; Peskov says the energy moratorium (agreed 2025-03-18) "had
#      already been a month" -> 26-34 days later -> the only Friday is 2025-04-18.
# 003: "Putin ... told Guinea-Bissau President Embalo ... during a meeting Tuesday" (the meeting was
#      Tuesday 2022-10-25) and the Kremlin spoke "on Thursday" -> 2022-10-27.
# 004: "Putin underlined last month that Moscow was prepared to initiate negotiations"; the next
#      sentence, about Putin again and with no time of its own, tells what he did then: "a meeting
#      with senior diplomats" announcing his "peace proposal" (the Foreign Ministry speech of
#      2024-06-14) -> July 2024. Peskov spoke "on Sunday" (7, 14, 21 or 28 July), after NATO's
#      "latest summit": in July 2024 that is Washington (9-11 July) unless it is before it, so the
#      likeliest Sunday is the first after it -> best day 2024-07-14, interval the Sundays of July.
SEED_TRUTH = {
    "000_64e7ff765e8523a4.txt": ("exact", D(2025, 5, 10)),
    "001_6017a1295f4de872.txt": ("exact", D(2025, 4, 7)),
    "002_a8df553f480df407.txt": ("exact", D(2025, 4, 18)),
    "003_62cab7a650dcf076.txt": ("exact", D(2022, 10, 27)),
    "004_45839114337afac4.txt": ("best", D(2024, 7, 14)),
}


@pytest.fixture(scope="module")
def seed_articles(seeds_dir, reference):
    docs, _ = read_folder(seeds_dir)
    articles, _ = ingest(docs)
    ctx = DatingContext(reference, None, D(2026, 1, 1))
    return {a.source_path: date_article(a, ctx) for a in articles}


@pytest.mark.parametrize("name", sorted(SEED_TRUTH))
def test_seed_publication_dates(seed_articles, name):
    kind, truth = SEED_TRUTH[name]
    claim = seed_articles[name]
    assert claim.earliest is not None and claim.latest is not None, claim
    assert claim.earliest <= truth <= claim.latest, claim
    if kind == "exact":
        assert claim.value == truth and claim.precision in ("day", "week"), claim
    elif kind == "best":
        assert claim.value == truth and (claim.latest - claim.earliest).days <= 31, claim
    assert claim.evidence


def test_next_and_last_month_are_the_neighbouring_months():
    nxt = date_statement("Talks will resume next month, the envoy said.", exact(D(2025, 5, 10), "header", "x"))
    assert (nxt.earliest, nxt.latest) == (D(2025, 6, 1), D(2025, 6, 30))
    last = date_statement("The envoy said last month that talks would resume.", exact(D(2025, 1, 10), "header", "x"))
    assert (last.earliest, last.latest) == (D(2024, 12, 1), D(2024, 12, 31))


def _ctx_with(events, actors=()):
    return DatingContext(Reference(tuple(actors), tuple(events), (), ()), None, D(2026, 1, 1))


def test_last_week_is_the_calendar_week_after_the_event():
    # Friday 4 April -> last week said from Sunday 6 (Sunday-start weeks) to Sunday 13 April
    event = Event("e", D(2025, 4, 4), None, "Rubio remarks", ("rubio + endless negotiations",), None)
    article = article_from_text("Rubio said last week that the US would not be drawn into endless negotiations.")
    claim = date_from_content(article, _ctx_with([event]))
    assert (claim.earliest, claim.latest) == (D(2025, 4, 6), D(2025, 4, 13)), claim


def test_last_month_carries_to_the_next_sentence_about_the_same_person():
    putin = Actor("Vladimir Putin", ("Putin",), "russia", "person")
    event = Event("speech", D(2024, 6, 14), None, "Putin speech", ("putin + diplomats + peace proposal",), None)
    text = "Putin said last month that Moscow was ready for talks. At a meeting with diplomats, Putin set out a peace proposal."
    claim = date_from_content(article_from_text(text), _ctx_with([event], [putin]))
    assert (claim.earliest, claim.latest) == (D(2024, 7, 1), D(2024, 7, 31)), claim
    # a sentence about somebody else, or with a time of its own, does not inherit it
    other = (
        "Putin said last month that Moscow was ready for talks. In 2024, Lavrov set out a diplomats' peace proposal with Putin."
    )
    assert date_from_content(article_from_text(other), _ctx_with([event], [putin])).latest != D(2024, 7, 31)


def test_latest_instance_of_a_series_bounds_the_date_between_two_instances():
    summits = [
        Event("s1", D(2023, 7, 11), D(2023, 7, 12), "Vilnius summit", (), None, "nato + summit"),
        Event("s2", D(2024, 7, 9), D(2024, 7, 11), "Washington summit", (), None, "nato + summit"),
        Event("s3", D(2025, 6, 24), D(2025, 6, 25), "Hague summit", (), None, "nato + summit"),
    ]
    envoy = Actor("Jane Roe", ("Roe",), "usa", "person", (Role("Envoy", D(2023, 1, 1), D(2023, 12, 31)),))
    text = "Envoy Jane Roe defended the decisions of NATO's latest summit on Friday."
    claim = date_from_content(article_from_text(text), _ctx_with(summits, [envoy]))
    # the envoy's tenure (2023) fits only the time from Vilnius to Washington: it began before any summit
    # we know, but "the latest summit" says one has been held, so the text is from Vilnius on
    assert (claim.earliest, claim.latest) == (D(2023, 7, 11), D(2023, 12, 31)), claim
    assert "Vilnius summit" in claim.evidence
    # "next", "last year's" and a bare mention are not the latest instance
    for sentence in ("NATO's next summit is in The Hague.", "Last year's NATO summit was in Vilnius.", "The NATO summit ended."):
        assert not mentions_latest(sentence, "nato + summit"), sentence


def test_statement_made_at_a_dated_event_takes_the_event_date(seeds_dir, reference, seed_articles):
    # seed 004 (July 2024): "During a meeting with senior diplomats in Moscow, Putin announced Russia's
    # latest concrete peace proposal" -- his Foreign Ministry speech of 14 June 2024, not the article's day
    text = (seeds_dir / "004_45839114337afac4.txt").read_text(encoding="utf-8")
    sentence = next(s for s in text.split("\n") if s.startswith("During a meeting with senior diplomats"))
    sentence = sentence.split(". ")[0] + "."
    claim = date_statement(sentence, seed_articles["004_45839114337afac4.txt"], event_index(reference.events))
    assert (claim.value, claim.method) == (D(2024, 6, 14), "event"), claim
    # talking about an event is not speaking at it
    about = date_statement(
        "Peskov said the energy moratorium had expired.", exact(D(2025, 4, 18), "header", "x"), event_index(reference.events)
    )
    assert about.method == "article"


def test_a_hyphenated_event_name_is_not_its_neighbour():
    from pipeline.event_mentions import EventIndex
    from pipeline.reference import Event

    council = Event("nrc", D(2022, 1, 12), None, "NATO-Russia Council meets", ("nato-russia council",), None)
    index = EventIndex((council,))
    assert index.find("The NATO-Ukraine Council met in Brussels on Tuesday.") == []
    assert [m.event.event_id for m in index.find("The NATO-Russia Council met in Brussels.")] == ["nrc"]


@pytest.mark.parametrize(
    "headline",
    ["PM call with the President of Finland: 22 May 2022", "Leaders' call on the grain corridor | March 4, 2025"],
)
def test_a_headline_that_closes_on_a_date_dates_the_news(headline, reference):
    """A readout's headline that ends on a full date after a separator names the day of the news;
    the copy is out that day or the next (and the body's 'this evening' adds nothing against it)."""
    text = f"{headline}\n\nThe Prime Minister spoke to the President this evening about the talks.\n"
    claim = date_article(article_from_text(text), DatingContext(reference, None, dt.date(2026, 11, 25)))
    day = dt.date(2022, 5, 22) if "2022" in headline else dt.date(2025, 3, 4)
    assert (claim.value, claim.earliest, claim.latest) == (day, day, day + dt.timedelta(days=1))


def test_a_date_inside_a_headline_is_not_the_day_of_the_news(reference):
    """ "Talks set for 15 June 2026 in Geneva": the date is what the news is about, not when it came out."""
    text = "Talks set for 15 June 2026 in Geneva, envoy says\n\nThe envoy said the talks would go ahead.\n"
    claim = date_article(article_from_text(text), DatingContext(reference, None, dt.date(2026, 11, 25)))
    assert claim.method != "dateline"
