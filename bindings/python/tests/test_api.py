"""The Python API: extract, clean, Cleaner, Rule and the exceptions."""

from __future__ import annotations

import json
import os

import pytest
from conftest import FIXTURES, expect_field, fixture_pages

import matn

KEYS = [
    "title", "authors", "agencies", "credits", "published", "modified", "published_text",
    "site_name", "url", "lang", "dir", "description", "image", "tags", "section", "encoding",
    "confidence", "text", "blocks",
]  # fmt: skip

PARA = "افتتح وزير الإسكان اليوم مشروعا جديدا للإسكان في المدينة، بحضور عدد من المسؤولين والأهالي."


def page(*paragraphs: str, head: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"<html><head>{head}</head><body><article>{body}</article></body></html>"


def test_extract_gives_the_keys_of_to_json_and_the_expected_article(article_page):
    article = matn.extract(article_page.read_bytes())
    assert list(article) == KEYS
    assert article["title"] == expect_field(article_page, "title")
    assert article["authors"] == [expect_field(article_page, "author")]
    assert article["published"].startswith(expect_field(article_page, "published"))
    assert article["encoding"] == "UTF-8"
    assert article["dir"] == "rtl"
    assert 0.5 < article["confidence"] <= 1.0
    assert "أعلنت محافظة الجيزة" in article["text"]
    assert "شارك الخبر" not in article["text"]
    assert article["text"] == "\n".join(b["text"] for b in article["blocks"] if b["kind"] != "image")


def test_str_and_bytes_give_the_same_article(article_page):
    from_bytes = matn.extract(article_page.read_bytes())
    from_str = matn.extract(article_page.read_text(encoding="utf-8"))
    assert from_str["encoding"] is None
    assert {**from_bytes, "encoding": None} == from_str


def test_content_type_charset_decodes_bytes():
    html = page(PARA, PARA.replace("افتتح", "وقال")).encode("cp1256")
    article = matn.extract(html, content_type="text/html; charset=windows-1256")
    assert article["encoding"] == "windows-1256"
    assert "وزير الإسكان" in article["text"]
    # A wrong declared charset is only a hint: the bytes still decode to Arabic.
    assert "وزير" in matn.extract(html)["text"]


def test_url_gives_the_date_per_call_and_per_cleaner():
    html = page(PARA, PARA.replace("افتتح", "وقال"))
    url = "https://www.example.com/story/2021/7/20/x/5404931"
    assert matn.extract(html)["published"] is None
    assert matn.extract(html, url=url)["published"] == "2021-07-20"
    assert matn.Cleaner(url=url).extract(html)["published"] == "2021-07-20"
    assert matn.Cleaner(url=url).extract(html, url="https://e.com/2022/1/2/a")["published"] == "2022-01-02"


@pytest.mark.parametrize("fmt", ["text", "lines", "markdown", "html", "json"])
def test_formats(article_page, fmt):
    html = article_page.read_bytes()
    out = matn.clean(html, format=fmt)
    article = matn.extract(html)
    if fmt == "text":
        assert out == article["text"].replace("\n", "\n\n")
    elif fmt == "lines":
        assert out == article["text"]
    elif fmt == "markdown":
        assert out.startswith("# " + article["title"] + "\n\n")
    elif fmt == "html":
        assert out.startswith("<!DOCTYPE html>") and f"<h1>{article['title']}</h1>" in out
    else:
        assert json.loads(out) == article


def test_unknown_format_and_wrong_type_are_python_errors(article_page):
    with pytest.raises(ValueError, match="unknown format"):
        matn.clean(article_page.read_bytes(), format="pdf")
    with pytest.raises(TypeError, match="str or bytes"):
        matn.extract(12)  # type: ignore[arg-type]


def test_empty_input():
    for html in ["", "  \n\t", b"   "]:
        with pytest.raises(matn.EmptyError) as e:
            matn.extract(html)
        assert isinstance(e.value, matn.MatnError)


def test_no_article_carries_its_confidence():
    with pytest.raises(matn.NoArticleError) as e:
        matn.extract((FIXTURES / "homepage.html").read_bytes())
    assert 0.0 <= e.value.confidence < 0.5
    assert isinstance(e.value.chars, int)
    assert "no article" in str(e.value)


def test_too_large_carries_the_limit():
    html = page(PARA, PARA)
    with pytest.raises(matn.TooLargeError) as e:
        matn.Cleaner(max_input_bytes=100).extract(html)
    assert (e.value.limit, e.value.max, e.value.actual) == ("input bytes", 100, len(html.encode()))
    with pytest.raises(matn.TooLargeError) as e:
        matn.Cleaner(max_nodes=5).extract(html)
    assert e.value.limit == "tree nodes" and e.value.max == 5


def test_rules_change_the_article():
    promo = "عرض خاص لفترة محدودة على كل الاشتراكات في الموقع اليوم فقط، سارع بالاشتراك الآن."
    html = page(PARA, PARA.replace("افتتح", "وقال")).replace(
        "</article>", f'<div class="k7-strip"><p>{promo}</p></div></article>'
    )
    assert "عرض خاص" in matn.extract(html)["text"]
    rule = matn.Rule.class_("k7-strip", "remove")
    assert "عرض خاص" not in matn.Cleaner(rules=[rule]).extract(html)["text"]
    other_site = rule.on_host("other.example")
    assert other_site.host == "other.example"
    cleaner = matn.Cleaner(rules=[other_site], url="https://www.example.com/a")
    assert "عرض خاص" in cleaner.extract(html)["text"]
    with pytest.raises(ValueError, match="combinator"):
        matn.Rule.selector("div > p", "remove")
    with pytest.raises(ValueError, match="unknown action"):
        matn.Rule.phrase("x", "delete")  # type: ignore[arg-type]


def test_explain_lists_removed_blocks(article_page):
    article = matn.Cleaner(explain=True, min_confidence=0.0).extract(article_page.read_bytes())
    assert article["removed"] and {"text", "reason"} <= set(article["removed"][0])


def test_every_fixture_gives_an_article_or_a_matn_error():
    for p in fixture_pages():
        wanted = expect_field(p, "article") != "no"
        try:
            article = matn.extract(p.read_bytes(), url=expect_field(p, "url"))
        except matn.NoArticleError:
            assert not wanted, p.name
        else:
            assert wanted or article["confidence"] < 0.5, p.name
            if wanted and (title := expect_field(p, "title")):
                assert article["title"] == title, p.name


@pytest.mark.parametrize(
    "html",
    [
        os.urandom(20_000),
        bytes(range(256)) * 50,
        "<div>" * 100_000 + PARA,
        "\x00" * 1000 + PARA,
        "<html><body>" + "<p>\ud800</p>".encode("utf-8", "surrogatepass").decode("utf-8", "replace"),
        b"\xef\xbb\xbf" + page(PARA).encode(),
    ],
)
def test_hostile_input_never_panics(html):
    try:
        matn.extract(html)
    except matn.MatnError:
        pass


def test_lone_surrogate_str_is_a_unicode_error_not_a_panic():
    with pytest.raises(UnicodeEncodeError):
        matn.extract("<p>\ud800</p>")
