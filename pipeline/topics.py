"""Topics stage: seeded topics by embedding similarity plus lexical cues, the rest clustered.

Deterministic by construction: embeddings are deterministic, clustering is agglomerative
(no random state), and discovered topic ids come from their label words.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import lru_cache

import numpy as np

from pipeline import settings
from pipeline.embedding import Embedder
from pipeline.records import Statement, Topic
from pipeline.reference import TopicSeed

OTHER_ID = "other"
OTHER_LABEL = "Other statements"
WORD_RE = re.compile(r"[a-z][a-z'-]{2,}")
STOPWORDS = set(
    """the and for that with this from have has had was were will would could should said says told added about their
    there they them than then into over also been being which while what when where who whom whose not but are its it's
    his her him she he our ours your you we us a an of to in on at by as is be or if so no do does did any all can may
    might must more most other such only own same too very just one two three new now after before again further once
    because between both each few during under until against through up down out off why how here those these
    spokesman spokeswoman spokesperson president minister foreign reporters statement told according added noted
    stressed mr mrs ms""".split()
)


def seed_texts(seed: TopicSeed) -> list[str]:
    """The texts that stand for a seeded topic: its label+description and its examples."""
    return [f"{seed.label}. {seed.description}".strip(), *seed.examples]


@lru_cache(maxsize=256)
def keyword_pattern(keywords: tuple[str, ...]) -> re.Pattern | None:
    """One alternation over a topic's keywords (compiled once per topic)."""
    if not keywords:
        return None
    ordered = sorted(keywords, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(k) for k in ordered) + r")\b")


def keyword_bonus(text: str, seed: TopicSeed) -> float:
    """A capped bonus for each distinct cue keyword of a topic found in the text."""
    pattern = keyword_pattern(seed.keywords)
    hits = len(set(pattern.findall(text.lower()))) if pattern else 0
    return min(hits * settings.TOPIC_KEYWORD_WEIGHT, settings.TOPIC_KEYWORD_CAP)


def score_seeded(statement_vectors: np.ndarray, texts: list[str], seeds: list[TopicSeed], embedder: Embedder) -> np.ndarray:
    """Score matrix (statements x seeded topics): best of centroid and nearest example, plus cues."""
    scores = np.zeros((len(texts), len(seeds)), dtype=np.float32)
    for j, seed in enumerate(seeds):
        vectors = embedder.embed(seed_texts(seed))
        centroid = vectors.mean(axis=0)
        centroid /= np.linalg.norm(centroid) or 1.0
        sims = statement_vectors @ vectors.T
        scores[:, j] = 0.5 * (statement_vectors @ centroid) + 0.5 * sims.max(axis=1)
        scores[:, j] += np.array([keyword_bonus(t, seed) for t in texts], dtype=np.float32)
    return scores


def label_clusters(texts_by_cluster: dict[int, list[str]], n_terms: int = settings.TOPIC_LABEL_TERMS) -> dict[int, list[str]]:
    """Class-based TF-IDF: the words most specific to each cluster compared with the others."""
    counts = {
        c: Counter(w for t in texts for w in WORD_RE.findall(t.lower()) if w not in STOPWORDS)
        for c, texts in texts_by_cluster.items()
    }
    total = Counter()
    for counter in counts.values():
        total.update(counter)
    avg = sum(total.values()) / max(len(counts), 1)
    out = {}
    for c, counter in counts.items():
        size = sum(counter.values()) or 1
        scored = sorted(counter, key=lambda w: (-(counter[w] / size) * np.log(1 + avg / total[w]), w))
        out[c] = scored[: max(n_terms * 3, 8)]
    return out


def distinct_stems(terms: list[str]) -> list[str]:
    """Terms with a new stem only ("drone, drones, factories" -> "drone, factories")."""
    seen, out = set(), []
    for term in terms:
        stem = term[:5]
        if stem not in seen:
            seen.add(stem)
            out.append(term)
    return out


def cluster_vectors(vectors: np.ndarray) -> np.ndarray:
    """Agglomerative clustering with a cosine distance threshold (deterministic, no k to choose).

    Its memory grows with the square of the input, so beyond DISCOVERY_MAX_STATEMENTS a
    seeded k-means with a bounded number of clusters takes over (still deterministic).
    """
    if len(vectors) < settings.DISCOVERED_MIN_CLUSTER:
        return np.full(len(vectors), -1)
    if len(vectors) > settings.DISCOVERY_MAX_STATEMENTS:
        from sklearn.cluster import MiniBatchKMeans

        k = min(settings.DISCOVERY_MAX_TOPICS, max(2, len(vectors) // 100))
        return MiniBatchKMeans(n_clusters=k, random_state=0, n_init=3, batch_size=1024).fit_predict(vectors)
    from sklearn.cluster import AgglomerativeClustering

    model = AgglomerativeClustering(
        n_clusters=None, metric="cosine", linkage="average", distance_threshold=settings.DISCOVERED_DISTANCE_THRESHOLD
    )
    return model.fit_predict(vectors)


def discover_topics(statements: list[Statement], vectors: np.ndarray) -> tuple[list[Statement], list[Topic]]:
    """Cluster statements no seeded topic claimed; big-enough clusters become labelled topics."""
    labels = cluster_vectors(vectors)
    sizes = Counter(labels.tolist())
    keep = sorted(c for c, n in sizes.items() if c >= 0 and n >= settings.DISCOVERED_MIN_CLUSTER)
    if not keep:
        return statements, []
    words = label_clusters({c: [s.text for s, lab in zip(statements, labels) if lab == c] for c in keep})
    topics, ids = [], {}
    for c in keep:
        terms = distinct_stems(words[c])[: settings.TOPIC_LABEL_TERMS]
        topic_id = "d-" + "-".join(terms) if terms else f"d-{c}"
        ids[c] = (topic_id, " / ".join(terms).capitalize() or "Unlabelled")
        topics.append(Topic(topic_id, ids[c][1], tuple(words[c][:8]), sizes[c], False))
    out = []
    for s, lab in zip(statements, labels):
        if lab in ids:
            out.append(replace(s, topic_id=ids[lab][0], topic_label=ids[lab][1]))
        else:
            out.append(s)
    return out, topics


SENTENCE_END_RE = re.compile(r"[.!?][\"”’')\]]*\s+|\n+")


def statement_context(article_text: str, title: str, char_start: int) -> tuple[str, str]:
    """What surrounds a statement: the sentence just before it, and the article's headline and lead.

    A sentence such as "The order was given" names no topic; its neighbours and the
    article it sits in usually do. The sentence before is usually itself a statement, so
    its vector is already in the embedding cache: the context costs little to embed.
    """
    window = article_text[max(0, char_start - settings.TOPIC_CONTEXT_BEFORE_CHARS) : char_start].rstrip()
    cut = max((m.end() for m in SENTENCE_END_RE.finditer(window) if m.end() < len(window)), default=0)
    before = window[cut:].strip()
    lead = f"{title}. {article_text[: settings.TOPIC_CONTEXT_LEAD_CHARS]}".strip(". ")
    return before, lead


def context_texts(texts: list[str], contexts: list[tuple[str, str]] | None) -> tuple[list[str], list[str]]:
    """The text before each statement and its article lead, the statement itself where either is missing."""
    if contexts is None:
        return list(texts), list(texts)
    return [c[0] or t for c, t in zip(contexts, texts)], [c[1] or t for c, t in zip(contexts, texts)]


def contextual_scores(
    texts: list[str],
    contexts: list[tuple[str, str]] | None,
    seeds: list[TopicSeed],
    embedder: Embedder,
    weights: tuple[float, float, float],
    vectors: np.ndarray | None = None,
    context_vectors: tuple[np.ndarray, np.ndarray] | None = None,
) -> np.ndarray:
    """Seeded-topic scores of sentences blended with those of their context (weights sum to 1).
    ``context_vectors`` are the embeddings of the text before and of the lead, when the caller has them."""
    own, before, lead = weights
    scores = own * score_seeded(embedder.embed(texts) if vectors is None else vectors, texts, seeds, embedder)
    if contexts is None:
        return scores / own if own else scores
    for part, (weight, column) in enumerate(zip((before, lead), context_texts(texts, contexts))):
        if weight:
            embedded = context_vectors[part] if context_vectors is not None else embedder.embed(column)
            scores += weight * score_seeded(embedded, column, seeds, embedder)
    return scores


def learned_probabilities(
    model, seeds: list[TopicSeed], vectors: np.ndarray, before: np.ndarray, lead: np.ndarray
) -> np.ndarray | None:
    """The topic model's probabilities for the seeded topics (None without a model that knows them all)."""
    if model is None or not seeds:
        return None
    return model.probabilities([seed.topic_id for seed in seeds], vectors, before, lead)


def assign_topics(
    statements: list[Statement],
    seeds: list[TopicSeed],
    embedder: Embedder,
    threshold: float = settings.TOPIC_MIN_SIMILARITY,
    contexts: list[tuple[str, str]] | None = None,
    weights: tuple[float, float, float] = settings.TOPIC_CONTEXT_WEIGHTS,
    vectors: np.ndarray | None = None,
    model=None,
) -> tuple[list[Statement], list[Topic]]:
    """Topics stage: primary (and secondary) seeded topic, discovered topics for the rest.

    ``vectors`` are the statements' embeddings when the caller already has them.
    ``threshold`` (the similarity below which no seeded topic is claimed) and the context
    ``weights`` (sentence, text before it, article lead) are calibrated on our labelled
    statements (``pipeline.topic_calibration``). A trained ``model`` (``pipeline.topic_model``)
    that knows the seeded topics helps choose between them; whether a statement has a seeded
    topic at all stays the similarity's call.
    """
    if not statements:
        return [], []
    texts = [s.text for s in statements]
    if vectors is None:
        vectors = embedder.embed(texts)
    labels = {s.topic_id: s.label for s in seeds}
    assigned: list[Statement] = []
    if seeds:
        context_vectors = None  # embedded once, for the scores and the model alike
        if model is not None and contexts is not None:
            context_vectors = tuple(embedder.embed(column) for column in context_texts(texts, contexts))
        scores = contextual_scores(texts, contexts, seeds, embedder, weights, vectors, context_vectors)
        learned = learned_probabilities(model, seeds, vectors, *(context_vectors or (vectors, vectors)))
        choice = scores if learned is None else scores + settings.TOPIC_MODEL_BLEND * learned
        order = np.argsort(-choice, axis=1, kind="stable")
        for i, s in enumerate(statements):
            best, second = order[i, 0], order[i, 1] if len(seeds) > 1 else None
            if float(scores[i].max()) < threshold:
                assigned.append(
                    replace(s, topic_id=OTHER_ID, topic_label=OTHER_LABEL, topic_score=round(float(scores[i].max()), 4))
                )
                continue
            secondary = None
            if (
                second is not None
                and scores[i, second] >= threshold
                and choice[i, second] >= choice[i, best] - settings.TOPIC_SECONDARY_MARGIN
            ):
                secondary = seeds[second].topic_id
            assigned.append(
                replace(
                    s,
                    topic_id=seeds[best].topic_id,
                    topic_label=labels[seeds[best].topic_id],
                    topic_score=round(float(scores[i, best]), 4),
                    secondary_topic_id=secondary,
                )
            )
    else:
        assigned = [replace(s, topic_id=OTHER_ID, topic_label=OTHER_LABEL) for s in statements]
    rest = [i for i, s in enumerate(assigned) if s.topic_id == OTHER_ID]
    discovered_statements, discovered = discover_topics([assigned[i] for i in rest], vectors[rest])
    for i, s in zip(rest, discovered_statements):
        assigned[i] = s
    sizes = Counter(s.topic_id for s in assigned)
    topics = [Topic(seed.topic_id, seed.label, seed.keywords[:8], sizes.get(seed.topic_id, 0), True) for seed in seeds]
    topics += discovered
    if sizes.get(OTHER_ID):
        topics.append(Topic(OTHER_ID, OTHER_LABEL, (), sizes[OTHER_ID], False))
    return assigned, topics
