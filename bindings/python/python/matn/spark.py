"""matn in Spark: partition functions that build one ``matn.Cleaner`` per partition.

Over WARC files (cc-pyspark style), with ``mapPartitions``:

>>> rdd = spark.sparkContext.parallelize(warc_paths, len(warc_paths))   # doctest: +SKIP
>>> rows = rdd.mapPartitions(matn.spark.warc_partition)
>>> spark.createDataFrame(rows, matn.spark.SCHEMA).write.parquet("out/")

Over a DataFrame with ``url`` (string) and ``html`` (binary or string) columns, with Arrow:

>>> df.mapInArrow(matn.spark.arrow_batches, matn.spark.SCHEMA)          # doctest: +SKIP

Every row says what happened in ``status``: ``extracted``, ``empty``, ``no_article``,
``too_large`` or ``error``; a bad page never fails the task.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import matn
from matn.warc import read_pages

SCHEMA = (
    "url string, status string, title string, authors array<string>, published string, "
    "modified string, lang string, confidence double, encoding string, text string"
)
"""The rows' schema (Spark DDL)."""

FIELDS = ["url", "status", "title", "authors", "published", "modified", "lang", "confidence", "encoding", "text"]


def extract_row(cleaner: matn.Cleaner, url: str | None, html: str | bytes | None, content_type: str | None = None) -> dict[str, Any]:
    """One output row for one page: the article's fields, or its status and Nones."""
    row: dict[str, Any] = dict.fromkeys(FIELDS)
    row["url"] = url
    try:
        article = cleaner.extract(html if html is not None else b"", url=url, content_type=content_type)
    except matn.EmptyError:
        row["status"] = "empty"
    except matn.NoArticleError as e:
        row["status"], row["confidence"] = "no_article", float(e.confidence)
    except matn.TooLargeError:
        row["status"] = "too_large"
    except Exception:  # noqa: BLE001 - a bad page must never fail the task
        row["status"] = "error"
    else:
        row.update({k: article[k] for k in FIELDS if k in article and k != "url"})
        row["status"] = "extracted"
    return row


def warc_partition(paths: Iterable[str], **cleaner_options: Any) -> Iterator[dict[str, Any]]:
    """For ``rdd.mapPartitions``: every HTML response of every WARC file path, as a row."""
    cleaner = matn.Cleaner(**cleaner_options)
    for path in paths:
        for page in read_pages(path):
            yield extract_row(cleaner, page.url, page.body, page.content_type)


def arrow_batches(batches: Iterable[Any], html_column: str = "html", url_column: str = "url", **cleaner_options: Any) -> Iterator[Any]:
    """For ``DataFrame.mapInArrow``: one output RecordBatch (schema ``SCHEMA``) per input batch."""
    import pyarrow as pa

    cleaner = matn.Cleaner(**cleaner_options)
    for batch in batches:
        htmls = batch.column(html_column).to_pylist()
        urls = batch.column(url_column).to_pylist() if url_column in batch.schema.names else [None] * len(htmls)
        rows = [extract_row(cleaner, u, h) for u, h in zip(urls, htmls)]
        yield pa.RecordBatch.from_pylist(rows, schema=arrow_schema())


def arrow_schema() -> Any:
    """``SCHEMA`` as a pyarrow schema."""
    import pyarrow as pa

    types = {"authors": pa.list_(pa.string()), "confidence": pa.float64()}
    return pa.schema([(f, types.get(f, pa.string())) for f in FIELDS])
