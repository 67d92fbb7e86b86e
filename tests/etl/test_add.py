"""Adding articles: safe names, the build's checks, duplicates reported, the rest kept; `python -m etl add`."""

from __future__ import annotations

import shutil
from datetime import date

import duckdb
import pytest

from etl.add import Incoming, add_articles, pasted, safe_name
from etl.cli import main
from etl.reader import read_article
from tests.conftest import ROOT
from tests.documents import CONCERT, make_docx, make_pdf, make_zip

NEWS_PAGE = ROOT / "tests" / "data" / "pages" / "caspian_daily_concert.html"


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("../../etc/cron.d/job.txt", "job.txt"),
        ("C:\\Users\\ana\\Press Release (final).PDF", "Press-Release-final.pdf"),
        (".hidden.txt", "hidden.txt"),
        ("Café – concert.html", "Cafe-concert.html"),
        ("   ", "article"),
    ],
)
def test_stored_name_keeps_no_path_and_no_odd_characters(given, stored):
    assert safe_name(given) == stored


def test_good_files_are_added_and_a_bad_one_is_reported_without_losing_them(tmp_path):
    source = tmp_path / "articles"
    items = [
        Incoming("../outside/concert.html", NEWS_PAGE.read_bytes()),
        Incoming("release.pdf", make_pdf(CONCERT[:1] + ["A second release: the museum opened a new hall on May 2."])),
        Incoming("photos.docx", make_zip()),
        Incoming("note.docx", make_docx(["Jazz night in Baku", "The Baku Jazz Centre held a jazz night on May 3."])),
    ]
    report = add_articles(items, source, tmp_path / "culture.duckdb")
    assert report.added == ["concert.html", "release.pdf", "note.docx"]
    assert report.errors == [
        "photos.docx: not a Word document (.docx). "
        "Open it in Word and save it as .docx, or copy its text into a .txt file"
    ]
    assert sorted(p.name for p in source.iterdir()) == ["concert.html", "note.docx", "release.pdf"]
    assert not (tmp_path / "outside").exists()


def test_same_article_again_is_a_duplicate_and_not_added(tmp_path):
    source = tmp_path / "articles"
    source.mkdir()
    shutil.copy(NEWS_PAGE, source / "saved.html")
    report = add_articles(
        [
            Incoming("copy.html", NEWS_PAGE.read_bytes()),
            Incoming("twice.txt", b"One text.\n"),
            Incoming("again.txt", b"One text.\n"),
        ],
        source,
        tmp_path / "culture.duckdb",
    )
    assert report.added == ["twice.txt"]
    assert report.duplicates == [
        "copy.html: the same article is already there as saved.html",
        "again.txt: the same article is already there as twice.txt",
    ]


def test_a_new_file_with_a_taken_name_gets_its_own(tmp_path):
    source = tmp_path / "articles"
    source.mkdir()
    (source / "note.txt").write_text("An older note about a concert.\n", encoding="utf-8")
    report = add_articles(
        [Incoming("note.txt", b"A newer note about an exhibition.\n")], source, tmp_path / "db.duckdb"
    )
    assert report.added == ["note-2.txt"]
    assert (source / "note.txt").read_text(encoding="utf-8") == "An older note about a concert.\n"


@pytest.mark.parametrize(
    ("item", "message"),
    [
        (
            Incoming("setup.exe", b"MZ\x90\x00"),
            "setup.exe: not an article file. Bring .txt, .md, .html, .pdf, .docx files",
        ),
        (Incoming("big.pdf", b"%PDF" + b"x" * 20_000_000), "big.pdf: the file is 20.0 MB, larger than the 15 MB"),
        (Incoming("empty.txt", b"  \n"), "empty.txt: the file is empty"),
    ],
)
def test_refused_file_gets_the_builds_one_line_error(tmp_path, item, message):
    report = add_articles([item], tmp_path / "articles", tmp_path / "culture.duckdb")
    assert report.added == [] and len(report.errors) == 1
    assert report.errors[0].startswith(message)


def test_pasted_article_keeps_its_headline_date_and_outlet(tmp_path):
    item = pasted(
        "Jazz night in Baku!",
        "The Baku Jazz Centre held a jazz night.\n\nIt was full.",
        date(2024, 5, 3),
        "Caspian Daily",
    )
    report = add_articles([item], tmp_path / "articles", tmp_path / "culture.duckdb")
    article = read_article(tmp_path / "articles" / report.added[0])
    assert report.added == ["jazz-night-in-baku.txt"]
    assert (article.title, article.published, article.source) == (
        "Jazz night in Baku!",
        date(2024, 5, 3),
        "Caspian Daily",
    )
    assert article.body == "The Baku Jazz Centre held a jazz night.\n\nIt was full."


@pytest.mark.slow
def test_etl_add_copies_files_in_and_rebuilds(tmp_path, corpus, capsys):
    db = tmp_path / "culture.duckdb"
    assert main(["build", "--source", str(corpus), "--db", str(db)]) == 0
    note = tmp_path / "note.docx"
    note.write_bytes(make_docx(CONCERT, author="Leyla Mammadova"))
    bad = tmp_path / "photos.docx"
    bad.write_bytes(make_zip())
    code = main(["add", str(note), str(bad), str(NEWS_PAGE), "--source", str(corpus), "--db", str(db)])
    out, err = capsys.readouterr()
    assert code == 1  # one file was refused; the others are in
    assert f"added {corpus / 'note.docx'}" in out and f"added {corpus / NEWS_PAGE.name}" in out
    assert "error: photos.docx: not a Word document (.docx)." in err
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("SELECT file_name, title, source, author FROM articles ORDER BY file_name").fetchall()
    assert ("caspian_daily_concert.html", CONCERT[0], "Caspian Daily", "Leyla Mammadova") in rows
    assert ("note.docx", CONCERT[0], None, "Leyla Mammadova") in rows
    assert main(["add", str(note), "--source", str(corpus), "--db", str(db)]) == 0
    assert "duplicate, not added: note.docx: the same article is already there as note.docx" in capsys.readouterr().out
