"""Extraction over worker processes (`--workers N`) and on a Dask cluster (`--dask ADDRESS`): the same database
as one process, row for row, and the same failures (named article, unchanged database, no worker left behind)."""

from __future__ import annotations

import os
import pickle
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import psutil
import pytest

from etl import parallel, pieces
from etl.cache import Batch, Cache
from etl.cli import main
from etl.errors import ArticleError, WorkersError
from etl.pipeline import build
from etl.reader import parse_article
from etl.settings import workers
from tests.conftest import ROOT, SEED_ARTICLES

# the seeds, the devset and the team's real articles: 32 articles, so 4 chunks of 8 for the workers to share
SOURCES = (
    SEED_ARTICLES,
    ROOT / "tests" / "data" / "devset" / "articles",
    ROOT / "tests" / "data" / "real" / "articles",
)
FAILING = "d18_jacksonville-jazz-festival.txt"


def database_rows(db: Path) -> dict[str, list[tuple]]:
    """Every table of the file (the full-text index's too), rows in stored order, without the load time."""
    out = {}
    with duckdb.connect(str(db), read_only=True) as con:
        tables = con.execute("SELECT table_schema, table_name FROM information_schema.tables ORDER BY 1, 2").fetchall()
        for schema, table in tables:
            columns = con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = ? AND table_name = ? "
                "ORDER BY ordinal_position",
                [schema, table],
            ).fetchall()
            names = ", ".join(f'"{c}"' for (c,) in columns if c != "loaded_at")
            out[f"{schema}.{table}"] = con.execute(f'SELECT {names} FROM "{schema}"."{table}"').fetchall()
    return out


@pytest.fixture(scope="session")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds, devset and real articles in one folder."""
    folder = tmp_path_factory.mktemp("mixed") / "articles"
    folder.mkdir()
    for source in SOURCES:
        for path in source.iterdir():
            shutil.copy(path, folder)
    return folder


@pytest.fixture(scope="session")
def one_process_db(mixed: Path, tmp_path_factory: pytest.TempPathFactory, nlp) -> Path:  # type: ignore[no-untyped-def]
    """The mixed corpus built in this process alone: what every other way of building must equal."""
    db = tmp_path_factory.mktemp("one") / "culture.duckdb"
    build(mixed, db, nlp=nlp, curation=db.parent / "none.yaml")
    return db


@pytest.fixture
def worker_pids(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A file each process that extracts an article appends its pid to (forked workers inherit the spy)."""
    log = tmp_path / "pids"
    real = pieces.extract_article

    def spy(doc, article):  # type: ignore[no-untyped-def]
        with log.open("a") as f:
            f.write(f"{os.getpid()}\n")
        return real(doc, article)

    monkeypatch.setattr(pieces, "extract_article", spy)
    return log


@pytest.fixture
def fail_on(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Make the extraction of one file raise (or kill its process), in this process and in forked workers."""

    def arm(name: str, kill: bool = False) -> None:
        real = pieces.extract_article

        def faulty(doc, article):  # type: ignore[no-untyped-def]
            if article.file_name == name:
                if kill:
                    os.kill(os.getpid(), signal.SIGKILL)
                raise ValueError("a rule tripped")
            return real(doc, article)

        monkeypatch.setattr(pieces, "extract_article", faulty)

    return arm


@pytest.mark.slow
def test_workers_build_the_same_database_as_one_process(mixed, one_process_db, tmp_path, nlp, worker_pids):
    db = tmp_path / "culture.duckdb"
    seen: list[tuple[int, int, str]] = []
    build(mixed, db, nlp=nlp, curation=tmp_path / "none.yaml", workers=2, progress=lambda *a: seen.append(a))
    assert database_rows(db) == database_rows(one_process_db)
    pids = set(worker_pids.read_text().split())
    assert len(pids) == 2 and str(os.getpid()) not in pids  # two worker processes shared the work
    assert [(done, total) for done, total, _ in seen] == [(i, 32) for i in range(1, 33)]
    assert sorted(name for *_, name in seen) == sorted(p.name for p in mixed.iterdir())
    assert parallel.multiprocessing.active_children() == []


@pytest.mark.slow
def test_failing_article_is_named_as_one_process_names_it_and_the_database_is_kept(
    mixed, one_process_db, tmp_path, fail_on, monkeypatch, capsys
):
    db = tmp_path / "culture.duckdb"
    shutil.copy(one_process_db, db)
    before = db.read_bytes()
    fail_on(FAILING)
    monkeypatch.setattr(parallel, "CHUNK", 3)  # the failing article sits in a later chunk, among good ones
    errors = []
    for count in ("1", "2"):
        argv = ["build", "--source", str(mixed), "--db", str(db), "--curation", str(tmp_path / "no"), "--fresh"]
        assert main([*argv, "--workers", count]) == 1
        errors.append(capsys.readouterr().err)
        assert db.read_bytes() == before
    assert errors[0] == errors[1]
    assert errors[1].startswith(f"error: {FAILING}: the extraction failed on this article (ValueError: a rule tripped)")
    assert errors[1].count("\n") == 1
    assert parallel.multiprocessing.active_children() == []


@pytest.mark.slow
def test_killed_worker_stops_the_build_with_one_line_instead_of_hanging(mixed, tmp_path, fail_on, nlp):
    fail_on(FAILING, kill=True)
    started = time.monotonic()
    with pytest.raises(WorkersError, match="a worker process stopped while extracting"):
        build(mixed, tmp_path / "culture.duckdb", nlp=nlp, curation=tmp_path / "none.yaml", workers=2)
    assert time.monotonic() - started < 120
    assert not (tmp_path / "culture.duckdb").exists()
    assert parallel.multiprocessing.active_children() == []


def _wait_until_extracting(workers: list[psutil.Process], proc: subprocess.Popen) -> None:
    """Until a worker has spent a moment of CPU on articles (not on starting up), or the build ended."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            if any(w.cpu_times().user > 0.5 for w in workers):
                return
        except psutil.NoSuchProcess:
            return
        time.sleep(0.05)
    assert proc.poll() is None, "the build ended before it could be interrupted: give it more articles"


@pytest.mark.slow
def test_ctrl_c_leaves_the_database_as_it_was_and_no_worker_processes(mixed, one_process_db, tmp_path):
    db = tmp_path / "culture.duckdb"
    shutil.copy(one_process_db, db)
    before = db.read_bytes()
    # sixteen copies of each article (each its own text): a fast machine must still be extracting at the signal
    many = tmp_path / "many"
    many.mkdir()
    for path in mixed.iterdir():
        for n in range(16):
            (many / f"{n}_{path.name}").write_text(path.read_text(encoding="utf-8") + f"\n\nCopy {n}.\n")
    argv = ["-m", "etl", "build", "--source", str(many), "--db", str(db), "--workers", "2", "--fresh"]
    # a session of its own: Ctrl+C on a terminal signals the whole foreground group, workers included
    # a terminal's foreground process takes Ctrl+C; one started in the background by a shell ignores SIGINT,
    # and its children inherit that, so the build is given the terminal's default whatever ran this test
    proc = subprocess.Popen(
        [sys.executable, *argv],
        cwd=ROOT,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    builder = psutil.Process(proc.pid)
    deadline = time.monotonic() + 120
    while len(builder.children()) < 2 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
    workers_seen = builder.children()
    assert len(workers_seen) >= 2, "the workers never started"
    _wait_until_extracting(workers_seen, proc)
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 2
    assert err.startswith("error: the build stopped unexpectedly (interrupted); the database is unchanged")
    assert err.count("\n") == 1
    assert db.read_bytes() == before
    gone, alive = psutil.wait_procs(workers_seen, timeout=10)
    assert alive == []


@pytest.mark.slow
def test_dask_cluster_of_two_local_workers_builds_the_same_database(mixed, one_process_db, tmp_path):
    import distributed  # pinned in requirements.txt

    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as local:
        db = tmp_path / "culture.duckdb"
        seen: list[tuple[int, int, str]] = []
        address = local.scheduler_address
        build(mixed, db, curation=tmp_path / "none.yaml", dask=address, progress=lambda *a: seen.append(a))
    assert database_rows(db) == database_rows(one_process_db)
    assert [(done, total) for done, total, _ in seen] == [(i, 32) for i in range(1, 33)]


def test_unreachable_scheduler_is_one_line_naming_the_address(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(parallel, "CONNECT_SECONDS", 1.0)
    source = tmp_path / "articles"
    source.mkdir()
    shutil.copy(SEED_ARTICLES / sorted(os.listdir(SEED_ARTICLES))[0], source)
    address = "tcp://127.0.0.1:9"  # the discard port: nothing listens there
    code = main(["build", "--source", str(source), "--db", str(tmp_path / "c.duckdb"), "--dask", address])
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith(f"error: cannot reach the Dask scheduler at {address}") and err.count("\n") == 1
    assert "dask scheduler" in err
    assert not (tmp_path / "c.duckdb").exists()


def test_missing_dask_is_one_line_saying_what_to_install(tmp_path, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "distributed", None)  # `import distributed` now fails as if not installed
    source = tmp_path / "articles"
    source.mkdir()
    shutil.copy(SEED_ARTICLES / sorted(os.listdir(SEED_ARTICLES))[0], source)
    code = main(["build", "--source", str(source), "--db", str(tmp_path / "c.duckdb"), "--dask", "tcp://h:8786"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith("error: --dask needs the dask and distributed packages") and err.count("\n") == 1
    assert "requirements.txt" in err


def test_rows_from_other_code_or_model_are_refused_and_not_cached(tmp_path):
    article = parse_article(Path("t.txt"), "The Harbour Forum opened in Bergen.")
    store = Cache(tmp_path)

    def stranger(todo):  # type: ignore[no-untyped-def]
        yield Batch("0" * 64, [{"key": "k"}])

    with pytest.raises(WorkersError, match="other code or another spaCy model"):
        store.extract([article], "en_core_web_sm-3.8.0", stranger)
    assert list(tmp_path.rglob("*.parquet")) == []


def test_article_error_crosses_process_boundaries_intact():
    err = ArticleError("a.txt", "the extraction failed on this article (ValueError: x)", "Report it", line=3)
    back = pickle.loads(pickle.dumps(err))
    assert (type(back), str(back), back.path, back.line) == (ArticleError, str(err), "a.txt", 3)


@pytest.mark.parametrize(("value", "count"), [("", 1), ("1", 1), ("3", 3), (" 2 ", 2)])
def test_workers_setting_reads_culture_workers(monkeypatch, value, count):
    monkeypatch.setenv("CULTURE_WORKERS", value)
    assert workers() == count


@pytest.mark.parametrize("value", ["0", "two", "-1", "1.5"])
def test_bad_workers_setting_is_one_line(monkeypatch, capsys, tmp_path, value):
    monkeypatch.setenv("CULTURE_WORKERS", value)
    assert main(["build", "--source", str(tmp_path), "--db", str(tmp_path / "c.duckdb")]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"error: CULTURE_WORKERS={value!r} is not a number of processes") and err.count("\n") == 1


@pytest.mark.slow
def test_workers_started_from_a_threaded_process_give_the_same_database(corpus, seed_db, tmp_path, monkeypatch):
    # a Streamlit server has threads: the pool then starts its workers from a fork server, not by forking itself
    monkeypatch.setattr(parallel, "CHUNK", 2)
    stop = threading.Event()
    waiting = threading.Thread(target=stop.wait)
    waiting.start()
    try:
        assert parallel._context().get_start_method() == "forkserver"
        build(corpus, tmp_path / "culture.duckdb", workers=2)
    finally:
        stop.set()
        waiting.join()
    assert database_rows(tmp_path / "culture.duckdb") == database_rows(seed_db)
