"""AppTest of the Add articles page: rendering, the data/ rule, saving uploads and the Build now click (build faked)."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pytest

from pipeline import schema, settings
from tests.apptest import frame_with, open_page, run_app
from tests.store_factory import write_sample_store
from views import uploads
from views.uploads import BuildOutcome

PAGE = "pages/add_articles.py"


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A store built from a corpus inside a stand-in data/ folder, where uploads are allowed."""
    data_root = tmp_path / "data"
    folder = data_root / "mine"
    folder.mkdir(parents=True)
    (folder / "existing.txt").write_text("already here", encoding="utf-8")
    monkeypatch.setattr(uploads, "DATA_ROOT", data_root)
    monkeypatch.setenv("TIMELINE_STORE", str(write_sample_store(tmp_path / "store", input_dir=folder)))
    return folder


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[list[str]]:
    """Record build calls instead of running the pipeline; the fake build rejects bad.txt in the store."""
    calls: list[list[str]] = []

    def fake_run_build(argv: list[str]) -> BuildOutcome:
        calls.append(argv)
        store = Path(argv[argv.index("--out") + 1])
        rejects = pd.DataFrame({"source_path": ["bad.txt", "old.txt"], "reason": ["file holds only whitespace", "binary"]})
        rejects.to_parquet(store / schema.REJECTS_FILE, index=False)
        return BuildOutcome(0, f"Store written to {store}\n  rejected   2")

    monkeypatch.setattr(uploads, "run_build", fake_run_build)
    return calls


def texts(elements) -> str:
    return " ".join(e.value for e in elements)


def test_page_is_in_the_navigation_after_sources(sample_store: Path) -> None:
    at = run_app()
    assert not at.exception
    source = (Path(__file__).resolve().parent.parent / "dashboard.py").read_text(encoding="utf-8")
    assert source.index('"pages/sources.py"') < source.index('"pages/add_articles.py"')


def test_renders_with_a_sample_store_and_refuses_without_a_corpus(sample_store: Path) -> None:
    at = open_page(PAGE)
    assert "names no input folder" in texts(at.warning)
    assert not at.file_uploader and not any(b.key == "build_now" for b in at.button)
    assert "python -m pipeline build" in at.code[0].value
    assert len(frame_with(at, "reason")) > 0  # the last build's rejects


def test_renders_with_an_empty_store(empty_store: Path) -> None:
    at = open_page(PAGE)
    assert "No statements found" in texts(at.info)
    assert not at.file_uploader


def test_corpus_outside_data_is_refused_with_the_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    monkeypatch.setenv("TIMELINE_STORE", str(write_sample_store(tmp_path / "store", input_dir=folder)))
    at = open_page(PAGE)
    assert "Uploads go only to corpora under" in texts(at.warning)
    assert at.code[0].value.startswith(f"python -m pipeline build {folder.resolve()} --out ")
    assert not at.file_uploader
    assert list(folder.iterdir()) == []


def test_uploader_accepts_the_pipelines_types(corpus: Path, builds: list) -> None:
    at = open_page(PAGE)
    uploader = at.file_uploader(key="upload_files")
    assert uploader.accept_multiple_files
    assert {t.lstrip(".") for t in uploader.allowed_type} == {"txt", "md", "html", "htm", "json", "jsonl", "csv"}
    assert not any(b.key == "build_now" for b in at.button)
    assert builds == []  # nothing is built on page load


def frames_with(at, column: str) -> list[pd.DataFrame]:
    """Every table with this column, in page order (tables without selection carry no key in AppTest)."""
    return [f.value for f in at.dataframe if column in f.value.columns]


def test_upload_save_and_build(corpus: Path, builds: list, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(settings, "MAX_FILE_BYTES", 100)
    at = open_page(PAGE)
    at.file_uploader(key="upload_files").set_value(
        [
            ("../new talks.txt", b"date 2025-05-10\nThe minister said the talks would resume.", "text/plain"),
            ("existing.txt", b"a second file with a taken name", "text/plain"),
            ("bad.txt", b"   ", "text/plain"),
            ("huge.html", b"<p>" + b"x" * 200 + b"</p>", "text/html"),
        ]
    ).run()
    assert builds == []
    at.button(key="save_uploads").click().run()
    assert not at.exception
    assert sorted(p.name for p in corpus.iterdir()) == ["bad.txt", "existing-1.txt", "existing.txt", "new_talks.txt"]
    assert (corpus / "existing.txt").read_text(encoding="utf-8") == "already here"
    result = frame_with(at, "saved as")
    assert dict(zip(result["file"], result["saved as"], strict=True))["../new talks.txt"] == "new_talks.txt"
    assert dict(zip(result["file"], result["reason"], strict=True))["huge.html"].startswith("file too large")
    assert "1 file(s) were not added" in texts(at.warning)
    assert "Added 3 file(s)" in texts(at.success)
    assert builds == []

    at.button(key="save_uploads").click().run()  # a second click does not write the same files again
    assert len(list(corpus.iterdir())) == 4

    at.button(key="build_now").click().run()
    assert not at.exception
    assert len(builds) == 1
    argv = builds[0]
    assert argv[:5] == [sys.executable, "-m", "pipeline", "build", str(corpus.resolve())]
    assert any("Store written to" in c.value for c in at.code)
    assert "rebuilt" in texts(at.success)
    rejected = frames_with(at, "source_path")[0]  # the uploads' rejects come before the whole store's
    assert rejected.to_dict(orient="records") == [{"source_path": "bad.txt", "reason": "file holds only whitespace"}]
    assert not any(b.key == "build_now" for b in at.button)  # nothing left waiting


def test_failed_build_is_reported_and_can_be_retried(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(uploads, "run_build", lambda argv: BuildOutcome(2, "error: another build holds the lock"))
    at = open_page(PAGE)
    at.file_uploader(key="upload_files").set_value(("a.md", b"# A\nSome text here.", "text/markdown")).run()
    at.button(key="save_uploads").click().run()
    at.button(key="build_now").click().run()
    assert "build failed (exit code 2)" in texts(at.error)
    assert any("holds the lock" in c.value for c in at.code)
    assert any(b.key == "build_now" for b in at.button)
