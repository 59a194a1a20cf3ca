"""Choosing the seeded-topic threshold on labelled data instead of by hand.

Scores every labelled statement against its corpus's seeded topics once, then sweeps the
threshold under which a statement goes to "other" (and on to discovered topics), keeping
the upper end of the best-scoring plateau. The result is saved in `data/models/topics.json`
and read by the build.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from pipeline import settings
from pipeline.embedding import Embedder
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


def calibrate(datasets: list[tuple[list[str], list[str], list[TopicSeed]]], embedder: Embedder) -> dict:
    """Threshold and accuracy from (sentences, gold topic ids, seeds) datasets."""
    curves = []
    for texts, gold, seeds in datasets:
        vectors = embedder.embed(texts)
        curves.append(accuracy_by_threshold(score_seeded(vectors, texts, seeds, embedder), gold, seeds))
    threshold, accuracy = choose_threshold(curves)
    return {
        "threshold": threshold,
        "accuracy": round(accuracy, 3),
        "datasets": len(datasets),
        "examples": sum(len(d[0]) for d in datasets),
    }


def save(calibration: dict, path: Path = CALIBRATION_FILE) -> None:
    """Write the calibration atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(calibration, indent=2), encoding="utf-8")
    tmp.replace(path)


def load_threshold(path: Path = CALIBRATION_FILE) -> float:
    """The calibrated threshold, or the settings default when none was saved."""
    if not path.exists():
        return settings.TOPIC_MIN_SIMILARITY
    return float(json.loads(path.read_text(encoding="utf-8"))["threshold"])
