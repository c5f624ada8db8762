"""matn as a datatrove step: an extractor to use in place of ``Trafilatura`` and a WARC reader
that keeps each page's raw bytes and HTTP Content-Type.

>>> from datatrove.executor import LocalPipelineExecutor                  # doctest: +SKIP
>>> from datatrove.pipeline.writers import JsonlWriter
>>> from matn.datatrove import Matn, MatnWarcReader
>>> LocalPipelineExecutor(pipeline=[
...     MatnWarcReader("crawl/", glob_pattern="*.warc.gz"),
...     Matn(),                                    # was: Trafilatura(favour_precision=True)
...     JsonlWriter("out/"),
... ], tasks=4).run()

``Matn`` keeps only its settings on the object (it pickles to other processes and machines) and
builds its ``matn.Cleaner`` on first use. A bad page (empty, binary, too large, not an article)
is dropped with a count in the step's stats (``empty``, ``no_article``, ``too_large``,
``error``), never an exception.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from datatrove.data import DocumentsPipeline
from datatrove.pipeline.extractors.base import BaseExtractor, ExtractorSandbox
from datatrove.pipeline.readers.base import BaseDiskReader
from datatrove.utils.typeshelper import StatHints

import matn
from matn.warc import page_of_record

RuleSpec = tuple[str, str, str] | tuple[str, str, str, str]
"""A rule as data: ``(kind, pattern, action)`` or ``(kind, pattern, action, host)``, where kind
is ``class_``, ``selector``, ``phrase``, ``heading`` or ``contains`` (see ``matn.Rule``)."""

METADATA = ("title", "authors", "agencies", "published", "modified", "site_name", "lang", "confidence", "encoding")
"""The article's fields copied into ``doc.metadata``."""


class Matn(BaseExtractor):
    """Extracts the article of each document's HTML (``doc.text``, str or bytes) with matn.

    Args:
        timeout: seconds per document in datatrove's sandbox process (as ``Trafilatura``); None
            runs in the task's own process (no pipe, no per-page copy).
        output: ``"lines"`` (one paragraph per line, as trafilatura's text), ``"text"`` (blank
            line between paragraphs) or ``"markdown"``.
        use_url: pass ``doc.metadata["url"]`` (site rules, absolute links, dates in the URL).
        rules, min_confidence, reference_time, max_input_bytes: as ``matn.Cleaner``.
    """

    name = "⛏ matn"
    _requires_dependencies: list[str] = []

    def __init__(
        self,
        timeout: float | None = 1.0,
        *,
        output: Literal["lines", "text", "markdown"] = "lines",
        use_url: bool = True,
        rules: Sequence[RuleSpec] = (),
        min_confidence: float | None = None,
        reference_time: str | None = None,
        max_input_bytes: int | None = None,
    ):
        super().__init__(timeout if timeout is not None else 1.0)
        self.sandboxed = timeout is not None
        self.output = output
        self.use_url = use_url
        self.rules = [tuple(r) for r in rules]
        self.min_confidence = min_confidence
        self.reference_time = reference_time
        self.max_input_bytes = max_input_bytes
        self._cleaner: matn.Cleaner | None = None

    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        state["_cleaner"] = None
        return state

    @property
    def cleaner(self) -> matn.Cleaner:
        if self._cleaner is None:
            rules = []
            for kind, pattern, action, *host in self.rules:
                rule = getattr(matn.Rule, kind)(pattern, action)
                rules.append(rule.on_host(host[0]) if host else rule)
            self._cleaner = matn.Cleaner(
                rules=rules,
                min_confidence=self.min_confidence,
                reference_time=self.reference_time,
                max_input_bytes=self.max_input_bytes,
            )
        return self._cleaner

    def extract(self, text: str | bytes) -> str:  # type: ignore[override]
        """The article text of one page, or "" when there is none (BaseExtractor's API)."""
        return self.extract_page(text, None, None)[1]

    def extract_page(self, html: str | bytes, url: str | None, content_type: str | None) -> tuple[str, str, dict]:
        """``(status, text, metadata)`` for one page; status is ``extracted`` or why not."""
        try:
            article = self.cleaner.extract(html, url=url, content_type=content_type)
        except matn.EmptyError:
            return "empty", "", {}
        except matn.NoArticleError as e:
            return "no_article", "", {"confidence": e.confidence}
        except matn.TooLargeError:
            return "too_large", "", {}
        except Exception:  # noqa: BLE001 - a bad page must never stop the task
            return "error", "", {}
        if self.output == "lines":
            text = article["text"]
        elif self.output == "text":
            text = article["text"].replace("\n", "\n\n")
        else:
            text = self.cleaner.clean(html, url=url, content_type=content_type, format="markdown")
        return "extracted", text, {k: article[k] for k in METADATA}

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        if not self.sandboxed:
            yield from self._run(data, None)
            return
        with ExtractorSandbox(timeout=self.timeout, warmup_text=("", None, None)) as sandbox:
            yield from self._run(data, sandbox)

    def _run(self, data: DocumentsPipeline, sandbox: ExtractorSandbox | None) -> DocumentsPipeline:
        for doc in data:
            self.stat_update(StatHints.total)
            url = doc.metadata.get("url") if self.use_url else None
            args = (doc.text, url, doc.metadata.get("content_type"))
            with self.track_time():
                try:
                    if sandbox is None:
                        status, text, meta = self.extract_page(*args)
                    else:
                        status, text, meta = sandbox.process_document(args, self.extract_page)
                except TimeoutError:
                    status, text, meta = "timeout", "", {}
                except EOFError:
                    status, text, meta = "broken_process", "", {}
            self.stat_update(status)
            if not text:
                self.stat_update(StatHints.dropped)
                continue
            doc.text = text
            doc.metadata.update(meta)
            self.stat_update(StatHints.forwarded)
            self.update_doc_stats(doc)
            yield doc


class MatnWarcReader(BaseDiskReader):
    """Reads the HTML responses of WARC files as documents whose ``text`` is the raw payload
    (bytes) and whose metadata holds ``url``, ``date`` and the HTTP ``content_type``, for
    ``Matn`` to decode itself. Arguments as datatrove's ``WarcReader``. Records that are not
    HTML responses are skipped; an empty payload is counted as ``empty_record``."""

    name = "🕷 Warc (raw bytes for matn)"
    _requires_dependencies = ["warcio"]

    def __init__(
        self,
        data_folder: Any,
        paths_file: Any = None,
        compression: Literal["infer", "gzip", "zstd"] | None = "infer",
        limit: int = -1,
        skip: int = 0,
        file_progress: bool = False,
        doc_progress: bool = False,
        adapter: Any = None,
        text_key: str = "text",
        id_key: str = "id",
        default_metadata: dict | None = None,
        recursive: bool = True,
        glob_pattern: str | None = None,
        shuffle_files: bool = False,
    ):
        self.compression = compression
        super().__init__(
            data_folder, paths_file, limit, skip, file_progress, doc_progress, adapter, text_key,
            id_key, default_metadata, recursive, glob_pattern, shuffle_files,
        )  # fmt: skip

    def read_file(self, filepath: str) -> DocumentsPipeline:
        from warcio.archiveiterator import ArchiveIterator

        with self.data_folder.open(filepath, "rb", compression=self.compression) as f:
            for i, record in enumerate(ArchiveIterator(f)):
                with self.track_time():
                    page = page_of_record(record)
                    if page is None:
                        continue
                    if not page.body:
                        self.stat_update("empty_record")
                        continue
                    data = {
                        "text": page.body,
                        "id": page.record_id or f"{filepath}/{i}",
                        "url": page.url,
                        "date": page.date,
                        "content_type": page.content_type,
                    }
                    document = self.get_document_from_dict(data, filepath, i)
                if document:
                    yield document
