"""The whole build: store contract, rejects, atomic replace, lock, CLI, and the seed acceptance."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest

from pipeline import schema
from pipeline.__main__ import main
from pipeline.build import BuildOptions, run_build
from pipeline.store import StoreLock, StoreLockedError

SEED_STANCE_FLOOR = 0.50  # our labels of the 61 seed statements (tests/fixtures/seed_stances.yaml)

ARTICLE = """Published: {date}
Source: Test Wire

Envoys meet again on the {topic}

GENEVA, {md} (Test Wire) - Foreign Minister Anna Keller said on Tuesday that her country was ready to discuss the {topic}, but only if the other side stopped its attacks.

"We want an agreement on the {topic} and we will work for it," Keller told reporters.

Officials in the capital rejected the proposal as unacceptable, a spokesman for the ministry said.
"""


def write_corpus(root, n=3):
    root.mkdir(parents=True, exist_ok=True)
    topics = ["energy moratorium", "prisoner exchange", "sanctions relief", "ceasefire"]
    for i in range(n):
        day = dt.date(2025, 3, 3) + dt.timedelta(days=7 * i)
        (root / f"a{i}.txt").write_text(
            ARTICLE.format(date=day.isoformat(), topic=topics[i % 4], md=day.strftime("%B %-d")), encoding="utf-8"
        )
    (root / "empty.txt").write_text("", encoding="utf-8")
    (root / "bad.json").write_text("{not json", encoding="utf-8")


def build(tmp_path, embedder, **kw):
    out = tmp_path / "store"
    report = run_build(
        BuildOptions(input_dir=tmp_path / "in", out_dir=out, build_date=dt.date(2026, 1, 1), embedder=embedder, **kw)
    )
    return out, report


def test_store_follows_the_contract(tmp_path, fake_embedder):
    write_corpus(tmp_path / "in")
    out, report = build(tmp_path, fake_embedder)
    articles = pd.read_parquet(out / schema.ARTICLES_FILE)
    statements = pd.read_parquet(out / schema.STATEMENTS_FILE)
    topics = pd.read_parquet(out / schema.TOPICS_FILE)
    rejects = pd.read_parquet(out / schema.REJECTS_FILE)
    manifest = json.loads((out / schema.MANIFEST_FILE).read_text())
    assert set(schema.ARTICLE_COLUMNS) <= set(articles.columns)
    assert set(schema.STATEMENT_COLUMNS) <= set(statements.columns)
    assert list(topics.columns) == list(schema.TOPIC_COLUMNS)
    assert list(rejects.columns) == list(schema.REJECT_COLUMNS)
    assert len(articles) == 3 and report.articles == 3
    assert articles["published"].notna().all()
    assert set(articles["published_method"]) == {"header"}
    assert sorted(rejects["source_path"]) == ["bad.json", "empty.txt"]
    assert statements["side"].isin(schema.SIDES).all()
    assert statements["stance"].isin(schema.STANCES).all()
    assert statements["said_precision"].isin(schema.PRECISIONS).all()
    assert (statements["speaker"] == "Anna Keller").sum() >= 3
    assert statements["said_on"].notna().all()
    for _, s in statements.iterrows():
        text = articles.set_index("article_id").loc[s["article_id"], "text"]
        assert text[s["char_start"] : s["char_end"]] == s["text"]
    assert manifest["counts"]["articles"] == 3 and manifest["counts"]["rejects"] == 2
    assert set(manifest["timings"]) >= {"read", "ingest", "dating", "statements", "topics"}
    assert "a0.txt" in manifest["inputs"]


def test_rebuild_is_deterministic_and_reuses_embeddings(tmp_path, fake_embedder):
    write_corpus(tmp_path / "in")
    out, _ = build(tmp_path, fake_embedder)
    first = pd.read_parquet(out / schema.STATEMENTS_FILE)
    out, _ = build(tmp_path, fake_embedder)
    second = pd.read_parquet(out / schema.STATEMENTS_FILE)
    manifest = json.loads((out / schema.MANIFEST_FILE).read_text())
    pd.testing.assert_frame_equal(first, second)
    assert manifest["embedding_cache"]["misses"] == 0


def test_a_failed_build_leaves_the_old_store(tmp_path, fake_embedder, monkeypatch):
    write_corpus(tmp_path / "in")
    out, _ = build(tmp_path, fake_embedder)
    before = pd.read_parquet(out / schema.STATEMENTS_FILE)
    write_corpus(tmp_path / "in", n=4)

    def boom(*args, **kwargs):
        raise RuntimeError("killed")

    monkeypatch.setattr("pipeline.store.pd.DataFrame.to_parquet", boom)
    with pytest.raises(RuntimeError):
        build(tmp_path, fake_embedder)
    monkeypatch.undo()
    after = pd.read_parquet(out / schema.STATEMENTS_FILE)
    pd.testing.assert_frame_equal(before, after)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".store.") and p.is_dir()]


def test_second_build_on_a_locked_store_is_refused(tmp_path, fake_embedder):
    write_corpus(tmp_path / "in")
    with StoreLock(tmp_path / "store"):
        with pytest.raises(StoreLockedError, match="another build"):
            build(tmp_path, fake_embedder)


def test_cli_build_prints_summary(tmp_path, fake_embedder, monkeypatch, capsys):
    write_corpus(tmp_path / "in")
    monkeypatch.setattr("pipeline.build.MiniLMEmbedder", lambda: fake_embedder)
    code = main(["build", str(tmp_path / "in"), "--out", str(tmp_path / "store"), "--quiet"])
    out = capsys.readouterr().out
    assert code == 0
    assert "articles   3" in out and "rejected   2" in out and "bad.json: malformed JSON" in out
    assert (tmp_path / "store" / schema.STATEMENTS_FILE).exists()


def test_cli_reports_missing_input(tmp_path, capsys):
    assert main(["build", str(tmp_path / "nope"), "--out", str(tmp_path / "store")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_corpus_reference_replaces_default(tmp_path, fake_embedder):
    write_corpus(tmp_path / "in")
    ref = tmp_path / "in" / "reference"
    ref.mkdir()
    (ref / "actors.csv").write_text(
        "name,aliases,side,kind,role,role_start,role_end\nAnna Keller,Keller,europe,person,Foreign Minister,2020-01-01,\n",
        encoding="utf-8",
    )
    out, report = build(tmp_path, fake_embedder, replace_reference=True)
    statements = pd.read_parquet(out / schema.STATEMENTS_FILE)
    assert set(statements.loc[statements["speaker"] == "Anna Keller", "side"]) == {"europe"}
    assert not any(r.source_path.startswith("reference/") for r in report.rejects)


# --- acceptance on the five real seeds (real model) ------------------------------------------


@pytest.mark.slow
def test_seed_store_acceptance(seed_store):
    articles = pd.read_parquet(seed_store / schema.ARTICLES_FILE)
    statements = pd.read_parquet(seed_store / schema.STATEMENTS_FILE)
    assert len(articles) == 5
    per_article = statements.groupby("article_id").size()
    assert (per_article.reindex(articles["article_id"], fill_value=0) >= 2).all()
    zero = articles.set_index("source_path").loc["000_64e7ff765e8523a4.txt"]
    assert str(zero["published"].date()) == "2025-05-10" and zero["published_method"] == "header"
    peskov_quotes = statements[statements["text"].str.contains(r"Peskov (?:said|added|told)", regex=True)]
    assert len(peskov_quotes) >= 4
    assert (peskov_quotes["speaker"] == "Dmitry Peskov").all()
    topics = set(statements["topic_id"])
    assert {"energy_moratorium", "territorial_demands", "resources_deal"} <= topics


@pytest.mark.slow
def test_stance_comes_from_the_shipped_model_with_real_embeddings(seed_store):
    statements = pd.read_parquet(seed_store / schema.STATEMENTS_FILE)
    assert statements["stance_cues"].str.startswith("model ").all()
    assert statements["stance"].nunique() >= 2


@pytest.mark.slow
def test_stance_agrees_with_our_labels_of_the_real_seeds(seed_store):
    """Held-out real wire text: the model never trains on the seeds; every label finds its statement."""
    from pipeline.evaluate import seed_stance_agreement

    agreement = seed_stance_agreement(
        pd.read_parquet(seed_store / schema.STATEMENTS_FILE), pd.read_parquet(seed_store / schema.ARTICLES_FILE)
    )
    assert agreement["found"] == agreement["labels"] >= 60
    assert agreement["accuracy"] >= SEED_STANCE_FLOOR
    assert agreement["accuracy"] > agreement["rules_accuracy"]


def test_override_sets_the_date_with_method_override(tmp_path, fake_embedder):
    write_corpus(tmp_path / "in")
    (tmp_path / "in" / "overrides.csv").write_text(
        "key,published,note\na1.txt,2025-01-02,checked with the outlet\n", encoding="utf-8"
    )
    out, report = build(tmp_path, fake_embedder)
    assert "overrides.csv" not in {r.source_path for r in report.rejects}
    articles = pd.read_parquet(out / schema.ARTICLES_FILE).set_index("source_path")
    row = articles.loc["a1.txt"]
    assert row["published_method"] == "override" and str(row["published"].date()) == "2025-01-02"
    assert "checked with the outlet" in row["published_evidence"]
    assert articles.loc["a0.txt", "published_method"] == "header"


def test_malformed_override_is_a_clear_error(tmp_path, fake_embedder, capsys, monkeypatch):
    write_corpus(tmp_path / "in")
    (tmp_path / "in" / "overrides.csv").write_text("key,published\na1.txt,last tuesday\n", encoding="utf-8")
    monkeypatch.setattr("pipeline.build.MiniLMEmbedder", lambda: fake_embedder)
    assert main(["build", str(tmp_path / "in"), "--out", str(tmp_path / "store"), "--quiet"]) == 2
    assert "overrides.csv row 2" in capsys.readouterr().err


def test_topic_overrides_rename_and_merge(tmp_path, fake_embedder):
    write_corpus(tmp_path / "in")
    out, _ = build(tmp_path, fake_embedder)
    topics = pd.read_parquet(out / schema.TOPICS_FILE)
    used = [t for t in topics["topic_id"] if (pd.read_parquet(out / schema.STATEMENTS_FILE)["topic_id"] == t).any()]
    assert len(used) >= 2
    first, second = used[0], used[1]
    (tmp_path / "in" / schema.TOPIC_OVERRIDES_FILE).write_text(
        f"topic_id,action,value\n{first},rename,Renamed by a reader\n{second},merge,{first}\n", encoding="utf-8"
    )
    out, report = build(tmp_path, fake_embedder)
    topics = pd.read_parquet(out / schema.TOPICS_FILE).set_index("topic_id")
    statements = pd.read_parquet(out / schema.STATEMENTS_FILE)
    assert topics.loc[first, "label"] == "Renamed by a reader"
    assert second not in topics.index
    assert not (statements["topic_id"] == second).any()
    assert set(statements.loc[statements["topic_id"] == first, "topic_label"]) == {"Renamed by a reader"}
    assert schema.TOPIC_OVERRIDES_FILE not in {r.source_path for r in report.rejects}
    assert (out / schema.EVENTS_FILE).exists()


def test_rebuild_reuses_statements_and_processes_only_new_articles(tmp_path, fake_embedder):
    write_corpus(tmp_path / "in", n=3)
    out, first = build(tmp_path, fake_embedder)
    assert first.fresh_articles == 3
    before = pd.read_parquet(out / schema.STATEMENTS_FILE)
    out, second = build(tmp_path, fake_embedder)
    assert second.fresh_articles == 0
    pd.testing.assert_frame_equal(before, pd.read_parquet(out / schema.STATEMENTS_FILE))
    write_corpus(tmp_path / "in", n=4)
    out, third = build(tmp_path, fake_embedder)
    assert third.fresh_articles == 1
    manifest = json.loads((out / schema.MANIFEST_FILE).read_text())
    assert manifest["statement_cache"] == {"fresh_articles": 1, "reused_articles": 3}


def test_damaged_statement_cache_is_rebuilt(tmp_path, fake_embedder):
    write_corpus(tmp_path / "in")
    out, _ = build(tmp_path, fake_embedder)
    (tmp_path / ".store.statements-cache.pkl").write_bytes(b"not a pickle")
    out, report = build(tmp_path, fake_embedder)
    assert report.fresh_articles == 3


SEED_TOPICS = [
    ("Ukraine would support the proposal to stop strikes on energy", "energy_moratorium"),
    ("when asked if the energy moratorium was over", "energy_moratorium"),
    ("Ukrainian forces must withdraw entirely from the Donetsk", "territorial_demands"),
    ("the withdrawal should cover the entire territory", "territorial_demands"),
    ("royalty payments on profits from Ukrainian mining", "resources_deal"),
    ("made it clear during its latest summit that Ukraine will join", "nato_membership"),
    ("NATO is disregarding Russia's primary concerns", "nato_membership"),
]


@pytest.mark.slow
@pytest.mark.parametrize("contains,topic", SEED_TOPICS, ids=[t for _, t in SEED_TOPICS])
def test_seed_statements_land_in_their_topics(seed_store, contains, topic):
    statements = pd.read_parquet(seed_store / schema.STATEMENTS_FILE)
    hit = statements[statements["text"].str.contains(contains, regex=False)]
    assert len(hit) == 1
    assert hit["topic_id"].iloc[0] == topic


@pytest.mark.slow
def test_a_remark_on_two_topics_carries_both(seed_store):
    """ "Some progress can be noted," citing the energy moratorium: progress in the talks and the
    moratorium, one as the primary topic and the other as the secondary."""
    statements = pd.read_parquet(seed_store / schema.STATEMENTS_FILE)
    hit = statements[statements["text"].str.contains("citing a temporary moratorium", regex=False)]
    assert len(hit) == 1
    topics = {hit["topic_id"].iloc[0], hit["secondary_topic_id"].iloc[0]}
    assert "energy_moratorium" in topics and topics <= {"energy_moratorium", "readiness_for_talks"}


def test_discovery_is_bounded_and_deterministic_on_many_statements(monkeypatch):
    import numpy as np

    from pipeline import settings
    from pipeline.topics import cluster_vectors

    monkeypatch.setattr(settings, "DISCOVERY_MAX_STATEMENTS", 100)
    rng = np.random.default_rng(0)
    vectors = rng.normal(size=(1000, 16)).astype("float32")
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    first, second = cluster_vectors(vectors), cluster_vectors(vectors)
    assert (first == second).all()
    assert len(set(first.tolist())) <= settings.DISCOVERY_MAX_TOPICS


def test_build_report_gives_resident_memory_after_each_stage(tmp_path, fake_embedder):
    write_corpus(tmp_path / "in")
    _, report = build(tmp_path, fake_embedder)
    assert set(report.memory_mb) == set(report.timings)
    assert all(mb > 0 for mb in report.memory_mb.values())


@pytest.mark.slow
def test_shipped_model_runs_full_precision_and_capped(real_embedder):
    from pipeline import settings

    model = real_embedder._load()
    assert model.max_seq_length == settings.EMBED_MAX_TOKENS == 128
    kinds = {type(m).__module__ for m in model.modules()}
    assert not settings.EMBED_QUANTIZED and not any("quantized" in k for k in kinds)
    assert "fp32" in settings.EMBEDDING_CACHE_NAME


@pytest.mark.slow
def test_a_statements_vector_does_not_depend_on_the_rest_of_the_corpus(real_embedder):
    """The same sentence embeds to the same vector alone or beside others of any length, so adding
    an article never moves another statement's topic or stance."""
    sentence = "The Kremlin said some progress had been made, citing the pause in strikes on power plants."
    others = [
        "Talks resume on Monday.",
        "A long sentence about prisoner exchanges, grain corridors, sanctions relief and a summit " * 4,
    ]
    alone = real_embedder.embed([sentence])[0]
    beside = real_embedder.embed(others + [sentence])[-1]
    assert float(alone @ beside) > 0.9999
