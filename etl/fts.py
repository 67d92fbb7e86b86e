"""DuckDB's full-text-search extension, loaded from the pinned `duckdb-extension-fts` package (never downloaded);
the article index is built whole, or carried over from the previous database and updated for changed articles."""

from __future__ import annotations

from pathlib import Path

import duckdb

# The index lives in the database file (schema fts_main_articles); the app queries it read-only.
INDEX_SCHEMA = "fts_main_articles"


def extension_path() -> Path | None:
    """The fts extension file shipped by the duckdb-extension-fts package, if installed."""
    try:
        import duckdb_extension_fts
    except ImportError:
        return None
    version = f"v{duckdb.__version__}"
    for root in duckdb_extension_fts.__path__:
        found = sorted(Path(root).rglob(f"{version}/*.duckdb_extension")) or sorted(
            Path(root).rglob("*.duckdb_extension")
        )
        if found:
            return found[0]
    return None


def load_fts(con: duckdb.DuckDBPyConnection) -> bool:
    """LOAD the extension into `con` from the package's file; False when it is not available."""
    path = extension_path()
    if path is None:
        return False
    try:
        con.execute(f"LOAD '{path.as_posix()}'")  # a path, not user input; LOAD takes no parameters
    except duckdb.Error:
        return False
    return True


def create_article_index(con: duckdb.DuckDBPyConnection) -> bool:
    """Index articles' titles and bodies (English stemming); False when the extension is missing."""
    if not load_fts(con):
        return False
    con.execute("PRAGMA create_fts_index('articles', 'article_id', 'title', 'body', overwrite=1)")
    return True


# The index's tables as the pinned extension lays them out; an index laid out otherwise is rebuilt whole.
LAYOUT = {
    "docs": [("docid", "BIGINT"), ("name", "VARCHAR"), ("len", "BIGINT")],
    "terms": [("docid", "BIGINT"), ("fieldid", "BIGINT"), ("termid", "BIGINT")],
    "dict": [("termid", "BIGINT"), ("term", "VARCHAR"), ("df", "BIGINT")],
    "stats": [("num_docs", "BIGINT"), ("avgdl", "DOUBLE")],
    "fields": [("fieldid", "BIGINT"), ("field", "VARCHAR")],
    "stopwords": [("sw", "VARCHAR")],
}


def _text_hash(alias: str) -> str:
    """SQL for a hash of an article row's indexed text (title and body)."""
    return f"md5(coalesce({alias}.title, '') || chr(0) || coalesce({alias}.body, ''))"


def carry_over(con: duckdb.DuckDBPyConnection, previous: Path) -> bool:
    """Start a new, empty database's index from the previous database's (before its tables are written).

    The index's schema, stop words and search macros are made by the extension over a placeholder
    `articles` table with no rows (instant; the placeholder is dropped, the index does not refer to it), then
    its documents, terms and dictionary are copied from `previous`, with each indexed article's text noted
    (a temp table) for `update_article_index`. False, with nothing left behind, when `previous` has no index
    laid out as this module expects (none yet, another extension version): then build the index whole.
    """
    if not load_fts(con):
        return False
    try:
        quoted = str(previous).replace("'", "''")  # ATTACH takes no parameters
        con.execute(f"ATTACH '{quoted}' AS previous (READ_ONLY)")
    except duckdb.Error:
        return False  # not a database (check_target refused that before), or unreadable: build it whole
    try:
        if not _same_layout(con):
            return False
        texts = f"SELECT article_id, {_text_hash('a')} AS h FROM previous.main.articles a"
        con.execute(f"CREATE OR REPLACE TEMP TABLE indexed_before AS {texts}")
        con.execute("CREATE TABLE articles (article_id VARCHAR, title VARCHAR, body VARCHAR)")
        con.execute("PRAGMA create_fts_index('articles', 'article_id', 'title', 'body', overwrite=1)")
        con.execute("DROP TABLE articles")
        for table in ("docs", "terms", "dict"):
            con.execute(f"INSERT INTO {INDEX_SCHEMA}.{table} SELECT * FROM previous.{INDEX_SCHEMA}.{table}")
        return True
    except duckdb.Error:
        con.execute(f"DROP SCHEMA IF EXISTS {INDEX_SCHEMA} CASCADE")
        con.execute("DROP TABLE IF EXISTS articles")
        return False
    finally:
        con.execute("DETACH previous")


def _same_layout(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the attached previous database's index has the tables and fields this module updates."""
    for table, columns in LAYOUT.items():
        found = con.execute(
            "SELECT column_name, data_type FROM information_schema.columns "
            "WHERE table_catalog = 'previous' AND table_schema = ? AND table_name = ? ORDER BY ordinal_position",
            [INDEX_SCHEMA, table],
        ).fetchall()
        if found != columns:
            return False
    fields = con.execute(f"SELECT * FROM previous.{INDEX_SCHEMA}.fields ORDER BY 1").fetchall()
    return fields == [(0, "title"), (1, "body")]


def update_article_index(con: duckdb.DuckDBPyConnection) -> bool:
    """Bring a copied index up to date with the new `articles` table: only new and changed articles are tokenised.

    What `create_fts_index` computes for every article (stemmed words less stop words, per field; each
    document's length; each term's document frequency; the corpus statistics) is computed here for the new
    articles only, and the frequencies and statistics are recounted over the whole index (a group-by),
    so the search scores equal a full rebuild's (tests/etl/test_fts.py compares them).
    """
    if not load_fts(con):
        return False
    s = INDEX_SCHEMA
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE gone AS
        SELECT d.docid FROM {s}.docs d
        LEFT JOIN articles a ON a.article_id = d.name
        LEFT JOIN indexed_before b ON b.article_id = d.name
        WHERE a.article_id IS NULL OR b.h IS DISTINCT FROM {_text_hash("a")};
        DELETE FROM {s}.terms WHERE docid IN (SELECT docid FROM gone);
        DELETE FROM {s}.docs WHERE docid IN (SELECT docid FROM gone);
        CREATE OR REPLACE TEMP TABLE fresh AS
        SELECT (SELECT coalesce(max(docid), -1) FROM {s}.docs) + row_number() OVER (ORDER BY article_id) AS docid,
               article_id AS name, title, body
        FROM articles WHERE article_id NOT IN (SELECT name FROM {s}.docs);
        CREATE OR REPLACE TEMP TABLE fresh_terms AS
        WITH words AS (
            SELECT docid, 0 AS fieldid, unnest({s}.tokenize(title)) AS w FROM fresh
            UNION ALL
            SELECT docid, 1 AS fieldid, unnest({s}.tokenize(body)) AS w FROM fresh
        )
        SELECT docid, fieldid, stem(w, 'porter') AS term FROM words
        WHERE w IS NOT NULL AND len(w) > 0 AND w NOT IN (SELECT sw FROM {s}.stopwords);
        INSERT INTO {s}.dict
        SELECT (SELECT coalesce(max(termid), -1) FROM {s}.dict) + row_number() OVER (ORDER BY term), term, 0
        FROM (SELECT DISTINCT term FROM fresh_terms WHERE term NOT IN (SELECT term FROM {s}.dict));
        INSERT INTO {s}.terms SELECT t.docid, t.fieldid, d.termid FROM fresh_terms t JOIN {s}.dict d USING (term);
        INSERT INTO {s}.docs
        SELECT f.docid, f.name, (SELECT count(*) FROM fresh_terms t WHERE t.docid = f.docid) FROM fresh f;
        CREATE OR REPLACE TABLE {s}.dict AS
        SELECT d.termid, d.term, c.df FROM {s}.dict d
        JOIN (SELECT termid, count(DISTINCT docid) AS df FROM {s}.terms GROUP BY termid) c USING (termid);
        CREATE OR REPLACE TABLE {s}.stats AS
        SELECT count(docid) AS num_docs, sum(len) / count(len) AS avgdl FROM {s}.docs;
        DROP TABLE gone; DROP TABLE fresh; DROP TABLE fresh_terms; DROP TABLE indexed_before;
    """)  # {s} is this module's constant, never input
    return True
