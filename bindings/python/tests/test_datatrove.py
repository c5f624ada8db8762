"""matn.datatrove: the WARC reader and the extractor step in a datatrove pipeline, over a WARC
that the test writes from the repository's fixture pages plus bad pages."""

from __future__ import annotations

import json
import os
import pickle
from pathlib import Path

import pytest
from conftest import FIXTURES, expect_field, fixture_pages

pytest.importorskip("datatrove")
pytest.importorskip("warcio")

from datatrove.executor import LocalPipelineExecutor  # noqa: E402
from datatrove.pipeline.writers import JsonlWriter  # noqa: E402

from matn.datatrove import Matn, MatnWarcReader  # noqa: E402
from matn.warc import read_pages, write_pages  # noqa: E402

LIMIT = 1 << 20
CP_PAGE = FIXTURES / "egypt-style.html"


def bad_pages() -> list[tuple[str, bytes, str | None]]:
    return [
        ("https://bad.example/binary", os.urandom(30_000), "text/html"),
        ("https://bad.example/gzip", b"\x1f\x8b\x08\x00" + os.urandom(5_000), "text/html"),
        ("https://bad.example/empty", b"", "text/html"),
        ("https://bad.example/blank", b"  \n\n  ", "text/html; charset=utf-8"),
        ("https://bad.example/huge", b"<p>" + "كلمة ".encode() * (LIMIT // 5) + b"</p>", "text/html"),
        ("https://bad.example/nested", b"<div>" * 200_000, "text/html"),
        ("https://bad.example/image.png", b"\x89PNG\r\n", "image/png"),
    ]


@pytest.fixture(scope="module")
def warc(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("warc")
    pages = [(expect_field(p, "url") or f"https://fixture.example/{p.stem}", p.read_bytes(), "text/html") for p in fixture_pages()]
    # One page sent as windows-1256 with the charset only in the HTTP header.
    first = CP_PAGE.read_text(encoding="utf-8").replace('<meta charset="utf-8">', "")
    pages.append(("https://fixture.example/cp1256", first.encode("cp1256", errors="replace"), "text/html; charset=windows-1256"))
    write_pages(folder / "pages.warc.gz", pages + bad_pages())
    return folder


def run_pipeline(warc: Path, out: Path, extractor: Matn):
    stats = LocalPipelineExecutor(
        pipeline=[MatnWarcReader(str(warc), glob_pattern="*.warc.gz"), extractor, JsonlWriter(str(out), compression=None)],
        tasks=1,
        logging_dir=str(out / "logs"),
    ).run()
    docs = [json.loads(line) for f in sorted(out.glob("*.jsonl")) for line in f.read_text(encoding="utf-8").splitlines()]
    return stats, docs


def step_stats(stats, name: str) -> dict:
    for s in stats.stats:
        if s.name.endswith(name):
            return {k: v.total for k, v in s.stats.items()}
    raise AssertionError(f"no stats for {name}")


def test_warc_round_trip_keeps_bytes_and_content_type(warc):
    pages = list(read_pages(warc / "pages.warc.gz"))
    assert all(p.content_type != "image/png" for p in pages)
    cp1256 = next(p for p in pages if p.url == "https://fixture.example/cp1256")
    assert cp1256.content_type == "text/html; charset=windows-1256"
    assert "محافظة الجيزة" in cp1256.body.decode("cp1256")


@pytest.mark.parametrize("timeout", [None, 5.0], ids=["in-process", "sandbox"])
def test_pipeline_extracts_articles_and_counts_bad_pages(warc, tmp_path, timeout):
    stats, docs = run_pipeline(warc, tmp_path, Matn(timeout=timeout, max_input_bytes=LIMIT))
    s = step_stats(stats, Matn.name)
    by_url = {d["metadata"]["url"]: d for d in docs}
    articles = [p for p in fixture_pages() if expect_field(p, "article") != "no"]
    for p in articles:
        doc = by_url[expect_field(p, "url") or f"https://fixture.example/{p.stem}"]
        assert doc["metadata"]["title"] == expect_field(p, "title"), p.name
        assert doc["text"] and "\n\n" not in doc["text"]
        assert {"authors", "published", "lang", "confidence"} <= set(doc["metadata"])
    cp1256 = by_url["https://fixture.example/cp1256"]
    assert cp1256["metadata"]["encoding"] == "windows-1256"
    assert cp1256["text"] == by_url[expect_field(CP_PAGE, "url")]["text"]
    assert s["too_large"] >= 1 and s["empty"] >= 1 and s["no_article"] >= 1
    assert s["total"] == len(fixture_pages()) + 1 + len(bad_pages()) - 2  # the image and the empty record
    assert s.get("error", 0) == 0 and s.get("timeout", 0) == 0 and s.get("broken_process", 0) == 0
    assert step_stats(stats, MatnWarcReader.name)["empty_record"] == 1


def test_step_pickles_with_its_settings_only(article_page):
    step = Matn(rules=[("class_", "k7-strip", "remove", "example.com")], min_confidence=0.3)
    assert step.extract(article_page.read_bytes())  # builds the Cleaner
    clone = pickle.loads(pickle.dumps(step))
    assert clone._cleaner is None and clone.rules == step.rules and clone.min_confidence == 0.3
    assert clone.extract(article_page.read_bytes()) == step.extract(article_page.read_bytes())
    assert clone.extract(b"   ") == "" and clone.extract("<p>x</p>") == ""
