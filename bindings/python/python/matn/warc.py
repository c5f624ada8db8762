"""WARC in and out for matn: the raw payload bytes and the HTTP ``Content-Type`` of each HTML
response, so matn decodes the page itself (BOM, declared charset, ``<meta>``, detection) instead
of a guess made before it.

Reading and writing use `warcio` (``pip install warcio``, or the ``datatrove`` extra).

>>> from matn.warc import read_pages
>>> for page in read_pages("crawl.warc.gz"):                       # doctest: +SKIP
...     article = matn.extract(page.body, url=page.url, content_type=page.content_type)
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from os import PathLike
from typing import IO, Any

HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True)
class WarcPage:
    """One HTML response of a WARC file."""

    url: str | None
    """WARC-Target-URI."""
    body: bytes
    """The HTTP payload as sent (decompressed if the server used a transfer or content encoding)."""
    content_type: str | None
    """The HTTP Content-Type header, charset included when the server sent one."""
    date: str | None
    """WARC-Date."""
    record_id: str | None
    """WARC-Record-ID."""


def _is_html(content_type: str | None, identified: str | None) -> bool:
    for value in (identified, content_type):
        if value:
            return value.split(";", 1)[0].strip().lower() in HTML_TYPES
    # Neither header: let the extractor judge the bytes.
    return True


def page_of_record(record: Any) -> WarcPage | None:
    """The page of a warcio record, or None when it is not an HTML response."""
    if record.rec_type != "response":
        return None
    content_type = record.http_headers.get_header("Content-Type") if record.http_headers else None
    identified = record.rec_headers.get_header("WARC-Identified-Payload-Type")
    if not _is_html(content_type, identified):
        return None
    return WarcPage(
        url=record.rec_headers.get_header("WARC-Target-URI"),
        body=record.content_stream().read(),
        content_type=content_type,
        date=record.rec_headers.get_header("WARC-Date"),
        record_id=record.rec_headers.get_header("WARC-Record-ID"),
    )


def read_pages(source: str | PathLike[str] | IO[bytes]) -> Iterator[WarcPage]:
    """The HTML responses of a WARC file (``.warc`` or ``.warc.gz``), one at a time."""
    from warcio.archiveiterator import ArchiveIterator

    if isinstance(source, (str, PathLike)):
        with open(source, "rb") as f:
            yield from read_pages(f)
        return
    for record in ArchiveIterator(source):
        page = page_of_record(record)
        if page is not None:
            yield page


def write_pages(
    target: str | PathLike[str] | IO[bytes],
    pages: Iterable[tuple[str, bytes, str | None]],
    *,
    gzip: bool = True,
) -> int:
    """Writes ``(url, body, content_type)`` as HTTP response records; returns how many.

    The media type of ``content_type`` is also written as ``WARC-Identified-Payload-Type``, as
    Common Crawl does (datatrove's WarcReader filters on it, else it sniffs the bytes)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    if isinstance(target, (str, PathLike)):
        with open(target, "wb") as f:
            return write_pages(f, pages, gzip=gzip)
    writer = WARCWriter(target, gzip=gzip)
    n = 0
    for url, body, content_type in pages:
        headers = [("Content-Length", str(len(body)))]
        if content_type:
            headers.insert(0, ("Content-Type", content_type))
        http = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
        record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http)
        if content_type:
            record.rec_headers.add_header("WARC-Identified-Payload-Type", content_type.split(";", 1)[0].strip())
        writer.write_record(record)
        n += 1
    return n
