"""Curation files that look valid but are not: one line naming the file and line, before any extraction."""

from __future__ import annotations

import time

import pytest

from etl.curation_file import CurationError, read_curation
from tests.reliability.conftest import assert_refused
from tests.reliability.tally import record

EVENT = "- correct: event\n  name: Harbour Forum\n"
FIGURE = "- add: figure\n  article: forum.txt\n  unit: percent\n  text: 45%\n  note: missed\n"
BOMB = "\n".join(
    ["- add: person", "  name: Bomb", "  note: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    + [f"  x{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]" for i in range(1, 12)]
)

# case -> (curation text, line the error names, words it must contain)
CASES = {
    "31 February": (EVENT + "  start: 2024-02-31\n", 3, ["not a date", "day is out of range"]),
    "month 13": (EVENT + "  start: '2024-13-45'\n", 3, ["not a date", "YYYY-MM-DD"]),
    "year 0000": (EVENT + "  start: '0000'\n", 3, ["not a date", "year must be"]),
    "end before start": (EVENT + "  start: 2024-03-05\n  end: 2024-03-01\n", 4, ["before"]),
    "type as a list": (EVENT + "  type: [forum]\n", 3, ["'type' must be one value", "type: forum"]),
    "target as a list": ("- merge: [people]\n  names: [A, B]\n", 1, ["is not known", "people, organizations"]),
    "names of lists": ("- merge: people\n  names: [[A], B]\n", 2, ["two or more names"]),
    "entry aliased twice": (
        "- &e\n  drop: person\n  name: Ana Lund\n- *e\n- *e\n",
        4,
        ["aliases (*name) are not allowed"],
    ),
    "alias bomb in a note": (BOMB, 4, ["aliases"]),
    "infinite figure": (FIGURE + "  value: .inf\n", 6, ["not a number"]),
    "not-a-number figure": (FIGURE + "  value: .nan\n", 6, ["not a number"]),
    "400-digit figure": (FIGURE + "  value: " + "9" * 400 + "\n", 6, ["not a number"]),
    "true as a figure": (FIGURE + "  value: true\n", 6, ["not a number"]),
    "approx as text": (FIGURE + "  value: 45\n  approx: maybe\n", 7, ["true or false"]),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_broken_entry_is_refused_with_its_line(case, curation_file):
    text, line, words = CASES[case]
    path = curation_file(text)
    record("cases")
    started = time.perf_counter()
    with pytest.raises(CurationError) as err:
        read_curation(path)
    assert time.perf_counter() - started < 2  # the alias bomb is refused, not expanded
    message = str(err.value)
    assert message.startswith(f"{path}:{line}: ") and "\n" not in message, message
    for word in words:
        assert word in message


def test_curation_path_that_is_a_folder_is_refused(tmp_path):
    record("cases")
    with pytest.raises(CurationError, match="is not a file"):
        read_curation(tmp_path)


def test_huge_curation_file_is_refused_at_once(curation_file, monkeypatch):
    path = curation_file("- drop: person\n  name: Nobody\n" * 400_000)  # 12 MB
    monkeypatch.setattr("yaml.load", lambda *a, **k: pytest.fail("the file was parsed"))
    record("cases")
    started = time.perf_counter()
    with pytest.raises(CurationError, match=r"12,000 kB, over the 200 kB"):
        read_curation(path)
    assert time.perf_counter() - started < 1


@pytest.mark.slow
def test_figure_text_missing_from_its_article_stops_the_build_before_extraction(
    tiny, good_db, attempt, curation_file, monkeypatch
):
    curation = curation_file(FIGURE.replace("45%", "46%") + "  value: 46\n")
    monkeypatch.setattr("etl.pipeline.load_nlp", lambda: pytest.fail("extraction started"))
    assert_refused(attempt(tiny, good_db, curation), f"{curation}:4", "'46%' is not in forum.txt")


@pytest.mark.slow
def test_parent_cycle_in_the_file_stops_the_build_before_extraction(tiny, good_db, attempt, curation_file):
    curation = curation_file(
        "- correct: event\n  name: Harbour Forum\n  parent: Gala concert\n"
        "- correct: event\n  name: Gala concert\n  parent: Harbour Forum\n"
    )
    outcome = attempt(tiny, good_db, curation)
    assert_refused(outcome, f"{curation}:1", "cycle", "Harbour Forum -> Gala concert -> Harbour Forum", "line 1, 4")


def test_parent_cycle_through_an_extracted_parent_is_refused(literal_tables, curation_file):
    from etl.curation import apply_curation

    # Panel one's parent is the Harbour Forum (extracted); making the forum a part of the panel hides both
    path = curation_file("- correct: event\n  name: Harbour Forum\n  parent: Panel one\n")
    record("cases")
    with pytest.raises(CurationError) as err:
        apply_curation(literal_tables, read_curation(path), path)
    message = str(err.value)
    assert message.startswith(f"{path}:1: event parents form a cycle")
    assert "Harbour Forum" in message and "Panel one" in message and "line 1" in message
