"""The evaluator: lenient matching, the score table, the command, and the seed corpus's scores."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from etl.evaluate import CATEGORIES, Tally, evaluate, match, same_event, same_org, same_person, same_value

GOLD = Path(__file__).resolve().parent.parent / "data" / "gold"
UNSEEN = Path(__file__).resolve().parent.parent / "data" / "unseen"


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("A. Raimkulova", "Aktotu Raimkulova", True),
        ("Araz Baghırli", "Araz Baghirli", True),
        ("Mr. Ahmet Akcan", "Ahmet Akcan", True),
        ("B. Raimkulova", "Aktotu Raimkulova", False),
        ("Anna Berg", "Anna Lind", False),
    ],
)
def test_same_person(a, b, same):
    assert same_person(a, b) is same


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("the Heritage Foundation", "Heritage Foundation", True),
        ("Latvian Heritage Foundation", "Heritage Foundation", True),
        ("Ministry of Culture", "Ministry of Finance", False),
        ("Museum", "City Museum", False),
    ],
)
def test_same_org(a, b, same):
    assert same_org(a, b) is same


def test_same_event_allows_a_longer_name_containing_the_short_one():
    assert same_event("Days of Latvian Culture", "Opening of the Days of Latvian Culture in Riga")
    assert not same_event("Music Forum", "Film Forum")


@pytest.mark.parametrize(
    ("gold", "got", "same"),
    [
        ({"value": 64.4, "unit": "percent"}, {"value": 64.4, "unit": "percent"}, True),
        ({"value": 64.4, "unit": "percent"}, {"value": 64.4, "unit": "people"}, False),
        ({"value": 5_440_000_000, "unit": "people"}, {"value": 5_440_000_001, "unit": "users"}, True),
    ],
)
def test_same_value(gold, got, same):
    assert same_value(gold, got) is same


def test_tally_precision_recall_f1():
    t = Tally(hits=3, gold=4, found=6)
    assert (t.precision, t.recall, round(t.f1, 3)) == (0.5, 0.75, 0.6)
    assert Tally().f1 == 1.0  # nothing asked, nothing found


@pytest.mark.slow
def test_seed_corpus_scores(seed_db):
    """The issue's target on the seeds: F1 >= 0.90 in every category (0.85 for events and event dates)."""
    totals, missing = evaluate(seed_db, GOLD)
    assert missing == []
    floors = {"events": 0.85, "event_dates": 0.85}
    low = {c: round(t.f1, 2) for c, t in totals.items() if t.f1 < floors.get(c, 0.90)}
    assert low == {}


@pytest.mark.slow
def test_unseen_article_scores(tmp_path, nlp):
    """An article written for the tests (other people, bodies, country, dates) scores as well as the seeds."""
    from etl.pipeline import build

    db = tmp_path / "unseen.duckdb"
    build(UNSEEN / "articles", db, nlp=nlp)
    totals, _ = evaluate(db, UNSEEN / "gold")
    assert {c: round(t.f1, 2) for c, t in totals.items() if t.f1 < 0.85} == {}


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "etl", "evaluate", *args], capture_output=True, text=True)


@pytest.mark.slow
def test_evaluate_command_prints_every_category(seed_db):
    result = _cli("--db", str(seed_db), "--gold", str(GOLD))
    assert result.returncode == 0
    for category in CATEGORIES:
        assert f"\n{category} " in result.stdout
    assert _cli("--db", str(seed_db), "--gold", str(GOLD), "--min-f1", "0.999").returncode == 2


def test_broken_gold_file_names_file_and_line(tmp_path, seed_db):
    (tmp_path / "a.json").write_text('{"article": "x.txt",\n  "people": [,]}', encoding="utf-8")
    result = _cli("--db", str(seed_db), "--gold", str(tmp_path))
    assert result.returncode == 1
    assert "a.json:2: not valid JSON" in result.stderr


def test_missing_database_says_how_to_build_it(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps({"article": "x.txt"}), encoding="utf-8")
    result = _cli("--db", str(tmp_path / "none.duckdb"), "--gold", str(tmp_path))
    assert result.returncode == 1 and "python -m etl build" in result.stderr


def test_matching_does_not_depend_on_the_order_records_come_in():
    golds = [("Harbour Film Festival", None), ("Closing ceremony of the Harbour Film Festival", None)]
    found = [
        ("Closing ceremony of the Harbour Film Festival (HFF)", None, None),
        ("Harbour Film Festival (HFF)", None, None),
    ]
    tally = Tally()
    match(golds, found, lambda g, x: same_event(g[0], x[0]), tally)
    assert tally.hits == 2
