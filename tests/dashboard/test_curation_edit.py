"""Turning the Data page's form fields into curation entries: only what the analyst typed is written."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from culturedash import curation_edit as edit


@pytest.mark.parametrize("missing", [None, math.nan, pd.NA, pd.NaT])
def test_shown_value_of_a_missing_field_is_blank(missing):
    assert edit.shown(missing) == ""


@pytest.mark.parametrize(
    ("before", "after", "written"),
    [
        ({"title": math.nan, "country": None}, {"title": "", "country": ""}, {}),
        ({"title": math.nan, "country": None}, {"title": "Director", "country": "  "}, {"title": "Director"}),
        ({"title": "Director"}, {"title": "Director "}, {}),
        ({"kind": "museum", "country": "Latvia"}, {"kind": None, "country": "Estonia"}, {"country": "Estonia"}),
        ({"country": "Latvia"}, {"country": ""}, {}),  # blank leaves the field as it is
    ],
)
def test_typed_changes_keep_only_what_the_analyst_typed(before, after, written):
    changes = edit.typed_changes(before, after)
    assert changes == written
    assert "nan" not in {str(v).lower() for v in changes.values()}


def test_correction_entry_is_none_when_nothing_changed():
    assert edit.correction_entry("person", "Ana Lund", {}) is None
    assert edit.correction_entry("person", "Ana Lund", {"title": "Director"}) == {
        "correct": "person",
        "name": "Ana Lund",
        "title": "Director",
    }


def test_a_decided_suggestion_is_no_longer_open_in_either_order():
    frame = pd.DataFrame({"keep_name": ["Anna Berzina", "Film School"], "other_name": ["A. Berzina", "Film Sch."]})
    decisions = [{"separate": "people", "names": ["A. Berzina", "Anna Berzina"]}, {"drop": "event", "name": "x"}]
    assert list(edit.still_open(frame, decisions)["keep_name"]) == ["Film School"]


def test_an_entry_with_an_empty_field_is_not_made():
    assert edit.filled({"split": "person", "name": " Maris Ozols ", "as": "x"}) == {
        "split": "person",
        "name": "Maris Ozols",
        "as": "x",
    }
    assert edit.filled({"split": "person", "name": "Maris Ozols", "as": "  "}) is None
    assert edit.filled({"split": "person", "name": None, "as": "x"}) is None


@pytest.mark.parametrize(("typed", "value"), [("3,000", 3000), ("64.4", 64.4), ("1 200", 1200), ("many", None)])
def test_a_typed_number_is_read_as_the_file_stores_it(typed, value):
    assert edit.number(typed) == value


def test_a_correction_can_remove_fields_and_be_limited_to_one_article():
    entry = edit.correction_entry("person", "Ana Lund", {"title": "Curator"}, ["organization"], article="forum.txt")
    assert entry == {
        "correct": "person",
        "name": "Ana Lund",
        "article": "forum.txt",
        "title": "Curator",
        "organization": None,
    }
    assert edit.correction_entry("event", "Panel one", {}, ["parent"]) == {
        "correct": "event",
        "name": "Panel one",
        "parent": None,
    }
    assert edit.correction_entry("person", "Ana Lund", {}, [], article="forum.txt") is None  # a scope is no change
