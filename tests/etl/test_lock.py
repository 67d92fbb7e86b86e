"""The build lock: one build per database at a time; a waiting app sees the finished database."""

from __future__ import annotations

import multiprocessing
import time
from pathlib import Path

import pytest

from etl.lock import build_lock, lock_path, wait_for_build

fcntl = pytest.importorskip("fcntl")


def _hold(db_path: Path, held: Path, done: Path) -> None:
    with build_lock(db_path):
        held.touch()
        time.sleep(0.5)
        done.touch()  # written while the lock is still held


def _other_process_holding(db_path: Path, tmp_path: Path) -> multiprocessing.Process:
    held = tmp_path / "held"
    worker = multiprocessing.get_context("fork").Process(target=_hold, args=(db_path, held, tmp_path / "done"))
    worker.start()
    while not held.exists():
        time.sleep(0.01)
    return worker


def test_lock_is_exclusive_between_processes(tmp_path: Path) -> None:
    db_path = tmp_path / "culture.duckdb"
    worker = _other_process_holding(db_path, tmp_path)
    with open(lock_path(db_path), "a+b") as handle, pytest.raises(BlockingIOError):
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    worker.join()


def test_waiting_returns_only_after_the_other_build_finished(tmp_path: Path) -> None:
    db_path = tmp_path / "culture.duckdb"
    worker = _other_process_holding(db_path, tmp_path)
    wait_for_build(db_path)
    assert (tmp_path / "done").exists()
    worker.join()


def test_a_folder_that_cannot_hold_the_lock_does_not_stop_the_build(tmp_path: Path) -> None:
    with build_lock(tmp_path / "missing" / "culture.duckdb"):
        pass  # the build's own checks report the folder
