from datetime import date
from pathlib import Path

import pytest

from etl.errors import ArticleError, SourceError
from etl.reader import article_files, parse_article, read_article


def test_leading_date_line_gives_publication_date_and_is_removed_from_body():
    article = parse_article(Path("a.txt"), " date 2023-12-07 ROME – The festival ended on Dec. 5.")
    assert article.published == date(2023, 12, 7)
    assert article.body.startswith("ROME")


def test_metadata_header_lines_fill_title_source_and_url():
    text = "title: A day of music\nsource: Daily Arts\nurl: https://example.org/a\ndate: 2024-05-01\n\nBody text here."
    article = parse_article(Path("a.md"), text)
    assert (article.title, article.source, article.url, article.published) == (
        "A day of music",
        "Daily Arts",
        "https://example.org/a",
        date(2024, 5, 1),
    )
    assert article.body == "Body text here."


def test_wire_credit_names_the_source():
    article = parse_article(Path("a.txt"), "The museum opened a new hall, Trend reports.\n\nMore text.")
    assert article.source == "Trend"


def test_html_gives_visible_text_title_and_canonical_url():
    html = (
        '<html><head><title>Gala night</title><link rel="canonical" href="https://x.org/g">'
        "<script>var a=1;</script></head><body><p>The gala &amp; concert was held.</p></body></html>"
    )
    article = parse_article(Path("a.html"), html)
    assert article.title == "Gala night"
    assert article.url == "https://x.org/g"
    assert article.body == "The gala & concert was held."


def test_article_id_is_derived_from_content():
    a = parse_article(Path("a.txt"), "Same text.")
    b = parse_article(Path("b.txt"), "Same text.")
    assert a.article_id == b.article_id


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"   \n", "empty"),
        (b"caf\xe9 concert\n", "not valid UTF-8"),
    ],
)
def test_bad_files_raise_an_error_naming_the_file(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(ArticleError) as err:
        read_article(path)
    assert message in str(err.value)
    assert "bad.txt" in str(err.value)


def test_encoding_error_gives_the_line(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes(b"line one\nline two caf\xe9\n")
    with pytest.raises(ArticleError, match=r"latin.txt:2"):
        read_article(path)


def test_huge_file_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr("etl.limits.MAX_ARTICLE_BYTES", 10)
    path = tmp_path / "dump.txt"
    path.write_text("x" * 100)
    with pytest.raises(ArticleError, match="larger than"):
        read_article(path)


def test_missing_or_empty_source_folder_says_what_to_do(tmp_path):
    with pytest.raises(SourceError, match="no such folder"):
        article_files(tmp_path / "nope")
    with pytest.raises(SourceError, match="no article files"):
        article_files(tmp_path)


@pytest.mark.parametrize(
    "headline",
    [
        "Harbour Days launched in St. Petersburg",
        "Mr. Berg opens the U.S. pavilion",
        "Festival ends",
    ],
)
def test_a_date_line_under_a_headline_with_abbreviations_gives_title_and_date(headline):
    article = parse_article(Path("a.txt"), f"{headline}\ndate 2019-06-10\n\nOn June 9 the days opened.")
    assert (article.title, article.published) == (headline, date(2019, 6, 10))
    assert article.body.startswith(headline) and "date 2019" not in article.body
