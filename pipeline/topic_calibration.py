"""Choosing the seeded-topic threshold on labelled data instead of by hand.

Scores every labelled statement (and its context) against its corpus's seeded topics once,
then tries a small grid of context weights and, for each, sweeps the threshold under which
a statement goes to "other" (and on to discovered topics), keeping the upper end of the
best-scoring plateau. The result is saved in `data/models/topics.json`
and read by the build.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from pipeline import settings
from pipeline.embedding import Embedder
from pipeline.labelled import LabelledStatement
from pipeline.reference import TopicSeed
from pipeline.topics import OTHER_ID, score_seeded

CALIBRATION_FILE = settings.REPO_ROOT / "data" / "models" / "topics.json"
SWEEP = np.round(np.arange(0.10, 0.80, 0.01), 2)


def accuracy_by_threshold(scores: np.ndarray, gold: list[str], seeds: list[TopicSeed]) -> np.ndarray:
    """Accuracy (seeded topics and 'other' alike) for every threshold in the sweep."""
    ids = np.array([s.topic_id for s in seeds])
    best = ids[scores.argmax(axis=1)]
    top = scores.max(axis=1)
    gold_arr = np.array([g if g in set(ids) else OTHER_ID for g in gold])
    return np.array([np.mean(np.where(top < t, OTHER_ID, best) == gold_arr) for t in SWEEP])


TOLERANCE = 0.01


def choose_threshold(curves: list[np.ndarray]) -> tuple[float, float]:
    """The highest threshold whose mean accuracy is within a point of the best.

    Accuracy is flat over a wide low range; taking its upper end lets statements that fit
    no seeded topic well reach discovery (new subjects surface) at no measured cost.
    """
    mean = np.mean(curves, axis=0)
    good = np.flatnonzero(mean >= mean.max() - TOLERANCE)
    pick = good[-1]
    return float(SWEEP[pick]), float(mean[pick])


# (sentence, text before it, article lead): how much a statement's surroundings count.
WEIGHT_GRID = (
    (1.0, 0.0, 0.0),
    (0.7, 0.0, 0.3),
    (0.7, 0.15, 0.15),
    (0.6, 0.0, 0.4),
    (0.6, 0.2, 0.2),
    (0.5, 0.0, 0.5),
    (0.5, 0.15, 0.35),
    (0.5, 0.25, 0.25),
    (0.4, 0.3, 0.3),
)


CALIBRATION_TIE = 0.005  # half a point of accuracy: on about 500 labels, a couple of statements


def pick_calibration(results: list[dict]) -> dict:
    """The best of the grid's results ({threshold, weights, accuracy}). Weights that score alike
    are a tie, not a choice: then the one that trusts the statement's own sentence most, the
    reading that borrows least from text about something else (on real copy it did as well or
    better, README)."""
    top = max(r["accuracy"] for r in results)
    tied = [r for r in results if r["accuracy"] >= top - CALIBRATION_TIE]
    best = dict(max(tied, key=lambda r: (r["weights"][0], r["accuracy"])))
    best["accuracy"] = round(best["accuracy"], 3)
    return best


def calibrate(datasets: list[tuple[list[LabelledStatement], list[TopicSeed]]], embedder: Embedder) -> dict:
    """Context weights and threshold that maximise mean accuracy over labelled datasets."""
    prepared = []
    for examples, seeds in datasets:
        texts = [x.sentence for x in examples]
        parts = [
            score_seeded(embedder.embed(column), column, seeds, embedder)
            for column in (texts, [x.before or x.sentence for x in examples], [x.lead or x.sentence for x in examples])
        ]
        prepared.append((parts, [x.topic for x in examples], seeds))
    results = []
    for weights in WEIGHT_GRID:
        curves = [
            accuracy_by_threshold(sum(w * p for w, p in zip(weights, parts)), gold, seeds) for parts, gold, seeds in prepared
        ]
        threshold, accuracy = choose_threshold(curves)
        results.append({"threshold": threshold, "weights": list(weights), "accuracy": accuracy})
    best = pick_calibration(results)
    best.update({"datasets": len(datasets), "examples": sum(len(d[0]) for d in datasets)})
    return best


def save(calibration: dict, path: Path = CALIBRATION_FILE) -> None:
    """Write the calibration atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(calibration, indent=2), encoding="utf-8")
    tmp.replace(path)


def load_calibration(path: Path = CALIBRATION_FILE) -> tuple[float, tuple[float, float, float]]:
    """The calibrated threshold and context weights, or the settings defaults when none was saved."""
    if not path.exists():
        return settings.TOPIC_MIN_SIMILARITY, settings.TOPIC_CONTEXT_WEIGHTS
    data = json.loads(path.read_text(encoding="utf-8"))
    return float(data["threshold"]), tuple(data.get("weights") or settings.TOPIC_CONTEXT_WEIGHTS)
