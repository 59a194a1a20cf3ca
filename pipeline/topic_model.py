"""A small topic classifier trained on our own labelled statements, blended into the seeded scores.

Embedding similarity to a topic's description confuses neighbours (the energy moratorium and a
general ceasefire, a leaders' summit and readiness for talks). Logistic regression over the
sentence, the sentence before it and the article lead (the same MiniLM vectors the topic stage
already has) learns where those borders lie from about 2,000 of our labelled statements. It only knows the
topics of `data/reference/topics.yaml`: with a corpus reference that adds or renames topics it is
left out and the similarity scores decide alone. Trained offline by `python -m pipeline
train-topics`; a few dozen kilobytes of numpy in `data/models/topic_model.npz`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from pipeline import settings
from pipeline.model_files import save_arrays, softmax

MODEL_FILE = settings.REPO_ROOT / "data" / "models" / "topic_model.npz"
PART_WEIGHTS = (1.0, 0.5, 0.5)  # sentence, sentence before, article lead
REGULARISATION = 3.0


@dataclass(frozen=True)
class TopicModel:
    """Linear weights over [sentence, before, lead] embeddings for a fixed set of topic ids."""

    classes: tuple[str, ...]
    coef: np.ndarray
    intercept: np.ndarray
    meta: dict

    @property
    def embedding_dim(self) -> int:
        """The embedding size the weights expect."""
        return self.coef.shape[1] // len(PART_WEIGHTS)

    def probabilities(
        self, topic_ids: list[str], sentence: np.ndarray, before: np.ndarray, lead: np.ndarray
    ) -> np.ndarray | None:
        """Class probabilities in the order of ``topic_ids``, or None when the model does not know them all."""
        if set(topic_ids) != set(self.classes) or sentence.shape[1] != self.embedding_dim:
            return None
        probs = softmax(features(sentence, before, lead) @ self.coef.T + self.intercept)
        return probs[:, [self.classes.index(t) for t in topic_ids]]


def features(sentence: np.ndarray, before: np.ndarray, lead: np.ndarray) -> np.ndarray:
    """The three embeddings side by side, weighted."""
    return np.hstack([w * part for w, part in zip(PART_WEIGHTS, (sentence, before, lead))]).astype(np.float32)


def train(topics: list[str], sentence: np.ndarray, before: np.ndarray, lead: np.ndarray) -> TopicModel:
    """Fit on labelled statements whose topic is one of the seeded ids."""
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(C=REGULARISATION, max_iter=5000).fit(features(sentence, before, lead), topics)
    meta = {"n_train": len(topics), "C": REGULARISATION, "part_weights": list(PART_WEIGHTS)}
    return TopicModel(tuple(clf.classes_.tolist()), clf.coef_.astype(np.float32), clf.intercept_.astype(np.float32), meta)


def save(model: TopicModel, path: Path = MODEL_FILE) -> None:
    """Write the weights atomically."""
    save_arrays(path, classes=np.array(model.classes), coef=model.coef, intercept=model.intercept, meta=json.dumps(model.meta))


def load(path: Path = MODEL_FILE) -> TopicModel | None:
    """The shipped model, or None when it has not been trained."""
    if not path.exists():
        return None
    with np.load(path) as data:
        return TopicModel(tuple(data["classes"].tolist()), data["coef"], data["intercept"], json.loads(str(data["meta"])))
