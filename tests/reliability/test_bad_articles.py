"""Bad article folders: each is refused with one line naming the file, and the database stays as it was."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from etl.cache import cache_dir
from tests.reliability.conftest import assert_refused, write_corpus

pytestmark = pytest.mark.slow

CASES = {
    "control characters": ({"junk.txt": bytes(range(1, 32)) * 40}, ["junk.txt:1", "control characters"]),
    "UTF-16 read as UTF-8": ({"wide.txt": "Gala concert in Oslo".encode("utf-16-le")}, ["wide.txt", "not a text"]),
    "publication date in year 1": (
        {"old.txt": "date: 0001-01-01\n\nThe Winter Fair opened in December with 300 guests."},
        ["old.txt", "0001-01-01", "Correct the date line"],
    ),
    "publication date in year 9999": (
        {"far.txt": "date: 9999-12-31\n\nThe Winter Fair opened in December with 300 guests."},
        ["far.txt", "9999-12-31"],
    ),
    "over the size limit": ({"dump.txt": "The fair opened. " * 320_000}, ["dump.txt", "larger than the 5 MB"]),
    "not UTF-8": ({"latin.txt": b"Caf\xe9 concert\n"}, ["latin.txt:1", "UTF-8"]),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_bad_article_is_refused_and_the_database_kept(case, tiny, good_db, attempt):
    files, words = CASES[case]
    write_corpus(tiny, files)
    assert_refused(attempt(tiny, good_db), *words)


@pytest.mark.parametrize("target", ["/etc/passwd", "../outside"], ids=["file link", "folder link"])
def test_symbolic_link_is_refused_not_followed(target, tiny, good_db, attempt, tmp_path):
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "secret.txt").write_text("The secret gala drew 300 guests.")
    link = tiny / ("passwd.txt" if target.startswith("/") else "linked")
    link.symlink_to(target)
    outcome = attempt(tiny, good_db)
    assert_refused(outcome, link.name, "symbolic link", "Copy the article into the source folder")
    assert "root:" not in outcome.err


def test_database_path_that_is_a_folder_is_refused_before_extraction(tiny, tmp_path, attempt, monkeypatch):
    folder = tmp_path / "a-folder"
    folder.mkdir()
    monkeypatch.setattr("etl.pipeline.read_all", lambda source: pytest.fail("articles read before the check"))
    assert_refused(attempt(tiny, folder), "is a folder")


def test_existing_file_that_is_not_duckdb_is_never_overwritten(tiny, tmp_path, attempt):
    precious = tmp_path / "notes.duckdb"
    precious.write_text("my notes, not a database\n")
    assert_refused(attempt(tiny, precious), "not a DuckDB database", "not overwritten")
    assert precious.read_text() == "my notes, not a database\n"


@pytest.mark.parametrize("errno_name", ["ENOSPC", "EROFS"])
def test_write_failure_is_one_line_and_leaves_no_temporary_file(errno_name, tiny, good_db, attempt, monkeypatch):
    import errno

    def fail(con, tables):
        con.execute("CREATE TABLE articles (x INTEGER)")
        code = getattr(errno, errno_name)
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr("etl.load.write_tables", fail)
    assert_refused(attempt(tiny, good_db), str(good_db), os.strerror(getattr(errno, errno_name)))
    assert not list(good_db.parent.glob(".build-*"))


def test_leftovers_of_a_killed_build_are_removed_by_the_next_build(tiny, good_db, attempt):
    dead = 2**22 + 12345  # above the default pid_max: no such process
    stale = [good_db.parent / f".build-{dead}-{good_db.name}", good_db.parent / f".build-{dead}-{good_db.name}.wal"]
    for path in stale:
        path.write_bytes(b"half a database")
    live = good_db.parent / f".build-{os.getpid()}-other.duckdb"  # a running build's file stays
    live.write_bytes(b"in progress")
    assert attempt(tiny, good_db).code == 0
    assert not any(p.exists() for p in stale)
    assert live.exists()


def test_files_over_the_limit_are_refused_before_they_are_read(tmp_path, monkeypatch):
    from etl.errors import ArticleError
    from etl.reader import read_article

    big = Path(tmp_path / "big.txt")
    big.write_bytes(b"x" * 6_000_000)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("a refused file was read"))
    with pytest.raises(ArticleError, match="larger than"):
        read_article(big)


def test_an_article_the_rules_trip_on_is_named_in_one_line(tiny, good_db, attempt, monkeypatch):
    from etl import pieces

    real = pieces.extract_article

    def trip(doc, article):
        if "Reed Trio" in article.body:
            raise IndexError("list index out of range")
        return real(doc, article)

    monkeypatch.setattr(pieces, "extract_article", trip)
    shutil.rmtree(cache_dir(good_db), ignore_errors=True)  # else the good build's cached extraction is reused
    assert_refused(attempt(tiny, good_db), "gala.txt", "IndexError", "move the file out of the source folder")


def test_an_unexpected_failure_is_one_line_without_a_traceback(tiny, good_db, capsys, monkeypatch):
    from etl.cli import main

    def bug(*args, **kwargs):
        raise KeyError("a\nmulti-line bug")

    monkeypatch.setattr("etl.pipeline.resolve", bug)  # a simulated bug: not counted as one of the suite's crashes
    before = good_db.read_bytes()
    code = main(["build", "--source", str(tiny), "--db", str(good_db), "--curation", str(tiny / "none.yaml")])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "CULTURE_DEBUG=1" in err and "Traceback" not in err
    assert good_db.read_bytes() == before
