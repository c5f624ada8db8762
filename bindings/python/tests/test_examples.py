"""The Rust examples' command lines: batch over WARC and folders (JSON Lines, per-page files),
clean's formats, --help, unknown flags, and a closed output pipe."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys

import pytest
from conftest import FIXTURES, expect_field, fixture_pages
from test_corpus import example_command

import matn

warc = pytest.importorskip("matn.warc")


def run(name: str, *args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([*example_command(name), *args], capture_output=True, check=False, timeout=600, **kw)


@pytest.mark.parametrize("name", ["clean", "batch"])
def test_help_and_unknown_flags(name):
    ok = run(name, "--help")
    assert ok.returncode == 0 and b"usage:" in ok.stdout
    bad = run(name, "--no-such-flag", "x", "y")
    assert bad.returncode == 2 and b"no-such-flag" in bad.stderr


def test_clean_formats_match_the_python_api(article_page):
    for fmt in ["text", "markdown", "html", "json"]:
        out = run("clean", "--format", fmt, str(article_page))
        assert out.returncode == 0, out.stderr
        want = matn.clean(article_page.read_bytes(), format=fmt)
        assert out.stdout.decode().rstrip("\n") == want.rstrip("\n"), fmt
    assert run("clean", "--format", "pdf", str(article_page)).returncode == 2


def test_clean_exits_quietly_on_a_closed_pipe(article_page):
    big = article_page.read_bytes() * 40
    cmd = " ".join(f"'{c}'" for c in example_command("clean"))
    out = subprocess.run(f"{cmd} - | head -c 10 >/dev/null", shell=True, input=big, capture_output=True, timeout=600, executable="/bin/bash")
    assert out.returncode == 0 and b"panicked" not in out.stderr, out.stderr


def no_duplicate_keys(pairs: list[tuple[str, object]]) -> dict:
    keys = [k for k, _ in pairs]
    assert len(keys) == len(set(keys)), keys
    return dict(pairs)


def test_batch_reads_warc_into_json_lines(tmp_path):
    pages = [(expect_field(p, "url"), p.read_bytes(), "text/html") for p in fixture_pages()]
    pages.append(("https://bad.example/blank", b"   ", "text/html"))
    pages.append(("https://bad.example/img", b"\x89PNG", "image/png"))
    warc.write_pages(tmp_path / "a.warc.gz", pages[:5])
    warc.write_pages(tmp_path / "b.warc", pages[5:], gzip=False)
    out = run("batch", str(tmp_path / "a.warc.gz"), str(tmp_path / "b.warc"), "--jsonl", "-", "--threads", "2")
    assert out.returncode == 0, out.stderr
    lines = [json.loads(line, object_pairs_hook=no_duplicate_keys) for line in out.stdout.decode().splitlines()]
    assert len(lines) == len(pages) - 1  # the image is not HTML
    by_url = {d["given_url"]: d for d in lines}
    for url, body, ctype in pages[:-1]:
        d = by_url[url]
        try:
            want = matn.extract(body, url=url, content_type=ctype)
        except matn.MatnError as e:
            assert d["error"] == str(e)
        else:
            assert {k: d[k] for k in want} == want
    assert f"pages {len(pages) - 1} " in out.stderr.decode()


def test_batch_folder_output_and_closed_pipe(tmp_path):
    out = run("batch", str(FIXTURES), str(tmp_path / "out"), "--threads", "2")
    assert out.returncode == 0, out.stderr
    page = FIXTURES / "egypt-style.html"
    got = json.loads((tmp_path / "out" / "egypt-style.json").read_text(encoding="utf-8"))
    assert got == matn.extract(page.read_bytes(), url=expect_field(page, "url"))
    assert (tmp_path / "out" / "egypt-style.txt").read_text(encoding="utf-8") == got["text"]
    timings = json.loads((tmp_path / "out" / "_timings.json").read_text())
    assert timings["n_files"] == len(fixture_pages()) and "homepage" in timings["errors"]
    cmd = " ".join(f"'{c}'" for c in example_command("batch"))
    piped = subprocess.run(f"{cmd} '{FIXTURES}' --jsonl - --threads 1 | head -n 1 >/dev/null", shell=True, capture_output=True, timeout=600, executable="/bin/bash")
    assert piped.returncode == 0 and b"panicked" not in piped.stderr, piped.stderr


def peak_rss_mb(cmd: list[str]) -> float:
    """The peak resident memory of `cmd`, measured in a fresh process that runs only it."""
    probe = (
        "import resource, subprocess, sys; "
        "r = subprocess.run(sys.argv[1:], capture_output=True); "
        "assert r.returncode == 0, r.stderr; "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run([sys.executable, "-c", probe, *cmd], capture_output=True, check=True, timeout=600)
    return int(out.stdout) / 1024


def test_batch_holds_threads_times_a_page_not_the_folder(tmp_path):
    cmd = example_command("batch")
    if len(cmd) > 1:
        pytest.skip("needs the built example binary")
    page = (FIXTURES / "egypt-style.html").read_bytes()
    body = page * (1_000_000 // len(page))
    for n in [2, 40]:
        (tmp_path / str(n)).mkdir()
        for i in range(n):
            (tmp_path / str(n) / f"p{i:02}.html").write_bytes(body)
    few, many = (peak_rss_mb([*cmd, str(tmp_path / str(n)), "--jsonl", os.devnull, "--threads", "1"]) for n in [2, 40])
    # Holding the folder would add 38 MB of page bytes; streaming adds nothing per page.
    assert many < few + 19, f"2 pages: {few:.0f} MB, 40 pages: {many:.0f} MB"


def test_batch_joins_a_chunked_payload(tmp_path, article_page):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    body = article_page.read_bytes()
    # Chunks of 1,000 bytes, which cut through UTF-8 sequences; a chunk extension on the first.
    chunks = [body[i : i + 1000] for i in range(0, len(body), 1000)]
    wire = b"".join(b"%x%s\r\n%s\r\n" % (len(c), b";ext=1" if i == 0 else b"", c) for i, c in enumerate(chunks)) + b"0\r\n\r\n"
    http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"), ("Transfer-Encoding", "chunked")], protocol="HTTP/1.1")
    with open(tmp_path / "c.warc", "wb") as f:
        writer = WARCWriter(f, gzip=False)
        writer.write_record(writer.create_warc_record("https://x.example/a", "response", payload=io.BytesIO(wire), http_headers=http))
    out = run("batch", str(tmp_path / "c.warc"), "--jsonl", "-", "--no-url")
    assert out.returncode == 0, out.stderr
    got = json.loads(out.stdout)
    assert got["text"] == matn.extract(body)["text"]


def warc_of(path, wire: bytes, headers: list[tuple[str, str]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"), *headers], protocol="HTTP/1.1")
    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=False)
        writer.write_record(writer.create_warc_record("https://x.example/a", "response", payload=io.BytesIO(wire), http_headers=http))


@pytest.mark.parametrize("coding", ["gzip", "x-gzip", "deflate", "raw-deflate"])
def test_batch_undoes_a_content_encoding(tmp_path, article_page, coding):
    import gzip
    import zlib

    body = article_page.read_bytes()
    if coding in ("gzip", "x-gzip"):
        wire = gzip.compress(body)
    elif coding == "deflate":
        wire = zlib.compress(body)
    else:
        squeeze = zlib.compressobj(wbits=-15)
        wire, coding = squeeze.compress(body) + squeeze.flush(), "deflate"
    warc_of(tmp_path / "e.warc", wire, [("Content-Encoding", coding)])
    out = run("batch", str(tmp_path / "e.warc"), "--jsonl", "-", "--no-url")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["text"] == matn.extract(body)["text"]


def test_batch_stops_a_compression_bomb_at_the_input_bound(tmp_path):
    import gzip

    bomb = gzip.compress(b"<p>" + b" " * (70 << 20), compresslevel=9)
    assert len(bomb) < 200_000
    warc_of(tmp_path / "b.warc", bomb, [("Content-Encoding", "gzip")])
    out = run("batch", str(tmp_path / "b.warc"), "--jsonl", "-", "--no-url")
    assert out.returncode == 0, out.stderr
    assert "input bytes" in json.loads(out.stdout)["error"]

