"""The quality gate: `python -m pipeline eval` figures against the floors file."""

from __future__ import annotations

import pytest

from pipeline import evaluate
from pipeline.__main__ import main


def test_statement_figures_meet_floors(reference):
    wire = sorted(evaluate.FIXTURES.glob("stance_*.yaml"))
    figures = {
        "statements": evaluate.evaluate_statements(reference)[0],
        "statements_wire": evaluate.evaluate_statement_sets(reference, wire)[0],
        "dating": evaluate.evaluate_dating(reference)[0],
    }
    floors = evaluate.load_floors()
    for needs_the_model in ("topics", "stance", "heldout"):
        floors.pop(needs_the_model, None)
    assert evaluate.check_floors(figures, floors) == []


def test_heldout_files_are_never_training_data():
    """Held-out text must stay unseen: the stance trainer reads only statements.yaml, stance_*.yaml and the demo."""
    from pipeline.labelled import STANCE_EXTRA_FIXTURES

    heldout = sorted(evaluate.FIXTURES.glob("heldout_*.yaml"))
    assert len(heldout) >= 2
    assert not set(heldout) & set(STANCE_EXTRA_FIXTURES)


def test_check_floors_reports_drops_and_ceilings():
    floors = {"dating": {"correct_rate": 0.9, "max_confidently_wrong": 0}}
    figures = {"dating": {"correct_rate": 0.5, "confidently_wrong": 2}}
    failures = evaluate.check_floors(figures, floors)
    assert len(failures) == 2 and "below floor" in failures[0] and "above ceiling" in failures[1]


def test_statement_fixture_is_large_enough():
    import yaml

    snippets = yaml.safe_load(evaluate.STATEMENTS_FIXTURE.read_text(encoding="utf-8"))["snippets"]
    assert sum(len(s["statements"]) for s in snippets) >= 150


@pytest.mark.slow
def test_eval_command_passes_with_the_real_model(capsys):
    assert main(["eval"]) == 0
    out = capsys.readouterr().out
    assert '"seeded_accuracy"' in out and '"speaker_accuracy"' in out and '"cv_accuracy"' in out


def test_threshold_choice_takes_the_upper_end_of_the_plateau():
    import numpy as np

    from pipeline.topic_calibration import SWEEP, choose_threshold

    curve = np.where(SWEEP <= 0.3, 0.70, 0.5)
    threshold, accuracy = choose_threshold([curve, curve])
    assert threshold == 0.3 and accuracy == 0.7


LABELLED_CASE = """
snippets:
  - id: tiny
    text: |
      KYIV, May 2 - Ukraine is ready for a full ceasefire on land, at sea and in the air, Foreign Minister Andrii Sybiha said on Friday. The talks will resume next week in Geneva, officials said.
    statements:
      - contains: "Ukraine is ready for a full ceasefire on land"
        speaker: Andrii Sybiha
        side: ukraine
        topic: ceasefire
        stance: opposes
"""


@pytest.mark.slow
def test_eval_scores_labelled_files_kept_elsewhere(tmp_path, capsys):
    """`eval --labelled` scores any file in the held-out format and lists its mistakes (here the
    stance label is deliberately wrong, so the model's answer shows as a stance mistake)."""
    import json

    path = tmp_path / "private.yaml"
    path.write_text(LABELLED_CASE, encoding="utf-8")
    assert main(["eval", "--labelled", str(path), "--show-errors", "5"]) == 0
    out = capsys.readouterr().out
    figures = json.loads(out[: out.rindex("}") + 1])["labelled"]
    assert figures["statements_expected"] == 1 and figures["recall"] == 1.0 and figures["speaker_accuracy"] == 1.0
    assert figures["stance_accuracy_model"] == 0.0 and list(figures["stance_confusions"]) == ["opposes->supports"]
    assert "stance | fixture:tiny | opposes->supports | KYIV, May 2 - Ukraine is ready" in out


def test_eval_labelled_rejects_missing_and_malformed_files(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("snippets: [ {id: x, text: 'a', statements: [ {contains: 'a'} ] } ]", encoding="utf-8")
    assert main(["eval", "--labelled", str(tmp_path / "nope.yaml")]) == 2
    assert "no such labelled file" in capsys.readouterr().err
    assert main(["eval", "--labelled", str(bad)]) == 2
    assert "not in the held-out format" in capsys.readouterr().err


def test_labelled_dating_scores_articles_that_give_their_true_day(tmp_path, reference):
    """Snippets with `published` are dated from their words alone and scored against it; a
    snippet without it is left out rather than counted as missed."""
    import datetime as dt

    from pipeline.evaluate import evaluate_labelled_dating

    path = tmp_path / "dated.yaml"
    path.write_text(
        LABELLED_CASE.replace("  - id: tiny\n", "  - id: tiny\n    published: 2025-05-02\n")
        + """
  - id: undated
    text: |
      Officials said talks would go on.
""",
        encoding="utf-8",
    )
    summary, results = evaluate_labelled_dating(reference, [path], dt.date(2026, 11, 24))
    assert summary["cases"] == 1 and [r.case_id for r in results] == ["tiny"]
    assert summary["confidently_wrong"] == 0
    assert results[0].claim.earliest <= dt.date(2025, 5, 2) <= results[0].claim.latest


def test_eval_labelled_rejects_a_publication_day_that_is_not_a_date(tmp_path, capsys):
    bad = tmp_path / "bad_day.yaml"
    bad.write_text(LABELLED_CASE.replace("  - id: tiny\n", "  - id: tiny\n    published: soon\n"), encoding="utf-8")
    assert main(["eval", "--labelled", str(bad)]) == 2
    assert "not in the held-out format" in capsys.readouterr().err


def test_calibration_breaks_a_tie_towards_the_statements_own_sentence():
    """Grid results half a point apart are a tie: the weights that trust the sentence most win;
    a clearly better result wins outright."""
    from pipeline.topic_calibration import pick_calibration

    tied = [
        {"threshold": 0.42, "weights": [0.4, 0.3, 0.3], "accuracy": 0.8472},
        {"threshold": 0.42, "weights": [0.5, 0.15, 0.35], "accuracy": 0.8470},
        {"threshold": 0.32, "weights": [1.0, 0.0, 0.0], "accuracy": 0.6692},
    ]
    assert pick_calibration(tied)["weights"] == [0.5, 0.15, 0.35]
    clear = [dict(tied[0], accuracy=0.87), tied[1], tied[2]]
    assert pick_calibration(clear)["weights"] == [0.4, 0.3, 0.3]
