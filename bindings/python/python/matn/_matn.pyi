"""Type stubs of the compiled module ``matn._matn``."""

from typing import Any, Literal, final

Action = Literal["remove", "trim_after", "body", "caption"]
Format = Literal["text", "lines", "markdown", "md", "html", "json"]

class MatnError(Exception):
    """Why a page gave no article (the base of matn's errors)."""

class EmptyError(MatnError):
    """The input held nothing but white space."""

class NoArticleError(MatnError):
    """No region of the page reads as an article (a homepage, a list of headlines)."""

    confidence: float
    """Confidence of the best candidate region, 0 to 1."""
    chars: int
    """Characters of body text in the best candidate region."""

class TooLargeError(MatnError):
    """The input is larger than a configured limit."""

    limit: str
    """Which limit was hit: "input bytes", "tree nodes", "element depth", "tree bytes" or "parser work"."""
    max: int
    """The configured maximum."""
    actual: int
    """What the input had (a lower bound when the count stopped early)."""

@final
class Rule:
    """A rule of the chrome table: what part of a page it matches and what it does there.

    >>> Rule.class_("promo-strip", "remove").on_host("example.com").host
    'example.com'
    """

    @staticmethod
    def class_(token: str, action_name: Action) -> Rule:
        """A class or id token, compared without case, ``-`` or ``_``."""
    @staticmethod
    def selector(selector: str, action_name: Action) -> Rule:
        """One element selector: ``tag``, ``#id``, ``.class``, ``tag.class``, ``tag#id``;
        anything else raises ``ValueError`` saying what is unsupported."""
    @staticmethod
    def phrase(phrase: str, action_name: Action) -> Rule:
        """A phrase at the start of a block, matched on folded text."""
    @staticmethod
    def heading(phrase: str, action_name: Action) -> Rule:
        """A block whose whole text is the phrase (a box heading such as "الأكثر قراءة")."""
    @staticmethod
    def contains(phrase: str, action_name: Action) -> Rule:
        """A block that contains the phrase anywhere."""
    def on_host(self, host: str) -> Rule:
        """The same rule limited to one host and its subdomains."""
    @property
    def host(self) -> str | None:
        """The host the rule is limited to, if any."""

@final
class Cleaner:
    """Settings built once and used for every page, from any thread.

    >>> cleaner = Cleaner(rules=[Rule.class_("promo-strip", "remove")], max_input_bytes=16 << 20)
    >>> cleaner.extract(b"<html>...</html>", url="https://example.com/a")  # doctest: +SKIP
    """

    def __init__(
        self,
        *,
        url: str | None = None,
        rules: list[Rule] | None = None,
        default_rules: bool = True,
        min_confidence: float | None = None,
        min_block_score: float | None = None,
        reference_time: str | None = None,
        max_input_bytes: int | None = None,
        max_nodes: int | None = None,
        max_depth: int | None = None,
        max_block_bytes: int | None = None,
        explain: bool = False,
    ) -> None: ...
    def extract(
        self, html: str | bytes, *, url: str | None = None, content_type: str | None = None
    ) -> dict[str, Any]:
        """The article as a dict with the keys of ``Article::to_json``."""
    def clean(
        self,
        html: str | bytes,
        *,
        url: str | None = None,
        content_type: str | None = None,
        format: Format = "text",
    ) -> str:
        """The article rendered as text, lines, markdown, html or json."""
