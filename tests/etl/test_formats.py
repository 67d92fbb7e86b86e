"""Readers for saved web pages, PDF and Word files, on realistic and hostile files."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest

from etl.errors import ArticleError
from etl.reader import parse_article, parse_document, read_article
from tests.conftest import ROOT
from tests.documents import CONCERT, make_docx, make_pdf, make_zip

NEWS_PAGE = ROOT / "tests" / "data" / "pages" / "caspian_daily_concert.html"


@pytest.fixture(scope="module")
def news_page():
    """The saved Caspian Daily page, read as the build reads it."""
    return read_article(NEWS_PAGE)


def test_web_page_gives_headline_outlet_author_date_and_canonical_url(news_page):
    assert news_page.title == "Philharmonic gala concert honours Gara Garayev"  # no "| Caspian Daily"
    assert news_page.source == "Caspian Daily"
    assert news_page.author == "Leyla Mammadova"
    assert news_page.published == date(2024, 3, 12)
    assert news_page.url == "https://caspiandaily.example/culture/2024/03/gala-concert-garayev"


def test_web_page_body_is_the_story_in_paragraphs(news_page):
    paragraphs = news_page.body.split("\n\n")
    assert paragraphs[1].startswith("The Azerbaijan State Philharmonic Hall hosted a gala concert on March 11")
    assert (
        paragraphs[-1]
        == "The concert was organised by the Ministry of Culture together with the Azerbaijan Composers Union."
    )


@pytest.mark.parametrize(
    "boilerplate",
    [
        "cookies",  # the cookie banner
        "Politics",  # the menu
        "Share on Facebook",
        "Photo: Rauf Aliyev",  # the photo caption
        "Advertisement",
        "Related news",
        "Baku Jazz Festival",  # a related headline
        "Wonderful evening",  # a reader's comment
        "All rights reserved",
        "dataLayer",  # a script
    ],
)
def test_web_page_body_leaves_out_the_page_around_the_story(news_page, boilerplate):
    assert boilerplate not in news_page.body


@pytest.mark.slow
def test_web_page_event_is_the_concert_not_a_related_headline(news_page, nlp):
    from etl.extraction.article import extract_article

    events = extract_article(nlp(news_page.body), news_page).events.values()
    assert "concert" in {e.type for e in events}
    assert not [e.name for e in events if "Jazz" in e.name or e.type == "festival"]


@pytest.mark.parametrize(
    "html",
    [
        "<html><head><title>Home | Site</title></head><body><nav><ul>"
        + "".join(f'<li><a href="/s{i}">Section {i} news and more</a></li>' for i in range(40))
        + "</ul></nav><footer><a href='/about'>About us</a></footer></body></html>",
        "<html><body><div class='menu'>"
        + "".join(f'<div><a href="/n{i}">Headline number {i} about a concert in the city</a></div>' for i in range(40))
        + "</div></body></html>",
        "<html><head><script>var x = 1;</script></head><body></body></html>",
    ],
    ids=["navigation", "link-list", "script-only"],
)
def test_web_page_without_an_article_says_so(html):
    with pytest.raises(ArticleError, match=r"front\.html: no article text found in this web page"):
        parse_article(Path("front.html"), html)


def test_pdf_gives_text_in_paragraphs_title_author_and_date():
    raw = make_pdf(
        CONCERT, title="Gala concert press release", author="Ministry of Culture", created=datetime(2024, 3, 12)
    )
    article = parse_document(Path("release.pdf"), raw)
    assert article.body.split("\n\n") == CONCERT  # wrapped lines joined back into their paragraphs
    assert (article.title, article.author, article.published) == (
        "Gala concert press release",
        "Ministry of Culture",
        date(2024, 3, 12),
    )


def test_pdf_title_written_by_a_tool_gives_way_to_the_headline():
    article = parse_document(Path("release.pdf"), make_pdf(CONCERT, title="Microsoft Word - release_final.docx"))
    assert article.title == CONCERT[0]


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (make_pdf(None, pages=2), r"scan\.pdf: the PDF has no text layer \(a scanned image\?\)\. Run it through OCR"),
        (b"%PDF-1.4\n" + b"\x00garbage" * 50, r"scan\.pdf: not a readable PDF"),
        (b"<html>not a pdf</html>", r"scan\.pdf: not a readable PDF"),
    ],
    ids=["no-text-layer", "broken", "not-a-pdf"],
)
def test_unreadable_pdf_gets_a_clear_error(raw, message):
    with pytest.raises(ArticleError, match=message):
        parse_document(Path("scan.pdf"), raw)


def test_twenty_megabyte_pdf_is_refused_before_parsing(tmp_path, monkeypatch):
    def parse(*_args):
        raise AssertionError("the PDF was parsed")

    monkeypatch.setattr("etl.formats.pdf.read_pdf", parse)
    path = tmp_path / "brochure.pdf"
    path.write_bytes(make_pdf(CONCERT) + b"%" + b"x" * 20_000_000)
    with pytest.raises(ArticleError, match=r"brochure\.pdf: the file is 20\.0 MB, larger than the 15 MB"):
        read_article(path)


def test_docx_gives_paragraphs_headline_author_and_date():
    article = parse_document(
        Path("note.docx"), make_docx(CONCERT, author="Leyla Mammadova", created=datetime(2024, 3, 12))
    )
    assert article.body.split("\n\n") == CONCERT
    assert (article.title, article.author, article.published) == (CONCERT[0], "Leyla Mammadova", date(2024, 3, 12))


def test_docx_made_from_a_blank_template_claims_no_author_or_date():
    article = parse_document(Path("note.docx"), make_docx(CONCERT))
    assert (article.author, article.published) == (None, None)


def _zip_bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\x00" * 60_000_000)
    return out.getvalue()


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (make_zip(), r"note\.docx: not a Word document \(\.docx\)\. Open it in Word and save it as \.docx"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, r"note\.docx: not a Word document"),  # an old .doc
        (_zip_bomb(), r"note\.docx: the Word file unpacks to more than 50 MB"),
        (make_docx(["   ", " "]), r"note\.docx: the Word document has no text"),
    ],
    ids=["renamed-zip", "old-doc", "zip-bomb", "empty"],
)
def test_bad_docx_gets_a_clear_error(raw, message):
    with pytest.raises(ArticleError, match=message):
        parse_document(Path("note.docx"), raw)


@pytest.mark.parametrize(
    ("name", "text", "title"),
    [
        ("a.txt", "title: Set by hand\n\nThe museum opened.", "Set by hand"),
        (
            "a.txt",
            "Talk week: New Zealand holds gamelan concert\n\nThe concert was held.",
            "Talk week: New Zealand holds gamelan concert",
        ),
        (
            "d05_gamelan-concert-wellington.txt",
            "A nation is known, recognized and distinguished by its culture. More.",
            "Gamelan concert wellington",
        ),
        (
            "000_ff2daec2b4a13141.txt",
            "A nation is known, recognized and distinguished by its culture.",
            "000_ff2daec2b4a13141",
        ),
    ],
    ids=["metadata", "headline-line", "file-name", "hash-name"],
)
def test_every_article_has_a_headline_never_its_first_sentence(name, text, title):
    assert parse_article(Path(name), text).title == title
