"""Topics: seeded assignment with context, discovery of new subjects with readable labels, determinism."""

from __future__ import annotations

import numpy as np

from pipeline.records import Statement
from pipeline.reference import TopicSeed
from pipeline.topics import assign_topics, statement_context
from tests.conftest import HashingEmbedder

SEEDS = [
    TopicSeed(
        "ceasefire",
        "Ceasefire",
        "Truces and halts to fighting.",
        ("ceasefire", "truce"),
        ("Russia rejected a full ceasefire.", "Kyiv backed a thirty-day truce.", "The truce along the front must hold."),
    ),
    TopicSeed(
        "prisoner_exchanges",
        "Prisoner exchanges",
        "Swaps of prisoners of war.",
        ("prisoner", "exchange", "swap"),
        ("Both sides agreed to a prisoner exchange.", "A swap of prisoners of war took place.", "More prisoners will come home."),
    ),
]


def statements(texts):
    return [Statement(statement_id=str(i), article_id="a", text=t, char_start=0, char_end=len(t)) for i, t in enumerate(texts)]


NEW_SUBJECT = [
    "The minister said drone factories would double their output of interceptor drones.",
    "Officials said interceptor drones from the new factories were delivered.",
    "He said drone factories needed more engineers to build interceptor drones.",
    "The ministry said interceptor drones and drone factories were a priority.",
]


def test_seeded_topics_and_a_discovered_subject_with_a_readable_label(fake_embedder):
    texts = [
        "Moscow rejected the truce proposal, the Kremlin said.",
        "Kyiv said the prisoner exchange would go ahead.",
        *NEW_SUBJECT,
    ]
    assigned, topics = assign_topics(statements(texts), SEEDS, fake_embedder, threshold=0.3)
    assert assigned[0].topic_id == "ceasefire"
    assert assigned[1].topic_id == "prisoner_exchanges"
    discovered = [t for t in topics if not t.seeded and t.topic_id != "other"]
    assert len(discovered) == 1
    assert {s.topic_id for s in assigned[2:]} == {discovered[0].topic_id}
    assert "drone" in discovered[0].label.lower() or "interceptor" in discovered[0].label.lower()
    again, _ = assign_topics(statements(texts), SEEDS, fake_embedder, threshold=0.3)
    assert [s.topic_id for s in again] == [s.topic_id for s in assigned]


def test_context_decides_a_sentence_that_names_no_topic(fake_embedder):
    text = "Both sides agreed to a prisoner exchange of wounded prisoners on Monday. The order was given, he said."
    start = text.index("The order")
    vague = statements(["The order was given, he said."])
    contexts = [statement_context(text, "Prisoner swap goes ahead", start)]
    assigned, _ = assign_topics(vague, SEEDS, fake_embedder, threshold=0.0, contexts=contexts, weights=(0.5, 0.25, 0.25))
    assert assigned[0].topic_id == "prisoner_exchanges"


def test_embedding_cache_embeds_each_text_once_and_survives_a_reload(tmp_path):
    from pipeline.build import embed_statements
    from pipeline.embedding import CachedEmbedder

    calls: list[int] = []

    class Counting(HashingEmbedder):
        def embed(self, texts):
            calls.append(len(texts))
            return super().embed(texts)

    cache = CachedEmbedder(Counting(), tmp_path / "cache.npz")
    vectors = embed_statements(cache, ["Peskov said talks stalled.", "Zelensky said no."], ["Earlier, the talks stalled."])
    assert vectors.shape == (2, HashingEmbedder.dim) and calls == [3]
    assert np.allclose(vectors[0], HashingEmbedder().embed(["Peskov said talks stalled."])[0])
    cache.embed(["Earlier, the talks stalled.", "Zelensky said no."])  # contexts and statements: all cached
    assert calls == [3] and cache.hits == 2 and cache.misses == 3
    cache.save()
    again = CachedEmbedder(Counting(), tmp_path / "cache.npz")
    again.embed(["Zelensky said no."])
    assert calls == [3] and again.hits == 1


def test_context_is_the_sentence_before_the_statement():
    text = "Talks opened in Istanbul. The swap of 500 prisoners was agreed. The order was given, he said."
    start = text.index("The order")
    before, lead = statement_context(text, "Prisoner swap", start)
    assert before == "The swap of 500 prisoners was agreed."
    assert lead.startswith("Prisoner swap. Talks opened")


def _model_preferring(topic_id: str, dim: int = HashingEmbedder.dim):
    """A topic model that always puts most of its probability on one topic."""
    from pipeline.topic_model import TopicModel

    classes = tuple(sorted(seed.topic_id for seed in SEEDS))
    intercept = np.array([5.0 if c == topic_id else 0.0 for c in classes], dtype=np.float32)
    return TopicModel(classes, np.zeros((len(classes), 3 * dim), dtype=np.float32), intercept, {})


def test_the_topic_model_chooses_between_seeded_topics_but_not_whether_there_is_one(fake_embedder):
    texts = ["Kyiv backed a thirty-day truce and a prisoner exchange.", "The weather in Geneva was mild and sunny."]
    plain, _ = assign_topics(statements(texts), SEEDS, fake_embedder, threshold=0.3)
    assert plain[0].topic_id == "ceasefire" and plain[1].topic_id != "prisoner_exchanges"
    model = _model_preferring("prisoner_exchanges")
    learned, _ = assign_topics(statements(texts), SEEDS, fake_embedder, threshold=0.3, model=model)
    assert learned[0].topic_id == "prisoner_exchanges"
    assert learned[1].topic_id == plain[1].topic_id  # below the similarity threshold it stays unassigned


def test_the_topic_model_stands_aside_for_topics_it_does_not_know(fake_embedder):
    model = _model_preferring("prisoner_exchanges")
    sentence = np.zeros((1, HashingEmbedder.dim), dtype=np.float32)
    assert model.probabilities(["ceasefire", "prisoner_exchanges", "black_sea"], sentence, sentence, sentence) is None
    probs = model.probabilities(["prisoner_exchanges", "ceasefire"], sentence, sentence, sentence)
    assert probs.shape == (1, 2) and probs[0, 0] > 0.9


def test_the_shipped_topic_model_knows_the_reference_topics(reference):
    from pipeline import topic_model

    model = topic_model.load()
    assert model is not None and set(model.classes) == {t.topic_id for t in reference.topics}
    assert model.embedding_dim == 384 and model.meta["n_train"] >= 1500
