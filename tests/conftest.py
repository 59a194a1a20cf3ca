"""Shared fixtures: seed paths, a deterministic fake embedder, the real model once per session."""

from __future__ import annotations

import hashlib
import os
import re
import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
SEED_CANDIDATES = [Path(p) for p in (os.environ.get("SEEDS_DIR"),) if p] + [
    ROOT.parent / "shared" / "seeds",
    Path("/work/shared/seeds"),
]
SEEDS = next((p for p in SEED_CANDIDATES if p.is_dir()), SEED_CANDIDATES[0])
WORD_RE = re.compile(r"[a-z]{3,}")


class HashingEmbedder:
    """A tiny deterministic bag-of-words embedder, so fast tests need no model."""

    dim = 256

    def embed(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            for word in WORD_RE.findall(text.lower()):
                h = int(hashlib.md5(word[:6].encode()).hexdigest(), 16)
                out[i, h % self.dim] += 1.0
            norm = np.linalg.norm(out[i])
            out[i] /= norm or 1.0
        return out


@pytest.fixture(scope="session")
def fake_embedder() -> HashingEmbedder:
    return HashingEmbedder()


@pytest.fixture(scope="session")
def real_embedder():
    """The shipped MiniLM model, loaded once per test session."""
    from pipeline.embedding import MiniLMEmbedder

    return MiniLMEmbedder()


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"seed articles not found at {SEEDS}")
    return SEEDS


@pytest.fixture(scope="session")
def reference():
    from pipeline import settings
    from pipeline.reference import load_reference

    return load_reference(settings.DEFAULT_REFERENCE_DIR)


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory, seeds_dir, real_embedder) -> Path:
    """The five real seed articles built into a store with the real model (read in place)."""
    import datetime as dt

    from pipeline.build import BuildOptions, run_build

    out = tmp_path_factory.mktemp("seedstore") / "store"
    run_build(BuildOptions(input_dir=seeds_dir, out_dir=out, build_date=dt.date(2026, 1, 1), embedder=real_embedder))
    return out


@pytest.fixture
def sample_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The synthetic store (with key events), named by TIMELINE_STORE for the app."""
    from tests.store_factory import write_sample_store

    store = write_sample_store(tmp_path / "store")
    monkeypatch.setenv("TIMELINE_STORE", str(store))
    return store


@pytest.fixture
def empty_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A store folder that does not exist, named by TIMELINE_STORE."""
    folder = tmp_path / "nothing-here"
    monkeypatch.setenv("TIMELINE_STORE", str(folder))
    return folder


os.environ.setdefault("HF_HUB_OFFLINE", "1")
