"""Quality as a command: score dating, statements, speakers, stance and topics on our fixtures.

`python -m pipeline eval` prints the figures and fails when one drops below the floors in
`tests/fixtures/floors.yaml`. Fixtures are hand-written snippets with known answers.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from pipeline import settings
from pipeline.dating import DatingContext, date_article, exact
from pipeline.event_mentions import event_index
from pipeline.ingest import clean_document
from pipeline.records import Article, DateClaim, RawDocument
from pipeline.reference import Reference
from pipeline.speakers import SpeakerIndex
from pipeline.stance import classify_stance
from pipeline.statement_dates import date_statement
from pipeline.statements import extract_statements

FIXTURES = settings.REPO_ROOT / "tests" / "fixtures"
DATING_FIXTURE = FIXTURES / "dating_cases.yaml"
STATEMENTS_FIXTURE = FIXTURES / "statements.yaml"
FLOORS_FILE = FIXTURES / "floors.yaml"
SEED_STANCES = FIXTURES / "seed_stances.yaml"


@dataclass
class DatingResult:
    """One dating case: its truth, the claim we made, and how it scored."""

    case_id: str
    rule: str
    truth: tuple[dt.date | None, dt.date | None]
    claim: DateClaim
    outcome: str  # exact | inside | undated-correct | too-wide | wrong | confidently-wrong | missed


def _as_date(value) -> dt.date | None:
    """YAML gives dates already; strings are parsed."""
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def article_from_text(text: str, source: str = "case.txt") -> Article:
    """An article as ingest would make it from a plain-text file."""
    result = clean_document(RawDocument(source_path=source, fmt="txt", text=text))
    if not isinstance(result, Article):
        result = Article(article_id="x", source_path=source, title="", outlet=None, url=None, text=text)
    return result


def score_claim(claim: DateClaim, truth_e: dt.date | None, truth_l: dt.date | None, truth_day: dt.date | None = None) -> str:
    """Compare a claim with the truth interval (and the true day when it is known).

    exact: the claim's best day is the true day (or its interval is the true interval);
    inside: the truth lies inside the claim; confidently-wrong: a narrow claim that misses.
    """
    if truth_e is None:
        if not claim.is_known or claim.precision == "unknown":
            return "undated-correct"
        return "confidently-wrong" if (claim.width_days or 0) <= settings.CONFIDENT_WIDTH_DAYS else "wrong"
    if not claim.is_known:
        return "missed"
    if truth_day is not None and claim.earliest <= truth_day <= claim.latest:
        if claim.value == truth_day:
            return "exact"
        return "inside"
    if claim.earliest <= truth_e and truth_l <= claim.latest:
        if truth_e == truth_l and claim.value == truth_e and claim.precision == "day":
            return "exact"
        if truth_e != truth_l and claim.earliest == truth_e and claim.latest == truth_l:
            return "exact"
        return "inside"
    if truth_day is None and truth_e <= claim.earliest and claim.latest <= truth_l:
        return "inside"  # narrower than the honest interval but consistent with it
    if claim.latest < truth_e or claim.earliest > truth_l:
        return "confidently-wrong" if claim.width_days <= settings.CONFIDENT_WIDTH_DAYS else "wrong"
    return "wrong" if claim.width_days > (truth_l - truth_e).days else "confidently-wrong"


def evaluate_dating(reference: Reference, path: Path = DATING_FIXTURE) -> tuple[dict, list[DatingResult]]:
    """Dating accuracy on the labelled cases: exact, inside the interval, confidently wrong."""
    cases = yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]
    results = []
    index = event_index(reference.events)
    for case in cases:
        truth = (_as_date(case.get("truth_earliest")), _as_date(case.get("truth_latest")))
        if case["kind"] == "article":
            as_of = _as_date(case.get("as_of"))
            ctx = DatingContext(reference, as_of, as_of)
            claim = date_article(article_from_text(case["text"]), ctx)
        else:
            article_day = _as_date(case["article_date"])
            claim = date_statement(case["text"].strip(), exact(article_day, "header", "fixture"), index)
        outcome = score_claim(claim, *truth, _as_date(case.get("truth_day")))
        results.append(DatingResult(case["id"], case["rule"], truth, claim, outcome))
    return _dating_summary(results), results


def evaluate_labelled_dating(reference: Reference, paths: list[Path], build_day: dt.date) -> tuple[dict, list[DatingResult]]:
    """Article dating on labelled files whose snippets give ``published``, the true day.

    Each text is dated as a build on ``build_day`` would date it, from its words alone. Besides
    the outcomes, how often the best day is within a week of the truth: where the timeline puts it.
    """
    results = []
    for path in paths:
        for snippet in yaml.safe_load(path.read_text(encoding="utf-8"))["snippets"]:
            truth = _as_date(snippet.get("published"))
            if truth is None:
                continue
            claim = date_article(article_from_text(snippet["text"]), DatingContext(reference, None, build_day))
            outcome = score_claim(claim, truth, truth, truth)
            results.append(DatingResult(snippet["id"], "labelled", (truth, truth), claim, outcome))
    if not results:
        return {}, results
    summary = _dating_summary(results)
    near = [r for r in results if r.claim.value is not None and abs((r.claim.value - r.truth[0]).days) <= 7]
    summary["best_day_within_7_days"] = round(len(near) / len(results), 3)
    summary["narrow_claims"] = sum(1 for r in results if r.claim.is_known and r.claim.width_days <= 31)
    return summary, results


def _dating_summary(results: list[DatingResult]) -> dict:
    """Counts of the dating outcomes and the rates derived from them."""
    counts = Counter(r.outcome for r in results)
    n = len(results)
    good = counts["exact"] + counts["inside"] + counts["undated-correct"]
    return {
        "cases": n,
        "exact": counts["exact"],
        "inside_interval": counts["inside"],
        "undated_correct": counts["undated-correct"],
        "missed": counts["missed"],
        "wrong_wide": counts["wrong"],
        "confidently_wrong": counts["confidently-wrong"],
        "correct_rate": round(good / n, 3) if n else 0.0,
        "exact_rate": round(counts["exact"] / n, 3) if n else 0.0,
        "confidently_wrong_rate": round(counts["confidently-wrong"] / n, 3) if n else 0.0,
    }


@dataclass
class StatementEval:
    """Counts behind statement-finding precision/recall and attribution accuracy."""

    expected: int = 0
    found: int = 0
    predicted: int = 0
    predicted_matching: int = 0
    context_flagged: int = 0
    speaker_ok: int = 0
    side_ok: int = 0
    stance_ok: int = 0
    stance_total: int = 0
    errors: list = field(default_factory=list)


def _same_speaker(predicted: str | None, expected: str | None, index: SpeakerIndex | None = None) -> bool:
    """Same person: names equal ignoring case, dots and accents, or the label is one of the actor's aliases."""
    import unicodedata

    def norm(name: str | None) -> str:
        folded = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode()
        return folded.lower().replace(".", "").strip()

    if norm(predicted) == norm(expected):
        return True
    actor = index.by_alias.get((expected or "").lower()) if index is not None else None
    return actor is not None and norm(actor.name) == norm(predicted)


def evaluate_statements(reference: Reference, path: Path = STATEMENTS_FIXTURE) -> tuple[dict, StatementEval]:
    """Statement finding (precision/recall) and speaker, side and stance accuracy."""
    snippets = yaml.safe_load(path.read_text(encoding="utf-8"))["snippets"]
    index = SpeakerIndex(reference.actors)
    ev = StatementEval()
    for snip in snippets:
        text = snip["text"].strip()
        article = Article(article_id=snip["id"], source_path=snip["id"], title="", outlet=None, url=None, text=text)
        # dated first, as a build on this day does (titles resolve to whoever held them then)
        article = replace(article, published=date_article(article, DatingContext(reference, None, dt.date.today())))
        predicted = extract_statements(article, index)
        ev.predicted += len(predicted)
        gold = snip.get("statements") or []
        matched_pred = set()
        for g in gold:
            ev.expected += 1
            hit = next((p for p in predicted if g["contains"] in p.text), None)
            if hit is None:
                ev.errors.append((snip["id"], "missed", g["contains"], None, g.get("speaker")))
                continue
            matched_pred.add(hit.statement_id)
            ev.found += 1
            if _same_speaker(hit.speaker, g.get("speaker"), index):
                ev.speaker_ok += 1
            else:
                ev.errors.append((snip["id"], "speaker", g["contains"], hit.speaker, g.get("speaker")))
            ev.side_ok += hit.side == g.get("side")
            if hit.side != g.get("side") and _same_speaker(hit.speaker, g.get("speaker"), index):
                ev.errors.append((snip["id"], "side", g["contains"], hit.side, g.get("side")))  # the speaker was right
            stance, _ = classify_stance(hit.text)
            ev.stance_total += 1
            ev.stance_ok += stance == g.get("stance")
        ev.predicted_matching += len(matched_pred)
        for ctx_text in snip.get("context") or []:
            if any(ctx_text in p.text for p in predicted if p.statement_id not in matched_pred):
                ev.context_flagged += 1
    return _statement_summary(ev), ev


def _statement_summary(ev: StatementEval) -> dict:
    """Recall, precision and speaker, side and rule-stance accuracy of pooled counts."""
    return {
        "statements_expected": ev.expected,
        "recall": round(ev.found / ev.expected, 3) if ev.expected else 0.0,
        "precision": round(ev.predicted_matching / ev.predicted, 3) if ev.predicted else 0.0,
        "context_sentences_taken_as_statements": ev.context_flagged,
        "speaker_accuracy": round(ev.speaker_ok / ev.found, 3) if ev.found else 0.0,
        "side_accuracy": round(ev.side_ok / ev.found, 3) if ev.found else 0.0,
        "stance_accuracy_rules": round(ev.stance_ok / ev.stance_total, 3) if ev.stance_total else 0.0,
    }


def evaluate_statement_sets(reference: Reference, paths: list[Path]) -> tuple[dict, StatementEval]:
    """The statement figures pooled over several labelled files."""
    pooled = StatementEval()
    for path in paths:
        _, ev = evaluate_statements(reference, path)
        for name in ("expected", "found", "predicted", "predicted_matching", "context_flagged", "speaker_ok", "side_ok"):
            setattr(pooled, name, getattr(pooled, name) + getattr(ev, name))
        pooled.stance_ok += ev.stance_ok
        pooled.stance_total += ev.stance_total
        pooled.errors += ev.errors
    return {"files": len(paths), **_statement_summary(pooled)}, pooled


def evaluate_heldout(reference: Reference, embedder, paths: list[Path] | None = None, mistakes: list | None = None) -> dict:
    """Fresh labelled text that nothing was trained or tuned on (tests/fixtures/heldout_*.yaml by
    default, or any files in that format, such as labelled real articles kept outside the
    repository): statement finding, speakers, sides, topics, and the shipped stance model on the
    labelled statements. ``mistakes``, when given, receives every statement, speaker and stance error."""
    import numpy as np

    from pipeline import stance_model
    from pipeline.labelled import fixture_statements, stance_inputs

    paths = sorted(FIXTURES.glob("heldout_*.yaml")) if paths is None else paths
    if not paths:
        return {"skipped": "no held-out files"}
    summary, pooled = evaluate_statement_sets(reference, paths)
    examples = [x for path in paths for x in fixture_statements(path)]
    summary["topic_accuracy"] = evaluate_topics(reference, embedder, examples)["seeded_accuracy"]
    if mistakes is not None:
        mistakes.extend(("statements", *err) for err in pooled.errors)
    model = stance_model.load()
    if model is not None:
        inputs = stance_inputs(examples, embedder)
        predicted, _ = model.predict(inputs["vectors"], inputs["texts"], inputs["sides"], inputs["topics"])
        summary["stance_accuracy_model"] = round(float(np.mean([p == x.stance for p, x in zip(predicted, examples)])), 3)
        seeded = [(p, x) for p, x in zip(predicted, examples) if x.topic != "other"]
        summary["stance_accuracy_model_seeded_topics"] = round(float(np.mean([p == x.stance for p, x in seeded])), 3)
        summary["stance_confusions"] = _confusions((x.stance, p) for p, x in zip(predicted, examples))
        if mistakes is not None:
            mistakes.extend(
                ("stance", x.source, f"{x.stance}->{p}", x.sentence) for p, x in zip(predicted, examples) if p != x.stance
            )
    return summary


def _confusions(pairs) -> dict[str, int]:
    """Counts of "expected->predicted" for the pairs that differ, most frequent first."""
    counts = Counter(f"{expected}->{predicted}" for expected, predicted in pairs if expected != predicted)
    return dict(sorted(counts.items(), key=lambda kv: -kv[1]))


def load_floors(path: Path = FLOORS_FILE) -> dict:
    """Minimum figures the eval gate enforces."""
    if not path.exists():
        return {}
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def check_floors(figures: dict[str, dict], floors: dict) -> list[str]:
    """Every figure below its floor (or above its ceiling for *_rate of errors)."""
    failures = []
    for section, limits in floors.items():
        for key, limit in (limits or {}).items():
            value = figures.get(section, {}).get(key.removeprefix("max_"))
            if value is None:
                failures.append(f"{section}.{key}: figure missing")
            elif key.startswith("max_") and value > limit:
                failures.append(f"{section}.{key.removeprefix('max_')} = {value} above ceiling {limit}")
            elif not key.startswith("max_") and value < limit:
                failures.append(f"{section}.{key} = {value} below floor {limit}")
    return failures


def evaluate_topics(reference: Reference, embedder, examples=None) -> dict:
    """Topic agreement on gold statements (with their context): seeded accuracy, purity, inverse
    purity, AMI. By default the statements fixture, which the topic model is trained on."""
    from sklearn.metrics import adjusted_mutual_info_score

    from pipeline import topic_model
    from pipeline.labelled import fixture_statements
    from pipeline.records import Statement
    from pipeline.topic_calibration import load_calibration
    from pipeline.topics import assign_topics

    examples = fixture_statements() if examples is None else examples
    statements = [
        Statement(statement_id=str(i), article_id=x.source, text=x.sentence, char_start=0, char_end=0)
        for i, x in enumerate(examples)
    ]
    gold = [x.topic for x in examples]
    threshold, weights = load_calibration()
    contexts = [(x.before, x.lead) for x in examples]
    assigned, _ = assign_topics(
        statements, list(reference.topics), embedder, threshold, contexts, weights, model=topic_model.load()
    )
    predicted = [s.topic_id for s in assigned]
    seeded_ids = {t.topic_id for t in reference.topics}
    seeded = [(p, g) for p, g in zip(predicted, gold) if g in seeded_ids]
    return {
        "statements": len(gold),
        "seeded_accuracy": round(sum(p == g for p, g in seeded) / len(seeded), 3) if seeded else 0.0,
        "purity": round(_purity(predicted, gold), 3),
        "inverse_purity": round(_purity(gold, predicted), 3),
        "ami": round(float(adjusted_mutual_info_score(gold, predicted)), 3),
        "assigned_other": sum(p == "other" for p in predicted),
        "threshold": threshold,
        "context_weights": list(weights),
    }


def evaluate_demo_topics(embedder) -> float:
    """Seeded-topic accuracy on the demo corpus (its own reference, written differently; never trained on)."""
    from pipeline.labelled import demo_statements
    from pipeline.reference import load_reference

    demo = load_reference(settings.DEFAULT_REFERENCE_DIR, settings.DEMO_REFERENCE_DIR, replace=True)
    return evaluate_topics(demo, embedder, demo_statements())["seeded_accuracy"]


def _purity(clusters: list[str], classes: list[str]) -> float:
    """Share of items whose cluster's majority class is their own class."""
    by_cluster: dict[str, Counter] = {}
    for c, k in zip(clusters, classes):
        by_cluster.setdefault(c, Counter())[k] += 1
    return sum(counter.most_common(1)[0][1] for counter in by_cluster.values()) / max(len(classes), 1)


def evaluate_stance(embedder) -> dict:
    """The learned stance model: cross-validated on all our labels, and trained on the
    hand-written fixtures then tested on the (differently written) demo corpus. Side and topic
    are what the pipeline finds for each statement, as in a build."""
    import numpy as np

    from pipeline import stance_model
    from pipeline.labelled import demo_statements, stance_inputs, stance_training_statements

    demo = demo_statements()
    both = stance_training_statements()
    n_fixture = len(both) - len(demo)
    inputs = stance_inputs(both, embedder)
    texts, vectors, sides, topics, ids = (inputs[k] for k in ("texts", "vectors", "sides", "topics", "topic_ids"))
    labels = [x.stance for x in both]
    _, cv_all = stance_model.train(texts, labels, vectors, sides, topics, ids)
    model, _ = stance_model.train(
        texts[:n_fixture], labels[:n_fixture], vectors[:n_fixture], sides[:n_fixture], topics[:n_fixture], ids
    )
    predicted, _ = model.predict(vectors[n_fixture:], texts[n_fixture:], sides[n_fixture:], topics[n_fixture:])
    heldout = float(np.mean([p == x.stance for p, x in zip(predicted, demo)]))
    return {"examples": len(both), "cv_accuracy": round(cv_all, 3), "demo_heldout_accuracy": round(heldout, 3)}


def seed_stance_agreement(statements, articles, path: Path = SEED_STANCES) -> dict:
    """How often a built store's stances (model and rules) match our labels of the real seeds.

    `statements` and `articles` are the store's tables; each label names its seed file and a
    fragment of exactly one statement. Labels whose statement the store lacks count as missed.
    """
    labels = yaml.safe_load(path.read_text(encoding="utf-8"))["seeds"]
    files = dict(zip(articles["article_id"], articles["source_path"]))
    by_file: dict[str, list] = {}
    for row in statements.itertuples():
        by_file.setdefault(files.get(row.article_id, ""), []).append(row)
    found = model_ok = rules_ok = 0
    pairs: list[tuple[str, str]] = []
    total = sum(len(items) for items in labels.values())
    for name, items in labels.items():
        for item in items:
            hits = [r for r in by_file.get(name, []) if item["contains"] in r.text]
            if len(hits) != 1:
                continue
            found += 1
            model_ok += hits[0].stance == item["stance"]
            rules_ok += classify_stance(hits[0].text)[0] == item["stance"]
            pairs.append((item["stance"], hits[0].stance))
    return {
        "labels": total,
        "found": found,
        "accuracy": round(model_ok / found, 3) if found else 0.0,
        "rules_accuracy": round(rules_ok / found, 3) if found else 0.0,
        "confusions": _confusions(pairs),
    }


def evaluate_seed_stances(embedder, seeds_dir: Path = settings.SEEDS_DIR) -> dict:
    """Stance on real wire text: build the seed articles (read in place) with the shipped model and
    compare with our labels. The model never trains on these, so this is a held-out check."""
    import tempfile

    import pandas as pd

    from pipeline import schema
    from pipeline.build import BuildOptions, run_build

    if not seeds_dir.is_dir():
        return {"skipped": f"no seed articles at {seeds_dir}"}
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "store"
        run_build(BuildOptions(input_dir=seeds_dir, out_dir=out, build_date=dt.date(2026, 1, 1), embedder=embedder))
        return seed_stance_agreement(pd.read_parquet(out / schema.STATEMENTS_FILE), pd.read_parquet(out / schema.ARTICLES_FILE))
