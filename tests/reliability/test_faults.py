"""Faults around a build: kill -9 at several moments, readers during rebuilds, a full disk, a read-only folder."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import duckdb
import pytest

from etl.pipeline import build
from tests.reliability.conftest import assert_refused, write_corpus
from tests.reliability.tally import record

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]


def article_count(db: Path) -> int:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("SELECT count(*) FROM articles").fetchone()[0]


def start_build(source: Path, db: Path) -> subprocess.Popen[bytes]:
    """`python -m etl build` in its own process, as a user (or the Makefile) runs it."""
    command = [sys.executable, "-m", "etl", "build", "--source", str(source), "--db", str(db)]
    command += ["--curation", str(db.parent / "none.yaml")]
    return subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def kill_when(process: subprocess.Popen[bytes], moment: str, db: Path) -> None:
    """SIGKILL the build after a delay ('0.3s') or as soon as its temporary database file appears."""
    deadline = time.monotonic() + 120
    if moment.endswith("s"):
        deadline = time.monotonic() + float(moment[:-1])
    while time.monotonic() < deadline and process.poll() is None:
        if moment == "writing" and list(db.parent.glob(f".build-{process.pid}-*")):
            break
        time.sleep(0.002)
    if process.poll() is None:
        process.send_signal(signal.SIGKILL)
    process.wait()


@pytest.mark.parametrize("moment", ["0.3s", "2.5s", "writing"])
def test_kill_9_leaves_the_database_as_it_was_and_the_next_build_clean(moment, tiny, good_db, attempt):
    write_corpus(tiny, {"extra.txt": "The Spring Fair opened in Tromso with 80 stalls."})
    before = good_db.read_bytes()
    process = start_build(tiny, good_db)
    kill_when(process, moment, good_db)
    record("cases")
    if process.returncode == -signal.SIGKILL:
        if good_db.read_bytes() != before:
            record("databases_changed")
        assert good_db.read_bytes() == before, f"killed at {moment}: the database changed"
    else:  # the build finished before the moment came: then it must have swapped in a whole database
        assert process.returncode == 0 and article_count(good_db) == 3
    outcome = attempt(tiny, good_db)
    assert outcome.code == 0, outcome.err
    assert article_count(good_db) == 3
    assert not list(good_db.parent.glob(".build-*")), "a killed build's files outlived the next build"


READER = """
import json, os, sys, duckdb
db, stop, ready = sys.argv[1:4]
seen, errors, reads = set(), [], 0
while not os.path.exists(stop):
    try:
        con = duckdb.connect(db, read_only=True)
        try:
            seen.add(con.execute("SELECT count(*) FROM articles").fetchone()[0])
            con.execute("SELECT count(*) FROM people, events").fetchone()
        finally:
            con.close()
        reads += 1
        if reads == 1:
            open(ready, "w").close()
    except Exception as err:
        errors.append(f"{type(err).__name__}: {err}")
print(json.dumps({"seen": sorted(seen), "errors": errors[:3], "error_count": len(errors), "reads": reads}))
"""


def test_readers_during_rebuilds_see_the_old_or_the_new_database_never_an_error(tiny, good_db, nlp, tmp_path):
    stop = tmp_path / "stop"
    readers = [
        subprocess.Popen(
            [sys.executable, "-c", READER, str(good_db), str(stop), str(tmp_path / f"ready{i}")],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for i in range(3)
    ]
    try:
        deadline = time.monotonic() + 60
        while not all((tmp_path / f"ready{i}").exists() for i in range(3)) and time.monotonic() < deadline:
            time.sleep(0.05)
        write_corpus(tiny, {"extra.txt": "The Spring Fair opened in Tromso with 80 stalls."})
        build(tiny, good_db, nlp=nlp, curation=tmp_path / "none.yaml")
        (tiny / "extra.txt").unlink()
        build(tiny, good_db, nlp=nlp, curation=tmp_path / "none.yaml")
        time.sleep(0.3)
    finally:
        stop.touch()
        results = [json.loads(r.communicate(timeout=60)[0]) for r in readers]
    record("cases", 2)
    errors = [e for r in results for e in r["errors"]]
    record("crashes", sum(r["error_count"] for r in results))
    assert not errors, errors
    assert all(r["reads"] > 0 for r in results)
    assert set().union(*(r["seen"] for r in results)) <= {2, 3}


@pytest.fixture
def mount(tmp_path: Path) -> Iterator[Callable[[int], Path]]:
    """Mount a small tmpfs (root only); skipped with the reason where the machine does not allow it."""
    mounted: list[Path] = []

    def make(size_kb: int) -> Path:
        if os.geteuid() != 0:
            pytest.skip("mounting a small tmpfs needs root; the ENOSPC case is covered by a simulated failure")
        point = tmp_path / f"mnt{len(mounted)}"
        point.mkdir()
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", str(point)], capture_output=True, text=True
        )
        if done.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here ({done.stderr.strip()})")
        mounted.append(point)
        return point

    yield make
    for point in mounted:
        subprocess.run(["umount", "-l", str(point)], check=False)


def test_full_disk_stops_the_build_with_one_line_and_keeps_the_database(good_db, tiny, mount, attempt):
    size_kb = good_db.stat().st_size // 1024
    place = mount(size_kb + 128)  # room for the database, not for a second copy of it
    db = place / "culture.duckdb"
    shutil.copy(good_db, db)
    write_corpus(tiny, {"extra.txt": "The Spring Fair opened in Tromso with 80 stalls. " * 50})
    outcome = attempt(tiny, db)
    assert_refused(outcome, str(db), "could not write the new database", "No space left on device")
    assert not list(place.glob(".build-*"))


def test_read_only_folder_is_refused_before_extraction(good_db, tiny, mount, attempt, monkeypatch):
    place = mount(good_db.stat().st_size // 1024 + 1024)
    db = place / "culture.duckdb"
    shutil.copy(good_db, db)
    remounted = subprocess.run(["mount", "-o", "remount,ro", str(place)], capture_output=True, text=True)
    if remounted.returncode != 0:
        pytest.skip(f"cannot remount read-only here ({remounted.stderr.strip()})")
    monkeypatch.setattr("etl.pipeline.load_nlp", lambda: pytest.fail("extraction started"))
    assert_refused(attempt(tiny, db), "Read-only file system", "Choose a writable --db path")
