"""Adding articles in a real browser: upload a saved web page, a PDF and a Word file, see their events on the
Timeline with their outlets and headlines in the chart's footnote. Screenshots go to `screenshots/`."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from urllib.parse import urlencode

import pytest

from etl.cache import cache_dir
from tests.browser.serving import serve
from tests.conftest import ROOT, SEED_ARTICLES
from tests.documents import make_docx, make_pdf

pytestmark = [pytest.mark.slow, pytest.mark.browser]

SCREENSHOTS = ROOT / "screenshots"

PAGE = ROOT / "tests" / "data" / "pages" / "caspian_daily_concert.html"
EXHIBITION = [
    "Carpet Museum opens Karabakh carpets exhibition",
    "The Azerbaijan National Carpet Museum opened an exhibition of Karabakh carpets in Baku on April 2, 2024, "
    "Trend reports.",
    "The exhibition presents 120 carpets woven in the 19th and 20th centuries. Museum director Shirin Malikova "
    "said the collection had never been shown in full before.",
]
FESTIVAL = [
    "Baku Jazz Festival opens at Heydar Aliyev Palace",
    "The Baku Jazz Festival opened at the Heydar Aliyev Palace on May 20, 2024, Report.az reports.",
    "Saxophonist Rain Sultanov and pianist Isfar Sarabski performed at the opening concert. "
    "About 3,000 people attended the first evening.",
]
CITED = [
    "Caspian Daily, Philharmonic gala concert honours Gara Garayev, 12 Mar 2024",
    "Trend, Carpet Museum opens Karabakh carpets exhibition, 2 Apr 2024",
    "Report.az, Baku Jazz Festival opens at Heydar Aliyev Palace, 20 May 2024",
]


@pytest.fixture(scope="module")
def site(seed_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The app served over a writable copy of the seed articles and their build (and its cache)."""
    root = tmp_path_factory.mktemp("add-articles")
    source, db = root / "articles", root / "culture.duckdb"
    shutil.copytree(SEED_ARTICLES, source)
    shutil.copy(seed_db, db)
    shutil.copytree(cache_dir(seed_db), cache_dir(db))
    with serve(db, CULTURE_SOURCE=str(source), CULTURE_CURATION=str(root / "curation.yaml")) as url:
        yield url, root


def _uploads(folder: Path) -> list[Path]:
    """A saved news page, a text PDF and a Word file, as a user would have them on disk."""
    pdf = folder / "carpet-exhibition.pdf"
    pdf.write_bytes(make_pdf(EXHIBITION, title="Microsoft Word - carpets.docx", created=datetime(2024, 4, 2)))
    word = folder / "jazz-festival.docx"
    word.write_bytes(make_docx(FESTIVAL, author="Leyla Mammadova", created=datetime(2024, 5, 20)))
    html = folder / PAGE.name
    shutil.copy(PAGE, html)
    return [html, pdf, word]


def _settle(page: object) -> None:
    page.wait_for_timeout(1000)  # type: ignore[attr-defined]
    page.wait_for_function(  # type: ignore[attr-defined]
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=180_000
    )


def test_uploaded_page_pdf_and_docx_show_on_the_timeline_with_outlets_and_headlines(browser, site):
    url, root = site
    files = _uploads(root)
    page = browser.new_page(viewport={"width": 1400, "height": 1100})  # type: ignore[attr-defined]
    try:
        page.goto(f"{url}/add-articles", wait_until="networkidle")
        page.wait_for_selector('[data-testid="stFileUploader"]', timeout=60_000)
        page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files([str(f) for f in files])
        page.get_by_text(files[-1].name).wait_for(timeout=30_000)  # the last chosen file is listed (long names are cut)
        SCREENSHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "add-articles-chosen.png"), full_page=True)
        page.get_by_role("button", name="Add files and rebuild").click()
        page.get_by_text("Rebuilt:").wait_for(timeout=240_000)
        _settle(page)
        page.screenshot(path=str(SCREENSHOTS / "add-articles-uploaded.png"), full_page=True)
        main = page.locator('[data-testid="stMain"]').inner_text()
        for f in files:
            assert f"Added {f.name}" in main
        assert not page.locator('[data-testid="stException"]').count()
        assert sorted(
            p.name for p in (root / "articles").iterdir() if p.suffix in (".html", ".pdf", ".docx")
        ) == sorted(f.name for f in files)

        page.goto(f"{url}/timeline?{urlencode({'article': [f.name for f in files]}, doseq=True)}")
        page.wait_for_selector(".js-plotly-plot", timeout=60_000)
        _settle(page)
        page.wait_for_timeout(800)  # Plotly's transitions
        page.screenshot(path=str(SCREENSHOTS / "add-articles-timeline.png"), full_page=True)
        # SVG text: Plotly writes each wrapped line of a note as its own <tspan class="line">
        notes = page.locator(".js-plotly-plot").first.evaluate(
            """el => Array.from(el.querySelectorAll('.annotation-text')).map(t => {
                   const lines = Array.from(t.querySelectorAll('tspan.line')).map(s => s.textContent);
                   return lines.length ? lines.join(' ') : t.textContent; })"""
        )
        footnote = " ".join(" ".join(notes).split())
        for cite in CITED:
            assert cite in footnote  # the footnote names each article: outlet, headline, date
        legend = page.locator(".js-plotly-plot").first.evaluate(
            "el => Array.from(el.querySelectorAll('.legendtext')).map(t => t.textContent)"
        )
        assert sorted(legend) == ["concert", "exhibition", "festival"]  # each article's event is on the time line
    finally:
        page.close()
