"""matn.extract gives the title, text and dates that `examples/clean --format json` gives, on
every page of the corpus sets arabic-real and arabic-recon (skipped when the corpus is absent)."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT, corpus_dir

import matn

SETS = ["arabic-real", "arabic-recon"]


def example_command(name: str) -> list[str]:
    """An example's command: $MATN_<NAME>, the binary `cargo test` left, else `cargo run`."""
    if env := os.environ.get(f"MATN_{name.upper()}"):
        return [env]
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    for profile in ["debug", "release"]:
        binary = target / profile / "examples" / name
        if binary.is_file():
            return [str(binary)]
    return ["cargo", "run", "-q", "--manifest-path", str(ROOT / "Cargo.toml"), "--example", name, "--"]


def corpus_pages() -> list[Path]:
    return [p for s in SETS for p in sorted((corpus_dir() / s).glob("*.html"))]


def test_extract_matches_the_clean_example_on_the_corpus():
    pages = corpus_pages()
    if not pages:
        pytest.skip(f"SKIPPED: no corpus at {corpus_dir()} (set MATN_CORPUS)")
    cmd = example_command("clean")
    for page in pages:
        run = subprocess.run([*cmd, "--format", "json", str(page)], capture_output=True, check=False)
        try:
            got = matn.extract(page.read_bytes())
        except matn.MatnError as e:
            assert run.returncode != 0, f"{page.name}: {e}"
            continue
        assert run.returncode == 0, f"{page.name}: {run.stderr.decode()}"
        want = json.loads(run.stdout)
        for key in ["title", "text", "published", "modified", "published_text"]:
            assert got[key] == want[key], f"{page.name}: {key}"
    assert len(pages) >= 20
