"""Search boxes over long pick lists (culturedash/pickers.py): what is listed for what is typed."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from culturedash.pickers import narrowed

NAMES = [f"Person {i:05d}" for i in range(2000)] + ["Zoë Ærø", "Anna Lund", "Lund Museum"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("zoe", ["Zoë Ærø"]),  # accents aside
        ("LUND", ["Anna Lund", "Lund Museum"]),  # case aside
        ("lund anna", ["Anna Lund"]),  # every word, in any order
        ("nobody", []),
    ],
)
def test_narrowed_lists_what_matches_every_word(query, expected):
    shown, total = narrowed(NAMES, query, str)
    assert shown == expected and total == len(expected)


def test_narrowed_lists_at_most_the_limit_but_counts_every_match():
    shown, total = narrowed(NAMES, "person", str, limit=300)
    assert len(shown) == 300 and total == 2000


def test_narrowed_keeps_the_current_pick_listed():
    shown, _ = narrowed(NAMES, "lund", str, keep="Person 01999")
    assert shown[0] == "Person 01999" and "Anna Lund" in shown


def _page(names: list[str]) -> None:
    import streamlit as st

    from culturedash.pickers import search_select

    picked = search_select(st, "Person", names, key="who", index=None)
    st.write(f"picked: {picked}")


def test_search_select_sends_only_the_matches_of_a_long_list():
    at = AppTest.from_function(_page, args=(NAMES,)).run()
    assert len(at.selectbox(key="who").options) == 300  # not 2,003 names to the browser
    at.text_input(key="who_search").set_value("lund").run()
    assert at.selectbox(key="who").options == ["Anna Lund", "Lund Museum"]
    at.selectbox(key="who").set_value("Anna Lund").run()
    assert at.markdown[-1].value == "picked: Anna Lund"


def test_search_select_is_a_plain_selectbox_for_a_short_list():
    at = AppTest.from_function(_page, args=(["Anna Lund", "Ben Ode"],)).run()
    assert not at.text_input and at.selectbox(key="who").options == ["Anna Lund", "Ben Ode"]
