"""What the small learned models share: turning linear scores into probabilities, and writing
their weights atomically (a half-written model file must never be loaded by a build)."""

from __future__ import annotations

from pathlib import Path

import numpy as np


def softmax(logits: np.ndarray) -> np.ndarray:
    """Row-wise probabilities from linear scores (shifted first, so large scores cannot overflow)."""
    shifted = np.exp(logits - logits.max(axis=1, keepdims=True))
    return shifted / shifted.sum(axis=1, keepdims=True)


def save_arrays(path: Path, **arrays) -> None:
    """Write arrays to a compressed .npz beside ``path``, then move it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp.npz")
    np.savez_compressed(tmp, **arrays)
    tmp.replace(path)
