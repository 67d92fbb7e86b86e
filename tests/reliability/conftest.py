"""Reliability suite: bad input, faults and hostile text. Prints one summary line at the end."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from spacy.language import Language

from etl.cli import main
from etl.pipeline import build
from tests.reliability.tally import TALLY, record, summary


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Print the suite's counters when any reliability test ran."""
    if TALLY:
        terminalreporter.write_line(summary())


# --------------------------------------------------------------------------- a tiny corpus and a build attempt

TINY = {
    "forum.txt": "date 2024-03-01\nHarbour Forum opens in Bergen\n\nThe Harbour Forum opened in Bergen on March 4. "
    "Ana Lund, director of the Harbour Museum, said 45% of museums are now digital. The forum drew 300 guests.\n",
    "gala.txt": "date 2024-05-10\nGala concert in Oslo\n\nA gala concert by the Reed Trio was held in Oslo on May 9. "
    "The conductor Per Berg thanked 1,200 listeners.\n",
}


def write_corpus(folder: Path, files: dict[str, str | bytes]) -> Path:
    """Write article files (text or raw bytes) under `folder`, making subfolders as needed."""
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return folder


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    """A source folder with two short articles."""
    return write_corpus(tmp_path / "articles", TINY)


@pytest.fixture
def good_db(tmp_path: Path, tiny: Path, nlp: Language) -> Path:
    """A database built from the tiny corpus: what a failed build must leave exactly as it is."""
    db = tmp_path / "db" / "culture.duckdb"
    build(tiny, db, nlp=nlp, curation=tmp_path / "no-curation.yaml")
    return db


@dataclass
class Outcome:
    """What a user saw from one `python -m etl build` and what it did to the database."""

    code: int
    out: str
    err: str
    changed: bool


def _snapshot(db: Path) -> bytes | None:
    return db.read_bytes() if db.is_file() else None


@pytest.fixture
def attempt(capsys: pytest.CaptureFixture[str], nlp: Language) -> Callable[..., Outcome]:
    """Run the command line's build in-process (the model is loaded once) and tally the outcome."""

    def run(source: Path, db: Path, curation: Path | None = None) -> Outcome:
        before = _snapshot(db)
        argv = ["build", "--source", str(source), "--db", str(db), "--curation", str(curation or db.parent / "none")]
        capsys.readouterr()
        record("cases")
        try:
            code = main(argv)
        except BaseException:
            record("crashes")
            raise
        seen = capsys.readouterr()
        outcome = Outcome(code, seen.out, seen.err, _snapshot(db) != before)
        if code == 2 or "Traceback" in seen.err:
            record("crashes")
        if code != 0 and outcome.changed:
            record("databases_changed")
        return outcome

    return run


def assert_refused(outcome: Outcome, *words: str) -> None:
    """A refusal: exit 1, one line naming what is wrong, the database as it was."""
    assert outcome.code == 1, outcome.err
    assert outcome.err.startswith("error: ") and outcome.err.count("\n") == 1, outcome.err
    for word in words:
        assert word in outcome.err
    assert not outcome.changed
