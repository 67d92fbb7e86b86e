"""Saved web pages: the article body, headline, date, site name, author and canonical URL, via trafilatura.

trafilatura separates the story from menus, cookie banners, share buttons, "Related news" lists and
comments; it works on the saved file alone (nothing is fetched).
"""

from __future__ import annotations

import logging
from pathlib import Path

from trafilatura import bare_extraction
from trafilatura.settings import Document as PageDocument

from etl.errors import ArticleError
from etl.formats import Document

# trafilatura logs each page it finds little in; the build reports that itself, once, with the file name
logging.getLogger("trafilatura").setLevel(logging.ERROR)


def read_web_page(path: Path, html: str) -> Document:
    """The article in a saved web page; ArticleError when the page holds no article text (menus only)."""
    page = bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        favor_precision=True,  # leaves out link lists and teasers rather than risk taking them for the story
        # only dates the page states as its own (meta tags, <time>): a date guessed from the URL or the
        # text would date the article's events wrongly
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = (page.text or "").strip() if isinstance(page, PageDocument) else ""
    if not text:
        raise ArticleError(
            str(path),
            "no article text found in this web page (only menus, links or a teaser)",
            "Save the article's own page (not a section front), or copy its text into a .txt file",
        )
    assert isinstance(page, PageDocument)  # for mypy: text is empty otherwise
    # one paragraph per line from trafilatura; a blank line between them, as in the .txt articles
    body = "\n\n".join(line.strip() for line in text.splitlines() if line.strip())
    return Document(
        body=body,
        title=page.title or None,
        published=page.date or None,
        source=page.sitename or None,
        author=page.author or None,
        url=page.url or None,
    )
