"""matn: the main text of a news page (Arabic first, any language well).

>>> import matn
>>> html = open("page.html", "rb").read()                       # doctest: +SKIP
>>> article = matn.extract(html, url="https://example.com/story") # doctest: +SKIP
>>> article["title"], article["published"], article["text"]      # doctest: +SKIP

``extract`` gives a dict with the keys of the Rust ``Article::to_json`` (title, authors,
agencies, credits, published, modified, published_text, site_name, url, lang, dir, description,
image, tags, section, encoding, confidence, text, blocks); ``clean`` gives the article rendered
as text, lines, markdown, html or json. ``Cleaner`` holds settings (URL, rules, thresholds,
limits) and is built once, then used for every page from any number of threads: the Rust work
runs without the GIL.

Errors are ``MatnError`` and its subclasses ``EmptyError``, ``NoArticleError`` (``.confidence``,
``.chars``) and ``TooLargeError`` (``.limit``, ``.max``, ``.actual``).
"""

from __future__ import annotations

from typing import Any

from matn._matn import (
    Cleaner,
    EmptyError,
    MatnError,
    NoArticleError,
    Rule,
    TooLargeError,
)

__all__ = [
    "Cleaner",
    "EmptyError",
    "MatnError",
    "NoArticleError",
    "Rule",
    "TooLargeError",
    "clean",
    "extract",
]

__version__ = "0.1.0"

_DEFAULT = Cleaner()


def extract(
    html: str | bytes,
    *,
    url: str | None = None,
    content_type: str | None = None,
) -> dict[str, Any]:
    """The article of a page as a dict (the keys of ``Article::to_json``).

    ``html`` is text, or bytes in any encoding: the HTTP ``content_type`` (``"text/html;
    charset=windows-1256"``) is the hint, then the byte-order mark, ``<meta charset>`` and
    detection. ``url`` picks site rules, makes links absolute and may give the date.

    >>> html = "<html><body><article><p>" + "كلمة " * 40 + "</p></article></body></html>"
    >>> sorted(matn.extract(html))[:3]  # doctest: +SKIP
    ['agencies', 'authors', 'blocks']

    Raises ``EmptyError``, ``NoArticleError`` or ``TooLargeError`` (all ``MatnError``).
    """
    return _DEFAULT.extract(html, url=url, content_type=content_type)


def clean(
    html: str | bytes,
    *,
    url: str | None = None,
    content_type: str | None = None,
    format: str = "text",
) -> str:
    """The article of a page rendered as ``format``: ``"text"`` (paragraphs separated by a
    blank line), ``"lines"`` (one paragraph per line), ``"markdown"`` (title as ``#`` heading,
    then the body), ``"html"`` (a standalone document) or ``"json"``.

    Raises ``EmptyError``, ``NoArticleError`` or ``TooLargeError`` (all ``MatnError``).
    """
    return _DEFAULT.clean(html, url=url, content_type=content_type, format=format)
