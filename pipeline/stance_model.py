"""A small stance classifier trained on our own labelled statements.

Logistic regression over the shipped MiniLM sentence embedding plus the counts of the
transparent stance cues (``pipeline.stance``). Trained offline by
`python -m pipeline train-stance`; the weights are a few kilobytes of numpy in
`data/models/stance.npz`, so builds stay offline and deterministic.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from pipeline import settings
from pipeline.stance import cue_counts

MODEL_FILE = settings.REPO_ROOT / "data" / "models" / "stance.npz"
CUE_SCALE = 0.5
CUE_CAP = 3
REGULARISATION = 3.0
CV_FOLDS = 5


@dataclass(frozen=True)
class StanceModel:
    """Linear weights over [embedding, scaled cue counts]."""

    classes: tuple[str, ...]
    coef: np.ndarray
    intercept: np.ndarray
    meta: dict

    def predict(self, vectors: np.ndarray, texts: list[str]) -> tuple[list[str], np.ndarray]:
        """Stance labels and class probabilities for sentences and their embeddings."""
        features = build_features(vectors, texts)
        logits = features @ self.coef.T + self.intercept
        logits -= logits.max(axis=1, keepdims=True)
        probs = np.exp(logits)
        probs /= probs.sum(axis=1, keepdims=True)
        return [self.classes[i] for i in probs.argmax(axis=1)], probs


def build_features(vectors: np.ndarray, texts: list[str]) -> np.ndarray:
    """Embedding plus capped, scaled cue counts."""
    cues = np.array([cue_counts(t) for t in texts], dtype=np.float32).reshape(len(texts), -1)
    return np.hstack([vectors, CUE_SCALE * np.minimum(cues, CUE_CAP)]).astype(np.float32)


def train(texts: list[str], labels: list[str], vectors: np.ndarray) -> tuple[StanceModel, float]:
    """Fit on all examples; returns the model and its cross-validated accuracy."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    features = build_features(vectors, texts)
    y = np.array(labels)
    clf = LogisticRegression(C=REGULARISATION, max_iter=3000, class_weight="balanced")
    folds = StratifiedKFold(CV_FOLDS, shuffle=True, random_state=0)
    cv_accuracy = float(np.mean(cross_val_predict(clf, features, y, cv=folds) == y))
    clf.fit(features, y)
    meta = {"n_train": len(labels), "cv_accuracy": round(cv_accuracy, 3), "C": REGULARISATION, "folds": CV_FOLDS}
    return StanceModel(
        tuple(clf.classes_.tolist()), clf.coef_.astype(np.float32), clf.intercept_.astype(np.float32), meta
    ), cv_accuracy


def save(model: StanceModel, path: Path = MODEL_FILE) -> None:
    """Write the weights atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp.npz")
    np.savez(tmp, classes=np.array(model.classes), coef=model.coef, intercept=model.intercept, meta=json.dumps(model.meta))
    tmp.replace(path)


def load(path: Path = MODEL_FILE) -> StanceModel | None:
    """The shipped model, or None when it has not been trained."""
    if not path.exists():
        return None
    with np.load(path) as data:
        return StanceModel(tuple(data["classes"].tolist()), data["coef"], data["intercept"], json.loads(str(data["meta"])))
