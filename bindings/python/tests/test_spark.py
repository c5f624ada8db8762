"""The Spark examples (examples/spark) in local[2] mode, over pages this test writes."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest
from conftest import ROOT, expect_field, fixture_pages

pytest.importorskip("pyspark")
pytest.importorskip("pyarrow")
pytest.importorskip("warcio")

import pyarrow.parquet as pq  # noqa: E402

from matn.warc import write_pages  # noqa: E402


def load_example(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "examples" / "spark" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pages() -> list[tuple[str, bytes, str]]:
    out = [(expect_field(p, "url") or f"https://fixture.example/{p.stem}", p.read_bytes(), "text/html") for p in fixture_pages()]
    return out + [("https://bad.example/binary", os.urandom(20_000), "text/html"), ("https://bad.example/blank", b"  ", "text/html")]


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    os.environ["PYSPARK_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("matn-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def titles_ok(rows: list[dict]) -> None:
    by_url = {r["url"]: r for r in rows}
    for p in fixture_pages():
        row = by_url[expect_field(p, "url") or f"https://fixture.example/{p.stem}"]
        if expect_field(p, "article") != "no":
            assert row["status"] == "extracted" and row["title"] == expect_field(p, "title"), p.name
    assert by_url["https://bad.example/blank"]["status"] == "empty"


def test_warc_to_parquet(spark, tmp_path):
    half = len(pages()) // 2
    write_pages(tmp_path / "a.warc.gz", pages()[:half])
    write_pages(tmp_path / "b.warc", pages()[half:], gzip=False)
    example = load_example("warc_to_parquet")
    n = example.run(spark, str(tmp_path / "*.warc*"), str(tmp_path / "out.parquet"))
    assert n == len(pages())
    titles_ok(pq.read_table(tmp_path / "out.parquet").to_pylist())


def test_html_dataframe_with_arrow(spark):
    example = load_example("html_dataframe")
    df = spark.createDataFrame([(u, bytearray(b)) for u, b, _ in pages()], "url string, html binary")
    rows = [r.asDict() for r in example.articles(df).collect()]
    assert len(rows) == len(pages())
    titles_ok(rows)
