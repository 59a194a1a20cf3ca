"""The learned stance model: features, saving and loading, and the words it shows as evidence."""

from __future__ import annotations

import numpy as np
import pytest

from pipeline import stance_model
from pipeline.records import Statement
from pipeline.stance import assign_stances
from tests.conftest import HashingEmbedder

EXAMPLES = [
    ("Peskov said Moscow rejected the plan outright.", "opposes"),
    ("Lavrov said Russia rejected the proposal as unacceptable.", "opposes"),
    ("Zakharova said the Kremlin rejected any such truce.", "opposes"),
    ("Zelensky said Kyiv welcomed the proposal warmly.", "supports"),
    ("Macron said Europe welcomed the agreement warmly.", "supports"),
    ("Rubio said Washington welcomed the deal warmly.", "supports"),
    ("Putin said Russia would agree only if sanctions were lifted.", "conditional"),
    ("Sybiha said Kyiv would sign only if guarantees were given.", "conditional"),
    ("Trump said he would back it only if Europe paid.", "conditional"),
    ("Peskov said the delegation would fly to Istanbul on Monday.", "neutral"),
    ("Yermak said the delegation arrived in Riyadh on Sunday.", "neutral"),
    ("Witkoff said the delegation would meet in Geneva on Tuesday.", "neutral"),
] * 2


def test_names_are_masked_so_the_model_learns_wording_not_speakers():
    masked = stance_model.mask_names('Kremlin spokesman Dmitry Peskov said that Kyiv "must withdraw", Putin added.')
    assert "peskov" not in masked and "putin" not in masked
    assert "must withdraw" in masked and masked.startswith("x spokesman x x said")
    assert stance_model.mask_names("Putin rejected it.") == "x rejected it."
    assert stance_model.mask_names("But he rejected it.") == "but he rejected it."
    assert not stance_model.telling("and the") and stance_model.telling("ruled out")


def test_trained_model_round_trips_and_explains_its_label(tmp_path):
    texts, labels = [t for t, _ in EXAMPLES], [label for _, label in EXAMPLES]
    vectors = HashingEmbedder().embed(texts)
    model, cv_accuracy = stance_model.train(texts, labels, vectors)
    assert cv_accuracy > 0.5 and model.embedding_dim == HashingEmbedder.dim and model.vocabulary
    stance_model.save(model, tmp_path / "stance.npz")
    loaded = stance_model.load(tmp_path / "stance.npz")
    new = ["Shoigu said Moscow rejected the plan outright.", "Starmer said London welcomed the deal warmly."]
    new_vectors = HashingEmbedder().embed(new)
    labels_a, probs_a = model.predict(new_vectors, new)
    labels_b, probs_b = loaded.predict(new_vectors, new)
    assert labels_a == labels_b == ["opposes", "supports"] and np.allclose(probs_a, probs_b)
    statements = [Statement(str(i), "a", t, 0, len(t)) for i, t in enumerate(new)]
    out = assign_stances(statements, new_vectors, loaded)
    assert out[0].stance == "opposes" and "rejected" in out[0].stance_cues.split(";")[0]
    assert out[1].stance_cues.startswith("model ") and "welcomed" in out[1].stance_cues


def test_prediction_in_chunks_equals_prediction_at_once(monkeypatch):
    texts, labels = [t for t, _ in EXAMPLES], [label for _, label in EXAMPLES]
    vectors = HashingEmbedder().embed(texts)
    model, _ = stance_model.train(texts, labels, vectors)
    whole = model.predict_explained(vectors, texts)
    monkeypatch.setattr(stance_model, "PREDICT_CHUNK", 5)
    chunked = model.predict_explained(vectors, texts)
    assert whole[0] == chunked[0] and np.allclose(whole[1], chunked[1]) and whole[2] == chunked[2]


def test_side_by_topic_columns_name_who_speaks_on_what():
    ids = ("ceasefire", "territorial_demands")
    columns = stance_model.side_topic_features(
        ["russia", "ukraine", "usa"], ["territorial_demands", "ceasefire", "discovered-x"], ids, 3
    )
    assert columns.shape == (3, 6 * 2)
    assert columns[0].argmax() == 1 and columns[1].argmax() == 2 and not columns[2].any()  # an unknown topic: no column
    assert not stance_model.side_topic_features(None, None, ids, 2).any()


@pytest.mark.slow
def test_the_same_words_are_opposite_positions_on_territory_for_each_side(real_embedder):
    """'Never' from Moscow on the regions backs its claims; from Kyiv it rejects them (README convention)."""
    model = stance_model.load()
    text = "We will never give up any of this land, he said."
    vectors = real_embedder.embed([text, text])
    labels, _ = model.predict(vectors, [text, text], ["russia", "ukraine"], ["territorial_demands"] * 2)
    assert labels == ["supports", "opposes"]


def test_training_weights_move_our_mix_half_way_to_the_news_mix():
    """Our labels hold many conditionals; weighted, each stance counts as the blend of an equal
    share and its share in real news, whatever the mix of the labels."""
    from pipeline import stance_model

    labels = ["supports"] * 50 + ["neutral"] * 20 + ["opposes"] * 10 + ["conditional"] * 20
    weights = stance_model.class_weights(labels)
    weighted = {c: weights[c] * labels.count(c) / len(labels) for c in weights}
    for stance, share in stance_model.NEWS_STANCE_MIX.items():
        expected = 0.25 ** (1 - stance_model.NEWS_MIX_BLEND) * share**stance_model.NEWS_MIX_BLEND
        assert abs(weighted[stance] - expected) < 1e-9
    assert weights["conditional"] < weights["neutral"]
