"""Odd input that is legitimate: it builds, and what is stored is what a reader of the article would expect."""

from __future__ import annotations

import duckdb
import pytest

from etl.pieces import split_text
from tests.reliability.conftest import TINY, write_corpus
from tests.reliability.tally import record


def rows(db, sql, *params):
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, list(params)).fetchall()


@pytest.mark.parametrize(
    ("text", "piece", "run", "whole"),
    [
        ("One. Two. Three.\n\nFour five six.\n" * 50, 100, 40, False),
        ("word " * 2000, 30_000, 300, False),  # one line without a sentence end
        ("x" * 5000, 30_000, 300, False),  # one "word" without a space
        ("Short article. With two sentences.", 30_000, 3_000, True),
    ],
    ids=["paragraphs", "no sentence end", "no space", "short"],
)
def test_pieces_give_the_text_back_and_stay_under_their_sizes(text, piece, run, whole):
    pieces = split_text(text, piece, run)
    assert "".join(pieces) == text  # offsets into the pieces add up to offsets into the body
    assert all(0 < len(p) <= piece for p in pieces)
    assert all(len(sentence) <= run for p in pieces for sentence in p.split(". "))
    assert (pieces == [text]) == whole


@pytest.mark.slow
def test_article_longer_than_the_model_takes_is_built_in_pieces(tiny, tmp_path, attempt, nlp, monkeypatch):
    # spaCy refuses texts over nlp.max_length (E088); lowered here so a 20 kB article shows it in a second
    monkeypatch.setattr(nlp, "max_length", 5_000)
    paragraphs = [
        f"Concert {i} was held in Bergen on March 4. Ana Lund said {i}% of seats were sold." for i in range(250)
    ]
    write_corpus(tiny, {"long.txt": "Long report\n\n" + "\n\n".join(paragraphs), "line.txt": "word " * 3_000})
    db = tmp_path / "culture.duckdb"
    assert attempt(tiny, db).code == 0
    bad = rows(
        db,
        """SELECT count(*) FROM figures f JOIN articles a USING (article_id)
           WHERE substr(a.body, f.start_char + 1, f.end_char - f.start_char) <> f.text""",
    )
    assert bad == [(0,)]
    figures = rows(db, "SELECT count(*) FROM figures f JOIN articles a USING (article_id) WHERE file_name = 'long.txt'")
    assert figures[0][0] >= 200  # figures from the last pieces too, at their place in the whole body


@pytest.mark.slow
def test_invisible_characters_never_reach_names(tiny, tmp_path, attempt):
    write_corpus(
        tiny,
        {
            "hidden.txt": "The Winter Fair opened in Oslo. "
            "An\u200bna Ho\x00lm, director of the Oslo Mu\u00adseum, spoke."
        },
    )
    db = tmp_path / "culture.duckdb"
    assert attempt(tiny, db).code == 0
    names = [r[0] for r in rows(db, "SELECT name FROM people UNION ALL SELECT name FROM organizations")]
    names += [r[0] for r in rows(db, "SELECT text FROM mentions UNION ALL SELECT body FROM articles")]
    assert not [n for n in names if any(c in n for c in "\x00\u200b\u00ad")]
    assert "Anna Holm" in names


@pytest.mark.slow
def test_the_same_article_with_other_line_endings_is_loaded_once(tiny, tmp_path, attempt):
    text = TINY["forum.txt"]
    write_corpus(
        tiny,
        {
            "crlf.txt": text.replace("\n", "\r\n").encode(),
            "cr.txt": text.replace("\n", "\r").encode(),
            "bom.txt": b"\xef\xbb\xbf" + text.encode(),
            "unicode-lines.txt": text.replace("\n", "\u2028"),
        },
    )
    db = tmp_path / "culture.duckdb"
    assert attempt(tiny, db).code == 0
    assert rows(db, "SELECT count(*) FROM articles") == [(2,)]


@pytest.mark.slow
def test_same_file_name_in_two_folders_gives_two_articles_told_apart(tiny, tmp_path, attempt):
    write_corpus(tiny, {"north/news.txt": "The North Fair opened.", "south/news.txt": "The South Fair opened."})
    db = tmp_path / "culture.duckdb"
    assert attempt(tiny, db).code == 0
    names = [r[0] for r in rows(db, "SELECT file_name FROM articles ORDER BY 1")]
    assert names == ["forum.txt", "gala.txt", "north/news.txt", "south/news.txt"]


@pytest.mark.slow
def test_a_400_digit_number_is_not_stored_as_infinity(tiny, tmp_path, attempt):
    write_corpus(tiny, {"digits.txt": f"The Winter Fair in Oslo sold {'9' * 400} tickets and 300 programmes."})
    db = tmp_path / "culture.duckdb"
    assert attempt(tiny, db).code == 0
    assert rows(db, "SELECT count(*) FROM figures WHERE NOT isfinite(value)") == [(0,)]


@pytest.mark.slow
@pytest.mark.parametrize("published", ["1800-01-01", "2199-12-31"])
def test_publication_dates_at_the_ends_of_the_range_build(published, tiny, tmp_path, attempt):
    write_corpus(tiny, {"edge.txt": f"date: {published}\n\nThe Winter Fair opened yesterday in December, on Friday."})
    assert attempt(tiny, tmp_path / "culture.duckdb").code == 0


@pytest.mark.slow
def test_added_figure_points_at_its_words_in_the_article(tiny, tmp_path, attempt, curation_file):
    curation = curation_file(
        "- add: figure\n  article: gala.txt\n  value: 1200\n  unit: people\n  text: '1,200 listeners'\n"
        "  note: the extraction missed it\n"
    )
    db = tmp_path / "culture.duckdb"
    assert attempt(tiny, db, curation).code == 0
    found = rows(
        db,
        """SELECT substr(a.body, f.start_char + 1, f.end_char - f.start_char) FROM figures f
           JOIN articles a USING (article_id) WHERE f.evidence LIKE 'Added by curation%'""",
    )
    assert found == [("1,200 listeners",)]


def test_adding_a_person_whose_name_resembles_another_is_accepted(literal_tables, curation_file):
    from etl.curation import apply_curation
    from etl.curation_file import read_curation

    path = curation_file("- add: person\n  name: Ana Lunde\n  note: Ana Lund's sister, named in the caption\n")
    record("cases")
    out, report = apply_curation(literal_tables, read_curation(path), path)
    assert {"Ana Lund", "Ana Lunde"} <= set(out["people"]["name"])
    assert len(report.applied) == 1
