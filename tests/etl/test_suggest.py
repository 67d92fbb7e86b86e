"""Merge suggestions on literal names: initials, close spellings, acronyms, same name at different bodies."""

from itertools import combinations

import pandas as pd
import pytest
from rapidfuzz import fuzz

from etl import suggest
from etl.load import COLUMNS
from etl.resolve import fold
from etl.suggest import _close_pairs, _likeness, _org_candidates, _org_pair, _people_candidates, merge_suggestions


def tables(people, orgs=(), affiliations=()):
    return {
        "people": pd.DataFrame([(f"P{i}", n, [], None) for i, n in enumerate(people)], columns=COLUMNS["people"]),
        "organizations": pd.DataFrame(
            [(f"O{i}", n, [], "other", None) for i, n in enumerate(orgs)], columns=COLUMNS["organizations"]
        ),
        "affiliations": pd.DataFrame(list(affiliations), columns=COLUMNS["affiliations"]),
    }


@pytest.mark.parametrize(
    ("people", "expected"),
    [
        (["A. Berzina", "Anna Berzina"], ("Anna Berzina", "A. Berzina")),
        (["Gulay Demir Sahan", "Gülay Demir Şahin"], ("Gülay Demir Şahin", "Gulay Demir Sahan")),
        (["Anna Berzina", "Maris Ozols"], None),
        (["B. Berzina", "Anna Berzina"], None),
    ],
)
def test_people_that_may_be_one(people, expected):
    found = merge_suggestions(tables(people))
    pairs = [(k, o) for k, o in zip(found["keep_name"], found["other_name"], strict=True)]
    assert pairs == ([expected] if expected else [])


def test_same_name_at_different_bodies_stays_apart_or_scores_low():
    t = tables(
        ["Jan Kowalski", "Jan Kowalsky"],
        ["Opera House", "Film School"],
        [("P0", "O0", "a", "Director", "e", "apposition"), ("P1", "O1", "b", "Lecturer", "e", "apposition")],
    )
    assert merge_suggestions(t).empty


def test_shared_organisation_raises_the_score_and_says_why():
    t = tables(
        ["Jan Kowalski", "Jan Kowalsky"],
        ["Opera House"],
        [("P0", "O0", "a", None, "e", "apposition"), ("P1", "O0", "b", None, "e", "apposition")],
    )
    row = merge_suggestions(t).iloc[0]
    assert "same organisation: Opera House" in row["reasons"] and row["score"] >= 0.9


def test_acronym_is_suggested_for_its_spelled_out_body():
    row = merge_suggestions(tables([], ["National Heritage Board", "NHB", "Opera House"])).iloc[0]
    assert (row["keep_name"], row["other_name"], row["reasons"]) == (
        "National Heritage Board",
        "NHB",
        "'NHB' = initials",
    )


# Names as a large corpus has them: namesakes (one spelling many times), initials, diacritics, typos,
# gendered and transliterated forms that share no word, single words, and plenty of unrelated names.
SAMPLE_PEOPLE = [
    *["Oscar Osei"] * 6,
    *["Omar Osei", "O. Osei", "Oscar K. Osei", "Olufemi Osei", "Oscar Oseii"],
    *["Aleksandr Petrov", "Aleksandra Petrova", "A. Petrov", "Alexander Petrov", "Anna Petrova"],
    *["Yusuf Ahmedov", "Yousef Akhmedov", "Yusuf Ahmadov", "Jamal Haddad", "Jamal Hadad", "J. Haddad"],
    *["Gülay Demir Şahin", "Gulay Demir Sahan", "Gülay Şahin", "Baghırli", "Baghirli", "Cher", "Cher"],
    *[f"{first} {last}" for first in ("Amina", "Bruno", "Carmen", "Dmitri", "Elif") for last in ("Kovacs", "Novak")],
    *["Bruno Kovač", "Carmen Novák", "Dmitri Novak", "Dmitry Novak", "E. Kovacs", "Elif Kovacs-Novak"],
]
SAMPLE_ORGS = [
    *["National Library of Poland", "National Library of Uganda", "National Library of Poland"],
    *["National Heritage Board", "NHB", "National Heritage Bord", "Heritage Board", "NLP", "Opera House"],
    *["Tartu Art Museum", "Tartu Art Museum ", "Tartu Museum of Art", "Lyon Arts Council", "Lyon Art Council"],
]


def test_blocked_people_candidates_hold_every_pair_the_all_pairs_scoring_finds():
    found = set(_people_candidates(SAMPLE_PEOPLE))
    every = {
        (i, j)
        for i, j in combinations(range(len(SAMPLE_PEOPLE)), 2)
        if _likeness(SAMPLE_PEOPLE[i], SAMPLE_PEOPLE[j])[0] > 0
    }
    assert len(every) > 40  # the sample has many alike pairs, or the check proves nothing
    assert every <= found


def test_blocked_org_candidates_hold_every_pair_the_all_pairs_scoring_finds():
    items = [(f"O{i}", name) for i, name in enumerate(SAMPLE_ORGS)]
    found = set(_org_candidates(SAMPLE_ORGS))
    every = {(i, j) for i, j in combinations(range(len(items)), 2) if _org_pair(items[i], items[j])}
    assert len(every) > 5
    assert every <= found


@pytest.mark.parametrize("cutoff", [84, 87])
@pytest.mark.parametrize("rows", [512, 7])  # 7: many batches, so pairs across batch edges are checked too
def test_close_pairs_compare_each_spelling_once_and_miss_no_pair(cutoff, rows, monkeypatch):
    monkeypatch.setattr(suggest, "ROWS_PER_BATCH", rows)
    folded = [fold(n) for n in SAMPLE_PEOPLE + SAMPLE_ORGS]
    every = {
        (i, j) for i, j in combinations(range(len(folded)), 2) if fuzz.token_sort_ratio(folded[i], folded[j]) >= cutoff
    }
    assert _close_pairs(folded, cutoff) == every


def test_namesakes_at_different_bodies_are_each_suggested_once_not_every_pair():
    """Five people named alike at five bodies: four suggestions (each with the first), not ten; deciding them
    decides the whole group."""
    t = tables(
        ["Oscar Osei"] * 5,
        ["Opera House", "Film School", "Arts Council", "City Library", "Radio"],
        [(f"P{i}", f"O{i}", "a", None, "e", "apposition") for i in range(5)],
    )
    found = merge_suggestions(t)
    assert sorted(zip(found["keep_id"], found["other_id"], strict=True)) == [("P0", f"P{i}") for i in range(1, 5)]
    assert set(found["reasons"]) == {"names 100% alike; different organisations"}


def test_two_alike_spellings_pair_each_person_once_preferring_one_at_the_same_body():
    t = tables(
        ["Jamal Haddad", "Jamal Haddad", "Jamal Haddad", "Jamal Hadad", "Jamal Hadad"],
        ["Opera House", "Film School", "Arts Council"],
        [("P0", "O0", "a", None, "e", "apposition"), ("P1", "O1", "a", None, "e", "apposition")]
        + [("P2", "O2", "a", None, "e", "apposition"), ("P3", "O1", "b", None, "e", "apposition")],
    )
    found = merge_suggestions(t)
    pairs = {frozenset(p) for p in zip(found["keep_id"], found["other_id"], strict=True)}
    across = {p for p in pairs if len({pid in ("P3", "P4") for pid in p}) == 2}
    assert frozenset({"P1", "P3"}) in across  # both at the Film School: that is the pair to look at
    assert len(across) == 2  # each of the two "Hadad" once, not 3 x 2
    assert len(pairs) == 2 + 1 + 2  # and each spelling's own namesakes with its first
