"""Shared paths: the repository's own fixture pages and the optional corpus."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
FIXTURES = ROOT / "tests" / "fixtures"


def fixture_pages() -> list[Path]:
    """Every fixture page shipped with the repository (our own pages, not the corpus)."""
    return sorted(FIXTURES.glob("*.html"))


def expect_field(page: Path, field: str) -> str | None:
    """A `field: value` line of the page's .expect file."""
    for line in page.with_suffix(".expect").read_text(encoding="utf-8").splitlines():
        if line.startswith(field + ":"):
            return line.split(":", 1)[1].strip()
    return None


def corpus_dir() -> Path:
    return Path(os.environ.get("MATN_CORPUS", ROOT.parent / "shared" / "corpus"))


@pytest.fixture
def article_page() -> Path:
    return FIXTURES / "egypt-style.html"
