"""Save readers' corrections next to the corpus, where the next build picks them up; never touch the store."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import shlex
import tempfile
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline import schema
from views.store_reader import REPO_ROOT

DEFAULT_REFERENCE = REPO_ROOT / "data" / "reference"


class OverrideError(ValueError):
    """A correction that cannot be saved, with a message meant for the reader."""


def corpus_folder(manifest: dict[str, Any]) -> Path:
    """The input folder the store was built from, or a reason why corrections cannot be saved."""
    value = str(manifest.get("input") or "").strip()
    if not value:
        raise OverrideError(
            "This store's manifest names no input folder, so there is no corpus to save corrections next to. "
            "Rebuild it with `python -m pipeline build ARTICLES --out STORE` and try again."
        )
    folder = Path(value)
    if not folder.is_dir():
        raise OverrideError(f"The corpus folder {folder} named in the store's manifest does not exist on this machine.")
    return folder


def read_rows(path: Path, columns: tuple[str, ...]) -> pd.DataFrame:
    """The corrections already saved in a file (all text), or an empty table."""
    if not path.is_file():
        return pd.DataFrame({name: pd.Series(dtype="object") for name in columns})
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = [name for name in columns if name not in frame.columns]
    if missing:
        raise OverrideError(f"{path} does not have the expected header {','.join(columns)} (missing {', '.join(missing)}).")
    return frame


def append_rows(path: Path, columns: tuple[str, ...], rows: list[dict[str, str]]) -> Path:
    """Append rows to a CSV, keeping its existing rows, via a temporary file and an atomic rename."""
    existing = read_rows(path, columns)
    header = list(existing.columns) if len(existing.columns) else list(columns)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=header, lineterminator="\n")
    writer.writeheader()
    writer.writerows(existing.to_dict(orient="records"))
    writer.writerows({name: row.get(name, "") for name in header} for row in rows)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(buffer.getvalue())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def topic_override(topic_id: str, action: str, value: str, known_ids: set[str]) -> dict[str, str]:
    """Validate one rename or merge and return it as a topic_overrides.csv row."""
    value = " ".join(str(value or "").split())
    if topic_id not in known_ids:
        raise OverrideError(f"Unknown topic {topic_id!r}.")
    if action not in schema.TOPIC_OVERRIDE_ACTIONS:
        raise OverrideError(f"Action must be one of {', '.join(schema.TOPIC_OVERRIDE_ACTIONS)}, not {action!r}.")
    if action == "rename" and not value:
        raise OverrideError("Type the new label first.")
    if action == "merge" and (value not in known_ids or value == topic_id):
        raise OverrideError("Choose another existing topic to merge into.")
    return dict(zip(schema.TOPIC_OVERRIDE_COLUMNS, (topic_id, action, value), strict=True))


def date_override(source_path: str, day: dt.date | None, note: str) -> dict[str, str]:
    """Validate one publication-date correction and return it as an overrides.csv row."""
    if not str(source_path or "").strip():
        raise OverrideError("This article has no source path to key the correction on.")
    if not isinstance(day, dt.date):
        raise OverrideError("Pick the correct publication date first.")
    note = " ".join(str(note or "").split())
    return dict(zip(schema.DATE_OVERRIDE_COLUMNS, (str(source_path), day.isoformat(), note), strict=True))


def build_arguments(manifest: dict[str, Any], store_path: str | Path) -> list[str]:
    """The `-m pipeline build ...` arguments that rebuild this store with the options it was built with."""
    parts = ["-m", "pipeline", "build", str(manifest.get("input") or "ARTICLES"), "--out", str(store_path)]
    references = [str(r) for r in manifest.get("reference") or []]
    extra = [r for r in references if Path(r).resolve() != DEFAULT_REFERENCE.resolve()]
    if extra:
        parts += ["--reference", extra[-1]]
        if len(extra) == len(references):
            parts.append("--replace-reference")
    if manifest.get("as_of"):
        parts += ["--as-of", str(manifest["as_of"])]
    return parts


def build_command(manifest: dict[str, Any], store_path: str | Path) -> str:
    """The command that rebuilds this store from its corpus, so the saved corrections take effect."""
    return shlex.join(["python", *build_arguments(manifest, store_path)])
