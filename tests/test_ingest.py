"""Ingest: headers, titles, boilerplate, duplicates, and bad input that never stops a build."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.ingest import clean_document, ingest
from pipeline.records import RawDocument, Reject
from pipeline.sources import read_folder

BODY = (
    "GENEVA, March 3 (Wire) - The mediator said on Friday that talks would resume next week.\n\n"
    '"We are ready to continue," the envoy told reporters.\n'
)


def doc(text: str, **kw) -> RawDocument:
    return RawDocument(source_path=kw.pop("source_path", "a.txt"), fmt="txt", text=text, **kw)


def test_scraper_header_gives_date_and_url():
    art = clean_document(doc("date 2025-05-10 https://example.org/2025/05/10/x.html\n\nA Title Here\n\n" + BODY))
    assert art.published_raw == "2025-05-10"
    assert art.url == "https://example.org/2025/05/10/x.html"
    assert art.title == "A Title Here"
    assert art.outlet == "example.org"
    assert art.text.startswith("GENEVA")


def test_key_value_header_and_markdown_title():
    art = clean_document(doc("Published: 12 March 2025\nSource: Ostmark Wire\n\n# The Headline\n\n" + BODY))
    assert art.published_raw == "12 March 2025"
    assert art.outlet == "Ostmark Wire"
    assert art.title == "The Headline"


def test_boilerplate_is_removed_and_kept_aside():
    text = (
        "Headline of the piece\n\n" + BODY + "\nRead more\n\nSign up for our newsletter to get updates\n\n"
        "Dear readers,\n\nWe need your support. Please donate monthly to keep independent journalism alive.\n"
    )
    art = clean_document(doc(text))
    assert "Read more" not in art.text
    assert "Dear readers" not in art.text
    assert "newsletter" not in art.text
    assert any("Dear readers" in line for line in art.boilerplate)
    assert "ready to continue" in art.text


def test_a_short_source_credit_goes_but_a_line_naming_whose_words_follow_stays():
    """ "Source: Ostmark Wire" under a photo is a credit; "Source: Umerov's remarks to reporters
    after the round in Istanbul" says whose words the sections below report."""
    text = (
        "Headline of the piece\n\nSource: Ostmark Wire\n\n" + BODY + "\n"
        "Source: Rustem Umerov's remarks to reporters after the round in Istanbul\n"
    )
    art = clean_document(doc(text))
    assert "Ostmark Wire" not in art.text
    assert "Umerov's remarks to reporters" in art.text


def test_photo_caption_is_not_the_title():
    art = clean_document(doc("Kremlin spokesman at a briefing - REUTERSpix\n\nProgress seen in talks\n\n" + BODY))
    assert art.title == "Progress seen in talks"


def test_relative_age_line_is_metadata_not_body():
    art = clean_document(doc("Truce talks stall\n\n7 hours ago 1\n\n" + BODY))
    assert "7 hours ago" not in art.text
    assert "7 hours ago 1" in art.header_lines


def test_exact_copies_point_to_the_first():
    a = doc("Title one\n\n" + BODY, source_path="a.txt")
    b = doc("Title one\n\n" + BODY + "\nShare this article\n", source_path="b.txt")
    articles, rejects = ingest([a, b])
    assert not rejects
    assert articles[0].duplicate_of is None
    assert articles[1].duplicate_of == articles[0].article_id
    assert articles[0].article_id != articles[1].article_id


def test_article_ids_are_stable():
    a1, _ = ingest([doc("T\n\n" + BODY)])
    a2, _ = ingest([doc("T\n\n" + BODY.replace("  ", " "))])
    assert a1[0].article_id == a2[0].article_id


def write_bad_corpus(root: Path) -> None:
    """One good file and one of every kind of bad file."""
    (root / "good.txt").write_text("Good headline\n\n" + BODY, encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    (root / "blank.txt").write_text("   \n\n  ", encoding="utf-8")
    (root / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    (root / "latin1.txt").write_bytes(("Titre\n\n" + BODY.replace("mediator", "médiateur")).encode("latin-1"))
    (root / "utf16.txt").write_bytes(("Another headline\n\n" + BODY).encode("utf-16"))
    (root / "broken.json").write_text('{"title": "x", "text": ', encoding="utf-8")
    (root / "notext.json").write_text(json.dumps({"title": "no body"}), encoding="utf-8")
    (root / "list.json").write_text(json.dumps([{"title": "J1", "text": BODY, "published": "2024-01-05"}]), encoding="utf-8")
    (root / "lines.jsonl").write_text(json.dumps({"title": "L1", "text": BODY}) + "\n{bad json\n", encoding="utf-8")
    (root / "rows.csv").write_text('title,text\n"C1","' + BODY.replace('"', '""') + '"\n', encoding="utf-8")
    (root / "nocol.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    (root / "image.png").write_bytes(b"\x89PNG\r\n")
    (root / "page.html").write_text(
        "<html><head><title>T</title><script>alert(1)</script><meta property='article:published_time' content='2024-02-03'></head>"
        "<body><nav>Home | World</nav><article><p>" + BODY.replace("\n", " ") * 3 + "</p></article>"
        "<iframe src='http://evil.example'></iframe></body></html>",
        encoding="utf-8",
    )
    (root / "broken-link.txt").symlink_to(root / "missing-target.txt")
    nested = root / "a" / "b" / "c"
    nested.mkdir(parents=True)
    (nested / "odd name ü #1.txt").write_text("Deep headline\n\n" + BODY + " More.", encoding="utf-8")
    (root / "a" / "loop").symlink_to(root, target_is_directory=True)


def test_bad_files_are_rejected_with_reasons_and_good_ones_kept(tmp_path):
    write_bad_corpus(tmp_path)
    docs, rejects = read_folder(tmp_path)
    articles, thin = ingest(docs)
    reasons = {r.source_path: r.reason for r in rejects + thin}
    assert "empty file" in reasons["empty.txt"]
    assert "whitespace" in reasons["blank.txt"]
    assert "binary" in reasons["binary.txt"]
    assert "malformed JSON" in reasons["broken.json"]
    assert "no text field" in reasons["notext.json"]
    assert "malformed JSON line" in reasons["lines.jsonl#2"]
    assert "no text column" in reasons["nocol.csv"]
    assert "unsupported file type" in reasons["image.png"]
    assert "broken symbolic link" in reasons["broken-link.txt"]
    sources = {a.source_path for a in articles}
    assert {
        "good.txt",
        "latin1.txt",
        "utf16.txt",
        "list.json",
        "lines.jsonl#1",
        "rows.csv#2",
        "page.html",
        "a/b/c/odd name ü #1.txt",
    } <= sources
    latin = next(a for a in articles if a.source_path == "latin1.txt")
    assert "médiateur" in latin.text
    html = next(a for a in articles if a.source_path == "page.html")
    assert "alert(1)" not in html.text and "Home | World" not in html.text
    assert html.published_raw and html.published_raw.startswith("2024-02-03")


def test_huge_file_is_rejected_without_reading(tmp_path, monkeypatch):
    from pipeline import settings

    monkeypatch.setattr(settings, "MAX_FILE_BYTES", 1000)
    (tmp_path / "huge.txt").write_text("x" * 5000, encoding="utf-8")
    _, rejects = read_folder(tmp_path)
    assert rejects == [Reject("huge.txt", rejects[0].reason)]
    assert "too large" in rejects[0].reason


@pytest.mark.parametrize("name", ["000_64e7ff765e8523a4.txt", "001_6017a1295f4de872.txt", "003_62cab7a650dcf076.txt"])
def test_seed_boilerplate_is_stripped(seeds_dir, name):
    docs, _ = read_folder(seeds_dir)
    articles, _ = ingest(docs)
    art = next(a for a in articles if a.source_path == name)
    for junk in ("Dear readers", "Read Entire Article", "Read more", "small favor", "Remind me later"):
        assert junk not in art.text
    assert "Peskov" in art.text


def test_syndicated_copy_with_other_header_and_an_edit_is_a_duplicate():
    body = BODY * 3 + "The envoy added that a further round was possible before the summer recess.\n"
    a = doc("Title: Envoys meet\nPublished: 1 May 2025\n\nEnvoys meet\n\n" + body, source_path="a.txt")
    b = doc(
        "date 2025-05-01 https://other.example/x\n\nEnvoys meet\n\n"
        + body.replace("recess.", "recess, officials said.")
        + "\nRead more: other stories\n",
        source_path="b.txt",
    )
    articles, _ = ingest([a, b])
    assert articles[1].duplicate_of == articles[0].article_id


def test_different_articles_are_not_duplicates():
    a = doc("One\n\n" + BODY, source_path="a.txt")
    b = doc(
        "Two\n\nKYIV, May 2 - The president said the ceasefire had collapsed and talks were over for now.\n", source_path="b.txt"
    )
    articles, _ = ingest([a, b])
    assert all(x.duplicate_of is None for x in articles)
