"""Unit tests of the upload helpers: safe names, limits, collisions, escape attempts, the data/ rule, the build call."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from pipeline import schema, settings
from views import uploads
from views.uploads import (
    UploadError,
    build_argv,
    free_name,
    rejects_for,
    result_table,
    run_build,
    sanitise_name,
    save_uploads,
    upload_folder,
    write_new_file,
)


@pytest.fixture
def data_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A stand-in for the repository's data/ folder."""
    root = tmp_path / "data"
    root.mkdir()
    monkeypatch.setattr(uploads, "DATA_ROOT", root)
    return root


@pytest.fixture
def corpus(data_root: Path) -> Path:
    folder = data_root / "mine" / "articles"
    folder.mkdir(parents=True)
    return folder


def files_in(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


# --- names ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("report.txt", "report.txt"),
        ("Talks Report (final).HTML", "Talks_Report_final.html"),
        ("../x.txt", "x.txt"),
        ("../../etc/passwd.txt", "passwd.txt"),
        ("/etc/cron.d/job.txt", "job.txt"),
        ("C:\\Users\\me\\notes.md", "notes.md"),
        ("a/b\\c.csv", "c.csv"),
        ("evil\x00.txt", "evil.txt"),
        ("nul\x00in\x00name.csv", "nul_in_name.csv"),
        (".hidden.txt", "hidden.txt"),
        ("...dots.json", "dots.json"),
        ("-rf.txt", "rf.txt"),
        ("Киев-новости.txt", "upload.txt"),
        (".txt", "txt"),  # a dot file, not a .txt file: refused later as a type without suffix
    ],
    ids=[
        "plain",
        "spaces-case",
        "parent",
        "deep-parent",
        "absolute",
        "windows",
        "mixed-slashes",
        "nul",
        "nuls",
        "hidden",
        "dots",
        "dash",
        "non-ascii",
        "dotfile",
    ],
)
def test_sanitise_name(raw: str, expected: str) -> None:
    name = sanitise_name(raw)
    assert name == expected
    assert "/" not in name and "\\" not in name and "\x00" not in name and not name.startswith(".")


@pytest.mark.parametrize("raw", ["", "..", "/", "../", "....", "\x00"], ids=["empty", "dotdot", "slash", "dir", "dots", "nul"])
def test_names_with_nothing_left_are_refused(raw: str) -> None:
    with pytest.raises(UploadError, match="no usable file name"):
        sanitise_name(raw)


def test_long_names_are_shortened_keeping_the_suffix() -> None:
    name = sanitise_name("a" * 500 + ".jsonl")
    assert name.endswith(".jsonl") and len(name) == uploads.MAX_NAME_CHARS


# --- limits --------------------------------------------------------------------------------


def test_type_size_and_total_limits(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(settings, "MAX_FILE_BYTES", 10)
    monkeypatch.setattr(settings, "MAX_UPLOAD_TOTAL_BYTES", 15)
    result = save_uploads(
        [
            ("ok.txt", b"12345678"),
            ("script.py", b"print()"),
            ("noext", b"abc"),
            ("big.md", b"x" * 11),
            ("empty.csv", b""),
            ("second.txt", b"12345678"),  # 8 + 8 > 15
            ("small.txt", b"1234567"),  # 8 + 7 == 15 fits
        ],
        corpus,
    )
    assert [s.name for s in result.saved] == ["ok.txt", "small.txt"]
    reasons = {r.original: r.reason for r in result.rejected}
    assert reasons["script.py"].startswith("unsupported file type .py")
    assert reasons["noext"].startswith("unsupported file type (none)")
    assert reasons["big.md"].startswith("file too large")
    assert reasons["empty.csv"] == "empty file"
    assert reasons["second.txt"].startswith("upload total too large")
    assert files_in(corpus) == {"ok.txt": b"12345678", "small.txt": b"1234567"}  # nothing rejected was written
    table = result_table(result)
    assert list(table.columns) == ["file", "saved as", "size", "reason"] and len(table) == 7


def test_every_supported_type_is_accepted(corpus: Path) -> None:
    names = [f"a{suffix}" for suffix in settings.SUPPORTED_SUFFIXES]
    result = save_uploads([(name, b"text") for name in names], corpus)
    assert not result.rejected and sorted(files_in(corpus)) == sorted(names)
    assert uploads.UPLOAD_TYPES == ["txt", "md", "html", "htm", "json", "jsonl", "csv"]


# --- collisions and atomic writes ------------------------------------------------------------


def test_collisions_get_a_number_and_nothing_is_overwritten(corpus: Path) -> None:
    (corpus / "news.txt").write_bytes(b"old")
    (corpus / "news-1.txt").write_bytes(b"older")
    result = save_uploads([("news.txt", b"new A"), ("dir/news.txt", b"new B"), ("../news.txt", b"new C")], corpus)
    assert [s.name for s in result.saved] == ["news-2.txt", "news-3.txt", "news-4.txt"]
    got = files_in(corpus)
    assert got["news.txt"] == b"old" and got["news-1.txt"] == b"older"
    assert [got[f"news-{n}.txt"] for n in (2, 3, 4)] == [b"new A", b"new B", b"new C"]


@pytest.mark.parametrize("reserved", [schema.DATE_OVERRIDES_FILE, schema.TOPIC_OVERRIDES_FILE])
def test_correction_files_are_never_taken_by_an_upload(corpus: Path, reserved: str) -> None:
    result = save_uploads([(reserved, b"key,published,note\n")], corpus)
    assert result.saved[0].name == reserved.replace(".csv", "-1.csv")
    assert not (corpus / reserved).exists()


def test_a_dangling_symlink_counts_as_taken(corpus: Path, tmp_path: Path) -> None:
    (corpus / "link.txt").symlink_to(tmp_path / "outside.txt")
    assert free_name(corpus, "link.txt", set()) == "link-1.txt"
    save_uploads([("link.txt", b"data")], corpus)
    assert not (tmp_path / "outside.txt").exists()


def test_write_leaves_no_temporary_files(corpus: Path) -> None:
    path = write_new_file(corpus, "a.txt", b"hello")
    assert path == corpus.resolve() / "a.txt" and path.read_bytes() == b"hello"
    assert [p.name for p in corpus.iterdir()] == ["a.txt"]
    with pytest.raises(FileExistsError):
        write_new_file(corpus, "a.txt", b"again")
    assert path.read_bytes() == b"hello"


@pytest.mark.parametrize("name", ["../x.txt", "/tmp/x.txt", "sub/x.txt", "a\\b.txt", "x\x00.txt", ".x.txt", "..", ""], ids=repr)
def test_write_refuses_anything_but_a_plain_name(corpus: Path, name: str) -> None:
    with pytest.raises(UploadError):
        write_new_file(corpus, name, b"data")
    assert list(corpus.iterdir()) == []
    assert not (corpus.parent / "x.txt").exists()


def test_write_refuses_a_symlink_leading_out(corpus: Path, tmp_path: Path) -> None:
    (tmp_path / "outside").mkdir()
    (corpus / "out.txt").symlink_to(tmp_path / "outside" / "out.txt")
    with pytest.raises(UploadError, match="outside"):
        write_new_file(corpus, "out.txt", b"data")
    assert not (tmp_path / "outside" / "out.txt").exists()


# --- where uploads may go ------------------------------------------------------------------


def test_corpus_under_data_is_accepted(corpus: Path) -> None:
    assert upload_folder({"input": str(corpus)}) == corpus.resolve()


@pytest.mark.parametrize(
    ("manifest", "message"),
    [({}, "names no input folder"), ({"input": "/no/such/folder"}, "does not exist")],
    ids=["no-input", "missing"],
)
def test_no_corpus_is_refused(data_root: Path, manifest: dict, message: str) -> None:
    with pytest.raises(UploadError, match=message):
        upload_folder(manifest)


def test_corpus_outside_data_is_refused(data_root: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    with pytest.raises(UploadError, match="only to corpora under"):
        upload_folder({"input": str(outside)})


def test_data_folder_itself_and_escapes_are_refused(data_root: Path, corpus: Path, tmp_path: Path) -> None:
    with pytest.raises(UploadError, match="only to corpora under"):
        upload_folder({"input": str(data_root)})
    with pytest.raises(UploadError, match="only to corpora under"):
        upload_folder({"input": str(corpus / ".." / ".." / "..")})
    (tmp_path / "real").mkdir()
    (data_root / "sneaky").symlink_to(tmp_path / "real")  # under data/ by name, elsewhere once resolved
    with pytest.raises(UploadError, match="only to corpora under"):
        upload_folder({"input": str(data_root / "sneaky")})


def test_the_real_data_root_is_the_repositorys() -> None:
    assert uploads.DATA_ROOT == settings.REPO_ROOT / "data"


# --- the build -----------------------------------------------------------------------------


def test_build_argv_keeps_the_manifests_options(corpus: Path, tmp_path: Path) -> None:
    manifest = {
        "input": "/old/place",
        "reference": [str(settings.DEFAULT_REFERENCE_DIR), "/ref/own"],
        "as_of": "2025-06-14",
    }
    argv = build_argv(manifest, corpus, tmp_path / "store")
    assert argv[:4] == [sys.executable, "-m", "pipeline", "build"]
    assert argv[4:] == [
        str(corpus),
        "--out",
        str((tmp_path / "store").resolve()),
        "--reference",
        "/ref/own",
        "--as-of",
        "2025-06-14",
        "--quiet",
    ]
    replaced = build_argv({"reference": ["/ref/own"]}, corpus, tmp_path / "store")
    assert replaced[-4:] == ["--reference", "/ref/own", "--replace-reference", "--quiet"]


def test_run_build_collects_output_without_starting_a_real_build(tmp_path: Path) -> None:
    calls = []

    def fake(argv, **kwargs):
        calls.append((argv, kwargs))
        return subprocess.CompletedProcess(argv, 0, stdout="Store written to x\n", stderr="Loading weights: 100%\n")

    outcome = run_build(["python", "-m", "pipeline", "build"], runner=fake)
    assert outcome.ok and outcome.output == "Store written to x"
    assert calls[0][1]["cwd"] == settings.REPO_ROOT and calls[0][1]["capture_output"] is True


@pytest.mark.parametrize(
    ("error", "expected"),
    [(subprocess.TimeoutExpired("x", 1), "longer than"), (FileNotFoundError("no python"), "could not start")],
    ids=["timeout", "missing"],
)
def test_run_build_reports_failures(error: Exception, expected: str) -> None:
    def fake(argv, **kwargs):
        raise error

    outcome = run_build(["x"], runner=fake)
    assert not outcome.ok and expected in outcome.output


def test_failed_build_keeps_its_error_text() -> None:
    outcome = run_build(
        ["x"], runner=lambda argv, **kw: subprocess.CompletedProcess(argv, 2, stdout="", stderr="error: locked\n")
    )
    assert outcome.returncode == 2 and outcome.output == "error: locked"


def test_rejects_for_the_uploaded_files() -> None:
    rejects = pd.DataFrame(
        {
            "source_path": ["new.txt", "old.txt", "feed.jsonl#3", "sub/new.txt"],
            "reason": ["empty file", "binary", "malformed JSON line", "other folder"],
        }
    )
    got = rejects_for(rejects, ["new.txt", "feed.jsonl"])
    assert got.to_dict(orient="records") == [
        {"source_path": "new.txt", "reason": "empty file"},
        {"source_path": "feed.jsonl#3", "reason": "malformed JSON line"},
    ]
    assert rejects_for(pd.DataFrame(), ["new.txt"]).empty
