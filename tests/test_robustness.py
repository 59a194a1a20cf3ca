"""Hostile input at scale and builds that die halfway: the old store survives, nothing is lost."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from pipeline import schema
from pipeline.ingest import ingest
from pipeline.sources import read_folder
from tests.conftest import ROOT

BODY = "KYIV - Officials said on Monday that talks would continue. " * 20


def test_huge_file_long_line_and_copies_under_other_names(tmp_path):
    (tmp_path / "good.txt").write_text("A headline\n\n" + BODY, encoding="utf-8")
    (tmp_path / "copy of good (1).txt").write_text("A headline\n\n" + BODY, encoding="utf-8")
    with (tmp_path / "huge.txt").open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # 50 MB of NUL bytes, written sparsely
    (tmp_path / "one-line.txt").write_text("Long line\n\n" + "word " * 20_000, encoding="utf-8")
    docs, rejects = read_folder(tmp_path)
    articles, thin = ingest(docs)
    reasons = {r.source_path: r.reason for r in rejects + thin}
    assert "too large" in reasons["huge.txt"]
    by_path = {a.source_path: a for a in articles}
    first, second = by_path["copy of good (1).txt"], by_path["good.txt"]  # sorted by path: the first copy is the original
    assert first.duplicate_of is None and second.duplicate_of == first.article_id
    assert len(by_path["one-line.txt"].text) > 99_000


@pytest.mark.slow
def test_a_killed_build_leaves_the_previous_store_loadable(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    for i in range(3):
        (corpus / f"a{i}.txt").write_text(f"Headline {i}\n\n" + BODY.replace("Monday", f"Monday {i}"), encoding="utf-8")
    out = tmp_path / "store"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "pipeline", "build", str(corpus), "--out", str(out), "--quiet"]
    subprocess.run(command, check=True, cwd=ROOT, env=env, capture_output=True, timeout=300)
    before = pd.read_parquet(out / schema.STATEMENTS_FILE)
    for i in range(3, 60):
        (corpus / f"a{i}.txt").write_text(f"Headline {i}\n\n" + BODY.replace("Monday", f"Monday {i}"), encoding="utf-8")
    proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(2.5)  # inside the build: the model loads and embeds for several seconds
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    after = pd.read_parquet(out / schema.STATEMENTS_FILE)
    pd.testing.assert_frame_equal(before, after)
    # the lock of the killed build does not block the next one
    subprocess.run(command, check=True, cwd=ROOT, env=env, capture_output=True, timeout=300)
    assert len(pd.read_parquet(out / schema.ARTICLES_FILE)) == 60


def test_no_page_renders_html_from_the_store():
    for path in [ROOT / "dashboard.py", *sorted((ROOT / "pages").glob("*.py")), *sorted((ROOT / "views").glob("*.py"))]:
        source = Path(path).read_text(encoding="utf-8")
        for line in source.splitlines():
            if "unsafe_allow_html=True" in line:
                assert "CSS" in line or "css" in line, f"{path.name}: {line.strip()}"
