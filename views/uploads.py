"""Put uploaded articles into the store's corpus folder safely, and rebuild the store from it on request."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline import schema, settings
from views.overrides import OverrideError, build_arguments, corpus_folder

DATA_ROOT = settings.REPO_ROOT / "data"
ALLOWED_SUFFIXES = tuple(settings.SUPPORTED_SUFFIXES)
UPLOAD_TYPES = [suffix.lstrip(".") for suffix in ALLOWED_SUFFIXES]
MAX_NAME_CHARS = 120
FALLBACK_STEM = "upload"  # for names with no usable letters, such as a title in Cyrillic
MAX_COLLISIONS = 10_000
BUILD_TIMEOUT_SECONDS = 3600
# Files the build reads as corrections, not as articles: an upload never takes these names.
RESERVED_NAMES = frozenset({schema.DATE_OVERRIDES_FILE, schema.TOPIC_OVERRIDES_FILE})
UNSAFE_CHARS = re.compile(r"[^A-Za-z0-9._-]+")
SAFE_NAME = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9._-]*")


class UploadError(ValueError):
    """Uploads cannot go to this store's corpus, with a message meant for the reader."""


@dataclass(frozen=True)
class Saved:
    """One uploaded file written into the corpus under a safe, new name."""

    original: str
    name: str
    size: int


@dataclass(frozen=True)
class Rejected:
    """One uploaded file that was not written, and why."""

    original: str
    reason: str


@dataclass(frozen=True)
class UploadResult:
    """What happened to each file of one upload."""

    saved: list[Saved] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)


@dataclass(frozen=True)
class BuildOutcome:
    """How the build subprocess ended and what it printed."""

    returncode: int
    output: str

    @property
    def ok(self) -> bool:
        """A zero exit code means the store was written."""
        return self.returncode == 0


def format_size(size: int) -> str:
    """Bytes as a short human figure for messages."""
    return f"{size / 1_000_000:.1f} MB" if size >= 1_000_000 else f"{size / 1000:.1f} kB"


def sanitise_name(raw: str) -> str:
    """A plain file name safe to create inside the corpus: basename only, [A-Za-z0-9._-], no leading dot."""
    base = str(raw or "").replace("\\", "/").rsplit("/", 1)[-1]
    stem, suffix = os.path.splitext(base)
    stem = UNSAFE_CHARS.sub("_", stem).strip("._-")
    suffix = UNSAFE_CHARS.sub("_", suffix).lower()
    if not stem and not suffix:
        raise UploadError(f"{raw!r} has no usable file name.")
    stem = (stem or FALLBACK_STEM)[: MAX_NAME_CHARS - len(suffix)].rstrip("._-")
    return stem + suffix


def rejection_reason(name: str, size: int, total_so_far: int) -> str | None:
    """Why this (sanitised) file may not be saved, or None when it may."""
    suffix = Path(name).suffix.lower()
    if suffix not in ALLOWED_SUFFIXES:
        return f"unsupported file type {suffix or '(none)'} (allowed: {', '.join(ALLOWED_SUFFIXES)})"
    if size <= 0:
        return "empty file"
    if size > settings.MAX_FILE_BYTES:
        return f"file too large ({format_size(size)} > {format_size(settings.MAX_FILE_BYTES)} limit)"
    if total_so_far + size > settings.MAX_UPLOAD_TOTAL_BYTES:
        return f"upload total too large (more than {format_size(settings.MAX_UPLOAD_TOTAL_BYTES)} in one go)"
    return None


def upload_folder(manifest: dict[str, Any], data_root: Path | None = None) -> Path:
    """The resolved corpus folder uploads may be written to, or UploadError saying why not."""
    root = (data_root or DATA_ROOT).resolve()
    try:
        folder = corpus_folder(manifest).resolve()
    except OverrideError as exc:
        raise UploadError(str(exc)) from None
    if folder == root or not folder.is_relative_to(root):
        raise UploadError(
            f"Uploads go only to corpora under {root}; this store was built from {folder}. "
            "Copy the files into that folder yourself and rebuild the store with the command below."
        )
    return folder


def free_name(folder: Path, name: str, taken: set[str]) -> str:
    """The name itself, or name-1, name-2 … : never an existing file, a reserved name or one used in this upload."""
    stem, suffix = os.path.splitext(name)
    for n in range(MAX_COLLISIONS):
        candidate = name if n == 0 else f"{stem}-{n}{suffix}"
        if candidate in taken or candidate in RESERVED_NAMES:
            continue
        if not os.path.lexists(folder / candidate):
            return candidate
    raise UploadError(f"Too many files named like {name} in {folder}.")


def write_new_file(folder: Path, name: str, data: bytes) -> Path:
    """Write data as folder/name atomically (temporary file + os.replace), refusing to overwrite or leave the folder."""
    if not SAFE_NAME.fullmatch(name):
        raise UploadError(f"{name!r} is not a plain file name.")
    root = folder.resolve()
    target = (root / name).resolve()
    if target.parent != root or not target.is_relative_to(root):
        raise UploadError(f"{name!r} would be written outside {root}.")
    # Claim the name first (O_EXCL fails if anything, even a dangling symlink, is there), so replace never overwrites.
    os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))
    handle, temporary = tempfile.mkstemp(dir=root, prefix=f".{name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        target.unlink(missing_ok=True)
        raise
    return target


def save_uploads(files: Iterable[tuple[str, bytes]], folder: Path) -> UploadResult:
    """Check each (name, bytes) upload against the limits and write the good ones into folder under new names."""
    result = UploadResult()
    taken: set[str] = set()
    total = 0
    for original, data in files:
        try:
            name = sanitise_name(original)
        except UploadError as exc:
            result.rejected.append(Rejected(original, str(exc)))
            continue
        reason = rejection_reason(name, len(data), total)
        if reason:
            result.rejected.append(Rejected(original, reason))
            continue
        try:
            name = free_name(folder, name, taken)
            write_new_file(folder, name, data)
        except (UploadError, OSError) as exc:
            result.rejected.append(Rejected(original, f"not written: {exc}"))
            continue
        taken.add(name)
        total += len(data)
        result.saved.append(Saved(original, name, len(data)))
    return result


def result_table(result: UploadResult) -> pd.DataFrame:
    """One row per uploaded file: its name, what it was saved as, or why it was not."""
    rows = [{"file": s.original, "saved as": s.name, "size": format_size(s.size), "reason": ""} for s in result.saved]
    rows += [{"file": r.original, "saved as": "", "size": "", "reason": r.reason} for r in result.rejected]
    return pd.DataFrame(rows, columns=["file", "saved as", "size", "reason"])


def build_argv(manifest: dict[str, Any], folder: Path, store_path: str | Path) -> list[str]:
    """The subprocess argv that rebuilds the store from folder with the options recorded in its manifest."""
    args = build_arguments({**manifest, "input": str(folder)}, Path(store_path).resolve())
    return [sys.executable, *args, "--quiet"]


def run_build(argv: list[str], runner: Callable[..., Any] = subprocess.run) -> BuildOutcome:
    """Run the build in its own process (the app never loads the NLP stack) and collect its output."""
    try:
        done = runner(
            argv,
            cwd=settings.REPO_ROOT,
            capture_output=True,
            text=True,
            timeout=BUILD_TIMEOUT_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return BuildOutcome(-1, f"The build took longer than {BUILD_TIMEOUT_SECONDS} s and was stopped.")
    except OSError as exc:
        return BuildOutcome(-1, f"The build could not start: {exc}")
    stdout, stderr = (done.stdout or "").strip(), (done.stderr or "").strip()
    if done.returncode == 0 and stdout:
        return BuildOutcome(0, stdout)  # the summary; stderr holds only model-loading progress then
    return BuildOutcome(int(done.returncode), "\n".join(part for part in (stdout, stderr) if part))


def rejects_for(rejects: pd.DataFrame, names: Iterable[str]) -> pd.DataFrame:
    """The store's rejects (source_path, reason) that concern the uploaded files."""
    wanted = set(names)
    if rejects.empty or "source_path" not in rejects.columns:
        return pd.DataFrame({"source_path": pd.Series(dtype="object"), "reason": pd.Series(dtype="object")})
    # A JSON/JSONL record is rejected as "file.jsonl#3": match it by its file.
    mask = rejects["source_path"].astype(str).str.split("#", n=1).str[0].isin(wanted)
    return rejects.loc[mask, ["source_path", "reason"]].reset_index(drop=True)
