"""The build command end to end: contract tables, idempotence, atomic swap, clear errors."""

import json
import os
from pathlib import Path

import duckdb
import pytest

from etl import load
from etl.cli import main
from etl.pipeline import build

pytestmark = pytest.mark.slow

CONTRACT = {
    "articles": ["article_id", "file_name", "title", "published", "source", "url", "body", "content_hash", "loaded_at"],
    "people": ["person_id", "name", "aliases", "country"],
    "organizations": ["org_id", "name", "aliases", "kind", "country"],
    "mentions": ["article_id", "kind", "entity_id", "text", "start_char", "end_char"],
    "events": [
        "event_id",
        "article_id",
        "name",
        "type",
        "start_date",
        "end_date",
        "date_precision",
        "parent_id",
        "venue",
        "city",
    ],
    "event_articles": ["event_id", "article_id"],
    "participations": ["event_id", "person_id", "role", "title", "org_id", "evidence"],
    "affiliations": ["person_id", "org_id", "article_id", "title", "evidence"],
    "figures": [
        "figure_id",
        "article_id",
        "event_id",
        "person_id",
        "value",
        "unit",
        "subject",
        "text",
        "approx",
        "evidence",
        "start_char",
        "end_char",
    ],
}


def counts(db: Path) -> dict[str, int]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in CONTRACT}


def test_seed_build_has_every_contract_table_and_column(seed_db):
    with duckdb.connect(str(seed_db), read_only=True) as con:
        for table, columns in CONTRACT.items():
            have = [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()]
            assert set(columns) <= set(have), table
            assert con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] > 0, table


def test_every_record_carries_its_evidence(seed_db):
    with duckdb.connect(str(seed_db), read_only=True) as con:
        for table in ("participations", "affiliations", "figures"):
            assert (
                con.execute(f"SELECT count(*) FROM {table} WHERE evidence IS NULL OR evidence = ''").fetchone()[0] == 0
            )
        bad = con.execute(
            """SELECT count(*) FROM mentions m JOIN articles a USING (article_id)
               WHERE substr(a.body, m.start_char + 1, m.end_char - m.start_char) <> m.text"""
        ).fetchone()[0]
        assert bad == 0
        bad_figs = con.execute(
            """SELECT count(*) FROM figures f JOIN articles a USING (article_id)
               WHERE substr(a.body, f.start_char + 1, f.end_char - f.start_char) <> f.text"""
        ).fetchone()[0]
        assert bad_figs == 0


def test_vocabularies_are_respected(seed_db):
    with duckdb.connect(str(seed_db), read_only=True) as con:
        types = {r[0] for r in con.execute("SELECT DISTINCT type FROM events").fetchall()}
        roles = {r[0] for r in con.execute("SELECT DISTINCT role FROM participations").fetchall()}
    assert types <= {
        "forum",
        "panel",
        "round_table",
        "meeting",
        "training",
        "ceremony",
        "exhibition",
        "concert",
        "festival",
        "visit",
        "competition",
        "other",
    }
    assert roles <= {"moderator", "speaker", "trainer", "presenter", "performer", "honoree", "organizer", "attendee"}


def test_rebuild_is_idempotent(seed_db, corpus, nlp, tmp_path):
    db = tmp_path / "again.duckdb"
    build(corpus, db, nlp=nlp)
    first = counts(db)
    build(corpus, db, nlp=nlp)
    assert counts(db) == first == counts(seed_db)


def test_failed_build_leaves_the_old_database_untouched(corpus, nlp, tmp_path, monkeypatch):
    db = tmp_path / "culture.duckdb"
    build(corpus, db, nlp=nlp)
    before = db.read_bytes()

    def explode(con, tables):
        con.execute("CREATE TABLE articles (x INTEGER)")
        raise RuntimeError("disk full half-way")

    monkeypatch.setattr(load, "write_tables", explode)
    with pytest.raises(RuntimeError):
        build(corpus, db, nlp=nlp)
    assert db.read_bytes() == before
    assert not list(tmp_path.glob(".build-*"))


def test_unreadable_file_exits_non_zero_with_a_message_and_keeps_the_database(corpus, tmp_path, capsys):
    db = tmp_path / "culture.duckdb"
    assert main(["build", "--source", str(corpus), "--db", str(db)]) == 0
    before = db.read_bytes()
    (corpus / "broken.txt").write_bytes(b"Opening night\n\xff\xfe bad bytes")
    assert main(["build", "--source", str(corpus), "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "broken.txt:2" in err and "UTF-8" in err
    assert err.count("\n") == 1
    assert db.read_bytes() == before


def test_if_stale_builds_only_when_an_article_is_newer_than_the_database(corpus, tmp_path, capsys):
    db = tmp_path / "culture.duckdb"
    assert main(["build", "--if-stale", "--source", str(corpus), "--db", str(db)]) == 0  # missing: built
    built = db.stat().st_mtime_ns
    assert main(["build", "--if-stale", "--source", str(corpus), "--db", str(db)]) == 0
    assert db.stat().st_mtime_ns == built
    assert "up to date" in capsys.readouterr().out
    article = next(corpus.glob("*.txt"))
    os.utime(article, ns=(built + 10**9, built + 10**9))
    assert main(["build", "--if-stale", "--source", str(corpus), "--db", str(db)]) == 0
    assert db.stat().st_mtime_ns > built


def _first(db, sql, *params):
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, list(params)).fetchone()


def test_curation_is_applied_on_every_build_and_stale_entries_are_reported(corpus, nlp, tmp_path, capsys):
    db = tmp_path / "culture.duckdb"
    build(corpus, db, nlp=nlp, curation=tmp_path / "none.yaml")
    (a,), (b,) = _first(db, "SELECT min(name) FROM people"), _first(db, "SELECT max(name) FROM people")
    (event,) = _first(db, "SELECT min(name) FROM events WHERE start_date IS NULL")
    curation = tmp_path / "curation.yaml"
    curation.write_text(
        f"- merge: people\n  names: [{json.dumps(a)}, {json.dumps(b)}]\n"
        f"- correct: event\n  name: {json.dumps(event)}\n  start: 2024-02-29\n"
        "- drop: person\n  name: Quentin Zabrowski-Ulloa\n",
        encoding="utf-8",
    )
    for _ in range(2):  # the same file gives the same result on every rebuild
        assert main(["build", "--source", str(corpus), "--db", str(db), "--curation", str(curation)]) == 0
        assert _first(db, "SELECT count(*) FROM people WHERE name = ?", b) == (0,)
        assert _first(db, "SELECT CAST(start_date AS VARCHAR) FROM events WHERE name = ?", event) == ("2024-02-29",)
    err = capsys.readouterr().err
    assert "curation line 6 is stale" in err
    assert _first(db, "SELECT count(*) FROM curation_log WHERE status = 'stale'") == (1,)


def test_broken_curation_stops_the_build_and_keeps_the_database(corpus, nlp, tmp_path, capsys):
    db = tmp_path / "culture.duckdb"
    build(corpus, db, nlp=nlp, curation=tmp_path / "none.yaml")
    before = db.read_bytes()
    curation = tmp_path / "curation.yaml"
    curation.write_text("- correct: event\n  name: Anything\n  type: party\n", encoding="utf-8")
    assert main(["build", "--source", str(corpus), "--db", str(db), "--curation", str(curation)]) == 1
    err = capsys.readouterr().err
    assert f"{curation}:3: 'party' is not an event type" in err
    assert db.read_bytes() == before


@pytest.mark.slow
def test_disabled_rule_drops_its_records(corpus, tmp_path, nlp, monkeypatch):
    db = tmp_path / "all.duckdb"
    build(corpus, db, nlp=nlp)
    con = duckdb.connect(str(db), read_only=True)
    rule, count = con.execute(
        "SELECT rule, count(*) FROM participations GROUP BY rule ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()
    total = con.execute("SELECT count(*) FROM participations").fetchone()[0]
    con.close()
    monkeypatch.setenv("CULTURE_DISABLED_RULES", f"{rule}, no_such_rule")
    build(corpus, tmp_path / "less.duckdb", nlp=nlp)
    con = duckdb.connect(str(tmp_path / "less.duckdb"), read_only=True)
    assert con.execute("SELECT count(*) FROM participations WHERE rule = ?", [rule]).fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM participations").fetchone()[0] == total - count
