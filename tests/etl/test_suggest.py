"""Merge suggestions on literal names: initials, close spellings, acronyms, same name at different bodies."""

import pandas as pd
import pytest

from etl.load import COLUMNS
from etl.suggest import merge_suggestions


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
